"""The payment page guards the money: an amount whose receipt cannot print is refused at
its field, a large prepayment is asked about (in capitals) before anything is written, and
a message goes as soon as the clerk corrects what it was about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.services.ledger import charges
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.ui import messages
from desk_app.ui.ledger.payment_page import PaymentPage
from tests.builders.ledger import money_rows, months, payment_estate
from tests.builders.ui import CTRL, find_unit, show_ledger_page


@pytest.fixture
def estate(staffed_desk):
    unit = payment_estate(staffed_desk)
    months(staffed_desk, unit, "2026-09", "2026-10")  # 2 × ¥238.28
    return staffed_desk, unit


@pytest.fixture
def page(estate, hub, qtbot):
    desk, _unit = estate
    return show_ledger_page(qtbot, PaymentPage(desk, hub))


@pytest.fixture
def questions(monkeypatch):
    """The questions asked, answered with ``answers`` in turn (No when they run out)."""
    asked: list[str] = []
    answers: list[bool] = []

    def confirm(parent, text, title=None):
        asked.append(text)
        return answers.pop(0) if answers else False

    monkeypatch.setattr(messages, "confirm", confirm)
    return asked, answers


def pay_by_amount(qtbot, page, amount: str) -> None:
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.amount_edit, amount)
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_2)  # 微信
    qtbot.keyClick(page.customer_edit, Qt.Key.Key_Return, CTRL)


def test_five_million_is_refused_at_the_amount_and_nothing_is_booked(
    estate, page, qtbot, questions
):
    desk, unit = estate
    asked, answers = questions
    answers.append(True)  # even when the clerk confirms the prepayment
    before = money_rows(desk)
    pay_by_amount(qtbot, page, "5000000")
    assert page.error_text().startswith("收据打印不出这笔收款")
    assert asked == []  # nothing to confirm about a payment that cannot be taken
    assert QApplication.focusWidget() is page.amount_edit
    assert money_rows(desk) == before


def test_a_large_prepayment_is_asked_about_and_no_books_nothing(estate, page, qtbot, questions):
    desk, unit = estate
    asked, _answers = questions
    pay_by_amount(qtbot, page, "9000")
    [question] = asked
    assert "人民币捌仟伍佰贰拾叁元肆角肆分" in question  # ¥9,000 less ¥476.56 owed
    assert ledger_receipts.receipts_of_unit(desk, unit.id) == []
    assert QApplication.focusWidget() is page.amount_edit


def test_a_large_prepayment_confirmed_is_booked(estate, page, qtbot, questions):
    desk, unit = estate
    asked, answers = questions
    answers.append(True)
    pay_by_amount(qtbot, page, "9000")
    assert len(asked) == 1 and page.error_text() == ""
    [receipt] = ledger_receipts.receipts_of_unit(desk, unit.id)
    assert receipt.total_fen == 900000
    assert charges.credit(desk, unit.id) == 900000 - 2 * 23828


def test_an_ordinary_payment_asks_nothing(estate, page, qtbot, questions):
    desk, unit = estate
    asked, _answers = questions
    pay_by_amount(qtbot, page, "600")
    assert asked == [] and len(ledger_receipts.receipts_of_unit(desk, unit.id)) == 1


def test_a_message_goes_when_its_input_is_corrected(estate, page, qtbot):
    find_unit(qtbot, page, "3-2-501")
    qtbot.keyClick(page.owing_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.amount_edit, "-5")
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text() != ""
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Backspace)
    assert page.error_text() == ""

    page.amount_mode.setChecked(False)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Space)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_1)  # 现金
    qtbot.keyClicks(page.tendered_edit, "100")
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)
    assert page.error_text().startswith("实收现金不足")
    qtbot.keyClicks(page.tendered_edit, "0")
    assert page.error_text() == ""
