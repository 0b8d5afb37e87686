"""What repairs are set up with: the technicians (engineering staff and outside
contractors) and the paid-service price list (有偿服务价格明细表)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id, update_columns, with_flags


@dataclass(frozen=True)
class TechnicianRow:
    id: int
    name: str
    kind: str
    phone: str | None
    specialty: str | None
    active: bool


@dataclass(frozen=True)
class PriceRow:
    id: int
    category: str
    name: str
    unit: str
    price_fen: int
    labour_fen: int
    active: bool


def _stamp(created_at: str, created_by: int | None, created_shift: int | None) -> list[object]:
    return [created_at, created_by, created_shift]


def insert_technician(
    db: Database,
    *,
    name: str,
    kind: str,
    phone: str | None,
    specialty: str | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO technicians (name, kind, phone, specialty, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [name, kind, phone, specialty, *_stamp(created_at, created_by, created_shift)],
    )
    return inserted_id(cursor)


def update_technician(
    db: Database, technician_id: int, changes: dict[str, object], updated_at: str
) -> None:
    allowed = ("name", "kind", "phone", "specialty", "active")
    update_columns(db, "technicians", technician_id, changes, allowed, updated_at)


def technicians(db: Database, *, active_only: bool = False) -> list[TechnicianRow]:
    where = "WHERE active = 1" if active_only else ""
    rows = db.execute(
        f"SELECT id, name, kind, phone, specialty, active FROM technicians {where} "
        "ORDER BY kind, name"
    ).fetchall()
    return [TechnicianRow(*with_flags(r, 5)) for r in rows]


def technician(db: Database, technician_id: int) -> TechnicianRow | None:
    row = db.execute(
        "SELECT id, name, kind, phone, specialty, active FROM technicians WHERE id = ?",
        [technician_id],
    ).fetchone()
    return TechnicianRow(*with_flags(row, 5)) if row else None


def technician_by_name(db: Database, name: str) -> TechnicianRow | None:
    row = db.execute(
        "SELECT id, name, kind, phone, specialty, active FROM technicians WHERE name = ?", [name]
    ).fetchone()
    return TechnicianRow(*with_flags(row, 5)) if row else None


def insert_price(
    db: Database,
    *,
    category: str,
    name: str,
    unit: str,
    price_fen: int,
    labour_fen: int,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO service_prices (category, name, unit, price_fen, labour_fen, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            category,
            name,
            unit,
            price_fen,
            labour_fen,
            *_stamp(created_at, created_by, created_shift),
        ],
    )
    return inserted_id(cursor)


def update_price(db: Database, price_id: int, changes: dict[str, object], updated_at: str) -> None:
    allowed = ("category", "name", "unit", "price_fen", "labour_fen", "active")
    update_columns(db, "service_prices", price_id, changes, allowed, updated_at)


_PRICE_COLUMNS = "id, category, name, unit, price_fen, labour_fen, active"


def prices(db: Database, *, active_only: bool = False) -> list[PriceRow]:
    where = "WHERE active = 1" if active_only else ""
    rows = db.execute(
        f"SELECT {_PRICE_COLUMNS} FROM service_prices {where} ORDER BY category, id"
    ).fetchall()
    return [PriceRow(*with_flags(r, 6)) for r in rows]


def price(db: Database, price_id: int) -> PriceRow | None:
    row = db.execute(
        f"SELECT {_PRICE_COLUMNS} FROM service_prices WHERE id = ?", [price_id]
    ).fetchone()
    return PriceRow(*with_flags(row, 6)) if row else None
