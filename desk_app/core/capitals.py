"""Amounts in Chinese capitals (大写) for receipts and vouchers.

Written per 《正确填写票据和结算凭证的基本规定》 (支付结算办法 附件). Where the rules allow two
forms, this module always writes the same one:

- ``整`` after 元 when there are no 角 and 分 (``壹佰元整``); nothing after 角 (``壹佰元伍角``,
  as in the rules' own example ``¥1,409.50`` → ``壹仟肆佰零玖元伍角``); never after 分.
- 元位 is 0 but 角 is not: write ``零`` (``¥1,680.32`` → ``壹仟陆佰捌拾元零叁角贰分``).
- 万位 (or 亿位) is 0 but the 仟 after it is not: no ``零``, the written 万 marks the place
  (``¥107,000.53`` → ``壹拾万柒仟元零伍角叁分``, ``壹佰万壹仟元整``). But when a whole 万
  group is 0 a ``零`` is written (``壹亿零壹仟元整``): ``壹亿壹仟元`` reads as 110 million.
- A leading 拾 is ``壹拾`` (``壹拾陆元``); below one yuan the 元 is left out (``伍角``, ``伍分``);
  nothing at all is ``零元整``.

cn2an does the conversion; the two forms it gets wrong for us are corrected here.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from desk_app.core.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

#: Up to 9,999 亿 yuan; beyond that the unit would be 万亿, which no receipt needs.
CAPITALS_MAX_FEN = 10**14 - 1

_PREFIX = "人民币"


@cache
def _an2cn() -> Callable[[str, str], str]:
    # Imported on first use: cn2an and its text-processing dependency take ~0.1 s to
    # import, which start-up does not need to pay for.
    import cn2an

    return cn2an.an2cn


def amount_in_capitals(fen: int, *, prefix: bool = False) -> str:
    """``10000`` → ``壹佰元整``; with ``prefix=True`` → ``人民币壹佰元整``.

    Negative amounts are refused: a refund is its own voucher with a positive amount.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"amount must be int fen, not {type(fen).__name__}")
    if fen < 0:
        raise ValidationError("大写金额不能为负数（退款另开凭证，金额写正数）")
    if fen > CAPITALS_MAX_FEN:
        raise ValidationError("金额过大，无法写成大写金额")

    yuan, cents = divmod(fen, 100)
    # A string, not a float: cn2an converts it digit by digit, so nothing is rounded.
    text = _an2cn()(f"{yuan}.{cents:02d}", "rmb")
    text = text.removeprefix(_PREFIX)

    wan_group = (yuan // 10_000) % 10_000
    if yuan >= 100_000_000 and wan_group == 0 and yuan % 10_000 >= 1_000:
        # cn2an drops this 零 (壹亿壹仟元), which reads as 110 million.
        text = re.sub(r"亿(?=[壹贰叁肆伍陆柒捌玖]仟)", "亿零", text, count=1)
    if yuan > 0 and yuan % 10 == 0 and cents >= 10:
        # 元位 0 before a 角: cn2an writes 壹仟陆佰捌拾元叁角贰分; we write the 零.
        text = text.replace("元", "元零", 1)

    return _PREFIX + text if prefix else text
