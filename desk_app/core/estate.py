"""Planning the units of a building: "building 3, entrances 1–2, floors 1–18,
4 units per floor, numbering 0101…" → the unit codes, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.errors import ValidationError

MAX_UNITS_PER_PLAN = 5000


@dataclass(frozen=True)
class PlannedUnit:
    code: str
    building: str
    entrance: str | None
    floor: int
    room: str


@dataclass(frozen=True)
class BuildingPlan:
    building: str
    first_entrance: int | None  # None: a tower without 单元
    last_entrance: int | None
    first_floor: int
    last_floor: int
    units_per_floor: int
    zero_padded: bool = True  # 0101 … rather than 101 …

    def validate(self) -> None:
        if not self.building.strip():
            raise ValidationError("请填写楼号。")
        if (self.first_entrance is None) != (self.last_entrance is None):
            raise ValidationError("单元号起止要么都填，要么都不填。")
        if self.first_entrance is not None and not (
            1 <= self.first_entrance <= self.last_entrance <= 20  # type: ignore[operator]
        ):
            raise ValidationError("单元号应为 1–20，且起始不大于结束。")
        if not 1 <= self.first_floor <= self.last_floor <= 99:
            raise ValidationError("楼层应为 1–99，且起始不大于结束。")
        if not 1 <= self.units_per_floor <= 20:
            raise ValidationError("每层户数应为 1–20。")
        if len(self.units()) > MAX_UNITS_PER_PLAN:
            raise ValidationError(f"一次最多创建 {MAX_UNITS_PER_PLAN} 套房屋。")

    def units(self) -> list[PlannedUnit]:
        entrances: list[str | None]
        if self.first_entrance is None:
            entrances = [None]
        else:
            entrances = [str(n) for n in range(self.first_entrance, self.last_entrance + 1)]  # type: ignore[operator]
        planned = []
        building = self.building.strip().upper()  # stored building codes are upper-case
        for entrance in entrances:
            for floor in range(self.first_floor, self.last_floor + 1):
                for position in range(1, self.units_per_floor + 1):
                    floor_text = f"{floor:02d}" if self.zero_padded else str(floor)
                    room = f"{floor_text}{position:02d}"
                    code = f"{building}-{entrance}-{room}" if entrance else f"{building}-{room}"
                    planned.append(PlannedUnit(code, building, entrance, floor, room))
        return planned


def parse_area_centi(text: str | float | int | None) -> int | None:
    """Building area in m² ("89.5", "89.50㎡") → hundredths of m² (8950); blank → None."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = f"{text}"
    cleaned = str(text).strip().replace("㎡", "").replace("m²", "").replace("平方米", "")
    cleaned = cleaned.replace("m2", "").strip()
    if not cleaned:
        return None
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"建筑面积不是数字：{text}") from None
    if not value.is_finite() or value <= 0 or value > 100_000:
        raise ValidationError(f"建筑面积不合理：{text}")
    centi = value * 100
    if centi != centi.to_integral_value():
        raise ValidationError(f"建筑面积最多两位小数：{text}")
    return int(centi)


def format_area(centi: int | None) -> str:
    if centi is None:
        return ""
    whole, part = divmod(centi, 100)
    return f"{whole}.{part:02d}"
