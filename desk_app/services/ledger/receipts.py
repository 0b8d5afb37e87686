"""Receipts (收款收据): looked up, listed per unit, and voided (作废) with a supervisor's
approval; a receipt is never edited, and the charges a void paid are owed again.
"""

from __future__ import annotations

import unicodedata

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import periods
from desk_app.services.operations import Done
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger.receipts import ReceiptLineRow, ReceiptRow


def receipt(desk: Desk, receipt_id: int) -> ReceiptRow:
    row = receipts_store.receipt(desk.db, receipt_id)
    if row is None:
        raise NotFoundError(f"收据 {receipt_id} 不存在。")
    return row


def find_receipt(desk: Desk, number_text: str) -> ReceiptRow:
    digits = unicodedata.normalize("NFKC", number_text).strip().lstrip("№No.").strip()
    if not digits.isdigit():
        raise ValidationError(f"收据号码格式不正确：{number_text.strip()}", field="number")
    rows = receipts_store.receipts_numbered(desk.db, int(digits))
    if not rows:
        raise NotFoundError(f"没有收据号码 {digits}。", field="number")
    return rows[-1]


def receipt_lines(desk: Desk, receipt_id: int) -> list[ReceiptLineRow]:
    return receipts_store.receipt_lines(desk.db, receipt_id)


def receipts_of_unit(desk: Desk, unit_id: int) -> list[ReceiptRow]:
    return receipts_store.receipts_of_unit(desk.db, unit_id)


def void_receipt(desk: Desk, receipt_id: int, reason: str, approval: Approval) -> Done[ReceiptRow]:
    """作废: the number stays, shown as void; the charges it paid are owed again."""
    row = receipt(desk, receipt_id)
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请填写作废原因。", field="reason")
    if row.void:
        raise ValidationError(f"收据 {row.number_text} 已作废。", field="reason")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError("作废收据须经客服主管批准。", field="approval")
    if row.invoice_no:
        raise ValidationError(
            f"收据 {row.number_text} 已换开发票（{row.invoice_no}），不能作废。", field="reason"
        )
    if row.refunded_fen:
        raise ValidationError(f"收据 {row.number_text} 已有退费，不能作废。", field="reason")
    periods.ensure_open(desk, row.issued_at, "作废该期开出的收据", "已结账期的收款请办理退费。")
    periods.ensure_open(desk, periods.today(desk), "作废收据")
    credit_in = sum(
        line.amount_fen
        for line in receipts_store.receipt_lines(desk.db, row.id)
        if line.charge_id is None
    )
    if row.unit_id is not None and credit_in > charges_store.credit_balance(desk.db, row.unit_id):
        raise ValidationError(
            f"收据 {row.number_text} 的预收款已抵扣后续费用，不能直接作废。", field="reason"
        )
    with desk.operation("receipt_voided") as op:
        receipts_store.insert_void(
            op.db, receipt_id=row.id, reason=why, approved_by=approval.approver.id, stamp=op.stamp
        )
        op.touch("receipt_voids", [row.id])  # keyed by its receipt
        approval.write_to(op, "receipts", row.id)
        op.record(
            "receipts", row.id, number=row.number_text, reason=why, total=format_fen(row.total_fen)
        )
    return op.done(receipt(desk, row.id))
