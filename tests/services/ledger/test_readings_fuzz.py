"""The meter-readings import against hundreds of damaged and hostile copies of a filled
readings template (made by the desk's own template export), with a fixed seed: every
case either records every reading or is refused with a DeskError and writes nothing —
never another exception."""

from __future__ import annotations

import openpyxl
import pytest

from desk_app.services.ledger import billing_excel
from tests.builders.hostile_workbooks import fuzz_import
from tests.builders.ledger import billing_estate, read_meters

SEED = 20261113
CASES = 200
READINGS = {"3-1-101": 125.5, "3-1-102": "230", "3-1-201": 300, "3-1-202": 7}


@pytest.fixture
def estate(staffed_desk):
    units = billing_estate(staffed_desk)
    read_meters(staffed_desk, units, "2026-11", {"3-1-101": "110", "3-1-102": "220"})
    return staffed_desk


@pytest.fixture
def filled_template(estate, tmp_path):
    path = tmp_path / "水费抄表.xlsx"
    billing_excel.write_readings_template(
        estate, path, period="2026-12", item_code="water", building="3"
    )
    workbook = openpyxl.load_workbook(path)
    for row in workbook.active.iter_rows(min_row=3):
        if row[0].value in READINGS:
            row[3].value = READINGS[row[0].value]
    workbook.save(path)
    return path


def import_whole(desk, path) -> None:
    result = billing_excel.import_readings(
        desk, path, period="2026-12", item_code="water", building="3"
    ).value
    assert result.count + result.blank == len(READINGS)


def test_the_unmutated_template_imports(estate, filled_template):
    import_whole(estate, filled_template)


def test_hostile_readings_files_are_imported_whole_or_refused_without_a_write(
    estate, tmp_path, filled_template
):
    outcomes = fuzz_import(
        estate, tmp_path, filled_template.read_bytes(), import_whole, cases=CASES, seed=SEED
    )
    imported = sum(n for (_, outcome), n in outcomes.items() if outcome == "imported")
    assert 0 < imported < CASES
