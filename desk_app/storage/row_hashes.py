"""Row hashes: what each audited row held when the program last wrote it.

Every row of every audited table (all tables but the audit trail itself and the derived
ones) has, in ``audit_rows``, the SHA-256 of its content as the program wrote it, hung on
an audit entry of the chain: an operation's entries carry the hashes of the rows its
``Changes`` name, taken when it commits (``None`` for a row it deleted), and each entry's
``rows_digest`` (part of its chained hash) is a digest over its own ``audit_rows``. So a
row edited, inserted or deleted outside the program no longer matches the latest hash
the chain holds for it, and the hashes cannot be edited to match without breaking the
chain (a full re-chain is what the seal printed on paper catches).

A record is a row, found by its rowid, or for the few tables named in ``Changes`` by a
key (``KEY_COLUMNS``: a setting by name, a month's close by its period, a unit's papers
by the unit) the rows holding that key. The canonical form of a row: JSON of its non-NULL
columns by name (blobs as ``{"blob": hex}``) with its rowid, sorted; a column a later
migration adds as NULL leaves old hashes as they were.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

# Tables whose rows are not records: the trail itself, and derived tables (kept from the
# audited rows: the search index and its FTS shadow tables, the open charges).
UNAUDITED = ("audit_log", "audit_rows", "search_terms", "open_charges")
UNAUDITED_PREFIXES = ("sqlite_", "_", "search_terms_")
# Tables whose records are named by another column than the rowid.
KEY_COLUMNS = {"settings": "key", "period_closes": "period", "archive_papers": "unit_id"}

Key = tuple[str, str]  # (table, record id as text)


def audited_tables(db: Database) -> list[str]:
    return [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        if name not in UNAUDITED and not name.startswith(UNAUDITED_PREFIXES)
    ]


def _value(value: object) -> object:
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    return value


def _row_text(columns: list[str], row: tuple) -> str:
    content = {name: _value(value) for name, value in zip(columns, row, strict=True)}
    content = {name: value for name, value in content.items() if value is not None}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(texts: Iterable[str]) -> str | None:
    sha = hashlib.sha256()
    any_row = False
    for text in texts:
        any_row = True
        sha.update(text.encode("utf-8"))
        sha.update(b"\n")
    return sha.hexdigest() if any_row else None


def _select(db: Database, table: str, where: str, params: list[object]) -> tuple[list, list]:
    cursor = db.execute(f'SELECT rowid AS "rowid", * FROM "{table}" {where}', params)
    columns = [d[0] for d in cursor.description]
    return columns, cursor.fetchall()


def record_hash(db: Database, table: str, record_id: str) -> str | None:
    """The hash of a record as it is now; None when it has no row."""
    column = KEY_COLUMNS.get(table)
    if column is None:
        if not record_id.lstrip("-").isdigit():
            return None
        columns, rows = _select(db, table, "WHERE rowid = ?", [int(record_id)])
    else:
        columns, rows = _select(db, table, f'WHERE "{column}" = ? ORDER BY rowid', [record_id])
    return _digest(_row_text(columns, row) for row in rows)


def current_hashes(db: Database, table: str) -> Iterator[tuple[str, str]]:
    """(record id, hash) of every record of ``table`` as it is now."""
    column = KEY_COLUMNS.get(table)
    if column is None:
        cursor = db.execute(f'SELECT rowid AS "rowid", * FROM "{table}" ORDER BY rowid')
        columns = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(5000):
            for row in batch:
                yield str(row[0]), _digest([_row_text(columns, row)]) or ""
        return
    columns, rows = _select(db, table, f'ORDER BY "{column}", rowid', [])
    position = columns.index(column)
    group: list[str] = []
    key: object = None
    for row in rows:
        if group and row[position] != key:
            yield str(key), _digest(group) or ""
            group = []
        key = row[position]
        group.append(_row_text(columns, row))
    if group:
        yield str(key), _digest(group) or ""


def entry_digest(rows: Iterable[tuple[str, str, str | None]]) -> str:
    """The digest an audit entry carries over its (table, record id, hash) rows."""
    payload = json.dumps(sorted(rows, key=lambda r: (r[0], r[1])), separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def insert(db: Database, audit_id: int, rows: Iterable[tuple[str, str, str | None]]) -> None:
    db.conn.executemany(
        "INSERT INTO audit_rows (audit_id, record_table, record_id, row_hash) VALUES (?, ?, ?, ?)",
        [(audit_id, table, key, digest) for table, key, digest in rows],
    )


def latest(db: Database) -> dict[Key, str | None]:
    """The latest hash the chain holds for each record (None: deleted by the program)."""
    found: dict[Key, str | None] = {}
    cursor = db.execute(
        "SELECT record_table, record_id, row_hash FROM audit_rows ORDER BY audit_id, rowid"
    )
    while batch := cursor.fetchmany(10000):
        for table, key, digest in batch:
            found[(table, key)] = digest
    return found


def unrecorded(db: Database) -> list[tuple[str, str, str]]:
    """Records that have no hash in the chain yet, with their hash (for a baseline)."""
    known = latest(db)
    rows = []
    for table in audited_tables(db):
        for key, digest in current_hashes(db, table):
            if known.get((table, key)) is None:
                rows.append((table, key, digest))
    return rows


@dataclass(frozen=True)
class RowProblems:
    changed: list[Key]
    unrecorded: list[Key]
    deleted: list[Key]
    bad_entries: list[int]

    @property
    def count(self) -> int:
        return len(self.changed) + len(self.unrecorded) + len(self.deleted) + len(self.bad_entries)


def entries_not_matching_rows(db: Database) -> list[int]:
    """Audit entries whose ``rows_digest`` differs from their ``audit_rows`` (hashes edited,
    added or removed), and ``audit_rows`` hung on no entry. Streams the rows in the order
    ``entry_digest`` sorts them (SQLite's binary order of text is Python's), so memory
    stays flat whatever the size of the file."""
    digests = dict(
        db.execute("SELECT id, rows_digest FROM audit_log WHERE rows_digest IS NOT NULL").fetchall()
    )
    bad: set[int] = set()
    seen: set[int] = set()
    cursor = db.execute(
        "SELECT audit_id, record_table, record_id, row_hash FROM audit_rows "
        "ORDER BY audit_id, record_table, record_id, rowid"
    )
    current: int | None = None
    sha = hashlib.sha256()

    def finish(audit_id: int) -> None:
        sha.update(b"]")
        seen.add(audit_id)
        if digests.get(audit_id) != sha.hexdigest():
            bad.add(audit_id)

    while batch := cursor.fetchmany(10000):
        for audit_id, table, key, digest in batch:
            if audit_id != current:
                if current is not None:
                    finish(current)
                current, sha = audit_id, hashlib.sha256()
                sha.update(b"[")
            else:
                sha.update(b",")
            sha.update(json.dumps([table, key, digest], separators=(",", ":")).encode("utf-8"))
    if current is not None:
        finish(current)
    bad.update(audit_id for audit_id in digests if audit_id not in seen)
    return sorted(bad)


def _keys(db: Database, sql: str) -> list[Key]:
    return [(table, key) for table, key in db.execute(sql).fetchall()]


def problems(db: Database) -> RowProblems:
    """Every record against the latest hash the chain holds for it, both ways. The two
    sides meet in temporary tables (on disk, not in memory): a 10-year estate holds
    millions of row hashes."""
    db.executescript(
        """
DROP TABLE IF EXISTS temp.row_hashes_now;
DROP TABLE IF EXISTS temp.row_hashes_then;
CREATE TEMP TABLE row_hashes_now (
    record_table TEXT, record_id TEXT, row_hash TEXT, PRIMARY KEY (record_table, record_id)
) WITHOUT ROWID;
CREATE TEMP TABLE row_hashes_then (
    record_table TEXT, record_id TEXT, row_hash TEXT, PRIMARY KEY (record_table, record_id)
) WITHOUT ROWID;
INSERT INTO temp.row_hashes_then
SELECT record_table, record_id, row_hash FROM (
    SELECT record_table, record_id, row_hash, row_number() OVER (
        PARTITION BY record_table, record_id ORDER BY audit_id DESC, rowid DESC) AS n
    FROM audit_rows)
WHERE n = 1;
"""
    )
    try:
        insert_now = "INSERT INTO temp.row_hashes_now VALUES (?, ?, ?)"
        for table in audited_tables(db):
            batch: list[tuple[str, str, str]] = []
            for key, digest in current_hashes(db, table):
                batch.append((table, key, digest))
                if len(batch) >= 5000:
                    db.conn.executemany(insert_now, batch)
                    batch = []
            db.conn.executemany(insert_now, batch)
        changed = _keys(
            db,
            "SELECT n.record_table, n.record_id FROM temp.row_hashes_now n "
            "JOIN temp.row_hashes_then t USING (record_table, record_id) "
            "WHERE t.row_hash IS NOT NULL AND t.row_hash <> n.row_hash",
        )
        missing = _keys(
            db,
            "SELECT n.record_table, n.record_id FROM temp.row_hashes_now n "
            "LEFT JOIN temp.row_hashes_then t USING (record_table, record_id) "
            "WHERE t.row_hash IS NULL",
        )
        deleted = _keys(
            db,
            "SELECT t.record_table, t.record_id FROM temp.row_hashes_then t "
            "LEFT JOIN temp.row_hashes_now n USING (record_table, record_id) "
            "WHERE t.row_hash IS NOT NULL AND n.record_id IS NULL",
        )
    finally:
        db.executescript(
            "DROP TABLE IF EXISTS temp.row_hashes_now; DROP TABLE IF EXISTS temp.row_hashes_then;"
        )
    return RowProblems(changed, missing, deleted, entries_not_matching_rows(db))


def hashes_where(db: Database, table: str, where: str, params: list[object]) -> list[str]:
    """The hash of each row of ``table`` matching ``where``, in rowid order."""
    columns, rows = _select(db, table, f"WHERE {where} ORDER BY rowid", params)
    return [_digest([_row_text(columns, row)]) or "" for row in rows]
