"""Migration 0002_estate_units."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0002_estate_units"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
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
