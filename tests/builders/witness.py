"""A witness of every row a desk writes, to hold each write to what it says it changed.

``watch(desk)`` puts TEMP triggers (on this connection only, never in the file) on every
table: each inserted, updated or deleted row is noted in ``temp.witnessed``. Every
outermost ``desk.operation`` then checks, when it commits, that the rows it wrote are
in its ``Changes`` (tables and ids; settings by key), and that nothing was written
outside an operation before it. Rows rolled back are forgotten with their transaction.

Not witnessed: ``audit_log`` and ``audit_rows`` (every operation appends to the trail and
the hashes of its rows), ``search_terms`` (the
search index, kept current inside the writes and never shown as a view of its own) and
``open_charges`` (derived: the database's own triggers recompute it from the money rows the
operation wrote and reported; views follow those tables, never the derived one).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desk_app.services.desk import Desk

# See the docstring: rows that are not what an operation changed but follow from it.
UNWITNESSED = {"audit_log", "audit_rows", "search_terms", "open_charges"}
# Tables named in ``Changes`` by another key than the row id: settings by name, a month's
# close by its period, a unit's papers by the unit.
KEY_COLUMNS = {"settings": "key", "period_closes": "period", "archive_papers": "unit_id"}


class UnsaidWrite(AssertionError):
    """A write changed rows it did not report in its ``Changes``."""


def _tables(desk: Desk) -> list[str]:
    return [
        name
        for (name,) in desk.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
        ).fetchall()
        if name not in UNWITNESSED
    ]


def watch(desk: Desk) -> None:
    """Install the witness on ``desk``'s connection and check its every operation."""
    db = desk.db
    db.execute("CREATE TEMP TABLE IF NOT EXISTS witnessed (tbl TEXT NOT NULL, key TEXT NOT NULL)")
    for table in _tables(desk):
        key = KEY_COLUMNS.get(table, "rowid")
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS witness_{table}_{event.lower()} "
                f"AFTER {event} ON main.{table} BEGIN "
                f"INSERT INTO witnessed VALUES ('{table}', CAST({row}.{key} AS TEXT)); END"
            )
    operation = desk.operation

    @contextmanager
    def witnessed_operation(name: str, **options: object) -> Iterator[object]:
        outermost = desk._operation is None
        if outermost:
            _check_nothing_unsaid(desk, "outside any operation, before " + name)
        with operation(name, **options) as op:
            yield op
        if outermost:
            _check_said(desk, name, op.changes.rows)

    desk.operation = witnessed_operation  # type: ignore[method-assign]


def _witnessed(desk: Desk) -> dict[str, set[str]]:
    rows: dict[str, set[str]] = {}
    for table, key in desk.db.execute("SELECT tbl, key FROM temp.witnessed").fetchall():
        rows.setdefault(table, set()).add(key)
    desk.db.execute("DELETE FROM temp.witnessed")
    return rows


def _check_nothing_unsaid(desk: Desk, when: str) -> None:
    unsaid = _witnessed(desk)
    if unsaid:
        raise UnsaidWrite(f"rows written {when}: {unsaid}")


def _check_said(desk: Desk, name: str, said: object) -> None:
    said_rows = dict(said)  # type: ignore[call-overload]
    unsaid = {
        table: sorted(keys - set(said_rows.get(table, ())))
        for table, keys in _witnessed(desk).items()
        if keys - set(said_rows.get(table, ()))
    }
    if unsaid:
        raise UnsaidWrite(f"operation {name!r} wrote rows its Changes do not name: {unsaid}")
