"""Closed periods (月结): nothing dated in a closed month can be written.

Every write of the ledger that carries a date calls ``ensure_open`` with that date before
its transaction: charges (due_on) and their adjustments, payments, receipt voids (the
receipt's day and today), refunds, credit use, late-fee waivers, meter readings, posted
billing runs (due_on), invoice exchanges, cash handovers to finance, chasing records
(done_on, notices printed), fee rates (effective_from) and the charge of a paid repair.
Triggers on those tables refuse the same rows in the database (``storage/sqlite_errors``
turns their refusal into ``ClosedPeriod``)."""

from __future__ import annotations

import re
from datetime import date

from desk_app.core.errors import ClosedPeriod, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.ledger import month_close
from desk_app.storage.ledger import month_close as month_close_store

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def checked_day(text: str, label: str, field: str) -> str:
    value = (text or "").strip()
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{label}格式不正确（如 2026-11-25）。", field=field) from None
    return value


def closed_through(desk: Desk) -> str | None:
    """The last day of the last closed period, or None when no month is closed."""
    return month_close_store.closed_through(desk.db)


def closed_period_name(desk: Desk, day: str) -> str | None:
    """The closed period a day falls in (``2026-10``), or ``2026-10 及以前的账期`` for a day
    before the first closed one; None when the day is open."""
    covering, before = month_close_store.closes_around(desk.db, day[:10])
    if covering is None:
        return None
    if before is None and day[:10] < month_close.period_bounds(desk, covering).start_on:
        return f"{covering} 及以前的账期"
    return covering


def ensure_open(desk: Desk, day: str, what: str, hint: str = "") -> None:
    """Refuse any write dated in a closed period (月结) before it starts, with a message
    naming the period and the date: ``2026-10 已月结，不能再收款（日期 2026-10-25）。``
    Every dated write of the ledger calls it; the database's triggers are the backstop."""
    through = month_close_store.closed_through(desk.db)
    if through is None or day[:10] > through:
        return
    period = closed_period_name(desk, day) or through
    subject = period if period.endswith("账期") else f"{period} "
    raise ClosedPeriod(f"{subject}已月结，不能再{what}（日期 {day[:10]}）。{hint}", field="period")


def today(desk: Desk) -> str:
    return desk.now_text()[:10]
