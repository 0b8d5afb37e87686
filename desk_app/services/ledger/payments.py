"""Payments (收款): the next receipt number of the current book, its lines and the late
fees it settles, in one transaction. A number is never used twice (UNIQUE) and never
skipped: a failed payment rolls its number back with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core import ledger_rules
from desk_app.core.errors import ValidationError
from desk_app.core.money import parse_fen
from desk_app.core.vocabularies import PAYMENT_METHODS
from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, fee_items, late_fees, periods
from desk_app.services.operations import Done, Operation
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger.charges import NewCharge
from desk_app.storage.ledger.receipts import ReceiptLineRow, ReceiptRow


@dataclass(frozen=True)
class Payment:
    receipt: ReceiptRow
    lines: list[ReceiptLineRow]
    change_fen: int


def take_payment(
    desk: Desk,
    unit_id: int,
    *,
    method: str,
    charge_ids: list[int] | None = None,
    amount: str = "",
    tendered: str = "",
    customer: str = "",
    note: str = "",
) -> Done[Payment]:
    """Take a payment and issue its receipt in one transaction.

    Either the ticked ``charge_ids`` are paid in full, or ``amount`` is spread over what
    the unit owes, oldest first, and any rest is kept as credit (预收). The late fee of an
    overdue charge (滞纳金, unless waived) is charged when the payment settles that charge,
    in the same transaction, and paid from the same money."""
    unit = charges.unit_row(desk, unit_id)
    if method not in PAYMENT_METHODS:
        raise ValidationError("请选择收款方式。", field="method")
    today = periods.today(desk)
    periods.ensure_open(desk, today, "收款")
    on = date.fromisoformat(today)
    if charge_ids:
        rows = charges_store.owing_for(desk.db, charge_ids)
        if len(rows) != len(set(charge_ids)) or any(r.unit_id != unit.id for r in rows):
            raise ValidationError("所选费用不属于该房屋。", field="charges")
        if any(r.outstanding_fen <= 0 for r in rows):
            raise ValidationError("所选费用中有已结清的项目。", field="charges")
        fees = late_fees.chargeable_fees(desk, unit.id, rows, on)
        paid = [(r.charge_id, r.outstanding_fen) for r in rows]
        fees_charged, fees_paid = fees, dict(fees)
        credit_fen = 0
        total = sum(p for _, p in paid) + sum(fees.values())
    else:
        try:
            total = parse_fen(amount, allow_zero=False)
        except ValidationError as error:
            raise ValidationError(error.message, field="amount") from None
        rows = charges_store.owing(desk.db, unit.id)
        fees = late_fees.chargeable_fees(desk, unit.id, rows, on)
        allocation = ledger_rules.allocate_with_late_fees(total, charges.as_owing(rows), fees)
        paid, credit_fen = list(allocation.paid), allocation.credit_fen
        fees_charged, fees_paid = allocation.fees_charged, allocation.fees_paid
    tendered_fen = None
    change = 0
    if method == "现金" and tendered.strip():
        try:
            tendered_fen = parse_fen(tendered)
        except ValidationError as error:
            raise ValidationError(error.message, field="tendered") from None
        change = ledger_rules.change_fen(tendered_fen, total)
    descriptions = {r.charge_id: charges.line_text(r) for r in rows}
    name = customer.strip() or charges.customer_of(desk, unit)
    with desk.operation("payment_received") as op:
        book = receipts_store.current_book(op.db)  # read inside the write lock
        if book is None:
            raise ValidationError("没有可用的收据本：请主管登记新的收据本。", field="book")
        number = ledger_rules.ReceiptBook(book.first_no, book.last_no, book.width).next_after(
            book.last_used
        )
        receipt_id = receipts_store.insert_receipt(
            op.db,
            book_id=book.id,
            number=number,
            unit_id=unit.id,
            customer=name[:60],
            method=method,
            total_fen=total,
            tendered_fen=tendered_fen,
            note=note.strip()[:200],
            stamp=op.stamp,
        )
        lines: list[tuple[int | None, str, int]] = []
        for charge_id, fen in paid:
            lines.append((charge_id, descriptions[charge_id], fen))
            if charge_id in fees_charged:
                fee_id = _post_late_fee(
                    desk, op, unit.id, charge_id, descriptions[charge_id], fees_charged[charge_id]
                )
                if fees_paid.get(charge_id):
                    lines.append(
                        (fee_id, f"滞纳金（{descriptions[charge_id]}）", fees_paid[charge_id])
                    )
        if credit_fen:
            lines.append((None, "预收款", credit_fen))
        line_ids = [
            receipts_store.insert_receipt_line(
                op.db,
                receipt_id=receipt_id,
                charge_id=line_charge_id,
                description=text[:100],
                amount_fen=fen,
            )
            for line_charge_id, text, fen in lines
        ]
        op.touch("receipt_lines", line_ids)
        op.record(
            "receipts",
            receipt_id,
            number=f"{number:0{book.width}d}",
            unit=unit.code,
            total_fen=total,
            method=method,
            charges=[c for c, _ in paid],
            late_fee_fen=sum(fees_paid.values()),
            credit_fen=credit_fen,
        )
    return op.done(
        Payment(
            receipts_store.receipt(desk.db, receipt_id),  # type: ignore[arg-type]
            receipts_store.receipt_lines(desk.db, receipt_id),
            change,
        )
    )


def _post_late_fee(
    desk: Desk, op: Operation, unit_id: int, charge_id: int, text: str, fee_fen: int
) -> int:
    fee_id = charges_store.insert_charge(
        op.db,
        NewCharge(
            unit_id=unit_id,
            item_id=fee_items.system_item(desk, op, "late_fee"),
            description=f"滞纳金（{text}）"[:100],
            amount_fen=fee_fen,
            due_on=op.at[:10],
            kind="late_fee",
            source="late_fee",
            source_ref=str(charge_id),
        ),
        op.stamp,
    )
    op.record("charges", fee_id, late_fee_of=charge_id, amount_fen=fee_fen)
    return fee_id
