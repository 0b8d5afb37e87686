"""Choosing where to open or save an Excel workbook (starting in the last folder used)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from desk_app.ui import preferences

XLSX_FILTER = "Excel (*.xlsx)"


def choose_save_path(parent: QWidget | None, title: str, file_name: str) -> str | None:
    """Ask where to save an .xlsx (starting in the last folder used); None if cancelled."""
    folder = preferences.last_choice(preferences.LAST_SAVE_FOLDER_KEY) or str(Path.home())
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / file_name), XLSX_FILTER
    )
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    preferences.store_last_choice(preferences.LAST_SAVE_FOLDER_KEY, str(Path(path).parent))
    return path


def choose_open_path(parent: QWidget | None, title: str) -> str | None:
    folder = preferences.last_choice(preferences.LAST_SAVE_FOLDER_KEY) or str(Path.home())
    path, _filter = QFileDialog.getOpenFileName(parent, title, folder, XLSX_FILTER)
    return path or None
