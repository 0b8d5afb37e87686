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
