"""Migration 0010_row_hashes."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import append_only_triggers

NAME = "0010_row_hashes"
APPEND_ONLY: tuple[str, ...] = ("audit_rows",)

# The hash of every audited row as the program last wrote it, hung on the audit entry of
# that write (``storage/row_hashes.py``); each entry's ``rows_digest`` is a digest over its
# rows and is part of its chained hash. ``desk-app check`` compares every row with the
# latest hash the chain holds for it, both ways.
#
# Past writes left no hashes and none can be invented for them: the migration records the
# rows as they stand in one entry, ``rows_baseline``, in the chain (the check holds them
# from here on; what was changed outside the program before it is beyond its reach).
# A file with no rows (a new desk) gets no baseline entry.


def migrate(db: Database) -> None:
    from desk_app.core.clock import SystemClock, to_text
    from desk_app.storage import audit, row_hashes

    db.executescript(
        f"""
ALTER TABLE audit_log ADD COLUMN rows_digest TEXT;
CREATE TABLE audit_rows (
    audit_id INTEGER NOT NULL REFERENCES audit_log(id),
    record_table TEXT NOT NULL,
    record_id TEXT NOT NULL,
    row_hash TEXT
);
CREATE INDEX audit_rows_entry ON audit_rows(audit_id);
{append_only_triggers("audit_rows")}
"""
    )
    baseline = row_hashes.unrecorded(db)
    if baseline:
        audit.append(
            db,
            audit.NewAuditEntry(
                at=to_text(SystemClock().now()),
                operator_id=None,
                shift_id=None,
                actor="migration",
                operation="rows_baseline",
                detail={"rows": len(baseline)},
                rows=tuple(baseline),
            ),
        )
