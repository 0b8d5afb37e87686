"""The money forms: 收款收据 (one copy on the 241 × 93 mm receipt paper) and 现金付出单.

Also covers the template feature the receipt brought: ``only_if`` (the 作废 frame).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from desk_app.core.capitals import amount_in_capitals
from desk_app.core.errors import ValidationError
from desk_app.core.money import BOX_LABELS, split_digit_boxes
from desk_app.printing.fonts import ensure_fonts_registered
from desk_app.printing.render import _draw_rect, _draw_text, _Layout, render_form
from desk_app.printing.templates import (
    BoxElement,
    GridElement,
    available_templates,
    load_template,
    parse_template,
)
from tests.builders.pdf import poppler

Pages = Callable[[bytes], list[str]]
MM_PT = 72 / 25.4

DIGIT_BOXES = BOX_LABELS[-8:]  # 十万 万 千 百 十 元 角 分
RECEIPT_LABELS = (
    "客户名称",
    "项目",
    "单位",
    "数量",
    "单价",
    "金额",
    "十万万千百十元角分",
    "备注",
    "合计人民币（大写）：",
    "收款方式：",
    "填票人：",
    "收款人：",
    "单位名称（盖章）：",
)
VOUCHER_LABELS = (
    "现金付出单",
    "日期：",
    "领款人：",
    "房号/单位：",
    "退款事由：",
    "原收据号：",
    "金额（小写）：",
    "金额人民币（大写）：",
    "批准人：",
    "经办人：",
    "收款人（签字）：",
    "单位名称（盖章）：",
)

# The acceptance list: (fen, capitals, figure). The capitals are written out by hand per
# 《正确填写票据和结算凭证的基本规定》 as desk_app.core.capitals applies it (its golden
# tests): 零 where 元位 is 0 before a 角 (壹拾元零伍角, 壹拾万柒仟元零伍角叁分), nothing after
# 角 (壹仟肆佰零玖元伍角, not ...伍角整), 整 only after 元.
TRICKY_TOTALS = [
    (5, "伍分", "￥0.05"),
    (1050, "壹拾元零伍角", "￥10.50"),
    (100005, "壹仟元零伍分", "￥1,000.05"),
    (1001000, "壹万零壹拾元整", "￥10,010.00"),
    (10700053, "壹拾万柒仟元零伍角叁分", "￥107,000.53"),
    (140950, "壹仟肆佰零玖元伍角", "￥1,409.50"),
    (1640902, "壹万陆仟肆佰零玖元零贰分", "￥16,409.02"),
]
# What the eight digit boxes 十万 … 分 show for each of them: ¥ before the first digit.
TRICKY_BOXES = {
    5: "    ¥005",
    1050: "   ¥1050",
    100005: " ¥100005",
    1001000: "¥1001000",
    10700053: "10700053",
    140950: " ¥140950",
    1640902: "¥1640902",
}


def squash(text: str) -> str:
    """pdftotext spaces CJK text out; compare without whitespace."""
    return re.sub(r"\s+", "", text)


def receipt_line(item: str, unit: str, quantity: str, price: str, fen: int) -> dict[str, object]:
    """One receipt line as the caller builds it: the digit boxes merged in."""
    return {
        "item": item,
        "unit": unit,
        "quantity": quantity,
        "unit_price": price,
        "amount_fen": fen,
        **split_digit_boxes(fen, boxes=8),
    }


FIVE_LINES = [
    receipt_line("物业服务费（2026年11月—2027年1月）", "平方米·月", "98.6×3", "1.80", 53244),
    receipt_line("装修押金", "户", "1", "2000.00", 200000),
    receipt_line("装修垃圾清运费", "次", "2", "150.00", 30000),
    receipt_line("装修人员出入证押金", "人", "3", "100.00", 30000),
    receipt_line("出入证工本费", "人", "3", "5.00", 1500),
]


def receipt_data(
    lines: list[dict[str, object]] | None = None, **changes: object
) -> dict[str, object]:
    lines = FIVE_LINES[:2] if lines is None else lines
    data: dict[str, object] = {
        "company_name": "某某物业管理有限公司",
        "title": "收款收据",
        "copy_name": "收据联",
        "receipt_no": "0001234",
        "customer": "3栋2单元501 张三",
        "date": "2026-11-20",
        "lines": lines,
        "note": "装修押金于完工验收合格后凭本收据退还。",
        "total_fen": sum(int(line["amount_fen"]) for line in lines),  # type: ignore[call-overload]
        "method": "微信",
        "drawer": "李娜",
        "cashier": "王丽",
        "void_mark": "",
    }
    data.update(changes)
    return data


def voucher_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "company_name": "某某物业管理有限公司",
        "title": "现金付出单",
        "voucher_no": "0000321",
        "date": "2026-11-20",
        "payee": "张三",
        "unit": "3栋2单元501",
        "reason": "退装修押金（装修已于2026年11月18日验收合格，未损坏公共设施）",
        "original_receipt_no": "0001234",
        "amount_fen": 200000,
        "method": "现金",
        "approved_by": "赵经理",
        "handled_by": "李娜",
    }
    data.update(changes)
    return data


def text_ops(name: str, data: dict[str, object]) -> list[dict]:
    """Keyword arguments of every text line the layout draws (x, baseline in points)."""
    template = load_template(name)
    pages = _Layout(template, data, ensure_fonts_registered()).run()
    return [
        op.keywords
        for page in pages
        for op in page
        if isinstance(op, partial) and op.func is _draw_text
    ]


def digit_boxes_of(data: dict[str, object], item: str) -> str:
    """The eight digit boxes of the row whose 项目 is ``item``, one character each (" " = empty)."""
    template = load_template("receipt")
    (grid,) = [
        e for e in template.elements if isinstance(e, GridElement) and e.columns[0].key == "十万"
    ]
    left = template.margins[3]
    ops = text_ops("receipt", data)
    (baseline,) = [op["baseline"] for op in ops if op["text"] == item]
    in_row = {round(op["x"], 2): op["text"] for op in ops if op["baseline"] == baseline}
    cells = []
    x = grid.x
    for column in grid.columns:
        centre = round((left + x + column.width / 2) * MM_PT, 2)
        cells.append(in_row.get(centre) or " ")
        x += column.width
    assert all(len(cell) == 1 for cell in cells), cells
    return "".join(cells)


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
    boxes: list[tuple[float, ...]], paper_mm: tuple[float, float], side_mm: float
) -> None:
    """Every word between the side margins and on the paper, no two words overlapping."""
    assert boxes
    width, height = paper_mm
    left, right = side_mm * MM_PT, (width - side_mm) * MM_PT
    assert all(left - 0.5 <= b[0] and b[2] <= right + 0.5 for b in boxes)
    assert all(b[1] > 0 and b[3] < height * MM_PT for b in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)


# -- the templates ----------------------------------------------------------------


def test_receipt_template_fits_the_receipt_paper() -> None:
    template = load_template("receipt")
    assert "receipt" in available_templates()
    assert (template.page_width, template.page_height) == (241.0, 93.0)
    assert template.content_width == 211.0
    for element in template.elements:
        if isinstance(element, BoxElement):
            assert element.x + element.width <= 211.0 + 1e-9, element.label
            assert element.y is not None and element.y + element.height <= 84.0
    grids = [e for e in template.elements if isinstance(e, GridElement)]
    assert [g.field for g in grids] == ["lines", "lines"]
    assert all(g.rows == 5 for g in grids)  # up to 5 lines, blank ruled rows below
    items, digits = grids
    assert [c.key for c in items.columns] == ["item", "unit", "quantity", "unit_price"]
    # The digit boxes take split_digit_boxes' labels as keys, so a line is
    # {**line, **split_digit_boxes(amount_fen, boxes=8)}.
    assert [c.key for c in digits.columns] == list(DIGIT_BOXES)
    assert [c.label for c in digits.columns] == list(DIGIT_BOXES)
    # Both grids' rows line up.
    assert items.y + items.header_height == pytest.approx(digits.y + digits.header_height)
    assert items.row_height == digits.row_height


def test_voucher_template_is_a5_landscape() -> None:
    template = load_template("cash_payment_voucher")
    assert "cash_payment_voucher" in available_templates()
    assert (template.page_width, template.page_height) == (210.0, 148.0)


# -- 收款收据 --------------------------------------------------------------------------


@pytest.mark.parametrize(("fen", "capitals", "figure"), TRICKY_TOTALS)
def test_receipt_total_in_capitals(fen: int, capitals: str, figure: str, pdf_pages: Pages) -> None:
    assert amount_in_capitals(fen) == capitals
    lines = [receipt_line("物业服务费", "户", "1", "", fen)]
    (page,) = pdf_pages(render_form("receipt", receipt_data(lines)))
    text = squash(page)
    assert "合计人民币（大写）：" + capitals + figure in text
    assert text.count(capitals) == 1


@pytest.mark.parametrize(("fen", "boxes"), TRICKY_BOXES.items())
def test_receipt_digit_boxes(fen: int, boxes: str) -> None:
    data = receipt_data([receipt_line("车位租金", "个", "1", "", fen)], total_fen=fen)
    assert digit_boxes_of(data, "车位租金") == boxes


def test_receipt_digit_boxes_of_107000_53_on_the_page(pdf_pages: Pages) -> None:
    lines = [*FIVE_LINES[:2], receipt_line("车位租金", "个·月", "12", "8916.67", 10700053)]
    (page,) = pdf_pages(render_form("receipt", receipt_data(lines)))
    (row,) = [line for line in page.splitlines() if "车位租金" in line]
    assert squash(row).endswith("128916.6710700053")
    (row,) = [line for line in page.splitlines() if line.startswith("装修押金")]
    assert "2000.00￥200000" in squash(row)


def test_receipt_full(pdf_pages: Pages) -> None:
    pdf = render_form("receipt", receipt_data(FIVE_LINES))
    assert b"STSong-Light" not in pdf  # ·, ×, —, ¥ and the rest are in the TTF
    (page,) = pdf_pages(pdf)
    text = squash(page)
    for label in RECEIPT_LABELS:
        assert label in text, label
    for expected in (
        "某某物业管理有限公司收款收据",
        "收据联№0001234",
        "客户名称：3栋2单元501张三",
        "2026年11月20日",
        "物业服务费（2026年11月—2027年1月）",
        "平方米·月98.6×31.80",
        "装修人员出入证押金人3100.00",
        "出入证工本费人35.00",
        "装修押金于完工验收合格后凭本收据退还。",
        "合计人民币（大写）：叁仟壹佰肆拾柒元肆角肆分￥3,147.44",
        "收款方式：微信",
        "填票人：李娜",
        "收款人：王丽",
        "单位名称（盖章）：某某物业管理有限公司",
    ):
        assert expected in text, expected
    assert "作废" not in text and "补打" not in text and "None" not in text


@pytest.mark.parametrize("copy_name", ["存根联", "收据联", "记账联"])
def test_receipt_copy_name_beside_the_number(copy_name: str, pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("receipt", receipt_data(copy_name=copy_name)))
    first_lines = squash("".join(page.splitlines()[:3]))
    assert f"{copy_name}№0001234" in first_lines


def test_receipt_void_mark(pdf_pages: Pages, font_name: str) -> None:
    template = load_template("receipt")

    def frames(data: dict[str, object]) -> int:
        pages = _Layout(template, data, font_name).run()
        return sum(1 for op in pages[0] if isinstance(op, partial) and op.func is _draw_rect)

    plain, void = receipt_data(), receipt_data(void_mark="作废")
    assert frames(void) == frames(plain) + 1  # the 作废 frame
    missing = receipt_data()
    del missing["void_mark"]
    assert frames(missing) == frames(plain)
    (page,) = pdf_pages(render_form("receipt", void))
    assert "作废" in squash(page)
    assert "合计人民币（大写）：贰仟伍佰叁拾贰元肆角肆分" in squash(page)  # still readable


def test_receipt_void_frame_hides_no_figure(font_name: str) -> None:
    template = load_template("receipt")
    void = receipt_data(void_mark="作废")
    ops = _Layout(template, void, font_name).run()[0]
    plain_rects = {
        (op.keywords["x"], op.keywords["y"])
        for op in _Layout(template, receipt_data(), font_name).run()[0]
        if isinstance(op, partial) and op.func is _draw_rect
    }
    [frame] = [
        op.keywords
        for op in ops
        if isinstance(op, partial)
        and op.func is _draw_rect
        and (op.keywords["x"], op.keywords["y"]) not in plain_rects
    ]
    left, right = frame["x"], frame["x"] + frame["w"]
    bottom, top = frame["y"], frame["y"] + frame["h"]
    figures = [
        op.keywords
        for op in ops
        if isinstance(op, partial)
        and op.func is _draw_text
        and re.search(r"\d", op.keywords["text"])
    ]
    assert figures  # the lines' quantities, prices and amount boxes
    hidden = [
        f["text"] for f in figures if left - 2 < f["x"] < right and bottom - 2 < f["baseline"] < top
    ]
    assert hidden == []


def test_receipt_reprint_carries_the_copy_mark(pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("receipt", receipt_data(), copy_mark="补打"))
    assert "补打" in page.splitlines()[0]  # top right corner
    assert "收据联№0001234" in squash(page)


def test_receipt_refuses_a_sixth_line() -> None:
    with pytest.raises(ValidationError, match="超过表格的 5 行"):
        render_form("receipt", receipt_data([*FIVE_LINES, FIVE_LINES[0]]))


def test_receipt_without_lines_prints_blank_rows(pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("receipt", receipt_data([], total_fen=0, note="")))
    text = squash(page)
    for label in RECEIPT_LABELS:
        assert label in text, label
    assert "合计人民币（大写）：零元整￥0.00" in text


def test_receipt_nothing_cut_off_or_overlapping(tmp_path: Path) -> None:
    pdf = render_form("receipt", receipt_data(FIVE_LINES), copy_mark="补打")
    (boxes,) = word_boxes(pdf, tmp_path)
    assert_inside_and_apart(boxes, (241.0, 93.0), side_mm=15)


# -- 现金付出单 ------------------------------------------------------------------------


def test_voucher(pdf_pages: Pages) -> None:
    pdf = render_form("cash_payment_voucher", voucher_data())
    assert b"STSong-Light" not in pdf
    (page,) = pdf_pages(pdf)
    text = squash(page)
    for label in VOUCHER_LABELS:
        assert label in text, label
    for expected in (
        "某某物业管理有限公司现金付出单",
        "日期：2026年11月20日№0000321",
        "领款人：张三房号/单位：3栋2单元501",
        "退款事由：退装修押金（装修已于2026年11月18日验收合格，未损坏公共设施）",
        "原收据号：0001234付款方式：现金金额（小写）：￥2,000.00",
        "金额人民币（大写）：贰仟元整",
        "批准人：赵经理经办人：李娜",
        "收款人（签字）：日期：",
        "单位名称（盖章）：某某物业管理有限公司",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(("fen", "capitals", "figure"), TRICKY_TOTALS)
def test_voucher_amount_in_capitals(fen: int, capitals: str, figure: str, pdf_pages: Pages) -> None:
    (page,) = pdf_pages(render_form("cash_payment_voucher", voucher_data(amount_fen=fen)))
    text = squash(page)
    assert "金额（小写）：" + figure in text
    assert "金额人民币（大写）：" + capitals in text


def test_voucher_long_reason_nothing_cut_off_or_overlapping(
    tmp_path: Path, pdf_pages: Pages
) -> None:
    reason = "退装修押金，" * 12 + "业主已交回出入证3张。"
    pdf = render_form("cash_payment_voucher", voucher_data(reason=reason), copy_mark="补打")
    (page,) = pdf_pages(pdf)
    assert squash(reason) in squash(page)  # wrapped in a grown cell, printed whole
    (boxes,) = word_boxes(pdf, tmp_path)
    assert_inside_and_apart(boxes, (210.0, 148.0), side_mm=14)


# -- only_if ------------------------------------------------------------------------------

SMALL = """
[form]
title = "t"
paper = "A5"
margins_mm = 10

[[element]]
kind = "box"
width = 40
height = 8

[[element]]
kind = "box"
only_if = "flag"
width = 40
height = 8
label = "{flag}"
"""


@pytest.mark.parametrize(
    ("data", "drawn"),
    [
        ({}, 1),
        ({"flag": None}, 1),
        ({"flag": ""}, 1),
        ({"flag": False}, 1),
        ({"flag": []}, 1),
        ({"flag": "作废"}, 2),
        ({"flag": 0}, 2),  # a value, not an absent one
        ({"flag": True}, 2),
    ],
)
def test_only_if_leaves_an_element_out(data: dict[str, object], drawn: int, font_name: str) -> None:
    pages = _Layout(parse_template(SMALL), data, font_name).run()
    assert sum(1 for op in pages[0] if isinstance(op, partial) and op.func is _draw_rect) == drawn


def test_only_if_must_name_a_data_key() -> None:
    with pytest.raises(ValidationError, match="only_if"):
        parse_template(SMALL.replace('only_if = "flag"', 'only_if = "作 废"'))
