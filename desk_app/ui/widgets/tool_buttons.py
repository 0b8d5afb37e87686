"""A page's action as a text tool button (the actions themselves come from the registry:
``ui.actions.page_actions``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget


def tool_button(page: QWidget, action: QAction, object_name: str) -> QToolButton:
    button = QToolButton(page)
    button.setObjectName(object_name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
