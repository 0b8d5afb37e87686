"""Keeping the file sound: integrity checks, backups, restore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.clock import Clock, SystemClock
from desk_app.core.errors import CorruptDatabase, DatabaseMissing, EnvironmentFault
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done, Operation
from desk_app.storage.database import connect
from desk_app.storage.desk import backup as backup_store
from desk_app.storage.desk import integrity
from desk_app.storage.instance_lock import InstanceLock
from desk_app.storage.ledger import receipt_journal
from desk_app.storage.ledger import receipts as receipts_store

CheckResult = integrity.CheckResult

CHECK_LABELS = {
    "integrity_check": "SQLite 完整性检查",
    "quick_check": "SQLite 快速检查",
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
    "receipt_numbers": "收据号码连续（含遗失号段）",
    "receipt_journal": "收据号码日志比对",
    "closed_months": "已月结月份封存",
    "seal": "封存码核对",
}

LOST_REASON = "恢复备份"


@dataclass(frozen=True)
class LostRange:
    """Receipt numbers issued after the restored backup: recorded lost (作废, 恢复备份)."""

    book_first: int
    book_last: int
    first_no: int
    last_no: int


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None
    lost: tuple[LostRange, ...] = ()


@dataclass(frozen=True)
class BookNumbers:
    """A receipt book as a backup has it, and the highest number the journal knows."""

    first_no: int
    last_no: int
    width: int
    in_backup: int | None
    in_journal: int | None

    @property
    def behind(self) -> bool:
        return (self.in_journal or 0) > (self.in_backup or 0)


def check_database(path: Path, seal: str | None = None) -> list[CheckResult]:
    """The full check, on a read-only connection (works while the desk is open); with
    ``seal`` (a code printed on paper) also whether the file still holds that history."""
    path = Path(path)
    db = connect(path, readonly=True)
    try:
        results = integrity.full_check(db)
        upgraded = not any(r.detail == integrity.NOT_UPGRADED for r in results)
        for name, compare in (
            ("audit_vs_backup", _compare_with_newest_backup),
            ("receipt_journal", _compare_with_journal),
        ):
            if not upgraded:
                results.append(CheckResult(name, True, integrity.NOT_UPGRADED))
                continue
            try:
                results.append(compare(db, path))
            except CorruptDatabase as error:
                results.append(CheckResult(name, False, error.message))
        if seal is not None:
            results.append(
                integrity.seal_check(db, seal)
                if upgraded
                else CheckResult("seal", False, integrity.NOT_UPGRADED)
            )
        return results
    finally:
        db.close()


def _compare_with_journal(db, path: Path) -> CheckResult:
    """Numbers the receipt journal beside the file knows but the file does not (neither
    issued nor recorded lost): the file was replaced by an older copy behind the desk."""
    numbers = receipt_journal.issued_numbers(path)
    if not numbers:
        return CheckResult("receipt_journal", True, "无号码日志")
    behind = []
    for book in receipts_store.books(db):
        highest = receipt_journal.highest_in(numbers, book.first_no, book.last_no)
        used = book.last_used if book.last_used is not None else book.first_no - 1
        if highest == used + 1 and numbers[-1] == highest:
            continue  # the last payment was interrupted before its commit: not printed
        if highest is not None and highest > used:
            behind.append(
                f"收据本 {book.first_no}–{book.last_no} 日志记到 {highest}，"
                f"数据库只到 {book.last_used or '（未用）'}"
            )
    if behind:
        return CheckResult(
            "receipt_journal", False, "；".join(behind) + "（数据库可能被旧文件替换过）"
        )
    return CheckResult("receipt_journal", True, f"{len(numbers)} 个号码")


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
    """A backup into ``backups/`` beside the database, in one step while the desk goes
    on writing, verified, rotated; recorded in the audit chain, or removed again."""
    keep = int(settings_service.get(desk, "backup.keep"))
    target = backup_store.make_backup(
        desk.db, desk.path, moment=desk.clock.now(), reason=reason, keep=keep
    )
    try:
        with desk.operation("backup_made") as op:
            op.record(None, None, file=target.name, reason=reason)
    except BaseException:
        backup_store.discard(target)
        raise
    return op.done(target)


def list_backups(db_path: Path) -> list[Path]:
    return backup_store.list_backups(db_path)


def receipt_books_of_backup(db_path: Path, source: Path) -> list[BookNumbers]:
    """The receipt books of ``source`` against the journal beside ``db_path``: where the
    journal knows numbers the backup does not, the clerk checks the paper book."""
    numbers = receipt_journal.issued_numbers(Path(db_path))
    db = connect(source, readonly=True)
    try:
        books = receipts_store.books(db)
    finally:
        db.close()
    return [
        BookNumbers(
            b.first_no,
            b.last_no,
            b.width,
            b.last_used,
            receipt_journal.highest_in(numbers, b.first_no, b.last_no),
        )
        for b in books
    ]


def restore(
    db_path: Path,
    source: Path,
    *,
    clock: Clock | None = None,
    last_on_paper: Sequence[int] = (),
) -> RestoreResult:
    """Replace the database with a backup that passes the full check; the current file
    is kept aside. Receipt numbers issued after the backup (the journal beside the file
    and ``last_on_paper``, the last numbers the clerk reads in the paper books) are
    recorded lost (作废, 恢复备份), so the next receipt follows the highest ever issued."""
    clock = clock or SystemClock()
    source, db_path = Path(source), Path(db_path)
    if not db_path.parent.is_dir():
        raise DatabaseMissing(f"数据库文件夹不存在：{db_path.parent}")
    if source.resolve() == db_path.resolve():
        raise EnvironmentFault("不能用数据库自身恢复自身。")
    failed = [result for result in backup_store.verify_file(source, full=True) if not result.ok]
    if failed:
        raise CorruptDatabase(
            "备份文件检查未通过，未恢复："
            + "；".join(f"{CHECK_LABELS.get(r.name, r.name)}：{r.detail}" for r in failed)
        )
    numbers = receipt_journal.issued_numbers(db_path) + list(last_on_paper)
    with InstanceLock(db_path):
        aside = backup_store.restore_file(source, db_path, moment=clock.now())
        desk = Desk.open(db_path, clock=clock, exclusive=False, create=False)
        try:
            with desk.operation("database_restored", actor="cli") as op:
                lost = _record_lost_numbers(op, numbers)
                op.record(
                    None,
                    None,
                    source=source.name,
                    previous=aside.name if aside.exists() else None,
                    lost=[[r.first_no, r.last_no] for r in lost],
                )
        finally:
            desk.close()
    return RestoreResult(source, aside if aside.exists() else None, tuple(lost))


def _record_lost_numbers(op: Operation, numbers: Sequence[int]) -> list[LostRange]:
    lost = []
    for book in receipts_store.books(op.db):
        highest = receipt_journal.highest_in(list(numbers), book.first_no, book.last_no)
        first = book.first_no if book.last_used is None else book.last_used + 1
        if highest is None or highest < first:
            continue
        loss_id = receipts_store.insert_loss(
            op.db,
            book_id=book.id,
            first_no=first,
            last_no=highest,
            reason=LOST_REASON,
            stamp=op.stamp,
        )
        op.record("receipt_losses", loss_id, first=first, last=highest, reason=LOST_REASON)
        lost.append(LostRange(book.first_no, book.last_no, first, highest))
    return lost
