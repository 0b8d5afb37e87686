"""CJK line breaking: widths, 禁则 (line-start / line-end punctuation), Latin words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.printing.fonts import text_width
from desk_app.printing.linebreak import CLOSING, OPENING, wrap_text

SIZE = 10.0  # pt; a CJK character is 10 pt wide, a Latin letter or digit 5 pt
BRIEF_CLOSING = "，。、；：？！》」）』】〕…—％,.;:?!)]}%"
BRIEF_OPENING = "《「（『【〔([{"


def em(n: float) -> float:
    return n * SIZE


def test_punctuation_sets_cover_the_brief() -> None:
    assert set(BRIEF_CLOSING) <= CLOSING
    assert set(BRIEF_OPENING) <= OPENING


def test_breaks_between_cjk_characters(font_name: str) -> None:
    assert wrap_text("甲乙丙丁戊己庚辛", font_name, SIZE, em(3)) == ["甲乙丙", "丁戊己", "庚辛"]


def test_short_text_is_one_line(font_name: str) -> None:
    assert wrap_text("客户服务中心", font_name, SIZE, em(20)) == ["客户服务中心"]


def test_empty_text_is_one_empty_line(font_name: str) -> None:
    assert wrap_text("", font_name, SIZE, em(5)) == [""]


def test_explicit_newlines_are_kept(font_name: str) -> None:
    assert wrap_text("甲\n\n乙\r\n丙", font_name, SIZE, em(5)) == ["甲", "", "乙", "丙"]


def test_comma_pulls_the_previous_character_down(font_name: str) -> None:
    # "甲乙丙" fills the line; "，" may not start the next one, so "丙" comes along.
    assert wrap_text("甲乙丙，丁戊", font_name, SIZE, em(3)) == ["甲乙", "丙，丁", "戊"]


@pytest.mark.parametrize("mark", list("，。、；：？！》」）』】〕…—％"))
def test_no_line_starts_with_closing_punctuation(font_name: str, mark: str) -> None:
    lines = wrap_text(f"甲乙丙{mark}丁戊己", font_name, SIZE, em(3))
    assert all(line[:1] not in CLOSING for line in lines), lines
    assert "".join(lines) == f"甲乙丙{mark}丁戊己"


@pytest.mark.parametrize("mark", list("《「（『【〔"))
def test_no_line_ends_with_opening_punctuation(font_name: str, mark: str) -> None:
    lines = wrap_text(f"甲乙{mark}丙丁戊", font_name, SIZE, em(3))
    assert all(line[-1:] not in OPENING for line in lines), lines
    assert "".join(lines) == f"甲乙{mark}丙丁戊"


def test_latin_words_and_numbers_stay_together(font_name: str) -> None:
    text = "请拨打13800138000联系，房号3-2-501，金额¥1,234.50元"
    lines = wrap_text(text, font_name, SIZE, em(8))
    joined = "\n".join(lines)
    for token in ("13800138000", "3-2-501", "¥1,234.50"):
        assert token in joined.replace("\n", "") and any(token in line for line in lines), lines


def test_spaces_at_breaks_are_dropped(font_name: str) -> None:
    assert wrap_text("abc def ghi", font_name, SIZE, em(3)) == ["abc", "def", "ghi"]


def test_word_longer_than_the_line_is_cut(font_name: str) -> None:
    lines = wrap_text("WX20261122000712345", font_name, SIZE, em(4))
    assert "".join(lines) == "WX20261122000712345"
    assert all(text_width(line, font_name, SIZE) <= em(4) + 1e-6 for line in lines)


def test_width_narrower_than_a_character_still_terminates(font_name: str) -> None:
    assert wrap_text("甲乙丙", font_name, SIZE, 1.0) == ["甲", "乙", "丙"]


CJK = "客户服务中心交接班记录表业主维修收费钥匙"
WORDS = ["3-2-501", "13800138000", "OK", "WX2026", "¥88.00"]
CLOSERS = sorted(set(BRIEF_CLOSING))
OPENERS = sorted(set(BRIEF_OPENING))


# Text whose unbreakable clusters are at most 4 em wide: an optional opener, a character
# or a short word, up to 2 closers; occasional spaces and newlines.
_PIECE = st.tuples(
    st.sampled_from(OPENERS + [""] * 5),
    st.sampled_from(list(CJK) + WORDS),
    st.sampled_from(CLOSERS + [""] * 6),
    st.sampled_from(CLOSERS + [""] * 20),
    st.sampled_from(["", "", "", "", "", " ", "\n"]),
)
chinese_text = st.lists(_PIECE, max_size=40).map(lambda pieces: "".join(map("".join, pieces)))


@settings(max_examples=300, deadline=None)
@given(text=chinese_text, width_em=st.floats(min_value=7, max_value=40))
def test_property_rules_hold_and_lines_fit(font_name: str, text: str, width_em: float) -> None:
    lines = wrap_text(text, font_name, SIZE, em(width_em))
    for line in lines:
        assert text_width(line, font_name, SIZE) <= em(width_em) + 1e-6, (line, lines)
        assert line[:1] not in CLOSING, (line, lines)
        assert line[-1:] not in OPENING, (line, lines)
    # Nothing is lost but the spaces at the breaks.
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert len(lines) >= text.count("\n") + 1


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=CJK[:6] + "".join(CLOSERS) + "".join(OPENERS) + "ab12 ", max_size=60),
    width_em=st.floats(min_value=1, max_value=30),
)
def test_property_any_text_fits_and_nothing_is_lost(
    font_name: str, text: str, width_em: float
) -> None:
    """Arbitrary punctuation runs: rules may give way only inside an over-wide run,
    but lines always fit and no character other than a break's spaces is lost."""
    lines = wrap_text(text, font_name, SIZE, em(width_em))
    for line in lines:
        assert text_width(line, font_name, SIZE) <= em(width_em) + 1e-6, (line, lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
