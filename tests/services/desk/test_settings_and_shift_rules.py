"""Settings kept in the database; the shift schedule."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.core.clock import CHINA_TZ
from desk_app.core.errors import PermissionDenied, ValidationError
from desk_app.core.shifts import DEFAULT_SCHEDULE, parse_schedule, suggest_shift
from desk_app.services.desk import settings
from desk_app.services.shifts import login
from desk_app.storage import audit
from tests.builders.staff import PASSWORD


def test_defaults_are_the_manuals(desk):
    values = settings.get_all(desk)
    assert values["limits.repair_dispatch_minutes"] == 3
    assert values["limits.urgent_onsite_minutes"] == 15
    assert values["limits.complaint_hours"] == 24
    assert [s["name"] for s in values["shift.schedule"]] == ["早班", "中班", "晚班"]


def test_supervisor_changes_settings_and_it_is_audited(staffed_desk):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    settings.update(staffed_desk, {"estate.name": "翠湖花园", "backup.keep": "12"})
    assert settings.get(staffed_desk, "estate.name") == "翠湖花园"
    assert settings.get(staffed_desk, "backup.keep") == 12
    entries = audit.entries_for_record(staffed_desk.db, "settings", "estate.name")
    assert entries[-1].detail["new"] == "翠湖花园"
    assert entries[-1].shift_id == staffed_desk.shift.id


def test_clerk_cannot_change_settings(staffed_desk):
    with pytest.raises(PermissionDenied):
        settings.update(staffed_desk, {"estate.name": "x"})


def test_bad_value_saves_nothing(staffed_desk):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    bad_schedule = [{"name": "早班", "start": "7点半", "end": "15:30"}]
    with pytest.raises(ValidationError):
        settings.update(staffed_desk, {"estate.name": "新名字", "shift.schedule": bad_schedule})
    assert settings.get(staffed_desk, "estate.name") != "新名字"


@pytest.mark.parametrize(
    ("hhmm", "expected"),
    [
        ("07:20", "早班"),
        ("08:00", "早班"),
        ("09:20", "中班"),
        ("11:50", "晚班"),
        ("16:00", "晚班"),
        ("22:00", "早班"),
        ("05:00", "早班"),
    ],
)
def test_suggested_shift(hhmm, expected):
    hour, minute = map(int, hhmm.split(":"))
    moment = datetime(2026, 11, 20, hour, minute, tzinfo=CHINA_TZ)
    assert suggest_shift(moment, parse_schedule(DEFAULT_SCHEDULE)) == expected


def test_night_shift_over_midnight():
    slots = parse_schedule(
        [
            {"name": "白班", "start": "08:00", "end": "20:00"},
            {"name": "夜班", "start": "20:00", "end": "08:00"},
        ]
    )
    assert suggest_shift(datetime(2026, 1, 1, 2, 0, tzinfo=CHINA_TZ), slots) == "夜班"
    assert suggest_shift(datetime(2026, 1, 1, 12, 0, tzinfo=CHINA_TZ), slots) == "白班"
