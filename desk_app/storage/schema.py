"""The schema as numbered migrations, recorded in the database itself.

Each migration runs in its own transaction (sqlite-utils ``Migrations``). A
database that has a migration this program does not know was written by a
newer version and is refused. Feature modules append their migrations here in
order; a migration is never edited once released.

Conventions: money columns end in ``_fen`` (INTEGER); times are ISO 8601 text
with ``+08:00``; every row written through the services carries
``created_at``, ``created_by`` (operator) and ``created_shift``.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desk_app.core.errors import SchemaTooNew

MIGRATION_SET = "desk_app"
migrations = Migrations(MIGRATION_SET)

# Tables whose rows may never be changed or removed once written. Each gets
# BEFORE UPDATE / BEFORE DELETE triggers; `desk-app check` verifies the triggers.
APPEND_ONLY_TABLES: list[str] = ["audit_log"]


def append_only_triggers(table: str) -> str:
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""


@migrations(name="0001_foundation")
def m0001_foundation(db: Database) -> None:
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


APPEND_ONLY_TABLES.append("documents")


@migrations(name="0002_estate_units")
def m0002_estate_units(db: Database) -> None:
    # The estate's map, minimal: the directory module extends it (owners,
    # statuses, public places) in its own migrations.
    db.executescript(
        """
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    building TEXT NOT NULL,
    entrance TEXT,
    floor INTEGER,
    room TEXT NOT NULL,
    area_centi_m2 INTEGER CHECK (area_centi_m2 IS NULL OR area_centi_m2 > 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX units_building ON units(building, entrance, floor);
"""
    )


def known_migration_names() -> list[str]:
    return [migration.name for migration in migrations._migrations]


def applied_migration_names(db: Database) -> list[str]:
    return [migration.name for migration in migrations.applied(db)]


def pending_migrations(db: Database) -> list[str]:
    return [migration.name for migration in migrations.pending(db)]


def refuse_if_newer(db: Database) -> None:
    unknown = [name for name in applied_migration_names(db) if name not in known_migration_names()]
    if unknown:
        raise SchemaTooNew(
            "该数据库由更新版本的前台程序创建（含未知结构版本 "
            + "、".join(unknown)
            + "），本程序无法打开。请升级程序。"
        )


def apply_migrations(db: Database) -> list[str]:
    pending = pending_migrations(db)
    if pending:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known_migration_names())}")
    return pending
