"""Shifts (班次): who was on duty when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id

_COLUMNS = (
    "s.id, s.name, s.operator_id, o.display_name, s.opened_at, s.closed_at, s.status, "
    "s.incoming_operator_id, i.display_name, s.next_shift_id, s.handover_document_id, s.note"
)
_FROM = (
    "FROM shifts s JOIN operators o ON o.id = s.operator_id "
    "LEFT JOIN operators i ON i.id = s.incoming_operator_id"
)


@dataclass(frozen=True)
class ShiftRow:
    id: int
    name: str
    operator_id: int
    operator_name: str
    opened_at: str
    closed_at: str | None
    status: str
    incoming_operator_id: int | None
    incoming_operator_name: str | None
    next_shift_id: int | None
    handover_document_id: int | None
    note: str | None


def _row(row: tuple) -> ShiftRow:
    return ShiftRow(*row)


def get(db: Database, shift_id: int) -> ShiftRow | None:
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE s.id = ?", [shift_id]).fetchone()
    return _row(row) if row else None


def current_open(db: Database) -> ShiftRow | None:
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE s.status = 'open'").fetchone()
    return _row(row) if row else None


def recent(db: Database, limit: int = 50) -> list[ShiftRow]:
    cursor = db.execute(f"SELECT {_COLUMNS} {_FROM} ORDER BY s.id DESC LIMIT ?", [limit])
    return [_row(row) for row in cursor.fetchall()]


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM shifts").fetchone()[0]


def insert_open(db: Database, *, name: str, operator_id: int, opened_at: str) -> int:
    cursor = db.execute(
        "INSERT INTO shifts (name, operator_id, opened_at, status) VALUES (?, ?, ?, 'open')",
        [name, operator_id, opened_at],
    )
    return inserted_id(cursor)


def close(
    db: Database,
    shift_id: int,
    *,
    closed_at: str,
    status: str,
    incoming_operator_id: int | None = None,
    next_shift_id: int | None = None,
    note: str | None = None,
) -> None:
    db.execute(
        "UPDATE shifts SET closed_at = ?, status = ?, incoming_operator_id = ?, "
        "next_shift_id = ?, note = ? WHERE id = ? AND status = 'open'",
        [closed_at, status, incoming_operator_id, next_shift_id, note, shift_id],
    )


def attach_handover_document(db: Database, shift_id: int, document_id: int) -> None:
    db.execute("UPDATE shifts SET handover_document_id = ? WHERE id = ?", [document_id, shift_id])


def insert_open_after(
    db: Database,
    previous_shift_id: int,
    *,
    name: str,
    operator_id: int,
    opened_at: str,
    closed_at: str,
    note: str | None,
) -> int:
    """Hand over: close the open shift and open the next one (caller's transaction)."""
    db.execute(
        "UPDATE shifts SET status = 'handed_over', closed_at = ?, note = ? "
        "WHERE id = ? AND status = 'open'",
        [closed_at, note, previous_shift_id],
    )
    new_id = insert_open(db, name=name, operator_id=operator_id, opened_at=opened_at)
    db.execute(
        "UPDATE shifts SET incoming_operator_id = ?, next_shift_id = ? WHERE id = ?",
        [operator_id, new_id, previous_shift_id],
    )
    return new_id


@dataclass(frozen=True)
class HistoricShift:
    id: int
    name: str
    operator_id: int
    opened_at: str
    closed_at: str
    status: str
    incoming_operator_id: int | None
    next_shift_id: int | None


def next_id(db: Database) -> int:
    return (db.execute("SELECT max(id) FROM shifts").fetchone()[0] or 0) + 1


def insert_history(db: Database, history: list[HistoricShift]) -> int:
    """Bulk-insert closed shifts with given ids (demo estates, imports).

    Inserted newest first: a shift refers to the later shift that took over from it.
    """
    db.conn.executemany(
        "INSERT INTO shifts (id, name, operator_id, opened_at, closed_at, status, "
        "incoming_operator_id, next_shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                h.id,
                h.name,
                h.operator_id,
                h.opened_at,
                h.closed_at,
                h.status,
                h.incoming_operator_id,
                h.next_shift_id,
            )
            for h in reversed(history)
        ],
    )
    return len(history)
