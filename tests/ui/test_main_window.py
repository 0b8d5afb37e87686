"""The main window: tabs, shortcuts, status bar, menus by role, preferences."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desk_app.services.shifts import login
from desk_app.ui import preferences
from desk_app.ui.desk.check_results import CheckResultsDialog
from desk_app.ui.main_window import GEOMETRY_KEY
from desk_app.ui.operations import announce

CJK = re.compile(r"[\u4e00-\u9fff]")

TABS = [
    ("tab_reception", "接待登记"),
    ("tab_repairs", "维修工单"),
    ("tab_ledger", "收费台账"),
    ("tab_movein", "入住交房"),
    ("tab_renovation", "装修与放行"),
    ("tab_keys", "钥匙管理"),
    ("tab_directory", "业主档案"),
]


def test_seven_tabs_in_chinese_in_order(staffed_desk, make_window):
    window = make_window(staffed_desk)
    tabs = window.tabs
    assert [(tabs.widget(i).objectName(), tabs.tabText(i)) for i in range(tabs.count())] == TABS
    title = tabs.widget(1).findChild(QLabel, "placeholder_title")
    assert title.text() == "维修工作单"


def test_status_bar_shows_operator_role_shift_and_database(staffed_desk, make_window):
    window = make_window(staffed_desk)
    assert window.findChild(QLabel, "status_operator").text() == "张丽"
    assert window.findChild(QLabel, "status_role").text() == "前台值班员"
    shift_text = window.findChild(QLabel, "status_shift").text()
    assert shift_text == "早班（2026-11-20 08:00 开班）"
    assert window.findChild(QLabel, "status_db").text() == str(staffed_desk.path)
    assert "示范花园" in window.windowTitle()


def test_ctrl_number_switches_tabs(staffed_desk, make_window, qtbot):
    window = make_window(staffed_desk)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    assert window.tabs.currentWidget().objectName() == "tab_ledger"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget().objectName() == "tab_renovation"
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget().objectName() == "tab_directory"


def test_ctrl_f_focuses_the_search_and_enter_asks_for_a_search(staffed_desk, make_window, qtbot):
    window = make_window(staffed_desk)
    window.activateWindow()
    search = window.search_edit
    assert search.objectName() == "global_search"
    assert search.placeholderText() == "房号 / 姓名 / 电话 / 车牌"
    assert [s.toString() for s in window.named_actions["search.focus"].shortcuts()] == [
        "Ctrl+F",
        "F3",
    ]
    window.named_actions["search.focus"].trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClicks(search, "3-2-501")
    with qtbot.waitSignal(window.search_requested) as blocker:
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert blocker.args == ["3-2-501"]


def test_menus_are_translated_and_shortcuts_declared(staffed_desk, make_window):
    window = make_window(staffed_desk)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["班次(&S)", "前台业务(&K)", "数据(&D)", "设置(&T)", "语言(&L)", "帮助(&H)"]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.text() in ("English",):
                continue
            assert CJK.search(action.text()), action.text()
    assert window.named_actions["shift.handover"].shortcut().toString() == "Ctrl+Shift+H"
    assert window.named_actions["shift.handover"].text() == "交接班(&H)…"


def test_actions_follow_the_role_on_duty(staffed_desk, make_window, hub):
    window = make_window(staffed_desk)  # zhang, a clerk
    assert not window.named_actions["settings.estate"].isEnabled()
    assert not window.named_actions["settings.operators"].isEnabled()
    assert window.named_actions["shift.handover"].isEnabled()
    announce(hub, login.login(staffed_desk, "lee", "secret-1", "中班"), None)
    assert window.findChild(QLabel, "status_role").text() == "客服主管"
    assert window.named_actions["settings.estate"].isEnabled()
    assert not window.named_actions["settings.operators"].isEnabled()
    announce(hub, login.login(staffed_desk, "boss", "secret-1", "中班"), None)
    assert window.named_actions["settings.operators"].isEnabled()


def test_language_choice_is_stored_for_the_next_start(
    staffed_desk, make_window, shown, tmp_path_factory
):
    window = make_window(staffed_desk)
    assert window.named_actions["language.zh_CN"].isChecked()
    window.named_actions["language.en"].trigger()
    assert window.named_actions["language.en"].isChecked()
    assert not window.named_actions["language.zh_CN"].isChecked()
    assert preferences.stored_language() == "en"
    assert preferences.resolve_language(None) == "en"
    assert preferences.resolve_language("zh_CN") == "zh_CN"
    assert shown.texts("info") == ["界面语言将在下次启动程序时生效。"]
    ini = Path(preferences.open_settings().fileName())
    assert ini.is_relative_to(tmp_path_factory.getbasetemp())  # never the real home folder
    assert "language=en" in ini.read_text(encoding="utf-8")


def test_geometry_is_saved_on_close(staffed_desk, make_window):
    window = make_window(staffed_desk)
    window.close()
    assert preferences.open_settings().value(GEOMETRY_KEY) is not None


def test_the_window_opens_maximised_the_first_time_then_as_it_was_left(staffed_desk, qtbot, hub):
    from desk_app.ui.main_window import MainWindow

    first = MainWindow(staffed_desk, hub)
    qtbot.addWidget(first)
    assert first.first_start
    first.present()
    assert first.windowState() & Qt.WindowState.WindowMaximized
    first.showNormal()
    first.resize(1000, 700)
    first.close()  # the layout is remembered
    second = MainWindow(staffed_desk, hub)
    qtbot.addWidget(second)
    assert not second.first_start
    second.present()
    assert not second.windowState() & Qt.WindowState.WindowMaximized


def test_backup_now_reports_the_file(staffed_desk, make_window, qtbot, hub):
    window = make_window(staffed_desk)
    with qtbot.waitSignal(hub.changed) as blocker:
        window.named_actions["data.backup"].trigger()
    assert blocker.args[0].did("backup_made")
    assert window.statusBar().currentMessage().endswith(".sqlite3")
    assert "备份已保存并校验" in window.statusBar().currentMessage()


def test_integrity_check_runs_in_the_background_and_shows_results(staffed_desk, make_window, qtbot):
    window = make_window(staffed_desk)
    window.named_actions["data.check"].trigger()
    qtbot.waitUntil(lambda: window.findChild(CheckResultsDialog) is not None, timeout=10_000)
    dialog = window.findChild(CheckResultsDialog)
    assert dialog.passed
    assert "全部检查通过" in dialog.summary.text()
    assert dialog.model.rowCount() >= 4
    assert window.named_actions["data.check"].isEnabled()
    dialog.close()


def test_about_names_version_database_and_font_licence(staffed_desk, make_window, shown):
    window = make_window(staffed_desk)
    window.named_actions["help.about"].trigger()
    (text,) = shown.texts("about")
    assert str(staffed_desk.path) in text
    assert "Arphic Public License" in text


def test_a_module_replaces_its_placeholder(staffed_desk, make_window):
    from PySide6.QtWidgets import QWidget

    window = make_window(staffed_desk)
    page = QWidget()
    window.replace_page("tab_keys", page)
    assert window.tabs.widget(5) is page
    assert window.tabs.tabText(5) == "钥匙管理"
    assert page.objectName() == "tab_keys"


def test_verify_a_seal_says_whether_the_history_still_holds(
    staffed_desk, make_window, monkeypatch, shown
):
    """数据 → 核对封存码: the seal of now matches; a seal of a history that is not the
    file's (a forged or cut chain) does not."""
    from PySide6.QtWidgets import QInputDialog

    from desk_app.services.desk import maintenance

    window = make_window(staffed_desk)
    seal = maintenance.seal_of(staffed_desk)
    assert seal
    codes = [seal, "0000-0000-0000 #1"]
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: (codes.pop(0), True))
    )
    window.named_actions["data.check_seal"].trigger()
    window.named_actions["data.check_seal"].trigger()
    assert [kind for kind, _text in shown.messages] == ["info", "warning"]
    assert shown.messages[0][1].startswith("数据库仍含封存时的历史")
    assert shown.messages[1][1].startswith("封存码不符")
