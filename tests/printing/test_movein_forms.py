"""The move-in forms (入住交房): 入住通知单 (one page a unit, a batch as one PDF),
房屋交接验收单 (one A4 page for a typical flat), 入住程序表, 收楼情况汇总 and
遗留问题整改记录, rendered with the data their templates' comment blocks promise.

Also covers what they brought to the engine: ``each`` columns (a column per entry of a
data list: the inspection's rooms), placeholders in table headings, ``grow`` grids and
the ✓/✗ look-alikes.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from desk_app.core.errors import ValidationError
from desk_app.printing.fonts import ensure_fonts_registered, printable_text
from desk_app.printing.render import _Layout, render_form, render_pages, render_template
from desk_app.printing.templates import load_template, parse_template
from tests.builders.pdf import pdf_pages, poppler, squash

ESTATE = {"estate_name": "阳光花园", "company_name": "某某物业管理有限公司"}
CONTACT = "客户服务中心（会所一楼），电话 0755-2612 3456，每日 8:30–17:30"
OWNERS = ("张堃", "吉𠮷", "李娜", "王建国", "陈晓燕", "刘洋", "赵敏", "孙立军", "周芳", "吴磊")
ROOMS = ["客厅", "餐厅", "主卧", "次卧", "厨房", "卫生间"]
ITEMS = [
    "入户门",
    "门锁",
    "窗",
    "玻璃",
    "墙面",
    "天花",
    "地面",
    "给排水",
    "电气/开关插座",
    "对讲",
    "燃气",
    "暖气",
    "室内门",
    "防水",
]
NOT_IN = {("燃气", "客厅"), ("燃气", "主卧"), ("燃气", "次卧"), ("对讲", "厨房")}
DEFECTS = [
    {
        "no": 1,
        "room": "客厅",
        "item": "墙面",
        "category": "空鼓",
        "note": "电视背景墙左下角约 0.3㎡ 空鼓，敲击有空响",
        "deadline": "2026-12-14",
    },
    {
        "no": 2,
        "room": "卫生间",
        "item": "给排水",
        "category": "渗水",
        "note": "洗手盆下水管接口渗水，柜底板已潮",
        "deadline": "2026-12-14",
    },
    {
        "no": 3,
        "room": "主卧",
        "item": "窗",
        "category": "密封不严",
        "note": "推拉窗关闭后仍有缝隙，胶条脱落",
        "deadline": "2026-12-14",
    },
]


def unit_text(index: int) -> str:
    building, rest = divmod(index, 48)
    entrance, rest = divmod(rest, 24)
    floor, door = divmod(rest, 2)
    return f"{3 + building}栋{entrance + 1}单元{floor + 1}{door + 1:02d}"


def notice_data(index: int = 0, *, slot: bool = True) -> dict[str, object]:
    return {
        **ESTATE,
        "batch_name": "3栋 第一批交付",
        "unit_text": unit_text(index),
        "owner_name": OWNERS[index % len(OWNERS)],
        "handover_from": "2026-12-05",
        "handover_to": "2026-12-20",
        "handover_hours": "每日 9:00–17:00",
        "handover_place": "会所一楼客户服务中心",
        "slot_text": f"2026年12月{5 + index % 15}日 {9 + index % 8:02d}:00–{10 + index % 8:02d}:00"
        if slot
        else "",
        "booking_hint": ""
        if slot
        else "您尚未预约办理时段，请致电 0755-2612 3456 预约，以免现场等候。",
        "bring": [
            {"no": 1, "text": "本入住通知单", "note": ""},
            {"no": 2, "text": "购房合同原件", "note": "核对后退还"},
            {"no": 3, "text": "业主身份证原件及复印件", "note": "共有人各一份"},
            {"no": 4, "text": "购房款付清证明或按揭合同", "note": ""},
            {"no": 5, "text": "委托书及受托人身份证", "note": "委托他人办理时"},
        ],
        "fees": [
            {
                "no": 1,
                "item": "物业服务费",
                "period": "2026-12-16 至 2027-03-31",
                "amount": 91_286,
                "note": "2.50元/㎡·月",
            },
            {
                "no": 2,
                "item": "装修垃圾清运费",
                "period": "一次性",
                "amount": 30_000,
                "note": "",
            },
            {"no": 3, "item": "门禁卡工本费", "period": "一次性", "amount": 4_000, "note": "2 张"},
        ],
        "fees_total": 125_286,
        "fee_note": "以上费用可用现金、银行卡或微信支付；物业服务费自交房之日起计收"
        "（当月 15 日前交房的自当月 16 日起计，其后的自次月 1 日起计）。",
        "contact_text": CONTACT,
        "issue_date": "2026-11-20",
        "printed_at": "2026-11-20T10:15:00+08:00",
    }


def grid_rows() -> list[dict[str, str]]:
    marks = {("客厅", "墙面"): "×", ("卫生间", "给排水"): "×", ("主卧", "窗"): "×"}
    return [
        {
            "item": item,
            **{
                room: "—" if (item, room) in NOT_IN else marks.get((room, item), "✓")
                for room in ROOMS
            },
        }
        for item in ITEMS
    ]


def inspection_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        **ESTATE,
        "sheet_no": "YS20261205-0012",
        "unit_text": "3栋2单元501",
        "unit_type": "三室两厅　89.56㎡",
        "owner_name": "张堃",
        "agent_text": "（代理人：吉𠮷，凭委托书）",
        "inspected_at": "2026-12-05T09:40:00+08:00",
        "engineer": "李建华",
        "clerk": "周芳",
        "rooms": ROOMS,
        "grid": grid_rows(),
        "defects": DEFECTS,
        "meters": [
            {"name": "水表", "meter_no": "SB-3-2-501", "reading": "0003.2", "unit": "m³"},
            {"name": "电表", "meter_no": "0301250501", "reading": "0012.60", "unit": "kWh"},
            {"name": "燃气表", "meter_no": "RQ2026-08817", "reading": "0000.8", "unit": "m³"},
        ],
        "keys": [
            {"name": "入户门钥匙", "count": 3, "note": ""},
            {"name": "信报箱钥匙", "count": 2, "note": ""},
            {"name": "室内门钥匙", "count": 4, "note": "1 把留客服中心（返修用）"},
            {"name": "门禁卡", "count": 2, "note": "卡号 A0301-0501、A0301-0502"},
        ],
        "outcome_boxes": "□收房　■带条件收房　□拒收",
        "outcome_note": "客厅墙面空鼓、卫生间下水渗水须在整改期限内修复，复验合格前保留意见。",
        "printed_at": "2026-12-05T10:32:00+08:00",
    }
    data.update(changes)
    return data


def routing_data() -> dict[str, object]:
    stations = [
        ("身份核验", "核对购房合同、业主身份证；代理人核对委托书", "已办理", "09:12", "周芳"),
        ("缴费", "物业服务费、装修垃圾清运费，收据 №0012034", "已办理", "09:20", "李娜"),
        ("签署文件", "前期物业管理服务协议、管理规约、业主情况登记表 …", "已办理", "09:31", "周芳"),
        ("联合验房", "会同工程部逐间验收，填写房屋交接验收单", "已办理", "10:25", "李建华"),
        ("抄表", "水表、电表、燃气表底数", "已办理", "10:28", "李建华"),
        (
            "钥匙及门禁卡",
            "入户门、信报箱、室内门钥匙，门禁卡",
            "跳过：业主暂不领门禁卡",
            "",
            "周芳",
        ),
        ("资料归档", "收回本表，建立业主档案", "待办理", "", ""),
    ]
    return {
        **ESTATE,
        "batch_name": "3栋 第一批交付",
        "unit_text": "3栋2单元501",
        "owner_name": "张堃",
        "agent_text": "吉𠮷（凭委托书）",
        "started_at": "2026-12-05T09:12:00+08:00",
        "stations": [
            {
                "no": no,
                "name": name,
                "detail": detail,
                "state": state,
                "at": f"2026-12-05T{at}:00+08:00" if at else "",
                "operator": operator,
            }
            for no, (name, detail, state, at, operator) in enumerate(stations, start=1)
        ],
        "note": "业主要求门禁卡待装修完毕后再办理。",
        "printed_at": "2026-12-05T10:40:00+08:00",
    }


def summary_data(handled: int = 16) -> dict[str, object]:
    buildings = [
        {"building": "3栋", "units": 96, "today": 14, "delivered": 51, "reserved": 9},
        {"building": "4栋", "units": 96, "today": 9, "delivered": 22, "reserved": 4},
        {"building": "5栋", "units": 64, "today": 0, "delivered": 0, "reserved": 0},
    ]
    for row, (refused, booked) in zip(buildings, ((2, 20), (1, 35), (0, 12)), strict=True):
        row.update(refused=refused, booked=booked)
        row["not_yet"] = row["units"] - row["delivered"] - refused - booked
    totals = {"building": "合计"} | {
        key: sum(int(row[key]) for row in buildings)
        for key in ("units", "today", "delivered", "reserved", "refused", "booked", "not_yet")
    }
    outcomes = ("收房", "带条件收房", "收房", "拒收", "未完成")
    units = [
        {
            "no": i + 1,
            "unit_text": unit_text(i),
            "owner_name": OWNERS[i % len(OWNERS)],
            "at": f"2026-12-05T{9 + i * 8 // handled:02d}:{(i * 17) % 60:02d}:00+08:00",
            "outcome": outcomes[i % len(outcomes)],
            "defects": (i * 3) % 5,
            "note": {
                1: "空鼓待修复后复验",
                3: "卫生间渗水，修复后再收房",
                4: "缺业主身份证原件，约明日继续",
            }.get(i % len(outcomes), ""),
            "operator": "周芳" if i % 2 else "李娜",
        }
        for i in range(handled)
    ]
    return {
        **ESTATE,
        "batch_name": "3、4、5栋 第一批交付",
        "day": "2026-12-05",
        "buildings": buildings,
        "totals": [totals],
        "units": units,
        "note": "4栋1单元电梯下午停运两小时，部分预约顺延至明日。",
        "prepared_by": "周芳",
        "printed_at": "2026-12-05T17:45:00+08:00",
    }


def defect_list_data() -> dict[str, object]:
    rows = [
        {**DEFECTS[0], "order_no": "WX20261205-0031", "state": "已复验"},
        {**DEFECTS[1], "order_no": "WX20261205-0032", "state": "待复验"},
        {**DEFECTS[2], "order_no": "WX20261205-0033", "state": "待整改"},
    ]
    rows[0].update(reinspected_on="2026-12-12", result="合格")
    rows[1].update(reinspected_on="2026-12-13", result="不合格，重新返修")
    return {
        **ESTATE,
        "unit_text": "3栋2单元501",
        "owner_name": "张堃",
        "handed_over_on": "2026-12-05",
        "outcome": "带条件收房",
        "defects": rows,
        "summary_text": "共 3 项：待整改 1　待复验 1　已复验 1",
        "contact_text": CONTACT,
        "printed_at": "2026-12-14T09:05:00+08:00",
    }


def page_count(pdf: bytes) -> int:
    info = subprocess.run(
        [poppler("pdfinfo"), "-"], input=pdf, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match is not None
    return int(match.group(1))


# -- 入住通知单 ----------------------------------------------------------------------


def test_notice_has_the_owner_dates_slot_list_fees_and_contact(font_name: str) -> None:
    pdf = render_form("movein_notice", notice_data(1))
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in (
        "入住通知单",
        "某某物业管理有限公司",
        "房号：3栋1单元102",
        "尊敬的吉𠮷业主",
        "2026年12月5日至2026年12月20日",
        "每日9:00–17:00",
        "会所一楼客户服务中心",
        "您预约的办理时段：2026年12月6日10:00–11:00",
        "请携带以下资料",
        "购房合同原件",
        "委托书及受托人身份证",
        "收房时应缴费用",
        "物业服务费2026-12-16至2027-03-31￥912.86",
        "装修垃圾清运费一次性￥300.00",
        "合计：￥1,252.86（人民币壹仟贰佰伍拾贰元捌角陆分）",
        "电话0755-26123456",
        "2026年11月20日",
    ):
        assert squash(expected) in text, expected


def test_notice_without_a_slot_says_how_to_book(font_name: str) -> None:
    text = squash(pdf_pages(render_form("movein_notice", notice_data(0, slot=False)))[0])
    assert "您预约的办理时段" not in text
    assert "您尚未预约办理时段" in text
    assert "尊敬的张堃业主" in text


def test_a_200_unit_batch_is_one_pdf_of_200_pages(font_name: str) -> None:
    datas = [notice_data(i, slot=i % 4 != 3) for i in range(200)]
    pdf = render_pages("movein_notice", datas, title="入住通知单 3栋 第一批交付")
    pages = pdf_pages(pdf)
    assert len(pages) == 200
    assert page_count(pdf) == 200
    for index in (0, 1, 57, 199):
        text = squash(pages[index])
        assert f"房号：{unit_text(index)}" in text
        assert f"尊敬的{OWNERS[index % len(OWNERS)]}业主" in text
        assert text.endswith(f"{unit_text(index)}第1页/共1页")


# -- 房屋交接验收单 ---------------------------------------------------------------------


def test_inspection_of_a_typical_flat_is_one_page_with_everything(font_name: str) -> None:
    pdf = render_form("movein_inspection", inspection_data())
    assert page_count(pdf) == 1
    text = squash(pdf_text_one(pdf))
    for expected in (
        "房屋交接验收单",
        "编号：YS20261205-0012",
        "房号：3栋2单元501",
        "业主：张堃（代理人：吉𠮷，凭委托书）",
        "三室两厅89.56㎡",
        "验收时间：2026-12-05 09:40",
        "项目＼房间客厅餐厅主卧次卧厨房卫生间",
        "电气/开关插座√√√√√√",
        "燃气—√——√√",
        "电视背景墙左下角约0.3㎡空鼓",
        "渗水",
        "2026-12-14",
        "水表SB-3-2-5010003.2m³",
        "电表03012505010012.60kWh",
        "燃气表RQ2026-088170000.8m³",
        "入户门钥匙3",
        "门禁卡2卡号A0301-0501、A0301-0502",
        "1把留客服中心（返修用）",
        "□收房■带条件收房□拒收",
        "复验合格前保留意见",
        "业主/代理人签字",
        "客服中心签字",
        "工程部签字",
    ):
        assert squash(expected) in text, expected
    assert "✓" not in text and "〓" not in text  # the ticks print as √
    assert text.count("×") >= 3


def pdf_text_one(pdf: bytes) -> str:
    return "".join(pdf_pages(pdf))


def test_inspection_with_ten_rooms_and_eight_defects_still_fits_one_page(font_name: str) -> None:
    rooms = ["客厅", "餐厅", "主卧", "次卧", "书房", "厨房", "主卫", "次卫", "阳台", "生活阳台"]
    grid = [{"item": item, **dict.fromkeys(rooms, "√")} for item in ITEMS]
    defects = [{**DEFECTS[i % 3], "no": i + 1} for i in range(8)]
    pdf = render_form("movein_inspection", inspection_data(rooms=rooms, grid=grid, defects=defects))
    assert page_count(pdf) == 1
    assert "生活阳台" in squash(pdf_text_one(pdf))


def test_inspection_with_many_defects_flows_onto_a_second_page(font_name: str) -> None:
    defects = [{**DEFECTS[i % 3], "no": i + 1} for i in range(40)]
    pages = pdf_pages(render_form("movein_inspection", inspection_data(defects=defects)))
    assert len(pages) == 2
    assert "二、遗留问题" in squash(pages[1])  # the table's title repeats with （续）
    assert "工程部签字" in squash(pages[-1])


# -- 入住程序表 ------------------------------------------------------------------------


def test_routing_slip_lists_the_stations_in_order(font_name: str) -> None:
    pages = pdf_pages(render_form("movein_routing_slip", routing_data()), layout=False)
    assert len(pages) == 1
    text = squash(pages[0])  # read cell by cell: wrapped cells stay whole
    names = ["1身份核验", "2缴费", "3签署文件", "4联合验房", "5抄表", "6钥匙及门禁卡", "7资料归档"]
    positions = [text.index(name, text.index("序号办理程序办理内容")) for name in names]
    assert positions == sorted(positions)
    for expected in (
        "入住程序表",
        "业主：张堃",
        "代理人：吉𠮷（凭委托书）",
        "开始办理：2026-12-0509:12",
        "跳过：业主暂不领门禁卡",
        "待办理",
        "已办理2026-12-0510:25李建华",
        "经办人签字",
        "备注：业主要求门禁卡待装修完毕后再办理",
        "资料归档（收回本表）",
    ):
        assert squash(expected) in text, expected


# -- 收楼情况汇总 -----------------------------------------------------------------------


def test_daily_summary_has_buildings_totals_and_the_days_units(font_name: str) -> None:
    data = summary_data()
    pages = pdf_pages(render_form("movein_daily_summary", data))
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in (
        "收楼情况汇总",
        "日期：2026年12月5日",
        "3、4、5栋第一批交付",
        "3栋961451922023",
        "4栋96922413538",
        "5栋6400001252",
        "合计256237313367113",
        "当日办理明细",
        "3栋1单元102吉𠮷09:17带条件收房3空鼓待修复后复验",
        "3栋1单元801陈晓燕16:58未完成2缺业主身份证原件，约明日继续",
        "卫生间渗水，修复后再收房",
        "制表人：周芳",
        "客服主管审核",
    ):
        assert squash(expected) in text, expected
    assert "3栋1单元802刘洋" in text
    assert "3栋1单元901" not in text
    totals = data["totals"][0]  # type: ignore[index]
    assert totals["units"] == sum(
        totals[key] for key in ("delivered", "refused", "booked", "not_yet")
    )


def test_a_busy_day_continues_the_list_with_its_heading(font_name: str) -> None:
    pages = pdf_pages(render_form("movein_daily_summary", summary_data(handled=90)))
    assert len(pages) == 3
    everything = squash("".join(pages))
    for i in range(90):
        assert unit_text(i) in everything
    assert "二、当日办理明细（续）序号房号业主时间结果遗留问题说明经办人" in squash(pages[1])
    assert "客服主管审核" in squash(pages[-1])
    assert squash(pages[-1]).endswith("第3页/共3页")


# -- 遗留问题整改记录 -------------------------------------------------------------------


def test_defect_list_tracks_each_defect_to_reinspection(font_name: str) -> None:
    pages = pdf_pages(render_form("movein_defect_list", defect_list_data()))
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in (
        "房屋交接遗留问题整改记录",
        "业主：张堃",
        "收房日期：2026-12-05",
        "验收结论：带条件收房",
        "维修单号",
        "WX20261205-0031",
        "已复验2026-12-12合格",
        "待复验2026-12-13不合格，重新返修",
        "待整改",
        "共3项：待整改1待复验1已复验1",
        "业主/代理人签字",
    ):
        assert squash(expected) in text, expected


def test_no_defects_says_so(font_name: str) -> None:
    text = squash(
        pdf_text_one(render_form("movein_defect_list", {**defect_list_data(), "defects": []}))
    )
    assert "无遗留问题" in text


# -- what the forms brought to the engine ---------------------------------------------


EACH_TEMPLATE = """
[form]
paper = "A5-landscape"
margins_mm = 10
[[element]]
kind = "table"
field = "rows"
columns = [{ label = "项目", key = "item", width = 40 }, { each = "rooms", align = "center" }]
[[element]]
kind = "grid"
rows = 2
grow = true
field = "rows"
columns = [{ label = "{heading}", key = "item", width = 40 }, { each = "rooms", width = 60 }]
"""


def test_each_column_spreads_over_the_data_list(font_name: str) -> None:
    template = parse_template(EACH_TEMPLATE)
    data = {
        "heading": "部位",
        "rooms": ["客厅", {"label": "主卧室", "key": "bed"}],
        "rows": [{"item": f"项{i}", "客厅": "√", "bed": f"×{i}"} for i in range(1, 4)],
    }
    pages = pdf_pages(render_template(template, data))
    text = squash(pages[0])
    assert text.count("项目客厅主卧室") == 1
    assert "部位客厅主卧室" in text  # a grid heading with a placeholder
    assert text.count("项3√×3") == 2  # 3 rows in a grid of 2 rows: it grew
    table = template.elements[0]
    layout_columns = _Layout(template, data, font_name).columns_of(table)
    assert [round(c.width, 3) for c in layout_columns] == [40.0, 75.0, 75.0]


def test_each_column_without_entries_is_one_blank_column(font_name: str) -> None:
    pdf = render_template(parse_template(EACH_TEMPLATE), {"rows": [{"item": "墙面"}]})
    assert "墙面" in squash(pdf_text_one(pdf))


def test_each_column_data_must_be_a_list_of_names(font_name: str) -> None:
    template = parse_template(EACH_TEMPLATE)
    with pytest.raises(ValidationError, match="应为列表"):
        render_template(template, {"rooms": "客厅", "rows": []})
    with pytest.raises(ValidationError, match="文字或含 label"):
        render_template(template, {"rooms": [3], "rows": []})


def test_each_column_takes_no_key() -> None:
    with pytest.raises(ValidationError, match="不能再写 key"):
        parse_template(
            '[form]\n[[element]]\nkind = "table"\nfield = "r"\n'
            'columns = [{ each = "rooms", key = "x" }]\n'
        )


def test_grid_without_grow_still_refuses_extra_rows(font_name: str) -> None:
    template = parse_template(EACH_TEMPLATE.replace("grow = true\n", ""))
    with pytest.raises(ValidationError, match="超过"):
        render_template(template, {"rooms": [], "rows": [{"item": "甲"}] * 3})


@pytest.mark.parametrize(("mark", "printed"), [("✓", "√"), ("✔", "√"), ("✗", "×"), ("✘", "×")])
def test_ticks_print_as_the_forms_ticks(mark: str, printed: str) -> None:
    assert printable_text(mark, ensure_fonts_registered()) == printed


@pytest.mark.parametrize(
    "name",
    [
        "movein_notice",
        "movein_inspection",
        "movein_routing_slip",
        "movein_daily_summary",
        "movein_defect_list",
    ],
)
def test_every_movein_form_documents_its_data_keys(name: str) -> None:
    load_template(name)
    source = (Path(__file__).parents[2] / "forms" / f"{name}.toml").read_text(encoding="utf-8")
    head = source.split("[form]")[0]
    assert "Data keys" in head
    used = set(re.findall(r"\{([a-z_]+)(?:\|[a-z_]+)?\}", source))
    used |= set(re.findall(r'(?:field|only_if|each) = "([a-z_]+)"', source))
    used -= {"page", "pages"}
    assert sorted(key for key in used if key not in head) == []
