"""Charges (费用) and adjustments, and what a unit owes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core import ledger_rules
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import parse_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import locations
from desk_app.services.ledger import fee_items, periods
from desk_app.services.operations import Done
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.directory import units as units_store
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.ledger.charges import NewCharge, OwingRow
from desk_app.storage.ledger.fee_items import FeeItemRow, RateRow


@dataclass(frozen=True)
class ChargeResult:
    charge_id: int
    amount_fen: int


def unit_row(desk: Desk, unit_id: int) -> units_store.UnitRow:
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
) -> Done[ChargeResult]:
    """One charge on a unit: an explicit amount, or the item's rate (area / fixed items)."""
    unit = unit_row(desk, unit_id)
    item = fee_items.fee_item(desk, code)
    due = periods.checked_day(due_on, "应缴日期", "due_on")
    periods.ensure_open(desk, due, "记入该期的费用")
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
            op.stamp,
        )
        op.record("charges", charge_id, unit=unit.code, item=item.code, amount_fen=fen, due_on=due)
    return op.done(ChargeResult(charge_id, fen))


def adjust_charge(
    desk: Desk, charge_id: int, amount: str, reason: str, approval: Approval | None = None
) -> Done[ChargeResult]:
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
    today = periods.today(desk)
    periods.ensure_open(desk, today, "调整费用")
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
            op.stamp,
        )
        if approval is not None:
            approval.write_to(op, "charges", adjustment_id)
        op.record("charges", adjustment_id, adjusts=charge_id, amount_fen=fen, reason=why)
    return op.done(ChargeResult(adjustment_id, fen))


def owing(desk: Desk, unit_id: int) -> list[OwingRow]:
    return charges_store.owing(desk.db, unit_id)


def balance(desk: Desk, unit_id: int) -> int:
    return charges_store.unit_balance(desk.db, unit_id)


def credit(desk: Desk, unit_id: int) -> int:
    return charges_store.credit_balance(desk.db, unit_id)


def as_owing(rows: list[OwingRow]) -> list[ledger_rules.Owing]:
    return [
        ledger_rules.Owing(r.charge_id, date.fromisoformat(r.due_on), r.outstanding_fen)
        for r in rows
    ]


def customer_of(desk: Desk, unit: units_store.UnitRow) -> str:
    contact = locations.contact_for_unit(desk, unit.id)
    place = locations.unit_text(unit)
    return f"{place} {contact.name}" if contact else place


def line_text(row: OwingRow) -> str:
    return f"{row.item_name} {row.period}".strip() if row.period else row.description
