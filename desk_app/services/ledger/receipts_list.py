"""The receipts list (收据列表): every receipt issued, newest first, a page at a time, with
its status since — 作废, 已换发票 (the invoice number), 已退费 — and the filters of the
receipts page (number, issue dates, unit)."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.storage.ledger import receipts_list as receipts_store
from desk_app.storage.ledger.receipts_list import ReceiptListRow, ReceiptQuery

__all__ = ["ReceiptListRow", "ReceiptQuery"]

VOID = "作废"
INVOICED = "已换发票"
REFUNDED = "已退费"


def parse_number(text: str) -> int | None:
    """A receipt number as typed (``0001001``, ``№1001``, ``No.1001``); None when empty."""
    digits = unicodedata.normalize("NFKC", text or "").strip()
    for prefix in ("№", "No.", "No", "NO.", "NO", "no."):
        digits = digits.removeprefix(prefix)
    digits = digits.strip()
    if not digits:
        return None
    if not digits.isdigit() or len(digits) > 12:
        raise ValidationError(f"收据号码格式不正确：{text.strip()}", field="number")
    return int(digits)


def make_query(
    *,
    number: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    unit_id: int | None = None,
) -> ReceiptQuery:
    """The list's filters; ``date_to`` is inclusive (the whole day)."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期。", field="date_from")
    return ReceiptQuery(
        number=parse_number(number),
        date_from=date_from.isoformat() if date_from else None,
        date_to=(date_to + timedelta(days=1)).isoformat() if date_to else None,
        unit_id=unit_id,
    )


def count_receipts(desk: Desk, query: ReceiptQuery) -> int:
    return receipts_store.count(desk.db, query)


def list_receipts(
    desk: Desk, query: ReceiptQuery, *, limit: int = 100, offset: int = 0
) -> list[ReceiptListRow]:
    """A page of the receipts, newest first."""
    return receipts_store.page(desk.db, query, limit=limit, offset=offset)


def receipt_row(desk: Desk, receipt_id: int) -> ReceiptListRow | None:
    rows = receipts_store.many(desk.db, [receipt_id])
    return rows[0] if rows else None


def status_text(row: ReceiptListRow) -> str:
    """作废 / 已换发票 / 已退费 (joined with 、 when more than one applies), or ""."""
    parts = []
    if row.void:
        parts.append(VOID)
    if row.invoice_no:
        parts.append(INVOICED)
    if row.refunded_fen:
        parts.append(REFUNDED)
    return "、".join(parts)
