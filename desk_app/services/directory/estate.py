"""The estate's structure: buildings, units (created in bulk from a plan) and public places."""

from __future__ import annotations

import re
from typing import Any

from desk_app.core.address import parse_unit_address
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.estate import BuildingPlan, parse_area_centi
from desk_app.core.vocabularies import UNIT_KINDS, UNIT_STATUSES
from desk_app.services.desk import Desk
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory import units as units_store
from desk_app.storage.directory.buildings import BuildingRow, PlaceRow
from desk_app.storage.directory.units import NewUnit, UnitRow

_BUILDING_CODE = re.compile(r"^[0-9A-Za-z]{1,6}$")


def _add_building(
    op: Operation, code: str, name: str | None, *, has_entrances: bool, floors: int | None
) -> int:
    """Insert a building inside the caller's operation; the name defaults to 3栋 / A座."""
    name = (name or "").strip() or (f"{code}栋" if code.isdigit() else f"{code}座")
    building_id = buildings_store.insert_building(
        op.db,
        code=code,
        name=name,
        has_entrances=has_entrances,
        floors=floors,
        created_at=op.at,
        created_by=op.operator_id,
        created_shift=op.shift_id,
    )
    op.record("buildings", building_id, code=code, name=name)
    return building_id


def create_building(
    desk: Desk,
    code: str,
    *,
    name: str | None = None,
    has_entrances: bool = True,
    floors: int | None = None,
) -> Done[BuildingRow]:
    code = code.strip().upper()
    if not _BUILDING_CODE.match(code):
        raise ValidationError("楼号只能是 1–6 位数字或字母，例如 3、A、12。", field="code")
    if buildings_store.building_by_code(desk.db, code):
        raise ValidationError(f"楼号 {code} 已存在。", field="code")
    with desk.operation("building_created") as op:
        _add_building(op, code, name, has_entrances=has_entrances, floors=floors)
    return op.done(buildings_store.building_by_code(desk.db, code))  # type: ignore[arg-type]


def list_buildings(desk: Desk) -> list[BuildingRow]:
    return buildings_store.list_buildings(desk.db)


def preview_units(desk: Desk, plan: BuildingPlan) -> tuple[list[str], list[str]]:
    """(codes that would be created, codes that already exist)."""
    plan.validate()
    codes = [u.code for u in plan.units()]
    existing = units_store.existing_codes(desk.db, codes)
    return [c for c in codes if c not in existing], sorted(existing)


def create_units(
    desk: Desk,
    plan: BuildingPlan,
    *,
    area_text: str | None = None,
    kind: str = "住宅",
    skip_existing: bool = False,
) -> Done[list[int]]:
    """Bulk creation in one transaction: "building 3, entrances 1–2, floors 1–18, 4 per floor"."""
    plan.validate()
    if kind not in UNIT_KINDS:
        raise ValidationError(f"房屋类型只能是：{'、'.join(UNIT_KINDS)}", field="kind")
    area = parse_area_centi(area_text)
    building = buildings_store.building_by_code(desk.db, plan.building.strip().upper())
    planned = plan.units()
    existing = units_store.existing_codes(desk.db, [u.code for u in planned])
    if existing and not skip_existing:
        raise ValidationError(
            f"{len(existing)} 套房屋已存在（如 {sorted(existing)[0]}），未创建任何房屋。"
        )
    new = [u for u in planned if u.code not in existing]
    with desk.operation("units_created") as op:
        if building is None:
            _add_building(
                op,
                plan.building.strip().upper(),
                None,
                has_entrances=plan.first_entrance is not None,
                floors=plan.last_floor,
            )
        ids = units_store.insert_many(
            desk.db,
            (NewUnit(u.code, u.building, u.entrance, u.floor, u.room, area, kind) for u in new),
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        for unit_id in ids:
            search_index.index_unit(desk.db, unit_id)
        op.touch("units", ids)
        op.record(
            "units",
            None,
            building=plan.building,
            count=len(ids),
            first=new[0].code if new else None,
            last=new[-1].code if new else None,
        )
    return op.done(ids)


def create_public_place(
    desk: Desk,
    name: str,
    *,
    building: str | None = None,
    floor: str | None = None,
    note: str | None = None,
) -> Done[PlaceRow]:
    name = name.strip()
    if not name:
        raise ValidationError("请填写公共区域名称。", field="name")
    building = (building or "").strip().upper() or None
    if building and not buildings_store.building_by_code(desk.db, building):
        raise ValidationError(f"没有楼号 {building}。", field="building")
    floor = (floor or "").strip() or None
    code = "-".join(part for part in (building, floor, name) if part)
    if buildings_store.place_by_code(desk.db, code):
        raise ValidationError(f"公共区域「{code}」已存在。")
    with desk.operation("public_place_created") as op:
        place_id = buildings_store.insert_place(
            desk.db,
            code=code,
            name=name,
            building=building,
            floor=floor,
            note=note,
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        search_index.index_place(desk.db, place_id)
        op.record("public_places", place_id, code=code)
    return op.done(buildings_store.place_by_code(desk.db, code))  # type: ignore[arg-type]


def list_public_places(desk: Desk) -> list[PlaceRow]:
    return buildings_store.list_places(desk.db)


def _code_variants(short: str) -> list[str]:
    """3-2-501 also as 3-2-0501 and back: estates number rooms 501 or 0501."""
    head, _, room = short.rpartition("-")
    variants = [short, short.upper()]
    if room.isdigit() and len(room) == 3:
        variants.append(f"{head}-0{room}".lstrip("-"))
    elif room.isdigit() and len(room) == 4 and room.startswith("0"):
        variants.append(f"{head}-{room[1:]}".lstrip("-"))
    return variants


def find_unit(desk: Desk, text: str) -> UnitRow:
    """A unit by any of its spellings (3-2-501, 3栋2单元501, 3-2-0501, 18F-1803)."""
    address = parse_unit_address(text)
    for code in _code_variants(address.short):
        unit = units_store.by_code(desk.db, code)
        if unit is not None:
            return unit
    raise NotFoundError(f"没有房号 {address.short}。")


def get_unit(desk: Desk, unit_id: int) -> UnitRow:
    unit = units_store.get(desk.db, unit_id)
    if unit is None:
        raise NotFoundError(f"房屋 {unit_id} 不存在。")
    return unit


def list_units(
    desk: Desk,
    *,
    building: str | None = None,
    entrance: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[UnitRow]:
    """A page of units (with the current owner's name), optionally of one building/entrance."""
    return units_store.list_units(
        desk.db, building=building, entrance=entrance, limit=limit, offset=offset
    )


def update_unit(
    desk: Desk,
    unit_id: int,
    *,
    area_text: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    business_use: bool | None = None,
    note: str | None = None,
) -> Done[None]:
    unit = get_unit(desk, unit_id)
    fields: dict[str, Any] = {}
    if area_text is not None:
        fields["area_centi_m2"] = parse_area_centi(area_text)
    if kind is not None:
        if kind not in UNIT_KINDS:
            raise ValidationError(f"房屋类型只能是：{'、'.join(UNIT_KINDS)}", field="kind")
        fields["kind"] = kind
    if status is not None:
        if status not in UNIT_STATUSES:
            raise ValidationError(f"房屋状态只能是：{'、'.join(UNIT_STATUSES)}", field="status")
        fields["status"] = status
    if business_use is not None:
        fields["business_use"] = int(business_use)
    if note is not None:
        fields["note"] = note.strip() or None
    changed = {k: v for k, v in fields.items() if getattr(unit, k) != v}
    if not changed:
        return Done(None, NO_CHANGES)
    with desk.operation("unit_updated") as op:
        units_store.update(desk.db, unit_id, changed, op.at)
        op.record("units", unit_id, **{k: v for k, v in changed.items()})
    return op.done(None)
