"""Migration 0012_receipt_losses."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import STAMP_COLUMNS, append_only_triggers

NAME = "0012_receipt_losses"
APPEND_ONLY: tuple[str, ...] = ("receipt_losses",)


def migrate(db: Database) -> None:
    # Receipt numbers lost to the database (作废, e.g. reason 恢复备份): issued on paper
    # after the backup that was restored, so the restored file has no row for them. One
    # row per range of a book; numbering goes on after it, and `desk-app check` counts
    # every number of a book from its first to its highest as a receipt or a lost number.
    db.executescript(
        f"""
CREATE TABLE receipt_losses (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES receipt_books(id),
    first_no INTEGER NOT NULL,
    last_no INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (reason <> ''),
    {STAMP_COLUMNS},
    CHECK (last_no >= first_no)
);
CREATE INDEX receipt_losses_book ON receipt_losses(book_id, last_no);
{append_only_triggers("receipt_losses")}
"""
    )
