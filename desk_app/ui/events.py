"""The app-wide change event.

One ``EventHub`` lives on the ``DeskApplication``. After every write that committed,
``ui.operations.perform`` emits ``changed`` once with a ``ChangeEvent``: what the write
changed (tables and ids, the operations it recorded) and the widget that started it, so
that it need not reload itself. Views refresh from the tables they show. Nothing else
emits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desk_app.services.operations import Changes


@dataclass(frozen=True)
class ChangeEvent:
    changes: Changes
    source: QObject | None
    """The widget that performed the write (it already shows the result)."""

    def touches(self, *tables: str) -> bool:
        return self.changes.touches(*tables)

    def did(self, *operations: str) -> bool:
        return self.changes.did(*operations)

    def ids(self, table: str) -> frozenset[int]:
        return self.changes.ids(table)

    def keys(self, table: str) -> frozenset[str]:
        return self.changes.keys(table)

    def started_by(self, widget: QObject) -> bool:
        """True when ``widget`` (or a dialog it opened) performed the write."""
        source = self.source
        while source is not None:
            if source is widget:
                return True
            source = source.parent()
        return False


class EventHub(QObject):
    changed = Signal(object)
    """A write committed; carries its ``ChangeEvent``. Emitted once per write, only by
    ``ui.operations``."""
