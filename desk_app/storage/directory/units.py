"""Units (房屋) of the estate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id, update_columns, with_flags


@dataclass(frozen=True)
class NewUnit:
    code: str
    building: str
    entrance: str | None
    floor: int | None
    room: str
    area_centi_m2: int | None
    kind: str = "住宅"
    status: str = "空置"


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    building: str
    entrance: str | None
    floor: int | None
    room: str
    area_centi_m2: int | None
    kind: str
    status: str
    business_use: bool
    note: str | None
    owner_name: str | None = None  # filled by list_units only


_COLUMNS = (
    "id, code, building, entrance, floor, room, area_centi_m2, kind, status, business_use, note"
)
# Natural order: building, entrance, floor, room as numbers where they are numbers.
ORDER = (
    "ORDER BY length(building), building, length(coalesce(entrance, '')), entrance, floor, "
    "length(room), room"
)


def _row(row: tuple) -> UnitRow:
    return UnitRow(*with_flags(row, 9))


_OWNER = (
    "(SELECT p.name FROM occupancies o JOIN people p ON p.id = o.person_id "
    "WHERE o.unit_id = units.id AND o.role = 'owner' AND o.ended_at IS NULL "
    "ORDER BY o.id LIMIT 1)"
)


def insert_many(
    db: Database,
    units: Iterable[NewUnit],
    *,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> list[int]:
    ids = []
    for u in units:
        cursor = db.execute(
            "INSERT INTO units (code, building, entrance, floor, room, area_centi_m2, kind, "
            "status, created_at, created_by, created_shift) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                u.code,
                u.building,
                u.entrance,
                u.floor,
                u.room,
                u.area_centi_m2,
                u.kind,
                u.status,
                created_at,
                created_by,
                created_shift,
            ],
        )
        ids.append(inserted_id(cursor))
    return ids


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM units").fetchone()[0]


def get(db: Database, unit_id: int) -> UnitRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM units WHERE id = ?", [unit_id]).fetchone()
    return _row(row) if row else None


def by_code(db: Database, code: str) -> UnitRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM units WHERE code = ?", [code]).fetchone()
    return _row(row) if row else None


def existing_codes(db: Database, codes: Iterable[str]) -> set[str]:
    found: set[str] = set()
    batch = list(codes)
    for start in range(0, len(batch), 500):
        chunk = batch[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            r[0] for r in db.execute(f"SELECT code FROM units WHERE code IN ({marks})", chunk)
        )
    return found


def list_units(
    db: Database,
    *,
    building: str | None = None,
    entrance: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[UnitRow]:
    """A page of units in natural order, with the current owner's name."""
    conditions, params = [], []
    if building:
        conditions.append("building = ?")
        params.append(building)
    if entrance:
        conditions.append("entrance = ?")
        params.append(entrance)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(
        f"SELECT {_COLUMNS}, {_OWNER} FROM units {where} {ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_row(r) for r in rows]


def update(db: Database, unit_id: int, fields: dict[str, object], updated_at: str) -> None:
    allowed = ("area_centi_m2", "kind", "status", "business_use", "note")
    update_columns(db, "units", unit_id, fields, allowed, updated_at)


def counts_by_status(db: Database) -> dict[str, int]:
    return dict(db.execute("SELECT status, count(*) FROM units GROUP BY status").fetchall())
