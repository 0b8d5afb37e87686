"""The fee ledger's tables: fee items and rates, charges, receipt books, receipts with
their lines, voids, and prepaid credit used. Money rows are only ever inserted.

What a unit owes is derived, never stored: a charge's outstanding amount is its amount,
plus the adjustments made to it, less the lines of receipts that are not void and the
credit applied to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Stamp:
    at: str
    by: int | None
    shift: int | None


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


@dataclass(frozen=True)
class BookRow:
    id: int
    first_no: int
    last_no: int
    width: int
    last_used: int | None


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    book_id: int
    number: int
    width: int
    unit_id: int | None
    customer: str
    issued_at: str
    method: str
    total_fen: int
    tendered_fen: int | None
    note: str
    created_by: int | None
    created_shift: int | None
    drawer_name: str | None
    void_reason: str | None
    voided_at: str | None
    invoice_no: str | None = None  # exchanged for an invoice (发票)
    refunded_fen: int = 0  # paid back against this receipt (退费)

    @property
    def void(self) -> bool:
        return self.voided_at is not None

    @property
    def number_text(self) -> str:
        return f"{self.number:0{self.width}d}"


@dataclass(frozen=True)
class ReceiptLineRow:
    id: int
    receipt_id: int
    charge_id: int | None
    description: str
    amount_fen: int


# --- fee items and rates ---------------------------------------------------------------------------


def insert_fee_item(
    db: Database, *, code: str, name: str, kind: str, unit: str, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO fee_items (code, name, kind, unit, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [code, name, kind, unit, stamp.at, stamp.by, stamp.shift],
    )
    return int(cursor.lastrowid)


_ITEM = "SELECT id, code, name, kind, unit, active FROM fee_items"


def fee_items(db: Database) -> list[FeeItemRow]:
    return [FeeItemRow(*r[:5], bool(r[5])) for r in db.execute(f"{_ITEM} ORDER BY id")]


def fee_item_by_code(db: Database, code: str) -> FeeItemRow | None:
    row = db.execute(f"{_ITEM} WHERE code = ?", [code]).fetchone()
    return FeeItemRow(*row[:5], bool(row[5])) if row else None


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
    return int(cursor.lastrowid)


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


# --- charges -----------------------------------------------------------------------------------------


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
    return int(cursor.lastrowid)


def charge_exists(db: Database, source: str, source_ref: str, unit_id: int, item_id: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM charges WHERE source = ? AND source_ref = ? AND unit_id = ? "
            "AND item_id = ?",
            [source, source_ref, unit_id, item_id],
        ).fetchone()
        is not None
    )


# Outstanding per charge: amount + adjustments − paid by live receipts − credit used
# + refunded (a deposit paid back is no longer held: its refund and the adjustment that
# releases it cancel out).
_OWING = """
SELECT c.id, c.unit_id, c.item_id, i.name, c.description, c.period, c.due_on,
       c.amount_fen + coalesce((SELECT sum(a.amount_fen) FROM charges a
                                WHERE a.adjusts_id = c.id), 0) AS amount,
       coalesce((SELECT sum(l.amount_fen) FROM receipt_lines l
                 JOIN receipts r ON r.id = l.receipt_id
                 LEFT JOIN receipt_voids v ON v.receipt_id = r.id
                 WHERE l.charge_id = c.id AND v.receipt_id IS NULL), 0)
     + coalesce((SELECT sum(u.amount_fen) FROM credit_uses u WHERE u.charge_id = c.id), 0)
     - coalesce((SELECT sum(f.amount_fen) FROM refunds f WHERE f.charge_id = c.id), 0)
       AS paid,
       c.kind
FROM charges c JOIN fee_items i ON i.id = c.item_id
WHERE c.kind <> 'adjustment'
"""


def _owing_row(row: tuple) -> OwingRow:
    return OwingRow(*row[:9], outstanding_fen=row[7] - row[8], kind=row[9])


def charges_of_unit(db: Database, unit_id: int) -> list[OwingRow]:
    rows = db.execute(f"{_OWING} AND c.unit_id = ? ORDER BY c.due_on, c.id", [unit_id])
    return [_owing_row(r) for r in rows]


def owing(db: Database, unit_id: int) -> list[OwingRow]:
    """The unit's charges with something left to pay, oldest due first."""
    return [row for row in charges_of_unit(db, unit_id) if row.outstanding_fen > 0]


def owing_for(db: Database, charge_ids: list[int]) -> list[OwingRow]:
    if not charge_ids:
        return []
    marks = ", ".join("?" for _ in charge_ids)
    rows = db.execute(f"{_OWING} AND c.id IN ({marks}) ORDER BY c.due_on, c.id", charge_ids)
    return [_owing_row(r) for r in rows]


def credit_balance(db: Database, unit_id: int) -> int:
    """Credit paid in advance by live receipts, not yet used nor refunded."""
    paid_in = db.execute(
        "SELECT coalesce(sum(l.amount_fen), 0) FROM receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id LEFT JOIN receipt_voids v "
        "ON v.receipt_id = r.id WHERE r.unit_id = ? AND l.charge_id IS NULL "
        "AND v.receipt_id IS NULL",
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
    return int(cursor.lastrowid)


# --- receipt books and receipts ----------------------------------------------------------------------


def insert_book(db: Database, *, first_no: int, last_no: int, width: int, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO receipt_books (first_no, last_no, width, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [first_no, last_no, width, stamp.at, stamp.by, stamp.shift],
    )
    return int(cursor.lastrowid)


def books(db: Database) -> list[BookRow]:
    rows = db.execute(
        "SELECT b.id, b.first_no, b.last_no, b.width, "
        "(SELECT max(number) FROM receipts r WHERE r.book_id = b.id) "
        "FROM receipt_books b ORDER BY b.id"
    ).fetchall()
    return [BookRow(*r) for r in rows]


def current_book(db: Database) -> BookRow | None:
    """The first registered book with numbers left."""
    for book in books(db):
        if book.last_used is None or book.last_used < book.last_no:
            return book
    return None


def insert_receipt(
    db: Database,
    *,
    book_id: int,
    number: int,
    unit_id: int | None,
    customer: str,
    method: str,
    total_fen: int,
    tendered_fen: int | None,
    note: str,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO receipts (book_id, number, unit_id, customer, issued_at, method, total_fen, "
        "tendered_fen, note, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            book_id,
            number,
            unit_id,
            customer,
            stamp.at,
            method,
            total_fen,
            tendered_fen,
            note,
            stamp.by,
            stamp.shift,
        ],
    )
    return int(cursor.lastrowid)


def insert_receipt_line(
    db: Database, *, receipt_id: int, charge_id: int | None, description: str, amount_fen: int
) -> None:
    db.execute(
        "INSERT INTO receipt_lines (receipt_id, charge_id, description, amount_fen) "
        "VALUES (?, ?, ?, ?)",
        [receipt_id, charge_id, description, amount_fen],
    )


_RECEIPT = (
    "SELECT r.id, r.book_id, r.number, b.width, r.unit_id, r.customer, r.issued_at, r.method, "
    "r.total_fen, r.tendered_fen, r.note, r.created_by, r.created_shift, op.display_name, "
    "v.reason, v.voided_at, ie.invoice_no, "
    "(SELECT coalesce(sum(f.amount_fen), 0) FROM refunds f WHERE f.receipt_id = r.id) "
    "FROM receipts r JOIN receipt_books b ON b.id = r.book_id "
    "LEFT JOIN operators op ON op.id = r.created_by "
    "LEFT JOIN receipt_voids v ON v.receipt_id = r.id "
    "LEFT JOIN invoice_exchanges ie ON ie.receipt_id = r.id "
)


def receipt(db: Database, receipt_id: int) -> ReceiptRow | None:
    row = db.execute(f"{_RECEIPT} WHERE r.id = ?", [receipt_id]).fetchone()
    return ReceiptRow(*row) if row else None


def receipts_numbered(db: Database, number: int) -> list[ReceiptRow]:
    rows = db.execute(f"{_RECEIPT} WHERE r.number = ? ORDER BY r.id", [number]).fetchall()
    return [ReceiptRow(*r) for r in rows]


def receipts_of_unit(db: Database, unit_id: int) -> list[ReceiptRow]:
    rows = db.execute(
        f"{_RECEIPT} WHERE r.unit_id = ? ORDER BY r.issued_at DESC, r.id DESC", [unit_id]
    ).fetchall()
    return [ReceiptRow(*r) for r in rows]


def receipts_of_book(db: Database, book_id: int) -> list[ReceiptRow]:
    rows = db.execute(f"{_RECEIPT} WHERE r.book_id = ? ORDER BY r.number", [book_id]).fetchall()
    return [ReceiptRow(*r) for r in rows]


def receipt_lines(db: Database, receipt_id: int) -> list[ReceiptLineRow]:
    rows = db.execute(
        "SELECT id, receipt_id, charge_id, description, amount_fen FROM receipt_lines "
        "WHERE receipt_id = ? ORDER BY id",
        [receipt_id],
    ).fetchall()
    return [ReceiptLineRow(*r) for r in rows]


def insert_void(
    db: Database, *, receipt_id: int, reason: str, approved_by: int, stamp: Stamp
) -> None:
    db.execute(
        "INSERT INTO receipt_voids (receipt_id, reason, approved_by, voided_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [receipt_id, reason, approved_by, stamp.at, stamp.by, stamp.shift],
    )


def unit_balance(db: Database, unit_id: int) -> int:
    """What the unit owes in all (charges with adjustments − payments − credit used)."""
    return sum(row.outstanding_fen for row in charges_of_unit(db, unit_id))


# --- refunds, invoices, late-fee waivers, closed periods ------------------------------------------


@dataclass(frozen=True)
class RefundRow:
    id: int
    unit_id: int
    receipt_id: int
    charge_id: int | None
    amount_fen: int
    voucher_no: str
    payee: str
    reason: str
    method: str
    approved_by: int
    refunded_at: str
    created_by: int | None
    created_shift: int | None


_REFUND = (
    "SELECT id, unit_id, receipt_id, charge_id, amount_fen, voucher_no, payee, reason, method, "
    "approved_by, refunded_at, created_by, created_shift FROM refunds "
)


def insert_refund(
    db: Database,
    *,
    unit_id: int,
    receipt_id: int,
    charge_id: int | None,
    amount_fen: int,
    voucher_no: str,
    payee: str,
    reason: str,
    method: str,
    approved_by: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO refunds (unit_id, receipt_id, charge_id, amount_fen, voucher_no, payee, "
        "reason, method, approved_by, refunded_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            unit_id,
            receipt_id,
            charge_id,
            amount_fen,
            voucher_no,
            payee,
            reason,
            method,
            approved_by,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return int(cursor.lastrowid)


def refund(db: Database, refund_id: int) -> RefundRow | None:
    row = db.execute(f"{_REFUND} WHERE id = ?", [refund_id]).fetchone()
    return RefundRow(*row) if row else None


def refunds_of_receipt(db: Database, receipt_id: int) -> list[RefundRow]:
    rows = db.execute(f"{_REFUND} WHERE receipt_id = ? ORDER BY id", [receipt_id]).fetchall()
    return [RefundRow(*r) for r in rows]


def refunds_of_unit(db: Database, unit_id: int) -> list[RefundRow]:
    rows = db.execute(f"{_REFUND} WHERE unit_id = ? ORDER BY id", [unit_id]).fetchall()
    return [RefundRow(*r) for r in rows]


def last_voucher_of_day(db: Database, prefix: str) -> str | None:
    row = db.execute(
        "SELECT max(voucher_no) FROM refunds WHERE voucher_no LIKE ?", [f"{prefix}%"]
    ).fetchone()
    return row[0] if row else None


def insert_invoice_exchange(
    db: Database, *, receipt_id: int, invoice_no: str, stamp: Stamp
) -> None:
    db.execute(
        "INSERT INTO invoice_exchanges (receipt_id, invoice_no, exchanged_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?)",
        [receipt_id, invoice_no, stamp.at, stamp.by, stamp.shift],
    )


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
    return int(cursor.lastrowid)


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


def closed_through(db: Database) -> str | None:
    """The last day of the last closed period (月结), or None."""
    return db.execute("SELECT max(through_on) FROM period_closes").fetchone()[0]
