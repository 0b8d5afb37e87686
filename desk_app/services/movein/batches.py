"""Delivery batches (交付批次): units chosen by building or one by one, the days, place
and contact of the hand-over, slots with a capacity and the appointments (预约) booked
into them, and the notices sent (入住通知单)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.movein import NOTICE_WAYS
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.operations import Done, written
from desk_app.storage.movein import batches as store
from desk_app.storage.movein.batches import BatchRow, BatchUnitRow, BuildingCounts, SlotRow

__all__ = ["BatchRow", "BatchUnitRow", "BuildingCounts", "SlotRow"]

_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MAX_CAPACITY = 200
MAX_SLOT_DAYS = 62
"""Days one ``add_slots`` may fill at once (two months of hand-over days)."""

_CODE_SEPARATORS = re.compile(r"[\s,，、;；]+")
_PERIOD = re.compile(r"^(\d{1,2}[:：]\d{2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2}[:：]\d{2})$")
_PERIOD_SEPARATORS = re.compile(
    r"\s*[,，、;；/]\s*|\s+(?=\d{1,2}[:：]\d{2}\s*(?:-|–|—|~|～|至|到))"
)


def split_codes(text: str) -> tuple[str, ...]:
    """Buildings or units typed in one field: ``3, 5 7`` → ``("3", "5", "7")``."""
    return tuple(part for part in _CODE_SEPARATORS.split(text or "") if part)


def parse_periods(text: str) -> list[tuple[str, str]]:
    """``09:00–12:00, 14:00-17:00`` (also ``9:00-12:00 14:00-17:00``) → the periods as
    ``(starts, ends)``, in order; each must end after it starts, none may overlap."""
    value = (text or "").strip()
    if not value:
        raise ValidationError("请填写时段，例如 09:00-12:00 14:00-17:00。", field="periods")
    periods: list[tuple[str, str]] = []
    for part in _PERIOD_SEPARATORS.split(value):
        if not part:
            continue
        found = _PERIOD.fullmatch(part.strip())
        if found is None:
            raise ValidationError(
                f"无法识别的时段：{part.strip()}（应为 时:分-时:分，例如 09:00-12:00）",
                field="periods",
            )
        start, end = (_clock_time(t) for t in found.groups())
        if not _TIME.fullmatch(start) or not _TIME.fullmatch(end):
            raise ValidationError("时段应为 时:分，例如 09:00。", field="periods")
        if end <= start:
            raise ValidationError("时段的结束须晚于开始。", field="periods")
        periods.append((start, end))
    periods.sort()
    for (_s1, e1), (s2, _e2) in zip(periods, periods[1:], strict=False):
        if s2 < e1:
            raise ValidationError(f"时段重叠：{s2} 早于 {e1}。", field="periods")
    return periods


def _clock_time(text: str) -> str:
    hours, minutes = text.replace("：", ":").split(":")
    return f"{int(hours):02d}:{minutes}"


def _day(text: str, label: str, field: str) -> str:
    value = (text or "").strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(f"{label}格式不正确（如 2026-11-25）。", field=field) from None


@dataclass(frozen=True)
class BatchInput:
    name: str
    starts_on: str
    ends_on: str
    place: str = ""
    contact: str = ""
    note: str = ""
    buildings: tuple[str, ...] = ()
    units: tuple[str, ...] = ()  # typed unit codes, any spelling


def get_batch(desk: Desk, batch_id: int) -> BatchRow:
    row = store.batch(desk.db, batch_id)
    if row is None:
        raise NotFoundError("该交付批次不存在。", field="batch")
    return row


def find_batch(desk: Desk, text: str) -> BatchRow:
    """A batch by its name or its number."""
    value = (text or "").strip()
    row = store.batch_by_name(desk.db, value)
    if row is None and value.isdigit():
        row = store.batch(desk.db, int(value))
    if row is None:
        raise NotFoundError(f"没有交付批次“{value}”。", field="batch")
    return row


def list_batches(desk: Desk) -> list[BatchRow]:
    return store.batches(desk.db)


def _unit_ids(desk: Desk, buildings: Sequence[str], units: Sequence[str]) -> list[int]:
    ids: list[int] = []
    codes = [b.strip() for b in buildings if b.strip()]
    if codes:
        found = store.units_in_buildings(desk.db, codes)
        if not found:
            raise ValidationError(f"楼栋 {'、'.join(codes)} 没有房屋。", field="buildings")
        ids.extend(found)
    for text in units:
        if text.strip():
            ids.append(estate.find_unit(desk, text).id)
    return list(dict.fromkeys(ids))


def create_batch(desk: Desk, new: BatchInput) -> Done[BatchRow]:
    """A batch with its units (the buildings' units and/or the units listed)."""
    name = (new.name or "").strip()
    if not name:
        raise ValidationError("请填写批次名称。", field="name")
    if store.batch_by_name(desk.db, name):
        raise ValidationError(f"交付批次“{name}”已存在。", field="name")
    starts = _day(new.starts_on, "开始日期", "starts_on")
    ends = _day(new.ends_on, "结束日期", "ends_on")
    if ends < starts:
        raise ValidationError("结束日期不能早于开始日期。", field="ends_on")
    unit_ids = _unit_ids(desk, new.buildings, new.units)
    if not unit_ids:
        raise ValidationError("请选择楼栋或房屋。", field="buildings")
    with desk.operation("movein_batch_created") as op:
        batch_id = store.insert_batch(
            op.db,
            name=name,
            starts_on=starts,
            ends_on=ends,
            place=new.place.strip()[:200],
            contact=new.contact.strip()[:200],
            note=new.note.strip()[:500],
            stamp=op.stamp,
        )
        op.record("movein_batches", batch_id, name=name, units=len(unit_ids))
        op.touch("movein_units", store.insert_units(op.db, batch_id, unit_ids, op.stamp))
    return op.done(get_batch(desk, batch_id))


def add_units(
    desk: Desk, batch_id: int, *, buildings: Sequence[str] = (), units: Sequence[str] = ()
) -> Done[int]:
    """More units into a batch (those already in it are left); how many were added."""
    batch = get_batch(desk, batch_id)
    wanted = _unit_ids(desk, buildings, units)
    if not wanted:
        raise ValidationError("请选择楼栋或房屋。", field="buildings")
    new_ids = [u for u in wanted if u not in store.units_already_in(desk.db, batch.id, wanted)]
    if not new_ids:
        raise ValidationError("这些房屋已在本批次中。", field="units")
    with desk.operation("movein_units_added") as op:
        op.touch("movein_units", store.insert_units(op.db, batch.id, new_ids, op.stamp))
        op.record("movein_batches", batch.id, added=len(new_ids))
    return op.done(len(new_ids))


def batch_units(desk: Desk, batch_id: int, *, building: str | None = None) -> list[BatchUnitRow]:
    return store.batch_units(desk.db, get_batch(desk, batch_id).id, building=building)


def batch_unit_of(desk: Desk, unit_id: int) -> BatchUnitRow | None:
    return store.batch_unit_of(desk.db, unit_id)


def _batch_unit(desk: Desk, batch_unit_id: int) -> BatchUnitRow:
    row = store.batch_unit(desk.db, batch_unit_id)
    if row is None:
        raise NotFoundError("该房屋不在交付批次中。", field="unit")
    return row


def add_slot(
    desk: Desk, batch_id: int, day: str, starts: str, ends: str, capacity: int
) -> Done[SlotRow]:
    """A time slot of a hand-over day with the number of units it takes."""
    batch = get_batch(desk, batch_id)
    on = _day(day, "日期", "day")
    if not batch.starts_on <= on <= batch.ends_on:
        raise ValidationError(
            f"日期须在批次的交房日期内（{batch.starts_on} 至 {batch.ends_on}）。", field="day"
        )
    start, end = starts.strip(), ends.strip()
    if not _TIME.fullmatch(start) or not _TIME.fullmatch(end):
        raise ValidationError("时段应为 时:分，例如 09:00。", field="starts")
    if end <= start:
        raise ValidationError("时段的结束须晚于开始。", field="ends")
    if not 1 <= int(capacity) <= MAX_CAPACITY:
        raise ValidationError(f"每个时段可约户数应为 1–{MAX_CAPACITY}。", field="capacity")
    if any(s.day == on and s.starts == start for s in store.slots(desk.db, batch.id)):
        raise ValidationError(f"{on} {start} 的时段已存在。", field="starts")
    with desk.operation("movein_slot_added") as op:
        slot_id = store.insert_slot(op.db, batch.id, on, start, end, int(capacity), op.stamp)
        op.record("movein_slots", slot_id, day=on, starts=start, capacity=int(capacity))
    return op.done(written(store.slot(desk.db, slot_id)))


@dataclass(frozen=True)
class SlotsInput:
    """Slots for every day from ``first_day`` to ``last_day`` (both included), each day
    the same periods (``09:00-12:00 14:00-17:00``), each slot taking ``capacity`` units."""

    first_day: str
    last_day: str
    periods: str
    capacity: int


def add_slots(desk: Desk, batch_id: int, new: SlotsInput) -> Done[list[SlotRow]]:
    """Several slots in one operation: all of them, or none when one is refused."""
    batch = get_batch(desk, batch_id)
    first = _day(new.first_day, "日期", "day")
    last = _day(new.last_day or new.first_day, "结束日期", "last_day")
    if last < first:
        raise ValidationError("结束日期不能早于开始日期。", field="last_day")
    for on, field in ((first, "day"), (last, "last_day")):
        if not batch.starts_on <= on <= batch.ends_on:
            raise ValidationError(
                f"日期须在批次的交房日期内（{batch.starts_on} 至 {batch.ends_on}）。", field=field
            )
    start_day = date.fromisoformat(first)
    count = (date.fromisoformat(last) - start_day).days + 1
    if count > MAX_SLOT_DAYS:
        raise ValidationError(f"一次最多添加 {MAX_SLOT_DAYS} 天的时段。", field="last_day")
    periods = parse_periods(new.periods)
    if not 1 <= int(new.capacity) <= MAX_CAPACITY:
        raise ValidationError(f"每个时段可约户数应为 1–{MAX_CAPACITY}。", field="capacity")
    days = [(start_day + timedelta(days=n)).isoformat() for n in range(count)]
    existing = {(s.day, s.starts) for s in store.slots(desk.db, batch.id)}
    for on in days:
        for start, _end in periods:
            if (on, start) in existing:
                raise ValidationError(f"{on} {start} 的时段已存在。", field="periods")
    capacity = int(new.capacity)
    with desk.operation("movein_slots_added") as op:
        ids = [
            store.insert_slot(op.db, batch.id, on, start, end, capacity, op.stamp)
            for on in days
            for start, end in periods
        ]
        op.touch("movein_slots", ids)
        op.record(
            "movein_batches",
            batch.id,
            slots=len(ids),
            days=f"{first}–{last}" if last != first else first,
            periods=" ".join(f"{s}-{e}" for s, e in periods),
            capacity=capacity,
        )
    wanted = set(ids)
    return op.done([s for s in store.slots(desk.db, batch.id) if s.id in wanted])


def slots(desk: Desk, batch_id: int, *, day: str | None = None) -> list[SlotRow]:
    return store.slots(desk.db, batch_id, day=day)


def book(desk: Desk, batch_unit_id: int, slot_id: int) -> Done[BatchUnitRow]:
    """Book a unit into a slot (an earlier appointment of the unit is moved); a full slot
    is refused."""
    unit = _batch_unit(desk, batch_unit_id)
    slot = store.slot(desk.db, slot_id)
    if slot is None or slot.batch_id != unit.batch_id:
        raise NotFoundError("该时段不存在。", field="slot")
    if unit.state not in ("未预约", "已预约"):
        raise ValidationError(f"{unit.unit_code} 已{unit.state}，不能再预约。", field="slot")
    if unit.slot_id == slot.id:
        raise ValidationError(f"{unit.unit_code} 已预约此时段。", field="slot")
    if slot.booked >= slot.capacity:
        raise ValidationError(
            f"{slot.day} {slot.starts}–{slot.ends} 已约满（{slot.capacity} 户），请选其他时段。",
            field="slot",
        )
    with desk.operation("movein_booked") as op:
        if unit.appointment_id is not None:
            store.cancel_appointment(op.db, unit.appointment_id, op.at)
            op.touch("movein_appointments", [unit.appointment_id])
        appointment_id = store.insert_appointment(op.db, slot.id, unit.id, op.stamp)
        store.update_batch_unit(op.db, unit.id, {"state": "已预约"}, op.at)
        op.touch("movein_units", [unit.id])
        op.record(
            "movein_appointments",
            appointment_id,
            unit=unit.unit_code,
            day=slot.day,
            starts=slot.starts,
        )
    return op.done(_batch_unit(desk, unit.id))


def cancel_booking(desk: Desk, batch_unit_id: int) -> Done[BatchUnitRow]:
    unit = _batch_unit(desk, batch_unit_id)
    if unit.appointment_id is None or unit.state != "已预约":
        raise ValidationError(f"{unit.unit_code} 没有可取消的预约。", field="slot")
    with desk.operation("movein_booking_cancelled") as op:
        store.cancel_appointment(op.db, unit.appointment_id, op.at)
        store.update_batch_unit(op.db, unit.id, {"state": "未预约"}, op.at)
        op.touch("movein_units", [unit.id])
        op.record("movein_appointments", unit.appointment_id, unit=unit.unit_code)
    return op.done(_batch_unit(desk, unit.id))


def record_notice(desk: Desk, batch_unit_ids: Sequence[int], how: str) -> Done[int]:
    """The 入住通知单 sent to these units (when: now; how: 短信, 电话, 邮寄 …)."""
    way = (how or "").strip()
    if way not in NOTICE_WAYS:
        raise ValidationError(f"通知方式只能是：{'、'.join(NOTICE_WAYS)}", field="how")
    units = [_batch_unit(desk, i) for i in dict.fromkeys(batch_unit_ids)]
    if not units:
        raise ValidationError("请选择要通知的房屋。", field="units")
    with desk.operation("movein_notice_sent") as op:
        for unit in units:
            store.update_batch_unit(
                op.db, unit.id, {"notice_sent_at": op.at, "notice_how": way}, op.at
            )
            op.record("movein_units", unit.id, unit=unit.unit_code, how=way)
    return op.done(len(units))


def overview(desk: Desk, batch_id: int) -> list[BuildingCounts]:
    """Per building: units delivered, booked, not yet, with reservations, refused."""
    return store.overview(desk.db, get_batch(desk, batch_id).id)
