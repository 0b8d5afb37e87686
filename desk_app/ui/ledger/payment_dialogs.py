"""Dialogs of the payment page: a supervisor's approval with the reason already typed,
and 减免滞纳金 (waiving a late fee with finance's consent)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import late_fees
from desk_app.services.ledger.late_fees import LateFee
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.approval import approved
from desk_app.ui.widgets.forms import FormDialog, line_edit


class WaiveLateFeeDialog(FormDialog):
    """减免滞纳金: why, and who at finance agreed (the manual: 须事先通知公司，并取得
    财务部同意方可免收滞纳金); a supervisor approves."""

    def __init__(
        self, desk: Desk, hub: EventHub, fee: LateFee, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.fee = fee
        self.setObjectName("waive_late_fee_dialog")
        self.setWindowTitle(self.tr("Waive late fee"))
        self.add_intro(
            self.tr("Late fee {fee} of {charge} ({days} days late).").format(
                fee=format_fen(fee.fee_fen), charge=fee.description, days=fee.days
            )
        )
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "waive_reason"))
        self.consent = self.add_row(
            self.tr("&Finance consent:"), line_edit(self, "finance_consent")
        )
        self.consent.setPlaceholderText(self.tr("who at finance agreed, and how"))
        self.finish(self.tr("Waive…"), [self.reason, self.consent])
        self.setMinimumWidth(480)

    def submit(self) -> Done[object]:
        if not self.reason.text().strip():
            raise ValidationError("请填写减免原因。", field="reason")
        if not self.consent.text().strip():
            raise ValidationError("请填写财务部同意情况（经办人、方式）。", field="finance_consent")
        approval = approved(
            self.desk, self.hub, "late_fee_waiver", "减免滞纳金", self.reason.text(), self
        )
        return late_fees.waive_late_fee(
            self.desk, self.fee.charge_id, self.reason.text(), self.consent.text(), approval
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.consent if error.field == "finance_consent" else self.reason
