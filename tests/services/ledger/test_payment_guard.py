"""Nothing is booked that cannot be printed, and a payment that leaves a year's worth of
credit is confirmed first (the ¥5,000,000 typed for a unit owing ¥9k)."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.desk import settings
from desk_app.services.ledger import charges, payments, receipts_print
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.shifts import login
from tests.builders.ledger import charge, money_rows, months, payment_estate
from tests.builders.staff import PASSWORD

MONTH_FEN = 23828  # 128.80 m² × 1.85


@pytest.fixture
def estate(staffed_desk):
    unit = payment_estate(staffed_desk)
    months(staffed_desk, unit, "2026-09", "2026-10")
    return staffed_desk, unit


def test_an_amount_whose_receipt_cannot_print_is_refused_and_nothing_is_written(estate):
    desk, unit = estate
    before = money_rows(desk)
    with pytest.raises(ValidationError, match="收据打印不出") as refused:
        payments.take_payment(
            desk, unit.id, method="微信", amount="5000000", prepayment_confirmed=True
        )
    assert refused.value.field == "amount"
    assert "¥999,999.99" in refused.value.message and "预收款" in refused.value.message
    assert money_rows(desk) == before
    payment = payments.take_payment(desk, unit.id, method="微信", amount="476.56").value
    assert payment.receipt.number == 1001  # the refused one took no number


def test_the_limit_is_the_receipt_forms_digit_boxes(estate):
    desk, unit = estate
    limit = receipts_print.LINE_LIMIT_FEN
    assert limit == 99_999_999
    credit_fen = limit - 2 * MONTH_FEN
    done = payments.take_payment(
        desk,
        unit.id,
        method="转账",
        amount=f"{limit / 100:.2f}",
        prepayment_confirmed=True,
    ).value
    assert charges.credit(desk, unit.id) == credit_fen
    receipts_print.print_receipt(desk, done.receipt.id)  # prints: the largest line fits


def test_lines_merged_on_the_receipt_are_checked_as_printed(estate):
    desk, unit = estate
    # Six charges of one item: each fits its line, merged into one printed line they do not.
    ids = [charge(desk, unit.id, "parking", "2026-11-01", amount="200000") for _ in range(6)]
    before = money_rows(desk)
    with pytest.raises(ValidationError, match="收据打印不出"):
        payments.take_payment(desk, unit.id, method="转账", charge_ids=ids)
    assert money_rows(desk) == before
    assert ledger_receipts.receipts_of_unit(desk, unit.id) == []


def test_a_large_prepayment_is_confirmed_with_the_amount_in_capitals(estate):
    desk, unit = estate
    owed = 2 * MONTH_FEN
    year = 12 * MONTH_FEN
    within = f"{(owed + year) / 100:.2f}"
    beyond = f"{(owed + year + 1) / 100:.2f}"
    assert payments.large_prepayment(desk, unit.id, amount=within) is None
    large = payments.large_prepayment(desk, unit.id, amount=beyond)
    assert large is not None and large.credit_fen == year + 1
    assert "人民币贰仟捌佰伍拾玖元叁角柒分" in large.question()
    with pytest.raises(ValidationError, match="请核对金额后确认") as refused:
        payments.take_payment(desk, unit.id, method="微信", amount=beyond)
    assert refused.value.field == "amount"
    assert ledger_receipts.receipts_of_unit(desk, unit.id) == []
    payments.take_payment(desk, unit.id, method="微信", amount=beyond, prepayment_confirmed=True)
    assert charges.credit(desk, unit.id) == year + 1


def test_the_multiple_is_a_setting(estate):
    desk, unit = estate
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"ledger.prepay_confirm_months": 2})
    assert payments.large_prepayment(desk, unit.id, amount=f"{5 * MONTH_FEN / 100:.2f}")
    settings.update(desk, {"ledger.prepay_confirm_months": 3})
    assert payments.large_prepayment(desk, unit.id, amount=f"{5 * MONTH_FEN / 100:.2f}") is None


def test_a_unit_never_charged_is_measured_against_the_estate(estate):
    desk, unit = estate
    other = charges.unit_row(desk, unit.id + 1)
    assert payments.large_prepayment(desk, other.id, amount=f"{12 * MONTH_FEN / 100:.2f}") is None
    assert payments.large_prepayment(desk, other.id, amount=f"{(12 * MONTH_FEN + 1) / 100:.2f}")
