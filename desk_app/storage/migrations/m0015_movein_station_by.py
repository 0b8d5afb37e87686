"""Migration 0015_movein_station_by."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0015_movein_station_by"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
    # Who did each station of a hand-over, and when: the operator on duty (done_by) and
    # the time (done_at) when a station is done or skipped, both cleared when it is put
    # back to pending; the routing slip (入住程序表) prints them in the station's row.
    # A defect recorded by mistake is removed, not deleted (its photos are append-only):
    # removed_at, removed_by and the reason, its repair order cancelled with it.
    # The new columns are NULL on the rows already there, so their row hashes stand.
    db.executescript(
        """
ALTER TABLE movein_stations ADD COLUMN done_by INTEGER REFERENCES operators(id);
ALTER TABLE movein_stations ADD COLUMN done_at TEXT;
ALTER TABLE movein_defects ADD COLUMN removed_at TEXT;
ALTER TABLE movein_defects ADD COLUMN removed_by INTEGER REFERENCES operators(id);
ALTER TABLE movein_defects ADD COLUMN removed_reason TEXT
    CHECK (removed_reason IS NULL OR removed_reason <> '');
"""
    )
