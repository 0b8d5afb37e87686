import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.errors import ValidationError
from desk_app.core.money import (
    BOX_LABELS,
    MAX_FEN,
    fen_to_yuan_text,
    format_fen,
    parse_fen,
    split_digit_boxes,
)

fen_amounts = st.integers(min_value=-MAX_FEN, max_value=MAX_FEN)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1200),
        ("12.5", 1250),
        ("12.50", 1250),
        ("0.05", 5),
        ("0", 0),
        ("0.00", 0),
        ("007", 700),
        ("1,234.50", 123450),
        ("1,234,567", 123456700),
        ("¥12.50", 1250),
        ("￥12.5", 1250),
        ("¥ 12.50", 1250),
        ("12.5元", 1250),
        ("12.5 元", 1250),
        ("￥1,234.50元", 123450),
        ("１２．５", 1250),
        ("１，２３４．５０", 123450),
        ("  12.50\t", 1250),
        ("\u300012.50\u3000", 1250),
        ("100000000", MAX_FEN),
    ],
)
def test_parse_fen_accepts(text: str, fen: int) -> None:
    result = parse_fen(text)
    assert result == fen
    assert type(result) is int


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请输入金额"),
        ("   ", "请输入金额"),
        ("12.505", "金额最多两位小数"),
        ("12.500", "金额最多两位小数"),
        ("0.001", "金额最多两位小数"),
        ("-12", "金额不能为负数"),
        ("-¥12.50", "金额不能为负数"),
        ("abc", "金额格式不正确"),
        ("12a", "金额格式不正确"),
        ("1e3", "金额格式不正确"),
        ("1E3", "金额格式不正确"),
        ("nan", "金额格式不正确"),
        ("inf", "金额格式不正确"),
        ("Infinity", "金额格式不正确"),
        ("12.", "金额格式不正确"),
        (".5", "金额格式不正确"),
        ("1.2.3", "金额格式不正确"),
        ("+12", "金额格式不正确"),
        ("--12", "金额格式不正确"),
        ("¥", "金额格式不正确"),
        ("元", "金额格式不正确"),
        ("1 234", "金额格式不正确"),
        ("12,34", "千位分隔符位置不正确"),
        ("1,2345", "千位分隔符位置不正确"),
        ("1234,567", "千位分隔符位置不正确"),
        (",123", "千位分隔符位置不正确"),
        ("0,123", "千位分隔符位置不正确"),
        ("1,,234", "千位分隔符位置不正确"),
        ("12.3,4", "千位分隔符位置不正确"),
        ("100000000.01", "金额过大"),
        ("9" * 5000, "金额过大"),
    ],
)
def test_parse_fen_rejects(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_fen(text)


def test_parse_fen_options() -> None:
    assert parse_fen("-12.50", allow_negative=True) == -1250
    assert parse_fen("-¥1,234.50", allow_negative=True) == -123450
    assert parse_fen("¥-1.00", allow_negative=True) == -100
    assert parse_fen("－１２", allow_negative=True) == -1200
    assert parse_fen("-0", allow_negative=False) == 0
    with pytest.raises(ValidationError, match="金额不能为零"):
        parse_fen("0.00", allow_zero=False)
    with pytest.raises(ValidationError, match="金额过大"):
        parse_fen("100.01", max_fen=10000)
    with pytest.raises(ValidationError, match="金额过大"):
        parse_fen("-100.01", allow_negative=True, max_fen=10000)
    assert parse_fen("100", max_fen=10000) == 10000


def test_parse_fen_wants_text() -> None:
    with pytest.raises(TypeError):
        parse_fen(12.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fen", "text", "plain", "ungrouped"),
    [
        (0, "¥0.00", "0.00", "0.00"),
        (5, "¥0.05", "0.05", "0.05"),
        (50, "¥0.50", "0.50", "0.50"),
        (123450, "¥1,234.50", "1,234.50", "1234.50"),
        (-123450, "-¥1,234.50", "-1,234.50", "-1234.50"),
        (-5, "-¥0.05", "-0.05", "-0.05"),
        (MAX_FEN, "¥100,000,000.00", "100,000,000.00", "100000000.00"),
    ],
)
def test_format_fen(fen: int, text: str, plain: str, ungrouped: str) -> None:
    assert format_fen(fen) == text
    assert format_fen(fen, symbol=False) == plain
    assert format_fen(fen, symbol=False, grouping=False) == ungrouped
    assert fen_to_yuan_text(fen) == ungrouped


@pytest.mark.parametrize("bad", [12.5, "12", True, None])
def test_format_fen_wants_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_fen(bad)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(fen_amounts, st.booleans(), st.booleans())
def test_parse_format_round_trip(fen: int, symbol: bool, grouping: bool) -> None:
    text = format_fen(fen, symbol=symbol, grouping=grouping)
    result = parse_fen(text, allow_negative=True)
    assert result == fen
    assert type(result) is int
    assert parse_fen(fen_to_yuan_text(fen), allow_negative=True) == fen


@pytest.mark.parametrize(
    ("fen", "boxes"),
    [
        (123450, {"万": "¥", "千": "1", "百": "2", "十": "3", "元": "4", "角": "5", "分": "0"}),
        (5, {"万": "", "千": "", "百": "", "十": "¥", "元": "0", "角": "0", "分": "5"}),
        (0, {"万": "", "千": "", "百": "", "十": "¥", "元": "0", "角": "0", "分": "0"}),
        (1000, {"万": "", "千": "", "百": "¥", "十": "1", "元": "0", "角": "0", "分": "0"}),
        (100000, {"万": "¥", "千": "1", "百": "0", "十": "0", "元": "0", "角": "0", "分": "0"}),
        # 10,000.05 yuan fills every box: no room left for the ¥.
        (1000005, {"万": "1", "千": "0", "百": "0", "十": "0", "元": "0", "角": "0", "分": "5"}),
        (9999999, {"万": "9", "千": "9", "百": "9", "十": "9", "元": "9", "角": "9", "分": "9"}),
    ],
)
def test_split_digit_boxes_paper_receipt(fen: int, boxes: dict[str, str]) -> None:
    result = split_digit_boxes(fen)
    assert result == boxes
    assert list(result) == ["万", "千", "百", "十", "元", "角", "分"]


def test_split_digit_boxes_too_big_for_the_receipt() -> None:
    with pytest.raises(ValidationError, match="金额超出收据数字格"):
        split_digit_boxes(10_000_000)  # 100,000 yuan
    wide = split_digit_boxes(10_000_000, boxes=9)
    assert list(wide) == ["百万", "十万", "万", "千", "百", "十", "元", "角", "分"]
    assert "".join(wide.values()) == "¥10000000"


def test_split_digit_boxes_rejects() -> None:
    with pytest.raises(ValidationError, match="负数"):
        split_digit_boxes(-1)
    with pytest.raises(ValueError):
        split_digit_boxes(1, boxes=2)
    with pytest.raises(ValueError):
        split_digit_boxes(1, boxes=12)
    with pytest.raises(TypeError):
        split_digit_boxes(1.5)  # type: ignore[arg-type]


@settings(max_examples=200)
@given(st.integers(min_value=3, max_value=len(BOX_LABELS)), st.data())
def test_digit_boxes_recompose(boxes: int, data: st.DataObject) -> None:
    fen = data.draw(st.integers(min_value=0, max_value=10**boxes - 1))
    cells = list(split_digit_boxes(fen, boxes=boxes).values())
    assert len(cells) == boxes
    digits = [c for c in cells if c.isdigit()]
    assert int("".join(digits)) == fen
    # 元 角 分 always filled; no digit boxes left of the ¥; blanks only left of it.
    assert all(c.isdigit() for c in cells[-3:])
    if "¥" in cells:
        yen = cells.index("¥")
        assert cells[:yen] == [""] * yen
        assert all(c.isdigit() for c in cells[yen + 1 :])
        assert cells[yen + 1] != "0" or yen + 1 == boxes - 3
    else:
        assert all(c.isdigit() for c in cells)
        assert cells[0] != "0" or boxes == 3
