"""Every text a window shows, each with where it is, for checks of the interface's language:
labels, buttons, group and tab titles, placeholders, tooltips, combo box items, menus,
table headers and cells (the first rows of each view)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QTreeView,
    QWidget,
)

ROWS = 40


def _columns(model: QAbstractItemModel) -> int:
    # a list model's columnCount is private in PySide6
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()


def _view_texts(where: str, view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    if model is None:
        return []
    texts: list[tuple[str, str]] = []
    columns = _columns(model)
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        texts.append((f"{where} header", str(header or "")))
    pending = [(QModelIndex(), 0)]
    while pending:  # tree views: the expanded children too
        parent, depth = pending.pop()
        for row in range(min(model.rowCount(parent), ROWS)):
            for column in range(columns):
                index = model.index(row, column, parent)
                header = model.headerData(column, Qt.Orientation.Horizontal)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value is not None:
                        texts.append((f"{where} [{header}]", str(value)))
            child = model.index(row, 0, parent)
            if depth < 3 and isinstance(view, QTreeView) and model.rowCount(child):
                pending.append((child, depth + 1))
    return texts


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything visible in ``window`` now."""
    texts: list[tuple[str, str]] = [("window title", window.windowTitle())]
    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            texts.append(("menu", top.text()))
            menu = top.menu()
            for action in menu.actions() if menu is not None else []:
                texts.append((f"menu {top.text()}", action.text()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        elif isinstance(widget, QLineEdit):
            texts.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [(f"{where} tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += _view_texts(where, widget)
    return [(where, text) for where, text in texts if text]
