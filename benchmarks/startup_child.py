"""One measured start-up, in a fresh process: prints seconds from process start
until the window is shown. `bare` is the baseline: a bare PySide6 window with six
empty tabs; `desk` opens the database, logs in and shows the real main window."""

from __future__ import annotations

import os
import sys
import time


def process_age() -> float:
    """Seconds since this process was created (from /proc, so it includes interpreter start)."""
    try:
        with open(f"/proc/{os.getpid()}/stat") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return time.perf_counter()


def run_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget()
    for title in ("接待登记", "维修工单", "收费台账", "入住交房", "钥匙管理", "业主档案"):
        tabs.addTab(QLabel(title), title)
    window.setCentralWidget(tabs)
    window.statusBar().showMessage("bare")
    show_and_report(app, window)


def run_desk(db_path: str, username: str, password: str) -> None:
    """The path of `desk-app --db X` with the two dialogs answered: language, style,
    open + quick_check + migrations, login (the password hash) and the main window."""
    from pathlib import Path

    from desk_app.services import features
    from desk_app.services.desk import Desk
    from desk_app.services.shifts import login
    from desk_app.ui import preferences
    from desk_app.ui.app import application
    from desk_app.ui.main_window import MainWindow

    features.install()  # as the session does after login
    app = application()
    app.set_language(preferences.resolve_language(None))
    app.apply_look()
    desk = Desk.open(Path(db_path), quick_check="background")  # as run_gui does
    login.login(desk, username, password)
    window = MainWindow(desk, app.hub, remember_layout=False)
    show_and_report(app, window)
    login.logout(desk)
    desk.close()


def run_login(db_path: str) -> None:
    """What the clerk waits for after double-clicking: the login dialog on the opened desk."""
    from pathlib import Path

    from desk_app.services.desk import Desk
    from desk_app.ui import preferences
    from desk_app.ui.app import application
    from desk_app.ui.shifts.login import LoginDialog

    app = application()
    app.set_language(preferences.resolve_language(None))
    app.apply_look()
    desk = Desk.open(Path(db_path), quick_check="background")  # as run_gui does
    dialog = LoginDialog(desk, app.hub, None)
    dialog.show()
    app.processEvents()
    print(f"{process_age():.4f}", flush=True)
    dialog.close()
    desk.close()


def show_and_report(app, window) -> None:
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(f"{process_age():.4f}", flush=True)
    window.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        run_bare()
    elif sys.argv[1] == "login":
        run_login(sys.argv[2])
    else:
        run_desk(sys.argv[2], sys.argv[3], sys.argv[4])
