"""The 钥匙管理 tab: scan to lend and return, the loan form's rules, the lists."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import registry
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import NewRepair
from desk_app.ui.keys.loan_dialog import LoanDialog, ReturnDialog
from desk_app.ui.repairs.completion import CompletionDialog
from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from tests.builders.keys import keys_estate
from tests.builders.staff import PASSWORD


def public_key(desk, **extra):
    new = KeySetInput("公共区域", {"天台门": 2}, building="3", floor="18", place="A柜-01", **extra)
    return registry.create_set(desk, new).value


def scan(qtbot, page, code):
    page.scan_edit.setFocus()
    qtbot.keyClicks(page.scan_edit, code)
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)


def test_scan_lend_against_an_order_complete_warns_and_return_by_scan(
    staffed_desk, make_window, qtbot, clock, when_modal, shown
):
    desk = keys_estate(staffed_desk)
    key = public_key(desk)
    order = repairs.create_order(desk, NewRepair(content="天台水箱漏水", unit="3-2-501")).value
    technician = repair_setup.technicians(desk)[0]
    repairs.dispatch(desk, order.id, technician.id)
    window = make_window(desk)
    window.named_actions["service.scan_key"].trigger()  # F8: the scan box, from anywhere
    page = window.feature_page("keys")
    assert window.tabs.currentWidget() is page and page.scan_edit.hasFocus()

    def lend(dialog):
        assert dialog.borrower.hasFocus()
        assert dialog.borrower.currentData() == technician.id
        dialog.purpose.setText("天台水箱检修")
        dialog.order_no.setText(order.order_no)
        dialog.accept()

    when_modal(LoanDialog, lend)
    scan(qtbot, page, key.code.lower())  # a hand-typed code in lower case works the same
    assert page.out_table.rowCount() == 1
    assert page.out_table.item(0, 2).text() == "王建国"
    assert page.out_table.item(0, 4).text() == "剩 9小时30分"

    clock.advance(minutes=30)
    repairs.record_arrival(desk, order.id)
    clock.advance(minutes=10)
    repairs_page = window.show_feature("repairs")
    assert repairs_page.show_order(order.id)

    def finish(dialog):
        dialog.work_done.setPlainText("更换浮球阀")
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(CompletionDialog, finish)
    repairs_page.named_actions["complete"].trigger()
    assert repairs_page.order.status == "已完工"
    [warning] = shown.texts("warning")
    assert key.code in warning and "王建国" in warning
    panel = window.due_panel
    panel.refresh()
    [item] = [i for i in panel.items() if i.subject == "key_sets"]
    assert item.limit_label == "收回钥匙" and item.subject_id == key.id
    window.open_due_item(item.subject, item.subject_id)
    assert window.tabs.currentWidget() is page and page.current.id == key.id

    clock.advance(minutes=5)
    when_modal(ReturnDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
    scan(qtbot, page, key.code)
    assert page.out_table.rowCount() == 0
    assert registry.key_set(desk, key.id).state == "in"
    rows = page.history_texts()  # newest first
    assert [r[1] for r in rows][:2] == ["归还", "借出"]
    returned, lent = rows[0], rows[1]
    assert returned[0] == "2026-11-20 08:45" and lent[0] == "2026-11-20 08:00"
    assert lent[3].startswith("王建国") and lent[4] == "天台水箱检修"
    assert lent[5] == order.order_no
    assert returned[8] and lent[8]  # the clerk on duty, both times
    panel.refresh()
    assert not [i for i in panel.items() if i.subject == "key_sets"]


def test_an_unknown_code_is_said_under_the_scan_box(staffed_desk, make_window, qtbot):
    desk = keys_estate(staffed_desk)
    window = make_window(desk)
    window.named_actions["service.scan_key"].trigger()
    page = window.feature_page("keys")
    scan(qtbot, page, "K9999999")
    assert page.scan_message.text() == "没有钥匙编号 K9999999。"
    assert page.scan_edit.hasFocus()


def test_never_to_lend_is_refused_and_equipment_rooms_ask_a_supervisor(
    staffed_desk, make_window, qtbot, when_modal
):
    desk = keys_estate(staffed_desk)
    never = public_key(desk, never_lend=True)
    window = make_window(desk)
    window.named_actions["service.scan_key"].trigger()
    page = window.feature_page("keys")
    refused = []

    def try_lend(dialog):
        dialog.purpose.setText("巡查")
        dialog.accept()
        refused.append(dialog.error_text())
        dialog.reject()

    when_modal(LoanDialog, try_lend)
    scan(qtbot, page, never.code)
    assert refused == [f"{never.code} 为禁止外借的钥匙，不能借出。"]
    assert registry.key_set(desk, never.id).state == "in"

    place = directory_estate.list_public_places(desk)[0]
    room = registry.create_set(
        desk, KeySetInput("设施设备房", {"门": 1}, public_place_id=place.id)
    ).value

    def approve(dialog):
        dialog.username.setText("lee")
        dialog.password.setText(PASSWORD)
        dialog.accept()

    def lend(dialog):
        dialog.purpose.setText("配电房巡检")
        when_modal(SupervisorApprovalDialog, approve)
        dialog.accept()

    when_modal(LoanDialog, lend)
    scan(qtbot, page, room.code)
    lent = registry.key_set(desk, room.id)
    assert lent.state == "out"
    assert page.history_texts()[0][7]  # approved by the supervisor


def test_lend_a_key_from_a_repair_order(staffed_desk, make_window, qtbot, when_modal):
    desk = keys_estate(staffed_desk)
    key = public_key(desk)
    order = repairs.create_order(desk, NewRepair(content="天台水箱漏水", unit="3-2-501")).value
    window = make_window(desk)
    repairs_page = window.show_feature("repairs")
    assert repairs_page.show_order(order.id)
    assert repairs_page.named_actions["lend_key"].isEnabled()

    def lend(dialog):
        assert dialog.order_no.text() == order.order_no and dialog.code.hasFocus()
        qtbot.keyClicks(dialog.code, key.code)
        dialog.code.editingFinished.emit()
        assert dialog.set_label.text().startswith(key.code)
        dialog.purpose.setText("天台水箱检修")
        dialog.accept()

    when_modal(LoanDialog, lend)
    repairs_page.named_actions["lend_key"].trigger()
    lent = registry.key_set(desk, key.id)
    assert lent.state == "out" and lent.repair_order_id == order.id
    page = window.feature_page("keys")
    assert window.tabs.currentWidget() is page and page.current.id == key.id
