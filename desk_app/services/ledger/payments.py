"""Payments (收款): the next receipt number of the current book, its lines and the late
fees it settles, in one transaction. A number is never used twice (UNIQUE) and never
skipped: a failed payment rolls its number back with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core import ledger_rules
from desk_app.core.capitals import amount_in_capitals
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen, parse_fen
from desk_app.core.vocabularies import PAYMENT_METHODS
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import charges, fee_items, late_fees, periods, receipts_print
from desk_app.services.operations import Done, Operation
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import receipt_journal
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger import receipts_list as receipts_list_store
from desk_app.storage.ledger.charges import NewCharge, OwingRow
from desk_app.storage.ledger.receipts import ReceiptLineRow, ReceiptRow


@dataclass(frozen=True)
class Payment:
    receipt: ReceiptRow
    lines: list[ReceiptLineRow]
    change_fen: int


@dataclass(frozen=True)
class LargePrepayment:
    """A payment leaving more credit (预收款) than the setting lets the desk take unasked."""

    credit_fen: int
    monthly_fen: int  # the unit's charges in a month, on average over the last year
    months: int  # ``ledger.prepay_confirm_months``

    def question(self) -> str:
        monthly = f"月应收约 {format_fen(self.monthly_fen)}" if self.monthly_fen else "尚无月应收"
        return (
            f"这笔收款有 {format_fen(self.credit_fen)}"
            f"（{amount_in_capitals(self.credit_fen, prefix=True)}）转为预收款，"
            f"超过 {self.months} 个月的应收（{monthly}）。请核对金额后确认。"
        )


@dataclass(frozen=True)
class _Plan:
    """What a payment pays, worked out before anything is written."""

    rows: list[OwingRow]
    paid: list[tuple[int, int]]  # (charge id, fen)
    fees_charged: dict[int, int]
    fees_paid: dict[int, int]
    credit_fen: int
    total: int


def _plan(desk: Desk, unit_id: int, charge_ids: list[int] | None, amount: str, on: date) -> _Plan:
    if charge_ids:
        rows = charges_store.owing_for(desk.db, charge_ids)
        if len(rows) != len(set(charge_ids)) or any(r.unit_id != unit_id for r in rows):
            raise ValidationError("所选费用不属于该房屋。", field="charges")
        if any(r.outstanding_fen <= 0 for r in rows):
            raise ValidationError("所选费用中有已结清的项目。", field="charges")
        fees = late_fees.chargeable_fees(desk, unit_id, rows, on)
        paid = [(r.charge_id, r.outstanding_fen) for r in rows]
        total = sum(p for _, p in paid) + sum(fees.values())
        return _Plan(rows, paid, fees, dict(fees), 0, total)
    try:
        total = parse_fen(amount, allow_zero=False)
    except ValidationError as error:
        raise ValidationError(error.message, field="amount") from None
    rows = charges_store.owing(desk.db, unit_id)
    fees = late_fees.chargeable_fees(desk, unit_id, rows, on)
    allocation = ledger_rules.allocate_with_late_fees(total, charges.as_owing(rows), fees)
    return _Plan(
        rows,
        list(allocation.paid),
        allocation.fees_charged,
        allocation.fees_paid,
        allocation.credit_fen,
        total,
    )


def _year_back(on: date) -> str:
    """The period eleven months before ``on``'s: with it, the last twelve."""
    months = on.year * 12 + on.month - 1 - 11
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _large(desk: Desk, unit_id: int, credit_fen: int, on: date) -> LargePrepayment | None:
    if credit_fen <= 0:
        return None
    months = int(settings_service.get(desk, "ledger.prepay_confirm_months"))
    since = _year_back(on)
    # A unit not charged yet (just handed over) is measured against the estate's average.
    monthly = charges_store.monthly_charges_fen(
        desk.db, unit_id, since
    ) or charges_store.monthly_charges_fen(desk.db, None, since)
    if credit_fen <= months * monthly:
        return None
    return LargePrepayment(credit_fen, monthly, months)


def large_prepayment(desk: Desk, unit_id: int, *, amount: str) -> LargePrepayment | None:
    """Whether paying ``amount`` (oldest debts first) leaves so much credit that the clerk
    must confirm it; read only. An amount ``take_payment`` would refuse (wrong, or its
    receipt could not print) is refused here the same way."""
    unit = charges.unit_row(desk, unit_id)
    on = date.fromisoformat(periods.today(desk))
    plan = _plan(desk, unit.id, None, amount, on)
    _check_printable(plan)  # never ask about a payment that would be refused anyway
    return _large(desk, unit.id, plan.credit_fen, on)


def _unprintable(what: str, fen: int) -> ValidationError:
    return ValidationError(
        f"收据打印不出这笔收款：{what} {format_fen(fen)} 超出收据的金额格"
        f"（每行最多 {format_fen(receipts_print.LINE_LIMIT_FEN)}），未收款。请核对金额。",
        field="amount",
    )


def _check_printable(plan: _Plan) -> None:
    """Every line the receipt will print fits its amount boxes (checked again, merged as
    printed, inside the transaction)."""
    amounts = [("费用", fen) for _, fen in plan.paid]
    amounts += [("滞纳金", fen) for fen in plan.fees_paid.values()]
    amounts.append((receipts_print.CREDIT_ITEM, plan.credit_fen))
    for what, fen in amounts:
        if fen > receipts_print.LINE_LIMIT_FEN:
            raise _unprintable(what, fen)


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
    prepayment_confirmed: bool = False,
) -> Done[Payment]:
    """Take a payment and issue its receipt in one transaction.

    Either the ticked ``charge_ids`` are paid in full, or ``amount`` is spread over what
    the unit owes, oldest first, and any rest is kept as credit (预收). The late fee of an
    overdue charge (滞纳金, unless waived) is charged when the payment settles that charge,
    in the same transaction, and paid from the same money. Nothing is written unless the
    receipt can be printed; credit beyond ``ledger.prepay_confirm_months`` of the unit's
    charges needs ``prepayment_confirmed`` (see ``large_prepayment``)."""
    unit = charges.unit_row(desk, unit_id)
    if method not in PAYMENT_METHODS:
        raise ValidationError("请选择收款方式。", field="method")
    today = periods.today(desk)
    periods.ensure_open(desk, today, "收款")
    on = date.fromisoformat(today)
    plan = _plan(desk, unit.id, charge_ids, amount, on)
    _check_printable(plan)
    large = _large(desk, unit.id, plan.credit_fen, on)
    if large is not None and not prepayment_confirmed:
        raise ValidationError(large.question(), field="amount")
    rows, paid, credit_fen, total = plan.rows, plan.paid, plan.credit_fen, plan.total
    fees_charged, fees_paid = plan.fees_charged, plan.fees_paid
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
        try:  # as the receipt will print them (merged per item beyond five lines)
            receipts_print.printed_lines(receipts_list_store.print_lines(op.db, receipt_id))
        except ValidationError:
            raise ValidationError(
                "收据打印不出这笔收款：同一收费项目合并打印后超出收据的金额格"
                f"（每行最多 {format_fen(receipts_print.LINE_LIMIT_FEN)}），未收款。"
                "请分次收取。",
                field="amount",
            ) from None
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
        # Before the commit: the journal beside the file knows every number printed.
        receipt_journal.note_issued(
            desk.path, number, book_first=book.first_no, book_last=book.last_no, at=op.stamp.at
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
