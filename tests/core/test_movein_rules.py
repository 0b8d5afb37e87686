"""Move-in's pure rules: the unit's status once handed over, and which open charges are
paid at the hand-over."""

from __future__ import annotations

import pytest

from desk_app.core import movein
from desk_app.core.vocabularies import UNIT_STATUSES


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("空置", "已交房"),
        ("已交房", "已交房"),
        ("装修中", "装修中"),
        ("已入住", "已入住"),
        ("出租", "出租"),
    ],
)
def test_a_unit_not_yet_delivered_becomes_handed_over_and_no_other_goes_back(before, after):
    assert movein.status_after_handover(before) == after


def test_every_status_of_the_directory_has_its_answer():
    assert {movein.status_after_handover(s) for s in UNIT_STATUSES} <= set(UNIT_STATUSES)
    assert set(movein.PRE_DELIVERY_STATUSES) <= set(UNIT_STATUSES)


def test_what_is_paid_at_the_hand_over():
    today = "2026-11-20"
    assert movein.due_at_handover("2026-10-15", today, first_month=False)
    assert movein.due_at_handover("2026-11-20", today, first_month=False)
    assert not movein.due_at_handover("2026-12-15", today, first_month=False)
    assert movein.due_at_handover("2026-12-15", today, first_month=True)
