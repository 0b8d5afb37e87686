"""催款通知书 on paper: one unit's notice, or a bulk print of many units in one PDF (each notice
from a new page, with its own page numbers), archived as PDF.

Printing a notice is a written notice given (书面通知): in the same operation as the
archive, a 'notice' chasing step is recorded for every unit printed, with its stage and
overdue amount that day. The archived document is filed under the first of those steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desk_app.core.capitals import amount_in_capitals
from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk, documents
from desk_app.services.ledger import arrears, late_fees, periods
from desk_app.services.ledger.arrears import DebtLine, Notice
from desk_app.services.operations import Done

NOTICE_FORM = "arrears_notice"
RECORD_TABLE = "arrears_actions"
NOTICE_TITLE = "催款通知书"
SINGLE_NOTE = "打印催款通知书"


@dataclass(frozen=True)
class PrintedNotices:
    id: int  # the archived document
    title: str
    pdf: bytes
    unit_ids: tuple[int, ...]
    action_ids: tuple[int, ...]  # the 'notice' steps recorded, in the same order


def _overdue(line: DebtLine) -> str:
    if line.months_overdue:
        return f"{line.months_overdue}个月"
    return f"{line.days_overdue}天"


def _late_fee_title(terms: late_fees.LateFeeTerms) -> str:
    parts = [f"按日万分之{terms.daily_rate_wan}"]
    parts.append(
        f"自应缴日后第{terms.grace_days + 1}天起计" if terms.grace_days else "自应缴日起计"
    )
    if terms.cap_percent:
        parts.append(f"最高为欠费的{terms.cap_percent}%")
    return f"二、滞纳金（{'，'.join(parts)}）"


def _contact(item: Notice) -> str:
    parts = []
    if item.estate_address:
        parts.append(f"客服中心地址：{item.estate_address}")
    if item.estate_phone:
        parts.append(f"电话：{item.estate_phone}")
    return "　".join(parts)


def notice_data(
    item: Notice, *, terms: late_fees.LateFeeTerms, printed_at: str
) -> dict[str, object]:
    """Every key of ``forms/arrears_notice.toml`` for one unit's notice."""
    debt = item.debt
    person = f"{debt.customer} " if debt.customer else ""
    fees = [fee for fee in debt.late_fees if not fee.waived]
    return {
        "estate_name": item.estate_name,
        "company_name": item.company_name,
        "unit_text": debt.unit_text,
        "addressee": f"{debt.unit_text} {person}业主（住户）",
        "notice_date": debt.on.isoformat(),
        "deadline": item.deadline.isoformat(),
        "stage_label": arrears.STAGE_LABELS[debt.stage] if debt.stage else "",
        "wording": "　　" + item.wording,
        "utility_wording": item.utility_wording,
        "lines": [
            {
                "no": str(number),
                "text": line.text,
                "period": line.period,
                "due_on": line.due_on,
                "overdue": _overdue(line),
                "amount": line.outstanding_fen,
            }
            for number, line in enumerate(debt.lines, start=1)
        ],
        "late_fee_title": _late_fee_title(terms),
        "late_fees": [
            {
                "no": str(number),
                "text": fee.text,
                "from_on": fee.from_on,
                "days": str(fee.days),
                "base": fee.overdue_fen,
                "amount": fee.fee_fen,
            }
            for number, fee in enumerate(fees, start=1)
        ],
        "owed_total": debt.owed_fen,
        "late_fee_total": debt.late_fee_fen,
        "total": debt.total_fen,
        "total_capitals": amount_in_capitals(debt.total_fen),
        "contact_text": _contact(item),
        "printed_at": printed_at,
    }


def _render(pages: Sequence[Mapping[str, object]], title: str) -> bytes:
    """One PDF of the notice form filled with each data set in turn, each from a new page,
    so a bulk print is one job."""
    from desk_app.printing import render

    return render.render_pages(NOTICE_FORM, pages, title=title)


def _print(desk: Desk, items: Sequence[Notice], title: str, note: str) -> Done[PrintedNotices]:
    for day in sorted({item.debt.on.isoformat() for item in items}):
        periods.ensure_open(desk, day, "登记催缴通知（打印催款通知书）")
    terms = late_fees.late_fee_terms(desk)
    printed_at = desk.now_text()
    pdf = _render([notice_data(i, terms=terms, printed_at=printed_at) for i in items], title)
    with desk.operation("arrears_action_recorded") as op:
        action_ids = arrears.record_notices(op, items, note)
        document_id = documents.archive(
            op,
            form=NOTICE_FORM,
            title=title,
            pdf=pdf,
            record_table=RECORD_TABLE,
            record_id=action_ids[0],
        )
    return op.done(
        PrintedNotices(
            document_id,
            title,
            pdf,
            tuple(i.debt.unit_id for i in items),
            tuple(action_ids),
        )
    )


def print_notice(desk: Desk, unit_id: int) -> Done[PrintedNotices]:
    """Print and archive one unit's notice; records a 'notice' step for it."""
    item = arrears.notice(desk, unit_id)
    title = f"{NOTICE_TITLE} {item.debt.unit_text} {item.debt.on.isoformat()}"
    return _print(desk, [item], title, SINGLE_NOTE)


def print_notices(
    desk: Desk,
    *,
    stage: int | None = None,
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
) -> Done[PrintedNotices]:
    """Print many notices as one PDF, one unit after another in unit order: the given
    units, or every unit from stage 1 on (or of one stage, one building)."""
    items = arrears.notices(desk, stage=stage, building=building, unit_ids=unit_ids)
    if not items:
        raise ValidationError("没有需要发催款通知书的欠费房屋。", field="stage")
    day = items[0].debt.on.isoformat()
    title = f"{NOTICE_TITLE} {day}（{len(items)} 户）"
    note = f"批量打印催款通知书（共 {len(items)} 户）" if len(items) > 1 else SINGLE_NOTE
    return _print(desk, items, title, note)
