"""No full ID number or phone in any list, printout or export a clerk makes."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from desk_app.core.errors import PermissionDenied
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive, estate, people
from desk_app.services.directory import archive_print as directory_print
from desk_app.services.directory import roster_export as directory_export
from desk_app.services.directory.people import PersonRecord
from desk_app.services.shifts import login
from desk_app.storage import audit
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD

PEOPLE = [
    PersonRecord(name="张三", id_number="11010519491231002X", phone="13812345678"),
    PersonRecord(
        name="李四", id_number="110101199003074258", phone="13900001111", phone2="0531-88886666"
    ),
    PersonRecord(name="王小五", id_number="370102198812120015", phone="15012345678"),
]
FULL_NUMBERS = [p.id_number for p in PEOPLE] + [p.phone for p in PEOPLE] + ["88886666"]


@pytest.fixture
def household(staffed_desk):
    estate.create_units(staffed_desk, BuildingPlan("3", 1, 1, 1, 5, 2, zero_padded=False))
    unit_id = estate.find_unit(staffed_desk, "3-1-501").id
    people.add_occupant(staffed_desk, unit_id, PEOPLE[0], "owner")
    people.add_occupant(staffed_desk, unit_id, PEOPLE[1], "co_owner")
    people.add_occupant(staffed_desk, unit_id, PEOPLE[2], "member", relation="子女")
    return staffed_desk, unit_id


def assert_no_full_numbers(text: str) -> None:
    for number in FULL_NUMBERS:
        assert number not in text
    assert not re.search(r"\d{17}[\dXx]", text)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)


def workbook_text(path) -> str:
    sheet = load_workbook(path, read_only=True).active
    return "\n".join(
        " ".join(str(v) for v in row if v is not None) for row in sheet.iter_rows(values_only=True)
    )


def test_clerk_roster_export_is_masked(household, tmp_path):
    desk, _unit_id = household
    target = tmp_path / "roster.xlsx"
    assert directory_export.export_roster(desk, target).value == 3 + 9
    text = workbook_text(target)
    assert "张三" in text and "110***********002X" in text and "138****5678" in text
    assert_no_full_numbers(text)


def test_clerk_cannot_export_unmasked_manager_can_and_it_is_logged(household, tmp_path):
    desk, _unit_id = household
    with pytest.raises(PermissionDenied):
        directory_export.export_roster(desk, tmp_path / "x.xlsx", unmasked=True)
    assert not (tmp_path / "x.xlsx").exists()
    login.login(desk, "boss", PASSWORD)
    directory_export.export_roster(desk, tmp_path / "full.xlsx", unmasked=True)
    assert PEOPLE[0].id_number in workbook_text(tmp_path / "full.xlsx")
    operations = [e.operation for e in audit.recent(desk.db, 3)]
    assert "unmasked_export" in operations and "roster_exported" in operations


def test_printed_archive_sheet_is_masked(household, tmp_path):
    desk, unit_id = household
    printed = directory_print.print_archive_sheet(desk, unit_id).value
    text = pdf_text(printed.pdf)
    assert "业主档案资料表" in text and "张三" in text and "王小五" in text
    assert_no_full_numbers(text.replace(" ", ""))


def test_unit_page_and_search_free_lists_are_masked(household):
    desk, unit_id = household
    assert_no_full_numbers(repr(archive.unit_page(desk, unit_id)))


def test_cli_export_is_masked(household, tmp_path):
    from tests.builders.cli import run_cli

    desk, _unit_id = household
    path = desk.path
    desk.close()
    target = tmp_path / "cli-roster.xlsx"
    result = run_cli("--db", str(path), "export-roster", str(target))
    assert result.returncode == 0, result.stderr
    assert_no_full_numbers(workbook_text(target))
