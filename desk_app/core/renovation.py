"""Renovation (装修与放行) rules as pure functions: the states of an application, the
works items (load-bearing walls refused), the permit's period, the fees by area."""

from __future__ import annotations

import calendar
from datetime import date

from desk_app.core.errors import ValidationError

# An application (装修申请): entered (待审核), reviewed by engineering (待审批), then
# approved by the approver with the fees posted (已批准) or rejected (已驳回); the permit
# issued once the fees are paid (已发证).
APPLICATION_STATES = ("待审核", "待审批", "已批准", "已驳回", "已发证")
OPEN_STATES = ("待审核", "待审批", "已批准", "已发证")
# Who applies: the owner of record, or a tenant with the owner's written consent.
APPLICANT_ROLES = ("owner", "tenant")
APPLICANT_ROLE_LABELS = {"owner": "业主", "tenant": "租户"}
# The fees posted on approval, each with its role in the application.
FEE_ROLES = ("deposit", "management", "waste")
# Works on the load-bearing structure are never allowed (装修管理规定: 不得拆改承重结构);
# an item naming it is refused, and 墙体拆改 needs the applicant's statement that no
# load-bearing wall is touched (不涉及承重墙).
LOAD_BEARING_WORD = "承重"
WALL_ITEM = "墙体拆改"
UNDER_WORKS_STATUS = "装修中"


def check_works(items: list[str], checklist: list[str], *, no_load_bearing: bool) -> list[str]:
    """The works items, in the checklist's order, or a refusal in the applicant's words."""
    chosen = [i.strip() for i in items if i.strip()]
    if not chosen:
        raise ValidationError("请选择装修项目。", field="works")
    for item in chosen:
        if LOAD_BEARING_WORD in item:
            raise ValidationError("不得拆改承重墙、梁、柱等承重结构。", field="works")
        if item not in checklist:
            raise ValidationError(f"“{item}”不在装修项目清单中。", field="works")
    if WALL_ITEM in chosen and not no_load_bearing:
        raise ValidationError("墙体拆改须确认不涉及承重墙。", field="no_load_bearing")
    return [i for i in checklist if i in chosen]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def permit_end(start: date, months: int) -> date:
    """The last day of a permit starting on ``start`` for ``months`` months: the day before
    the same day ``months`` later (3 months from 2026-12-10 run to 2027-03-09)."""
    return date.fromordinal(add_months(start, months).toordinal() - 1)


def check_period(start: date, end: date, months: int) -> None:
    """The planned works fit in one permit's period."""
    if end < start:
        raise ValidationError("计划完工日期不能早于开工日期。", field="planned_end")
    if end > permit_end(start, months):
        raise ValidationError(
            f"计划工期不能超过装修许可期限（{months} 个月，至 {permit_end(start, months)}）。",
            field="planned_end",
        )


def area_fee_fen(area_centi_m2: int, price_fen_per_m2: int) -> int:
    """A fee by area in fen: the area (1/100 ㎡) × the price (fen per ㎡), rounded to the
    nearest fen, half a fen up — integer arithmetic only."""
    if area_centi_m2 < 0 or price_fen_per_m2 < 0:
        raise ValueError("area and price must not be negative")
    return (area_centi_m2 * price_fen_per_m2 + 50) // 100


def waste_fee_fen(area_centi_m2: int | None, per_m2_fen: int, flat_fen: int) -> int:
    """垃圾清运费: by area when the estate sets a price per ㎡, else the flat amount."""
    if per_m2_fen > 0:
        if not area_centi_m2:
            raise ValidationError("该房屋没有建筑面积，无法按面积计算垃圾清运费。", field="unit")
        return area_fee_fen(area_centi_m2, per_m2_fen)
    return flat_fen


def hours_text(periods: str, rest_days: bool) -> str:
    """The permit's working hours as printed: 工作日 08:00–12:00、14:00–18:00；休息日不得施工."""
    spans = "、".join(p.replace("-", "–") for p in periods.split())
    rest = "休息日同工作日" if rest_days else "休息日不得施工"
    return f"工作日 {spans}；{rest}"
