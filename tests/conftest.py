"""Shared fixtures: a real database in a temp folder, a movable clock, fast hashes.

Qt runs offscreen and nothing may touch the real home folder or user data.
"""

from __future__ import annotations

import os
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desk_app.core.clock import CHINA_TZ, FixedClock  # noqa: E402
from desk_app.services import features  # noqa: E402
from desk_app.services.desk import Desk  # noqa: E402
from tests.builders import witness  # noqa: E402
from tests.builders.staff import staff  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _features_installed():
    """As every entry point does at start-up: the features' contributions registered."""
    features.install()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    data_dir = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("DESK_APP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("DESK_APP_SETTINGS_DIR", str(data_dir / "settings"))
    monkeypatch.delenv("DESK_APP_DB", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 20, 8, 0, tzinfo=CHINA_TZ))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def desk(db_path, clock):
    opened = Desk.open(db_path, clock=clock)
    witness.watch(opened)
    yield opened
    opened.close()


@pytest.fixture
def staffed_desk(desk):
    """A desk with a manager, a supervisor and two clerks; the clerk zhang is logged in."""
    return staff(desk)


@pytest.fixture(scope="session")
def pdf_pages():
    """The text of each page of a PDF (pdftotext; skipped without it, failed under CI)."""
    from tests.builders.pdf import pdf_pages as pages

    return pages
