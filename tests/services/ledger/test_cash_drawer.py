"""The cash drawer of a shift and the weekly handover to finance (上缴) on a real database:
takings by method and item, receipt ranges, voids and refunds, one handover per span,
the slip, and the handover report's money section."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.desk import documents, settings
from desk_app.services.ledger import (
    cash_drawer,
    cash_print,
    payments,
    receipts,
    refunds,
)
from desk_app.services.shifts import handover, login
from desk_app.storage import audit
from tests.builders.ledger import PROPERTY, approval, busy_shift, cash_estate, property_charge
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    a, b = cash_estate(staffed_desk)
    return staffed_desk, a, b


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

    row = cash_drawer.hand_over(desk, "财务 王会计").value
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
    later = payments.take_payment(desk, a.id, method="银行卡", charge_ids=[fee]).value
    second = cash_drawer.pending_handover(desk)
    assert second.previous.id == row.id and second.since == row.created_at
    assert [(m.method, m.total_fen) for m in second.methods] == [("银行卡", PROPERTY)]
    assert second.cash_fen == 0 and second.refunds == [] and second.voids == []
    assert second.numbers_text == "0001005（1 张）"
    next_row = cash_drawer.hand_over(desk, "王会计").value
    assert next_row.first_receipt_id == next_row.last_receipt_id == later.receipt.id
    assert next_row.last_refund_id == row.last_refund_id


def test_a_slip_shows_what_was_handed_over_even_after_a_later_void(estate, clock):
    desk, a, b = estate
    cash, *_ = busy_shift(desk, a, b)
    row = cash_drawer.hand_over(desk, "王会计").value
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
    payments.take_payment(desk, a.id, method="现金", amount="100", prepayment_confirmed=True)
    assert cash_drawer.handover_due(desk, friday) and cash_drawer.handover_due(desk)
    assert not cash_drawer.handover_due(desk, thursday)
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.handover_weekday": 4})
    assert cash_drawer.handover_due(desk, thursday) and not cash_drawer.handover_due(desk, friday)
    cash_drawer.hand_over(desk, "王会计")
    assert not cash_drawer.handover_due(desk, thursday)


def test_the_slip_is_printed_archived_and_marked_when_printed_again(estate, tmp_path):
    desk, a, b = estate
    busy_shift(desk, a, b)
    row = cash_drawer.hand_over(desk, "王会计").value
    data = cash_print.slip_data(desk, row.id)
    assert data["total_fen"] == PROPERTY + 240000
    assert data["total_capitals"] == "贰仟陆佰叁拾捌元贰角捌分"
    assert data["cash_capitals"] == "壹仟柒佰叁拾捌元贰角捌分"
    assert data["handed_by"] == "张丽" and data["slip_no"] == "0001"
    printed = cash_print.print_slip(desk, row.id).value
    assert documents.pdf_of(desk, printed.id) == printed.pdf
    text = pdf_text(printed.pdf)
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
    again = cash_print.print_slip(desk, row.id).value
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
    assert data["money_pending"] == "抽屉现金应为 ¥1,738.28（尚未上缴过财务的现金，待上缴财务）"
    summary = {row["kind"]: row for row in data["summary"]}
    assert summary["收款"]["count"] == "3" and "0001001–0001004" in summary["收款"]["detail"]
    assert summary["收押金"] == {"kind": "收押金", "count": "1", "detail": "¥2,000.00"}
    assert summary["作废收据"]["detail"] == "0001004" and summary["退款"]["count"] == "1"


def test_a_shift_paying_back_more_cash_than_it_took_shows_the_drawer_not_a_debt(estate, clock):
    desk, a, b = estate
    held = busy_shift(desk, a, b)[2]  # the deposit, 1,500 of it still held, in the drawer
    clock.advance(hours=4)
    login.login(desk, "chen", PASSWORD, "中班")  # the next shift takes no money
    deposit_charge = [line.charge_id for line in receipts.receipt_lines(desk, held.receipt.id)][0]
    refunds.refund(
        desk,
        held.receipt.id,
        amount="1500",
        reason="装修完工退还余下押金",
        approval=approval(desk, "退费"),
        charge_id=deposit_charge,
    )
    data = handover.handover_report_data(desk, desk.shift.id)
    assert "现金退款 ¥1,500.00" in data["money_cash"]  # this shift alone: -1,500
    assert data["money_pending"].startswith("抽屉现金应为 ¥238.28")  # 1,738.28 − 1,500


def test_the_drawer_text_is_never_negative():
    text = cash_drawer.drawer_cash_text(-7872, None)
    assert text.startswith("抽屉现金应为 ¥0.00") and "多出 ¥78.72" in text
    assert "-" not in text
