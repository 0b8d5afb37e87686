"""A month closed on its close day, and every write of the desk that carries a date, each
ready to be tried with a date inside that month (月结 keeps it closed for all of them).

``closed_estate`` builds, from 2026-08 on: 3-2-501 (张三) owing property for August and
September (overdue, late fees running), 3-1-101 with 100 of credit and a December charge
to use it on, a deposit paid in cash and a receipt to void or exchange (both issued in
November), a metered water rate, a paid repair waiting for completion — then closes
2026-11 (2026-10-26 … 2026-11-25) on 2026-11-25 at 18:00 with lee (supervisor) on duty.
``DATED_WRITES`` names each write and what dates it: ``day`` (a date the clerk gives,
any day of the closed month), ``today`` (inside the closed month on its close day only)
or the day of the record it acts on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desk_app.core.clock import CHINA_TZ
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import Desk
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.ledger import (
    arrears,
    arrears_print,
    billing,
    books,
    cash_drawer,
    charges,
    credit,
    fee_items,
    invoices,
    late_fees,
    month_close,
    payments,
    rates,
    receipts,
    refunds,
)
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion
from desk_app.services.shifts import approvals, login
from tests.builders.staff import PASSWORD

PERIOD = "2026-11"
START_ON = "2026-10-26"
THROUGH_ON = "2026-11-25"


@dataclass(frozen=True)
class ClosedEstate:
    owner_unit: int  # 3-2-501: August and September property overdue
    credit_unit: int  # 3-1-101: 100 of credit, a December parking charge
    september_charge: int  # overdue, its late fee not charged yet
    deposit_charge: int
    deposit_receipt: int  # cash, issued 2026-11-02
    credit_receipt: int  # WeChat, issued 2026-11-02
    repair_order: int  # arrived, waiting to be completed (paid)


def at(clock, moment: str) -> None:
    clock.set(datetime.fromisoformat(moment).replace(tzinfo=CHINA_TZ))


def approval(desk: Desk, action: str):
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason="测试")


def closed_estate(desk: Desk, clock) -> ClosedEstate:
    """The estate above, on a staffed desk (tests/builders/staff.py); see the module."""
    at(clock, "2026-08-01T09:00:00")
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False), area_text="128.80"
    )
    owner = directory_estate.find_unit(desk, "3-2-501").id
    other = directory_estate.find_unit(desk, "3-1-101").id
    people.add_occupant(desk, owner, PersonRecord(name="张三", phone="13812345678"), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.install_standard_items(desk)
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    rates.set_rate(desk, "water", "3.5", effective_from="2026-01-01")
    books.register_book(desk, 1001, 1100)
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    login.login(desk, "zhang", PASSWORD, "早班")
    for month in ("2026-08", "2026-09"):
        charges.post_charge(
            desk,
            owner,
            "property",
            due_on=f"{month}-25",
            period=month,
            source="billing",
            source_ref=month,
        )
    september = charges.owing(desk, owner)[1].charge_id

    at(clock, "2026-11-02T10:00:00")
    deposit = charges.post_charge(
        desk, owner, "renovation_deposit", due_on="2026-11-02", amount="2000"
    ).value.charge_id
    held = payments.take_payment(desk, owner, method="现金", charge_ids=[deposit]).value
    prepaid = payments.take_payment(desk, other, method="微信", amount="100").value
    charges.post_charge(desk, other, "parking", due_on="2026-12-10", amount="150")

    at(clock, "2026-11-25T10:00:00")
    entry = reception.record(
        desk,
        reception.NewEntry(channel="来电", category="报修", content="水龙头漏水", unit="3-2-501"),
    ).value
    technician = repair_setup.technicians(desk)[0]
    repairs.dispatch(desk, entry.order.id, technician.id)
    repairs.record_arrival(desk, entry.order.id)

    at(clock, "2026-11-25T18:00:00")
    login.login(desk, "lee", PASSWORD, "晚班")
    month_close.close(desk, PERIOD)
    return ClosedEstate(
        owner_unit=owner,
        credit_unit=other,
        september_charge=september,
        deposit_charge=deposit,
        deposit_receipt=held.receipt.id,
        credit_receipt=prepaid.receipt.id,
        repair_order=entry.order.id,
    )


def closed_day(offset: int) -> str:
    """A day of the closed month: ``offset`` days after its first (wrapping round)."""
    first = date.fromisoformat(START_ON)
    days = (date.fromisoformat(THROUGH_ON) - first).days + 1
    return (first + timedelta(days=offset % days)).isoformat()


Write = Callable[[Desk, ClosedEstate, str], object]


def _charge(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return charges.post_charge(desk, estate.owner_unit, "parking", due_on=day, amount="150")


def _deposit(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return charges.post_charge(desk, estate.owner_unit, "pass_deposit", due_on=day, amount="50")


def _adjustment(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return charges.adjust_charge(desk, estate.september_charge, "-10", "面积更正")


def _payment(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return payments.take_payment(desk, estate.owner_unit, method="现金", amount="100")


def _void(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return receipts.void_receipt(desk, estate.credit_receipt, "写错", approval(desk, "作废收据"))


def _refund(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return refunds.refund(
        desk,
        estate.deposit_receipt,
        amount="500",
        reason="装修完工",
        approval=approval(desk, "退费"),
        charge_id=estate.deposit_charge,
    )


def _credit(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return credit.use_credit(desk, estate.credit_unit)


def _waiver(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return late_fees.waive_late_fee(
        desk, estate.september_charge, "特殊原因", "财务部同意", approval(desk, "减免滞纳金")
    )


def _rate(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return rates.set_rate(desk, "property", "2.10", effective_from=day)


def _readings(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return billing.record_readings(desk, PERIOD, "water", [(estate.owner_unit, "120")])


def _billing(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return billing.post(desk, PERIOD, items=["property"], due_on=day)


def _invoice(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return invoices.exchange_for_invoice(desk, estate.deposit_receipt, "FP-0001")


def _cash_handover(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return cash_drawer.hand_over(desk, "财务部刘会计")


def _chasing(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return arrears.record_action(desk, estate.owner_unit, "phone", done_on=day, note="电话催缴")


def _notice(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return arrears_print.print_notice(desk, estate.owner_unit)


def _paid_repair(desk: Desk, estate: ClosedEstate, day: str) -> object:
    return repairs.complete(
        desk,
        estate.repair_order,
        Completion(work_done="更换水龙头", labour="30", paid=True, owner_signed=True),
    )


DATED_WRITES: dict[str, tuple[str, Write]] = {
    "charge": ("day", _charge),
    "deposit": ("day", _deposit),
    "adjustment": ("today", _adjustment),
    "payment": ("today", _payment),
    "void": ("2026-11-02", _void),  # the day the receipt was issued
    "refund": ("today", _refund),
    "credit use": ("today", _credit),
    "late-fee waiver": ("today", _waiver),
    "fee rate": ("day", _rate),
    "meter readings": ("today", _readings),  # and for the closed period
    "billing run": ("day", _billing),
    "invoice exchange": ("today", _invoice),
    "cash handover": ("today", _cash_handover),
    "chasing record": ("day", _chasing),
    "arrears notice": ("today", _notice),
    "paid repair": ("today", _paid_repair),
}


def row_counts(desk: Desk) -> dict[str, int]:
    """Every table's row count (the audit trail and derived tables included)."""
    names = [
        name
        for (name,) in desk.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {name: desk.db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
