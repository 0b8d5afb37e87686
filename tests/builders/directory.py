"""The directory's test owner (full ID number and phone) and the check that none of it is
shown unmasked."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk_app.services.directory.people import PersonRecord

OWNER_ID = "11010519491231002X"


OWNER_PHONE = "13812345678"


OWNER = PersonRecord(name="张三", gender="男", id_number=OWNER_ID, phone=OWNER_PHONE)


FULL_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


FULL_PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def shown_texts(root: QWidget) -> list[str]:
    """Every text a clerk could read in ``root``'s window (dialogs opened from it are
    windows of their own): labels, fields, group titles, and every cell and tooltip of
    every list and table."""

    def inside(kind):
        return [w for w in root.findChildren(kind) if w.window() is root.window()]

    texts: list[str] = []
    for label in inside(QLabel):
        texts += [label.text(), label.toolTip()]
    for edit in inside(QLineEdit):
        texts += [edit.text(), edit.placeholderText()]
    for box in inside(QGroupBox):
        texts.append(box.title())
    for view in inside(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            while index.isValid():  # (a list model's columnCount is private)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value is not None:
                        texts.append(str(value))
                index = index.siblingAtColumn(index.column() + 1)
    return texts


def assert_nothing_unmasked(root: QWidget) -> None:
    for text in shown_texts(root):
        assert not FULL_ID.search(text), text
        assert not FULL_PHONE.search(text), text
