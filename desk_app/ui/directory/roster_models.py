"""Models of the roster import wizard: the first rows of the file as the mapping reads
them, and the rows' errors. ID numbers and phones are masked here too — the file came
from outside and its numbers are as sensitive as the archive's."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desk_app.core.masking import mask_id_number, mask_phone
from desk_app.ui.error_text import error_text
from desk_app.ui.widgets.row_table import Column, RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_INDEX = QModelIndex()

SENSITIVE_FIELDS = ("id_number", "phone", "phone2")
_ID_SHAPE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_MOBILE_SHAPE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def masked_cell(field: str | None, text: str | None) -> str:
    """A cell of the file as it may be shown: ID numbers and phones masked, in the
    columns meant for them and anywhere else they turn up."""
    if not text:
        return ""
    if field == "id_number":
        return mask_id_number(text)
    if field in ("phone", "phone2"):
        return mask_phone(text)
    text = _ID_SHAPE.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE_SHAPE.sub(lambda m: mask_phone(m.group(0)), text)


class RosterPreviewModel(QAbstractTableModel):
    """The first rows of the sheet, one column per mapped field; the row headers are
    the Excel row numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: list[tuple[str, str, int]] = []  # (key, label, column)
        self._rows: list[Any] = []

    def set_preview(self, fields: list[tuple[str, str, int]], rows: list[Any]) -> None:
        self.beginResetModel()
        self._fields = list(fields)
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._fields)
        ):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key, _label, column = self._fields[index.column()]
        values = self._rows[index.row()].values
        return masked_cell(key, values[column] if column < len(values) else None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields):
            return self._fields[section][1]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(self._rows[section].number)
        return None


class RowErrorsModel(RowTableModel):
    """行号 / 字段 / 错误 / 原值 (the service masks the values)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Row"), lambda e: e.row_number, align_right=True),
            Column(self.tr("Field"), lambda e: e.field_label),
            Column(self.tr("Error"), lambda e: error_text(e.message)),
            Column(self.tr("Value"), lambda e: masked_cell(None, e.value)),
        ]
