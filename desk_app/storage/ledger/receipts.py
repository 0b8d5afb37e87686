"""Receipt books, receipts and their lines, voids and invoice exchanges; only inserted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id


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


def insert_book(db: Database, *, first_no: int, last_no: int, width: int, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO receipt_books (first_no, last_no, width, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [first_no, last_no, width, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def books(db: Database) -> list[BookRow]:
    rows = db.execute(
        "SELECT b.id, b.first_no, b.last_no, b.width, "
        "nullif(max(coalesce((SELECT max(number) FROM receipts r WHERE r.book_id = b.id), 0), "
        "coalesce((SELECT max(last_no) FROM receipt_losses x WHERE x.book_id = b.id), 0)), 0) "
        "FROM receipt_books b ORDER BY b.id"
    ).fetchall()
    return [BookRow(*r) for r in rows]


@dataclass(frozen=True)
class LossRow:
    """Numbers of a book lost to the database (作废 as a range, e.g. after a restore)."""

    id: int
    book_id: int
    first_no: int
    last_no: int
    reason: str
    created_at: str


def insert_loss(
    db: Database, *, book_id: int, first_no: int, last_no: int, reason: str, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO receipt_losses (book_id, first_no, last_no, reason, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [book_id, first_no, last_no, reason, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def losses(db: Database) -> list[LossRow]:
    rows = db.execute(
        "SELECT id, book_id, first_no, last_no, reason, created_at FROM receipt_losses "
        "ORDER BY book_id, first_no"
    ).fetchall()
    return [LossRow(*r) for r in rows]


def numbering_problems(db: Database, limit: int = 10) -> list[str]:
    """Every number of a book from its first to its highest is a receipt or a lost number,
    once: the gaps and overlaps found (Chinese), at most ``limit``."""
    found: list[str] = []
    for book in books(db):
        if book.last_used is None or book.last_used < book.first_no:
            continue
        spans = [
            (number, number, "收据")
            for (number,) in db.execute(
                "SELECT number FROM receipts WHERE book_id = ? ORDER BY number", [book.id]
            )
        ]
        spans += [
            (first, last, "遗失号段")
            for first, last in db.execute(
                "SELECT first_no, last_no FROM receipt_losses WHERE book_id = ?", [book.id]
            )
        ]
        spans.sort()
        expected = book.first_no
        for first, last, kind in spans:
            if first > expected:
                found.append(f"收据本 {book.first_no}–{book.last_no} 缺号 {expected}–{first - 1}")
            elif first < expected:
                found.append(
                    f"收据本 {book.first_no}–{book.last_no} 的{kind} {first} 与前面的号码重复"
                )
            if first < book.first_no or last > book.last_no:
                found.append(f"{kind} {first}–{last} 不在收据本 {book.first_no}–{book.last_no} 内")
            expected = max(expected, last + 1)
            if len(found) >= limit:
                return found[:limit]
        if book.last_used >= expected:  # the newest numbers gone (a deleted last receipt)
            found.append(f"收据本 {book.first_no}–{book.last_no} 缺号 {expected}–{book.last_used}")
    return found[:limit]


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
    return inserted_id(cursor)


def insert_receipt_line(
    db: Database, *, receipt_id: int, charge_id: int | None, description: str, amount_fen: int
) -> int:
    cursor = db.execute(
        "INSERT INTO receipt_lines (receipt_id, charge_id, description, amount_fen) "
        "VALUES (?, ?, ?, ?)",
        [receipt_id, charge_id, description, amount_fen],
    )
    return inserted_id(cursor)


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


def insert_invoice_exchange(
    db: Database, *, receipt_id: int, invoice_no: str, stamp: Stamp
) -> None:
    db.execute(
        "INSERT INTO invoice_exchanges (receipt_id, invoice_no, exchanged_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?)",
        [receipt_id, invoice_no, stamp.at, stamp.by, stamp.shift],
    )
