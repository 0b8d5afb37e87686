"""Small widgets every page uses: the one-key choice (``KeyChoice``), the error and hint
styles, a read-only table view, a push button, money as the tables show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QWidget,
)

from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.row_table import RowTableModel

ERROR_STYLE = "color: #a40000;"


HINT_STYLE = "color: #555555;"


CHOICE_STYLE = """
KeyChoice { border: 1px solid palette(mid); border-radius: 3px; background: palette(base); }
KeyChoice:focus { border: 2px solid palette(highlight); }
KeyChoice QToolButton { padding: 1px 3px; border: none; border-radius: 2px; }
KeyChoice QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }
"""


class KeyChoice(QFrame):
    """One of a few values, picked by a single key (``1 来电``, ``B 报修``) and shown as a
    row of buttons with the key in the label. One Tab stop: arrow keys and Space move
    through the values; ``toggle_key`` (if given) switches between them.

    ``picked`` is emitted when a value was chosen by its key, so that a form can move on."""

    changed = Signal(str)
    picked = Signal(str)

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        toggle_key: str = "",
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(CHOICE_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._values = [value for _key, value in options]
        self._keys = {key.upper(): value for key, value in options if key}
        self._toggle = toggle_key.upper()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        for number, (key, value) in enumerate(options):
            button = QToolButton(self)
            button.setObjectName(f"choice_{number}")
            shown = vocabulary_text(value)
            button.setText(f"{key} {shown}" if key else shown)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(button, number)
            layout.addWidget(button)
        self.group.idClicked.connect(self._clicked)

    def values(self) -> list[str]:
        return list(self._values)

    def value(self) -> str:
        number = self.group.checkedId()
        return self._values[number] if number >= 0 else ""

    def set_value(self, value: str) -> None:
        before = self.value()
        if value in self._values:
            self.group.button(self._values.index(value)).setChecked(True)
        else:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        if self.value() != before:
            self.changed.emit(self.value())

    def button_for(self, value: str) -> QAbstractButton:
        return self.group.button(self._values.index(value))

    def _clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.changed.emit(self._values[number])

    def _step(self, delta: int) -> None:
        number = self.group.checkedId()
        if number < 0:
            target = 0 if delta > 0 else len(self._values) - 1
        else:
            target = (number + delta) % len(self._values)
        self.set_value(self._values[target])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        text = event.text().upper()
        if text and text in self._keys:
            self.set_value(self._keys[text])
            self.picked.emit(self._keys[text])
            return
        if text and text == self._toggle:
            self._step(1)
            return
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self._step(1)
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._step(-1)
            return
        super().keyPressEvent(event)


def table_view(parent: QWidget, model: RowTableModel, object_name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def list_view(
    view: QTableView, model: RowTableModel, object_name: str, *, many: bool = False
) -> QTableView:
    """A table of read-only lines, one line each: rows chosen whole (several with
    ``many``), no cell editing, Tab leaves it, alternate shading, no wrapping, rows of one
    height, columns the user may widen (``fit_columns`` sets them), the last stretched."""
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def list_table(
    parent: QWidget, model: RowTableModel, object_name: str, *, many: bool = False
) -> QTableView:
    """A new ``list_view``."""
    return list_view(QTableView(parent), model, object_name, many=many)


def button(parent: QWidget, text: str, object_name: str, slot: Any) -> QPushButton:
    push = QPushButton(text, parent)
    push.setObjectName(object_name)
    push.setAutoDefault(False)
    push.clicked.connect(slot)
    return push


def qdate(day: date) -> QDate:
    """A Python date as Qt's (spelled out: not every binding converts it itself)."""
    return QDate(day.year, day.month, day.day)


def picked_date(edit: QDateEdit) -> date:
    """The day shown in a date field (QDate.toPython is typed as ``object``)."""
    return cast(date, edit.date().toPython())


def fill_vocabulary(combo: QComboBox, values: Sequence[str], current: str | None = None) -> None:
    """Offer stored words (``紧急``, ``早班`` …) said in the interface's language; the item's
    data is the stored word, which ``currentData()`` returns."""
    for value in values:
        combo.addItem(vocabulary_text(value), value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
