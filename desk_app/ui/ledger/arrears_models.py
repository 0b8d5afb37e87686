"""Tables of the arrears page: the owing units (coloured by stage), the chosen unit's
itemised debt with its late fees, and the chasing steps recorded for it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.ledger import arrears
from desk_app.services.ledger.arrears import ArrearsRow, DebtLine, LateFeeLine
from desk_app.ui.labels import steps_text, vocabulary_text
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel

# Stage 1 yellow, 2 orange, 3 red: the same warmth as the time limits' near / late.
STAGE_BACKGROUND = {1: QColor("#fff1c2"), 2: QColor("#ffd8a8"), 3: QColor("#f9d6d5")}
STAGE_FOREGROUND = {1: QColor("#7a4f00"), 2: QColor("#8a3b00"), 3: QColor("#a40000")}
SUSPENSION_FOREGROUND = QColor("#a40000")


class ArrearsModel(RowTableModel):
    """Rows: ``arrears.ArrearsRow``; the stage column and the unit are coloured by stage."""

    UNIT, CUSTOMER, PHONE, OWED, OLDEST, MONTHS, STAGE, LATE_FEE = range(8)
    UTILITY_DAYS, UTILITY_STEP, LAST_ACTION, LAST_ON, DUE_NEXT = range(8, 13)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Unit"), lambda r: r.unit_text),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Phone"), lambda r: r.phone_masked),
            Column(self.tr("Owed"), lambda r: format_fen(r.owed_fen), align_right=True),
            Column(self.tr("Oldest due"), lambda r: r.oldest_due_on),
            Column(self.tr("Months"), lambda r: r.months_overdue, align_right=True),
            Column(self.tr("Stage"), lambda r: vocabulary_text(r.stage_label)),
            Column(self.tr("Late fee"), lambda r: format_fen(r.late_fee_fen), align_right=True),
            Column(
                self.tr("Utilities days"),
                lambda r: "" if r.utility_days is None else r.utility_days,
                align_right=True,
            ),
            Column(self.tr("Utilities step"), lambda r: vocabulary_text(r.utility_step)),
            Column(self.tr("Last step"), lambda r: vocabulary_text(r.last_action_label)),
            Column(self.tr("Done on"), lambda r: r.last_action_on or ""),
            Column(self.tr("Due now"), lambda r: steps_text(r.due_next)),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            row: ArrearsRow = self.row_at(index.row())
            column = index.column()
            if role == Qt.ItemDataRole.BackgroundRole and column in (self.UNIT, self.STAGE):
                return STAGE_BACKGROUND.get(row.stage)
            if role == Qt.ItemDataRole.ForegroundRole:
                if column in (self.UNIT, self.STAGE):
                    return STAGE_FOREGROUND.get(row.stage)
                if column == self.UTILITY_STEP and row.utility_step == arrears.UTILITY_SUSPENSION:
                    return SUSPENSION_FOREGROUND
        return super().data(index, role)

    def row_of_unit(self, unit_id: int) -> int:
        for number, row in enumerate(self.rows()):
            if row.unit_id == unit_id:
                return number
        return -1


class DebtModel(RowTableModel):
    """Rows: ``DebtLine`` then ``LateFeeLine`` — the charges, then each late fee on a line of
    its own."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), self._item),
            Column(self.tr("Due"), lambda r: r.due_on),
            Column(self.tr("Overdue"), self._overdue, align_right=True),
            Column(self.tr("Amount"), self._amount, align_right=True),
        ]

    def _item(self, row: DebtLine | LateFeeLine) -> str:
        if isinstance(row, LateFeeLine):
            text = self.tr("Late fee: {item}").format(item=row.text)
            return text + (self.tr(" (waived)") if row.waived else "")
        return row.text

    def _overdue(self, row: DebtLine | LateFeeLine) -> str:
        if isinstance(row, LateFeeLine):
            return self.tr("{days} days").format(days=row.days)
        if row.months_overdue:
            return self.tr("{months} months").format(months=row.months_overdue)
        return self.tr("{days} days").format(days=row.days_overdue)

    def _amount(self, row: DebtLine | LateFeeLine) -> str:
        if isinstance(row, LateFeeLine):
            return format_fen(0 if row.waived else row.fee_fen)
        return format_fen(row.outstanding_fen)


class ActionsModel(RowTableModel):
    """Rows: ``arrears.ActionRow``, latest first."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda r: r.done_on),
            Column(self.tr("Step"), lambda r: vocabulary_text(arrears.action_label(r.action))),
            Column(
                self.tr("Stage"), lambda r: vocabulary_text(arrears.STAGE_LABELS.get(r.stage, ""))
            ),
            Column(self.tr("Owed then"), lambda r: format_fen(r.owed_fen), align_right=True),
            Column(self.tr("Postal receipt"), lambda r: r.postal_receipt_no),
            Column(self.tr("Note"), lambda r: r.note),
            Column(self.tr("By"), lambda r: r.created_by_name or ""),
            Column(self.tr("Recorded"), lambda r: display(r.created_at)),
        ]
