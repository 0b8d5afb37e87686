"""The roster import wizard with real .xlsx files: a valid file imports; a file with a
bad row shows its Excel row number and imports nothing unless "only the valid rows"
is ticked; the error list and the sample template are saved; matchings are remembered."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desk_app.services.directory import archive
from desk_app.services.directory import estate as directory_estate
from desk_app.ui.directory import roster_import as wizard_module
from desk_app.ui.directory.roster_import import RosterImportWizard
from tests.builders.directory import assert_nothing_unmasked
from tests.builders.ui import open_dialog

HEADERS = ["楼号", "单元号", "房号", "建筑面积", "业主姓名", "性别", "身份证号码", "手机", "车牌号"]
GOOD = [
    ["3", "1", "101", "89.5", "张三", "男", "11010519491231002X", "13812345678", "鲁B12345"],
    ["3", "1", "102", "112.26", "李四", "女", "110101199003074258", "13900001111", None],
    ["3", "2", "501", "98.75", "王五", "男", None, "0532-88886666", None],
]
BAD = ["3", "2", "502", "abc", "赵六", "男", "110101199003074259", "13700000000", None]


def workbook(path, rows) -> str:
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


@pytest.fixture
def estate(staffed_desk):
    directory_estate.create_building(staffed_desk, "3")
    return staffed_desk


def start(qtbot, desk, hub, path) -> RosterImportWizard:
    wizard = open_dialog(qtbot, RosterImportWizard(desk, hub))
    wizard.file_page.path.setText(path)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page, wizard.file_page.error.text()
    return wizard


def commit(wizard) -> object:
    return wizard.button(QWizard.WizardButton.CommitButton)


def test_a_valid_file_imports(estate, tmp_path, qtbot, hub):
    path = workbook(tmp_path / "roster.xlsx", GOOD)
    wizard = start(qtbot, estate, hub, path)
    assert "表头在第 1 行，其下 3 行" in wizard.file_page.info.text()
    combos = wizard.mapping_page.combos
    assert combos["id_number"].currentText() == "身份证号码"
    assert combos["phone"].currentText() == "手机"
    assert combos["unit_code"].currentData() == -1
    assert wizard.mapping_page.samples["id_number"].text() == "110***********002X"
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert "3 行：3 行正确，0 行有错误" in page.summary.text()
    assert page.preview_model.rowCount() == 3
    assert page.preview_model.headerData(0, Qt.Orientation.Vertical) == "2"  # Excel row
    assert page.errors_view.isHidden() and page.only_valid.isHidden()
    assert commit(wizard).isEnabled() and commit(wizard).text() == "导入(&I)"
    assert_nothing_unmasked(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert "新建房屋 3 套" in wizard.result_page.result_label.text()
    assert wizard.imported.added_owners == 3
    unit = archive.unit_page(estate, directory_estate.find_unit(estate, "3-1-101").id)
    assert unit.current[0].name == "张三" and unit.current[0].phone_masked == "138****5678"
    assert [v.plate for v in unit.vehicles] == ["鲁B12345"]


def test_a_bad_row_shows_its_row_number_and_blocks_the_import(
    estate, tmp_path, qtbot, monkeypatch, shown, hub
):
    path = workbook(tmp_path / "roster.xlsx", [*GOOD, BAD])
    wizard = start(qtbot, estate, hub, path)
    wizard.next()
    page = wizard.preview_page
    assert "4 行：3 行正确，1 行有错误" in page.summary.text()
    errors = page.errors_model
    assert errors.rowCount() >= 1
    assert {errors.index(r, 0).data() for r in range(errors.rowCount())} == {"5"}
    messages = [errors.index(r, 2).data() for r in range(errors.rowCount())]
    assert any("建筑面积" in m for m in messages), messages
    assert not page.errors_view.isHidden()
    assert not commit(wizard).isEnabled()
    assert_nothing_unmasked(wizard)

    saved = tmp_path / "errors.xlsx"
    monkeypatch.setattr(wizard_module, "choose_save_path", lambda *args: str(saved))
    page.export_button.click()
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[0] == ("行号", "字段", "错误", "原值")
    assert {row[0] for row in rows[1:]} == {5}
    assert any(str(saved) in text for text in shown.texts("info"))

    with pytest.raises(Exception):  # noqa: B017 — nothing was imported
        directory_estate.find_unit(estate, "3-1-101")
    page.only_valid.click()
    assert commit(wizard).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    assert wizard.imported.created_units == 3 and wizard.imported.skipped_rows == 1
    assert directory_estate.find_unit(estate, "3-1-101")
    with pytest.raises(Exception):  # noqa: B017
        directory_estate.find_unit(estate, "3-2-502")


def test_the_matching_is_remembered_for_the_same_headers(estate, tmp_path, qtbot, hub):
    path = workbook(tmp_path / "roster.xlsx", GOOD)
    wizard = start(qtbot, estate, hub, path)
    note = wizard.mapping_page.combos["note"]
    note.setCurrentIndex(note.findText("车牌号"))
    plates = wizard.mapping_page.combos["plates"]
    plates.setCurrentIndex(plates.findData(-1))
    wizard.next()
    wizard.reject()

    again = start(qtbot, estate, hub, workbook(tmp_path / "next-month.xlsx", GOOD[:1]))
    assert again.mapping_page.combos["note"].currentText() == "车牌号"
    assert again.mapping_page.combos["plates"].currentData() == -1


def test_a_mapping_without_the_unit_cannot_go_on(estate, tmp_path, qtbot, hub):
    wizard = start(qtbot, estate, hub, workbook(tmp_path / "roster.xlsx", GOOD))
    room = wizard.mapping_page.combos["room"]
    room.setCurrentIndex(room.findData(-1))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "房屋编号" in wizard.mapping_page.error.text()


def test_a_file_that_is_not_a_workbook_is_refused(estate, tmp_path, qtbot, hub):
    bogus = tmp_path / "roster.xlsx"
    bogus.write_text("not a workbook", encoding="utf-8")
    wizard = open_dialog(qtbot, RosterImportWizard(estate, hub))
    wizard.file_page.path.setText(str(bogus))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text()


def test_save_roster_template_from_the_menu(estate, make_window, tmp_path, monkeypatch, shown):
    saved = tmp_path / "template.xlsx"
    monkeypatch.setattr(wizard_module, "choose_save_path", lambda *args: str(saved))
    window = make_window(estate)
    window.named_actions["directory.roster_template"].trigger()
    header = next(load_workbook(saved).active.iter_rows(values_only=True))
    assert header[:3] == ("楼号", "单元号", "房号")
    assert shown.texts("info") == [f"已保存名册模板：{saved}"]


def test_roster_models(estate, tmp_path, qtbot, qtmodeltester, hub):
    wizard = start(qtbot, estate, hub, workbook(tmp_path / "roster.xlsx", [*GOOD, BAD]))
    wizard.next()
    page = wizard.preview_page
    qtmodeltester.check(page.preview_model)
    qtmodeltester.check(page.errors_model)
    model = page.preview_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("证件号码")
    assert page.preview_model.index(0, column).data() == "110***********002X"
