"""One desk-app process per database file.

An OS-level lock on ``<database>.lock``: the kernel drops it when the process
dies, even by SIGKILL, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from desk_app.core.errors import (
    DatabaseLocked,
    DatabaseMissing,
    DiskFull,
    EnvironmentFault,
    ReadOnlyDatabase,
)


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.path = Path(str(db_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise _open_fault(error, self.path) from error
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise DatabaseLocked(
                f"前台已打开：数据库 {self.path.with_suffix('').name} 正在被另一个窗口或进程使用。"
                "请切换到已打开的窗口。"
            ) from None
        try:  # who holds it, for a person looking; the lock itself is what counts
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _open_fault(error: OSError, path: Path) -> EnvironmentFault:
    folder = path.parent
    if error.errno == errno.ENOENT:
        return DatabaseMissing(f"数据库文件夹不存在：{folder}")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyDatabase(f"数据库所在文件夹为只读（{folder}），无法写入。")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull("磁盘已满，无法打开数据库。请清理磁盘空间后重试。")
    return EnvironmentFault(f"无法打开数据库的锁文件 {path}：{error.strerror or error}")


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
