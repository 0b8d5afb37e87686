"""The shift schedule (班次表) as an editable table: name, start, end."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desk_app.ui.widgets.row_table import ROOT_INDEX, AnyIndex

NAME, START, END = range(3)
_KEYS = ("name", "start", "end")


class ShiftScheduleModel(QAbstractTableModel):
    def __init__(self, schedule: list[dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, str]] = [
            {key: str(entry.get(key, "")) for key in _KEYS} for entry in schedule
        ]

    def schedule(self) -> list[dict[str, str]]:
        """The table as the settings service wants it (texts trimmed)."""
        return [{key: row[key].strip() for key in _KEYS} for row in self._rows]

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(_KEYS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][_KEYS[index.column()]]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (START, END):
            return self.tr("Time as hours:minutes, e.g. 07:30")
        return None

    def setData(
        self,
        index: AnyIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self._rows[index.row()][_KEYS[index.column()]] = "" if value is None else str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = (self.tr("Shift name"), self.tr("Start"), self.tr("End"))
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def insertRows(
        self,
        row: int,
        count: int,
        parent: AnyIndex = ROOT_INDEX,
    ) -> bool:
        if parent.isValid() or count < 1 or not (0 <= row <= len(self._rows)):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        for _ in range(count):
            self._rows.insert(row, {"name": "", "start": "", "end": ""})
        self.endInsertRows()
        return True

    def removeRows(
        self,
        row: int,
        count: int,
        parent: AnyIndex = ROOT_INDEX,
    ) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True
