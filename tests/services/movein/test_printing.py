"""The move-in forms filled from the records: a 200-unit batch's 入住通知单 as one PDF
(recorded as sent with the archive), a hand-over's 房屋交接验收单 on one page with its
meters and keys, the 入住程序表, a unit's 遗留问题整改记录 and the day's 收楼情况汇总;
a second print of a hand-over's form is stamped 补打."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import documents
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.movein import batches, printing
from desk_app.services.movein.batches import BatchInput
from tests.builders.movein import handed_over, metered_estate
from tests.builders.pdf import pdf_pages, squash

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"
GIVEN = "伟芳娜敏静丽强磊军洋"


@pytest.fixture
def estate(staffed_desk):
    return staffed_desk, metered_estate(staffed_desk)


def test_a_batch_of_200_units_prints_as_one_pdf_and_is_recorded_as_sent(estate):
    desk, _unit = estate
    directory_estate.create_units(
        desk, BuildingPlan("7", 1, 2, 1, 25, 4, zero_padded=False), area_text="89.56"
    )
    units = directory_estate.list_units(desk, building="7")
    assert len(units) == 200
    names = {}
    for n, unit in enumerate(units):
        name = SURNAMES[n % 20] + GIVEN[n // 20 % 10] + GIVEN[n % 10]
        people.add_occupant(desk, unit.id, PersonRecord(name=name), "owner")
        names[unit.code] = name
    batch = batches.create_batch(
        desk, BatchInput("7栋交付", "2026-12-01", "2026-12-20", place="会所", buildings=("7",))
    ).value
    units = batches.batch_units(desk, batch.id)  # in the order printed

    printed = printing.print_notices(desk, batch.id).value

    pages = pdf_pages(printed.pdf)
    assert len(pages) == 200
    for page, unit in zip(pages, units, strict=True):
        text = squash(page)
        assert printing.unit_text(unit.unit_code) in text and names[unit.unit_code] in text
    assert "物业服务费（3个月）" in squash(pages[0])  # the first months, from the rate
    sent = batches.batch_units(desk, batch.id)
    assert all(u.notice_sent_at == printed_at(desk) for u in sent)
    [archived] = documents.documents_for(desk, "movein_units", sent[0].id)
    assert archived.form == "movein_notice" and archived.id == printed.id


def printed_at(desk):
    return desk.now_text()


def test_one_building_of_a_batch_and_a_building_without_units(estate):
    desk, unit = estate
    batch = batches.create_batch(
        desk, BatchInput("3栋交付", "2026-11-18", "2026-12-20", buildings=("3",))
    ).value
    slot = batches.add_slot(desk, batch.id, "2026-11-25", "09:00", "10:00", 4).value
    mine = batches.batch_unit_of(desk, unit.id)
    batches.book(desk, mine.id, slot.id)
    printed = printing.print_unit_notice(desk, unit.id).value
    [page] = pdf_pages(printed.pdf)
    assert "2026年11月25日09:00–10:00" in squash(page) and "张三" in squash(page)
    assert batches.batch_unit_of(desk, unit.id).notice_sent_at is not None
    with pytest.raises(ValidationError, match="没有9栋的房屋"):
        printing.print_notices(desk, batch.id, building="9")


def test_the_inspection_sheet_of_a_hand_over_is_one_page_with_meters_and_keys(estate):
    desk, unit = estate
    hid = handed_over(desk, unit)

    printed = printing.print_inspection_sheet(desk, unit.id).value

    [page] = pdf_pages(printed.pdf)
    text = squash(page)
    for expected in (
        "房屋交接验收单",
        "3栋2单元501",
        "张三",
        "主梁处一条细裂缝",
        "下水管接口渗水",
        "2026-12-01",  # the deadline: 7 working days
        "水表",
        "12.5",
        "电表",
        "300",
        "燃气表",
        "防盗铁门钥匙3",
        "信报箱钥匙1",
        "门禁卡1卡号M0001",
        "■带条件收房",
        "卫生间渗水修复后复验",
    ):
        assert expected in text, expected
    data = printing.inspection_form_data(desk, hid, printed_at=desk.now_text())
    grid = {row["item"]: row for row in data["grid"]}
    assert grid["天花"]["客厅"] == "×" and grid["墙面"]["客厅"] == "√"
    assert grid["给排水"]["卫生间"] == "×" and grid["墙面"]["主卧"] == ""
    assert documents.documents_for(desk, "movein_handovers", hid)[0].copy_mark is None
    again = printing.print_inspection_sheet(desk, unit.id).value
    assert "补打" in squash(pdf_pages(again.pdf)[0])


def test_keys_left_in_trust_are_on_the_sheet_and_the_slip(estate):
    desk, unit = estate
    hid = handed_over(desk, unit, door_keys_in_trust=1)
    sheet = squash(pdf_pages(printing.print_inspection_sheet(desk, unit.id).value.pdf)[0])
    assert "防盗铁门钥匙2" in sheet and "防盗铁门钥匙1业主留存客服中心，供遗留问题维修" in sheet
    slip = printing.routing_slip_data(desk, hid, printed_at=desk.now_text())
    [keys] = [s for s in slip["stations"] if s["name"] == "交钥匙与门禁卡"]
    assert keys["detail"] == "钥匙 1 套，部分留存托管，门禁卡 1 张"


def test_routing_slip_defect_list_and_the_days_summary(estate):
    desk, unit = estate
    handed_over(desk, unit)

    slip = squash(pdf_pages(printing.print_routing_slip(desk, unit.id).value.pdf)[0])
    assert "入住程序表" in slip and "3栋交付" in slip and slip.count("已办理") == 7

    listing = squash(pdf_pages(printing.print_defect_list(desk, unit.id).value.pdf)[0])
    assert "主梁处一条细裂缝" in listing and "共2项：待整改2" in listing
    assert "带条件收房" in listing

    [summary] = pdf_pages(printing.print_daily_summary(desk, "2026-11-20").value.pdf)
    text = squash(summary)
    assert "3栋4" in text  # building 3: four units in the batch
    assert "3栋2单元501张三" in text and "带条件收房" in text


def test_a_unit_without_a_hand_over_has_no_sheet(estate):
    desk, unit = estate
    with pytest.raises(Exception, match="还没有收房记录"):
        printing.print_inspection_sheet(desk, unit.id)


def test_the_routing_slip_names_the_clerk_of_each_station(estate, clock):
    from desk_app.services.movein import handover
    from desk_app.services.shifts import login
    from tests.builders.staff import PASSWORD

    desk, unit = estate
    hid = handover.start(desk, unit.id).value.handover.id
    owner = handover.owners_of_record(desk, unit.id)[0].person_id
    handover.confirm_identity(desk, hid, handover.Identity(owner))
    clock.advance(minutes=40)
    login.login(desk, "chen", PASSWORD, "早班")
    handover.skip_station(desk, hid, "fees", "业主下次来缴")

    data = printing.routing_slip_data(desk, hid, printed_at=desk.now_text())
    rows = {row["no"]: row for row in data["stations"]}
    assert (rows[1]["operator"], rows[1]["at"]) == ("张丽", "2026-11-20T08:00:00+08:00")
    assert (rows[2]["operator"], rows[2]["at"]) == ("陈静", "2026-11-20T08:40:00+08:00")
    assert (rows[3]["operator"], rows[3]["at"]) == ("", "")

    slip = squash(pdf_pages(printing.print_routing_slip(desk, unit.id).value.pdf)[0])
    assert "2026-11-20张丽" in slip and "2026-11-20陈静" in slip  # the time wraps after
