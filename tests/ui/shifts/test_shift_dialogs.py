"""Handover, day close and password change, as the clerk does them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from desk_app.services.desk import documents
from desk_app.services.shifts import login, operators
from desk_app.ui.shifts.change_password import ChangePasswordDialog
from desk_app.ui.shifts.close_day import CloseDayDialog
from desk_app.ui.shifts.handover import HandoverDialog
from tests.builders.staff import PASSWORD
from tests.builders.ui import change_events, open_dialog, type_text


def test_handover_by_keyboard_from_the_main_window(
    staffed_desk, make_window, when_modal, shown, hub, qtbot, clock
):
    window = make_window(staffed_desk)
    old_shift = staffed_desk.shift
    clock.advance(hours=7)
    events = change_events(hub)

    def fill(dialog: HandoverDialog) -> None:
        assert QApplication.focusWidget() is dialog.incoming_username
        qtbot.keyClicks(dialog.incoming_username, "chen")
        qtbot.keyClick(dialog.incoming_username, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), PASSWORD)  # incoming password
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.next_shift
        dialog.next_shift.setCurrentText("晚班")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.outgoing_password
        qtbot.keyClicks(dialog.outgoing_password, PASSWORD)
        qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Tab)
        type_text(qtbot, QApplication.focusWidget(), "3-2-501 报修未完工")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_modal(HandoverDialog, fill)
    window.named_actions["shift.handover"].trigger()

    assert staffed_desk.operator.username == "chen"
    assert staffed_desk.shift.name == "晚班" and staffed_desk.shift.id != old_shift.id
    row = login.recent_shifts(staffed_desk, 5)[1]
    assert row.id == old_shift.id and row.status == "handed_over"
    assert row.note == "3-2-501 报修未完工" and row.incoming_operator_name == "陈静"
    pdf = documents.pdf_of(staffed_desk, row.handover_document_id)
    assert pdf.startswith(b"%PDF")
    assert shown.previews == [(pdf, "交接班记录")]
    [handover] = [e for e in events if e.did("shift_handed_over")]
    assert handover.ids("shifts") == {old_shift.id, staffed_desk.shift.id}
    assert window.findChild(QLabel, "status_operator").text() == "陈静"
    assert window.findChild(QLabel, "status_shift").text().startswith("晚班")
    assert "已交班。备份已保存" in window.statusBar().currentMessage()


def test_handover_says_whose_password_is_wrong(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, HandoverDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.incoming_username, "chen")
    qtbot.keyClicks(dialog.incoming_password, PASSWORD)
    qtbot.keyClicks(dialog.outgoing_password, "not-mine")
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "交班人密码不正确。"
    assert QApplication.focusWidget() is dialog.outgoing_password
    dialog.outgoing_password.clear()
    qtbot.keyClicks(dialog.outgoing_password, PASSWORD)
    dialog.incoming_password.setText("wrong-one")
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "接班人：登录名或密码不正确。"
    assert QApplication.focusWidget() is dialog.incoming_password
    assert dialog.incoming_username.text() == "chen"
    assert staffed_desk.operator.username == "zhang"  # nothing happened


def test_handover_to_oneself_is_refused(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, HandoverDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.incoming_username, "zhang")
    qtbot.keyClicks(dialog.incoming_password, PASSWORD)
    qtbot.keyClicks(dialog.outgoing_password, PASSWORD)
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "接班人不能是交班人本人。"
    assert dialog.isVisible()


def test_close_day_logs_out_and_asks_for_a_login(
    staffed_desk, make_window, when_modal, shown, qtbot
):
    window = make_window(staffed_desk)
    shift_id = staffed_desk.shift.id

    def fill(dialog: CloseDayDialog) -> None:
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(CloseDayDialog, fill)
    with qtbot.waitSignal(window.relogin_requested):
        window.named_actions["shift.close_day"].trigger()
    assert staffed_desk.operator is None and login.current_shift(staffed_desk) is None
    assert login.recent_shifts(staffed_desk, 1)[0].id == shift_id
    assert login.recent_shifts(staffed_desk, 1)[0].status == "day_closed"
    assert len(shown.previews) == 1
    assert window.findChild(QLabel, "status_operator").text() == "未登录"
    assert not window.named_actions["shift.handover"].isEnabled()


def test_change_own_password(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, ChangePasswordDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.old_password, PASSWORD)
    qtbot.keyClicks(dialog.new_password, "new-secret")
    qtbot.keyClicks(dialog.confirm, "new-secret")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert operators.authenticate(staffed_desk, "zhang", "new-secret")


def test_change_password_wrong_old_one(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, ChangePasswordDialog(staffed_desk, hub))
    qtbot.keyClicks(dialog.old_password, "wrong-pass")
    qtbot.keyClicks(dialog.new_password, "new-secret")
    qtbot.keyClicks(dialog.confirm, "new-secret")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.error_text() == "登录名或密码不正确。"
    assert QApplication.focusWidget() is dialog.old_password
