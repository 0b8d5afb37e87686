"""Handover (交接班) and the day's close (日终关班).

The incoming operator logs in and the outgoing one confirms with their password; in one
transaction the shift is closed, the next one opened, and the handover report rendered
and archived. A backup follows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.clock import display
from desk_app.core.errors import AuthenticationError, ValidationError
from desk_app.services.desk import Desk, Operator, Shift, documents, maintenance
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done, Operation
from desk_app.services.shifts import login
from desk_app.services.shifts.contributions import Contributions
from desk_app.services.shifts.operators import authenticate
from desk_app.storage.shifts import shifts as shifts_store

HANDOVER_FORM = "handover_report"


# Each feature contributes, at start-up (services.features), the unfinished matters it
# has for the report (open repairs, keys still out …): a provider gets the desk and
# returns rows of {"kind": ..., "description": ...}.
OpenItemsProvider = Callable[[Desk], list[dict[str, str]]]
OPEN_ITEMS: Contributions[OpenItemsProvider] = Contributions("handover open items")

# Each feature says what the shift did in its part (calls, repairs, payments …): a
# provider gets the desk and the shift id and returns rows of {"kind", "count", "detail"}
# for the report's first table, 本班工作.
SummaryProvider = Callable[[Desk, int], list[dict[str, str]]]
SUMMARY: Contributions[SummaryProvider] = Contributions("handover summary")

# A feature may add a whole section to the report (the shift's cash drawer …): a provider
# gets the desk and the shift id and returns data keys merged into the report's data (an
# empty dict when it has nothing to show); the form draws a section only when its keys are
# present (``only_if``).
ReportSectionProvider = Callable[[Desk, int], dict[str, object]]
REPORT_SECTIONS: Contributions[ReportSectionProvider] = Contributions("handover report sections")


@dataclass(frozen=True)
class HandoverCount:
    """What the incoming operator counted at the handover (the key sets on their hooks),
    with a note that explains a difference."""

    counted: int
    note: str = ""


@dataclass(frozen=True)
class HandoverCheck:
    """Something a feature has the incoming operator count at the handover (核对钥匙),
    recorded in the handover's own transaction: a wrong password records nothing, and a
    refused count undoes the handover. ``expected(desk)``: how many there should be (None:
    nothing to count, the dialog asks nothing); ``record(desk, incoming, count)`` writes
    the count (None when none was given) inside the handover's operation, before the
    report is drawn, so that a report section can print it."""

    name: str
    expected: Callable[[Desk], int | None]
    record: Callable[[Desk, Operator, HandoverCount | None], None]


AT_HANDOVER: Contributions[HandoverCheck] = Contributions("handover checks")


def handover_checks(desk: Desk) -> list[tuple[HandoverCheck, int]]:
    """The counts to ask the incoming operator for, with how many there should be."""
    found = []
    for check in AT_HANDOVER:
        expected = check.expected(desk)
        if expected is not None:
            found.append((check, expected))
    return found


@dataclass(frozen=True)
class HandoverResult:
    closed_shift_id: int
    new_shift: Shift | None
    document_id: int
    pdf: bytes
    backup_path: Path | None
    backup_error: str | None


def handover_report_data(desk: Desk, shift_id: int, *, printed_at: str | None = None) -> dict:
    row = shifts_store.get(desk.db, shift_id)
    if row is None:
        raise ValidationError(f"班次 {shift_id} 不存在。")
    settings = settings_service.get_all(desk)
    summary: list[dict[str, str]] = []
    for summarise in SUMMARY:
        summary.extend(summarise(desk, shift_id))
    open_items: list[dict[str, str]] = []
    for provider in OPEN_ITEMS:
        open_items.extend(provider(desk))
    sections: dict[str, object] = {}
    for section in REPORT_SECTIONS:
        sections.update(section(desk, shift_id))
    return {
        **sections,
        "estate_name": settings["estate.name"],
        "company_name": settings["estate.company"],
        "shift_name": row.name,
        "outgoing_operator": row.operator_name,
        "incoming_operator": row.incoming_operator_name or "",
        "opened_at": display(row.opened_at),
        "closed_at": display(row.closed_at) if row.closed_at else "",
        "printed_at": display(printed_at or desk.now_text()),
        "note": row.note or "无",
        "summary": summary,
        "open_items": open_items,
        # the chain's head as the report is drawn: on paper, outside the file
        "seal": maintenance.seal_of(desk) or "（无审计记录）",
    }


def _archive_report(desk: Desk, op: Operation, shift_id: int) -> tuple[int, bytes]:
    """Render the closed shift's report and archive it with the shift (caller's transaction)."""
    from desk_app.printing.render import render_form
    from desk_app.printing.templates import load_template

    pdf = render_form(HANDOVER_FORM, handover_report_data(desk, shift_id, printed_at=op.at))
    document_id = documents.archive(
        op,
        form=HANDOVER_FORM,
        title=load_template(HANDOVER_FORM).title,
        pdf=pdf,
        record_table="shifts",
        record_id=shift_id,
    )
    shifts_store.attach_handover_document(desk.db, shift_id, document_id)
    return document_id, pdf


def _closed_with_backup(
    desk: Desk,
    closed: Operation,
    reason: str,
    result: Callable[[Path | None, str | None], HandoverResult],
) -> Done[HandoverResult]:
    """A backup after the shift closed; its failure is reported, never undoes the close."""
    try:
        backup = maintenance.backup_now(desk, reason=reason)
    except Exception as error:  # noqa: BLE001 - reported to the clerk instead
        return closed.done(result(None, str(error)))
    return Done(result(backup.value, None), closed.changes.merged(backup.changes))


def handover(
    desk: Desk,
    *,
    incoming_username: str,
    incoming_password: str,
    outgoing_password: str,
    next_shift_name: str | None = None,
    note: str = "",
    counts: Mapping[str, HandoverCount] | None = None,
) -> Done[HandoverResult]:
    """``counts``: the incoming operator's counts by the name of their check
    (``AT_HANDOVER``)."""
    outgoing, old_shift = desk.operator, desk.shift
    if outgoing is None or old_shift is None:
        raise ValidationError("当前没有进行中的班次。")
    try:
        authenticate(desk, outgoing.username, outgoing_password)
    except AuthenticationError:
        raise AuthenticationError("交班人密码不正确。", field="outgoing_password") from None
    try:
        incoming = authenticate(desk, incoming_username, incoming_password)
    except AuthenticationError as error:
        raise AuthenticationError(f"接班人：{error.message}", field="incoming_password") from None
    if incoming.id == outgoing.id:
        raise ValidationError("接班人不能是交班人本人。")
    name = login.check_shift_name(desk, next_shift_name or login.suggested_shift_name(desk))
    try:
        with desk.operation("shift_handed_over") as op:
            new_shift_id = shifts_store.insert_open_after(
                desk.db,
                old_shift.id,
                name=name,
                operator_id=incoming.id,
                opened_at=op.at,
                closed_at=op.at,
                note=note.strip() or None,
            )
            op.record(
                "shifts",
                old_shift.id,
                incoming=incoming.display_name,
                next_shift=new_shift_id,
                note=note.strip() or None,
            )
            for check in AT_HANDOVER:
                check.record(desk, incoming, (counts or {}).get(check.name))
            document_id, pdf = _archive_report(desk, op, old_shift.id)
            desk.operator = incoming
            desk.shift = Shift(new_shift_id, name, op.at)
            op.record("shifts", new_shift_id, operation="shift_opened", name=name)
    except BaseException:
        desk.operator, desk.shift = outgoing, old_shift
        raise
    new_shift = desk.shift
    return _closed_with_backup(
        desk,
        op,
        "shift-close",
        lambda path, error: HandoverResult(old_shift.id, new_shift, document_id, pdf, path, error),
    )


def close_day(desk: Desk, *, password: str, note: str = "") -> Done[HandoverResult]:
    """日终关班: the last shift of the day closes with nobody taking over."""
    outgoing, old_shift = desk.operator, desk.shift
    if outgoing is None or old_shift is None:
        raise ValidationError("当前没有进行中的班次。")
    authenticate(desk, outgoing.username, password)
    with desk.operation("shift_day_closed") as op:
        shifts_store.close(
            desk.db, old_shift.id, closed_at=op.at, status="day_closed", note=note.strip() or None
        )
        op.record("shifts", old_shift.id, note=note.strip() or None)
        document_id, pdf = _archive_report(desk, op, old_shift.id)
    closed = _closed_with_backup(
        desk,
        op,
        "day-close",
        lambda path, error: HandoverResult(old_shift.id, None, document_id, pdf, path, error),
    )
    desk.operator, desk.shift = None, None
    return closed


@dataclass(frozen=True)
class HandoverReport:
    pdf: bytes
    archived: bool
    """True: the copy archived when the shift closed; False: drawn now from the records."""
    open: bool
    """The shift is still on duty: the report so far."""


def report_of(desk: Desk, shift_id: int) -> HandoverReport:
    """A shift's handover report: the copy archived when it closed, else (still on duty, or
    closed without a handover) the report drawn now. Nothing is archived or written."""
    from desk_app.printing.render import render_form

    row = shifts_store.get(desk.db, shift_id)
    if row is None:
        raise ValidationError(f"班次 {shift_id} 不存在。", field="shift")
    if row.handover_document_id is not None:
        return HandoverReport(documents.pdf_of(desk, row.handover_document_id), True, False)
    data = handover_report_data(desk, shift_id)
    if row.status != "open":
        # What was unfinished at that handover, and the cash then in the drawer, cannot be
        # told from today's records.
        if "money_pending" in data:
            data["money_pending"] = "抽屉现金以交班时的记录为准（本表为补制）"
        data["open_items"] = [
            {
                "kind": "说明",
                "description": "本表按现有记录补制；交班时的未完成事项无法还原，以存档原件为准。",
            }
        ]
    return HandoverReport(render_form(HANDOVER_FORM, data), False, row.status == "open")
