"""Opening the file: pragmas, migrations, refusal of newer schemas and network paths."""

from __future__ import annotations

import pytest

from desk_app.core.errors import (
    CorruptDatabase,
    DatabaseLocked,
    NetworkPathError,
    ReadOnlyDatabase,
    SchemaTooNew,
)
from desk_app.services.desk import Desk
from desk_app.storage import schema
from desk_app.storage.database import connect, open_database
from desk_app.storage.netpath import is_network_path, is_unc_path


def test_pragmas_on_every_open(db_path):
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        db.close()


def test_migrations_recorded_and_applied_once(db_path):
    db = open_database(db_path)
    applied = schema.applied_migration_names(db)
    db.close()
    assert applied == schema.known_migration_names()
    db = open_database(db_path)
    try:
        assert schema.applied_migration_names(db) == applied
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(applied)
        assert {"operators", "shifts", "audit_log", "settings", "documents", "units"} <= set(
            db.table_names()
        )
    finally:
        db.close()


def test_newer_database_is_refused(db_path):
    db = open_database(db_path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [schema.MIGRATION_SET, "9999_from_the_future", "2030-01-01"],
    )
    db.conn.commit()
    db.close()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_database(db_path)


def test_not_a_database_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorruptDatabase):
        open_database(junk)


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\desk.sqlite3",
        "//server/share/desk.sqlite3",
        r"\\?\UNC\server\share\desk.sqlite3",
    ],
)
def test_unc_paths_are_network_paths(path):
    assert is_unc_path(path)
    assert is_network_path(path)
    with pytest.raises(NetworkPathError, match="网络"):
        Desk.open(path)


def test_local_paths_are_not_network_paths(tmp_path):
    assert not is_unc_path(r"C:\Users\desk\desk.sqlite3")
    assert not is_unc_path(r"\\?\C:\desk.sqlite3")
    assert not is_network_path(tmp_path / "desk.sqlite3")


def test_network_mount_detected_from_proc_mounts(tmp_path, monkeypatch):
    from desk_app.storage import netpath

    monkeypatch.setattr(netpath, "_posix_fs_type", lambda _path: "cifs")
    monkeypatch.setattr(netpath.sys, "platform", "linux")
    assert netpath.is_network_path(tmp_path / "desk.sqlite3")


def test_second_instance_is_refused(db_path):
    first = Desk.open(db_path)
    try:
        with pytest.raises(DatabaseLocked, match="前台已打开"):
            Desk.open(db_path)
    finally:
        first.close()
    Desk.open(db_path).close()  # the lock is released on close


def test_readonly_connect_cannot_write(db_path):
    open_database(db_path).close()
    db = connect(db_path, readonly=True)
    try:
        with pytest.raises(ReadOnlyDatabase, match="只读"):
            db.execute("CREATE TABLE nope (x)")
    finally:
        db.close()
