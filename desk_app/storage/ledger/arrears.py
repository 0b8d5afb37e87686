"""Arrears (催款): what every owing unit has overdue, in set-based queries, and the chasing
steps recorded against a unit (``arrears_actions``, append-only).

A charge's outstanding amount is the ledger's (the ``charge_balances`` view): its amount,
plus its adjustments, less the lines of live receipts and the credit applied to it, plus
refunds against it. Computing that for every charge of a large estate (5,000 units × 10
years) costs seconds and grows with the years, so the lists read ``open_charges``
(migration 0009): the charges whose outstanding amount is above zero, with that amount,
kept by triggers from the same view whenever a money row is written. The cost follows the
number of charges still open, not the length of the history.

Arrears are charges (and charged late fees) due before the day asked about and not paid;
deposits are money held, not arrears, and a charge not yet due is not overdue.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, with_flags

ARREARS_CHARGE_KINDS = ("charge", "late_fee")

# Outstanding per overdue charge of the units in ``scope``, kept once for the sums below.
_OUTSTANDING = """
outstanding AS MATERIALIZED (
    SELECT o.charge_id, o.unit_id, o.item_id, o.due_on, o.kind, o.outstanding_fen AS fen
    FROM open_charges o JOIN scope s ON s.unit_id = o.unit_id
    WHERE o.kind IN ('charge', 'late_fee') AND o.due_on < :on
)"""

# Every unit, or a building's.
_UNITS = """
scope(unit_id) AS (
    SELECT id FROM units WHERE :building IS NULL OR building = :building
),"""

_GIVEN_UNITS = """
scope(unit_id) AS (SELECT value FROM json_each(:units)),"""


@dataclass(frozen=True)
class UnitArrearsRow:
    """One owing unit: its overdue charges summed, as of a day."""

    unit_id: int
    code: str
    building: str
    owed_fen: int
    oldest_due_on: str
    charge_count: int
    area_fen: int  # property fee (按面积)
    metered_fen: int  # water, electricity, gas, heating
    fixed_fen: int  # parking, garbage
    one_off_fen: int  # repairs, card fees, late fees charged, other
    metered_oldest_due_on: str | None
    last_action: str | None
    last_action_on: str | None


@dataclass(frozen=True)
class OverdueChargeRow:
    """One overdue charge with what is left to pay, and what its late fee depends on."""

    charge_id: int
    unit_id: int
    item_id: int
    item_name: str
    item_kind: str
    description: str
    period: str
    due_on: str
    kind: str  # charge / late_fee
    outstanding_fen: int
    waived: bool  # its late fee was waived (减免)
    late_fee_charged: bool  # its late fee has already been charged as a charge of its own

    @property
    def text(self) -> str:
        """``物业服务费 2026-08`` as the ledger names a periodic charge on its receipt lines."""
        return f"{self.item_name} {self.period}".strip() if self.period else self.description


@dataclass(frozen=True)
class ActionRow:
    id: int
    unit_id: int
    action: str
    done_on: str
    stage: int
    owed_fen: int
    postal_receipt_no: str
    note: str
    created_at: str
    created_by: int | None
    created_by_name: str | None


# Summed per unit first; then each owing unit's last chasing step by its index.
_BY_UNIT = f"""
WITH {_UNITS}{_OUTSTANDING},
owed AS (
    SELECT o.unit_id, sum(o.fen) AS fen, min(o.due_on) AS oldest, count(*) AS n,
           sum(CASE WHEN i.kind = 'area' THEN o.fen ELSE 0 END) AS area,
           sum(CASE WHEN i.kind = 'metered' THEN o.fen ELSE 0 END) AS metered,
           sum(CASE WHEN i.kind = 'fixed' THEN o.fen ELSE 0 END) AS fixed,
           sum(CASE WHEN i.kind NOT IN ('area', 'metered', 'fixed') THEN o.fen ELSE 0 END)
               AS one_off,
           min(CASE WHEN i.kind = 'metered' THEN o.due_on END) AS metered_oldest
    FROM outstanding o JOIN fee_items i ON i.id = o.item_id
    GROUP BY o.unit_id
)
SELECT w.unit_id, u.code, u.building, w.fen, w.oldest, w.n, w.area, w.metered, w.fixed,
       w.one_off, w.metered_oldest, la.action, la.done_on
FROM owed w
JOIN units u ON u.id = w.unit_id
LEFT JOIN arrears_actions la ON la.id = (
    SELECT a.id FROM arrears_actions a WHERE a.unit_id = w.unit_id AND a.done_on <= :on
    ORDER BY a.done_on DESC, a.id DESC LIMIT 1
)
ORDER BY w.unit_id
"""


def by_unit(db: Database, on: str, *, building: str | None = None) -> list[UnitArrearsRow]:
    """Every unit with something overdue on ``on`` (charges due before that day), with its
    total, oldest due date, the split by kind of fee item and its last chasing step."""
    rows = db.execute(_BY_UNIT, {"on": on, "building": building}).fetchall()
    return [UnitArrearsRow(*row) for row in rows]


_CHARGES = """
SELECT o.charge_id, o.unit_id, o.item_id, i.name, i.kind, c.description, c.period, o.due_on,
       o.kind, o.fen,
       EXISTS (SELECT 1 FROM late_fee_waivers w WHERE w.charge_id = o.charge_id),
       EXISTS (SELECT 1 FROM charges x WHERE x.source = 'late_fee'
               AND x.source_ref = CAST(o.charge_id AS TEXT) AND x.unit_id = o.unit_id)
FROM outstanding o JOIN fee_items i ON i.id = o.item_id JOIN charges c ON c.id = o.charge_id
WHERE o.fen > 0
ORDER BY o.unit_id, o.due_on, o.charge_id
"""


def overdue_charges(db: Database, unit_ids: Sequence[int], on: str) -> list[OverdueChargeRow]:
    """The overdue charges of the given units with their outstanding amounts, oldest first."""
    if not unit_ids:
        return []
    rows = db.execute(
        f"WITH {_GIVEN_UNITS}{_OUTSTANDING}{_CHARGES}",
        {"units": json.dumps(list(unit_ids)), "on": on},
    ).fetchall()
    return [OverdueChargeRow(*with_flags(row, 10, 11)) for row in rows]


# --- chasing steps -----------------------------------------------------------------------------


def insert_action(
    db: Database,
    *,
    unit_id: int,
    action: str,
    done_on: str,
    stage: int,
    owed_fen: int,
    postal_receipt_no: str,
    note: str,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO arrears_actions (unit_id, action, done_on, stage, owed_fen, "
        "postal_receipt_no, note, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            unit_id,
            action,
            done_on,
            stage,
            owed_fen,
            postal_receipt_no,
            note,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


_ACTION = (
    "SELECT a.id, a.unit_id, a.action, a.done_on, a.stage, a.owed_fen, a.postal_receipt_no, "
    "a.note, a.created_at, a.created_by, op.display_name FROM arrears_actions a "
    "LEFT JOIN operators op ON op.id = a.created_by "
)


def actions_of_unit(db: Database, unit_id: int) -> list[ActionRow]:
    """The unit's chasing steps, latest first."""
    rows = db.execute(
        f"{_ACTION} WHERE a.unit_id = ? ORDER BY a.done_on DESC, a.id DESC", [unit_id]
    ).fetchall()
    return [ActionRow(*row) for row in rows]


def action(db: Database, action_id: int) -> ActionRow | None:
    row = db.execute(f"{_ACTION} WHERE a.id = ?", [action_id]).fetchone()
    return ActionRow(*row) if row else None


def last_done(db: Database, unit_ids: Sequence[int], on: str) -> dict[tuple[int, str], str]:
    """The day each kind of step was last done, up to ``on``, for each of the units."""
    if not unit_ids:
        return {}
    rows = db.execute(
        "SELECT unit_id, action, max(done_on) FROM arrears_actions "
        "WHERE unit_id IN (SELECT value FROM json_each(?)) AND done_on <= ? "
        "GROUP BY unit_id, action",
        [json.dumps(list(unit_ids)), on],
    ).fetchall()
    return {(unit_id, kind): day for unit_id, kind, day in rows}
