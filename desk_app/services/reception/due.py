"""The reception log's part of what is due now and of the handover: complaints near or
past their deadline, matters raised to the supervisor, complaints still open."""

from __future__ import annotations

from desk_app.core import deadlines
from desk_app.core.clock import display
from desk_app.services.desk import Desk
from desk_app.services.reception import entries as reception
from desk_app.services.shifts.due_now import ESCALATED, DueItem, item
from desk_app.storage.reception import entries as reception_store

TABLES = ("reception_entries",)


def due_items(desk: Desk) -> list[DueItem]:
    now = desk.clock.now()
    items: list[DueItem] = []
    for entry in reception_store.open_complaints(desk.db):
        deadline = reception.complaint_deadline(desk, entry)
        if deadline is None or deadline.state(now) == deadlines.ON_TIME:
            continue
        items.append(
            item(
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
    for entry in escalated_entries(desk):
        items.append(
            DueItem(
                ESCALATED,
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
    return items


def escalated_entries(desk: Desk) -> list[reception_store.EntryRow]:
    return reception_store.escalated_open(desk.db)


def handover_complaints(desk: Desk) -> list[dict[str, str]]:
    """Unfinished matters for the handover report: the complaints still open."""
    return [
        {
            "kind": "投诉·待处理",
            "description": f"{entry.entry_no} {entry.location} {entry.content[:40]}（"
            f"{entry.department}，时限 {display(entry.due_at)}）",
        }
        for entry in reception_store.open_complaints(desk.db)
    ]
