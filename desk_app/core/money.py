"""Money as integer fen (分): parsing what a clerk types, formatting, receipt digit boxes.

Amounts are ``int`` fen everywhere; no float is ever involved, so sums are exact.
"""

from __future__ import annotations

import re
import unicodedata

from desk_app.core.errors import ValidationError

#: The largest amount the desk accepts by default: 100 million yuan.
MAX_FEN = 10_000_000_000

#: Digit-box labels of a receipt, highest first. A form uses the last ``boxes`` of them.
BOX_LABELS: tuple[str, ...] = (
    "亿",
    "千万",
    "百万",
    "十万",
    "万",
    "千",
    "百",
    "十",
    "元",
    "角",
    "分",
)
#: The paper receipt (统一收款收据) has 万 千 百 十 元 角 分.
RECEIPT_BOXES = 7

_MINUS_SIGNS = ("-", "−")  # ASCII hyphen-minus and U+2212; NFKC turns full-width "－" into "-"
_GROUPED_INT = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
# More significant digits than this cannot be a real amount; checked before int() so a
# pasted wall of digits neither hangs nor trips Python's int-string length limit.
_MAX_DIGITS = 18


def _check_int(fen: object) -> int:
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"amount must be int fen, not {type(fen).__name__}")
    return fen


def parse_fen(
    text: str,
    *,
    allow_negative: bool = False,
    allow_zero: bool = True,
    max_fen: int = MAX_FEN,
) -> int:
    """Parse an amount in yuan as typed by a clerk into integer fen.

    Accepts ``12``, ``12.5``, ``1,234.50``, ``¥12.50``, ``￥12.5``, ``12.5元``, full-width
    digits and punctuation, surrounding whitespace, and a leading minus (before or after
    the ¥) when ``allow_negative`` is set.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise ValidationError("请输入金额")
    bad_format = ValidationError(f"金额格式不正确：{text.strip()}")

    negative = False
    if s.startswith(_MINUS_SIGNS):
        negative, s = True, s[1:].lstrip()
    if s.startswith("¥"):
        s = s[1:].lstrip()
    if not negative and s.startswith(_MINUS_SIGNS):
        negative, s = True, s[1:].lstrip()
    if s.endswith("元"):
        s = s[:-1].rstrip()

    if not s or any(ch not in "0123456789.," for ch in s) or s.count(".") > 1:
        raise bad_format
    int_part, dot, frac = s.partition(".")
    if dot and (not frac or not int_part):
        raise bad_format
    if "," in frac:
        raise ValidationError(f"千位分隔符位置不正确：{text.strip()}")
    if len(frac) > 2:
        raise ValidationError("金额最多两位小数")
    if "," in int_part:
        if not _GROUPED_INT.fullmatch(int_part):
            raise ValidationError(f"千位分隔符位置不正确：{text.strip()}")
        int_part = int_part.replace(",", "")

    if len(int_part.lstrip("0")) > _MAX_DIGITS:
        raise ValidationError(f"金额过大（不能超过 {format_fen(max_fen)}）")
    fen = int(int_part) * 100 + int(frac.ljust(2, "0"))

    if fen == 0:
        if not allow_zero:
            raise ValidationError("金额不能为零")
        return 0
    if negative and not allow_negative:
        raise ValidationError("金额不能为负数")
    if fen > max_fen:
        raise ValidationError(f"金额过大（不能超过 {format_fen(max_fen)}）")
    return -fen if negative else fen


def format_fen(fen: int, *, symbol: bool = True, grouping: bool = True) -> str:
    """``123450`` → ``¥1,234.50``; ``-123450`` → ``-¥1,234.50``."""
    _check_int(fen)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    digits = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{'¥' if symbol else ''}{digits}.{cents:02d}"


def fen_to_yuan_text(fen: int) -> str:
    """Plain ``1234.50`` (no symbol, no grouping) for Excel and CSV cells."""
    return format_fen(fen, symbol=False, grouping=False)


def split_digit_boxes(fen: int, *, boxes: int = RECEIPT_BOXES) -> dict[str, str]:
    """Spread an amount over a receipt's digit boxes, keyed by box label, highest first.

    元, 角 and 分 are always filled (``0`` where zero); higher boxes only up to the highest
    significant digit. The box left of that digit gets ``¥`` and boxes further left stay
    empty; when the amount fills every box there is no room for ``¥``. An amount that does
    not fit (≥ 100,000 yuan on the 7-box paper receipt) is refused rather than truncated:
    the clerk splits it or uses a form with more boxes (``boxes`` up to 11, i.e. 亿).
    """
    _check_int(fen)
    if not 3 <= boxes <= len(BOX_LABELS):
        raise ValueError(f"boxes must be between 3 and {len(BOX_LABELS)}, not {boxes}")
    if fen < 0:
        raise ValidationError("收据金额不能为负数")
    if fen >= 10**boxes:
        raise ValidationError(f"金额超出收据数字格（最大 {format_fen(10**boxes - 1)}）")
    labels = BOX_LABELS[-boxes:]
    digits = f"{fen:03d}"
    cells = [""] * (boxes - len(digits)) + list(digits)
    if len(digits) < boxes:
        cells[boxes - len(digits) - 1] = "¥"
    return dict(zip(labels, cells, strict=True))


def parse_quantity_centi(text: str) -> int:
    """A material quantity as typed (``2``, ``1.5``, ``0.25``) in hundredths; positive."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        raise ValidationError("请输入数量")
    int_part, dot, frac = s.partition(".")
    if not int_part.isdigit() or (dot and not frac.isdigit()) or len(frac) > 2 or len(int_part) > 7:
        raise ValidationError(f"数量格式不正确：{text.strip()}（最多两位小数）")
    centi = int(int_part) * 100 + int(frac.ljust(2, "0") if frac else "0")
    if centi <= 0:
        raise ValidationError("数量必须大于零")
    return centi


def format_quantity(centi: int) -> str:
    """``150`` → ``1.5``; ``200`` → ``2``."""
    whole, part = divmod(_check_int(centi), 100)
    if not part:
        return str(whole)
    return f"{whole}.{part:02d}".rstrip("0")


def line_amount_fen(price_fen: int, quantity_centi: int) -> int:
    """Price × quantity, rounded half up to the fen (exact integer arithmetic)."""
    product = _check_int(price_fen) * _check_int(quantity_centi)
    return (product + 50) // 100
