"""The billing sheet and meter readings in Excel: the sheet finance checks, the readings
template for one building, and the all-or-nothing import of a filled template."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.ledger import billing, billing_excel
from desk_app.storage import audit
from tests.builders.ledger import billing_estate as build_billing_estate
from tests.builders.ledger import read_meters as read


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    units = build_billing_estate(desk)
    read(desk, units, "2026-10", {"3-1-101": "100", "3-1-102": "200", "3-1-201": "300"})
    read(desk, units, "2026-11", {"3-1-101": "110", "3-1-102": "220", "3-1-201": "300"})
    return desk, units


def readings_count(desk) -> int:
    return desk.db.execute("SELECT count(*) FROM meter_readings").fetchone()[0]


def fill(path, values: dict[str, object], extra: list[tuple[object, object]] = ()) -> None:
    """Type 本次读数 into a template as the meter reader would (numbers stay numbers)."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=3):
        if row[0].value in values:
            row[3].value = values[row[0].value]
    for room, reading in extra:
        sheet.append([room, None, None, reading])
    workbook.save(path)


def test_the_sheet_of_a_posted_run_totals_its_charges(estate, tmp_path):
    desk, units = estate
    read(desk, units, "2026-12", {"3-1-101": "131", "3-1-102": "227.25"})
    posted = billing.post(desk, "2026-12", items=["property", "water"]).value
    target = tmp_path / "计费表.xlsx"
    rows = billing_excel.export_sheet(desk, billing.run_sheet(desk, posted.run_id), target)
    assert rows == posted.charge_count == 8

    sheet = openpyxl.load_workbook(target).active
    assert "计费表 2026-12" in sheet["A1"].value and "已入账" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == list(billing_excel.SHEET_HEADERS)
    assert sheet.freeze_panes == "A3" and sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape"
    body = list(sheet.iter_rows(min_row=3, max_row=2 + rows))
    water = next(r for r in body if r[0].value == "3-1-101" and r[2].value == "水费")
    assert [c.value for c in water[3:8]] == [110, 131, 21, 3.5, 73.5]
    assert water[7].number_format == "#,##0.00"
    assert (
        isinstance(water[8].value, datetime) and water[8].value.date().isoformat() == "2026-12-15"
    )
    assert all(isinstance(r[7].value, (int, float)) for r in body)
    total = [c.value for c in sheet[sheet.max_row]]
    charges = desk.db.execute("SELECT sum(amount_fen) FROM charges").fetchone()[0]
    assert total[0] == "合计" and round(total[7] * 100) == charges == posted.total_fen
    assert round(sum(r[7].value for r in body) * 100) == charges
    subtotals = {r[2]: r[7] for r in sheet.iter_rows(values_only=True) if r[0] == "小计"}
    assert round(subtotals["水费"] * 100) == 7350 + 2538


def test_the_readings_template_lists_the_building_with_previous_readings(estate, tmp_path):
    desk, _units = estate
    target = tmp_path / "水费抄表.xlsx"
    count = billing_excel.write_readings_template(
        desk, target, period="2026-12", item_code="water", building="3"
    )
    assert count == 4
    sheet = openpyxl.load_workbook(target).active
    assert "抄表单" in sheet["A1"].value and "2026-12" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == ["房号", "客户名称", "上次读数", "本次读数"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=3)]
    assert rows == [
        ("3-1-101", "张三", 110, None),
        ("3-1-102", None, 220, None),
        ("3-1-201", None, 300, None),
        ("3-1-202", None, None, None),
    ]
    assert sheet.freeze_panes == "A3"


def test_a_filled_template_is_imported_in_one_transaction(estate, tmp_path):
    desk, units = estate
    target = tmp_path / "水费抄表.xlsx"
    billing_excel.write_readings_template(
        desk, target, period="2026-12", item_code="water", building="3"
    )
    fill(target, {"3-1-101": 125.5, "3-1-102": "230", "3-1-202": 7})
    before = readings_count(desk)
    result = billing_excel.import_readings(desk, target, period="2026-12", item_code="water").value
    assert (result.count, result.blank) == (3, 1)
    assert readings_count(desk) == before + 3
    sources = desk.db.execute(
        "SELECT DISTINCT source FROM meter_readings WHERE period = '2026-12'"
    ).fetchall()
    assert [s[0] for s in sources] == ["excel"]
    assert audit.recent(desk.db, 1)[0].operation == "meter_readings_imported"
    line = next(
        x
        for x in billing.preview(desk, "2026-12", items=["water"]).lines
        if x.unit_code == "3-1-101"
    )
    assert (line.usage_centi, line.amount_fen) == (1550, 5425)


def test_one_bad_row_writes_nothing_and_every_error_names_its_row(estate, tmp_path):
    desk, _units = estate
    target = tmp_path / "水费抄表.xlsx"
    billing_excel.write_readings_template(
        desk, target, period="2026-12", item_code="water", building="3"
    )
    fill(
        target,
        {"3-1-101": 126, "3-1-102": 219, "3-1-201": "三百", "3-1-202": 50},
        extra=[("9-9-909", 10), ("3栋1单元101室", 130)],
    )
    before = readings_count(desk)
    with pytest.raises(billing_excel.ReadingsImportRefused) as caught:
        billing_excel.import_readings(desk, target, period="2026-12", item_code="water")
    errors = caught.value.errors
    assert errors[0].startswith("第 4 行：3-1-102") and "小于上次读数" in errors[0]
    assert errors[1].startswith("第 5 行：3-1-201") and "格式不正确" in errors[1]
    assert errors[2].startswith("第 7 行：") and "9-9-909" in errors[2]
    assert errors[3].startswith("第 8 行：3-1-101") and "重复" in errors[3]
    assert len(errors) == 4
    assert "未导入任何读数" in caught.value.message
    assert readings_count(desk) == before

    fill(target, {"3-1-101": 500, "3-1-102": 221, "3-1-201": 301, "3-1-202": 50})
    workbook = openpyxl.load_workbook(target)
    workbook.active.delete_rows(7, 2)
    workbook.save(target)
    with pytest.raises(billing_excel.ReadingsImportRefused) as absurd:
        billing_excel.import_readings(desk, target, period="2026-12", item_code="water")
    [error] = absurd.value.errors
    assert error.startswith("第 3 行：3-1-101") and "10 倍" in error  # 390 > 10 × 10
    assert readings_count(desk) == before


def test_a_template_of_another_month_or_a_non_excel_file_is_refused(estate, tmp_path):
    desk, _units = estate
    target = tmp_path / "十一月.xlsx"
    billing_excel.write_readings_template(
        desk, target, period="2026-11", item_code="water", building="3"
    )
    fill(target, {"3-1-202": 5})
    with pytest.raises(billing_excel.ReadingsImportRefused, match="2026-11 的抄表单"):
        billing_excel.import_readings(desk, target, period="2026-12", item_code="water")
    text = tmp_path / "readings.xlsx"
    text.write_text("房号,本次读数\n3-1-101,120\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="Excel"):
        billing_excel.import_readings(desk, text, period="2026-12", item_code="water")


@pytest.mark.parametrize("typed", ["=A1+1", "@SUM(1)", "-1"])
def test_a_formula_or_negative_reading_is_refused_with_its_row(estate, tmp_path, typed):
    desk, _units = estate
    target = tmp_path / "水费抄表.xlsx"
    billing_excel.write_readings_template(
        desk, target, period="2026-12", item_code="water", building="3"
    )
    workbook = openpyxl.load_workbook(target)
    for row in workbook.active.iter_rows(min_row=3):
        if row[0].value == "3-1-102":
            row[3].value = typed
            row[3].data_type = "s"  # text as typed, not a formula
    workbook.save(target)
    before = readings_count(desk)
    with pytest.raises(billing_excel.ReadingsImportRefused) as refused:
        billing_excel.import_readings(desk, target, period="2026-12", item_code="water")
    [error] = refused.value.errors
    assert error.startswith("第 4 行")
    assert ("当作公式" in error) is (typed[0] in "=@")
    assert readings_count(desk) == before
