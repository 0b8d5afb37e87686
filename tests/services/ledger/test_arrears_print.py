"""催款通知书 from real debts: the words on the PDF (itemised lines, the late fee on lines of
its own, the total in figures and capitals, the stage's wording), the archive and the
'notice' step recorded with it, and the bulk print with one notice per unit."""

from __future__ import annotations

import re

import pytest

from desk_app import paths
from desk_app.core.errors import ValidationError
from desk_app.services.desk import documents
from desk_app.services.desk import settings as estate_settings
from desk_app.services.ledger import arrears, arrears_print
from desk_app.services.shifts import login
from desk_app.storage import audit
from tests.builders.ledger import arrears_estate as build_estate
from tests.builders.ledger import charge
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    units = build_estate(desk)
    login.login(desk, "lee", PASSWORD, "早班")
    estate_settings.update(
        desk,
        {
            "estate.name": "翠湖花园",
            "estate.company": "翠湖物业有限公司",
            "estate.phone": "0537-1234567",
        },
    )
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk, units


def flat(pdf_pages, pdf: bytes) -> str:
    return "".join(pdf_pages(pdf)).replace(" ", "")


def template_keys() -> set[str]:
    text = (paths.forms_dir() / "arrears_notice.toml").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    keys = set(re.findall(r"\{(\w+)", body)) | set(re.findall(r'(?:field|only_if) = "(\w+)"', body))
    return keys - {"page", "pages"}


def test_notice_data_fills_every_key_of_the_form(estate):
    desk, units = estate
    charge(desk, units["3-2-501"], "property", "2026-09-20", period="2026-09")
    item = arrears.notice(desk, units["3-2-501"])
    from desk_app.services.ledger import late_fees

    data = arrears_print.notice_data(
        item, terms=late_fees.late_fee_terms(desk), printed_at=desk.now_text()
    )
    assert template_keys() <= set(data)
    assert data["deadline"] == "2026-11-27"  # a week to pay
    assert data["addressee"] == "3栋2单元501 张三 业主（住户）"


def test_notice_lists_the_debt_and_the_late_fee_apart_with_the_total(
    estate,
    pdf_pages,
):
    desk, units = estate
    unit = units["3-2-501"]
    charge(desk, unit, "property", "2026-09-20", period="2026-09")  # 61 days: 7.27
    charge(desk, unit, "water", "2026-11-10", amount="56.50", period="2026-10")  # 10 days: 0.28
    printed = arrears_print.print_notice(desk, unit).value
    assert printed.pdf.startswith(b"%PDF") and printed.unit_ids == (unit,)
    text = flat(pdf_pages, printed.pdf)
    for expected in (
        "翠湖物业有限公司",
        "催款通知书",
        "3栋2单元501张三业主（住户）",
        "第二阶段",
        "欠费已逾两个月",
        "物业服务费2026-09",
        "2026-09-20",
        "2个月",
        "水费2026-10",
        "10天",
        "欠费合计：￥294.78",  # 238.28 + 56.50
        "按日万分之5",
        "滞纳金合计：￥7.55",  # 7.27 + 0.28
        "应缴合计：￥302.33",
        "叁佰零贰元叁角叁分",
        "2026年11月27日",
        "超过7天",  # the water is 10 days overdue: supply may be suspended
        "电话：0537-1234567",
        "回执",
        "签收人：",
    ):
        assert expected in text, expected
    # the late fee's own lines: 61 days on 238.28 and 10 days on 56.50
    assert re.search(r"物业服务费2026-09.*2026-09-2061￥238.28￥7.27", text)
    assert re.search(r"水费2026-10.*2026-11-1010￥56.50￥0.28", text)


def test_printing_archives_the_pdf_and_records_a_notice_step(estate):
    desk, units = estate
    unit = units["3-2-501"]
    charge(desk, unit, "property", "2026-10-20", period="2026-10")
    printed = arrears_print.print_notice(desk, unit).value
    [step] = arrears.actions_of_unit(desk, unit)
    assert (step.id,) == printed.action_ids
    assert (step.action, step.stage, step.owed_fen, step.note) == (
        "notice",
        1,
        23828,
        "打印催款通知书",
    )
    [info] = documents.documents_for(desk, "arrears_actions", step.id)
    assert info.id == printed.id and info.form == "arrears_notice"
    assert documents.pdf_of(desk, printed.id) == printed.pdf
    operations = [e.operation for e in audit.recent(desk.db, 2)]
    assert sorted(operations) == ["arrears_action_recorded", "document_archived"]
    assert arrears.arrears(desk)[0].due_next == "电话催缴"  # the notice is done, the call not


def test_a_unit_that_owes_nothing_gets_no_notice(estate):
    desk, units = estate
    with pytest.raises(ValidationError, match="没有逾期欠费"):
        arrears_print.print_notice(desk, units["3-2-501"])
    with pytest.raises(ValidationError, match="没有需要发催款通知书"):
        arrears_print.print_notices(desk)
    assert desk.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_bulk_print_is_one_pdf_with_a_notice_per_unit_in_unit_order(
    estate,
    pdf_pages,
):
    desk, units = estate
    charge(desk, units["5-1-101"], "property", "2026-08-20", amount="300", period="2026-08")
    charge(desk, units["3-2-501"], "property", "2026-10-20", period="2026-10")
    charge(desk, units["3-1-101"], "property", "2026-09-20", period="2026-09")
    charge(desk, units["3-1-102"], "other", "2026-11-10", amount="20")  # under a month

    printed = arrears_print.print_notices(desk).value
    order = [units[c] for c in ("3-1-101", "3-2-501", "5-1-101")]
    assert printed.unit_ids == tuple(order)
    pages = pdf_pages(printed.pdf)
    assert len(pages) == 3
    heads = [re.search(r"房号：(\S+)", page).group(1) for page in pages]
    assert heads == ["3栋1单元101", "3栋2单元501", "5栋1单元101"]
    assert "第三阶段" in pages[2] and "多次电话及书面催缴" in "".join(pages[2].split())
    assert all("第 1 页 / 共 1 页" in page for page in pages)
    assert printed.title == "催款通知书 2026-11-20（3 户）"
    for unit_id in order:
        [step] = arrears.actions_of_unit(desk, unit_id)
        assert step.action == "notice" and step.note == "批量打印催款通知书（共 3 户）"
    assert arrears.actions_of_unit(desk, units["3-1-102"]) == []
    assert len(documents.documents_for(desk, "arrears_actions", printed.action_ids[0])) == 1

    third = arrears_print.print_notices(desk, stage=3).value
    assert third.unit_ids == (units["5-1-101"],)
    chosen = arrears_print.print_notices(desk, unit_ids=[units["3-1-102"]]).value
    assert chosen.unit_ids == (units["3-1-102"],)


def test_the_receipt_slip_never_leaves_its_cut_line_behind(estate):
    """However many months are owed, the dashed cut line and the 回执 below it share a page."""
    from functools import partial

    from desk_app.printing.fonts import ensure_fonts_registered
    from desk_app.printing.render import _draw_line, _draw_text, _Layout
    from desk_app.printing.templates import load_template
    from desk_app.services.ledger import late_fees

    desk, units = estate
    template = load_template("arrears_notice")
    font_name = ensure_fonts_registered()
    unit = units["3-2-501"]
    pages_seen = set()
    for month in range(1, 34):
        period = f"2026-{(month - 1) % 10 + 1:02d}"
        charge(desk, unit, "repair", f"{period}-20", amount=f"{30 + month}", period=period)
        item = arrears.notice(desk, unit)
        data = arrears_print.notice_data(
            item, terms=late_fees.late_fee_terms(desk), printed_at=desk.now_text()
        )
        pages = _Layout(template, data, font_name).run()
        cut = [
            i
            for i, ops in enumerate(pages)
            for op in ops
            if isinstance(op, partial) and op.func is _draw_line and op.keywords.get("dash")
        ]
        slip = [
            i
            for i, ops in enumerate(pages)
            for op in ops
            if isinstance(op, partial)
            and op.func is _draw_text
            and op.keywords["text"].startswith("回")
        ]
        assert cut and slip and cut[-1] == slip[-1], month
        pages_seen.add(len(pages))
    assert len(pages_seen) > 1  # the notice did run onto a second page on the way
