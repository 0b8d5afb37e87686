"""The roster import against hundreds of damaged and hostile copies of a valid roster
(made from the desk's own template), with a fixed seed: every case either imports every
row or is refused with a DeskError and writes nothing — never another exception."""

from __future__ import annotations

import openpyxl
import pytest

from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import roster_import as ri
from tests.builders.hostile_workbooks import fuzz_import
from tests.builders.roster_workbooks import HEADERS, roster_rows

SEED = 20261112
CASES = 300
ROWS = 8


@pytest.fixture
def valid_roster(tmp_path):
    """The sample template, its two example rows replaced by eight rows a clerk typed."""
    path = tmp_path / "roster.xlsx"
    ri.write_sample_template(path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["业主花名册"]
    sheet.delete_rows(2, 2)
    headers = [c.value for c in sheet[1]]
    for row in roster_rows(ROWS):
        values = dict(zip(HEADERS, row, strict=True))
        sheet.append([values.get(h) for h in headers])
    workbook.save(path)
    return path


def import_file(desk, path) -> ri.ImportResult:
    """What the wizard and ``desk-app import-roster`` do: read, map, check, import."""
    sheet = ri.load_roster(path)
    check = ri.validate(desk, sheet.rows, ri.guess_mapping(sheet.headers), source=path.name)
    result = ri.import_roster(desk, check).value  # refuses a check with any error
    assert check.ok and result.skipped_rows == 0
    return result


def test_hostile_rosters_are_imported_whole_or_refused_without_a_write(
    desk, tmp_path, valid_roster
):
    directory_estate.create_building(desk, "1")

    def import_whole(copy, path) -> None:
        result = import_file(copy, path)
        assert result.created_units + result.unchanged == ROWS

    outcomes = fuzz_import(
        desk, tmp_path, valid_roster.read_bytes(), import_whole, cases=CASES, seed=SEED
    )
    imported = sum(n for (_, outcome), n in outcomes.items() if outcome == "imported")
    assert 0 < imported < CASES


def test_the_unmutated_roster_imports(desk, valid_roster):
    directory_estate.create_building(desk, "1")
    result = import_file(desk, valid_roster)
    assert result.created_units == ROWS and result.added_owners == ROWS
