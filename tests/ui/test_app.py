"""Starting the program: run_gui, the session (first start → login → window), selftest."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desk_app.core.errors import DatabaseLocked
from desk_app.services.desk import Desk
from desk_app.services.shifts import login as shifts_login
from desk_app.services.shifts import operators
from desk_app.ui import app as app_module
from desk_app.ui.app import DeskApplication, DeskSession, run_gui
from desk_app.ui.selftest import run_ui_selftest
from desk_app.ui.shifts.first_manager import FirstManagerDialog
from desk_app.ui.shifts.login import LoginDialog
from tests.builders.staff import PASSWORD
from tests.builders.ui import type_text


def test_application_carries_the_hub(qapp):
    assert isinstance(qapp, DeskApplication)
    assert qapp.organizationName() == "DeskApp"  # (pytest-qt renames the application)
    assert hasattr(qapp.hub, "changed")
    assert app_module.application() is qapp


def test_second_instance_is_refused_with_exit_code_2(staffed_desk, shown):
    assert run_gui(staffed_desk.path, "zh_CN") == 2
    (text,) = shown.texts("critical")
    try:
        Desk.open(staffed_desk.path)
    except DatabaseLocked as error:
        assert text == error.message
    else:  # pragma: no cover
        raise AssertionError("the database was not locked")


def test_first_start_then_login_then_window(db_path, clock, qapp, when_modal, qtbot, monkeypatch):
    desk = Desk.open(db_path, clock=clock)
    session = DeskSession(qapp, desk)

    def create(dialog: FirstManagerDialog) -> None:
        qtbot.keyClicks(dialog.username, "wangjg")
        type_text(qtbot, dialog.display_name, "王建国")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.confirm, PASSWORD)
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    def login(dialog: LoginDialog) -> None:
        assert dialog.username.text() == "wangjg"  # carried over from the first dialog
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(FirstManagerDialog, create)
    when_modal(LoginDialog, login)
    try:
        assert session.start()
        window = session.window
        qtbot.addWidget(window)
        assert window.isVisible()
        assert window.status_operator.text() == "王建国"
        assert window.status_role.text() == "客服中心经理"
        assert desk.shift is not None
        # After the day is closed, cancelling the login closes the window and quits.
        quits = []
        monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
        window.closed.disconnect()
        window.closed.connect(qapp.quit)
        shifts_login.logout(desk)
        when_modal(LoginDialog, lambda dialog: dialog.reject())
        session.relogin()
        assert not window.isVisible() and quits == [True]
    finally:
        desk.close()


def test_run_gui_event_loop_ends_when_the_window_closes(
    db_path, clock, when_modal, qtbot, monkeypatch
):
    with Desk.open(db_path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)

    def login(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, "boss")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        QTimer.singleShot(
            100,
            lambda: [
                w.close() for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"
            ],
        )

    when_modal(LoginDialog, login)
    monkeypatch.setattr(QApplication, "setQuitOnLastWindowClosed", lambda *_: None)
    assert run_gui(db_path, "zh_CN") == 0
    with Desk.open(db_path) as desk:  # the lock was released
        row = shifts_login.current_shift(desk)
        assert row is not None and row.operator_name == "王经理"


def test_ui_selftest(staffed_desk, tmp_path):
    from desk_app.printing.render import render_form

    pdf_path = tmp_path / "selftest.pdf"
    pdf_path.write_bytes(
        render_form(
            "selftest",
            {
                "estate_name": "自检小区",
                "note": "自检",
                "printed_at": staffed_desk.now_text(),
                "amount": 100,
            },
        )
    )
    run_ui_selftest(staffed_desk, pdf_path)
