"""The demo estate's fee ledger (收费台账): the standard fee items and the estate's rates
(物业服务费 by unit kind with one or two rises, water, electricity, gas, metered heating,
parking, garbage), and the months of the ledger: billing runs with meter readings,
payments and their receipts (most on time; many a quarter, half a year or a year ahead as
credit; some late with the late fee; a few chronic debtors with the chasing record),
voids, invoices, renovation deposits and their refunds, credit refunds, the Friday cash
handovers and the month-end closes (月结) of every complete month. The history ends with
this month billed, households owing at each stage of chasing (1, 2, 3) and deposits still
held. The ledger covers the whole history of a small estate and the last years of a large
one (``LEDGER_UNIT_MONTHS``: 3 years at 5,000 units), so it is built in seconds.

Deterministic for the plan's seed, from its own random stream (not the demo's shared
one). This module reads the estate and the settings and writes the rows;
demo_ledger_rows lives the months through into rows and demo_ledger_text holds the
constant data. Written in bulk through storage/demo_ledger_bulk.py inside the demo's one
transaction, with one summary audit row (``demo_ledger_created``) carrying the seal of the
rows (storage/money_check.py); the month-end closes go in last, since a closed period
refuses rows dated in it.
"""

from __future__ import annotations

import json
import random
from datetime import date
from typing import TYPE_CHECKING, Any, overload

from desk_app.core.address import parse_unit_address
from desk_app.demo import bulk as demo_bulk
from desk_app.demo import ledger_bulk as bulk
from desk_app.demo.ledger_rows import DeskDays, LedgerHistory, Owner, Terms, UnitPlan
from desk_app.demo.ledger_text import DAY, FLAT_RATES, LOW_RISE_FLOORS, MINUTE, PROPERTY_RATES
from desk_app.demo.plan import DemoPlan, DemoRandom
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import fee_items, late_fees

if TYPE_CHECKING:
    from sqlite_utils import Database


OPERATION = "demo_ledger_created"
LIVING = ("已入住", "出租")


def generate(desk: Desk, plan: DemoPlan, rng: random.Random, staff: list) -> int:
    """The demo generator (``DEMO_GENERATORS``): returns the number of charges written."""
    own = DemoRandom(plan.seed * 1_000_003 + 5)  # independent of other generators
    db = desk.db
    supervisors = [s.id for s in staff if s.role == "supervisor"] or [s.id for s in staff]
    with desk.operation(OPERATION, actor="demo") as op:
        fee_items.install_standard_items(desk)
        items = {item.code: (item.id, item.name) for item in fee_items.fee_items(desk)}
        shifts = demo_bulk.shift_spans(db)
        counts: dict[str, Any] = {"fee_items": len(items)}
        if not shifts:
            _write_rates_today(db, items, plan.until, op.at)
            op.record("charges", None, **counts)
            return 0
        days = DeskDays(shifts, own)
        plans = _unit_plans(db, days)
        history = LedgerHistory(
            own, days, plans, items, _terms(desk), supervisors, bulk.next_ids(db)
        )
        _write_rates(db, history, days, items, supervisors)
        staging = bulk.Staging(db)
        for batch in history.months():
            for table, rows in batch.items():
                staging.add(table, rows)
        written = staging.move()
        # last: a close refuses anything dated in its period
        bulk.insert_rows(db, bulk.PERIOD_CLOSES, bulk.CLOSE_COLUMNS, history.close_rows)
        written[bulk.PERIOD_CLOSES] = len(history.close_rows)
        counts.update(written)
        counts["fee_rates"] = len(history.rate_rows)
        if history.periods:
            counts["periods"] = f"{history.periods[0]}…{history.periods[-1]}"
        op.record("charges", None, **counts, seal=staging.seal())
    return int(written[bulk.CHARGES])


def _terms(desk: Desk) -> Terms:
    values = settings_service.get_all(desk)
    fees = late_fees.late_fee_terms(desk)
    return Terms(
        due_day=int(values["ledger.due_day"]),
        close_day=int(values["ledger.close_day"]),
        grace_days=fees.grace_days,
        late_fee_wan=fees.daily_rate_wan,
        cap_percent=fees.cap_percent,
        handover_weekday=int(values["ledger.handover_weekday"]),
    )


def _unit_plans(db: Database, days: DeskDays) -> list[UnitPlan]:
    """The units as the ledger sees them: area, kind, who owned them from when (day
    indexes of the shift history), whether anyone lives there, and their car."""
    units = bulk.units_for_ledger(db)
    owners: dict[int, list[Owner]] = {}
    for row in bulk.owners_for_ledger(db):
        since = _day(days, row.since, -1)
        until = _day(days, row.until, None) if row.until else None
        owners.setdefault(row.unit_id, []).append(Owner(since, until, row.name, row.person_id))
    handed: dict[int, tuple[int, tuple[str, ...], int, str]] = {}  # unit → fees at, months …
    for paid in bulk.movein_fees(db):
        months = tuple(json.loads(paid.data).get("months", ()))
        handed[paid.unit_id] = (days.seconds(paid.at), months, paid.person_id, paid.name)
    bases: dict[int, list[tuple[str, int, int]]] = {}
    for reading in bulk.movein_base_readings(db):
        day = days.day_of(date.fromisoformat(reading.read_on))
        bases.setdefault(reading.unit_id, []).append((reading.code, reading.reading_centi, day))
    cars: dict[int, int | None] = {}
    for car in bulk.cars_for_ledger(db):
        cars.setdefault(car.unit_id, car.person_id)
    tallest: dict[str, int] = {}
    for unit in units:
        tallest[unit.building] = max(tallest.get(unit.building, 0), unit.floor or 0)
    plans = []
    for unit in units:
        unit_owners = owners.get(unit.id, [])
        fees = handed.get(unit.id)
        if fees is not None and not unit_owners:  # paid at a hand-over not finished yet
            unit_owners = [Owner(fees[0] // DAY, None, fees[3], fees[2])]
        if not unit_owners or not unit.area_centi_m2 or unit.kind not in PROPERTY_RATES:
            continue  # no owner to bill, or no property fee for its kind (车位)
        try:
            place = parse_unit_address(unit.code).long
        except Exception:  # noqa: BLE001 - a code the parser does not know: show it as is
            place = unit.code
        occupied = None
        if unit.status in LIVING:
            occupied = _day(days, unit.movein_date, None) if unit.movein_date else None
            if occupied is None:
                occupied = unit_owners[-1].since + 60
        car_from = None
        if unit.id in cars:
            keeper = next((o for o in unit_owners if o.person_id == cars[unit.id]), None)
            car_from = max((keeper or unit_owners[0]).since, 0)
        plans.append(
            UnitPlan(
                unit_id=unit.id,
                place=place,
                area_centi=unit.area_centi_m2,
                kind=unit.kind,
                low_rise=tallest[unit.building] <= LOW_RISE_FLOORS,
                occupied_from=occupied,
                owners=unit_owners,
                car_from=car_from,
                fees_t=fees[0] if fees is not None else None,
                prepaid=fees[1] if fees is not None else (),
                bases=tuple(bases.get(unit.id, ())),
            )
        )
    return plans


@overload
def _day(days: DeskDays, text: str | None, default: int) -> int: ...
@overload
def _day(days: DeskDays, text: str | None, default: None) -> int | None: ...
def _day(days: DeskDays, text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    try:
        return days.day_of(date.fromisoformat(text[:10]))
    except ValueError:
        return default


def _write_rates(
    db: Database,
    history: LedgerHistory,
    days: DeskDays,
    items: dict[str, tuple[int, str]],
    supervisors: list[int],
) -> None:
    """The rates as a supervisor set them: the first ones when the history begins, each
    rise about six weeks before it takes effect (after the owners were told)."""
    rows = []
    first = days.day_shifts[0][0][0] + 40 * MINUTE if days.day_shifts[0] else 0
    for number, (code, kind, start, price) in enumerate(history.rate_rows):
        set_day = days.day_of(date.fromisoformat(start)) - 45
        t = days.moment(set_day, hour=10) if set_day > 0 else None
        t = first + number if t is None else t
        shift, _by = days.who(t)
        rows.append((items[code][0], kind, start, price, 0, days.text(t), supervisors[0], shift))
    bulk.insert_rows(db, bulk.FEE_RATES, bulk.RATE_COLUMNS, rows)


def _write_rates_today(
    db: Database, items: dict[str, tuple[int, str]], until: date, at: str
) -> None:
    """An estate without history starts at the first rates, from this month on."""
    start = until.replace(day=1).isoformat()
    rows: list[tuple[object, ...]] = [
        (items["property"][0], kind, start, prices[0], 0, at, None, None)
        for kind, prices in PROPERTY_RATES.items()
    ]
    rows += [
        (items[code][0], None, start, price, 0, at, None, None)
        for code, price in FLAT_RATES.items()
    ]
    bulk.insert_rows(db, bulk.FEE_RATES, bulk.RATE_COLUMNS, rows)
