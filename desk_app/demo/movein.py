"""The demo estate's move-in (入住交房), as the desk would have kept it with the program:
the two deliveries of ``demo/delivery.py`` lived through station by station.

The building delivered years ago: its batch, slots and appointments, every unit handed
over (a few 带条件收房), each station done with what the station writes — the owner (or an
agent with 委托书) identified, the first months' property fee paid (the charges and the
receipt are the ledger's: ``demo/ledger.py`` reads the fees stations), the documents
ticked on the archive's paper checklist, the joint inspection's cells and defects, the
meters' base readings (``meter_readings`` of source movein, as
``ledger.billing.record_base_reading`` stores them), the developer's keys (接管, taken in
before the delivery) collected by the owner at the keys station (``key_movements`` 领取,
as ``keys.registry.collect`` writes it) with the 门禁卡, and the archive (收楼日期). Its
defects were repaired and re-inspected long ago (one now and then failed first).

The batch in progress: slots from two weeks ago to three weeks ahead, units booked for
today (the morning after the history) and later, most of the past days' visits closed
(已交房, some 带条件收房, one 拒收), some half done with stations pending, and the
defects' repair orders open — some past their deadline (整改逾期 in the due-now list),
some repaired and awaiting re-inspection.

A defect is a free repair order of source 入住 with its ``due_by`` and no reception entry
(``services.movein.defects.add_defect``), with engineering or referred to the developer's
contractor at once, and lives through the repairs' states as ``services.repairs`` writes
them (events, the callback that the re-inspection closes or reopens). The orders are
numbered with the day's others in the order they were reported (``demo_bulk.renumber``).

Deterministic for the plan's seed, from its own random stream. Written in bulk
(``executemany``) inside the demo's one transaction with one summary audit row
(``demo_movein_created``, carrying the seal of the base readings); the demo's last
operation records the rows' hashes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desk_app.core import movein as rules
from desk_app.core.address import parse_unit_address
from desk_app.core.masking import id_check_char, mask_id_number, validate_id_number
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.demo import bulk as demo_bulk
from desk_app.demo.delivery import Batch, Delivery, Visit, delivery_of
from desk_app.demo.keys import AGENT_REGIONS, AGENTS, MOVEMENT_COLUMNS, PIECE_COLUMNS, SET_COLUMNS
from desk_app.demo.plan import DemoPlan, DemoRandom
from desk_app.demo.repairs import DeskClock
from desk_app.demo.repairs_text import DAY, HOUR, MINUTE
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import fee_items
from desk_app.services.movein import setup
from desk_app.storage.ledger import money_check
from desk_app.storage.repairs import setup as repairs_setup

OPERATION = "demo_movein_created"

BATCHES = "movein_batches"
UNITS = "movein_units"
SLOTS = "movein_slots"
APPOINTMENTS = "movein_appointments"
HANDOVERS = "movein_handovers"
STATIONS = "movein_stations"
CELLS = "movein_cells"
DEFECTS = "movein_defects"
REINSPECTIONS = "movein_reinspections"
ORDERS = "repair_orders"
EVENTS = "repair_events"
CALLBACKS = "callbacks"
ATTEMPTS = "callback_attempts"
KEY_SETS = "key_sets"
KEY_PIECES = "key_pieces"
KEY_MOVEMENTS = "key_movements"
READINGS = "meter_readings"
PAPERS = "archive_papers"

STAMP = ("created_at", "created_by", "created_shift")
BATCH_COLUMNS = ("id", "name", "starts_on", "ends_on", "place", "contact", "note", *STAMP,
                 "updated_at")  # fmt: skip
UNIT_COLUMNS = ("id", "batch_id", "unit_id", "state", "notice_sent_at", "notice_how", *STAMP,
                "updated_at")  # fmt: skip
SLOT_COLUMNS = ("id", "batch_id", "day", "starts", "ends", "capacity", *STAMP)
APPOINTMENT_COLUMNS = ("id", "slot_id", "batch_unit_id", *STAMP, "updated_at")
HANDOVER_COLUMNS = (
    "id", "unit_id", "batch_unit_id", "started_at", "closed_at", "outcome", "outcome_note",
    "person_id", "agent_name", "agent_id_masked", *STAMP, "updated_at",
)  # fmt: skip
STATION_COLUMNS = (
    "handover_id", "station", "state", "reason", "data", *STAMP, "updated_at", "done_by", "done_at"
)  # fmt: skip
CELL_COLUMNS = ("handover_id", "room", "item", "result", *STAMP)
DEFECT_COLUMNS = (
    "id", "handover_id", "unit_id", "room", "item", "category", "note", "repair_order_id",
    "due_on", "state", "closed_at", *STAMP, "updated_at",
)  # fmt: skip
REINSPECTION_COLUMNS = ("defect_id", "passed", "note", "repair_order_id", *STAMP)
ORDER_COLUMNS = (*demo_bulk.ORDER_COLUMNS, "source", "due_by")
READING_COLUMNS = ("id", "unit_id", "item_id", "period", "reading_centi", "read_on", "source",
                   *STAMP)  # fmt: skip
PAPER_COLUMNS = ("unit_id", "paper", "on_file", "updated_at", "updated_by", "updated_shift")

SOURCE = "入住"  # repair_orders.source of a defect (services.movein.defects.SOURCE)
PLACE = "售楼处一楼交房大厅"
NOTICE_WAYS = ("短信", "短信", "电话", "微信")  # told without paper (the printed notices are
# filed in ``documents`` by the print service; these were sent by message or by phone)
CARD_PREFIX = "MJ"
AGENT_EVERY = 9  # every how many visits an agent comes with the owner's 委托书
DEFECT_NOTES = {
    "空鼓": "面积约 0.3 平方米",
    "裂缝": "细微裂缝，长约 40 厘米",
    "渗水": "雨后有水印",
    "破损": "边角破损",
    "划痕": "表面划痕明显",
    "不平整": "高低差约 5 毫米",
    "污染": "有油漆污渍",
    "功能故障": "无法正常使用",
    "缺件": "配件缺失",
}
WORK = {
    "空鼓": "凿除空鼓部位，重新抹灰找平",
    "裂缝": "裂缝处开槽修补，重新刷漆",
    "渗水": "查明渗水点，重做防水",
    "功能故障": "更换故障部件，调试正常",
    "缺件": "补装缺失配件",
}
WORK_DONE = "已按验房要求整改"
TRADES = {"给排水": "水电", "燃气": "水电", "暖气": "水电", "电气/开关插座": "水电", "对讲": "弱电"}
RESERVATION = "业主同意收房，以下遗留问题须按期整改："
RESERVATION_PLAIN = "业主保留意见：入户门漆面有轻微色差，待整改后确认"
REFUSAL = "业主以渗水问题未整改为由拒绝收房，整改复验后再约"
REINSPECT_OK = "复验合格"
FAILED_RECHECK = "仍有问题，须重新整改"
FAILED_COMMENT = f"复验不合格：{FAILED_RECHECK}"
# the stations a half-done visit has done (the rest pending): identity first, always
HALF_DONE = (
    ("identity", "fees", "documents"),
    ("identity", "fees", "documents", "inspection"),
    ("identity", "documents", "inspection"),
    ("identity", "fees", "documents", "inspection", "meters"),
)
REFUSED_DONE = ("identity", "inspection")


@dataclass(slots=True)
class _Unit:
    id: int
    code: str
    building: str
    kind: str
    location: str
    owner: tuple[int, str, str | None] | None  # person id, name, phone


@dataclass(slots=True)
class _Rows:
    batches: list[tuple] = field(default_factory=list)
    units: list[tuple] = field(default_factory=list)
    slots: list[tuple] = field(default_factory=list)
    appointments: list[tuple] = field(default_factory=list)
    handovers: list[tuple] = field(default_factory=list)
    stations: list[tuple] = field(default_factory=list)
    cells: list[tuple] = field(default_factory=list)
    defects: list[tuple] = field(default_factory=list)
    reinspections: list[tuple] = field(default_factory=list)
    orders: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    callbacks: list[tuple] = field(default_factory=list)
    attempts: list[tuple] = field(default_factory=list)
    key_sets: list[tuple] = field(default_factory=list)
    key_pieces: list[tuple] = field(default_factory=list)
    key_movements: list[tuple] = field(default_factory=list)  # (t, row without its id)
    readings: list[tuple] = field(default_factory=list)
    papers: list[tuple] = field(default_factory=list)


def generate(desk: Desk, plan: DemoPlan, rng: random.Random, staff: list) -> int:
    """The demo generator (``DEMO_GENERATORS``): returns the number of hand-overs written."""
    own = DemoRandom(plan.seed * 1_000_003 + 7)  # independent of other generators
    shifts = demo_bulk.shift_spans(desk.db)
    delivery = delivery_of(desk.db, plan)
    with desk.operation(OPERATION, actor="demo") as op:
        if not shifts or not delivery.batches():
            op.record(BATCHES, None, batches=0)
            return 0
        fee_items.install_standard_items(desk)
        history = _MoveIn(desk, own, DeskClock(shifts, own), delivery)
        counts = history.run()
        op.record(BATCHES, None, None, **counts)
    return int(counts["handovers"])


class _MoveIn:
    def __init__(self, desk: Desk, rng: DemoRandom, clock: DeskClock, delivery: Delivery) -> None:
        self.desk, self.db, self.rng, self.clock = desk, desk.db, rng, clock
        self.delivery = delivery
        self.rows = _Rows()
        db = self.db
        self.ids = demo_bulk.next_ids(
            db,
            [BATCHES, UNITS, SLOTS, APPOINTMENTS, HANDOVERS, DEFECTS, ORDERS, CALLBACKS,
             KEY_SETS, KEY_MOVEMENTS, READINGS],
        )  # fmt: skip
        self.stations = [s.id for s in setup.stations(desk)]
        self.to_sign = setup.documents_to_sign(desk)
        self.handbooks = setup.handbooks(desk)
        self.items = setup.items(desk)
        self.categories = setup.defect_categories(desk)
        self.defect_days = setup.defect_days(desk)
        self.contractor = (setup.contractors(desk) or ["开发商维修单位"])[0]
        rule = setup.fee_rule(desk)
        self.fee_months, self.fee_day = rule.months, rule.start_day
        self.contact = str(settings_service.get(self.desk, "estate.phone") or "")
        self.rooms: dict[str, list[str]] = {}
        technicians = [
            t for t in repairs_setup.technicians(db, active_only=True) if t.kind == "工程部"
        ] or repairs_setup.technicians(db, active_only=True)
        self.trades: dict[str, list[tuple[int, str]]] = {}
        for tech in sorted(technicians, key=lambda t: t.id):
            self.trades.setdefault(tech.specialty or "", []).append((tech.id, tech.name))
        self.everyone = [t for rows in self.trades.values() for t in rows]
        self.meters = {
            meter: item.id
            for meter, code in rules.METER_ITEMS.items()
            if (item := fee_items.fee_item(desk, code)) is not None
        }
        self.order_days: set[str] = set()
        self.visits = 0
        self.forced_late = 0  # the batch's first late defects (whatever the estate's size)
        self.counts = {"handovers": 0, "defects": 0, "open_defects": 0, "late": 0}
        self.today = clock.last_day + 1  # the demo's "now": the morning after the last shift
        last = db.execute("SELECT max(code) FROM key_sets").fetchone()[0]
        self.next_code = int(last[1:]) + 1 if last else 1
        self.hooks = db.execute("SELECT count(*) FROM key_sets").fetchone()[0]

    # --- helpers ------------------------------------------------------------------------

    def _id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _stamp(self, t: int) -> tuple[int, tuple[str, int, int]]:
        """The moment the desk records ``t`` (a clerk on duty) and its (at, by, shift)."""
        moment = self.clock.act(t)
        if moment is None:  # past the history's end: its last minute
            moment = (self.clock.horizon - MINUTE, len(self.clock.starts) - 1)
        t, i = moment
        return t, (self.clock.text(t), self.clock.ops[i], self.clock.ids[i])

    def _index(self, day: date) -> int:
        return (day - self.clock.first_day).days

    def _date(self, t: int) -> date:
        return self.clock.first_day + timedelta(days=t // DAY)

    def _rooms(self, kind: str) -> list[str]:
        if kind not in self.rooms:
            self.rooms[kind] = setup.rooms_for(self.desk, kind)
        return self.rooms[kind]

    def _order_no(self, t: int, order_id: int) -> str:
        """A number of the day for now; ``demo_bulk.renumber_orders`` numbers the day's
        orders again in the order they were reported."""
        prefix = self.clock.prefixes["WX"][t // DAY]
        self.order_days.add(prefix)
        return f"{prefix}#{order_id}"

    # --- the estate ---------------------------------------------------------------------

    def _units(self) -> dict[int, _Unit]:
        owners: dict[int, tuple[int, str, str | None]] = {}
        for unit_id, person_id, name, phone in self.db.execute(
            "SELECT o.unit_id, o.person_id, p.name, p.phone FROM occupancies o "
            "JOIN people p ON p.id = o.person_id WHERE o.role = 'owner' "
            "ORDER BY o.unit_id, coalesce(o.since, ''), o.id"
        ):
            owners.setdefault(unit_id, (person_id, name, phone))  # the first: who received it
        wanted = self.delivery.units()
        units = {}
        for unit_id, code, building, kind in self.db.execute(
            "SELECT id, code, building, kind FROM units ORDER BY id"
        ):
            if unit_id not in wanted:
                continue
            try:
                location = parse_unit_address(code).long
            except ValueError:
                location = code
            units[unit_id] = _Unit(unit_id, code, building, kind, location, owners.get(unit_id))
        return units

    def run(self) -> dict[str, Any]:
        units = self._units()
        for batch in self.delivery.batches():
            self._batch(batch, units)
        return self._write()

    # --- a batch ------------------------------------------------------------------------

    def _at(self, day: date, hour: int, spread: int = 0) -> int:
        return self._index(day) * DAY + hour * HOUR + (self.rng.between(0, spread) if spread else 0)

    def _batch(self, batch: Batch, units: dict[int, _Unit]) -> None:
        rng, rows = self.rng, self.rows
        members = [units[v.unit_id] for v in batch.visits if v.unit_id in units]
        buildings = list(dict.fromkeys(u.building for u in members))
        batch_id = self._id(BATCHES)
        _created, (at, by, shift) = self._stamp(self._at(batch.created_on, 10, 2 * HOUR))
        name = f"{'、'.join(buildings)}栋{batch.name}"
        note = "开发商集中交付，分时段预约办理"
        rows.batches.append(
            (batch_id, name, batch.starts_on.isoformat(), batch.ends_on.isoformat(), PLACE,
             self.contact, note, at, by, shift, None)
        )  # fmt: skip
        slot_ids = []
        for day, starts, ends in batch.slots:
            slot_id = self._id(SLOTS)
            slot_ids.append(slot_id)
            rows.slots.append(
                (slot_id, batch_id, day.isoformat(), starts, ends, batch.capacity, at, by, shift)
            )
        taken = self._stamp(self._at(batch.keys_taken_on, 9, 2 * HOUR))
        sent, (sent_at, _b, _s) = self._stamp(self._at(batch.created_on + timedelta(1), 10, HOUR))
        how = rng.one(NOTICE_WAYS)
        for visit in batch.visits:
            unit = units.get(visit.unit_id)
            if unit is None:
                continue
            key_set = self._developer_keys(unit, taken)
            batch_unit = self._id(UNITS)
            updated = sent_at
            slot_start = None
            if visit.slot is not None:
                day, starts, _ends = batch.slots[visit.slot]
                slot_start = (
                    self._index(day) * DAY + int(starts[:2]) * HOUR + int(starts[3:]) * MINUTE
                )
                lead = rng.between(DAY, min(12 * DAY, max(DAY, slot_start - sent - HOUR)))
                when = min(slot_start - lead, self.clock.horizon - rng.between(HOUR, 3 * DAY))
                _bt, (b_at, b_by, b_shift) = self._stamp(max(when, sent + HOUR))
                rows.appointments.append(
                    (self._id(APPOINTMENTS), slot_ids[visit.slot], batch_unit, b_at, b_by, b_shift,
                     None)
                )  # fmt: skip
                updated = b_at
            if visit.state in ("办理中", *rules.OUTCOMES) and slot_start is not None:
                assert unit.owner is not None
                updated = self._handover(batch, unit, visit, batch_unit, slot_start, key_set)
            rows.units.append(
                (batch_unit, batch_id, unit.id, visit.state, sent_at if visit.sold else None,
                 how if visit.sold else "", at, by, shift, updated)
            )  # fmt: skip

    def _developer_keys(self, unit: _Unit, taken: tuple[int, tuple[str, int, int]]) -> list:
        """The developer's keys of the unit, taken in (入库) with the building (接管)."""
        t, (at, by, shift) = taken
        set_id = self._id(KEY_SETS)
        code = f"K{self.next_code:07d}"
        self.next_code += 1
        n = self.hooks
        self.hooks += 1
        hook = f"{chr(65 + n // 100)}柜-{n % 100 + 1:03d}"
        pieces = {piece: 2 for piece in UNIT_KEY_TYPES}
        # the columns of SET_COLUMNS: state at 10, created at 12–14, updated_at at 15
        key = [set_id, code, "接管", unit.id, None, None, None, "", hook, 0, "in", "", at, by,
               shift, None]  # fmt: skip
        self.rows.key_sets.append(key)  # type: ignore[arg-type]
        self._movement(t, (set_id, "入库", at, pieces, {}), (at, by, shift))
        return [key, pieces]

    def _movement(
        self, t: int, what: tuple[int, str, str, dict[str, int], dict[str, Any]], stamp: tuple
    ) -> None:
        set_id, kind, at, pieces, f = what
        by, shift = stamp[1], stamp[2]
        self.rows.key_movements.append(
            (t, (set_id, kind, at, json.dumps(pieces, ensure_ascii=False, sort_keys=True), "",
                 None, None, "", None, "", None, None, None, None, None, f.get("person_id"),
                 f.get("agent_name", ""), f.get("agent_id_masked", ""), at, by, shift))
        )  # fmt: skip

    # --- one hand-over ------------------------------------------------------------------

    def _handover(
        self,
        batch: Batch,
        unit: _Unit,
        visit: Visit,
        batch_unit: int,
        slot_start: int,
        key_set: list,
    ) -> str:
        """One visit of the owner, station by station (each saved a few minutes after the
        last, the inspection's cells as it goes); returns the batch unit's last change."""
        rng, rows = self.rng, self.rows
        assert unit.owner is not None
        person_id, name, phone = unit.owner
        old = batch is self.delivery.old
        outcome = visit.state if visit.state in rules.OUTCOMES else None
        if outcome in ("已交房", "带条件收房"):
            done: tuple[str, ...] = tuple(s for s in self.stations if s != "archive")
        elif outcome == "拒收":
            done = REFUSED_DONE
        else:
            done = HALF_DONE[self.visits % len(HALF_DONE)]
        self.visits += 1
        handover_id = self._id(HANDOVERS)
        start, (started_at, by, shift) = self._stamp(slot_start + rng.between(0, 2 * HOUR))
        day = self._date(start)
        self.counts["handovers"] += 1
        agent = agent_masked = ""
        if self.visits % AGENT_EVERY == 0:
            birth = f"{rng.between(1960, 2000)}{rng.between(1, 12):02d}{rng.between(1, 28):02d}"
            first17 = f"{rng.one(AGENT_REGIONS)}{birth}{rng.between(0, 999):03d}"
            agent = rng.one(AGENTS)
            agent_masked = mask_id_number(validate_id_number(first17 + id_check_char(first17)))
        rooms = self._rooms(unit.kind)
        defects = self._findings(rooms, old, outcome) if "inspection" in done else []
        # when each station done is saved (the inspection from ``looked`` on)
        t = start
        moments: dict[str, tuple[int, tuple[str, int, int]]] = {}
        looked = start
        for station in self.stations:
            if station not in done:
                continue
            if station == "inspection":
                looked = t + MINUTE
                t += rng.between(25 * MINUTE, 45 * MINUTE)
            else:
                t += rng.between(3 * MINUTE, 9 * MINUTE)
            moments[station] = self._stamp(t)
        saved: dict[str, tuple[str, dict[str, Any], str | None, int | None]] = {}
        for station in self.stations:
            if station not in moments:
                continue
            moment = moments[station]
            if station == "identity":
                data: dict[str, Any] = {
                    "person_id": person_id,
                    "name": name,
                    "agent_name": agent,
                    "agent_id_masked": agent_masked,
                    "power_of_attorney": bool(agent),
                }
            elif station == "fees":
                first = rules.fee_start_month(day, self.fee_day)
                data = {"months": rules.months_from(first, self.fee_months)}
            elif station == "documents":
                data = self._documents(unit, moment[1])
            elif station == "inspection":
                data = self._inspection(
                    handover_id, unit, rooms, defects, (looked, moment[0]), name, phone, old
                )
            elif station == "meters":
                data = self._meters(unit, day, moment[1])
            else:
                data = self._keys(unit, key_set, moment, person_id, agent, agent_masked)
            saved[station] = ("done", data, moment[1][0], moment[1][1])
        closed_at: str | None = None
        note = ""
        last_change = started_at  # the batch unit: 办理中 from the start
        if outcome is not None:
            _ct, (closed_at, closed_by, _cs) = self._stamp(t + rng.between(3 * MINUTE, 6 * MINUTE))
            if outcome == "带条件收房":
                listed = "、".join(f"{r}{i}{c}" for r, i, c in defects[:3])
                note = RESERVATION + listed if listed else RESERVATION_PLAIN
            elif outcome == "拒收":
                note = REFUSAL
            else:
                note = ""
            if outcome != "拒收":
                saved["archive"] = (
                    "done",
                    {"outcome": outcome, "receive_date": day.isoformat(), "unit_status": "已交房"},
                    closed_at,
                    closed_by,
                )
            last_change = closed_at
        for station in self.stations:
            state, data, at, done_by = saved.get(station, ("pending", {}, None, None))
            rows.stations.append(
                (handover_id, station, state, "", json.dumps(data, ensure_ascii=False),
                 started_at, by, shift, at, done_by, at)
            )  # fmt: skip
        identity_at = moments["identity"][1][0]
        rows.handovers.append(
            (handover_id, unit.id, batch_unit, started_at, closed_at, outcome, note, person_id,
             agent, agent_masked, started_at, by, shift, closed_at or identity_at)
        )  # fmt: skip
        return last_change

    def _findings(
        self, rooms: list[str], old: bool, outcome: str | None
    ) -> list[tuple[str, str, str]]:
        """The defects the joint inspection finds: (room, item, category), one per cell;
        a refusal (and most reservations) is about water coming in."""
        rng = self.rng
        found: list[tuple[str, str, str]] = []
        if rng.random() < (0.3 if old else 0.5):
            for _ in range(rng.between(1, 3)):
                defect = (rng.one(rooms), rng.one(self.items), rng.one(self.categories))
                if all(d[:2] != defect[:2] for d in found):
                    found.append(defect)
        if outcome == "拒收" or (outcome == "带条件收房" and not found and rng.random() < 0.7):
            category = "渗水" if "渗水" in self.categories else self.categories[0]
            room = next((r for r in rooms if "卫生间" in r), rooms[-1])
            item = "给排水" if "给排水" in self.items else self.items[0]
            if all(d[:2] != (room, item) for d in found):
                found.append((room, item, category))
        return found

    def _documents(self, unit: _Unit, stamp: tuple[str, int, int]) -> dict[str, Any]:
        """Every document signed, on the archive's paper checklist."""
        at, by, shift = stamp
        for paper in self.to_sign:
            self.rows.papers.append((unit.id, paper, 1, at, by, shift))
        return {"signed": list(self.to_sign), "handbooks": list(self.handbooks), "missing": []}

    def _meters(self, unit: _Unit, day: date, stamp: tuple[str, int, int]) -> dict[str, Any]:
        """The base readings (底数) of a new unit's meters, kept as the hand-over month's
        reading (``billing.record_base_reading``)."""
        at, by, shift = stamp
        rng = self.rng
        period = f"{day.year:04d}-{day.month:02d}"
        data: dict[str, Any] = {}
        for meter, item_id in self.meters.items():
            centi = rng.between(0, {"水": 3_000, "电": 20_000}.get(meter, 1_500))
            reading_id = self._id(READINGS)
            self.rows.readings.append(
                (reading_id, unit.id, item_id, period, centi, day.isoformat(), "movein", at, by,
                 shift)
            )  # fmt: skip
            data[meter] = {"reading": f"{centi // 100}.{centi % 100:02d}", "reading_id": reading_id}
        return data

    def _keys(
        self,
        unit: _Unit,
        key_set: list,
        moment: tuple[int, tuple[str, int, int]],
        person_id: int,
        agent: str,
        agent_masked: str,
    ) -> dict[str, Any]:
        """Every key of the developer's set collected by the owner (领取), two 门禁卡."""
        t, stamp = moment
        row, pieces = key_set
        f = {"person_id": person_id, "agent_name": agent, "agent_id_masked": agent_masked}
        self._movement(t, (row[0], "领取", stamp[0], pieces, f), stamp)
        row[10] = "empty"
        row[15] = stamp[0]
        cards = [f"{CARD_PREFIX}{unit.id:06d}-{n}" for n in (1, 2)]
        return {"keys": [{"code": row[1], "pieces": dict(pieces)}], "cards": cards}

    def _inspection(
        self,
        handover_id: int,
        unit: _Unit,
        rooms: list[str],
        defects: list[tuple[str, str, str]],
        span: tuple[int, int],
        name: str,
        phone: str | None,
        old: bool,
    ) -> dict[str, Any]:
        """Every cell saved as the inspection goes (``span``: its first and last minute),
        each defect with its repair order."""
        begin, end = span
        bad = {(r, i): c for r, i, c in defects}
        cells = [(room, item) for room in rooms for item in self.items]
        step = max(end - begin - MINUTE, len(cells))
        for n, (room, item) in enumerate(cells):
            t, (at, by, shift) = self._stamp(begin + n * step // len(cells))
            result = "有问题" if (room, item) in bad else "合格"
            self.rows.cells.append((handover_id, room, item, result, at, by, shift))
            if (room, item) in bad:
                self._defect(unit, handover_id, name, phone, (room, item, bad[room, item]), t, old)
        return {"cells": len(cells), "defects": len(defects), "ok": len(cells) - len(defects)}

    # --- a defect and its repair order --------------------------------------------------

    def _defect(
        self,
        unit: _Unit,
        handover_id: int,
        name: str,
        phone: str | None,
        where: tuple[str, str, str],
        t: int,
        old: bool,
    ) -> None:
        """The defect and its free repair order (source 入住, due in the working days of the
        setting), referred to the developer's contractor at once or dispatched to
        engineering, and lived through: the old delivery's repaired and re-inspected (now
        and then failed the first time), the batch's as far as the history goes."""
        rng, clock = self.rng, self.clock
        room, item, category = where
        t, (at, by, shift) = self._stamp(t)
        day = self._date(t)
        due_on = rules.add_working_days(day, self.defect_days).isoformat()
        note = DEFECT_NOTES.get(category, "")
        defect_id = self._id(DEFECTS)
        order_id = self._id(ORDERS)
        self.counts["defects"] += 1
        content = f"入住验房遗留问题：{room} {item} {category}" + (f"：{note}" if note else "")
        o: dict[str, Any] = {"status": "登记", "technician_id": None, "dispatched_at": None,
                             "arrived_at": None, "completed_at": None, "work_done": "",
                             "contractor": "", "closed_at": None, "updated_at": at,
                             "signed": 0, "signed_by": ""}  # fmt: skip
        events = self.rows.events
        events.append((order_id, at, None, "登记", "", by, shift))
        now = clock.horizon

        def event(when: int, to: str, detail: str) -> tuple[int, str] | None:
            """A change recorded by the clerk on duty (None: not by the end of the history)."""
            moment = clock.act(when)
            if moment is None or moment[0] >= now:
                return None
            w, i = moment
            e_at = clock.text(w)
            events.append((order_id, e_at, o["status"], to, detail, clock.ops[i], clock.ids[i]))
            o["status"], o["updated_at"] = to, e_at
            return w, e_at

        tech = None
        if self.everyone and rng.random() >= 0.3:
            tech = rng.one(self.trades.get(TRADES.get(item, "土建门窗")) or self.everyone)
        if tech is None:  # referred in the defect's own operation
            o["contractor"] = self.contractor
            event(t, "转外单位", f"转 {self.contractor}")
            last = t
        else:
            moved = event(t + rng.between(2 * MINUTE, 25 * MINUTE), "已派工", f"派工给 {tech[1]}")
            last = t
            if moved is not None:
                o["technician_id"], o["dispatched_at"] = tech[0], moved[1]
                last = moved[0]
        deadline = self._index(date.fromisoformat(due_on)) * DAY + 18 * HOUR
        stuck = False
        if not old and deadline < now and o["status"] != "登记":
            stuck = self.forced_late < 2 or rng.random() < 0.45
            self.forced_late += stuck
        fail_first = old and tech is not None and rng.random() < 0.06
        closed_at = None
        for round_ in range(2):
            if stuck or o["status"] == "登记":
                break
            visit = clock.working_hours(last + rng.between(20 * HOUR, 4 * DAY))
            if tech is not None:
                arrived = event(visit, "维修中", "维修人员到场")
                if arrived is None:
                    break
                o["arrived_at"] = clock.text(visit)
                last = max(visit, arrived[0])
            done_t = clock.working_hours(max(visit, last) + rng.between(HOUR, 5 * HOUR))
            if not old and round_ == 0 and rng.random() < 0.25:
                done_t += 2 * DAY  # slower than the deadline would like
            completed = event(done_t, "已完工", "完工")
            if completed is None:
                break
            last = completed[0]
            work = WORK.get(category, WORK_DONE)
            o["completed_at"] = clock.text(done_t)
            o["work_done"] = work if round_ == 0 else f"返修：{work}"
            o["signed"], o["signed_by"] = 1, name
            callback_id = self._id(CALLBACKS)
            created = self._stamp(last)[1]
            # the owner comes to look a day or a few after (till then: 待复验)
            recheck = clock.act(last + rng.between(DAY, 3 * DAY))
            if recheck is None or recheck[0] >= now:
                self.rows.callbacks.append(
                    (callback_id, order_id, None, clock.text(done_t), clock.end_of_day(done_t),
                     "due", 0, None, "", "", None, None, *created)
                )  # fmt: skip
                break
            r_t, (r_at, r_by, r_shift) = self._stamp(recheck[0])
            passed = not (fail_first and round_ == 0)
            result, comment = ("满意", REINSPECT_OK) if passed else ("不满意", FAILED_COMMENT)
            self.rows.attempts.append((callback_id, r_at, 1, result, comment, r_by, r_shift))
            self.rows.callbacks.append(
                (callback_id, order_id, None, clock.text(done_t), clock.end_of_day(done_t),
                 "done", 1, result, comment, "" if passed else "reopened", r_at, r_by, *created)
            )  # fmt: skip
            self.rows.reinspections.append(
                (defect_id, int(passed), "" if passed else FAILED_RECHECK, order_id, r_at, r_by,
                 r_shift)
            )  # fmt: skip
            if passed:
                event(r_t, "已回访", f"回访：{result}")
                o["closed_at"] = closed_at = r_at
                break
            event(r_t, "已派工", f"回访不满意，返修：{comment}")
            o["arrived_at"] = o["completed_at"] = None
            last = r_t
        if closed_at is None:
            self.counts["open_defects"] += 1
            today = self._date(self.today * DAY).isoformat()
            if o["status"] not in ("已完工", "已回访", "已取消") and due_on < today:
                self.counts["late"] += 1
        self.rows.defects.append(
            (defect_id, handover_id, unit.id, room, item, category, note, order_id, due_on,
             "待整改" if closed_at is None else "已复验", closed_at, at, by, shift,
             closed_at or at)
        )  # fmt: skip
        self.rows.orders.append(
            (order_id, self._order_no(t, order_id), at, unit.id, None, unit.location,
             unit.building, name, phone or "", content, "", "一般", o["status"],
             o["technician_id"], o["dispatched_at"], o["arrived_at"], o["completed_at"],
             o["work_done"], 0, 0, 0, o["signed"], o["signed_by"], o["contractor"], "",
             o["closed_at"], None, f"入住交房，无偿维修，{due_on} 前完成", at, by, shift,
             o["updated_at"], SOURCE, due_on)
        )  # fmt: skip

    # --- the rows -----------------------------------------------------------------------

    def _write(self) -> dict[str, Any]:
        db, rows = self.db, self.rows
        rows.key_movements.sort(key=lambda m: m[0])
        first_move = self.ids[KEY_MOVEMENTS]
        movements = [(first_move + n, *row) for n, (_t, row) in enumerate(rows.key_movements)]
        pieces = []
        for row in rows.key_sets:
            for piece in UNIT_KEY_TYPES:
                emptied = row[10] == "empty"
                pieces.append(
                    (row[0], piece, 0 if emptied else 2, 0, row[12], row[13], row[14], row[15])
                )
        demo_bulk.insert_rows(db, BATCHES, BATCH_COLUMNS, rows.batches)
        demo_bulk.insert_rows(db, UNITS, UNIT_COLUMNS, rows.units)
        demo_bulk.insert_rows(db, SLOTS, SLOT_COLUMNS, rows.slots)
        demo_bulk.insert_rows(db, APPOINTMENTS, APPOINTMENT_COLUMNS, rows.appointments)
        demo_bulk.insert_rows(db, HANDOVERS, HANDOVER_COLUMNS, rows.handovers)
        demo_bulk.insert_rows(db, STATIONS, STATION_COLUMNS, rows.stations)
        demo_bulk.insert_rows(db, CELLS, CELL_COLUMNS, rows.cells)
        demo_bulk.insert_rows(db, ORDERS, ORDER_COLUMNS, rows.orders)
        demo_bulk.renumber_orders(db, self.order_days)
        demo_bulk.insert_rows(db, EVENTS, demo_bulk.EVENT_COLUMNS, rows.events)
        demo_bulk.insert_rows(db, CALLBACKS, demo_bulk.CALLBACK_COLUMNS, rows.callbacks)
        demo_bulk.insert_rows(db, ATTEMPTS, demo_bulk.ATTEMPT_COLUMNS, rows.attempts)
        rows.defects.sort(key=lambda d: d[0])
        demo_bulk.insert_rows(db, DEFECTS, DEFECT_COLUMNS, rows.defects)
        demo_bulk.insert_rows(db, REINSPECTIONS, REINSPECTION_COLUMNS, rows.reinspections)
        demo_bulk.insert_rows(db, KEY_SETS, SET_COLUMNS, rows.key_sets)
        demo_bulk.insert_rows(db, KEY_PIECES, PIECE_COLUMNS, pieces)
        demo_bulk.insert_rows(db, KEY_MOVEMENTS, MOVEMENT_COLUMNS, movements)
        demo_bulk.insert_rows(db, READINGS, READING_COLUMNS, rows.readings)
        db.conn.executemany(
            "INSERT INTO archive_papers (unit_id, paper, on_file, updated_at, updated_by, "
            "updated_shift) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, paper) DO UPDATE SET "
            "on_file = excluded.on_file, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by, updated_shift = excluded.updated_shift",
            rows.papers,
        )
        counts: dict[str, Any] = {
            "batches": len(rows.batches),
            "units": len(rows.units),
            "slots": len(rows.slots),
            "appointments": len(rows.appointments),
            **self.counts,
            "orders": len(rows.orders),
            "key_sets": len(rows.key_sets),
            "readings": len(rows.readings),
        }
        if rows.readings:
            counts["seal"] = {
                READINGS: money_check.seal(db, READINGS, rows.readings[0][0], rows.readings[-1][0])
            }
        return counts
