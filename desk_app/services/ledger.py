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
from datetime import date, timedelta

from desk_app.core import ledger_rules, numbering
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen, parse_fen
from desk_app.core.vocabularies import FEE_KINDS, PAYMENT_METHODS, UNIT_KINDS
from desk_app.services import locations
from desk_app.services import settings as settings_service
from desk_app.services.approvals import Approval
from desk_app.services.desk import Desk, Operation
from desk_app.storage.directory import units as units_store
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.ledger import month_close as month_close_store
from desk_app.storage.ledger import receipts as receipts_store
from desk_app.storage.ledger import refunds as refunds_store
from desk_app.storage.ledger.charges import NewCharge, OwingRow
from desk_app.storage.ledger.fee_items import FeeItemRow, RateRow
from desk_app.storage.ledger.receipts import BookRow, ReceiptLineRow, ReceiptRow
from desk_app.storage.ledger.refunds import RefundRow
from desk_app.storage.rows import Stamp

__all__ = [
    "FEE_KINDS",
    "PAYMENT_METHODS",
    "BookRow",
    "FeeItemRow",
    "OwingRow",
    "RateRow",
    "ReceiptLineRow",
    "ReceiptRow",
    "RefundRow",
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
    return fee_items_store.fee_items(desk.db)


def fee_item(desk: Desk, code: str) -> FeeItemRow:
    item = fee_items_store.fee_item_by_code(desk.db, code)
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
    if fee_items_store.fee_item_by_code(desk.db, code):
        raise ValidationError(f"已有收费项目“{code}”。", field="code")
    with desk.operation("fee_item_added") as op:
        item_id = fee_items_store.insert_fee_item(
            op.db, code=code, name=name.strip(), kind=kind, unit=unit.strip(), stamp=_stamp(op)
        )
        op.record("fee_items", item_id, code=code, name=name.strip(), kind=kind)
    return fee_item(desk, code)


# The items an estate starts with (code, name, kind, unit); ``late_fee`` is charged by
# payments, ``repair`` by completed paid repair orders.
STANDARD_FEE_ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("property", "物业服务费", "area", "月"),
    ("water", "水费", "metered", "吨"),
    ("electricity", "电费", "metered", "度"),
    ("gas", "燃气费", "metered", "立方米"),
    ("heating", "采暖费", "metered", "吉焦"),
    ("parking", "车位管理费", "fixed", "月"),
    ("garbage", "垃圾清运费", "fixed", "月"),
    ("repair", "有偿维修费", "one_off", "次"),
    ("card_fee", "工本费", "one_off", "张"),
    ("renovation_deposit", "装修押金", "deposit", "笔"),
    ("pass_deposit", "出入证押金", "deposit", "张"),
    ("late_fee", "滞纳金", "one_off", "笔"),
    ("other", "其他", "one_off", ""),
)


def install_standard_items(desk: Desk) -> list[FeeItemRow]:
    """Add the standard fee items the estate does not have yet (a supervisor, or the
    system at first start and in the demo); returns the items added."""
    if desk.operator is not None:
        desk.require_role("supervisor", "设置收费项目")
    have = {item.code for item in fee_items_store.fee_items(desk.db)}
    missing = [spec for spec in STANDARD_FEE_ITEMS if spec[0] not in have]
    if not missing:
        return []
    with desk.operation("fee_items_installed") as op:
        for code, name, kind, unit in missing:
            item_id = fee_items_store.insert_fee_item(
                op.db, code=code, name=name, kind=kind, unit=unit, stamp=_stamp(op)
            )
            op.record("fee_items", item_id, code=code, name=name, kind=kind)
    return [i for i in fee_items_store.fee_items(desk.db) if i.code in {m[0] for m in missing}]


def _system_item(desk: Desk, op: Operation, code: str) -> int:
    """The id of a standard item the ledger charges by itself, added if missing."""
    item = fee_items_store.fee_item_by_code(op.db, code)
    if item is not None:
        return item.id
    _code, name, kind, unit = next(spec for spec in STANDARD_FEE_ITEMS if spec[0] == code)
    item_id = fee_items_store.insert_fee_item(
        op.db, code=code, name=name, kind=kind, unit=unit, stamp=_stamp(op)
    )
    op.record("fee_items", item_id, code=code, name=name, kind=kind)
    return item_id


# --- closed periods (月结) -----------------------------------------------------------------------


def closed_through(desk: Desk) -> str | None:
    """The last day of the last closed period, or None when no month is closed."""
    return month_close_store.closed_through(desk.db)


def ensure_open(desk: Desk, day: str, what: str) -> None:
    """Refuse a money record dated in a closed period with a message the clerk understands."""
    through = month_close_store.closed_through(desk.db)
    if through is not None and day[:10] <= through:
        raise ValidationError(
            f"{day[:10]} 所在账期已月结（结至 {through}），不能再{what}；请在本期内作调整。",
            field="period",
        )


def _today(desk: Desk) -> str:
    return desk.now_text()[:10]


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
        rate_id = fee_items_store.insert_rate(
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
    return next(r for r in fee_items_store.rates(desk.db, item.id) if r.id == rate_id)


def rate_on(desk: Desk, code: str, unit_kind: str | None, on: str) -> RateRow | None:
    return fee_items_store.rate_on(desk.db, fee_item(desk, code).id, unit_kind, on)


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
    rate = fee_items_store.rate_on(desk.db, item.id, unit.kind, due_on)
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
    ensure_open(desk, due, "记入该期的费用")
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
    if source_ref is not None and charges_store.charge_exists(
        desk.db, source, source_ref, unit.id, item.id
    ):
        raise ValidationError(f"{unit.code} 的“{text}”已经计费，不能重复。", field="item")
    with desk.operation("charge_posted") as op:
        charge_id = charges_store.insert_charge(
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


def adjust_charge(
    desk: Desk, charge_id: int, amount: str, reason: str, approval: Approval | None = None
) -> ChargeResult:
    """A correction of a posted charge: a new adjusting row (negative to reduce), never an
    edit; the adjusted charge can not go below what has been paid on it, nor below zero.
    A supervisor on duty adjusts; a clerk needs a supervisor's ``approval``."""
    if approval is None:
        desk.require_role("supervisor", "调整已入账费用")
    elif not approval.approver.at_least("supervisor"):
        raise ValidationError("调整已入账费用须经客服主管批准。", field="approval")
    why = (reason or "").strip()
    if not why:
        raise ValidationError("请填写调整原因。", field="reason")
    try:
        fen = parse_fen(amount, allow_negative=True, allow_zero=False)
    except ValidationError as error:
        raise ValidationError(error.message, field="amount") from None
    rows = charges_store.owing_for(desk.db, [charge_id])
    if not rows:
        raise NotFoundError("该费用不存在。", field="charge")
    row = rows[0]
    if row.amount_fen + fen < row.paid_fen or row.amount_fen + fen < 0:
        raise ValidationError("调整后金额不能低于已收金额。", field="amount")
    today = _today(desk)
    ensure_open(desk, today, "调整费用")
    with desk.operation("charge_adjusted") as op:
        adjustment_id = charges_store.insert_charge(
            op.db,
            NewCharge(
                unit_id=row.unit_id,
                item_id=row.item_id,
                description=f"调整：{row.description}"[:100],
                amount_fen=fen,
                due_on=today,  # a correction belongs to the period it is made in
                period=row.period,
                kind="adjustment",
                adjusts_id=charge_id,
                reason=why,
            ),
            _stamp(op),
        )
        if approval is not None:
            approval.write_to(op, "charges", adjustment_id)
        op.record("charges", adjustment_id, adjusts=charge_id, amount_fen=fen, reason=why)
    return ChargeResult(adjustment_id, fen)


def owing(desk: Desk, unit_id: int) -> list[OwingRow]:
    return charges_store.owing(desk.db, unit_id)


def balance(desk: Desk, unit_id: int) -> int:
    return charges_store.unit_balance(desk.db, unit_id)


def credit(desk: Desk, unit_id: int) -> int:
    return charges_store.credit_balance(desk.db, unit_id)


# --- receipt books (supervisor) -----------------------------------------------------------------


def register_book(desk: Desk, first: int, last: int, *, width: int = 7) -> BookRow:
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
            op.db, first_no=first, last_no=last, width=width, stamp=_stamp(op)
        )
        op.record("receipt_books", book_id, first=first, last=last)
    return next(b for b in receipts_store.books(desk.db) if b.id == book_id)


def books(desk: Desk) -> list[BookRow]:
    return receipts_store.books(desk.db)


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
    the unit owes, oldest first, and any rest is kept as credit (预收). The late fee of an
    overdue charge (滞纳金, unless waived) is charged when the payment settles that charge,
    in the same transaction, and paid from the same money."""
    unit = _unit(desk, unit_id)
    if method not in PAYMENT_METHODS:
        raise ValidationError("请选择收款方式。", field="method")
    today = _today(desk)
    ensure_open(desk, today, "收款")
    on = date.fromisoformat(today)
    if charge_ids:
        rows = charges_store.owing_for(desk.db, charge_ids)
        if len(rows) != len(set(charge_ids)) or any(r.unit_id != unit.id for r in rows):
            raise ValidationError("所选费用不属于该房屋。", field="charges")
        if any(r.outstanding_fen <= 0 for r in rows):
            raise ValidationError("所选费用中有已结清的项目。", field="charges")
        fees = _chargeable_fees(desk, unit.id, rows, on)
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
        fees = _chargeable_fees(desk, unit.id, rows, on)
        allocation = ledger_rules.allocate_with_late_fees(total, _as_owing(rows), fees)
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
    descriptions = {r.charge_id: _line_text(r) for r in rows}
    name = customer.strip() or _customer_of(desk, unit)
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
            stamp=_stamp(op),
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
        for charge_id, text, fen in lines:
            receipts_store.insert_receipt_line(
                op.db,
                receipt_id=receipt_id,
                charge_id=charge_id,
                description=text[:100],
                amount_fen=fen,
            )
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
    return Payment(
        receipts_store.receipt(desk.db, receipt_id),  # type: ignore[arg-type]
        receipts_store.receipt_lines(desk.db, receipt_id),
        change,
    )


def _line_text(row: OwingRow) -> str:
    return f"{row.item_name} {row.period}".strip() if row.period else row.description


def _post_late_fee(
    desk: Desk, op: Operation, unit_id: int, charge_id: int, text: str, fee_fen: int
) -> int:
    fee_id = charges_store.insert_charge(
        op.db,
        NewCharge(
            unit_id=unit_id,
            item_id=_system_item(desk, op, "late_fee"),
            description=f"滞纳金（{text}）"[:100],
            amount_fen=fee_fen,
            due_on=op.at[:10],
            kind="late_fee",
            source="late_fee",
            source_ref=str(charge_id),
        ),
        _stamp(op),
    )
    op.record("charges", fee_id, late_fee_of=charge_id, amount_fen=fee_fen)
    return fee_id


# --- late fees (滞纳金) --------------------------------------------------------------------------


@dataclass(frozen=True)
class LateFee:
    charge_id: int
    description: str
    due_on: str
    overdue_fen: int
    days: int  # days counted after the grace date
    fee_fen: int
    waived: bool


@dataclass(frozen=True)
class LateFeeTerms:
    daily_rate_wan: int
    grace_days: int
    cap_percent: int | None

    def fee(self, due_on: str, overdue_fen: int, on: date) -> tuple[date, int]:
        """(the grace date, the late fee) of ``overdue_fen`` due on ``due_on`` if paid
        ``on``; the fee is 0 within the grace days or when the estate charges none."""
        grace_until = date.fromisoformat(due_on) + timedelta(days=self.grace_days)
        if self.daily_rate_wan == 0 or on <= grace_until:
            return grace_until, 0
        return grace_until, ledger_rules.late_fee_fen(
            overdue_fen,
            grace_until,
            on,
            daily_rate_wan=self.daily_rate_wan,
            cap_percent=self.cap_percent,
        )


def late_fee_terms(desk: Desk) -> LateFeeTerms:
    values = settings_service.get_all(desk)
    cap = int(values["ledger.late_fee_cap_percent"])
    return LateFeeTerms(
        int(values["ledger.late_fee_wan_per_day"]),
        int(values["ledger.late_fee_grace_days"]),
        cap or None,
    )


def _late_fees_of(
    desk: Desk, unit_id: int, rows: list[OwingRow], on: date, terms: LateFeeTerms | None = None
) -> list[LateFee]:
    terms = terms or late_fee_terms(desk)
    if terms.daily_rate_wan == 0:
        return []
    waived = charges_store.waived_charges(desk.db, unit_id)
    charged = charges_store.late_fee_charged(desk.db, unit_id)
    fees = []
    for row in rows:
        if row.kind != "charge" or row.outstanding_fen <= 0 or row.charge_id in charged:
            continue
        grace_until, fee = terms.fee(row.due_on, row.outstanding_fen, on)
        if fee > 0:
            fees.append(
                LateFee(
                    row.charge_id,
                    _line_text(row),
                    row.due_on,
                    row.outstanding_fen,
                    (on - grace_until).days,
                    fee,
                    row.charge_id in waived,
                )
            )
    return fees


def _chargeable_fees(desk: Desk, unit_id: int, rows: list[OwingRow], on: date) -> dict[int, int]:
    return {f.charge_id: f.fee_fen for f in _late_fees_of(desk, unit_id, rows, on) if not f.waived}


def late_fees(desk: Desk, unit_id: int, on: date | None = None) -> list[LateFee]:
    """The late fee each overdue charge of the unit would carry if paid ``on`` (today)."""
    day = on or date.fromisoformat(_today(desk))
    return _late_fees_of(desk, unit_id, charges_store.owing(desk.db, unit_id), day)


def late_fee_total(desk: Desk, unit_id: int, on: date | None = None) -> int:
    return sum(f.fee_fen for f in late_fees(desk, unit_id, on) if not f.waived)


def waive_late_fee(
    desk: Desk, charge_id: int, reason: str, finance_consent: str, approval: Approval
) -> None:
    """Waive the late fee of one overdue charge: a supervisor approves, and the consent of
    finance (who agreed, and how) is recorded — the manual's 特殊原因 exemption."""
    why = (reason or "").strip()
    consent = (finance_consent or "").strip()
    if not why:
        raise ValidationError("请填写减免原因。", field="reason")
    if not consent:
        raise ValidationError("请填写财务部同意情况（经办人、方式）。", field="finance_consent")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError("减免滞纳金须经客服主管批准。", field="approval")
    rows = charges_store.owing_for(desk.db, [charge_id])
    if not rows or rows[0].kind != "charge":
        raise NotFoundError("该费用不存在或不计滞纳金。", field="charge")
    row = rows[0]
    if charge_id in charges_store.waived_charges(desk.db, row.unit_id):
        raise ValidationError("该费用的滞纳金已减免。", field="charge")
    if charge_id in charges_store.late_fee_charged(desk.db, row.unit_id):
        raise ValidationError("该费用的滞纳金已计收，须由主管作费用调整。", field="charge")
    ensure_open(desk, _today(desk), "减免滞纳金")
    with desk.operation("late_fee_waived") as op:
        waiver_id = charges_store.insert_waiver(
            op.db,
            charge_id=charge_id,
            unit_id=row.unit_id,
            reason=why[:200],
            finance_consent=consent[:200],
            approved_by=approval.approver.id,
            stamp=_stamp(op),
        )
        approval.write_to(op, "late_fee_waivers", waiver_id)
        op.record("late_fee_waivers", waiver_id, charge=charge_id, reason=why, consent=consent)


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
    ensure_open(desk, _today(desk), "抵扣预收款")
    available = charges_store.credit_balance(desk.db, unit.id)
    rows = charges_store.owing(desk.db, unit.id)
    if available <= 0 or not rows:
        return 0
    allocation = ledger_rules.allocate_oldest_first(available, _as_owing(rows))
    used = 0
    with desk.operation("credit_used") as op:
        for charge_id, fen in allocation.paid:
            charges_store.insert_credit_use(
                op.db, unit_id=unit.id, charge_id=charge_id, amount_fen=fen, stamp=_stamp(op)
            )
            used += fen
        op.record("credit_uses", None, unit=unit.code, amount_fen=used)
    return used


# --- receipts -----------------------------------------------------------------------------------


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
    if row.invoice_no:
        raise ValidationError(
            f"收据 {row.number_text} 已换开发票（{row.invoice_no}），不能作废。", field="reason"
        )
    if row.refunded_fen:
        raise ValidationError(f"收据 {row.number_text} 已有退费，不能作废。", field="reason")
    ensure_open(desk, row.issued_at, "作废该期的收据（已结账期请办理退费）")
    ensure_open(desk, _today(desk), "作废收据")
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
            op.db, receipt_id=row.id, reason=why, approved_by=approval.approver.id, stamp=_stamp(op)
        )
        approval.write_to(op, "receipts", row.id)
        op.record(
            "receipts", row.id, number=row.number_text, reason=why, total=format_fen(row.total_fen)
        )
    return receipt(desk, row.id)


# --- refunds (退费) and invoices (发票) ---------------------------------------------------------


def refundable(desk: Desk, receipt_id: int, charge_id: int | None = None) -> int:
    """What may still be paid back against a receipt: the deposit it paid (``charge_id``),
    or the unused credit it brought in (``charge_id`` None), less what was refunded."""
    row = receipt(desk, receipt_id)
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
) -> RefundRow:
    """退费: pay back a deposit (``charge_id``) or unused credit against the original
    receipt, which is taken back. A supervisor approves; a 现金付出单 number is issued for
    the voucher the payee signs. The past is never edited: a refund is a new row (and for
    a deposit, an adjustment that releases it, so the unit owes nothing for it)."""
    row = receipt(desk, receipt_id)
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
    today = _today(desk)
    ensure_open(desk, today, "退费")
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
                _stamp(op),
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
            stamp=_stamp(op),
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
    return refunds_store.refund(desk.db, refund_id)  # type: ignore[return-value]


def refund_row(desk: Desk, refund_id: int) -> RefundRow:
    row = refunds_store.refund(desk.db, refund_id)
    if row is None:
        raise NotFoundError(f"退费记录 {refund_id} 不存在。")
    return row


def refunds_of_receipt(desk: Desk, receipt_id: int) -> list[RefundRow]:
    return refunds_store.refunds_of_receipt(desk.db, receipt_id)


def refunds_of_unit(desk: Desk, unit_id: int) -> list[RefundRow]:
    return refunds_store.refunds_of_unit(desk.db, unit_id)


def exchange_for_invoice(desk: Desk, receipt_id: int, invoice_no: str) -> ReceiptRow:
    """The owner takes an invoice (发票) instead: the receipt is taken back for finance and
    the invoice number recorded against it."""
    row = receipt(desk, receipt_id)
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
    with desk.operation("invoice_exchanged") as op:
        receipts_store.insert_invoice_exchange(
            op.db, receipt_id=row.id, invoice_no=number, stamp=_stamp(op)
        )
        op.record("invoice_exchanges", row.id, receipt=row.number_text, invoice_no=number)
    return receipt(desk, row.id)


# --- paid repairs (有偿维修) --------------------------------------------------------------------


def charge_repair_in(
    desk: Desk, op: Operation, *, unit_id: int, order_no: str, amount_fen: int, work: str
) -> int | None:
    """Charge a completed paid repair to its unit inside the repair's own operation, so an
    order is never completed as paid without its charge (nor charged twice)."""
    if amount_fen <= 0:
        return None
    item_id = _system_item(desk, op, "repair")
    if charges_store.charge_exists(op.db, "repair", order_no, unit_id, item_id):
        return None
    charge_id = charges_store.insert_charge(
        op.db,
        NewCharge(
            unit_id=unit_id,
            item_id=item_id,
            description=f"有偿维修 {order_no} {work}".strip()[:100],
            amount_fen=amount_fen,
            due_on=op.at[:10],
            source="repair",
            source_ref=order_no,
        ),
        _stamp(op),
    )
    op.record("charges", charge_id, order_no=order_no, amount_fen=amount_fen)
    return charge_id
