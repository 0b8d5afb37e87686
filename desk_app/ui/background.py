"""Running a slow job that does not touch the desk's connection or any widget
(e.g. the full integrity check, which opens its own read-only connection) on
Qt's thread pool, with the result delivered back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.function = function
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread to report
            self.relay.failed.emit(error)
        else:
            self.relay.finished.emit(result)


class BackgroundTask(QObject):
    """One job on the global thread pool; ``finished``/``failed`` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._job = _Job(function, self._relay)
        self._job.setAutoDelete(False)
        self.running = False

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(self._job)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.running = False
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.running = False
        self.failed.emit(error)
