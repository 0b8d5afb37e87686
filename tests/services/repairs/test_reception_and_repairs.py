"""Reception log, repair orders, callbacks and time limits on a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.core import deadlines
from desk_app.core.errors import DeskError, NotFoundError, PermissionDenied, ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.ledger import charges
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion, MaterialInput, OrderQuery
from desk_app.services.shifts import due_now as due
from desk_app.services.shifts import handover, login
from desk_app.storage import audit
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(
        desk, unit.id, PersonRecord(name="张三", gender="男", phone="13812345678"), "owner"
    )
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    repair_setup.add_price(desk, "更换水龙头", "35.00", category="水", unit="个", labour="20")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def technician(desk):
    return repair_setup.technicians(desk)[0]


def repair_call(desk, **overrides):
    values = dict(channel="来电", category="报修", content="厨房水龙头漏水", unit="3-2-501")
    values.update(overrides)
    return reception.record(desk, NewEntry(**values)).value


def test_repair_call_creates_a_linked_order_in_one_step(estate):
    unit = directory_estate.find_unit(estate, "3-2-501")
    contact = reception.locations.contact_for_unit(estate, unit.id)
    assert contact.name == "张三" and contact.phone_masked == "138****5678"
    done = repair_call(estate, caller_name="张三", contact_person_id=contact.person_id)
    entry, order = done.entry, done.order
    assert entry.entry_no == "JD20261120-0001" and order.order_no == "WX20261120-0001"
    assert entry.repair_order_id == order.id and order.reception_id == entry.id
    assert order.location == "3栋2单元501" and order.unit_id == unit.id
    assert order.phone == "13812345678"  # from the directory, never typed
    assert entry.department == "工程部" and order.status == "登记"
    listed = reception.list_entries(estate, EntryQuery(unit_id=unit.id))
    assert [e.phone for e in listed] == ["138****5678"]
    second = repair_call(estate, content="卫生间灯不亮")
    assert second.order.order_no == "WX20261120-0002"


def test_full_lifecycle_dispatch_arrive_complete_callback(estate, clock):
    order = repair_call(estate, caller_name="张三").order
    clock.advance(minutes=2)
    order = repairs.dispatch(estate, order.id, technician(estate).id, appointment="今天上午").value
    assert order.status == "已派工" and order.technician_name == "王建国"
    clock.advance(minutes=20)
    order = repairs.record_arrival(estate, order.id).value
    assert order.status == "维修中"
    clock.advance(minutes=40)
    price = repair_setup.prices(estate)[0]
    order = repairs.complete(
        estate,
        order.id,
        Completion(
            work_done="更换水龙头一个",
            materials=(
                MaterialInput("更换水龙头", "1", "35.00", unit="个", price_id=price.id),
                MaterialInput("生料带", "1.5", "2.33", unit="卷"),
            ),
            labour="20",
            paid=True,
            owner_signed=True,
            signed_by="张三",
        ),
    ).value
    assert order.status == "已完工"
    assert order.material_fen == 3500 + 350  # 2.33 × 1.5 = 3.495 → 3.50 (half up)
    assert order.labour_fen == 2000 and order.total_fen == 5850 and order.paid
    assert repairs.paid_charges(estate)[0].id == order.id
    # the paid repair is owed in the fee ledger, once, under its order number
    [charge] = charges.owing(estate, order.unit_id)
    assert charge.amount_fen == 5850 and order.order_no in charge.description
    assert charges.balance(estate, order.unit_id) == 5850
    entry = reception.get_entry(estate, order.reception_id)
    assert entry.status == "handled"
    callback = callbacks.for_order(estate, order.id)
    assert callback.due_at == "2026-11-20T23:59:59+08:00"  # same day
    clock.advance(hours=2)
    outcome = callbacks.record(
        estate, callback.id, reached=True, result="满意", comment="很好"
    ).value
    assert outcome.closed
    order = repairs.get_order(estate, order.id)
    assert order.status == "已回访" and order.callback_result == "满意"
    entry = reception.get_entry(estate, order.reception_id)
    assert entry.status == "closed" and entry.callback_result == "满意"
    detail = repairs.order_detail(estate, order.id)
    assert [e.to_status for e in detail.events] == ["登记", "已派工", "维修中", "已完工", "已回访"]
    assert [m.amount_fen for m in detail.materials] == [3500, 350]
    operations = [
        e.operation for e in audit.entries_for_record(estate.db, "repair_orders", str(order.id))
    ]
    assert operations[:5] == [
        "repair_order_created",
        "repair_dispatched",
        "repair_arrived",
        "repair_completed",
        "callback_recorded",
    ]


def _count(desk):
    return (
        desk.db.execute("SELECT count(*) FROM reception_entries").fetchone()[0],
        desk.db.execute("SELECT count(*) FROM repair_orders").fetchone()[0],
        desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0],
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"unit": "9-9-909"}, "unit", "没有房号"),
        ({"unit": "abc"}, "unit", "房号格式不正确"),
        ({"unit": ""}, "unit", "请填写房号"),
        ({"content": "  "}, "content", "请填写内容"),
        ({"phone": "12345"}, "phone", ""),
        ({"channel": "微信"}, "channel", "方式"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(estate, overrides, field, message):
    before = _count(estate)
    with pytest.raises(DeskError) as caught:
        repair_call(estate, **overrides)
    assert caught.value.field == field and message in caught.value.message
    assert _count(estate) == before


def test_completion_before_arrival_and_callback_on_open_order_are_refused(estate, clock):
    order = repair_call(estate).order
    with pytest.raises(ValidationError, match="完工后才能回访"):
        callbacks.for_order(estate, order.id)
    repairs.dispatch(estate, order.id, technician(estate).id)
    with pytest.raises(ValidationError, match="先登记维修人员到场"):
        repairs.complete(estate, order.id, Completion(work_done="修好"))
    clock.advance(hours=1)
    repairs.record_arrival(estate, order.id)
    before = _count(estate)
    with pytest.raises(ValidationError, match="完工时间不能早于到场时间") as caught:
        repairs.complete(
            estate, order.id, Completion(work_done="修好", completed_at="2026-11-20 08:30")
        )
    assert caught.value.field == "completed_at"
    with pytest.raises(ValidationError, match="有偿服务须填写"):
        repairs.complete(estate, order.id, Completion(work_done="修好", paid=True))
    with pytest.raises(ValidationError, match="第 1 项材料") as caught:
        repairs.complete(
            estate,
            order.id,
            Completion(work_done="修好", materials=(MaterialInput("水管", "-1", "3"),)),
        )
    assert caught.value.field == "material_1"
    assert _count(estate) == before
    assert repairs.get_order(estate, order.id).status == "维修中"
    with pytest.raises(ValidationError, match="不能派工"):
        repairs.complete(estate, order.id, Completion(work_done="修好"))
        repairs.dispatch(estate, order.id, technician(estate).id)


def test_hold_resume_refer_and_cancel(estate):
    order = repair_call(estate).order
    order = repairs.hold(estate, order.id, "待料：龙头型号缺货").value
    assert order.status == "暂停" and repairs.running_deadline(estate, order) is None
    order = repairs.resume(estate, order.id).value
    assert order.status == "登记"
    order = repairs.refer_out(estate, order.id, "清源管道疏通", appointment="周六上午").value
    assert order.status == "转外单位" and order.contractor == "清源管道疏通"
    with pytest.raises(ValidationError, match="取消原因"):
        repairs.cancel(estate, order.id, " ")
    order = repairs.cancel(estate, order.id, "业主自行修好").value
    assert order.status == "已取消"
    entry = reception.get_entry(estate, order.reception_id)
    assert entry.status == "closed" and "业主自行修好" in entry.result
    with pytest.raises(ValidationError, match="不能暂停"):
        repairs.hold(estate, order.id, "x")


def test_an_order_not_yet_sent_has_its_content_corrected(estate):
    order = repair_call(estate).order
    with pytest.raises(ValidationError, match="更正原因"):
        repairs.correct_content(estate, order.id, "卫生间水龙头漏水", " ")
    fixed = repairs.correct_content(estate, order.id, "卫生间水龙头漏水", "业主说错了").value
    assert fixed.content == "卫生间水龙头漏水" and fixed.status == "登记"
    event = repairs.order_detail(estate, order.id).events[-1]
    assert (event.from_status, event.to_status) == ("登记", "登记")
    assert event.detail == "更正报修内容：业主说错了"
    assert repairs.correct_content(estate, order.id, "卫生间水龙头漏水", "再改").changes.empty
    repairs.dispatch(estate, order.id, technician(estate).id)
    with pytest.raises(ValidationError, match="不能更正报修内容"):
        repairs.correct_content(estate, order.id, "厨房水龙头漏水", "又说错了")
    assert repairs.get_order(estate, order.id).content == "卫生间水龙头漏水"


def test_public_place_order_without_reception_entry(estate):
    place = directory_estate.create_public_place(
        estate, "电梯机房", building="3", floor="顶层"
    ).value
    order = repairs.create_order(
        estate, repairs.NewRepair(content="电梯异响", place_id=place.id, urgency="紧急")
    ).value
    assert order.location == "3栋 顶层 电梯机房" and order.reception_id is None
    assert repairs.count_orders(estate, OrderQuery(building="3")) == 1


def test_time_limits_turn_near_and_late_as_the_clock_moves(estate, clock):
    order = repair_call(estate, urgency="紧急").order
    complaint = reception.record(
        estate,
        NewEntry(channel="来电", category="投诉", content="电梯困人", department="工程部"),
    ).value.entry

    def state_of(subject, subject_id, limit):
        for item in due.due_now(estate):
            if item.subject == subject and item.subject_id == subject_id and item.limit == limit:
                return item.state
        return None

    assert state_of("repair_orders", order.id, deadlines.DISPATCH) == deadlines.ON_TIME
    clock.advance(minutes=2, seconds=1)  # 3-minute limit: last third
    assert state_of("repair_orders", order.id, deadlines.DISPATCH) == deadlines.NEAR
    clock.advance(minutes=1)
    assert state_of("repair_orders", order.id, deadlines.DISPATCH) == deadlines.LATE
    assert repairs.count_orders(estate, repairs.overdue_query(estate, OrderQuery())) == 1
    repairs.dispatch(estate, order.id, technician(estate).id)
    assert state_of("repair_orders", order.id, deadlines.DISPATCH) is None
    assert state_of("repair_orders", order.id, deadlines.ONSITE) == deadlines.ON_TIME
    clock.advance(minutes=8)  # 11 minutes after the call: last third of 15
    assert state_of("repair_orders", order.id, deadlines.ONSITE) == deadlines.NEAR
    clock.advance(minutes=5)
    assert state_of("repair_orders", order.id, deadlines.ONSITE) == deadlines.LATE
    repairs.record_arrival(estate, order.id)
    assert state_of("repair_orders", order.id, deadlines.ONSITE) is None

    # complaint: shown only once near (last 8 of 24 hours), then late
    assert state_of("reception_entries", complaint.id, deadlines.COMPLAINT) is None
    clock.set(clock.now().replace(hour=0) + timedelta(days=1, hours=1))
    assert state_of("reception_entries", complaint.id, deadlines.COMPLAINT) == deadlines.NEAR
    clock.advance(hours=8)
    assert state_of("reception_entries", complaint.id, deadlines.COMPLAINT) == deadlines.LATE
    assert reception.count_entries(estate, reception.overdue_query(estate, EntryQuery())) == 1

    # repair callback: due the same day
    clock.set(clock.now().replace(hour=10, minute=0))
    repairs.complete(estate, order.id, Completion(work_done="已修复"))
    callback = callbacks.for_order(estate, order.id)
    assert state_of("callbacks", callback.id, deadlines.CALLBACK) == deadlines.ON_TIME
    clock.set(clock.now().replace(hour=20))  # last third of 10:00-24:00
    assert state_of("callbacks", callback.id, deadlines.CALLBACK) == deadlines.NEAR
    clock.advance(hours=5)
    assert state_of("callbacks", callback.id, deadlines.CALLBACK) == deadlines.LATE
    assert repairs.count_orders(estate, repairs.overdue_query(estate, OrderQuery())) == 1


def test_limits_come_from_settings(estate, clock):
    from desk_app.services.desk import settings

    login.login(estate, "lee", PASSWORD, "早班")
    settings.update(estate, {"limits.repair_dispatch_minutes": 10})
    order = repair_call(estate).order
    clock.advance(minutes=5)
    [item] = [i for i in due.due_now(estate) if i.subject_id == order.id]
    assert item.state == deadlines.ON_TIME and item.left_text == "剩 5分钟"


def test_filters_by_technician_status_building_and_dates(estate, clock):
    tech = technician(estate)
    first = repair_call(estate).order
    repairs.dispatch(estate, first.id, tech.id)
    clock.advance(days=1)
    repair_call(estate, unit="3-1-101")
    q = OrderQuery(technician_id=tech.id)
    assert [o.id for o in repairs.list_orders(estate, q)] == [first.id]
    assert repairs.count_orders(estate, OrderQuery(status="登记")) == 1
    assert repairs.count_orders(estate, OrderQuery(date_from="2026-11-21")) == 1
    assert repairs.count_orders(estate, OrderQuery(date_to="2026-11-21")) == 1
    assert repairs.count_orders(estate, OrderQuery(building="3", status="unfinished")) == 2
    assert reception.count_entries(estate, EntryQuery(category="报修")) == 2
    assert reception.count_entries(estate, EntryQuery(category="投诉")) == 0


def test_price_list_and_technicians_need_a_supervisor(estate):
    with pytest.raises(PermissionDenied):
        repair_setup.add_price(estate, "更换灯泡", "5")
    with pytest.raises(PermissionDenied):
        repair_setup.add_technician(estate, "新人")
    login.login(estate, "lee", PASSWORD, "早班")
    price = repair_setup.prices(estate)[0]
    updated = repair_setup.update_price(
        estate, price.id, name=price.name, price="40", category="水", unit="个", labour="20"
    ).value
    assert updated.price_fen == 4000
    with pytest.raises(ValidationError, match="单价"):
        repair_setup.add_price(estate, "x", "abc")
    tech = technician(estate)
    repair_setup.update_technician(estate, tech.id, name=tech.name, kind="工程部", active=False)
    assert repair_setup.technicians(estate) == []
    login.login(estate, "zhang", PASSWORD, "早班")
    order = repair_call(estate).order
    with pytest.raises(ValidationError, match="已停用"):
        repairs.dispatch(estate, order.id, tech.id)


def test_unknown_order_number(estate):
    with pytest.raises(NotFoundError, match="WX20990101-0001"):
        repairs.find_order(estate, "WX20990101-0001")


def test_handover_report_lists_open_orders_and_callbacks(estate):
    repair_call(estate)
    items = handover.handover_report_data(estate, estate.shift.id)["open_items"]
    assert any(
        "WX20261120-0001" in i["description"] and "未派工" in i["description"] for i in items
    )
