"""The audit trail: append-only, each row hash-chained to the one before.

Triggers reject UPDATE and DELETE; someone who drops them with the sqlite3
shell and edits a row breaks the chain, which ``verify_chain`` finds. An entry may carry
the hashes of the rows its operation wrote (``storage/row_hashes.py``): they go to
``audit_rows`` and their digest into the entry's ``rows_digest``, which is hashed with it.
Someone who knows this format can recompute every hash after an edit; the seal
(``seal_code``: the head's hash and number, printed on paper) is what catches that.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desk_app.storage import row_hashes

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
    # (table, record id, row hash or None when deleted) of the rows this entry vouches for
    rows: tuple[tuple[str, str, str | None], ...] = ()


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
    rows_digest: str | None = None,
) -> str:
    fields: list[object] = [
        prev_hash,
        at,
        operator_id,
        shift_id,
        actor,
        operation,
        record_table,
        record_id,
        detail_text,
    ]
    if rows_digest is not None:  # entries from before row hashes keep their old form
        fields.append(rows_digest)
    payload = json.dumps(
        fields,
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
    next_id = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM audit_log").fetchone()[0])
    rows = []
    vouched: list[tuple[int, tuple[tuple[str, str, str | None], ...]]] = []
    for entry in entries:
        detail_text = canonical_detail(entry.detail)
        record_id = None if entry.record_id is None else str(entry.record_id)
        rows_digest = row_hashes.entry_digest(entry.rows) if entry.rows else None
        if entry.rows:
            vouched.append((next_id, entry.rows))
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
            rows_digest,
        )
        rows.append(
            (
                next_id,
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
                rows_digest,
            )
        )
        prev = digest
        next_id += 1
    if any(row[-1] is not None for row in rows):
        db.conn.executemany(
            "INSERT INTO audit_log (id, at, operator_id, shift_id, actor, operation, "
            "record_table, record_id, detail, prev_hash, hash, rows_digest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    else:  # also the form of a file from before row hashes (the migration adds the column)
        db.conn.executemany(
            "INSERT INTO audit_log (id, at, operator_id, shift_id, actor, operation, "
            "record_table, record_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row[:-1] for row in rows],
        )
    for entry_id, hashed in vouched:
        row_hashes.insert(db, entry_id, hashed)
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


def has_row_hashes(db: Database) -> bool:
    """The file has the row-hash columns (migration 0010)."""
    return any(row[1] == "rows_digest" for row in db.execute("PRAGMA table_info(audit_log)"))


def _iter_raw(db: Database, through: int | None = None) -> Iterator[tuple]:
    rows_digest = "rows_digest" if has_row_hashes(db) else "NULL"
    limit = "" if through is None else f"WHERE id <= {int(through)} "
    cursor = db.conn.execute(
        "SELECT id, at, operator_id, shift_id, actor, operation, record_table, record_id, "
        f"detail, prev_hash, hash, {rows_digest} FROM audit_log {limit}ORDER BY id"
    )
    while batch := cursor.fetchmany(5000):
        yield from batch


def verify_chain(db: Database, through: int | None = None) -> ChainReport:
    """Recompute the chain from its start (up to entry ``through``)."""
    expected_prev = GENESIS_HASH
    rows = 0
    previous_id = 0
    for row in _iter_raw(db, through):
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
            rows_digest,
        ) = row
        if row_id != previous_id + 1:
            return ChainReport(
                False, rows, row_id, f"审计记录编号不连续：{previous_id} 之后是 {row_id}"
            )
        if prev != expected_prev:
            return ChainReport(False, rows, row_id, f"审计记录 {row_id} 的前序哈希与上一条不符")
        recomputed = row_hash(
            prev, at, operator_id, shift_id, actor, operation, table, record_id, detail, rows_digest
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


SEAL_LENGTH = 12
_SEAL = re.compile(r"^\s*([0-9A-Fa-f]{4})-?([0-9A-Fa-f]{4})-?([0-9A-Fa-f]{4})\s*#?\s*(\d+)\s*$")


def seal_code(entry_id: int, digest: str) -> str:
    """The seal printed on paper: 12 characters of an entry's hash and its number,
    ``A1B2-C3D4-E5F6 #12345``."""
    head_text = digest[:SEAL_LENGTH].upper()
    return f"{head_text[0:4]}-{head_text[4:8]}-{head_text[8:12]} #{entry_id}"


def parse_seal(code: str) -> tuple[int, str] | None:
    """(entry number, 12 hex characters in lower case) of a seal as typed, else None."""
    match = _SEAL.match(code or "")
    if match is None:
        return None
    return int(match.group(4)), "".join(match.group(i) for i in (1, 2, 3)).lower()


def head_seal(db: Database) -> str | None:
    """The seal of the chain's newest entry (None for an empty chain)."""
    newest = head(db)
    return None if newest is None else seal_code(*newest)


def verify_seal(db: Database, entry_id: int, prefix: str) -> ChainReport:
    """The chain, recomputed from its start up to entry ``entry_id``, still ends in a hash
    beginning with ``prefix``: the file holds the history the seal was printed from."""
    report = verify_chain(db, through=entry_id)
    if not report.ok:
        return report
    digest = hash_at(db, entry_id)
    if digest is None:
        return ChainReport(False, report.rows, entry_id, f"审计记录第 {entry_id} 条已不存在")
    if not digest.startswith(prefix.lower()):
        return ChainReport(
            False,
            report.rows,
            entry_id,
            f"审计记录第 {entry_id} 条的哈希与封存码不符：此前的历史已被改写",
        )
    return ChainReport(True, report.rows)
