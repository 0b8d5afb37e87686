"""One repair call through the whole desk, in the main window: entered by keyboard in
接待登记, dispatched, completed with materials and called back in 维修工单, then found on
the unit's page in 业主档案 and in the audit trail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import login
from desk_app.storage import audit
from desk_app.ui.repairs.callback_dialog import CallbackDialog
from desk_app.ui.repairs.completion import NAME, QUANTITY, CompletionDialog
from desk_app.ui.repairs.dialogs import ArrivalDialog, DispatchDialog
from tests.builders.staff import PASSWORD
from tests.builders.ui import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(
        desk, unit.id, PersonRecord(name="张三", gender="男", phone="13812345678"), "owner"
    )
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    repair_setup.add_price(desk, "更换水龙头", "35.00", category="水", unit="个", labour="20")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    qtbot.keyClick(QApplication.focusWidget() or widget, k, modifier)


def focus(qtbot, window, widget) -> None:
    """Back in the main window after a dialog closed (the offscreen platform does not
    re-activate it as a window manager would)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def typed(qtbot, text: str) -> None:
    type_text(qtbot, QApplication.focusWidget(), text)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_a_repair_call_from_the_phone_to_the_callback(
    estate, make_window, when_modal, qtbot, clock
):
    window = make_window(estate)
    window.named_actions["service.new_entry"].trigger()  # F2
    page = window.feature_page("reception")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.unit_edit)

    # 接待登记 by keyboard: room, caller from the archive, category B (报修), content, save
    typed(qtbot, "3-2-501")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_B)
    typed(qtbot, "厨房水龙头漏水")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert page.form.error_text() == ""
    [entry] = reception.list_entries(estate, reception.EntryQuery())
    order = repairs.get_order(estate, entry.repair_order_id)
    assert (entry.caller_name, order.reporter, order.phone) == ("张三", "张三", "13812345678")

    # 维修工单: open the order from the log, dispatch, arrival, completion, callback
    page.view.setFocus()
    page.show_entry(entry.id)
    key(qtbot, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 打开维修单
    repairs_page = window.feature_page("repairs")
    assert window.tabs.currentWidget() is repairs_page
    assert repairs_page.order.id == order.id

    clock.advance(minutes=2)
    when_modal(DispatchDialog, lambda d: key(qtbot, Qt.Key.Key_Return, widget=d))
    focus(qtbot, window, repairs_page.view)
    key(qtbot, Qt.Key.Key_D, CTRL)
    assert repairs.get_order(estate, order.id).status == "已派工"

    clock.advance(minutes=20)
    when_modal(ArrivalDialog, lambda d: key(qtbot, Qt.Key.Key_Return, widget=d))
    focus(qtbot, window, repairs_page.view)
    key(qtbot, Qt.Key.Key_R, CTRL)
    assert repairs.get_order(estate, order.id).status == "维修中"

    clock.advance(minutes=30)

    def complete(dialog: CompletionDialog) -> None:
        type_text(qtbot, dialog.work_done, "更换水龙头一个")
        dialog.add_line()
        dialog.materials.setData(dialog.materials.index(0, NAME), "更换水龙头")
        dialog.materials.setData(dialog.materials.index(0, QUANTITY), "1")
        dialog.paid.setChecked(True)
        dialog.owner_signed.setChecked(True)
        dialog.signed_by.setText("张三")
        dialog.accept()

    when_modal(CompletionDialog, complete)
    focus(qtbot, window, repairs_page.view)
    key(qtbot, Qt.Key.Key_E, CTRL)
    done = repairs.get_order(estate, order.id)
    assert done.status == "已完工" and done.total_fen == 3500 + 2000 and done.paid

    clock.advance(hours=1)

    def call_back(dialog: CallbackDialog) -> None:
        qtbot.keyClick(dialog.result_choice, Qt.Key.Key_1)  # 满意
        type_text(qtbot, dialog.comment_edit, "修得很好")
        qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return)

    when_modal(CallbackDialog, call_back)
    focus(qtbot, window, repairs_page.view)
    key(qtbot, Qt.Key.Key_L, CTRL)
    closed = repairs.get_order(estate, order.id)
    assert closed.status == "已回访" and closed.callback_result == "满意"
    assert reception.get_entry(estate, entry.id).status == "closed"

    # 业主档案: the unit page lists the entry and the order with its callback
    unit = directory_estate.find_unit(estate, "3-2-501")
    window.open_unit(unit.id)
    history = window.feature_page("directory").unit_page.history_tab
    window.feature_page("directory").unit_page.tabs.setCurrentWidget(history)  # 接待与维修
    [listed_entry] = history.entries_model.rows()
    [listed_order] = history.orders_model.rows()
    assert listed_entry.entry_no == entry.entry_no and listed_entry.callback_result == "满意"
    assert listed_order.order_no == order.order_no and listed_order.status == "已回访"
    assert listed_order.material_fen == 3500 and listed_entry.phone == "138****5678"

    # the audit trail holds every step, by the clerk on duty
    steps = [
        e.operation for e in audit.entries_for_record(estate.db, "repair_orders", str(order.id))
    ]
    assert steps == [
        "repair_order_created",
        "repair_dispatched",
        "repair_arrived",
        "repair_completed",
        "callback_recorded",
    ]
    [recorded] = audit.entries_for_record(estate.db, "reception_entries", str(entry.id))
    assert recorded.operation == "reception_recorded" and recorded.actor == "zhang"
    assert audit.verify_chain(estate.db).ok
