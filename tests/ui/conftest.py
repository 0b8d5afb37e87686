"""UI fixtures: the DeskApplication in Chinese, offscreen; message boxes and the
PDF preview recorded instead of shown; a helper to drive modal dialogs.

The shared fixtures (``desk``, ``staffed_desk``, the isolated settings folder,
fast password hashes) come from ``tests/conftest.py``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from desk_app.services.shifts import login  # noqa: E402
from desk_app.ui import messages  # noqa: E402
from desk_app.ui.app import DeskApplication  # noqa: E402
from desk_app.ui.events import EventHub  # noqa: E402
from desk_app.ui.main_window import MainWindow  # noqa: E402
from desk_app.ui.widgets import pdf_preview  # noqa: E402
from tests.builders.staff import PASSWORD  # noqa: E402

UI_TESTS = os.path.dirname(os.path.abspath(__file__))

# Qt's offscreen platform plugin warns about a window feature it lacks; that is
# the test platform talking, not the program.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if str(item.path).startswith(UI_TESTS):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def qapp_cls():
    return DeskApplication


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path):
    """QSettings never reach the real home folder (DESK_APP_SETTINGS_DIR is set too)."""
    folder = tmp_path / "qsettings"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    assert os.environ.get("DESK_APP_SETTINGS_DIR")


@pytest.fixture(autouse=True)
def chinese(qapp):
    """The program's default language, whatever the machine's locale."""
    qapp.set_language("zh_CN")
    return qapp


@dataclass
class Shown:
    """What the program would have shown in modal boxes and the PDF preview."""

    messages: list[tuple[str, str]] = field(default_factory=list)
    previews: list[tuple[bytes, str]] = field(default_factory=list)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.messages if kind is None or k == kind]


@pytest.fixture(autouse=True)
def shown(monkeypatch) -> Shown:
    record = Shown()
    for kind in ("info", "warning", "critical", "about"):
        monkeypatch.setattr(
            messages,
            kind,
            lambda parent, text, title=None, kind=kind: record.messages.append((kind, text)),
        )
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    monkeypatch.setattr(
        pdf_preview,
        "show_pdf",
        lambda pdf, title, parent=None: record.previews.append((pdf, title)),
    )
    return record


@pytest.fixture
def manager_desk(staffed_desk):
    """The staffed desk with the manager boss on duty (zhang's shift closed unattended)."""
    login.login(staffed_desk, "boss", PASSWORD, "早班")
    return staffed_desk


@pytest.fixture
def hub(qapp) -> EventHub:
    """A fresh event hub per test, so windows of earlier tests hear nothing."""
    events = EventHub()
    yield events
    events.deleteLater()


@pytest.fixture
def make_window(qtbot, hub):
    def make(desk) -> MainWindow:
        window = MainWindow(desk, hub)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts reach only the active window
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def when_modal(qtbot):
    """``when_modal(DialogClass, action)``: run ``action(dialog)`` once a modal dialog of
    that class is open (i.e. inside its ``exec()``). A failing action rejects the dialog
    so the test cannot hang, and is re-raised at the end of the test."""
    failures: list[BaseException] = []
    pending: list[str] = []

    def arm(cls: type[QDialog], action: Callable[[QDialog], None], timeout_ms: int = 5000) -> None:
        pending.append(cls.__name__)
        waited = [0]

        def poll() -> None:
            widget: QWidget | None = QApplication.activeModalWidget()
            if isinstance(widget, cls) and widget.isVisible() and not widget.isActiveWindow():
                widget.activateWindow()  # as the window manager would
            elif isinstance(widget, cls) and widget.isVisible():
                pending.remove(cls.__name__)
                try:
                    action(widget)
                except BaseException as error:  # noqa: BLE001
                    failures.append(error)
                    widget.reject()
                return
            waited[0] += 10
            if waited[0] > timeout_ms:
                pending.remove(cls.__name__)
                failures.append(AssertionError(f"no modal {cls.__name__} appeared"))
                if isinstance(widget, QDialog):
                    widget.reject()
                return
            QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield arm
    if failures:
        raise failures[0]
    assert not pending, f"modal dialogs never shown: {pending}"
