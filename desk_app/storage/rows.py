"""What every feature table repeats: who wrote a row and when (``Stamp``), insert a
record's fields, and update some allowed columns of one row with its ``updated_at``. Table and column names come
from constants in the calling module, never from user input."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class Stamp:
    """Who wrote a row and when: the created_at / created_by / created_shift columns."""

    at: str
    by: int | None
    shift: int | None


def with_flags(row: Sequence[Any], *flags: int) -> tuple[Any, ...]:
    """The row with its columns at the positions ``flags`` as bools (SQLite keeps 0/1)."""
    return tuple(bool(value) if i in flags else value for i, value in enumerate(row))


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote."""
    row_id = cursor.lastrowid
    if row_id is None:  # SQLite sets it on every successful INSERT
        raise RuntimeError("INSERT wrote no row")
    return row_id


def insert_record(db: Database, table: str, record: object, **stamp: object) -> int:
    """INSERT the fields of a dataclass ``record`` plus ``stamp`` columns; the new id."""
    values = {**asdict(record), **stamp}  # type: ignore[call-overload]
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))
    return inserted_id(cursor)


def update_columns(
    db: Database,
    table: str,
    row_id: int,
    changes: Mapping[str, object],
    allowed: Collection[str],
    updated_at: str,
) -> None:
    """UPDATE the ``changes`` (only ``allowed`` columns) of one row and its updated_at."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not updatable in {table}: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in changes)
    db.execute(
        f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = ?",
        [*changes.values(), updated_at, row_id],
    )
