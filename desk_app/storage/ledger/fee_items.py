"""Fee items (收费项目) and their dated rates (收费标准)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, with_flags


@dataclass(frozen=True)
class FeeItemRow:
    id: int
    code: str
    name: str
    kind: str
    unit: str
    active: bool


@dataclass(frozen=True)
class RateRow:
    id: int
    item_id: int
    unit_kind: str | None
    effective_from: str
    price_milli_yuan: int
    minimum_fen: int


def insert_fee_item(
    db: Database, *, code: str, name: str, kind: str, unit: str, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO fee_items (code, name, kind, unit, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [code, name, kind, unit, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


_ITEM = "SELECT id, code, name, kind, unit, active FROM fee_items"


def fee_items(db: Database) -> list[FeeItemRow]:
    return [FeeItemRow(*with_flags(r, 5)) for r in db.execute(f"{_ITEM} ORDER BY id")]


def fee_item_by_code(db: Database, code: str) -> FeeItemRow | None:
    row = db.execute(f"{_ITEM} WHERE code = ?", [code]).fetchone()
    return FeeItemRow(*with_flags(row, 5)) if row else None


def insert_rate(
    db: Database,
    *,
    item_id: int,
    unit_kind: str | None,
    effective_from: str,
    price_milli_yuan: int,
    minimum_fen: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO fee_rates (item_id, unit_kind, effective_from, price_milli_yuan, "
        "minimum_fen, created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            item_id,
            unit_kind,
            effective_from,
            price_milli_yuan,
            minimum_fen,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


def rate_on(db: Database, item_id: int, unit_kind: str | None, on: str) -> RateRow | None:
    """The rate in force on a date: the latest from that date or before, a rate for the
    unit's kind before a rate for every kind; among equals the one set last."""
    row = db.execute(
        "SELECT id, item_id, unit_kind, effective_from, price_milli_yuan, minimum_fen "
        "FROM fee_rates WHERE item_id = ? AND effective_from <= ? "
        "AND (unit_kind IS NULL OR unit_kind = ?) "
        "ORDER BY unit_kind IS NULL, effective_from DESC, id DESC LIMIT 1",
        [item_id, on, unit_kind],
    ).fetchone()
    return RateRow(*row) if row else None


def rates(db: Database, item_id: int) -> list[RateRow]:
    rows = db.execute(
        "SELECT id, item_id, unit_kind, effective_from, price_milli_yuan, minimum_fen "
        "FROM fee_rates WHERE item_id = ? ORDER BY effective_from, id",
        [item_id],
    ).fetchall()
    return [RateRow(*r) for r in rows]
