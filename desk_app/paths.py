"""Every file path the program reads from its own installation goes through here.

A PyInstaller one-folder build unpacks ``resources/`` and ``forms/`` beside the
executable and points ``sys._MEIPASS`` at them; a source checkout has them at the
repository root, one level above the package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "DeskApp"
DEFAULT_DB_NAME = "desk.sqlite3"


def install_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return install_root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return install_root() / "forms"


def fonts_dir() -> Path:
    return resource_path("fonts")


def translations_dir() -> Path:
    return resource_path("translations")


def user_data_dir() -> Path:
    """The per-user data folder (``%LOCALAPPDATA%\\DeskApp`` on Windows)."""
    override = os.environ.get("DESK_APP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    return user_data_dir() / DEFAULT_DB_NAME
