"""Opening the desk's one SQLite file: checks, pragmas, migrations."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desk_app.core.errors import (
    CorruptDatabase,
    DatabaseMissing,
    EnvironmentFault,
    NetworkPathError,
    ReadOnlyDatabase,
)
from desk_app.storage import schema
from desk_app.storage.netpath import is_network_path
from desk_app.storage.sqlite_errors import DeskConnection, environment_fault

BUSY_TIMEOUT_MS = 5000

log = logging.getLogger(__name__)


def check_not_network(path: Path) -> None:
    if is_network_path(path):
        raise NetworkPathError(
            f"数据库文件位于网络共享位置（{path}），SQLite 在网络盘上无法安全加锁，拒绝写入。"
            "请把数据库放在本机磁盘上。"
        )


def missing(path: Path) -> DatabaseMissing:
    return DatabaseMissing(f"数据库文件不存在：{path}")


def writable(path: Path) -> bool:
    """Whether the file and its folder (for the -wal and -shm files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def fault_of(error: sqlite3.Error, path: Path) -> EnvironmentFault:
    """The environment's error for a failure on the file at ``path``: by SQLite's error
    code (read-only, locked, disk full, I/O); anything else there means a damaged file."""
    code = getattr(error, "sqlite_errorcode", 0) or 0
    if code & 0xFF == sqlite3.SQLITE_CANTOPEN and path.exists() and not writable(path):
        return ReadOnlyDatabase(f"数据库文件或其文件夹为只读（{path}），无法打开写入。")
    fault = environment_fault(error)
    if fault is not None:
        return fault
    return CorruptDatabase(f"{path} 不是有效的数据库文件：{error}")


def connect(path: str | Path, *, readonly: bool = False) -> Database:
    """A connection with the desk's pragmas; no schema work. Its statements raise the
    environment's errors by SQLite's error code (``storage.sqlite_errors``). Writing, it
    creates a missing file (but never its folder); reading, a missing file is refused."""
    path = Path(path)
    if readonly and not path.exists():
        raise missing(path)
    if not path.parent.is_dir():
        raise missing(path)
    if not readonly and path.exists() and not writable(path):
        raise ReadOnlyDatabase(f"数据库文件或其文件夹为只读（{path}），无法写入。")
    try:
        if readonly:
            # A file in a folder nobody can write (a read-only share, a locked-down folder)
            # has no -wal or -shm beside it and none can appear: read it as immutable.
            frozen = not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if frozen else ''}",
                uri=True,
                factory=DeskConnection,
            )
        else:
            conn = sqlite3.connect(str(path), factory=DeskConnection)
    except sqlite3.Error as error:
        raise fault_of(error, path) from error
    except OSError as error:
        raise EnvironmentFault(f"无法打开数据库文件 {path}：{error}") from error
    db = Database(conn, execute_plugins=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise EnvironmentFault(f"无法为数据库启用 WAL 日志模式（当前 {mode}）。")
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as error:
        conn.close()
        raise fault_of(error, path) from error
    except BaseException:
        conn.close()
        raise
    return db


def open_database(
    path: str | Path,
    *,
    readonly: bool = False,
    migrate: bool = True,
    quick_check: bool = False,
    create: bool = True,
) -> Database:
    """Open and migrate the database at ``path``; a missing file is created only with
    ``create`` (in an existing folder) and never when reading.

    Refuses network paths for writing and databases newer than this program.
    """
    path = Path(path)
    if not readonly:
        check_not_network(path)
    if (readonly or not create) and not path.exists():
        raise missing(path)
    db = connect(path, readonly=readonly)
    try:
        # Never migrate a damaged file, even when the caller checks it later.
        must_check = (
            migrate
            and not readonly
            and bool(schema.applied_migration_names(db))
            and (bool(schema.pending_migrations(db)))
        )
        if quick_check or must_check:
            result = db.execute("PRAGMA quick_check").fetchall()
            if [tuple(row) for row in result] != [("ok",)]:
                problems = "; ".join(str(row[0]) for row in result[:5])
                raise CorruptDatabase(f"数据库快速检查未通过：{problems}")
        schema.refuse_if_newer(db)
        if migrate and not readonly:
            schema.apply_migrations(db)
            restored = schema.restore_views(db)
            if restored:
                log.warning("views altered outside the program, restored: %s", ", ".join(restored))
            rebuilt = schema.restore_derived(db, refill=bool(restored))
            if rebuilt:
                log.warning(
                    "derived tables altered outside the program, rebuilt: %s", ", ".join(rebuilt)
                )
    except sqlite3.Error as error:
        db.close()
        raise fault_of(error, path) from error
    except BaseException:
        db.close()
        raise
    return db


def probe_write(db: Database) -> None:
    """Take the write lock and give it back: a file another program holds, or one that
    cannot be written, is reported when it is opened instead of at the first write."""
    db.execute("BEGIN IMMEDIATE")
    db.execute("ROLLBACK")


def schema_is_current(db: Database) -> bool:
    return not schema.pending_migrations(db)
