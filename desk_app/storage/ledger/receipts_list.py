"""Reads of the receipts beyond the ledger's own: the receipts list a page at a time (newest
first, with what happened to each receipt since) and a receipt's lines with the charges
they paid, for printing.

The list pages ids first and joins only the rows shown, so a year of receipts never loads
whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class ReceiptQuery:
    """Filters of the receipts list; all optional."""

    number: int | None = None
    date_from: str | None = None  # inclusive, ISO date
    date_to: str | None = None  # exclusive, ISO date
    unit_id: int | None = None


@dataclass(frozen=True)
class ReceiptListRow:
    id: int
    book_id: int
    number: int
    width: int
    unit_id: int | None
    unit_code: str | None
    customer: str
    issued_at: str
    method: str
    total_fen: int
    drawer_name: str | None
    voided_at: str | None
    void_reason: str | None
    invoice_no: str | None
    refunded_fen: int

    @property
    def number_text(self) -> str:
        return f"{self.number:0{self.width}d}"

    @property
    def void(self) -> bool:
        return self.voided_at is not None


@dataclass(frozen=True)
class PrintLineRow:
    """A receipt line with the charge it paid (all charge fields None for credit, 预收款)."""

    id: int
    charge_id: int | None
    description: str
    amount_fen: int
    item_id: int | None
    item_name: str | None
    item_unit: str | None
    item_kind: str | None
    charge_kind: str | None
    period: str | None
    quantity_centi: int | None
    price_milli_yuan: int | None
    charge_amount_fen: int | None  # as charged, before any adjustment
    item_code: str | None = None  # the fee item's code (None for credit)


def _where(query: ReceiptQuery) -> tuple[str, list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    if query.number is not None:
        conditions.append("r.number = ?")
        params.append(query.number)
    if query.date_from:
        conditions.append("r.issued_at >= ?")
        params.append(query.date_from)
    if query.date_to:
        conditions.append("r.issued_at < ?")
        params.append(query.date_to)
    if query.unit_id is not None:
        conditions.append("r.unit_id = ?")
        params.append(query.unit_id)
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def count(db: Database, query: ReceiptQuery) -> int:
    where, params = _where(query)
    return int(db.execute(f"SELECT count(*) FROM receipts r {where}", params).fetchone()[0])


_SELECT = (
    "SELECT r.id, r.book_id, r.number, b.width, r.unit_id, u.code, r.customer, r.issued_at, "
    "r.method, r.total_fen, op.display_name, v.voided_at, v.reason, x.invoice_no, "
    "(SELECT coalesce(sum(f.amount_fen), 0) FROM refunds f WHERE f.receipt_id = r.id) "
    "FROM receipts r JOIN receipt_books b ON b.id = r.book_id "
    "LEFT JOIN units u ON u.id = r.unit_id "
    "LEFT JOIN operators op ON op.id = r.created_by "
    "LEFT JOIN receipt_voids v ON v.receipt_id = r.id "
    "LEFT JOIN invoice_exchanges x ON x.receipt_id = r.id "
)


def page(db: Database, query: ReceiptQuery, *, limit: int, offset: int) -> list[ReceiptListRow]:
    """Newest first (receipts are numbered in the order they are issued)."""
    where, params = _where(query)
    ids = [
        r[0]
        for r in db.execute(
            f"SELECT r.id FROM receipts r {where} ORDER BY r.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return many(db, ids)


def many(db: Database, ids: list[int]) -> list[ReceiptListRow]:
    """Rows for these ids, in the order given."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    by_id = {
        r[0]: ReceiptListRow(*r) for r in db.execute(f"{_SELECT} WHERE r.id IN ({marks})", ids)
    }
    return [by_id[i] for i in ids if i in by_id]


def print_lines(db: Database, receipt_id: int) -> list[PrintLineRow]:
    """A receipt's lines in the order written, each with its charge and fee item."""
    rows = db.execute(
        "SELECT l.id, l.charge_id, l.description, l.amount_fen, c.item_id, i.name, i.unit, "
        "i.kind, c.kind, c.period, c.quantity_centi, c.price_milli_yuan, c.amount_fen, i.code "
        "FROM receipt_lines l LEFT JOIN charges c ON c.id = l.charge_id "
        "LEFT JOIN fee_items i ON i.id = c.item_id WHERE l.receipt_id = ? ORDER BY l.id",
        [receipt_id],
    ).fetchall()
    return [PrintLineRow(*r) for r in rows]
