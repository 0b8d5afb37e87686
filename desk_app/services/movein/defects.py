"""The joint inspection (联合验房) and its defects (遗留问题), tracked to re-inspection.

Each cell of rooms × items is saved on its own (合格 / 有问题). A defect (room, item,
category, note) becomes a repair order at once: source 入住, free, with engineering or
referred to the developer's contractor, due in the setting's working days (default 7).
When the order is completed the defect awaits re-inspection (待复验, read from the order:
repairs knows nothing of move-in); the owner's re-inspection closes it (and the order's
callback) or reopens the order (返修). Photos are downscaled and kept in the file."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from desk_app.core import movein as rules
from desk_app.core.clock import from_text
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.movein import handover as handover_service
from desk_app.services.movein import setup
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.services.repairs import callbacks, orders
from desk_app.storage.movein import defects as store
from desk_app.storage.movein import handovers as handovers_store
from desk_app.storage.movein.defects import DefectRow, PhotoRow, ReinspectionRow
from desk_app.storage.repairs import orders as repairs_store

__all__ = ["DefectRow", "PhotoRow", "ReinspectionRow"]

PHOTO_LONG_SIDE = 1600
PHOTO_QUALITY = 80
MAX_PHOTO_BYTES = 25 * 1024 * 1024
MAX_PHOTO_PIXELS = 60_000_000
MAX_NOTE = 500
SOURCE = "入住"
COMPLETED = ("已完工", "已回访")
FINISHED = (*COMPLETED, "已取消")
"""An order in these states is no longer late, whatever its deadline (the due-now list's rule)."""
ENGINEERING = "工程部"


def defect_state(row: DefectRow) -> str:
    """待整改 / 待复验 (its repair completed) / 已复验."""
    if row.state == "已复验":
        return "已复验"
    if row.order_status == "已完工":
        return rules.AWAITING_REINSPECTION
    return row.state


def get_defect(desk: Desk, defect_id: int) -> DefectRow:
    row = store.defect(desk.db, defect_id)
    if row is None:
        raise NotFoundError("该遗留问题不存在。", field="defect")
    return row


def defect_list(
    desk: Desk, *, open_only: bool = False, building: str | None = None, late_only: bool = False
) -> list[DefectRow]:
    """The defects for the developer, by building and unit: all, the open ones (待整改 and
    待复验), or the late ones (open, past their deadline, the repair not finished)."""
    rows = store.defect_list(desk.db, open_only=open_only or late_only, building=building)
    if late_only:
        today = desk.clock.now().date()
        rows = [r for r in rows if is_late(r, today)]
    return rows


def fixer(row: DefectRow) -> str:
    """Who fixes the defect (整改单位): the contractor its order was referred to, else 工程部."""
    return row.contractor or ENGINEERING


def defects_of_handover(desk: Desk, handover_id: int) -> list[DefectRow]:
    return store.defects_of_handover(desk.db, handover_id)


def defects_of_unit(desk: Desk, unit_id: int) -> list[DefectRow]:
    return store.defects_of_unit(desk.db, unit_id)


def cells(desk: Desk, handover_id: int) -> list[handovers_store.CellRow]:
    return handovers_store.cells(desk.db, handover_id)


def _check_place(desk: Desk, unit_kind: str, room: str, item: str) -> tuple[str, str]:
    room, item = (room or "").strip(), (item or "").strip()
    if room not in setup.rooms_for(desk, unit_kind):
        raise ValidationError(f"验房房间中没有“{room}”。", field="room")
    if item not in setup.items(desk):
        raise ValidationError(f"验房项目中没有“{item}”。", field="item")
    return room, item


def save_cell(
    desk: Desk, handover_id: int, room: str, item: str, result: str
) -> Done[handovers_store.CellRow]:
    """One cell of the inspection grid: 合格 or 有问题."""
    current = handover_service._open(desk, handover_id)
    unit_kind = _unit_kind(desk, current.handover.unit_id)
    room, item = _check_place(desk, unit_kind, room, item)
    if result not in rules.CELL_RESULTS:
        raise ValidationError("验房结果只能是“合格”或“有问题”。", field="result")
    with desk.operation("movein_cell_saved") as op:
        cell_id = handovers_store.put_cell(op.db, handover_id, room, item, result, op.stamp)
        op.record("movein_cells", cell_id, room=room, item=item, result=result)
    return op.done(next(c for c in cells(desk, handover_id) if c.id == cell_id))


def _unit_kind(desk: Desk, unit_id: int) -> str:
    from desk_app.services.directory import estate

    return estate.get_unit(desk, unit_id).kind


@dataclass(frozen=True)
class DefectInput:
    room: str
    item: str
    category: str
    note: str = ""
    contractor: str = ""  # the developer's contractor; blank: the estate's engineering


def _checked_category(desk: Desk, category: str, allowed: tuple[str, ...] = ()) -> str:
    """The category as chosen (one of the settings', or ``allowed``: the defect's own when
    the settings have changed since)."""
    text = (category or "").strip()
    if text not in setup.defect_categories(desk) and text not in allowed:
        raise ValidationError("请选择问题类别。", field="category")
    return text


def _checked_note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE:
        raise ValidationError(f"问题描述过长（最多 {MAX_NOTE} 字）。", field="note")
    return text


def _order_content(room: str, item: str, category: str, note: str) -> str:
    content = f"入住验房遗留问题：{room} {item} {category}" + (f"：{note}" if note else "")
    return content[: orders.MAX_TEXT]


def _checked_order(
    desk: Desk, current: handover_service.HandoverState, content: str, due_on: str
) -> orders.CheckedRepair:
    return orders.check_new_repair(
        desk,
        orders.NewRepair(
            content=content,
            unit_id=current.handover.unit_id,
            reporter=current.handover.person_name or "",
            contact_person_id=current.handover.person_id,
            note=f"入住交房，无偿维修，{due_on} 前完成",
        ),
    )


def _open_order(op: Operation, checked: orders.CheckedRepair, due_on: str, contractor: str) -> int:
    """A defect's repair order: source 入住, free, due on the defect's deadline, with
    engineering or referred to the contractor."""
    order_id = orders.insert_order(op, checked, reception_id=None)
    repairs_store.update(op.db, order_id, {"source": SOURCE, "due_by": due_on, "paid": 0}, op.at)
    if contractor:
        orders.refer_out(op.desk, order_id, contractor)
    return order_id


def add_defect(desk: Desk, handover_id: int, new: DefectInput) -> Done[DefectRow]:
    """A defect of the inspection: the cell marked 有问题 and a free repair order, due in
    the setting's working days, with engineering or referred to the contractor."""
    current = handover_service._open(desk, handover_id)
    unit_id = current.handover.unit_id
    room, item = _check_place(desk, _unit_kind(desk, unit_id), new.room, new.item)
    category = _checked_category(desk, new.category)
    note = _checked_note(new.note)
    contractor = (new.contractor or "").strip()[:100]
    today = desk.clock.now().date()
    due_on = rules.add_working_days(today, setup.defect_days(desk)).isoformat()
    checked = _checked_order(desk, current, _order_content(room, item, category, note), due_on)
    with desk.operation("movein_defect_recorded") as op:
        cell_id = handovers_store.put_cell(op.db, handover_id, room, item, "有问题", op.stamp)
        op.touch("movein_cells", [cell_id])
        defect_id = store.insert_defect(
            op.db,
            store.NewDefect(handover_id, unit_id, room, item, category, note, due_on),
            op.stamp,
        )
        order_id = _open_order(op, checked, due_on, contractor)
        store.update_defect(op.db, defect_id, {"repair_order_id": order_id}, op.at)
        op.record(
            "movein_defects",
            defect_id,
            room=room,
            item=item,
            category=category,
            due_on=due_on,
            order_id=order_id,
        )
    return op.done(get_defect(desk, defect_id))


def _live_defect(desk: Desk, defect_id: int) -> DefectRow:
    defect = get_defect(desk, defect_id)
    if defect.removed_at is not None:
        raise ValidationError("该遗留问题已删除。", field="defect")
    return defect


def defect_at(desk: Desk, handover_id: int, room: str, item: str) -> DefectRow | None:
    """The defect recorded at a cell of the inspection (the latest), None if none is."""
    found = [d for d in defects_of_handover(desk, handover_id) if (d.room, d.item) == (room, item)]
    return found[-1] if found else None


def clear_cell(desk: Desk, handover_id: int, room: str, item: str) -> Done[None]:
    """A cell of the inspection back to not inspected (marked OK by mistake). A cell with
    a defect is cleared by removing the defect (``remove_defect``)."""
    current = handover_service._open(desk, handover_id)
    room, item = _check_place(desk, _unit_kind(desk, current.handover.unit_id), room, item)
    defect = defect_at(desk, handover_id, room, item)
    if defect is not None:
        raise ValidationError(
            f"{room} {item} 登记了遗留问题（维修工单 {defect.order_no or ''}），"
            "要清除请删除该问题并写明原因。",
            field="cell",
        )
    cell = handovers_store.cell(desk.db, handover_id, room, item)
    if cell is None:
        return Done(None, NO_CHANGES)
    with desk.operation("movein_cell_cleared") as op:
        handovers_store.delete_cell(op.db, cell.id)
        op.record("movein_cells", cell.id, room=room, item=item, result="")
    return op.done(None)


@dataclass(frozen=True)
class DefectChange:
    """A defect's category, note and who fixes it, as corrected."""

    category: str
    note: str = ""
    contractor: str = ""  # the developer's contractor; blank: the estate's engineering


def _order_of(desk: Desk, defect: DefectRow) -> orders.OrderRow | None:
    return orders.get_order(desk, defect.repair_order_id) if defect.repair_order_id else None


def edit_defect(desk: Desk, defect_id: int, change: DefectChange) -> Done[DefectRow]:
    """Correct a defect's category, note or who fixes it while its repair order has not
    been sent to anyone (登记, or with the contractor before a visit). The order's text
    follows; engineering's order is referred to the contractor; an order with a
    contractor who no longer fixes it is cancelled and a new one opened, due as before."""
    defect = _live_defect(desk, defect_id)
    current = handover_service._open(desk, defect.handover_id)
    category = _checked_category(desk, change.category, (defect.category,))
    note = _checked_note(change.note)
    contractor = (change.contractor or "").strip()[:100]
    order = _order_of(desk, defect)
    if order is not None and not rules.defect_changeable(
        order.status,
        dispatched=order.dispatched_at is not None,
        arrived=order.arrived_at is not None,
    ):
        raise ValidationError(
            f"维修工单 {order.order_no} 已派人维修（{order.status}），不能再修改该问题；"
            "请在维修工单中处理。",
            field="defect",
        )
    was_referred = order is not None and order.status == "转外单位"
    before = order.contractor if was_referred and order is not None else ""
    if (category, note, contractor) == (defect.category, defect.note, before):
        return Done(defect, NO_CHANGES)
    content = _order_content(defect.room, defect.item, category, note)
    checked = _checked_order(desk, current, content, defect.due_on)
    reason = "入住验房更正遗留问题"
    with desk.operation("movein_defect_changed") as op:
        store.update_defect(op.db, defect.id, {"category": category, "note": note}, op.at)
        if order is not None and contractor != before and was_referred:
            fixer = contractor or "工程部"
            orders.cancel(desk, order.id, f"{reason}：改由{fixer}维修，另开工单")
            new_order = _open_order(op, checked, defect.due_on, contractor)
            store.update_defect(op.db, defect.id, {"repair_order_id": new_order}, op.at)
        elif order is not None:
            orders.correct_content(desk, order.id, content, reason)
            if contractor != before:
                orders.refer_out(desk, order.id, contractor)
        op.record(
            "movein_defects",
            defect.id,
            category=category,
            note=note,
            contractor=contractor,
        )
    return op.done(get_defect(desk, defect.id))


def remove_defect(desk: Desk, defect_id: int, reason: str) -> Done[DefectRow]:
    """A defect recorded by mistake, removed before its repair has started (nobody has
    arrived): its repair order cancelled with the reason, the defect kept with its photos
    but left out of every list, and its cell back to not inspected."""
    defect = _live_defect(desk, defect_id)
    handover_service._open(desk, defect.handover_id)
    why = (reason or "").strip()[:200]
    if not why:
        raise ValidationError("删除遗留问题须写明原因。", field="reason")
    order = _order_of(desk, defect)
    if order is not None and not rules.defect_removable(
        order.status, arrived=order.arrived_at is not None
    ):
        raise ValidationError(
            f"维修工单 {order.order_no} 已开始维修（{order.status}），不能删除该问题。",
            field="defect",
        )
    with desk.operation("movein_defect_removed") as op:
        store.update_defect(
            op.db,
            defect.id,
            {"removed_at": op.at, "removed_by": op.operator_id, "removed_reason": why},
            op.at,
        )
        op.record("movein_defects", defect.id, removed=True, reason=why)
        if order is not None:
            orders.cancel(desk, order.id, f"入住验房误登记：{why}")
        others = defect_at(desk, defect.handover_id, defect.room, defect.item)
        cell = handovers_store.cell(op.db, defect.handover_id, defect.room, defect.item)
        if others is None and cell is not None:
            handovers_store.delete_cell(op.db, cell.id)
            op.touch("movein_cells", [cell.id])
    return op.done(get_defect(desk, defect.id))


def add_photo(desk: Desk, defect_id: int, data: bytes) -> Done[PhotoRow]:
    """A photo of a defect, from the original file's bytes (JPEG or PNG): turned upright,
    scaled down to at most 1600 px on the long side and kept as JPEG in the file."""
    defect = get_defect(desk, defect_id)
    image, width, height = _downscaled(data)
    with desk.operation("movein_photo_added") as op:
        photo_id = store.insert_photo(op.db, defect.id, image, width, height, len(data), op.stamp)
        op.record(
            "movein_photos", photo_id, defect_id=defect.id, bytes=len(image), original=len(data)
        )
    return op.done(next(p for p in store.photos(desk.db, defect.id) if p.id == photo_id))


def photos(desk: Desk, defect_id: int) -> list[PhotoRow]:
    return store.photos(desk.db, defect_id)


def _downscaled(data: bytes) -> tuple[bytes, int, int]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not data:
        raise ValidationError("照片文件是空的。", field="photo")
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            f"照片文件过大（{len(data) // (1024 * 1024)} MB，最大 25 MB）。", field="photo"
        )
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.format not in ("JPEG", "PNG"):
                raise ValidationError("只能添加 JPEG 或 PNG 照片。", field="photo")
            if opened.width * opened.height > MAX_PHOTO_PIXELS:
                raise ValidationError("照片像素过多，请换一张。", field="photo")
            picture = ImageOps.exif_transpose(opened)
            picture.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError("这不是可用的照片（JPEG 或 PNG）。", field="photo") from None
    if picture.mode not in ("RGB", "L"):
        background = Image.new("RGB", picture.size, "white")
        rgba = picture.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        picture = background
    size = rules.long_side_fit(picture.width, picture.height, PHOTO_LONG_SIDE)
    if size != picture.size:
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=PHOTO_QUALITY, optimize=True)
    return out.getvalue(), picture.width, picture.height


def reinspect(desk: Desk, defect_id: int, passed: bool, note: str = "") -> Done[DefectRow]:
    """The owner's re-inspection (复验) of a repaired defect: passed closes the defect and
    the order's callback; failed reopens the order (返修), the defect stays open."""
    defect = get_defect(desk, defect_id)
    if defect.state == "已复验":
        raise ValidationError("该问题已复验通过。", field="defect")
    if defect.repair_order_id is None or defect_state(defect) != rules.AWAITING_REINSPECTION:
        raise ValidationError(
            f"维修工单{(' ' + defect.order_no) if defect.order_no else ''}尚未完工，不能复验。",
            field="defect",
        )
    text = (note or "").strip()[:MAX_NOTE]
    if not passed and not text:
        raise ValidationError("复验不合格须写明问题。", field="note")
    callback = callbacks.for_order(desk, defect.repair_order_id)
    with desk.operation("movein_reinspected") as op:
        reinspection_id = store.insert_reinspection(
            op.db, defect.id, passed, text, defect.repair_order_id, op.stamp
        )
        op.touch("movein_reinspections", [reinspection_id])
        if passed:
            callbacks.record(
                desk, callback.id, reached=True, result="满意", comment=text or "复验合格"
            )
            store.update_defect(op.db, defect.id, {"state": "已复验", "closed_at": op.at}, op.at)
        else:
            callbacks.record(
                desk,
                callback.id,
                reached=True,
                result="不满意",
                comment=f"复验不合格：{text}",
                follow_up=callbacks.REOPEN,
            )
        op.record("movein_defects", defect.id, passed=passed, note=text)
    return op.done(get_defect(desk, defect.id))


def reinspections(desk: Desk, defect_id: int) -> list[ReinspectionRow]:
    return store.reinspections(desk.db, defect_id)


def is_late(row: DefectRow, today: date) -> bool:
    return (
        row.state == "待整改"
        and row.order_status not in FINISHED
        and row.due_on < today.isoformat()
    )


def days_late(row: DefectRow, now_text: str) -> int:
    return (from_text(now_text).date() - date.fromisoformat(row.due_on)).days
