"""A closed month (月结) stays closed for everything dated in it, not only for money rows:
an invoice exchange, a cash handover to finance, chasing records (one back-dated), a fee
rate from the month's first day and a paid repair completed on the close day are refused
with a Chinese message naming the period and the date, nothing written — and the next
day the same writes go through."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ClosedPeriod
from desk_app.services.ledger import arrears, cash_drawer, invoices, periods, rates
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs.orders import Completion
from tests.builders.closed_months import (
    DATED_WRITES,
    START_ON,
    THROUGH_ON,
    at,
    closed_estate,
    row_counts,
)


@pytest.fixture
def closed(staffed_desk, clock):
    return staffed_desk, closed_estate(staffed_desk, clock)


@pytest.mark.parametrize("name", DATED_WRITES)
def test_every_dated_write_in_the_closed_month_is_refused_and_writes_nothing(closed, name):
    desk, estate = closed
    dated_by, write = DATED_WRITES[name]
    day = {"day": START_ON, "today": THROUGH_ON}.get(dated_by, dated_by)
    before = row_counts(desk)
    with pytest.raises(ClosedPeriod) as refused:
        write(desk, estate, day)
    assert refused.value.message.startswith("2026-11 已月结，不能再"), refused.value.message
    assert f"（日期 {day}）。" in refused.value.message, refused.value.message
    assert refused.value.field == "period"
    assert row_counts(desk) == before


def test_the_brief_s_writes_go_through_the_day_after(closed, clock):
    desk, estate = closed
    at(clock, "2026-11-26T09:00:00")
    invoices.exchange_for_invoice(desk, estate.deposit_receipt, "FP-0001")
    cash_drawer.hand_over(desk, "财务部刘会计")
    arrears.record_action(desk, estate.owner_unit, "phone", note="电话催缴")
    rates.set_rate(desk, "property", "2.10", effective_from="2026-11-26")
    repairs.complete(
        desk, estate.repair_order, Completion(work_done="更换水龙头", labour="30", paid=True)
    )
    # a chasing record back-dated into the closed month is still refused
    with pytest.raises(ClosedPeriod, match=r"2026-11 已月结.*（日期 2026-11-20）"):
        arrears.record_action(desk, estate.owner_unit, "visit", done_on="2026-11-20")


def test_a_day_before_the_first_closed_month_is_named_as_such(closed):
    desk, estate = closed
    with pytest.raises(ClosedPeriod, match=r"^2026-11 及以前的账期已月结.*（日期 2026-09-30）"):
        rates.set_rate(desk, "property", "2.10", effective_from="2026-09-30")
    assert periods.closed_period_name(desk, "2026-11-26") is None
