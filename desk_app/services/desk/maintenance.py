"""Keeping the file sound: integrity checks, backups, restore."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desk_app.core.clock import Clock, SystemClock
from desk_app.core.errors import CorruptDatabase, EnvironmentFault
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done
from desk_app.storage.database import connect
from desk_app.storage.desk import backup as backup_store
from desk_app.storage.desk import integrity
from desk_app.storage.instance_lock import InstanceLock

CheckResult = integrity.CheckResult

CHECK_LABELS = {
    "integrity_check": "SQLite 完整性检查",
    "foreign_key_check": "外键检查",
    "schema": "结构版本",
    "append_only_guards": "防篡改触发器",
    "views": "收费口径视图",
    "open_charges": "未结费用表（欠费清单所用）",
    "audit_chain": "审计链校验",
    "archived_documents": "存档文件校验",
    "money_rows": "收费记录与审计链比对",
    "audit_vs_backup": "与最近备份比对审计链",
    "audited_rows": "逐行比对审计记录（双向）",
    "receipt_numbers": "收据号连续",
    "closed_months": "已月结月份封存",
    "seal": "封存码核对",
}


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None


def check_database(path: Path, seal: str | None = None) -> list[CheckResult]:
    """The full check, on a read-only connection (works while the desk is open); with
    ``seal`` (a code printed on paper) also whether the file still holds that history."""
    path = Path(path)
    if not path.exists():
        raise EnvironmentFault(f"数据库文件不存在：{path}")
    db = connect(path, readonly=True)
    try:
        results = integrity.full_check(db)
        results.append(_compare_with_newest_backup(db, path))
        if seal is not None:
            results.append(integrity.seal_check(db, seal))
        return results
    except Exception as error:
        raise CorruptDatabase(f"无法检查 {path}：{error}") from error
    finally:
        db.close()


def _compare_with_newest_backup(db, path: Path) -> CheckResult:
    """Compare with the newest backup made since the last restore (a restore starts a
    new line of history, so older backups may legitimately hold rows that are gone)."""
    from desk_app.core.clock import from_text
    from desk_app.storage import audit

    restored_at = audit.last_time_of(db, "database_restored")
    since = from_text(restored_at).replace(tzinfo=None) if restored_at else None
    for candidate in reversed(backup_store.list_backups(path)):
        made = backup_store.backup_moment(candidate)
        if since is not None and (made is None or made < since):
            break
        try:
            head = backup_store.read_chain_head(candidate)
        except Exception:  # noqa: BLE001 - an unreadable backup is skipped, not fatal
            continue
        return integrity.chain_continues_backup(db, head, candidate.name)
    return integrity.chain_continues_backup(db, None, "")


def check_seal(path: Path, code: str) -> CheckResult:
    """Only the seal: the chain recomputed up to the sealed entry ends in the sealed hash."""
    path = Path(path)
    if not path.exists():
        raise EnvironmentFault(f"数据库文件不存在：{path}")
    db = connect(path, readonly=True)
    try:
        return integrity.seal_check(db, code)
    except Exception as error:
        raise CorruptDatabase(f"无法检查 {path}：{error}") from error
    finally:
        db.close()


def seal_of(desk: Desk) -> str | None:
    """The chain head's seal (``A1B2-C3D4-E5F6 #12345``), for paper and head-office packs."""
    from desk_app.storage import audit

    return audit.head_seal(desk.db)


def backup_now(desk: Desk, *, reason: str = "manual") -> Done[Path]:
    """An online backup into ``backups/`` beside the database, verified, then rotated."""
    keep = int(settings_service.get(desk, "backup.keep"))
    try:
        target = backup_store.make_backup(
            desk.db, desk.path, moment=desk.clock.now(), reason=reason, keep=keep
        )
    except OSError as error:
        raise EnvironmentFault(f"备份失败：{error.strerror or error}") from error
    with desk.operation("backup_made") as op:
        op.record(None, None, file=target.name, reason=reason)
    return op.done(target)


def list_backups(db_path: Path) -> list[Path]:
    return backup_store.list_backups(db_path)


def restore(db_path: Path, source: Path, *, clock: Clock | None = None) -> RestoreResult:
    """Replace the database with a verified backup; the current file is kept aside."""
    clock = clock or SystemClock()
    source, db_path = Path(source), Path(db_path)
    if source.resolve() == db_path.resolve():
        raise EnvironmentFault("不能用数据库自身恢复自身。")
    failed = [result for result in backup_store.verify_file(source) if not result.ok]
    if failed:
        raise CorruptDatabase(
            "备份文件校验未通过，未恢复："
            + "；".join(f"{CHECK_LABELS.get(r.name, r.name)}：{r.detail}" for r in failed)
        )
    with InstanceLock(db_path):
        aside = backup_store.restore_file(source, db_path, moment=clock.now())
        desk = Desk.open(db_path, clock=clock, exclusive=False)
        try:
            with desk.operation("database_restored", actor="cli") as op:
                op.record(
                    None, None, source=source.name, previous=aside.name if aside.exists() else None
                )
        finally:
            desk.close()
    return RestoreResult(source, aside if aside.exists() else None)
