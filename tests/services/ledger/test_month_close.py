"""The month-end close (月结) on a real database: the report's figures against sums worked
out by hand, the collection rate, closing in order from the close day on, and a closed
period refusing every money row dated in it — in the services and in the database."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from fractions import Fraction

import openpyxl
import pytest

from desk_app.core.clock import CHINA_TZ
from desk_app.core.errors import ClosedPeriod, PermissionDenied, ValidationError
from desk_app.services.desk import settings
from desk_app.services.ledger import (
    charges,
    month_close,
    month_close_export,
    month_close_print,
    payments,
    periods,
    receipts,
    refunds,
)
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from tests.builders.ledger import PROPERTY, approval, property_charge
from tests.builders.ledger import cash_estate as ledger_estate
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD


def at(clock, day: str, hour: int = 10) -> None:
    clock.set(datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=CHINA_TZ))


@pytest.fixture
def estate(staffed_desk):
    a, b = ledger_estate(staffed_desk)
    return staffed_desk, a, b


@pytest.fixture
def history(estate, clock):
    """Unit A owes property for July, September and October and paid August in October;
    in November A pays November in cash, B pays 400 by WeChat (150 parking, 250 credit),
    A pays a 2000 deposit in cash of which 500 is paid back, and a receipt of 88 is
    voided. Today is 2026-11-20; period 2026-11 runs 2026-10-26 … 2026-11-25."""
    desk, a, b = estate
    for period in ("2026-07", "2026-08", "2026-09", "2026-10"):
        property_charge(desk, a, period)
    at(clock, "2026-10-20")
    august = charges.owing(desk, a.id)[1].charge_id
    payments.take_payment(desk, a.id, method="现金", charge_ids=[august])  # in period 2026-10
    at(clock, "2026-11-20")
    november = property_charge(desk, a, "2026-11")
    charges.post_charge(desk, b.id, "parking", due_on="2026-11-15", period="2026-11")
    deposit = charges.post_charge(
        desk, a.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    ).value
    payments.take_payment(desk, a.id, method="现金", charge_ids=[november])
    payments.take_payment(desk, b.id, method="微信", amount="400")
    held = payments.take_payment(desk, a.id, method="现金", charge_ids=[deposit.charge_id]).value
    spoiled = payments.take_payment(desk, b.id, method="现金", amount="88").value
    receipts.void_receipt(desk, spoiled.receipt.id, "金额写错", approval(desk))
    refunds.refund(
        desk,
        held.receipt.id,
        amount="500",
        reason="退部分押金",
        approval=approval(desk, "退费"),
        charge_id=deposit.charge_id,
    )
    return desk, a, b, held


def test_period_bounds_follow_the_close_day(estate):
    desk, _a, _b = estate
    bounds = month_close.period_bounds(desk, "2026-11")
    assert (bounds.start_on, bounds.through_on, bounds.after_on) == (
        "2026-10-26",
        "2026-11-25",
        "2026-11-26",
    )
    january = month_close.period_bounds(desk, "2027-01")
    assert (january.start_on, january.through_on) == ("2026-12-26", "2027-01-25")
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.close_day": 20})
    bounds = month_close.period_bounds(desk, "2026-11")
    assert (bounds.start_on, bounds.through_on) == ("2026-10-21", "2026-11-20")
    for bad in ("2026-13", "2026/11", "26-11", ""):
        with pytest.raises(ValidationError, match="账期格式"):
            month_close.period_bounds(desk, bad)


def test_the_report_equals_the_sums_worked_out_by_hand(history):
    desk, a, b, _held = history
    report = month_close.report(desk, "2026-11")
    items = {i.item_name: i for i in report.items}
    # charges due 10-26 … 11-25: A's November fee, B's parking, the deposit, and the
    # adjustment dated 11-20 that releases the 500 paid back
    assert (items["物业服务费"].charged_fen, items["物业服务费"].adjusted_fen) == (PROPERTY, 0)
    assert items["车位管理费"].charged_fen == 15000
    assert (items["装修押金"].charged_fen, items["装修押金"].adjusted_fen) == (200000, -50000)
    # 应收 leaves deposits out: they are held, and one paid back is no negative income
    assert report.charges_fen == PROPERTY + 15000
    assert report.adjustments_fen == 0
    # received: live receipts issued in the period (August's October receipt and the
    # voided one are not)
    assert [(m.method, m.count, m.total_fen) for m in report.methods] == [
        ("微信", 1, 40000),
        ("现金", 2, PROPERTY + 200000),
    ]
    assert report.received_fen == PROPERTY + 240000
    assert items["预收款"].received_fen == 25000
    assert items["物业服务费"].received_fen == PROPERTY
    assert [(v.number_text, v.total_fen) for v in report.voids] == [("0001005", 8800)]
    assert [(r.voucher_no, r.amount_fen) for r in report.refunds] == [("TK20261120-0001", 50000)]
    assert report.deposits_held_fen == 200000 - 50000
    # arrears at 11-25: October 1–2 months, September 2–3 months, July over 3 months
    ages = [(age.label, age.units, age.fen) for age in report.ages]
    assert ages == [  # the one household counts once, at the age of its oldest debt
        ("1个月以内", 0, 0),
        ("1–2个月", 0, PROPERTY),
        ("2–3个月", 0, PROPERTY),
        ("3个月以上", 1, PROPERTY),
    ]
    assert report.arrears_fen == 3 * PROPERTY and report.arrears_units == 1
    assert sum(age.units for age in report.ages) == report.arrears_units
    assert items["物业服务费"].arrears_fen == 3 * PROPERTY
    # 收缴率: of what fell due in the period (the deposit aside: held, not income), the
    # share paid by 11-25 — A's November fee and B's parking, both paid
    assert (report.collectible_fen, report.collected_fen) == (PROPERTY + 15000, PROPERTY + 15000)
    assert report.collection_rate == 1 and items["装修押金"].rate is None

    october = month_close.report(desk, "2026-10")
    assert october.received_fen == PROPERTY and october.charges_fen == PROPERTY
    # October's fee fell due and was not paid by 10-25 (the receipt then paid August's)
    assert (october.collectible_fen, october.collected_fen) == (PROPERTY, 0)
    assert october.collection_rate == 0 and october.rate_text == "0.0%"
    # at 10-25 the November charges were not due, October's was just due
    assert [age.fen for age in october.ages] == [PROPERTY, PROPERTY, 0, PROPERTY]


def test_the_collection_rate_is_exact_and_rounded_only_for_display():
    assert month_close.collection_rate(2, 3) == Fraction(2, 3)
    assert month_close.rate_text(Fraction(2, 3)) == "66.7%"
    assert month_close.rate_per_mille(Fraction(19, 20)) == 950
    assert month_close.rate_text(Fraction(9995, 10000)) == "100.0%"  # 999.5‰ rounds up
    assert month_close.collection_rate(100, 0) is None
    assert month_close.rate_text(None) == "—"


def test_payments_after_the_end_do_not_change_a_closed_period(history, clock):
    desk, a, _b, _held = history
    at(clock, "2026-11-25", 18)
    login.login(desk, "lee", PASSWORD, "早班")
    row = month_close.close(desk, "2026-11").value
    assert (row.period, row.through_on, row.approved_by_name) == ("2026-11", "2026-11-25", "李主管")
    report = month_close.report(desk, "2026-11")
    assert (row.charges_fen, row.received_fen, row.refunds_fen) == (
        report.charges_fen,
        report.received_fen,
        report.refunds_fen,
    )
    assert (row.deposits_held_fen, row.arrears_fen) == (150000, 3 * PROPERTY)
    [entry] = [
        e
        for e in audit.entries_for_record(desk.db, "period_closes", "2026-11")
        if e.operation == "period_closed"
    ]
    assert entry.detail["arrears_fen"] == 3 * PROPERTY

    at(clock, "2026-11-27")
    login.login(desk, "zhang", PASSWORD, "早班")
    ids = [r.charge_id for r in charges.owing(desk, a.id)]
    payments.take_payment(desk, a.id, method="现金", charge_ids=ids)
    again = month_close.report(desk, "2026-11")
    assert again.closed == row
    assert (again.received_fen, again.arrears_fen) == (row.received_fen, row.arrears_fen)
    december = month_close.report(desk, "2026-12")
    assert december.received_fen == 3 * PROPERTY and december.arrears_fen == 0


def test_closing_in_order_from_the_close_day_once(estate, clock):
    desk, a, _b = estate
    with pytest.raises(PermissionDenied, match="客服主管"):
        month_close.close(desk, "2026-10")  # a clerk without approval
    with pytest.raises(ValidationError, match="2026-11-25"):
        month_close.close(desk, "2026-11", approval(desk, "月结"))  # before the close day
    assert month_close.default_period(desk) == "2026-10"
    first = month_close.close(desk, "2026-09", approval(desk, "月结")).value  # any month first
    assert first.approved_by_name == "李主管" and first.created_by_name == "张丽"
    operations = [
        e.operation for e in audit.entries_for_record(desk.db, "period_closes", "2026-09")
    ]
    assert operations == ["approval_granted", "period_closed"]
    assert month_close.default_period(desk) == "2026-10"
    with pytest.raises(ValidationError, match="不能重复"):
        month_close.close(desk, "2026-09", approval(desk, "月结"))
    with pytest.raises(ValidationError, match="更早"):
        month_close.close(desk, "2026-08", approval(desk, "月结"))
    at(clock, "2026-11-25", 18)
    with pytest.raises(ValidationError, match="请先月结 2026-10"):
        month_close.close(desk, "2026-11", approval(desk, "月结"))
    month_close.close(desk, "2026-10", approval(desk, "月结"))
    month_close.close(desk, "2026-11", approval(desk, "月结"))
    assert [c.period for c in month_close.closes(desk)] == ["2026-11", "2026-10", "2026-09"]
    assert periods.closed_through(desk) == "2026-11-25"
    assert month_close.default_period(desk) == "2026-12"
    with pytest.raises(PermissionDenied):
        approvals.verify_approval(desk, "chen", PASSWORD, action="月结", reason="x")


def test_a_closed_period_keeps_its_days_when_the_close_day_changes(estate, clock):
    desk, _a, _b = estate
    at(clock, "2026-10-26")
    month_close.close(desk, "2026-10", approval(desk, "月结"))
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.close_day": 20})
    assert month_close.period_bounds(desk, "2026-10").through_on == "2026-10-25"
    november = month_close.period_bounds(desk, "2026-11")
    assert (november.start_on, november.through_on) == ("2026-10-26", "2026-11-20")


def test_a_closed_period_refuses_charges_payments_voids_and_refunds(history, clock):
    desk, a, b, held = history
    receipt_of_the_period = next(
        r for r in receipts.receipts_of_unit(desk, a.id) if r.total_fen == PROPERTY and not r.void
    )
    at(clock, "2026-11-25", 18)
    month_close.close(desk, "2026-11", approval(desk, "月结"))
    with pytest.raises(ValidationError, match="已月结"):
        charges.post_charge(desk, a.id, "parking", due_on="2026-11-10", amount="150")
    with pytest.raises(ValidationError, match="已月结"):
        payments.take_payment(desk, a.id, method="现金", amount="100")  # still the 25th
    with pytest.raises(ValidationError, match="已月结"):
        refunds.refund(
            desk,
            held.receipt.id,
            amount="100",
            reason="再退",
            approval=approval(desk, "退费"),
            charge_id=refunds.deposits_of_receipt(desk, held.receipt.id)[0].charge_id,
        )
    at(clock, "2026-11-26")
    with pytest.raises(ValidationError, match="已月结"):
        receipts.void_receipt(desk, receipt_of_the_period.id, "作废", approval(desk))
    # the next period is open
    charges.post_charge(desk, a.id, "parking", due_on="2026-11-26", amount="150")
    payments.take_payment(desk, b.id, method="现金", amount="10")

    db = desk.db
    raw = [
        (
            "INSERT INTO charges (unit_id, item_id, description, amount_fen, due_on, created_at) "
            "VALUES (?, 1, 'x', 100, '2026-11-10', '2026-11-26T10:00:00+08:00')",
            [a.id],
            "charges",
        ),
        (
            "INSERT INTO receipts (book_id, number, unit_id, customer, issued_at, method, "
            "total_fen) VALUES (1, 1049, ?, 'x', '2026-11-25T09:00:00+08:00', '现金', 100)",
            [a.id],
            "receipts",
        ),
        (
            "INSERT INTO receipt_voids (receipt_id, reason, approved_by, voided_at) "
            "VALUES (?, 'x', 2, '2026-11-26T10:00:00+08:00')",
            [receipt_of_the_period.id],
            "receipt_voids",
        ),
        (
            "INSERT INTO refunds (unit_id, receipt_id, amount_fen, voucher_no, payee, reason, "
            "method, approved_by, refunded_at) VALUES (?, ?, 100, 'TK-X', 'x', 'x', '现金', 2, "
            "'2026-11-24T10:00:00+08:00')",
            [a.id, held.receipt.id],
            "refunds",
        ),
    ]
    for sql, params, table in raw:
        # the triggers' refusal reaches the desk as the domain's error, never sqlite3's
        with pytest.raises(ClosedPeriod, match="2026-11 及以前的账期已月结") as refused:
            db.execute(sql, params)
        assert isinstance(refused.value.__cause__, sqlite3.IntegrityError)
        assert str(refused.value.__cause__) == f"closed period: {table}"
    assert month_close.report(desk, "2026-11").received_fen == PROPERTY + 240000


def test_the_report_prints_and_exports(history, tmp_path):
    desk, *_ = history
    text = pdf_text(month_close_print.report_pdf(desk, "2026-11"))
    for expected in ("月结对账表", "2026年10月26日", "未月结", "装修押金", "3个月以上", "0001005"):
        assert expected in text, expected
    assert "户数按每户最早一笔欠费的账龄计" in "".join(text.split())
    printed = month_close_print.print_report(desk, "2026-11").value
    assert printed.title == "示范花园月结对账表 2026-11"

    path = tmp_path / "月结.xlsx"
    written = month_close_export.export_report(desk, "2026-11", path)
    assert written.received_fen == PROPERTY + 240000
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "按项目", "欠费账龄", "封存码"]
    summary = {row[0].value: row[1] for row in book["汇总"].iter_rows(min_row=2) if row[0].value}
    assert round(summary["本期实收"].value * 100) == PROPERTY + 240000
    assert summary["本期实收"].number_format == "#,##0.00"
    assert round(summary["期末欠费"].value * 100) == 3 * PROPERTY
    rate = summary["收缴率（当期实收 / 当期应收）"]
    assert rate.number_format == "0.0%" and rate.value == 1  # the period's charges all paid
    assert round(summary["当期应收（不含押金）"].value * 100) == PROPERTY + 15000
    items = [[c.value for c in row] for row in book["按项目"].iter_rows(min_row=2)]
    assert items[-1][0] == "合计" and round(items[-1][4] * 100) == PROPERTY + 240000
    ages = [[c.value for c in row] for row in book["欠费账龄"].iter_rows(min_row=2)]
    *table, blank, note = ages  # the table, a blank row, the note on what a household is
    assert [row[0] for row in table] == ["1个月以内", "1–2个月", "2–3个月", "3个月以上", "合计"]
    assert table[-1][1] == 1 and round(table[-1][2] * 100) == 3 * PROPERTY
    assert sum(row[1] for row in table[:-1]) == table[-1][1]
    assert blank[0] is None and note[0].startswith("注：户数按每户最早一笔欠费的账龄计")
    assert book["按项目"].freeze_panes == "A2"
    with pytest.raises(ValidationError, match=".xlsx"):
        month_close_export.export_report(desk, "2026-11", tmp_path / "月结.csv")
