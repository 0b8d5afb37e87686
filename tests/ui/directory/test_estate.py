"""The estate in the owner archive tab: bulk creation with a live preview, a tower
without entrances, the tree and the lazily fetched unit list, public places."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from desk_app.core.errors import NotFoundError
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate
from desk_app.ui.directory.models import EstateTreeModel, UnitListModel
from desk_app.ui.directory.unit_dialogs import EXISTS_ROLE, BulkUnitsDialog, PublicPlaceDialog
from tests.builders.ui import open_dialog, type_text


def test_bulk_dialog_previews_then_creates(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, BulkUnitsDialog(staffed_desk, hub))
    assert QApplication.focusWidget() is dialog.building
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.building, "5")
    qtbot.keyClick(dialog.building, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.first_entrance, "1")
    qtbot.keyClick(dialog.first_entrance, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.last_entrance, "2")
    # floors 1–18 and 4 a floor are the defaults; the preview follows the typing
    qtbot.waitUntil(lambda: "144" in dialog.summary.text(), timeout=2000)
    assert dialog.summary.text() == "将新建 144 套：5-1-0101 … 5-2-1804"
    assert dialog.codes_model.rowCount() == 144
    assert dialog.codes()[:2] == ["5-1-0101", "5-1-0102"]
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.last_entrance, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(dialog.created_ids) == 144
    assert estate.find_unit(staffed_desk, "5-2-1804").floor == 18
    assert [b.code for b in estate.list_buildings(staffed_desk)] == ["5"]


def test_bulk_dialog_shows_existing_codes_and_skips_them_when_told(staffed_desk, qtbot, hub):
    estate.create_units(staffed_desk, BuildingPlan("5", 1, 1, 1, 2, 2))
    dialog = open_dialog(qtbot, BulkUnitsDialog(staffed_desk, hub, building="5"))
    dialog.first_entrance.setText("1")
    dialog.last_entrance.setText("1")
    dialog.last_floor.setValue(3)
    dialog.per_floor.setValue(2)
    dialog.update_preview()
    assert dialog.existing_codes == ["5-1-0101", "5-1-0102", "5-1-0201", "5-1-0202"]
    assert "4 套已存在" in dialog.summary.text()
    first = dialog.codes_model.item(0)
    assert first.text() == "5-1-0101" and first.data(EXISTS_ROLE) and first.toolTip() == "已存在"
    assert not dialog.codes_model.item(4).data(EXISTS_ROLE)
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.skip_existing, Qt.MouseButton.LeftButton)
    dialog.update_preview()
    assert dialog.ok_button.isEnabled()
    assert "将跳过" in dialog.summary.text()
    qtbot.keyClick(dialog.building, Qt.Key.Key_Return)
    assert len(dialog.created_ids) == 2
    assert estate.find_unit(staffed_desk, "5-1-0302")


def test_tower_without_entrances(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, BulkUnitsDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.building, "18")
    dialog.last_floor.setValue(20)
    dialog.per_floor.setValue(3)
    dialog.zero_padded.setChecked(False)
    dialog.update_preview()
    assert dialog.summary.text() == "将新建 60 套：18-101 … 18-2003"
    type_text(qtbot, dialog.area, "126.5")
    dialog.kind.setCurrentText("办公")
    qtbot.keyClick(dialog.area, Qt.Key.Key_Return)
    unit = estate.find_unit(staffed_desk, "18-1203")
    assert unit.entrance is None and unit.kind == "办公" and unit.area_centi_m2 == 12650


def test_a_bad_plan_is_explained_and_cannot_be_created(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, BulkUnitsDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.building, "3")
    dialog.first_entrance.setText("2")  # the last entrance left empty
    dialog.update_preview()
    assert dialog.summary.text() == "单元号起止要么都填，要么都不填。"
    assert not dialog.ok_button.isEnabled()
    dialog.last_entrance.setText("2")
    dialog.area.setText("abc")
    dialog.update_preview()
    qtbot.keyClick(dialog.area, Qt.Key.Key_Return)
    assert dialog.error_text() == "建筑面积不是数字：abc"
    assert QApplication.focusWidget() is dialog.area
    with pytest.raises(NotFoundError):
        estate.find_unit(staffed_desk, "3-2-0101")


def test_create_units_from_the_tab_refreshes_the_tree(staffed_desk, make_window, when_modal, qtbot):
    window = make_window(staffed_desk)
    page = window.feature_page("directory")
    assert [page.tree_model.index(r, 0).data() for r in range(page.tree_model.rowCount())] == [
        "全部房屋",
        "公共区域",
    ]

    def fill(dialog: BulkUnitsDialog) -> None:
        qtbot.keyClicks(dialog.building, "7")
        dialog.first_entrance.setText("1")
        dialog.last_entrance.setText("3")
        dialog.last_floor.setValue(6)
        dialog.per_floor.setValue(2)
        qtbot.keyClick(dialog.building, Qt.Key.Key_Return)

    when_modal(BulkUnitsDialog, fill)
    window.named_actions["directory.create_units"].trigger()
    tree = page.tree_model
    assert [tree.index(r, 0).data() for r in range(tree.rowCount())] == [
        "全部房屋",
        "7栋",
        "公共区域",
    ]
    building = tree.index(1, 0)
    assert page.tree.currentIndex() == building
    assert page.units_model.rowCount() == 36
    page.tree.expand(building)
    assert [tree.index(r, 0, building).data() for r in range(tree.rowCount(building))] == [
        "1单元",
        "2单元",
        "3单元",
    ]
    page.tree.setCurrentIndex(tree.index(1, 0, building))
    assert page.units_model.rowCount() == 12
    assert {page.units_model.row_at(r).entrance for r in range(12)} == {"2"}
    assert "36 套" in window.statusBar().currentMessage()


def test_unit_list_fetches_a_page_at_a_time(staffed_desk, monkeypatch, qtmodeltester):
    estate.create_units(staffed_desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    monkeypatch.setattr(UnitListModel, "PAGE", 5)
    calls = []
    real = estate.list_units

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(sys.modules[estate.list_units.__module__], "list_units", counting)
    model = UnitListModel(staffed_desk)
    model.set_scope("3")
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5 and calls[-1]["limit"] == 5
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 24
    model.set_scope("3", "2")
    model.fetchMore(QModelIndex())
    assert [model.row_at(r).code for r in range(model.rowCount())][:2] == ["3-2-101", "3-2-102"]
    qtmodeltester.check(model)
    assert model.headerData(model.AREA, Qt.Orientation.Horizontal) == "建筑面积(㎡)"


def test_estate_tree_model(staffed_desk, qtmodeltester):
    estate.create_units(staffed_desk, BuildingPlan("3", 1, 2, 1, 2, 2))
    estate.create_units(staffed_desk, BuildingPlan("18", None, None, 1, 2, 2))
    model = EstateTreeModel(staffed_desk)
    qtmodeltester.check(model)
    building = model.index_of("building", "3")
    assert model.hasChildren(building)
    entrance = model.index_of("entrance", "3", "2")
    assert entrance.data() == "2单元" and entrance.parent() == building
    tower = model.index_of("building", "18")
    assert tower.data() == "18栋" and not model.hasChildren(tower)


def test_public_place_from_the_tab(staffed_desk, make_window, when_modal, qtbot):
    estate.create_units(staffed_desk, BuildingPlan("3", 1, 1, 1, 2, 2))
    window = make_window(staffed_desk)
    page = window.feature_page("directory")

    def fill(dialog: PublicPlaceDialog) -> None:
        type_text(qtbot, dialog.name, "水泵房")
        dialog.building.setCurrentIndex(dialog.building.findData("3"))
        qtbot.keyClicks(dialog.floor, "B1")
        qtbot.keyClick(dialog.floor, Qt.Key.Key_Return)

    when_modal(PublicPlaceDialog, fill)
    page.new_place_button.click()
    assert page.list_stack.currentWidget() is page.places_view
    assert page.places_model.index(0, 0).data() == "3-B1-水泵房"
    assert page.places_view.currentIndex().row() == 0


def test_an_existing_building_keeps_its_numbering(staffed_desk, qtbot, hub):
    estate.create_units(staffed_desk, BuildingPlan("1", 1, 1, 1, 6, 2, zero_padded=False))
    dialog = open_dialog(qtbot, BulkUnitsDialog(staffed_desk, hub, building="1"))
    assert not dialog.zero_padded.isChecked()
    dialog.first_entrance.setText("1")
    dialog.last_entrance.setText("1")
    dialog.last_floor.setValue(7)
    dialog.per_floor.setValue(2)
    dialog.update_preview()
    assert len(dialog.existing_codes) == 12 and dialog.new_codes == ["1-1-701", "1-1-702"]
    dialog.building.setText("2")  # a new building: the default, four digits
    assert dialog.zero_padded.isChecked()
    qtbot.mouseClick(dialog.zero_padded, Qt.MouseButton.LeftButton)  # the clerk's choice
    dialog.building.setText("1")
    assert not dialog.zero_padded.isChecked()
    dialog.building.setText("2")
    assert not dialog.zero_padded.isChecked()
