"""The payment page (收款) by keyboard: the acceptance run — a cash payment for three
charges, its receipt printed, voided with a supervisor in the receipts page, taken
again — and partial amounts, prepaid credit, change and refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.core.money import format_fen
from desk_app.services.ledger import charges, late_fees, receipts_list, receipts_print
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.storage import audit
from desk_app.ui.ledger.payment_dialogs import WaiveLateFeeDialog
from desk_app.ui.ledger.payment_page import PaymentPage
from desk_app.ui.ledger.receipt_dialogs import VoidReceiptDialog
from desk_app.ui.ledger.receipts_page import ReceiptsPage
from tests.builders.ledger import PROPERTY_MONTH_FEN, fill_until_full, money_rows, property_months
from tests.builders.ledger import receipt_estate as ledger_estate
from tests.builders.pdf import pdf_pages, squash
from tests.builders.ui import (
    CTRL,
    change_events,
    find_unit,
    show_ledger_page,
    supervisor_approves,
    tab_walk,
    type_text,
    written_elsewhere,
)


@pytest.fixture
def estate(staffed_desk):
    """3-2-501 owes property fees for August, September and October (due on the 15th;
    today is 2026-11-20, so each carries a late fee)."""
    unit = ledger_estate(staffed_desk)
    ids = property_months(staffed_desk, unit.id, "2026-08", "2026-09", "2026-10")
    return staffed_desk, unit, ids


@pytest.fixture
def page(estate, hub, qtbot):
    desk, _unit, _ids = estate
    return show_ledger_page(qtbot, PaymentPage(desk, hub))


def focused():
    return QApplication.focusWidget()


def owing_cells(page, column):
    model = page.owing_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_cash_for_three_charges_voided_and_taken_again(estate, page, hub, qtbot, when_modal, shown):
    desk, unit, ids = estate
    fees = {f.charge_id: f.fee_fen for f in late_fees.late_fees(desk, unit.id)}
    due = 3 * PROPERTY_MONTH_FEN + sum(fees.values())
    events = change_events(hub)

    # --- the unit by its room, its debts with their ages and, apart, the late fees
    assert focused() is page.search_edit
    find_unit(qtbot, page, "3-2-501")
    assert page.unit_id == unit.id and page.unit_label.text() == "3-2-501"
    assert "3栋2单元501" in page.contact_label.text() and "张三" in page.contact_label.text()
    assert focused() is page.owing_view
    assert owing_cells(page, 2) == ["2026-08", "2026-09", "2026-10"]
    assert owing_cells(page, 4) == ["3", "2", "1"]  # 账龄（月）
    assert owing_cells(page, 7) == ["238.28"] * 3
    assert page.balance_label.text() == format_fen(3 * PROPERTY_MONTH_FEN)
    assert page.late_fees_model.rowCount() == 3
    assert page.late_fee_label.text() == format_fen(sum(fees.values()))

    # --- tick the three with Space, 现金 by its key, the cash tendered, Ctrl+Enter
    view = page.owing_view
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert page.owing_model.ticked_ids() == ids
    assert page.total_label.text() == format_fen(due)  # the late fees are charged with them
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert focused() is page.method_choice
    qtbot.keyClick(page.method_choice, Qt.Key.Key_1)
    assert page.method_choice.value() == "现金"
    assert focused() is page.tendered_edit
    qtbot.keyClicks(page.tendered_edit, "800")
    assert page.change_label.text() == format_fen(80000 - due)
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)

    # --- the receipt: taken, archived with every copy, shown; the page ready again
    assert page.error_text() == ""
    recorded = [i for e in events if e.did("payment_received") for i in e.ids("receipts")]
    [first_id] = recorded
    first = ledger_receipts.receipt(desk, first_id)
    assert first.number_text == "0001001" and first.total_fen == due and first.method == "现金"
    assert first.tendered_fen == 80000
    [archived] = receipts_print.receipt_prints(desk, first_id)
    [(pdf, title)] = shown.previews
    assert title == "收款收据 №0001001" and archived.copy_mark is None
    pages = pdf_pages(pdf)
    assert len(pages) == 3 and "记账联" in pages[2]
    assert f"合计人民币（大写）：{ledger_capitals(due)}" in squash(pages[1])
    assert page.unit_id is None and page.search_edit.text() == ""
    assert focused() is page.search_edit
    assert "0001001" in page.last_label.text()
    assert format_fen(80000 - due) in page.last_label.text()
    assert charges.owing(desk, unit.id) == []

    # --- void it in the receipts page, with a supervisor's approval
    receipts = show_ledger_page(qtbot, ReceiptsPage(desk, hub))
    assert receipts.model.rowCount() == 1 and receipts.receipt.id == first_id

    def give_reason(dialog):
        type_text(qtbot, dialog.reason, "写错金额")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(VoidReceiptDialog, give_reason)
    supervisor_approves(qtbot, when_modal)
    qtbot.keyClick(receipts.view, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert ledger_receipts.receipt(desk, first_id).void
    assert status_of(receipts, 0) == "作废"
    ops = [e.operation for e in audit.entries_for_record(desk.db, "receipts", str(first_id))]
    assert "approval_granted" in ops and ops[-1] == "receipt_voided"

    # --- take it again, the owner found by name; what the void reopened is owed again
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    find_unit(qtbot, page, "张三")
    assert page.unit_id == unit.id
    assert page.owing_model.rowCount() == 6  # the three months and their late fees
    assert page.late_fees_model.rowCount() == 0  # charged once, not again
    qtbot.keyClick(page.owing_view, Qt.Key.Key_A, CTRL)
    assert page.total_label.text() == format_fen(due)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_1)
    qtbot.keyClicks(page.tendered_edit, str(due // 100 + 1))
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == ""
    recorded = [i for e in events if e.did("payment_received") for i in e.ids("receipts")]
    second = ledger_receipts.receipt(desk, recorded[-1])
    assert second.number == first.number + 1 and second.total_fen == due
    assert len(shown.previews) == 2

    # --- both listed, the void one still there as 作废
    assert receipts.model.rowCount() == 2
    listed = [receipts.model.receipt_at(r) for r in range(2)]
    assert [r.number_text for r in listed] == ["0001002", "0001001"]
    assert [receipts_list.status_text(r) for r in listed] == ["", "作废"]
    assert charges.owing(desk, unit.id) == []


def ledger_capitals(fen: int) -> str:
    from desk_app.core.capitals import amount_in_capitals

    return amount_in_capitals(fen)


def status_of(receipts, row):
    return receipts.model.index(row, receipts.model.STATUS).data()


def test_an_amount_is_spread_oldest_first(estate, page, qtbot, shown):
    desk, unit, ids = estate
    fees = {f.charge_id: f.fee_fen for f in late_fees.late_fees(desk, unit.id)}
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert page.amount_mode.isChecked() and focused() is page.amount_edit
    qtbot.keyClicks(page.amount_edit, "300")
    assert page.total_label.text() == "¥300.00"
    assert "1" in page.allocation_label.text()
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert focused() is page.method_choice
    qtbot.keyClick(page.method_choice, Qt.Key.Key_3)  # 支付宝
    assert not page.tendered_edit.isVisible()
    qtbot.keyClick(page.customer_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == ""
    [receipt] = ledger_receipts.receipts_of_unit(desk, unit.id)
    assert receipt.method == "支付宝" and receipt.total_fen == 30000
    left = {r.charge_id: r.outstanding_fen for r in charges.owing(desk, unit.id)}
    paid_second = 30000 - PROPERTY_MONTH_FEN - fees[ids[0]]
    assert left == {ids[1]: PROPERTY_MONTH_FEN - paid_second, ids[2]: PROPERTY_MONTH_FEN}
    assert len(shown.previews) == 1


def test_a_prepayment_is_kept_as_credit_and_used_later(estate, page, hub, qtbot):
    desk, unit, _ids = estate
    owed = charges.balance(desk, unit.id) + late_fees.late_fee_total(desk, unit.id)
    find_unit(qtbot, page, "3-2-501")
    page.amount_mode.setChecked(True)
    qtbot.keyClicks(page.amount_edit, "1000")
    assert "¥" in page.allocation_label.text()
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_5)  # 转账
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == ""
    credit = 100000 - owed
    assert charges.credit(desk, unit.id) == credit

    # December is billed later; the credit pays it with "Use credit"
    [december] = property_months(desk, unit.id, "2026-12", due_day=25)
    written_elsewhere(hub, "charges", december)
    find_unit(qtbot, page, "3-2-501")
    assert page.credit_label.text() == format_fen(credit)
    assert page.credit_button.isEnabled()
    assert owing_cells(page, 2) == ["2026-12"]
    qtbot.keyClick(page.owing_view, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: charges.owing(desk, unit.id) == [])
    assert charges.credit(desk, unit.id) == credit - PROPERTY_MONTH_FEN
    assert page.owing_model.rowCount() == 0
    assert page.credit_label.text() == format_fen(credit - PROPERTY_MONTH_FEN)
    assert not page.credit_button.isEnabled()
    assert december not in [r.charge_id for r in charges.owing(desk, unit.id)]


def test_change_is_shown_live_and_short_cash_is_refused(estate, page, qtbot):
    desk, unit, ids = estate
    fee = late_fees.late_fees(desk, unit.id)[0].fee_fen
    due = PROPERTY_MONTH_FEN + fee
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Space)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_1)
    qtbot.keyClicks(page.tendered_edit, "200")
    assert page.change_label.text() == page.tr("short {fen}").format(fen=format_fen(due - 20000))
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text().startswith("实收现金不足")
    assert focused() is page.tendered_edit
    assert ledger_receipts.receipts_of_unit(desk, unit.id) == []
    page.tendered_edit.selectAll()
    qtbot.keyClicks(page.tendered_edit, "300")
    assert page.change_label.text() == format_fen(30000 - due)
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)
    [receipt] = ledger_receipts.receipts_of_unit(desk, unit.id)
    assert receipt.total_fen == due and receipt.tendered_fen == 30000
    assert format_fen(30000 - due) in page.last_label.text()
    assert [r.charge_id for r in charges.owing(desk, unit.id)] == ids[1:]


def test_nothing_ticked_or_no_unit_is_refused_in_chinese(estate, page, qtbot):
    desk, unit, _ids = estate
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == page.tr("Choose a unit first.")
    assert focused() is page.search_edit
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == page.tr("Tick the charges paid (Space), or pay an amount (Alt+A).")
    assert focused() is page.owing_view
    page.amount_mode.setChecked(True)
    qtbot.keyClicks(page.amount_edit, "abc")
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() == "金额格式不正确：abc"
    assert focused() is page.amount_edit
    assert ledger_receipts.receipts_of_unit(desk, unit.id) == []


def test_escape_clears_for_the_next_owner(estate, page, qtbot):
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Space)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Escape)
    assert page.unit_id is None and page.owing_model.rowCount() == 0
    assert focused() is page.search_edit


def test_a_late_fee_is_waived_with_finance_consent_and_a_supervisor(
    estate, page, hub, qtbot, when_modal
):
    desk, unit, ids = estate
    events = change_events(hub)
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Down)  # September
    september = late_fees.late_fees(desk, unit.id)[1]
    assert september.charge_id == ids[1]

    def fill(dialog):
        assert dialog.fee.charge_id == ids[1]
        type_text(qtbot, dialog.reason, "业主住院，事先来电说明")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.error_text() == "请填写财务部同意情况（经办人、方式）。"
        assert dialog.focusWidget() is dialog.consent
        type_text(qtbot, dialog.consent, "财务部王会计电话同意")
        supervisor_approves(qtbot, when_modal)
        qtbot.keyClick(dialog.consent, Qt.Key.Key_Return)

    when_modal(WaiveLateFeeDialog, fill)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: any(e.touches("late_fee_waivers") for e in events))
    fees = {f.charge_id: f.waived for f in late_fees.late_fees(desk, unit.id)}
    assert fees == {ids[0]: False, ids[1]: True, ids[2]: False}
    waived = page.late_fees_model.index(1, page.late_fees_model.WAIVED).data()
    assert waived == page.late_fees_model.tr("waived")
    total = sum(f.fee_fen for f in late_fees.late_fees(desk, unit.id) if not f.waived)
    assert page.late_fee_label.text() == format_fen(total)
    page.owing_view.setFocus()
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Space)  # September, without its late fee
    assert page.total_label.text() == format_fen(PROPERTY_MONTH_FEN)


def test_a_full_disk_is_shown_and_the_next_payment_takes_the_next_number(
    estate, page, hub, qtbot, shown
):
    desk, unit, ids = estate
    _refused, last_kept = fill_until_full(desk, unit.id)
    before = money_rows(desk)
    events = change_events(hub)
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_A, CTRL)  # all three, with their late fees
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_2)  # 微信
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)

    assert page.error_text() == "磁盘已满，数据未保存。请清理磁盘空间后重试。"
    assert money_rows(desk) == before and events == [] and shown.previews == []
    assert page.unit_id == unit.id and page.owing_model.ticked_ids() == ids  # kept

    desk.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert page.error_text() == ""
    [receipt_id] = [i for e in events if e.did("payment_received") for i in e.ids("receipts")]
    assert ledger_receipts.receipt(desk, receipt_id).number == last_kept + 1
    assert len(events) == 2  # the payment, then its printed receipt: one event each


def test_tab_walks_the_payment_page_in_reading_order(estate, page, qtbot):
    find_unit(qtbot, page, "3-2-501")
    assert tab_walk(qtbot, page.search_edit, 12) == [
        "payment_search",
        "owing_view",
        "amount_mode",
        "method_choice",
        "payment_tendered",
        "payment_customer",
        "payment_note",
        "take_payment",
        "clear_payment",
        "new_charge",
        "adjust_charge",
        "payment_search",
    ]
