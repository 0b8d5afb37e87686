"""The billing sheet (计费表): meter readings (抄表), a period's charges for the estate or a
part of it worked out for review, then posted in one transaction.

A preview line is billable or says why not (no area, no rate, no reading, the first
reading of a meter, already billed). Posting works the lines out again inside its own
``BEGIN IMMEDIATE`` transaction, inserts every billable charge with source 'billing' and
the period as source_ref (the UNIQUE index refuses a second billing of a unit and item),
and writes the ``billing_runs`` row with them. Rates are those in force on the due date,
so a new rate never changes charges already made; posted charges are never edited
(corrections are adjustments, ``ledger.adjust_charge``).

Reads are one query per item for the whole scope, so billing thousands of units stays a
handful of queries.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from desk_app.core import ledger_rules
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen, format_quantity
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import fee_items, periods
from desk_app.services.operations import Done
from desk_app.storage.ledger import billing as billing_store
from desk_app.storage.ledger import money_check
from desk_app.storage.ledger.billing import NewReading, RunRow, ScopeUnit
from desk_app.storage.ledger.charges import NewCharge
from desk_app.storage.ledger.fee_items import FeeItemRow, RateRow

__all__ = ["RunRow"]

BILLED_KINDS = ("area", "metered", "fixed")
SOURCE = billing_store.BILLING_SOURCE
ABSURD_FACTOR = 10

FIRST_READING = "首次抄表，作为底数"
NO_READING = "未抄表"
NO_AREA = "没有建筑面积"
NO_RATE = "没有收费标准"
ALREADY_BILLED = "本期已计费"
ZERO_AMOUNT = "金额为零，不计费"

_PERIOD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- periods, dates and readings as typed -------------------------------------------------------


def parse_period(text: str) -> str:
    """``2026-12``, ``2026-1``, ``2026年12月``, ``202612`` → ``2026-12``."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    match = _PERIOD.fullmatch(value)
    if match:
        year, month = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        if 2000 <= int(year) <= 2099 and 1 <= int(month) <= 12:
            return f"{int(year):04d}-{int(month):02d}"
    raise ValidationError(
        f"计费月份格式不正确：{(text or '').strip()}（如 2026-12）", field="period"
    )


def building_code(value: str | None) -> str | None:
    """``3``, ``3栋``, ``3号楼`` → ``3``; blank → None (every building)."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).strip().upper()
    for suffix in ("号楼", "栋", "幢", "座"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text or None


def next_period(today: date) -> str:
    """The month after ``today``'s: billing is prepared ahead of the month it bills."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year:04d}-{month:02d}"


def default_due_on(desk: Desk, period: str) -> str:
    """The period's due day (setting ``ledger.due_day``), e.g. ``2026-12-15``."""
    day = int(settings_service.get(desk, "ledger.due_day"))
    return f"{parse_period(period)}-{day:02d}"


def _due(desk: Desk, period: str, due_on: str | None) -> str:
    if due_on is None or not str(due_on).strip():
        return default_due_on(desk, period)
    value = str(due_on).strip()
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"应缴日期格式不正确：{value}（如 2026-12-15）", field="due_on"
        ) from None
    return value


def parse_reading_centi(text: str, label: str = "本次读数") -> int:
    """A meter reading as typed (``1234``, ``1234.5``) in hundredths of the meter's unit."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    whole, dot, part = value.partition(".")
    if not whole.isdigit() or (dot and not part.isdigit()) or len(part) > 2 or len(whole) > 9:
        raise ValidationError(f"{label}格式不正确：{value}（数字，最多两位小数）", field="reading")
    return int(whole) * 100 + (int(part.ljust(2, "0")) if part else 0)


def reading_text(centi: int | None) -> str:
    return "" if centi is None else format_quantity(centi)


# --- items and rates ------------------------------------------------------------------------------


def billable_items(desk: Desk) -> list[FeeItemRow]:
    """The active items a billing sheet can carry (by area, by meter, fixed monthly)."""
    return [i for i in fee_items.fee_items(desk) if i.active and i.kind in BILLED_KINDS]


def metered_items(desk: Desk) -> list[FeeItemRow]:
    return [i for i in billable_items(desk) if i.kind == "metered"]


def rates(desk: Desk) -> list[RateRow]:
    """Every rate ever set, per item by effective date (the fee setup's list)."""
    return billing_store.all_rates(desk.db)


def buildings(desk: Desk) -> list[str]:
    return billing_store.buildings_with_units(desk.db)


def _items(desk: Desk, codes: Sequence[str]) -> list[FeeItemRow]:
    if not codes:
        raise ValidationError("请选择要计费的收费项目。", field="items")
    items: list[FeeItemRow] = []
    for code in codes:
        item = fee_items.fee_item(desk, code.strip().lower())
        if item.kind not in BILLED_KINDS:
            raise ValidationError(
                f"“{item.name}”是{fee_items.FEE_KIND_LABELS[item.kind]}项目，不在计费表中，"
                "请逐户收取。",
                field="items",
            )
        if item not in items:
            items.append(item)
    return items


def _metered_item(desk: Desk, code: str) -> FeeItemRow:
    item = fee_items.fee_item(desk, code.strip().lower())
    if item.kind != "metered":
        raise ValidationError(f"“{item.name}”不是按读数收费的项目。", field="item")
    return item


@dataclass(frozen=True)
class _RatesInForce:
    by_kind: dict[str, RateRow]
    for_all: RateRow | None

    @property
    def none(self) -> bool:
        return not self.by_kind and self.for_all is None

    def for_unit(self, kind: str) -> RateRow | None:
        # A rate for the unit's kind comes before a rate for every kind (ledger.rate_on).
        return self.by_kind.get(kind) or self.for_all


def _rates_in_force(desk: Desk, item: FeeItemRow, due: str) -> _RatesInForce:
    by_kind: dict[str, RateRow] = {}
    for_all: RateRow | None = None
    for rate in billing_store.rates_in_force_order(desk.db, item.id, due):
        if rate.unit_kind is None:
            for_all = for_all or rate
        else:
            by_kind.setdefault(rate.unit_kind, rate)
    return _RatesInForce(by_kind, for_all)


# --- meter readings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeterState:
    """A unit's meter as seen from one period."""

    current_centi: int | None  # the latest reading entered for the period
    previous_centi: int | None  # the latest reading of an earlier period
    previous_period: str | None
    typical_usage_centi: int | None  # the usage of the previous period (the absurdity check)


def _meter_state(history: list[tuple[str, int]] | None, period: str) -> MeterState:
    rows = list(history or [])
    current = rows.pop(0)[1] if rows and rows[0][0] == period else None
    previous = rows[0] if rows else None
    typical = None
    if len(rows) >= 2 and rows[0][1] > rows[1][1]:
        typical = rows[0][1] - rows[1][1]
    return MeterState(
        current,
        previous[1] if previous else None,
        previous[0] if previous else None,
        typical,
    )


@dataclass(frozen=True)
class ReadingRow:
    """One line of the 抄表 grid or template."""

    unit_id: int
    unit_code: str
    building: str
    customer: str
    previous_centi: int | None
    previous_period: str | None
    typical_usage_centi: int | None
    current_centi: int | None
    billed: bool  # the period is already billed for this unit: its reading is final

    def problem(self, reading_centi: int) -> str:
        """Why ``reading_centi`` can not be this period's reading ('' when it can)."""
        if self.billed:
            return "本期已计费，读数不能再改（更正请做调整）。"
        if self.previous_centi is None:
            return ""
        try:
            ledger_rules.metered_fen(
                self.previous_centi,
                reading_centi,
                0,
                typical_usage_centi=self.typical_usage_centi,
                absurd_factor=ABSURD_FACTOR,
            )
        except ValidationError as error:
            return error.message
        return ""


class ReadingRefused(ValidationError):
    """A reading that can not be recorded; names the unit (and the grid's row)."""

    def __init__(self, message: str, *, unit_id: int, unit_code: str) -> None:
        super().__init__(message, field="reading")
        self.unit_id = unit_id
        self.unit_code = unit_code


def reading_sheet(
    desk: Desk,
    period: str,
    item_code: str,
    *,
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
) -> list[ReadingRow]:
    """The units of a building (or a selection) with their previous reading of the item
    and what has been entered for ``period`` so far."""
    period = parse_period(period)
    item = _metered_item(desk, item_code)
    building = building_code(building)
    units = billing_store.units_in_scope(desk.db, building=building, unit_ids=unit_ids)
    history = billing_store.recent_readings(
        desk.db, item.id, period, building=building, unit_ids=unit_ids
    )
    billed = billing_store.billed_units(desk.db, period, [item.id])
    rows = []
    for unit in units:
        state = _meter_state(history.get(unit.id), period)
        rows.append(
            ReadingRow(
                unit.id,
                unit.code,
                unit.building,
                unit.customer,
                state.previous_centi,
                state.previous_period,
                state.typical_usage_centi,
                state.current_centi,
                (unit.id, item.id) in billed,
            )
        )
    return rows


def record_readings(
    desk: Desk,
    period: str,
    item_code: str,
    rows: Iterable[tuple[int, str]],
    *,
    source: str = "desk",
) -> Done[int]:
    """Record a batch of readings ``(unit_id, reading as typed)`` in one transaction; blank
    ones are skipped. The first bad one refuses the batch, naming the unit: a reading
    below the previous one, a usage over 10× the unit's previous usage, a unit already
    billed for the period. Returns the number recorded."""
    period = parse_period(period)
    item = _metered_item(desk, item_code)
    entries: list[tuple[int, str]] = [(u, t) for u, t in rows if (t or "").strip()]
    if not entries:
        raise ValidationError("没有填写任何读数。", field="reading")
    today = desk.clock.now().date().isoformat()
    periods.ensure_open(desk, today, "录入抄表读数")
    periods.ensure_open(desk, default_due_on(desk, period), f"录入 {period} 的抄表读数")
    operation = "meter_readings_imported" if source == "excel" else "meter_readings_recorded"
    with desk.operation(operation) as op:
        sheet = {
            row.unit_id: row
            for row in reading_sheet(desk, period, item.code, unit_ids=[u for u, _ in entries])
        }
        seen: set[int] = set()
        readings: list[NewReading] = []
        for unit_id, text in entries:
            row = sheet.get(unit_id)
            if row is None:
                raise NotFoundError("该房屋不存在。", field="reading")
            if unit_id in seen:
                raise ReadingRefused(
                    f"{row.unit_code}：读数填了两次。", unit_id=unit_id, unit_code=row.unit_code
                )
            seen.add(unit_id)
            try:
                centi = parse_reading_centi(text)
            except ValidationError as error:
                raise ReadingRefused(
                    f"{row.unit_code}：{error.message}", unit_id=unit_id, unit_code=row.unit_code
                ) from None
            problem = row.problem(centi)
            if problem:
                raise ReadingRefused(
                    f"{row.unit_code}：{problem}", unit_id=unit_id, unit_code=row.unit_code
                )
            readings.append(NewReading(unit_id, item.id, period, centi, today, source))
        first_id = money_check.max_rowid(op.db, "meter_readings") + 1
        billing_store.insert_readings(op.db, readings, op.stamp)
        op.touch("meter_readings", range(first_id, first_id + len(readings)))
        op.record(
            "meter_readings",
            None,
            item=item.code,
            period=period,
            count=len(readings),
            source=source,
            seal={
                "meter_readings": money_check.seal(
                    op.db, "meter_readings", first_id, first_id + len(readings) - 1
                )
            },
        )
    return op.done(len(readings))


def record_base_reading(
    desk: Desk, unit_id: int, item_code: str, text: str, *, source: str = "movein"
) -> Done[int]:
    """A meter's base reading (底数) taken when the unit is handed over (收房): kept as the
    reading of the current month, so that the first bill (readings are entered for the
    month after, ``next_period``) starts from it. It bills nothing itself, so only today
    has to be open; refused like any reading when below the meter's previous reading or
    when the month is already billed. The id of the reading."""
    today = desk.clock.now().date()
    period = f"{today.year:04d}-{today.month:02d}"
    item = _metered_item(desk, item_code)
    periods.ensure_open(desk, today.isoformat(), "录入抄表读数")
    rows = reading_sheet(desk, period, item.code, unit_ids=[unit_id])
    if not rows:
        raise NotFoundError("该房屋不存在。", field="reading")
    row = rows[0]
    try:
        centi = parse_reading_centi(text, f"{item.name}底数")
    except ValidationError as error:
        raise ValidationError(error.message, field="reading") from None
    problem = row.problem(centi)
    if problem:
        raise ValidationError(f"{item.name}：{problem}", field="reading")
    with desk.operation("meter_base_recorded") as op:
        reading_id = money_check.max_rowid(op.db, "meter_readings") + 1
        billing_store.insert_readings(
            op.db,
            [NewReading(unit_id, item.id, period, centi, today.isoformat(), source)],
            op.stamp,
        )
        op.record(
            "meter_readings",
            reading_id,
            unit=row.unit_code,
            item=item.code,
            period=period,
            reading_centi=centi,
            source=source,
        )
    return op.done(reading_id)


# --- the preview -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BillingLine:
    unit_id: int
    unit_code: str
    building: str
    customer: str
    item_code: str
    item_name: str
    item_kind: str
    due_on: str
    quantity_centi: int | None = None  # area (m²), usage, or 1 month
    price_milli_yuan: int | None = None
    amount_fen: int = 0
    previous_centi: int | None = None
    current_centi: int | None = None
    usage_centi: int | None = None
    problem: str = ""

    @property
    def billable(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class ItemTotal:
    code: str
    name: str
    count: int
    amount_fen: int
    problems: int


def _totals(items: Sequence[FeeItemRow], lines: Sequence[BillingLine]) -> list[ItemTotal]:
    totals = []
    for item in items:
        mine = [line for line in lines if line.item_code == item.code]
        billable = [line for line in mine if line.billable]
        totals.append(
            ItemTotal(
                item.code,
                item.name,
                len(billable),
                sum(line.amount_fen for line in billable),
                len(mine) - len(billable),
            )
        )
    return totals


def _scope_text(building: str | None, unit_ids: Sequence[int] | None) -> str:
    if unit_ids is not None:
        prefix = f"{building}栋 " if building else ""
        return f"{prefix}选定 {len(set(unit_ids))} 户"
    return f"{building}栋" if building else "全部房屋"


@dataclass(frozen=True)
class BillingPreview:
    period: str
    due_on: str
    items: tuple[FeeItemRow, ...]
    building: str | None
    unit_ids: tuple[int, ...] | None
    lines: tuple[BillingLine, ...]
    totals: tuple[ItemTotal, ...]

    @property
    def item_codes(self) -> list[str]:
        return [item.code for item in self.items]

    @property
    def billable_lines(self) -> list[BillingLine]:
        return [line for line in self.lines if line.billable]

    @property
    def problem_lines(self) -> list[BillingLine]:
        return [line for line in self.lines if not line.billable]

    @property
    def count(self) -> int:
        return len(self.billable_lines)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.billable_lines)

    @property
    def scope(self) -> str:
        return _scope_text(self.building, self.unit_ids)


def _line(
    unit: ScopeUnit,
    item: FeeItemRow,
    due: str,
    period: str,
    rates_in_force: _RatesInForce,
    history: dict[int, list[tuple[str, int]]],
    billed: set[tuple[int, int]],
) -> BillingLine | None:
    """The unit's line for the item; None when the item does not apply to the unit (no
    meter of that kind ever read, or rates only for other kinds of unit)."""
    base = BillingLine(
        unit_id=unit.id,
        unit_code=unit.code,
        building=unit.building,
        customer=unit.customer,
        item_code=item.code,
        item_name=item.name,
        item_kind=item.kind,
        due_on=due,
    )
    state = None
    if item.kind == "metered":
        if unit.id not in history:
            return None
        state = _meter_state(history[unit.id], period)
        base = replace(base, previous_centi=state.previous_centi, current_centi=state.current_centi)
    rate = rates_in_force.for_unit(unit.kind)
    if rate is None and not rates_in_force.none:
        return None
    if (unit.id, item.id) in billed:
        return replace(base, problem=ALREADY_BILLED)
    if rate is None:
        return replace(base, problem=NO_RATE)
    base = replace(base, price_milli_yuan=rate.price_milli_yuan)
    if item.kind == "area":
        if not unit.area_centi_m2:
            return replace(base, problem=NO_AREA)
        quantity = unit.area_centi_m2
        amount = max(
            ledger_rules.property_fee_fen(quantity, rate.price_milli_yuan), rate.minimum_fen
        )
        usage = None
    elif item.kind == "fixed":
        quantity, usage = 100, None
        amount = max(ledger_rules.property_fee_fen(100, rate.price_milli_yuan), rate.minimum_fen)
    else:
        assert state is not None
        if state.current_centi is None:
            return replace(base, problem=NO_READING)
        if state.previous_centi is None:
            return replace(base, problem=FIRST_READING)
        try:
            charge = ledger_rules.metered_fen(
                state.previous_centi,
                state.current_centi,
                rate.price_milli_yuan,
                minimum_fen=rate.minimum_fen,
                typical_usage_centi=state.typical_usage_centi,
                absurd_factor=ABSURD_FACTOR,
            )
        except ValidationError as error:
            return replace(base, problem=error.message)
        quantity = usage = charge.usage_centi
        amount = charge.amount_fen
    return replace(
        base,
        quantity_centi=quantity,
        amount_fen=amount,
        usage_centi=usage,
        problem="" if amount > 0 else ZERO_AMOUNT,
    )


def _work_out(
    desk: Desk,
    period: str,
    items: Sequence[FeeItemRow],
    building: str | None,
    unit_ids: Sequence[int] | None,
    due: str,
) -> list[BillingLine]:
    units = billing_store.units_in_scope(desk.db, building=building, unit_ids=unit_ids)
    billed = billing_store.billed_units(desk.db, period, [item.id for item in items])
    per_item = []
    for item in items:
        history = (
            billing_store.recent_readings(desk.db, item.id, period, building=building)
            if item.kind == "metered"
            else {}
        )
        per_item.append((item, _rates_in_force(desk, item, due), history))
    lines = []
    for unit in units:
        for item, rates_in_force, history in per_item:
            line = _line(unit, item, due, period, rates_in_force, history, billed)
            if line is not None:
                lines.append(line)
    return lines


def preview(
    desk: Desk,
    period: str,
    *,
    items: Sequence[str],
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
    due_on: str | None = None,
) -> BillingPreview:
    """Work out a period's charges for review, without writing anything."""
    period = parse_period(period)
    item_rows = _items(desk, items)
    building = building_code(building)
    due = _due(desk, period, due_on)
    lines = _work_out(desk, period, item_rows, building, unit_ids, due)
    return BillingPreview(
        period,
        due,
        tuple(item_rows),
        building,
        tuple(unit_ids) if unit_ids is not None else None,
        tuple(lines),
        tuple(_totals(item_rows, lines)),
    )


# --- posting -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostedRun:
    run_id: int
    period: str
    due_on: str
    charge_count: int
    total_fen: int
    skipped: tuple[BillingLine, ...] = field(default=())


def post(
    desk: Desk,
    what: BillingPreview | str,
    *,
    items: Sequence[str] | None = None,
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
    due_on: str | None = None,
) -> Done[PostedRun]:
    """Post a billing sheet: a preview (its arguments are used; the lines are worked out
    again inside the transaction) or the same arguments as ``preview``. Every billable
    line becomes a charge and the run is recorded, all in one transaction; units already
    billed for the period and item are skipped."""
    desk.require_role("clerk", "计费入账")
    if isinstance(what, BillingPreview):
        period, item_codes = what.period, what.item_codes
        building, unit_ids, due = what.building, what.unit_ids, what.due_on
    else:
        period, item_codes = parse_period(what), list(items or [])
        due = _due(desk, period, due_on)
    item_rows = _items(desk, item_codes)
    building = building_code(building)
    periods.ensure_open(desk, due, "计费入账")
    try:
        with desk.operation("billing_posted") as op:
            periods.ensure_open(desk, due, "计费入账")  # again, inside the write lock
            lines = _work_out(desk, period, item_rows, building, unit_ids, due)
            billable = [line for line in lines if line.billable]
            if not billable:
                already = sum(1 for line in lines if line.problem == ALREADY_BILLED)
                reason = f"（{already} 笔本期已计费）" if already else ""
                raise ValidationError(f"{period} 没有可以入账的费用{reason}。", field="items")
            names = {item.code: item.name for item in item_rows}
            charges = [
                NewCharge(
                    unit_id=line.unit_id,
                    item_id=next(i.id for i in item_rows if i.code == line.item_code),
                    description=f"{names[line.item_code]} {period}",
                    amount_fen=line.amount_fen,
                    due_on=due,
                    period=period,
                    quantity_centi=line.quantity_centi or 0,
                    price_milli_yuan=line.price_milli_yuan or 0,
                    kind="charge",
                    source=SOURCE,
                    source_ref=period,
                )
                for line in billable
            ]
            first_id = money_check.max_rowid(op.db, "charges") + 1
            billing_store.insert_charges(op.db, charges, op.stamp)
            op.touch("charges", range(first_id, first_id + len(charges)))
            seal = money_check.seal(op.db, "charges", first_id, first_id + len(charges) - 1)
            total = sum(c.amount_fen for c in charges)
            scope = _scope_text(building, unit_ids)
            run_id = billing_store.insert_run(
                op.db,
                period=period,
                due_on=due,
                items=",".join(item.code for item in item_rows),
                scope=scope,
                charge_count=len(charges),
                total_fen=total,
                stamp=op.stamp,
            )
            op.record(
                "billing_runs",
                run_id,
                period=period,
                items=[item.code for item in item_rows],
                scope=scope,
                due_on=due,
                charge_count=len(charges),
                total_fen=total,
                skipped=len(lines) - len(billable),
                seal={"charges": seal},
            )
    except sqlite3.IntegrityError as error:
        if "UNIQUE" in str(error):
            raise ValidationError(
                f"{period} 的部分费用刚刚已入账，请重新生成计费表。", field="items"
            ) from None
        raise
    return op.done(
        PostedRun(
            run_id,
            period,
            due,
            len(charges),
            total,
            tuple(line for line in lines if not line.billable),
        )
    )


# --- posted runs and the sheet -----------------------------------------------------------------------


def runs(desk: Desk, period: str | None = None) -> list[RunRow]:
    return billing_store.runs(desk.db, parse_period(period) if period else None)


def run(desk: Desk, run_id: int) -> RunRow:
    row = billing_store.run(desk.db, run_id)
    if row is None:
        raise NotFoundError(f"计费表 {run_id} 不存在。", field="run")
    return row


@dataclass(frozen=True)
class BillingSheet:
    """What is printed and exported: the billable lines, sorted by building and room."""

    period: str
    due_on: str
    item_names: str
    scope: str
    lines: tuple[BillingLine, ...]
    totals: tuple[ItemTotal, ...]
    run_id: int | None = None  # None: a preview, not posted
    posted_at: str | None = None
    made_by: str = ""

    @property
    def posted(self) -> bool:
        return self.run_id is not None

    @property
    def count(self) -> int:
        return len(self.lines)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def title(self) -> str:
        return f"计费表 {self.period}"


def preview_sheet(desk: Desk, billing: BillingPreview) -> BillingSheet:
    billable = tuple(billing.billable_lines)
    return BillingSheet(
        billing.period,
        billing.due_on,
        "、".join(item.name for item in billing.items),
        billing.scope,
        billable,
        tuple(_totals(billing.items, billable)),
        made_by=desk.operator.display_name if desk.operator else "",
    )


def run_sheet(desk: Desk, run_id: int) -> BillingSheet:
    """A posted run's sheet, from the charges it posted (and the readings they came from)."""
    posted = run(desk, run_id)
    items = [fee_items.fee_item(desk, code) for code in posted.item_codes]
    by_id = {item.id: item for item in items}
    charges = billing_store.run_charges(desk.db, posted)
    units = {
        u.id: u
        for u in billing_store.units_in_scope(desk.db, unit_ids=[c.unit_id for c in charges])
    }
    histories = {
        item.id: billing_store.recent_readings(desk.db, item.id, posted.period)
        for item in items
        if item.kind == "metered"
    }
    order = {unit_id: n for n, unit_id in enumerate(units)}
    lines = []
    for charge in sorted(charges, key=lambda c: (order.get(c.unit_id, 0), c.charge_id)):
        item, unit = by_id[charge.item_id], units[charge.unit_id]
        previous = current = usage = None
        if item.kind == "metered":
            state = _meter_state(histories[item.id].get(unit.id), posted.period)
            previous, current, usage = (
                state.previous_centi,
                state.current_centi,
                charge.quantity_centi,
            )
        lines.append(
            BillingLine(
                unit.id,
                unit.code,
                unit.building,
                unit.customer,
                item.code,
                item.name,
                item.kind,
                charge.due_on,
                charge.quantity_centi,
                charge.price_milli_yuan,
                charge.amount_fen,
                previous,
                current,
                usage,
            )
        )
    return BillingSheet(
        posted.period,
        posted.due_on,
        "、".join(item.name for item in items),
        posted.scope,
        tuple(lines),
        tuple(_totals(items, lines)),
        run_id=posted.id,
        posted_at=posted.created_at,
        made_by=posted.made_by or "",
    )


def price_text(price_milli_yuan: int | None) -> str:
    """``1850`` → ``1.85``; ``565`` → ``0.565`` (up to three decimals, as rates are set)."""
    if price_milli_yuan is None:
        return ""
    whole, part = divmod(price_milli_yuan, 1000)
    text = f"{whole}.{part:03d}"
    return text[:-1] if text.endswith("0") else text


def summary(billing: BillingPreview | BillingSheet) -> str:
    """``共 24 笔，合计 ¥5,718.72``."""
    return f"共 {billing.count} 笔，合计 {format_fen(billing.total_fen)}"
