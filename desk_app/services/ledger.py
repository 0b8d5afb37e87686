"""The fee ledger (收费台账): fee items and rates, charges, receipt books, payments with
gapless receipts, voids, and prepaid credit (DOMAIN.md §4).

Every payment takes the next number of the current receipt book inside its own
``BEGIN IMMEDIATE`` transaction, together with its lines and its audit row: a number is
never used twice (UNIQUE) and never skipped (the next is always last + 1, and a failed
payment rolls its number back with everything else). A receipt is never edited: a void
is a new row that needs a supervisor's approval, and the charges it paid are owed again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from desk_app.core import ledger_rules
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen, parse_fen
from desk_app.services import locations
from desk_app.services.approvals import Approval
from desk_app.services.desk import Desk, Operation
from desk_app.storage import ledger as ledger_store
from desk_app.storage import units as units_store
from desk_app.storage.ledger import (
    BookRow,
    FeeItemRow,
    NewCharge,
    OwingRow,
    RateRow,
    ReceiptLineRow,
    ReceiptRow,
    Stamp,
)
from desk_app.storage.schema import FEE_KINDS, PAYMENT_METHODS, UNIT_KINDS

__all__ = [
    "FEE_KINDS",
    "PAYMENT_METHODS",
    "BookRow",
    "FeeItemRow",
    "OwingRow",
    "RateRow",
    "ReceiptLineRow",
    "ReceiptRow",
]

FEE_KIND_LABELS = {
    "area": "按面积",
    "metered": "按读数",
    "fixed": "按月定额",
    "one_off": "一次性",
    "deposit": "押金",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def _stamp(op: Operation) -> Stamp:
    return Stamp(op.at, op.operator_id, op.shift_id)


def _date(text: str, label: str, field: str) -> str:
    value = (text or "").strip()
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{label}格式不正确（如 2026-11-25）。", field=field) from None
    return value


def parse_price_milli(text: str, label: str = "单价", field: str = "price") -> int:
    """A rate typed in yuan with up to three decimals (``1.855``) in thousandths of a yuan."""
    s = unicodedata.normalize("NFKC", text or "").strip().removesuffix("元").strip()
    whole, dot, part = s.partition(".")
    if not whole.isdigit() or (dot and not part.isdigit()) or len(part) > 3 or len(whole) > 7:
        raise ValidationError(f"{label}格式不正确：{text.strip()}（最多三位小数）", field=field)
    return int(whole) * 1000 + int(part.ljust(3, "0") if part else "0")


# --- fee items and rates (supervisor) -----------------------------------------------------------


def fee_items(desk: Desk) -> list[FeeItemRow]:
    return ledger_store.fee_items(desk.db)


def fee_item(desk: Desk, code: str) -> FeeItemRow:
    item = ledger_store.fee_item_by_code(desk.db, code)
    if item is None:
        raise NotFoundError(f"没有收费项目“{code}”。", field="item")
    return item


def add_fee_item(desk: Desk, code: str, name: str, kind: str, unit: str = "") -> FeeItemRow:
    desk.require_role("supervisor", "设置收费项目")
    code = code.strip().lower()
    if not _CODE.fullmatch(code):
        raise ValidationError("项目代码须为小写字母开头的字母、数字或下划线。", field="code")
    if not name.strip():
        raise ValidationError("请填写项目名称。", field="name")
    if kind not in FEE_KINDS:
        raise ValidationError("收费方式不正确。", field="kind")
    if ledger_store.fee_item_by_code(desk.db, code):
        raise ValidationError(f"已有收费项目“{code}”。", field="code")
    with desk.operation("fee_item_added") as op:
        item_id = ledger_store.insert_fee_item(
            op.db, code=code, name=name.strip(), kind=kind, unit=unit.strip(), stamp=_stamp(op)
        )
        op.record("fee_items", item_id, code=code, name=name.strip(), kind=kind)
    return fee_item(desk, code)


def set_rate(
    desk: Desk,
    code: str,
    price: str,
    *,
    effective_from: str,
    unit_kind: str | None = None,
    minimum: str = "",
) -> RateRow:
    """A new rate from a date on; charges already made keep the rate they were made with."""
    desk.require_role("supervisor", "调整收费标准")
    item = fee_item(desk, code)
    price_milli = parse_price_milli(price)
    start = _date(effective_from, "生效日期", "effective_from")
    if unit_kind is not None and unit_kind not in UNIT_KINDS:
        raise ValidationError("房屋类型不正确。", field="unit_kind")
    try:
        minimum_fen = parse_fen(minimum) if minimum.strip() else 0
    except ValidationError as error:
        raise ValidationError(f"最低收费：{error.message}", field="minimum") from None
    with desk.operation("fee_rate_set") as op:
        rate_id = ledger_store.insert_rate(
            op.db,
            item_id=item.id,
            unit_kind=unit_kind,
            effective_from=start,
            price_milli_yuan=price_milli,
            minimum_fen=minimum_fen,
            stamp=_stamp(op),
        )
        op.record(
            "fee_rates",
            rate_id,
            item=item.code,
            price_milli_yuan=price_milli,
            effective_from=start,
            unit_kind=unit_kind,
        )
    return next(r for r in ledger_store.rates(desk.db, item.id) if r.id == rate_id)


def rate_on(desk: Desk, code: str, unit_kind: str | None, on: str) -> RateRow | None:
    return ledger_store.rate_on(desk.db, fee_item(desk, code).id, unit_kind, on)


# --- charges ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChargeResult:
    charge_id: int
    amount_fen: int


def _unit(desk: Desk, unit_id: int) -> units_store.UnitRow:
    unit = units_store.get(desk.db, unit_id)
    if unit is None:
        raise NotFoundError("该房屋不存在。", field="unit")
    return unit


def charge_amount(
    desk: Desk, item: FeeItemRow, unit: units_store.UnitRow, due_on: str, months: int = 1
) -> tuple[int, RateRow]:
    """The amount of a periodic charge from the rate in force on its due date."""
    rate = ledger_store.rate_on(desk.db, item.id, unit.kind, due_on)
    if rate is None:
        raise ValidationError(f"“{item.name}”在 {due_on} 没有收费标准。", field="item")
    if item.kind == "area":
        if not unit.area_centi_m2:
            raise ValidationError(f"房屋 {unit.code} 没有建筑面积，无法计算{item.name}。")
        amount = ledger_rules.property_fee_fen(unit.area_centi_m2, rate.price_milli_yuan, months)
    elif item.kind == "fixed":
        amount = ledger_rules.property_fee_fen(100, rate.price_milli_yuan, months)
    else:
        raise ValidationError(f"“{item.name}”不是按面积或按月定额的项目。", field="item")
    return max(amount, rate.minimum_fen), rate


def post_charge(
    desk: Desk,
    unit_id: int,
    code: str,
    *,
    due_on: str,
    amount: str = "",
    description: str = "",
    period: str = "",
    source: str = "manual",
    source_ref: str | None = None,
) -> ChargeResult:
    """One charge on a unit: an explicit amount, or the item's rate (area / fixed items)."""
    unit = _unit(desk, unit_id)
    item = fee_item(desk, code)
    due = _date(due_on, "应缴日期", "due_on")
    price_milli, quantity = 0, 100
    if amount.strip():
        try:
            fen = parse_fen(amount, allow_zero=False)
        except ValidationError as error:
            raise ValidationError(error.message, field="amount") from None
    else:
        fen, rate = charge_amount(desk, item, unit, due)
        price_milli = rate.price_milli_yuan
        quantity = unit.area_centi_m2 or 100 if item.kind == "area" else 100
    text = (description or "").strip() or (f"{item.name} {period}".strip())
    if source_ref is not None and ledger_store.charge_exists(
        desk.db, source, source_ref, unit.id, item.id
    ):
        raise ValidationError(f"{unit.code} 的“{text}”已经计费，不能重复。", field="item")
    with desk.operation("charge_posted") as op:
        charge_id = ledger_store.insert_charge(
            op.db,
            NewCharge(
                unit_id=unit.id,
                item_id=item.id,
                description=text[:100],
                amount_fen=fen,
                due_on=due,
                period=period,
                quantity_centi=quantity,
                price_milli_yuan=price_milli,
                kind="deposit" if item.kind == "deposit" else "charge",
                source=source,
                source_ref=source_ref,
            ),
            _stamp(op),
        )
        op.record("charges", charge_id, unit=unit.code, item=item.code, amount_fen=fen, due_on=due)
    return ChargeResult(charge_id, fen)


def adjust_charge(desk: Desk, charge_id: int, amount: str, reason: str) -> ChargeResult:
    """A correction of a posted charge: a new adjusting row (negative to reduce), never an
    edit; the adjusted charge can not go below what has been paid on it, nor below zero."""
    desk.require_role("supervisor", "调整已入账费用")
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请填写调整原因。", field="reason")
    try:
        fen = parse_fen(amount, allow_negative=True, allow_zero=False)
    except ValidationError as error:
        raise ValidationError(error.message, field="amount") from None
    rows = ledger_store.owing_for(desk.db, [charge_id])
    if not rows:
        raise NotFoundError("该费用不存在。", field="charge")
    row = rows[0]
    if row.amount_fen + fen < row.paid_fen or row.amount_fen + fen < 0:
        raise ValidationError("调整后金额不能低于已收金额。", field="amount")
    with desk.operation("charge_adjusted") as op:
        adjustment_id = ledger_store.insert_charge(
            op.db,
            NewCharge(
                unit_id=row.unit_id,
                item_id=row.item_id,
                description=f"调整：{row.description}"[:100],
                amount_fen=fen,
                due_on=row.due_on,
                period=row.period,
                kind="adjustment",
                adjusts_id=charge_id,
                reason=why,
            ),
            _stamp(op),
        )
        op.record("charges", adjustment_id, adjusts=charge_id, amount_fen=fen, reason=why)
    return ChargeResult(adjustment_id, fen)


def owing(desk: Desk, unit_id: int) -> list[OwingRow]:
    return ledger_store.owing(desk.db, unit_id)


def balance(desk: Desk, unit_id: int) -> int:
    return ledger_store.unit_balance(desk.db, unit_id)


def credit(desk: Desk, unit_id: int) -> int:
    return ledger_store.credit_balance(desk.db, unit_id)


# --- receipt books (supervisor) -----------------------------------------------------------------


def register_book(desk: Desk, first: int, last: int, *, width: int = 7) -> BookRow:
    """A new receipt book (收据本) with its printed number range."""
    desk.require_role("supervisor", "登记收据本")
    book = ledger_rules.ReceiptBook(first, last, width)
    for existing in ledger_store.books(desk.db):
        if ledger_rules.overlaps(
            book, ledger_rules.ReceiptBook(existing.first_no, existing.last_no)
        ):
            raise ValidationError(
                f"号码段与已登记的收据本（{existing.first_no}–{existing.last_no}）重叠。",
                field="first",
            )
    with desk.operation("receipt_book_registered") as op:
        book_id = ledger_store.insert_book(
            op.db, first_no=first, last_no=last, width=width, stamp=_stamp(op)
        )
        op.record("receipt_books", book_id, first=first, last=last)
    return next(b for b in ledger_store.books(desk.db) if b.id == book_id)


def books(desk: Desk) -> list[BookRow]:
    return ledger_store.books(desk.db)


# --- payments -----------------------------------------------------------------------------------


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
) -> Payment:
    """Take a payment and issue its receipt in one transaction.

    Either the ticked ``charge_ids`` are paid in full, or ``amount`` is spread over what
    the unit owes, oldest first, and any rest is kept as credit (预收)."""
    unit = _unit(desk, unit_id)
    if method not in PAYMENT_METHODS:
        raise ValidationError("请选择收款方式。", field="method")
    if charge_ids:
        rows = ledger_store.owing_for(desk.db, charge_ids)
        if len(rows) != len(set(charge_ids)) or any(r.unit_id != unit.id for r in rows):
            raise ValidationError("所选费用不属于该房屋。", field="charges")
        if any(r.outstanding_fen <= 0 for r in rows):
            raise ValidationError("所选费用中有已结清的项目。", field="charges")
        paid = [(r.charge_id, r.outstanding_fen) for r in rows]
        credit_fen = 0
        total = sum(p for _, p in paid)
    else:
        try:
            total = parse_fen(amount, allow_zero=False)
        except ValidationError as error:
            raise ValidationError(error.message, field="amount") from None
        rows = ledger_store.owing(desk.db, unit.id)
        allocation = ledger_rules.allocate_oldest_first(total, _as_owing(rows))
        paid, credit_fen = list(allocation.paid), allocation.credit_fen
    tendered_fen = None
    change = 0
    if method == "现金" and tendered.strip():
        try:
            tendered_fen = parse_fen(tendered)
        except ValidationError as error:
            raise ValidationError(error.message, field="tendered") from None
        change = ledger_rules.change_fen(tendered_fen, total)
    descriptions = {
        r.charge_id: f"{r.item_name} {r.period}".strip() if r.period else r.description
        for r in rows
    }
    name = customer.strip() or _customer_of(desk, unit)
    with desk.operation("payment_received") as op:
        book = ledger_store.current_book(op.db)  # read inside the write lock
        if book is None:
            raise ValidationError("没有可用的收据本：请主管登记新的收据本。", field="book")
        number = ledger_rules.ReceiptBook(book.first_no, book.last_no, book.width).next_after(
            book.last_used
        )
        receipt_id = ledger_store.insert_receipt(
            op.db,
            book_id=book.id,
            number=number,
            unit_id=unit.id,
            customer=name[:60],
            method=method,
            total_fen=total,
            tendered_fen=tendered_fen,
            note=note.strip()[:200],
            stamp=_stamp(op),
        )
        for charge_id, fen in paid:
            ledger_store.insert_receipt_line(
                op.db,
                receipt_id=receipt_id,
                charge_id=charge_id,
                description=descriptions[charge_id][:100],
                amount_fen=fen,
            )
        if credit_fen:
            ledger_store.insert_receipt_line(
                op.db,
                receipt_id=receipt_id,
                charge_id=None,
                description="预收款",
                amount_fen=credit_fen,
            )
        op.record(
            "receipts",
            receipt_id,
            number=f"{number:0{book.width}d}",
            unit=unit.code,
            total_fen=total,
            method=method,
            charges=[c for c, _ in paid],
            credit_fen=credit_fen,
        )
    return Payment(
        ledger_store.receipt(desk.db, receipt_id),  # type: ignore[arg-type]
        ledger_store.receipt_lines(desk.db, receipt_id),
        change,
    )


def _as_owing(rows: list[OwingRow]) -> list[ledger_rules.Owing]:
    return [
        ledger_rules.Owing(r.charge_id, date.fromisoformat(r.due_on), r.outstanding_fen)
        for r in rows
    ]


def _customer_of(desk: Desk, unit: units_store.UnitRow) -> str:
    contact = locations.contact_for_unit(desk, unit.id)
    place = locations.unit_text(unit)
    return f"{place} {contact.name}" if contact else place


def use_credit(desk: Desk, unit_id: int) -> int:
    """Apply the unit's prepaid credit to what it owes, oldest first; returns fen used."""
    unit = _unit(desk, unit_id)
    available = ledger_store.credit_balance(desk.db, unit.id)
    rows = ledger_store.owing(desk.db, unit.id)
    if available <= 0 or not rows:
        return 0
    allocation = ledger_rules.allocate_oldest_first(available, _as_owing(rows))
    used = 0
    with desk.operation("credit_used") as op:
        for charge_id, fen in allocation.paid:
            ledger_store.insert_credit_use(
                op.db, unit_id=unit.id, charge_id=charge_id, amount_fen=fen, stamp=_stamp(op)
            )
            used += fen
        op.record("credit_uses", None, unit=unit.code, amount_fen=used)
    return used


# --- receipts -----------------------------------------------------------------------------------


def receipt(desk: Desk, receipt_id: int) -> ReceiptRow:
    row = ledger_store.receipt(desk.db, receipt_id)
    if row is None:
        raise NotFoundError(f"收据 {receipt_id} 不存在。")
    return row


def find_receipt(desk: Desk, number_text: str) -> ReceiptRow:
    digits = unicodedata.normalize("NFKC", number_text).strip().lstrip("№No.").strip()
    if not digits.isdigit():
        raise ValidationError(f"收据号码格式不正确：{number_text.strip()}", field="number")
    rows = ledger_store.receipts_numbered(desk.db, int(digits))
    if not rows:
        raise NotFoundError(f"没有收据号码 {digits}。", field="number")
    return rows[-1]


def receipt_lines(desk: Desk, receipt_id: int) -> list[ReceiptLineRow]:
    return ledger_store.receipt_lines(desk.db, receipt_id)


def receipts_of_unit(desk: Desk, unit_id: int) -> list[ReceiptRow]:
    return ledger_store.receipts_of_unit(desk.db, unit_id)


def void_receipt(desk: Desk, receipt_id: int, reason: str, approval: Approval) -> ReceiptRow:
    """作废: the number stays, shown as void; the charges it paid are owed again."""
    row = receipt(desk, receipt_id)
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请填写作废原因。", field="reason")
    if row.void:
        raise ValidationError(f"收据 {row.number_text} 已作废。", field="reason")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError("作废收据须经客服主管批准。", field="approval")
    credit_in = sum(
        line.amount_fen
        for line in ledger_store.receipt_lines(desk.db, row.id)
        if line.charge_id is None
    )
    if row.unit_id is not None and credit_in > ledger_store.credit_balance(desk.db, row.unit_id):
        raise ValidationError(
            f"收据 {row.number_text} 的预收款已抵扣后续费用，不能直接作废。", field="reason"
        )
    with desk.operation("receipt_voided") as op:
        ledger_store.insert_void(
            op.db, receipt_id=row.id, reason=why, approved_by=approval.approver.id, stamp=_stamp(op)
        )
        approval.write_to(op, "receipts", row.id)
        op.record(
            "receipts", row.id, number=row.number_text, reason=why, total=format_fen(row.total_fen)
        )
    return receipt(desk, row.id)
