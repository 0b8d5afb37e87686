"""The repair forms: 维修工作单 (one order, taken on site) and 维修派工表 (the day's orders).

Also covers the three template features they brought: ``box`` ``grow``, ``table``
``min_rows`` and data placeholders in ``page_number_format``.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from desk_app.core.errors import ValidationError
from desk_app.printing.render import _draw_rect, _Layout, render_form, render_template
from desk_app.printing.templates import (
    BoxElement,
    TableElement,
    available_templates,
    load_template,
    parse_template,
)
from tests.builders.pdf import poppler

Pages = Callable[[bytes], list[str]]
MM_PT = 72 / 25.4

LONG_CONTENT = (
    "3栋2单元501业主张先生来电：厨房水槽下方的冷水管接头漏水，已经渗到楼下4楼天花板，"
    "楼下业主也来电反映卫生间吊顶有水渍；业主要求今天下午上门，先关闭总阀，"
    "并请维修师傅带上PPR管件和生料带，顺便检查一下阳台地漏是否堵塞（上次维修单 WX20261015-0021）。"
)
WORK_DONE = (
    "更换厨房冷水管接头及角阀，重新缠生料带，试水30分钟无渗漏；"
    "阳台地漏清理出头发等杂物，排水恢复正常。楼下4楼吊顶水渍待干后观察。"
)

WORK_ORDER_LABELS = (
    "维修工作单",
    "单号",
    "报修时间",
    "房号",
    "报修人",
    "联系电话",
    "报修内容",
    "预约时间",
    "紧急程度",
    "派工时间",
    "维修人员",
    "到场时间",
    "完工时间",
    "维修情况/处理结果",
    "所用材料",
    "名称数量单价金额",
    "人工费",
    "材料费",
    "合计",
    "是否有偿",
    "有偿",
    "无偿",
    "业主签字确认",
    "年月日",
    "维修人员签字",
    "回访时间",
    "回访结果",
    "满意",
    "基本满意",
    "不满意",
    "回访人",
    "备注",
    "打印时间",
)
DISPATCH_LABELS = (
    "维修派工表",
    "维修人员",
    "单号",
    "报修时间",
    "房号",
    "报修内容",
    "紧急程度",
    "预约时间",
    "状态",
    "签收",
)
TECHNICIANS = ["李建国", "王师傅", "欧阳建国", "未派工"]
CONTENTS = [
    "厨房水龙头漏水，业主要求尽快处理。",
    "卫生间马桶水箱不停流水，配件老化需更换，业主白天上班，请先电话联系约时间。",
    "客厅灯不亮",
    "1号电梯运行中有异响，轿厢晃动，已暂停使用并挂牌，请尽快检查曳引机和导轨，"
    "必要时联系电梯维保单位（迅达）到场。",
]
PLACES = ["3栋2单元501", "1栋 电梯机房", "12栋1单元1203", "地下车库B2"]
STATUSES = ["已派工", "维修中", "暂停", "转外单位", "登记"]


def squash(text: str) -> str:
    """pdftotext spaces CJK text out; compare without whitespace."""
    return re.sub(r"\s+", "", text)


def work_order_full() -> dict[str, object]:
    return {
        "estate_name": "阳光花园",
        "company_name": "某某物业管理有限公司",
        "order_no": "WX20261120-0007",
        "reported_at": "2026-11-20T08:05:00+08:00",
        "location": "3栋2单元501",
        "reporter": "张先生",
        "phone": "13800138000",
        "content": LONG_CONTENT,
        "appointment": "今天 14:00-16:00",
        "urgency": "紧急",
        "dispatched_at": "2026-11-20T08:07:00+08:00",
        "technician": "李建国",
        "arrived_at": "2026-11-20T14:10:00+08:00",
        "completed_at": "2026-11-20T15:25:00+08:00",
        "work_done": WORK_DONE,
        "materials": [
            {"name": "PPR直接DN20", "quantity": "2", "unit_price": "3.50", "amount": "7.00"},
            {"name": "角阀（铜，4分）", "quantity": "1", "unit_price": "28.00", "amount": "28.00"},
            {"name": "生料带", "quantity": "1卷", "unit_price": "2.00", "amount": "2.00"},
        ],
        "labour": "50.00",
        "material_total": "37.00",
        "total": "87.00",
        "paid_boxes": "■有偿　□无偿",
        "callback_at": "2026-11-20T17:30:00+08:00",
        "callback_boxes": "□满意　■基本满意　□不满意",
        "callback_by": "王丽",
        "note": "业主要求下次维修前先电话联系。",
        "printed_at": "2026-11-20T08:08:00+08:00",
    }


def work_order_blank() -> dict[str, object]:
    """A freshly registered order at a public place: the technician fills in the rest."""
    data: dict[str, object] = {
        key: [] if isinstance(value, list) else "" for key, value in work_order_full().items()
    }
    data.update(
        estate_name="阳光花园",
        company_name="某某物业管理有限公司",
        order_no="WX20261120-0008",
        reported_at="2026-11-20T09:00:00+08:00",
        location="1栋 电梯机房",
        content="电梯异响",
        urgency="一般",
        paid_boxes="□有偿　□无偿",
        callback_boxes="□满意　□基本满意　□不满意",
        printed_at="2026-11-20T09:01:00+08:00",
    )
    return data


def dispatch_rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "technician": TECHNICIANS[i * len(TECHNICIANS) // count],
            "order_no": f"WX20261120-{i + 1:04d}",
            "reported_at": f"11-{19 + i % 2:02d} {8 + i % 10:02d}:{i * 7 % 60:02d}",
            "location": PLACES[i % len(PLACES)],
            "content": CONTENTS[i % len(CONTENTS)],
            "urgency": "紧急" if i % 5 == 0 else "一般",
            "appointment": ["今天 14:00-16:00", "", "随时"][i % 3],
            "status": STATUSES[i % len(STATUSES)],
        }
        for i in range(count)
    ]


def dispatch_data(count: int) -> dict[str, object]:
    return {
        "estate_name": "阳光花园",
        "company_name": "某某物业管理有限公司",
        "day": "2026-11-20",
        "rows": dispatch_rows(count),
        "printed_at": "2026-11-20T07:50:00+08:00",
        "total_text": f"共 {count} 单，未派工 {count // 4} 单",
    }


def word_boxes(pdf: bytes, tmp_path: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, the word boxes (points, top-left origin) from ``pdftotext -bbox``."""
    exe = poppler("pdftotext")
    source = tmp_path / "form.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(
        [exe, "-bbox", str(source), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    return [
        [
            tuple(float(v) for v in m.groups())
            for m in re.finditer(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
            )
        ]
        for page in html.split("<page ")[1:]
    ]


def assert_inside_and_apart(
    pages: list[list[tuple[float, ...]]], left_mm: float, right_mm: float
) -> None:
    for boxes in pages:
        assert boxes
        left, right = left_mm * MM_PT, (210 - right_mm) * MM_PT
        assert all(left - 0.5 <= b[0] and b[2] <= right + 0.5 for b in boxes)
        assert all(b[1] > 0 and b[3] < 297 * MM_PT for b in boxes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)


def rects(template_text: str, data: dict[str, object], font_name: str) -> list[dict]:
    """Keyword arguments of every rectangle the layout draws (mm → points)."""
    ops = _Layout(parse_template(template_text), data, font_name).run()
    return [
        op.keywords
        for page in ops
        for op in page
        if isinstance(op, partial) and op.func is _draw_rect
    ]


# -- the templates ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["repair_work_order", "repair_dispatch_sheet"])
def test_repair_templates_load_as_a4_portrait(name: str) -> None:
    template = load_template(name)
    assert name in available_templates()
    assert (template.page_width, template.page_height) == (210.0, 297.0)
    assert template.page_numbers
    assert "{printed_at|datetime}" in template.page_number_format


def test_work_order_frame_is_180_mm_wide() -> None:
    template = load_template("repair_work_order")
    assert template.content_width == 180.0
    for element in template.elements:
        if isinstance(element, BoxElement):
            assert element.x + element.width <= 180.0 + 1e-9, element.label
    (materials,) = [e for e in template.elements if isinstance(e, TableElement)]
    assert materials.field == "materials"
    assert materials.min_rows == 5
    assert [c.label for c in materials.columns] == ["名称", "数量", "单价", "金额"]
    assert [c.key for c in materials.columns] == ["name", "quantity", "unit_price", "amount"]
    assert sum(c.width for c in materials.columns) == pytest.approx(180.0)


def test_dispatch_table_columns_fill_the_width() -> None:
    template = load_template("repair_dispatch_sheet")
    (table,) = [e for e in template.elements if isinstance(e, TableElement)]
    assert table.field == "rows"
    assert [c.label for c in table.columns] == list(DISPATCH_LABELS[1:])
    assert [c.key for c in table.columns][:8] == [
        "technician",
        "order_no",
        "reported_at",
        "location",
        "content",
        "urgency",
        "appointment",
        "status",
    ]
    assert sum(c.width for c in table.columns) == pytest.approx(template.content_width)


# -- 维修工作单 ----------------------------------------------------------------------


def test_work_order_full(pdf_pages: Pages) -> None:
    pdf = render_form("repair_work_order", work_order_full())
    assert b"STSong-Light" not in pdf  # □ ■ and every other character are in the TTF
    (page,) = pdf_pages(pdf)
    text = squash(page)
    for label in WORK_ORDER_LABELS:
        assert label in text, label
    for expected in (
        "某某物业管理有限公司阳光花园",
        "单号：WX20261120-0007",
        "报修时间：2026-11-2008:05",
        "紧急程度：紧急",
        "预约时间：今天14:00-16:00",
        "房号：3栋2单元501",
        "报修人：张先生",
        "联系电话：13800138000",
        "派工时间：2026-11-2008:07",
        "维修人员：李建国",
        "到场时间：2026-11-2014:10",
        "完工时间：2026-11-2015:25",
        "PPR直接DN20",
        "角阀（铜，4分）",
        "1卷",
        "28.00",
        "人工费（元）：50.00",
        "材料费（元）：37.00",
        "合计（元）：87.00",
        "是否有偿：■有偿□无偿",
        "回访时间：2026-11-2017:30",
        "回访人：王丽",
        "回访结果：□满意■基本满意□不满意",
        "备注：业主要求下次维修前先电话联系。",
        "打印时间：2026-11-2008:08",
        "第1页/共1页",
    ):
        assert expected in text, expected
    # The long texts wrap inside their cells and are printed whole.
    assert "报修内容：" + squash(LONG_CONTENT) in text
    assert "维修情况/处理结果：" + squash(WORK_DONE) in text
    lines = page.splitlines()
    first = next(i for i, line in enumerate(lines) if "报修内容" in line)
    last = next(i for i, line in enumerate(lines) if "WX20261015-0021" in line)
    assert last > first  # wrapped onto further lines


def test_work_order_blank_leaves_room_to_write(pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("repair_work_order", work_order_blank()))
    text = squash(page)
    for label in WORK_ORDER_LABELS:
        assert label in text, label
    assert "单号：WX20261120-0008" in text
    assert "房号：1栋电梯机房" in text
    assert "报修内容：电梯异响" in text
    # Empty times and names print nothing after the label.
    for run in (
        "派工时间：维修人员：",
        "到场时间：完工时间：",
        "人工费（元）：材料费（元）：合计（元）：",
        "是否有偿：□有偿□无偿",
        "回访时间：回访人：回访结果：□满意□基本满意□不满意",
    ):
        assert run in text, run
    assert "None" not in text and "1970" not in text


def test_work_order_pads_materials_to_five_blank_rows(font_name: str) -> None:
    template = load_template("repair_work_order")
    (table,) = [e for e in template.elements if isinstance(e, TableElement)]
    columns = len(table.columns)

    def cell_count(data: dict[str, object]) -> tuple[int, int]:
        """(grey header cells, all rectangles) drawn for the form."""
        drawn = [
            op.keywords
            for page in _Layout(template, data, font_name).run()
            for op in page
            if isinstance(op, partial) and op.func is _draw_rect
        ]
        return sum(1 for r in drawn if r["fill"] is not None), len(drawn)

    header_blank, all_blank = cell_count(work_order_blank())
    header_full, all_full = cell_count(work_order_full())
    assert header_blank == header_full == columns  # one grey header row
    assert all_blank == all_full  # 3 materials + 2 blank rows = 5 blank rows
    many = work_order_full()
    many["materials"] = many["materials"] * 3  # type: ignore[operator]
    assert cell_count(many)[1] == all_full + 4 * columns


def test_work_order_nothing_cut_off_or_overlapping(tmp_path: Path) -> None:
    pages = word_boxes(render_form("repair_work_order", work_order_full()), tmp_path)
    assert len(pages) == 1
    assert_inside_and_apart(pages, left_mm=15, right_mm=15)


def test_very_long_work_order_flows_onto_a_second_page(pdf_pages: Pages) -> None:
    data = work_order_full()
    data["content"] = LONG_CONTENT * 4
    data["work_done"] = WORK_DONE * 5
    data["materials"] = data["materials"] * 3  # type: ignore[operator]
    pages = pdf_pages(render_form("repair_work_order", data))
    assert len(pages) == 2
    everything = squash("".join(pages))
    assert squash(LONG_CONTENT * 4) in everything
    assert squash(WORK_DONE * 5) in everything
    assert "阳光花园维修工作单WX20261120-0007" in squash(pages[1])  # running header
    assert "第2页/共2页" in squash(pages[1])
    assert "回访结果" in squash(pages[1])


# -- 维修派工表 ----------------------------------------------------------------------


def test_dispatch_sheet_short(pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("repair_dispatch_sheet", dispatch_data(4)))
    text = squash(page)
    for label in DISPATCH_LABELS:
        if label == "紧急程度":  # a narrow column: the header wraps as 紧急 / 程度
            assert "紧急" in text and "程度" in text
        else:
            assert label in text, label
    for expected in (
        "某某物业管理有限公司",
        "阳光花园日期：2026-11-20",
        "共4单，未派工1单",
        "打印时间：2026-11-2007:50",
        "第1页/共1页",
        "3栋2单元501",
        "1栋电梯机房",
        "12栋1单元1203",
        "1号电梯运行中有异响",  # a long content wraps over several lines of its cell
        "联系电梯维保单位（迅达）到场。",
    ):
        assert expected in text, expected
    for row in dispatch_rows(4):
        assert row["order_no"] in text


def test_dispatch_sheet_60_rows_paginate(pdf_pages: Pages) -> None:
    pages = pdf_pages(render_form("repair_dispatch_sheet", dispatch_data(60)))
    total = len(pages)
    assert total > 1
    everything = squash("".join(pages))
    for number, page in enumerate(pages, start=1):
        text = squash(page)
        assert f"第{number}页/共{total}页" in text
        assert "打印时间：2026-11-2007:50" in text
        assert "维修人员单号报修时间房号报修内容" in text  # the header repeats
        if number > 1:
            assert "阳光花园维修派工表2026-11-20" in text
    positions = []
    for row in dispatch_rows(60):
        assert everything.count(row["order_no"]) == 1, row["order_no"]
        positions.append(everything.index(row["order_no"]))
    assert positions == sorted(positions)
    assert "共60单，未派工15单" in squash(pages[0])


def test_dispatch_sheet_nothing_cut_off_or_overlapping(tmp_path: Path) -> None:
    pages = word_boxes(render_form("repair_dispatch_sheet", dispatch_data(60)), tmp_path)
    assert len(pages) > 1
    assert_inside_and_apart(pages, left_mm=10, right_mm=10)


def test_dispatch_sheet_without_orders(pdf_pages: Pages) -> None:
    data = dispatch_data(0)
    data["total_text"] = "共 0 单"
    (page,) = pdf_pages(render_form("repair_dispatch_sheet", data))
    text = squash(page)
    assert "今日无未完成的维修单" in text
    assert "签收" in text and "共0单" in text


# -- the template features ------------------------------------------------------------

SMALL = """
[form]
title = "t"
paper = "A5"
margins_mm = 10
"""


def test_box_grow_fits_a_long_label(font_name: str) -> None:
    box = '[[element]]\nkind = "box"\nwidth = 40\nheight = 8\nlabel = "{text}"\n'
    after = '[[element]]\nkind = "box"\ngap = 0\nwidth = 40\nheight = 8\n'
    long_text = {"text": "报修内容很长，需要折成好几行。" * 4}
    fixed = rects(SMALL + box + after, long_text, font_name)
    grown = rects(SMALL + box + "grow = true\n" + after, long_text, font_name)
    assert fixed[0]["h"] == pytest.approx(8 * 72 / 25.4)
    assert grown[0]["h"] > 3 * fixed[0]["h"]
    # The next box flows below the grown one.
    assert grown[1]["y"] == pytest.approx(grown[0]["y"] - grown[1]["h"])
    # A short label keeps the given height.
    short = rects(SMALL + box.replace("8", "12") + "grow = true\n", {"text": "短"}, font_name)
    assert short[0]["h"] == pytest.approx(12 * 72 / 25.4)


def test_table_min_rows_adds_blank_rows(font_name: str) -> None:
    table = (
        '[[element]]\nkind = "table"\nfield = "rows"\nmin_rows = 3\n'
        'columns = [{ label = "甲", key = "a", width = 30 }, { label = "乙", key = "b" }]\n'
    )
    empty = rects(SMALL + table, {"rows": []}, font_name)
    assert len(empty) == 2 + 3 * 2  # header + three blank rows of two cells
    one = rects(SMALL + table, {"rows": [{"a": "x", "b": "y"}]}, font_name)
    assert len(one) == len(empty)
    four = rects(SMALL + table, {"rows": [{"a": str(i)} for i in range(4)]}, font_name)
    assert len(four) == 2 + 4 * 2
    plain = rects(SMALL + table.replace("min_rows = 3\n", ""), {"rows": []}, font_name)
    assert len(plain) == 2 + 1  # the 无 row spans the table


def test_table_min_rows_must_be_a_small_integer() -> None:
    table = '[[element]]\nkind = "table"\nfield = "rows"\ncolumns = [{ label = "甲" }]\n'
    for bad in ("-1", "2.5", "true", "500"):
        with pytest.raises(ValidationError, match="min_rows"):
            parse_template(SMALL + table + f"min_rows = {bad}\n")


def test_page_number_format_takes_data(font_name: str, pdf_pages: Pages) -> None:
    text = (
        SMALL
        + "page_numbers = true\n"
        + 'page_number_format = "打印时间：{printed_at|datetime}  第 {page} 页 / 共 {pages} 页"\n'
        + '[[element]]\nkind = "text"\ntext = "正文"\n'
    )
    pdf = render_template(parse_template(text), {"printed_at": "2026-11-20T07:50:00+08:00"})
    (page,) = pdf_pages(pdf)
    assert "打印时间：2026-11-2007:50第1页/共1页" in squash(page)
