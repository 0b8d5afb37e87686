"""The hand-over's inspection step corrected by keyboard: Del clears an OK cell, a saved
defect opened again shows who fixes it and is changed, Del on a defect removes it with the
reason asked (its repair order cancelled), a change refused once the order is sent out is
said under the grid and the cell stays as saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desk_app.services.movein import defects
from desk_app.services.movein.defects import DefectInput
from desk_app.services.repairs import orders
from desk_app.services.repairs import setup as repair_setup
from desk_app.ui.movein.defect_dialog import DefectDialog, DefectEntry
from desk_app.ui.movein.handover_page import HandoverPage
from desk_app.ui.movein.inspection_grid import OK, RESULT_ROLE
from tests.builders.movein import movein_estate
from tests.builders.ui import show, type_text

CONTRACTOR = "开发商维修单位"


@pytest.fixture
def inspection(staffed_desk, hub, qtbot):
    desk = staffed_desk
    unit, _keys, _batch = movein_estate(desk)
    page = show(qtbot, HandoverPage(desk, hub))
    page.open_unit(unit.id)
    hid = page.state.handover.id
    defects.save_cell(desk, hid, "客厅", "墙面", OK)
    crack = defects.add_defect(
        desk, hid, DefectInput("客厅", "天花", "裂缝", "细裂缝", contractor=CONTRACTOR)
    ).value
    page.refresh()
    page.show_step("inspection")
    panel = page.panel_of["inspection"]
    return desk, hid, page, panel, crack


def shown(panel, room, item):
    grid = panel.grid
    row, column = grid.model.rooms.index(room), grid.model.items.index(item)
    return grid.model.index(row, column).data(RESULT_ROLE)


def test_del_clears_an_ok_cell(inspection, qtbot):
    desk, hid, _page, panel, _crack = inspection
    panel.grid.set_current_cell("客厅", "墙面")
    qtbot.keyClick(panel.grid.view, Qt.Key.Key_Delete)
    assert [(c.room, c.item) for c in defects.cells(desk, hid)] == [("客厅", "天花")]
    assert shown(panel, "客厅", "墙面") is None


def test_a_saved_defect_opens_with_its_fixer_and_is_changed(inspection, qtbot, when_modal):
    desk, _hid, _page, panel, crack = inspection
    assert shown(panel, "客厅", "天花") == DefectEntry("裂缝", "细裂缝", CONTRACTOR)
    seen = {}

    def change(dialog):
        seen["fixer"] = dialog.fixer.value()
        seen["category"] = dialog.category.currentData()
        dialog.category.setCurrentIndex(dialog.category.findData("空鼓"))
        dialog.note.setPlainText("")
        type_text(qtbot, dialog.note, "two hollow spots")
        dialog.fixer.set_value("工程部")
        dialog.accept()

    panel.grid.set_current_cell("客厅", "天花")
    when_modal(DefectDialog, change)
    qtbot.keyClick(panel.grid.view, Qt.Key.Key_D)

    assert seen == {"fixer": CONTRACTOR, "category": "裂缝"}
    changed = defects.defect_at(desk, crack.handover_id, "客厅", "天花")
    assert (changed.id, changed.category, changed.note) == (crack.id, "空鼓", "two hollow spots")
    assert changed.contractor == "" and changed.repair_order_id != crack.repair_order_id
    assert orders.get_order(desk, crack.repair_order_id).status == "已取消"
    assert shown(panel, "客厅", "天花") == DefectEntry("空鼓", "two hollow spots", "工程部")
    assert (
        panel.message.text().startswith("遗留问题已修改")
        and changed.order_no in panel.message.text()
    )


def test_del_on_a_defect_removes_it_with_the_reason(inspection, qtbot, when_modal):
    desk, hid, _page, panel, crack = inspection

    def why(dialog):
        dialog.setTextValue("看错了")
        dialog.accept()

    panel.grid.set_current_cell("客厅", "天花")
    when_modal(QInputDialog, why)
    qtbot.keyClick(panel.grid.view, Qt.Key.Key_Delete)

    assert defects.defects_of_handover(desk, hid) == []
    order = orders.get_order(desk, crack.repair_order_id)
    assert order.status == "已取消" and "看错了" in order.status_reason
    assert shown(panel, "客厅", "天花") is None
    assert crack.order_no in panel.message.text()


def test_giving_up_the_reason_keeps_the_defect(inspection, qtbot, when_modal):
    desk, hid, _page, panel, crack = inspection
    panel.grid.set_current_cell("客厅", "天花")
    when_modal(QInputDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(panel.grid.view, Qt.Key.Key_Space)  # OK instead of the defect: asked why
    assert [d.id for d in defects.defects_of_handover(desk, hid)] == [crack.id]
    assert shown(panel, "客厅", "天花") == DefectEntry("裂缝", "细裂缝", CONTRACTOR)


def test_a_change_refused_is_said_and_the_cell_stays(inspection, qtbot, when_modal):
    desk, _hid, _page, panel, crack = inspection
    technician = repair_setup.technicians(desk)[0]
    orders.dispatch(desk, crack.repair_order_id, technician.id)

    def change(dialog):
        dialog.category.setCurrentIndex(dialog.category.findData("空鼓"))
        dialog.accept()

    panel.grid.set_current_cell("客厅", "天花")
    when_modal(DefectDialog, change)
    qtbot.keyClick(panel.grid.view, Qt.Key.Key_Return)

    assert "不能再修改该问题" in panel.message.text()
    assert defects.get_defect(desk, crack.id).category == "裂缝"
    assert shown(panel, "客厅", "天花").category == "裂缝"
