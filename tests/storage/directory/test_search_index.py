"""The search index: which terms each entity gets, bulk indexing, and how lookups run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.storage.database import open_database
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory.people import PersonRecord
from desk_app.storage.directory.search_index import TermQuery
from desk_app.storage.directory.units import NewUnit, insert_many

AT = "2026-11-20T08:00:00+08:00"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "index.sqlite3")
    yield database
    database.close()


def add_person(db, name: str, phone: str | None = None, phone2: str | None = None) -> int:
    return people_store.insert_person(
        db,
        PersonRecord(name, phone=phone, phone2=phone2),
        created_at=AT,
        created_by=None,
        created_shift=None,
    )


def add_unit(db, code: str, building: str, entrance: str | None, room: str) -> int:
    floor = int(room[:-2]) if room[:-2].isdigit() else None
    [unit_id] = insert_many(
        db,
        [NewUnit(code, building, entrance, floor, room, None)],
        created_at=AT,
        created_by=None,
        created_shift=None,
    )
    return unit_id


def fields(terms: set[tuple[str, str]], field: str) -> set[str]:
    return {term for f, term in terms if f == field}


# --- terms ------------------------------------------------------------------------------------


def test_unit_terms_every_spelling():
    assert search_index.unit_terms("3-2-501", "3", "2", "501") == {
        "3-2-501",
        "32501",
        "3栋2单元501",
        "3栋501",
        "501",
    }


def test_unit_terms_without_entrance_tower_and_letters():
    assert search_index.unit_terms("5-1203", "5", None, "1203") == {
        "5-1203",
        "51203",
        "5栋1203",
        "1203",
    }
    assert search_index.unit_terms("18F-1803", "", None, "1803") == {
        "18f-1803",
        "18f1803",
        "18层1803",
        "1803",
    }
    assert "a栋1单元1203" in search_index.unit_terms("A-1-1203", "A", "1", "1203")


def test_zero_padded_room_is_also_found_without_the_zero():
    terms = search_index.unit_terms("3-2-0501", "3", "2", "0501")
    assert {"3-2-0501", "3-2-501", "32501", "3栋2单元501", "3栋501", "501"} <= terms


def test_person_terms_name_pinyin_initials_and_phone_suffixes():
    terms = search_index._person_term_set("张三", "13812345678", None)
    pairs = {(t.field, t.term) for t in terms}
    assert fields(pairs, "name") == {"张三"}
    assert fields(pairs, "pinyin") == {"zhangsan"}
    assert fields(pairs, "initials") == {"zs"}
    assert fields(pairs, "phone") == {"13812345678"}
    parts = fields(pairs, "phone_part")
    assert "2345678" in parts and "5678" in parts
    assert min(len(p) for p in parts) == 4  # 3-digit fragments are rooms, not phones
    assert "13812345678" not in parts


def test_three_character_name_gets_given_name_part_and_surname_plus_initials():
    pairs = {(t.field, t.term) for t in search_index._person_term_set("张小明", None, None)}
    assert fields(pairs, "name_part") == {"小明"}
    assert fields(pairs, "pinyin") >= {"zhangxiaoming", "zhangxm"}
    assert "zxm" in fields(pairs, "initials")


@pytest.mark.parametrize(
    ("name", "expected_full", "expected_initials"),
    [
        ("单田芳", {"shantianfang", "dantianfang"}, {"stf", "dtf"}),
        ("曾国藩", {"zengguofan"}, {"zgf"}),
        ("解缙", {"xiejin"}, {"xj"}),
        ("仇英", {"qiuying"}, {"qy"}),
        ("区志明", {"ouzhiming"}, {"ozm"}),
        ("尉迟恭", {"yuchigong"}, {"ycg"}),
        ("乐嘉", {"yuejia", "lejia"}, {"yj", "lj"}),
        ("吕布", {"lvbu"}, {"lb"}),
        ("欧阳娜娜", {"ouyangnana", "ouyangnn"}, {"oynn"}),
    ],
)
def test_heteronym_surnames(name, expected_full, expected_initials):
    pinyin = search_index.name_pinyin(name)
    assert expected_full <= {t.term for t in pinyin if t.field == "pinyin"}
    assert expected_initials <= {t.term for t in pinyin if t.field == "initials"}


def test_heteronym_variants_are_limited():
    # Every character a heteronym: the combinations must not explode.
    pinyin = search_index.name_pinyin("单乐长重朴")
    assert len({t.term for t in pinyin if t.field == "pinyin"}) <= 2 * (
        search_index.MAX_PINYIN_VARIANTS
    )


def test_latin_and_mixed_names():
    pinyin = {t.term for t in search_index.name_pinyin("tom李")}
    assert {"tomli", "tl"} <= pinyin


def test_plate_terms():
    assert search_index.normalise_plate("鲁A·123 45") == "鲁A12345"
    assert search_index.plate_terms("鲁A·12345") == {"鲁a12345", "a12345", "12345", "2345", "345"}


_PLAIN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖单解"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲燕乐长重行朝"


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(_PLAIN_SURNAMES),
    st.text(alphabet=_GIVEN, min_size=1, max_size=2),
)
def test_commonest_readings_are_always_indexed(surname, given_name):
    from pypinyin import Style, pinyin

    name = surname + given_name
    initials = "".join(pinyin(c, style=Style.FIRST_LETTER)[0][0] for c in name)
    full = "".join(pinyin(c, style=Style.NORMAL)[0][0] for c in name)
    terms = {(t.field, t.term) for t in search_index.name_pinyin(name)}
    assert ("initials", initials) in terms
    assert ("pinyin", full) in terms


# --- writing ------------------------------------------------------------------------------------


def test_bulk_indexing_and_reindexing_replaces_terms(db):
    ids = [add_person(db, f"王{c}", f"1390000{i:04d}") for i, c in enumerate("一二三四五")]
    written = search_index.index_people_bulk(db, ids)
    assert written == search_index.count_terms(db, "person") > 5 * 5
    assert ("name", "王三") in search_index.terms_of(db, "person", ids[2])
    people_store.update_person(db, ids[2], {"name": "李三", "phone": None}, AT)
    search_index.index_person(db, ids[2])
    terms = search_index.terms_of(db, "person", ids[2])
    assert ("name", "李三") in terms and ("name", "王三") not in terms
    assert not fields(terms, "phone")
    assert ("name", "王四") in search_index.terms_of(db, "person", ids[3])


def test_bulk_indexing_many_people_in_chunks(db):
    ids = [add_person(db, f"张{chr(0x4E00 + i)}") for i in range(1200)]
    search_index.index_people_bulk(db, ids)
    indexed = db.execute(
        "SELECT count(DISTINCT ref_id) FROM search_terms WHERE kind = 'person'"
    ).fetchone()[0]
    assert indexed == 1200


def test_units_bulk_and_vehicle_removal(db):
    unit_ids = [add_unit(db, f"3-2-{room}", "3", "2", str(room)) for room in (501, 502)]
    search_index.index_units_bulk(db, unit_ids)
    assert ("code", "3栋2单元502") in search_index.terms_of(db, "unit", unit_ids[1])
    vehicle_id = people_store.insert_vehicle(
        db,
        unit_id=unit_ids[0],
        person_id=None,
        kind="汽车",
        plate="鲁B88888",
        note=None,
        created_at=AT,
        created_by=None,
        created_shift=None,
    )
    search_index.index_vehicle(db, vehicle_id)
    assert ("plate", "鲁b88888") in search_index.terms_of(db, "vehicle", vehicle_id)
    people_store.end_vehicle(db, vehicle_id, AT)
    search_index.index_vehicle(db, vehicle_id)
    assert search_index.terms_of(db, "vehicle", vehicle_id) == set()


def test_rebuild_indexes_everything_including_places(db):
    add_unit(db, "1-1-101", "1", "1", "101")
    add_person(db, "刘洋")
    db.execute(
        "INSERT INTO public_places (code, name, created_at) VALUES ('1-1F-水泵房', '水泵房', ?)",
        [AT],
    )
    assert search_index.rebuild(db) == search_index.count_terms(db)
    assert search_index.count_terms(db, "place") > 0
    hits = search_index.find_places(db, [TermQuery("泵房", ("name", "name_part"))], limit=5)
    assert [(h.name, h.rank) for h in hits] == [("水泵房", 2)]


# --- reading -------------------------------------------------------------------------------------


def test_lookups_are_range_scans_on_the_key(db):
    cte, params = search_index._hits("person", [TermQuery("zh", ("pinyin", "initials"))])
    plan = db.execute(f"EXPLAIN QUERY PLAN {cte} SELECT * FROM hits", params).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "SEARCH search_terms USING PRIMARY KEY (kind=? AND term>? AND term<?)" in details
    assert "SCAN search_terms" not in details


def test_find_people_ranks_exact_then_prefix_then_substring(db):
    exact, longer, given = (
        add_person(db, "张三"),
        add_person(db, "张三丰"),
        add_person(db, "李张三"),
    )
    search_index.index_people_bulk(db, [exact, longer, given])
    hits = search_index.find_people(db, [TermQuery("张三", ("name", "name_part"))], limit=10)
    assert [(h.person_id, h.rank) for h in hits] == [(exact, 0), (longer, 1), (given, 2)]


def test_pinyin_is_not_imported_by_the_modules_that_search():
    code = (
        "import sys\n"
        "import desk_app.storage.directory.search_index, desk_app.services.directory.search\n"
        "import desk_app.services.directory\n"
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported at start'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
