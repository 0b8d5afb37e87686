"""Repairs' lines in the handover report's summary of the shift (本班工作)."""

from __future__ import annotations

from desk_app.core.vocabularies import REPAIR_STATUSES
from desk_app.services.desk import Desk
from desk_app.storage.repairs import callbacks as callbacks_store
from desk_app.storage.repairs import orders as repairs_store

# How the report says an order reached a status in the shift.
STATUS_WORDS = {
    "登记": "登记",
    "已派工": "派工",
    "维修中": "到场",
    "已完工": "完工",
    "已回访": "回访结束",
    "暂停": "暂停",
    "转外单位": "转外单位",
    "已取消": "取消",
}


def handover_summary(desk: Desk, shift_id: int) -> list[dict[str, str]]:
    """维修工单 (how many orders the shift moved on, and their steps) and 回访."""
    rows: list[dict[str, str]] = []
    counts = dict(repairs_store.shift_status_counts(desk.db, shift_id))
    if counts:
        detail = "、".join(
            f"{STATUS_WORDS[status]} {counts[status]}"
            for status in REPAIR_STATUSES
            if counts.get(status)
        )
        orders = repairs_store.shift_order_count(desk.db, shift_id)
        rows.append({"kind": "维修工单", "count": str(orders), "detail": detail})
    reached, missed = callbacks_store.shift_attempts(desk.db, shift_id)
    if reached or missed:
        detail = f"接通 {reached}" + (f"、未接通 {missed}" if missed else "")
        rows.append({"kind": "回访", "count": str(reached + missed), "detail": detail})
    return rows
