"""The common shape of a form dialog.

Keyboard first: fields in reading order, Tab moves through them, Enter accepts,
Esc cancels. ``accept()`` runs ``submit()`` (the service call) through
``ui.operations.perform``: a ``DeskError`` is shown inline in Chinese as the service
wrote it, the cursor goes to the field at fault, the dialog stays open and every field
keeps what the user typed; a write that committed is announced on the hub once and its
``Done`` kept in ``written``.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.operations import NOTHING_WRITTEN, Done
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.operations import perform

W = TypeVar("W", bound=QWidget)


def password_edit(parent: QWidget, object_name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


def line_edit(
    parent: QWidget, object_name: str, text: str = "", max_length: int = 200
) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setObjectName(object_name)
    edit.setMaxLength(max_length)
    return edit


class NoteEdit(QPlainTextEdit):
    """A multi-line note where Enter still accepts the dialog (Shift+Enter: new line)
    and Tab moves on to the next field."""

    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()  # goes on to the dialog, which presses its default button
            return
        if enter:
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)


class FormDialog(QDialog):
    """Subclasses add fields to ``self.form``, call ``finish()``, and implement ``submit()``."""

    def __init__(self, parent: QWidget | None = None, *, hub: EventHub | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.written: Done[object] | None = None
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._layout = QVBoxLayout(self)
        self.intro_label: QLabel | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.first_field: QWidget | None = None
        self.initial_focus: QWidget | None = None

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_intro(self, text: str) -> QLabel:
        self.intro_label = QLabel(text, self)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        return self.intro_label

    def add_row(self, label: str, field: W) -> W:
        self.form.addRow(label, field)
        if self.first_field is None:
            self.first_field = field
        return field

    def finish(
        self,
        ok_text: str | None = None,
        fields: list[QWidget] | None = None,
        *,
        stretch: bool = True,
    ) -> None:
        """Lay the dialog out and fix the tab order: the fields, then OK, then Cancel."""
        if self.intro_label is not None:
            self._layout.addWidget(self.intro_label)
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.error_label)
        if stretch:
            self._layout.addStretch(1)
        self._layout.addWidget(self.buttons)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        chain = list(fields or [])
        chain += [self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def submit(self) -> Done[object] | None:
        """Do the dialog's work: return the service's ``Done`` (None when it writes
        nothing); raise ``DeskError`` to refuse."""
        raise NotImplementedError

    def error_focus(self, error: DeskError) -> QWidget | None:
        """The field to put the cursor in after ``error``."""
        return None

    def accept(self) -> None:
        self.clear_error()
        done = perform(self, self.hub, lambda: self.submit() or NOTHING_WRITTEN)
        if done is None:
            return
        self.written = done
        super().accept()

    def show_desk_error(self, error: DeskError) -> None:
        self.show_error(error_text(error), self.error_focus(error))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        target = self.initial_focus or self.first_field
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(focus, QLineEdit):
                focus.selectAll()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""
