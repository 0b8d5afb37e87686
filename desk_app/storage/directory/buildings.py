"""Buildings (栋/楼) and public places (公共区域)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id


@dataclass(frozen=True)
class BuildingRow:
    id: int
    code: str
    name: str
    has_entrances: bool
    floors: int | None
    note: str | None


@dataclass(frozen=True)
class PlaceRow:
    id: int
    code: str
    name: str
    building: str | None
    floor: str | None
    note: str | None


def insert_building(
    db: Database,
    *,
    code: str,
    name: str,
    has_entrances: bool,
    floors: int | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO buildings (code, name, has_entrances, floors, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [code, name, int(has_entrances), floors, created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def building_by_code(db: Database, code: str) -> BuildingRow | None:
    row = db.execute(
        "SELECT id, code, name, has_entrances, floors, note FROM buildings WHERE code = ?", [code]
    ).fetchone()
    return BuildingRow(row[0], row[1], row[2], bool(row[3]), row[4], row[5]) if row else None


def list_buildings(db: Database) -> list[BuildingRow]:
    rows = db.execute(
        "SELECT id, code, name, has_entrances, floors, note FROM buildings "
        "ORDER BY length(code), code"
    ).fetchall()
    return [BuildingRow(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in rows]


def insert_place(
    db: Database,
    *,
    code: str,
    name: str,
    building: str | None,
    floor: str | None,
    note: str | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO public_places (code, name, building, floor, note, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [code, name, building, floor, note, created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def list_places(db: Database) -> list[PlaceRow]:
    rows = db.execute(
        "SELECT id, code, name, building, floor, note FROM public_places ORDER BY code"
    ).fetchall()
    return [PlaceRow(*r) for r in rows]


def place_by_code(db: Database, code: str) -> PlaceRow | None:
    row = db.execute(
        "SELECT id, code, name, building, floor, note FROM public_places WHERE code = ?", [code]
    ).fetchone()
    return PlaceRow(*row) if row else None


def get_place(db: Database, place_id: int) -> PlaceRow | None:
    row = db.execute(
        "SELECT id, code, name, building, floor, note FROM public_places WHERE id = ?", [place_id]
    ).fetchone()
    return PlaceRow(*row) if row else None
