"""Every message box of the program goes through here, so the wording stays
uniform and tests can replace these functions instead of clicking modal boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.core.errors import DeskError
from desk_app.ui.error_text import error_text


def _title(title: str | None) -> str:
    return title or QCoreApplication.translate("Messages", "Service desk")


def info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, _title(title), text)


def warning(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, _title(title), text)


def critical(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, _title(title), text)


def about(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.about(parent, _title(title), text)


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(
        parent,
        _title(title),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def desk_error(parent: QWidget | None, error: DeskError) -> None:
    """A user-facing error: its Chinese message as it is, never a traceback."""
    warning(parent, error_text(error))
