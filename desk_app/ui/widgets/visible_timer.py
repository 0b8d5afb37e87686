"""A clock-driven refresh that runs only while its widget is on screen.

Time-limit columns and panels re-read themselves every 30 s; a hidden tab or a closed
window must not (it would read a database that may be closed). When the widget comes
back after being hidden it is brought up to date at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

REFRESH_MS = 30_000


def visible_timer(
    widget: QWidget, tick: Callable[[], object], interval_ms: int = REFRESH_MS
) -> QTimer:
    """A QTimer calling ``tick`` every ``interval_ms`` while ``widget`` is shown."""
    timer = QTimer(widget)
    timer.setInterval(interval_ms)
    timer.timeout.connect(tick)
    widget.installEventFilter(_ShowWatcher(widget, timer, tick))
    return timer


class _ShowWatcher(QObject):
    def __init__(self, widget: QWidget, timer: QTimer, tick: Callable[[], object]) -> None:
        super().__init__(widget)
        self._timer = timer
        self._tick = tick
        self._was_hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self._timer.isActive():
            self._timer.start()
            if self._was_hidden:
                self._tick()
        elif event.type() == QEvent.Type.Hide:
            self._timer.stop()
            self._was_hidden = True
        return False
