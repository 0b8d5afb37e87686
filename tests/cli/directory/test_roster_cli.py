"""`desk-app import-roster` end to end: a child process on a real database and real files."""

from __future__ import annotations

import os
import sqlite3

import openpyxl
import pytest

from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from tests.builders.cli import run_cli
from tests.builders.hostile_workbooks import damaged_copy
from tests.builders.roster_workbooks import bad_checksum, roster_rows, write_roster

TABLES = ("units", "people", "occupancies", "vehicles", "audit_log")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with Desk.open(path) as desk:
        estate.create_building(desk, "1")
    return path


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def test_import_then_reimport_changes_nothing(db, tmp_path):
    roster = write_roster(tmp_path / "花名册.xlsx", roster_rows(50))

    first = run_cli("--db", str(db), "import-roster", str(roster))
    assert first.returncode == 0, first.stderr
    assert "导入完成：新建房屋 50 套" in first.stdout
    assert "识别的列：楼号、单元号、房号" in first.stdout  # the mapping used is shown
    after_first = counts(db)
    assert after_first["units"] == 50 and after_first["occupancies"] == 50
    actor = sqlite3.connect(db).execute("SELECT actor FROM audit_log ORDER BY id DESC").fetchone()
    assert actor == ("cli",)

    second = run_cli("--db", str(db), "import-roster", str(roster))
    assert second.returncode == 0, second.stderr
    assert "数据已是最新，未做改动" in second.stdout
    assert counts(db) == after_first


def test_errors_are_listed_and_nothing_is_written(db, tmp_path):
    rows = roster_rows(30)
    full_id = bad_checksum(rows[11][8])
    rows[11][8] = full_id
    rows[20][0] = "7"
    roster = write_roster(tmp_path / "r.xlsx", rows)
    errors = tmp_path / "errors.xlsx"
    before = counts(db)

    result = run_cli("--db", str(db), "import-roster", str(roster), "--errors", str(errors))

    assert result.returncode == 1
    assert "第 13 行 证件号码：身份证号码校验位不正确" in result.stdout
    assert "第 22 行 楼号：没有楼号 7" in result.stdout
    assert "未写入任何数据" in result.stderr
    assert full_id not in result.stdout + result.stderr
    assert counts(db) == before
    listed = [list(r) for r in openpyxl.load_workbook(errors).active.iter_rows(values_only=True)]
    assert [r[0] for r in listed[1:]] == [13, 22] and full_id not in str(listed)

    partial = run_cli("--db", str(db), "import-roster", str(roster), "--only-valid")
    assert partial.returncode == 0, partial.stderr
    assert "新建房屋 28 套" in partial.stdout and "跳过有错误的 2 行" in partial.stdout
    assert counts(db)["units"] == 28


def test_dry_run_writes_nothing(db, tmp_path):
    roster = write_roster(tmp_path / "r.xlsx", roster_rows(5))
    before = counts(db)
    result = run_cli("--db", str(db), "import-roster", str(roster), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "试运行，未写入。将会：新建房屋 5 套" in result.stdout
    assert counts(db) == before


def test_a_hostile_file_fails_in_one_line(db, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(os.urandom(2048))
    before = counts(db)
    result = run_cli("--db", str(db), "import-roster", str(junk))
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：不是有效的 Excel 文件（.xlsx）"
    assert "Traceback" not in result.stdout + result.stderr
    assert counts(db) == before


def test_a_masked_export_is_refused_in_one_line(db, tmp_path):
    roster = write_roster(tmp_path / "花名册.xlsx", roster_rows(40))
    assert run_cli("--db", str(db), "import-roster", str(roster)).returncode == 0
    exported = tmp_path / "总部.xlsx"
    done = run_cli("--db", str(db), "export-roster", str(exported))
    assert done.returncode == 0, done.stderr
    other = tmp_path / "other.sqlite3"
    with Desk.open(other) as desk:
        estate.create_building(desk, "1")
    before = counts(other)
    again = run_cli("--db", str(other), "import-roster", str(exported))
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        "错误：此文件的证件号和电话已打码，不能导入：请用未打码的原始花名册。"
    ]
    assert counts(other) == before


@pytest.mark.parametrize("damage", ["truncated", "inflate", "random"])
def test_a_damaged_roster_is_one_line_and_writes_nothing(db, tmp_path, damage):
    roster = damaged_copy(write_roster(tmp_path / "r.xlsx", roster_rows(200)), damage)
    before = counts(db)
    result = run_cli("--db", str(db), "import-roster", str(roster))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("错误：") and "Excel" in line, line
    assert counts(db) == before


def test_a_formula_in_a_name_is_refused_with_its_row_and_column(db, tmp_path):
    rows = roster_rows(3)
    rows[1][6] = '=HYPERLINK("http://x.example/","点我")'
    roster = write_roster(tmp_path / "r.xlsx", rows)
    before = counts(db)
    result = run_cli("--db", str(db), "import-roster", str(roster))
    assert result.returncode == 1
    assert "第 3 行 业主姓名：以“=”开头，会被 Excel 当作公式" in result.stdout
    assert counts(db) == before
