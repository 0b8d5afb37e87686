"""English mode: every word of the interface in English, the stored words untouched.

Printed forms stay Chinese (they are the desk's paper), and so does data: names, addresses,
what callers said, the estate's own fee items and papers. Everything else the window
shows — the closed vocabularies of core and the services, time limits, shift names,
buildings — goes through the translator."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QTabWidget

from desk_app.core import deadlines, movein, shifts, vocabularies
from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as desk_settings
from desk_app.services.directory import archive
from desk_app.services.ledger import arrears, month_close
from desk_app.services.reception import entries as reception
from desk_app.services.shifts import login
from desk_app.ui import labels
from tests.builders.screen_text import visible_texts

HAN_RUN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]+")
LANGUAGE_NAMES = {"中文"}  # the language menu names each language in its own words
# The archive's checklist names paper forms (业主临时公约 …): forms stay Chinese.
FORM_NAMES = {run for paper in archive.ALL_PAPERS for run in HAN_RUN.findall(paper)}


def closed_vocabularies() -> dict[str, tuple[str, ...]]:
    """Every word the services store or say from a closed list, by where it comes from."""
    return {
        "unit kinds": vocabularies.UNIT_KINDS,
        "unit statuses": vocabularies.UNIT_STATUSES,
        "vehicle kinds": vocabularies.VEHICLE_KINDS,
        "reception channels": vocabularies.RECEPTION_CHANNELS,
        "reception categories": vocabularies.RECEPTION_CATEGORIES,
        "reception statuses": tuple(reception.STATUS_LABELS.values()),
        "repair statuses": vocabularies.REPAIR_STATUSES,
        "urgencies": vocabularies.REPAIR_URGENCIES,
        "technician kinds": vocabularies.TECHNICIAN_KINDS,
        "callback results": vocabularies.CALLBACK_RESULTS,
        "payment methods": vocabularies.PAYMENT_METHODS,
        "time limits": tuple(deadlines.LIMIT_LABELS.values()),
        "arrears steps": tuple(arrears.ACTION_LABELS.values()),
        "arrears stages": tuple(arrears.STAGE_LABELS.values()),
        "arrears stage steps": tuple(step for step in arrears.STAGE_STEPS.values() if step),
        "arrears utilities": (arrears.UTILITY_NOTICE, arrears.UTILITY_SUSPENSION),
        "arrears done": (arrears.STEPS_DONE,),
        "ages": month_close.AGE_LABELS,
        "default shifts": tuple(slot["name"] for slot in shifts.DEFAULT_SCHEDULE),
        "default departments": tuple(desk_settings.DEFAULTS["reception.departments"]),
        "key kinds": vocabularies.KEY_KINDS,
        "key types": vocabularies.UNIT_KEY_TYPES,
        "key movements": vocabularies.KEY_MOVEMENTS,
        "key borrowers": vocabularies.KEY_BORROWER_KINDS,
        "key consents": vocabularies.KEY_CONSENTS,
        "key due-now limits": ("借用逾期", "收回钥匙"),
        "move-in defect states": (*movein.DEFECT_STATES, movein.AWAITING_REINSPECTION),
        "move-in unit states": movein.UNIT_STATES,
        "move-in notice ways": movein.NOTICE_WAYS,
    }


def test_every_closed_vocabulary_has_its_english_word():
    missing = {
        source: [word for word in words if word not in labels.VOCABULARY]
        for source, words in closed_vocabularies().items()
    }
    assert {source: words for source, words in missing.items() if words} == {}


def test_in_chinese_every_word_reads_as_stored():
    """Two stored words sharing one English source would come back as the same Chinese."""
    assert {w: labels.vocabulary_text(w) for w in labels.VOCABULARY} == {
        w: w for w in labels.VOCABULARY
    }


def test_time_limits_and_buildings_in_both_languages(qapp):
    assert labels.left_text(-(41 * 3600 + 40 * 60)) == "超时 41小时40分"
    assert labels.left_text(55) == "剩 55秒"
    assert labels.building_label("3", "3栋") == "3栋"
    assert labels.steps_text("上门催缴或挂号信") == "上门催缴或挂号信"
    qapp.set_language("en")
    try:
        assert labels.left_text(-(41 * 3600 + 40 * 60)) == "41 h 40 min late"
        assert labels.left_text(3 * 86400 + 7200) == "3 d 2 h left"
        assert labels.building_label("3", "3栋") == "Building 3"
        assert labels.building_label("3", "翠湖阁") == "翠湖阁"  # the estate's own name
        assert labels.steps_text("电话催缴、书面通知") == "Phone reminder, Written notice"
        assert labels.steps_text("上门催缴或挂号信") == "Home visit or Registered letter"
    finally:
        qapp.set_language("zh_CN")


@pytest.fixture(scope="module")
def demo_estate(tmp_path_factory):
    path = tmp_path_factory.mktemp("english") / "estate.sqlite3"
    clock = FixedClock(datetime(2026, 11, 10, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        demo.generate(desk, DemoPlan(seed=3, units=60, years=1, until=date(2026, 11, 9)))
    return path, clock


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def data_runs(path) -> set[str]:
    """The runs of Chinese characters in what the estate keeps as data (names, addresses,
    notes, its fee items and papers, in the file or as default settings). A value that is
    a word of the closed vocabularies is not data: the interface translates it."""
    runs: set[str] = set()
    for value in _strings(desk_settings.DEFAULTS):
        if value not in labels.VOCABULARY:
            runs.update(HAN_RUN.findall(value))
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name not in ("audit_log", "search_terms") and not name.startswith("sqlite_")
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str) and value not in labels.VOCABULARY:
                        runs.update(HAN_RUN.findall(value))
    return runs


@pytest.mark.slow
def test_the_english_window_shows_chinese_only_in_data(qapp, hub, make_window, demo_estate):
    path, clock = demo_estate
    allowed = data_runs(path) | LANGUAGE_NAMES | FORM_NAMES
    desk = Desk.open(path, clock=clock)
    qapp.set_language("en")
    try:
        login.login(desk, "zhangli", "desk123", "早班")
        window = make_window(desk)
        window.resize(1600, 900)
        leaks: dict[str, str] = {}

        def look() -> None:
            qapp.processEvents()
            for where, text in visible_texts(window):
                for run in HAN_RUN.findall(text):
                    # a vocabulary word alone is never data, even where data has it too
                    if run not in allowed or run == text.strip() and run in labels.VOCABULARY:
                        leaks.setdefault(f"{where}: {run}", text[:60])

        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            look()
            for sub_tabs in window.tabs.currentWidget().findChildren(QTabWidget):
                for sub in range(sub_tabs.count()):
                    sub_tabs.setCurrentIndex(sub)
                    look()
        assert leaks == {}, "\n".join(f"{k} ← {v}" for k, v in sorted(leaks.items()))
    finally:
        qapp.set_language("zh_CN")
        desk.close()
