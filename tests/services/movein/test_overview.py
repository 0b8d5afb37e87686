"""The batch at a glance and the defects for the developer: the per-building counts of a
batch in every state, the defect list by building, open or late, who fixes each, and the
printed list's states in the core's words."""

from __future__ import annotations

from desk_app.core import movein as rules
from desk_app.services.movein import batches, defects, printing
from tests.builders.movein import progress_batch, repaired


def test_the_overview_counts_every_state_per_building(staffed_desk):
    built = progress_batch(staffed_desk)
    rows = {r.building: r for r in batches.overview(staffed_desk, built.batch.id)}
    assert list(rows) == ["3", "5"]
    three, five = rows["3"], rows["5"]
    assert (three.units, three.delivered, three.reservations, three.refused) == (4, 1, 1, 0)
    assert (three.in_progress, three.booked, three.not_booked) == (0, 1, 1)
    assert (five.units, five.delivered, five.reservations, five.refused) == (6, 0, 0, 1)
    assert (five.in_progress, five.booked, five.not_booked) == (1, 1, 3)


def test_the_defect_list_by_building_open_or_late(staffed_desk, clock):
    desk = staffed_desk
    built = progress_batch(desk)
    every = defects.defect_list(desk)
    assert [d.unit_code for d in every] == ["3-1-501", "3-1-501", "5-1-101", "5-1-102"]
    assert [d.id for d in defects.defect_list(desk, building="5")] == [
        built.defects["hollow"].id,
        built.defects["window"].id,
    ]
    assert [defects.fixer(d) for d in every] == ["工程部", "开发商维修单位", "工程部", "工程部"]
    assert defects.defect_list(desk, late_only=True) == []

    clock.advance(days=12)
    repaired(desk, built.defects["crack"])  # done: awaiting re-inspection, not late
    late = defects.defect_list(desk, late_only=True)
    assert {d.id for d in late} == {built.defects[n].id for n in ("leak", "hollow", "window")}
    assert [d.unit_code for d in defects.defect_list(desk, late_only=True, building="3")] == [
        "3-1-501"
    ]
    assert {d.due_on for d in late} == {"2026-12-01"}  # seven working days after 11-20
    assert all(defects.days_late(d, desk.now_text()) == 1 for d in late)

    defects.reinspect(desk, built.defects["crack"].id, True, "业主确认合格")
    assert len(defects.defect_list(desk, open_only=True)) == 3
    assert len(defects.defect_list(desk)) == 4


def test_the_printed_defect_list_says_the_states_in_the_core_words(staffed_desk, clock):
    desk = staffed_desk
    built = progress_batch(desk)
    repaired(desk, built.defects["crack"])
    defects.reinspect(desk, built.defects["crack"].id, True)
    repaired(desk, built.defects["leak"])
    unit_id = built.defects["crack"].unit_id
    data = printing.defect_list_data(desk, unit_id, printed_at=desk.now_text())
    states = [line["state"] for line in data["defects"]]  # type: ignore[union-attr]
    assert states == ["已复验", rules.AWAITING_REINSPECTION]
    assert set(states) <= {*rules.DEFECT_STATES, rules.AWAITING_REINSPECTION}
    assert data["summary_text"] == "共 2 项：已复验 1　待复验 1"
