"""Every write of the UI goes through ``perform`` (after Anki's ``CollectionOp``).

``perform(source, hub, write)`` runs the service call with a wait cursor. A ``DeskError``
is shown where the source shows its errors (a form puts the message under its fields and
the cursor in the field at fault; anything else gets a message box), and nothing is
emitted. After a write that committed, the hub's ``changed`` signal is emitted once with
what it changed and the widget that started it. Reads that may refuse (a record the
clerk named does not exist) go through ``attempt``, which shows the error the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.core.errors import DeskError
from desk_app.services.operations import Done
from desk_app.ui import messages
from desk_app.ui.events import ChangeEvent, EventHub

T = TypeVar("T")


@runtime_checkable
class ShowsErrors(Protocol):
    """A widget that shows a ``DeskError`` itself, at the field it is about."""

    def show_desk_error(self, error: DeskError) -> None: ...


def show_error(source: QObject | None, error: DeskError) -> None:
    if isinstance(source, ShowsErrors):
        source.show_desk_error(error)
        return
    messages.desk_error(source if isinstance(source, QWidget) else None, error)


@contextmanager
def busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def announce(hub: EventHub | None, done: Done[object], source: QObject | None) -> None:
    """Tell the views what a committed write changed (once; a write that wrote nothing
    tells nobody). ``hub`` may be None only where nothing is written."""
    if done.changes.empty:
        return
    if hub is None:
        raise RuntimeError(f"{type(source).__name__} wrote without a hub to tell the views")
    hub.changed.emit(ChangeEvent(done.changes, source))


def perform(
    source: QObject | None, hub: EventHub | None, write: Callable[[], Done[T]]
) -> Done[T] | None:
    """Run a write. Its ``Done``, or None when it was refused (the error is shown).
    ``hub`` may be None only where nothing is written (a dialog that only asks)."""
    try:
        with busy():
            done = write()
    except DeskError as error:
        show_error(source, error)
        return None
    announce(hub, done, source)
    return done


def attempt(source: QObject | None, read: Callable[[], T]) -> T | None:
    """Run a read that may refuse; its value, or None when refused (the error is shown)."""
    try:
        return read()
    except DeskError as error:
        show_error(source, error)
        return None
