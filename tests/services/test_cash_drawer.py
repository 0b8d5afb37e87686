"""The cash drawer of a shift and the weekly handover to finance (上缴) on a real database:
takings by method and item, receipt ranges, voids and refunds, one handover per span,
the slip, and the handover report's money section."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from desk_app.core.errors import ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import documents, settings
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.ledger import (
    books,
    cash_drawer,
    cash_print,
    charges,
    fee_items,
    payments,
    rates,
    receipts,
    refunds,
)
from desk_app.services.shifts import approvals, handover, login
from desk_app.storage import audit
from tests.support import PASSWORD


def ledger_estate(desk):
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
    ).charge_id


@pytest.fixture
def estate(staffed_desk):
    a, b = ledger_estate(staffed_desk)
    return staffed_desk, a, b


def busy_shift(desk, a, b):
    """Cash for A's property fee, WeChat 400 for B (150 parking + 250 credit), a cash
    deposit of 2000 for A, a cash receipt voided, and 500 of the deposit paid back."""
    fee = property_charge(desk, a, "2026-11")
    charges.post_charge(desk, b.id, "parking", due_on="2026-11-15", period="2026-11")
    deposit = charges.post_charge(
        desk, a.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    )
    cash = payments.take_payment(desk, a.id, method="现金", charge_ids=[fee])
    wechat = payments.take_payment(desk, b.id, method="微信", amount="400")
    held = payments.take_payment(desk, a.id, method="现金", charge_ids=[deposit.charge_id])
    spoiled = payments.take_payment(desk, b.id, method="现金", amount="88")
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


def test_the_drawer_of_the_shift(estate):
    desk, a, b = estate
    cash, wechat, held, spoiled = busy_shift(desk, a, b)
    drawer = cash_drawer.drawer(desk)
    assert drawer.shift_id == desk.shift.id and drawer.operator_name == "张丽"
    assert [(m.method, m.count, m.total_fen) for m in drawer.methods] == [
        ("现金", 2, PROPERTY + 200000),
        ("微信", 1, 40000),
    ]
    assert drawer.total_fen == PROPERTY + 240000 and drawer.receipt_count == 3
    assert drawer.numbers_text == "0001001–0001004（4 张）"  # the void number is used too
    assert [(v.number_text, v.total_fen, v.reason) for v in drawer.voids] == [
        ("0001004", 8800, "金额写错")
    ]
    [refund] = drawer.refunds
    assert (refund.receipt_number_text, refund.amount_fen, refund.deposit) == (
        "0001003",
        50000,
        True,
    )
    assert drawer.cash_fen == PROPERTY + 200000 - 50000


def test_another_shift_and_no_shift(estate, clock):
    desk, a, b = estate
    busy_shift(desk, a, b)
    first = desk.shift.id
    clock.advance(hours=7)
    handover.handover(
        desk, incoming_username="chen", incoming_password=PASSWORD, outgoing_password=PASSWORD
    )
    assert cash_drawer.drawer(desk).empty
    assert cash_drawer.drawer(desk, first).total_fen == PROPERTY + 240000
    handover.close_day(desk, password=PASSWORD)
    with pytest.raises(ValidationError, match="没有进行中的班次"):
        cash_drawer.drawer(desk)


def test_hand_over_everything_since_the_last_handover_once(estate, clock):
    desk, a, b = estate
    busy_shift(desk, a, b)
    draft = cash_drawer.pending_handover(desk)
    assert draft.pending and draft.previous is None
    assert [(i.item_name, i.total_fen) for i in draft.items] == [
        ("物业服务费", PROPERTY),
        ("车位管理费", 15000),
        ("装修押金", 200000),
        ("预收款", 25000),
    ]
    assert draft.total_fen == PROPERTY + 240000
    assert draft.cash_fen == PROPERTY + 200000 - 50000
    assert draft.numbers_text == "0001001–0001004（4 张）"
    assert [v.number_text for v in draft.voids] == ["0001004"]
    with pytest.raises(ValidationError, match="财务收款人"):
        cash_drawer.hand_over(desk, "  ")

    row = cash_drawer.hand_over(desk, "财务 王会计")
    assert (row.received_by, row.handed_on, row.total_fen, row.cash_fen) == (
        "财务 王会计",
        "2026-11-20",
        draft.total_fen,
        draft.cash_fen,
    )
    assert (row.first_receipt_id, row.last_refund_id) == (1, 1)
    assert row.created_by_name == "张丽" and row.created_shift == desk.shift.id
    [entry] = audit.entries_for_record(desk.db, "cash_handovers", str(row.id))
    assert entry.operation == "cash_handed_over" and entry.detail["cash_fen"] == row.cash_fen
    assert not cash_drawer.pending_handover(desk).pending
    with pytest.raises(ValidationError, match="无需上缴"):
        cash_drawer.hand_over(desk, "王会计")
    assert len(cash_drawer.handovers(desk)) == 1

    clock.advance(days=1)
    fee = property_charge(desk, a, "2026-12", "2026-12-15")
    later = payments.take_payment(desk, a.id, method="银行卡", charge_ids=[fee])
    second = cash_drawer.pending_handover(desk)
    assert second.previous.id == row.id and second.since == row.created_at
    assert [(m.method, m.total_fen) for m in second.methods] == [("银行卡", PROPERTY)]
    assert second.cash_fen == 0 and second.refunds == [] and second.voids == []
    assert second.numbers_text == "0001005（1 张）"
    next_row = cash_drawer.hand_over(desk, "王会计")
    assert next_row.first_receipt_id == next_row.last_receipt_id == later.receipt.id
    assert next_row.last_refund_id == row.last_refund_id


def test_a_slip_shows_what_was_handed_over_even_after_a_later_void(estate, clock):
    desk, a, b = estate
    cash, *_ = busy_shift(desk, a, b)
    row = cash_drawer.hand_over(desk, "王会计")
    clock.advance(hours=1)
    receipts.void_receipt(desk, cash.receipt.id, "重复收款", approval(desk))
    detail = cash_drawer.handover_detail(desk, row.id)
    assert detail.total_fen == row.total_fen and detail.cash_fen == row.cash_fen
    pending = cash_drawer.pending_handover(desk)
    assert [v.number_text for v in pending.voids] == ["0001001"]
    assert pending.pending is False  # a void of handed-over money is listed, nothing to hand


def test_handover_is_due_on_the_handover_weekday_with_cash_pending(estate):
    desk, a, b = estate
    friday, thursday = date(2026, 11, 20), date(2026, 11, 19)
    assert not cash_drawer.handover_due(desk, friday)  # nothing taken yet
    payments.take_payment(desk, a.id, method="现金", amount="100")
    assert cash_drawer.handover_due(desk, friday) and cash_drawer.handover_due(desk)
    assert not cash_drawer.handover_due(desk, thursday)
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.handover_weekday": 4})
    assert cash_drawer.handover_due(desk, thursday) and not cash_drawer.handover_due(desk, friday)
    cash_drawer.hand_over(desk, "王会计")
    assert not cash_drawer.handover_due(desk, thursday)


def pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_slip_is_printed_archived_and_marked_when_printed_again(estate, tmp_path):
    desk, a, b = estate
    busy_shift(desk, a, b)
    row = cash_drawer.hand_over(desk, "王会计")
    data = cash_print.slip_data(desk, row.id)
    assert data["total_fen"] == PROPERTY + 240000
    assert data["total_capitals"] == "贰仟陆佰叁拾捌元贰角捌分"
    assert data["cash_capitals"] == "壹仟柒佰叁拾捌元贰角捌分"
    assert data["handed_by"] == "张丽" and data["slip_no"] == "0001"
    printed = cash_print.print_slip(desk, row.id)
    assert documents.pdf_of(desk, printed.id) == printed.pdf
    text = pdf_text(printed.pdf, tmp_path)
    for expected in (
        "上缴财务交款单",
        "贰仟陆佰叁拾捌元贰角捌分",
        "0001001",
        "0001004",
        "金额写错",
        "TK20261120-0001",
        "交款人：张丽",
        "收款人（财务）：王会计",
        "装修押金",
        "预收款",
    ):
        assert expected in text, expected
    again = cash_print.print_slip(desk, row.id)
    assert [d.copy_mark for d in cash_print.slip_prints(desk, row.id)] == [None, "补打"]
    assert again.id != printed.id


def test_the_handover_report_has_a_money_section_only_when_money_moved(estate, clock):
    desk, a, b = estate
    quiet = handover.handover_report_data(desk, desk.shift.id)
    assert "money" not in quiet
    busy_shift(desk, a, b)
    data = handover.handover_report_data(desk, desk.shift.id)
    assert data["money_receipts"] == "0001001–0001004（4 张）"
    assert data["money_methods"][-1] == {"method": "合计", "count": "3", "total": "¥2,638.28"}
    assert [v["number"] for v in data["money_voids"]] == ["0001004"]
    assert data["money_pending"] == "待上缴财务现金 ¥1,738.28（尚未上缴过）"
