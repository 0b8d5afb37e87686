"""Operations: every write of the desk, in one transaction, audited, returning what it
changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desk_app.core.clock import to_text
from desk_app.storage import audit
from desk_app.storage.rows import Stamp

if TYPE_CHECKING:
    from desk_app.services.desk.context import Desk


@dataclass(frozen=True)
class Change:
    """What one operation wrote: for the audit trail and for refreshing views."""

    operation: str
    record_table: str | None = None
    record_id: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


class Operation:
    def __init__(self, desk: Desk, name: str, actor: str) -> None:
        self.desk = desk
        self.name = name
        self.actor = actor
        self.at = to_text(desk.clock.now())
        self.changes: list[Change] = []

    @property
    def operator_id(self) -> int | None:
        return self.desk.operator.id if self.desk.operator else None

    @property
    def shift_id(self) -> int | None:
        return self.desk.shift.id if self.desk.shift else None

    @property
    def db(self) -> Database:
        return self.desk.db

    @property
    def stamp(self) -> Stamp:
        """Who writes the operation's rows, and when (the created_* columns)."""
        return Stamp(self.at, self.operator_id, self.shift_id)

    def record(
        self,
        record_table: str | None = None,
        record_id: object | None = None,
        operation: str | None = None,
        **detail: Any,
    ) -> Change:
        change = Change(
            operation or self.name,
            record_table,
            None if record_id is None else str(record_id),
            detail,
        )
        self.changes.append(change)
        audit.append(
            self.desk.db,
            audit.NewAuditEntry(
                at=self.at,
                operator_id=self.operator_id,
                shift_id=self.shift_id,
                actor=self.actor,
                operation=change.operation,
                record_table=record_table,
                record_id=change.record_id,
                detail=detail,
            ),
        )
        return change
