"""Fee items (收费项目): the standard ones an estate starts with, and those a supervisor adds."""

from __future__ import annotations

import re

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.vocabularies import FEE_KINDS
from desk_app.services.desk import Desk
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.ledger.fee_items import FeeItemRow

FEE_KIND_LABELS = {
    "area": "按面积",
    "metered": "按读数",
    "fixed": "按月定额",
    "one_off": "一次性",
    "deposit": "押金",
}


_CODE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def fee_items(desk: Desk) -> list[FeeItemRow]:
    return fee_items_store.fee_items(desk.db)


def fee_item(desk: Desk, code: str) -> FeeItemRow:
    item = fee_items_store.fee_item_by_code(desk.db, code)
    if item is None:
        raise NotFoundError(f"没有收费项目“{code}”。", field="item")
    return item


def add_fee_item(desk: Desk, code: str, name: str, kind: str, unit: str = "") -> Done[FeeItemRow]:
    desk.require_role("supervisor", "设置收费项目")
    code = code.strip().lower()
    if not _CODE.fullmatch(code):
        raise ValidationError("项目代码须为小写字母开头的字母、数字或下划线。", field="code")
    if not name.strip():
        raise ValidationError("请填写项目名称。", field="name")
    if kind not in FEE_KINDS:
        raise ValidationError("收费方式不正确。", field="kind")
    if fee_items_store.fee_item_by_code(desk.db, code):
        raise ValidationError(f"已有收费项目“{code}”。", field="code")
    with desk.operation("fee_item_added") as op:
        item_id = fee_items_store.insert_fee_item(
            op.db, code=code, name=name.strip(), kind=kind, unit=unit.strip(), stamp=op.stamp
        )
        op.record("fee_items", item_id, code=code, name=name.strip(), kind=kind)
    return op.done(fee_item(desk, code))


# The items an estate starts with (code, name, kind, unit); ``late_fee`` is charged by
# payments, ``repair`` by completed paid repair orders.
STANDARD_FEE_ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("property", "物业服务费", "area", "月"),
    ("water", "水费", "metered", "吨"),
    ("electricity", "电费", "metered", "度"),
    ("gas", "燃气费", "metered", "立方米"),
    ("heating", "采暖费", "metered", "吉焦"),
    ("parking", "车位管理费", "fixed", "月"),
    ("garbage", "垃圾清运费", "fixed", "月"),
    ("repair", "有偿维修费", "one_off", "次"),
    ("card_fee", "工本费", "one_off", "张"),
    ("renovation_deposit", "装修押金", "deposit", "笔"),
    ("pass_deposit", "出入证押金", "deposit", "张"),
    ("renovation_fee", "装修管理费", "one_off", "次"),
    ("renovation_waste", "装修垃圾清运费", "one_off", "次"),
    ("late_fee", "滞纳金", "one_off", "笔"),
    ("other", "其他", "one_off", ""),
)


def install_standard_items(desk: Desk) -> Done[list[FeeItemRow]]:
    """Add the standard fee items the estate does not have yet (a supervisor, or the
    system at first start and in the demo); returns the items added."""
    if desk.operator is not None:
        desk.require_role("supervisor", "设置收费项目")
    have = {item.code for item in fee_items_store.fee_items(desk.db)}
    missing = [spec for spec in STANDARD_FEE_ITEMS if spec[0] not in have]
    if not missing:
        return Done([], NO_CHANGES)
    with desk.operation("fee_items_installed") as op:
        for code, name, kind, unit in missing:
            item_id = fee_items_store.insert_fee_item(
                op.db, code=code, name=name, kind=kind, unit=unit, stamp=op.stamp
            )
            op.record("fee_items", item_id, code=code, name=name, kind=kind)
    return op.done(
        [i for i in fee_items_store.fee_items(desk.db) if i.code in {m[0] for m in missing}]
    )


def system_item(desk: Desk, op: Operation, code: str) -> int:
    """The id of a standard item the ledger charges by itself, added if missing."""
    item = fee_items_store.fee_item_by_code(op.db, code)
    if item is not None:
        return item.id
    _code, name, kind, unit = next(spec for spec in STANDARD_FEE_ITEMS if spec[0] == code)
    item_id = fee_items_store.insert_fee_item(
        op.db, code=code, name=name, kind=kind, unit=unit, stamp=op.stamp
    )
    op.record("fee_items", item_id, code=code, name=name, kind=kind)
    return item_id


def names_of(desk: Desk, codes: list[str]) -> list[str]:
    """The names of the fee items with these codes (unknown codes left out)."""
    names = {row.code: row.name for row in fee_items(desk)}
    return [names[code] for code in codes if code in names]


def codes_of(desk: Desk, names: list[str], *, field: str) -> list[str]:
    """The codes of the fee items named; an unknown name is refused at ``field``."""
    codes = {row.name: row.code for row in fee_items(desk)}
    unknown = [name for name in names if name not in codes]
    if unknown:
        raise ValidationError(f"没有收费项目“{'、'.join(unknown)}”。", field=field)
    return [codes[name] for name in names]
