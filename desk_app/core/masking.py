"""ID numbers and phones: masking for lists, printouts and exports (业主档案保密), and validation.

Masking keeps the length (of the value with whitespace removed), so a column still lines up
and a clerk can tell an 18-digit ID from a 15-digit one. ID numbers and anything not
recognised reveal at most half; phones follow the usual ``138****5678`` and keep a
landline's area code. Masking never raises: a list must render whatever is stored.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desk_app.core.errors import ValidationError

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11), GB 11643
_MOBILE = re.compile(r"(?:\+?86|0086)?(1[3-9][0-9]{9})")
# Area codes 010 and 020–029 have three digits, all others four (0532, 0755 …).
_LANDLINE = re.compile(
    r"\(?(?P<area>0[12][0-9]|0[3-9][0-9]{2})\)?-?"
    r"(?P<local>[2-9][0-9]{6,7})"
    r"(?:(?:-|转|EXT\.?|X)(?P<ext>[0-9]{1,6}))?"
)
_LOCAL = re.compile(r"[2-9][0-9]{6,7}")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))


def _clean(text: str | None) -> str:
    if text is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _phone_forms(text: str | None) -> tuple[str, str]:
    """The cleaned text, and the same with dashes unified for the landline pattern."""
    s = _clean(text)
    return s, s.translate(_DASHES).upper()


def _landline(dashed: str) -> re.Match[str] | None:
    m = _LANDLINE.fullmatch(dashed)
    # Three-digit area codes (Beijing, Shanghai, Guangzhou …) go with 8-digit numbers.
    if m and len(m["area"]) == 3 and len(m["local"]) != 8:
        return None
    return m


def _mask_middle(s: str, head: int, tail: int) -> str:
    return s[:head] + "*" * (len(s) - head - tail) + s[len(s) - tail :]


def mask_text(text: str | None) -> str:
    """Mask any string, revealing at most half of it: up to 3 leading and 4 trailing chars."""
    s = _clean(text)
    if len(s) < 4:
        return "*" * len(s)
    reveal = min(7, len(s) // 2)
    tail = min(4, (reveal + 1) // 2)
    return _mask_middle(s, reveal - tail, tail)


def mask_id_number(text: str | None) -> str:
    """``110101199003071234`` → ``110***********1234``; 15-digit and ``…X`` IDs alike."""
    return mask_text(_clean(text).upper())


def mask_phone(text: str | None) -> str:
    """``13812345678`` → ``138****5678``; ``0532-88886666`` → ``0532-****6666``."""
    s, dashed = _phone_forms(text)
    if m := _MOBILE.fullmatch(dashed.replace("-", "")):
        return _mask_middle(m.group(1), 3, 4)
    if m := _landline(dashed):
        masked = f"{m['area']}-{_mask_middle(m['local'], 0, 4)}"
        return f"{masked}-{m['ext']}" if m["ext"] else masked
    if _LOCAL.fullmatch(dashed):
        return _mask_middle(dashed, 0, 4)
    return mask_text(s)


def validate_id_number(text: str, *, today: date | None = None) -> str:
    """Check an 18-digit resident ID (GB 11643) and return it normalised (upper-case X).

    The birth date must be a real date from 1900 on; with ``today`` given (from the
    injectable clock) it must also not lie in the future.
    """
    s = _clean(text).upper()
    if not s:
        raise ValidationError("请输入身份证号码")
    if len(s) == 15 and s.isdigit():
        raise ValidationError("15位旧身份证号码已停用，请输入18位号码")
    if len(s) != 18:
        raise ValidationError(f"身份证号码应为18位（现为{len(s)}位）")
    if not re.fullmatch(r"[1-9][0-9]{16}[0-9X]", s):
        raise ValidationError("身份证号码格式不正确")
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        raise ValidationError("身份证号码中的出生日期不正确") from None
    if born.year < 1900 or (today is not None and born > today):
        raise ValidationError("身份证号码中的出生日期不正确")
    total = sum(int(d) * w for d, w in zip(s[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK_CHARS[total % 11] != s[17]:
        raise ValidationError("身份证号码校验位不正确")
    return s


def validate_phone(text: str) -> str:
    """Return a mobile as ``13812345678`` or a landline as ``0532-88886666[-801]``.

    Accepts spaces and hyphens, a ``+86`` prefix on mobiles, ``(0532)`` and extensions
    written ``-801`` or ``转801``. A landline needs its area code.
    """
    s, dashed = _phone_forms(text)
    if not s:
        raise ValidationError("请输入联系电话")
    if m := _MOBILE.fullmatch(dashed.replace("-", "")):
        return m.group(1)
    if m := _landline(dashed):
        number = f"{m['area']}-{m['local']}"
        return f"{number}-{m['ext']}" if m["ext"] else number
    if _LOCAL.fullmatch(dashed):
        raise ValidationError("固定电话请加区号，如 0532-88886666")
    digits = dashed.replace("-", "")
    if digits.isdigit() and digits.startswith("1"):
        raise ValidationError("手机号码应为11位，以13–19开头")
    raise ValidationError(f"电话号码格式不正确：{text.strip()}")


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]
