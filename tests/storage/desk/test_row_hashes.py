"""Row hashes from migration 0010 on: a file written before it gets one baseline entry for
its rows as they stood, after which the check holds every row both ways."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desk_app.services.desk import Desk, maintenance
from desk_app.storage import audit, schema


def _file_before_row_hashes(path) -> None:
    """A file at migration 0009 with rows and a chain written the old way."""
    before = Migrations(schema.MIGRATION_SET)
    for module in schema.RELEASED:
        if module.NAME == "0010_row_hashes":
            break
        before(name=module.NAME)(module.migrate)
    db = Database(path)
    before.apply(db)
    db.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES ('estate.name', '旧小区', "
        "'2026-01-01T08:00:00+08:00')"
    )
    audit.append(
        db,
        audit.NewAuditEntry(
            "2026-01-01T08:00:00+08:00", None, None, "system", "settings_changed", "settings"
        ),
    )
    db.conn.commit()
    db.close()


def test_an_old_file_gets_a_baseline_in_the_chain_and_then_passes(tmp_path):
    path = tmp_path / "old.sqlite3"
    _file_before_row_hashes(path)
    Desk.open(path).close()
    con = sqlite3.connect(path)
    baseline = con.execute(
        "SELECT id, rows_digest FROM audit_log WHERE operation = 'rows_baseline'"
    ).fetchall()
    recorded = con.execute("SELECT record_table, record_id FROM audit_rows").fetchall()
    con.close()
    assert len(baseline) == 1 and baseline[0][1] is not None
    assert ("settings", "estate.name") in recorded
    assert [r.name for r in maintenance.check_database(path) if not r.ok] == []


def test_after_the_baseline_an_edit_of_an_old_row_is_found(tmp_path):
    path = tmp_path / "old.sqlite3"
    _file_before_row_hashes(path)
    Desk.open(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE settings SET value = '别的小区' WHERE key = 'estate.name'")
    con.commit()
    con.close()
    failed = {r.name: r.detail for r in maintenance.check_database(path) if not r.ok}
    assert "settings #estate.name" in failed["audited_rows"]


def test_a_new_desk_has_no_baseline(tmp_path):
    path = tmp_path / "new.sqlite3"
    Desk.open(path).close()
    assert audit.count(Database(path)) == 0


def test_the_seal_code_reads_back():
    code = audit.seal_code(12345, "a1b2c3d4e5f6" + "0" * 52)
    assert code == "A1B2-C3D4-E5F6 #12345"
    assert audit.parse_seal(code) == (12345, "a1b2c3d4e5f6")
    assert audit.parse_seal(" a1b2c3d4e5f6 12345 ") == (12345, "a1b2c3d4e5f6")
    assert audit.parse_seal("A1B2-C3D4 #1") is None
