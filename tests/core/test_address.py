import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.address import (
    UnitAddress,
    natural_key,
    parse_unit_address,
    unit_sort_key,
)
from desk_app.core.errors import ValidationError

RESIDENTIAL = UnitAddress(building="3", entrance="2", room="501", floor=5)
BUILDING_ROOM = UnitAddress(building="5", entrance=None, room="1203", floor=12)
TOWER = UnitAddress(building="", entrance=None, room="1803", floor=18)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("3-2-501", RESIDENTIAL),
        ("3栋2单元501", RESIDENTIAL),
        ("3栋2单元501室", RESIDENTIAL),
        ("3幢2单元501", RESIDENTIAL),
        ("3号楼2单元501", RESIDENTIAL),
        ("３栋２单元５０１", RESIDENTIAL),
        ("３－２－５０１", RESIDENTIAL),
        ("3-2-501 ", RESIDENTIAL),
        (" 3 - 2 - 501", RESIDENTIAL),
        ("3—2—501", RESIDENTIAL),
        ("03-02-501", RESIDENTIAL),
        ("3-2-501室", RESIDENTIAL),
        ("5-1203", BUILDING_ROOM),
        ("5栋1203", BUILDING_ROOM),
        ("5幢1203室", BUILDING_ROOM),
        ("18F-1803", TOWER),
        ("18f-1803", TOWER),
        ("18F1803", TOWER),
        ("18层1803", TOWER),
        ("18层1803室", TOWER),
        ("１８Ｆ－１８０３", TOWER),
        ("A座1203", UnitAddress("A", None, "1203", 12)),
        ("b-2-101", UnitAddress("B", "2", "101", 1)),
        ("12-3-2601", UnitAddress("12", "3", "2601", 26)),
    ],
)
def test_parse(text: str, unit: UnitAddress) -> None:
    assert parse_unit_address(text) == unit


@pytest.mark.parametrize(
    ("unit", "short", "long"),
    [
        (RESIDENTIAL, "3-2-501", "3栋2单元501"),
        (BUILDING_ROOM, "5-1203", "5栋1203"),
        (TOWER, "18F-1803", "18层1803"),
    ],
)
def test_short_and_long(unit: UnitAddress, short: str, long: str) -> None:
    assert unit.short == short
    assert unit.long == long
    assert str(unit) == short


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "大堂",
        "水泵房",
        "3-2",
        "3-2-50",
        "3-2-050",
        "3-2-12345",
        "0-2-501",
        "3-0-501",
        "3--501",
        "3-2-501-1",
        "3栋501单元2",
        "3-2-501-",
    ],
)
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="无法识别的房号"):
        parse_unit_address(text)


def test_tower_floor_must_match_room() -> None:
    with pytest.raises(ValidationError, match="楼层与房号不一致"):
        parse_unit_address("18F-1903")


def test_unit_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        RESIDENTIAL.room = "502"  # type: ignore[misc]


def test_tower_unit_needs_a_floor() -> None:
    with pytest.raises(ValueError):
        UnitAddress(building="", entrance=None, room="1803", floor=None)


def test_natural_order() -> None:
    texts = ["10-1-101", "2-1-1203", "lobby", "2-10-101", "2-1-101", "18F-1803", "2-2-101"]
    assert sorted(texts, key=unit_sort_key) == [
        "18F-1803",
        "2-1-101",
        "2-1-1203",
        "2-2-101",
        "2-10-101",
        "10-1-101",
        "lobby",
    ]
    units = [parse_unit_address(t) for t in ["10-101", "2-1203", "2-201", "A10-101", "A2-101"]]
    assert [u.short for u in sorted(units, key=unit_sort_key)] == [
        "2-201",
        "2-1203",
        "10-101",
        "A2-101",
        "A10-101",
    ]


def test_natural_key() -> None:
    assert natural_key("2") < natural_key("10")
    assert natural_key("A2") < natural_key("A10")
    assert natural_key("") < natural_key("1")
    assert natural_key("²") == ((1, 0, "²"),)


def _rooms() -> st.SearchStrategy[tuple[str, int]]:
    return st.tuples(st.integers(1, 99), st.integers(1, 99)).map(
        lambda fr: (f"{fr[0]}{fr[1]:02d}", fr[0])
    )


buildings = st.one_of(
    st.integers(1, 999).map(str),
    st.tuples(st.sampled_from("ABCDE"), st.sampled_from(["", "1", "12"])).map("".join),
)


@st.composite
def units(draw: st.DrawFn) -> UnitAddress:
    room, floor = draw(_rooms())
    shape = draw(st.sampled_from(["residential", "building", "tower"]))
    if shape == "tower":
        return UnitAddress("", None, room, floor)
    entrance = str(draw(st.integers(1, 99))) if shape == "residential" else None
    return UnitAddress(draw(buildings), entrance, room, floor)


@settings(max_examples=200)
@given(units())
def test_short_long_round_trip(unit: UnitAddress) -> None:
    assert parse_unit_address(unit.short) == unit
    assert parse_unit_address(unit.long) == unit
    assert parse_unit_address(parse_unit_address(unit.long).short) == unit
