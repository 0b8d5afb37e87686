"""Move-in's tables on a real file: a slot never takes more appointments than its capacity
(the trigger behind the service's check)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.storage.movein import batches as store
from desk_app.storage.rows import Stamp

STAMP = Stamp("2026-11-20T08:00:00+08:00", None, None)


@pytest.fixture
def batch(desk):
    directory_estate.create_units(desk, BuildingPlan("3", 1, 1, 1, 4, 2, zero_padded=False))
    db = desk.db
    with db.conn:
        batch_id = store.insert_batch(
            db,
            name="3栋",
            starts_on="2026-11-20",
            ends_on="2026-11-30",
            place="",
            contact="",
            note="",
            stamp=STAMP,
        )
        units = store.insert_units(db, batch_id, store.units_in_buildings(db, ["3"]), STAMP)
    return desk, batch_id, units


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(capacity=st.integers(1, 4), wanted=st.integers(0, 8))
def test_a_slot_never_takes_more_than_its_capacity(batch, capacity, wanted):
    desk, batch_id, units = batch
    db = desk.db
    with db.conn:
        day = f"2026-11-2{capacity}"
        starts = f"{10 + wanted:02d}:00"
        existing = [s for s in store.slots(db, batch_id) if s.day == day and s.starts == starts]
        slot_id = (
            existing[0].id
            if existing
            else store.insert_slot(
                db, batch_id, day, starts, f"{11 + wanted:02d}:00", capacity, STAMP
            )
        )
    for unit in (units * 2)[:wanted]:
        try:
            with db.conn:
                store.insert_appointment(db, slot_id, unit, STAMP)
        except sqlite3.IntegrityError:
            pass
    slot = store.slot(db, slot_id)
    assert slot is not None and slot.booked <= slot.capacity


def test_0015_adds_who_did_a_station_and_keeps_the_rows_hashes(tmp_path):
    """A file from before 0015: its stations and defects gain NULL columns, so the hashes
    the audit chain holds for them still match."""
    from sqlite_utils import Database

    from desk_app.storage import row_hashes, schema

    db = Database(tmp_path / "old.sqlite3")
    schema.migrations.apply(db, stop_before="0015_movein_station_by")
    at = STAMP.at
    db.execute(
        "INSERT INTO movein_handovers (id, unit_id, started_at, created_at) VALUES (1, 1, ?, ?)",
        [at, at],
    )
    db.execute(
        "INSERT INTO movein_stations (id, handover_id, station, state, data, created_at, "
        "updated_at) VALUES (1, 1, 'identity', 'done', '{\"name\": \"张三\"}', ?, ?)",
        [at, at],
    )
    db.execute(
        "INSERT INTO movein_defects (id, handover_id, unit_id, room, item, category, due_on, "
        "created_at) VALUES (1, 1, 1, '客厅', '墙面', '空鼓', '2026-12-01', ?)",
        [at],
    )
    before = {t: row_hashes.record_hash(db, t, "1") for t in ("movein_stations", "movein_defects")}

    schema.apply_migrations(db)

    columns = {c.name for c in db["movein_stations"].columns}
    assert {"done_by", "done_at"} <= columns
    assert {"removed_at", "removed_by", "removed_reason"} <= {
        c.name for c in db["movein_defects"].columns
    }
    after = {t: row_hashes.record_hash(db, t, "1") for t in before}
    assert after == before and None not in after.values()
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE movein_defects SET removed_reason = '' WHERE id = 1")
