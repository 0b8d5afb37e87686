"""Time for the rules: an injectable clock in China Standard Time (UTC+8, no DST).

Timestamps are stored as ISO 8601 local wall time with the offset
(``2026-11-22T09:30:00+08:00``), which sorts correctly as text because the
offset never changes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol

CHINA_TZ = timezone(timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(CHINA_TZ).replace(microsecond=0)


class FixedClock:
    """A clock that stands still until moved; for tests and the demo generator."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=CHINA_TZ)
        self._now = start.astimezone(CHINA_TZ)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=CHINA_TZ)
        self._now = moment.astimezone(CHINA_TZ)

    def advance(self, **delta: float) -> datetime:
        self._now = self._now + timedelta(**delta)
        return self._now


def to_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: attach CHINA_TZ first")
    return moment.astimezone(CHINA_TZ).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CHINA_TZ)
    return moment.astimezone(CHINA_TZ)


def display(moment: datetime | str | None, with_seconds: bool = False) -> str:
    """``2026-11-22 09:30`` for screens and printouts."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = from_text(moment)
    fmt = "%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M"
    return moment.astimezone(CHINA_TZ).strftime(fmt)
