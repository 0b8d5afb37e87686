"""Ledger estates for tests: units, owners, fee items, rates and a receipt book, with the
clerk on duty; charges, approvals and a busy shift of payments."""

from __future__ import annotations

import pytest

from desk_app.core.errors import DiskFull
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import settings
from desk_app.services.desk import settings as estate_settings
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.ledger import (
    billing,
    books,
    charges,
    fee_items,
    payments,
    rates,
    receipts,
    refunds,
)
from desk_app.services.ledger import charges as ledger_charges
from desk_app.services.shifts import approvals, login
from tests.builders.staff import PASSWORD

PROPERTY_MONTH_FEN = 23828  # 128.80 ㎡ × 1.85


def receipt_estate(desk):
    """Building 3 (units 3-1-501, 3-1-601, 3-2-501, 3-2-601, 128.80 ㎡ each), owner 张三
    at 3-2-501, the standard fee items with property 1.85/㎡·月 and parking 150/月,
    receipt book 1001–1050; the clerk zhang on duty. Returns the unit 3-2-501."""
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 2, 5, 6, 1, zero_padded=False), area_text="128.80"
    )
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(desk, unit.id, PersonRecord(name="张三", phone="13812345678"), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.install_standard_items(desk)
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    rates.set_rate(desk, "parking", "150", effective_from="2026-01-01")
    books.register_book(desk, 1001, 1050)
    login.login(desk, "zhang", PASSWORD, "早班")
    return unit


def property_months(desk, unit_id, *periods, due_day=15):
    """Property fee charges as a billing run posts them; ids in order."""
    return [
        ledger_charges.post_charge(
            desk,
            unit_id,
            "property",
            due_on=f"{p}-{due_day:02d}",
            period=p,
            source="billing",
            source_ref=p,
        ).value.charge_id
        for p in periods
    ]


def cash_estate(desk):
    """Building 3 (128.80 m² units), the standard fee items with a property rate of 1.85
    and parking at 150 a month, no late fee (sums stay easy to check), book 1001–1050;
    the clerk zhang on duty. Returns the units 3-2-501 (owner 张三) and 3-1-101."""
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False), area_text="128.80"
    )
    a = directory_estate.find_unit(desk, "3-2-501")
    b = directory_estate.find_unit(desk, "3-1-101")
    people.add_occupant(desk, a.id, PersonRecord(name="张三", phone="13812345678"), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.late_fee_wan_per_day": 0})
    fee_items.install_standard_items(desk)
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    rates.set_rate(desk, "parking", "150", effective_from="2026-01-01")
    books.register_book(desk, 1001, 1050)
    login.login(desk, "zhang", PASSWORD, "早班")
    return a, b


PROPERTY = 23828  # 128.80 m² × 1.85


def approval(desk, action="作废收据"):
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason="业主要求")


def property_charge(desk, unit, period, due_on=None):
    return charges.post_charge(
        desk,
        unit.id,
        "property",
        due_on=due_on or f"{period}-15",
        period=period,
        source="billing",
        source_ref=period,
    ).value.charge_id


def busy_shift(desk, a, b):
    """Cash for A's property fee, WeChat 400 for B (150 parking + 250 credit), a cash
    deposit of 2000 for A, a cash receipt voided, and 500 of the deposit paid back."""
    fee = property_charge(desk, a, "2026-11")
    charges.post_charge(desk, b.id, "parking", due_on="2026-11-15", period="2026-11")
    deposit = charges.post_charge(
        desk, a.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    ).value
    cash = payments.take_payment(desk, a.id, method="现金", charge_ids=[fee]).value
    wechat = payments.take_payment(desk, b.id, method="微信", amount="400").value
    held = payments.take_payment(desk, a.id, method="现金", charge_ids=[deposit.charge_id]).value
    spoiled = payments.take_payment(desk, b.id, method="现金", amount="88").value
    receipts.void_receipt(desk, spoiled.receipt.id, "金额写错", approval(desk))
    refunds.refund(
        desk,
        held.receipt.id,
        amount="500",
        reason="装修完工退部分押金",
        approval=approval(desk, "退费"),
        charge_id=deposit.charge_id,
    )
    return cash, wechat, held, spoiled


def payment_estate(desk, *, late_fees=False):
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False), area_text="128.80"
    )
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(desk, unit.id, PersonRecord(name="张三", phone="13812345678"), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    if not late_fees:
        estate_settings.update(desk, {"ledger.late_fee_wan_per_day": 0})
    fee_items.add_fee_item(desk, "property", "物业服务费", "area", "㎡·月")
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    fee_items.add_fee_item(desk, "parking", "停车费", "fixed", "月")
    rates.set_rate(desk, "parking", "150", effective_from="2026-01-01")
    books.register_book(desk, 1001, 1050)
    login.login(desk, "zhang", PASSWORD, "早班")
    return unit


def void_approval(desk, reason="写错金额"):
    return approvals.verify_approval(desk, "lee", PASSWORD, action="作废收据", reason=reason)


def months(desk, unit, *periods):
    return [
        charges.post_charge(
            desk, unit.id, "property", due_on=f"{p}-25", period=p, source="billing", source_ref=p
        ).value.charge_id
        for p in periods
    ]


def arrears_estate(desk) -> dict[str, int]:
    """Building 3 (two entrances, 128.80 m² each) and building 5, three owners, the
    standard fee items, property fee 1.85/m², a receipt book; zhang on duty."""
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False), area_text="128.80"
    )
    directory_estate.create_units(desk, BuildingPlan("5", 1, 1, 1, 3, 2, zero_padded=False))
    units = {
        code: directory_estate.find_unit(desk, code).id
        for code in ("3-2-501", "3-1-101", "3-1-102", "5-1-101", "5-1-102")
    }
    owners = {
        "3-2-501": ("张三", "13812345678"),
        "3-1-101": ("李四", "13912345678"),
        "5-1-101": ("王五", "13712345678"),
    }
    for code, (name, phone) in owners.items():
        people.add_occupant(desk, units[code], PersonRecord(name=name, phone=phone), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.install_standard_items(desk)
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    books.register_book(desk, 1001, 1100)
    login.login(desk, "zhang", PASSWORD, "早班")
    return units


def charge(desk, unit_id, code, due_on, amount="", period=""):
    return charges.post_charge(
        desk, unit_id, code, due_on=due_on, amount=amount, period=period
    ).value.charge_id


def billing_estate(desk) -> dict[str, int]:
    """Building 3: four flats of 100 m² (张三 owns 3-1-101); building 5: two shops of
    50 m²; 7-101 with no area. Rates from 2026-01-01: property 1.85 (shops 3.00), water
    3.5 with a 5-yuan minimum, garbage 10, parking 150 for parking spaces only.
    The clerk zhang is on duty afterwards; returns unit ids by code."""
    directory_estate.create_units(
        desk, BuildingPlan("3", 1, 1, 1, 2, 2, zero_padded=False), area_text="100"
    )
    directory_estate.create_units(
        desk, BuildingPlan("5", None, None, 1, 1, 2, zero_padded=False), area_text="50", kind="商铺"
    )
    directory_estate.create_units(desk, BuildingPlan("7", None, None, 1, 1, 1, zero_padded=False))
    units = {u.code: u.id for u in directory_estate.list_units(desk)}
    people.add_occupant(
        desk, units["3-1-101"], PersonRecord(name="张三", phone="13812345678"), "owner"
    )
    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.install_standard_items(desk)
    rates.set_rate(desk, "property", "1.85", effective_from="2026-01-01")
    rates.set_rate(desk, "property", "3", effective_from="2026-01-01", unit_kind="商铺")
    rates.set_rate(desk, "water", "3.5", effective_from="2026-01-01", minimum="5")
    rates.set_rate(desk, "garbage", "10", effective_from="2026-01-01")
    rates.set_rate(desk, "parking", "150", effective_from="2026-01-01", unit_kind="车位")
    login.login(desk, "zhang", PASSWORD, "早班")
    return units


def close_period(desk, period: str, through_on: str) -> None:
    """A month-end close row, as the close would write it (the close is another part)."""
    lee = desk.db.execute("SELECT id FROM operators WHERE username = 'lee'").fetchone()[0]
    with desk.operation("period_closed") as op:
        op.db.execute(
            "INSERT INTO period_closes (period, through_on, approved_by, charges_fen, "
            "received_fen, refunds_fen, deposits_held_fen, arrears_fen, created_at) "
            "VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)",
            [period, through_on, lee, op.at],
        )
        op.record("period_closes", period)


def read_meters(desk, units, period, values: dict[str, str], item="water") -> int:
    return billing.record_readings(
        desk, period, item, [(units[code], text) for code, text in values.items()]
    ).value


def money_rows(desk) -> tuple[int, int, int, int]:
    """Receipts, receipt lines, audit rows and the highest receipt number."""
    row = desk.db.execute(
        "SELECT (SELECT count(*) FROM receipts), (SELECT count(*) FROM receipt_lines),"
        " (SELECT count(*) FROM audit_log), (SELECT coalesce(max(number), 0) FROM receipts)"
    ).fetchone()
    return tuple(row)


def fill_until_full(desk, unit_id: int, limit: int = 500) -> tuple[DiskFull, int]:
    """Payments until one finds the database full (the page limit set to its size now):
    the refusal and the number of the last payment that was kept."""
    pages = desk.db.execute("PRAGMA page_count").fetchone()[0]
    desk.db.execute(f"PRAGMA max_page_count = {pages}")
    last = 0
    for _ in range(limit):
        try:
            last = payments.take_payment(
                desk, unit_id, method="现金", amount="10", prepayment_confirmed=True
            ).value.receipt.number
        except DiskFull as error:
            return error, last
    pytest.fail("the database never filled up")
