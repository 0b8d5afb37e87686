"""The repair forms from real orders: the work order's data in each stage of an order, the
archived PDF (补打 from the second print on) and the day's dispatch sheet."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desk_app import paths
from desk_app.core.errors import NotFoundError
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import orders_print as repairs_print
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion, MaterialInput, NewRepair
from desk_app.services.shifts import login
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
    settings_service.update(desk, {"estate.name": "翠湖花园", "estate.company": "翠湖物业有限公司"})
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    repair_setup.add_technician(desk, "李强", specialty="土建")
    repair_setup.add_price(desk, "更换水龙头", "35.00", category="水", unit="个", labour="20")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def template_keys(form: str) -> set[str]:
    """Placeholders and table fields of a template (comments left out)."""
    text = (paths.forms_dir() / f"{form}.toml").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    keys = set(re.findall(r"\{(\w+)", body)) | set(re.findall(r'field = "(\w+)"', body))
    return keys - {"page", "pages"}


def tech(desk, name):
    return next(t for t in repair_setup.technicians(desk) if t.name == name)


def repair_call(desk, **overrides):
    values = dict(
        channel="来电",
        category="报修",
        content="厨房水龙头漏水",
        unit="3-2-501",
        caller_name="张三",
        phone="13812345678",
    )
    values.update(overrides)
    return reception.record(desk, NewEntry(**values)).value.order


def completed_paid(desk, clock):
    order = repair_call(desk, appointment="今天 10:00-11:00")
    clock.advance(minutes=2)
    repairs.dispatch(desk, order.id, tech(desk, "王建国").id)
    clock.advance(minutes=20)
    repairs.record_arrival(desk, order.id)
    clock.advance(minutes=40)
    price = repair_setup.prices(desk)[0]
    return repairs.complete(
        desk,
        order.id,
        Completion(
            work_done="更换水龙头一个，试水无渗漏",
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


def test_registered_order_leaves_the_lower_half_blank(estate):
    order = repair_call(estate, urgency="紧急")
    data = repairs_print.work_order_data(estate, order.id)
    assert template_keys("repair_work_order") <= set(data)
    assert data["order_no"] == "WX20261120-0001"
    assert data["estate_name"] == "翠湖花园" and data["company_name"] == "翠湖物业有限公司"
    assert data["location"] == "3栋2单元501" and data["reporter"] == "张三"
    assert data["phone"] == "13812345678"  # in full: the technician calls the owner
    assert data["urgency"] == "紧急" and data["content"] == "厨房水龙头漏水"
    assert data["reported_at"] == "2026-11-20T08:00:00+08:00"
    assert data["technician"] == "" and data["dispatched_at"] == ""
    assert data["arrived_at"] == data["completed_at"] == data["callback_at"] == ""
    assert data["labour"] == data["material_total"] == data["total"] == ""
    assert data["materials"] == [] and data["work_done"] == "" and data["callback_by"] == ""
    assert data["paid_boxes"] == "□有偿　□无偿"
    assert data["callback_boxes"] == "□满意　□基本满意　□不满意"
    assert data["printed_at"] == "2026-11-20T08:00:00+08:00"


def test_completed_paid_order_prints_materials_and_money(estate, clock):
    order = completed_paid(estate, clock)
    data = repairs_print.work_order_data(estate, order.id)
    assert data["technician"] == "王建国"
    assert data["dispatched_at"] == "2026-11-20T08:02:00+08:00"
    assert data["arrived_at"] == "2026-11-20T08:22:00+08:00"
    assert data["completed_at"] == "2026-11-20T09:02:00+08:00"
    assert data["appointment"] == "今天 10:00-11:00"
    assert data["work_done"] == "更换水龙头一个，试水无渗漏"
    assert data["materials"] == [
        {"name": "更换水龙头", "quantity": "1个", "unit_price": "35.00", "amount": "35.00"},
        {"name": "生料带", "quantity": "1.5卷", "unit_price": "2.33", "amount": "3.50"},
    ]
    assert (data["labour"], data["material_total"], data["total"]) == ("20.00", "38.50", "58.50")
    assert data["paid_boxes"] == "■有偿　□无偿"
    assert data["callback_boxes"] == "□满意　□基本满意　□不满意"  # not called back yet
    assert data["callback_at"] == "" and data["callback_by"] == ""
    assert "业主已签字确认（张三）" in data["note"]


def test_free_completion_and_callback_tick_their_boxes(estate, clock):
    order = repair_call(estate)
    repairs.dispatch(estate, order.id, tech(estate, "李强").id)
    repairs.record_arrival(estate, order.id)
    clock.advance(minutes=30)
    repairs.complete(estate, order.id, Completion(work_done="拧紧阀门"))
    data = repairs_print.work_order_data(estate, order.id)
    assert data["paid_boxes"] == "□有偿　■无偿"
    assert (data["labour"], data["total"]) == ("0.00", "0.00")
    clock.advance(hours=1)
    callback = callbacks.for_order(estate, order.id)
    callbacks.record(estate, callback.id, reached=True, result="基本满意", comment="还行")
    data = repairs_print.work_order_data(estate, order.id)
    assert data["callback_boxes"] == "□满意　■基本满意　□不满意"
    assert data["callback_at"] == "2026-11-20T09:30:00+08:00"
    assert data["callback_by"] == "张丽"


def test_big_amounts_are_grouped(estate, clock):
    order = repair_call(estate)
    repairs.dispatch(estate, order.id, tech(estate, "李强").id)
    repairs.record_arrival(estate, order.id)
    repairs.complete(
        estate,
        order.id,
        Completion(work_done="更换热水器", labour="1234.5", paid=True),
    )
    data = repairs_print.work_order_data(estate, order.id)
    assert data["labour"] == "1,234.50" and data["total"] == "1,234.50"


def test_print_archives_the_order_and_marks_reprints(estate, clock, pdf_pages):
    order = completed_paid(estate, clock)
    first = repairs_print.print_work_order(estate, order.id).value
    assert first.form == "repair_work_order" and first.pdf.startswith(b"%PDF")
    assert first.title == f"维修工作单 {order.order_no}"
    [info] = documents.documents_for(estate, "repair_orders", order.id)
    assert info.id == first.id and info.copy_mark is None
    assert info.created_shift == estate.shift.id
    [entry] = audit.entries_for_record(estate.db, "documents", str(first.id))
    assert entry.detail["for_table"] == "repair_orders"
    assert entry.detail["for_record"] == str(order.id)

    text = "".join(pdf_pages(first.pdf)).replace(" ", "")
    for expected in (
        order.order_no,
        "3栋2单元501",
        "13812345678",
        "更换水龙头",
        "生料带",
        "1.5卷",
        "58.50",
        "■有偿",
        "翠湖花园",
    ):
        assert expected in text, expected
    assert "补打" not in text

    second = repairs_print.print_work_order(estate, order.id).value
    third = repairs_print.print_work_order(estate, order.id).value
    infos = repairs_print.work_order_prints(estate, order.id)
    assert [i.id for i in infos] == [first.id, second.id, third.id]
    assert [i.copy_mark for i in infos] == [None, "补打", "补打"]
    assert "补打" in "".join(pdf_pages(second.pdf))


def test_unknown_order_cannot_be_printed(estate):
    with pytest.raises(NotFoundError):
        repairs_print.print_work_order(estate, 999)
    assert estate.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_dispatch_sheet_groups_orders_per_technician(estate, clock, pdf_pages):
    a = repair_call(estate, content="客厅灯不亮")
    clock.advance(minutes=5)
    b = repair_call(estate, content="卫生间下水慢", urgency="紧急")
    clock.advance(minutes=5)
    c = repairs.create_order(
        estate, NewRepair(content="楼道灯坏", unit="3-1-101", appointment="下午")
    ).value
    clock.advance(minutes=5)
    done = repair_call(estate, content="已修好的")
    repairs.dispatch(estate, a.id, tech(estate, "王建国").id)
    repairs.dispatch(estate, c.id, tech(estate, "李强").id)
    repairs.dispatch(estate, done.id, tech(estate, "李强").id)
    repairs.record_arrival(estate, done.id)
    repairs.complete(estate, done.id, Completion(work_done="好了"))
    repairs.hold(estate, c.id, "待料")

    data = repairs_print.dispatch_sheet_data(estate)
    assert template_keys("repair_dispatch_sheet") <= set(data)
    assert data["day"] == "2026-11-20" and data["estate_name"] == "翠湖花园"
    assert data["total_text"] == "共 3 单，未派工 1 单"
    rows = [(r["technician"], r["order_no"], r["status"]) for r in data["rows"]]
    assert rows == [
        ("李强", c.order_no, "暂停"),
        ("王建国", a.order_no, "已派工"),
        ("未派工", b.order_no, "登记"),
    ]
    first = data["rows"][0]
    assert first["reported_at"] == "11-20 08:10" and first["location"] == "3栋1单元101"
    assert first["appointment"] == "下午" and first["sign"] == ""
    assert data["rows"][2]["urgency"] == "紧急"

    # orders reported after the chosen day are not on that day's sheet
    assert repairs_print.dispatch_sheet_data(estate, date(2026, 11, 19))["rows"] == []

    printed = repairs_print.print_dispatch_sheet(estate).value
    [info] = documents.documents_for(estate, "repair_orders", "2026-11-20")
    assert info.id == printed.id and info.form == "repair_dispatch_sheet"
    text = "".join(pdf_pages(printed.pdf)).replace(" ", "")
    for expected in (
        "维修派工表",
        a.order_no,
        b.order_no,
        c.order_no,
        "未派工",
        "共3单，未派工1单",
    ):
        assert expected in text, expected
    assert done.order_no not in text


def test_empty_dispatch_sheet(estate, pdf_pages):
    data = repairs_print.dispatch_sheet_data(estate, date(2026, 11, 20))
    assert data["rows"] == [] and data["total_text"] == "共 0 单，未派工 0 单"
    printed = repairs_print.print_dispatch_sheet(estate, date(2026, 11, 20)).value
    assert "今日无未完成的维修单" in "".join(pdf_pages(printed.pdf)).replace(" ", "")
