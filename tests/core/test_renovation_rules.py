"""Renovation rules: the fee by area rounds to the nearest fen (half up) in integers; the
permit's period; the works items."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.core import renovation as rules
from desk_app.core.errors import ValidationError

areas = st.integers(min_value=0, max_value=10_000_000)  # up to 100,000 ㎡ in 1/100 ㎡
prices = st.integers(min_value=0, max_value=100_000)  # up to 1,000 元 per ㎡


@given(areas, prices)
def test_the_fee_by_area_is_the_exact_amount_rounded_half_up(area, price):
    exact = Fraction(area * price, 100)
    fee = rules.area_fee_fen(area, price)
    assert isinstance(fee, int)
    assert -Fraction(1, 2) < fee - exact <= Fraction(1, 2)
    if (exact - int(exact)) == Fraction(1, 2):
        assert fee == int(exact) + 1  # half a fen goes up


@given(areas, areas, prices)
def test_a_larger_unit_never_pays_less(a, b, price):
    small, large = sorted((a, b))
    assert rules.area_fee_fen(small, price) <= rules.area_fee_fen(large, price)


def test_the_fee_of_a_flat():
    assert rules.area_fee_fen(12880, 300) == 38640  # 128.80 ㎡ × 3.00 元
    assert rules.area_fee_fen(12345, 150) == 18518  # 185.175 → 185.18
    with pytest.raises(ValueError):
        rules.area_fee_fen(-1, 100)


def test_waste_by_area_or_flat():
    assert rules.waste_fee_fen(12880, 150, 30000) == 19320
    assert rules.waste_fee_fen(None, 0, 30000) == 30000
    with pytest.raises(ValidationError):
        rules.waste_fee_fen(None, 150, 30000)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 12, 10), 3, date(2027, 3, 9)),
        (date(2026, 11, 30), 3, date(2027, 2, 27)),  # no 30 February: the 28th, less a day
        (date(2026, 1, 1), 12, date(2026, 12, 31)),
    ],
)
def test_the_permit_runs_the_period_less_a_day(start, months, end):
    assert rules.permit_end(start, months) == end


def test_the_works_keep_the_checklists_order():
    checklist = ["水电改造", "墙体拆改", "吊顶"]
    assert rules.check_works(["吊顶", "水电改造"], checklist, no_load_bearing=False) == [
        "水电改造",
        "吊顶",
    ]
    with pytest.raises(ValidationError, match="承重"):
        rules.check_works(["拆改承重墙"], checklist + ["拆改承重墙"], no_load_bearing=True)
    with pytest.raises(ValidationError, match="不涉及承重墙"):
        rules.check_works(["墙体拆改"], checklist, no_load_bearing=False)


def test_the_working_hours_text():
    assert rules.hours_text("08:00-12:00 14:00-18:00", False) == (
        "工作日 08:00–12:00、14:00–18:00；休息日不得施工"
    )
