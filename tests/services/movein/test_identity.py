"""The identity station of a unit without an owner of record (a new delivery: the buyer
is only on the purchase contract): the owner typed in is registered in the directory —
the person and the ownership — in the same operation as the identity, or not at all."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.movein import handover
from desk_app.services.movein.handover import Identity, NewOwner
from desk_app.storage.directory import people as people_store
from tests.builders.movein import movein_estate

ID_NUMBER = "110101199003071233"  # a valid GB 11643 number
AGENT_ID = "11010519491231002X"


@pytest.fixture
def no_owner(staffed_desk):
    desk = staffed_desk
    movein_estate(desk)
    unit = directory_estate.find_unit(desk, "3-1-501")  # nobody registered
    hid = handover.start(desk, unit.id).value.handover.id
    return desk, unit, hid


def test_the_owner_is_registered_with_the_identity(no_owner):
    desk, unit, hid = no_owner
    done = handover.confirm_identity(
        desk, hid, Identity(new_owner=NewOwner("李四", "139 1234 5678", ID_NUMBER))
    )

    [owner] = handover.owners_of_record(desk, unit.id)
    assert (owner.role, owner.person.name, owner.since) == ("owner", "李四", "2026-11-20")
    assert owner.person.phone == "13912345678" and owner.person.id_number == ID_NUMBER
    [view] = handover.owner_views(desk, unit.id)
    assert (view.id_number_masked, view.phone_masked) == ("110***********1233", "139****5678")
    row = done.value.handover
    assert (row.person_id, row.person_name) == (owner.person_id, "李四")
    identity = done.value.station("identity")
    assert identity.state == "done" and identity.data["owner_registered"] is True
    assert ID_NUMBER not in str(identity.data)
    assert done.changes.did("movein_identity_confirmed", "occupant_added", "person_created")
    assert done.changes.ids("occupancies") == {owner.id}


def test_an_agent_with_a_power_of_attorney_takes_it_for_the_new_owner(no_owner):
    desk, unit, hid = no_owner
    done = handover.confirm_identity(
        desk,
        hid,
        Identity(
            agent_name="王五",
            agent_id_number=AGENT_ID,
            power_of_attorney=True,
            new_owner=NewOwner("李四", "13912345678", ID_NUMBER),
        ),
    )
    row = done.value.handover
    assert row.person_name == "李四" and row.agent_name == "王五"
    assert row.agent_id_masked == "110***********002X"


def test_a_refused_identity_registers_nobody(no_owner):
    desk, unit, hid = no_owner
    before = len(people_store.occupancies_for_unit(desk.db, unit.id, current_only=False))
    with pytest.raises(ValidationError, match="委托书"):
        handover.confirm_identity(
            desk,
            hid,
            Identity(agent_name="王五", new_owner=NewOwner("李四", "13912345678", ID_NUMBER)),
        )
    assert handover.owners_of_record(desk, unit.id) == []
    assert len(people_store.occupancies_for_unit(desk.db, unit.id, current_only=False)) == before
    assert handover.state(desk, hid).station("identity").state == "pending"


@pytest.mark.parametrize(
    ("owner", "field", "message"),
    [
        (NewOwner("", "13912345678", ID_NUMBER), "owner_name", "姓名不能为空"),
        (NewOwner("李四", "13912345678", ""), "owner_id_number", "身份证号码"),
        (NewOwner("李四", "13912345678", "110101199003071234"), "owner_id_number", "校验位"),
        (NewOwner("李四", "", ID_NUMBER), "owner_phone", "联系电话"),
        (NewOwner("李四", "12345", ID_NUMBER), "owner_phone", "手机号码应为11位"),
    ],
)
def test_the_new_owner_is_checked_at_its_fields(no_owner, owner, field, message):
    desk, unit, hid = no_owner
    with pytest.raises(ValidationError, match=message) as refused:
        handover.confirm_identity(desk, hid, Identity(new_owner=owner))
    assert refused.value.field == field
    assert handover.owners_of_record(desk, unit.id) == []


def test_a_unit_without_an_owner_asks_for_one_and_one_with_an_owner_keeps_it(no_owner):
    desk, unit, hid = no_owner
    with pytest.raises(ValidationError, match="没有登记业主") as refused:
        handover.confirm_identity(desk, hid, Identity(0))
    assert refused.value.field == "owner_name"
    people.add_occupant(desk, unit.id, PersonRecord(name="赵六"), "owner")
    with pytest.raises(ValidationError, match="已有登记业主"):
        handover.confirm_identity(
            desk, hid, Identity(new_owner=NewOwner("李四", "13912345678", ID_NUMBER))
        )


def test_an_agents_identity_confirmed_again_keeps_the_masked_number(no_owner):
    desk, _unit, hid = no_owner
    agent = dict(agent_name="王五", agent_id_number=AGENT_ID, power_of_attorney=True)
    owner = NewOwner("李四", "13912345678", ID_NUMBER)
    first = handover.confirm_identity(desk, hid, Identity(new_owner=owner, **agent)).value
    handover.reopen_station(desk, hid, "identity")
    again = handover.confirm_identity(
        desk,
        hid,
        Identity(first.handover.person_id, agent_name="王五", power_of_attorney=True),
    ).value
    assert again.handover.agent_id_masked == "110***********002X"
    with pytest.raises(ValidationError, match="代理人的身份证号码"):
        handover.confirm_identity(
            desk, hid, Identity(first.handover.person_id, agent_name="赵七", power_of_attorney=True)
        )
