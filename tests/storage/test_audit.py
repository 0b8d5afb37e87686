"""The audit trail is append-only and hash-chained."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.storage import audit
from desk_app.storage.audit import NewAuditEntry
from desk_app.storage.database import open_database
from desk_app.storage.transactions import write_transaction


@pytest.fixture
def db(db_path):
    opened = open_database(db_path)
    with write_transaction(opened):
        audit.append_many(
            opened,
            [
                NewAuditEntry(
                    f"2026-11-20T08:00:0{i}+08:00",
                    None,
                    None,
                    "test",
                    "thing_done",
                    "things",
                    str(i),
                    {"n": i, "名": "张三"},
                )
                for i in range(5)
            ],
        )
    yield opened
    opened.close()


def test_chain_verifies(db):
    report = audit.verify_chain(db)
    assert report.ok and report.rows == 5
    entries = audit.recent(db, 10)
    assert entries[0].prev_hash == entries[1].hash


def test_update_and_delete_are_rejected(db):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET operation = 'x' WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE id = 2")


def test_tampering_without_triggers_is_detected(db):
    db.conn.executescript(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{}' WHERE id = 3;"
    )
    report = audit.verify_chain(db)
    assert not report.ok and report.first_bad_id == 3


def test_deleted_middle_row_is_detected(db):
    db.conn.executescript("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;")
    report = audit.verify_chain(db)
    assert not report.ok and report.first_bad_id == 3


def test_recomputed_hash_still_breaks_the_next_link(db):
    row = db.execute("SELECT * FROM audit_log WHERE id = 2").fetchone()
    forged = audit.row_hash(
        row[9], row[1], row[2], row[3], row[4], "forged", row[6], row[7], row[8]
    )
    db.conn.executescript("DROP TRIGGER audit_log_no_update;")
    db.execute("UPDATE audit_log SET operation = 'forged', hash = ? WHERE id = 2", [forged])
    report = audit.verify_chain(db)
    assert not report.ok and report.first_bad_id == 3
