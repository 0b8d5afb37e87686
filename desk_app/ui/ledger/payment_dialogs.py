"""Dialogs of the payment page: a supervisor's approval with the reason already typed,
and 减免滞纳金 (waiving a late fee with finance's consent)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import late_fees
from desk_app.services.ledger.late_fees import LateFee
from desk_app.services.shifts.approvals import Approval
from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from desk_app.ui.widgets.forms import FormDialog, line_edit

NOT_APPROVED = "未获客服主管批准，未执行。"


def request_approval(
    desk: Desk, action: str, action_label: str, reason: str, parent: QWidget | None = None
) -> Approval | None:
    """A supervisor's approval for ``action``, the reason carried over from the form the
    clerk filled in; None if cancelled."""
    dialog = SupervisorApprovalDialog(desk, action_label, parent, action=action)
    dialog.reason.setText(reason.strip())
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.approval
        return None
    finally:
        dialog.deleteLater()


def approved(desk: Desk, action: str, action_label: str, reason: str, parent: QWidget) -> Approval:
    """The approval, or a ``ValidationError`` a form shows inline when it was not given."""
    approval = request_approval(desk, action, action_label, reason, parent)
    if approval is None:
        raise ValidationError(NOT_APPROVED, field="approval")
    return approval


class WaiveLateFeeDialog(FormDialog):
    """减免滞纳金: why, and who at finance agreed (the manual: 须事先通知公司，并取得
    财务部同意方可免收滞纳金); a supervisor approves."""

    def __init__(self, desk: Desk, fee: LateFee, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def submit(self) -> None:
        if not self.reason.text().strip():
            raise ValidationError("请填写减免原因。", field="reason")
        if not self.consent.text().strip():
            raise ValidationError("请填写财务部同意情况（经办人、方式）。", field="finance_consent")
        approval = approved(self.desk, "late_fee_waiver", "减免滞纳金", self.reason.text(), self)
        late_fees.waive_late_fee(
            self.desk, self.fee.charge_id, self.reason.text(), self.consent.text(), approval
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.consent if error.field == "finance_consent" else self.reason
