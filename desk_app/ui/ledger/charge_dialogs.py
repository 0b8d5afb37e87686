"""Charges made at the desk: a one-off charge or a deposit on the unit (工本费, 装修押金,
出入证押金 …), and the correction of a posted charge as an adjusting entry with a reason
(a supervisor approves; the charge itself is never edited)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, fee_items
from desk_app.services.ledger.charges import OwingRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.approval import approved
from desk_app.ui.widgets.forms import FormDialog, line_edit

# Items the desk charges by hand; the rest come from billing runs, repairs and payments.
DESK_KINDS = ("one_off", "deposit", "fixed")


class NewChargeDialog(FormDialog):
    """新增费用: an item, its amount (blank for a fixed item: its rate), what for, due date."""

    def __init__(
        self, desk: Desk, hub: EventHub, unit_id: int, unit_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.charge_id: int | None = None
        self.setObjectName("new_charge_dialog")
        self.setWindowTitle(self.tr("New charge"))
        self.add_intro(self.tr("A charge on {unit}.").format(unit=unit_text))
        self.item = QComboBox(self)
        self.item.setObjectName("charge_item")
        for item in fee_items.fee_items(desk):
            if item.active and item.kind in DESK_KINDS and item.code != "late_fee":
                label = f"{item.name}（{fee_items.FEE_KIND_LABELS[item.kind]}）"
                self.item.addItem(label, item.code)
        self.add_row(self.tr("&Item:"), self.item)
        self.amount = self.add_row(self.tr("&Amount:"), line_edit(self, "charge_amount"))
        self.amount.setPlaceholderText(self.tr("yuan; blank: the item's rate"))
        self.description = self.add_row(
            self.tr("&What for:"), line_edit(self, "charge_description")
        )
        self.due_on = self.add_row(self.tr("&Due on:"), line_edit(self, "charge_due_on"))
        self.due_on.setText(desk.now_text()[:10])
        self.finish(self.tr("Charge"), [self.item, self.amount, self.description, self.due_on])
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        code = self.item.currentData()
        if not code:
            raise ValidationError("请选择收费项目。", field="item")
        done = charges.post_charge(
            self.desk,
            self.unit_id,
            code,
            due_on=self.due_on.text(),
            amount=self.amount.text(),
            description=self.description.text(),
        )
        result = done.value
        self.charge_id = result.charge_id
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return {
            "item": self.item,
            "due_on": self.due_on,
            "period": self.due_on,
        }.get(error.field or "", self.amount)


class AdjustChargeDialog(FormDialog):
    """调整: an adjusting entry on a posted charge (negative to reduce) with its reason."""

    def __init__(
        self, desk: Desk, hub: EventHub, row: OwingRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.setObjectName("adjust_charge_dialog")
        self.setWindowTitle(self.tr("Adjust a charge"))
        self.add_intro(
            self.tr("{charge}: {amount}, paid {paid}. The charge is kept; the adjustment is a new entry.").format(
                charge=row.description,
                amount=format_fen(row.amount_fen),
                paid=format_fen(row.paid_fen),
            )
        )  # fmt: skip
        self.amount = self.add_row(self.tr("&Adjust by:"), line_edit(self, "adjust_amount"))
        self.amount.setPlaceholderText(self.tr("e.g. -28.28 to reduce"))
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "adjust_reason"))
        self.finish(self.tr("Adjust…"), [self.amount, self.reason])
        self.setMinimumWidth(480)

    def submit(self) -> Done[object]:
        if not self.reason.text().strip():
            raise ValidationError("请填写调整原因。", field="reason")
        approval = None
        operator = self.desk.operator
        if operator is None or not operator.at_least("supervisor"):
            approval = approved(
                self.desk, self.hub, "charge_adjustment", "调整费用", self.reason.text(), self
            )
        return charges.adjust_charge(
            self.desk, self.row.charge_id, self.amount.text(), self.reason.text(), approval
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.reason if error.field == "reason" else self.amount
