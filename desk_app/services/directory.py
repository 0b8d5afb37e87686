"""The directory (业主档案): buildings, units, public places, the people in each unit
(owners, co-owners, tenants, household members) with their history, vehicles, the
household archive, and privacy — masked by default, revealed only by a logged act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from desk_app.core.address import parse_unit_address
from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.core.estate import BuildingPlan, format_area, parse_area_centi
from desk_app.core.masking import mask_id_number, mask_phone, validate_id_number, validate_phone
from desk_app.core.vocabularies import OCCUPANT_ROLES, UNIT_KINDS, UNIT_STATUSES, VEHICLE_KINDS
from desk_app.services.approvals import Approval
from desk_app.services.desk import Change, Desk, Operation
from desk_app.storage.directory import archives as archives_store
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory import units as units_store
from desk_app.storage.directory.archives import ArchiveFacts, LoanRow
from desk_app.storage.directory.buildings import BuildingRow, PlaceRow
from desk_app.storage.directory.people import PersonRecord, VehicleRow
from desk_app.storage.directory.units import NewUnit, UnitRow

__all__ = [
    "OCCUPANT_ROLES",
    "UNIT_KINDS",
    "UNIT_STATUSES",
    "VEHICLE_KINDS",
    "ArchiveFacts",
    "BuildingPlan",
    "BuildingRow",
    "LoanRow",
    "PersonRecord",
    "PlaceRow",
    "UnitRow",
    "VehicleRow",
]

ROLE_LABELS = {"owner": "业主", "co_owner": "共有人", "tenant": "租户", "member": "入住成员"}

# Papers kept per household (DOMAIN.md §5; 住所(经营场所)登记表 for business use).
OWNER_PAPERS = [
    "身份证复印件",
    "入伙通知书",
    "前期物业管理服务协议",
    "业主情况登记表",
    "业主临时公约",
    "装修管理协议",
    "消防安全责任书",
    "物业验收交接记录表",
]
TENANT_PAPERS = ["租赁合同", "承租人身份证/营业执照复印件", "委托书", "前期费用结算清单"]
BUSINESS_PAPER = "住所(经营场所)登记表"
ALL_PAPERS = [*OWNER_PAPERS, *TENANT_PAPERS, BUSINESS_PAPER]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_BUILDING_CODE = re.compile(r"^[0-9A-Za-z]{1,6}$")


@dataclass(frozen=True)
class OccupantView:
    """One person's place in a unit, with the ID number and phones masked."""

    occupancy_id: int
    person_id: int
    name: str
    gender: str | None
    role: str
    role_label: str
    relation: str | None
    id_number_masked: str
    phone_masked: str
    since: str | None
    until: str | None
    lease_start: str | None
    lease_end: str | None
    ended: bool
    ended_reason: str | None
    # The rest of 业主档案资料表 for this person; the second phone masked too.
    birth_month: str | None = None
    id_type: str | None = None
    phone2_masked: str = ""
    hukou: str | None = None
    address: str | None = None
    employer: str | None = None
    position: str | None = None
    employer_address: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class UnitPage:
    unit: UnitRow
    building: BuildingRow | None
    area_text: str
    current: list[OccupantView]
    history: list[OccupantView]
    vehicles: list[VehicleRow]
    facts: ArchiveFacts
    papers: dict[str, bool]
    loans: list[LoanRow]


# --- validation ----------------------------------------------------------------


def _check_date(value: str | None, label: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if not _DATE.match(text):
        raise ValidationError(f"{label}格式应为 YYYY-MM-DD：{text}")
    try:
        date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{label}不是有效日期：{text}") from None
    return text


def clean_person(record: PersonRecord, *, today: date | None = None) -> PersonRecord:
    """Validate and normalise a person's fields; raises ValidationError in Chinese."""
    name = record.name.strip()
    if not name:
        raise ValidationError("姓名不能为空。", field="name")
    if len(name) > 40:
        raise ValidationError("姓名过长。", field="name")
    if record.gender not in (None, "", "男", "女"):
        raise ValidationError("性别只能是 男 或 女。", field="gender")
    birth = (record.birth_month or "").strip() or None
    if birth and not _MONTH.match(birth):
        raise ValidationError(f"出生年月格式应为 YYYY-MM：{birth}", field="birth_month")
    id_number = (record.id_number or "").strip() or None
    if id_number and record.id_type == "居民身份证":
        try:
            id_number = validate_id_number(id_number, today=today)
        except ValidationError as error:
            raise ValidationError(error.message, field="id_number") from None
    phones = []
    for field_name in ("phone", "phone2"):
        value = (getattr(record, field_name) or "").strip() or None
        if value:
            try:
                value = validate_phone(value)
            except ValidationError as error:
                raise ValidationError(error.message, field=field_name) from None
        phones.append(value)
    stripped = {
        name_: (getattr(record, name_) or "").strip() or None
        for name_ in ("hukou", "address", "employer", "position", "employer_address", "note")
    }
    return replace(
        record,
        name=name,
        gender=record.gender or None,
        birth_month=birth,
        id_number=id_number,
        phone=phones[0],
        phone2=phones[1],
        **stripped,
    )


def _view(row: people_store.OccupancyRow) -> OccupantView:
    return OccupantView(
        occupancy_id=row.id,
        person_id=row.person_id,
        name=row.person.name,
        gender=row.person.gender,
        role=row.role,
        role_label=ROLE_LABELS[row.role],
        relation=row.relation,
        id_number_masked=mask_id_number(row.person.id_number),
        phone_masked=mask_phone(row.person.phone),
        since=row.since,
        until=row.until,
        lease_start=row.lease_start,
        lease_end=row.lease_end,
        ended=row.ended_at is not None,
        ended_reason=row.ended_reason,
        birth_month=row.person.birth_month,
        id_type=row.person.id_type,
        phone2_masked=mask_phone(row.person.phone2) if row.person.phone2 else "",
        hukou=row.person.hukou,
        address=row.person.address,
        employer=row.person.employer,
        position=row.person.position,
        employer_address=row.person.employer_address,
        note=row.person.note,
    )


# --- estate structure ------------------------------------------------------------


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
) -> BuildingRow:
    code = code.strip().upper()
    if not _BUILDING_CODE.match(code):
        raise ValidationError("楼号只能是 1–6 位数字或字母，例如 3、A、12。", field="code")
    if buildings_store.building_by_code(desk.db, code):
        raise ValidationError(f"楼号 {code} 已存在。", field="code")
    with desk.operation("building_created") as op:
        _add_building(op, code, name, has_entrances=has_entrances, floors=floors)
    return buildings_store.building_by_code(desk.db, code)  # type: ignore[return-value]


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
) -> list[int]:
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
        op.record(
            "units",
            None,
            building=plan.building,
            count=len(ids),
            first=new[0].code if new else None,
            last=new[-1].code if new else None,
        )
    return ids


def create_public_place(
    desk: Desk,
    name: str,
    *,
    building: str | None = None,
    floor: str | None = None,
    note: str | None = None,
) -> PlaceRow:
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
    return buildings_store.place_by_code(desk.db, code)  # type: ignore[return-value]


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
) -> Change:
    unit = get_unit(desk, unit_id)
    fields: dict[str, object] = {}
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
        return Change("unit_updated", "units", str(unit_id))
    with desk.operation("unit_updated") as op:
        units_store.update(desk.db, unit_id, changed, op.at)
        return op.record("units", unit_id, **{k: v for k, v in changed.items()})


# --- people in units ------------------------------------------------------------------


def _person_id_for(op: Operation, record: PersonRecord) -> int:
    """Reuse the person with the same ID number (one person, several units); else insert."""
    if record.id_number:
        existing = people_store.person_by_id_number(op.db, record.id_type, record.id_number)
        if existing:
            return existing.id
    person_id = people_store.insert_person(
        op.db, record, created_at=op.at, created_by=op.operator_id, created_shift=op.shift_id
    )
    search_index.index_person(op.db, person_id)
    op.record("people", person_id, operation="person_created", name=record.name)
    return person_id


def _add_occupancy(
    op: Operation,
    unit_id: int,
    person_id: int,
    role: str,
    *,
    relation: str | None,
    since: str | None,
    lease_start: str | None,
    lease_end: str | None,
) -> int:
    occupancy_id = people_store.insert_occupancy(
        op.db,
        unit_id=unit_id,
        person_id=person_id,
        role=role,
        relation=relation,
        since=since,
        lease_start=lease_start,
        lease_end=lease_end,
        created_at=op.at,
        created_by=op.operator_id,
        created_shift=op.shift_id,
    )
    op.record(
        "occupancies",
        occupancy_id,
        operation="occupant_added",
        unit_id=unit_id,
        person_id=person_id,
        role=role,
    )
    return occupancy_id


def add_occupant(
    desk: Desk,
    unit_id: int,
    person: PersonRecord,
    role: str,
    *,
    relation: str | None = None,
    since: str | None = None,
    lease_start: str | None = None,
    lease_end: str | None = None,
) -> int:
    """Add an owner, co-owner, tenant or household member to a unit; returns the occupancy id."""
    get_unit(desk, unit_id)
    if role not in OCCUPANT_ROLES:
        raise ValidationError(f"未知的身份：{role}")
    person = clean_person(person, today=desk.clock.now().date())
    since = _check_date(since, "起始日期")
    lease_start = _check_date(lease_start, "租期开始")
    lease_end = _check_date(lease_end, "租期结束")
    if role == "tenant" and not (lease_start and lease_end):
        raise ValidationError("租户需填写租期开始和结束日期。", field="lease_start")
    if lease_start and lease_end and lease_end < lease_start:
        raise ValidationError("租期结束早于开始。", field="lease_end")
    if role == "owner" and any(
        o.role == "owner"
        for o in people_store.occupancies_for_unit(desk.db, unit_id, current_only=True)
    ):
        raise ValidationError("该房屋已有业主；更换业主请用「产权转移」，共有人请选「共有人」。")
    with desk.operation("occupant_added") as op:
        person_id = _person_id_for(op, person)
        return _add_occupancy(
            op,
            unit_id,
            person_id,
            role,
            relation=relation,
            since=since,
            lease_start=lease_start,
            lease_end=lease_end,
        )


def end_occupancy(
    desk: Desk, occupancy_id: int, *, reason: str, until: str | None = None
) -> Change:
    """A tenant moves out, a member leaves: the row is ended, never deleted."""
    row = people_store.get_occupancy(desk.db, occupancy_id)
    if row is None:
        raise NotFoundError(f"入住记录 {occupancy_id} 不存在。")
    if row.ended_at:
        raise ValidationError("该记录已经结束。")
    if not reason.strip():
        raise ValidationError("请填写原因。", field="reason")
    until = _check_date(until, "结束日期") or desk.clock.now().date().isoformat()
    with desk.operation("occupancy_ended") as op:
        people_store.end_occupancy(
            desk.db,
            occupancy_id,
            until=until,
            reason=reason.strip(),
            ended_at=op.at,
            ended_by=op.operator_id,
            ended_shift=op.shift_id,
        )
        return op.record("occupancies", occupancy_id, reason=reason.strip())


def transfer_ownership(
    desk: Desk,
    unit_id: int,
    new_owners: list[PersonRecord],
    *,
    on_date: str,
    reason: str = "产权转移",
) -> list[int]:
    """过户: the current owners and co-owners are ended on ``on_date``; the new ones start.
    History stays: who owned the unit when."""
    get_unit(desk, unit_id)
    if not new_owners:
        raise ValidationError("请至少填写一位新业主。")
    on_date = _check_date(on_date, "过户日期")
    if on_date is None:
        raise ValidationError("请填写过户日期。", field="on_date")
    today = desk.clock.now().date()
    cleaned = [clean_person(p, today=today) for p in new_owners]
    with desk.operation("ownership_transferred") as op:
        for row in people_store.occupancies_for_unit(desk.db, unit_id, current_only=True):
            if row.role in ("owner", "co_owner"):
                people_store.end_occupancy(
                    desk.db,
                    row.id,
                    until=on_date,
                    reason=reason,
                    ended_at=op.at,
                    ended_by=op.operator_id,
                    ended_shift=op.shift_id,
                )
                op.record("occupancies", row.id, operation="occupancy_ended", reason=reason)
        ids = []
        for index, person in enumerate(cleaned):
            person_id = _person_id_for(op, person)
            ids.append(
                _add_occupancy(
                    op,
                    unit_id,
                    person_id,
                    "owner" if index == 0 else "co_owner",
                    relation=None,
                    since=on_date,
                    lease_start=None,
                    lease_end=None,
                )
            )
        op.record("units", unit_id, owners=[p.name for p in cleaned], on_date=on_date)
    return ids


CONTACT_FIELDS = ("phone", "phone2", "address", "employer", "employer_address", "hukou")


def update_person(desk: Desk, person_id: int, changes: dict[str, str | None]) -> Change:
    """Edit a person; changes of phone and address are kept as contact history."""
    current = people_store.get_person(desk.db, person_id)
    if current is None:
        raise NotFoundError(f"人员 {person_id} 不存在。")
    merged = clean_person(replace(current.record, **changes), today=desk.clock.now().date())
    changed = {
        name: getattr(merged, name)
        for name in changes
        if getattr(merged, name) != getattr(current.record, name)
    }
    if not changed:
        return Change("person_updated", "people", str(person_id))
    with desk.operation("person_updated") as op:
        people_store.update_person(desk.db, person_id, changed, op.at)
        for name, value in changed.items():
            if name in CONTACT_FIELDS:
                people_store.insert_contact_change(
                    desk.db,
                    person_id=person_id,
                    field=name,
                    old_value=getattr(current.record, name),
                    new_value=value,
                    changed_at=op.at,
                    changed_by=op.operator_id,
                    changed_shift=op.shift_id,
                )
        search_index.index_person(desk.db, person_id)
        # The audit names the fields, never the values of ID numbers and phones.
        return op.record("people", person_id, fields=sorted(changed))


def add_vehicle(
    desk: Desk,
    unit_id: int,
    plate: str,
    *,
    kind: str = "汽车",
    person_id: int | None = None,
    note: str | None = None,
) -> int:
    get_unit(desk, unit_id)
    if kind not in VEHICLE_KINDS:
        raise ValidationError(f"车辆类型只能是：{'、'.join(VEHICLE_KINDS)}", field="kind")
    normalised = search_index.normalise_plate(plate)
    if kind == "汽车" and not re.match(r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$", normalised):
        raise ValidationError(f"车牌号格式不正确：{plate}（例如 鲁A12345）", field="plate")
    if normalised and people_store.vehicle_with_plate(desk.db, normalised):
        raise ValidationError(f"车牌 {normalised} 已登记在其他房屋。", field="plate")
    with desk.operation("vehicle_added") as op:
        vehicle_id = people_store.insert_vehicle(
            desk.db,
            unit_id=unit_id,
            person_id=person_id,
            kind=kind,
            plate=normalised or None,
            note=note,
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        search_index.index_vehicle(desk.db, vehicle_id)
        op.record("vehicles", vehicle_id, unit_id=unit_id, plate=normalised)
    return vehicle_id


def end_vehicle(desk: Desk, vehicle_id: int) -> Change:
    if people_store.get_vehicle(desk.db, vehicle_id) is None:
        raise NotFoundError(f"车辆 {vehicle_id} 不存在。")
    with desk.operation("vehicle_removed") as op:
        people_store.end_vehicle(desk.db, vehicle_id, op.at)
        search_index.index_vehicle(desk.db, vehicle_id)
        return op.record("vehicles", vehicle_id)


# --- the household archive ----------------------------------------------------------


def save_archive_facts(desk: Desk, unit_id: int, facts: ArchiveFacts) -> Change:
    get_unit(desk, unit_id)
    labels = {
        "purchase_date": "购房日期",
        "receive_date": "收楼日期",
        "movein_date": "入住日期",
        "contract_signed_on": "购房合同签定时间",
        "checkin_done_on": "办理入住时间",
    }
    checked = replace(
        facts, **{name: _check_date(getattr(facts, name), label) for name, label in labels.items()}
    )
    with desk.operation("archive_updated") as op:
        archives_store.put_facts(
            desk.db,
            unit_id,
            checked,
            updated_at=op.at,
            updated_by=op.operator_id,
            updated_shift=op.shift_id,
        )
        return op.record("household_archives", unit_id)


def set_paper_on_file(desk: Desk, unit_id: int, paper: str, on_file: bool) -> Change:
    get_unit(desk, unit_id)
    if paper not in ALL_PAPERS:
        raise ValidationError(f"未知的档案资料：{paper}")
    with desk.operation("archive_paper_set") as op:
        archives_store.set_paper(
            desk.db,
            unit_id,
            paper,
            on_file,
            updated_at=op.at,
            updated_by=op.operator_id,
            updated_shift=op.shift_id,
        )
        return op.record("archive_papers", unit_id, paper=paper, on_file=on_file)


def unit_page(desk: Desk, unit_id: int) -> UnitPage:
    """Everything about a unit, masked: its people now and before, vehicles, archive."""
    unit = get_unit(desk, unit_id)
    rows = people_store.occupancies_for_unit(desk.db, unit_id, current_only=False)
    views = [_view(r) for r in rows]
    on_file = archives_store.papers_on_file(desk.db, unit_id)
    return UnitPage(
        unit=unit,
        building=buildings_store.building_by_code(desk.db, unit.building),
        area_text=format_area(unit.area_centi_m2),
        current=[v for v in views if not v.ended],
        history=[v for v in views if v.ended],
        vehicles=people_store.vehicles_for_unit(desk.db, unit_id),
        facts=archives_store.get_facts(desk.db, unit_id) or ArchiveFacts(),
        papers={paper: on_file.get(paper, False) for paper in ALL_PAPERS},
        loans=archives_store.loans_for_unit(desk.db, unit_id),
    )


def contact_history(desk: Desk, person_id: int) -> list[people_store.ContactChangeRow]:
    """Masked: phones show as 138****5678 even in the history."""
    rows = people_store.contact_changes_for(desk.db, person_id)
    masked = []
    for row in rows:
        if row.field.startswith("phone"):
            row = replace(
                row,
                old_value=mask_phone(row.old_value) if row.old_value else None,
                new_value=mask_phone(row.new_value) if row.new_value else None,
            )
        masked.append(row)
    return masked


# --- privacy ----------------------------------------------------------------------

REVEALABLE = {"id_number": "证件号码", "phone": "联系电话", "phone2": "联系电话2"}


def reveal(desk: Desk, person_id: int, field: str, *, reason: str) -> str:
    """Show one ID number or phone in full: a deliberate act, written to the audit trail."""
    if desk.operator is None:
        raise PermissionDenied("请先登录。")
    if field not in REVEALABLE:
        raise ValidationError(f"不能显示该项：{field}")
    if not reason.strip():
        raise ValidationError("请填写查看原因。", field="reason")
    row = people_store.get_person(desk.db, person_id)
    if row is None:
        raise NotFoundError(f"人员 {person_id} 不存在。")
    with desk.operation("identity_revealed") as op:
        op.record("people", person_id, field=REVEALABLE[field], reason=reason.strip())
    return getattr(row.record, field) or ""


def require_unmasked_export(desk: Desk, what: str) -> None:
    """Exports with full ID numbers and phones: managers only, and logged."""
    desk.require_role("manager", "导出未遮蔽的证件号码和电话")
    with desk.operation("unmasked_export") as op:
        op.record(None, None, what=what)


# --- archive lending (文件借阅登记) ---------------------------------------------------


def lend_archive(
    desk: Desk,
    unit_id: int,
    *,
    borrower: str,
    purpose: str,
    approval: Approval,
    due_at: str | None = None,
    note: str | None = None,
) -> int:
    """Lending the paper file needs the manager's approval (DOMAIN.md §1)."""
    get_unit(desk, unit_id)
    if not approval.approver.at_least("manager"):
        raise PermissionDenied("借阅业主档案须经客服中心经理批准。")
    if not borrower.strip() or not purpose.strip():
        raise ValidationError("请填写借阅人和借阅用途。")
    due_at = _check_date(due_at, "应还日期")
    with desk.operation("archive_lent") as op:
        approval.write_to(op, "units", unit_id)
        loan_id = archives_store.insert_loan(
            desk.db,
            unit_id=unit_id,
            borrower=borrower.strip(),
            purpose=purpose.strip(),
            approved_by=approval.approver.id,
            lent_at=op.at,
            due_at=due_at,
            note=note,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record("archive_loans", loan_id, borrower=borrower.strip(), unit_id=unit_id)
    return loan_id


def return_archive(desk: Desk, loan_id: int) -> Change:
    loan = archives_store.get_loan(desk.db, loan_id)
    if loan is None:
        raise NotFoundError(f"借阅记录 {loan_id} 不存在。")
    if loan.returned_at:
        raise ValidationError("该档案已归还。")
    with desk.operation("archive_returned") as op:
        archives_store.return_loan(desk.db, loan_id, returned_at=op.at, returned_to=op.operator_id)
        return op.record("archive_loans", loan_id)


def open_loans(desk: Desk) -> list[LoanRow]:
    return archives_store.open_loans(desk.db)
