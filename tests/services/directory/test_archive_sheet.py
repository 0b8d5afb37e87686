"""业主档案资料表 with the manual's labels: the second 联系电话 after 单位地址, the dates of the
purchase contract and of moving in, 车辆情况 as *汽车__辆 *摩托车__辆 *助动车__辆 其它, and the
three 填写注意事项."""

from __future__ import annotations

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive_print, estate, people
from desk_app.services.directory.people import PersonRecord
from tests.builders.pdf import pdf_text


def test_the_sheet_has_the_manuals_labels(staffed_desk):
    desk = staffed_desk
    estate.create_units(desk, BuildingPlan("3", 1, 1, 1, 5, 2, zero_padded=False))
    unit_id = estate.find_unit(desk, "3-1-501").id
    owner = PersonRecord(name="张三", phone="13812345678", phone2="13987654321", employer="一中")
    people.add_occupant(desk, unit_id, owner, "owner")
    people.add_vehicle(desk, unit_id, "鲁H12345")
    data = archive_print.archive_sheet_data(desk, unit_id)
    labels = [row[key] for row in data["facts"] for key in ("l1", "l2", "l3")]
    assert labels[labels.index("单位地址") + 1] == "联系电话"
    assert "购房合同签定时间" in labels and "办理入住时间" in labels
    text = "".join(pdf_text(archive_print.print_archive_sheet(desk, unit_id).value.pdf).split())
    assert "*汽车1辆*摩托车0辆*助动车0辆其它（车牌：鲁H12345）" in text
    assert "139****4321" in text  # the second phone, masked
    for note in (
        "1、业主及入住成员应据实填写",
        "2、请使用蓝色或黑色钢笔填写",
        "3、书写字迹端正清晰",
    ):
        assert note in text


def test_long_entries_wrap_and_nothing_prints_below_8_points(staffed_desk):
    from functools import partial

    from desk_app.printing.fonts import ensure_fonts_registered
    from desk_app.printing.render import _draw_text, _Layout
    from desk_app.printing.templates import load_template

    desk = staffed_desk
    estate.create_units(desk, BuildingPlan("3", 1, 1, 1, 5, 2, zero_padded=False))
    unit_id = estate.find_unit(desk, "3-1-501").id
    address = "山东省济宁市任城区太白湖新区光明路北段金色家园小区十二号楼"  # 29 characters
    owner = PersonRecord(
        name="欧阳建国", address=address, employer="济宁市第一人民医院心血管内科住院部"
    )
    people.add_occupant(desk, unit_id, owner, "owner")
    data = archive_print.archive_sheet_data(desk, unit_id)
    ops = _Layout(load_template("owner_archive"), data, ensure_fonts_registered()).run()
    texts = [
        op.keywords
        for page in ops
        for op in page
        if isinstance(op, partial) and op.func is _draw_text
    ]
    assert min(t["size"] for t in texts) >= 8
    printed = "".join(t["text"] for t in texts)
    assert address in printed  # whole, over as many lines as it needs
