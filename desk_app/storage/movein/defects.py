"""Defects found at the joint inspection, their photos and re-inspections (复验)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, update_columns


@dataclass(frozen=True)
class NewDefect:
    handover_id: int
    unit_id: int
    room: str
    item: str
    category: str
    note: str
    due_on: str


@dataclass(frozen=True)
class DefectRow:
    id: int
    handover_id: int
    unit_id: int
    unit_code: str
    building: str
    room: str
    item: str
    category: str
    note: str
    repair_order_id: int | None
    order_no: str | None
    order_status: str | None
    due_on: str
    state: str
    closed_at: str | None
    created_at: str
    photos: int
    contractor: str = ""  # the repair order's contractor ('' for the estate's engineering)
    order_dispatched_at: str | None = None
    order_arrived_at: str | None = None
    removed_at: str | None = None  # recorded by mistake and removed (left out of lists)
    removed_reason: str | None = None


@dataclass(frozen=True)
class PhotoRow:
    id: int
    defect_id: int
    image: bytes
    width: int
    height: int
    original_bytes: int


@dataclass(frozen=True)
class ReinspectionRow:
    id: int
    defect_id: int
    passed: bool
    note: str
    repair_order_id: int | None
    at: str


@dataclass(frozen=True)
class DefectCount:
    room: str
    item: str
    category: str
    count: int


def insert_defect(db: Database, new: NewDefect, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO movein_defects (handover_id, unit_id, room, item, category, note, due_on, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new.handover_id,
            new.unit_id,
            new.room,
            new.item,
            new.category,
            new.note,
            new.due_on,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


_UPDATABLE = {
    "repair_order_id",
    "state",
    "closed_at",
    "note",
    "category",
    "due_on",
    "removed_at",
    "removed_by",
    "removed_reason",
}


def update_defect(db: Database, defect_id: int, changes: dict[str, object], at: str) -> None:
    update_columns(db, "movein_defects", defect_id, changes, _UPDATABLE, at)


_SELECT = (
    "SELECT d.id, d.handover_id, d.unit_id, u.code, u.building, d.room, d.item, d.category, "
    "d.note, d.repair_order_id, o.order_no, o.status, d.due_on, d.state, d.closed_at, "
    "d.created_at, (SELECT count(*) FROM movein_photos p WHERE p.defect_id = d.id), "
    "coalesce(o.contractor, ''), o.dispatched_at, o.arrived_at, d.removed_at, d.removed_reason "
    "FROM movein_defects d JOIN units u ON u.id = d.unit_id "
    "LEFT JOIN repair_orders o ON o.id = d.repair_order_id"
)
# Every list leaves out the defects removed as recorded by mistake; ``defect`` (by id) does not.
_LIVE = "d.removed_at IS NULL"


def defect(db: Database, defect_id: int) -> DefectRow | None:
    row = db.execute(f"{_SELECT} WHERE d.id = ?", [defect_id]).fetchone()
    return DefectRow(*row) if row else None


def defects_of_handover(db: Database, handover_id: int) -> list[DefectRow]:
    rows = db.execute(f"{_SELECT} WHERE d.handover_id = ? AND {_LIVE} ORDER BY d.id", [handover_id])
    return [DefectRow(*r) for r in rows]


def defects_of_unit(db: Database, unit_id: int) -> list[DefectRow]:
    rows = db.execute(f"{_SELECT} WHERE d.unit_id = ? AND {_LIVE} ORDER BY d.id", [unit_id])
    return [DefectRow(*r) for r in rows]


def defect_of_order(db: Database, order_id: int) -> DefectRow | None:
    row = db.execute(f"{_SELECT} WHERE d.repair_order_id = ? AND {_LIVE}", [order_id]).fetchone()
    return DefectRow(*row) if row else None


def defect_list(
    db: Database, *, open_only: bool = False, building: str | None = None
) -> list[DefectRow]:
    clauses, params = [_LIVE], []
    if open_only:
        clauses.append("d.state = '待整改'")
    if building:
        clauses.append("u.building = ?")
        params.append(building)
    where = f"WHERE {' AND '.join(clauses)}"
    rows = db.execute(f"{_SELECT} {where} ORDER BY u.building, u.code, d.id", params)
    return [DefectRow(*r) for r in rows]


def late_defects(db: Database, before: str, finished: tuple[str, ...]) -> list[DefectRow]:
    """Open defects past their deadline whose repair is not finished."""
    marks = ", ".join("?" for _ in finished)
    rows = db.execute(
        f"{_SELECT} WHERE d.state = '待整改' AND {_LIVE} AND d.due_on < ? "
        f"AND (o.status IS NULL OR o.status NOT IN ({marks})) ORDER BY d.due_on, d.id",
        [before, *finished],
    )
    return [DefectRow(*r) for r in rows]


def open_counts(db: Database, *, building: str | None = None) -> list[DefectCount]:
    """Open defects by room, item and category (one query)."""
    join, where, params = "", "", []
    if building:
        join = "JOIN units u ON u.id = d.unit_id"
        where = "AND u.building = ?"
        params.append(building)
    rows = db.execute(
        f"SELECT d.room, d.item, d.category, count(*) FROM movein_defects d {join} "
        f"WHERE d.state = '待整改' AND {_LIVE} {where} GROUP BY d.room, d.item, d.category "
        "ORDER BY count(*) DESC, d.room, d.item, d.category",
        params,
    )
    return [DefectCount(*r) for r in rows]


def insert_photo(
    db: Database,
    defect_id: int,
    image: bytes,
    width: int,
    height: int,
    original_bytes: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO movein_photos (defect_id, image, width, height, original_bytes, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [defect_id, image, width, height, original_bytes, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def photos(db: Database, defect_id: int) -> list[PhotoRow]:
    rows = db.execute(
        "SELECT id, defect_id, image, width, height, original_bytes FROM movein_photos "
        "WHERE defect_id = ? ORDER BY id",
        [defect_id],
    )
    return [PhotoRow(*r) for r in rows]


def insert_reinspection(
    db: Database, defect_id: int, passed: bool, note: str, order_id: int | None, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO movein_reinspections (defect_id, passed, note, repair_order_id, "
        "created_at, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [defect_id, int(passed), note, order_id, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def reinspections(db: Database, defect_id: int) -> list[ReinspectionRow]:
    rows = db.execute(
        "SELECT id, defect_id, passed, note, repair_order_id, created_at "
        "FROM movein_reinspections WHERE defect_id = ? ORDER BY id",
        [defect_id],
    )
    return [ReinspectionRow(r[0], r[1], bool(r[2]), r[3], r[4], r[5]) for r in rows]
