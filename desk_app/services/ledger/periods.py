"""Closed periods (月结): nothing dated in a closed month can be written."""

from __future__ import annotations

import re
from datetime import date

from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
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


def ensure_open(desk: Desk, day: str, what: str) -> None:
    """Refuse a money record dated in a closed period with a message the clerk understands."""
    through = month_close_store.closed_through(desk.db)
    if through is not None and day[:10] <= through:
        raise ValidationError(
            f"{day[:10]} 所在账期已月结（结至 {through}），不能再{what}；请在本期内作调整。",
            field="period",
        )


def today(desk: Desk) -> str:
    return desk.now_text()[:10]
