"""The receipts page (收据): the list with its statuses and filters, 补打, 换开发票 and
退费 with the 现金付出单 printed, by keyboard through the real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from desk_app.core.money import format_fen
from desk_app.services.directory import estate as directory_estate
from desk_app.services.ledger import (
    charges,
    late_fees,
    payments,
    receipts_list,
    receipts_print,
    refunds,
)
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.storage import audit
from desk_app.ui.ledger.receipt_dialogs import (
    InvoiceExchangeDialog,
    RefundDialog,
    VoidReceiptDialog,
)
from desk_app.ui.ledger.receipts_page import ReceiptsPage
from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from tests.builders.ledger import receipt_estate as ledger_estate
from tests.builders.pdf import pdf_pages, squash
from tests.builders.staff import PASSWORD
from tests.builders.ui import change_events, supervisor_approves, type_text
from tests.builders.ui import show_ledger_page as show

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def estate(staffed_desk):
    """Three receipts: №1001 a renovation deposit of 2000 (3-2-501), №1002 parking for
    3-1-501, №1003 for 3-2-501 paid 500 against a 238.28 December charge (the rest credit)."""
    desk = staffed_desk
    unit = ledger_estate(desk)
    other = directory_estate.find_unit(desk, "3-1-501")
    deposit = charges.post_charge(
        desk, unit.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    ).value
    first = payments.take_payment(
        desk, unit.id, method="现金", charge_ids=[deposit.charge_id]
    ).value
    parking = charges.post_charge(
        desk, other.id, "parking", due_on="2026-11-25", period="2026-11"
    ).value
    second = payments.take_payment(
        desk, other.id, method="微信", charge_ids=[parking.charge_id]
    ).value
    charges.post_charge(desk, unit.id, "property", due_on="2026-12-25", period="2026-12")
    third = payments.take_payment(desk, unit.id, method="转账", amount="500").value
    return desk, unit, other, [first.receipt, second.receipt, third.receipt], deposit.charge_id


@pytest.fixture
def page(estate, hub, qtbot):
    desk = estate[0]
    return show(qtbot, ReceiptsPage(desk, hub))


def numbers(page):
    return [page.model.receipt_at(r).number_text for r in range(page.model.rowCount())]


def statuses(page):
    return [page.model.index(r, page.model.STATUS).data() for r in range(page.model.rowCount())]


def choose(page, number_text):
    page.select_row(numbers(page).index(number_text))


def test_the_list_newest_first_with_filters(estate, page, qtbot):
    desk, unit, other, receipts, _deposit = estate
    assert numbers(page) == ["0001003", "0001002", "0001001"]
    row = page.model.receipt_at(2)
    assert (row.unit_code, row.method, row.total_fen, row.drawer_name) == (
        "3-2-501",
        "现金",
        200000,
        "张丽",
    )
    assert page.model.index(2, page.model.TOTAL).data() == "¥2,000.00"
    assert page.model.index(2, page.model.CLERK).data() == "张丽"
    assert statuses(page) == ["", "", ""]

    qtbot.keyClicks(page.number_edit, "1002")
    qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    assert numbers(page) == ["0001002"] and page.receipt.id == receipts[1].id

    page.show_all()
    type_text(qtbot, page.unit_edit, "3-2-501")
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert numbers(page) == ["0001003", "0001001"]

    page.show_all()
    qtbot.keyClicks(page.number_edit, "12ab")
    qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    assert page.error_label.text() == "收据号码格式不正确：12ab"

    page.show_all()
    assert page.dates_check.text()
    page.dates_check.setChecked(True)
    page.from_edit.setDate(page.from_edit.date().addDays(30))  # after today
    page.to_edit.setDate(page.from_edit.date())
    assert numbers(page) == []
    page.dates_check.setChecked(False)
    assert len(numbers(page)) == 3


def test_reprint_marks_and_audits(estate, page, qtbot, shown):
    desk, _unit, _other, receipts, _deposit = estate
    choose(page, "0001002")
    qtbot.keyClick(page.view, Qt.Key.Key_P, CTRL)
    [(pdf, title)] = shown.previews
    assert "0001002" in title
    pages = pdf_pages(pdf)
    assert len(pages) == 3 and all("补打" in p for p in pages)
    ops = [e.operation for e in audit.entries_for_record(desk.db, "receipts", str(receipts[1].id))]
    assert ops[-1] == "receipt_reprinted"


def test_invoice_exchange_records_the_number(estate, page, qtbot, when_modal):
    desk, _unit, _other, receipts, _deposit = estate
    choose(page, "0001002")

    def wrong_then_right(dialog):
        type_text(qtbot, dialog.invoice_no, "发票1")
        qtbot.keyClick(dialog.invoice_no, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error_text() == "发票号码格式不正确：发票1"
        dialog.invoice_no.clear()
        qtbot.keyClicks(dialog.invoice_no, "fp-00012345")
        qtbot.keyClick(dialog.invoice_no, Qt.Key.Key_Return)

    when_modal(InvoiceExchangeDialog, wrong_then_right)
    qtbot.keyClick(page.view, Qt.Key.Key_I, CTRL)
    assert ledger_receipts.receipt(desk, receipts[1].id).invoice_no == "FP-00012345"
    assert statuses(page)[numbers(page).index("0001002")] == "已换发票"
    assert "FP-00012345" in page.detail_label.text()
    # taken back for an invoice: neither voided nor exchanged twice
    assert not page.named_actions["void"].isEnabled()
    assert not page.named_actions["invoice"].isEnabled()
    assert page.named_actions["reprint"].isEnabled()


def test_deposit_refund_prints_the_voucher(estate, page, hub, qtbot, when_modal, shown):
    desk, unit, _other, receipts, deposit_id = estate
    events = change_events(hub)
    choose(page, "0001001")
    seen = {}

    def fill(dialog):
        seen["kind"] = dialog.kind_combo.currentText()
        seen["amount"] = dialog.amount.text()
        seen["payee"] = dialog.payee.text()
        type_text(qtbot, dialog.reason, "装修验收合格，退装修押金")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(RefundDialog, fill)
    supervisor_approves(qtbot, when_modal)
    qtbot.keyClick(page.view, Qt.Key.Key_R, CTRL_SHIFT)
    assert seen["amount"] == "2000.00" and seen["payee"] == "张三"
    assert "装修押金" in seen["kind"] and "¥2,000.00" in seen["kind"]

    [refund] = refunds.refunds_of_receipt(desk, receipts[0].id)
    assert refund.charge_id == deposit_id and refund.amount_fen == 200000
    assert refund.voucher_no == "TK20261120-0001" and refund.payee == "张三"
    changed = [e for e in events if e.touches("refunds")]
    assert len(changed) == 1 and changed[0].keys("refunds")
    assert statuses(page)[numbers(page).index("0001001")] == "已退费"
    assert not page.named_actions["void"].isEnabled()

    [(pdf, title)] = shown.previews
    assert title == "现金付出单 №TK20261120-0001"
    [voucher] = pdf_pages(pdf)
    text = squash(voucher)
    for expected in (
        "现金付出单",
        "领款人：张三",
        "房号/单位：3栋2单元501",
        "退款事由：装修验收合格，退装修押金",
        "原收据号：0001001",
        "金额（小写）：￥2,000.00",
        "金额人民币（大写）：贰仟元整",
        "批准人：李主管",
        "经办人：张丽",
        "收款人（签字）：",
    ):
        assert expected in text, expected
    [archived] = receipts_print.voucher_prints(desk, refund.id)
    assert archived.copy_mark is None
    ops = [e.operation for e in audit.entries_for_record(desk.db, "refunds", str(refund.id))]
    assert "approval_granted" in ops and "refund_paid" in ops


def test_unused_credit_refund_and_its_limit(estate, page, qtbot, when_modal, shown):
    desk, unit, _other, receipts, _deposit = estate
    credit = 50000 - 23828
    assert charges.credit(desk, unit.id) == credit
    choose(page, "0001003")

    def too_much_then_less(dialog):
        assert dialog.kind_combo.count() == 1
        assert format_fen(credit) in dialog.kind_combo.currentText()
        assert dialog.amount.text() == "261.72"
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "300")
        qtbot.keyClicks(dialog.reason, "overpaid")
        supervisor_approves(qtbot, when_modal)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.error_text() == f"退费金额超过可退的预收款余额 {format_fen(credit)} 元。"
        assert dialog.focusWidget() is dialog.amount
        qtbot.keyClicks(dialog.amount, "100")
        supervisor_approves(qtbot, when_modal)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    when_modal(RefundDialog, too_much_then_less)
    qtbot.keyClick(page.view, Qt.Key.Key_R, CTRL_SHIFT)
    [refund] = refunds.refunds_of_receipt(desk, receipts[2].id)
    assert refund.charge_id is None and refund.amount_fen == 10000
    assert charges.credit(desk, unit.id) == credit - 10000
    assert len(shown.previews) == 1 and "现金付出单" in shown.previews[0][1]


def test_void_needs_a_supervisor(estate, page, qtbot, when_modal):
    desk, _unit, _other, receipts, _deposit = estate
    choose(page, "0001002")

    def reason(dialog):
        type_text(qtbot, dialog.reason, "重复收款")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        # the clerk chen cannot approve; the supervisor dialog is cancelled
        assert dialog.error_text() == "未获客服主管批准，未执行。"
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)

    def clerk_tries(dialog):
        qtbot.keyClicks(dialog.username, "chen")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.error_text() == "「陈静」没有客服主管权限，不能批准。"
        qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)

    when_modal(VoidReceiptDialog, reason)
    when_modal(SupervisorApprovalDialog, clerk_tries)
    qtbot.keyClick(page.view, Qt.Key.Key_D, CTRL_SHIFT)
    assert not ledger_receipts.receipt(desk, receipts[1].id).void
    assert statuses(page) == ["", "", ""]
    assert receipts_list.count_receipts(desk, receipts_list.make_query()) == 3


def test_mnemonics_are_unique_and_clear_of_the_menus(estate, hub, qtbot):
    from desk_app.ui.actions import MAIN_MENUS
    from desk_app.ui.ledger.payment_dialogs import WaiveLateFeeDialog
    from desk_app.ui.ledger.payment_page import PaymentPage
    from tests.builders.ui import mnemonics

    desk, _unit, _other, receipts, _deposit = estate
    menus = set(mnemonics(spec.text for spec in MAIN_MENUS))
    fee = late_fees.LateFee(1, "物业服务费 2026-08", "2026-08-15", 23828, 97, 1156, False)
    widgets = {
        "payment": (PaymentPage(desk, hub), True),
        "receipts": (ReceiptsPage(desk, hub), True),
        "void": (VoidReceiptDialog(desk, hub, receipts[1], None), False),
        "invoice": (InvoiceExchangeDialog(desk, hub, receipts[1], None), False),
        "refund": (RefundDialog(desk, hub, receipts[0], None), False),
        "waive": (WaiveLateFeeDialog(desk, hub, fee, None), False),
    }
    for name, (widget, in_window) in widgets.items():
        qtbot.addWidget(widget)
        texts = [label.text() for label in widget.findChildren(QLabel)]
        texts += [button.text() for button in widget.findChildren(QAbstractButton)]
        keys = mnemonics(texts)
        assert len(keys) == len(set(keys)), (name, sorted(keys))
        if in_window:
            assert not set(keys) & menus, (name, set(keys) & menus)
