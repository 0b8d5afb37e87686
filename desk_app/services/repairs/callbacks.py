"""The callback queue (回访): completed repairs (same day) and handled complaints (within
72 hours) wait here until the clerk reaches the caller.

A reached caller gives a result (满意 / 基本满意 / 不满意) and a comment; an unsatisfied
result either reopens the matter (返修 / 重新处理) or raises it to the supervisor. A caller
not reached is a failed attempt; after the configured number of attempts the callback may
be closed as unreachable (DOMAIN.md §2: 3–5 tries).
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.vocabularies import CALLBACK_RESULTS
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import orders as repairs
from desk_app.storage.repairs import callbacks as callbacks_store
from desk_app.storage.repairs.callbacks import AttemptRow, CallbackRow

__all__ = ["CALLBACK_RESULTS", "AttemptRow", "CallbackRow"]

REOPEN = "reopened"
ESCALATE = "escalated"
FOLLOW_UP_LABELS = {REOPEN: "重新处理（返修）", ESCALATE: "上报主管"}


def get(desk: Desk, callback_id: int) -> CallbackRow:
    row = callbacks_store.get(desk.db, callback_id)
    if row is None:
        raise NotFoundError(f"回访 {callback_id} 不存在。")
    return row


def queue(desk: Desk, *, due_before: str | None = None) -> list[CallbackRow]:
    """Open callbacks, soonest first (phones in full: the clerk dials them)."""
    return callbacks_store.due(desk.db, due_before=due_before)


def for_order(desk: Desk, order_id: int) -> CallbackRow:
    """The open callback of a repair order; refused while the order is not completed."""
    order = repairs.get_order(desk, order_id)
    row = callbacks_store.open_for_repair(desk.db, order_id)
    if row is None:
        if order.status == "已回访":
            raise ValidationError(f"工单 {order.order_no} 已回访。", field="result")
        raise ValidationError(
            f"工单 {order.order_no} 当前状态为“{order.status}”，完工后才能回访。", field="result"
        )
    return row


def for_entry(desk: Desk, entry_id: int) -> CallbackRow:
    entry = reception.get_entry(desk, entry_id)
    if entry.repair_order_id is not None:
        return for_order(desk, entry.repair_order_id)
    row = callbacks_store.open_for_reception(desk.db, entry_id)
    if row is None:
        raise ValidationError(
            f"接待记录 {entry.entry_no} 尚未处理完毕或无需回访，不能回访。", field="result"
        )
    return row


def max_attempts(desk: Desk) -> int:
    return int(settings_service.get(desk, "limits.callback_attempts"))


@dataclass(frozen=True)
class CallbackOutcome:
    callback: CallbackRow
    closed: bool
    follow_up: str  # '', 'reopened', 'escalated'


def record(
    desk: Desk,
    callback_id: int,
    *,
    reached: bool,
    result: str | None = None,
    comment: str = "",
    follow_up: str = "",
) -> Done[CallbackOutcome]:
    """Record one callback attempt; a reached caller closes the callback."""
    row = get(desk, callback_id)
    if row.status != "due":
        raise ValidationError(f"{row.subject_no} 的回访已结束。", field="result")
    text = repairs.clean_text(comment, "回访意见", "comment")
    if not reached:
        with desk.operation("callback_attempt_failed") as op:
            attempt_id = callbacks_store.record_attempt(
                op.db,
                row.id,
                at=op.at,
                reached=False,
                result=None,
                comment=text or "未接通",
                created_by=op.operator_id,
                created_shift=op.shift_id,
            )
            op.touch("callback_attempts", [attempt_id])
            op.record("callbacks", row.id, subject=row.subject_no, attempt=row.attempts + 1)
        return op.done(CallbackOutcome(get(desk, row.id), False, ""))
    if result not in CALLBACK_RESULTS:
        raise ValidationError("请选择回访结果（满意/基本满意/不满意）。", field="result")
    if result == "不满意" and follow_up not in (REOPEN, ESCALATE):
        raise ValidationError("回访不满意：请选择重新处理或上报主管。", field="follow_up")
    if result != "不满意":
        follow_up = ""
    with desk.operation("callback_recorded") as op:
        attempt_id = callbacks_store.record_attempt(
            op.db,
            row.id,
            at=op.at,
            reached=True,
            result=result,
            comment=text,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        callbacks_store.close(
            op.db,
            row.id,
            status="done",
            result=result,
            comment=text,
            follow_up=follow_up,
            done_at=op.at,
            done_by=op.operator_id,
        )
        op.touch("callback_attempts", [attempt_id])
        op.record("callbacks", row.id, subject=row.subject_no, result=result, follow_up=follow_up)
        if row.repair_order_id is not None:
            order = repairs.get_order(desk, row.repair_order_id)
            if follow_up == REOPEN:
                repairs.reopen_after_callback(op, order, text)
            else:
                repairs.close_after_callback(op, order, result)
                if follow_up == ESCALATE and order.reception_id is not None:
                    entry = reception.get_entry(desk, order.reception_id)
                    reception.close_after_callback(op, entry, escalated=True)
        else:
            entry = reception.get_entry(desk, row.reception_id)  # type: ignore[arg-type]
            if follow_up == REOPEN:
                reception.reopen_after_callback(op, entry, text)
            else:
                reception.close_after_callback(op, entry, escalated=follow_up == ESCALATE)
    return op.done(CallbackOutcome(get(desk, row.id), True, follow_up))


def close_unreachable(desk: Desk, callback_id: int, comment: str = "") -> Done[CallbackOutcome]:
    """After the configured number of failed attempts: close as 无法联系."""
    row = get(desk, callback_id)
    if row.status != "due":
        raise ValidationError(f"{row.subject_no} 的回访已结束。", field="result")
    needed = max_attempts(desk)
    if row.attempts < needed:
        raise ValidationError(
            f"已回访 {row.attempts} 次未接通，需满 {needed} 次才能按无法联系结束。",
            field="result",
        )
    text = repairs.clean_text(comment, "回访意见", "comment") or "多次联系未果"
    with desk.operation("callback_unreachable") as op:
        callbacks_store.close(
            op.db,
            row.id,
            status="unreachable",
            result=None,
            comment=text,
            follow_up="",
            done_at=op.at,
            done_by=op.operator_id,
        )
        op.record("callbacks", row.id, subject=row.subject_no, attempts=row.attempts)
        if row.repair_order_id is not None:
            order = repairs.get_order(desk, row.repair_order_id)
            repairs.close_after_callback(op, order, "无法联系")
        else:
            entry = reception.get_entry(desk, row.reception_id)  # type: ignore[arg-type]
            reception.close_after_callback(op, entry, escalated=False)
    return op.done(CallbackOutcome(get(desk, row.id), True, ""))


def attempts(desk: Desk, callback_id: int) -> list[AttemptRow]:
    return callbacks_store.attempts(desk.db, callback_id)
