"""Move-in (入住交房) rules as pure functions: the stations of a visit, working-day
deadlines of defects, the first months of fees, the states of a batch's units."""

from __future__ import annotations

from datetime import date, timedelta

# The stations of a visit (收房): stable ids, the estate's labels live in the settings.
STATION_IDS = ("identity", "fees", "documents", "inspection", "meters", "keys", "archive")
STATION_STATES = ("pending", "done", "skipped")

# A unit of a batch (交付批次).
UNIT_STATES = ("未预约", "已预约", "办理中", "已交房", "带条件收房", "拒收")
# How a hand-over ends.
OUTCOMES = ("已交房", "带条件收房", "拒收")
# A cell of the joint inspection (联合验房).
CELL_RESULTS = ("合格", "有问题")
# A defect: open until the owner's re-inspection (复验) passes; 待复验 is shown while its
# repair order is completed and the re-inspection has not been done.
DEFECT_STATES = ("待整改", "已复验")
AWAITING_REINSPECTION = "待复验"
# Meters read at hand-over and the ledger's metered items they start.
METER_ITEMS = {"水": "water", "电": "electricity", "燃气": "gas"}
NOTICE_WAYS = ("短信", "电话", "邮寄", "当面", "微信")
# The directory's unit statuses (空置 / 已交房 / 装修中 / 已入住 / 出租) before delivery:
# only 空置 — a unit the developer has not handed over stands vacant in the directory.
PRE_DELIVERY_STATUSES = ("空置",)
HANDED_OVER_STATUS = "已交房"


def status_after_handover(status: str) -> str:
    """The unit's status once the owner has taken it (已交房 or 带条件收房): a unit not yet
    delivered becomes 已交房; one the directory already shows as delivered, under
    renovation, lived in or let keeps its status — a hand-over recorded late never sets
    a unit back."""
    return HANDED_OVER_STATUS if status in PRE_DELIVERY_STATUSES else status


def due_at_handover(due_on: str, today: str, *, first_month: bool) -> bool:
    """Whether an open charge is paid at the hand-over: everything due by today, and the
    months prepaid at hand-over whenever they fall due (a billing run may have posted one
    already, due later in the month)."""
    return first_month or due_on <= today


# A defect's repair order: until anyone is sent (登记, or referred to the developer's
# contractor with no visit yet) the defect may be changed; until the work starts (no one
# has arrived) a defect recorded by mistake may be removed, its order cancelled.
NOT_SENT_STATUSES = ("登记", "转外单位")
NOT_STARTED_STATUSES = ("登记", "已派工", "暂停", "转外单位")


def defect_changeable(order_status: str | None, *, dispatched: bool, arrived: bool) -> bool:
    """Whether a defect may still be changed (category, note, who fixes it)."""
    if order_status is None:
        return True
    return order_status in NOT_SENT_STATUSES and not dispatched and not arrived


def defect_removable(order_status: str | None, *, arrived: bool) -> bool:
    """Whether a defect recorded by mistake may still be removed (its order cancelled)."""
    if order_status is None:
        return True
    return order_status in NOT_STARTED_STATUSES and not arrived


def add_working_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def fee_start_month(handed_over: date, start_day: int) -> tuple[int, int]:
    """The first month the owner pays for: the hand-over month when handed over on or
    before ``start_day``, else the next month."""
    if handed_over.day <= start_day:
        return handed_over.year, handed_over.month
    if handed_over.month == 12:
        return handed_over.year + 1, 1
    return handed_over.year, handed_over.month + 1


def months_from(first: tuple[int, int], count: int) -> list[str]:
    """``count`` periods (``2026-11``) from ``first``."""
    year, month = first
    periods = []
    for _ in range(count):
        periods.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return periods


def unit_state(*, booked: bool, started: bool, outcome: str | None) -> str:
    """The state of a batch's unit from its appointment and its hand-over record."""
    if outcome is not None:
        return outcome
    if started:
        return "办理中"
    return "已预约" if booked else "未预约"


def long_side_fit(width: int, height: int, limit: int) -> tuple[int, int]:
    """The size of an image scaled down so that its long side is at most ``limit``."""
    long_side = max(width, height)
    if long_side <= limit:
        return width, height
    scale = limit / long_side
    return max(1, round(width * scale)), max(1, round(height * scale))
