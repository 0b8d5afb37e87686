"""The reception log (业户来电、来访接待记录表): every call, visit and letter as it happens.

A 报修 entry registers its repair order in the same transaction (linked both ways); a
投诉 gets the complaint deadline (24 hours by default), a department and a handling
record, and closes only after its callback (see ``callbacks``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from desk_app.core import deadlines
from desk_app.core.clock import from_text, to_text
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_phone
from desk_app.core.numbering import day_prefix, next_number
from desk_app.core.vocabularies import RECEPTION_CATEGORIES, RECEPTION_CHANNELS
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import locations
from desk_app.services.operations import Done, Operation
from desk_app.services.repairs import orders as repairs
from desk_app.storage.reception import entries as reception_store
from desk_app.storage.reception.entries import EntryQuery, EntryRow
from desk_app.storage.repairs import callbacks as callbacks_store

__all__ = ["RECEPTION_CATEGORIES", "RECEPTION_CHANNELS", "EntryQuery", "EntryRow"]

NUMBER_LETTERS = "JD"
STATUS_LABELS = {"open": "待处理", "handled": "待回访", "closed": "已办结"}
# Categories the clerk usually answers on the spot (the entry closes when a result is given).
ON_THE_SPOT = ("咨询", "建议", "求助", "表扬", "其他")

# Single keys for the entry form: 方式 and 类别 (DOMAIN.md §2).
CHANNEL_KEYS = {"1": "来电", "2": "来访", "3": "来函", "4": "其他"}
CATEGORY_KEYS = {
    "Z": "咨询",
    "B": "报修",
    "T": "投诉",
    "J": "建议",
    "Q": "求助",
    "Y": "表扬",
    "O": "其他",
}


@dataclass(frozen=True)
class NewEntry:
    channel: str
    category: str
    content: str
    unit: str = ""
    unit_id: int | None = None
    place_id: int | None = None
    caller_name: str = ""
    phone: str = ""
    contact_person_id: int | None = None
    department: str = ""
    handling: str = ""
    result: str = ""
    note: str = ""
    # for 报修
    urgency: str = "一般"
    appointment: str = ""


@dataclass(frozen=True)
class Recorded:
    entry: EntryRow
    order: repairs.OrderRow | None


def get_entry(desk: Desk, entry_id: int) -> EntryRow:
    entry = reception_store.get(desk.db, entry_id)
    if entry is None:
        raise NotFoundError(f"接待记录 {entry_id} 不存在。")
    return entry


def find_entry(desk: Desk, entry_no: str) -> EntryRow:
    entry = reception_store.by_number(desk.db, entry_no.strip().upper())
    if entry is None:
        raise NotFoundError(f"没有接待编号 {entry_no.strip()}。")
    return entry


def masked(entry: EntryRow) -> EntryRow:
    return replace(entry, phone=mask_phone(entry.phone))


def count_entries(desk: Desk, query: EntryQuery) -> int:
    return reception_store.count(desk.db, query)


def list_entries(
    desk: Desk, query: EntryQuery, *, limit: int = 200, offset: int = 0
) -> list[EntryRow]:
    """A page of the log, newest first, phones masked."""
    return [masked(e) for e in reception_store.page(desk.db, query, limit=limit, offset=offset)]


def overdue_query(desk: Desk, query: EntryQuery) -> EntryQuery:
    return replace(query, overdue_before=desk.now_text())


def departments(desk: Desk) -> list[str]:
    return list(settings_service.get(desk, "reception.departments"))


def complaint_deadline(desk: Desk, entry: EntryRow) -> deadlines.Deadline | None:
    if entry.status != "open" or entry.due_at is None:
        return None
    return deadlines.Deadline(
        deadlines.COMPLAINT, from_text(entry.received_at), from_text(entry.due_at)
    )


def _next_entry_no(desk: Desk, at: datetime) -> str:
    prefix = day_prefix(NUMBER_LETTERS, at.date())
    return next_number(
        NUMBER_LETTERS, at.date(), reception_store.last_number_with_prefix(desk.db, prefix)
    )


def record(desk: Desk, new: NewEntry) -> Done[Recorded]:
    """Write one entry of the log (and its repair order for 报修) in one transaction."""
    if new.channel not in RECEPTION_CHANNELS:
        raise ValidationError("请选择方式（来电/来访/来函/其他）。", field="channel")
    if new.category not in RECEPTION_CATEGORIES:
        raise ValidationError("请选择类别。", field="category")
    content = repairs.clean_text(new.content, "内容", "content", required=True)
    caller = repairs.clean_text(new.caller_name, "姓名", "caller_name")[:40]
    note = repairs.clean_text(new.note, "备注", "note")
    handling = repairs.clean_text(new.handling, "处理情况", "handling")
    result = repairs.clean_text(new.result, "处理结果", "result")
    department = new.department.strip()[:40]
    checked_repair = None
    if new.category == "报修":
        checked_repair = repairs.check_new_repair(
            desk,
            repairs.NewRepair(
                content=content,
                unit=new.unit,
                unit_id=new.unit_id,
                place_id=new.place_id,
                reporter=caller,
                phone=new.phone,
                contact_person_id=new.contact_person_id,
                appointment=new.appointment,
                urgency=new.urgency,
                note=note,
            ),
        )
        location, phone = checked_repair.location, checked_repair.phone
        department = "工程部"
    else:
        location = locations.resolve(
            desk, unit_id=new.unit_id, unit=new.unit, place_id=new.place_id
        )
        phone = repairs.clean_phone(desk, new.phone, new.contact_person_id)
    if new.category == "投诉" and not department:
        raise ValidationError("投诉须指定处理部门。", field="department")
    now = desk.clock.now()
    status, due_at, completed_at = "open", None, None
    if new.category == "投诉":
        due_at = to_text(deadlines.complaint_deadline(now, repairs.limits(desk)).due_at)
    elif new.category in ON_THE_SPOT and result:
        status, completed_at = "closed", to_text(now)
    with desk.operation("reception_recorded") as op:
        entry_no = _next_entry_no(desk, now)
        entry_id = reception_store.insert(
            op.db,
            reception_store.NewEntry(
                entry_no=entry_no,
                received_at=op.at,
                channel=new.channel,
                unit_id=location.unit_id,
                place_id=location.place_id,
                location=location.text,
                building=location.building,
                caller_name=caller,
                phone=phone,
                category=new.category,
                content=content,
                receiver_id=op.operator_id,
                department=department,
                handling=_stamped(op, handling) if handling else "",
                result=result,
                status=status,
                due_at=due_at,
                completed_at=completed_at,
                note=note,
            ),
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record(
            "reception_entries",
            entry_id,
            entry_no=entry_no,
            category=new.category,
            channel=new.channel,
            location=location.text,
        )
        order_id = None
        if checked_repair is not None:
            order_id = repairs.insert_order(op, checked_repair, reception_id=entry_id)
            reception_store.update(op.db, entry_id, {"repair_order_id": order_id}, op.at)
    entry = get_entry(desk, entry_id)
    return op.done(Recorded(entry, repairs.get_order(desk, order_id) if order_id else None))


def _with_line(op: Operation, record: str, text: str) -> str:
    """The handling record with one more stamped line."""
    stamped = _stamped(op, text)
    return f"{record}\n{stamped}" if record else stamped


def _stamped(op: Operation, text: str) -> str:
    name = op.desk.operator.display_name if op.desk.operator else ""
    return f"[{op.at[5:16].replace('T', ' ')} {name}] {text}".replace("  ", " ")


def record_handling(
    desk: Desk,
    entry_id: int,
    *,
    handling: str,
    result: str = "",
    finished: bool = False,
    department: str | None = None,
) -> Done[EntryRow]:
    """Add to the handling record; ``finished`` with a result completes the matter.

    A finished complaint waits for its callback (status 待回访); other entries close."""
    entry = get_entry(desk, entry_id)
    if entry.category == "报修":
        raise ValidationError("报修记录随维修工单办理，请在维修工单中处理。", field="handling")
    if entry.status != "open":
        raise ValidationError(f"接待记录 {entry.entry_no} 已处理完毕。", field="handling")
    note = repairs.clean_text(handling, "处理情况", "handling")
    outcome = repairs.clean_text(result, "处理结果", "result")
    if not note and not finished:
        raise ValidationError("请填写处理情况。", field="handling")
    if finished and not outcome:
        raise ValidationError("办结须填写处理结果。", field="result")
    with desk.operation("reception_handled") as op:
        changes: dict[str, object] = {}
        if note:
            changes["handling"] = _with_line(op, entry.handling, note)
        if department is not None and department.strip():
            changes["department"] = department.strip()[:40]
        if finished:
            changes["result"] = outcome
            changes["handled_at"] = op.at
            if entry.category == "投诉":
                changes["status"] = "handled"
                due = deadlines.complaint_callback_deadline(
                    from_text(op.at), repairs.limits(desk)
                ).due_at
                callback_id = callbacks_store.insert(
                    op.db,
                    repair_order_id=None,
                    reception_id=entry.id,
                    started_at=op.at,
                    due_at=to_text(due),
                    created_at=op.at,
                    created_by=op.operator_id,
                    created_shift=op.shift_id,
                )
                op.touch("callbacks", [callback_id])
            else:
                changes["status"] = "closed"
                changes["completed_at"] = op.at
        reception_store.update(op.db, entry.id, changes, op.at)
        op.record(
            "reception_entries",
            entry.id,
            entry_no=entry.entry_no,
            finished=finished,
            status=changes.get("status", entry.status),
        )
    return op.done(get_entry(desk, entry.id))


def escalate(desk: Desk, entry_id: int, reason: str) -> Done[EntryRow]:
    """Raise a matter to the supervisor (重大事件 or beyond the clerk)."""
    entry = get_entry(desk, entry_id)
    why = repairs.clean_text(reason, "上报原因", "reason", required=True)
    if entry.escalated:
        raise ValidationError(f"接待记录 {entry.entry_no} 已上报主管。", field="reason")
    with desk.operation("reception_escalated") as op:
        reception_store.update(
            op.db,
            entry.id,
            {
                "escalated": 1,
                "handling": _with_line(op, entry.handling, f"上报主管：{why}"),
            },
            op.at,
        )
        op.record("reception_entries", entry.id, entry_no=entry.entry_no, reason=why)
    return op.done(get_entry(desk, entry.id))


def reopen_after_callback(op: Operation, entry: EntryRow, comment: str) -> None:
    """An unsatisfied complaint callback opens the complaint again with a fresh deadline."""
    due = deadlines.complaint_deadline(from_text(op.at), repairs.limits(op.desk)).due_at
    reception_store.update(
        op.db,
        entry.id,
        {
            "status": "open",
            "due_at": to_text(due),
            "handled_at": None,
            "handling": _with_line(
                op, entry.handling, f"回访不满意，重新处理：{comment}".rstrip("：")
            ),
        },
        op.at,
    )
    op.touch("reception_entries", [entry.id])


def close_after_callback(op: Operation, entry: EntryRow, *, escalated: bool) -> None:
    changes: dict[str, object] = {"status": "closed", "completed_at": op.at}
    if escalated:
        changes["escalated"] = 1
    reception_store.update(op.db, entry.id, changes, op.at)
    op.touch("reception_entries", [entry.id])


def unit_entries(desk: Desk, unit_id: int, *, limit: int = 200) -> list[EntryRow]:
    return list_entries(desk, EntryQuery(unit_id=unit_id), limit=limit)


def within(desk: Desk, days: int) -> EntryQuery:
    """Entries of the last ``days`` days (the tab's default view)."""
    start = desk.clock.now().date() - timedelta(days=days - 1)
    return EntryQuery(date_from=start.isoformat())
