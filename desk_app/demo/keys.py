"""The demo estate's key registry (钥匙管理): owners' keys held in trust (业主代管, the five
types with their counts) for part of the units and the developer's keys (接管) of units
never handed over, every building's public-area keys (公共区域: 天台门, 管道井, 地下室),
the equipment rooms (设施设备房, added to the directory's public places when missing; the
switch room and the fire control room never lent), and the years of loans: mostly
returned on time, some late, a few pieces lost and copied again with a supervisor's
approval, technicians borrowing an owner's key (with the owner's consent by phone) or an
equipment room's against their repair orders, and owners collecting keys held in trust
(领取, say for a lock change) and depositing them again (寄存), most in person, some
through an agent with the owner's 委托书 (the agent's name and masked ID number, as
``services.keys.registry`` stores them). The history ends with keys out: one
overdue since yesterday, one lent overnight with approval, and one with a technician on
an open repair order.

Deterministic for the plan's seed, from its own random stream. Every movement happens
while a clerk is on duty and is written by that clerk in that shift; a return outside
desk hours is recorded at the start of the next shift. Written in bulk (``executemany``)
inside the demo's one transaction with one summary audit row (``demo_keys_created``);
the demo's last operation records the rows' hashes in the chain.
"""

from __future__ import annotations

import json
import random
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from desk_app.core.masking import id_check_char, mask_id_number, validate_id_number
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.demo import bulk as demo_bulk
from desk_app.demo.delivery import NOTHING, Delivery, delivery_of
from desk_app.demo.plan import DemoPlan, DemoRandom
from desk_app.demo.repairs import DeskClock
from desk_app.demo.repairs_text import DAY, HOUR, MINUTE
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import search_index

OPERATION = "demo_keys_created"

SETS = "key_sets"
PIECES = "key_pieces"
MOVEMENTS = "key_movements"
SET_COLUMNS = (
    "id", "code", "kind", "unit_id", "building", "floor", "public_place_id", "name", "place",
    "never_lend", "state", "note", "created_at", "created_by", "created_shift", "updated_at",
)  # fmt: skip
PIECE_COLUMNS = (
    "set_id", "piece_type", "held", "out", "created_at", "created_by", "created_shift",
    "updated_at",
)  # fmt: skip
MOVEMENT_COLUMNS = (
    "id", "set_id", "kind", "at", "pieces", "reason", "loan_id", "technician_id",
    "borrower_name", "borrower_kind", "purpose", "due_back", "approved_by", "consent_how",
    "consent_at", "repair_order_id", "person_id", "agent_name", "agent_id_masked",
    "created_at", "created_by", "created_shift",
)  # fmt: skip

TRUST_SHARE = 0.12  # units whose owners leave keys with the desk
# Public-area keys of every building: (name, floor, piece type, count)
BUILDING_KEYS = (
    ("天台门", "屋顶", "天台门", 2),
    ("管道井", None, "管道井门", 2),
    ("地下室门", "B1", "地下室门", 2),
)
# Equipment rooms (设施设备房): (name, floor, never to lend)
EQUIPMENT_ROOMS = (
    ("水泵房", "B1", False),
    ("配电房", None, False),
    ("高压配电室", "B1", True),
    ("消防控制室", "1层", True),
    ("监控室", "1层", False),
    ("弱电机房", "B1", False),
    ("换热站", "B1", False),
    ("发电机房", "B1", False),
)
BUILDING_ROOMS = ("电梯机房",)  # the directory's per-building rooms that are locked
STAFF = (
    ("王秀英", "保洁"),
    ("张强", "秩序维护"),
    ("李建华", "绿化"),
    ("赵德胜", "秩序维护"),
)
CONTRACTORS = (
    ("周志刚", "电梯维保"),
    ("吴海涛", "移动基站维护"),
    ("郑磊", "宽带安装"),
    ("孙立新", "消防检测"),
    ("钱伟", "外墙清洗"),
)
PUBLIC_PURPOSES = {
    "天台门": ("天台防水巡查", "太阳能热水器检修", "天台排水口清理"),
    "管道井门": ("抄水表", "管道井巡查", "宽带线路检修"),
    "地下室门": ("地下室清理", "消杀灭鼠", "排水泵巡查"),
}
ROOM_PURPOSES = ("设备巡检", "设备保养", "抄表", "年度检测")
LOST_REASONS = ("借用人遗失", "借用途中遗失，已报告主管")
# Owners' visits to the keys they keep with the desk (业主代管): the share of trust sets
# whose owners come back for keys in a year, and every how many visits one is by an agent.
OWNER_VISIT_SHARE = 0.5
AGENT_EVERY = 4
AGENTS = ("刘晓燕", "陈国平", "黄志明", "杨丽娟", "林文涛", "何春梅", "马建军", "罗小红")
AGENT_REGIONS = ("370102", "370103", "370105", "370112", "110105", "320102")
REPLACE_REASON = "遗失补配"


@dataclass(slots=True)
class _Set:
    id: int
    code: str
    kind: str
    unit_id: int | None
    building: str | None
    floor: str | None
    place_id: int | None
    name: str
    place: str
    never_lend: bool
    counts: dict[str, list[int]]  # type → [held, out]
    since: int  # its intake (seconds of the desk clock)
    free_at: int = 0
    loan: _Move | None = None
    created: tuple[str, int | None, int | None] = ("", None, None)
    updated_at: str | None = None
    returning: dict[str, int] = field(default_factory=dict)  # collected, to be deposited again


@dataclass(slots=True)
class _Move:
    t: int
    shift: int | None  # index into the desk clock's shifts; None: before any shift
    key: _Set
    kind: str
    pieces: dict[str, int]
    fields: dict[str, Any] = field(default_factory=dict)
    loan: _Move | None = None
    id: int = 0


@dataclass(frozen=True, slots=True)
class _Loan:
    """A loan the estate would make; kept when the set is free at ``t``."""

    t: int
    key: _Set
    borrower: dict[str, Any]
    purpose: str
    due: int
    back: int  # when it comes back (late when after ``due``)
    lost: bool = False
    order_id: int | None = None
    consent: bool = False


def generate(desk: Desk, plan: DemoPlan, rng: random.Random, staff: list) -> int:
    """The demo generator (``DEMO_GENERATORS``): returns the number of movements written."""
    own = DemoRandom(plan.seed * 1_000_003 + 6)  # independent of other generators
    db = desk.db
    supervisors = [s.id for s in staff if s.role == "supervisor"] or [s.id for s in staff]
    visits = DemoRandom(plan.seed * 1_000_003 + 61)  # owners' visits: their own stream
    with desk.operation(OPERATION, actor="demo") as op:
        rooms = _equipment_rooms(desk, op.at)
        shifts = demo_bulk.shift_spans(db)
        clock = DeskClock(shifts, own) if shifts else None
        history = _History(desk, own, clock, supervisors, op.at, visits)
        history.make_sets(rooms, delivery_of(db, plan))
        if clock is not None:
            history.live_through(plan)
        counts = history.write()
        op.record(SETS, None, **counts)
    return counts["movements"]


def _equipment_rooms(desk: Desk, at: str) -> list[tuple[int, str, str | None, str | None, bool]]:
    """The locked rooms among the directory's public places, the usual ones added:
    (id, name, building, floor, never to lend)."""
    db = desk.db
    names = {p.name for p in buildings_store.list_places(db) if p.building is None}
    added = []
    for name, floor, _never in EQUIPMENT_ROOMS:
        if name not in names:
            added.append(
                buildings_store.insert_place(
                    db,
                    code="-".join(part for part in (floor, name) if part),
                    name=name,
                    building=None,
                    floor=floor,
                    note=None,
                    created_at=at,
                    created_by=None,
                    created_shift=None,
                )
            )
    if added:
        search_index.index_places_bulk(db, added)
    never = {name for name, _floor, flag in EQUIPMENT_ROOMS if flag}
    wanted = {name for name, _floor, _never in EQUIPMENT_ROOMS} | set(BUILDING_ROOMS)
    return [
        (p.id, p.name, p.building, p.floor, p.name in never)
        for p in sorted(buildings_store.list_places(db), key=lambda p: p.id)
        if p.name in wanted
    ]


class _History:
    def __init__(
        self,
        desk: Desk,
        rng: DemoRandom,
        clock: DeskClock | None,
        supervisors: list[int],
        at: str,
        visits: DemoRandom | None = None,
    ) -> None:
        self.desk = desk
        self.visits_rng = visits or DemoRandom(0)
        self.db = desk.db
        self.rng = rng
        self.clock = clock
        self.supervisors = supervisors
        self.at = at
        self.sets: list[_Set] = []
        self.moves: list[_Move] = []
        self.next_set = demo_bulk.next_ids(self.db, [SETS])[SETS]
        last = self.db.execute("SELECT max(code) FROM key_sets").fetchone()[0]
        self.next_code = int(last[1:]) + 1 if last else 1
        end = str(settings_service.get(desk, "keys.workday_end"))
        self.workday_end = int(end[:2]) * HOUR + int(end[3:5]) * MINUTE
        self.room_span = int(settings_service.get(desk, "keys.equipment_loan_minutes")) * MINUTE
        self.loans = self.late = self.lost = 0
        self.deposits = self.collections = self.by_agent = 0
        self._owner_spans: dict[int, list[tuple[str, str, int]]] | None = None
        self.received: dict[int, str] = {}  # unit → the day its first owner received it

    # --- the sets ---------------------------------------------------------------------------

    def _new_set(self, kind: str, pieces: dict[str, int], since: int, **where: Any) -> _Set:
        key = _Set(
            id=self.next_set,
            code=f"K{self.next_code:07d}",
            kind=kind,
            unit_id=where.get("unit_id"),
            building=where.get("building"),
            floor=where.get("floor"),
            place_id=where.get("place_id"),
            name=where.get("name", ""),
            place="",
            never_lend=where.get("never_lend", False),
            counts={t: [n, 0] for t, n in pieces.items()},
            since=since,
        )
        self.next_set += 1
        self.next_code += 1
        self.sets.append(key)
        self._move(since, key, "入库", dict(pieces), {})
        key.created = self.moves[-1].fields["stamp"]
        key.free_at = since
        return key

    def _stamp(self, t: int) -> tuple[str, int | None, int | None, int | None]:
        """(at, created_by, created_shift, shift index) of a desk action at ``t``."""
        if self.clock is None:
            return self.at, None, None, None
        i = bisect_right(self.clock.starts, t) - 1
        i = max(i, 0)
        return self.clock.text(t), self.clock.ops[i], self.clock.ids[i], i

    def _move(
        self, t: int, key: _Set, kind: str, pieces: dict[str, int], fields: dict[str, Any]
    ) -> _Move:
        at, by, shift, index = self._stamp(t)
        fields["stamp"] = (at, by, shift)
        move = _Move(t, index, key, kind, pieces, fields, key.loan)
        self.moves.append(move)
        key.updated_at = at if kind != "入库" else key.updated_at
        return move

    def _unit_pieces(self) -> dict[str, int]:
        rng = self.rng
        pieces = {
            "防盗铁门": rng.one((1, 2, 2, 2, 3)),
            "单元门": rng.one((0, 1, 1)),
            "室内门": rng.one((0, 1, 1, 2)),
            "电子对讲门": rng.one((0, 1)),
            "信报箱": rng.one((0, 1, 1)),
        }
        return {t: n for t, n in pieces.items() if n and t in UNIT_KEY_TYPES}

    def _day_start(self, day: str) -> int:
        """Midnight of ``day`` (``2026-11-01``) on the desk clock; 0 without a clock or day."""
        if self.clock is None or not day:
            return 0
        return max(0, self.clock.seconds(f"{day[:10]}T00:00:00"))

    def make_sets(
        self,
        rooms: list[tuple[int, str, str | None, str | None, bool]],
        delivered: Delivery = NOTHING,
    ) -> None:
        """The sets: equipment rooms, public areas, the developer's keys of units nobody
        owns and owners' keys in trust (after they received the unit). The developer's
        keys of the deliveries' units are the move-in's (``demo/movein.py``), and nobody
        of the batch in progress has left keys in trust yet."""
        rng = self.rng
        just_delivered = delivered.new_units()
        first = self.clock.starts[0] + 20 * MINUTE if self.clock else 0
        span = (self.clock.horizon - first) if self.clock else 0
        for room_id, _name, building, floor, never in rooms:
            self._new_set(
                "设施设备房",
                {"房门": rng.one((1, 2, 2, 3))},
                first,
                place_id=room_id,
                building=building,
                floor=floor,
                never_lend=never,
            )
        buildings = [b.code for b in buildings_store.list_buildings(self.db)]
        for building in buildings:
            for name, floor, piece, count in BUILDING_KEYS:
                self._new_set(
                    "公共区域",
                    {piece: count},
                    first,
                    building=building,
                    floor=floor,
                    name=name,
                )
        received = self.received
        for occupant in demo_bulk.occupants_for_demo(self.db):
            if occupant.role == "owner":
                received.setdefault(occupant.unit_id, occupant.since or "")
        self.trust: dict[int, _Set] = {}
        for unit in demo_bulk.units_for_demo(self.db):
            if unit.id in just_delivered:
                continue  # the batch in progress: the move-in's developer's keys, no trust yet
            if unit.id not in received:
                if unit.id not in delivered.sold:  # the move-in takes these over
                    self._new_set("接管", {t: 2 for t in UNIT_KEY_TYPES}, first, unit_id=unit.id)
            elif rng.random() < TRUST_SHARE:
                since = first + int(rng.random() * span * 0.7)
                since = max(since, self._day_start(received[unit.id]) + DAY + 10 * HOUR)
                if self.clock is not None:  # deposited while a clerk is on duty
                    since = (self.clock.act(since) or (first, 0))[0]
                self.trust[unit.id] = self._new_set(
                    "业主代管", self._unit_pieces(), since, unit_id=unit.id
                )
        # hooks: cabinets of 100, slots shuffled so a code does not give its hook away
        slots = [f"{chr(65 + n // 100)}柜-{n % 100 + 1:03d}" for n in range(len(self.sets))]
        rng.shuffle(slots)
        for key, slot in zip(self.sets, slots, strict=True):
            key.place = slot

    # --- the loans --------------------------------------------------------------------------

    def _due(self, key: _Set, t: int) -> int:
        end = (t // DAY) * DAY + self.workday_end
        if key.kind == "设施设备房" or t + self.room_span >= end:
            return t + self.room_span
        return end

    def _borrower(self, key: _Set) -> tuple[dict[str, Any], str]:
        rng = self.rng
        piece = next(iter(key.counts))
        if key.kind == "设施设备房":
            if rng.random() < 0.5:
                tech = rng.one(self.technicians)
                return {"technician_id": tech, "borrower_kind": "维修技工"}, rng.one(ROOM_PURPOSES)
            name, what = rng.one(CONTRACTORS)
            return {"borrower_name": name, "borrower_kind": "外单位人员"}, what
        purpose = rng.one(PUBLIC_PURPOSES.get(piece, ROOM_PURPOSES))
        roll = rng.random()
        if roll < 0.4:
            name, _what = rng.one(STAFF)
            return {"borrower_name": name, "borrower_kind": "员工"}, purpose
        if roll < 0.75:
            tech = rng.one(self.technicians)
            return {"technician_id": tech, "borrower_kind": "维修技工"}, purpose
        name, what = rng.one(CONTRACTORS)
        return {"borrower_name": name, "borrower_kind": "外单位人员"}, what

    def _outcome(self, t: int, due: int) -> tuple[int, bool]:
        roll = self.rng.random()
        if roll < 0.87:
            return t + self.rng.between(10 * MINUTE, max(12 * MINUTE, due - t - 5 * MINUTE)), False
        if roll < 0.985:
            return due + self.rng.between(20 * MINUTE, 18 * HOUR), False
        return t + self.rng.between(HOUR, 6 * HOUR), True

    def _candidates(self, plan: DemoPlan) -> list[_Loan]:
        assert self.clock is not None
        rng, clock = self.rng, self.clock
        lendable = [
            k for k in self.sets if k.kind in ("公共区域", "设施设备房") and not k.never_lend
        ]
        loans: list[_Loan] = []
        if not lendable or not self.technicians:
            return loans
        rate = 0.5 + 0.04 * len(lendable)
        for day in range(clock.last_day + 1):
            n = int(rate) + (rng.random() < rate - int(rate))
            for _ in range(n):
                t = day * DAY + 8 * HOUR + rng.between(0, 9 * HOUR)
                key = rng.one(lendable)
                borrower, purpose = self._borrower(key)
                due = self._due(key, t)
                back, lost = self._outcome(t, due)
                loans.append(_Loan(t, key, borrower, purpose, due, back, lost))
        # technicians borrow owners' and rooms' keys for their repair orders
        rooms = {k.place_id: k for k in self.sets if k.kind == "设施设备房" and not k.never_lend}
        orders = self.db.execute(
            "SELECT id, unit_id, place_id, technician_id, dispatched_at, completed_at, content "
            "FROM repair_orders WHERE status IN ('已完工', '已回访') "
            "AND dispatched_at IS NOT NULL AND completed_at IS NOT NULL ORDER BY id"
        ).fetchall()
        for order_id, unit_id, place_id, tech, dispatched, completed, content in orders:
            key = self.trust.get(unit_id) if unit_id else rooms.get(place_id)
            if key is None or rng.random() < 0.4:
                continue
            t = clock.seconds(dispatched) + rng.between(2 * MINUTE, 15 * MINUTE)
            if t < key.since:
                continue
            back = clock.seconds(completed) + rng.between(5 * MINUTE, 40 * MINUTE)
            due = self._due(key, t)
            if back <= t:
                back = t + rng.between(30 * MINUTE, 90 * MINUTE)
            loans.append(
                _Loan(
                    t,
                    key,
                    {"technician_id": tech, "borrower_kind": "维修技工"},
                    f"维修：{content[:24]}",
                    due,
                    back,
                    order_id=order_id,
                    consent=key.kind == "业主代管",
                )
            )
        loans.sort(key=lambda loan: (loan.t, loan.key.id))
        return loans

    def _lend(self, loan: _Loan, t: int) -> _Move | None:
        clock = self.clock
        assert clock is not None
        key = loan.key
        if t < key.free_at or t < key.since or key.loan is not None:
            return None
        pieces = {p: held for p, (held, _out) in key.counts.items() if held}
        if not pieces:
            return None
        fields: dict[str, Any] = {
            **loan.borrower,
            "purpose": loan.purpose,
            "due_back": clock.text(loan.due),
            "repair_order_id": loan.order_id,
        }
        overnight = loan.due // DAY > t // DAY
        if key.kind in ("设施设备房", "业主代管") or overnight:
            fields["approved_by"] = self.rng.one(self.supervisors)
        if loan.consent:
            fields["consent_how"] = "电话"
            fields["consent_at"] = clock.text(t - self.rng.between(3 * MINUTE, 15 * MINUTE))
        move = self._move(t, key, "借出", pieces, fields)
        for p, n in pieces.items():
            key.counts[p][0] -= n
            key.counts[p][1] += n
        key.loan = move
        self.loans += 1
        return move

    def _back(self, key: _Set, t: int, lost: bool) -> None:
        assert key.loan is not None
        out = {p: o for p, (_h, o) in key.counts.items() if o}
        if lost:
            piece = next(iter(out))
            self._move(
                t,
                key,
                "遗失",
                {piece: 1},
                {
                    "reason": self.rng.one(LOST_REASONS),
                    "approved_by": self.rng.one(self.supervisors),
                },
            )
            key.counts[piece][1] -= 1
            out[piece] -= 1
            out = {p: n for p, n in out.items() if n}
            self.lost += 1
        if out:
            self._move(t, key, "归还", out, {})
        for p, n in out.items():
            key.counts[p][0] += n
            key.counts[p][1] -= n
        key.loan = None
        key.free_at = t

    def _replace(self, key: _Set, t: int, piece: str) -> None:
        self._move(
            t,
            key,
            "配钥匙",
            {piece: 1},
            {"reason": REPLACE_REASON, "approved_by": self.rng.one(self.supervisors)},
        )
        key.counts[piece][0] += 1
        key.free_at = t

    def live_through(self, plan: DemoPlan) -> None:
        clock = self.clock
        assert clock is not None
        self.technicians = [r[0] for r in self.db.execute("SELECT id FROM technicians ORDER BY id")]
        visits = self._owner_visits()
        for loan in self._candidates(plan):
            start = clock.act(loan.t)
            back = clock.act(loan.back)
            if start is None or back is None or back[0] <= start[0]:
                continue
            while visits and visits[-1][0] <= start[0]:
                self._visit(*visits.pop())
            lost_piece = next(iter(loan.key.counts))
            replace_at = None
            if loan.lost:
                replace_at = clock.act(back[0] + self.rng.between(DAY, 6 * DAY))
                if replace_at is None:
                    continue
            if self._lend(loan, start[0]) is None:
                continue
            self.late += back[0] > loan.due
            self._back(loan.key, back[0], loan.lost)
            if replace_at is not None:
                self._replace(loan.key, replace_at[0], lost_piece)
        while visits:
            self._visit(*visits.pop())
        self._open_loans()

    # --- owners' visits: 领取 and 寄存 of keys held in trust --------------------------------

    def _on_duty(self, t: int) -> int | None:
        """``t`` when a clerk is on duty, else a few minutes into the next shift (None past
        the history's last ten days, so that every visit is over before the keys out at
        the end are lent)."""
        clock = self.clock
        assert clock is not None
        i = bisect_right(clock.starts, t) - 1
        if i < 0 or t >= clock.ends[i]:
            i += 1
            if i >= len(clock.starts):
                return None
            t = min(
                clock.starts[i] + self.visits_rng.between(2 * MINUTE, 20 * MINUTE),
                clock.ends[i] - 1,
            )
        return t if t < clock.horizon - 10 * DAY else None

    def _owner_visits(self) -> list[tuple[int, _Set, str, dict[str, int] | None]]:
        """(time, set, 领取/寄存, pieces) of the owners' visits, latest first (popped from
        the end as the history goes on): a collection (a lock changed, a spare taken home)
        and, days or weeks later, the keys deposited again; now and then an extra key
        lodged."""
        clock = self.clock
        assert clock is not None
        rng = self.visits_rng
        visits: list[tuple[int, _Set, str, dict[str, int] | None]] = []
        for key in self.trust.values():
            years = max(1, (clock.horizon - key.since) // (365 * DAY))
            for _ in range(sum(rng.random() < OWNER_VISIT_SHARE for _ in range(years))):
                day = rng.between(key.since // DAY + 20, clock.last_day)
                taken = self._on_duty(day * DAY + rng.between(9 * HOUR, 19 * HOUR))
                if taken is None or taken <= key.since:
                    continue
                visits.append((taken, key, "领取", None))
                back_day = taken // DAY + rng.between(1, 45)
                again = self._on_duty(back_day * DAY + rng.between(9 * HOUR, 19 * HOUR))
                if again is not None:
                    visits.append((again, key, "寄存", None))
            if rng.random() < 0.15:
                day = rng.between(key.since // DAY + 5, clock.last_day)
                lodged = self._on_duty(day * DAY + rng.between(9 * HOUR, 19 * HOUR))
                if lodged is not None:
                    visits.append((lodged, key, "寄存", {rng.one(UNIT_KEY_TYPES): 1}))
        visits.sort(key=lambda v: (v[0], v[1].id, v[2]), reverse=True)
        return visits

    def _owners(self) -> dict[int, list[tuple[str, str, int]]]:
        """Each unit's owners of record: (since, until, person id)."""
        if self._owner_spans is None:
            spans: dict[int, list[tuple[str, str, int]]] = {}
            for unit_id, person_id, since, until in self.db.execute(
                "SELECT unit_id, person_id, coalesce(since, ''), coalesce(until, '9999') "
                "FROM occupancies WHERE role IN ('owner', 'co_owner') ORDER BY role = 'co_owner', id"
            ):
                spans.setdefault(unit_id, []).append((since, until, person_id))
            self._owner_spans = spans
        return self._owner_spans

    def _who(self, key: _Set, t: int) -> dict[str, Any] | None:
        """The owner of record on the day (in person or through an agent), or None."""
        assert self.clock is not None and key.unit_id is not None
        day = self.clock.text(t)[:10]
        owners = [
            p for since, until, p in self._owners().get(key.unit_id, []) if since <= day < until
        ]
        if not owners:
            return None
        rng = self.visits_rng
        who: dict[str, Any] = {"person_id": owners[0]}
        if (self.deposits + self.collections) % AGENT_EVERY == AGENT_EVERY - 1:
            birth = f"{rng.between(1955, 2000)}{rng.between(1, 12):02d}{rng.between(1, 28):02d}"
            first17 = f"{rng.one(AGENT_REGIONS)}{birth}{rng.between(0, 999):03d}"
            number = validate_id_number(first17 + id_check_char(first17))
            who["agent_name"] = rng.one(AGENTS)
            who["agent_id_masked"] = mask_id_number(number)
        return who

    def _visit(self, t: int, key: _Set, kind: str, pieces: dict[str, int] | None) -> None:
        """An owner's 领取 (never while the keys are out, never the last key) or 寄存 (the
        keys collected last, or the pieces given)."""
        if kind == "领取":
            if key.loan is not None or t < key.free_at or key.returning:
                return
            held = {p: h for p, (h, _o) in key.counts.items() if h}
            if sum(held.values()) < 2:
                return
            piece = self.visits_rng.one(sorted(held))
            n = held[piece] if sum(held.values()) > held[piece] else held[piece] - 1
            pieces = {piece: self.visits_rng.between(1, n)}
        elif pieces is None:
            if not key.returning:
                return
            pieces = key.returning
        if t < key.free_at:
            return
        who = self._who(key, t)
        if who is None:
            return
        self._move(t, key, kind, dict(pieces), who)
        for piece, n in pieces.items():
            counts = key.counts.setdefault(piece, [0, 0])
            counts[0] += n if kind == "寄存" else -n
        if kind == "领取":
            key.returning = dict(pieces)
            self.collections += 1
        else:
            if pieces is key.returning:
                key.returning = {}
            self.deposits += 1
        self.by_agent += "agent_name" in who
        key.free_at = t

    def _open_loans(self) -> None:
        """The keys out when the history ends: one overdue since the last afternoon, one
        lent overnight with approval, one with a technician on an open repair order."""
        clock = self.clock
        assert clock is not None
        rng = self.rng
        last = len(clock.starts) - 1
        day = clock.starts[last] // DAY
        afternoon = day * DAY + 14 * HOUR
        if not (clock.starts[last] <= afternoon < clock.ends[last]):
            afternoon = clock.starts[last] + 10 * MINUTE
        public = [
            k
            for k in self.sets
            if k.kind == "公共区域" and k.free_at <= afternoon and k.loan is None
        ]
        if len(public) >= 2 and self.technicians:
            first, second = public[0], public[len(public) // 2]
            name, _what = STAFF[0]
            self._lend(
                _Loan(
                    afternoon,
                    first,
                    {"borrower_name": name, "borrower_kind": "员工"},
                    rng.one(PUBLIC_PURPOSES.get(next(iter(first.counts)), ROOM_PURPOSES)),
                    self._due(first, afternoon),
                    0,
                ),
                afternoon,
            )
            name, what = CONTRACTORS[1]
            self._lend(
                _Loan(
                    afternoon + 40 * MINUTE,
                    second,
                    {"borrower_name": name, "borrower_kind": "外单位人员"},
                    what,
                    (day + 2) * DAY + 12 * HOUR,
                    0,
                ),
                afternoon + 40 * MINUTE,
            )
        order = self.db.execute(
            # one in hand; else the order done last, its key not yet back (收回钥匙)
            "SELECT id, unit_id, technician_id, content, dispatched_at FROM repair_orders "
            "WHERE status IN ('已派工', '维修中', '已完工') AND unit_id IS NOT NULL "
            "AND technician_id IS NOT NULL AND dispatched_at IS NOT NULL "
            "ORDER BY status = '已完工', dispatched_at DESC, id LIMIT 1"
        ).fetchone()
        if order is not None:
            order_id, unit_id, tech, content, dispatched = order
            key = self.trust.get(unit_id)
            if key is None or key.kind != "业主代管":
                since = max(
                    clock.starts[0] + 30 * MINUTE,
                    self._day_start(self.received.get(unit_id, "")) + 10 * HOUR,
                )
                key = self._new_set("业主代管", self._unit_pieces(), since, unit_id=unit_id)
                key.place = f"Z柜-{len(self.sets):03d}"
                self.trust[unit_id] = key
            start = clock.act(max(clock.seconds(dispatched) + 5 * MINUTE, key.since))
            t = start[0] if start is not None else afternoon + 80 * MINUTE
            if key.loan is None and key.free_at <= t:
                self._lend(
                    _Loan(
                        t,
                        key,
                        {"technician_id": tech, "borrower_kind": "维修技工"},
                        f"维修：{content[:24]}",
                        (max(t // DAY, day) + 1) * DAY + 12 * HOUR,
                        0,
                        order_id=order_id,
                        consent=True,
                    ),
                    t,
                )

    # --- the rows ---------------------------------------------------------------------------

    def write(self) -> dict[str, Any]:
        db = self.db
        self.moves.sort(key=lambda m: (m.t, m.key.id))
        next_move = demo_bulk.next_ids(db, [MOVEMENTS])[MOVEMENTS]
        for offset, move in enumerate(self.moves):
            move.id = next_move + offset
        set_rows = []
        piece_rows = []
        open_loans = []
        for key in self.sets:
            at, by, shift = key.created
            state = "in" if any(h for h, _o in key.counts.values()) else "empty"
            set_rows.append(
                (
                    key.id, key.code, key.kind, key.unit_id,
                    key.building if key.kind == "公共区域" else None,
                    key.floor if key.kind == "公共区域" else None,
                    key.place_id, key.name, key.place, int(key.never_lend), state, "",
                    at, by, shift, key.updated_at,
                )
            )  # fmt: skip
            for piece, (held, out) in key.counts.items():
                piece_rows.append((key.id, piece, held, out, at, by, shift, key.updated_at))
            if key.loan is not None:
                open_loans.append((key.loan.id, key.loan.fields["due_back"], key.id))
        move_rows = []
        for move in self.moves:
            f = move.fields
            at, by, shift = f["stamp"]
            move_rows.append(
                (
                    move.id, move.key.id, move.kind, at,
                    json.dumps(move.pieces, ensure_ascii=False, sort_keys=True),
                    f.get("reason", ""),
                    move.loan.id if move.loan is not None and move.kind in ("归还", "遗失")
                    else None,
                    f.get("technician_id"), f.get("borrower_name", ""), f.get("borrower_kind"),
                    f.get("purpose", ""), f.get("due_back"), f.get("approved_by"),
                    f.get("consent_how"), f.get("consent_at"), f.get("repair_order_id"),
                    f.get("person_id"), f.get("agent_name", ""), f.get("agent_id_masked", ""),
                    at, by, shift,
                )
            )  # fmt: skip
        demo_bulk.insert_rows(db, SETS, SET_COLUMNS, set_rows)
        demo_bulk.insert_rows(db, PIECES, PIECE_COLUMNS, piece_rows)
        demo_bulk.insert_rows(db, MOVEMENTS, MOVEMENT_COLUMNS, move_rows)
        db.conn.executemany(
            "UPDATE key_sets SET state = 'out', loan_id = ?, due_back = ? WHERE id = ?",
            open_loans,
        )
        kinds: dict[str, int] = {}
        for key in self.sets:
            kinds[key.kind] = kinds.get(key.kind, 0) + 1
        return {
            "sets": len(set_rows),
            **kinds,
            "movements": len(move_rows),
            "loans": self.loans,
            "late": self.late,
            "lost": self.lost,
            "deposits": self.deposits,
            "collections": self.collections,
            "by_agent": self.by_agent,
            "out": len(open_loans),
        }
