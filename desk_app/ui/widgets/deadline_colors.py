"""Colours of a time limit's state (on time / near / late), the same in every table."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desk_app.core import deadlines

FOREGROUND = {
    deadlines.ON_TIME: QColor("#1b6e20"),
    deadlines.NEAR: QColor("#7a4f00"),
    deadlines.LATE: QColor("#a40000"),
}
BACKGROUND = {
    deadlines.ON_TIME: QColor("#e6f4e6"),
    deadlines.NEAR: QColor("#fff1c2"),
    deadlines.LATE: QColor("#f9d6d5"),
}


def foreground(state: str | None) -> QColor | None:
    return FOREGROUND.get(state) if state else None


def background(state: str | None) -> QColor | None:
    return BACKGROUND.get(state) if state else None
