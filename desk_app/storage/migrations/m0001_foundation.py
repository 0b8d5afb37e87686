"""Migration 0001_foundation."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import append_only_triggers

NAME = "0001_foundation"
APPEND_ONLY: tuple[str, ...] = ("documents",)


def migrate(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);

CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    operator_id INTEGER NOT NULL REFERENCES operators(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'handed_over', 'day_closed', 'closed_unattended')),
    incoming_operator_id INTEGER REFERENCES operators(id),
    next_shift_id INTEGER REFERENCES shifts(id),
    handover_document_id INTEGER REFERENCES documents(id),
    note TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(status) WHERE status = 'open';
CREATE INDEX shifts_opened_at ON shifts(opened_at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES operators(id),
    updated_shift INTEGER REFERENCES shifts(id)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    form TEXT NOT NULL,
    title TEXT NOT NULL,
    record_table TEXT,
    record_id TEXT,
    copy_mark TEXT,
    pdf BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX documents_record ON documents(record_table, record_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator_id INTEGER REFERENCES operators(id),
    shift_id INTEGER REFERENCES shifts(id),
    actor TEXT NOT NULL,
    operation TEXT NOT NULL,
    record_table TEXT,
    record_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_shift ON audit_log(shift_id);
CREATE INDEX audit_log_record ON audit_log(record_table, record_id);
"""
        + append_only_triggers("documents")
        + append_only_triggers("audit_log")
    )
