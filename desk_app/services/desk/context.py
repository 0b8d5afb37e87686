"""The desk: the open database, the clock and who is on duty.

Every service function takes a ``Desk``. Writes go through ``desk.operation(name)``
(see ``services.operations``).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from desk_app.core.clock import Clock, SystemClock, to_text
from desk_app.core.errors import (
    CorruptDatabase,
    DatabaseMissing,
    EnvironmentFault,
    PermissionDenied,
)
from desk_app.services.operations import Operation
from desk_app.storage.database import check_not_network, open_database, probe_write
from desk_app.storage.instance_lock import InstanceLock
from desk_app.storage.transactions import write_transaction

_CHECKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quick-check")


def _quick_check_file(path: Path) -> str:
    """'' when PRAGMA quick_check passes; else what it found (own read-only connection)."""
    from desk_app.storage.database import connect
    from desk_app.storage.desk.integrity import quick_check

    try:
        db = connect(path, readonly=True)
    except Exception as error:  # noqa: BLE001 - reported as the check's finding
        return str(error)
    try:
        result = quick_check(db)
        return "" if result.ok else result.detail
    except Exception as error:  # noqa: BLE001
        return str(error)
    finally:
        db.close()


ROLE_RANK = {"clerk": 1, "supervisor": 2, "manager": 3}


@dataclass(frozen=True)
class Operator:
    id: int
    username: str
    display_name: str
    role: str

    def at_least(self, role: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


@dataclass(frozen=True)
class Shift:
    id: int
    name: str
    opened_at: str


class Desk:
    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        clock: Clock | None = None,
        lock: InstanceLock | None = None,
    ) -> None:
        self.db = db
        self.path = Path(path)
        self.clock: Clock = clock or SystemClock()
        self.lock = lock
        self.operator: Operator | None = None
        self.shift: Shift | None = None
        self._pending_check: Future[str] | None = None
        self._operation: Operation | None = None
        # The estate's settings as last read (services.desk.settings keeps it current).
        self.settings_cache: dict[str, Any] | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        clock: Clock | None = None,
        exclusive: bool = True,
        quick_check: bool | Literal["background"] = True,
        create: bool = True,
    ) -> Desk:
        """Open the desk's database for writing; ``exclusive`` takes the one-instance lock.

        A missing file is ``DatabaseMissing`` unless ``create`` (only the demo, the
        window's first start after asking, and tests create a database); creating, the
        folder is made too.

        ``quick_check="background"`` runs SQLite's quick_check on a separate read-only
        connection while the clerk logs in; the first write waits for it and is refused
        if the file is damaged, so start-up does not wait for a full read of the file.
        """
        path = Path(path)
        check_not_network(path)
        existed = path.exists()
        if not existed:
            if not create:
                raise DatabaseMissing(f"数据库文件不存在：{path}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise EnvironmentFault(
                    f"无法创建数据库文件夹 {path.parent}：{error.strerror or error}"
                ) from error
        lock = InstanceLock(path).acquire() if exclusive else None
        try:
            db = open_database(path, quick_check=quick_check is True and existed, create=create)
            if exclusive:
                try:
                    probe_write(db)
                except BaseException:
                    db.close()
                    raise
        except BaseException:
            if lock:
                lock.release()
            raise
        desk = cls(db, path, clock=clock, lock=lock)
        if quick_check == "background" and existed:
            desk._pending_check = _CHECKER.submit(_quick_check_file, path)
        return desk

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.lock:
                self.lock.release()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def actor(self) -> str:
        return self.operator.username if self.operator else "system"

    def wait_for_quick_check(self) -> None:
        """Block until a background quick_check is done; raise if the file is damaged."""
        pending, self._pending_check = self._pending_check, None
        if pending is None:
            return
        problems = pending.result()
        if problems:
            self._pending_check = pending  # every later write is refused too
            raise CorruptDatabase(f"数据库快速检查未通过，已停止写入：{problems}")

    @contextmanager
    def operation(self, name: str, *, actor: str | None = None) -> Iterator[Operation]:
        """One write: ``BEGIN IMMEDIATE`` … ``COMMIT`` (a savepoint inside another operation,
        whose changes then include this one's). An operation that recorded nothing still
        leaves one audit row."""
        self.wait_for_quick_check()
        parent = self._operation
        with write_transaction(self.db):
            op = Operation(self, name, actor or self.actor, parent=parent)
            self._operation = op
            try:
                yield op
                if not op.recorded:
                    op.record()
                op.finish()
            finally:
                self._operation = parent

    def require_role(self, role: str, what: str) -> Operator:
        if self.operator is None:
            raise PermissionDenied(f"请先登录后再{what}。")
        if not self.operator.at_least(role):
            raise PermissionDenied(f"{what}需要{ROLE_LABELS[role]}权限。")
        return self.operator

    def now_text(self) -> str:
        return to_text(self.clock.now())


ROLE_LABELS = {"clerk": "前台值班员", "supervisor": "客服主管", "manager": "客服中心经理"}
