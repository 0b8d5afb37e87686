"""Bulk reads and writes of the demo's service-desk history (services/demo_repairs.py):
the estate as the generator sees it, the closed shifts it lives through, and years of
reception entries, repair orders, their materials, status history and callbacks written
with ``executemany`` inside the demo's one transaction.

The column tuples below are the rows' layout: the generator builds its rows in this order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlite_utils import Database

from desk_app.core.numbering import SEQUENCE_DIGITS

RECEPTION_ENTRIES = "reception_entries"
REPAIR_ORDERS = "repair_orders"
REPAIR_MATERIALS = "repair_materials"
REPAIR_EVENTS = "repair_events"
CALLBACKS = "callbacks"
CALLBACK_ATTEMPTS = "callback_attempts"

ENTRY_COLUMNS = (
    "id", "entry_no", "received_at", "channel", "unit_id", "place_id", "location", "building",
    "caller_name", "phone", "category", "content", "receiver_id", "department", "handling",
    "result", "status", "due_at", "handled_at", "completed_at", "escalated", "repair_order_id",
    "note", "created_at", "created_by", "created_shift", "updated_at",
)  # fmt: skip
ORDER_COLUMNS = (
    "id", "order_no", "reported_at", "unit_id", "place_id", "location", "building", "reporter",
    "phone", "content", "appointment", "urgency", "status", "technician_id", "dispatched_at",
    "arrived_at", "completed_at", "work_done", "labour_fen", "material_fen", "paid",
    "owner_signed", "signed_by", "contractor", "status_reason", "closed_at", "reception_id",
    "note", "created_at", "created_by", "created_shift", "updated_at",
)  # fmt: skip
MATERIAL_COLUMNS = (
    "order_id", "price_id", "name", "unit", "quantity_centi", "price_fen", "amount_fen",
    "created_at", "created_by", "created_shift",
)  # fmt: skip
EVENT_COLUMNS = (
    "order_id", "at", "from_status", "to_status", "detail", "created_by", "created_shift",
)  # fmt: skip
CALLBACK_COLUMNS = (
    "id", "repair_order_id", "reception_id", "started_at", "due_at", "status", "attempts",
    "result", "comment", "follow_up", "done_at", "done_by", "created_at", "created_by",
    "created_shift",
)  # fmt: skip
ATTEMPT_COLUMNS = (
    "callback_id", "at", "reached", "result", "comment", "created_by", "created_shift",
)  # fmt: skip


class DemoUnit(NamedTuple):
    id: int
    code: str
    building: str


class DemoOccupant(NamedTuple):
    unit_id: int
    role: str
    name: str
    phone: str | None
    since: str | None
    until: str | None
    lease_start: str | None
    lease_end: str | None


class ShiftSpan(NamedTuple):
    id: int
    operator_id: int
    opened_at: str
    closed_at: str


def units_for_demo(db: Database) -> list[DemoUnit]:
    """Every unit's id, code and building, in id order."""
    rows = db.execute("SELECT id, code, building FROM units ORDER BY id")
    return [DemoUnit(*row) for row in rows]


def occupants_for_demo(db: Database) -> list[DemoOccupant]:
    """Every occupancy with its person's name and phone, in occupancy id order; none of a
    unit still 空置 (an owner of record who has not received it yet calls about nothing)."""
    rows = db.execute(
        "SELECT o.unit_id, o.role, p.name, p.phone, o.since, o.until, o.lease_start, "
        "o.lease_end FROM occupancies o JOIN people p ON p.id = o.person_id "
        "JOIN units u ON u.id = o.unit_id WHERE u.status <> '空置' ORDER BY o.id"
    )
    return [DemoOccupant(*row) for row in rows]


def tallest_floors(db: Database) -> dict[str, int | None]:
    """The highest floor of each building's units, by building code."""
    rows = db.execute("SELECT building, max(floor) FROM units GROUP BY building")
    return dict(rows.fetchall())


def shift_spans(db: Database) -> list[ShiftSpan]:
    """The closed shifts (id, operator, opened, closed) in the order they were opened."""
    rows = db.execute(
        "SELECT id, operator_id, opened_at, closed_at FROM shifts "
        "WHERE closed_at IS NOT NULL ORDER BY opened_at, id"
    )
    return [ShiftSpan(*row) for row in rows]


def _check_names(*names: str) -> None:
    # Table and column names are put into the SQL text: they come from the constants of
    # this module and of the demo generator, never from user input; refuse anything else.
    for name in names:
        if not name.isidentifier():
            raise ValueError(f"not a table or column name: {name!r}")


def next_ids(db: Database, tables: Iterable[str]) -> dict[str, int]:
    """The next free id (max(id) + 1) of each table."""
    result = {}
    for table in tables:
        _check_names(table)
        result[table] = (db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
    return result


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Insert rows whose values are in the order of ``columns`` (``executemany``)."""
    if not rows:
        return
    _check_names(table, *columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # names: constants
        rows,
    )


def link_entries_to_orders(db: Database, links: Iterable[tuple[int, int]]) -> None:
    """Point each reception entry at its repair order: (repair_order_id, entry_id) pairs."""
    db.conn.executemany("UPDATE reception_entries SET repair_order_id = ? WHERE id = ?", links)


def renumber_orders(db: Database, prefixes: Iterable[str]) -> None:
    """Number each day's repair orders (``WX20261101-``) again in the order they were
    reported, from 1, as the desk hands numbers out: for orders written after the day's
    others (the move-in's defects). The numbers are freed first (they are unique)."""
    for prefix in sorted(set(prefixes)):
        ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM repair_orders WHERE substr(order_no, 1, ?) = ? "
                "ORDER BY reported_at, id",
                [len(prefix), prefix],
            )
        ]
        db.conn.executemany(
            "UPDATE repair_orders SET order_no = ? WHERE id = ?", [(f"#{i}", i) for i in ids]
        )
        db.conn.executemany(
            "UPDATE repair_orders SET order_no = ? WHERE id = ?",
            [(f"{prefix}{n:0{SEQUENCE_DIGITS}d}", i) for n, i in enumerate(ids, start=1)],
        )
