"""Loading and validating the form templates in forms/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desk_app import paths
from desk_app.core.errors import ValidationError
from desk_app.printing.templates import (
    PAPER_SIZES_MM,
    SignatureElement,
    TableElement,
    TextElement,
    available_templates,
    load_template,
    parse_template,
)

CJK = re.compile(r"[\u4e00-\u9fff]")

MINIMAL = """
[form]
title = "测试"
paper = "A5"
margins_mm = 10
"""


def error_of(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_template(text, name="t", source="t.toml")
    message = str(caught.value)
    assert CJK.search(message), message
    return message


@pytest.mark.parametrize("name", ["handover_report", "selftest"])
def test_shipped_templates_load(name: str) -> None:
    template = load_template(name)
    assert template.name == name
    assert template.elements
    assert name in available_templates()


def test_handover_template_has_the_required_parts() -> None:
    template = load_template("handover_report")
    assert (template.page_width, template.page_height) == (210.0, 297.0)
    assert template.page_numbers
    tables = {e.field: e for e in template.elements if isinstance(e, TableElement)}
    assert [c.label for c in tables["summary"].columns] == ["事项", "件数", "说明"]
    assert [c.key for c in tables["summary"].columns] == ["kind", "count", "detail"]
    assert "events" not in tables  # no dump of audit rows
    assert [c.label for c in tables["open_items"].columns] == ["类别", "待跟进事项"]
    assert tables["open_items"].empty_text == "无"
    texts = " ".join(e.text for e in template.elements if isinstance(e, TextElement))
    for key in ("estate_name", "company_name", "shift_name", "outgoing_operator"):
        assert "{" + key in texts
    labels = [e.label for e in template.elements if isinstance(e, SignatureElement)]
    assert labels == ["交班人签名：", "接班人签名："]
    # The summary table fills the printable width exactly.
    width = sum(c.width for c in tables["summary"].columns)
    assert width == pytest.approx(template.content_width)


def test_unknown_form_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="未知的表单"):
        load_template("no_such_form")


@pytest.mark.parametrize("name", ["../pyproject", "a/b", "", "表单"])
def test_form_name_cannot_escape_the_forms_folder(name: str) -> None:
    with pytest.raises(ValidationError, match="不合法"):
        load_template(name)


def test_forms_dir_follows_the_paths_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine.toml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setattr(paths, "forms_dir", lambda: tmp_path)
    assert load_template("mine").title == "测试"
    assert available_templates() == ["mine"]


def test_malformed_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.toml").write_text("[form\ntitle = ", encoding="utf-8")
    monkeypatch.setattr(paths, "forms_dir", lambda: tmp_path)
    with pytest.raises(ValidationError, match="不是有效的 TOML"):
        load_template("bad")


@pytest.mark.parametrize("paper", sorted(PAPER_SIZES_MM))
def test_named_paper_sizes(paper: str) -> None:
    template = parse_template(MINIMAL.replace('"A5"', f'"{paper}"'))
    assert (template.page_width, template.page_height) == PAPER_SIZES_MM[paper]


def test_receipt_paper_is_241_by_93_mm() -> None:
    template = parse_template(MINIMAL.replace('"A5"', '"receipt-241x93"'))
    assert (template.page_width, template.page_height) == (241.0, 93.0)


def test_explicit_paper_size() -> None:
    text = MINIMAL.replace('paper = "A5"', "width_mm = 241\nheight_mm = 93")
    template = parse_template(text)
    assert (template.page_width, template.page_height) == (241.0, 93.0)
    assert template.content_width == 221.0


def test_margins_as_four_numbers() -> None:
    template = parse_template(MINIMAL.replace("margins_mm = 10", "margins_mm = [5, 6, 7, 8]"))
    assert template.margins == (5.0, 6.0, 7.0, 8.0)
    assert template.content_width == 148 - 6 - 8


def test_bad_paper_size() -> None:
    assert "纸张" in error_of(MINIMAL.replace('"A5"', '"A3+"'))


def test_unknown_element_kind() -> None:
    message = error_of(MINIMAL + '[[element]]\nkind = "barcode"\n')
    assert "barcode" in message and "第 1 个元素" in message


def test_unknown_key_is_reported() -> None:
    message = error_of(MINIMAL + '[[element]]\nkind = "text"\ntext = "甲"\ncolour = "red"\n')
    assert "colour" in message


def test_unknown_format() -> None:
    assert "格式" in error_of(MINIMAL + '[[element]]\nkind = "text"\nfield = "a"\nformat = "usd"\n')
    assert "格式" in error_of(MINIMAL + '[[element]]\nkind = "text"\ntext = "{a|usd}"\n')


def test_text_needs_text_or_field() -> None:
    error_of(MINIMAL + '[[element]]\nkind = "text"\n')


def test_table_needs_a_field() -> None:
    columns = 'columns = [{ label = "甲", key = "a" }]\n'
    assert "field" in error_of(MINIMAL + '[[element]]\nkind = "table"\n' + columns)


def test_columns_wider_than_the_page() -> None:
    table = (
        '[[element]]\nkind = "table"\nfield = "rows"\n'
        'columns = [{ label = "甲", width = 100 }, { label = "乙", width = 100 }]\n'
    )
    assert "宽度" in error_of(MINIMAL + table)


def test_flexible_columns_share_the_rest() -> None:
    table = (
        '[[element]]\nkind = "table"\nfield = "rows"\n'
        'columns = [{ label = "甲", width = 28 }, { label = "乙" }, { label = "丙" }]\n'
    )
    (element,) = parse_template(MINIMAL + table).elements
    assert isinstance(element, TableElement)
    assert [c.width for c in element.columns] == [28.0, 50.0, 50.0]


def test_element_outside_the_page() -> None:
    assert "超出范围" in error_of(MINIMAL + '[[element]]\nkind = "text"\ntext = "甲"\ny = 500\n')


def test_missing_form_section() -> None:
    assert "[form]" in error_of('[[element]]\nkind = "text"\ntext = "甲"\n')


def test_wrong_value_type() -> None:
    assert "数字" in error_of(MINIMAL.replace("margins_mm = 10", 'font_size = "大"'))
