"""The demo estate's two deliveries (交付), decided before anyone lives there: which units
a building delivered years ago holds and the day each was handed over, and which units
the batch in progress holds, their slots and where each stands the morning after the
history (sold or not, 未预约 / 已预约 / 办理中 / 已交房 / 带条件收房 / 拒收).

Every generator that needs it works it out again from the estate and the plan (the same
units, the same seed: the same delivery): the directory gives the delivered units their
owners from the day they received the unit (owners of units not yet received are owners
of record without a 收楼日期, their units 空置, and nobody lives there); the key registry
leaves their developer's keys (接管) to the move-in; the move-in writes the batches, the
hand-overs and what each station left (``demo/movein.py``); the ledger charges the first
months at the hand-over and bills from after them.

The old building is the estate's first building; the batch in progress is its newest (the
last building, with the one before it when the last is small). An estate of one building
delivered its first three quarters years ago and holds the rest back for now. The old
delivery falls inside the months the demo's ledger keeps (its fees were paid through the
ledger), so on a large estate with a long history it is the building delivered some
years before the end rather than at the very start.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from desk_app.demo import bulk as demo_bulk
from desk_app.demo.ledger_text import LEDGER_UNIT_MONTHS, MIN_LEDGER_MONTHS
from desk_app.demo.plan import DemoPlan

SLOT_TIMES = (("09:00", "11:30"), ("14:00", "17:00"))
OLD_DAYS = 30  # the old delivery's days of hand-over
PAST_DAYS = 14  # the batch in progress began two weeks before the demo's "now"
FUTURE_DAYS = 20  # … and goes on for three weeks after it
SMALL_BUILDING = 48  # a newest building smaller than this shares the batch with the one before
SOLD_SHARE = 0.92  # of the new units, sold (an owner of record) when the batch starts
CONDITIONAL_SHARE = 0.1  # of the old hand-overs, 带条件收房
CLOSED = ("已交房", "带条件收房")


@dataclass(frozen=True)
class Visit:
    """One unit of a batch: where it stands at the end, its slot (index into the batch's
    slots, None when not booked) and whether it has an owner of record."""

    unit_id: int
    state: str
    slot: int | None
    sold: bool = True


@dataclass(frozen=True)
class Batch:
    name: str
    starts_on: date
    ends_on: date
    slots: list[tuple[date, str, str]]  # (day, starts, ends)
    capacity: int
    visits: list[Visit]
    keys_taken_on: date  # the developer's keys came to the desk (接管)
    created_on: date  # the batch entered, its notices sent the next day

    def day_of(self, visit: Visit) -> date | None:
        return self.slots[visit.slot][0] if visit.slot is not None else None


@dataclass(frozen=True)
class Delivery:
    old: Batch | None = None
    new: Batch | None = None
    received: dict[int, date] = field(default_factory=dict)  # unit → 收楼日期 (closed)
    sold: dict[int, bool] = field(default_factory=dict)  # every delivered unit: owned?

    def units(self) -> set[int]:
        return set(self.sold)

    def batches(self) -> list[Batch]:
        return [b for b in (self.old, self.new) if b is not None]

    def new_units(self) -> set[int]:
        """The units of the batch in progress."""
        return {v.unit_id for v in self.new.visits} if self.new is not None else set()


NOTHING = Delivery()


def plan_delivery(plan: DemoPlan, units: Iterable[tuple[int, str]]) -> Delivery:
    """The delivery of the estate's ``units`` ((id, building) in id order) for ``plan``."""
    if plan.years < 1:
        return NOTHING
    by_building: dict[str, list[int]] = {}
    for unit_id, building in units:
        by_building.setdefault(building, []).append(unit_id)
    if not by_building:
        return NOTHING
    buildings = list(by_building)
    if len(buildings) == 1:
        ids = by_building[buildings[0]]
        cut = len(ids) * 3 // 4
        old_ids, new_ids = ids[:cut], ids[cut:]
    else:
        old_ids = by_building[buildings[0]]
        new_ids = list(by_building[buildings[-1]])
        if len(new_ids) < SMALL_BUILDING and len(buildings) > 2:
            new_ids = by_building[buildings[-2]] + new_ids
    rng = random.Random(plan.seed * 1_000_003 + 71)  # its own stream
    received: dict[int, date] = {}
    sold: dict[int, bool] = {}
    old = _old_batch(plan, old_ids, rng, received, sold) if old_ids else None
    new = _new_batch(plan, new_ids, rng, received, sold) if new_ids else None
    return Delivery(old, new, received, sold)


def delivery_of(db: Database, plan: DemoPlan) -> Delivery:
    """The delivery of the estate in ``db`` (as ``plan_delivery`` worked it out when the
    estate was made)."""
    return plan_delivery(plan, [(u.id, u.building) for u in demo_bulk.units_for_demo(db)])


def history_start(plan: DemoPlan) -> date:
    """The first day of the demo's shift history."""
    return plan.until - timedelta(days=365 * plan.years)


def ledger_start_at_latest(plan: DemoPlan) -> date:
    """The first day of the month the demo's ledger begins at the latest (it keeps at
    least this many months for an estate of the plan's size; fewer households than units
    only make it begin earlier)."""
    months = max(MIN_LEDGER_MONTHS, LEDGER_UNIT_MONTHS // max(plan.units, 1))
    month = plan.until.year * 12 + plan.until.month - 1 - (months - 1)
    return date(month // 12, month % 12 + 1, 1)


def _first_full_month(plan: DemoPlan) -> date:
    """The first day of the history's first whole month (the ledger's first period)."""
    start = history_start(plan)
    if start.day == 1:
        return start
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _slots(first: date, days: int) -> list[tuple[date, str, str]]:
    return [
        (first + timedelta(days=d), starts, ends)
        for d in range(days)
        for starts, ends in SLOT_TIMES
    ]


def _old_batch(
    plan: DemoPlan,
    ids: list[int],
    rng: random.Random,
    received: dict[int, date],
    sold: dict[int, bool],
) -> Batch:
    """Every unit sold and handed over in the delivery's 30 days, a few with reservations."""
    first = max(_first_full_month(plan), ledger_start_at_latest(plan)) + timedelta(days=5)
    slots = _slots(first, OLD_DAYS)
    capacity = max(1, -(-len(ids) // len(slots)))
    order = list(ids)
    rng.shuffle(order)
    visits = []
    for n, unit_id in enumerate(order):
        slot = n * len(slots) // len(order)
        state = "带条件收房" if rng.random() < CONDITIONAL_SHARE else "已交房"
        visits.append(Visit(unit_id, state, slot))
        received[unit_id] = slots[slot][0]
        sold[unit_id] = True
    visits.sort(key=lambda v: v.unit_id)
    return Batch(
        "首期交付",
        first,
        slots[-1][0],
        slots,
        capacity,
        visits,
        keys_taken_on=max(first - timedelta(days=10), history_start(plan)),
        created_on=max(first - timedelta(days=4), history_start(plan)),
    )


def _new_batch(
    plan: DemoPlan,
    ids: list[int],
    rng: random.Random,
    received: dict[int, date],
    sold: dict[int, bool],
) -> Batch:
    """The batch in progress: about half the sold units came in the past two weeks (one
    refused, some half done, some with reservations), a few are booked for today and more
    for the days to come, the rest have not booked; the unsold wait."""
    today = plan.until
    first = max(today - timedelta(days=PAST_DAYS), history_start(plan) + timedelta(days=40))
    slots = _slots(first, (today - first).days + FUTURE_DAYS)
    past = [n for n, s in enumerate(slots) if s[0] < today]
    now = [n for n, s in enumerate(slots) if s[0] == today]
    later = [n for n, s in enumerate(slots) if s[0] > today]
    owned = [u for u in ids if rng.random() < SOLD_SHARE] or ids[:1]
    order = list(owned)
    rng.shuffle(order)
    n = len(order)
    came = max(5, n * 45 // 100) if n >= 8 else max(1, n - 3)
    booked_now = max(1, n * 6 // 100)
    booked_later = max(1, n * 25 // 100)
    states: list[tuple[int, str, int | None]] = []
    for k, unit_id in enumerate(order):
        if k < came and past:
            slot = past[k * len(past) // came]
            if k == 0:
                state = "拒收"
            elif k % 5 == 1:
                state = "办理中"
            elif k % 7 == 2:
                state = "带条件收房"
            else:
                state = "已交房"
            states.append((unit_id, state, slot))
        elif k < came + booked_now and now:
            states.append((unit_id, "已预约", now[(k - came) % len(now)]))
        elif k < came + booked_now + booked_later and later:
            spot = (k - came - booked_now) * len(later) // booked_later
            states.append((unit_id, "已预约", later[spot]))
        else:
            states.append((unit_id, "未预约", None))
    load: dict[int, int] = {}
    for _u, _s, booked in states:
        if booked is not None:
            load[booked] = load.get(booked, 0) + 1
    capacity = max(2, max(load.values(), default=0) + 1)
    visits = [Visit(u, s, booked) for u, s, booked in states]
    for unit_id in ids:
        sold[unit_id] = False
    for visit in visits:
        sold[visit.unit_id] = True
        if visit.state in CLOSED and visit.slot is not None:
            received[visit.unit_id] = slots[visit.slot][0]
    visits += [Visit(u, "未预约", None, sold=False) for u in ids if not sold[u]]
    visits.sort(key=lambda v: v.unit_id)
    return Batch(
        "交付批次",
        first,
        slots[-1][0],
        slots,
        capacity,
        visits,
        keys_taken_on=first - timedelta(days=24),
        created_on=first - timedelta(days=21),
    )
