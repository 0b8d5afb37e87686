"""Typing like a clerk: ASCII by key presses, Chinese through the input method."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key clicks for ASCII; anything else arrives as an input-method commit, the way a
    Chinese IME delivers it (QTest cannot synthesise key events for CJK characters)."""
    run = ""
    for char in text:
        if char.isascii():
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)


def open_dialog(qtbot, dialog: QDialog) -> QDialog:
    """Show a dialog non-modally, active, so focus and Tab behave as for the user."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog
