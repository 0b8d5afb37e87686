"""SQLite's faults of the machine, told apart from bugs by their error code, on every
statement (after qutebrowser's ``sql.py``).

Every connection the desk opens is a ``DeskConnection``: its cursors translate an error
whose primary result code says the disk is full, the file is read-only, locked, unreadable
or damaged into the environment's ``DeskError`` with a Chinese message, wherever it
happens — at ``BEGIN``, in the middle of an ``INSERT``, while rows are read, at
``COMMIT``. One refusal is the user's, not a bug: a row dated in a closed month, which the
closed-period triggers (月结, migrations 0006 and 0010) abort with ``closed period: <table>``,
becomes ``ClosedPeriod`` naming the last closed period — the services refuse such writes
before they start, so this is the backstop. Anything else (a constraint, a syntax error)
stays a ``sqlite3`` error: a bug.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, NoReturn

from desk_app.core.errors import (
    ClosedPeriod,
    CorruptDatabase,
    DatabaseLocked,
    DiskFull,
    EnvironmentFault,
    ReadOnlyDatabase,
)

Parameters = Any  # a sequence, or a mapping of names, as sqlite3 takes
SQLITE_IOERR_SHMSIZE = getattr(sqlite3, "SQLITE_IOERR_SHMSIZE", 4874)


def environment_fault(error: sqlite3.Error) -> EnvironmentFault | None:
    """The ``DeskError`` of an environment fault, or None for a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseLocked("数据库正忙或被锁定，请稍后再试。")
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull("磁盘已满，数据未保存。请清理磁盘空间后重试。")
    if primary == sqlite3.SQLITE_READONLY:
        return ReadOnlyDatabase("数据库文件为只读，无法写入。")
    if code == SQLITE_IOERR_SHMSIZE:
        # the -shm file beside the database cannot be given its pages: no room on the disk
        return DiskFull("磁盘已满，无法打开数据库（共享内存文件无法扩展）。请清理磁盘空间后重试。")
    if primary == sqlite3.SQLITE_IOERR:
        return EnvironmentFault("读写数据库文件时出错（磁盘 I/O 错误），数据未保存。")
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CorruptDatabase(f"数据库文件已损坏：{error}。请用最近的备份恢复。")
    if primary == sqlite3.SQLITE_CANTOPEN:
        return EnvironmentFault(f"无法打开数据库文件：{error}")
    return None


CLOSED_PERIOD = "closed period: "
"""How a closed-period trigger's message starts (``migrations/sql.closed_period_trigger``)."""

CLOSED_PERIOD_WORDS = {
    "charges": "费用",
    "receipts": "收款收据",
    "receipt_voids": "收据作废",
    "credit_uses": "预收款抵扣",
    "refunds": "退费",
    "late_fee_waivers": "滞纳金减免",
    "meter_readings": "抄表读数",
    "billing_runs": "计费入账",
    "invoice_exchanges": "换开发票记录",
    "cash_handovers": "上缴财务记录",
    "arrears_actions": "催缴记录",
    "fee_rates": "收费标准",
}
"""What each locked table holds, for the refusal's message."""


def closed_period_refusal(
    error: sqlite3.Error, connection: sqlite3.Connection | None
) -> ClosedPeriod | None:
    """The ``ClosedPeriod`` of a closed-period trigger's abort, or None for anything else."""
    text = str(error)
    if not isinstance(error, sqlite3.IntegrityError) or not text.startswith(CLOSED_PERIOD):
        return None
    word = CLOSED_PERIOD_WORDS.get(text.removeprefix(CLOSED_PERIOD).strip(), "记录")
    last = None
    if connection is not None:
        try:  # sqlite3's own execute: a plain cursor, never back through this module
            last = sqlite3.Connection.execute(
                connection,
                "SELECT period, through_on FROM period_closes ORDER BY through_on DESC LIMIT 1",
            ).fetchone()
        except sqlite3.Error:
            last = None
    if last is None:
        return ClosedPeriod(f"该日期所在账期已月结，不能再记入{word}。", field="period")
    period, through = last
    return ClosedPeriod(
        f"{period} 及以前的账期已月结（结至 {through}），不能再记入其中日期的{word}。",
        field="period",
    )


def raise_translated(
    error: sqlite3.Error, connection: sqlite3.Connection | None = None
) -> NoReturn:
    fault = environment_fault(error)
    if fault is not None:
        raise fault from error
    refusal = closed_period_refusal(error, connection)
    if refusal is not None:
        raise refusal from error
    raise error


class DeskCursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Parameters = (), /) -> DeskCursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as error:
            raise_translated(error, self.connection)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Parameters], /) -> DeskCursor:
        try:
            return super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as error:
            raise_translated(error, self.connection)

    def executescript(self, sql_script: str, /) -> DeskCursor:
        try:
            return super().executescript(sql_script)  # type: ignore[return-value]
        except sqlite3.Error as error:
            raise_translated(error, self.connection)

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as error:
            raise_translated(error)

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size)
        except sqlite3.Error as error:
            raise_translated(error)

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as error:
            raise_translated(error)

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as error:
            raise_translated(error)


class DeskConnection(sqlite3.Connection):
    """A connection whose statements raise the environment's errors (see the module)."""

    def cursor(self, factory: Any = DeskCursor) -> Any:
        return super().cursor(factory)

    # sqlite3's own shortcuts make their cursor in C, past ``cursor()``: route them here.
    def execute(self, sql: str, parameters: Parameters = (), /) -> DeskCursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Parameters], /) -> DeskCursor:
        return self.cursor().executemany(sql, seq_of_parameters)

    def executescript(self, sql_script: str, /) -> DeskCursor:
        return self.cursor().executescript(sql_script)

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as error:
            raise_translated(error)

    def rollback(self) -> None:
        try:
            super().rollback()
        except sqlite3.Error as error:
            raise_translated(error)
