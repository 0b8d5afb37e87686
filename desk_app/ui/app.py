"""Starting the program: the application object, translations, opening the
desk, first start, login, and the main window.

``run_gui(db_path, lang)`` is what ``desk-app`` without a subcommand calls.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from desk_app import __version__
from desk_app.core.errors import DeskError
from desk_app.paths import resource_path
from desk_app.services.desk import Desk
from desk_app.services.shifts import login as shifts_login
from desk_app.services.shifts import operators
from desk_app.ui import messages, preferences
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.i18n import install_translators
from desk_app.ui.shifts.first_manager import FirstManagerDialog
from desk_app.ui.shifts.login import LoginDialog

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

EXIT_OK = 0
EXIT_DESK_ERROR = 2


class DeskApplication(QApplication):
    """The QApplication, carrying the app-wide ``EventHub`` as ``hub``."""

    def __init__(self, argv: list[str] | None = None) -> None:
        super().__init__(list(argv) if argv is not None else sys.argv[:1])
        self.setOrganizationName(preferences.ORGANISATION)
        self.setApplicationName(preferences.APPLICATION)
        self.setApplicationVersion(__version__)
        self.hub = EventHub(self)
        self.language = preferences.DEFAULT_LANGUAGE

    def set_language(self, language: str) -> list[str]:
        """Install the translators of ``language``; returns the catalogues loaded."""
        self.language = language
        loaded = install_translators(self, language)
        self.setApplicationDisplayName(self.tr("Service desk"))
        return loaded

    def apply_look(self) -> None:
        icon = resource_path("icons", "desk_app.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        style = resource_path("style", "desk.qss")
        if style.exists():
            self.setStyleSheet(style.read_text(encoding="utf-8"))


def application(argv: list[str] | None = None) -> DeskApplication:
    """The running DeskApplication, created if there is none."""
    app = QApplication.instance()
    if app is None:
        return DeskApplication(argv)
    if not isinstance(app, DeskApplication):
        raise RuntimeError("another kind of QApplication is already running")
    return app


class DeskSession(QObject):
    """Who is at the desk: first start, login, the main window, login again after the
    day is closed. Quits the program when the main window closes."""

    def __init__(self, app: DeskApplication, desk: Desk) -> None:
        super().__init__(app)
        self.app = app
        self.desk = desk
        self.window: MainWindow | None = None

    def start(self) -> bool:
        """Run first start and login; False if the user gave up."""
        username = ""
        if operators.needs_first_manager(self.desk):
            dialog = FirstManagerDialog(self.desk, self.app.hub)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            operator = dialog.operator
            dialog.deleteLater()
            if not accepted or operator is None:
                return False
            username = operator.username
        if not self.login(username):
            return False
        # After login, so that the dialog shows sooner: the main window and the features'
        # contributions to the due-now list and the handover report (the dialogs before
        # it read none).
        from desk_app.services import features
        from desk_app.ui.main_window import MainWindow

        features.install()
        self.window = MainWindow(self.desk, self.app.hub)
        self.window.relogin_requested.connect(self.relogin)
        self.window.closed.connect(self.app.quit)
        self.window.present()
        return True

    def login(self, username: str = "") -> bool:
        dialog = LoginDialog(self.desk, self.app.hub, self.window, username=username)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        shift = dialog.shift
        dialog.deleteLater()
        return accepted and shift is not None

    def relogin(self) -> None:
        """After the day is closed nobody is logged in: hide everything until someone is."""
        if self.window is None:
            return
        self.window.hide()
        if self.login():
            self.window.show()
        else:
            self.window.close()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A bug: the traceback goes to stderr; the clerk sees one line and can carry on."""
    traceback.print_exception(kind, error, tb)
    if isinstance(error, DeskError):
        messages.desk_error(None, error)
        return
    messages.critical(
        None,
        QCoreApplication.translate(
            "DeskApplication",
            "An internal error occurred: {error}\nThe last step may not have been saved. "
            "Please tell the administrator.",
        ).format(error=f"{kind.__name__}: {error}"),
    )


def run_gui(db_path: Path, lang: str | None = None) -> int:
    """Start the window on ``db_path``; returns the process exit code."""
    app = application()
    app.set_language(preferences.resolve_language(lang))
    app.apply_look()
    app.setQuitOnLastWindowClosed(False)
    path = Path(db_path)
    create = not path.exists()
    if create and not messages.confirm(
        None,
        QCoreApplication.translate(
            "DeskApplication",
            "There is no database at {path}.\nCreate a new, empty one there?",
        ).format(path=path),
    ):
        return EXIT_OK
    try:
        desk = Desk.open(path, quick_check="background", create=create)
    except DeskError as error:
        messages.critical(
            None,
            error_text(error),
            QCoreApplication.translate("DeskApplication", "The desk cannot be opened"),
        )
        return EXIT_DESK_ERROR
    previous_hook = sys.excepthook
    sys.excepthook = _excepthook
    try:
        session = DeskSession(app, desk)
        if not session.start():
            return EXIT_OK
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        shifts_login.logout(desk)
        desk.close()
