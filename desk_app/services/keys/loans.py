"""Loans (借用) and what else moves a key: return (归还, all or some pieces), lost (遗失)
and copied (配钥匙) with a supervisor's approval, and the count at handover (核对钥匙).

A loan needs a purpose (never private) and is due back by the default of its kind
(equipment rooms after ``keys.equipment_loan_minutes``, others at ``keys.workday_end``);
one due after today needs a supervisor's approval, and so does every loan of an
equipment-room key (设施设备房) or an owner's key held in trust (业主代管, which also needs
the owner's consent: by phone at a time, or written). A never-to-lend key is refused
even with an approval. One loan at a time per set; it may take some of the pieces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desk_app.core.clock import from_text, to_text
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_id_number
from desk_app.core.vocabularies import KEY_BORROWER_KINDS, KEY_CONSENTS
from desk_app.services.desk import Desk, Operator
from desk_app.services.desk import settings as desk_settings
from desk_app.services.keys import registry
from desk_app.services.keys.registry import state_of
from desk_app.services.operations import Done, Operation
from desk_app.services.shifts.approvals import Approval
from desk_app.services.shifts.handover import HandoverCount
from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.registry import KeySetRow, NewMovement, OrderLoanRow
from desk_app.storage.repairs import orders as orders_store
from desk_app.storage.repairs import setup as repairs_setup_store
from desk_app.storage.rows import Stamp

APPROVAL_KINDS = ("设施设备房", "业主代管")


@dataclass(frozen=True)
class Borrower:
    """A technician of the repairs list, or a named person of another kind."""

    technician_id: int | None = None
    name: str = ""
    kind: str = "维修技工"  # KEY_BORROWER_KINDS
    id_number: str = ""  # an agent's, kept only masked


@dataclass(frozen=True)
class LoanInput:
    borrower: Borrower
    purpose: str
    pieces: dict[str, int] | None = None  # None: every piece at the desk
    due_back: str | None = None  # ISO time; None: the default of the set's kind
    repair_order_id: int | None = None
    consent_how: str | None = None  # 电话 / 书面, for 业主代管
    consent_at: str | None = None  # the phone call's time
    note: str = ""


def workday_end(desk: Desk, day: datetime) -> datetime:
    hours, minutes = (int(p) for p in str(desk_settings.get(desk, "keys.workday_end")).split(":"))
    return datetime.combine(day.date(), time(hours, minutes), tzinfo=day.tzinfo)


def default_due_back(desk: Desk, row: KeySetRow, now: datetime) -> datetime:
    """Equipment rooms: a couple of hours; others: the end of today's working day (or the
    same couple of hours when the working day is over)."""
    span = timedelta(minutes=int(desk_settings.get(desk, "keys.equipment_loan_minutes")))
    end = workday_end(desk, now)
    if row.kind == "设施设备房" or now + span >= end:
        return now + span
    return end


def _borrower_fields(desk: Desk, borrower: Borrower) -> dict[str, object]:
    if borrower.technician_id is not None:
        technician = repairs_setup_store.technician(desk.db, borrower.technician_id)
        if technician is None:
            raise NotFoundError(f"维修人员 {borrower.technician_id} 不存在。", field="borrower")
        return {"technician_id": technician.id, "borrower_kind": "维修技工"}
    name = borrower.name.strip()
    if not name:
        raise ValidationError("请填写借用人。", field="borrower")
    if borrower.kind not in KEY_BORROWER_KINDS or borrower.kind == "维修技工":
        raise ValidationError(
            f"借用人类别只能是：{'、'.join(KEY_BORROWER_KINDS[1:])}", field="borrower_kind"
        )
    masked = ""
    if borrower.kind == "业主代理人":
        if not borrower.id_number.strip():
            raise ValidationError("请填写代理人的身份证号码。", field="borrower_id_number")
        masked = mask_id_number(borrower.id_number)
    return {"borrower_name": name, "borrower_kind": borrower.kind, "borrower_id_masked": masked}


def _approved(approval: Approval | None, what: str) -> Approval:
    if approval is None:
        raise ValidationError(f"{what}须经客服主管批准。", field="approval")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError(f"{what}须经客服主管批准。", field="approval")
    return approval


def lend(
    desk: Desk, set_id: int, loan: LoanInput, approval: Approval | None = None
) -> Done[KeySetRow]:
    """借出: the pieces go out to the borrower until due back."""
    row = registry.key_set(desk, set_id)
    if row.never_lend:
        raise ValidationError(f"{row.code} 为禁止外借的钥匙，不能借出。", field="code")
    if row.loan_id is not None:
        raise ValidationError(f"{row.code} 已借出，未归还。", field="code")
    purpose = loan.purpose.strip()
    if not purpose:
        raise ValidationError("请填写借用事由。", field="purpose")
    fields = _borrower_fields(desk, loan.borrower)
    counts = {p.piece_type: (p.held, p.out) for p in keys_store.pieces(desk.db, row.id)}
    if loan.pieces is None:
        wanted = {t: held for t, (held, _out) in counts.items() if held}
    else:
        wanted = registry.clean_pieces(row.kind, loan.pieces)
    if not wanted:
        raise ValidationError(f"{row.code} 没有在柜的钥匙。", field="pieces")
    for piece_type, n in wanted.items():
        held = counts.get(piece_type, (0, 0))[0]
        if n > held:
            raise ValidationError(f"{row.code} 在柜的{piece_type}只有 {held} 把。", field="pieces")
    now = desk.clock.now()
    if loan.due_back:
        try:
            due = from_text(loan.due_back)
        except ValueError:
            raise ValidationError(
                f"归还时间格式不正确：{loan.due_back}", field="due_back"
            ) from None
        if due <= now:
            raise ValidationError("归还时间应晚于借出时间。", field="due_back")
    else:
        due = default_due_back(desk, row, now)
    if row.kind in APPROVAL_KINDS:
        _approved(approval, f"借用{row.kind}钥匙")
    if due.date() > now.date():
        _approved(approval, "钥匙过夜不还")
    consent_how = consent_at = None
    if row.kind == "业主代管":
        consent_how = loan.consent_how
        if consent_how not in KEY_CONSENTS:
            raise ValidationError("借用业主代管钥匙须征得业主同意（电话或书面）。", field="consent")
        if consent_how == "电话":
            if not loan.consent_at:
                raise ValidationError("请填写与业主通话的时间。", field="consent_at")
            try:
                consent_at = to_text(from_text(loan.consent_at))
            except ValueError:
                raise ValidationError(
                    f"通话时间格式不正确：{loan.consent_at}", field="consent_at"
                ) from None
    if loan.repair_order_id is not None and orders_store.get(desk.db, loan.repair_order_id) is None:
        raise NotFoundError(f"维修工单 {loan.repair_order_id} 不存在。", field="repair_order")
    for piece_type, n in wanted.items():
        held, out = counts[piece_type]
        counts[piece_type] = (held - n, out + n)
    due_text = to_text(due)
    with desk.operation("key_lent") as op:
        movement_id = keys_store.insert_movement(
            op.db,
            NewMovement(
                row.id,
                "借出",
                wanted,
                purpose=purpose,
                due_back=due_text,
                approved_by=approval.approver.id if approval else None,
                consent_how=consent_how,
                consent_at=consent_at,
                repair_order_id=loan.repair_order_id,
                note=loan.note.strip(),
                **fields,  # type: ignore[arg-type]
            ),
            op.stamp,
        )
        piece_ids = keys_store.set_pieces(op.db, row.id, {t: counts[t] for t in wanted}, op.stamp)
        keys_store.update_set(
            op.db, row.id, state="out", loan_id=movement_id, due_back=due_text, updated_at=op.at
        )
        op.touch("key_pieces", piece_ids)
        op.touch("key_sets", [row.id])
        if approval is not None:
            approval.write_to(op, "key_movements", movement_id)
        op.record(
            "key_movements",
            movement_id,
            code=row.code,
            kind="借出",
            pieces=wanted,
            purpose=purpose,
            due_back=due_text,
        )
    return op.done(registry.key_set(desk, row.id))


def return_keys(
    desk: Desk, set_id: int, pieces: dict[str, int] | None = None, *, note: str = ""
) -> Done[KeySetRow]:
    """归还: every piece out (None) or some of them; the loan ends when none is out."""
    row = registry.key_set(desk, set_id)
    if row.loan_id is None:
        raise ValidationError(f"{row.code} 没有借出，无需归还。", field="code")
    counts = {p.piece_type: (p.held, p.out) for p in keys_store.pieces(desk.db, row.id)}
    if pieces is None:
        wanted = {t: out for t, (_held, out) in counts.items() if out}
    else:
        wanted = registry.clean_pieces(row.kind, pieces)
    for piece_type, n in wanted.items():
        out = counts.get(piece_type, (0, 0))[1]
        if n > out:
            raise ValidationError(f"{row.code} 借出的{piece_type}只有 {out} 把。", field="pieces")
    for piece_type, n in wanted.items():
        held, out = counts[piece_type]
        counts[piece_type] = (held + n, out - n)
    return _move(desk, row, "归还", "key_returned", wanted, counts, note=note.strip())


def _approved_change(
    desk: Desk,
    set_id: int,
    pieces: dict[str, int],
    reason: str,
    approval: Approval | None,
    *,
    no_reason: str,
    what: str,
) -> tuple[KeySetRow, str, dict[str, int], dict[str, tuple[int, int]]]:
    """What a loss or a copy starts from: the set, the reason (required), the supervisor's
    approval, the pieces asked for and the set's (held, out) counts by type."""
    row = registry.key_set(desk, set_id)
    why = reason.strip()
    if not why:
        raise ValidationError(no_reason, field="reason")
    _approved(approval, what)
    wanted = registry.clean_pieces(row.kind, pieces)
    counts = {p.piece_type: (p.held, p.out) for p in keys_store.pieces(desk.db, row.id)}
    return row, why, wanted, counts


def report_lost(
    desk: Desk, set_id: int, pieces: dict[str, int], reason: str, approval: Approval | None
) -> Done[KeySetRow]:
    """遗失: pieces lost (by the borrower while lent, else from the hook)."""
    row, why, wanted, counts = _approved_change(
        desk, set_id, pieces, reason, approval, no_reason="请填写遗失情况。", what="登记钥匙遗失"
    )
    lent = row.loan_id is not None
    for piece_type, n in wanted.items():
        held, out = counts.get(piece_type, (0, 0))
        have = out if lent else held
        if n > have:
            where = "借出" if lent else "在柜"
            raise ValidationError(
                f"{row.code} {where}的{piece_type}只有 {have} 把。", field="pieces"
            )
        counts[piece_type] = (held, out - n) if lent else (held - n, out)
    return _move(desk, row, "遗失", "key_lost", wanted, counts, reason=why, approval=approval)


def replace(
    desk: Desk, set_id: int, pieces: dict[str, int], reason: str, approval: Approval | None
) -> Done[KeySetRow]:
    """配钥匙: copies made (after a loss or a lock change) join the set at the desk."""
    row, why, wanted, counts = _approved_change(
        desk, set_id, pieces, reason, approval, no_reason="请填写配钥匙的原因。", what="配钥匙"
    )
    for piece_type, n in wanted.items():
        held, out = counts.get(piece_type, (0, 0))
        if held + out + n > registry.MAX_PIECES:
            raise ValidationError(
                f"{piece_type}的数量应为 0–{registry.MAX_PIECES}。", field="pieces"
            )
        counts[piece_type] = (held + n, out)
    return _move(desk, row, "配钥匙", "key_copied", wanted, counts, reason=why, approval=approval)


def _move(
    desk: Desk,
    row: KeySetRow,
    kind: str,
    operation: str,
    wanted: dict[str, int],
    counts: dict[str, tuple[int, int]],
    *,
    reason: str = "",
    note: str = "",
    approval: Approval | None = None,
) -> Done[KeySetRow]:
    state = state_of(counts)
    loan_id = row.loan_id if state == "out" else None
    due_back = row.due_back if state == "out" else None
    with desk.operation(operation) as op:
        movement_id = keys_store.insert_movement(
            op.db,
            NewMovement(
                row.id,
                kind,
                wanted,
                reason=reason,
                loan_id=row.loan_id if kind != "配钥匙" else None,
                approved_by=approval.approver.id if approval else None,
                note=note,
            ),
            op.stamp,
        )
        piece_ids = keys_store.set_pieces(op.db, row.id, {t: counts[t] for t in wanted}, op.stamp)
        keys_store.update_set(
            op.db, row.id, state=state, loan_id=loan_id, due_back=due_back, updated_at=op.at
        )
        op.touch("key_pieces", piece_ids)
        op.touch("key_sets", [row.id])
        if approval is not None:
            approval.write_to(op, "key_movements", movement_id)
        op.record("key_movements", movement_id, code=row.code, kind=kind, pieces=wanted)
    return op.done(registry.key_set(desk, row.id))


def _checked_count(
    expected: int, counted: int, note: str, *, counted_field: str, note_field: str
) -> str:
    if counted < 0:
        raise ValidationError("清点数量不能为负数。", field=counted_field)
    if counted != expected and not note.strip():
        raise ValidationError(
            f"应在柜 {expected} 套，清点 {counted} 套，请说明差异。", field=note_field
        )
    return note.strip()


def _write_count(
    op: Operation, expected: int, counted: int, note: str, counted_by: Operator | None
) -> None:
    stamp = op.stamp if counted_by is None else Stamp(op.at, counted_by.id, op.shift_id)
    movement_id = keys_store.insert_movement(
        op.db,
        NewMovement(None, "核对", {}, expected=expected, counted=counted, note=note),
        stamp,
    )
    if counted_by is None:
        op.record("key_movements", movement_id, expected=expected, counted=counted)
    else:
        op.record(
            "key_movements",
            movement_id,
            expected=expected,
            counted=counted,
            counted_by=counted_by.display_name,
        )


def record_count(desk: Desk, counted: int, note: str = "") -> Done[int]:
    """核对钥匙: the sets counted on their hooks against those that should be; a
    difference needs a note. The result: how many should be there."""
    expected = keys_store.held_sets(desk.db)
    why = _checked_count(expected, counted, note, counted_field="counted", note_field="note")
    with desk.operation("keys_counted") as op:
        _write_count(op, expected, counted, why, None)
    return op.done(expected)


def expected_at_handover(desk: Desk) -> int | None:
    """The sets that should be on their hooks, asked of the incoming operator at the
    handover; None when the estate has no key sets at all (nothing to count)."""
    if keys_store.count(desk.db) == 0:
        return None
    return keys_store.held_sets(desk.db)


def count_at_handover(desk: Desk, incoming: Operator, count: HandoverCount | None) -> None:
    """核对钥匙 at the handover (``shifts.handover.AT_HANDOVER``): the incoming operator's
    count, written by them inside the handover's transaction; required whenever the
    estate has key sets, a difference with its note."""
    expected = expected_at_handover(desk)
    if expected is None:
        return
    if count is None:
        raise ValidationError("请填写接班清点的钥匙套数。", field="keys_counted")
    why = _checked_count(
        expected, count.counted, count.note, counted_field="keys_counted", note_field="keys_note"
    )
    with desk.operation("keys_counted") as op:
        _write_count(op, expected, count.counted, why, incoming)


def out_now(desk: Desk) -> list[KeySetRow]:
    return keys_store.out_now(desk.db)


def overdue(desk: Desk) -> list[KeySetRow]:
    return keys_store.out_now(desk.db, due_before=desk.now_text())


def loans_of_order(desk: Desk, order_id: int) -> list[OrderLoanRow]:
    """The key sets lent against a repair order, oldest first: out now or returned when."""
    return keys_store.loans_of_order(desk.db, order_id)


def held_by_technician(desk: Desk, technician_id: int) -> tuple[list[KeySetRow], list]:
    """(sets the technician holds now, every loan ever made to them)."""
    loans = keys_store.loans_of_technician(desk.db, technician_id)
    return _holding(desk, loans), loans


def held_by_name(desk: Desk, name: str) -> tuple[list[KeySetRow], list]:
    loans = keys_store.loans_of_named(desk.db, name.strip())
    return _holding(desk, loans), loans


def _holding(desk: Desk, loans: list) -> list[KeySetRow]:
    sets = [keys_store.get(desk.db, loan.set_id) for loan in loans]
    return [s for s, loan in zip(sets, loans, strict=True) if s and s.loan_id == loan.id]
