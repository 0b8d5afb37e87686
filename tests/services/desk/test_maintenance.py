"""Backups (online, verified, rotated), restore, and the full check."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.core.errors import CorruptDatabase, EnvironmentFault
from desk_app.services.desk import Desk, maintenance, settings
from desk_app.services.shifts import login, operators
from desk_app.storage.desk import backup as backup_store
from tests.builders.staff import PASSWORD


def test_backup_is_verified_and_rotated(staffed_desk, clock):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    settings.update(staffed_desk, {"backup.keep": 3})
    made = []
    for _ in range(5):
        made.append(maintenance.backup_now(staffed_desk).value)
        clock.advance(minutes=1)
    kept = maintenance.list_backups(staffed_desk.path)
    assert kept == made[-3:]
    for path in kept:
        assert all(result.ok for result in backup_store.verify_file(path))
    assert not list(kept[0].parent.glob("*.partial"))


def test_restore_brings_back_the_backup_and_keeps_the_current_file(staffed_desk, clock):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    backup = maintenance.backup_now(staffed_desk).value
    settings.update(staffed_desk, {"estate.name": "备份之后改的名字"})
    path = staffed_desk.path
    staffed_desk.close()
    result = maintenance.restore(path, backup, clock=clock)
    assert result.previous_kept_at and result.previous_kept_at.exists()
    with Desk.open(path, clock=clock) as reopened:
        assert settings.get(reopened, "estate.name") != "备份之后改的名字"
        assert all(r.ok for r in maintenance.check_database(path))
    with Desk.open(result.previous_kept_at, clock=clock) as old:
        assert settings.get(old, "estate.name") == "备份之后改的名字"


def test_restore_refuses_a_broken_file(desk, tmp_path, clock):
    operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
    path = desk.path
    desk.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\0" * 4096)
    with pytest.raises((CorruptDatabase, EnvironmentFault)):
        maintenance.restore(path, junk, clock=clock)
    with Desk.open(path, clock=clock) as reopened:
        assert not operators.needs_first_manager(reopened)


def test_restore_refuses_a_tampered_backup(staffed_desk, clock):
    backup = maintenance.backup_now(staffed_desk).value
    conn = sqlite3.connect(backup)
    conn.executescript("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x';")
    conn.close()
    path = staffed_desk.path
    staffed_desk.close()
    with pytest.raises(CorruptDatabase, match="审计链"):
        maintenance.restore(path, backup, clock=clock)


def test_restore_while_the_desk_is_open_is_refused(staffed_desk, clock):
    backup = maintenance.backup_now(staffed_desk).value
    with pytest.raises(EnvironmentFault, match="前台已打开"):
        maintenance.restore(staffed_desk.path, backup, clock=clock)


def test_check_reports_each_problem(staffed_desk):
    assert all(result.ok for result in maintenance.check_database(staffed_desk.path))
    staffed_desk.db.conn.executescript(
        "PRAGMA foreign_keys = OFF; DROP TRIGGER audit_log_no_delete;"
        "INSERT INTO shifts (name, operator_id, opened_at, status) VALUES ('x', 999, 'x', 'day_closed');"
    )
    failed = {r.name for r in maintenance.check_database(staffed_desk.path) if not r.ok}
    # the shift inserted behind the program's back has no audit entry either
    assert failed == {"foreign_key_check", "append_only_guards", "audited_rows"}


def test_rows_cut_off_the_end_of_the_chain_are_found_by_the_backup(staffed_desk, clock):
    maintenance.backup_now(staffed_desk)
    # The chain alone cannot show its newest rows were removed: each remaining row is intact.
    staffed_desk.db.conn.executescript(
        "PRAGMA foreign_keys = OFF; DROP TRIGGER audit_log_no_delete;"
        "DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log);"
    )
    results = {r.name: r for r in maintenance.check_database(staffed_desk.path)}
    assert results["audit_chain"].ok
    assert not results["audit_vs_backup"].ok
    assert "少" in results["audit_vs_backup"].detail


def test_older_backups_do_not_fail_the_check_after_a_restore(staffed_desk, clock):
    first = maintenance.backup_now(staffed_desk).value
    clock.advance(minutes=5)
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    settings.update(staffed_desk, {"estate.name": "后来的名字"})
    clock.advance(minutes=5)
    maintenance.backup_now(staffed_desk)  # a longer chain than `first`
    path = staffed_desk.path
    staffed_desk.close()
    clock.advance(minutes=5)
    maintenance.restore(path, first, clock=clock)
    results = {r.name: r for r in maintenance.check_database(path)}
    assert all(r.ok for r in results.values()), results


def test_check_reports_a_dropped_closed_month_guard(staffed_desk):
    """Without its trigger a closed month would take an invoice exchange dated in it."""
    staffed_desk.db.conn.executescript("DROP TRIGGER invoice_exchanges_closed_period;")
    results = {r.name: r for r in maintenance.check_database(staffed_desk.path)}
    assert not results["append_only_guards"].ok
    assert "invoice_exchanges_closed_period" in results["append_only_guards"].detail


def test_check_on_a_file_of_an_older_structure_reads_it_and_says_so(staffed_desk):
    """``check`` only reads, so it never upgrades: on a file from before the newest
    migration it runs what does not depend on it and says why the rest did not run."""
    staffed_desk.db.conn.executescript(
        "DROP TABLE receipt_losses;"
        "DELETE FROM _sqlite_migrations WHERE name = '0012_receipt_losses';"
    )
    results = {r.name: r for r in maintenance.check_database(staffed_desk.path, seal="x #1")}
    assert not results["schema"].ok
    assert "0012_receipt_losses" in results["schema"].detail
    assert results["integrity_check"].ok
    assert results["receipt_numbers"].detail.startswith("未检查：数据库结构尚未升级")
    assert not results["seal"].ok
