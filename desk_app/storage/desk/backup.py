"""Backups with SQLite's backup API in one step, verified after writing, rotated."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from desk_app.core.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DiskFull,
    EnvironmentFault,
    ReadOnlyDatabase,
)
from desk_app.storage.database import connect
from desk_app.storage.desk import integrity
from desk_app.storage.sqlite_errors import environment_fault

BACKUP_DIR_NAME = "backups"
_REASON_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR_NAME


def backup_file_name(db_path: Path, moment: datetime, reason: str) -> str:
    reason = _REASON_SAFE.sub("-", reason).strip("-") or "manual"
    return f"{Path(db_path).stem}-{moment.strftime('%Y%m%d-%H%M%S')}-{reason}.sqlite3"


def file_fault(error: OSError, path: Path, what: str) -> EnvironmentFault:
    """The environment's error for a file operation that failed on ``path``."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(f"磁盘已满，{what}失败：{path.parent}。请清理磁盘空间后重试。")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyDatabase(f"{path.parent} 为只读，{what}失败。")
    return EnvironmentFault(f"{what}失败（{path}）：{error.strerror or error}")


def discard(target: Path) -> None:
    """Remove a backup that is not to be kept, and its folder when that leaves it empty."""
    target.unlink(missing_ok=True)
    target.with_name(target.name + ".partial").unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # other backups are in it
        target.parent.rmdir()


def copy_database(db: Database, target: Path) -> None:
    """Copy a live database in one step of SQLite's backup API: one read transaction on
    the source (in WAL mode others go on writing, and their writes cannot restart the
    copy), into ``<target>.partial``, fsync'd, then renamed. Nothing is left behind on
    failure, nor from an earlier attempt that was killed."""
    try:
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob("*.partial"):
            stale.unlink(missing_ok=True)
    except OSError as error:
        raise file_fault(error, target, "备份") from error
    partial = target.with_name(target.name + ".partial")
    try:
        with open(partial, "xb"):
            pass
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest, pages=-1)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as error:
        discard(target)
        raise file_fault(error, target, "备份") from error
    except sqlite3.Error as error:
        discard(target)
        fault = environment_fault(error)
        if fault is not None:
            raise fault from error
        raise EnvironmentFault(f"写入备份文件 {target} 失败：{error}") from error
    except BaseException:
        discard(target)
        raise


def verify_file(path: Path, *, full: bool = False) -> list[integrity.CheckResult]:
    """The checks of a backup file: a quick set after writing one, or with ``full`` the
    whole of ``desk-app check`` (before a restore)."""
    path = Path(path)
    if not path.exists():
        raise EnvironmentFault(f"文件不存在：{path}")
    db = connect(path, readonly=True)
    try:
        try:
            tables = set(db.table_names())
        except sqlite3.DatabaseError as error:
            raise CorruptDatabase(f"{path} 不是有效的数据库文件：{error}") from error
        if "audit_log" not in tables or "_sqlite_migrations" not in tables:
            raise CorruptDatabase(f"{path} 不是前台程序的数据库（缺少必要的表）。")
        if full:
            return integrity.full_check(db)
        # After a backup: SQLite's quick check (pages and records, not the ~4× slower
        # index cross-check), the schema and the audit chain; the full check runs before
        # a backup is restored.
        return [
            integrity.quick_check(db),
            integrity.schema_check(db),
            integrity.audit_chain_check(db),
        ]
    finally:
        db.close()


def make_backup(db: Database, db_path: Path, *, moment: datetime, reason: str, keep: int) -> Path:
    folder = backups_dir(db_path)
    target = folder / backup_file_name(db_path, moment, reason)
    suffix = 1
    while target.exists():
        suffix += 1
        target = folder / backup_file_name(db_path, moment, f"{reason}-{suffix}")
    copy_database(db, target)
    failed = [result for result in verify_file(target) if not result.ok]
    if failed:
        discard(target)  # a copy of a damaged file: of no use
        raise CorruptDatabase(
            "备份校验未通过：" + "；".join(f"{r.name}: {r.detail}" for r in failed)
        )
    rotate(folder, Path(db_path).stem, keep)
    return target


_STAMP = re.compile(r"-(\d{8}-\d{6})-")


def backup_moment(path: Path) -> datetime | None:
    """When a backup was made, from its file name (local desk time)."""
    match = _STAMP.search(Path(path).name)
    if not match:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")


def read_chain_head(path: Path) -> tuple[int, str] | None:
    from desk_app.storage import audit

    db = connect(path, readonly=True)
    try:
        return audit.head(db)
    finally:
        db.close()


def list_backups(db_path: Path) -> list[Path]:
    folder = backups_dir(db_path)
    if not folder.exists():
        return []
    stem = Path(db_path).stem
    return sorted(folder.glob(f"{stem}-*.sqlite3"))


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    backups = sorted(folder.glob(f"{stem}-*.sqlite3"))
    removed = backups[: max(0, len(backups) - max(1, keep))]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_file(source: Path, db_path: Path, *, moment: datetime) -> Path:
    """Replace the database at ``db_path`` with ``source``; return where the old file went.

    The caller holds the instance lock and has verified ``source``. The current file must
    be free (another program writing it is ``DatabaseLocked``); the copy is made beside it
    and fsync'd before anything is moved, so a failure (disk full) leaves it untouched.
    """
    db_path = Path(db_path)
    aside = db_path.with_name(
        f"{db_path.stem}-before-restore-{moment.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    )
    incoming = db_path.with_name(db_path.name + ".restoring")
    if db_path.exists():
        current = connect(db_path)
        try:
            busy = current.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            current.close()
        if busy:
            raise DatabaseLocked("数据库正被另一个程序写入，未恢复。请关闭它后再试。")
    source_db = connect(source, readonly=True)
    try:
        with open(incoming, "wb"):
            pass
        dest = sqlite3.connect(str(incoming))
        try:
            source_db.conn.backup(dest, pages=-1)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(incoming, "rb+") as handle:
            os.fsync(handle.fileno())
        if db_path.exists():
            os.replace(db_path, aside)
            for extra in ("-wal", "-shm"):
                Path(str(db_path) + extra).unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise file_fault(error, db_path, "恢复") from error
    except sqlite3.Error as error:
        incoming.unlink(missing_ok=True)
        fault = environment_fault(error)
        raise (fault or EnvironmentFault(f"恢复失败，原数据库未动：{error}")) from error
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    finally:
        source_db.close()
    return aside
