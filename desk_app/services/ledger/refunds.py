"""Refunds (退费) of a deposit or of unused credit, against the original receipt, with a
supervisor's approval and a cash-payment voucher number (现金付出单).
"""

from __future__ import annotations

from datetime import date

from desk_app.core import numbering
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen, parse_fen
from desk_app.core.vocabularies import PAYMENT_METHODS
from desk_app.services.desk import Desk
from desk_app.services.ledger import periods, receipts
from desk_app.services.operations import Done, written
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger import refunds as refunds_store
from desk_app.storage.ledger.charges import NewCharge, OwingRow
from desk_app.storage.ledger.refunds import RefundRow


def refundable(desk: Desk, receipt_id: int, charge_id: int | None = None) -> int:
    """What may still be paid back against a receipt: the deposit it paid (``charge_id``),
    or the unused credit it brought in (``charge_id`` None), less what was refunded."""
    row = receipts.receipt(desk, receipt_id)
    if row.void or row.unit_id is None:
        return 0
    lines = receipts_store.receipt_lines(desk.db, row.id)
    refunds = refunds_store.refunds_of_receipt(desk.db, row.id)
    if charge_id is None:
        brought = sum(line.amount_fen for line in lines if line.charge_id is None)
        back = sum(f.amount_fen for f in refunds if f.charge_id is None)
        return max(0, min(brought - back, charges_store.credit_balance(desk.db, row.unit_id)))
    charge = charges_store.owing_for(desk.db, [charge_id])
    if not charge or charge[0].kind != "deposit":
        return 0
    paid_here = sum(line.amount_fen for line in lines if line.charge_id == charge_id)
    back = sum(f.amount_fen for f in refunds if f.charge_id == charge_id)
    return max(0, min(paid_here - back, charge[0].paid_fen))


def deposits_of_receipt(desk: Desk, receipt_id: int) -> list[OwingRow]:
    """The deposit charges a receipt paid (装修押金, 出入证押金)."""
    ids = [
        line.charge_id
        for line in receipts_store.receipt_lines(desk.db, receipt_id)
        if line.charge_id is not None
    ]
    return [row for row in charges_store.owing_for(desk.db, ids) if row.kind == "deposit"]


def refund(
    desk: Desk,
    receipt_id: int,
    *,
    amount: str,
    reason: str,
    approval: Approval,
    payee: str = "",
    charge_id: int | None = None,
    method: str = "现金",
) -> Done[RefundRow]:
    """退费: pay back a deposit (``charge_id``) or unused credit against the original
    receipt, which is taken back. A supervisor approves; a 现金付出单 number is issued for
    the voucher the payee signs. The past is never edited: a refund is a new row (and for
    a deposit, an adjustment that releases it, so the unit owes nothing for it)."""
    row = receipts.receipt(desk, receipt_id)
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请填写退费原因。", field="reason")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError("退费须经客服主管批准。", field="approval")
    if method not in PAYMENT_METHODS:
        raise ValidationError("请选择退款方式。", field="method")
    if row.void:
        raise ValidationError(f"收据 {row.number_text} 已作废，不能退费。", field="receipt")
    if row.unit_id is None:
        raise ValidationError("该收据没有房屋，不能退费。", field="receipt")
    try:
        fen = parse_fen(amount, allow_zero=False)
    except ValidationError as error:
        raise ValidationError(error.message, field="amount") from None
    limit = refundable(desk, row.id, charge_id)
    if charge_id is not None and not any(
        d.charge_id == charge_id for d in deposits_of_receipt(desk, row.id)
    ):
        raise ValidationError("该收据没有收取这笔押金。", field="charge")
    if fen > limit:
        what = "押金" if charge_id is not None else "预收款余额"
        raise ValidationError(f"退费金额超过可退的{what} {format_fen(limit)} 元。", field="amount")
    today = periods.today(desk)
    periods.ensure_open(desk, today, "退费")
    name = (payee or "").strip() or row.customer
    prefix = numbering.day_prefix("TK", date.fromisoformat(today))
    with desk.operation("refund_paid") as op:
        voucher = numbering.next_number(
            "TK", date.fromisoformat(today), refunds_store.last_voucher_of_day(op.db, prefix)
        )
        if charge_id is not None:
            deposit = charges_store.owing_for(op.db, [charge_id])[0]
            release_id = charges_store.insert_charge(
                op.db,
                NewCharge(
                    unit_id=row.unit_id,
                    item_id=deposit.item_id,
                    description=f"退还：{deposit.description}"[:100],
                    amount_fen=-fen,
                    due_on=today,
                    period=deposit.period,
                    kind="adjustment",
                    adjusts_id=charge_id,
                    reason=f"退费 {voucher}：{why}"[:200],
                ),
                op.stamp,
            )
            op.record("charges", release_id, adjusts=charge_id, amount_fen=-fen, reason=why)
        refund_id = refunds_store.insert_refund(
            op.db,
            unit_id=row.unit_id,
            receipt_id=row.id,
            charge_id=charge_id,
            amount_fen=fen,
            voucher_no=voucher,
            payee=name[:60],
            reason=why[:200],
            method=method,
            approved_by=approval.approver.id,
            stamp=op.stamp,
        )
        approval.write_to(op, "refunds", refund_id)
        op.record(
            "refunds",
            refund_id,
            voucher_no=voucher,
            receipt=row.number_text,
            amount_fen=fen,
            reason=why,
        )
    return op.done(written(refunds_store.refund(desk.db, refund_id)))


def refund_row(desk: Desk, refund_id: int) -> RefundRow:
    row = refunds_store.refund(desk.db, refund_id)
    if row is None:
        raise NotFoundError(f"退费记录 {refund_id} 不存在。")
    return row


def refunds_of_receipt(desk: Desk, receipt_id: int) -> list[RefundRow]:
    return refunds_store.refunds_of_receipt(desk.db, receipt_id)


def refunds_of_unit(desk: Desk, unit_id: int) -> list[RefundRow]:
    return refunds_store.refunds_of_unit(desk.db, unit_id)
