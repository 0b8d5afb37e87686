"""A unit's hand-over (收房): the record, its stations and the joint inspection's cells."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, update_columns


@dataclass(frozen=True)
class HandoverRow:
    id: int
    unit_id: int
    unit_code: str
    batch_unit_id: int | None
    started_at: str
    closed_at: str | None
    outcome: str | None
    outcome_note: str
    person_id: int | None
    person_name: str | None
    agent_name: str
    agent_id_masked: str


@dataclass(frozen=True)
class StationRow:
    id: int
    handover_id: int
    station: str
    state: str
    reason: str
    data: dict[str, Any]
    updated_at: str | None
    done_by: int | None = None  # the operator who did (or skipped) it
    done_by_name: str = ""
    done_at: str | None = None


@dataclass(frozen=True)
class CellRow:
    id: int
    room: str
    item: str
    result: str


_SELECT = (
    "SELECT h.id, h.unit_id, u.code, h.batch_unit_id, h.started_at, h.closed_at, h.outcome, "
    "h.outcome_note, h.person_id, p.name, h.agent_name, h.agent_id_masked "
    "FROM movein_handovers h JOIN units u ON u.id = h.unit_id "
    "LEFT JOIN people p ON p.id = h.person_id"
)


def insert_handover(db: Database, unit_id: int, batch_unit_id: int | None, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO movein_handovers (unit_id, batch_unit_id, started_at, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [unit_id, batch_unit_id, stamp.at, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


_UPDATABLE = {"closed_at", "outcome", "outcome_note", "person_id", "agent_name", "agent_id_masked"}


def update_handover(db: Database, handover_id: int, changes: dict[str, object], at: str) -> None:
    update_columns(db, "movein_handovers", handover_id, changes, _UPDATABLE, at)


def handover(db: Database, handover_id: int) -> HandoverRow | None:
    row = db.execute(f"{_SELECT} WHERE h.id = ?", [handover_id]).fetchone()
    return HandoverRow(*row) if row else None


def open_handover(db: Database, unit_id: int) -> HandoverRow | None:
    row = db.execute(f"{_SELECT} WHERE h.unit_id = ? AND h.closed_at IS NULL", [unit_id]).fetchone()
    return HandoverRow(*row) if row else None


def latest_handover(db: Database, unit_id: int) -> HandoverRow | None:
    row = db.execute(
        f"{_SELECT} WHERE h.unit_id = ? ORDER BY h.id DESC LIMIT 1", [unit_id]
    ).fetchone()
    return HandoverRow(*row) if row else None


def closed_on(db: Database, day: str) -> list[HandoverRow]:
    """Hand-overs closed on ``day`` (``2026-11-20``), in order."""
    rows = db.execute(
        f"{_SELECT} WHERE h.closed_at >= ? AND h.closed_at < ? ORDER BY h.closed_at, h.id",
        [day, day + "T99"],
    )
    return [HandoverRow(*r) for r in rows]


def insert_stations(db: Database, handover_id: int, stations: list[str], stamp: Stamp) -> list[int]:
    ids = []
    for station in stations:
        cursor = db.execute(
            "INSERT INTO movein_stations (handover_id, station, created_at, created_by, "
            "created_shift) VALUES (?, ?, ?, ?, ?)",
            [handover_id, station, stamp.at, stamp.by, stamp.shift],
        )
        ids.append(inserted_id(cursor))
    return ids


def stations(db: Database, handover_id: int) -> list[StationRow]:
    rows = db.execute(
        "SELECT s.id, s.handover_id, s.station, s.state, s.reason, s.data, s.updated_at, "
        "s.done_by, coalesce(o.display_name, ''), s.done_at FROM movein_stations s "
        "LEFT JOIN operators o ON o.id = s.done_by WHERE s.handover_id = ? ORDER BY s.id",
        [handover_id],
    )
    return [
        StationRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], r[9])
        for r in rows
    ]


def set_station(
    db: Database,
    station_id: int,
    *,
    state: str,
    reason: str,
    data: dict[str, Any],
    at: str,
    done_by: int | None = None,
    done_at: str | None = None,
) -> None:
    """The station's state and data; ``done_by``/``done_at`` who did or skipped it and
    when (None for a pending station: they are cleared)."""
    update_columns(
        db,
        "movein_stations",
        station_id,
        {
            "state": state,
            "reason": reason,
            "data": json.dumps(data, ensure_ascii=False),
            "done_by": done_by,
            "done_at": done_at,
        },
        {"state", "reason", "data", "done_by", "done_at"},
        at,
    )


def put_cell(
    db: Database, handover_id: int, room: str, item: str, result: str, stamp: Stamp
) -> int:
    """Insert or change one cell of the inspection; its id."""
    db.execute(
        "INSERT INTO movein_cells (handover_id, room, item, result, created_at, created_by, "
        "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(handover_id, room, item) "
        "DO UPDATE SET result = excluded.result, updated_at = excluded.created_at",
        [handover_id, room, item, result, stamp.at, stamp.by, stamp.shift],
    )
    row = db.execute(
        "SELECT id FROM movein_cells WHERE handover_id = ? AND room = ? AND item = ?",
        [handover_id, room, item],
    ).fetchone()
    return int(row[0])


def cell(db: Database, handover_id: int, room: str, item: str) -> CellRow | None:
    row = db.execute(
        "SELECT id, room, item, result FROM movein_cells "
        "WHERE handover_id = ? AND room = ? AND item = ?",
        [handover_id, room, item],
    ).fetchone()
    return CellRow(*row) if row else None


def delete_cell(db: Database, cell_id: int) -> None:
    """The cell back to not inspected (the inspection keeps no row for it)."""
    db.execute("DELETE FROM movein_cells WHERE id = ?", [cell_id])


def cells(db: Database, handover_id: int) -> list[CellRow]:
    rows = db.execute(
        "SELECT id, room, item, result FROM movein_cells WHERE handover_id = ? ORDER BY id",
        [handover_id],
    )
    return [CellRow(*r) for r in rows]


def created_by(db: Database, handover_id: int) -> int | None:
    """The operator who opened the hand-over (the desk's signature on its sheet)."""
    row = db.execute("SELECT created_by FROM movein_handovers WHERE id = ?", [handover_id])
    found = row.fetchone()
    return found[0] if found else None
