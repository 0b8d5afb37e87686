"""The forms of a repair order's life: completion with materials (live amounts, keyboard
grid), inline refusals that write nothing, hold and resume, referral, cancellation,
arrival, and new orders for units and public places."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import NewRepair
from desk_app.services.shifts import login
from desk_app.ui.repairs.completion import AMOUNT, NAME, PRICE, QUANTITY, UNIT, CompletionDialog
from desk_app.ui.repairs.dialogs import (
    ArrivalDialog,
    CancelDialog,
    DispatchDialog,
    HoldDialog,
    NewOrderDialog,
    ReferOutDialog,
)
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, type_text


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(
        desk, unit.id, PersonRecord(name="张三", gender="男", phone="13812345678"), "owner"
    )
    directory_estate.create_public_place(desk, "电梯机房", building="3", floor="顶层")
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    repair_setup.add_technician(desk, "恒安电梯维保公司", kind="外单位", specialty="电梯")
    repair_setup.add_technician(desk, "清源管道疏通", kind="外单位", specialty="管道")
    repair_setup.add_price(desk, "更换水龙头", "35.00", category="水", unit="个", labour="20")
    repair_setup.add_price(desk, "更换角阀", "25.00", category="水", unit="个", labour="15")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def technician(desk, name="王建国"):
    return next(t for t in repair_setup.technicians(desk) if t.name == name)


def order_on_site(desk, clock):
    order = repairs.create_order(desk, NewRepair(content="厨房水龙头漏水", unit="3-2-501")).value
    repairs.dispatch(desk, order.id, technician(desk).id)
    clock.advance(minutes=10)
    order = repairs.record_arrival(desk, order.id).value
    clock.advance(minutes=40)
    return order


def writes(desk):
    return (
        desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        desk.db.execute("SELECT count(*) FROM repair_materials").fetchone()[0],
        desk.db.execute("SELECT count(*) FROM repair_events").fetchone()[0],
    )


def grid_text(dialog, row, column):
    return dialog.materials.index(row, column).data()


# ---- completion -----------------------------------------------------------------------------


def test_completion_with_a_listed_and_a_typed_material(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    assert dialog.arrived_at is None  # arrival was recorded already
    type_text(qtbot, dialog.work_done, "更换水龙头一个，角阀正常")
    model = dialog.materials

    dialog.add_line()
    model.setData(model.index(0, NAME), "更换水龙头")  # from the price list
    assert grid_text(dialog, 0, UNIT) == "个"
    assert grid_text(dialog, 0, QUANTITY) == "1"
    assert grid_text(dialog, 0, PRICE) == "35.00"
    assert grid_text(dialog, 0, AMOUNT) == "¥35.00"
    assert dialog.labour.text() == "20.00"  # the item's labour
    assert dialog.material_total.text() == "¥35.00"
    assert dialog.grand_total.text() == "¥55.00"

    model.setData(model.index(0, QUANTITY), "2")
    assert grid_text(dialog, 0, AMOUNT) == "¥70.00"
    assert dialog.labour.text() == "40.00"
    assert dialog.grand_total.text() == "¥110.00"

    dialog.add_line()
    model.setData(model.index(1, NAME), "生料带")  # not in the list: a free item
    model.setData(model.index(1, UNIT), "卷")
    model.setData(model.index(1, QUANTITY), "1.5")
    assert grid_text(dialog, 1, AMOUNT) == ""  # no price yet
    model.setData(model.index(1, PRICE), "2.33")
    assert grid_text(dialog, 1, AMOUNT) == "¥3.50"  # 3.495 rounded half up
    assert dialog.material_total.text() == "¥73.50"

    dialog.labour.clear()
    type_text(qtbot, dialog.labour, "30")  # the clerk's own labour wins from now on
    model.setData(model.index(0, QUANTITY), "1")
    assert dialog.labour.text() == "30"
    assert dialog.material_total.text() == "¥38.50"
    assert dialog.grand_total.text() == "¥68.50"

    qtbot.mouseClick(dialog.paid, Qt.MouseButton.LeftButton)
    dialog.owner_signed.setChecked(True)
    assert dialog.signed_by.isEnabled() and dialog.signed_by.text() == ""  # no reporter named
    dialog.signed_by.setText("张三")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text()

    done = repairs.get_order(estate, order.id)
    assert done.status == "已完工" and done.paid and done.owner_signed
    assert done.signed_by == "张三"
    assert done.labour_fen == 3000 and done.material_fen == 3850 and done.total_fen == 6850
    materials = repairs.order_detail(estate, order.id).materials
    price = repair_setup.prices(estate)[0]
    assert [(m.name, m.price_id, m.quantity_centi, m.amount_fen) for m in materials] == [
        ("更换水龙头", price.id, 100, 3500),
        ("生料带", None, 150, 350),
    ]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_materials_grid_by_keyboard(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    grid = dialog.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Insert)
    assert dialog.materials.rowCount() == 1
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.completer() is not None
    type_text(qtbot, editor, "更换角阀")
    assert editor.completer().popup().isVisible()  # the price list offers the item
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # (offscreen, the window closing the completer's popup is not activated again)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: grid.currentIndex().column() == QUANTITY)
    assert dialog.isVisible()  # Enter in the grid never closes the dialog
    assert grid_text(dialog, 0, PRICE) == "25.00"
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid_text(dialog, 0, AMOUNT) == "¥75.00")
    assert dialog.labour.text() == "45.00"
    assert dialog.isVisible()

    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.keyClick(grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.materials.rowCount() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert dialog.materials.rowCount() == 1
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert dialog.materials.rowCount() == 0
    assert dialog.material_total.text() == "¥0.00"
    assert dialog.isVisible()


def test_completion_before_arrival_is_refused_inline_and_writes_nothing(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    before = writes(estate)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    dialog.work_done.setPlainText("修好")
    dialog.add_line()
    dialog.materials.setData(dialog.materials.index(0, NAME), "更换水龙头")
    dialog.completed_at.setText("2026-11-20 08:05")  # arrival was at 08:10
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "完工时间" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.completed_at
    assert writes(estate) == before
    assert repairs.get_order(estate, order.id).status == "维修中"
    # corrected, it goes through
    dialog.completed_at.setText("2026-11-20 08:45")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text()


def test_completion_asks_for_the_arrival_when_none_was_recorded(estate, qtbot, clock, hub):
    order = repairs.create_order(estate, NewRepair(content="灯不亮", unit="3-2-501")).value
    order = repairs.dispatch(estate, order.id, technician(estate).id).value
    clock.advance(minutes=30)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    assert dialog.arrived_at is not None
    dialog.work_done.setPlainText("换灯管")
    dialog.accept()
    assert "到场时间" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.arrived_at
    dialog.arrived_at.setText("2026-11-20 08:10")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text()
    assert repairs.get_order(estate, order.id).arrived_at == "2026-11-20T08:10:00+08:00"


def test_a_bad_material_line_is_pointed_at(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    before = writes(estate)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    dialog.work_done.setPlainText("修好")
    model = dialog.materials
    dialog.add_line()
    model.setData(model.index(0, NAME), "更换水龙头")
    dialog.add_line()  # a blank line is left out
    dialog.add_line()
    model.setData(model.index(2, NAME), "水管")
    model.setData(model.index(2, QUANTITY), "abc")
    model.setData(model.index(2, PRICE), "5")
    dialog.accept()
    assert "第 2 项材料" in dialog.error_text() and "数量" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.grid
    assert dialog.grid.currentIndex().row() == 2
    assert writes(estate) == before


def test_paid_without_amounts_is_refused(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    dialog = open_dialog(qtbot, CompletionDialog(estate, hub, order))
    dialog.work_done.setPlainText("检查无问题")
    dialog.paid.setChecked(True)
    dialog.accept()
    assert "有偿服务" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.labour


# ---- the other forms --------------------------------------------------------------------------


def test_cancel_needs_a_reason(estate, qtbot, hub):
    order = repairs.create_order(estate, NewRepair(content="灯不亮", unit="3-2-501")).value
    before = writes(estate)
    dialog = open_dialog(qtbot, CancelDialog(estate, hub, order))
    dialog.accept()
    assert "取消原因" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.reason
    assert writes(estate) == before and repairs.get_order(estate, order.id).status == "登记"
    type_text(qtbot, dialog.reason, "业主自行修好")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    cancelled = repairs.get_order(estate, order.id)
    assert cancelled.status == "已取消" and cancelled.status_reason == "业主自行修好"


def test_hold_then_resume(estate, qtbot, clock, hub):
    order = order_on_site(estate, clock)
    dialog = open_dialog(qtbot, HoldDialog(estate, hub, order))
    dialog.accept()
    assert "暂停原因" in dialog.error_text()
    type_text(qtbot, dialog.reason, "等配件")
    dialog.accept()
    held = repairs.get_order(estate, order.id)
    assert held.status == "暂停" and held.status_reason == "等配件"
    assert dialog.result_order.status == "暂停"
    assert repairs.resume(estate, order.id).value.status == "维修中"


def test_refer_out_offers_the_contractors(estate, qtbot, hub):
    order = repairs.create_order(estate, NewRepair(content="电梯异响", unit="3-2-501")).value
    dialog = open_dialog(qtbot, ReferOutDialog(estate, hub, order))
    names = [dialog.contractor.itemText(n) for n in range(dialog.contractor.count())]
    assert names == ["恒安电梯维保公司", "清源管道疏通"]
    assert dialog.contractor.currentText() == ""
    dialog.accept()
    assert "外单位" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.contractor
    dialog.contractor.setCurrentIndex(0)
    dialog.appointment.setText("明天 9:00")
    dialog.accept()
    referred = repairs.get_order(estate, order.id)
    assert referred.status == "转外单位" and referred.contractor == "恒安电梯维保公司"
    assert referred.appointment == "明天 9:00"
    # a contractor not in the list may be typed
    other = repairs.create_order(estate, NewRepair(content="外墙渗水", unit="3-2-501")).value
    dialog = open_dialog(qtbot, ReferOutDialog(estate, hub, other))
    dialog.contractor.setEditText("某防水公司")
    dialog.accept()
    assert repairs.get_order(estate, other.id).contractor == "某防水公司"


def test_dispatch_lists_engineering_first_and_keeps_the_current_one(estate, qtbot, hub):
    order = repairs.create_order(estate, NewRepair(content="灯不亮", unit="3-2-501")).value
    repair_setup_lee = technician(estate, "清源管道疏通")
    order = repairs.dispatch(estate, order.id, repair_setup_lee.id).value
    dialog = open_dialog(qtbot, DispatchDialog(estate, hub, order))
    texts = [dialog.technician.itemText(n) for n in range(dialog.technician.count())]
    assert texts[0].startswith("王建国（工程部")
    assert dialog.technician.currentData() == repair_setup_lee.id
    dialog.technician.setCurrentIndex(0)
    dialog.accept()
    assert repairs.get_order(estate, order.id).technician_name == "王建国"


def test_arrival_defaults_to_now_and_refuses_the_future(estate, qtbot, clock, hub):
    order = repairs.create_order(estate, NewRepair(content="灯不亮", unit="3-2-501")).value
    order = repairs.dispatch(estate, order.id, technician(estate).id).value
    clock.advance(minutes=12)
    dialog = open_dialog(qtbot, ArrivalDialog(estate, hub, order))
    assert dialog.arrived_at.text() == "2026-11-20 08:12"
    dialog.arrived_at.setText("2026-11-20 09:30")
    dialog.accept()
    assert "不能晚于现在" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.arrived_at
    dialog.arrived_at.setText("2026-11-20 08:09")
    dialog.accept()
    assert repairs.get_order(estate, order.id).arrived_at == "2026-11-20T08:09:00+08:00"


def test_new_order_for_a_unit_takes_the_owner_from_the_archive(estate, qtbot, hub):
    dialog = open_dialog(qtbot, NewOrderDialog(estate, hub))
    assert QApplication.focusWidget() is dialog.unit
    type_text(qtbot, dialog.unit, "3-2-501")
    qtbot.keyClick(dialog.unit, Qt.Key.Key_Tab)
    assert dialog.reporter.text() == "张三"
    assert "138****5678" in dialog.phone.placeholderText()
    dialog.accept()
    assert "报修内容" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.content
    dialog.content.setPlainText("厨房水龙头漏水")
    dialog.urgency.setCurrentText("紧急")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text()
    order = dialog.result_order
    assert order.location == "3栋2单元501" and order.reporter == "张三"
    assert order.phone == "13812345678" and order.urgency == "紧急"
    assert order.reception_id is None


def test_new_order_refuses_an_unknown_unit(estate, qtbot, hub):
    dialog = open_dialog(qtbot, NewOrderDialog(estate, hub))
    dialog.unit.setText("9-9-909")
    dialog.content.setPlainText("漏水")
    dialog.accept()
    assert "房号" in dialog.error_text() or "没有" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.unit
    assert estate.db.execute("SELECT count(*) FROM repair_orders").fetchone()[0] == 0


def test_new_order_for_a_public_place(estate, qtbot, hub):
    places = directory_estate.list_public_places(estate)
    dialog = open_dialog(qtbot, NewOrderDialog(estate, hub))
    dialog.place.setCurrentIndex(1)
    dialog.reporter.setText("王建国")
    dialog.content.setPlainText("电梯机房漏水")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_text()
    assert dialog.result_order.place_id == places[0].id
    assert dialog.result_order.unit_id is None


def test_dialogs_have_no_clashing_mnemonics(estate, qtbot, clock, hub):
    from tests.builders.ui import clashes

    order = repairs.create_order(estate, NewRepair(content="灯不亮", unit="3-2-501")).value
    order = repairs.dispatch(estate, order.id, technician(estate).id).value
    for dialog in (
        NewOrderDialog(estate, hub),
        DispatchDialog(estate, hub, order),
        ArrivalDialog(estate, hub, order),
        HoldDialog(estate, hub, order),
        CancelDialog(estate, hub, order),
        ReferOutDialog(estate, hub, order),
        CompletionDialog(estate, hub, order),
    ):
        open_dialog(qtbot, dialog)
        assert clashes(dialog) == [], type(dialog).__name__
