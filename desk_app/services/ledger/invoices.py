"""Invoice exchange (换开发票): the receipt is taken back for an invoice, recorded by number."""

from __future__ import annotations

import re
import unicodedata

from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.services.ledger import periods, receipts
from desk_app.services.operations import Done
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger.receipts import ReceiptRow


def exchange_for_invoice(desk: Desk, receipt_id: int, invoice_no: str) -> Done[ReceiptRow]:
    """The owner takes an invoice (发票) instead: the receipt is taken back for finance and
    the invoice number recorded against it."""
    row = receipts.receipt(desk, receipt_id)
    number = unicodedata.normalize("NFKC", invoice_no or "").strip().upper()
    if not number:
        raise ValidationError("请填写发票号码。", field="invoice_no")
    if len(number) > 30 or not re.fullmatch(r"[0-9A-Z\-]+", number):
        raise ValidationError(f"发票号码格式不正确：{invoice_no.strip()}", field="invoice_no")
    if row.void:
        raise ValidationError(f"收据 {row.number_text} 已作废，不能换开发票。", field="invoice_no")
    if row.invoice_no:
        raise ValidationError(
            f"收据 {row.number_text} 已换开发票 {row.invoice_no}。", field="invoice_no"
        )
    periods.ensure_open(desk, periods.today(desk), "换开发票")
    with desk.operation("invoice_exchanged") as op:
        receipts_store.insert_invoice_exchange(
            op.db, receipt_id=row.id, invoice_no=number, stamp=op.stamp
        )
        op.record("invoice_exchanges", row.id, receipt=row.number_text, invoice_no=number)
    return op.done(receipts.receipt(desk, row.id))
