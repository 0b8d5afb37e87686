"""Faults of the machine are told apart by SQLite's error code on every statement (at
BEGIN, in the middle of an INSERT, while rows are read, at COMMIT) and arrive as the
environment's errors with a Chinese message; anything else stays a bug."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.core.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DiskFull,
    EnvironmentFault,
    ReadOnlyDatabase,
)
from desk_app.storage.database import connect, open_database
from desk_app.storage.sqlite_errors import environment_fault
from desk_app.storage.transactions import write_transaction


def coded(code: int, message: str = "x") -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (sqlite3.SQLITE_FULL, DiskFull, "磁盘已满"),
        (sqlite3.SQLITE_READONLY, ReadOnlyDatabase, "只读"),
        (sqlite3.SQLITE_BUSY, DatabaseLocked, "锁定"),
        (sqlite3.SQLITE_LOCKED, DatabaseLocked, "锁定"),
        (sqlite3.SQLITE_IOERR, EnvironmentFault, "I/O"),
        (sqlite3.SQLITE_IOERR | (3 << 8), EnvironmentFault, "I/O"),  # SQLITE_IOERR_WRITE
        (sqlite3.SQLITE_CORRUPT, CorruptDatabase, "损坏"),
        (sqlite3.SQLITE_NOTADB, CorruptDatabase, "损坏"),
        (sqlite3.SQLITE_CANTOPEN, EnvironmentFault, "无法打开"),
    ],
)
def test_environment_codes_become_chinese_desk_errors(code, kind, words):
    fault = environment_fault(coded(code))
    assert isinstance(fault, kind) and words in fault.message


@pytest.mark.parametrize(
    "code", [sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_ERROR, sqlite3.SQLITE_MISMATCH]
)
def test_other_codes_stay_bugs(code):
    assert environment_fault(coded(code)) is None


def test_a_full_disk_in_the_middle_of_an_insert_rolls_the_transaction_back(db_path):
    db = open_database(db_path)
    try:
        before = db.execute("SELECT count(*) FROM settings").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFull, match="磁盘已满"), write_transaction(db):
            for n in range(5000):
                db.execute(
                    "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
                    [f"key{n}", "值" * 100, "2026-11-20T08:00:00+08:00"],
                )
        assert not db.conn.in_transaction
        assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == before
    finally:
        db.close()


def test_a_held_write_lock_is_locked_at_begin(db_path):
    open_database(db_path).close()
    holder = connect(db_path)
    waiter = connect(db_path)
    try:
        waiter.execute("PRAGMA busy_timeout = 50")
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLocked, match="锁定"), write_transaction(waiter):
            pass
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        waiter.close()


def test_a_read_only_database_refuses_the_write_inside_an_operation(db_path):
    db = open_database(db_path)
    try:
        db.execute("PRAGMA query_only = ON")  # as a file the program may not write
        with pytest.raises(ReadOnlyDatabase, match="只读"), write_transaction(db):
            db.execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')")
        assert not db.conn.in_transaction
    finally:
        db.close()


def test_a_page_damaged_behind_the_program_is_corrupt_when_read(db_path):
    db = open_database(db_path)
    db.execute("CREATE TABLE filler (n INTEGER, text TEXT)")
    with write_transaction(db):
        for n in range(3000):
            db.execute("INSERT INTO filler VALUES (?, ?)", [n, "填充" * 40])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(db_path, "r+b") as handle:  # overwrite the table's root and what follows
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size * 4)
    db = connect(db_path)
    try:
        with pytest.raises(CorruptDatabase, match="损坏"):
            list(db.execute("SELECT * FROM filler"))
    finally:
        db.close()
