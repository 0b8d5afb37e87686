"""Fee-ledger rules: exact integer money, allocation, late fees, arrears stages, receipt books."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.errors import ValidationError
from desk_app.core.ledger_rules import (
    Owing,
    ReceiptBook,
    allocate_oldest_first,
    allocate_with_late_fees,
    arrears_stage,
    change_fen,
    late_fee_fen,
    metered_fen,
    months_overdue,
    overlaps,
    property_fee_fen,
    utility_step,
)

D = date(2026, 1, 31)


def test_property_fee_from_area_and_rate():
    assert property_fee_fen(12880, 1850) == 23828  # 128.80 m² × ¥1.85
    assert property_fee_fen(8950, 1855, months=3) == 49807  # 89.50 × 1.855 × 3 = 498.0675
    assert property_fee_fen(0, 1850) == 0


@given(st.integers(0, 10**7), st.integers(0, 10**5), st.integers(0, 24))
def test_property_fee_is_exact_half_up(area, rate, months):
    fee = property_fee_fen(area, rate, months)
    exact_times_1000 = area * rate * months
    assert isinstance(fee, int)
    assert fee * 1000 - 500 <= exact_times_1000 < fee * 1000 + 500


def test_metered_charge_minimum_and_absurd_readings():
    charge = metered_fen(123450, 135450, 565)  # 120 kWh at ¥0.565
    assert charge.usage_centi == 12000 and charge.amount_fen == 6780
    assert metered_fen(100, 150, 565, minimum_fen=500).amount_fen == 500
    with pytest.raises(ValidationError, match="小于上次读数"):
        metered_fen(500, 400, 565)
    with pytest.raises(ValidationError, match="超过平时的 10 倍"):
        metered_fen(0, 100_001, 565, typical_usage_centi=10_000)


def test_allocation_oldest_first_with_credit():
    owing = [
        Owing(3, date(2026, 3, 1), 10_000),
        Owing(1, date(2026, 1, 1), 10_000),
        Owing(2, date(2026, 2, 1), 10_000),
    ]
    result = allocate_oldest_first(25_000, owing)
    assert result.paid == ((1, 10_000), (2, 10_000), (3, 5_000)) and result.credit_fen == 0
    result = allocate_oldest_first(40_000, owing)
    assert result.credit_fen == 10_000
    with pytest.raises(ValidationError):
        allocate_oldest_first(0, owing)


@given(
    st.integers(1, 10**9),
    st.lists(
        st.tuples(st.integers(0, 3650), st.integers(0, 10**7)),
        max_size=30,
    ),
)
def test_allocation_conserves_every_fen(amount, rows):
    owing = [Owing(i, D + timedelta(days=d), fen) for i, (d, fen) in enumerate(rows)]
    result = allocate_oldest_first(amount, owing)
    assert sum(p for _, p in result.paid) + result.credit_fen == amount
    outstanding = {o.charge_id: o.outstanding_fen for o in owing}
    assert all(0 < p <= outstanding[i] for i, p in result.paid)
    assert result.credit_fen == 0 or all(
        p == outstanding[i] for i, p in result.paid
    )  # credit only once everything is paid


@given(
    st.integers(1, 10**9),
    st.lists(
        st.tuples(st.integers(0, 3650), st.integers(0, 10**7), st.integers(0, 10**5)),
        max_size=30,
    ),
)
def test_allocation_with_late_fees_conserves_every_fen(amount, rows):
    owing = [Owing(i, D + timedelta(days=d), fen) for i, (d, fen, _) in enumerate(rows)]
    fees = {i: fee for i, (_, _, fee) in enumerate(rows)}
    result = allocate_with_late_fees(amount, owing, fees)
    paid = sum(p for _, p in result.paid) + sum(result.fees_paid.values())
    assert paid + result.credit_fen == amount
    outstanding = {o.charge_id: o.outstanding_fen for o in owing}
    settled = {i for i, p in result.paid if p == outstanding[i]}
    # a fee is charged exactly when its charge is settled, and paid at most in full
    assert set(result.fees_charged) == {i for i in settled if fees[i] > 0}
    assert all(0 < result.fees_paid[i] <= result.fees_charged[i] for i in result.fees_paid)
    assert result.credit_fen == 0 or result.fees_paid == result.fees_charged


def test_change_for_cash():
    assert change_fen(50_000, 47_350) == 2_650
    with pytest.raises(ValidationError, match="实收现金不足"):
        change_fen(40_000, 47_350)


def test_late_fee_daily_rate_grace_and_cap():
    # ¥1,000 at 万分之五 per day, 30 days after the grace date: ¥15.00
    assert late_fee_fen(100_000, D, D + timedelta(days=30), daily_rate_wan=5) == 1_500
    assert late_fee_fen(100_000, D, D, daily_rate_wan=5) == 0
    assert late_fee_fen(100_000, D, D - timedelta(days=3), daily_rate_wan=5) == 0
    capped = late_fee_fen(100_000, D, D + timedelta(days=1000), daily_rate_wan=5, cap_percent=20)
    assert capped == 20_000


@given(st.integers(0, 10**8), st.integers(0, 2000), st.integers(0, 100))
def test_late_fee_grows_with_time_and_stays_integer(amount, days, rate):
    earlier = late_fee_fen(amount, D, D + timedelta(days=days), daily_rate_wan=rate)
    later = late_fee_fen(amount, D, D + timedelta(days=days + 1), daily_rate_wan=rate)
    assert isinstance(earlier, int) and 0 <= earlier <= later


@pytest.mark.parametrize(
    ("due", "on", "months", "stage"),
    [
        (date(2026, 1, 31), date(2026, 1, 31), 0, 0),
        (date(2026, 1, 31), date(2026, 2, 28), 0, 0),
        (date(2026, 1, 31), date(2026, 3, 1), 1, 1),
        (date(2026, 1, 15), date(2026, 3, 15), 2, 2),
        (date(2026, 1, 15), date(2026, 4, 15), 3, 3),
        (date(2025, 1, 15), date(2026, 4, 15), 15, 3),
    ],
)
def test_months_overdue_and_stage(due, on, months, stage):
    assert months_overdue(due, on) == months
    assert arrears_stage(months) == stage


@pytest.mark.parametrize(
    ("days", "step"), [(0, None), (3, None), (4, "书面通知"), (7, "书面通知"), (8, "停供")]
)
def test_utility_steps(days, step):
    assert utility_step(days) == step


@given(st.integers(1, 9_000_000), st.integers(0, 500))
def test_receipt_book_numbers_are_consecutive_without_gaps(first, size):
    book = ReceiptBook(first, first + size)
    numbers, last = [], None
    for _ in range(book.size):
        last = book.next_after(last)
        numbers.append(last)
    assert numbers == list(range(book.first, book.last + 1))
    with pytest.raises(ValidationError, match="已用完"):
        book.next_after(last)


def test_receipt_book_checks():
    assert ReceiptBook(1234, 1283).text(1234) == "0001234"
    with pytest.raises(ValidationError):
        ReceiptBook(50, 10)
    with pytest.raises(ValidationError):
        ReceiptBook(0, 10)
    with pytest.raises(ValueError):
        ReceiptBook(100, 150).next_after(99)
    assert overlaps(ReceiptBook(100, 150), ReceiptBook(150, 200))
    assert not overlaps(ReceiptBook(100, 149), ReceiptBook(150, 200))
