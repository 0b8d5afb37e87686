"""Per-user preferences of the program (not the estate's settings): language,
window geometry, shortcut overrides. Stored with QSettings.

``DESK_APP_SETTINGS_DIR`` points them at an INI file in a folder of one's
choosing (tests, a portable install); otherwise Qt's native place is used
(the registry under ``HKCU\\Software\\DeskApp\\DeskApp`` on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "DeskApp"
APPLICATION = "DeskApp"
SETTINGS_DIR_ENV = "DESK_APP_SETTINGS_DIR"

LANGUAGE_KEY = "ui/language"
LAST_USERNAME_KEY = "last/username"
LAST_SAVE_FOLDER_KEY = "last/save_folder"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def open_settings() -> QSettings:
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / f"{APPLICATION}.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def stored_language(settings: QSettings | None = None) -> str | None:
    settings = settings or open_settings()
    value = settings.value(LANGUAGE_KEY, None)
    return str(value) if value in LANGUAGES else None


def store_language(language: str, settings: QSettings | None = None) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = settings or open_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def resolve_language(requested: str | None, settings: QSettings | None = None) -> str:
    """The command line wins, then the user's choice in the Language menu, then Chinese."""
    if requested in LANGUAGES:
        return requested
    return stored_language(settings) or DEFAULT_LANGUAGE


def last_choice(key: str, settings: QSettings | None = None) -> str:
    """A last-used choice (login name, save folder): remembered per PC, not per estate."""
    settings = settings or open_settings()
    value = settings.value(key, "")
    return str(value) if value else ""


def store_last_choice(key: str, value: str, settings: QSettings | None = None) -> None:
    settings = settings or open_settings()
    settings.setValue(key, value)
    settings.sync()
