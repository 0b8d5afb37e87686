"""The batch overview of a 1,000-unit batch: one aggregate query, well inside the 300 ms the
入住交房 page may spend on it."""

from __future__ import annotations

import time

from desk_app.core.estate import BuildingPlan
from desk_app.core.movein import UNIT_STATES
from desk_app.services.directory import estate as directory_estate
from desk_app.services.movein import batches
from desk_app.storage.movein import batches as store
from desk_app.storage.rows import Stamp

STAMP = Stamp("2026-11-20T08:00:00+08:00", None, None)
BUILDINGS = ("1", "2", "3", "4", "5")  # 200 units each: 2 entrances × 25 floors × 4


def big_batch(desk) -> int:
    for building in BUILDINGS:
        directory_estate.create_units(desk, BuildingPlan(building, 1, 2, 1, 25, 4))
    db = desk.db
    with db.conn:
        batch_id = store.insert_batch(
            db,
            name="一期",
            starts_on="2026-11-20",
            ends_on="2026-12-30",
            place="",
            contact="",
            note="",
            stamp=STAMP,
        )
        ids = store.insert_units(db, batch_id, store.units_in_buildings(db, BUILDINGS), STAMP)
        for n, unit_id in enumerate(ids):
            store.update_batch_unit(db, unit_id, {"state": UNIT_STATES[n % 6]}, STAMP.at)
    return batch_id


def test_a_thousand_units_are_counted_in_one_query_under_300_ms(desk):
    batch_id = big_batch(desk)
    seen: list[str] = []
    desk.db.conn.set_trace_callback(seen.append)
    try:
        rows = store.overview(desk.db, batch_id)
    finally:
        desk.db.conn.set_trace_callback(None)
    assert len(seen) == 1 and "GROUP BY" in seen[0]
    assert [r.building for r in rows] == list(BUILDINGS)
    assert sum(r.units for r in rows) == 1000
    assert all(r.delivered + r.reservations + r.refused in (99, 100, 101) for r in rows)
    assert sum(r.not_booked for r in rows) == 167  # every sixth unit of 1,000, from the first

    started = time.perf_counter()
    for _ in range(5):
        rows = batches.overview(desk, batch_id)
    took = (time.perf_counter() - started) / 5
    assert took < 0.3, f"{took * 1000:.0f} ms"
