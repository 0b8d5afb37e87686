"""Charges and what a unit owes: amounts with their adjustments, less live payments and
credit used. What a unit owes is derived, never stored. Money rows are only inserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id


@dataclass(frozen=True)
class NewCharge:
    unit_id: int
    item_id: int
    description: str
    amount_fen: int
    due_on: str
    period: str = ""
    quantity_centi: int = 100
    price_milli_yuan: int = 0
    kind: str = "charge"
    adjusts_id: int | None = None
    reason: str = ""
    source: str = "manual"
    source_ref: str | None = None


@dataclass(frozen=True)
class OwingRow:
    charge_id: int
    unit_id: int
    item_id: int
    item_name: str
    description: str
    period: str
    due_on: str
    amount_fen: int  # the charge with its adjustments
    paid_fen: int
    outstanding_fen: int
    kind: str = "charge"  # charge / deposit / late_fee


def insert_charge(db: Database, charge: NewCharge, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO charges (unit_id, item_id, period, description, quantity_centi, "
        "price_milli_yuan, amount_fen, due_on, kind, adjusts_id, reason, source, source_ref, "
        "created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            charge.unit_id,
            charge.item_id,
            charge.period,
            charge.description,
            charge.quantity_centi,
            charge.price_milli_yuan,
            charge.amount_fen,
            charge.due_on,
            charge.kind,
            charge.adjusts_id,
            charge.reason,
            charge.source,
            charge.source_ref,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


def charge_exists(db: Database, source: str, source_ref: str, unit_id: int, item_id: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM charges WHERE source = ? AND source_ref = ? AND unit_id = ? "
            "AND item_id = ?",
            [source, source_ref, unit_id, item_id],
        ).fetchone()
        is not None
    )


# Each charge with what stands (its adjustments included) and what was paid on it: the
# ``charge_balances`` view (migration 0008) is the one definition of live money.
_OWING = """
SELECT c.id, c.unit_id, c.item_id, i.name, c.description, c.period, c.due_on,
       c.amount_fen, c.paid_fen, c.kind
FROM charge_balances c JOIN fee_items i ON i.id = c.item_id
"""


def _owing_row(row: tuple) -> OwingRow:
    values = (*row[:9], row[7] - row[8], row[9])  # outstanding = amount − paid
    return OwingRow(*values)


def charges_of_unit(db: Database, unit_id: int) -> list[OwingRow]:
    rows = db.execute(f"{_OWING} WHERE c.unit_id = ? ORDER BY c.due_on, c.id", [unit_id])
    return [_owing_row(r) for r in rows]


def owing(db: Database, unit_id: int) -> list[OwingRow]:
    """The unit's charges with something left to pay, oldest due first."""
    return [row for row in charges_of_unit(db, unit_id) if row.outstanding_fen > 0]


def owing_for(db: Database, charge_ids: list[int]) -> list[OwingRow]:
    if not charge_ids:
        return []
    marks = ", ".join("?" for _ in charge_ids)
    rows = db.execute(f"{_OWING} WHERE c.id IN ({marks}) ORDER BY c.due_on, c.id", charge_ids)
    return [_owing_row(r) for r in rows]


def credit_balance(db: Database, unit_id: int) -> int:
    """Credit paid in advance by live receipts, not yet used nor refunded."""
    # "+charge_id": read the unit's receipts by receipts_unit; left to itself SQLite walks
    # every credit line of the estate by receipt_lines_charge (20 ms a unit on 5,000 units).
    paid_in = db.execute(
        "SELECT coalesce(sum(amount_fen), 0) FROM live_receipt_lines "
        "WHERE unit_id = ? AND +charge_id IS NULL",
        [unit_id],
    ).fetchone()[0]
    used = db.execute(
        "SELECT coalesce(sum(amount_fen), 0) FROM credit_uses WHERE unit_id = ?", [unit_id]
    ).fetchone()[0]
    refunded = db.execute(
        "SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE unit_id = ? AND charge_id IS NULL",
        [unit_id],
    ).fetchone()[0]
    return int(paid_in) - int(used) - int(refunded)


def insert_credit_use(
    db: Database, *, unit_id: int, charge_id: int, amount_fen: int, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO credit_uses (unit_id, charge_id, amount_fen, used_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [unit_id, charge_id, amount_fen, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def unit_balance(db: Database, unit_id: int) -> int:
    """What the unit owes in all (charges with adjustments − payments − credit used)."""
    return sum(row.outstanding_fen for row in charges_of_unit(db, unit_id))


def insert_waiver(
    db: Database,
    *,
    charge_id: int,
    unit_id: int,
    reason: str,
    finance_consent: str,
    approved_by: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO late_fee_waivers (charge_id, unit_id, reason, finance_consent, approved_by, "
        "waived_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [charge_id, unit_id, reason, finance_consent, approved_by, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def waived_charges(db: Database, unit_id: int) -> set[int]:
    rows = db.execute(
        "SELECT charge_id FROM late_fee_waivers WHERE unit_id = ?", [unit_id]
    ).fetchall()
    return {r[0] for r in rows}


def late_fee_charged(db: Database, unit_id: int) -> set[int]:
    """Charges of the unit whose late fee has already been charged."""
    rows = db.execute(
        "SELECT source_ref FROM charges WHERE unit_id = ? AND source = 'late_fee'", [unit_id]
    ).fetchall()
    return {int(r[0]) for r in rows}


def monthly_charges_fen(db: Database, unit_id: int | None, since_period: str) -> int:
    """What a unit is charged in a month, on average over its periods from
    ``since_period`` on (regular charges net of adjustments; 0 when it has none). Without
    ``unit_id``: the same for the estate's average unit."""
    total, unit_months = db.execute(
        "SELECT coalesce(sum(amount_fen), 0), count(DISTINCT unit_id || '/' || period) "
        "FROM net_charges WHERE kind = 'charge' AND period >= ? "
        "AND (? IS NULL OR unit_id = ?)",
        [since_period, unit_id, unit_id],
    ).fetchone()
    return total // unit_months if unit_months else 0
