"""Refresh a view when the data under it changed — at once if it is on screen, else the
next time it is shown — so that hidden tabs do not re-read the database on every change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ShownRefresh(QObject):
    """Connect hub signals to :meth:`changed`; ``refresh`` runs when the widget is seen."""

    def __init__(self, widget: QWidget, refresh: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False  # something changed while the widget was hidden
        widget.installEventFilter(self)

    def changed(self, *_args: object) -> None:
        if self._widget.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
