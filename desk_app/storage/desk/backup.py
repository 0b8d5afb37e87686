"""Backups with SQLite's online backup API, verified after writing, rotated."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from desk_app.core.errors import CorruptDatabase, EnvironmentFault
from desk_app.storage.database import connect
from desk_app.storage.desk import integrity

BACKUP_DIR_NAME = "backups"
_REASON_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR_NAME


def backup_file_name(db_path: Path, moment: datetime, reason: str) -> str:
    reason = _REASON_SAFE.sub("-", reason).strip("-") or "manual"
    return f"{Path(db_path).stem}-{moment.strftime('%Y%m%d-%H%M%S')}-{reason}.sqlite3"


def copy_database(db: Database, target: Path) -> None:
    """Copy a live database with the backup API (consistent while others write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    if partial.exists():
        partial.unlink()
    try:
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest, pages=4096)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise EnvironmentFault(f"写入备份文件 {target} 失败：{error}") from error


def verify_file(path: Path) -> list[integrity.CheckResult]:
    if not Path(path).exists():
        raise EnvironmentFault(f"文件不存在：{path}")
    try:
        db = connect(path, readonly=True)
    except CorruptDatabase:
        raise
    try:
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise CorruptDatabase(f"{path} 不是有效的数据库文件：{error}") from error
        tables = set(db.table_names())
        if "audit_log" not in tables or "_sqlite_migrations" not in tables:
            raise CorruptDatabase(f"{path} 不是前台程序的数据库（缺少必要的表）。")
        return [
            integrity.integrity_check(db),
            integrity.foreign_key_check(db),
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
        bad = target.with_name(target.name + ".failed")
        os.replace(target, bad)
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

    The caller holds the instance lock and has verified ``source``.
    """
    db_path = Path(db_path)
    aside = db_path.with_name(
        f"{db_path.stem}-before-restore-{moment.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    )
    if db_path.exists():
        current = connect(db_path)
        try:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            current.close()
        os.replace(db_path, aside)
        for extra in ("-wal", "-shm"):
            Path(str(db_path) + extra).unlink(missing_ok=True)
    source_db = connect(source, readonly=True)
    try:
        dest = sqlite3.connect(str(db_path))
        try:
            source_db.conn.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as error:
        if aside.exists():
            db_path.unlink(missing_ok=True)
            shutil.move(str(aside), str(db_path))
        raise EnvironmentFault(f"恢复失败，原数据库已放回：{error}") from error
    finally:
        source_db.close()
    return aside
