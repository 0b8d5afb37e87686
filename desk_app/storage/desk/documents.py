"""Printed forms, archived as PDF beside the record they were printed for."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    form: str
    title: str
    record_table: str | None
    record_id: str | None
    copy_mark: str | None
    sha256: str
    size: int
    created_at: str
    created_by: int | None
    created_shift: int | None


_INFO = (
    "id, form, title, record_table, record_id, copy_mark, sha256, size, created_at, created_by, "
    "created_shift"
)


def insert(
    db: Database,
    *,
    form: str,
    title: str,
    pdf: bytes,
    record_table: str | None,
    record_id: str | None,
    copy_mark: str | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO documents (form, title, record_table, record_id, copy_mark, pdf, sha256, "
        "size, created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            form,
            title,
            record_table,
            None if record_id is None else str(record_id),
            copy_mark,
            pdf,
            hashlib.sha256(pdf).hexdigest(),
            len(pdf),
            created_at,
            created_by,
            created_shift,
        ],
    )
    return inserted_id(cursor)


def info(db: Database, document_id: int) -> DocumentInfo | None:
    row = db.execute(f"SELECT {_INFO} FROM documents WHERE id = ?", [document_id]).fetchone()
    return DocumentInfo(*row) if row else None


def pdf_bytes(db: Database, document_id: int) -> bytes | None:
    row = db.execute("SELECT pdf FROM documents WHERE id = ?", [document_id]).fetchone()
    return bytes(row[0]) if row else None


def for_record(db: Database, record_table: str, record_id: str) -> list[DocumentInfo]:
    cursor = db.execute(
        f"SELECT {_INFO} FROM documents WHERE record_table = ? AND record_id = ? ORDER BY id",
        [record_table, str(record_id)],
    )
    return [DocumentInfo(*row) for row in cursor.fetchall()]


def mismatched_hashes(db: Database) -> list[int]:
    bad = []
    for document_id, pdf, digest in db.execute("SELECT id, pdf, sha256 FROM documents").fetchall():
        if hashlib.sha256(pdf).hexdigest() != digest:
            bad.append(document_id)
    return bad
