"""What is due now (the panel the clerk sees at a glance): every feature's items with a
running time limit, late first. The features register their sources at start-up
(``services.features``); a source names the tables it reads, so that a view knows which
writes may change the list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from desk_app.core import deadlines
from desk_app.core.clock import to_text
from desk_app.services.desk import Desk
from desk_app.services.shifts.contributions import Contributions

STATE_ORDER = {deadlines.LATE: 0, deadlines.NEAR: 1, deadlines.ON_TIME: 2}
ESCALATED = "escalated"


@dataclass(frozen=True)
class DueItem:
    limit: str  # deadlines.DISPATCH / ONSITE / COMPLAINT / CALLBACK / 'escalated'
    limit_label: str
    subject: str  # the table of what it is about: 'repair_orders', 'reception_entries' …
    subject_id: int
    number: str
    location: str
    summary: str
    due_at: str | None
    state: str
    seconds_left: int
    matter: str = ""  # what ``summary`` is about when it is not the subject itself: 维修 / 投诉

    @property
    def left_text(self) -> str:
        if self.limit == ESCALATED:
            return "待主管处理"
        return deadlines.describe_left(self.seconds_left)


def item(
    limit: str,
    subject: str,
    subject_id: int,
    number: str,
    location: str,
    summary: str,
    deadline: deadlines.Deadline,
    now: datetime,
    *,
    matter: str = "",
) -> DueItem:
    """A due item with a running time limit, as it stands ``now``."""
    return DueItem(
        limit,
        deadlines.LIMIT_LABELS[limit],
        subject,
        subject_id,
        number,
        location,
        summary,
        to_text(deadline.due_at),
        deadline.state(now),
        deadline.seconds_left(now),
        matter,
    )


@dataclass(frozen=True)
class DueSource:
    items: Callable[[Desk], list[DueItem]]
    tables: tuple[str, ...]
    """The tables ``items`` reads: a write to one may change the list."""


SOURCES: Contributions[DueSource] = Contributions("due-now sources")


def due_now(desk: Desk) -> list[DueItem]:
    items = [entry for source in SOURCES for entry in source.items(desk)]
    items.sort(key=lambda i: (STATE_ORDER[i.state], i.due_at or "", i.number))
    return items


def followed_tables() -> tuple[str, ...]:
    """Every table a due-now source reads."""
    return tuple(dict.fromkeys(table for source in SOURCES for table in source.tables))
