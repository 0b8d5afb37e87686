"""The callback queue (回访): completed repairs and handled complaints to call back."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id


@dataclass(frozen=True)
class CallbackRow:
    id: int
    repair_order_id: int | None
    reception_id: int | None
    started_at: str
    due_at: str
    status: str
    attempts: int
    result: str | None
    comment: str
    follow_up: str
    done_at: str | None
    done_by_name: str | None
    # what is being called back
    subject_no: str
    subject_kind: str  # '维修' or '投诉'
    location: str
    contact_name: str
    phone: str
    content: str
    unit_id: int | None


_SELECT = (
    "SELECT c.id, c.repair_order_id, c.reception_id, c.started_at, c.due_at, c.status, "
    "c.attempts, c.result, c.comment, c.follow_up, c.done_at, op.display_name, "
    "coalesce(o.order_no, e.entry_no), CASE WHEN o.id IS NULL THEN '投诉' ELSE '维修' END, "
    "coalesce(o.location, e.location), coalesce(o.reporter, e.caller_name), "
    "coalesce(o.phone, e.phone), coalesce(o.content, e.content), "
    "coalesce(o.unit_id, e.unit_id) "
    "FROM callbacks c "
    "LEFT JOIN repair_orders o ON o.id = c.repair_order_id "
    "LEFT JOIN reception_entries e ON e.id = c.reception_id "
    "LEFT JOIN operators op ON op.id = c.done_by "
)


def insert(
    db: Database,
    *,
    repair_order_id: int | None,
    reception_id: int | None,
    started_at: str,
    due_at: str,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO callbacks (repair_order_id, reception_id, started_at, due_at, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [repair_order_id, reception_id, started_at, due_at, created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def get(db: Database, callback_id: int) -> CallbackRow | None:
    row = db.execute(f"{_SELECT} WHERE c.id = ?", [callback_id]).fetchone()
    return CallbackRow(*row) if row else None


def open_for_repair(db: Database, order_id: int) -> CallbackRow | None:
    row = db.execute(
        f"{_SELECT} WHERE c.repair_order_id = ? AND c.status = 'due' ORDER BY c.id DESC",
        [order_id],
    ).fetchone()
    return CallbackRow(*row) if row else None


def latest_for_repair(db: Database, order_id: int) -> CallbackRow | None:
    row = db.execute(
        f"{_SELECT} WHERE c.repair_order_id = ? ORDER BY c.id DESC LIMIT 1", [order_id]
    ).fetchone()
    return CallbackRow(*row) if row else None


def open_for_reception(db: Database, entry_id: int) -> CallbackRow | None:
    row = db.execute(
        f"{_SELECT} WHERE c.reception_id = ? AND c.status = 'due' ORDER BY c.id DESC",
        [entry_id],
    ).fetchone()
    return CallbackRow(*row) if row else None


def due(db: Database, *, due_before: str | None = None) -> list[CallbackRow]:
    """Open callbacks, soonest due first; ``due_before`` limits to those due before it."""
    where = "WHERE c.status = 'due'"
    params: list[object] = []
    if due_before:
        where += " AND c.due_at < ?"
        params.append(due_before)
    rows = db.execute(f"{_SELECT} {where} ORDER BY c.due_at, c.id", params).fetchall()
    return [CallbackRow(*r) for r in rows]


def record_attempt(
    db: Database,
    callback_id: int,
    *,
    at: str,
    reached: bool,
    result: str | None,
    comment: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    """Note one attempt and count it on the callback; the attempt's id."""
    cursor = db.execute(
        "INSERT INTO callback_attempts (callback_id, at, reached, result, comment, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [callback_id, at, int(reached), result, comment, created_by, created_shift],
    )
    attempt_id = inserted_id(cursor)
    db.execute("UPDATE callbacks SET attempts = attempts + 1 WHERE id = ?", [callback_id])
    return attempt_id


def close(
    db: Database,
    callback_id: int,
    *,
    status: str,
    result: str | None,
    comment: str,
    follow_up: str,
    done_at: str,
    done_by: int | None,
) -> None:
    db.execute(
        "UPDATE callbacks SET status = ?, result = ?, comment = ?, follow_up = ?, done_at = ?, "
        "done_by = ? WHERE id = ?",
        [status, result, comment, follow_up, done_at, done_by, callback_id],
    )


@dataclass(frozen=True)
class AttemptRow:
    at: str
    reached: bool
    result: str | None
    comment: str
    operator_name: str | None


def attempts(db: Database, callback_id: int) -> list[AttemptRow]:
    rows = db.execute(
        "SELECT a.at, a.reached, a.result, a.comment, op.display_name FROM callback_attempts a "
        "LEFT JOIN operators op ON op.id = a.created_by WHERE a.callback_id = ? ORDER BY a.id",
        [callback_id],
    ).fetchall()
    return [AttemptRow(r[0], bool(r[1]), r[2], r[3], r[4]) for r in rows]


def shift_attempts(db: Database, shift_id: int) -> tuple[int, int]:
    """Callback attempts made in the shift: (reached, not reached)."""
    reached, missed = db.execute(
        "SELECT coalesce(sum(reached), 0), coalesce(sum(1 - reached), 0) "
        "FROM callback_attempts WHERE created_shift = ?",
        [shift_id],
    ).fetchone()
    return reached, missed
