"""The unit page prints the archive sheet; the Data menu exports the roster (masked)."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import documents
from desk_app.services.directory import estate, people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.shifts import login
from desk_app.storage import audit
from tests.builders.staff import PASSWORD

OWNER = PersonRecord(name="张三", id_number="11010519491231002X", phone="13812345678")


@pytest.fixture
def household(staffed_desk):
    estate.create_units(staffed_desk, BuildingPlan("3", 1, 1, 1, 5, 2, zero_padded=False))
    unit_id = estate.find_unit(staffed_desk, "3-1-501").id
    people.add_occupant(staffed_desk, unit_id, OWNER, "owner")
    return staffed_desk, unit_id


def test_print_archive_sheet_from_the_unit_page(household, make_window, shown):
    desk, unit_id = household
    window = make_window(desk)
    window.open_unit(unit_id)
    page = window.feature_page("directory").unit_page
    assert page.print_button.isEnabled()
    page.print_button.click()
    [(pdf, _title)] = shown.previews
    assert pdf.startswith(b"%PDF")
    assert [d.form for d in documents.documents_for(desk, "units", unit_id)] == ["owner_archive"]


def workbook_text(path) -> str:
    rows = load_workbook(path, read_only=True).active.iter_rows(values_only=True)
    return " ".join(str(v) for row in rows for v in row if v is not None)


def fake_save(monkeypatch, target):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )


def test_clerk_exports_a_masked_roster(household, make_window, monkeypatch, tmp_path):
    desk, _unit_id = household
    target = tmp_path / "roster.xlsx"
    fake_save(monkeypatch, target)
    window = make_window(desk)
    window.named_actions["directory.export_roster"].trigger()
    text = workbook_text(target)
    assert "张三" in text and OWNER.id_number not in text and not re.search(r"1[3-9]\d{9}", text)


def test_manager_may_export_full_numbers_and_it_is_logged(
    household, make_window, monkeypatch, tmp_path
):
    desk, _unit_id = household
    login.login(desk, "boss", PASSWORD)
    target = tmp_path / "full.xlsx"
    fake_save(monkeypatch, target)
    window = make_window(desk)
    window.named_actions[
        "directory.export_roster"
    ].trigger()  # messages.confirm answers yes in tests
    assert OWNER.id_number in workbook_text(target)
    assert "unmasked_export" in [e.operation for e in audit.recent(desk.db, 5)]


def test_unit_list_shows_the_owner(household, qtmodeltester):
    from desk_app.ui.directory.models import UnitListModel

    desk, unit_id = household
    model = UnitListModel(desk)
    model.set_scope("3", "1")
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    row = model.row_of(unit_id)
    assert model.index(row, UnitListModel.OWNER).data() == "张三"
    assert model.headerData(UnitListModel.OWNER, Qt.Orientation.Horizontal) == "业主"
