"""The demo estate's service-desk history: technicians and the paid-service price list,
years of the reception log (业户来电、来访接待记录表), repair orders (维修工作单) with their
status history, materials and callbacks, complaints with their handling record and
callbacks, and the consultations, suggestions and the like closed on the spot.

Deterministic for the plan's seed. Every desk action happens at a moment when the demo's
shift history has a clerk on duty, and is written by that clerk in that shift (receiver,
``created_by``, ``created_shift``, event and callback authors). Technicians' own times
(arrival, completion) may fall outside desk hours; the clerk then records them at the
start of the next shift, as at the real desk. Anything that would only happen after the
last shift of the history has not happened yet: the last days' orders, complaints and
callbacks are still open, and a few are always there whatever the estate's size (an
order not yet dispatched, a callback not yet reached, a complaint past its 24 hours, an
order on hold, one with an outside contractor). An estate without public places gets the
usual ones (大堂, 楼道, 电梯, 地下车库, 水泵房 …) for the calls about them.

Uses its own random stream from the plan's seed (not the demo's shared one), so that the
rows do not change when another module's generator is registered before this one.

This module reads the estate, drafts the log (when calls come, from whom, about what) and
writes the rows; demo_repairs_rows lives each drafted matter through into rows and
demo_repairs_text holds the constant data. Written in bulk through storage/demo_bulk.py
inside the demo's one transaction with one summary audit row (``demo_repairs_created``).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from math import exp, sqrt
from typing import Any

from desk_app.core.address import parse_unit_address
from desk_app.core.money import parse_fen
from desk_app.core.numbering import day_prefix
from desk_app.demo import bulk as demo_bulk
from desk_app.demo.plan import DemoPlan, DemoRandom
from desk_app.demo.repairs_rows import Rows
from desk_app.demo.repairs_text import (
    BUILDING_PLACES,
    CATEGORIES,
    CATEGORY_SEASONS,
    CHANNEL_WEIGHTS,
    CHANNELS,
    COMPLAINTS,
    DAILY_RATE,
    DAY,
    ESTATE_PLACES,
    HOUR,
    HOUR_PROFILE,
    HOURS,
    MATTERS,
    MINUTE,
    REPAIRS,
    SEASONS,
    SPRING_FESTIVAL,
    STAFF_REPORTERS,
    TALL_BUILDING_PLACES,
    cumulative,
)
from desk_app.services.desk import Desk
from desk_app.services.repairs import orders as repairs_service
from desk_app.services.repairs.setup import STARTER_PRICES, STARTER_TECHNICIANS
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import search_index
from desk_app.storage.repairs import setup as setup_store

OPERATION = "demo_repairs_created"


# --- time ----------------------------------------------------------------------------------


class DeskClock:
    """The shift history as arrays of seconds from midnight of its first day."""

    def __init__(self, rows: list[demo_bulk.ShiftSpan], rng: DemoRandom) -> None:
        self.rng = rng
        first = date.fromisoformat(rows[0][2][:10])
        self.first_day = first
        self.ids = [r[0] for r in rows]
        self.ops = [r[1] for r in rows]
        self.starts = [self.seconds(r[2]) for r in rows]
        self.ends = [self.seconds(r[3]) for r in rows]
        self.horizon = self.ends[-1]
        self.last_day = self.horizon // DAY
        self.days = [(first + timedelta(days=d)).isoformat() for d in range(self.last_day + 40)]
        self.prefixes = {
            letters: [day_prefix(letters, first + timedelta(days=d)) for d in range(len(self.days))]
            for letters in ("JD", "WX")
        }
        # "T07:30:05+08:00" for every second of a day: times are the bulk of the rows' text
        self.times = [
            f"T{h:02d}:{m:02d}:{sec:02d}+08:00"
            for h in range(24)
            for m in range(60)
            for sec in range(60)
        ]
        self.day_start: dict[int, int] = {}
        self.day_end: dict[int, int] = {}
        for start, end in zip(self.starts, self.ends, strict=True):
            day = start // DAY
            self.day_start.setdefault(day, start)
            self.day_end[day] = max(self.day_end.get(day, end), end)

    def seconds(self, text: str) -> int:
        day = (date.fromisoformat(text[:10]) - self.first_day).days
        return day * DAY + int(text[11:13]) * HOUR + int(text[14:16]) * MINUTE + int(text[17:19])

    def text(self, t: int) -> str:
        """The ISO text of ``t`` (``to_text``'s format: ``2026-11-01T07:30:05+08:00``)."""
        return self.days[t // DAY] + self.times[t % DAY]

    def end_of_day(self, t: int) -> str:
        return f"{self.days[t // DAY]}T23:59:59+08:00"

    def act(self, t: int) -> tuple[int, int] | None:
        """When the desk records something that happened at ``t``: then, if a clerk is on
        duty, else a few minutes into the next shift; None after the history's end."""
        i = bisect_right(self.starts, t) - 1
        if i >= 0 and t < self.ends[i]:
            return t, i
        i += 1
        if i >= len(self.starts):
            return None
        moment = min(self.starts[i] + self.rng.between(2 * MINUTE, 20 * MINUTE), self.ends[i] - 1)
        return (moment, i) if moment < self.horizon else None

    def working_hours(self, t: int) -> int:
        """Move a technician's visit into 08:00–18:30."""
        day, rest = divmod(t, DAY)
        if rest < 8 * HOUR:
            return day * DAY + 8 * HOUR + self.rng.between(0, 90 * MINUTE)
        if rest > 18 * HOUR + 30 * MINUTE:
            return (day + 1) * DAY + 8 * HOUR + 30 * MINUTE + self.rng.between(0, 90 * MINUTE)
        return t

    def appointment(self, day: int, days_ahead: int) -> tuple[int, str]:
        """A visit booked ``days_ahead`` days after ``day``, morning or afternoon."""
        rng = self.rng
        morning = rng.random() < 0.5
        if morning:
            t = (day + days_ahead) * DAY + 8 * HOUR + 30 * MINUTE + rng.between(0, 3 * HOUR)
        else:
            t = (day + days_ahead) * DAY + 14 * HOUR + rng.between(0, 3 * HOUR)
        half = "上午" if morning else "下午"
        if days_ahead == 1:
            return t, f"次日{half}"
        target = self.days[min(day + days_ahead, len(self.days) - 1)]
        return t, f"{int(target[5:7])}月{int(target[8:10])}日{half}"


def _spring_festival_factor(day: date) -> float:
    month_day = SPRING_FESTIVAL.get(day.year, (2, 5))
    offset = (day - date(day.year, *month_day)).days
    if -2 <= offset <= 6:
        return 0.45
    if -7 <= offset <= 14:
        return 0.8
    return 1.0


def _poisson(rng: DemoRandom, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, sqrt(lam))))
    limit, count, product = exp(-lam), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


# --- the estate as the generator sees it -------------------------------------------------


@dataclass(slots=True)
class _Unit:
    id: int
    location: str
    building: str
    owners: list[tuple[str, str | None, str, str]]  # since, until, name, phone
    others: list[tuple[str, str, str, str, str]]  # role, from, to, name, phone


@dataclass(frozen=True, slots=True)
class _Place:
    id: int
    kind: str
    location: str
    building: str | None


def _load_units(desk: Desk) -> list[_Unit]:
    db = desk.db
    units: dict[int, _Unit] = {}
    for unit_id, code, building in demo_bulk.units_for_demo(db):
        try:
            location = parse_unit_address(code).long
        except Exception:  # noqa: BLE001 - a code the parser does not know: show it as is
            location = code
        units[unit_id] = _Unit(unit_id, location, building, [], [])
    rows = demo_bulk.occupants_for_demo(db)
    for unit_id, role, name, phone, since, until, lease_start, lease_end in rows:
        unit = units.get(unit_id)
        if unit is None or not phone:
            continue
        if role == "owner":
            unit.owners.append((since or "", until, name, phone))
        elif role == "tenant":
            unit.others.append((role, lease_start or "", lease_end or "9999", name, phone))
        else:
            unit.others.append((role, since or "", until or "9999", name, phone))
    return [u for u in units.values() if u.owners]


def _ensure_places(desk: Desk, at: str) -> list[_Place]:
    """The estate's public places; an estate without any gets the usual ones."""
    db = desk.db
    if not buildings_store.list_places(db):
        tallest = demo_bulk.tallest_floors(db)
        ids = []
        for building in buildings_store.list_buildings(db):
            places: tuple[tuple[str, str | None], ...] = BUILDING_PLACES
            if (tallest.get(building.code) or 0) > 7:
                places = places + TALL_BUILDING_PLACES
            for name, floor in places:
                ids.append(_insert_place(db, name, building.code, floor, at))
        for name, floor in ESTATE_PLACES:
            ids.append(_insert_place(db, name, None, floor, at))
        search_index.index_places_bulk(db, ids)
    result = []
    for place in buildings_store.list_places(db):
        parts = [f"{place.building}栋" if place.building else "", place.floor or "", place.name]
        text = " ".join(p for p in parts if p)
        result.append(_Place(place.id, place.name, text, place.building))
    return result


def _insert_place(db: Any, name: str, building: str | None, floor: str | None, at: str) -> int:
    code = "-".join(part for part in (building, floor, name) if part)
    return buildings_store.insert_place(
        db,
        code=code,
        name=name,
        building=building,
        floor=floor,
        note=None,
        created_at=at,
        created_by=None,
        created_shift=None,
    )


def _setup(desk: Desk, at: str, rng: DemoRandom) -> tuple[dict[str, list], list]:
    """Technicians by trade (id, name) and the price list (id, name, unit, price, labour)."""
    db = desk.db
    if not setup_store.technicians(db):
        for name, kind, specialty in STARTER_TECHNICIANS:
            setup_store.insert_technician(
                db,
                name=name,
                kind=kind,
                phone=f"13{rng.between(5, 9)}{rng.between(0, 99_999_999):08d}",
                specialty=specialty,
                created_at=at,
                created_by=None,
                created_shift=None,
            )
    if not setup_store.prices(db):
        for category, name, unit, price, labour in STARTER_PRICES:
            setup_store.insert_price(
                db,
                category=category,
                name=name,
                unit=unit,
                price_fen=parse_fen(price),
                labour_fen=parse_fen(labour),
                created_at=at,
                created_by=None,
                created_shift=None,
            )
    trades: dict[str, list] = {}
    for tech in setup_store.technicians(db, active_only=True):
        trades.setdefault(tech.specialty or "", []).append((tech.id, tech.name))
    everyone = [t for rows in trades.values() for t in rows]
    for trade in ("水电", "土建门窗", "弱电", "电梯", "管道"):
        if trade not in trades:
            trades[trade] = trades.get("水电") or everyone
    prices = [
        (p.id, p.name, p.unit, p.price_fen, p.labour_fen)
        for p in setup_store.prices(db, active_only=True)
    ]
    return trades, prices


# --- the generator -------------------------------------------------------------------------


@dataclass(slots=True)
class Draft:
    t: int
    category: str
    kind: Any  # RepairKind or MatterKind
    unit: _Unit | None
    place: _Place | None
    caller: str
    phone: str
    channel: str
    content: str
    urgent: bool = False
    shift: int = 0  # index of the shift on duty at t (the receiving clerk's)
    force: str = ""


class _Log:
    """The reception log drafted: when calls come, from whom, about what."""

    def __init__(
        self,
        rng: DemoRandom,
        clock: DeskClock,
        units: list[_Unit],
        places: list[_Place],
        trades: dict[str, list],
    ) -> None:
        self.rng = rng
        self.clock = clock
        self.units = units
        self.places = places
        self._place_cache: dict[tuple[str, ...], list[_Place]] = {}
        self.trades = trades
        self._month_tables()

    def _month_tables(self) -> None:
        self.category_names = list(CATEGORIES)
        self.category_cum: list[list[float]] = []
        self.volume: list[float] = []
        self.kind_cum: dict[str, list[list[float]]] = {}
        for month in range(12):
            weights = [
                share * CATEGORY_SEASONS[season][month] for share, season in CATEGORIES.values()
            ]
            self.category_cum.append(cumulative(weights))
            self.volume.append(sum(weights) / 100)
        tables: dict[str, tuple] = {"报修": REPAIRS, **MATTERS}
        for category, kinds in tables.items():
            self.kind_cum[category] = [
                cumulative([k.weight * SEASONS[k.season][m] for k in kinds]) for m in range(12)
            ]
        self.kinds = tables
        self.channel_cum = {k: cumulative(v) for k, v in CHANNEL_WEIGHTS.items()}
        self.hour_cum = cumulative(HOUR_PROFILE)

    def draft_days(self, unit_count: int) -> list[Draft]:
        rng, clock = self.rng, self.clock
        drafts: list[Draft] = []
        for day in range(clock.last_day + 1):
            if day not in clock.day_start:
                continue
            when = clock.first_day + timedelta(days=day)
            month = when.month - 1
            lam = unit_count * DAILY_RATE * self.volume[month] * _spring_festival_factor(when)
            if when.weekday() >= 5:
                lam *= 0.9
            opens, closes = clock.day_start[day] + MINUTE, clock.day_end[day] - 5 * MINUTE
            for _ in range(_poisson(rng, lam)):
                hour = rng.pick(HOURS, self.hour_cum)
                t = day * DAY + (7 + hour) * HOUR + rng.between(0, HOUR - 1)
                if hour == 0:
                    t += 30 * MINUTE  # the desk opens at 07:30
                t = min(max(t, opens), closes)
                category = rng.pick(self.category_names, self.category_cum[month])
                draft = self.draft(t, category, month)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def draft(self, t: int, category: str, month: int, kind: Any = None) -> Draft | None:
        rng = self.rng
        if kind is None:
            kinds = self.kinds[category]
            kind = rng.pick(kinds, self.kind_cum[category][month])
        where = "place" if kind.places else getattr(kind, "where", "unit")
        moment = self.clock.act(t)
        if moment is None:
            return None
        t, shift = moment
        # Nobody calls about an estate nobody lives in yet: the volume follows the owners.
        resident, caller, phone = self._resident(self.clock.days[t // DAY])
        if resident is None:
            return None
        unit = place = None
        channel = ""
        if where == "place":
            place = self._place(kind)
            if place is None:
                return None
            if rng.random() < 0.3:  # found on the rounds
                caller = rng.one(STAFF_REPORTERS) + rng.one("王李张刘陈杨赵") + "师傅"
                phone, channel = "", "其他"
        elif where == "unit" or rng.random() < 0.5:
            unit = resident
        else:
            caller = rng.one("王李张刘陈杨赵黄周吴") + rng.one(("先生", "女士"))
            phone = f"1{rng.one('3589')}{rng.between(0, 999_999_999):09d}"
        if not channel:
            channels = self.channel_cum.get(category) or self.channel_cum["default"]
            channel = rng.pick(CHANNELS, channels)
            if not phone and channel == "来电":
                channel = "来访"
        content = rng.one(kind.texts)
        if "{tech}" in content:
            content = content.format(tech=rng.one(self.trades["水电"])[1])
        urgent = category == "报修" and rng.random() < kind.urgent
        return Draft(t, category, kind, unit, place, caller, phone, channel, content, urgent, shift)

    def _place(self, kind: Any) -> _Place | None:
        """A public place of the kind the matter is about (None: the estate has none)."""
        candidates = self._place_cache.get(kind.places)
        if candidates is None:
            candidates = [
                place
                for place in self.places
                if any(word in place.kind for word in kind.places) and place.kind != "电梯机房"
            ]
            self._place_cache[kind.places] = candidates
        return self.rng.one(candidates) if candidates else None

    def _resident(self, day_text: str) -> tuple[_Unit | None, str, str]:
        rng = self.rng
        for _ in range(4):
            unit = rng.one(self.units)
            owner = None
            for since, until, name, phone in unit.owners:
                if since <= day_text and (until is None or day_text < until):
                    owner = (name, phone)
            if owner is None:
                continue
            roll = rng.random()
            if unit.others and roll < 0.3:
                for role, start, end, name, phone in unit.others:
                    if start <= day_text <= end and (role == "tenant" or roll < 0.12):
                        return unit, name, phone
            return unit, owner[0], owner[1]
        return None, "", ""

    def live_work(self) -> list[Draft]:
        """A few matters of the last days that are late at the end of the history, whatever
        the estate's size: an order not dispatched, an order on hold, one with an outside
        contractor, a repair whose callback has not reached the owner, a complaint past its
        24 hours."""
        clock = self.clock
        last = clock.last_day
        if last < 4 or not self.units:
            return []
        specials = []
        plan = (
            (last, 19 * HOUR + 35 * MINUTE, "报修", REPAIRS[0], "undispatched"),
            (last, 15 * HOUR + 10 * MINUTE, "报修", REPAIRS[2], "callback_pending"),
            (last - 1, 10 * HOUR + 5 * MINUTE, "报修", REPAIRS[8], "held"),
            (last - 2, 9 * HOUR + 40 * MINUTE, "报修", REPAIRS[4], "referred"),
            (last - 2, 16 * HOUR + 20 * MINUTE, "投诉", COMPLAINTS[1], "unhandled"),
        )
        for day, offset, category, kind, force in plan:
            if day not in clock.day_start:
                continue
            t = min(
                max(day * DAY + offset, clock.day_start[day] + MINUTE),
                clock.day_end[day] - 15 * MINUTE,
            )
            month = (clock.first_day + timedelta(days=day)).month - 1
            draft = None
            for _ in range(5):
                draft = self.draft(t, category, month, kind)
                if draft is not None:
                    break
            if draft is not None:
                draft.force = force
                draft.urgent = False
                specials.append(draft)
        return specials


def generate(desk: Desk, plan: DemoPlan, rng: random.Random, staff: list) -> int:
    """The demo generator (``DEMO_GENERATORS``): returns the number of entries written."""
    own = DemoRandom(plan.seed * 1_000_003 + 4)  # independent of other generators
    db = desk.db
    with desk.operation(OPERATION, actor="demo") as op:
        trades, prices = _setup(desk, op.at, own)
        places = _ensure_places(desk, op.at)
        shifts = demo_bulk.shift_spans(db)
        units = _load_units(desk)
        written = 0
        counts: dict[str, Any] = {
            "technicians": len({t for rows in trades.values() for t in rows}),
            "prices": len(prices),
            "places": len(places),
        }
        if shifts and units:
            clock = DeskClock(shifts, own)
            names = {s.id: s.display_name for s in staff}
            history = Rows(own, clock, trades, prices, names, repairs_service.limits(desk))
            log = _Log(own, clock, units, places, trades)
            drafts = log.draft_days(len(units)) + log.live_work()
            history.build(drafts, demo_bulk.next_ids(db, _NUMBERED))
            _write(db, history)
            written = len(history.entry_rows)
            counts.update(
                entries=written,
                orders=len(history.order_rows),
                materials=len(history.material_rows),
                events=len(history.event_rows),
                callbacks=len(history.callback_rows),
                attempts=len(history.attempt_rows),
                until=clock.text(clock.horizon),
            )
        op.record("reception_entries", None, **counts)
    return written


# The tables whose ids the generator hands out itself.
_NUMBERED = (demo_bulk.RECEPTION_ENTRIES, demo_bulk.REPAIR_ORDERS, demo_bulk.CALLBACKS)


def _write(db: Any, rows: Rows) -> None:
    """Entries and orders point at each other: the entries go in first, the orders refer to
    them, then each 报修 entry gets its order (all checked immediately)."""
    demo_bulk.insert_rows(db, demo_bulk.RECEPTION_ENTRIES, demo_bulk.ENTRY_COLUMNS, rows.entry_rows)
    demo_bulk.insert_rows(db, demo_bulk.REPAIR_ORDERS, demo_bulk.ORDER_COLUMNS, rows.order_rows)
    demo_bulk.link_entries_to_orders(db, rows.links)
    demo_bulk.insert_rows(
        db, demo_bulk.REPAIR_MATERIALS, demo_bulk.MATERIAL_COLUMNS, rows.material_rows
    )
    demo_bulk.insert_rows(db, demo_bulk.REPAIR_EVENTS, demo_bulk.EVENT_COLUMNS, rows.event_rows)
    demo_bulk.insert_rows(db, demo_bulk.CALLBACKS, demo_bulk.CALLBACK_COLUMNS, rows.callback_rows)
    demo_bulk.insert_rows(
        db, demo_bulk.CALLBACK_ATTEMPTS, demo_bulk.ATTEMPT_COLUMNS, rows.attempt_rows
    )
