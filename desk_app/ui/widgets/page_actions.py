"""A page's own keyboard actions: a shortcut that works anywhere inside the page (not in
other tabs), shown in its tool tip, optionally on a list view's context menu and as a
text tool button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QToolButton, QWidget


def page_action(
    page: QWidget,
    keys: str | QKeySequence.StandardKey,
    slot: Callable[[], object],
    *,
    text: str = "",
    object_name: str = "",
    view: QAbstractItemView | None = None,
) -> QAction:
    action = QAction(text, page)
    if object_name:
        action.setObjectName(object_name)
    sequence = QKeySequence(keys)
    action.setShortcut(sequence)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if text:
        shortcut = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    if view is not None:
        view.addAction(action)
    return action


def tool_button(page: QWidget, action: QAction, object_name: str) -> QToolButton:
    button = QToolButton(page)
    button.setObjectName(object_name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
