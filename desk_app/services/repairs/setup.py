"""Technicians (engineering staff and outside contractors) and the paid-service price list
(有偿服务价格明细表): kept by a supervisor, used when dispatching and completing repairs."""

from __future__ import annotations

from typing import Any

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import validate_phone
from desk_app.core.money import parse_fen
from desk_app.core.vocabularies import TECHNICIAN_KINDS
from desk_app.services.desk import Desk
from desk_app.services.operations import Done, written
from desk_app.storage.repairs import setup as setup_store
from desk_app.storage.repairs.setup import PriceRow, TechnicianRow

__all__ = ["TECHNICIAN_KINDS", "PriceRow", "TechnicianRow"]


def technicians(desk: Desk, *, active_only: bool = True) -> list[TechnicianRow]:
    return setup_store.technicians(desk.db, active_only=active_only)


def prices(desk: Desk, *, active_only: bool = True) -> list[PriceRow]:
    return setup_store.prices(desk.db, active_only=active_only)


def _technician_fields(name: str, kind: str, phone: str, specialty: str) -> dict[str, Any]:
    clean = name.strip()
    if not clean:
        raise ValidationError("请填写维修人员姓名或外单位名称。", field="name")
    if len(clean) > 60:
        raise ValidationError("名称过长（最多 60 字）。", field="name")
    if kind not in TECHNICIAN_KINDS:
        raise ValidationError("类别只能是“工程部”或“外单位”。", field="kind")
    number = None
    if phone.strip():
        try:
            number = validate_phone(phone)
        except ValidationError as error:
            raise ValidationError(error.message, field="phone") from None
    return {"name": clean, "kind": kind, "phone": number, "specialty": specialty.strip() or None}


def add_technician(
    desk: Desk, name: str, *, kind: str = "工程部", phone: str = "", specialty: str = ""
) -> Done[TechnicianRow]:
    desk.require_role("supervisor", "维护维修人员")
    values = _technician_fields(name, kind, phone, specialty)
    if setup_store.technician_by_name(desk.db, values["name"]):
        raise ValidationError(f"已有维修人员“{values['name']}”。", field="name")
    with desk.operation("technician_added") as op:
        technician_id = setup_store.insert_technician(
            op.db,
            **values,
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record("technicians", technician_id, name=values["name"], kind=kind)
    return op.done(written(setup_store.technician(desk.db, technician_id)))


def update_technician(
    desk: Desk,
    technician_id: int,
    *,
    name: str,
    kind: str,
    phone: str = "",
    specialty: str = "",
    active: bool = True,
) -> Done[TechnicianRow]:
    desk.require_role("supervisor", "维护维修人员")
    current = setup_store.technician(desk.db, technician_id)
    if current is None:
        raise NotFoundError("该维修人员不存在。")
    values = _technician_fields(name, kind, phone, specialty)
    other = setup_store.technician_by_name(desk.db, values["name"])
    if other is not None and other.id != technician_id:
        raise ValidationError(f"已有维修人员“{values['name']}”。", field="name")
    values["active"] = int(active)
    with desk.operation("technician_updated") as op:
        setup_store.update_technician(op.db, technician_id, values, op.at)
        op.record("technicians", technician_id, name=values["name"], active=active)
    return op.done(written(setup_store.technician(desk.db, technician_id)))


def _price_fields(category: str, name: str, unit: str, price: str, labour: str) -> dict[str, Any]:
    clean = name.strip()
    if not clean:
        raise ValidationError("请填写项目名称。", field="name")
    if len(clean) > 60:
        raise ValidationError("项目名称过长（最多 60 字）。", field="name")
    try:
        price_fen = parse_fen(price)
    except ValidationError as error:
        raise ValidationError(f"单价：{error.message}", field="price") from None
    try:
        labour_fen = parse_fen(labour) if labour.strip() else 0
    except ValidationError as error:
        raise ValidationError(f"人工费：{error.message}", field="labour") from None
    return {
        "category": category.strip()[:30],
        "name": clean,
        "unit": unit.strip()[:10],
        "price_fen": price_fen,
        "labour_fen": labour_fen,
    }


def add_price(
    desk: Desk, name: str, price: str, *, category: str = "", unit: str = "", labour: str = ""
) -> Done[PriceRow]:
    desk.require_role("supervisor", "修改有偿服务价格")
    values = _price_fields(category, name, unit, price, labour)
    if any(
        p.category == values["category"] and p.name == values["name"]
        for p in setup_store.prices(desk.db)
    ):
        raise ValidationError(f"价格表中已有“{values['name']}”。", field="name")
    with desk.operation("service_price_added") as op:
        price_id = setup_store.insert_price(
            op.db,
            **values,
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record("service_prices", price_id, **values)
    return op.done(written(setup_store.price(desk.db, price_id)))


def update_price(
    desk: Desk,
    price_id: int,
    *,
    name: str,
    price: str,
    category: str = "",
    unit: str = "",
    labour: str = "",
    active: bool = True,
) -> Done[PriceRow]:
    """Change a price from now on; orders already completed keep the price they used."""
    desk.require_role("supervisor", "修改有偿服务价格")
    current = setup_store.price(desk.db, price_id)
    if current is None:
        raise NotFoundError("价格表中没有该项目。")
    values = _price_fields(category, name, unit, price, labour)
    if any(
        p.id != price_id and p.category == values["category"] and p.name == values["name"]
        for p in setup_store.prices(desk.db)
    ):
        raise ValidationError(f"价格表中已有“{values['name']}”。", field="name")
    values["active"] = int(active)
    old = {"price_fen": current.price_fen, "labour_fen": current.labour_fen}
    with desk.operation("service_price_updated") as op:
        setup_store.update_price(op.db, price_id, values, op.at)
        op.record("service_prices", price_id, old=old, **values)
    return op.done(written(setup_store.price(desk.db, price_id)))


# A starting price list (有偿服务价格明细表) for a new estate; the supervisor edits it.
STARTER_PRICES = [
    ("水", "更换水龙头", "个", "35.00", "20.00"),
    ("水", "更换角阀", "个", "25.00", "15.00"),
    ("水", "疏通下水道", "次", "0.00", "50.00"),
    ("水", "更换马桶水箱配件", "套", "45.00", "30.00"),
    ("水", "PPR水管", "米", "12.00", "0.00"),
    ("电", "更换开关/插座", "个", "18.00", "15.00"),
    ("电", "更换灯管", "支", "15.00", "10.00"),
    ("电", "更换空气开关", "个", "40.00", "20.00"),
    ("电", "电线 BV2.5", "米", "3.50", "0.00"),
    ("门窗", "更换门锁锁芯", "个", "60.00", "30.00"),
    ("门窗", "更换合页", "个", "12.00", "15.00"),
    ("其他", "安装晾衣架", "套", "0.00", "80.00"),
]
STARTER_TECHNICIANS = [
    ("王建国", "工程部", "水电"),
    ("刘强", "工程部", "水电"),
    ("赵明", "工程部", "土建门窗"),
    ("孙志刚", "工程部", "弱电"),
    ("恒安电梯维保公司", "外单位", "电梯"),
    ("清源管道疏通", "外单位", "管道"),
]


def install_starter_lists(desk: Desk) -> Done[int]:
    """载入示例: the example technicians and prices into whichever list is empty, in one
    transaction; returns how many were added."""
    desk.require_role("supervisor", "维护维修人员")
    added = 0
    with desk.operation("repair_setup_starter_loaded") as op:
        if not setup_store.technicians(desk.db):
            for name, kind, specialty in STARTER_TECHNICIANS:
                add_technician(desk, name, kind=kind, specialty=specialty)
                added += 1
        if not setup_store.prices(desk.db):
            for category, name, unit, price, labour in STARTER_PRICES:
                add_price(desk, name, price, category=category, unit=unit, labour=labour)
                added += 1
    return op.done(added)
