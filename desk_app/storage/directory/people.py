"""People, who lives where (occupancies, ended rather than overwritten), vehicles,
and the history of contact changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id, update_columns


@dataclass(frozen=True)
class PersonRecord:
    """The fields of 业主档案资料表 for one person; id numbers and phones in full."""

    name: str
    gender: str | None = None
    birth_month: str | None = None
    id_type: str = "居民身份证"
    id_number: str | None = None
    phone: str | None = None
    phone2: str | None = None
    hukou: str | None = None
    address: str | None = None
    employer: str | None = None
    position: str | None = None
    employer_address: str | None = None
    note: str | None = None


PERSON_FIELDS = [f.name for f in fields(PersonRecord)]


@dataclass(frozen=True)
class PersonRow:
    id: int
    record: PersonRecord


@dataclass(frozen=True)
class OccupancyRow:
    id: int
    unit_id: int
    unit_code: str
    person_id: int
    person: PersonRecord
    role: str
    relation: str | None
    since: str | None
    until: str | None
    lease_start: str | None
    lease_end: str | None
    ended_at: str | None
    ended_reason: str | None


@dataclass(frozen=True)
class VehicleRow:
    id: int
    unit_id: int
    person_id: int | None
    kind: str
    plate: str | None
    note: str | None
    ended_at: str | None


@dataclass(frozen=True)
class ContactChangeRow:
    id: int
    person_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: str
    changed_by: int | None


_PERSON_COLUMNS = ", ".join(PERSON_FIELDS)


def _person(values: tuple) -> PersonRecord:
    return PersonRecord(*values)


def insert_person(
    db: Database,
    record: PersonRecord,
    *,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    marks = ", ".join("?" for _ in PERSON_FIELDS)
    cursor = db.execute(
        f"INSERT INTO people ({_PERSON_COLUMNS}, created_at, created_by, created_shift) "
        f"VALUES ({marks}, ?, ?, ?)",
        [getattr(record, name) for name in PERSON_FIELDS] + [created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def get_person(db: Database, person_id: int) -> PersonRow | None:
    row = db.execute(
        f"SELECT id, {_PERSON_COLUMNS} FROM people WHERE id = ?", [person_id]
    ).fetchone()
    return PersonRow(row[0], _person(row[1:])) if row else None


def person_by_id_number(db: Database, id_type: str, id_number: str) -> PersonRow | None:
    row = db.execute(
        f"SELECT id, {_PERSON_COLUMNS} FROM people WHERE id_type = ? AND id_number = ?",
        [id_type, id_number],
    ).fetchone()
    return PersonRow(row[0], _person(row[1:])) if row else None


def update_person(
    db: Database, person_id: int, changes: dict[str, object], updated_at: str
) -> None:
    update_columns(db, "people", person_id, changes, PERSON_FIELDS, updated_at)


def count_people(db: Database) -> int:
    return db.execute("SELECT count(*) FROM people").fetchone()[0]


def insert_occupancy(
    db: Database,
    *,
    unit_id: int,
    person_id: int,
    role: str,
    relation: str | None,
    since: str | None,
    lease_start: str | None,
    lease_end: str | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO occupancies (unit_id, person_id, role, relation, since, lease_start, "
        "lease_end, created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            unit_id,
            person_id,
            role,
            relation,
            since,
            lease_start,
            lease_end,
            created_at,
            created_by,
            created_shift,
        ],
    )
    return inserted_id(cursor)


def end_occupancy(
    db: Database,
    occupancy_id: int,
    *,
    until: str | None,
    reason: str,
    ended_at: str,
    ended_by: int | None,
    ended_shift: int | None,
) -> None:
    db.execute(
        "UPDATE occupancies SET until = ?, ended_reason = ?, ended_at = ?, ended_by = ?, "
        "ended_shift = ? WHERE id = ? AND ended_at IS NULL",
        [until, reason, ended_at, ended_by, ended_shift, occupancy_id],
    )


_OCC_SELECT = (
    f"SELECT o.id, o.unit_id, u.code, o.person_id, "
    f"{', '.join('p.' + name for name in PERSON_FIELDS)}, o.role, o.relation, o.since, o.until, "
    "o.lease_start, o.lease_end, o.ended_at, o.ended_reason "
    "FROM occupancies o JOIN people p ON p.id = o.person_id JOIN units u ON u.id = o.unit_id"
)
_ROLE_ORDER = (
    "CASE o.role WHEN 'owner' THEN 0 WHEN 'co_owner' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END"
)


def _occupancy(row: tuple) -> OccupancyRow:
    n = len(PERSON_FIELDS)
    return OccupancyRow(row[0], row[1], row[2], row[3], _person(row[4 : 4 + n]), *row[4 + n :])


def occupancies_for_unit(db: Database, unit_id: int, *, current_only: bool) -> list[OccupancyRow]:
    where = "AND o.ended_at IS NULL" if current_only else ""
    rows = db.execute(
        f"{_OCC_SELECT} WHERE o.unit_id = ? {where} ORDER BY o.ended_at IS NULL DESC, "
        f"{_ROLE_ORDER}, o.id",
        [unit_id],
    ).fetchall()
    return [_occupancy(r) for r in rows]


def occupancies_for_person(db: Database, person_id: int) -> list[OccupancyRow]:
    rows = db.execute(f"{_OCC_SELECT} WHERE o.person_id = ? ORDER BY o.id", [person_id]).fetchall()
    return [_occupancy(r) for r in rows]


def get_occupancy(db: Database, occupancy_id: int) -> OccupancyRow | None:
    row = db.execute(f"{_OCC_SELECT} WHERE o.id = ?", [occupancy_id]).fetchone()
    return _occupancy(row) if row else None


def insert_vehicle(
    db: Database,
    *,
    unit_id: int,
    person_id: int | None,
    kind: str,
    plate: str | None,
    note: str | None,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO vehicles (unit_id, person_id, kind, plate, note, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [unit_id, person_id, kind, plate, note, created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def end_vehicle(db: Database, vehicle_id: int, ended_at: str) -> None:
    db.execute(
        "UPDATE vehicles SET ended_at = ? WHERE id = ? AND ended_at IS NULL", [ended_at, vehicle_id]
    )


def vehicles_for_unit(db: Database, unit_id: int, *, current_only: bool = True) -> list[VehicleRow]:
    where = "AND ended_at IS NULL" if current_only else ""
    rows = db.execute(
        f"SELECT id, unit_id, person_id, kind, plate, note, ended_at FROM vehicles "
        f"WHERE unit_id = ? {where} ORDER BY id",
        [unit_id],
    ).fetchall()
    return [VehicleRow(*r) for r in rows]


def get_vehicle(db: Database, vehicle_id: int) -> VehicleRow | None:
    row = db.execute(
        "SELECT id, unit_id, person_id, kind, plate, note, ended_at FROM vehicles WHERE id = ?",
        [vehicle_id],
    ).fetchone()
    return VehicleRow(*row) if row else None


def vehicle_with_plate(db: Database, plate: str) -> VehicleRow | None:
    row = db.execute(
        "SELECT id, unit_id, person_id, kind, plate, note, ended_at FROM vehicles "
        "WHERE plate = ? AND ended_at IS NULL",
        [plate],
    ).fetchone()
    return VehicleRow(*row) if row else None


def insert_contact_change(
    db: Database,
    *,
    person_id: int,
    field: str,
    old_value: str | None,
    new_value: str | None,
    changed_at: str,
    changed_by: int | None,
    changed_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO contact_changes (person_id, field, old_value, new_value, changed_at, "
        "changed_by, changed_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [person_id, field, old_value, new_value, changed_at, changed_by, changed_shift],
    )
    return inserted_id(cursor)


def contact_changes_for(db: Database, person_id: int) -> list[ContactChangeRow]:
    rows = db.execute(
        "SELECT id, person_id, field, old_value, new_value, changed_at, changed_by "
        "FROM contact_changes WHERE person_id = ? ORDER BY id",
        [person_id],
    ).fetchall()
    return [ContactChangeRow(*r) for r in rows]


ROSTER_COLUMNS = (
    "u.code, u.building, u.entrance, u.room, u.area_centi_m2, u.kind, u.status, o.role, "
    "o.relation, p.name, p.gender, p.birth_month, p.id_type, p.id_number, p.phone, p.phone2, "
    "o.since, o.lease_start, o.lease_end"
)


def iter_roster(db: Database) -> Iterator[tuple]:
    """Every unit with its current occupants (one row per occupant; a unit with nobody
    appears once with empty person columns), in the estate's natural order."""
    cursor = db.conn.execute(
        f"SELECT {ROSTER_COLUMNS} FROM units u "
        "LEFT JOIN occupancies o ON o.unit_id = u.id AND o.ended_at IS NULL "
        "LEFT JOIN people p ON p.id = o.person_id "
        "ORDER BY length(u.building), u.building, length(coalesce(u.entrance, '')), u.entrance, "
        "u.floor, length(u.room), u.room, "
        "CASE o.role WHEN 'owner' THEN 0 WHEN 'co_owner' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END"
    )
    while batch := cursor.fetchmany(2000):
        yield from batch
