"""Reception and repair records for tests: a complaint, a repair done and waiting for its
callback."""

from __future__ import annotations

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import locations, people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion
from desk_app.services.shifts import login
from tests.builders.staff import PASSWORD


def complaint(desk, **overrides):
    unit = directory_estate.find_unit(desk, "3-2-501")
    contact = locations.contact_for_unit(desk, unit.id)
    values = dict(
        channel="来电",
        category="投诉",
        content="楼上装修噪音太大",
        unit_id=unit.id,
        caller_name=contact.name,
        contact_person_id=contact.person_id,
        department="秩序维护部",
    )
    values.update(overrides)
    return reception.record(desk, NewEntry(**values)).value.entry


def completed_repair(desk, clock):
    done = reception.record(
        desk,
        reception.NewEntry(channel="来电", category="报修", content="卫生间灯不亮", unit="3-2-501"),
    ).value
    technician = repair_setup.technicians(desk)[0]
    repairs.dispatch(desk, done.order.id, technician.id)
    clock.advance(minutes=10)
    repairs.record_arrival(desk, done.order.id)
    clock.advance(minutes=30)
    repairs.complete(desk, done.order.id, Completion(work_done="更换灯泡"))
    return done.order, callbacks.for_order(desk, done.order.id)


OWNER_PHONE = "13812345678"


def reception_estate(staffed_desk):
    """Building 3 (2 entrances, 6 floors, 2 rooms a floor) with 张三 owning 3-2-501, a
    technician, and the clerk zhang on duty."""
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(
        desk, unit.id, PersonRecord(name="张三", gender="男", phone=OWNER_PHONE), "owner"
    )
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk
