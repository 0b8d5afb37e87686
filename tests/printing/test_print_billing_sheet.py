"""计费表 on paper: a posted run printed and archived with its run, the rows sorted by
building and room with subtotals, the totals per item equal to the charges, the
signature lines and page numbers; a preview is stamped 未入账."""

from __future__ import annotations

import re

import pytest

from desk_app.printing.templates import load_template
from desk_app.services.desk import documents
from desk_app.services.ledger import billing, billing_print
from tests.builders.ledger import billing_estate as build_billing_estate
from tests.builders.ledger import read_meters as read

HEADERS = ("房号", "客户名称", "项目", "上次读数", "本次读数", "用量", "单价", "金额", "应缴日期")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def posted(staffed_desk):
    desk = staffed_desk
    units = build_billing_estate(desk)
    read(desk, units, "2026-11", {"3-1-101": "100", "3-1-102": "100"})
    read(desk, units, "2026-12", {"3-1-101": "131", "3-1-102": "107.25"})
    run = billing.post(desk, "2026-12", items=["property", "water", "garbage"]).value
    return desk, run


def test_the_template_is_a4_landscape():
    template = load_template("billing_sheet")
    assert (template.page_width, template.page_height) == (297.0, 210.0)
    assert template.page_numbers


def test_a_posted_run_prints_its_rows_totals_and_signatures(posted, pdf_pages):
    desk, run = posted
    sheet = billing.run_sheet(desk, run.run_id)
    printed = billing_print.print_sheet(desk, sheet).value
    pages = pdf_pages(printed.pdf)
    text = "\n".join(pages)
    flat = squeeze(text)
    assert "计费表" in flat and "计费月份：2026-12" in flat and "应缴日期：2026-12-15" in flat
    assert "已入账（第1号）" in flat and "未入账" not in flat
    assert all(header in flat for header in HEADERS)
    water = next(line for line in text.splitlines() if "3-1-101" in line and "水费" in line)
    assert squeeze(water).endswith("10013131" + "3.50108.502026-12-15")
    # building by building, each with its subtotal
    order = [flat.index(code) for code in ("3-1-101", "3-1-202", "3栋小计", "5-101", "5栋小计")]
    assert order == sorted(order)
    assert "3栋小计（10笔）913.88" in flat
    assert "物业服务费61,040.00" in flat and "水费2133.88" in flat and "垃圾清运费770.00" in flat
    assert f"合计{run.charge_count}笔，金额￥1,243.88" in flat and run.total_fen == 124388
    assert "壹仟贰佰肆拾叁元捌角捌分" in flat
    assert "制表人：张丽" in flat and "财务审核：" in flat
    assert f"第1页/共{len(pages)}页" in flat
    [archived] = documents.documents_for(desk, "billing_runs", run.run_id)
    assert archived.form == "billing_sheet"


def test_a_preview_is_stamped_not_posted(staffed_desk, pdf_pages):
    desk = staffed_desk
    build_billing_estate(desk)
    preview = billing.preview(desk, "2026-12", items=["property"], building="5")
    printed = billing_print.print_sheet(desk, billing.preview_sheet(desk, preview)).value
    flat = squeeze("".join(pdf_pages(printed.pdf)))
    assert "未入账（预览）" in flat and "5-102" in flat and "3-1-101" not in flat
    assert "合计2笔，金额￥300.00" in flat
