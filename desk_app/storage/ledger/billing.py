"""The billing sheet's reads and writes (计费表): the units of a run with what billing
needs of them, the recent meter readings of an item, what a period has already billed,
and the bulk inserts of readings, charges and the run itself.

Every read here is one query for the whole scope (not one per unit), so billing a large
estate costs a handful of queries per item; the writes use ``executemany`` inside the
caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.directory.units import ORDER as UNIT_ORDER
from desk_app.storage.ledger.charges import NewCharge
from desk_app.storage.ledger.fee_items import RateRow
from desk_app.storage.rows import Stamp, inserted_id

BILLING_SOURCE = "billing"
_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class ScopeUnit:
    id: int
    code: str
    building: str
    entrance: str | None
    room: str
    kind: str
    area_centi_m2: int | None
    customer: str  # the owner, else a tenant, co-owner or member; '' when nobody lives there


@dataclass(frozen=True)
class NewReading:
    unit_id: int
    item_id: int
    period: str
    reading_centi: int
    read_on: str
    source: str = "desk"


@dataclass(frozen=True)
class RunRow:
    id: int
    period: str
    due_on: str
    items: str  # item codes, comma separated
    scope: str
    charge_count: int
    total_fen: int
    created_at: str
    created_by: int | None
    made_by: str | None  # the operator's display name

    @property
    def item_codes(self) -> list[str]:
        return [code for code in self.items.split(",") if code]


@dataclass(frozen=True)
class RunChargeRow:
    charge_id: int
    unit_id: int
    item_id: int
    quantity_centi: int
    price_milli_yuan: int
    amount_fen: int
    due_on: str


# The person the desk bills: the owner first, then a tenant (as locations.contact_for_unit).
_CUSTOMER = (
    "coalesce((SELECT p.name FROM occupancies o JOIN people p ON p.id = o.person_id "
    "WHERE o.unit_id = units.id AND o.ended_at IS NULL ORDER BY CASE o.role "
    "WHEN 'owner' THEN 0 WHEN 'tenant' THEN 1 WHEN 'co_owner' THEN 2 ELSE 3 END, o.id "
    "LIMIT 1), '')"
)


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def units_in_scope(
    db: Database, *, building: str | None = None, unit_ids: Sequence[int] | None = None
) -> list[ScopeUnit]:
    """The units of one building, of a list of ids, or of the whole estate, in natural
    order (building, entrance, floor, room), with their kind, area and customer."""
    select = (
        f"SELECT id, code, building, entrance, room, kind, area_centi_m2, {_CUSTOMER} FROM units"
    )
    if unit_ids is not None:
        wanted = sorted(set(unit_ids))
        if len(wanted) <= _CHUNK:  # a few units (a hand-over's): ordered by the query
            only = f" WHERE id IN ({', '.join('?' for _ in wanted)})"
            only += " AND building = ?" if building else ""
            few = [*wanted, *([building] if building else [])]
            return [
                ScopeUnit(*row)
                for row in db.execute(f"{select}{only} {UNIT_ORDER}", few).fetchall()
            ]
        rows: list[tuple] = []
        for chunk in _chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            condition = f" WHERE id IN ({marks})"
            params: list[object] = list(chunk)
            if building:
                condition += " AND building = ?"
                params.append(building)
            rows.extend(db.execute(f"{select}{condition}", params).fetchall())
        found = {row[0]: ScopeUnit(*row) for row in rows}
        ordered = db.execute(f"SELECT id FROM units {UNIT_ORDER}").fetchall()
        return [found[row[0]] for row in ordered if row[0] in found]
    if building:
        rows = db.execute(f"{select} WHERE building = ? {UNIT_ORDER}", [building]).fetchall()
    else:
        rows = db.execute(f"{select} {UNIT_ORDER}").fetchall()
    return [ScopeUnit(*row) for row in rows]


def buildings_with_units(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT DISTINCT building FROM units ORDER BY length(building), building"
    ).fetchall()
    return [row[0] for row in rows]


def rates_in_force_order(db: Database, item_id: int, on: str) -> list[RateRow]:
    """The item's rates from ``on`` or before, the one in force first for each kind: the
    latest date first, among equals the one set last (as ``ledger.rate_on`` decides)."""
    rows = db.execute(
        "SELECT id, item_id, unit_kind, effective_from, price_milli_yuan, minimum_fen "
        "FROM fee_rates WHERE item_id = ? AND effective_from <= ? "
        "ORDER BY effective_from DESC, id DESC",
        [item_id, on],
    ).fetchall()
    return [RateRow(*row) for row in rows]


def all_rates(db: Database) -> list[RateRow]:
    rows = db.execute(
        "SELECT id, item_id, unit_kind, effective_from, price_milli_yuan, minimum_fen "
        "FROM fee_rates ORDER BY item_id, effective_from, id"
    ).fetchall()
    return [RateRow(*row) for row in rows]


# The latest reading of each period (a re-entry is a new row; the latest id counts), then
# per unit the three most recent periods up to the one asked for.
_RECENT_READINGS = """
WITH latest AS (
    SELECT r.unit_id, r.period, r.reading_centi,
           row_number() OVER (PARTITION BY r.unit_id, r.period ORDER BY r.id DESC) AS n
    FROM meter_readings r {join}
    WHERE r.item_id = ? AND r.period <= ? {where}
), ranked AS (
    SELECT unit_id, period, reading_centi,
           row_number() OVER (PARTITION BY unit_id ORDER BY period DESC) AS k
    FROM latest WHERE n = 1
)
SELECT unit_id, period, reading_centi FROM ranked WHERE k <= 3 ORDER BY unit_id, k
"""


def recent_readings(
    db: Database,
    item_id: int,
    period: str,
    *,
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
) -> dict[int, list[tuple[str, int]]]:
    """Per unit, (period, reading) of its three most recent read periods up to ``period``,
    newest first (one query for the item, or for each chunk of ``unit_ids`` when only
    those units are wanted: units without a reading are absent)."""
    join, where, params = "", "", [item_id, period]
    if building:
        join = "JOIN units u ON u.id = r.unit_id"
        where = "AND u.building = ?"
        params.append(building)
    chunks: Iterable[list[int] | None] = [None]
    if unit_ids is not None:
        chunks = _chunks(sorted(set(unit_ids)))
    result: dict[int, list[tuple[str, int]]] = {}
    for chunk in chunks:
        only, wanted = "", []
        if chunk is not None:  # the index (unit_id, item_id, period) finds them directly
            only = f"AND r.unit_id IN ({', '.join('?' for _ in chunk)})"
            wanted = list(chunk)
        sql = _RECENT_READINGS.format(join=join, where=f"{where} {only}")
        for unit_id, read_period, reading in db.execute(sql, [*params, *wanted]):
            result.setdefault(unit_id, []).append((read_period, reading))
    return result


def insert_readings(db: Database, readings: Sequence[NewReading], stamp: Stamp) -> int:
    db.conn.executemany(
        "INSERT INTO meter_readings (unit_id, item_id, period, reading_centi, read_on, source, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.unit_id,
                r.item_id,
                r.period,
                r.reading_centi,
                r.read_on,
                r.source,
                stamp.at,
                stamp.by,
                stamp.shift,
            )
            for r in readings
        ],
    )
    return len(readings)


def billed_units(db: Database, period: str, item_ids: Sequence[int]) -> set[tuple[int, int]]:
    """(unit_id, item_id) already charged by a billing run of ``period``."""
    if not item_ids:
        return set()
    marks = ", ".join("?" for _ in item_ids)
    rows = db.execute(
        f"SELECT unit_id, item_id FROM charges WHERE source = ? AND source_ref = ? "
        f"AND item_id IN ({marks})",
        [BILLING_SOURCE, period, *item_ids],
    ).fetchall()
    return {(row[0], row[1]) for row in rows}


def insert_charges(db: Database, charges: Sequence[NewCharge], stamp: Stamp) -> int:
    """Insert a run's charges; the UNIQUE index charges_once refuses a second billing."""
    db.conn.executemany(
        "INSERT INTO charges (unit_id, item_id, period, description, quantity_centi, "
        "price_milli_yuan, amount_fen, due_on, kind, adjusts_id, reason, source, source_ref, "
        "created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '', ?, ?, ?, ?, ?)",
        [
            (
                c.unit_id,
                c.item_id,
                c.period,
                c.description,
                c.quantity_centi,
                c.price_milli_yuan,
                c.amount_fen,
                c.due_on,
                c.kind,
                c.source,
                c.source_ref,
                stamp.at,
                stamp.by,
                stamp.shift,
            )
            for c in charges
        ],
    )
    return len(charges)


def insert_run(
    db: Database,
    *,
    period: str,
    due_on: str,
    items: str,
    scope: str,
    charge_count: int,
    total_fen: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO billing_runs (period, due_on, items, scope, charge_count, total_fen, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [period, due_on, items, scope, charge_count, total_fen, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


_RUN = (
    "SELECT b.id, b.period, b.due_on, b.items, b.scope, b.charge_count, b.total_fen, "
    "b.created_at, b.created_by, op.display_name FROM billing_runs b "
    "LEFT JOIN operators op ON op.id = b.created_by"
)


def runs(db: Database, period: str | None = None) -> list[RunRow]:
    """Posted billing runs, newest first (of one period, or all)."""
    if period:
        rows = db.execute(f"{_RUN} WHERE b.period = ? ORDER BY b.id DESC", [period]).fetchall()
    else:
        rows = db.execute(f"{_RUN} ORDER BY b.id DESC").fetchall()
    return [RunRow(*row) for row in rows]


def run(db: Database, run_id: int) -> RunRow | None:
    row = db.execute(f"{_RUN} WHERE b.id = ?", [run_id]).fetchone()
    return RunRow(*row) if row else None


def run_charges(db: Database, run: RunRow) -> list[RunChargeRow]:
    """The charges a run posted: its period's billing charges of its items written in the
    run's own transaction (same time and operator), in the order they were posted."""
    codes = run.item_codes
    if not codes:
        return []
    marks = ", ".join("?" for _ in codes)
    rows = db.execute(
        "SELECT c.id, c.unit_id, c.item_id, c.quantity_centi, c.price_milli_yuan, c.amount_fen, "
        "c.due_on FROM charges c JOIN fee_items i ON i.id = c.item_id "
        f"WHERE c.source = ? AND c.source_ref = ? AND i.code IN ({marks}) "
        "AND c.created_at = ? AND c.created_by IS ? AND c.kind <> 'adjustment' ORDER BY c.id",
        [BILLING_SOURCE, run.period, *codes, run.created_at, run.created_by],
    ).fetchall()
    return [RunChargeRow(*row) for row in rows]
