"""Write transactions.

sqlite-utils' ``db.atomic()`` opens with a plain ``BEGIN``, which takes the write
lock only at the first write and can then fail with SQLITE_BUSY half-way through
an operation. Every operation of the desk therefore starts with
``BEGIN IMMEDIATE``; inside one, nested blocks become savepoints via
``db.atomic()``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from desk_app.core.errors import DatabaseLocked, EnvironmentFault


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise translate_operational_error(error) from error
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise translate_operational_error(error) from error


def translate_operational_error(error: sqlite3.OperationalError) -> Exception:
    """Keep environment faults (locked, disk full, read-only) apart from bugs."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked("数据库正忙或被锁定，请稍后再试。")
    if "disk is full" in text or "database or disk is full" in text:
        return EnvironmentFault("磁盘已满，数据未保存。请清理磁盘空间后重试。")
    if "readonly" in text or "read-only" in text:
        return EnvironmentFault("数据库文件为只读，无法写入。")
    if "disk i/o" in text:
        return EnvironmentFault("读写数据库文件时出错（磁盘 I/O 错误）。")
    return error
