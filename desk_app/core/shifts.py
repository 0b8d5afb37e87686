"""The shift schedule (早班/中班/晚班 …) and which shift a moment belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desk_app.core.errors import ValidationError

# The incoming clerk arrives 15 minutes early (DOMAIN.md §8).
EARLY_ARRIVAL = timedelta(minutes=15)

DEFAULT_SCHEDULE: list[dict[str, str]] = [
    {"name": "早班", "start": "07:30", "end": "15:30"},
    {"name": "中班", "start": "09:30", "end": "17:30"},
    {"name": "晚班", "start": "12:00", "end": "20:00"},
]


@dataclass(frozen=True)
class ShiftSlot:
    name: str
    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end  # a night shift over midnight


def _parse_hhmm(text: str) -> time:
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(f"时间格式应为 时:分，例如 07:30（收到「{text}」）") from None


def parse_schedule(raw: list[dict[str, str]]) -> list[ShiftSlot]:
    if not raw:
        raise ValidationError("班次表至少要有一个班次。")
    slots = []
    names: set[str] = set()
    for entry in raw:
        name = str(entry.get("name", "")).strip()
        if not name:
            raise ValidationError("班次名称不能为空。")
        if name in names:
            raise ValidationError(f"班次名称重复：{name}")
        names.add(name)
        start, end = (
            _parse_hhmm(str(entry.get("start", ""))),
            _parse_hhmm(str(entry.get("end", ""))),
        )
        if start == end:
            raise ValidationError(f"班次「{name}」的开始和结束时间相同。")
        slots.append(ShiftSlot(name, start, end))
    return slots


def schedule_to_raw(slots: list[ShiftSlot]) -> list[dict[str, str]]:
    return [
        {"name": s.name, "start": s.start.strftime("%H:%M"), "end": s.end.strftime("%H:%M")}
        for s in slots
    ]


def suggest_shift(moment: datetime, slots: list[ShiftSlot]) -> str:
    """The shift a clerk logging in at ``moment`` is most likely starting.

    Among shifts that have started (allowing the 15-minute early arrival) and not
    ended, the one that started last; outside all shifts, the next one to start.
    """
    early = (moment + EARLY_ARRIVAL).time()
    now = moment.time()
    started = [s for s in slots if s.contains(early) or s.contains(now)]
    if started:

        def minutes_since_start(slot: ShiftSlot) -> int:
            delta = (early.hour * 60 + early.minute) - (slot.start.hour * 60 + slot.start.minute)
            return delta % (24 * 60)

        return min(started, key=minutes_since_start).name

    def minutes_until(slot: ShiftSlot) -> int:
        delta = (slot.start.hour * 60 + slot.start.minute) - (now.hour * 60 + now.minute)
        return delta % (24 * 60)

    return min(slots, key=minutes_until).name
