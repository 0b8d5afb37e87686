"""Operations: every write of the desk runs in one transaction, is audited, and returns
what it changed (after Anki's ``CollectionOp``).

A service writes inside ``with desk.operation("name") as op:``; each ``op.record(table,
id, …)`` appends an audit row and notes the row as changed; rows written without an
audit row of their own (a billing run's charges, a payment's lines) are noted with
``op.touch``. The audit rows wait in the operation until the outermost one ends; then,
still inside its transaction, each row its ``Changes`` name is hashed as written
(``storage/row_hashes.py``) and the hashes go into the chain with the entries (a row
with the last entry that recorded it, a touched row with the operation's last entry).
After the block (the transaction committed) the service returns
``op.done(value)``: a ``Done`` with its result and the ``Changes``, from which the UI
refreshes its views, once per write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlite_utils import Database

from desk_app.storage import audit, row_hashes
from desk_app.storage.rows import Stamp

if TYPE_CHECKING:
    from desk_app.services.desk.context import Desk

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
U = TypeVar("U")


@dataclass(frozen=True)
class Changes:
    """What one write changed: the operations it recorded and the rows it wrote, by table
    (ids as text: row ids, or keys such as a setting's name)."""

    operations: tuple[str, ...] = ()
    rows: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        """True when the write changed a row of any of ``tables``."""
        return any(table in self.rows for table in tables)

    def did(self, *operations: str) -> bool:
        """True when the write recorded any of ``operations`` (``backup_made`` …)."""
        return any(name in self.operations for name in operations)

    def ids(self, table: str) -> frozenset[int]:
        """The numeric ids written in ``table``."""
        return frozenset(int(key) for key in self.rows.get(table, ()) if key.lstrip("-").isdigit())

    def keys(self, table: str) -> frozenset[str]:
        """The ids (or keys) written in ``table``, as text."""
        return self.rows.get(table, frozenset())

    @property
    def empty(self) -> bool:
        """Nothing was written, not even an audit row."""
        return not self.rows and not self.operations

    def merged(self, other: Changes) -> Changes:
        rows = {table: set(keys) for table, keys in self.rows.items()}
        for table, keys in other.rows.items():
            rows.setdefault(table, set()).update(keys)
        return Changes(
            self.operations + other.operations,
            MappingProxyType({table: frozenset(keys) for table, keys in rows.items()}),
        )


NO_CHANGES = Changes()


@dataclass(frozen=True)
class Done(Generic[T_co]):
    """A write's result and what it changed."""

    value: T_co
    changes: Changes

    def then(self, value: U) -> Done[U]:
        """The same changes with another result (a caller that reads back what it wrote)."""
        return Done(value, self.changes)


NOTHING_WRITTEN: Done[None] = Done(None, NO_CHANGES)


def written(row: T | None) -> T:
    """A row the operation has just written, read back: it exists (None would be a bug)."""
    assert row is not None, "a row written in this operation is missing"
    return row


class Operation:
    """One write in progress: stamps its rows, appends the audit trail, notes the changes."""

    def __init__(
        self, desk: Desk, name: str, actor: str, *, parent: Operation | None = None
    ) -> None:
        self.desk = desk
        self.name = name
        self.actor = actor
        self.parent = parent
        self.at: str = parent.at if parent is not None else desk.now_text()
        self.recorded = 0
        self._operations: list[str] = []
        self._rows: dict[str, set[str]] = {}
        self._pending: list[audit.NewAuditEntry] = []

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
    ) -> None:
        """Append an audit row for one record written (or for the operation as a whole)."""
        name = operation or self.name
        key = None if record_id is None else str(record_id)
        self._pending.append(
            audit.NewAuditEntry(
                at=self.at,
                operator_id=self.operator_id,
                shift_id=self.shift_id,
                actor=self.actor,
                operation=name,
                record_table=record_table,
                record_id=key,
                detail=detail,
            )
        )
        operation_in_progress: Operation | None = self
        while operation_in_progress is not None:
            operation_in_progress.recorded += 1
            operation_in_progress = operation_in_progress.parent
        self._note(name, record_table, () if key is None else (key,))

    def finish(self) -> None:
        """The block ended without error: a nested operation hands its audit rows to its
        parent; the outermost appends them to the chain with the hashes of its rows."""
        pending, self._pending = self._pending, []
        if self.parent is not None:
            self.parent._pending.extend(pending)
            return
        if not pending:
            return
        audited = set(row_hashes.audited_tables(self.db))
        hashes = {
            (table, key): row_hashes.record_hash(self.db, table, key)
            for table, keys in self._rows.items()
            if table in audited
            for key in keys
        }
        owner = {
            (entry.record_table, entry.record_id): index
            for index, entry in enumerate(pending)
            if (entry.record_table, entry.record_id) in hashes
        }
        rows: list[list[tuple[str, str, str | None]]] = [[] for _ in pending]
        for (table, key), digest in sorted(hashes.items()):
            rows[owner.get((table, key), len(pending) - 1)].append((table, key, digest))
        audit.append_many(
            self.db,
            [replace(entry, rows=tuple(mine)) for entry, mine in zip(pending, rows, strict=True)],
        )

    def touch(self, table: str, ids: Iterable[object]) -> None:
        """Note rows written without an audit row of their own."""
        self._note(None, table, [str(i) for i in ids])

    def _note(self, operation: str | None, table: str | None, keys: Iterable[str]) -> None:
        if operation is not None and operation not in self._operations:
            self._operations.append(operation)
        if table is not None:
            self._rows.setdefault(table, set()).update(keys)
        if self.parent is not None:
            self.parent._note(operation, table, keys)

    @property
    def changes(self) -> Changes:
        return Changes(
            tuple(self._operations),
            MappingProxyType({table: frozenset(keys) for table, keys in self._rows.items()}),
        )

    def done(self, value: T) -> Done[T]:
        """The operation's result with what it changed (call after the ``with`` block)."""
        return Done(value, self.changes)
