"""The reception log (业户来电、来访接待记录表)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

from desk_app.storage.rows import insert_record, update_columns


@dataclass(frozen=True)
class NewEntry:
    entry_no: str
    received_at: str
    channel: str
    unit_id: int | None
    place_id: int | None
    location: str
    building: str | None
    caller_name: str
    phone: str
    category: str
    content: str
    receiver_id: int | None
    department: str = ""
    handling: str = ""
    result: str = ""
    status: str = "open"
    due_at: str | None = None
    handled_at: str | None = None
    completed_at: str | None = None
    note: str = ""


@dataclass(frozen=True)
class EntryRow:
    id: int
    entry_no: str
    received_at: str
    channel: str
    unit_id: int | None
    place_id: int | None
    location: str
    building: str | None
    caller_name: str
    phone: str
    category: str
    content: str
    receiver_id: int | None
    department: str
    handling: str
    result: str
    status: str
    due_at: str | None
    handled_at: str | None
    completed_at: str | None
    escalated: bool
    repair_order_id: int | None
    note: str
    receiver_name: str | None
    repair_order_no: str | None
    repair_status: str | None
    callback_result: str | None
    callback_at: str | None
    callback_by: str | None


_FIELDS = [f.name for f in fields(EntryRow)]
_SELECT = (
    "SELECT e.id, e.entry_no, e.received_at, e.channel, e.unit_id, e.place_id, e.location, "
    "e.building, e.caller_name, e.phone, e.category, e.content, e.receiver_id, e.department, "
    "e.handling, e.result, e.status, e.due_at, e.handled_at, e.completed_at, e.escalated, "
    "e.repair_order_id, e.note, op.display_name, r.order_no, r.status, "
    "cb.result, cb.done_at, cbop.display_name "
    "FROM reception_entries e "
    "LEFT JOIN operators op ON op.id = e.receiver_id "
    "LEFT JOIN repair_orders r ON r.id = e.repair_order_id "
    "LEFT JOIN callbacks cb ON cb.id = (SELECT max(id) FROM callbacks c2 "
    "    WHERE c2.reception_id = e.id OR (e.repair_order_id IS NOT NULL "
    "    AND c2.repair_order_id = e.repair_order_id)) "
    "LEFT JOIN operators cbop ON cbop.id = cb.done_by "
)


def _row(row: tuple) -> EntryRow:
    values = dict(zip(_FIELDS, row, strict=True))
    values["escalated"] = bool(values["escalated"])
    return EntryRow(**values)


def insert(
    db: Database,
    entry: NewEntry,
    *,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    return insert_record(
        db,
        "reception_entries",
        entry,
        created_at=created_at,
        created_by=created_by,
        created_shift=created_shift,
    )


_UPDATABLE = {
    "department",
    "handling",
    "result",
    "status",
    "due_at",
    "handled_at",
    "completed_at",
    "escalated",
    "repair_order_id",
    "note",
}


def update(db: Database, entry_id: int, changes: dict[str, object], updated_at: str) -> None:
    update_columns(db, "reception_entries", entry_id, changes, _UPDATABLE, updated_at)


def get(db: Database, entry_id: int) -> EntryRow | None:
    row = db.execute(f"{_SELECT} WHERE e.id = ?", [entry_id]).fetchone()
    return _row(row) if row else None


def by_number(db: Database, entry_no: str) -> EntryRow | None:
    row = db.execute(f"{_SELECT} WHERE e.entry_no = ?", [entry_no]).fetchone()
    return _row(row) if row else None


def last_number_with_prefix(db: Database, prefix: str) -> str | None:
    row = db.execute(
        "SELECT entry_no FROM reception_entries WHERE entry_no >= ? AND entry_no < ? "
        "ORDER BY entry_no DESC LIMIT 1",
        [prefix, prefix + "\uffff"],
    ).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class EntryQuery:
    """Filters of the log; all optional. ``overdue_before`` selects open complaints whose
    deadline is before that moment."""

    date_from: str | None = None  # inclusive, ISO date or datetime
    date_to: str | None = None  # exclusive
    category: str | None = None
    channel: str | None = None
    status: str | None = None  # open / handled / closed / 'unfinished'
    building: str | None = None
    unit_id: int | None = None
    overdue_before: str | None = None


def _where(query: EntryQuery) -> tuple[str, list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    if query.date_from:
        conditions.append("e.received_at >= ?")
        params.append(query.date_from)
    if query.date_to:
        conditions.append("e.received_at < ?")
        params.append(query.date_to)
    if query.category:
        conditions.append("e.category = ?")
        params.append(query.category)
    if query.channel:
        conditions.append("e.channel = ?")
        params.append(query.channel)
    if query.status == "unfinished":
        conditions.append("e.status <> 'closed'")
    elif query.status:
        conditions.append("e.status = ?")
        params.append(query.status)
    if query.building:
        conditions.append("e.building = ?")
        params.append(query.building)
    if query.unit_id is not None:
        conditions.append("e.unit_id = ?")
        params.append(query.unit_id)
    if query.overdue_before:
        conditions.append(
            # `status <> 'closed'` repeats the partial index's condition so it is used.
            "((e.status <> 'closed' AND e.status = 'open' AND e.due_at IS NOT NULL "
            "AND e.due_at < ?) OR e.id IN "
            "(SELECT reception_id FROM callbacks WHERE status = 'due' AND due_at < ? "
            "AND reception_id IS NOT NULL))"
        )
        params.extend([query.overdue_before, query.overdue_before])
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def count(db: Database, query: EntryQuery) -> int:
    where, params = _where(query)
    return db.execute(f"SELECT count(*) FROM reception_entries e {where}", params).fetchone()[0]


def page(db: Database, query: EntryQuery, *, limit: int, offset: int) -> list[EntryRow]:
    """Newest first."""
    where, params = _where(query)
    ids = [
        r[0]
        for r in db.execute(
            f"SELECT e.id FROM reception_entries e {where} "
            "ORDER BY e.received_at DESC, e.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return many(db, ids)


def many(db: Database, ids: list[int]) -> list[EntryRow]:
    """Rows for these ids, in the order given (joins run only for the rows shown)."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    by_id = {r[0]: _row(r) for r in db.execute(f"{_SELECT} WHERE e.id IN ({marks})", ids)}
    return [by_id[i] for i in ids if i in by_id]


def open_complaints(db: Database) -> list[EntryRow]:
    rows = db.execute(
        f"{_SELECT} WHERE e.status <> 'closed' AND e.status = 'open' AND e.due_at IS NOT NULL "
        "ORDER BY e.due_at"
    ).fetchall()
    return [_row(r) for r in rows]


def for_repair(db: Database, order_id: int) -> EntryRow | None:
    row = db.execute(f"{_SELECT} WHERE e.repair_order_id = ?", [order_id]).fetchone()
    return _row(row) if row else None


def escalated_open(db: Database) -> list[EntryRow]:
    """Entries raised to the supervisor and not yet closed, oldest first."""
    ids = [
        r[0]
        for r in db.execute(
            # `+received_at`: read the few escalated rows, not the whole history in date order
            "SELECT id FROM reception_entries WHERE escalated = 1 AND status <> 'closed' "
            "ORDER BY +received_at"
        )
    ]
    return many(db, ids)


def shift_counts(db: Database, shift_id: int) -> list[tuple[str, str, int]]:
    """Entries recorded in the shift: (channel, category, how many)."""
    return [
        (channel, category, count)
        for channel, category, count in db.execute(
            "SELECT channel, category, count(*) FROM reception_entries WHERE created_shift = ? "
            "GROUP BY channel, category",
            [shift_id],
        ).fetchall()
    ]
