"""No export ever writes a formula: an owner named ``=HYPERLINK(…)`` (stored directly, as
the import refuses the name), a fee item and the estate's name likewise, then every
workbook the desk writes is opened cell by cell and its XML read for ``<f>``; the CSV
listing puts an apostrophe before the name."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import people, roster_import
from desk_app.services.directory import roster_export as directory_export
from desk_app.services.ledger import (
    arrears_export,
    billing,
    billing_excel,
    fee_items,
    month_close_export,
)
from desk_app.services.repairs import orders
from desk_app.services.repairs.orders import NewRepair
from desk_app.services.shifts import login
from desk_app.storage.directory.people import PersonRecord
from tests.builders.cli import run_cli
from tests.builders.ledger import billing_estate, charge, read_meters
from tests.builders.roster_workbooks import HEADERS, roster_rows, write_roster
from tests.builders.staff import PASSWORD

HOSTILE = '=HYPERLINK("http://x.example/","点我")'
FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")  # a cell formula, not <font> or <formula1>
OTHERS = ("+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)")


def formula_cells(path: Path) -> list[str]:
    """Every cell openpyxl reads back as a formula, and every ``<f>`` in the sheets' XML."""
    found = []
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            found += [f"{sheet.title}!{c.coordinate}" for c in row if c.data_type == "f"]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if FORMULA_ELEMENT.search(archive.read(name)):
                found.append(name)
    return found


def texts(path: Path) -> set[str]:
    workbook = openpyxl.load_workbook(path)
    return {
        c.value
        for s in workbook.worksheets
        for r in s.iter_rows()
        for c in r
        if isinstance(c.value, str)
    }


@pytest.fixture
def hostile_estate(staffed_desk):
    desk = staffed_desk
    units = billing_estate(desk)
    for code, name in zip(
        ("3-1-102", "3-1-201", "3-1-202", "5-101"), (HOSTILE, *OTHERS), strict=True
    ):
        people.add_occupant(desk, units[code], PersonRecord(name=name), "owner")
    login.login(desk, "lee", PASSWORD, "早班")
    settings_service.update(desk, {"estate.name": HOSTILE})
    fee_items.add_fee_item(desk, "odd", HOSTILE, "fixed")
    login.login(desk, "zhang", PASSWORD, "早班")
    read_meters(desk, units, "2026-10", {"3-1-101": "100", "3-1-102": "200"})
    read_meters(desk, units, "2026-11", {"3-1-101": "110", "3-1-102": "220"})
    charge(desk, units["3-1-102"], "property", "2026-09-15")
    return desk, units


def test_no_export_writes_a_formula(hostile_estate, tmp_path):
    desk, units = hostile_estate
    written: dict[str, Path] = {}

    path = written["roster"] = tmp_path / "roster.xlsx"
    directory_export.export_roster(desk, path)

    path = written["billing sheet"] = tmp_path / "billing.xlsx"
    sheet = billing.preview_sheet(
        desk, billing.preview(desk, "2026-11", items=["property", "water"])
    )
    billing_excel.export_sheet(desk, sheet, path)

    path = written["readings template"] = tmp_path / "readings.xlsx"
    billing_excel.write_readings_template(
        desk, path, period="2026-12", item_code="water", building="3"
    )

    path = written["arrears"] = tmp_path / "arrears.xlsx"
    arrears_export.export_arrears(desk, path, "2026-11-20")

    path = written["month close"] = tmp_path / "close.xlsx"
    month_close_export.export_report(desk, "2026-10", path)

    path = written["roster template"] = tmp_path / "template.xlsx"
    roster_import.write_sample_template(path)

    bad = write_roster(tmp_path / "bad.xlsx", [_row(HOSTILE), _row(OTHERS[0], room="102")])
    sheet = roster_import.load_roster(bad)
    check = roster_import.validate(desk, sheet.rows, roster_import.guess_mapping(sheet.headers))
    assert [e.field for e in check.errors] == ["name", "name"]
    path = written["error list"] = tmp_path / "errors.xlsx"
    roster_import.write_error_list(path, check)

    for what, path in written.items():
        assert formula_cells(path) == [], what
    assert HOSTILE in texts(written["roster"])  # kept as the text it is
    assert {HOSTILE, *OTHERS} <= texts(written["roster"])
    assert HOSTILE in texts(written["arrears"])
    assert any(HOSTILE in t for t in texts(written["billing sheet"]))
    assert any(HOSTILE in t for t in texts(written["error list"]))


def _row(name: str, room: str = "101") -> list:
    row = dict(zip(HEADERS, roster_rows(1)[0], strict=True))
    row.update({"楼号": "3", "单元号": "1", "房号": room, "业主姓名": name})
    return list(row.values())


def test_the_csv_listing_keeps_formula_text_inert(hostile_estate, tmp_path):
    desk, _units = hostile_estate
    orders.create_order(
        desk, NewRepair(content=HOSTILE, unit="3-1-102", reporter=OTHERS[0], phone="13812345678")
    )
    out = tmp_path / "orders.csv"
    result = run_cli("--db", str(desk.path), "repairs", "list", "--out", str(out))
    assert result.returncode == 0, result.stderr
    fields = [f for row in csv.reader(io.StringIO(out.read_text("utf-8-sig"))) for f in row]
    assert "'" + HOSTILE in fields and "'" + OTHERS[0] in fields
    assert not [f for f in fields if f.startswith(("=", "+", "@"))]
    assert not [
        f for f in fields if f.startswith("-") and not f.lstrip("-").replace(".", "").isdigit()
    ]
