"""Repair orders (维修工作单), their materials and their status history."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

from desk_app.storage.rows import insert_record, inserted_id, update_columns


@dataclass(frozen=True)
class NewOrder:
    order_no: str
    reported_at: str
    unit_id: int | None
    place_id: int | None
    location: str
    building: str | None
    reporter: str
    phone: str
    content: str
    appointment: str = ""
    urgency: str = "一般"
    reception_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class OrderRow:
    id: int
    order_no: str
    reported_at: str
    unit_id: int | None
    place_id: int | None
    location: str
    building: str | None
    reporter: str
    phone: str
    content: str
    appointment: str
    urgency: str
    status: str
    technician_id: int | None
    dispatched_at: str | None
    arrived_at: str | None
    completed_at: str | None
    work_done: str
    labour_fen: int
    material_fen: int
    paid: bool
    owner_signed: bool
    signed_by: str
    contractor: str
    status_reason: str
    closed_at: str | None
    reception_id: int | None
    note: str
    technician_name: str | None
    technician_kind: str | None
    reception_no: str | None
    callback_due_at: str | None
    callback_status: str | None
    callback_result: str | None
    callback_at: str | None
    callback_by: str | None

    @property
    def total_fen(self) -> int:
        return self.labour_fen + self.material_fen


@dataclass(frozen=True)
class MaterialRow:
    id: int
    order_id: int
    price_id: int | None
    name: str
    unit: str
    quantity_centi: int
    price_fen: int
    amount_fen: int


@dataclass(frozen=True)
class EventRow:
    id: int
    order_id: int
    at: str
    from_status: str | None
    to_status: str
    detail: str
    operator_name: str | None


_FIELDS = [f.name for f in fields(OrderRow)]
_SELECT = (
    "SELECT o.id, o.order_no, o.reported_at, o.unit_id, o.place_id, o.location, o.building, "
    "o.reporter, o.phone, o.content, o.appointment, o.urgency, o.status, o.technician_id, "
    "o.dispatched_at, o.arrived_at, o.completed_at, o.work_done, o.labour_fen, o.material_fen, "
    "o.paid, o.owner_signed, o.signed_by, o.contractor, o.status_reason, o.closed_at, "
    "o.reception_id, o.note, t.name, t.kind, e.entry_no, "
    "cb.due_at, cb.status, cb.result, cb.done_at, cbop.display_name "
    "FROM repair_orders o "
    "LEFT JOIN technicians t ON t.id = o.technician_id "
    "LEFT JOIN reception_entries e ON e.id = o.reception_id "
    "LEFT JOIN callbacks cb ON cb.id = "
    "    (SELECT max(id) FROM callbacks c2 WHERE c2.repair_order_id = o.id) "
    "LEFT JOIN operators cbop ON cbop.id = cb.done_by "
)


def _row(row: tuple) -> OrderRow:
    values = dict(zip(_FIELDS, row, strict=True))
    values["paid"] = bool(values["paid"])
    values["owner_signed"] = bool(values["owner_signed"])
    return OrderRow(**values)


def insert(
    db: Database,
    order: NewOrder,
    *,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    return insert_record(
        db,
        "repair_orders",
        order,
        created_at=created_at,
        created_by=created_by,
        created_shift=created_shift,
    )


_UPDATABLE = {
    "content",
    "status",
    "technician_id",
    "dispatched_at",
    "arrived_at",
    "completed_at",
    "work_done",
    "labour_fen",
    "material_fen",
    "paid",
    "owner_signed",
    "signed_by",
    "contractor",
    "status_reason",
    "closed_at",
    "reception_id",
    "appointment",
    "note",
    "source",
    "due_by",
}


def update(db: Database, order_id: int, changes: dict[str, object], updated_at: str) -> None:
    update_columns(db, "repair_orders", order_id, changes, _UPDATABLE, updated_at)


def get(db: Database, order_id: int) -> OrderRow | None:
    row = db.execute(f"{_SELECT} WHERE o.id = ?", [order_id]).fetchone()
    return _row(row) if row else None


def by_number(db: Database, order_no: str) -> OrderRow | None:
    row = db.execute(f"{_SELECT} WHERE o.order_no = ?", [order_no]).fetchone()
    return _row(row) if row else None


def last_number_with_prefix(db: Database, prefix: str) -> str | None:
    row = db.execute(
        "SELECT order_no FROM repair_orders WHERE order_no >= ? AND order_no < ? "
        "ORDER BY order_no DESC LIMIT 1",
        [prefix, prefix + "\uffff"],
    ).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class OrderQuery:
    """Filters of the order list; all optional.

    ``overdue_before`` holds the moments that make an order late, computed by the
    service from the clock and the limits: (not dispatched before, urgent nobody on site
    before, callback due before)."""

    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None  # one status, or 'unfinished' (not 已回访/已取消)
    building: str | None = None
    technician_id: int | None = None
    urgency: str | None = None
    unit_id: int | None = None
    place_id: int | None = None
    overdue_before: tuple[str, str, str] | None = None


def _where(query: OrderQuery) -> tuple[str, list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    if query.date_from:
        conditions.append("o.reported_at >= ?")
        params.append(query.date_from)
    if query.date_to:
        conditions.append("o.reported_at < ?")
        params.append(query.date_to)
    if query.status == "unfinished":
        conditions.append("o.status NOT IN ('已回访', '已取消')")
    elif query.status:
        conditions.append("o.status = ?")
        params.append(query.status)
    if query.building:
        conditions.append("o.building = ?")
        params.append(query.building)
    if query.technician_id is not None:
        conditions.append("o.technician_id = ?")
        params.append(query.technician_id)
    if query.urgency:
        conditions.append("o.urgency = ?")
        params.append(query.urgency)
    if query.unit_id is not None:
        conditions.append("o.unit_id = ?")
        params.append(query.unit_id)
    if query.place_id is not None:
        conditions.append("o.place_id = ?")
        params.append(query.place_id)
    if query.overdue_before:
        dispatch_before, onsite_before, callback_before = query.overdue_before
        conditions.append(
            "((o.status NOT IN ('已回访', '已取消') AND o.status = '登记' AND o.reported_at < ?) "
            "OR (o.status NOT IN ('已回访', '已取消') AND o.status = '已派工' "
            "    AND o.urgency = '紧急' AND o.arrived_at IS NULL "
            "    AND o.reported_at < ?) "
            "OR o.id IN (SELECT repair_order_id FROM callbacks WHERE status = 'due' "
            "    AND due_at < ? AND repair_order_id IS NOT NULL))"
        )
        params.extend([dispatch_before, onsite_before, callback_before])
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def count(db: Database, query: OrderQuery) -> int:
    where, params = _where(query)
    return db.execute(f"SELECT count(*) FROM repair_orders o {where}", params).fetchone()[0]


def page(db: Database, query: OrderQuery, *, limit: int, offset: int) -> list[OrderRow]:
    """Newest first."""
    where, params = _where(query)
    # Few unfinished or overdue orders: read them through the partial index and sort,
    # rather than walking the whole history in date order.
    few = query.status == "unfinished" or query.overdue_before is not None
    order = "+o.reported_at" if few else "o.reported_at"
    ids = [
        r[0]
        for r in db.execute(
            f"SELECT o.id FROM repair_orders o {where} "
            f"ORDER BY {order} DESC, o.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return many(db, ids)


def many(db: Database, ids: list[int]) -> list[OrderRow]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    by_id = {r[0]: _row(r) for r in db.execute(f"{_SELECT} WHERE o.id IN ({marks})", ids)}
    return [by_id[i] for i in ids if i in by_id]


def open_orders(db: Database, statuses: tuple[str, ...]) -> list[OrderRow]:
    marks = ", ".join("?" for _ in statuses)
    rows = db.execute(
        f"{_SELECT} WHERE o.status NOT IN ('已回访', '已取消') AND o.status IN ({marks}) "
        "ORDER BY o.reported_at",
        list(statuses),
    ).fetchall()
    return [_row(r) for r in rows]


def insert_material(
    db: Database,
    order_id: int,
    *,
    price_id: int | None,
    name: str,
    unit: str,
    quantity_centi: int,
    price_fen: int,
    amount_fen: int,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO repair_materials (order_id, price_id, name, unit, quantity_centi, "
        "price_fen, amount_fen, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            order_id,
            price_id,
            name,
            unit,
            quantity_centi,
            price_fen,
            amount_fen,
            created_at,
            created_by,
            created_shift,
        ],
    )
    return inserted_id(cursor)


def delete_materials(db: Database, order_id: int) -> list[int]:
    """Remove an order's materials; the ids they had."""
    ids = [
        row_id
        for (row_id,) in db.execute(
            "SELECT id FROM repair_materials WHERE order_id = ?", [order_id]
        ).fetchall()
    ]
    db.execute("DELETE FROM repair_materials WHERE order_id = ?", [order_id])
    return ids


def materials(db: Database, order_id: int) -> list[MaterialRow]:
    rows = db.execute(
        "SELECT id, order_id, price_id, name, unit, quantity_centi, price_fen, amount_fen "
        "FROM repair_materials WHERE order_id = ? ORDER BY id",
        [order_id],
    ).fetchall()
    return [MaterialRow(*r) for r in rows]


def insert_event(
    db: Database,
    order_id: int,
    *,
    at: str,
    from_status: str | None,
    to_status: str,
    detail: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO repair_events (order_id, at, from_status, to_status, detail, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [order_id, at, from_status, to_status, detail, created_by, created_shift],
    )
    return inserted_id(cursor)


def events(db: Database, order_id: int) -> list[EventRow]:
    rows = db.execute(
        "SELECT ev.id, ev.order_id, ev.at, ev.from_status, ev.to_status, ev.detail, "
        "op.display_name FROM repair_events ev LEFT JOIN operators op ON op.id = ev.created_by "
        "WHERE ev.order_id = ? ORDER BY ev.id",
        [order_id],
    ).fetchall()
    return [EventRow(*r) for r in rows]


def completed_paid_orders(db: Database, *, since: str | None = None) -> list[OrderRow]:
    """Completed paid orders with an amount: what the fee ledger charges to units."""
    where = "WHERE o.paid = 1 AND o.completed_at IS NOT NULL AND o.labour_fen + o.material_fen > 0"
    params: list[object] = []
    if since:
        where += " AND o.completed_at >= ?"
        params.append(since)
    rows = db.execute(f"{_SELECT} {where} ORDER BY o.completed_at", params).fetchall()
    return [_row(r) for r in rows]


def shift_status_counts(db: Database, shift_id: int) -> list[tuple[str, int]]:
    """The orders moved to each status in the shift: (status, how many orders)."""
    return [
        (status, count)
        for status, count in db.execute(
            "SELECT to_status, count(DISTINCT order_id) FROM repair_events "
            "WHERE created_shift = ? GROUP BY to_status",
            [shift_id],
        ).fetchall()
    ]


def shift_order_count(db: Database, shift_id: int) -> int:
    """How many orders the shift moved on (registered, dispatched, completed …)."""
    return db.execute(
        "SELECT count(DISTINCT order_id) FROM repair_events WHERE created_shift = ?", [shift_id]
    ).fetchone()[0]
