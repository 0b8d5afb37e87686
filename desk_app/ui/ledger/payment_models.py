"""The tables of the payment page: what the unit owes (a tick per charge, Space toggles it)
and, apart from it, the late fees (滞纳金) its overdue charges would carry if paid today."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from desk_app.core import ledger_rules
from desk_app.core.money import format_fen
from desk_app.services.ledger.charges import OwingRow
from desk_app.services.ledger.late_fees import LateFee
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel


def money(fen: int) -> str:
    return format_fen(fen, symbol=False)


class OwingModel(RowTableModel):
    """The unit's charges with something left to pay, oldest first; column 0 is the tick."""

    TICK, ITEM, PERIOD, DUE, AGE, AMOUNT, PAID, OUTSTANDING = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.today = date.today()
        self._ticked: set[int] = set()

    def columns(self) -> list[Column]:
        return [
            Column("", lambda _r: ""),
            Column(
                self.tr("Item"), lambda r: r.description if r.kind == "late_fee" else r.item_name
            ),
            Column(self.tr("Period"), lambda r: r.period),
            Column(self.tr("Due"), lambda r: r.due_on),
            Column(self.tr("Age (months)"), self._age, align_right=True),
            Column(self.tr("Charged"), lambda r: money(r.amount_fen), align_right=True),
            Column(self.tr("Paid"), lambda r: money(r.paid_fen), align_right=True),
            Column(self.tr("Owing"), lambda r: money(r.outstanding_fen), align_right=True),
        ]

    def _age(self, row: OwingRow) -> int:
        return ledger_rules.months_overdue(date.fromisoformat(row.due_on), self.today)

    def set_owing(self, rows: Sequence[OwingRow], today: date, *, keep_ticks: bool) -> None:
        self.today = today
        ids = {r.charge_id for r in rows}
        self._ticked = (self._ticked & ids) if keep_ticks else set()
        self.set_rows(rows)

    # ---- ticks ---------------------------------------------------------------------------

    def ticked_ids(self) -> list[int]:
        """The ticked charges, oldest first."""
        return [r.charge_id for r in self.rows() if r.charge_id in self._ticked]

    def ticked_rows(self) -> list[OwingRow]:
        return [r for r in self.rows() if r.charge_id in self._ticked]

    def is_ticked(self, row: int) -> bool:
        return 0 <= row < self.rowCount() and self.row_at(row).charge_id in self._ticked

    def set_ticked(self, row: int, ticked: bool) -> None:
        if not 0 <= row < self.rowCount():
            return
        charge_id = self.row_at(row).charge_id
        if ticked:
            self._ticked.add(charge_id)
        else:
            self._ticked.discard(charge_id)
        index = self.index(row, self.TICK)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def toggle(self, row: int) -> None:
        self.set_ticked(row, not self.is_ticked(row))

    def tick_all(self, ticked: bool) -> None:
        self._ticked = {r.charge_id for r in self.rows()} if ticked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.TICK),
                self.index(self.rowCount() - 1, self.TICK),
                [Qt.ItemDataRole.CheckStateRole],
            )

    # ---- Qt ------------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.TICK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return (
                    Qt.CheckState.Checked
                    if self.is_ticked(index.row())
                    else Qt.CheckState.Unchecked
                )
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            index.isValid()
            and index.column() == self.TICK
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            self.set_ticked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        return False

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.TICK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class LateFeesModel(RowTableModel):
    """The late fee each overdue charge carries today (information: it is charged when the
    charge is paid, unless waived)."""

    ITEM, DUE, DAYS, OVERDUE, FEE, WAIVED = range(6)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Late fee of"), lambda f: f.description),
            Column(self.tr("Due"), lambda f: f.due_on),
            Column(self.tr("Days late"), lambda f: f.days, align_right=True),
            Column(self.tr("Owing"), lambda f: money(f.overdue_fen), align_right=True),
            Column(self.tr("Late fee"), lambda f: money(f.fee_fen), align_right=True),
            Column(self.tr("Waived"), lambda f: self.tr("waived") if f.waived else ""),
        ]

    def fee_at(self, row: int) -> LateFee | None:
        return self.row_at(row) if 0 <= row < self.rowCount() else None
