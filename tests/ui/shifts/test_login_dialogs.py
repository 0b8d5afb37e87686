"""First start and login, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desk_app.services.shifts import login, operators
from desk_app.ui.shifts.first_manager import FirstManagerDialog
from desk_app.ui.shifts.login import LoginDialog
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, type_text


def test_first_manager_is_created_by_keyboard(desk, qtbot, hub):
    assert operators.needs_first_manager(desk)
    dialog = open_dialog(qtbot, FirstManagerDialog(desk, hub))
    assert dialog.windowTitle() == "首次使用：创建经理账号"
    assert QApplication.focusWidget() is dialog.username
    qtbot.keyClicks(QApplication.focusWidget(), "wangjg")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "王建国")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "manager-1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "manager-1")
    assert QApplication.focusWidget() is dialog.confirm
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.operator.role == "manager"
    assert not operators.needs_first_manager(desk)
    assert operators.authenticate(desk, "wangjg", "manager-1").display_name == "王建国"


def test_first_manager_mismatch_keeps_the_fields(desk, qtbot, hub):
    dialog = open_dialog(qtbot, FirstManagerDialog(desk, hub))
    qtbot.keyClicks(dialog.username, "wangjg")
    type_text(qtbot, dialog.display_name, "王建国")
    qtbot.keyClicks(dialog.password, "manager-1")
    qtbot.keyClicks(dialog.confirm, "manager-2")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_text() == "两次输入的密码不一致。"
    assert dialog.username.text() == "wangjg" and dialog.password.text() == "manager-1"
    assert operators.needs_first_manager(desk)
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "manager-1")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_first_manager_shows_the_service_message(desk, qtbot, hub):
    dialog = open_dialog(qtbot, FirstManagerDialog(desk, hub))
    type_text(qtbot, dialog.username, "王")  # not a valid user name
    type_text(qtbot, dialog.display_name, "王建国")
    qtbot.keyClicks(dialog.password, "manager-1")
    qtbot.keyClicks(dialog.confirm, "manager-1")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert "登录名须为" in dialog.error_text()
    assert QApplication.focusWidget() is dialog.username


def test_login_wrong_password_stays_open_then_logs_in(staffed_desk, qtbot, hub):
    login.logout(staffed_desk)
    dialog = open_dialog(qtbot, LoginDialog(staffed_desk, hub))
    assert dialog.shift_name.currentText() == login.suggested_shift_name(staffed_desk)
    assert "张丽" in dialog.intro_label.text()  # who holds the open shift
    assert dialog.username.text() == "zhang"  # offered: she resumes it
    dialog.username.selectAll()
    qtbot.keyClicks(dialog.username, "chen")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "wrong-password")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_text() == "登录名或密码不正确。"
    assert dialog.username.text() == "chen"
    assert QApplication.focusWidget() is dialog.password
    assert staffed_desk.operator is None
    qtbot.keyClicks(dialog.password, PASSWORD)  # the wrong one is selected: typing replaces it
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert staffed_desk.operator.username == "chen"
    assert dialog.shift.id == login.current_shift(staffed_desk).id
    assert login.current_shift(staffed_desk).operator_name == "陈静"


def test_login_prefilled_user_name_starts_in_the_password(staffed_desk, qtbot, hub):
    login.logout(staffed_desk)
    dialog = open_dialog(qtbot, LoginDialog(staffed_desk, hub, username="zhang"))
    assert QApplication.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert staffed_desk.operator.username == "zhang"


def test_escape_cancels(staffed_desk, qtbot, hub):
    login.logout(staffed_desk)
    dialog = open_dialog(qtbot, LoginDialog(staffed_desk, hub))
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_after_a_handover_the_new_clerk_is_offered_not_the_last_one(
    staffed_desk, clock, qtbot, hub
):
    from desk_app.ui import preferences
    from tests.builders.staff import hand_over_to_chen

    preferences.store_last_choice(preferences.LAST_USERNAME_KEY, "zhang")  # she typed it last
    hand_over_to_chen(staffed_desk, clock)  # chen's shift is open now
    login.logout(staffed_desk)
    dialog = open_dialog(qtbot, LoginDialog(staffed_desk, hub))
    assert dialog.username.text() == "chen"
    assert QApplication.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert staffed_desk.operator.username == "chen"
    assert login.current_shift(staffed_desk).operator_name == "陈静"  # resumed, not closed
