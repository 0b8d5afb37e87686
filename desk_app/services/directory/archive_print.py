"""The printed household archive (业主档案资料表), masked unless a manager asks otherwise."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from desk_app.core.masking import mask_id_number, mask_phone
from desk_app.core.vocabularies import VEHICLE_KINDS
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.directory import archive, privacy
from desk_app.services.directory import people as directory_people
from desk_app.services.operations import Done
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory.people import VehicleRow

FORM = "owner_archive"


def vehicles_text(vehicles: Sequence[VehicleRow]) -> str:
    """车辆情况 as the form has it: *汽车__辆 *摩托车__辆 *助动车__辆 其它, then the plates."""
    counts = Counter(v.kind for v in vehicles)
    text = "　".join(f"*{kind} {counts[kind]} 辆" for kind in VEHICLE_KINDS[:3])
    text += f"　其它 {counts[VEHICLE_KINDS[3]]}" if counts[VEHICLE_KINDS[3]] else "　其它"
    plates = "、".join(v.plate for v in vehicles if v.plate)
    return f"{text}（车牌：{plates}）" if plates else text


def archive_sheet_data(desk: Desk, unit_id: int, *, unmasked: bool = False) -> dict[str, object]:
    page = archive.unit_page(desk, unit_id)
    unit, facts = page.unit, page.facts

    def id_text(value: str | None) -> str:
        return (value or "") if unmasked else mask_id_number(value)

    def phone_text(value: str | None) -> str:
        return (value or "") if unmasked else mask_phone(value)

    owner_view = next((o for o in page.current if o.role == "owner"), None)
    # Full records (the page's views are masked), read once for the unit's current people.
    records = {
        row.person_id: row.person
        for row in people_store.occupancies_for_unit(desk.db, unit_id, current_only=True)
    }
    owner = records[owner_view.person_id] if owner_view else None
    co_owners = "、".join(o.name for o in page.current if o.role == "co_owner")
    get = (lambda name: getattr(owner, name) or "") if owner else (lambda _name: "")
    tenant_rows = [o for o in page.current if o.role == "tenant"]
    lease = "；".join(f"{o.name} {o.lease_start}至{o.lease_end}" for o in tenant_rows)
    facts_rows = [
        {
            "l1": "楼号",
            "v1": unit.building,
            "l2": "单元号",
            "v2": unit.entrance or "",
            "l3": "房号",
            "v3": unit.room,
        },
        {
            "l1": "业主姓名",
            "v1": get("name"),
            "l2": "性别",
            "v2": get("gender"),
            "l3": "出生年月",
            "v3": get("birth_month"),
        },
        {
            "l1": "户籍所在地",
            "v1": get("hukou"),
            "l2": "证件名称",
            "v2": get("id_type"),
            "l3": "证件号码",
            "v3": id_text(owner.id_number) if owner else "",
        },
        {
            "l1": "联系地址",
            "v1": get("address"),
            "l2": "联系电话",
            "v2": phone_text(owner.phone) if owner else "",
            "l3": "建筑面积",
            "v3": f"{page.area_text} 平方米" if page.area_text else "",
        },
        {
            "l1": "单位名称",
            "v1": get("employer"),
            "l2": "职务",
            "v2": get("position"),
            "l3": "单位地址",
            "v3": get("employer_address"),
        },
        {
            "l1": "联系电话",
            "v1": phone_text(owner.phone2) if owner else "",
            "l2": "购房合同签定时间",
            "v2": facts.contract_signed_on or "",
            "l3": "办理入住时间",
            "v3": facts.checkin_done_on or "",
        },
        {
            "l1": "购房日期",
            "v1": facts.purchase_date or "",
            "l2": "收楼日期",
            "v2": facts.receive_date or "",
            "l3": "入住日期",
            "v3": facts.movein_date or "",
        },
        {
            "l1": "产权性质",
            "v1": facts.property_nature or "",
            "l2": "承租情况",
            "v2": facts.rental_status or ("出租" if tenant_rows else ""),
            "l3": "产权证办理",
            "v3": facts.title_certificate or "",
        },
        {
            "l1": "共有人",
            "v1": co_owners,
            "l2": "房屋类型",
            "v2": unit.kind,
            "l3": "房屋状态",
            "v3": unit.status,
        },
    ]
    members = []
    for view in page.current:
        if view.role == "owner":
            continue
        person = records[view.person_id]
        relation = view.relation or directory_people.ROLE_LABELS[view.role]
        members.append(
            {
                "relation": relation,
                "name": person.name,
                "gender": person.gender or "",
                "birth": person.birth_month or "",
                "id_number": id_text(person.id_number),
                "employer": person.employer or "",
                "phone": phone_text(person.phone),
            }
        )
    settings = settings_service.get_all(desk)
    vehicles = vehicles_text(page.vehicles)
    on_file = [paper for paper, yes in page.papers.items() if yes] + list(page.other_papers)
    papers = "、".join(on_file) or "无"
    return {
        "estate_name": settings["estate.name"],
        "company_name": settings["estate.company"],
        "unit_long": f"{unit.building}栋{unit.entrance + '单元' if unit.entrance else ''}{unit.room}",
        "printed_at": desk.now_text(),
        "facts": facts_rows,
        "members": members,
        "lease_text": facts.lease_record or lease or "无",
        "vehicles_text": vehicles,
        "papers_text": papers,
        "note": facts.note or unit.note or "",
    }


def print_archive_sheet(
    desk: Desk, unit_id: int, *, unmasked: bool = False
) -> Done[PrintedDocument]:
    """Render and archive the sheet; an unmasked sheet is for managers and logged."""
    if unmasked:
        privacy.require_unmasked_export(desk, f"业主档案资料表（房屋 {unit_id}）")
    data = archive_sheet_data(desk, unit_id, unmasked=unmasked)
    return documents.print_form(
        desk,
        FORM,
        data,
        record_table="units",
        record_id=unit_id,
        copy_mark=None if not unmasked else "内部",
    )
