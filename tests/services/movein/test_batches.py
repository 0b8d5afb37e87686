"""Delivery batches: several slots added in one operation (all or none), the periods as a
clerk types them, codes typed in one field, and the batch's units with their owner in
the estate's natural order."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.movein import batches
from desk_app.services.movein.batches import BatchInput, SlotsInput
from tests.builders.movein import movein_estate


@pytest.fixture
def estate(staffed_desk):
    unit, _keys, batch = movein_estate(staffed_desk)
    return staffed_desk, unit, batch


def test_a_days_slots_in_one_operation(estate):
    desk, _unit, batch = estate
    done = batches.add_slots(
        desk, batch.id, SlotsInput("2026-11-25", "2026-11-26", "09:00-12:00, 14:00–17:00", 8)
    )
    assert [(s.day, s.starts, s.ends, s.capacity, s.booked) for s in done.value] == [
        ("2026-11-25", "09:00", "12:00", 8, 0),
        ("2026-11-25", "14:00", "17:00", 8, 0),
        ("2026-11-26", "09:00", "12:00", 8, 0),
        ("2026-11-26", "14:00", "17:00", 8, 0),
    ]
    assert done.changes.operations == ("movein_slots_added",)
    assert done.changes.ids("movein_slots") == {s.id for s in done.value}
    assert batches.slots(desk, batch.id) == done.value


def test_one_refused_slot_adds_none(estate):
    desk, _unit, batch = estate
    batches.add_slot(desk, batch.id, "2026-11-26", "14:00", "17:00", 4)
    with pytest.raises(ValidationError, match="2026-11-26 14:00 的时段已存在") as refused:
        batches.add_slots(
            desk, batch.id, SlotsInput("2026-11-25", "2026-11-27", "09:00-12:00 14:00-17:00", 8)
        )
    assert refused.value.field == "periods"
    assert [(s.day, s.starts) for s in batches.slots(desk, batch.id)] == [("2026-11-26", "14:00")]


@pytest.mark.parametrize(
    ("first", "last", "periods", "capacity", "message", "field"),
    [
        ("2026-11-10", "2026-11-10", "09:00-12:00", 5, "须在批次的交房日期内", "day"),
        ("2026-12-19", "2026-12-21", "09:00-12:00", 5, "须在批次的交房日期内", "last_day"),
        ("2026-11-26", "2026-11-25", "09:00-12:00", 5, "结束日期不能早于开始日期", "last_day"),
        ("2026-11-25", "", "", 5, "请填写时段", "periods"),
        ("2026-11-25", "", "上午", 5, "无法识别的时段：上午", "periods"),
        ("2026-11-25", "", "12:00-09:00", 5, "结束须晚于开始", "periods"),
        ("2026-11-25", "", "09:00-12:00 11:00-13:00", 5, "时段重叠：11:00 早于 12:00", "periods"),
        ("2026-11-25", "", "25:00-26:00", 5, "时:分", "periods"),
        ("2026-11-25", "", "09:00-12:00", 0, "可约户数应为 1–200", "capacity"),
    ],
)
def test_slots_refused(estate, first, last, periods, capacity, message, field):
    desk, _unit, batch = estate
    with pytest.raises(ValidationError, match=message) as refused:
        batches.add_slots(desk, batch.id, SlotsInput(first, last, periods, capacity))
    assert refused.value.field == field
    assert batches.slots(desk, batch.id) == []


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("09:00-12:00", [("09:00", "12:00")]),
        ("9:00-12:00 14:00-17:30", [("09:00", "12:00"), ("14:00", "17:30")]),
        ("14:00～17:00，9:00 至 11:30", [("09:00", "11:30"), ("14:00", "17:00")]),
        ("09：00—10：00、10:00 - 11:00", [("09:00", "10:00"), ("10:00", "11:00")]),
    ],
)
def test_periods_as_typed(text, periods):
    assert batches.parse_periods(text) == periods


def test_codes_typed_in_one_field():
    assert batches.split_codes(" 3, 5，7、8  9;10 ") == ("3", "5", "7", "8", "9", "10")
    assert batches.split_codes("") == ()


def test_units_with_their_owner_in_natural_order(estate):
    desk, _unit, batch = estate
    directory_estate.create_units(
        desk, BuildingPlan("12", 1, 1, 9, 10, 1, zero_padded=False), area_text="90"
    )
    batches.add_units(desk, batch.id, buildings=["12"])
    rows = batches.batch_units(desk, batch.id)
    assert [r.unit_code for r in rows] == [
        "3-1-501",
        "3-1-601",
        "3-2-501",
        "3-2-601",
        "12-1-901",
        "12-1-1001",
    ]
    assert {r.unit_code: r.owner_name for r in rows}["3-2-501"] == "张三"
    assert rows[0].owner_name is None


def test_a_booked_unit_shows_its_slot(estate):
    desk, unit, batch = estate
    slot = batches.add_slot(desk, batch.id, "2026-11-25", "09:00", "12:00", 2).value
    mine = next(u for u in batches.batch_units(desk, batch.id) if u.unit_id == unit.id)
    booked = batches.book(desk, mine.id, slot.id).value
    assert (booked.slot_day, booked.slot_starts, booked.slot_ends) == (
        "2026-11-25",
        "09:00",
        "12:00",
    )


def test_a_batch_created_from_typed_codes(estate):
    desk, _unit, _batch = estate
    created = batches.create_batch(
        desk,
        BatchInput(
            "补交",
            "2026-12-01",
            "2026-12-05",
            units=batches.split_codes("3-1-501，3栋2单元601"),
        ),
    ).value
    assert created.units == 2


def test_adding_nothing_or_what_is_there_is_refused(estate):
    desk, _unit, batch = estate
    with pytest.raises(ValidationError, match="请选择楼栋或房屋") as refused:
        batches.add_units(desk, batch.id)
    assert refused.value.field == "buildings"
    with pytest.raises(ValidationError, match="已在本批次中"):
        batches.add_units(desk, batch.id, units=["3-1-501"])
