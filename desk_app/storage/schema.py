"""The schema as numbered migrations, recorded in the database itself.

Each migration (``storage/migrations/mNNNN_*.py``) runs in its own transaction
(sqlite-utils ``Migrations``). A database that has a migration this program does not
know was written by a newer version and is refused. A feature adds its migration module
to ``RELEASED`` in order; a migration is never edited once released.

Conventions: money columns end in ``_fen`` (INTEGER); times are ISO 8601 text
with ``+08:00``; every row written through the services carries
``created_at``, ``created_by`` (operator) and ``created_shift``.
"""

from __future__ import annotations

from types import ModuleType

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desk_app.core.errors import SchemaTooNew
from desk_app.storage.migrations import (
    m0001_foundation,
    m0002_estate_units,
    m0003_directory,
    m0004_reception_repairs,
    m0005_ledger,
    m0006_ledger_operations,
    m0007_ledger_indexes,
    m0008_live_money,
    m0009_open_charges,
    m0010_row_hashes,
    m0011_closed_months,
    m0012_receipt_losses,
    m0013_keys,
    m0014_movein,
    m0015_movein_station_by,
    m0016_renovation,
)
from desk_app.storage.transactions import write_transaction

MIGRATION_SET = "desk_app"

RELEASED: tuple[ModuleType, ...] = (
    m0001_foundation,
    m0002_estate_units,
    m0003_directory,
    m0004_reception_repairs,
    m0005_ledger,
    m0006_ledger_operations,
    m0007_ledger_indexes,
    m0008_live_money,
    m0009_open_charges,
    m0010_row_hashes,
    m0011_closed_months,
    m0012_receipt_losses,
    m0013_keys,
    m0014_movein,
    m0015_movein_station_by,
    m0016_renovation,
)

migrations = Migrations(MIGRATION_SET)
for _module in RELEASED:
    migrations(name=_module.NAME)(_module.migrate)

# Tables whose rows may never be changed or removed once written. Each gets
# BEFORE UPDATE / BEFORE DELETE triggers; `desk-app check` verifies the triggers.
APPEND_ONLY_TABLES: list[str] = ["audit_log"] + [
    table for module in RELEASED for table in module.APPEND_ONLY
]

# Tables whose rows dated in a closed month (月结) are refused by a BEFORE INSERT trigger
# named ``<table>_closed_period`` (migrations 0006 and 0011); `desk-app check` verifies them.
CLOSED_PERIOD_TABLES: tuple[str, ...] = (
    "charges",
    "receipts",
    "receipt_voids",
    "credit_uses",
    "refunds",
    "late_fee_waivers",
    "meter_readings",
    "invoice_exchanges",
    "cash_handovers",
    "arrears_actions",
    "fee_rates",
    "billing_runs",
)

# The views as the released migrations define them (a later migration that redefines a
# view replaces its text here); `desk-app check` compares the file's views with these.
VIEWS: dict[str, str] = {
    name: sql for module in RELEASED for name, sql in getattr(module, "VIEWS", {}).items()
}


def altered_views(db: Database) -> list[str]:
    """The program's views that are missing from the file or differ from their text."""
    present = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    return [name for name, sql in VIEWS.items() if (present.get(name) or "").strip() != sql.strip()]


def restore_views(db: Database) -> list[str]:
    """Put back views dropped or rewritten behind the program's back (they hold no rows,
    only the rule of which money counts), all of them in one transaction; the names
    restored, for the log. ``desk-app check`` reports such a view before it is restored."""
    altered = altered_views(db)
    if altered:
        with write_transaction(db):
            for name in reversed(VIEWS):
                db.execute(f'DROP VIEW IF EXISTS "{name}"')
            for sql in VIEWS.values():
                db.execute(sql)
    return altered


# Derived tables (rows kept by triggers from the money tables, never written by an
# operation) with their indexes and triggers, as the released migrations define them, and
# for each table the statement that fills it from scratch.
DERIVED: dict[str, str] = {
    name: sql for module in RELEASED for name, sql in getattr(module, "DERIVED", {}).items()
}
DERIVED_FILLS: dict[str, str] = {
    module.TABLE: module.REBUILD for module in RELEASED if hasattr(module, "REBUILD")
}


def altered_derived(db: Database) -> list[str]:
    """The derived tables, indexes and triggers missing from the file or differing from
    their text (a table whose trigger is gone stops following the ledger)."""
    present = dict(
        db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')"
        ).fetchall()
    )
    return [
        name for name, sql in DERIVED.items() if (present.get(name) or "").strip() != sql.strip()
    ]


def restore_derived(db: Database, *, refill: bool = False) -> list[str]:
    """Recreate the derived tables with their indexes and triggers, and refill them from
    the views, in one transaction, when any of them is missing or altered (or only refill
    them, with ``refill``: after views were restored, rows computed through an altered
    view are not to be trusted); the names rebuilt, for the log. ``desk-app check``
    reports such objects, and rows that differ from the views, before that."""
    altered = altered_derived(db)
    if altered or refill:
        with write_transaction(db):
            rebuild_derived(db, recreate=bool(altered))
    return altered or (list(DERIVED_FILLS) if refill else [])


def rebuild_derived(db: Database, *, recreate: bool = False) -> None:
    """Refill every derived table from the views (inside the caller's transaction);
    ``recreate`` drops and creates the tables, indexes and triggers first."""
    if recreate:
        for name, sql in DERIVED.items():
            if sql.startswith("CREATE TRIGGER"):
                db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        for table in DERIVED_FILLS:
            db.execute(f'DROP TABLE IF EXISTS "{table}"')
        for sql in DERIVED.values():
            db.execute(sql)
    for table, fill in DERIVED_FILLS.items():
        db.execute(f'DELETE FROM "{table}"')
        db.execute(fill)


def known_migration_names() -> list[str]:
    return [module.NAME for module in RELEASED]


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
