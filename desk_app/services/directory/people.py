"""People in units: owners, co-owners, tenants and members with their history (an
occupancy is ended, never overwritten), ownership transfer, contact changes, vehicles.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_id_number, mask_phone, validate_id_number, validate_phone
from desk_app.core.vocabularies import OCCUPANT_ROLES, VEHICLE_KINDS
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory.people import PersonRecord

ROLE_LABELS = {"owner": "业主", "co_owner": "共有人", "tenant": "租户", "member": "入住成员"}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_MONTH = re.compile(r"^\d{4}-\d{2}$")


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


def check_date(value: str | None, label: str) -> str | None:
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
    return replace(
        record,
        name=name,
        gender=record.gender or None,
        birth_month=birth,
        id_number=id_number,
        phone=phones[0],
        phone2=phones[1],
        hukou=_stripped(record.hukou),
        address=_stripped(record.address),
        employer=_stripped(record.employer),
        position=_stripped(record.position),
        employer_address=_stripped(record.employer_address),
        note=_stripped(record.note),
    )


def _stripped(text: str | None) -> str | None:
    return (text or "").strip() or None


def occupant_view(row: people_store.OccupancyRow) -> OccupantView:
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
) -> Done[int]:
    """Add an owner, co-owner, tenant or household member to a unit; returns the occupancy id."""
    estate.get_unit(desk, unit_id)
    if role not in OCCUPANT_ROLES:
        raise ValidationError(f"未知的身份：{role}")
    person = clean_person(person, today=desk.clock.now().date())
    since = check_date(since, "起始日期")
    lease_start = check_date(lease_start, "租期开始")
    lease_end = check_date(lease_end, "租期结束")
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
        occupancy_id = _add_occupancy(
            op,
            unit_id,
            person_id,
            role,
            relation=relation,
            since=since,
            lease_start=lease_start,
            lease_end=lease_end,
        )
    return op.done(occupancy_id)


def end_occupancy(
    desk: Desk, occupancy_id: int, *, reason: str, until: str | None = None
) -> Done[None]:
    """A tenant moves out, a member leaves: the row is ended, never deleted."""
    row = people_store.get_occupancy(desk.db, occupancy_id)
    if row is None:
        raise NotFoundError(f"入住记录 {occupancy_id} 不存在。")
    if row.ended_at:
        raise ValidationError("该记录已经结束。")
    if not reason.strip():
        raise ValidationError("请填写原因。", field="reason")
    until = check_date(until, "结束日期") or desk.clock.now().date().isoformat()
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
        op.record("occupancies", occupancy_id, reason=reason.strip())
    return op.done(None)


def transfer_ownership(
    desk: Desk,
    unit_id: int,
    new_owners: list[PersonRecord],
    *,
    on_date: str,
    reason: str = "产权转移",
) -> Done[list[int]]:
    """过户: the current owners and co-owners are ended on ``on_date``; the new ones start.
    History stays: who owned the unit when."""
    estate.get_unit(desk, unit_id)
    if not new_owners:
        raise ValidationError("请至少填写一位新业主。")
    day = check_date(on_date, "过户日期")
    if day is None:
        raise ValidationError("请填写过户日期。", field="on_date")
    today = desk.clock.now().date()
    cleaned = [clean_person(p, today=today) for p in new_owners]
    with desk.operation("ownership_transferred") as op:
        for row in people_store.occupancies_for_unit(desk.db, unit_id, current_only=True):
            if row.role in ("owner", "co_owner"):
                people_store.end_occupancy(
                    desk.db,
                    row.id,
                    until=day,
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
                    since=day,
                    lease_start=None,
                    lease_end=None,
                )
            )
        op.record("units", unit_id, owners=[p.name for p in cleaned], on_date=day)
    return op.done(ids)


CONTACT_FIELDS = ("phone", "phone2", "address", "employer", "employer_address", "hukou")


def update_person(desk: Desk, person_id: int, changes: dict[str, str | None]) -> Done[None]:
    """Edit a person; changes of phone and address are kept as contact history."""
    current = people_store.get_person(desk.db, person_id)
    if current is None:
        raise NotFoundError(f"人员 {person_id} 不存在。")
    edited = PersonRecord(**{**asdict(current.record), **changes})
    merged = clean_person(edited, today=desk.clock.now().date())
    changed = {
        name: getattr(merged, name)
        for name in changes
        if getattr(merged, name) != getattr(current.record, name)
    }
    if not changed:
        return Done(None, NO_CHANGES)
    with desk.operation("person_updated") as op:
        people_store.update_person(desk.db, person_id, changed, op.at)
        for name, value in changed.items():
            if name in CONTACT_FIELDS:
                change_id = people_store.insert_contact_change(
                    desk.db,
                    person_id=person_id,
                    field=name,
                    old_value=getattr(current.record, name),
                    new_value=value,
                    changed_at=op.at,
                    changed_by=op.operator_id,
                    changed_shift=op.shift_id,
                )
                op.touch("contact_changes", [change_id])
        search_index.index_person(desk.db, person_id)
        # The audit names the fields, never the values of ID numbers and phones.
        op.record("people", person_id, fields=sorted(changed))
    return op.done(None)


def add_vehicle(
    desk: Desk,
    unit_id: int,
    plate: str,
    *,
    kind: str = "汽车",
    person_id: int | None = None,
    note: str | None = None,
) -> Done[int]:
    estate.get_unit(desk, unit_id)
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
    return op.done(vehicle_id)


def end_vehicle(desk: Desk, vehicle_id: int) -> Done[None]:
    if people_store.get_vehicle(desk.db, vehicle_id) is None:
        raise NotFoundError(f"车辆 {vehicle_id} 不存在。")
    with desk.operation("vehicle_removed") as op:
        people_store.end_vehicle(desk.db, vehicle_id, op.at)
        search_index.index_vehicle(desk.db, vehicle_id)
        op.record("vehicles", vehicle_id)
    return op.done(None)


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
