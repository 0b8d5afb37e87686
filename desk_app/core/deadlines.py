"""Time limits of the desk (DOMAIN.md §2, §3) as pure functions of the clock.

- a repair order reaches engineering (is dispatched) within 3 minutes of the call;
- an urgent repair has somebody on site within 15 minutes;
- a complaint is handled within 24 hours;
- a repair is called back the same day it is completed; a handled complaint within 72 hours.

Each open item has one running limit at a time; its state at a moment is on time, near
(the last third of the allowed time) or late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desk_app.core.clock import CHINA_TZ

ON_TIME = "on_time"
NEAR = "near"
LATE = "late"

DISPATCH = "dispatch"
ONSITE = "onsite"
COMPLAINT = "complaint"
CALLBACK = "callback"

LIMIT_LABELS = {
    DISPATCH: "派工",
    ONSITE: "紧急到场",
    COMPLAINT: "投诉处理",
    CALLBACK: "回访",
}

# The share of the allowed time after which an item shows as near its limit.
NEAR_SHARE = 1 / 3


@dataclass(frozen=True)
class Limits:
    dispatch_minutes: int = 3
    urgent_onsite_minutes: int = 15
    complaint_hours: int = 24
    callback_hours: int = 72


@dataclass(frozen=True)
class Deadline:
    kind: str
    started_at: datetime
    due_at: datetime

    def state(self, now: datetime) -> str:
        return deadline_state(self.started_at, self.due_at, now)

    def seconds_left(self, now: datetime) -> int:
        return int((self.due_at - now).total_seconds())


def deadline_state(started_at: datetime, due_at: datetime, now: datetime) -> str:
    if now >= due_at:
        return LATE
    window = (due_at - started_at).total_seconds()
    left = (due_at - now).total_seconds()
    return NEAR if left <= window * NEAR_SHARE else ON_TIME


def dispatch_deadline(reported_at: datetime, limits: Limits) -> Deadline:
    return Deadline(DISPATCH, reported_at, reported_at + timedelta(minutes=limits.dispatch_minutes))


def onsite_deadline(reported_at: datetime, limits: Limits) -> Deadline:
    return Deadline(
        ONSITE, reported_at, reported_at + timedelta(minutes=limits.urgent_onsite_minutes)
    )


def complaint_deadline(received_at: datetime, limits: Limits) -> Deadline:
    return Deadline(COMPLAINT, received_at, received_at + timedelta(hours=limits.complaint_hours))


def end_of_day(moment: datetime) -> datetime:
    local = moment.astimezone(CHINA_TZ)
    return datetime.combine(local.date(), time(23, 59, 59), tzinfo=CHINA_TZ)


def repair_callback_deadline(completed_at: datetime, limits: Limits) -> Deadline:
    """Same day as the completion (never later than the general callback limit)."""
    due = min(end_of_day(completed_at), completed_at + timedelta(hours=limits.callback_hours))
    return Deadline(CALLBACK, completed_at, due)


def complaint_callback_deadline(handled_at: datetime, limits: Limits) -> Deadline:
    return Deadline(CALLBACK, handled_at, handled_at + timedelta(hours=limits.callback_hours))


def repair_deadline(
    *,
    status: str,
    urgent: bool,
    reported_at: datetime,
    arrived_at: datetime | None,
    limits: Limits,
) -> Deadline | None:
    """The limit running on a repair order in its current status, if any.

    Before dispatch the 3-minute limit runs; an urgent order then has the 15-minute
    on-site limit until somebody arrives. Orders on hold, with an outside contractor,
    cancelled or finished have no running limit here (callbacks are their own queue).
    """
    if status == "登记":
        return dispatch_deadline(reported_at, limits)
    if status == "已派工" and urgent and arrived_at is None:
        return onsite_deadline(reported_at, limits)
    return None


def describe_left(seconds_left: int) -> str:
    """``剩 2分钟`` / ``超时 1小时5分`` for the time-limit column."""
    late = seconds_left < 0
    minutes = abs(seconds_left) // 60
    if minutes < 1:
        text = f"{abs(seconds_left)}秒"
    elif minutes < 60:
        text = f"{minutes}分钟"
    elif minutes < 48 * 60:
        hours, rest = divmod(minutes, 60)
        text = f"{hours}小时{rest}分" if rest else f"{hours}小时"
    else:
        days, rest = divmod(minutes, 24 * 60)
        text = f"{days}天{rest // 60}小时" if rest // 60 else f"{days}天"
    return f"超时 {text}" if late else f"剩 {text}"
