import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desk_app.core.capitals import CAPITALS_MAX_FEN, amount_in_capitals
from desk_app.core.errors import ValidationError

DIGITS = {ch: n for n, ch in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL_UNITS = {"拾": 1, "佰": 2, "仟": 3}
GROUP_UNITS = {"万": 4, "亿": 8}
FRACTION_UNITS = {"角": -1, "分": -2}


def parse_capitals(text: str) -> int:
    """Read capitals back to fen, insisting on the canonical 零 placement.

    Each digit is a term at a place (power of ten). Between two consecutive terms a 零
    must be written exactly when places are skipped, except the gap the rules let us leave
    unmarked and we do: zeros up to the 万位 (亿位) before a 仟 (壹拾万柒仟, 壹佰万壹仟),
    as long as that 万 (亿) group is written (壹亿零壹仟, not 壹亿壹仟).
    """
    text = text.removeprefix("人民币")
    if text == "零元整":
        return 0
    assert text.endswith(("整", "角", "分")), text
    whole = text.endswith("整")
    text = text.removesuffix("整")
    int_part, yuan, frac_part = text.rpartition("元")
    assert (int_part == "") == (yuan == ""), text

    terms: list[tuple[int, int, bool]] = []  # (place, digit, 零 before it)
    group: list[tuple[int, int, bool]] = []
    zero = False
    chars = iter(int_part)
    for ch in chars:
        if ch == "零":
            assert not zero, f"零零 in {text}"
            zero = True
        elif ch in DIGITS:
            nxt = next(chars, "")
            place = SMALL_UNITS.get(nxt, 0)
            group.append((place, DIGITS[ch], zero))
            zero = False
            if nxt in GROUP_UNITS:
                terms += [(p + GROUP_UNITS[nxt], d, z) for p, d, z in group]
                group = []
            else:
                assert nxt in SMALL_UNITS or nxt == "", f"{nxt!r} in {text}"
        elif ch in GROUP_UNITS:
            assert group, f"{ch} without digits in {text}"
            terms += [(p + GROUP_UNITS[ch], d, z) for p, d, z in group]
            group = []
        else:
            raise AssertionError(f"unexpected {ch!r} in {text}")
    assert not zero, f"trailing 零 in {text}"
    terms += group

    frac_chars = list(frac_part)
    while frac_chars:
        ch = frac_chars.pop(0)
        if ch == "零":
            zero = True
            continue
        unit = frac_chars.pop(0)
        terms.append((FRACTION_UNITS[unit], DIGITS[ch], zero))
        zero = False

    assert terms, text
    assert all(d != 0 for _, d, _ in terms), f"零 written as a digit in {text}"
    assert not terms[0][2], f"leading 零 in {text}"
    for (p1, _, _), (p2, _, z) in zip(terms, terms[1:], strict=False):
        assert p2 < p1, f"places out of order in {text}"
        # 壹拾万柒仟, 壹佰万壹仟: a 仟 right after the 万 (亿) group needs no 零.
        after_group = p2 >= 3 and p2 % 4 == 3 and p1 // 4 == p2 // 4 + 1
        unmarked_ok = p2 == p1 - 1 or after_group
        assert z != unmarked_ok, f"零 misplaced in {text}"
    has_yuan = any(p >= 0 for p, _, _ in terms)
    assert has_yuan == bool(yuan), f"元 misplaced in {text}"
    assert whole == (terms[-1][0] >= 0), f"整 misplaced in {text}"
    return sum(d * 10 ** (p + 2) for p, d, _ in terms)


GOLDEN = [
    (10000, "壹佰元整"),
    (10050, "壹佰元零伍角"),
    (10150, "壹佰零壹元伍角"),
    (100005, "壹仟元零伍分"),
    (1001000, "壹万零壹拾元整"),
    (140950, "壹仟肆佰零玖元伍角"),
    (600714, "陆仟零柒元壹角肆分"),
    (10700053, "壹拾万柒仟元零伍角叁分"),
    (100100000, "壹佰万壹仟元整"),
    (100010000, "壹佰万零壹佰元整"),
    (168032, "壹仟陆佰捌拾元零叁角贰分"),
    (5, "伍分"),
    (50, "伍角"),
    (55, "伍角伍分"),
    (0, "零元整"),
    (100, "壹元整"),
    (1000, "壹拾元整"),
    (1608, "壹拾陆元零捌分"),
    (32504, "叁佰贰拾伍元零肆分"),
    (1050, "壹拾元零伍角"),
    (110000, "壹仟壹佰元整"),
    (11000000, "壹拾壹万元整"),
    (100000000, "壹佰万元整"),
    (107000000, "壹佰零柒万元整"),
    (10000000000, "壹亿元整"),
    (10000000001, "壹亿元零壹分"),
    (10000100000, "壹亿零壹仟元整"),
    (10007000000, "壹亿零柒万元整"),
    (107000000000, "壹拾亿柒仟万元整"),
    (100000100000, "壹拾亿零壹仟元整"),
    (99999999999, "玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    (CAPITALS_MAX_FEN, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("fen", "capitals"), GOLDEN)
def test_golden(fen: int, capitals: str) -> None:
    assert amount_in_capitals(fen) == capitals
    assert amount_in_capitals(fen, prefix=True) == "人民币" + capitals


@pytest.mark.parametrize(("fen", "capitals"), GOLDEN)
def test_parser_reads_golden(fen: int, capitals: str) -> None:
    assert parse_capitals(capitals) == fen


@pytest.mark.parametrize(
    "bad", ["壹亿壹仟元整", "壹仟陆佰捌拾元叁角贰分", "壹佰零零壹元整", "拾陆元整"]
)
def test_parser_refuses_non_canonical(bad: str) -> None:
    with pytest.raises((AssertionError, KeyError)):
        parse_capitals(bad)


def test_negative_is_refused() -> None:
    with pytest.raises(ValidationError, match="负数"):
        amount_in_capitals(-1)


def test_too_big_is_refused() -> None:
    with pytest.raises(ValidationError, match="金额过大"):
        amount_in_capitals(CAPITALS_MAX_FEN + 1)


@pytest.mark.parametrize("bad", [12.5, "100", True])
def test_wants_int(bad: object) -> None:
    with pytest.raises(TypeError):
        amount_in_capitals(bad)  # type: ignore[arg-type]


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=99_999_999_999))
@example(10000100000)
@example(100000100000 - 1)
def test_round_trip(fen: int) -> None:
    capitals = amount_in_capitals(fen)
    assert parse_capitals(capitals) == fen
    assert amount_in_capitals(fen, prefix=True) == "人民币" + capitals


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from("0000000123456789"), min_size=1, max_size=14).map(
        lambda ds: int("".join(ds))
    )
)
def test_round_trip_zero_heavy(fen: int) -> None:
    # Amounts full of zeros are where the 零 rules bite; uniform integers rarely hit them.
    assert parse_capitals(amount_in_capitals(fen)) == fen
