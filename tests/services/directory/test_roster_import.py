"""Roster import: mapping, per-row checks, all-or-nothing writes, idempotence, hostile
files and the masked error list — on a real database and real .xlsx files."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from desk_app.core.errors import ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.exporting import xlsx_safety
from desk_app.exporting.roster_files import SheetRow, cell_text, read_roster
from desk_app.exporting.xlsx_safety import WorkbookLimits, WorkbookRejected
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people as directory_people
from desk_app.services.directory import roster_import as ri
from desk_app.storage import audit
from desk_app.storage.directory import archives, people, search_index
from desk_app.storage.directory import units as units_store
from tests.builders.roster_workbooks import (
    HEADERS,
    bad_checksum,
    replace_member,
    roster_rows,
    sheet_xml,
    synthetic_id,
    write_roster,
)

TABLES = ("units", "people", "occupancies", "vehicles", "household_archives", "audit_log")


@pytest.fixture
def estate(desk):
    directory_estate.create_building(desk, "1")
    directory_estate.create_building(desk, "2")
    return desk


def counts(desk) -> dict[str, int]:
    return {t: desk.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def check_file(desk, path, **kwargs):
    sheet = ri.load_roster(path, **kwargs)
    return ri.validate(desk, sheet.rows, ri.guess_mapping(sheet.headers), source=path.name)


def one_row(**changes) -> list:
    row = dict(zip(HEADERS, roster_rows(1)[0], strict=True))
    row.update(changes)
    return list(row.values())


# --- importing -------------------------------------------------------------------------------


def test_a_valid_roster_imports_units_owners_archive_and_vehicles(estate, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", roster_rows(30))
    check = check_file(estate, path)
    assert check.ok and check.total_rows == 30
    assert check.planned == ri.ImportResult(
        created_units=30, created_people=30, added_owners=30, added_vehicles=10
    )

    result = ri.import_roster(estate, check).value

    assert result == check.planned
    unit = units_store.by_code(estate.db, "1-1-101")
    assert (unit.area_centi_m2, unit.kind, unit.status) == (8950, "住宅", "已入住")
    [owner] = people.occupancies_for_unit(estate.db, unit.id, current_only=True)
    assert owner.role == "owner" and owner.person.id_number == synthetic_id(0)
    assert owner.since == "2019-05-01"
    assert archives.get_facts(estate.db, unit.id).purchase_date == "2019-05-01"
    assert [v.plate for v in people.vehicles_for_unit(estate.db, unit.id)] == ["鲁B00000"]
    assert search_index.count_terms(estate.db, "unit") > 0
    assert search_index.count_terms(estate.db, "person") > 0
    summary, *per_unit = audit.recent(estate.db, 31)[::-1]
    assert summary.operation == "roster_imported" and summary.detail["created_units"] == 30
    assert summary.detail["file"] == "r.xlsx"
    assert len(per_unit) == 30 and all(e.record_table == "units" for e in per_unit)
    assert synthetic_id(0) not in str([e.detail for e in per_unit])


def test_reimporting_the_same_file_changes_nothing(estate, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", roster_rows(40))
    ri.import_roster(estate, check_file(estate, path))
    before = counts(estate)

    again = check_file(estate, path)
    result = ri.import_roster(estate, again).value

    assert again.ok and not result.changed and result.unchanged == 40
    assert counts(estate) == before


def test_changed_facts_update_the_unit_and_are_audited(estate, tmp_path):
    rows = roster_rows(3)
    ri.import_roster(estate, check_file(estate, write_roster(tmp_path / "a.xlsx", rows)))
    rows[1][3] = 120.25  # area
    rows[1][5] = "出租"  # status
    rows[2][5] = None  # blank: keeps what is stored

    result = ri.import_roster(
        estate, check_file(estate, write_roster(tmp_path / "b.xlsx", rows))
    ).value

    assert (result.updated_units, result.unchanged) == (1, 2)
    unit = units_store.by_code(estate.db, "1-1-102")
    assert (unit.area_centi_m2, unit.status) == (12025, "出租")
    assert units_store.by_code(estate.db, "1-1-201").status == "已入住"
    entry = audit.entries_for_record(estate.db, "units", str(unit.id))[-1]
    assert entry.detail["fields"] == ["area_centi_m2", "status"]


def test_one_bad_row_writes_nothing_and_the_error_names_it(estate, tmp_path):
    rows = roster_rows(300)
    rows[154][8] = bad_checksum(rows[154][8])  # Excel row 156: header is row 1
    before = counts(estate)

    check = check_file(estate, write_roster(tmp_path / "r.xlsx", rows))

    assert [(e.row_number, e.field_label) for e in check.errors] == [(156, "证件号码")]
    assert "校验位" in check.errors[0].message
    with pytest.raises(ValidationError, match="1 行存在错误，未导入任何数据"):
        ri.import_roster(estate, check)
    assert counts(estate) == before


def test_only_valid_imports_the_other_rows(estate, tmp_path):
    rows = roster_rows(20)
    rows[3][3] = "abc"
    rows[7][0] = "9"
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", rows))

    result = ri.import_roster(estate, check, only_valid=True).value

    assert (result.created_units, result.skipped_rows) == (18, 2)
    assert units_store.count(estate.db) == 18
    assert ri.import_roster(
        estate, check_file(estate, tmp_path / "r.xlsx"), only_valid=True
    ).value == (ri.ImportResult(unchanged=18, skipped_rows=2))


@pytest.mark.parametrize(
    ("column", "value", "label", "fragment"),
    [
        ("楼号", "9", "楼号", "没有楼号 9"),
        ("房号", "50", "房号", "无法识别的房号"),
        ("建筑面积", "abc", "建筑面积", "建筑面积不是数字"),
        ("建筑面积", "89.555", "建筑面积", "最多两位小数"),
        ("建筑面积", -3, "建筑面积", "不合理"),
        ("证件号码", bad_checksum(synthetic_id(0)), "证件号码", "校验位不正确"),
        ("证件号码", "37021219600101001", "证件号码", "应为18位"),
        ("证件号码", 370212196001010011, "证件号码", "存成了数字"),
        ("联系电话", "1391234", "联系电话", "手机号码应为11位"),
        ("联系电话", "88886666", "联系电话", "请加区号"),
        ("房屋类型", "别墅", "房屋类型", "房屋类型只能是"),
        ("房屋状态", "已售", "房屋状态", "房屋状态只能是"),
        ("性别", "未知", "性别", "男 或 女"),
        ("购房日期", "2019-13-01", "购房日期", "日期格式不正确"),
        ("车牌号", "ABC", "车牌号", "车牌号格式不正确"),
        ("业主姓名", None, "业主姓名", "没有业主姓名"),
    ],
)
def test_row_errors_name_the_field(estate, tmp_path, column, value, label, fragment):
    row = one_row(**{column: value})
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", [roster_rows(2)[1], row]))
    assert [(e.row_number, e.field_label) for e in check.errors] == [(3, label)]
    assert fragment in check.errors[0].message
    assert len(check.rows) == 1


def test_an_id_number_stored_as_a_number_is_never_imported(estate, tmp_path):
    # What Excel keeps of 370212196001010011 typed into a number cell.
    row = one_row(证件号码=3.70212196001010e17)
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", [row]))
    assert [e.message for e in check.errors] == [ri.ID_STORED_AS_NUMBER]


def test_errors_never_carry_a_full_id_number_or_phone(estate, tmp_path):
    bad_id, bad_phone = bad_checksum(synthetic_id(5)), "1391234567x"
    row = one_row(证件号码=bad_id, 联系电话=bad_phone)
    [id_error, phone_error] = check_file(estate, write_roster(tmp_path / "r.xlsx", [row])).errors
    assert id_error.value == "370***********" + bad_id[-4:]
    assert bad_phone not in phone_error.message + (phone_error.value or "")


def test_duplicate_unit_in_the_file_fails_the_later_row(estate, tmp_path):
    rows = roster_rows(3)
    duplicate = list(rows[0])
    duplicate[2] = "101室"
    duplicate[8], duplicate[11] = synthetic_id(99), None
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", [*rows, duplicate]))
    [error] = check.errors
    assert (error.row_number, error.field_label) == (5, "房号")
    assert "与第 2 行重复的房屋 1-1-101" in error.message


def test_one_id_number_under_two_names_is_an_error(estate, tmp_path):
    rows = roster_rows(2)
    rows[1][8] = rows[0][8]
    [error] = check_file(estate, write_roster(tmp_path / "r.xlsx", rows)).errors
    assert error.row_number == 3 and "与第 2 行相同，但姓名不同" in error.message


def test_one_owner_of_two_units_is_one_person(estate, tmp_path):
    rows = roster_rows(2)
    rows[1][6], rows[1][8] = rows[0][6], rows[0][8]
    result = ri.import_roster(
        estate, check_file(estate, write_roster(tmp_path / "r.xlsx", rows))
    ).value
    assert (result.created_people, result.added_owners) == (1, 2)
    assert people.count_people(estate.db) == 1


def test_a_different_owner_is_not_a_silent_transfer(estate, tmp_path):
    rows = roster_rows(2)
    ri.import_roster(estate, check_file(estate, write_roster(tmp_path / "a.xlsx", rows)))
    rows[0][6], rows[0][8] = "赵新主", synthetic_id(500)

    check = check_file(estate, write_roster(tmp_path / "b.xlsx", rows))

    [error] = check.errors
    assert error.row_number == 2 and error.field_label == "业主姓名"
    assert f"房屋 1-1-101 已有业主 {roster_rows(1)[0][6]}，过户请在业主档案中办理" == error.message


def test_owner_without_id_number_matches_by_name(estate, tmp_path):
    rows = [one_row(证件号码=None, 联系电话=None)]
    ri.import_roster(estate, check_file(estate, write_roster(tmp_path / "a.xlsx", rows)))
    before = counts(estate)
    again = check_file(estate, write_roster(tmp_path / "a.xlsx", rows))
    assert ri.import_roster(estate, again).value.unchanged == 1 and counts(estate) == before


def test_existing_zero_padded_units_are_matched_not_duplicated(estate, tmp_path):
    plan = BuildingPlan("2", 1, 1, 1, 1, 2, zero_padded=True)
    directory_estate.create_units(estate, plan)  # 2-1-0101, 2-1-0102
    row = one_row(楼号="2栋", 单元号="1单元", 房号="101")
    result = ri.import_roster(
        estate, check_file(estate, write_roster(tmp_path / "r.xlsx", [row]))
    ).value
    assert (result.created_units, result.updated_units, result.added_owners) == (0, 1, 1)
    assert units_store.count(estate.db) == 2


def test_the_unit_may_come_as_one_address_column(estate, tmp_path):
    rows = [["3栋2单元501", 90, "王五"], ["18F-1803", 120, "赵六"], ["1-1-0301", 80, "钱七"]]
    directory_estate.create_building(estate, "3")
    path = write_roster(tmp_path / "r.xlsx", rows, headers=["房号", "面积", "业主"])
    check = check_file(estate, path)
    assert check.ok, check.errors
    ri.import_roster(estate, check)
    assert units_store.by_code(estate.db, "3-2-501") is not None
    assert units_store.by_code(estate.db, "18F-1803").building == ""
    assert units_store.by_code(estate.db, "1-1-0301") is not None  # kept as written


def test_the_data_changing_between_check_and_import_writes_nothing(estate, tmp_path):
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", roster_rows(2)))
    unit_id = directory_estate.create_units(estate, BuildingPlan("1", 1, 1, 1, 1, 1, False)).value[
        0
    ]
    directory_people.add_occupant(estate, unit_id, people.PersonRecord(name="先到者"), "owner")
    before = counts(estate)
    with pytest.raises(ValidationError, match="数据已有变化"):
        ri.import_roster(estate, check)
    assert counts(estate) == before


def test_cli_actor_writes_without_operator_or_shift(estate, tmp_path):
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", roster_rows(1)))
    ri.import_roster(estate, check, actor="cli")
    entry = audit.recent(estate.db, 1)[0]
    assert (entry.actor, entry.operator_id, entry.shift_id) == ("cli", None, None)


def test_clerk_import_is_stamped_with_operator_and_shift(staffed_desk, tmp_path):
    directory_estate.create_building(staffed_desk, "1")
    check = check_file(staffed_desk, write_roster(tmp_path / "r.xlsx", roster_rows(1)))
    ri.import_roster(staffed_desk, check)
    unit = units_store.by_code(staffed_desk.db, "1-1-101")
    row = staffed_desk.db.execute(
        "SELECT created_by, created_shift FROM units WHERE id = ?", [unit.id]
    ).fetchone()
    assert row == (staffed_desk.operator.id, staffed_desk.shift.id)


# --- mapping ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["序号", "楼栋", "单元", "房间号", "建筑面积(㎡)", "业主", "身份证号", "手机"],
            {"building": 1, "entrance": 2, "room": 3, "area": 4, "name": 5, "id_number": 6,
             "phone": 7},
        ),
        (
            ["房屋编号", "姓名", "证件号码", "联系电话", "联系电话2", "面积（平方米）"],
            {"unit_code": 0, "name": 1, "id_number": 2, "phone": 3, "phone2": 4, "area": 5},
        ),
        (["房号", "业主姓名", "电话"], {"unit_code": 0, "name": 1, "phone": 2}),
        (
            ["*楼号", "房号", "业主身份证号码", "业主联系电话", "房屋建筑面积", "交房日期"],
            {"building": 0, "room": 1, "id_number": 2, "phone": 3, "area": 4, "receive_date": 5},
        ),
    ],
)  # fmt: skip
def test_guess_mapping_reads_typical_headers(headers, expected):
    assert ri.guess_mapping(headers) == expected


def test_the_header_row_need_not_be_the_first(estate, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", roster_rows(2), title="翠湖花园业主花名册")
    sheet = ri.load_roster(path)
    assert sheet.header_row == 2 and [r.number for r in sheet.rows] == [3, 4]
    check = check_file(estate, path)
    assert check.ok and [r.row_number for r in check.rows] == [3, 4]


def test_the_first_sheet_with_a_header_is_chosen(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "封面"
    workbook.active.append(["翠湖花园"])
    data = workbook.create_sheet("数据")
    data.append(list(HEADERS))
    data.append(roster_rows(1)[0])
    workbook.save(tmp_path / "r.xlsx")
    assert ri.load_roster(tmp_path / "r.xlsx").sheet_name == "数据"
    assert ri.load_roster(tmp_path / "r.xlsx", sheet="封面").headers == ("翠湖花园",)
    with pytest.raises(ValidationError, match="没有名为「其他」的工作表"):
        ri.load_roster(tmp_path / "r.xlsx", sheet="其他")


def test_a_remembered_mapping_follows_the_header_names():
    first = ["楼号", "房号", "户主", "备注"]
    mapping = {"building": 0, "room": 1, "name": 2, "note": 3}
    stored = ri.mapping_to_json(mapping, first)
    reordered = ["户主", "楼号", "其它", "房号"]
    assert ri.mapping_from_json(stored, reordered) == {"building": 1, "room": 3, "name": 0}
    assert ri.mapping_from_json("not json", first) == {}


def test_a_mapping_without_unit_columns_is_refused(estate):
    with pytest.raises(ValidationError, match="房屋编号"):
        ri.validate(estate, [], {"name": 0})


# --- cells -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (89.5, "89.5"),
        (0.1 + 0.2, "0.3"),
        (112.0, "112"),
        (13912345678, "13912345678"),
        (datetime(2020, 5, 1), "2020-05-01"),
        (date(2020, 5, 1), "2020-05-01"),
        ("  张三 ", "张三"),
        ("   ", None),
        (None, None),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_excel_dates_and_numbers_arrive_as_text(estate, tmp_path):
    row = one_row(购房日期=datetime(2018, 3, 9), 建筑面积=100.25, 联系电话=13900000009)
    path = write_roster(tmp_path / "r.xlsx", [row])
    [sheet_row] = ri.load_roster(path).rows
    assert sheet_row.values[3] == "100.25" and sheet_row.values[10] == "2018-03-09"
    check = check_file(estate, path)
    assert check.ok and check.rows[0].person.phone == "13900000009"


def test_validate_accepts_plain_rows_without_a_file(estate):
    rows = [SheetRow(2, ("1-1-101", "王五"))]
    check = ri.validate(estate, rows, {"unit_code": 0, "name": 1})
    assert check.ok and check.planned.created_units == 1


# --- the error list and the template ------------------------------------------------------------


def test_error_list_xlsx_masks_id_numbers_and_phones(estate, tmp_path):
    rows = roster_rows(3)
    full_id = bad_checksum(rows[1][8])
    rows[1][8] = full_id
    rows[2][9] = "1391234567890"  # 13 digits: the message quotes it
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", rows))
    out = tmp_path / "errors.xlsx"

    assert ri.write_error_list(out, check) == 2

    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["行号", "字段", "错误", "原值"]
    assert [v[:2] for v in values[1:]] == [[3, "证件号码"], [4, "联系电话"]]
    text = str(values)
    assert full_id not in text and full_id[-4:] in text
    assert "1391234567890" not in text
    assert sheet.freeze_panes == "A2"


def test_sample_template_round_trips_without_errors(estate, tmp_path):
    path = tmp_path / "template.xlsx"
    ri.write_sample_template(path)

    sheet = ri.load_roster(path)
    mapping = ri.guess_mapping(sheet.headers)
    check = ri.validate(estate, sheet.rows, mapping)

    assert len(mapping) == len(sheet.headers) == 20
    assert check.ok, check.errors
    assert check.planned.created_units == 2 and check.planned.added_owners == 2
    workbook = openpyxl.load_workbook(path)
    data = workbook["业主花名册"]
    assert data.freeze_panes == "A2"
    id_column = sheet.headers.index("证件号码") + 1
    assert data.cell(row=2, column=id_column).number_format == "@"
    assert data.cell(row=2, column=id_column).data_type == "s"
    assert "填写说明" in workbook.sheetnames


# --- hostile files ------------------------------------------------------------------------------


@pytest.fixture
def good_xlsx(tmp_path):
    return write_roster(tmp_path / "good.xlsx", roster_rows(3))


def test_random_bytes_are_not_an_excel_file(tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(WorkbookRejected, match="不是有效的 Excel 文件"):
        ri.load_roster(path)


def test_an_old_xls_or_encrypted_file_says_so(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    with pytest.raises(WorkbookRejected, match="旧版 .xls 或已加密"):
        ri.load_roster(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(WorkbookRejected, match="不是有效的 Excel 文件"):
        ri.load_roster(path)


def test_a_zip_bomb_is_refused(good_xlsx, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    replace_member(good_xlsx, "xl/media/image1.bin", bytes(64 * 2**20), target=bomb)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(WorkbookRejected, match="压缩炸弹"):
        ri.load_roster(bomb)


def test_total_decompressed_size_is_limited(good_xlsx):
    with pytest.raises(WorkbookRejected, match="压缩炸弹"):
        xlsx_safety.check_workbook_file(good_xlsx, WorkbookLimits(max_uncompressed_bytes=2_000))


def test_too_many_parts_are_refused(good_xlsx):
    with pytest.raises(WorkbookRejected, match="部件过多"):
        xlsx_safety.check_workbook_file(good_xlsx, WorkbookLimits(max_members=3))


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
        '<!DOCTYPE worksheet SYSTEM "file:///etc/passwd">',
    ],
)
def test_xml_with_doctype_or_entities_is_refused(good_xlsx, declaration):
    sheet = f'<?xml version="1.0"?>{declaration}<worksheet><sheetData/></worksheet>'
    replace_member(good_xlsx, "xl/worksheets/sheet1.xml", sheet.encode())
    with pytest.raises(WorkbookRejected, match="不安全的 XML 声明"):
        ri.load_roster(good_xlsx)


def test_utf16_xml_cannot_hide_a_doctype(good_xlsx):
    sheet = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>'
    replace_member(good_xlsx, "xl/sharedStrings.xml", sheet.encode("utf-16"))
    with pytest.raises(WorkbookRejected, match="不安全的 XML 声明"):
        ri.load_roster(good_xlsx)


def test_a_sheet_past_the_row_limit_is_refused(good_xlsx):
    rows = xlsx_safety.DEFAULT_LIMITS.max_rows + 1
    replace_member(good_xlsx, "xl/worksheets/sheet1.xml", sheet_xml(rows, dimension=f"A1:A{rows}"))
    with pytest.raises(WorkbookRejected, match=f"超过 {rows - 1} 行"):
        ri.load_roster(good_xlsx)


def test_a_sheet_that_hides_its_size_is_stopped_while_reading(good_xlsx):
    replace_member(good_xlsx, "xl/worksheets/sheet1.xml", sheet_xml(30, columns=2))
    with pytest.raises(WorkbookRejected, match="超过 20 行"):
        read_roster(good_xlsx, limits=WorkbookLimits(max_rows=20))
    replace_member(good_xlsx, "xl/worksheets/sheet1.xml", sheet_xml(5, columns=8))
    with pytest.raises(WorkbookRejected, match="超过 6 列"):
        read_roster(good_xlsx, limits=WorkbookLimits(max_columns=6))


def test_a_small_declared_dimension_does_not_cut_the_sheet_short(good_xlsx):
    replace_member(good_xlsx, "xl/worksheets/sheet1.xml", sheet_xml(12, dimension="A1:A2"))
    assert len(read_roster(good_xlsx).rows) == 11


def test_a_damaged_workbook_fails_cleanly(good_xlsx):
    replace_member(good_xlsx, "xl/workbook.xml", b"<workbook><sheets><sheet")
    with pytest.raises(
        WorkbookRejected, match="文件已损坏或不是有效的 Excel 工作簿（XML 内容损坏）"
    ):
        ri.load_roster(good_xlsx)


def test_nothing_is_written_for_a_hostile_file(estate, tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(512))
    before = counts(estate)
    with pytest.raises(WorkbookRejected):
        check_file(estate, path)
    assert counts(estate) == before


# --- acceptance: a 5,000-row roster -------------------------------------------------------------


@pytest.mark.slow
def test_a_5000_row_roster_with_one_bad_row(estate, tmp_path):
    rows = roster_rows(5000)
    rows[4321][9] = "139-1234"
    path = write_roster(tmp_path / "big.xlsx", rows)
    started = datetime.now()

    check = check_file(estate, path)
    assert [(e.row_number, e.field_label) for e in check.errors] == [(4323, "联系电话")]
    with pytest.raises(ValidationError):
        ri.import_roster(estate, check)
    assert units_store.count(estate.db) == 0
    result = ri.import_roster(estate, check, only_valid=True).value

    assert result.created_units == 4999 and result.skipped_rows == 1
    assert (datetime.now() - started).total_seconds() < 30
    assert sqlite3.connect(estate.path).execute("SELECT count(*) FROM units").fetchone() == (4999,)


# --- small parsers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2020-05-01", "2020-05-01"), ("2020/5/1", "2020-05-01"), ("2020.5.1", "2020-05-01"),
     ("2020年5月1日", "2020-05-01"), ("20200501", "2020-05-01"), ("2020-05-01 10:30:00", "2020-05-01")],
)  # fmt: skip
def test_roster_dates(text, iso):
    assert ri.parse_roster_date(text) == iso


@pytest.mark.parametrize(
    ("text", "month"),
    [("1985-06", "1985-06"), ("1985/6", "1985-06"), ("1985年6月", "1985-06"), ("198506", "1985-06"),
     ("1985-06-15", "1985-06")],
)  # fmt: skip
def test_roster_birth_months(text, month):
    assert ri.parse_roster_month(text) == month


def test_an_id_number_on_file_under_another_name_is_an_error(estate, tmp_path):
    unit_id = directory_estate.create_units(estate, BuildingPlan("2", 1, 1, 1, 1, 1, False)).value[
        0
    ]
    directory_people.add_occupant(
        estate, unit_id, people.PersonRecord(name="孙先生", id_number=synthetic_id(0)), "owner"
    )
    [error] = check_file(estate, write_roster(tmp_path / "r.xlsx", roster_rows(1))).errors
    assert error.field_label == "证件号码" and "已登记在「孙先生」名下" in error.message


def test_an_owner_on_file_for_another_unit_is_reused(estate, tmp_path):
    unit_id = directory_estate.create_units(estate, BuildingPlan("2", 1, 1, 1, 1, 1, False)).value[
        0
    ]
    row = roster_rows(1)[0]
    directory_people.add_occupant(
        estate, unit_id, people.PersonRecord(name=row[6], id_number=row[8]), "owner"
    )
    result = ri.import_roster(
        estate, check_file(estate, write_roster(tmp_path / "r.xlsx", [row]))
    ).value
    assert (result.created_people, result.added_owners) == (0, 1)
    assert people.count_people(estate.db) == 1


@pytest.mark.parametrize(
    ("column", "typed"),
    [
        (6, '=HYPERLINK("http://x.example/","点我")'),
        (6, "@SUM(1,1)"),
        (6, "-张三"),
        (6, "+张三"),
        (2, "=1+101"),
        (9, "=13900000000"),
    ],
)
def test_a_cell_that_would_be_a_formula_is_refused_with_row_and_column(
    estate, tmp_path, column, typed
):
    rows = roster_rows(2)
    rows[1][column] = typed
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", rows))
    [error] = check.errors
    assert (error.row_number, error.field_label) == (3, HEADERS[column])
    assert "当作公式" in error.message


def test_a_leading_plus_or_minus_meets_the_fields_own_rule(estate, tmp_path):
    rows = roster_rows(2)
    rows[0][9] = "+86 139 0000 0000"  # a phone with the country code
    rows[1][3] = "-89.5"  # a negative area
    check = check_file(estate, write_roster(tmp_path / "r.xlsx", rows))
    [error] = check.errors
    assert (error.row_number, error.field_label) == (3, "建筑面积")
    assert "当作公式" not in error.message
    [row] = check.rows
    assert row.person.phone == "13900000000"
