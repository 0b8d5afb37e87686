"""Rates (收费标准): a price per item and unit kind from a date on."""

from __future__ import annotations

import unicodedata

from desk_app.core.errors import ValidationError
from desk_app.core.money import parse_fen
from desk_app.core.vocabularies import UNIT_KINDS
from desk_app.services.desk import Desk
from desk_app.services.ledger import fee_items, periods
from desk_app.services.operations import Done
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.ledger.fee_items import RateRow


def parse_price_milli(text: str, label: str = "单价", field: str = "price") -> int:
    """A rate typed in yuan with up to three decimals (``1.855``) in thousandths of a yuan."""
    s = unicodedata.normalize("NFKC", text or "").strip().removesuffix("元").strip()
    whole, dot, part = s.partition(".")
    if not whole.isdigit() or (dot and not part.isdigit()) or len(part) > 3 or len(whole) > 7:
        raise ValidationError(f"{label}格式不正确：{text.strip()}（最多三位小数）", field=field)
    return int(whole) * 1000 + int(part.ljust(3, "0") if part else "0")


def set_rate(
    desk: Desk,
    code: str,
    price: str,
    *,
    effective_from: str,
    unit_kind: str | None = None,
    minimum: str = "",
) -> Done[RateRow]:
    """A new rate from a date on; charges already made keep the rate they were made with."""
    desk.require_role("supervisor", "调整收费标准")
    item = fee_items.fee_item(desk, code)
    price_milli = parse_price_milli(price)
    start = periods.checked_day(effective_from, "生效日期", "effective_from")
    periods.ensure_open(desk, start, "设定从该日起生效的收费标准")
    if unit_kind is not None and unit_kind not in UNIT_KINDS:
        raise ValidationError("房屋类型不正确。", field="unit_kind")
    try:
        minimum_fen = parse_fen(minimum) if minimum.strip() else 0
    except ValidationError as error:
        raise ValidationError(f"最低收费：{error.message}", field="minimum") from None
    with desk.operation("fee_rate_set") as op:
        rate_id = fee_items_store.insert_rate(
            op.db,
            item_id=item.id,
            unit_kind=unit_kind,
            effective_from=start,
            price_milli_yuan=price_milli,
            minimum_fen=minimum_fen,
            stamp=op.stamp,
        )
        op.record(
            "fee_rates",
            rate_id,
            item=item.code,
            price_milli_yuan=price_milli,
            effective_from=start,
            unit_kind=unit_kind,
        )
    return op.done(next(r for r in fee_items_store.rates(desk.db, item.id) if r.id == rate_id))


def rate_on(desk: Desk, code: str, unit_kind: str | None, on: str) -> RateRow | None:
    return fee_items_store.rate_on(desk.db, fee_items.fee_item(desk, code).id, unit_kind, on)
