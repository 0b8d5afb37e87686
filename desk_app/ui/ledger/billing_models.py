"""Table models of the billing page: the 抄表 grid (one editable column, checked as the
clerk types) and the billing sheet's lines (the ones that can not be billed highlighted).

Both hold the rows a service returned and format cells only when the view asks, so a
sheet of thousands of lines costs nothing until it is scrolled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen
from desk_app.services.ledger import billing
from desk_app.services.ledger.billing import BillingLine, ReadingRow
from desk_app.ui.error_text import error_text

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
PROBLEM_BACKGROUND = QColor("#f9d6d5")
PROBLEM_FOREGROUND = QColor("#a40000")
BILLED_FOREGROUND = QColor("#777777")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReadingsModel(QAbstractTableModel):
    """A building's units for one metered item: 本次读数 is typed in; 用量 and 提示 follow."""

    ROOM, CUSTOMER, PREVIOUS, CURRENT, USAGE, NOTE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReadingRow] = []
        self._typed: dict[int, str] = {}  # unit id → text typed since the grid was loaded
        self._headers = [
            self.tr("Room"),
            self.tr("Customer"),
            self.tr("Previous reading"),
            self.tr("This reading"),
            self.tr("Usage"),
            self.tr("Check"),
        ]

    def set_rows(self, rows: Sequence[ReadingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._typed = {}
        self.endResetModel()

    def row_at(self, number: int) -> ReadingRow:
        return self._rows[number]

    def row_of_unit(self, unit_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.unit_id == unit_id), None)

    def editable(self, number: int) -> bool:
        return 0 <= number < len(self._rows) and not self._rows[number].billed

    def pending(self) -> list[tuple[int, str]]:
        """(unit id, text) of the readings typed and not yet saved, in grid order."""
        out = []
        for row in self._rows:
            text = self._typed.get(row.unit_id, "").strip()
            if text and text != billing.reading_text(row.current_centi):
                out.append((row.unit_id, text))
        return out

    def _current_text(self, row: ReadingRow) -> str:
        if row.unit_id in self._typed:
            return self._typed[row.unit_id]
        return billing.reading_text(row.current_centi)

    def _check(self, row: ReadingRow) -> tuple[int | None, str, bool]:
        """(reading in hundredths or None, a note on it, whether the note is an error)."""
        text = self._current_text(row).strip()
        if row.billed:
            return None, self.tr("Billed: the reading is final"), False
        if not text:
            return None, "", False
        try:
            centi = billing.parse_reading_centi(text)
        except ValidationError as error:
            return None, error_text(error), True
        if row.previous_centi is None:
            return centi, self.tr("First reading: kept as the base"), False
        problem = row.problem(centi)
        return centi, problem, bool(problem)

    def has_errors(self) -> bool:
        return any(self._check(row)[2] for row in self._rows)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.CURRENT and self.editable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.ROOM:
                return row.unit_code
            if column == self.CUSTOMER:
                return row.customer
            if column == self.PREVIOUS:
                return billing.reading_text(row.previous_centi)
            if column == self.CURRENT:
                return self._current_text(row)
            centi, note, _error = self._check(row)
            if column == self.USAGE:
                if centi is None or row.previous_centi is None or centi < row.previous_centi:
                    return ""
                return billing.reading_text(centi - row.previous_centi)
            return note
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.PREVIOUS,
            self.CURRENT,
            self.USAGE,
        ):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.billed:
                return BILLED_FOREGROUND
            if column == self.NOTE and self._check(row)[2]:
                return PROBLEM_FOREGROUND
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == self.CURRENT
            and self._check(row)[2]
        ):
            return PROBLEM_BACKGROUND
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.CURRENT:
            return False
        if not self.editable(index.row()):
            return False
        row = self._rows[index.row()]
        self._typed[row.unit_id] = str(value or "").strip()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.NOTE))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class BillingLinesModel(QAbstractTableModel):
    """The lines of a preview or of a posted sheet."""

    ROOM, CUSTOMER, ITEM, PREVIOUS, CURRENT, QUANTITY, PRICE, AMOUNT, DUE, PROBLEM = range(10)
    NUMERIC = (PREVIOUS, CURRENT, QUANTITY, PRICE, AMOUNT)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[BillingLine] = []
        self._headers = [
            self.tr("Room"),
            self.tr("Customer"),
            self.tr("Item"),
            self.tr("Previous reading"),
            self.tr("This reading"),
            self.tr("Quantity"),
            self.tr("Price"),
            self.tr("Amount"),
            self.tr("Due"),
            self.tr("Not billed because"),
        ]

    def set_lines(self, lines: Sequence[BillingLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[BillingLine]:
        return list(self._lines)

    def line_at(self, number: int) -> BillingLine:
        return self._lines[number]

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def _text(self, line: BillingLine, column: int) -> str:
        if column == self.ROOM:
            return line.unit_code
        if column == self.CUSTOMER:
            return line.customer
        if column == self.ITEM:
            return line.item_name
        if column == self.PREVIOUS:
            return billing.reading_text(line.previous_centi)
        if column == self.CURRENT:
            return billing.reading_text(line.current_centi)
        if column == self.QUANTITY:
            return billing.reading_text(line.quantity_centi)
        if column == self.PRICE:
            return billing.price_text(line.price_milli_yuan)
        if column == self.AMOUNT:
            return format_fen(line.amount_fen, symbol=False) if line.billable else ""
        if column == self.DUE:
            return line.due_on
        return line.problem

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return RIGHT
        if not line.billable:
            if role == Qt.ItemDataRole.BackgroundRole:
                return PROBLEM_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.PROBLEM:
                return PROBLEM_FOREGROUND
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
