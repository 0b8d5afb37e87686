"""Move-in's part of what is due now: defects whose repair is past its deadline
(遗留问题逾期) — the order itself shows in 维修工单."""

from __future__ import annotations

from datetime import datetime, time

from desk_app.core import deadlines
from desk_app.core.address import long_unit_text
from desk_app.core.clock import CHINA_TZ
from desk_app.services.desk import Desk
from desk_app.services.movein.defects import FINISHED
from desk_app.services.shifts.due_now import DueItem
from desk_app.storage.movein import defects as store

TABLES = ("movein_defects", "repair_orders")
LATE_DEFECT = "movein_defect_late"


def due_items(desk: Desk) -> list[DueItem]:
    now = desk.clock.now()
    items = []
    for row in store.late_defects(desk.db, now.date().isoformat(), FINISHED):
        due_at = datetime.combine(datetime.fromisoformat(row.due_on).date(), time(23, 59), CHINA_TZ)
        items.append(
            DueItem(
                LATE_DEFECT,
                "整改逾期",
                "repair_orders",
                row.repair_order_id or 0,
                row.order_no or "",
                long_unit_text(row.unit_code),
                f"{row.room} {row.item} {row.category}",
                due_at.isoformat(timespec="seconds"),
                deadlines.LATE,
                int((due_at - now).total_seconds()),
                matter="入住",
            )
        )
    return items
