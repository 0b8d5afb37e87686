"""The room field every module can reuse: type ``3-2`` and the units whose number starts
so are offered (``3-2-101  3栋2单元101  张三``); the code goes into the field.

    edit = UnitLineEdit(desk, parent)      # a QLineEdit with the completer
    edit.unit_chosen.connect(...)          # a unit picked from the list (its id)
    unit = edit.resolve()                  # the UnitRow typed or picked; DeskError if none

``UnitCompleter(desk, line_edit)`` attaches the same completion to an existing QLineEdit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, search

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_INDEX = QModelIndex()
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLETION_LIMIT = 20
DELAY_MS = 100


class UnitSuggestionsModel(QAbstractListModel):
    """(unit_id, code, label) rows: the list shows ``code  label``, the field gets the code."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []

    def set_suggestions(self, rows: list[tuple[int, str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def suggestions(self) -> list[tuple[int, str, str]]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        unit_id, code, label = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{code}    {label}" if label and label != code else code
        if role == Qt.ItemDataRole.EditRole:
            return code
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        if role == UNIT_ID_ROLE:
            return unit_id
        return None


class UnitCompleter(QCompleter):
    """Completes unit numbers in ``edit`` from ``search.complete_units``."""

    unit_chosen = Signal(int)

    def __init__(self, desk: Desk, edit: QLineEdit) -> None:
        self.suggestions = UnitSuggestionsModel()
        super().__init__(self.suggestions, edit)
        self.suggestions.setParent(self)
        self.desk = desk
        self.edit = edit
        self.setObjectName("unit_completer")
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self.setWidget(edit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.update_suggestions)
        edit.textEdited.connect(lambda _text: self.timer.start())
        edit.returnPressed.connect(self.timer.stop)
        self.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # overload

    def update_suggestions(self) -> None:
        """Fetch the units starting with the field's text and show them."""
        self.timer.stop()
        if not self.edit.isVisible():
            return  # the form was closed while the clerk was typing
        prefix = self.edit.text().strip()
        rows = search.complete_units(self.desk, prefix, COMPLETION_LIMIT) if prefix else []
        self.suggestions.set_suggestions(rows)
        if rows and self.edit.hasFocus():
            self.complete()
        elif not rows and (popup := self.popup()) is not None:
            popup.hide()

    def _activated(self, index: QModelIndex) -> None:
        unit_id = index.data(UNIT_ID_ROLE)
        code = index.data(Qt.ItemDataRole.EditRole)
        if code:
            self.edit.setText(code)
        if unit_id is not None:
            self.unit_chosen.emit(int(unit_id))


class UnitLineEdit(QLineEdit):
    """A room field: completion of unit numbers, and ``resolve()`` to the unit."""

    unit_chosen = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("unit_edit")
        self.setMaxLength(40)
        self.setPlaceholderText(self.tr("e.g. 3-2-501"))
        # Not ``setCompleter``: QLineEdit would pop up the previous suggestions at every
        # key; the completer shows fresh ones once the service has answered.
        self.unit_completer = UnitCompleter(desk, self)
        self._chosen: tuple[int, str] | None = None
        self.unit_completer.unit_chosen.connect(self._chosen_from_list)

    def _chosen_from_list(self, unit_id: int) -> None:
        self._chosen = (unit_id, self.text())
        self.unit_chosen.emit(unit_id)

    def unit_id(self) -> int | None:
        """The unit picked or typed, or None if the text names no unit."""
        try:
            return self.resolve().id
        except DeskError:
            return None

    def resolve(self) -> Any:
        """The ``UnitRow`` the field names (picked from the list, or typed in any
        spelling); raises ``DeskError`` with the service's message."""
        if self._chosen is not None and self._chosen[1] == self.text():
            return estate.get_unit(self.desk, self._chosen[0])
        return estate.find_unit(self.desk, self.text())
