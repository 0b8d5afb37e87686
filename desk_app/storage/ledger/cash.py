"""The cash drawer and the weekly handover to finance (上缴财务部): what a shift took in,
by method, with its receipt numbers, voids and refunds; what was taken in since the last
handover; and the handovers themselves (append-only).

A handover covers the receipts after the previous handover's ``last_receipt_id`` up to its
own, and the refunds after the previous ``last_refund_id``: ids only grow, so each receipt
and refund is handed over exactly once. A receipt counts as taken in unless it was voided
(as of a moment, so a slip printed again shows what was handed over then).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, with_flags

CREDIT_ITEM = "预收款"


@dataclass(frozen=True)
class MethodTotal:
    method: str
    count: int
    total_fen: int


@dataclass(frozen=True)
class ItemTotal:
    item_id: int | None  # None: credit paid in advance (预收款)
    item_name: str
    total_fen: int


@dataclass(frozen=True)
class NumberRange:
    """Receipt numbers of one book used in a span, e.g. 0001001–0001012 (12 receipts)."""

    book_id: int
    width: int
    first: int
    last: int
    count: int

    @property
    def text(self) -> str:
        first = f"{self.first:0{self.width}d}"
        if self.first == self.last:
            return first
        return f"{first}–{self.last:0{self.width}d}"


@dataclass(frozen=True)
class VoidLine:
    receipt_id: int
    number_text: str
    customer: str
    method: str
    total_fen: int
    issued_at: str
    reason: str
    voided_at: str
    approved_by_name: str | None


@dataclass(frozen=True)
class RefundLine:
    id: int
    voucher_no: str
    receipt_number_text: str
    payee: str
    method: str
    amount_fen: int
    reason: str
    refunded_at: str
    deposit: bool  # a deposit paid back (else unused credit)


@dataclass(frozen=True)
class HandoverRow:
    id: int
    handed_on: str
    first_receipt_id: int | None
    last_receipt_id: int | None
    last_refund_id: int | None
    total_fen: int
    cash_fen: int
    received_by: str
    created_at: str
    created_by: int | None
    created_by_name: str | None
    created_shift: int | None


# ``live_receipts`` as it stood at :as_of (NULL: now): a slip printed again counts a
# receipt voided after it was first printed, as it did then.
_LIVE_AT = (
    "NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = r.id "
    "AND (:as_of IS NULL OR v.voided_at <= :as_of))"
)
VOID_QUERY = (
    "SELECT r.id, printf('%0' || b.width || 'd', r.number), r.customer, r.method, r.total_fen, "
    "r.issued_at, v.reason, v.voided_at, ap.display_name FROM receipt_voids v "
    "JOIN receipts r ON r.id = v.receipt_id JOIN receipt_books b ON b.id = r.book_id "
    "LEFT JOIN operators ap ON ap.id = v.approved_by "
)
REFUND_QUERY = (
    "SELECT f.id, f.voucher_no, printf('%0' || b.width || 'd', r.number), f.payee, f.method, "
    "f.amount_fen, f.reason, f.refunded_at, f.charge_id IS NOT NULL FROM refunds f "
    "JOIN receipts r ON r.id = f.receipt_id JOIN receipt_books b ON b.id = r.book_id "
)


def refund_line(row: tuple) -> RefundLine:
    return RefundLine(*with_flags(row, 8))


# --- one shift's drawer ----------------------------------------------------------------------------


def shift_takings(db: Database, shift_id: int) -> list[MethodTotal]:
    """Live receipts issued in the shift, by method."""
    rows = db.execute(
        "SELECT r.method, count(*), sum(r.total_fen) FROM live_receipts r "
        "WHERE r.created_shift = ? GROUP BY r.method ORDER BY min(r.id)",
        [shift_id],
    ).fetchall()
    return [MethodTotal(*r) for r in rows]


def shift_items(db: Database, shift_id: int) -> list[ItemTotal]:
    """The lines of live receipts issued in the shift, by fee item; credit (预收款) last."""
    rows = db.execute(
        "SELECT i.id, coalesce(i.name, ?), sum(l.amount_fen) FROM live_receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id "
        "LEFT JOIN charges c ON c.id = l.charge_id LEFT JOIN fee_items i ON i.id = c.item_id "
        "WHERE r.created_shift = ? GROUP BY i.id ORDER BY i.id IS NULL, i.id",
        [CREDIT_ITEM, shift_id],
    ).fetchall()
    return [ItemTotal(*r) for r in rows]


def shift_deposits(db: Database, shift_id: int) -> tuple[int, int]:
    """Deposits (押金) taken in the shift: how many charges, how much."""
    count, fen = db.execute(
        "SELECT count(DISTINCT l.charge_id), coalesce(sum(l.amount_fen), 0) "
        "FROM live_receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
        "JOIN charges c ON c.id = l.charge_id WHERE r.created_shift = ? AND c.kind = 'deposit'",
        [shift_id],
    ).fetchone()
    return count, fen


def shift_losses(db: Database, shift_id: int) -> list[tuple[str, int, str]]:
    """Receipt numbers recorded lost since the shift before it closed, up to this one's
    close (a restore, made between shifts, records those issued after the backup):
    ``(0001004–0001007, 4, 恢复备份)`` per range."""
    rows = db.execute(
        "SELECT l.first_no, l.last_no, b.width, l.reason FROM receipt_losses l "
        "JOIN receipt_books b ON b.id = l.book_id JOIN shifts s ON s.id = ? "
        "WHERE l.created_at > coalesce((SELECT max(p.closed_at) FROM shifts p "
        "WHERE p.id <> s.id AND p.closed_at <= s.opened_at), '') "
        "AND (s.closed_at IS NULL OR l.created_at <= s.closed_at) ORDER BY l.id",
        [shift_id],
    ).fetchall()
    return [
        (
            f"{first:0{width}d}" if first == last else f"{first:0{width}d}–{last:0{width}d}",
            last - first + 1,
            reason,
        )
        for first, last, width, reason in rows
    ]


def shift_ranges(db: Database, shift_id: int) -> list[NumberRange]:
    """The receipt numbers the shift used (void ones included), per book."""
    rows = db.execute(
        "SELECT r.book_id, b.width, min(r.number), max(r.number), count(*) FROM receipts r "
        "JOIN receipt_books b ON b.id = r.book_id WHERE r.created_shift = ? "
        "GROUP BY r.book_id ORDER BY min(r.id)",
        [shift_id],
    ).fetchall()
    return [NumberRange(*r) for r in rows]


def shift_voids(db: Database, shift_id: int) -> list[VoidLine]:
    """Receipts voided during the shift (whichever shift issued them)."""
    rows = db.execute(
        f"{VOID_QUERY} WHERE v.created_shift = ? ORDER BY v.voided_at, r.id", [shift_id]
    )
    return [VoidLine(*r) for r in rows.fetchall()]


def shift_refunds(db: Database, shift_id: int) -> list[RefundLine]:
    rows = db.execute(f"{REFUND_QUERY} WHERE f.created_shift = ? ORDER BY f.id", [shift_id])
    return [refund_line(r) for r in rows.fetchall()]


# --- takings since a handover ------------------------------------------------------------------------


def max_receipt_id(db: Database) -> int | None:
    return db.execute("SELECT max(id) FROM receipts").fetchone()[0]


def max_refund_id(db: Database) -> int | None:
    return db.execute("SELECT max(id) FROM refunds").fetchone()[0]


def _span(after_id: int | None, through_id: int | None, as_of: str | None) -> dict[str, object]:
    return {"after": after_id or 0, "through": through_id, "as_of": as_of}


def takings_by_method(
    db: Database, after_id: int | None, through_id: int | None, as_of: str | None = None
) -> list[MethodTotal]:
    """Live receipts with ``after_id`` < id ≤ ``through_id`` (None: no upper bound)."""
    rows = db.execute(
        "SELECT r.method, count(*), sum(r.total_fen) FROM receipts r "
        "WHERE r.id > :after AND (:through IS NULL OR r.id <= :through) "
        f"AND {_LIVE_AT} GROUP BY r.method ORDER BY min(r.id)",
        _span(after_id, through_id, as_of),
    ).fetchall()
    return [MethodTotal(*r) for r in rows]


def takings_by_item(
    db: Database, after_id: int | None, through_id: int | None, as_of: str | None = None
) -> list[ItemTotal]:
    """The same receipts' lines by fee item; credit lines (no charge) as 预收款, last."""
    rows = db.execute(
        "SELECT i.id, coalesce(i.name, :credit), sum(l.amount_fen) FROM receipts r "
        "JOIN receipt_lines l ON l.receipt_id = r.id "
        "LEFT JOIN charges c ON c.id = l.charge_id LEFT JOIN fee_items i ON i.id = c.item_id "
        "WHERE r.id > :after AND (:through IS NULL OR r.id <= :through) "
        f"AND {_LIVE_AT} GROUP BY i.id ORDER BY i.id IS NULL, i.id",
        {**_span(after_id, through_id, as_of), "credit": CREDIT_ITEM},
    ).fetchall()
    return [ItemTotal(*r) for r in rows]


def receipt_ranges(db: Database, after_id: int | None, through_id: int | None) -> list[NumberRange]:
    """Receipt numbers (void ones included) with ids in the span, per book."""
    rows = db.execute(
        "SELECT r.book_id, b.width, min(r.number), max(r.number), count(*) FROM receipts r "
        "JOIN receipt_books b ON b.id = r.book_id "
        "WHERE r.id > :after AND (:through IS NULL OR r.id <= :through) "
        "GROUP BY r.book_id ORDER BY min(r.id)",
        _span(after_id, through_id, None),
    ).fetchall()
    return [NumberRange(*r) for r in rows]


def first_receipt_after(db: Database, after_id: int | None) -> int | None:
    return db.execute("SELECT min(id) FROM receipts WHERE id > ?", [after_id or 0]).fetchone()[0]


def receipt_times(
    db: Database, after_id: int | None, through_id: int | None
) -> tuple[str | None, str | None]:
    """When the first and the last receipt of the span were issued."""
    row = db.execute(
        "SELECT min(issued_at), max(issued_at) FROM receipts "
        "WHERE id > :after AND (:through IS NULL OR id <= :through)",
        _span(after_id, through_id, None),
    ).fetchone()
    return row[0], row[1]


def refunds_between(db: Database, after_id: int | None, through_id: int | None) -> list[RefundLine]:
    rows = db.execute(
        f"{REFUND_QUERY} WHERE f.id > :after AND (:through IS NULL OR f.id <= :through) ORDER BY f.id",
        _span(after_id, through_id, None),
    )
    return [refund_line(r) for r in rows.fetchall()]


def voids_between(db: Database, after_at: str | None, through_at: str | None) -> list[VoidLine]:
    """Voids made after ``after_at`` (None: from the start) up to ``through_at``."""
    rows = db.execute(
        f"{VOID_QUERY} WHERE (:after IS NULL OR v.voided_at > :after) "
        "AND (:through IS NULL OR v.voided_at <= :through) ORDER BY v.voided_at, r.id",
        {"after": after_at, "through": through_at},
    )
    return [VoidLine(*r) for r in rows.fetchall()]


# --- handovers -----------------------------------------------------------------------------------------


def insert_handover(
    db: Database,
    *,
    handed_on: str,
    first_receipt_id: int | None,
    last_receipt_id: int | None,
    last_refund_id: int | None,
    total_fen: int,
    cash_fen: int,
    received_by: str,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO cash_handovers (handed_on, first_receipt_id, last_receipt_id, "
        "last_refund_id, total_fen, cash_fen, received_by, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            handed_on,
            first_receipt_id,
            last_receipt_id,
            last_refund_id,
            total_fen,
            cash_fen,
            received_by,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


_HANDOVER = (
    "SELECT h.id, h.handed_on, h.first_receipt_id, h.last_receipt_id, h.last_refund_id, "
    "h.total_fen, h.cash_fen, h.received_by, h.created_at, h.created_by, o.display_name, "
    "h.created_shift FROM cash_handovers h LEFT JOIN operators o ON o.id = h.created_by "
)


def handover(db: Database, handover_id: int) -> HandoverRow | None:
    row = db.execute(f"{_HANDOVER} WHERE h.id = ?", [handover_id]).fetchone()
    return HandoverRow(*row) if row else None


def last_handover(db: Database) -> HandoverRow | None:
    row = db.execute(f"{_HANDOVER} ORDER BY h.id DESC LIMIT 1").fetchone()
    return HandoverRow(*row) if row else None


def handover_before(db: Database, handover_id: int) -> HandoverRow | None:
    row = db.execute(
        f"{_HANDOVER} WHERE h.id < ? ORDER BY h.id DESC LIMIT 1", [handover_id]
    ).fetchone()
    return HandoverRow(*row) if row else None


def handovers(db: Database, limit: int = 100) -> list[HandoverRow]:
    rows = db.execute(f"{_HANDOVER} ORDER BY h.id DESC LIMIT ?", [limit]).fetchall()
    return [HandoverRow(*r) for r in rows]
