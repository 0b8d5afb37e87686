"""Time-limit rules and daily numbering as pure functions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core import deadlines
from desk_app.core.clock import CHINA_TZ
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_quantity, line_amount_fen, parse_quantity_centi
from desk_app.core.numbering import next_number, parse_number

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=CHINA_TZ)
LIMITS = deadlines.Limits()


@pytest.mark.parametrize(
    ("elapsed", "state"),
    [
        (timedelta(0), deadlines.ON_TIME),
        (timedelta(minutes=1, seconds=59), deadlines.ON_TIME),
        (timedelta(minutes=2), deadlines.NEAR),
        (timedelta(minutes=2, seconds=59), deadlines.NEAR),
        (timedelta(minutes=3), deadlines.LATE),
        (timedelta(hours=5), deadlines.LATE),
    ],
)
def test_dispatch_limit_of_three_minutes(elapsed, state):
    assert deadlines.dispatch_deadline(T0, LIMITS).state(T0 + elapsed) == state


def test_which_limit_runs_on_a_repair_order():
    def running(status, urgent=False, arrived=None):
        d = deadlines.repair_deadline(
            status=status, urgent=urgent, reported_at=T0, arrived_at=arrived, limits=LIMITS
        )
        return d and (d.kind, d.due_at - T0)

    assert running("登记") == (deadlines.DISPATCH, timedelta(minutes=3))
    assert running("登记", urgent=True) == (deadlines.DISPATCH, timedelta(minutes=3))
    assert running("已派工", urgent=True) == (deadlines.ONSITE, timedelta(minutes=15))
    assert running("已派工") is None
    assert running("已派工", urgent=True, arrived=T0) is None
    for status in ("维修中", "暂停", "转外单位", "已完工", "已回访", "已取消"):
        assert running(status, urgent=True) is None


def test_callback_limits():
    evening = T0.replace(hour=22)
    same_day = deadlines.repair_callback_deadline(evening, LIMITS)
    assert same_day.due_at == T0.replace(hour=23, minute=59, second=59)
    short = deadlines.repair_callback_deadline(evening, deadlines.Limits(callback_hours=1))
    assert short.due_at == evening + timedelta(hours=1)
    assert deadlines.complaint_callback_deadline(T0, LIMITS).due_at == T0 + timedelta(hours=72)
    assert deadlines.complaint_deadline(T0, LIMITS).due_at == T0 + timedelta(hours=24)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (45, "剩 45秒"),
        (120, "剩 2分钟"),
        (-300, "超时 5分钟"),
        (3 * 3600 + 600, "剩 3小时10分"),
        (-7200, "超时 2小时"),
        (3 * 86400 + 3600, "剩 3天1小时"),
    ],
)
def test_describe_left(seconds, text):
    assert deadlines.describe_left(seconds) == text


@given(st.integers(min_value=1, max_value=10_000), st.integers(min_value=0, max_value=3600))
def test_deadline_states_are_monotonic(window_seconds, step):
    due = T0 + timedelta(seconds=window_seconds)
    order = [deadlines.ON_TIME, deadlines.NEAR, deadlines.LATE]
    states = [
        order.index(deadlines.deadline_state(T0, due, T0 + timedelta(seconds=s)))
        for s in range(0, window_seconds + 2 * step + 2, max(step, 1))
    ]
    assert states == sorted(states)
    assert deadlines.deadline_state(T0, due, due) == deadlines.LATE


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(1, 400))
def test_daily_numbers_are_consecutive_unique_and_sort_in_order(day, count):
    numbers: list[str] = []
    last = None
    for _ in range(count):
        last = next_number("WX", day, last)
        numbers.append(last)
    assert numbers == sorted(numbers)
    assert len(set(numbers)) == count
    assert [parse_number(n) for n in numbers] == [("WX", day, i) for i in range(1, count + 1)]


def test_numbers_run_out_at_the_end_of_the_day_and_refuse_other_days():
    day = date(2026, 11, 20)
    assert next_number("JD", day, None) == "JD20261120-0001"
    with pytest.raises(ValidationError, match="已用完"):
        next_number("JD", day, "JD20261120-9999")
    with pytest.raises(ValueError):
        next_number("JD", day, "JD20261119-0005")
    assert parse_number("wx20261120-0007") == ("WX", day, 7)
    assert parse_number("WX20261340-0001") is None and parse_number("3-2-501") is None


@given(st.integers(0, 10_000_000), st.integers(1, 100_000_000))
def test_line_amount_is_exact_half_up(price_fen, quantity_centi):
    amount = line_amount_fen(price_fen, quantity_centi)
    exact_times_100 = price_fen * quantity_centi
    assert isinstance(amount, int)
    assert amount * 100 - 50 <= exact_times_100 < amount * 100 + 50


@given(st.integers(1, 99_999_999))
def test_quantity_round_trip(centi):
    assert parse_quantity_centi(format_quantity(centi)) == centi


@pytest.mark.parametrize("text", ["", "0", "-1", "1.234", "abc", "1e3", "1.", ".5x"])
def test_bad_quantities(text):
    with pytest.raises(ValidationError):
        parse_quantity_centi(text)
