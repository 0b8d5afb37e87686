"""A realistic demo estate, deterministic for a given seed and end date.

The foundation fills operators, settings, the estate's units and years of shift
history with its audit trail; each module issue adds its own records through a
generator registered in ``DEMO_GENERATORS``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desk_app.core.clock import CHINA_TZ, FixedClock, to_text
from desk_app.core.errors import ValidationError
from desk_app.demo import delivery as demo_delivery
from desk_app.demo import directory as demo_directory
from desk_app.demo import keys as demo_keys
from desk_app.demo import ledger as demo_ledger
from desk_app.demo import movein as demo_movein
from desk_app.demo import repairs as demo_repairs
from desk_app.demo.plan import (
    DEMO_PASSWORD,
    DEMO_STAFF,
    DemoGenerator,
    DemoPlan,
    DemoSummary,
)
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.shifts import operators as operators_service
from desk_app.storage import audit as audit_store
from desk_app.storage import row_hashes
from desk_app.storage.audit import NewAuditEntry
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory import units as units_store
from desk_app.storage.shifts import shifts as shifts_store
from desk_app.storage.shifts.shifts import HistoricShift
from desk_app.storage.transactions import write_transaction

DEMO_GENERATORS: list[tuple[str, DemoGenerator]] = [
    ("repairs", demo_repairs.generate),  # reception log, repair orders, callbacks
    ("keys", demo_keys.generate),  # key sets and their loans (after repairs: orders, places)
    ("movein", demo_movein.generate),  # the deliveries' hand-overs (after repairs and keys)
    ("ledger", demo_ledger.generate),  # fee ledger; last: its month-end closes lock the past
]


def _building_layouts(rng: random.Random, total_units: int) -> list[tuple[str, int, int, int]]:
    """(building, entrances, floors, units per floor) until the estate has enough units."""
    layouts = []
    made = 0
    number = 1
    while made < total_units:
        kind = rng.random()
        if kind < 0.45:
            entrances, floors, per_floor = rng.choice([2, 3]), 6, 2  # 多层
        elif kind < 0.85:
            entrances, floors, per_floor = 2, rng.choice([18, 26, 33]), 2  # 高层
        else:
            entrances, floors, per_floor = 1, rng.choice([11, 18]), 4  # 小高层
        layouts.append((str(number), entrances, floors, per_floor))
        made += entrances * floors * per_floor
        number += 1
    return layouts


def _make_units(rng: random.Random, total_units: int) -> list[units_store.NewUnit]:
    units = []
    for building, entrances, floors, per_floor in _building_layouts(rng, total_units):
        sizes = [
            rng.choice([6850, 8920, 9875, 11260, 12880, 14330, 16590]) for _ in range(per_floor)
        ]
        for entrance in range(1, entrances + 1):
            for floor in range(1, floors + 1):
                for position in range(1, per_floor + 1):
                    room = f"{floor}{position:02d}"
                    units.append(
                        units_store.NewUnit(
                            code=f"{building}-{entrance}-{room}",
                            building=building,
                            entrance=str(entrance),
                            floor=floor,
                            room=room,
                            area_centi_m2=sizes[position - 1],
                        )
                    )
                    if len(units) == total_units:
                        return units
    return units


def _shift_history(
    rng: random.Random,
    plan: DemoPlan,
    clerks: list[int],
    supervisors: list[int],
    first_id: int,
    usernames: dict[int, str],
) -> tuple[list[HistoricShift], list[NewAuditEntry]]:
    """Two shifts a day (早班 07:30 → 晚班 12:00 → 日终关班 20:00) for the plan's years."""
    start_day = plan.until - timedelta(days=365 * plan.years)
    history: list[HistoricShift] = []
    entries: list[NewAuditEntry] = []
    shift_id = first_id
    day = start_day
    while day < plan.until:
        morning_op, evening_op = rng.sample(clerks, 2)
        base = datetime(day.year, day.month, day.day, tzinfo=CHINA_TZ)
        opened = base + timedelta(hours=7, minutes=20 + rng.randint(0, 15))
        handed = base + timedelta(hours=12, minutes=rng.randint(-5, 20))
        closed = base + timedelta(hours=20, minutes=rng.randint(0, 30))
        morning_id, evening_id = shift_id, shift_id + 1
        history.append(
            HistoricShift(
                morning_id,
                "早班",
                morning_op,
                to_text(opened),
                to_text(handed),
                "handed_over",
                evening_op,
                evening_id,
            )
        )
        history.append(
            HistoricShift(
                evening_id,
                "晚班",
                evening_op,
                to_text(handed),
                to_text(closed),
                "day_closed",
                None,
                None,
            )
        )
        entries.append(
            NewAuditEntry(
                to_text(opened),
                morning_op,
                morning_id,
                usernames[morning_op],
                "shift_opened",
                "shifts",
                str(morning_id),
                {"name": "早班"},
            )
        )
        if rng.random() < 0.08:
            approver = rng.choice(supervisors)
            entries.append(
                NewAuditEntry(
                    to_text(opened + timedelta(hours=2)),
                    morning_op,
                    morning_id,
                    usernames[morning_op],
                    "approval_granted",
                    None,
                    None,
                    {"approver_id": approver, "action": "demo"},
                )
            )
        entries.append(
            NewAuditEntry(
                to_text(handed),
                morning_op,
                morning_id,
                usernames[morning_op],
                "shift_handed_over",
                "shifts",
                str(morning_id),
                {"next_shift": evening_id},
            )
        )
        entries.append(
            NewAuditEntry(
                to_text(handed),
                evening_op,
                evening_id,
                usernames[evening_op],
                "shift_opened",
                "shifts",
                str(evening_id),
                {"name": "晚班"},
            )
        )
        entries.append(
            NewAuditEntry(
                to_text(closed),
                evening_op,
                evening_id,
                usernames[evening_op],
                "shift_day_closed",
                "shifts",
                str(evening_id),
                {},
            )
        )
        shift_id += 2
        day += timedelta(days=1)
    return history, entries


def generate(desk: Desk, plan: DemoPlan) -> DemoSummary:
    if plan.units < 1 or plan.units > 50_000:
        raise ValidationError("演示房屋数量应在 1 到 50000 之间。")
    if plan.years < 0 or plan.years > 30:
        raise ValidationError("演示年数应在 0 到 30 之间。")
    if not operators_service.needs_first_manager(desk):
        raise ValidationError("该数据库已有数据，不能生成演示数据。请指定一个新文件。")
    rng = random.Random(plan.seed)
    demo_start = datetime(
        plan.until.year, plan.until.month, plan.until.day, 7, 0, tzinfo=CHINA_TZ
    ) - timedelta(days=365 * plan.years + 1)
    real_clock = desk.clock
    desk.clock = FixedClock(demo_start)
    try:
        with write_transaction(desk.db):
            manager = operators_service.create_first_manager(
                desk, *DEMO_STAFF[0][:2], DEMO_PASSWORD
            ).value
            desk.operator = manager
            staff = [manager]
            for username, name, role in DEMO_STAFF[1:]:
                staff.append(
                    operators_service.create_operator(
                        desk, username, name, role, DEMO_PASSWORD
                    ).value
                )
            desk.operator = None
            settings_service.write_initial(
                desk,
                {
                    "estate.name": "翠湖花园",
                    "estate.company": "华城物业服务有限公司",
                    "estate.address": "示范市湖滨路 88 号",
                    "estate.phone": "0531-88886666",
                },
            )
            new_units = _make_units(rng, plan.units)
            with desk.operation("units_created", actor="demo") as op:
                for code in dict.fromkeys(u.building for u in new_units):
                    buildings_store.insert_building(
                        desk.db,
                        code=code,
                        name=f"{code}栋",
                        has_entrances=True,
                        floors=None,
                        created_at=op.at,
                        created_by=None,
                        created_shift=None,
                    )
                unit_ids = units_store.insert_many(
                    desk.db, new_units, created_at=op.at, created_by=None, created_shift=None
                )
                search_index.index_units_bulk(desk.db, unit_ids)
                op.record("units", None, count=len(new_units))
            with desk.operation("demo_people_created", actor="demo") as op:
                people_counts = demo_directory.populate(
                    desk,
                    random.Random(plan.seed * 7919 + 1),
                    unit_ids,
                    today=plan.until,
                    years=plan.years,
                    at=op.at,
                    delivery=demo_delivery.plan_delivery(
                        plan, [(i, u.building) for i, u in zip(unit_ids, new_units, strict=True)]
                    ),
                )
                op.record("people", None, None, **people_counts)
            clerks = [s.id for s in staff if s.role == "clerk"]
            supervisors = [s.id for s in staff if s.role == "supervisor"]
            history, entries = _shift_history(
                rng,
                plan,
                clerks,
                supervisors,
                shifts_store.next_id(desk.db),
                {s.id: s.username for s in staff},
            )
            shifts_store.insert_history(desk.db, history)
            audit_store.append_many(desk.db, entries)
            written = {}
            for name, generator in DEMO_GENERATORS:
                written[name] = generator(desk, plan, rng, staff)
            with desk.operation("demo_generated", actor="demo") as op:
                # the bulk-written rows get their hashes in the chain with this entry
                for table, key, _ in row_hashes.unrecorded(desk.db):
                    op.touch(table, [key])
                op.record(
                    None,
                    None,
                    seed=plan.seed,
                    units=plan.units,
                    years=plan.years,
                    until=plan.until.isoformat(),
                )
    finally:
        desk.clock = real_clock
        desk.operator = None
    return DemoSummary(
        len(staff),
        len(new_units),
        len(history),
        audit_store.count(desk.db),
        people_counts["people"],
        people_counts["vehicles"],
        written,
    )
