"""`desk-app renovation list` end to end: a child process on a real database built
through the services (an application approved and permitted, one rejected, one pending)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.directory import people as directory_people
from desk_app.services.renovation import applications
from desk_app.storage.directory.people import PersonRecord
from tests.builders.cli import run_cli
from tests.builders.renovation import (
    application,
    approval_by,
    approved,
    paid,
    renovation_estate,
)
from tests.builders.staff import staff


@pytest.fixture(scope="module")
def estate_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("renovation-cli") / "desk.sqlite3"
    when = datetime.now(CHINA_TZ).replace(microsecond=0) - timedelta(hours=1)
    start = when.date().isoformat()
    end = (when.date() + timedelta(days=60)).isoformat()
    with Desk.open(path, clock=FixedClock(when)) as desk:
        unit = renovation_estate(staff(desk))
        view = approved(desk, unit, planned_start=start, planned_end=end)
        paid(desk, unit, view)
        applications.issue_permit(desk, view.application.id)
        other = estate.find_unit(desk, "3-1-501")
        directory_people.add_occupant(desk, other.id, PersonRecord(name="李四"), "owner")
        refused = application(desk, other, planned_start=start, planned_end=end)
        applications.reject(desk, refused.id, "图纸不全", approval_by(desk))
        third = estate.find_unit(desk, "3-1-601")
        directory_people.add_occupant(desk, third.id, PersonRecord(name="王五"), "owner")
        application(desk, third, planned_start=start, planned_end=end)
    return path


def _run(path, *args):
    return run_cli("--db", str(path), "renovation", *args)


def test_the_list_on_screen(estate_file):
    done = _run(estate_file, "list")
    assert done.returncode == 0, done.stderr
    assert "共 3 份。" in done.stdout
    assert "已发证" in done.stdout and "已驳回" in done.stdout and "待审核" in done.stdout
    assert "ZXXK" in done.stdout


def test_the_active_ones_to_a_workbook(estate_file, tmp_path):
    out = tmp_path / "装修.xlsx"
    done = _run(estate_file, "list", "--active", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "已导出 2 份装修申请" in done.stdout
    workbook = load_workbook(out)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("申请编号", "房号", "申请人")
    states = {r[7] for r in rows[1:]}
    assert states == {"已发证", "待审核"}
    permitted = next(r for r in rows[1:] if r[7] == "已发证")
    assert permitted[1] == "3-2-501" and permitted[10].startswith("ZXXK")
    assert permitted[8] == "¥2,686.40" and permitted[9] in (None, "")
    assert len(workbook.worksheets) > 1  # the desk's seal on the last sheet


def test_the_out_file_must_be_xlsx(estate_file, tmp_path):
    done = _run(estate_file, "list", "--out", str(tmp_path / "x.csv"))
    assert done.returncode != 0
