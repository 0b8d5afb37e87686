"""The month-end close (月结): the reconciliation figures of a period, each one set-based
query over the whole estate, and the closes themselves (append-only).

Days are ISO text (``2026-10-26``); a period runs from ``start`` to ``through`` inclusive,
so timestamps are compared with ``>= start`` and ``< after`` (the day after ``through``),
which plain text comparison gets right for ``2026-11-25T17:30:00+08:00``. A charge (and an
adjustment) belongs to the period of its ``due_on``. A voided receipt never counts: once a
period is closed nothing dated in it can be voided any more, so its figures stay put.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage import row_hashes
from desk_app.storage.ledger.cash import (
    CREDIT_ITEM,
    REFUND_QUERY,
    VOID_QUERY,
    MethodTotal,
    RefundLine,
    VoidLine,
    refund_line,
)
from desk_app.storage.rows import Stamp


@dataclass(frozen=True)
class ItemCharges:
    item_id: int
    item_name: str
    charged_fen: int  # charges, late fees and deposits due in the period
    adjusted_fen: int  # adjustments dated in the period (negative: reductions)
    count: int


@dataclass(frozen=True)
class ItemReceived:
    item_id: int | None  # None: credit paid in advance (预收款)
    item_name: str
    received_fen: int


@dataclass(frozen=True)
class ArrearsCell:
    age: int  # 0: within a month overdue, 1: 1–2 months, 2: 2–3 months, 3: over 3 months
    item_id: int
    item_name: str
    fen: int


@dataclass(frozen=True)
class ArrearsUnits:
    age: int | None  # None: all ages together
    units: int
    fen: int


@dataclass(frozen=True)
class CloseRow:
    period: str
    through_on: str
    approved_by: int
    approved_by_name: str | None
    charges_fen: int
    received_fen: int
    refunds_fen: int
    deposits_held_fen: int
    arrears_fen: int
    created_at: str
    created_by: int | None
    created_by_name: str | None


# --- figures of a period ---------------------------------------------------------------------------


def charges_by_item(db: Database, start: str, through: str) -> list[ItemCharges]:
    rows = db.execute(
        "SELECT c.item_id, i.name, "
        "sum(CASE WHEN c.kind <> 'adjustment' THEN c.amount_fen ELSE 0 END), "
        "sum(CASE WHEN c.kind = 'adjustment' THEN c.amount_fen ELSE 0 END), "
        "sum(c.kind <> 'adjustment') "
        "FROM charges c JOIN fee_items i ON i.id = c.item_id "
        "WHERE c.due_on >= ? AND c.due_on <= ? GROUP BY c.item_id ORDER BY c.item_id",
        [start, through],
    ).fetchall()
    return [ItemCharges(*r) for r in rows]


@dataclass(frozen=True)
class ItemCollected:
    item_id: int
    collectible_fen: int  # charges and late fees due in the period, with their adjustments
    collected_fen: int  # paid on them (receipts or credit) before the period ended


def collected_by_item(db: Database, start: str, through: str, after: str) -> list[ItemCollected]:
    """收缴率's figures: of what fell due in the period (deposits aside: they are held, not
    income), how much was paid by its end — by live receipts issued before ``after``, or by
    credit used before it (a prepayment counts when it is applied)."""
    rows = db.execute(
        "SELECT c.item_id, sum(c.amount_fen + coalesce((SELECT sum(a.amount_fen) FROM charges a "
        "WHERE a.adjusts_id = c.id AND a.due_on < ?), 0)), "
        "sum(coalesce((SELECT sum(l.amount_fen) FROM live_receipt_lines l "
        "WHERE l.charge_id = c.id AND l.issued_at < ?), 0)"
        " + coalesce((SELECT sum(u.amount_fen) FROM credit_uses u WHERE u.charge_id = c.id "
        "AND u.used_at < ?), 0)) "
        "FROM charges c WHERE c.kind IN ('charge', 'late_fee') AND c.due_on >= ? "
        "AND c.due_on <= ? GROUP BY c.item_id ORDER BY c.item_id",
        [after, after, after, start, through],
    ).fetchall()
    return [ItemCollected(*r) for r in rows]


def received_by_method(db: Database, start: str, after: str) -> list[MethodTotal]:
    """Receipts issued in the period and not voided, by method."""
    rows = db.execute(
        "SELECT r.method, count(*), sum(r.total_fen) FROM live_receipts r "
        "WHERE r.issued_at >= ? AND r.issued_at < ? "
        "GROUP BY r.method ORDER BY r.method",
        [start, after],
    ).fetchall()
    return [MethodTotal(*r) for r in rows]


def received_by_item(db: Database, start: str, after: str) -> list[ItemReceived]:
    """The same receipts' lines by fee item; credit lines as 预收款, last."""
    rows = db.execute(
        "SELECT i.id, coalesce(i.name, ?), sum(l.amount_fen) FROM live_receipt_lines l "
        "LEFT JOIN charges c ON c.id = l.charge_id LEFT JOIN fee_items i ON i.id = c.item_id "
        "WHERE l.issued_at >= ? AND l.issued_at < ? "
        "GROUP BY i.id ORDER BY i.id IS NULL, i.id",
        [CREDIT_ITEM, start, after],
    ).fetchall()
    return [ItemReceived(*r) for r in rows]


def voids_in(db: Database, start: str, after: str) -> list[VoidLine]:
    rows = db.execute(
        f"{VOID_QUERY} WHERE v.voided_at >= ? AND v.voided_at < ? ORDER BY v.voided_at, r.id",
        [start, after],
    )
    return [VoidLine(*r) for r in rows.fetchall()]


def refunds_in(db: Database, start: str, after: str) -> list[RefundLine]:
    rows = db.execute(
        f"{REFUND_QUERY} WHERE f.refunded_at >= ? AND f.refunded_at < ? ORDER BY f.id",
        [start, after],
    )
    return [refund_line(r) for r in rows.fetchall()]


def deposits_held(db: Database, after: str) -> int:
    """Deposits paid (by live receipts and credit) before ``after``, less those paid back."""
    row = db.execute(
        "SELECT coalesce(sum("
        "  coalesce((SELECT sum(l.amount_fen) FROM live_receipt_lines l "
        "            WHERE l.charge_id = c.id AND l.issued_at < :after), 0)"
        "+ coalesce((SELECT sum(u.amount_fen) FROM credit_uses u "
        "            WHERE u.charge_id = c.id AND u.used_at < :after), 0)"
        "- coalesce((SELECT sum(f.amount_fen) FROM refunds f "
        "            WHERE f.charge_id = c.id AND f.refunded_at < :after), 0)"
        "), 0) FROM charges c WHERE c.kind = 'deposit'",
        {"after": after},
    ).fetchone()
    return int(row[0])


# What each charge due by :through still owed at the end of that day: its amount and the
# adjustments dated by then, less live receipts and credit used before :after, plus refunds
# paid back against it before :after. The aged result is kept once and summed three ways
# (by age and item, by age, in all). Money is aged charge by charge; a household is counted
# once, at the age of its oldest debt, so that the households of the ages add up to the
# total. Two ways to the same figures:
#
# - "history": one pass over every table up to the period's end, grouped by charge; the
#   cost grows with the years before the period.
# - "since": only two kinds of charge can owe something at the period's end — the ones open
#   today (``open_charges``, kept by triggers) and the ones a movement after the period
#   touched (an adjustment dated later, a receipt issued, credit used or a refund paid from
#   :after on); any other charge owes today what it owed then, nothing. Each of those is
#   recomputed at the period's end along its indexes; the cost follows the open charges
#   and what happened since the period, not the years before it.
_OUTSTANDING_FROM_HISTORY = """
WITH movements(charge_id, fen) AS (
    SELECT coalesce(c.adjusts_id, c.id), c.amount_fen FROM charges c WHERE c.due_on <= :through
    UNION ALL
    SELECT charge_id, -amount_fen FROM live_receipt_lines
     WHERE charge_id IS NOT NULL AND issued_at < :after
    UNION ALL
    SELECT charge_id, -amount_fen FROM credit_uses WHERE used_at < :after
    UNION ALL
    SELECT charge_id, amount_fen FROM refunds
     WHERE charge_id IS NOT NULL AND refunded_at < :after
),
owed AS (
    SELECT charge_id, sum(fen) AS fen FROM movements GROUP BY charge_id HAVING sum(fen) > 0
),
outstanding AS (
    SELECT c.due_on, c.item_id, c.unit_id, o.fen
      FROM owed o JOIN charges c ON c.id = o.charge_id
     WHERE c.due_on <= :through
),"""

_OUTSTANDING_SINCE = """
WITH candidates(charge_id) AS (
    SELECT charge_id FROM open_charges WHERE due_on <= :through
    UNION
    SELECT adjusts_id FROM charges WHERE due_on > :through AND adjusts_id IS NOT NULL
    UNION
    SELECT l.charge_id FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
     WHERE r.issued_at >= :after AND l.charge_id IS NOT NULL
    UNION
    SELECT charge_id FROM credit_uses WHERE used_at >= :after
    UNION
    SELECT charge_id FROM refunds WHERE refunded_at >= :after AND charge_id IS NOT NULL
),
owed AS (
    SELECT c.due_on, c.item_id, c.unit_id,
           c.amount_fen
         + coalesce((SELECT sum(a.amount_fen) FROM charges a
                     WHERE a.adjusts_id = c.id AND a.due_on <= :through), 0)
         - coalesce((SELECT sum(l.amount_fen) FROM live_receipt_lines l
                     WHERE l.charge_id = c.id AND l.issued_at < :after), 0)
         - coalesce((SELECT sum(u.amount_fen) FROM credit_uses u
                     WHERE u.charge_id = c.id AND u.used_at < :after), 0)
         + coalesce((SELECT sum(f.amount_fen) FROM refunds f
                     WHERE f.charge_id = c.id AND f.refunded_at < :after), 0) AS fen
      FROM candidates k JOIN charges c ON c.id = k.charge_id
     WHERE c.due_on <= :through AND c.kind <> 'adjustment'
),
outstanding AS (
    SELECT due_on, item_id, unit_id, fen FROM owed WHERE fen > 0
),"""

_AGED = """
aged AS MATERIALIZED (
    SELECT CASE WHEN due_on <= :three THEN 3 WHEN due_on <= :two THEN 2
                WHEN due_on <= :one THEN 1 ELSE 0 END AS age,
           item_id, unit_id, fen
      FROM outstanding
),
unit_oldest AS (
    SELECT unit_id, max(age) AS oldest FROM aged GROUP BY unit_id
)
SELECT 'cell', a.age, a.item_id, i.name, NULL, sum(a.fen)
  FROM aged a JOIN fee_items i ON i.id = a.item_id GROUP BY a.age, a.item_id
UNION ALL
SELECT 'age', a.age, NULL, NULL,
       (SELECT count(*) FROM unit_oldest o WHERE o.oldest = a.age), sum(a.fen)
  FROM aged a GROUP BY a.age
UNION ALL
SELECT 'all', NULL, NULL, NULL, count(DISTINCT unit_id), coalesce(sum(fen), 0) FROM aged
"""

ARREARS_WAYS = {
    "history": _OUTSTANDING_FROM_HISTORY + _AGED,
    "since": _OUTSTANDING_SINCE + _AGED,
}


def arrears_way(db: Database, through: str) -> str:
    """``since`` when fewer charges fall due after ``through`` than up to it (a recent
    period: what happened since is the smaller part), else ``history``. Counting stops at
    half the charges, so the choice costs at most half an index scan."""
    total = int(db.execute("SELECT coalesce(max(rowid), 0) FROM charges").fetchone()[0])
    half = total // 2
    later = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM charges WHERE due_on > ? LIMIT ?)",
        [through, half + 1],
    ).fetchone()[0]
    return "since" if later <= half else "history"


def arrears(
    db: Database,
    through: str,
    after: str,
    months_back: tuple[str, str, str],
    *,
    way: str | None = None,
) -> tuple[list[ArrearsCell], list[ArrearsUnits]]:
    """Outstanding at the end of ``through`` by age and item, and units in arrears by the
    age of their oldest debt (the last row: all ages). ``months_back`` are the days 1, 2
    and 3 months before ``through``: a charge due on or before the k-th is at least k
    whole months overdue. ``way`` (``ARREARS_WAYS``; chosen by ``arrears_way`` when not
    given) changes only the cost, never the figures."""
    one, two, three = months_back
    rows = db.execute(
        ARREARS_WAYS[way or arrears_way(db, through)],
        {"through": through, "after": after, "one": one, "two": two, "three": three},
    ).fetchall()
    cells = [ArrearsCell(r[1], r[2], r[3], r[5]) for r in rows if r[0] == "cell"]
    units = [ArrearsUnits(r[1], r[4], r[5]) for r in rows if r[0] != "cell"]
    cells.sort(key=lambda c: (c.age, c.item_id))
    units.sort(key=lambda u: (u.age is None, u.age or 0))
    return cells, units


# --- closes ------------------------------------------------------------------------------------------


def insert_close(
    db: Database,
    *,
    period: str,
    through_on: str,
    approved_by: int,
    charges_fen: int,
    received_fen: int,
    refunds_fen: int,
    deposits_held_fen: int,
    arrears_fen: int,
    stamp: Stamp,
) -> None:
    db.execute(
        "INSERT INTO period_closes (period, through_on, approved_by, charges_fen, received_fen, "
        "refunds_fen, deposits_held_fen, arrears_fen, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            period,
            through_on,
            approved_by,
            charges_fen,
            received_fen,
            refunds_fen,
            deposits_held_fen,
            arrears_fen,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )


_CLOSE = (
    "SELECT p.period, p.through_on, p.approved_by, ap.display_name, p.charges_fen, "
    "p.received_fen, p.refunds_fen, p.deposits_held_fen, p.arrears_fen, p.created_at, "
    "p.created_by, cb.display_name FROM period_closes p "
    "LEFT JOIN operators ap ON ap.id = p.approved_by "
    "LEFT JOIN operators cb ON cb.id = p.created_by "
)


def close_of(db: Database, period: str) -> CloseRow | None:
    row = db.execute(f"{_CLOSE} WHERE p.period = ?", [period]).fetchone()
    return CloseRow(*row) if row else None


def last_close(db: Database) -> CloseRow | None:
    row = db.execute(f"{_CLOSE} ORDER BY p.through_on DESC LIMIT 1").fetchone()
    return CloseRow(*row) if row else None


def closes(db: Database) -> list[CloseRow]:
    return [CloseRow(*r) for r in db.execute(f"{_CLOSE} ORDER BY p.through_on DESC").fetchall()]


def closed_through(db: Database) -> str | None:
    """The last day of the last closed period (月结), or None."""
    return db.execute("SELECT max(through_on) FROM period_closes").fetchone()[0]


# --- the seal of a closed month ---------------------------------------------------------------

# The money rows a close locks, by the day each is dated (the closed-period triggers' days).
_PERIOD_ROWS = {
    "charges": "due_on",
    "receipts": "substr(issued_at, 1, 10)",
    "receipt_voids": "substr(voided_at, 1, 10)",
    "credit_uses": "substr(used_at, 1, 10)",
    "refunds": "substr(refunded_at, 1, 10)",
    "late_fee_waivers": "substr(waived_at, 1, 10)",
    "meter_readings": "read_on",
}


def period_digest(db: Database, start_on: str, through_on: str) -> str:
    """A hash over every money row dated in ``start_on..through_on`` (each in the row-hash
    form, table by table in rowid order), and the receipt lines of its receipts: written
    into the chain at the close, recomputed by ``desk-app check``."""
    sha = hashlib.sha256()
    for table, day in _PERIOD_ROWS.items():
        sha.update(f"{table}\n".encode())
        for row_hash in row_hashes.hashes_where(
            db, table, f"{day} BETWEEN ? AND ?", [start_on, through_on]
        ):
            sha.update(f"{row_hash}\n".encode())
    sha.update(b"receipt_lines\n")
    for row_hash in row_hashes.hashes_where(
        db,
        "receipt_lines",
        "receipt_id IN (SELECT id FROM receipts WHERE substr(issued_at, 1, 10) BETWEEN ? AND ?)",
        [start_on, through_on],
    ):
        sha.update(f"{row_hash}\n".encode())
    return sha.hexdigest()


def closes_around(db: Database, day: str) -> tuple[str | None, str | None]:
    """The first closed period ending on or after ``day`` and the one before it (the
    periods as ``2026-10``; None where there is none)."""
    covering = db.execute(
        "SELECT period, through_on FROM period_closes WHERE through_on >= ? "
        "ORDER BY through_on LIMIT 1",
        [day],
    ).fetchone()
    if covering is None:
        return None, None
    before = db.execute(
        "SELECT period FROM period_closes WHERE through_on < ? ORDER BY through_on DESC LIMIT 1",
        [covering[1]],
    ).fetchone()
    return covering[0], before[0] if before else None
