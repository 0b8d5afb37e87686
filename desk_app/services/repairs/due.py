"""What is due now (the panel the clerk sees at a glance): orders not yet dispatched,
urgent orders with nobody on site, complaints near or past their deadline, callbacks
due today or overdue, and matters raised to the supervisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text, to_text
from desk_app.services.desk import Desk
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import orders as repairs
from desk_app.services.shifts.handover import OPEN_ITEM_PROVIDERS
from desk_app.storage.reception import entries as reception_store
from desk_app.storage.repairs import callbacks as callbacks_store
from desk_app.storage.repairs import orders as repairs_store

FOLLOWED_TABLES = ("repair_orders", "reception_entries", "callbacks")
"""The tables the due-now items are read from: a write to one may change the list."""

STATE_ORDER = {deadlines.LATE: 0, deadlines.NEAR: 1, deadlines.ON_TIME: 2}


@dataclass(frozen=True)
class DueItem:
    limit: str  # deadlines.DISPATCH / ONSITE / COMPLAINT / CALLBACK / 'escalated'
    limit_label: str
    subject: str  # 'repair_orders' / 'reception_entries' / 'callbacks'
    subject_id: int
    number: str
    location: str
    summary: str
    due_at: str | None
    state: str
    seconds_left: int

    @property
    def left_text(self) -> str:
        if self.limit == "escalated":
            return "待主管处理"
        return deadlines.describe_left(self.seconds_left)


def _item(
    limit: str,
    subject: str,
    subject_id: int,
    number: str,
    location: str,
    summary: str,
    deadline: deadlines.Deadline,
    now: datetime,
) -> DueItem:
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
    )


def due_now(desk: Desk) -> list[DueItem]:
    now = desk.clock.now()
    lim = repairs.limits(desk)
    items: list[DueItem] = []
    for order in repairs_store.open_orders(desk.db, ("登记", "已派工")):
        deadline = repairs.running_deadline(desk, order, lim)
        if deadline is None:
            continue
        items.append(
            _item(
                deadline.kind,
                "repair_orders",
                order.id,
                order.order_no,
                order.location,
                order.content,
                deadline,
                now,
            )
        )
    for entry in reception_store.open_complaints(desk.db):
        deadline = reception.complaint_deadline(desk, entry)
        if deadline is None or deadline.state(now) == deadlines.ON_TIME:
            continue
        items.append(
            _item(
                deadlines.COMPLAINT,
                "reception_entries",
                entry.id,
                entry.entry_no,
                entry.location,
                entry.content,
                deadline,
                now,
            )
        )
    end_of_today = deadlines.end_of_day(now)
    for row in callbacks_store.due(
        desk.db, due_before=to_text(end_of_today + timedelta(seconds=1))
    ):
        deadline = deadlines.Deadline(
            deadlines.CALLBACK, from_text(row.started_at), from_text(row.due_at)
        )
        items.append(
            _item(
                deadlines.CALLBACK,
                "callbacks",
                row.id,
                row.subject_no,
                row.location,
                f"{row.subject_kind}：{row.content}",
                deadline,
                now,
            )
        )
    for entry in escalated_entries(desk):
        items.append(
            DueItem(
                "escalated",
                "上报主管",
                "reception_entries",
                entry.id,
                entry.entry_no,
                entry.location,
                entry.content,
                None,
                deadlines.LATE,
                0,
            )
        )
    items.sort(key=lambda i: (STATE_ORDER[i.state], i.due_at or "", i.number))
    return items


def escalated_entries(desk: Desk) -> list[reception_store.EntryRow]:
    return reception_store.escalated_open(desk.db)


def handover_items(desk: Desk) -> list[dict[str, str]]:
    """Unfinished matters for the handover report: open orders, complaints, callbacks."""
    rows: list[dict[str, str]] = []
    for order in repairs.dispatch_rows(desk):
        who = order.technician_name or "未派工"
        rows.append(
            {
                "kind": f"维修·{order.status}",
                "description": f"{order.order_no} {order.location} {order.content[:40]}（{who}，"
                f"报修 {display(order.reported_at)}）",
            }
        )
    for entry in reception_store.open_complaints(desk.db):
        rows.append(
            {
                "kind": "投诉·待处理",
                "description": f"{entry.entry_no} {entry.location} {entry.content[:40]}（"
                f"{entry.department}，时限 {display(entry.due_at)}）",
            }
        )
    for row in callbacks_store.due(desk.db):
        rows.append(
            {
                "kind": "待回访",
                "description": f"{row.subject_no} {row.location}（{row.subject_kind}，"
                f"应于 {display(row.due_at)} 前，已拨 {row.attempts} 次）",
            }
        )
    return rows


OPEN_ITEM_PROVIDERS.append(handover_items)
