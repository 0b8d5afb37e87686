"""The key registry's part of what is due now and of the handover report: loans past
their time (借用逾期) and keys still out on a completed repair order (收回钥匙)."""

from __future__ import annotations

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text
from desk_app.services.desk import Desk
from desk_app.services.shifts.due_now import DueItem
from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.registry import KeySetRow

TABLES = ("key_sets", "repair_orders")
OVERDUE = "key_overdue"
TAKE_BACK = "key_take_back"
FINISHED_ORDER = ("已完工", "已回访", "已取消")


def _item(limit: str, label: str, row: KeySetRow, seconds_left: int, state: str) -> DueItem:
    return DueItem(
        limit,
        label,
        "key_sets",
        row.id,
        row.code,
        row.label,
        row.borrower or "",  # data only: the panel says how late in its own language
        row.due_back,
        state,
        seconds_left,
    )


def due_items(desk: Desk) -> list[DueItem]:
    now = desk.clock.now()
    items: dict[int, DueItem] = {}
    for row in keys_store.out_now(desk.db, due_before=desk.now_text()):
        left = int((from_text(row.due_back or desk.now_text()) - now).total_seconds())
        items[row.id] = _item(OVERDUE, "借用逾期", row, left, deadlines.LATE)
    for row in keys_store.out_on_finished_orders(desk.db, FINISHED_ORDER):
        left = int((from_text(row.due_back or desk.now_text()) - now).total_seconds())
        items[row.id] = _item(TAKE_BACK, "收回钥匙", row, left, deadlines.LATE)
    return list(items.values())


def handover_summary(desk: Desk, shift_id: int) -> list[dict[str, str]]:
    """钥匙借出: every set out now, the overdue named (nothing when none is out)."""
    out = keys_store.out_now(desk.db)
    if not out:
        return []
    now = desk.now_text()
    late = [row for row in out if (row.due_back or "") < now]
    parts = [
        f"{row.code} {row.borrower or ''}" + ("（逾期）" if row in late else "") for row in out
    ]
    detail = "、".join(parts[:20]) + ("…" if len(parts) > 20 else "")
    if late:
        detail = f"逾期 {len(late)}；{detail}"
    return [{"kind": "钥匙借出", "count": str(len(out)), "detail": detail}]


def handover_keys(desk: Desk) -> list[dict[str, str]]:
    """Unfinished matters for the handover report: each key still out."""
    return [
        {
            "kind": "钥匙未还",
            "description": f"{row.code} {row.label}（{row.borrower or ''}，应还 "
            f"{display(row.due_back)}）",
        }
        for row in keys_store.out_now(desk.db)
    ]


def report_section(desk: Desk, shift_id: int) -> dict[str, object]:
    """核对钥匙 on the handover report: the count made at the shift's handover (how many
    should be on the hooks, how many were counted, by whom, the note on a difference);
    nothing when no count was made."""
    row = keys_store.last_count_of_shift(desk.db, shift_id)
    if row is None or row.expected is None or row.counted is None:
        return {}
    difference = row.counted - row.expected
    if difference == 0:
        outcome = "相符"
    else:
        outcome = f"{'多' if difference > 0 else '少'} {abs(difference)} 套"
    return {
        "keys_counts": [
            {
                "expected": f"{row.expected} 套",
                "counted": f"{row.counted} 套",
                "difference": outcome,
                "counted_by": row.operator or "",
                "note": row.note or "—",
            }
        ]
    }
