"""Repair orders (维修工作单): registration, dispatch, arrival, completion with materials
and labour, hold, referral to an outside contractor, cancellation, and the callback that
closes an order (DOMAIN.md §3).

Lifecycle: 登记 → 已派工 → 维修中 → 已完工 → 已回访, with 暂停 (暂停/待料), 转外单位 and
已取消. Every change of status is one transaction writing the order, a ``repair_events``
row and the audit trail; the linked reception entry follows the order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from desk_app.core import deadlines
from desk_app.core.clock import from_text, to_text
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_phone, validate_phone
from desk_app.core.money import line_amount_fen, parse_fen, parse_quantity_centi
from desk_app.core.numbering import day_prefix, next_number
from desk_app.core.vocabularies import REPAIR_STATUSES, REPAIR_URGENCIES
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import locations
from desk_app.services.ledger import repair_charges
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.reception import entries as reception_store
from desk_app.storage.repairs import callbacks as callbacks_store
from desk_app.storage.repairs import orders as repairs_store
from desk_app.storage.repairs import setup as setup_store
from desk_app.storage.repairs.orders import EventRow, MaterialRow, OrderQuery, OrderRow

__all__ = [
    "REPAIR_STATUSES",
    "REPAIR_URGENCIES",
    "EventRow",
    "MaterialRow",
    "OrderQuery",
    "OrderRow",
]

NUMBER_LETTERS = "WX"
FINAL_STATUSES = ("已回访", "已取消")
OPEN_STATUSES = tuple(s for s in REPAIR_STATUSES if s not in FINAL_STATUSES)
# Not yet completed: what engineering still has to do.
WORKING_STATUSES = ("登记", "已派工", "维修中", "暂停", "转外单位")
MAX_TEXT = 2000


def limits(desk: Desk) -> deadlines.Limits:
    values = settings_service.get_all(desk)
    return deadlines.Limits(
        dispatch_minutes=values["limits.repair_dispatch_minutes"],
        urgent_onsite_minutes=values["limits.urgent_onsite_minutes"],
        complaint_hours=values["limits.complaint_hours"],
        callback_hours=values["limits.callback_hours"],
    )


# --- reading -----------------------------------------------------------------------------------


def get_order(desk: Desk, order_id: int) -> OrderRow:
    order = repairs_store.get(desk.db, order_id)
    if order is None:
        raise NotFoundError(f"维修工单 {order_id} 不存在。")
    return order


def find_order(desk: Desk, order_no: str) -> OrderRow:
    order = repairs_store.by_number(desk.db, order_no.strip().upper())
    if order is None:
        raise NotFoundError(f"没有维修单号 {order_no.strip()}。")
    return order


def masked(order: OrderRow) -> OrderRow:
    return replace(order, phone=mask_phone(order.phone))


def count_orders(desk: Desk, query: OrderQuery) -> int:
    return repairs_store.count(desk.db, query)


def list_orders(
    desk: Desk, query: OrderQuery, *, limit: int = 200, offset: int = 0
) -> list[OrderRow]:
    """A page of orders, newest first, phones masked."""
    return [masked(o) for o in repairs_store.page(desk.db, query, limit=limit, offset=offset)]


def overdue_query(desk: Desk, query: OrderQuery) -> OrderQuery:
    """``query`` limited to orders late on a limit now (dispatch, urgent arrival, callback)."""
    now = desk.clock.now()
    lim = limits(desk)
    return replace(
        query,
        overdue_before=(
            to_text(now - timedelta(minutes=lim.dispatch_minutes)),
            to_text(now - timedelta(minutes=lim.urgent_onsite_minutes)),
            to_text(now),
        ),
    )


@dataclass(frozen=True)
class OrderDetail:
    order: OrderRow  # phone in full: the technician and the callback need it
    materials: list[MaterialRow]
    events: list[EventRow]
    callback: callbacks_store.CallbackRow | None
    attempts: list[callbacks_store.AttemptRow]


def order_detail(desk: Desk, order_id: int) -> OrderDetail:
    order = get_order(desk, order_id)
    callback = callbacks_store.latest_for_repair(desk.db, order_id)
    return OrderDetail(
        order,
        repairs_store.materials(desk.db, order_id),
        repairs_store.events(desk.db, order_id),
        callback,
        callbacks_store.attempts(desk.db, callback.id) if callback else [],
    )


def running_deadline(desk: Desk, order: OrderRow, lim: deadlines.Limits | None = None):
    """The time limit running on an order now, or None (see core.deadlines)."""
    lim = lim or limits(desk)
    if (
        order.status == "已完工"
        and order.completed_at
        and order.callback_due_at
        and order.callback_status == "due"
    ):
        return deadlines.Deadline(
            deadlines.CALLBACK, from_text(order.completed_at), from_text(order.callback_due_at)
        )
    return deadlines.repair_deadline(
        status=order.status,
        urgent=order.urgency == "紧急",
        reported_at=from_text(order.reported_at),
        arrived_at=from_text(order.arrived_at) if order.arrived_at else None,
        limits=lim,
    )


# --- writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewRepair:
    content: str
    unit: str = ""  # a typed room, any spelling
    unit_id: int | None = None
    place_id: int | None = None
    reporter: str = ""
    phone: str = ""
    contact_person_id: int | None = None  # use this person's phone from the directory
    appointment: str = ""
    urgency: str = "一般"
    note: str = ""


def clean_text(value: str, label: str, field: str, *, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"请填写{label}。", field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{label}过长（最多 {MAX_TEXT} 字）。", field=field)
    return text


def clean_phone(desk: Desk, phone: str, person_id: int | None) -> str:
    if person_id is not None and not phone.strip():
        return locations.phone_of_person(desk, person_id)
    if not phone.strip():
        return ""
    try:
        return validate_phone(phone)
    except ValidationError as error:
        raise ValidationError(error.message, field="phone") from None


def _next_order_no(desk: Desk, at: datetime) -> str:
    prefix = day_prefix(NUMBER_LETTERS, at.date())
    return next_number(
        NUMBER_LETTERS, at.date(), repairs_store.last_number_with_prefix(desk.db, prefix)
    )


@dataclass(frozen=True)
class CheckedRepair:
    location: locations.Location
    content: str
    reporter: str
    phone: str
    appointment: str
    urgency: str
    note: str


def check_new_repair(desk: Desk, new: NewRepair) -> CheckedRepair:
    content = clean_text(new.content, "报修内容", "content", required=True)
    location = locations.resolve(desk, unit_id=new.unit_id, unit=new.unit, place_id=new.place_id)
    if location.empty:
        raise ValidationError("请填写房号或选择公共区域。", field="unit")
    if new.urgency not in REPAIR_URGENCIES:
        raise ValidationError("紧急程度只能是“一般”或“紧急”。", field="urgency")
    return CheckedRepair(
        location,
        content,
        clean_text(new.reporter, "报修人", "reporter"),
        clean_phone(desk, new.phone, new.contact_person_id),
        clean_text(new.appointment, "预约时间", "appointment"),
        new.urgency,
        clean_text(new.note, "备注", "note"),
    )


def insert_order(op: Operation, checked: CheckedRepair, *, reception_id: int | None) -> int:
    """Write a checked new order inside an open operation (reception uses this too)."""
    at = from_text(op.at)
    order_no = _next_order_no(op.desk, at)
    order_id = repairs_store.insert(
        op.db,
        repairs_store.NewOrder(
            order_no=order_no,
            reported_at=op.at,
            unit_id=checked.location.unit_id,
            place_id=checked.location.place_id,
            location=checked.location.text,
            building=checked.location.building,
            reporter=checked.reporter,
            phone=checked.phone,
            content=checked.content,
            appointment=checked.appointment,
            urgency=checked.urgency,
            reception_id=reception_id,
            note=checked.note,
        ),
        created_at=op.at,
        created_by=op.operator_id,
        created_shift=op.shift_id,
    )
    _event(op, order_id, None, "登记", "")
    op.record(
        "repair_orders",
        order_id,
        operation="repair_order_created",
        order_no=order_no,
        location=checked.location.text,
        urgency=checked.urgency,
    )
    return order_id


def create_order(desk: Desk, new: NewRepair) -> Done[OrderRow]:
    """Register an order without a reception entry (public places, engineering's own finds)."""
    checked = check_new_repair(desk, new)
    with desk.operation("repair_order_created") as op:
        order_id = insert_order(op, checked, reception_id=None)
    return op.done(get_order(desk, order_id))


def _event(op: Operation, order_id: int, old: str | None, new: str, detail: str) -> None:
    event_id = repairs_store.insert_event(
        op.db,
        order_id,
        at=op.at,
        from_status=old,
        to_status=new,
        detail=detail,
        created_by=op.operator_id,
        created_shift=op.shift_id,
    )
    op.touch("repair_events", [event_id])


def _require_status(order: OrderRow, allowed: tuple[str, ...], what: str) -> None:
    if order.status not in allowed:
        raise ValidationError(
            f"工单 {order.order_no} 当前状态为“{order.status}”，不能{what}。", field="status"
        )


def _moment(desk: Desk, text: str | None, label: str, field: str) -> str:
    """A time typed by the clerk (``2026-11-20 09:30`` or ISO), never in the future."""
    if text is None or not str(text).strip():
        return desk.now_text()
    raw = str(text).strip().replace("/", "-")
    try:
        moment = from_text(raw.replace(" ", "T", 1))
    except ValueError:
        raise ValidationError(f"{label}格式不正确（如 2026-11-20 09:30）。", field=field) from None
    if moment > desk.clock.now() + timedelta(minutes=1):
        raise ValidationError(f"{label}不能晚于现在。", field=field)
    return to_text(moment)


def _change_status(
    desk: Desk,
    order: OrderRow,
    operation: str,
    new_status: str,
    changes: dict[str, object],
    detail: str,
    **audit: Any,
) -> Done[OrderRow]:
    with desk.operation(operation) as op:
        _write_status(op, order, new_status, changes, detail, **audit)
    return op.done(get_order(desk, order.id))


def _write_status(
    op: Operation,
    order: OrderRow,
    new_status: str,
    changes: dict[str, object],
    detail: str,
    **audit: Any,
) -> None:
    repairs_store.update(op.db, order.id, {"status": new_status, **changes}, op.at)
    _event(op, order.id, order.status, new_status, detail)
    op.record(
        "repair_orders",
        order.id,
        order_no=order.order_no,
        status=f"{order.status}→{new_status}",
        **audit,
    )
    if order.reception_id is not None:
        _follow_reception(op, order.reception_id, new_status, detail)


def _follow_reception(op: Operation, entry_id: int, status: str, detail: str) -> None:
    """The reception entry of a repair call shows the order's progress and closes with it."""
    if status in ("已回访", "已取消"):
        reception_store.update(
            op.db,
            entry_id,
            {
                "status": "closed",
                "result": "已回访" if status == "已回访" else f"已取消：{detail}",
                "completed_at": op.at,
            },
            op.at,
        )
    elif status == "已完工":
        reception_store.update(op.db, entry_id, {"handled_at": op.at, "status": "handled"}, op.at)
    else:
        reception_store.update(op.db, entry_id, {"status": "open"}, op.at)
    op.touch("reception_entries", [entry_id])


def dispatch(
    desk: Desk, order_id: int, technician_id: int | None, *, appointment: str | None = None
) -> Done[OrderRow]:
    """Send the order to a technician (or reassign it); the 3-minute limit stops here."""
    order = get_order(desk, order_id)
    _require_status(order, ("登记", "已派工", "暂停", "转外单位"), "派工")
    if technician_id is None:
        raise ValidationError("请选择维修人员。", field="technician")
    technician = setup_store.technician(desk.db, technician_id)
    if technician is None or not technician.active:
        raise ValidationError("该维修人员不存在或已停用。", field="technician")
    changes: dict[str, object] = {"technician_id": technician.id}
    if order.dispatched_at is None:
        changes["dispatched_at"] = desk.now_text()
    if appointment is not None:
        changes["appointment"] = clean_text(appointment, "预约时间", "appointment")
    new_status = "维修中" if order.arrived_at else "已派工"
    return _change_status(
        desk,
        order,
        "repair_dispatched",
        new_status,
        changes,
        f"派工给 {technician.name}",
        technician=technician.name,
    )


def record_arrival(desk: Desk, order_id: int, *, at: str | None = None) -> Done[OrderRow]:
    order = get_order(desk, order_id)
    _require_status(order, ("已派工",), "登记到场")
    arrived = _moment(desk, at, "到场时间", "arrived_at")
    if arrived < order.reported_at:
        raise ValidationError("到场时间不能早于报修时间。", field="arrived_at")
    return _change_status(
        desk, order, "repair_arrived", "维修中", {"arrived_at": arrived}, "维修人员到场"
    )


@dataclass(frozen=True)
class MaterialInput:
    name: str
    quantity: str  # as typed: 2, 1.5
    unit_price: str  # yuan as typed
    unit: str = ""
    price_id: int | None = None


@dataclass(frozen=True)
class Completion:
    work_done: str
    materials: tuple[MaterialInput, ...] = ()
    labour: str = ""  # yuan as typed; empty = 0
    paid: bool = False
    owner_signed: bool = False
    signed_by: str = ""
    completed_at: str | None = None  # default now
    arrived_at: str | None = None  # when arrival was not recorded before


@dataclass(frozen=True)
class CheckedMaterial:
    price_id: int | None
    name: str
    unit: str
    quantity_centi: int
    price_fen: int
    amount_fen: int


def check_materials(desk: Desk, materials: tuple[MaterialInput, ...]) -> list[CheckedMaterial]:
    checked = []
    for number, item in enumerate(materials, start=1):
        field = f"material_{number}"
        name = item.name.strip()
        if not name:
            raise ValidationError(f"第 {number} 项材料缺少名称。", field=field)
        if item.price_id is not None and setup_store.price(desk.db, item.price_id) is None:
            raise ValidationError(f"第 {number} 项材料不在价格表中。", field=field)
        try:
            quantity = parse_quantity_centi(item.quantity)
            price = parse_fen(item.unit_price)
        except ValidationError as error:
            raise ValidationError(f"第 {number} 项材料：{error.message}", field=field) from None
        checked.append(
            CheckedMaterial(
                item.price_id,
                name[:100],
                item.unit.strip()[:20],
                quantity,
                price,
                line_amount_fen(price, quantity),
            )
        )
    return checked


def complete(desk: Desk, order_id: int, completion: Completion) -> Done[OrderRow]:
    """Record the work done, materials and labour; the order waits for its callback."""
    order = get_order(desk, order_id)
    _require_status(order, ("已派工", "维修中", "转外单位"), "完工")
    work_done = clean_text(completion.work_done, "维修情况/处理结果", "work_done", required=True)
    arrived = order.arrived_at
    if arrived is None and completion.arrived_at:
        arrived = _moment(desk, completion.arrived_at, "到场时间", "arrived_at")
        if arrived < order.reported_at:
            raise ValidationError("到场时间不能早于报修时间。", field="arrived_at")
    if arrived is None and order.status != "转外单位":
        raise ValidationError("请先登记维修人员到场时间。", field="arrived_at")
    completed = _moment(desk, completion.completed_at, "完工时间", "completed_at")
    if arrived is not None and completed < arrived:
        raise ValidationError("完工时间不能早于到场时间。", field="completed_at")
    if completed < order.reported_at:
        raise ValidationError("完工时间不能早于报修时间。", field="completed_at")
    materials = check_materials(desk, completion.materials)
    try:
        labour = parse_fen(completion.labour) if completion.labour.strip() else 0
    except ValidationError as error:
        raise ValidationError(f"人工费：{error.message}", field="labour") from None
    material_total = sum(m.amount_fen for m in materials)
    if completion.paid and labour + material_total == 0:
        raise ValidationError("有偿服务须填写人工费或所用材料。", field="labour")
    signed_by = clean_text(completion.signed_by, "签字人", "signed_by")[:40]
    lim = limits(desk)
    callback_due = deadlines.repair_callback_deadline(from_text(completed), lim).due_at
    if completion.paid and order.unit_id is not None:
        repair_charges.ensure_chargeable(desk)
    with desk.operation("repair_completed") as op:
        material_ids = repairs_store.delete_materials(op.db, order.id)
        for m in materials:
            material_id = repairs_store.insert_material(
                op.db,
                order.id,
                price_id=m.price_id,
                name=m.name,
                unit=m.unit,
                quantity_centi=m.quantity_centi,
                price_fen=m.price_fen,
                amount_fen=m.amount_fen,
                created_at=op.at,
                created_by=op.operator_id,
                created_shift=op.shift_id,
            )
            material_ids.append(material_id)
        op.touch("repair_materials", material_ids)
        _write_status(
            op,
            order,
            "已完工",
            {
                "arrived_at": arrived,
                "completed_at": completed,
                "work_done": work_done,
                "labour_fen": labour,
                "material_fen": material_total,
                "paid": int(completion.paid),
                "owner_signed": int(completion.owner_signed),
                "signed_by": signed_by,
            },
            "完工" + ("（有偿）" if completion.paid else ""),
            labour_fen=labour,
            material_fen=material_total,
            paid=completion.paid,
            materials=[f"{m.name}×{m.quantity_centi / 100:g}" for m in materials],
        )
        if completion.paid and order.unit_id is not None:
            repair_charges.charge_repair_in(
                desk,
                op,
                unit_id=order.unit_id,
                order_no=order.order_no,
                amount_fen=labour + material_total,
                work=work_done[:40],
            )
        callback_id = callbacks_store.insert(
            op.db,
            repair_order_id=order.id,
            reception_id=None,
            started_at=completed,
            due_at=to_text(callback_due),
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.touch("callbacks", [callback_id])
    return op.done(get_order(desk, order.id))


def hold(desk: Desk, order_id: int, reason: str) -> Done[OrderRow]:
    """暂停/待料: waiting for parts or for the owner."""
    order = get_order(desk, order_id)
    _require_status(order, ("登记", "已派工", "维修中"), "暂停")
    why = clean_text(reason, "暂停原因", "reason", required=True)
    return _change_status(
        desk, order, "repair_held", "暂停", {"status_reason": why}, why, reason=why
    )


def resume(desk: Desk, order_id: int) -> Done[OrderRow]:
    order = get_order(desk, order_id)
    _require_status(order, ("暂停",), "恢复")
    if order.arrived_at:
        back = "维修中"
    elif order.technician_id:
        back = "已派工"
    else:
        back = "登记"
    return _change_status(desk, order, "repair_resumed", back, {"status_reason": ""}, "恢复维修")


def refer_out(
    desk: Desk, order_id: int, contractor: str, *, appointment: str = ""
) -> Done[OrderRow]:
    """转外单位: the contractor is contacted, a time fixed and the owner told."""
    order = get_order(desk, order_id)
    _require_status(order, ("登记", "已派工", "维修中", "暂停"), "转外单位")
    name = clean_text(contractor, "外单位名称", "contractor", required=True)[:100]
    changes: dict[str, object] = {"contractor": name}
    if appointment.strip():
        changes["appointment"] = clean_text(appointment, "预约时间", "appointment")
    return _change_status(
        desk, order, "repair_referred", "转外单位", changes, f"转 {name}", contractor=name
    )


def cancel(desk: Desk, order_id: int, reason: str) -> Done[OrderRow]:
    order = get_order(desk, order_id)
    _require_status(order, WORKING_STATUSES, "取消")
    why = clean_text(reason, "取消原因", "reason", required=True)
    return _change_status(
        desk,
        order,
        "repair_cancelled",
        "已取消",
        {"status_reason": why, "closed_at": desk.now_text()},
        why,
        reason=why,
    )


def correct_content(desk: Desk, order_id: int, content: str, reason: str) -> Done[OrderRow]:
    """更正报修内容: the order's text corrected before anyone was sent (登记, or 转外单位
    before a visit); the event keeps the reason, the work order prints the new text."""
    order = get_order(desk, order_id)
    _require_status(order, ("登记", "转外单位"), "更正报修内容")
    if order.dispatched_at or order.arrived_at:
        raise ValidationError(f"工单 {order.order_no} 已派工，不能再更正报修内容。", field="status")
    text = clean_text(content, "报修内容", "content", required=True)
    why = clean_text(reason, "更正原因", "reason", required=True)
    if text == order.content:
        return Done(order, NO_CHANGES)
    with desk.operation("repair_content_corrected") as op:
        repairs_store.update(op.db, order.id, {"content": text}, op.at)
        _event(op, order.id, order.status, order.status, f"更正报修内容：{why}")
        op.record("repair_orders", order.id, order_no=order.order_no, reason=why)
    return op.done(get_order(desk, order.id))


def reopen_after_callback(op: Operation, order: OrderRow, comment: str) -> None:
    """An unsatisfied callback sends the order back to its technician (返修)."""
    new_status = "已派工" if order.technician_id else "登记"
    _write_status(
        op,
        order,
        new_status,
        {"arrived_at": None, "completed_at": None},
        f"回访不满意，返修：{comment}".rstrip("："),
    )


def close_after_callback(op: Operation, order: OrderRow, result: str) -> None:
    _write_status(op, order, "已回访", {"closed_at": op.at}, f"回访：{result}", result=result)


# --- the daily dispatch sheet ------------------------------------------------------------------


def dispatch_rows(desk: Desk) -> list[OrderRow]:
    """Open orders to be worked on (not completed, held orders included), per technician."""
    rows = repairs_store.open_orders(desk.db, WORKING_STATUSES)
    return sorted(
        rows,
        key=lambda o: (o.technician_name is None, o.technician_name or "", o.reported_at),
    )


def paid_charges(desk: Desk, *, since: str | None = None) -> list[OrderRow]:
    """Completed paid orders with their totals, for the fee ledger to charge to the unit."""
    return repairs_store.completed_paid_orders(desk.db, since=since)


def unit_orders(desk: Desk, unit_id: int, *, limit: int = 200) -> list[OrderRow]:
    return list_orders(desk, OrderQuery(unit_id=unit_id), limit=limit)
