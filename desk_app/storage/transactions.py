"""Write transactions.

sqlite-utils' ``db.atomic()`` opens with a plain ``BEGIN``, which takes the write
lock only at the first write and can then fail with SQLITE_BUSY half-way through
an operation. Every operation of the desk therefore starts with
``BEGIN IMMEDIATE``; inside one, nested blocks become savepoints via
``db.atomic()``. A fault of the machine at any statement (locked, disk full, read-only,
I/O) arrives as the environment's ``DeskError`` (``storage.sqlite_errors``) and rolls
everything back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
