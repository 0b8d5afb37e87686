"""Repairs' part of what is due now and of the handover: orders not yet dispatched,
urgent orders with nobody on site, callbacks due today or overdue; the open orders and
callbacks still to make."""

from __future__ import annotations

from datetime import timedelta

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text, to_text
from desk_app.services.desk import Desk
from desk_app.services.repairs import orders as repairs
from desk_app.services.shifts.due_now import DueItem, item
from desk_app.storage.repairs import callbacks as callbacks_store
from desk_app.storage.repairs import orders as repairs_store

TABLES = ("repair_orders", "callbacks")


def due_items(desk: Desk) -> list[DueItem]:
    now = desk.clock.now()
    lim = repairs.limits(desk)
    items: list[DueItem] = []
    for order in repairs_store.open_orders(desk.db, ("登记", "已派工")):
        deadline = repairs.running_deadline(desk, order, lim)
        if deadline is None:
            continue
        items.append(
            item(
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
    end_of_today = deadlines.end_of_day(now)
    for row in callbacks_store.due(
        desk.db, due_before=to_text(end_of_today + timedelta(seconds=1))
    ):
        deadline = deadlines.Deadline(
            deadlines.CALLBACK, from_text(row.started_at), from_text(row.due_at)
        )
        items.append(
            item(
                deadlines.CALLBACK,
                "callbacks",
                row.id,
                row.subject_no,
                row.location,
                row.content,
                deadline,
                now,
                matter=row.subject_kind,
            )
        )
    return items


def handover_orders(desk: Desk) -> list[dict[str, str]]:
    """Unfinished matters for the handover report: the open repair orders."""
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
    return rows


def handover_callbacks(desk: Desk) -> list[dict[str, str]]:
    """Unfinished matters for the handover report: the callbacks still to make."""
    return [
        {
            "kind": "待回访",
            "description": f"{row.subject_no} {row.location}（{row.subject_kind}，"
            f"应于 {display(row.due_at)} 前，已拨 {row.attempts} 次）",
        }
        for row in callbacks_store.due(desk.db)
    ]
