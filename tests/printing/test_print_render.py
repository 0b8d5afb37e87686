"""Rendering templates to PDF: text, fonts, pagination, copy marks, formats."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import types
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

import pytest

from desk_app import paths
from desk_app.core.clock import CHINA_TZ
from desk_app.core.errors import ValidationError
from desk_app.printing import fonts, render
from desk_app.printing.render import (
    DEGRADED_NOTICE,
    _draw_text,
    _format_value,
    _Layout,
    render_form,
    render_template,
)
from desk_app.printing.templates import load_template, parse_template
from tests.builders.pdf import poppler

Pages = Callable[[bytes], list[str]]
MM_PT = 72 / 25.4
# the primary font's PostScript name, behind a subset tag
SUBSET_FONT = b"+BabelStoneHanGBK-DeskApp"


def squash(text: str) -> str:
    """pdftotext spaces CJK text out; compare without whitespace."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def big_handover(font_name: str, make_open_items: Callable) -> tuple[dict[str, object], bytes]:
    data = {
        "estate_name": "阳光花园",
        "company_name": "某某物业管理有限公司",
        "shift_name": "早班",
        "outgoing_operator": "张晓明",
        "incoming_operator": "李娜",
        "opened_at": "2026-11-22T07:30:00+08:00",
        "closed_at": "2026-11-22T15:30:00+08:00",
        "printed_at": "2026-11-22T15:31:00+08:00",
        "summary": [{"kind": "来电来访登记", "count": "1", "detail": "来电 1；报修 1"}],
        "open_items": make_open_items(200),
        "note": "3-2-501 钥匙未还",
    }
    return data, render_form("handover_report", data, copy_mark="副本")


def test_pdf_header_and_metadata(handover_data: Callable, font_name: str) -> None:
    pdf = render_form("handover_report", handover_data())
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"desk-app" in pdf


def test_title_metadata(handover_data: Callable, font_name: str, tmp_path: Path) -> None:
    exe = poppler("pdfinfo")
    source = tmp_path / "h.pdf"
    source.write_bytes(render_form("handover_report", handover_data()))
    info = subprocess.run(
        [exe, "-enc", "UTF-8", str(source)], capture_output=True, check=True, timeout=30
    ).stdout.decode("utf-8")
    assert re.search(r"^Title:\s+阳光花园客户服务中心交接班记录表$", info, re.MULTILINE), info


def test_font_is_embedded_as_a_subset(handover_data: Callable, font_name: str) -> None:
    assert font_name == fonts.FONT_NAME
    pdf = render_form("handover_report", handover_data())
    assert b"/FontFile2" in pdf
    assert b"/BaseFont /AAAAAA" + SUBSET_FONT in pdf
    assert b"Helvetica" not in pdf
    assert b"STSong-Light" not in pdf  # never the non-embedded CID font
    assert b"BabelStoneHanRare" not in pdf  # every character of this data is in the primary


def test_same_input_gives_the_same_bytes(handover_data: Callable, font_name: str) -> None:
    data = handover_data(open_items=30)
    assert render_form("handover_report", data) == render_form("handover_report", data)


def test_handover_labels_and_values(handover_data: Callable, pdf_pages: Pages) -> None:
    pages = pdf_pages(render_form("handover_report", handover_data()))
    assert len(pages) == 1
    text = squash(pages[0])
    for expected in (
        "某某物业管理有限公司",
        "阳光花园",
        "客户服务中心交接班记录表",
        "班次：早班",
        "交班人：张晓明",
        "接班人：李娜",
        "开班时间：2026-11-2207:30",
        "交班时间：2026-11-2215:30",
        "打印时间：2026-11-2215:31",
        "一、本班工作事项件数说明",
        "来电来访登记12来电9、来访3；咨询5、报修4、投诉3",
        "收款64收据№0001001",
        "合计￥23,814.50",
        "类别待跟进事项",
        "配电房钥匙由工程部王工借出",
        "交班人签名：",
        "接班人签名：",
        "日期：",
        "第1页/共1页",
    ):
        assert expected in text, expected


def test_empty_open_items_print_wu(handover_data: Callable, pdf_pages: Pages) -> None:
    pages = pdf_pages(render_form("handover_report", handover_data(open_items=0)))
    text = squash(pages[0])
    assert "类别待跟进事项无" in text


def test_missing_keys_print_empty(font_name: str, pdf_pages: Pages) -> None:
    pages = pdf_pages(render_form("handover_report", {}))
    text = squash(pages[0])
    assert "客户服务中心交接班记录表" in text
    assert "班次：交班人：接班人：" in text
    assert "本班无业务记录" in text


def test_200_open_items_paginate(big_handover: tuple, pdf_pages: Pages) -> None:
    data, pdf = big_handover
    pages = pdf_pages(pdf)
    assert len(pages) >= 5
    total = len(pages)
    everything = squash("".join(pages))
    for number, page in enumerate(pages, start=1):
        text = squash(page)
        assert f"第{number}页/共{total}页" in text
        assert "类别待跟进事项" in text  # the header repeats
        assert "副本" in text  # the copy mark is on every page
        if number > 1:
            assert "二、未完成事项（交接班后跟进）（续）" in text
            assert "阳光花园客户服务中心交接班记录表早班2026-11-22" in text
    for index in range(1, 201):  # every matter printed, once, in order
        assert everything.count(f"事项{index:03d}：") == 1, index
    positions = [everything.index(f"事项{index:03d}：") for index in range(1, 201)]
    assert positions == sorted(positions)
    last = squash(pages[-1])
    assert "三、交接说明" in last and "接班人签名：" in last


def test_no_text_overlaps(big_handover: tuple, tmp_path: Path) -> None:
    """Word boxes from pdftotext -bbox stay inside the margins and do not overlap."""
    exe = poppler("pdftotext")
    _, pdf = big_handover
    source = tmp_path / "h.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(
        [exe, "-bbox", str(source), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    pages = html.split("<page ")[1:]
    assert len(pages) >= 5
    for page in pages:
        boxes = [
            tuple(float(v) for v in m.groups())
            for m in re.finditer(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
            )
        ]
        assert boxes
        left, right = 15 * MM_PT, (210 - 13) * MM_PT  # handover margins: nothing cut off
        assert all(left - 0.5 <= box[0] and box[2] <= right + 0.5 for box in boxes)
        assert all(box[1] > 0 and box[3] < 297 * MM_PT for box in boxes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)


def test_signatures_share_a_page_with_the_content_above(
    handover_data: Callable, font_name: str
) -> None:
    """However long the report, the signature lines never stand on a page of their own:
    the note right above them comes along."""
    template = load_template("handover_report")

    def page_of(pages: list, text: str) -> int:
        return next(
            number
            for number, ops in enumerate(pages)
            for op in ops
            if isinstance(op, partial) and op.func is _draw_text and text in op.keywords["text"]
        )

    moved = 0
    for count in range(20, 70):
        data = {**handover_data(open_items=count), "note": "交接说明：配电房钥匙未还"}
        pages = _Layout(template, data, font_name).run()
        signatures, note = page_of(pages, "接班人签名"), page_of(pages, "配电房钥匙未还")
        assert signatures == note, count
        moved += len(pages) > 1 and page_of(pages, "三、交接说明") == len(pages) - 1
    assert moved  # some of these lengths did bring the note over to the signatures' page


def test_copy_mark_absent_by_default(handover_data: Callable, pdf_pages: Pages) -> None:
    text = squash(pdf_pages(render_form("handover_report", handover_data()))[0])
    assert "副本" not in text and "补打" not in text


def test_reprint_mark(handover_data: Callable, pdf_pages: Pages) -> None:
    text = squash(pdf_pages(render_form("handover_report", handover_data(), copy_mark="补打"))[0])
    assert "补打" in text


def test_selftest_form(font_name: str, pdf_pages: Pages, capitals: Callable[[int], str]) -> None:
    data = {
        "estate_name": "阳光花园小区",
        "printed_at": datetime(2026, 11, 22, 9, 30, tzinfo=CHINA_TZ),
        "note": "请核对中文字形、标点（，。、；：？！）是否正常；房号3-2-501不应被拆开。",
        "amount": 100005,
        "amounts": [{"item": "物业服务费", "amount": 123450}],
    }
    pdf = render_form("selftest", data)
    (page,) = pdf_pages(pdf)
    text = squash(page)
    assert "自检打印样张" in text
    assert "阳光花园小区" in text
    assert "打印时间：2026-11-2209:30" in text
    assert "请核对中文字形、标点（，。、；：？！）是否正常" in text
    assert "3-2-501" in text
    assert "合计金额：￥1,000.05" in text  # ¥ prints as the font's full-width ￥
    assert "￥1,234.50" in text
    assert squash(capitals(100005)) in text
    assert squash(capitals(123450)) in text


def test_flowing_paragraph_and_tall_row_paginate(font_name: str, pdf_pages: Pages) -> None:
    template = parse_template(
        """
        [form]
        title = "长文"
        paper = "A5"
        margins_mm = 10
        page_numbers = true
        [[element]]
        kind = "paragraph"
        field = "body"
        [[element]]
        kind = "table"
        field = "rows"
        columns = [{ label = "序号", key = "n", width = 20 }, { label = "内容", key = "text" }]
        """
    )
    body = "物业服务中心前台值班，认真记录。" * 300
    tall = "\n".join(f"第{i}行" for i in range(1, 121))  # taller than an A5 page
    pages = pdf_pages(render_template(template, {"body": body, "rows": [{"n": 1, "text": tall}]}))
    assert len(pages) >= 5
    everything = squash("".join(pages))
    assert everything.count("认真记录") == 300
    for i in range(1, 121):
        assert f"第{i}行" in everything
    assert squash(pages[-1]).endswith(f"第{len(pages)}页/共{len(pages)}页")


def test_grid_rejects_more_rows_than_it_has(font_name: str) -> None:
    template = parse_template(
        """
        [form]
        paper = "receipt-241x93"
        margins_mm = 6
        [[element]]
        kind = "grid"
        y = 10
        rows = 2
        field = "items"
        columns = [{ label = "项目", key = "item", width = 40 }, { label = "金额", key = "fen", format = "money" }]
        """
    )
    pdf = render_template(template, {"items": [{"item": "水费", "fen": 1000}]})
    assert pdf.startswith(b"%PDF")
    with pytest.raises(ValidationError, match="超过"):
        render_template(template, {"items": [{"item": "水费", "fen": 1}] * 3})


def test_table_data_must_be_a_list_of_dicts(font_name: str) -> None:
    template = parse_template(
        '[form]\n[[element]]\nkind = "table"\nfield = "rows"\ncolumns = [{ label = "甲", key = "a" }]\n'
    )
    with pytest.raises(ValidationError, match="列表"):
        render_template(template, {"rows": "不是列表"})
    with pytest.raises(ValidationError, match="字典"):
        render_template(template, {"rows": ["甲"]})


def test_rare_characters_fall_back_per_glyph(font_name: str) -> None:
    rare = fonts.FALLBACKS[0].name
    assert fonts.text_runs("王喆", font_name) == [(font_name, "王喆")]
    assert fonts.text_runs("吉𠮷", font_name) == [(font_name, "吉"), (rare, "𠮷")]
    assert fonts.text_runs("¥5", font_name) == [(font_name, "￥5")]


def test_missing_ttf_falls_back_to_cid_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    with caplog.at_level(logging.WARNING, logger="desk_app.printing.fonts"):
        assert fonts.ensure_fonts_registered() == fonts.EMERGENCY_FONT
    assert "not found" in caplog.text
    assert "not found" in (fonts.degraded() or "")
    drawn: list[str] = []
    monkeypatch.setattr(render, "_draw_text", _recording(render._draw_text, drawn))
    pdf = render_form("handover_report", {"estate_name": "阳光花园"})
    assert b"STSong-Light" in pdf and b"/FontFile2" not in pdf
    # the broken install shows on the paper, not only in a log
    assert DEGRADED_NOTICE in drawn


def _recording(draw_text: Callable[..., None], drawn: list[str]) -> Callable[..., None]:
    def record(canvas: object, x: float, baseline: float, text: str, *args, **kwargs) -> None:
        drawn.append(text)
        draw_text(canvas, x, baseline, text, *args, **kwargs)

    return record


# -- value formats ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (5, "¥0.05"),
        (123450, "¥1,234.50"),
        (100000000, "¥1,000,000.00"),
        (-1999, "-¥19.99"),
    ],
)
def test_money_format(fen: int, text: str) -> None:
    assert _format_value(fen, "money") == text


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        _format_value(12.5, "money")


def test_capitals_calls_the_core_module(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    module = types.ModuleType("desk_app.core.capitals")

    def amount_in_capitals(fen: int) -> str:
        seen.append(fen)
        return "壹仟元零伍分"

    module.amount_in_capitals = amount_in_capitals  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desk_app.core.capitals", module)
    assert _format_value(100005, "capitals") == "壹仟元零伍分"
    assert seen == [100005]


def test_capitals_with_the_real_module() -> None:
    capitals = pytest.importorskip("desk_app.core.capitals")
    assert _format_value(100005, "capitals") == capitals.amount_in_capitals(100005)


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (datetime(2026, 11, 22, 9, 5, tzinfo=CHINA_TZ), "datetime", "2026-11-22 09:05"),
        (datetime(2026, 11, 22, 1, 5, tzinfo=CHINA_TZ), "date", "2026-11-22"),
        (datetime(2026, 11, 22, 1, 5), "time", "01:05"),  # naive: taken as China time
        ("2026-11-22T01:30:00+00:00", "datetime", "2026-11-22 09:30"),  # UTC → China
        ("2026-11-22", "datetime", "2026-11-22"),
        (date(2026, 3, 8), "date_cn", "2026年3月8日"),
        ("不是日期", "date", "不是日期"),
        (None, "money", ""),
        (True, None, "是"),
        (42, None, "42"),
    ],
)
def test_value_formats(value: object, fmt: str | None, text: str) -> None:
    assert _format_value(value, fmt) == text


def test_corrupt_ttf_falls_back_to_cid_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / fonts.FONT_FILE).write_bytes(b"not a font")
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts, "PRIMARY", fonts.FontFile("DeskAppTestBrokenFont", fonts.FONT_FILE))
    with caplog.at_level(logging.WARNING, logger="desk_app.printing.fonts"):
        assert fonts.ensure_fonts_registered() == fonts.EMERGENCY_FONT
    assert "unusable" in caplog.text
