"""The renovation and move-out forms (装修与放行): 装修申请表, 装修许可证, 装修人员出入证
(cards on an A4 sheet with cut marks), 违章整改通知书 and 物品放行条 (two copies), rendered
with the data their templates' comment blocks promise.

Also covers what they brought to the engine: the ``image`` element (a photo from bytes or
a path, fitted into its frame, or the frame's label without one) and ``cards.py``, which
imposes a card-sized form on A4 sheets with cut marks.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from desk_app.core.errors import ValidationError
from desk_app.printing import cards
from desk_app.printing.render import render_form, render_template
from desk_app.printing.templates import load_template, parse_template
from tests.builders.pdf import pdf_pages, poppler, squash

ESTATE = {"estate_name": "阳光花园", "company_name": "某某物业管理有限公司"}
FULL_ID = "440106198803151234"
MASKED_ID = "4401**********1234"
WORKS = [
    ("水电改造", "√", "厨卫水管更换，全屋电线穿管"),
    ("墙体拆改", "√", "仅拆除非承重隔墙（厨房与餐厅之间）；承重墙、梁、柱不得拆改"),
    ("防水", "√", "卫生间、厨房重做防水，闭水试验 48 小时"),
    ("吊顶", "√", "客厅、餐厅石膏板吊顶"),
    ("地面", "√", "客厅瓷砖，卧室木地板"),
    ("门窗", "", ""),
    ("空调", "√", "两台挂机，使用原预留孔"),
    ("防盗网", "", "须按小区统一样式，不得凸出外墙"),
]
PAPERS = ["装修管理服务协议", "装修防火责任书", "施工图纸（平面、水电）", "施工单位营业执照复印件"]


def photo_bytes(size: tuple[int, int] = (600, 800), fmt: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 120, 180)).save(out, fmt)
    return out.getvalue()


def application_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        **ESTATE,
        "application_no": "ZX2026-0012",
        "applied_on": "2026-12-07",
        "unit_text": "3栋2单元501",
        "area_text": "89.50㎡",
        "owner_name": "张堃",
        "owner_phone": "138 0013 8000",
        "applicant_name": "刘洋",
        "applicant_role": "租户",
        "consent_text": "业主张堃书面同意书（2026-11-20，原件存档）",
        "contractor_company": "广州市安居装饰工程有限公司",
        "contractor_licence": "91440101MA5CXXXX1X",
        "foreman_name": "王建国",
        "foreman_phone": "139 2222 3333",
        "foreman_id_masked": MASKED_ID,
        "fire_officer_name": "孙立军",
        "fire_officer_phone": "137 4444 5555",
        "works": [{"item": i, "mark": m, "note": n} for i, m, n in WORKS],
        "works_other": "阳台封闭（另行申请增加项目）",
        "period_from": "2026-12-10",
        "period_to": "2027-03-09",
        "workers_planned": "6",
        "papers": [{"no": n, "name": p, "mark": "√"} for n, p in enumerate(PAPERS, 1)],
        "review_text": "",
        "approval_text": "",
        "printed_at": "2026-12-07T10:15:00+08:00",
    }
    data.update(changes)
    return data


def permit_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        **ESTATE,
        "permit_no": "XK2026-0012",
        "application_no": "ZX2026-0012",
        "unit_text": "3栋2单元501",
        "owner_name": "张堃",
        "contractor_company": "广州市安居装饰工程有限公司",
        "foreman_name": "王建国",
        "foreman_phone": "139 2222 3333",
        "period_from": "2026-12-10",
        "period_to": "2027-03-09",
        "extension_note": "",
        "working_hours": "工作日 8:00–12:00，14:00–18:00",
        "rest_days_hours": "周末及法定节假日不得施工",
        "rules": [
            {"no": n, "text": t}
            for n, t in enumerate(
                [
                    "不得拆改承重墙、梁、柱、楼板及外立面，不得破坏防水层。",
                    "不得擅自改动燃气管道、烟道、公共管线；动火须另办动火许可证。",
                    "施工人员凭装修人员出入证出入，佩戴上岗。",
                    "装修垃圾袋装，按指定时间、地点堆放，不得堆放于楼道。",
                    "现场配备灭火器不少于 2 具，严禁吸烟。",
                    "超出许可证期限须办理延期手续。",
                ],
                1,
            )
        ],
        "issued_on": "2026-12-09",
        "desk_phone": "0755-2612 3456",
        "printed_at": "2026-12-09T09:00:00+08:00",
    }
    data.update(changes)
    return data


def card_data(index: int, photo: object = None) -> dict[str, object]:
    names = ("王建国", "李强", "陈刚", "赵敏", "吉𠮷", "周大海", "吴磊", "郑伟", "孙杰", "钱多")
    return {
        "estate_name": "阳光花园",
        "pass_no": f"ZR2026-{31 + index:04d}",
        "photo": photo_bytes() if photo is None else photo,
        "worker_name": names[index % len(names)],
        "worker_id_masked": MASKED_ID,
        "unit_text": "3栋2单元501",
        "contractor_company": "广州市安居装饰工程有限公司",
        "trade": ("水电", "泥瓦", "木工")[index % 3],
        "valid_until": "2027-03-09",
        "permit_no": "XK2026-0012",
    }


def notice_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        **ESTATE,
        "notice_no": "WZ2026-0007",
        "unit_text": "3栋2单元501",
        "owner_name": "张堃",
        "contractor_company": "广州市安居装饰工程有限公司",
        "foreman_name": "王建国",
        "permit_no": "XK2026-0012",
        "inspected_at": "2026-12-20T10:30:00+08:00",
        "inspector_name": "陈晓燕",
        "findings": "1. 客厅与主卧之间承重墙被开凿门洞（约 0.9 × 2.0 米）。\n2. 现场未配备灭火器。",
        "rule_text": "《装修管理服务协议》第五条：不得拆改承重墙、梁、柱；《装修防火责任书》第三条。",
        "demand_text": "立即停止开凿，按原设计恢复并由有资质单位出具鉴定；当日配备灭火器 2 具。",
        "deadline": "2026-12-25",
        "consequence_text": "逾期未整改的，管理处将按协议从装修保证金中扣除相应费用，并报有关部门处理。",
        "desk_phone": "0755-2612 3456",
        "issued_on": "2026-12-20",
        "printed_at": "2026-12-20T11:00:00+08:00",
    }
    data.update(changes)
    return data


def moveout_data(items: int = 5, **changes: object) -> dict[str, object]:
    goods = ["双人床", "衣柜（拆散）", "冰箱", "洗衣机", "纸箱（衣物书籍）", "餐桌椅", "电视机"]
    data: dict[str, object] = {
        **ESTATE,
        "pass_no": "FX20261207-003",
        "valid_on": "2026-12-07",
        "unit_text": "3栋2单元501",
        "kind_text": "搬迁出门（永久迁出）",
        "carrier_name": "周大海",
        "carrier_id_masked": MASKED_ID,
        "plate": "粤B12345",
        "items": [
            {"no": n, "name": goods[(n - 1) % len(goods)], "quantity": f"{n % 4 + 1} 件"}
            for n in range(1, items + 1)
        ],
        "requester_name": "刘洋",
        "requester_role": "租户",
        "authority_text": "业主张堃电话确认（2026-12-07 09:40，客服李娜）",
        "arrears_text": "无欠费",
        "issued_at": "2026-12-07T09:45:00+08:00",
        "clerk_name": "李娜",
        "printed_at": "2026-12-07T09:45:00+08:00",
    }
    data.update(changes)
    return data


def page_count(pdf: bytes) -> int:
    info = subprocess.run(
        [poppler("pdfinfo"), "-"], input=pdf, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def assert_masked_only(text: str) -> None:
    assert MASKED_ID in text
    assert FULL_ID not in text


# -- 装修申请表 -----------------------------------------------------------------------


def test_application_is_one_page_with_parties_checklist_and_approval_boxes(
    font_name: str,
) -> None:
    pdf = render_form("renovation_application", application_data())
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in [
        "装修申请表",
        "ZX2026-0012",
        "3栋2单元501",
        "张堃",
        "刘洋（租户）",
        "业主同意：业主张堃书面同意书",
        "广州市安居装饰工程有限公司",
        "91440101MA5CXXXX1X",
        "王建国",
        "孙立军",
        "一、装修项目",
        "墙体拆改√",
        "承重墙、梁、柱不得拆改",
        "2026年12月10日至2027年3月9日",
        "装修防火责任书",
        "三、工程部意见",
        "工程部主管：",
        "四、审批（主任）",
        "审批人：",
    ]:
        assert squash(expected) in text, expected
    assert_masked_only(text)


def test_an_owners_application_has_no_consent_line(font_name: str) -> None:
    data = application_data(applicant_name="张堃", applicant_role="业主", consent_text="")
    text = squash(pdf_pages(render_form("renovation_application", data))[0])
    assert "业主同意" not in text


# -- 装修许可证 ------------------------------------------------------------------------


def test_permit_has_number_unit_period_hours_rules_and_seal(font_name: str) -> None:
    pdf = render_form("renovation_permit", permit_data())
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in [
        "装修许可证",
        "XK2026-0012",
        "3栋2单元501",
        "广州市安居装饰工程有限公司",
        "王建国",
        "2026年12月10日至2027年3月9日",
        "工作日8:00–12:00，14:00–18:00",
        "周末及法定节假日不得施工",
        "不得拆改承重墙",
        "超出许可证期限须办理延期手续",
        "阳光花园客户服务中心（盖章）",
    ]:
        assert squash(expected) in text, expected


def test_permits_title_is_large(font_name: str) -> None:
    elements = load_template("renovation_permit").elements
    title = next(e for e in elements if "装 修 许 可 证" in getattr(e, "text", ""))
    assert (title.font_size or 0) >= 36


# -- 装修人员出入证 -------------------------------------------------------------------


def test_ten_cards_fill_one_sheet_and_the_eleventh_starts_another(font_name: str) -> None:
    ten = cards.render_cards("worker_pass_cards", [card_data(i) for i in range(10)])
    assert page_count(ten) == 1
    text = squash(pdf_pages(ten)[0])
    for i in range(10):
        assert f"ZR2026-{31 + i:04d}" in text
    assert text.count("装修人员出入证") == 10
    eleven = cards.render_cards("worker_pass_cards", [card_data(i) for i in range(11)])
    pages = pdf_pages(eleven)
    assert len(pages) == 2
    assert "ZR2026-0041" in squash(pages[1])


def test_a_card_has_photo_name_masked_id_unit_contractor_validity_and_number(
    font_name: str,
) -> None:
    pdf = cards.render_cards("worker_pass_cards", [card_data(0)])
    text = squash(pdf_pages(pdf)[0])
    for expected in [
        "阳光花园",
        "王建国",
        "3栋2单元501",
        "广州市安居装饰工程有限公司",
        "有效期至：2027年3月9日",
        "证号：ZR2026-0031",
        "XK2026-0012",
    ]:
        assert squash(expected) in text, expected
    assert_masked_only(text)
    assert "贴照片处" not in text  # the photo is drawn instead
    assert b"/Subtype /Image" in pdf


def test_a_card_without_a_photo_leaves_the_frame_to_paste_one(font_name: str) -> None:
    pdf = cards.render_cards("worker_pass_cards", [card_data(0, photo="")])
    assert "贴照片处" in squash(pdf_pages(pdf)[0])
    assert b"/Subtype /Image" not in pdf


def test_the_card_is_the_id1_size_and_the_sheet_holds_two_by_five() -> None:
    template = load_template("worker_pass_cards")
    assert (template.page_width, template.page_height) == (85.6, 54.0)
    sheet = cards.sheet_for(template)
    assert (sheet.columns, sheet.rows) == (2, 5)
    right = sheet.left + 2 * 85.6 + cards.GUTTER_X
    bottom = sheet.top + 5 * 54 + 4 * cards.GUTTER_Y
    assert sheet.left >= cards.SHEET_MARGIN and right <= 210 - cards.SHEET_MARGIN
    assert sheet.top >= cards.SHEET_MARGIN and bottom <= 297 - cards.SHEET_MARGIN


def test_cut_marks_sit_on_each_card_corner_and_never_inside_a_card() -> None:
    sheet = cards.sheet_for(load_template("worker_pass_cards"))
    segments = cards.cut_mark_segments(sheet, 10)
    boxes = []
    for index in range(10):
        left, top = sheet.card_origin(index)
        boxes.append((left, top, left + 85.6, top + 54))
    for left, top, right, bottom in boxes:
        # each corner has a horizontal and a vertical mark on the continuations of its edges
        for cx, cy in ((left, top), (right, top), (left, bottom), (right, bottom)):
            near = [s for s in segments if min(_dist(cx, cy, s[:2]), _dist(cx, cy, s[2:])) < 4]
            assert any(s[1] == s[3] == cy for s in near), (cx, cy)
            assert any(s[0] == s[2] == cx for s in near), (cx, cy)
    for x1, y1, x2, y2 in segments:
        for left, top, right, bottom in boxes:
            mid = ((x1 + x2) / 2, (y1 + y2) / 2)
            for px, py in ((x1, y1), (x2, y2), mid):
                assert not (left - 0.01 < px < right + 0.01 and top - 0.01 < py < bottom + 0.01)


def _dist(x: float, y: float, point: tuple[float, float]) -> float:
    return ((x - point[0]) ** 2 + (y - point[1]) ** 2) ** 0.5


def test_the_pdf_draws_the_cards_at_their_size(font_name: str) -> None:
    """The first card's frame and the cut marks, measured in the PDF: the marks of one card
    are 85.6 × 54 mm apart."""
    sheet = cards.sheet_for(load_template("worker_pass_cards"))
    segments = cards.cut_mark_segments(sheet, 1)
    xs = sorted({round(s[0], 3) for s in segments if s[0] == s[2]})
    ys = sorted({round(s[1], 3) for s in segments if s[1] == s[3]})
    assert len(xs) == 2 and len(ys) == 2
    assert xs[1] - xs[0] == pytest.approx(85.6)
    assert ys[1] - ys[0] == pytest.approx(54.0)


def test_a_card_that_overflows_is_refused(font_name: str) -> None:
    template = parse_template(
        "[form]\nwidth_mm = 85.6\nheight_mm = 54\nmargins_mm = 2\n"
        '[[element]]\nkind = "paragraph"\nfield = "note"\n'
    )
    with pytest.raises(ValidationError, match="超出卡片"):
        cards.render_card_template(template, [{"note": "很长的说明。" * 200}])


# -- the image element ---------------------------------------------------------------


IMAGE_FORM = """
[form]
paper = "A5"
margins_mm = 10
[[element]]
kind = "image"
y = 0
field = "photo"
width = 20
height = 30
label = "照片"
"""


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_image_from_bytes_or_a_path_is_drawn(font_name: str, tmp_path: Path, fmt: str) -> None:
    template = parse_template(IMAGE_FORM)
    raw = photo_bytes(fmt=fmt)
    path = tmp_path / f"p.{fmt.lower()}"
    path.write_bytes(raw)
    for value in (raw, path, str(path)):
        pdf = render_template(template, {"photo": value})
        assert b"/Subtype /Image" in pdf
        assert "照片" not in squash("".join(pdf_pages(pdf)))


def test_a_large_photo_is_scaled_down_to_print_resolution(font_name: str) -> None:
    template = parse_template(IMAGE_FORM)
    small = render_template(template, {"photo": photo_bytes((240, 360))})
    big = render_template(template, {"photo": photo_bytes((3000, 4500))})
    # 20 × 30 mm at 300 dpi is 236 × 354 pixels
    assert re.search(rb"/Width 23[0-9]", big) and re.search(rb"/Height 35[0-9]", big)
    assert len(big) < 3 * len(small)


def test_a_missing_or_unreadable_image_prints_the_label(font_name: str) -> None:
    template = parse_template(IMAGE_FORM)
    for value in (None, "", b"not a picture", "/no/such/file.jpg"):
        pdf = render_template(template, {"photo": value})
        assert "照片" in squash("".join(pdf_pages(pdf)))
        assert b"/Subtype /Image" not in pdf


def test_image_needs_a_field_and_a_size() -> None:
    with pytest.raises(ValidationError, match="field"):
        parse_template('[form]\n[[element]]\nkind = "image"\nwidth = 5\nheight = 5\n')
    with pytest.raises(ValidationError, match="height"):
        parse_template('[form]\n[[element]]\nkind = "image"\nfield = "p"\nwidth = 5\n')


# -- 违章整改通知书 -------------------------------------------------------------------


def test_violation_notice_has_findings_rule_deadline_signatures_and_receipt_slip(
    font_name: str,
) -> None:
    pages = pdf_pages(render_form("renovation_violation_notice", notice_data()))
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in [
        "违章整改通知书",
        "WZ2026-0007",
        "3栋2单元501",
        "2026-12-2010:30",
        "陈晓燕",
        "承重墙被开凿门洞",
        "现场未配备灭火器",
        "第五条：不得拆改承重墙",
        "整改期限：请于2026年12月25日前整改完毕",
        "巡查人签字",
        "回执",
        "业主签字",
        "施工负责人签字",
    ]:
        assert squash(expected) in text, expected


# -- 物品放行条 -----------------------------------------------------------------------


def test_moveout_pass_prints_two_copies_on_one_page(font_name: str) -> None:
    pdf = render_form("moveout_pass", moveout_data())
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    assert text.index("门岗联") < text.index("沿虚线剪开") < text.index("存根联")
    assert text.count("编号：FX20261207-003") == 2
    for expected in [
        "仅限2026年12月7日当日有效",
        "周大海",
        "粤B12345",
        "双人床",
        "纸箱（衣物书籍）",
        "刘洋（租户）",
        "业主张堃电话确认",
        "欠费情况：无欠费",
        "值班主任签字",
    ]:
        assert text.count(squash(expected)) == 2, expected
    assert_masked_only(text)


def test_moveout_pass_with_eight_items_still_fits_one_page(font_name: str) -> None:
    assert page_count(render_form("moveout_pass", moveout_data(items=8))) == 1
    assert page_count(render_form("moveout_pass", moveout_data(items=12))) == 2


def test_a_long_items_list_flows_with_both_copies_whole(font_name: str) -> None:
    data = moveout_data(items=30)
    pages = pdf_pages(render_form("moveout_pass", data))
    assert len(pages) >= 2
    everything = squash("".join(pages))
    for item in data["items"]:  # type: ignore[attr-defined]
        assert everything.count(squash(f"{item['no']}{item['name']}{item['quantity']}")) == 2
    assert everything.count("值班主任签字") == 2
    # each copy stays whole: the 存根联 moves on to the next page with the cut line
    assert "门岗联" in squash(pages[0]) and "存根联" not in squash(pages[0])
    assert "存根联" in squash(pages[-1])


def test_a_list_longer_than_a_page_continues_under_its_heading(font_name: str) -> None:
    data = moveout_data(items=60)
    pages = pdf_pages(render_form("moveout_pass", data))
    assert "物品清单（门岗联）（续）" in squash(pages[1])
    last = data["items"][-1]  # type: ignore[index]
    everything = squash("".join(pages))
    assert everything.count(squash(f"{last['no']}{last['name']}{last['quantity']}")) == 2


# -- all of them -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "renovation_application",
        "renovation_permit",
        "worker_pass_cards",
        "renovation_violation_notice",
        "moveout_pass",
    ],
)
def test_every_renovation_form_documents_its_data_keys(name: str) -> None:
    load_template(name)
    source = (Path(__file__).parents[2] / "forms" / f"{name}.toml").read_text(encoding="utf-8")
    head = source.split("[form]")[0]
    assert "Data keys" in head
    used = set(re.findall(r"\{([a-z_]+)(?:\|[a-z_]+)?\}", source))
    used |= set(re.findall(r'(?:field|only_if|each) = "([a-z_]+)"', source))
    used -= {"page", "pages"}
    assert sorted(key for key in used if key not in head) == []
