"""The receipt numbers issued, remembered outside the database file.

``<database>.receipts.journal`` beside the file: one line per number taken, appended and
fsync'd inside the payment's transaction, before its commit. A restored older file does
not know the numbers issued after its backup; this journal does, so numbering goes on
after the highest number ever issued instead of printing a number twice.

Crash order: the line is written before the commit, so the journal never lags behind
what was printed; a payment that then fails to commit leaves a number the journal knows
and the file does not, which the file issues next anyway (the journal only ever says
"at least this high"). A torn last line is ignored.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desk_app.core.errors import DiskFull, EnvironmentFault, ReadOnlyDatabase

SUFFIX = ".receipts.journal"


def journal_path(db_path: Path) -> Path:
    return Path(str(db_path) + SUFFIX)


def note_issued(db_path: Path, number: int, *, book_first: int, book_last: int, at: str) -> None:
    """Append ``number`` (of the book ``book_first``–``book_last``) and fsync."""
    line = f"{number}\t{book_first}-{book_last}\t{at}\n".encode()
    try:
        fd = os.open(journal_path(db_path), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        raise journal_fault(error) from error


def journal_fault(error: OSError) -> EnvironmentFault:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull("磁盘已满，收据号码日志写不进去，未收款。请清理磁盘空间后重试。")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyDatabase("收据号码日志（数据库旁的 .receipts.journal）为只读，未收款。")
    return EnvironmentFault(f"写收据号码日志出错：{error.strerror or error}，未收款。")


def issued_numbers(db_path: Path) -> list[int]:
    """Every number the journal knows (empty when there is no journal)."""
    try:
        text = journal_path(db_path).read_bytes().decode("utf-8", "replace")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise EnvironmentFault(f"读取收据号码日志出错：{error.strerror or error}") from error
    numbers: list[int] = []
    for line in text.splitlines():
        head = line.split("\t", 1)[0].strip()
        if head.isdigit() and line.count("\t") >= 2:
            numbers.append(int(head))
    return numbers


def highest_in(numbers: list[int], first: int, last: int) -> int | None:
    inside = [n for n in numbers if first <= n <= last]
    return max(inside) if inside else None
