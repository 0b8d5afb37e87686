"""The command line end to end, as a separate process on a real file."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from desk_app import __version__
from desk_app.services.desk import Desk
from tests.builders.cli import run_cli

DEMO_ARGS = ("demo", "--units", "120", "--years", "1", "--until", "2026-11-01", "--seed", "7")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = run_cli(
        "--db",
        str(path),
        *DEMO_ARGS,
    )
    assert result.returncode == 0, result.stderr
    assert "演示数据已生成" in result.stdout
    return path


def copy_of(path, tmp_path):
    target = tmp_path / path.name
    source = sqlite3.connect(path)
    dest = sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()
    return target


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_check_passes_on_a_demo_estate(demo_db):
    result = run_cli("--db", str(demo_db), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "全部检查通过" in result.stdout


def test_demo_is_deterministic(demo_db, tmp_path):
    again = tmp_path / "again.sqlite3"
    assert (
        run_cli(
            "--db",
            str(again),
            *DEMO_ARGS,
        ).returncode
        == 0
    )
    query = "SELECT code, area_centi_m2 FROM units ORDER BY id"
    shifts_query = "SELECT name, operator_id, opened_at, closed_at FROM shifts ORDER BY id"
    a, b = sqlite3.connect(demo_db), sqlite3.connect(again)
    assert a.execute(query).fetchall() == b.execute(query).fetchall()
    assert a.execute(shifts_query).fetchall() == b.execute(shifts_query).fetchall()


def edit_with_sqlite_shell(path, sql: str) -> None:
    shell = shutil.which("sqlite3")
    if shell:
        subprocess.run([shell, str(path)], input=sql, text=True, check=True)
    else:
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.close()


def test_check_fails_when_the_audit_table_was_edited(demo_db, tmp_path):
    target = copy_of(demo_db, tmp_path)
    edit_with_sqlite_shell(
        target,
        "DROP TRIGGER audit_log_no_update;\n"
        "UPDATE audit_log SET actor = 'someone-else' WHERE id = 20;\n",
    )
    result = run_cli("--db", str(target), "check")
    assert result.returncode != 0
    assert "审计" in result.stdout and "20" in result.stdout
    assert "防篡改触发器" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_fails_when_a_money_view_was_rewritten(demo_db, tmp_path):
    target = copy_of(demo_db, tmp_path)
    # a view that counts voided receipts: every balance changes, no row does
    edit_with_sqlite_shell(
        target,
        "DROP VIEW charge_balances;\nDROP VIEW live_receipt_lines;\nDROP VIEW live_receipts;\n"
        "CREATE VIEW live_receipts AS SELECT r.* FROM receipts r;\n",
    )
    result = run_cli("--db", str(target), "check")
    assert result.returncode != 0
    assert "收费口径视图" in result.stdout
    assert "视图被改动：live_receipts" in result.stdout
    assert "charge_balances" in result.stdout
    assert "Traceback" not in result.stderr


def test_second_instance_is_refused(demo_db, tmp_path):
    target = copy_of(demo_db, tmp_path)
    with Desk.open(target):
        result = run_cli("--db", str(target), "restore", str(demo_db), "--yes")
    assert result.returncode != 0
    assert "前台已打开" in result.stderr
    assert "Traceback" not in result.stderr


def test_network_path_is_refused_for_writing():
    result = run_cli("--db", r"\\fileserver\desk\desk.sqlite3", "demo", "--units", "5")
    assert result.returncode != 0
    assert "网络" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--units", "0"],
        ["demo", "--until", "2026-13-01"],
        ["restore", "nope.sqlite3", "--yes"],
    ],
)
def test_user_mistakes_give_one_line_and_nonzero_exit(tmp_path, args):
    result = run_cli("--db", str(tmp_path / "x.sqlite3"), *args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_backup_then_restore(demo_db, tmp_path):
    target = copy_of(demo_db, tmp_path)
    result = run_cli("--db", str(target), "backup")
    assert result.returncode == 0, result.stderr
    backups = sorted((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    result = run_cli("--db", str(target), "restore", str(backups[0]), "--yes")
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("demo-before-restore-*.sqlite3"))
    assert run_cli("--db", str(target), "check").returncode == 0


def test_restore_of_a_broken_file_changes_nothing(demo_db, tmp_path):
    target = copy_of(demo_db, tmp_path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    before = target.read_bytes()
    result = run_cli("--db", str(target), "restore", str(junk), "--yes")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert target.read_bytes() == before
