"""Units (房屋) of the estate: the minimal map every module refers to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class NewUnit:
    code: str
    building: str
    entrance: str | None
    floor: int | None
    room: str
    area_centi_m2: int | None


def insert_many(
    db: Database,
    units: Iterable[NewUnit],
    *,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    rows = [
        (
            u.code,
            u.building,
            u.entrance,
            u.floor,
            u.room,
            u.area_centi_m2,
            created_at,
            created_by,
            created_shift,
        )
        for u in units
    ]
    db.conn.executemany(
        "INSERT INTO units (code, building, entrance, floor, room, area_centi_m2, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM units").fetchone()[0]
