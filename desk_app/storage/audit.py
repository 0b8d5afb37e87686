"""The audit trail: append-only, each row hash-chained to the one before.

Triggers reject UPDATE and DELETE; someone who drops them with the sqlite3
shell and edits a row breaks the chain, which ``verify_chain`` finds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

GENESIS_HASH = "0" * 64

_COLUMNS = (
    "id, at, operator_id, shift_id, actor, operation, record_table, record_id, detail, "
    "prev_hash, hash"
)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    operator_id: int | None
    shift_id: int | None
    actor: str
    operation: str
    record_table: str | None
    record_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class NewAuditEntry:
    at: str
    operator_id: int | None
    shift_id: int | None
    actor: str
    operation: str
    record_table: str | None = None
    record_id: str | None = None
    detail: dict[str, Any] | None = None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_bad_id: int | None = None
    reason: str = ""


def canonical_detail(detail: dict[str, Any] | None) -> str:
    return json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def row_hash(
    prev_hash: str,
    at: str,
    operator_id: int | None,
    shift_id: int | None,
    actor: str,
    operation: str,
    record_table: str | None,
    record_id: str | None,
    detail_text: str,
) -> str:
    payload = json.dumps(
        [
            prev_hash,
            at,
            operator_id,
            shift_id,
            actor,
            operation,
            record_table,
            record_id,
            detail_text,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(db: Database) -> str:
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS_HASH


def append_many(db: Database, entries: Iterable[NewAuditEntry]) -> int:
    """Append entries in order; the caller holds the write transaction."""
    prev = last_hash(db)
    rows = []
    for entry in entries:
        detail_text = canonical_detail(entry.detail)
        record_id = None if entry.record_id is None else str(entry.record_id)
        digest = row_hash(
            prev,
            entry.at,
            entry.operator_id,
            entry.shift_id,
            entry.actor,
            entry.operation,
            entry.record_table,
            record_id,
            detail_text,
        )
        rows.append(
            (
                entry.at,
                entry.operator_id,
                entry.shift_id,
                entry.actor,
                entry.operation,
                entry.record_table,
                record_id,
                detail_text,
                prev,
                digest,
            )
        )
        prev = digest
    db.conn.executemany(
        "INSERT INTO audit_log (at, operator_id, shift_id, actor, operation, record_table, "
        "record_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def append(db: Database, entry: NewAuditEntry) -> None:
    append_many(db, [entry])


def _entry(row: tuple) -> AuditEntry:
    return AuditEntry(
        id=row[0],
        at=row[1],
        operator_id=row[2],
        shift_id=row[3],
        actor=row[4],
        operation=row[5],
        record_table=row[6],
        record_id=row[7],
        detail=json.loads(row[8] or "{}"),
        prev_hash=row[9],
        hash=row[10],
    )


def _entries(db: Database, tail: str, params: list[object]) -> list[AuditEntry]:
    cursor = db.execute(f"SELECT {_COLUMNS} FROM audit_log {tail}", params)
    return [_entry(row) for row in cursor.fetchall()]


def entries_for_shift(db: Database, shift_id: int) -> list[AuditEntry]:
    return _entries(db, "WHERE shift_id = ? ORDER BY id", [shift_id])


def entries_for_record(db: Database, record_table: str, record_id: str) -> list[AuditEntry]:
    return _entries(
        db, "WHERE record_table = ? AND record_id = ? ORDER BY id", [record_table, str(record_id)]
    )


def recent(db: Database, limit: int = 100) -> list[AuditEntry]:
    return _entries(db, "ORDER BY id DESC LIMIT ?", [limit])


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _iter_raw(db: Database) -> Iterator[tuple]:
    cursor = db.conn.execute(
        "SELECT id, at, operator_id, shift_id, actor, operation, record_table, record_id, "
        "detail, prev_hash, hash FROM audit_log ORDER BY id"
    )
    while batch := cursor.fetchmany(5000):
        yield from batch


def verify_chain(db: Database) -> ChainReport:
    expected_prev = GENESIS_HASH
    rows = 0
    previous_id = 0
    for row in _iter_raw(db):
        rows += 1
        (
            row_id,
            at,
            operator_id,
            shift_id,
            actor,
            operation,
            table,
            record_id,
            detail,
            prev,
            digest,
        ) = row
        if row_id != previous_id + 1:
            return ChainReport(
                False, rows, row_id, f"审计记录编号不连续：{previous_id} 之后是 {row_id}"
            )
        if prev != expected_prev:
            return ChainReport(False, rows, row_id, f"审计记录 {row_id} 的前序哈希与上一条不符")
        recomputed = row_hash(
            prev, at, operator_id, shift_id, actor, operation, table, record_id, detail
        )
        if recomputed != digest:
            return ChainReport(
                False, rows, row_id, f"审计记录 {row_id} 的内容与其哈希不符（已被改动）"
            )
        expected_prev = digest
        previous_id = row_id
    return ChainReport(True, rows)


def head(db: Database) -> tuple[int, str] | None:
    """(id, hash) of the newest row: what a later copy of the chain must still contain."""
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def hash_at(db: Database, entry_id: int) -> str | None:
    row = db.execute("SELECT hash FROM audit_log WHERE id = ?", [entry_id]).fetchone()
    return row[0] if row else None


def last_time_of(db: Database, operation: str) -> str | None:
    row = db.execute(
        "SELECT at FROM audit_log WHERE operation = ? ORDER BY id DESC LIMIT 1", [operation]
    ).fetchone()
    return row[0] if row else None
