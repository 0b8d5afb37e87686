"""Receipt books (收据本): numbered ranges registered by a supervisor."""

from __future__ import annotations

from desk_app.core import ledger_rules
from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger.receipts import BookRow


def register_book(desk: Desk, first: int, last: int, *, width: int = 7) -> Done[BookRow]:
    """A new receipt book (收据本) with its printed number range."""
    desk.require_role("supervisor", "登记收据本")
    book = ledger_rules.ReceiptBook(first, last, width)
    for existing in receipts_store.books(desk.db):
        if ledger_rules.overlaps(
            book, ledger_rules.ReceiptBook(existing.first_no, existing.last_no)
        ):
            raise ValidationError(
                f"号码段与已登记的收据本（{existing.first_no}–{existing.last_no}）重叠。",
                field="first",
            )
    with desk.operation("receipt_book_registered") as op:
        book_id = receipts_store.insert_book(
            op.db, first_no=first, last_no=last, width=width, stamp=op.stamp
        )
        op.record("receipt_books", book_id, first=first, last=last)
    return op.done(next(b for b in receipts_store.books(desk.db) if b.id == book_id))


def books(desk: Desk) -> list[BookRow]:
    return receipts_store.books(desk.db)
