"""Bulk reads and writes of the demo's fee ledger (services/demo_ledger.py): the estate as
the ledger sees it (units with area and kind, owners over time, cars) and years of
charges, receipts and the rest written inside the demo's one transaction.

Rows are staged with ``executemany`` into TEMP tables without constraints, then moved
into the ledger's tables with one ``INSERT … SELECT`` per table: a statement per row
would make SQLite keep a statement journal for every one of hundreds of thousands of
rows (the ledger's tables have foreign keys and closed-period triggers), which costs
more than the rows themselves. The column tuples below are the rows' layout.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlite_utils import Database

from desk_app.storage.ledger import money_check

RECEIPT_BOOKS = "receipt_books"
CHARGES = "charges"
RECEIPTS = "receipts"
RECEIPT_LINES = "receipt_lines"
RECEIPT_VOIDS = "receipt_voids"
CREDIT_USES = "credit_uses"
METER_READINGS = "meter_readings"
BILLING_RUNS = "billing_runs"
REFUNDS = "refunds"
INVOICE_EXCHANGES = "invoice_exchanges"
LATE_FEE_WAIVERS = "late_fee_waivers"
ARREARS_ACTIONS = "arrears_actions"
CASH_HANDOVERS = "cash_handovers"
PERIOD_CLOSES = "period_closes"
FEE_RATES = "fee_rates"

RATE_COLUMNS = (
    "item_id", "unit_kind", "effective_from", "price_milli_yuan", "minimum_fen", "created_at",
    "created_by", "created_shift",
)  # fmt: skip

BOOK_COLUMNS = ("id", "first_no", "last_no", "width", "created_at", "created_by", "created_shift")
CHARGE_COLUMNS = (
    "id", "unit_id", "item_id", "period", "description", "quantity_centi", "price_milli_yuan",
    "amount_fen", "due_on", "kind", "adjusts_id", "reason", "source", "source_ref",
    "created_at", "created_by", "created_shift",
)  # fmt: skip
RECEIPT_COLUMNS = (
    "id", "book_id", "number", "unit_id", "customer", "issued_at", "method", "total_fen",
    "tendered_fen", "note", "created_by", "created_shift",
)  # fmt: skip
LINE_COLUMNS = ("id", "receipt_id", "charge_id", "description", "amount_fen")
VOID_COLUMNS = (
    "receipt_id", "reason", "approved_by", "voided_at", "created_by", "created_shift",
)  # fmt: skip
CREDIT_USE_COLUMNS = (
    "id", "unit_id", "charge_id", "amount_fen", "used_at", "created_by", "created_shift",
)  # fmt: skip
READING_COLUMNS = (
    "id", "unit_id", "item_id", "period", "reading_centi", "read_on", "source", "created_at",
    "created_by", "created_shift",
)  # fmt: skip
RUN_COLUMNS = (
    "period", "due_on", "items", "scope", "charge_count", "total_fen", "created_at",
    "created_by", "created_shift",
)  # fmt: skip
REFUND_COLUMNS = (
    "id", "unit_id", "receipt_id", "charge_id", "amount_fen", "voucher_no", "payee", "reason",
    "method", "approved_by", "refunded_at", "created_by", "created_shift",
)  # fmt: skip
EXCHANGE_COLUMNS = ("receipt_id", "invoice_no", "exchanged_at", "created_by", "created_shift")
WAIVER_COLUMNS = (
    "id", "charge_id", "unit_id", "reason", "finance_consent", "approved_by", "waived_at",
    "created_by", "created_shift",
)  # fmt: skip
ACTION_COLUMNS = (
    "id", "unit_id", "action", "done_on", "stage", "owed_fen", "postal_receipt_no", "note",
    "created_at", "created_by", "created_shift",
)  # fmt: skip
HANDOVER_COLUMNS = (
    "id", "handed_on", "first_receipt_id", "last_receipt_id", "last_refund_id", "total_fen",
    "cash_fen", "received_by", "created_at", "created_by", "created_shift",
)  # fmt: skip
CLOSE_COLUMNS = (
    "period", "through_on", "approved_by", "charges_fen", "received_fen", "refunds_fen",
    "deposits_held_fen", "arrears_fen", "created_at", "created_by", "created_shift",
)  # fmt: skip

# In the order the rows can go in (each table's references are in before it).
LAYOUT: dict[str, tuple[str, ...]] = {
    RECEIPT_BOOKS: BOOK_COLUMNS,
    CHARGES: CHARGE_COLUMNS,
    RECEIPTS: RECEIPT_COLUMNS,
    RECEIPT_LINES: LINE_COLUMNS,
    RECEIPT_VOIDS: VOID_COLUMNS,
    CREDIT_USES: CREDIT_USE_COLUMNS,
    METER_READINGS: READING_COLUMNS,
    BILLING_RUNS: RUN_COLUMNS,
    REFUNDS: REFUND_COLUMNS,
    INVOICE_EXCHANGES: EXCHANGE_COLUMNS,
    LATE_FEE_WAIVERS: WAIVER_COLUMNS,
    ARREARS_ACTIONS: ACTION_COLUMNS,
    CASH_HANDOVERS: HANDOVER_COLUMNS,
}


class LedgerUnit(NamedTuple):
    id: int
    code: str
    building: str
    floor: int | None
    area_centi_m2: int | None
    kind: str
    status: str
    movein_date: str | None


class LedgerOwner(NamedTuple):
    unit_id: int
    person_id: int
    name: str
    since: str | None
    until: str | None


class LedgerCar(NamedTuple):
    unit_id: int
    person_id: int | None


def units_for_ledger(db: Database) -> list[LedgerUnit]:
    """Every unit with its area, kind, status and move-in date, in id order."""
    rows = db.execute(
        "SELECT u.id, u.code, u.building, u.floor, u.area_centi_m2, u.kind, u.status, "
        "h.movein_date FROM units u LEFT JOIN household_archives h ON h.unit_id = u.id "
        "ORDER BY u.id"
    )
    return [LedgerUnit(*row) for row in rows]


def owners_for_ledger(db: Database) -> list[LedgerOwner]:
    """The owners of every unit received, past and present, in the order they owned it (an
    owner of record of a unit still 空置 has not received it: nothing to bill)."""
    rows = db.execute(
        "SELECT o.unit_id, o.person_id, p.name, o.since, o.until FROM occupancies o "
        "JOIN people p ON p.id = o.person_id JOIN units u ON u.id = o.unit_id "
        "WHERE o.role = 'owner' AND u.status <> '空置' "
        "ORDER BY o.unit_id, coalesce(o.since, ''), o.id"
    )
    return [LedgerOwner(*row) for row in rows]


class MoveinFees(NamedTuple):
    unit_id: int
    person_id: int
    name: str
    at: str  # when the fees station was saved
    data: str  # the station's data: {"months": [...]}


class BaseReading(NamedTuple):
    unit_id: int
    code: str
    reading_centi: int
    read_on: str


def movein_fees(db: Database) -> list[MoveinFees]:
    """The hand-overs' fees stations done (the demo's move-in), in the order they were."""
    rows = db.execute(
        "SELECT h.unit_id, h.person_id, p.name, s.updated_at, s.data FROM movein_stations s "
        "JOIN movein_handovers h ON h.id = s.handover_id JOIN people p ON p.id = h.person_id "
        "WHERE s.station = 'fees' AND s.state = 'done' ORDER BY s.updated_at, h.id"
    )
    return [MoveinFees(*row) for row in rows]


def movein_base_readings(db: Database) -> list[BaseReading]:
    """The meters' base readings taken at the hand-overs, in id order."""
    rows = db.execute(
        "SELECT r.unit_id, i.code, r.reading_centi, r.read_on FROM meter_readings r "
        "JOIN fee_items i ON i.id = r.item_id WHERE r.source = 'movein' ORDER BY r.id"
    )
    return [BaseReading(*row) for row in rows]


def cars_for_ledger(db: Database) -> list[LedgerCar]:
    """The cars kept at the estate now (unit, owner), in id order."""
    rows = db.execute(
        "SELECT unit_id, person_id FROM vehicles WHERE ended_at IS NULL AND kind = '汽车' "
        "ORDER BY id"
    )
    return [LedgerCar(*row) for row in rows]


# The tables whose ids the generator hands out.
NUMBERED = (
    RECEIPT_BOOKS, CHARGES, RECEIPTS, RECEIPT_LINES, CREDIT_USES, METER_READINGS, REFUNDS,
    LATE_FEE_WAIVERS, ARREARS_ACTIONS, CASH_HANDOVERS,
)  # fmt: skip


def next_ids(db: Database) -> dict[str, int]:
    """The next free id of each table whose ids the generator hands out."""
    result = {}
    for table in NUMBERED:
        result[table] = (db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
    return result


def _stage_name(table: str) -> str:
    return f"demo_stage_{table}"


class _Seal:
    """The running seal of one table's staged rows (money_check's digest: each row as JSON,
    a line each, over the rows in rowid order), worked out from the rows as staged."""

    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.first: int | None = None
        self.last: int | None = None
        self.in_order = True  # else sealed from the table once the rows are in

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        # The first column is the rowid; rows that come out of order are sealed from the
        # table afterwards instead.
        ids: list[int] = [row[0] for row in rows]
        if ids != sorted(ids) or (self.last is not None and ids[0] <= self.last):
            self.in_order = False
        self.first = min(ids) if self.first is None else min(self.first, *ids)
        self.last = max(ids) if self.last is None else max(self.last, *ids)
        if not self.in_order:
            return
        # One json.dumps for the batch: the rows are flat, so the batch's text is the rows'
        # texts joined by "], [" unless a value holds that, when each row is done alone.
        text = _JSON.encode(list(rows))[2:-2]
        if text.count("], [") == len(rows) - 1:
            self.sha.update(("[" + text.replace("], [", "]\n[") + "]\n").encode())
        else:
            for row in rows:
                self.sha.update(_JSON.encode(list(row)).encode())
                self.sha.update(b"\n")


_JSON = json.JSONEncoder(ensure_ascii=False)


class Staging:
    """TEMP tables shaped like the ledger's tables, filled batch by batch, then moved."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.counts = dict.fromkeys(LAYOUT, 0)
        self.seals = {table: _Seal() for table in LAYOUT if table in money_check.SEALED_TABLES}
        for table, seal in self.seals.items():
            # a row is sealed as stored: all the table's columns, in its order
            stored = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
            seal.in_order = stored == LAYOUT[table]
        for table, columns in LAYOUT.items():
            names = ", ".join(columns)
            stage = _stage_name(table)
            db.execute(f"DROP TABLE IF EXISTS temp.{stage}")
            db.execute(f"CREATE TEMP TABLE {stage} AS SELECT {names} FROM main.{table} WHERE 0")

    def add(self, table: str, rows: Sequence[Sequence[object]]) -> None:
        if not rows:
            return
        columns = LAYOUT[table]
        marks = ", ".join("?" for _ in columns)
        self.db.conn.executemany(f"INSERT INTO temp.{_stage_name(table)} VALUES ({marks})", rows)
        self.counts[table] += len(rows)
        if table in self.seals:
            self.seals[table].add(rows)

    def move(self) -> dict[str, int]:
        """Insert the staged rows into the ledger's tables (in LAYOUT order) and drop the
        TEMP tables; returns the row count of each table."""
        with _large_cache(self.db):
            for table, columns in LAYOUT.items():
                names = ", ".join(columns)
                stage = _stage_name(table)
                if self.counts[table]:
                    self.db.execute(
                        f"INSERT INTO main.{table} ({names}) "
                        f"SELECT {names} FROM temp.{stage} ORDER BY rowid"
                    )
                self.db.execute(f"DROP TABLE temp.{stage}")
        return dict(self.counts)

    def seal(self) -> dict[str, list[object]]:
        """The moved rows' seals for the operation's audit detail (money_check)."""
        seals: dict[str, list[object]] = {}
        for table, seal in self.seals.items():
            if seal.first is None or seal.last is None:
                continue
            if seal.in_order:
                seals[table] = [seal.first, seal.last, seal.sha.hexdigest()]
            else:
                seals[table] = money_check.seal(self.db, table, int(seal.first), int(seal.last))
        return seals


@contextmanager
def _large_cache(db: Database) -> Iterator[None]:
    # Hundreds of thousands of rows go into tables with several indexes: a page cache of
    # some hundred MB keeps their pages in memory instead of spilling and re-reading them.
    size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {MOVE_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(size)}")


MOVE_CACHE_KIB = -262_144  # 256 MiB


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Insert a few rows in the order of ``columns`` (``executemany``)."""
    if not rows:
        return
    for name in (table, *columns):
        if not name.isidentifier():
            raise ValueError(f"not a table or column name: {name!r}")
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # names: constants
        rows,
    )
