"""Arrears (催款) on a real database: the stage from whole months overdue, the late fee beside
the debt (capped, waived, the same as the ledger's), the utilities' 3-day and 7-day steps,
the chasing steps recorded, and units leaving and re-entering the list with payments and
voids."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app.core.errors import DeskError, PermissionDenied, ValidationError
from desk_app.services.desk import settings as estate_settings
from desk_app.services.ledger import (
    arrears,
    charges,
    credit,
    late_fees,
    payments,
    receipts,
)
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from tests.builders.ledger import arrears_estate, charge
from tests.builders.staff import PASSWORD

TODAY = "2026-11-20"  # the clock fixture's day


def settings(desk, **values):
    login.login(desk, "lee", PASSWORD, "早班")
    estate_settings.update(desk, {f"ledger.{k}": v for k, v in values.items()})
    login.login(desk, "zhang", PASSWORD, "早班")


@pytest.fixture
def estate(staffed_desk):
    return staffed_desk, arrears_estate(staffed_desk)


def rows_by_code(desk, on=TODAY, **filters):
    return {row.unit_code: row for row in arrears.arrears(desk, on, **filters)}


# ---- stages -------------------------------------------------------------------------------


def test_stage_follows_whole_months_since_the_oldest_unpaid_due_date(estate):
    desk, units = estate
    charge(desk, units["3-2-501"], "property", "2026-10-20", period="2026-10")
    charge(desk, units["3-1-101"], "property", "2026-09-20", period="2026-09")
    charge(desk, units["3-1-101"], "property", "2026-10-20", period="2026-10")
    charge(desk, units["5-1-101"], "parking", "2026-08-31", amount="150")

    before = rows_by_code(desk, "2026-11-19")
    assert (before["3-2-501"].months_overdue, before["3-2-501"].stage) == (0, 0)
    assert before["3-2-501"].due_next == ""
    assert (before["3-1-101"].months_overdue, before["3-1-101"].stage) == (1, 1)

    on_the_day = rows_by_code(desk, TODAY)
    assert (on_the_day["3-2-501"].months_overdue, on_the_day["3-2-501"].stage) == (1, 1)
    assert on_the_day["3-2-501"].due_next == "电话+书面通知"
    assert on_the_day["3-1-101"].stage == 2
    assert on_the_day["3-1-101"].oldest_due_on == "2026-09-20"
    assert on_the_day["3-1-101"].owed_fen == 2 * 23828
    assert on_the_day["3-1-101"].due_next == "电话+书面通知并报经理"

    # due on the 31st: a month is reached on the 1st when the month is shorter
    assert rows_by_code(desk, "2026-11-30")["5-1-101"].stage == 2
    third = rows_by_code(desk, "2026-12-01")["5-1-101"]
    assert (third.months_overdue, third.stage, third.stage_label) == (3, 3, "第三阶段")
    assert third.due_next == "入户书面催款（或挂号邮寄）"
    assert rows_by_code(desk, "2027-06-01")["5-1-101"].stage == 3  # stays at 3

    ordered = [row.unit_code for row in arrears.arrears(desk, "2026-12-01")]
    assert ordered == ["5-1-101", "3-1-101", "3-2-501"]  # stage 3, 2, 1
    stage_two = [r.unit_code for r in arrears.arrears(desk, TODAY, stage=2)]
    assert stage_two == ["3-1-101", "5-1-101"]  # the larger debt first
    assert arrears.arrears(desk, TODAY, stage=3) == []
    with pytest.raises(ValidationError) as caught:
        arrears.arrears(desk, TODAY, stage=4)
    assert caught.value.field == "stage"


def test_same_stage_sorted_by_amount_and_filtered_by_building(estate):
    desk, units = estate
    charge(desk, units["3-2-501"], "other", "2026-10-01", amount="80")
    charge(desk, units["3-1-102"], "other", "2026-10-05", amount="120")
    charge(desk, units["5-1-102"], "other", "2026-10-05", amount="100")
    assert [r.unit_code for r in arrears.arrears(desk)] == ["3-1-102", "5-1-102", "3-2-501"]
    assert [r.unit_code for r in arrears.arrears(desk, building="5")] == ["5-1-102"]
    row = rows_by_code(desk)["3-2-501"]
    assert (row.customer, row.phone_masked, row.unit_text) == ("张三", "138****5678", "3栋2单元501")
    assert rows_by_code(desk)["3-1-102"].customer == ""  # nobody in the archive


def test_what_is_not_overdue_is_not_arrears(estate):
    desk, units = estate
    charge(desk, units["3-2-501"], "property", "2026-11-20", period="2026-11")  # due today
    charge(desk, units["3-2-501"], "renovation_deposit", "2026-10-01", amount="2000")
    assert arrears.arrears(desk) == []
    assert [r.unit_code for r in arrears.arrears(desk, "2026-11-21")] == ["3-2-501"]
    assert rows_by_code(desk, "2026-11-21")["3-2-501"].owed_fen == 23828


def test_stage_began_is_the_first_day_of_the_stage():
    assert arrears.stage_began(date(2026, 1, 31), 1) == date(2026, 3, 1)
    assert arrears.stage_began(date(2026, 8, 20), 2) == date(2026, 10, 20)
    assert arrears.stage_began(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert arrears.stage_began(date(2026, 11, 30), 3) == date(2027, 3, 2) - date.resolution


# ---- late fees ------------------------------------------------------------------------------


def test_late_fee_is_shown_separately_as_the_ledger_computes_it(estate):
    desk, units = estate
    unit = units["3-2-501"]
    october = charge(desk, unit, "property", "2026-10-20", period="2026-10")
    row = rows_by_code(desk)["3-2-501"]
    assert row.owed_fen == 23828  # the debt itself
    assert row.late_fee_fen == 369  # 238.28 × 0.0005 × 31 days = 3.69
    assert row.total_fen == 23828 + 369
    assert row.late_fee_fen == late_fees.late_fee_total(desk, unit)

    debt = arrears.unit_debt(desk, unit)
    assert [(line.text, line.outstanding_fen) for line in debt.lines] == [
        ("物业服务费 2026-10", 23828)
    ]
    [fee] = debt.late_fees
    assert (fee.charge_id, fee.days, fee.fee_fen, fee.from_on) == (october, 31, 369, "2026-10-20")
    assert (debt.owed_fen, debt.late_fee_fen, debt.total_fen) == (23828, 369, 24197)


def test_late_fee_cap_and_grace_days_from_the_settings(estate):
    desk, units = estate
    unit = units["3-2-501"]
    charge(desk, unit, "property", "2026-01-20", period="2026-01")  # 304 days: 362.19 uncapped
    assert rows_by_code(desk)["3-2-501"].late_fee_fen == 3622
    settings(desk, late_fee_cap_percent=10)
    assert rows_by_code(desk)["3-2-501"].late_fee_fen == 2383  # 10 % of 238.28
    settings(desk, late_fee_cap_percent=0, late_fee_grace_days=10)
    assert rows_by_code(desk)["3-2-501"].late_fee_fen == 3503  # 294 days
    assert arrears.unit_debt(desk, unit).late_fees[0].from_on == "2026-01-30"
    for on in ("2026-11-20", "2026-06-30"):
        row = rows_by_code(desk, on)["3-2-501"]
        assert row.late_fee_fen == late_fees.late_fee_total(desk, unit, date.fromisoformat(on))
    settings(desk, late_fee_wan_per_day=0)
    assert rows_by_code(desk)["3-2-501"].late_fee_fen == 0


def test_a_waived_late_fee_is_listed_but_not_owed(estate):
    desk, units = estate
    unit = units["3-2-501"]
    october = charge(desk, unit, "property", "2026-10-20", period="2026-10")
    approval = approvals.verify_approval(desk, "lee", PASSWORD, action="减免滞纳金", reason="住院")
    late_fees.waive_late_fee(desk, october, "住院", "财务部王会计电话同意", approval)
    assert rows_by_code(desk)["3-2-501"].late_fee_fen == 0
    debt = arrears.unit_debt(desk, unit)
    assert [f.waived for f in debt.late_fees] == [True] and debt.late_fee_fen == 0


# ---- utilities --------------------------------------------------------------------------------


def test_utilities_get_a_notice_after_3_days_and_may_be_suspended_after_7(estate):
    desk, units = estate
    charge(desk, units["3-2-501"], "water", "2026-11-17", amount="56.50", period="2026-10")
    charge(desk, units["3-1-101"], "electricity", "2026-11-16", amount="120", period="2026-10")
    charge(desk, units["5-1-101"], "water", "2026-11-12", amount="30", period="2026-10")
    charge(desk, units["5-1-101"], "property", "2026-11-01", amount="100", period="2026-10")
    rows = rows_by_code(desk)
    assert (rows["3-2-501"].utility_days, rows["3-2-501"].utility_step) == (3, "")
    assert (rows["3-1-101"].utility_days, rows["3-1-101"].utility_step) == (4, "书面通知")
    assert (rows["5-1-101"].utility_days, rows["5-1-101"].utility_step) == (8, "可停供")
    assert rows["5-1-101"].utilities_fen == 3000 and rows["5-1-101"].owed_fen == 13000
    assert rows["5-1-101"].stage == 0  # under a month: the utilities' steps still apply


# ---- chasing steps ----------------------------------------------------------------------------


def test_registered_post_without_its_postal_receipt_number_is_refused(estate):
    desk, units = estate
    unit = units["5-1-101"]
    charge(desk, unit, "property", "2026-08-01", amount="300", period="2026-07")
    before = audit.count(desk.db)
    for blank in ("", "   "):
        with pytest.raises(ValidationError) as caught:
            arrears.record_action(desk, unit, "registered_post", postal_receipt_no=blank)
        assert caught.value.field == "postal_receipt_no"
    assert audit.count(desk.db) == before and arrears.actions_of_unit(desk, unit) == []

    row = arrears.record_action(
        desk, unit, "registered_post", postal_receipt_no=" XA 1234 5678 9CN ", note="法定地址"
    ).value
    assert row.postal_receipt_no == "XA 1234 5678 9CN"
    assert (row.stage, row.owed_fen, row.done_on) == (3, 30000, TODAY)
    assert row.created_by_name == "张丽"
    listed = rows_by_code(desk)["5-1-101"]
    assert (listed.last_action, listed.last_action_on) == ("registered_post", TODAY)
    assert listed.last_action_label == "挂号信" and listed.due_next == "本阶段已办"
    [entry] = audit.entries_for_record(desk.db, "arrears_actions", str(row.id))
    assert entry.operation == "arrears_action_recorded"
    assert entry.detail["postal_receipt_no"] == "XA 1234 5678 9CN"


def test_actions_are_listed_and_the_next_step_follows_them(estate, clock):
    desk, units = estate
    unit = units["3-1-101"]
    charge(desk, unit, "property", "2026-09-20", period="2026-09")  # stage 2 from 11-20
    # a call during stage 1 does not count for stage 2
    arrears.record_action(desk, unit, "phone", done_on="2026-11-01", note="无人接听")
    assert rows_by_code(desk)["3-1-101"].due_next == "电话+书面通知并报经理"
    arrears.record_action(desk, unit, "phone", note="答应月底交")
    assert rows_by_code(desk)["3-1-101"].due_next == "书面通知、报经理"
    arrears.record_action(desk, unit, "manager_report")
    clock.advance(days=1)
    arrears.record_action(desk, unit, "notice", done_on=date(2026, 11, 21))
    row = rows_by_code(desk, "2026-11-21")["3-1-101"]
    assert row.due_next == "本阶段已办" and row.pending == ()
    assert (row.last_action, row.last_action_on) == ("notice", "2026-11-21")

    history = arrears.actions_of_unit(desk, unit)
    assert [(a.done_on, a.action) for a in history] == [
        ("2026-11-21", "notice"),
        ("2026-11-20", "manager_report"),
        ("2026-11-20", "phone"),
        ("2026-11-01", "phone"),
    ]
    assert history[-1].stage == 1 and history[0].stage == 2
    assert history[-1].note == "无人接听"


def test_bad_actions_are_refused_and_write_nothing(estate):
    desk, units = estate
    owing = units["3-2-501"]
    charge(desk, owing, "property", "2026-10-20", period="2026-10")
    before = audit.count(desk.db)
    for unit, action, extra, field in [
        (owing, "email", {}, "action"),
        (owing, "phone", {"done_on": "2026-11-21"}, "done_on"),
        (owing, "phone", {"done_on": "11/20"}, "done_on"),
        (units["3-1-102"], "phone", {}, "unit"),  # owes nothing
        (99999, "phone", {}, "unit"),
    ]:
        with pytest.raises(DeskError) as caught:
            arrears.record_action(desk, unit, action, **extra)
        assert caught.value.field == field
    login.logout(desk)
    with pytest.raises(PermissionDenied):
        arrears.record_action(desk, owing, "phone")
    assert audit.count(desk.db) == before


# ---- payments and voids ------------------------------------------------------------------------


def test_a_paid_up_unit_leaves_the_list_and_a_void_brings_it_back(estate):
    desk, units = estate
    unit = units["3-2-501"]
    october = charge(desk, unit, "property", "2026-10-20", period="2026-10")
    charge(desk, units["3-1-101"], "other", "2026-10-01", amount="50")
    assert set(rows_by_code(desk)) == {"3-2-501", "3-1-101"}

    payment = payments.take_payment(desk, unit, method="现金", charge_ids=[october]).value
    assert payment.receipt.total_fen == 23828 + 369  # the late fee charged with it
    assert set(rows_by_code(desk)) == {"3-1-101"}
    assert arrears.unit_debt(desk, unit).lines == ()

    approval = approvals.verify_approval(desk, "lee", PASSWORD, action="作废收据", reason="错收")
    receipts.void_receipt(desk, payment.receipt.id, "错收", approval)
    back = rows_by_code(desk)["3-2-501"]
    assert back.owed_fen == 23828 and back.stage == 1
    # the fee was charged today (due today, not yet overdue) and is not counted again
    assert back.late_fee_fen == 0 == late_fees.late_fee_total(desk, unit)
    assert rows_by_code(desk, "2026-11-21")["3-2-501"].owed_fen == 23828 + 369


def test_the_set_based_list_agrees_with_the_ledger_unit_by_unit(estate):
    """Partial payments, credit used, an adjustment, a void and a deposit: the list's
    amount per unit is the ledger's own outstanding of the overdue charges."""
    desk, units = estate
    a, b, c, d = (units[k] for k in ("3-2-501", "3-1-101", "5-1-101", "5-1-102"))
    for unit in (a, b):
        for month in ("08", "09", "10"):
            charge(desk, unit, "property", f"2026-{month}-20", period=f"2026-{month}")
    charge(desk, a, "water", "2026-11-10", amount="40", period="2026-10")
    payments.take_payment(desk, a, method="现金", amount="300")  # the oldest and a part
    payments.take_payment(desk, b, method="微信", amount="1000")  # all, the rest is credit
    charge(desk, b, "parking", "2026-11-01", amount="150")
    credit.use_credit(desk, b)
    mistaken = charge(desk, c, "other", "2026-10-01", amount="500")
    login.login(desk, "lee", PASSWORD, "早班")
    charges.adjust_charge(desk, mistaken, "-200", "多计")
    login.login(desk, "zhang", PASSWORD, "早班")
    paid = payments.take_payment(desk, d, method="现金", amount="50").value  # credit only
    charge(desk, d, "other", "2026-10-10", amount="80")
    approval = approvals.verify_approval(desk, "lee", PASSWORD, action="作废收据", reason="错")
    receipts.void_receipt(desk, paid.receipt.id, "错", approval)
    charge(desk, d, "renovation_deposit", "2026-10-01", amount="2000")

    for on in ("2026-11-05", TODAY):
        listed = {row.unit_id: row.owed_fen for row in arrears.arrears(desk, on)}
        expected = {}
        for unit in units.values():
            owed = sum(
                r.outstanding_fen
                for r in charges.owing(desk, unit)
                if r.kind in ("charge", "late_fee") and r.due_on < on
            )
            if owed:
                expected[unit] = owed
        assert listed == expected, on
        assert c in listed and listed[c] == 30000
