"""Search as the clerk types, on a real estate built through the directory services."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.estate import BuildingPlan
from desk_app.core.masking import id_check_char
from desk_app.services.desk import Desk
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people as directory_people
from desk_app.services.directory import search
from desk_app.services.shifts import login, operators
from desk_app.storage.directory import search_index
from desk_app.storage.directory.people import PersonRecord
from desk_app.storage.transactions import write_transaction
from tests.builders.staff import PASSWORD

ZHANG_SAN_PHONE = "13812345678"


def id_number(serial: int) -> str:
    first17 = f"37010219800101{serial:03d}"
    return first17 + id_check_char(first17)


def unit(desk, code: str) -> int:
    return directory_estate.find_unit(desk, code).id


def occupy(desk, code: str, name: str, role: str = "owner", **fields) -> int:
    lease = {"lease_start": "2025-01-01", "lease_end": "2026-12-31"} if role == "tenant" else {}
    return directory_people.add_occupant(
        desk, unit(desk, code), PersonRecord(name, **fields), role, **lease
    ).value


def build_estate(desk):
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    directory_estate.create_units(desk, BuildingPlan("5", None, None, 11, 12, 2, zero_padded=False))
    occupy(desk, "3-2-501", "张三", phone=ZHANG_SAN_PHONE, id_number=id_number(1))
    occupy(desk, "3-2-501", "王芳", "member", phone="13700005555")
    occupy(desk, "3-1-501", "单田芳", phone="13600006666", id_number=id_number(2))
    occupy(desk, "3-1-101", "赵敏", id_number=id_number(3), phone="13500007777")
    occupy(desk, "3-1-102", "赵敏", "co_owner", id_number=id_number(3))
    former = occupy(desk, "3-1-201", "张伟", "tenant", phone="13900001111")
    directory_people.end_occupancy(desk, former, reason="租期届满")
    occupy(desk, "3-1-202", "张伟", phone="13900002222")
    directory_people.add_vehicle(desk, unit(desk, "3-2-501"), "鲁A12345")
    return desk


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    """One estate shared by the tests that only read (building it costs ~0.3 s)."""
    path = tmp_path_factory.mktemp("search") / "estate.sqlite3"
    desk = Desk.open(path, clock=FixedClock(datetime(2026, 11, 20, 8, 0, tzinfo=CHINA_TZ)))
    operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
    login.login(desk, "boss", PASSWORD, "早班")
    yield build_estate(desk)
    desk.close()


@pytest.fixture
def fresh_estate(staffed_desk):
    """An estate of its own for the tests that write."""
    return build_estate(staffed_desk)


def people(results: search.SearchResults) -> list[str]:
    return [p.name for p in results.people]


# --- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["3-2-501", "32501", "3栋2单元501", "3幢2单元501室", "３－２－５０１"]
)
def test_unit_in_every_spelling(estate, text):
    results = search.search(estate, text)
    first = results.units[0]
    assert (first.code, first.match) == ("3-2-501", "exact")
    assert first.owner_name == "张三"
    assert first.owner_phone_masked == "138****5678"


def test_building_and_room_without_entrance_finds_both_entrances(estate):
    results = search.search(estate, "3栋501")
    assert [u.code for u in results.units] == ["3-1-501", "3-2-501"]


def test_tower_without_entrances(estate):
    assert [u.code for u in search.search(estate, "5栋1201").units] == ["5-1201"]
    assert search.search(estate, "5-1202").units[0].code == "5-1202"


def test_unit_prefix_is_in_natural_order_and_limited(estate):
    results = search.search(estate, "3-2", limit=5)
    assert [u.code for u in results.units] == [
        "3-2-101",
        "3-2-102",
        "3-2-201",
        "3-2-202",
        "3-2-301",
    ]
    assert {u.match for u in results.units} == {"prefix"}
    assert results.truncated == ("units",)


# --- people ------------------------------------------------------------------------------------


def test_name_finds_person_with_role_and_unit(estate):
    [hit] = search.search(estate, "张三").people
    assert (hit.name, hit.match, hit.role_label, hit.unit_codes) == (
        "张三",
        "exact",
        "业主",
        "3-2-501",
    )
    assert hit.unit_id == unit(estate, "3-2-501")
    assert hit.phone_masked == "138****5678"


def test_two_character_name_and_name_prefix(estate):
    [hit] = search.search(estate, "王芳").people
    assert (hit.role_label, hit.unit_codes) == ("入住成员", "3-2-501")
    assert people(search.search(estate, "单田")) == ["单田芳"]
    assert search.search(estate, "单田").people[0].match == "prefix"


@pytest.mark.parametrize("text", ["zs", "zhangsan", "ZhangSan", "zhang"])
def test_pinyin_initials_and_full_pinyin(estate, text):
    assert "张三" in people(search.search(estate, text))


def test_initials_exact_match_comes_first(estate):
    assert people(search.search(estate, "zs"))[0] == "张三"


@pytest.mark.parametrize("text", ["shan", "shantianfang", "stf", "dtf"])
def test_heteronym_surname(estate, text):
    assert people(search.search(estate, text)) == ["单田芳"]


@pytest.mark.parametrize("digits", ["1234", "2345", "12345678", "5678", "138123"])
def test_phone_digits_anywhere(estate, digits):
    hits = search.search(estate, digits).people
    assert [h.name for h in hits] == ["张三"]


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("2345", "138****5678（号码含 2345）"),  # hidden by the mask: said where it matched
        ("12345", "138****5678（号码含 12345）"),
        ("5678", "138****5678"),  # visible already
        ("138123", "138****5678（号码含 138123）"),
        (ZHANG_SAN_PHONE, "138****5678（号码相符）"),
    ],
)
def test_a_phone_hit_shows_where_it_matched(estate, digits, shown):
    [hit] = search.search(estate, digits).people
    assert hit.phone_masked == shown


def test_phone_match_kinds(estate):
    assert search.search(estate, "138123").people[0].match == "prefix"
    assert search.search(estate, "5678").people[0].match == "substring"
    assert search.search(estate, ZHANG_SAN_PHONE).people[0].match == "exact"


def test_current_occupants_before_former(estate):
    hits = search.search(estate, "张伟").people
    assert [(h.current, h.unit_codes) for h in hits] == [(True, "3-1-202"), (False, "3-1-201")]
    former = hits[1]
    assert former.units[0].current is False and former.role_label == "租户"
    assert former.unit_id == unit(estate, "3-1-201")  # Enter still opens a page


def test_person_in_two_units(estate):
    [hit] = search.search(estate, "赵敏").people
    assert [(u.code, u.role_label) for u in hit.units] == [
        ("3-1-101", "业主"),
        ("3-1-102", "共有人"),
    ]
    assert hit.unit_codes == "3-1-101、3-1-102"


def test_changed_phone_is_reindexed(fresh_estate):
    [hit] = search.search(fresh_estate, "张三").people
    directory_people.update_person(fresh_estate, hit.person_id, {"phone": "13811112222"})
    assert not search.search(fresh_estate, "12345678").people
    assert people(search.search(fresh_estate, "11112222")) == ["张三"]


# --- vehicles and places -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["a123", "A12345", "12345", "鲁A1", "鲁a12345", "a12"])
def test_plate_fragments(estate, text):
    [hit] = search.search(estate, text).vehicles
    assert (hit.plate, hit.unit_code) == ("鲁A12345", "3-2-501")
    assert hit.unit_id == unit(estate, "3-2-501")


def test_removed_vehicle_is_not_found(fresh_estate):
    [hit] = search.search(fresh_estate, "a12345").vehicles
    directory_people.end_vehicle(fresh_estate, hit.vehicle_id)
    assert not search.search(fresh_estate, "a12345").vehicles


def test_public_places_by_name_and_code(fresh_estate):
    place = directory_estate.create_public_place(fresh_estate, "水泵房", building="3").value
    # directory.create_public_place should index the place itself (asked for); until then:
    with write_transaction(fresh_estate.db):
        search_index.index_place(fresh_estate.db, place.id)
    assert [p.name for p in search.search(fresh_estate, "水泵").places] == ["水泵房"]
    assert [p.name for p in search.search(fresh_estate, "泵房").places] == ["水泵房"]
    assert search.search(fresh_estate, "泵房").places[0].match == "substring"


# --- privacy, edges, the completer -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["张三", "1234", "zs", "3-2-501", "3栋501", "赵敏", "138123", "a123"]
)
def test_results_never_hold_a_full_phone_or_id_number(estate, text):
    text_of_results = repr(search.search(estate, text))
    assert not re.search(r"\d{11}", text_of_results)
    assert not re.search(r"\d{17}[\dX]", text_of_results)
    assert "138****5678" in text_of_results or text in ("赵敏", "a123")


@pytest.mark.parametrize("text", ["", " ", "3", "张", "z", "\t"])
def test_empty_and_one_character_queries_return_nothing(estate, text):
    assert search.search(estate, text).empty


def test_groups_in_display_order(estate):
    groups = search.search(estate, "12345").groups()
    assert [name for name, _hits in groups] == ["people", "vehicles"]


def test_complete_units(estate):
    completions = search.complete_units(estate, "3-2", limit=4)
    assert [code for _id, code, _label in completions] == [
        "3-2-101",
        "3-2-102",
        "3-2-201",
        "3-2-202",
    ]
    [(unit_id, code, label)] = search.complete_units(estate, "3-2-501")
    assert (unit_id, code, label) == (unit(estate, "3-2-501"), "3-2-501", "3栋2单元501  张三")
    assert [c for _i, c, _l in search.complete_units(estate, "3栋2单元5")] == ["3-2-501", "3-2-502"]
    assert search.complete_units(estate, "") == []


# --- property: initials always find the name -----------------------------------------------------

NAMES = [
    "李娜",
    "王建国",
    "刘洋",
    "陈静",
    "杨帆",
    "黄晓明",
    "周杰",
    "吴敏",
    "徐立新",
    "孙悦",
    "马超",
    "朱红梅",
    "胡一诺",
    "郭德华",
    "何玉兰",
    "高强",
    "罗文斌",
    "郑爽",
    "谢霆",
    "曾小贤",
    "单雄信",
    "解晓东",
    "乐嘉",
    "欧阳娜娜",
    "诸葛亮",
    "尉迟恭",
    "长孙无忌",
    "吕秀才",
    "查良镛",
    "翟天临",
]


def test_initials_of_a_name_always_find_it(staffed_desk):
    desk = staffed_desk
    [unit_id] = directory_estate.create_units(
        desk, BuildingPlan("9", 1, 1, 1, 1, 1, zero_padded=False)
    ).value
    for name in NAMES:
        directory_people.add_occupant(desk, unit_id, PersonRecord(name), "member")
    readings = {name: search_index.name_pinyin(name) for name in NAMES}

    @settings(max_examples=40, deadline=None)
    @given(st.sampled_from(NAMES))
    def initials_find(name: str) -> None:
        for initials in {t.term for t in readings[name] if t.field == "initials"}:
            assert name in people(search.search(desk, initials, limit=100))

    initials_find()
