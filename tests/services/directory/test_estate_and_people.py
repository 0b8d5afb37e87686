"""The directory: estate structure, people with history, archive, privacy, lending."""

from __future__ import annotations

import re

import pytest

from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive, people, privacy
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory.archive import ArchiveFacts
from desk_app.services.directory.people import PersonRecord
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from tests.builders.staff import PASSWORD

OWNER = PersonRecord(name="张三", gender="男", id_number="11010519491231002X", phone="13812345678")
BUYER = PersonRecord(name="李四", gender="女", id_number="110101199003074258", phone="13900001111")
FULL_ID = re.compile(r"\d{17}[\dX]")
FULL_PHONE = re.compile(r"1[3-9]\d{9}")


@pytest.fixture
def estate(staffed_desk):
    directory_estate.create_units(staffed_desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    return staffed_desk


def unit(desk, code):
    return directory_estate.find_unit(desk, code)


def test_bulk_creation_makes_every_unit_and_refuses_duplicates(staffed_desk):
    plan = BuildingPlan("3", 1, 2, 1, 18, 4)
    new, existing = directory_estate.preview_units(staffed_desk, plan)
    assert len(new) == 2 * 18 * 4 and not existing
    assert new[0] == "3-1-0101" and new[-1] == "3-2-1804"
    ids = directory_estate.create_units(staffed_desk, plan, area_text="89.50").value
    assert len(ids) == 144
    assert [b.code for b in directory_estate.list_buildings(staffed_desk)] == ["3"]
    with pytest.raises(ValidationError, match="已存在"):
        directory_estate.create_units(staffed_desk, BuildingPlan("3", 2, 3, 1, 2, 1))
    assert len(directory_estate.list_units(staffed_desk, building="3")) == 144


def test_tower_without_entrances_and_plain_numbering(staffed_desk):
    directory_estate.create_units(
        staffed_desk, BuildingPlan("18", None, None, 1, 20, 3, zero_padded=False)
    )
    found = directory_estate.find_unit(staffed_desk, "18栋1203")
    assert found.code == "18-1203" and found.entrance is None and found.floor == 12


@pytest.mark.parametrize("text", ["3-2-501", "3栋2单元501", "３－２－５０１", "3幢2单元501室"])
def test_units_are_found_by_any_spelling(estate, text):
    assert directory_estate.find_unit(estate, text).code == "3-2-501"


def test_unknown_unit_is_a_clear_error(estate):
    with pytest.raises(NotFoundError, match="没有房号"):
        directory_estate.find_unit(estate, "9-9-909")


def test_public_places(estate):
    place = directory_estate.create_public_place(estate, "水泵房", building="3", floor="B1").value
    assert place.code == "3-B1-水泵房"
    with pytest.raises(ValidationError, match="没有楼号"):
        directory_estate.create_public_place(estate, "配电房", building="99")


def test_owner_tenant_member_and_one_owner_rule(estate):
    unit_id = unit(estate, "3-1-101").id
    people.add_occupant(estate, unit_id, OWNER, "owner", since="2020-05-01")
    with pytest.raises(ValidationError, match="已有业主"):
        people.add_occupant(estate, unit_id, BUYER, "owner")
    with pytest.raises(ValidationError, match="租期"):
        people.add_occupant(estate, unit_id, PersonRecord(name="王五"), "tenant")
    people.add_occupant(
        estate,
        unit_id,
        PersonRecord(name="王五", phone="13700000000"),
        "tenant",
        lease_start="2026-01-01",
        lease_end="2026-12-31",
    )
    people.add_occupant(estate, unit_id, PersonRecord(name="张小三"), "member", relation="子女")
    page = archive.unit_page(estate, unit_id)
    assert [o.role_label for o in page.current] == ["业主", "租户", "入住成员"]


def test_bad_person_fields_write_nothing(estate):
    unit_id = unit(estate, "3-1-101").id
    before = audit.count(estate.db)
    for bad, field in [
        (PersonRecord(name="张三", id_number="110105194912310021"), "id_number"),
        (PersonRecord(name="张三", phone="1381234"), "phone"),
        (PersonRecord(name=" "), "name"),
    ]:
        with pytest.raises(ValidationError) as caught:
            people.add_occupant(estate, unit_id, bad, "owner")
        assert caught.value.field == field
    assert audit.count(estate.db) == before


def test_one_person_in_two_units_is_one_record(estate):
    a, b = unit(estate, "3-1-101").id, unit(estate, "3-1-102").id
    people.add_occupant(estate, a, OWNER, "owner")
    people.add_occupant(estate, b, OWNER, "owner")
    pa, pb = archive.unit_page(estate, a), archive.unit_page(estate, b)
    assert pa.current[0].person_id == pb.current[0].person_id


def test_transfer_keeps_who_owned_the_unit_when(estate):
    unit_id = unit(estate, "3-2-501").id
    people.add_occupant(estate, unit_id, OWNER, "owner", since="2015-03-01")
    people.add_occupant(estate, unit_id, PersonRecord(name="王芳"), "co_owner", since="2015-03-01")
    people.transfer_ownership(estate, unit_id, [BUYER], on_date="2026-10-08")
    page = archive.unit_page(estate, unit_id)
    assert [(o.name, o.role) for o in page.current] == [("李四", "owner")]
    assert {(o.name, o.until) for o in page.history} == {
        ("张三", "2026-10-08"),
        ("王芳", "2026-10-08"),
    }
    assert page.current[0].since == "2026-10-08"


def test_contact_changes_are_history_and_masked(estate):
    unit_id = unit(estate, "3-1-101").id
    people.add_occupant(estate, unit_id, OWNER, "owner")
    person_id = archive.unit_page(estate, unit_id).current[0].person_id
    people.update_person(estate, person_id, {"phone": "13987654321", "address": "湖滨路1号"})
    history = people.contact_history(estate, person_id)
    assert [(h.field, h.old_value, h.new_value) for h in history] == [
        ("phone", "138****5678", "139****4321"),
        ("address", None, "湖滨路1号"),
    ]


def test_vehicles(estate):
    unit_id = unit(estate, "3-1-101").id
    vehicle_id = people.add_vehicle(estate, unit_id, "鲁a 12345").value
    assert archive.unit_page(estate, unit_id).vehicles[0].plate == "鲁A12345"
    with pytest.raises(ValidationError, match="已登记"):
        people.add_vehicle(estate, unit(estate, "3-1-102").id, "鲁A12345")
    with pytest.raises(ValidationError, match="车牌号格式"):
        people.add_vehicle(estate, unit_id, "12345")
    people.end_vehicle(estate, vehicle_id)
    assert archive.unit_page(estate, unit_id).vehicles == []


def test_archive_facts_and_papers(estate):
    unit_id = unit(estate, "3-1-101").id
    archive.save_archive_facts(
        estate, unit_id, ArchiveFacts(purchase_date="2019-06-01", property_nature="商品房")
    )
    archive.set_paper_on_file(estate, unit_id, "入伙通知书", True)
    page = archive.unit_page(estate, unit_id)
    assert page.facts.purchase_date == "2019-06-01" and page.papers["入伙通知书"]
    assert not page.papers["身份证复印件"]
    with pytest.raises(ValidationError):
        archive.save_archive_facts(estate, unit_id, ArchiveFacts(movein_date="2019-13-01"))


def test_unit_page_never_shows_full_numbers_and_reveal_is_audited(estate):
    unit_id = unit(estate, "3-1-101").id
    people.add_occupant(estate, unit_id, OWNER, "owner")
    page = archive.unit_page(estate, unit_id)
    text = repr(page)
    assert not FULL_ID.search(text) and not FULL_PHONE.search(text)
    assert page.current[0].id_number_masked == "110***********002X"
    person_id = page.current[0].person_id
    with pytest.raises(ValidationError):
        privacy.reveal(estate, person_id, "id_number", reason=" ")
    assert (
        privacy.reveal(estate, person_id, "id_number", reason="业主本人核对").value
        == OWNER.id_number
    )
    [entry] = [
        e
        for e in audit.entries_for_record(estate.db, "people", str(person_id))
        if e.operation == "identity_revealed"
    ]
    assert entry.operator_id == estate.operator.id and entry.detail["reason"] == "业主本人核对"
    assert OWNER.id_number not in repr(audit.recent(estate.db, 50))


def test_archive_lending_needs_the_manager(estate):
    unit_id = unit(estate, "3-1-101").id
    supervisor = approvals.verify_approval(
        estate, "lee", PASSWORD, action="archive_lend", reason="法院调阅"
    )
    with pytest.raises(PermissionDenied, match="经理"):
        archive.lend_archive(estate, unit_id, borrower="法院", purpose="调阅", approval=supervisor)
    manager = approvals.verify_approval(
        estate, "boss", PASSWORD, action="archive_lend", reason="法院调阅", min_role="manager"
    )
    loan_id = archive.lend_archive(
        estate,
        unit_id,
        borrower="区法院 王法官",
        purpose="调阅",
        approval=manager,
        due_at="2026-11-30",
    ).value
    assert [loan.id for loan in archive.open_loans(estate)] == [loan_id]
    archive.return_archive(estate, loan_id)
    assert archive.open_loans(estate) == []
    assert archive.unit_page(estate, unit_id).loans[0].returned_at


def test_unmasked_export_is_for_managers_and_logged(estate):
    with pytest.raises(PermissionDenied):
        privacy.require_unmasked_export(estate, "业主名册")
    login.login(estate, "boss", PASSWORD)
    privacy.require_unmasked_export(estate, "业主名册")
    assert audit.recent(estate.db, 1)[0].operation == "unmasked_export"


def test_zero_padded_rooms_are_found_without_the_zero(staffed_desk):
    directory_estate.create_units(staffed_desk, BuildingPlan("5", 1, 1, 1, 6, 2))
    assert directory_estate.find_unit(staffed_desk, "5-1-501").code == "5-1-0501"
    assert directory_estate.find_unit(staffed_desk, "5栋1单元0501").code == "5-1-0501"


def test_unit_page_carries_every_field_of_the_archive_sheet_masked(estate):
    unit_id = unit(estate, "3-1-101").id
    record = PersonRecord(
        name="赵六",
        gender="女",
        birth_month="1980-02",
        id_number="110101199003074258",
        phone="13812345678",
        phone2="0531-88886666",
        hukou="山东省济南市",
        address="湖滨路1号",
        employer="齐鲁医院",
        position="护士长",
        employer_address="文化西路107号",
        note="腿脚不便",
    )
    people.add_occupant(estate, unit_id, record, "owner")
    [view] = archive.unit_page(estate, unit_id).current
    assert (
        view.birth_month,
        view.id_type,
        view.hukou,
        view.address,
        view.employer,
        view.position,
        view.employer_address,
        view.note,
    ) == (
        "1980-02",
        "居民身份证",
        "山东省济南市",
        "湖滨路1号",
        "齐鲁医院",
        "护士长",
        "文化西路107号",
        "腿脚不便",
    )
    assert view.phone2_masked == "0531-****6666"
    assert "88886666" not in repr(view)


def test_unit_lists_carry_the_current_owner_and_filter_by_entrance(estate):
    unit_id = unit(estate, "3-2-501").id
    people.add_occupant(estate, unit_id, OWNER, "owner")
    listed = directory_estate.list_units(estate, building="3", entrance="2")
    assert {u.entrance for u in listed} == {"2"} and len(listed) == 12
    assert [u.owner_name for u in listed if u.id == unit_id] == ["张三"]
    people.transfer_ownership(estate, unit_id, [BUYER], on_date="2026-10-08")
    assert [
        u.owner_name
        for u in directory_estate.list_units(estate, building="3", entrance="2")
        if u.id == unit_id
    ] == ["李四"]


def test_lettered_building_codes_are_upper_case_in_units_too(staffed_desk):
    directory_estate.create_units(
        staffed_desk, BuildingPlan("a", None, None, 1, 2, 1, zero_padded=False)
    )
    assert [u.code for u in directory_estate.list_units(staffed_desk, building="A")] == [
        "A-101",
        "A-201",
    ]
    assert [b.name for b in directory_estate.list_buildings(staffed_desk)] == ["A座"]
