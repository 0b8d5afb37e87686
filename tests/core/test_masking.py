from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.core.errors import ValidationError
from desk_app.core.masking import (
    mask_id_number,
    mask_phone,
    mask_text,
    validate_id_number,
    validate_phone,
)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("110101199003071234", "110***********1234"),
        ("11010519491231002X", "110***********002X"),
        ("11010519491231002x", "110***********002X"),
        (" 110101199003071234 ", "110***********1234"),
        ("110101900307123", "110********7123"),  # old 15-digit ID
        ("12345678", "12****78"),
        ("1234", "1**4"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(text: str | None, masked: str) -> None:
    assert mask_id_number(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("0532-88886666", "0532-****6666"),
        ("053288886666", "0532-****6666"),
        ("(0532)88886666", "0532-****6666"),
        ("（０５３２）８８８８６６６６", "0532-****6666"),
        ("010-88886666", "010-****6666"),
        ("0532-8888666", "0532-***8666"),
        ("0532-88886666-801", "0532-****6666-801"),
        ("0532-88886666转801", "0532-****6666-801"),
        ("88886666", "****6666"),
        ("12345", "1***5"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(text: str | None, masked: str) -> None:
    assert mask_phone(text) == masked


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_mask_text_reveals_at_most_half(text: str) -> None:
    masked = mask_text(text)
    assert not any(ch.isspace() for ch in masked)
    revealed = sum(1 for ch in masked if ch != "*")
    assert revealed <= len(masked) // 2


@settings(max_examples=200)
@given(st.text(alphabet="0123456789X", min_size=0, max_size=20))
def test_mask_id_keeps_length_and_reveals_at_most_half(text: str) -> None:
    masked = mask_id_number(text)
    assert len(masked) == len(text)
    assert sum(1 for ch in masked if ch != "*") <= len(text) // 2


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("370202198506120039", "370202198506120039"),
        ("440304200002290516", "440304200002290516"),  # 29 February of a leap year
        (" 370202 19850612 0039 ", "370202198506120039"),
        ("３７０２０２１９８５０６１２００３９", "370202198506120039"),
    ],
)
def test_validate_id_number(text: str, normalised: str) -> None:
    assert validate_id_number(text) == normalised


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请输入身份证号码"),
        ("110101199003071234", "身份证号码校验位不正确"),
        ("370202198506120038", "身份证号码校验位不正确"),
        ("110101900307123", "15位旧身份证号码已停用"),
        ("3702021985061200", "身份证号码应为18位"),
        ("3702021985061200391", "身份证号码应为18位"),
        ("37020219850612003A", "身份证号码格式不正确"),
        ("070202198506120039", "身份证号码格式不正确"),
        ("370202198513120039", "出生日期不正确"),  # month 13
        ("440304200102290516", "出生日期不正确"),  # 29 February 2001
        ("440524188001010014", "出生日期不正确"),  # GB 11643's own sample, born 1880
    ],
)
def test_validate_id_number_rejects(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_id_number(text)


def test_validate_id_number_birth_date_not_in_future() -> None:
    assert validate_id_number("510107202212318885") == "510107202212318885"
    assert validate_id_number("510107202212318885", today=date(2022, 12, 31))
    with pytest.raises(ValidationError, match="出生日期不正确"):
        validate_id_number("510107202212318885", today=date(2022, 12, 30))


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("13812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0532-88886666", "0532-88886666"),
        ("053288886666", "0532-88886666"),
        ("0532 88886666", "0532-88886666"),
        ("(0532)88886666", "0532-88886666"),
        ("010-88886666", "010-88886666"),
        ("0532-8888666", "0532-8888666"),
        ("0532-88886666-801", "0532-88886666-801"),
        ("0532-88886666转801", "0532-88886666-801"),
    ],
)
def test_validate_phone(text: str, normalised: str) -> None:
    assert validate_phone(text) == normalised


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请输入联系电话"),
        ("88886666", "固定电话请加区号"),
        ("1381234567", "手机号码应为11位"),
        ("138123456789", "手机号码应为11位"),
        ("12812345678", "手机号码应为11位"),
        ("010-8888666", "电话号码格式不正确"),  # Beijing numbers have 8 digits
        ("0532-08886666", "电话号码格式不正确"),
        ("hello", "电话号码格式不正确"),
    ],
)
def test_validate_phone_rejects(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_phone(text)


@settings(max_examples=100)
@given(st.sampled_from("3456789"), st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_mobile_validates_and_masks(second: str, rest: str) -> None:
    number = "1" + second + rest
    assert validate_phone(number) == number
    assert mask_phone(number) == number[:3] + "****" + number[-4:]
