"""A clock-driven refresh that runs only while its widget is on screen.

Time-limit columns and panels re-read themselves every 30 s; a hidden tab or a closed
window must not (it would read a database that may be closed). When the widget comes
back after being hidden it is brought up to date at once.

Every view refreshed this way ticks from one shared timer, at the same moment: the
repairs list, the reception log and the due-now panel never show the same time limit
two ways (剩 55秒 in one, 剩 1分钟 in the other) because they read the clock apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

REFRESH_MS = 30_000


class _Ticker(QTimer):
    """The one timer of an interval: ticks every visible subscriber in turn."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__(QCoreApplication.instance())
        self.setInterval(interval_ms)
        self.timeout.connect(self._tick_all)
        self._subscribers: dict[int, tuple[QWidget, Callable[[], object]]] = {}

    def subscribe(self, widget: QWidget, tick: Callable[[], object]) -> None:
        key = id(widget)
        self._subscribers[key] = (widget, tick)
        widget.destroyed.connect(lambda *_args, key=key: self._forget(key))

    def _forget(self, key: int) -> None:
        self._subscribers.pop(key, None)
        self.stop_unless_watched()

    def _tick_all(self) -> None:
        for widget, tick in list(self._subscribers.values()):
            if widget.isVisible():
                tick()

    def stop_unless_watched(self) -> None:
        if not any(widget.isVisible() for widget, _tick in self._subscribers.values()):
            self.stop()


_tickers: dict[int, _Ticker] = {}


def _ticker(interval_ms: int) -> _Ticker:
    ticker = _tickers.get(interval_ms)
    if ticker is None or ticker.parent() is not QCoreApplication.instance():
        ticker = _tickers[interval_ms] = _Ticker(interval_ms)
    return ticker


def visible_timer(
    widget: QWidget,
    tick: Callable[[], object],
    interval_ms: int = REFRESH_MS,
    *,
    catch_up: bool = True,
) -> QTimer:
    """Call ``tick`` every ``interval_ms`` while ``widget`` is shown, together with every
    other view of that interval; the shared timer is returned. With ``catch_up`` the
    widget also ticks when it is shown again (a page that catches up itself says no)."""
    ticker = _ticker(interval_ms)
    ticker.subscribe(widget, tick)
    widget.installEventFilter(_ShowWatcher(widget, ticker, tick if catch_up else None))
    return ticker


class _ShowWatcher(QObject):
    def __init__(self, widget: QWidget, ticker: _Ticker, tick: Callable[[], object] | None) -> None:
        super().__init__(widget)
        self._ticker = ticker
        self._tick = tick
        self._was_hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            if not self._ticker.isActive():
                self._ticker.start()
            if self._was_hidden and self._tick is not None:
                self._tick()
            self._was_hidden = False
        elif event.type() == QEvent.Type.Hide:
            self._was_hidden = True
            self._ticker.stop_unless_watched()
        return False
