"""Delivery batches (交付批次), their units, slots and appointments (预约)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, update_columns


@dataclass(frozen=True)
class BatchRow:
    id: int
    name: str
    starts_on: str
    ends_on: str
    place: str
    contact: str
    note: str
    units: int


@dataclass(frozen=True)
class BatchUnitRow:
    id: int
    batch_id: int
    unit_id: int
    unit_code: str
    building: str
    state: str
    notice_sent_at: str | None
    notice_how: str
    slot_id: int | None  # of the live appointment
    slot_day: str | None
    slot_starts: str | None
    appointment_id: int | None
    slot_ends: str | None = None
    owner_name: str | None = None  # the current owner of record (the first, if several)


@dataclass(frozen=True)
class SlotRow:
    id: int
    batch_id: int
    day: str
    starts: str
    ends: str
    capacity: int
    booked: int


@dataclass(frozen=True)
class BuildingCounts:
    building: str
    units: int
    not_booked: int
    booked: int
    in_progress: int
    delivered: int
    reservations: int
    refused: int


def insert_batch(
    db: Database,
    *,
    name: str,
    starts_on: str,
    ends_on: str,
    place: str,
    contact: str,
    note: str,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO movein_batches (name, starts_on, ends_on, place, contact, note, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [name, starts_on, ends_on, place, contact, note, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


_BATCH_UPDATABLE = {"name", "starts_on", "ends_on", "place", "contact", "note"}


def update_batch(db: Database, batch_id: int, changes: dict[str, object], at: str) -> None:
    update_columns(db, "movein_batches", batch_id, changes, _BATCH_UPDATABLE, at)


_BATCH_SELECT = (
    "SELECT b.id, b.name, b.starts_on, b.ends_on, b.place, b.contact, b.note, "
    "(SELECT count(*) FROM movein_units m WHERE m.batch_id = b.id) FROM movein_batches b"
)


def batch(db: Database, batch_id: int) -> BatchRow | None:
    row = db.execute(f"{_BATCH_SELECT} WHERE b.id = ?", [batch_id]).fetchone()
    return BatchRow(*row) if row else None


def batch_by_name(db: Database, name: str) -> BatchRow | None:
    row = db.execute(f"{_BATCH_SELECT} WHERE b.name = ?", [name]).fetchone()
    return BatchRow(*row) if row else None


def batches(db: Database) -> list[BatchRow]:
    return [BatchRow(*r) for r in db.execute(f"{_BATCH_SELECT} ORDER BY b.starts_on DESC, b.id")]


def units_in_buildings(db: Database, buildings: Sequence[str]) -> list[int]:
    marks = ", ".join("?" for _ in buildings)
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM units WHERE building IN ({marks}) ORDER BY code", list(buildings)
        )
    ]


def units_already_in(db: Database, batch_id: int, unit_ids: Sequence[int]) -> set[int]:
    if not unit_ids:
        return set()
    have = {
        r[0] for r in db.execute("SELECT unit_id FROM movein_units WHERE batch_id = ?", [batch_id])
    }
    return have & set(unit_ids)


def insert_units(db: Database, batch_id: int, unit_ids: Sequence[int], stamp: Stamp) -> list[int]:
    ids = []
    for unit_id in unit_ids:
        cursor = db.execute(
            "INSERT INTO movein_units (batch_id, unit_id, created_at, created_by, created_shift) "
            "VALUES (?, ?, ?, ?, ?)",
            [batch_id, unit_id, stamp.at, stamp.by, stamp.shift],
        )
        ids.append(inserted_id(cursor))
    return ids


_UNIT_SELECT = (
    "SELECT m.id, m.batch_id, m.unit_id, u.code, u.building, m.state, m.notice_sent_at, "
    "m.notice_how, a.slot_id, s.day, s.starts, a.id, s.ends, "
    "(SELECT p.name FROM occupancies o JOIN people p ON p.id = o.person_id "
    "WHERE o.unit_id = u.id AND o.role = 'owner' AND o.ended_at IS NULL "
    "ORDER BY o.id LIMIT 1) FROM movein_units m "
    "JOIN units u ON u.id = m.unit_id "
    "LEFT JOIN movein_appointments a ON a.batch_unit_id = m.id AND a.cancelled_at IS NULL "
    "LEFT JOIN movein_slots s ON s.id = a.slot_id"
)


def batch_unit(db: Database, batch_unit_id: int) -> BatchUnitRow | None:
    row = db.execute(f"{_UNIT_SELECT} WHERE m.id = ?", [batch_unit_id]).fetchone()
    return BatchUnitRow(*row) if row else None


def batch_unit_of(db: Database, unit_id: int) -> BatchUnitRow | None:
    """The unit's place in its latest batch."""
    row = db.execute(
        f"{_UNIT_SELECT} WHERE m.unit_id = ? ORDER BY m.batch_id DESC LIMIT 1", [unit_id]
    ).fetchone()
    return BatchUnitRow(*row) if row else None


# Natural order: building, entrance, floor, room as numbers where they are numbers.
_UNIT_ORDER = (
    "ORDER BY length(u.building), u.building, length(coalesce(u.entrance, '')), u.entrance, "
    "u.floor, length(u.room), u.room"
)


def batch_units(db: Database, batch_id: int, *, building: str | None = None) -> list[BatchUnitRow]:
    where, params = "WHERE m.batch_id = ?", [str(batch_id)]
    if building:
        where += " AND u.building = ?"
        params.append(building)
    rows = db.execute(f"{_UNIT_SELECT} {where} {_UNIT_ORDER}", params)
    return [BatchUnitRow(*r) for r in rows]


_UNIT_UPDATABLE = {"state", "notice_sent_at", "notice_how"}


def update_batch_unit(
    db: Database, batch_unit_id: int, changes: dict[str, object], at: str
) -> None:
    update_columns(db, "movein_units", batch_unit_id, changes, _UNIT_UPDATABLE, at)


def insert_slot(
    db: Database, batch_id: int, day: str, starts: str, ends: str, capacity: int, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO movein_slots (batch_id, day, starts, ends, capacity, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [batch_id, day, starts, ends, capacity, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


_SLOT_SELECT = (
    "SELECT s.id, s.batch_id, s.day, s.starts, s.ends, s.capacity, "
    "(SELECT count(*) FROM movein_appointments a WHERE a.slot_id = s.id "
    "AND a.cancelled_at IS NULL) FROM movein_slots s"
)


def slot(db: Database, slot_id: int) -> SlotRow | None:
    row = db.execute(f"{_SLOT_SELECT} WHERE s.id = ?", [slot_id]).fetchone()
    return SlotRow(*row) if row else None


def slots(db: Database, batch_id: int, *, day: str | None = None) -> list[SlotRow]:
    where, params = "WHERE s.batch_id = ?", [str(batch_id)]
    if day:
        where += " AND s.day = ?"
        params.append(day)
    rows = db.execute(f"{_SLOT_SELECT} {where} ORDER BY s.day, s.starts", params)
    return [SlotRow(*r) for r in rows]


def insert_appointment(db: Database, slot_id: int, batch_unit_id: int, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO movein_appointments (slot_id, batch_unit_id, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?)",
        [slot_id, batch_unit_id, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def cancel_appointment(db: Database, appointment_id: int, at: str) -> None:
    db.execute(
        "UPDATE movein_appointments SET cancelled_at = ?, updated_at = ? WHERE id = ?",
        [at, at, appointment_id],
    )


def overview(db: Database, batch_id: int) -> list[BuildingCounts]:
    """Per building: the batch's units by state (one query)."""
    rows = db.execute(
        "SELECT u.building, count(*), "
        "sum(m.state = '未预约'), sum(m.state = '已预约'), sum(m.state = '办理中'), "
        "sum(m.state = '已交房'), sum(m.state = '带条件收房'), sum(m.state = '拒收') "
        "FROM movein_units m JOIN units u ON u.id = m.unit_id WHERE m.batch_id = ? "
        "GROUP BY u.building ORDER BY length(u.building), u.building",
        [batch_id],
    )
    return [BuildingCounts(*r) for r in rows]
