"""Driving the window like a clerk: typing (ASCII by key presses, Chinese through the input
method), showing a widget active, the focused widget, mnemonics and their clashes, a
supervisor's approval typed into its dialog."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from tests.builders.staff import PASSWORD


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


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def mnemonics_of(window: QWidget) -> list[str]:
    keys = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        key = QKeySequence.mnemonic(widget.text()).toString()
        if key:
            keys.append(key)
    return keys


def clashes(window: QWidget) -> list[str]:
    return [key for key, count in Counter(mnemonics_of(window)).items() if count > 1]


MNEMONIC = re.compile(r"&([^&])")


def mnemonics(texts):
    return [m.group(1).upper() for text in texts for m in MNEMONIC.finditer(text)]


CTRL = Qt.KeyboardModifier.ControlModifier


def show_ledger_page(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def find_unit(qtbot, page, text):
    """Type a room or a name in the search box and press Enter."""
    page.focus_search()
    type_text(qtbot, page.search_edit, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)


def supervisor_approves(qtbot, when_modal, username="lee"):
    def approve(dialog):
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(SupervisorApprovalDialog, approve)


def change_events(hub) -> list:
    """Every ``ChangeEvent`` the hub announces from now on, in order (one per write)."""
    events: list = []
    hub.changed.connect(events.append)
    return events


def touching(table: str):
    """For ``qtbot.waitSignal(hub.changed, check_params_cb=touching("receipts"))``."""
    return lambda event: event.touches(table)


def written_elsewhere(hub, table: str, *ids: int) -> None:
    """Tell the hub that rows of ``table`` were written by another part of the window (as
    ``ui.operations`` would after that write)."""
    from desk_app.services.operations import Changes, Done
    from desk_app.ui.operations import announce

    changes = Changes(("written_elsewhere",), {table: frozenset(str(i) for i in ids)})
    announce(hub, Done(None, changes), None)


def tab_walk(qtbot, start: QWidget, steps: int) -> list[str]:
    """The object names Tab visits from ``start`` (``start`` included), as a clerk moves."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    names = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        names.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return names
