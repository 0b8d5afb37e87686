"""Arrears (催款管理制度, DOMAIN.md §4): every unit with fees overdue, how long and how much,
its stage of the manual's chasing procedure, the late fee it would pay today, the
utilities' 3-day notice / 7-day suspension step, and the chasing steps recorded.

The manual's stages, from the oldest unpaid due date:

1. one month unpaid — phone call and written notice, recorded;
2. two months — phone and written notice again, reported to the manager, who helps chase;
3. three months or more — written notice delivered at the door, or by registered post to
   the legal address with the postal receipt kept.

Water, electricity and heating overdue more than 3 days get a written notice; more than
7 days, supply may be suspended (the desk records the step; it switches nothing).

The list is computed for all units at once (``storage.arrears``); one unit's itemised
debt and its late fees come from the ledger itself (``ledger.late_fees``), which is what
a payment will charge.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desk_app.core import ledger_rules
from desk_app.core.address import parse_unit_address, unit_sort_key
from desk_app.core.errors import ValidationError
from desk_app.core.vocabularies import ARREARS_ACTIONS
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import locations
from desk_app.services.ledger import charges, periods
from desk_app.services.ledger import late_fees as ledger_late_fees
from desk_app.services.operations import Done, Operation, written
from desk_app.storage.directory import units as units_store
from desk_app.storage.ledger import arrears as arrears_store
from desk_app.storage.ledger.arrears import ActionRow, OverdueChargeRow, UnitArrearsRow

__all__ = ["ARREARS_ACTIONS", "ActionRow"]

ACTION_LABELS = {
    "phone": "电话催缴",
    "notice": "书面通知",
    "visit": "上门催缴",
    "registered_post": "挂号信",
    "manager_report": "报经理",
    "utility_notice": "水电暖书面通知",
    "utility_suspension": "停水停电（停暖）",
}
STAGES = (1, 2, 3)
STAGE_LABELS = {0: "未满一个月", 1: "第一阶段", 2: "第二阶段", 3: "第三阶段"}
# What the manual prescribes at each stage, in a few words for the list.
STAGE_STEPS = {
    0: "",
    1: "电话+书面通知",
    2: "电话+书面通知并报经理",
    3: "入户书面催款（或挂号邮寄）",
}
# The steps of each stage: each group is satisfied by any one of its actions.
STAGE_REQUIRED: dict[int, tuple[tuple[str, ...], ...]] = {
    0: (),
    1: (("phone",), ("notice",)),
    2: (("phone",), ("notice",), ("manager_report",)),
    3: (("visit", "registered_post"),),
}
UTILITY_NOTICE = "书面通知"
UTILITY_SUSPENSION = "可停供"
_UTILITY_STEPS = {"书面通知": UTILITY_NOTICE, "停供": UTILITY_SUSPENSION}
STEPS_DONE = "本阶段已办"
NOTICE_DAYS = 7  # a notice asks for payment within a week
POSTAL_NO_MAX = 40
NOTE_MAX = 200


# --- dates --------------------------------------------------------------------------------------


def day_of(desk: Desk, on: date | str | None, field: str = "on") -> date:
    """A day given as a date or ISO text; today when not given."""
    if on is None or (isinstance(on, str) and not on.strip()):
        return desk.clock.now().date()
    if isinstance(on, date):
        return on
    try:
        return date.fromisoformat(on.strip())
    except ValueError:
        raise ValidationError(f"日期格式不正确：{on}（如 2026-11-20）", field=field) from None


def stage_began(oldest_due: date, stage: int) -> date:
    """The first day on which a debt due on ``oldest_due`` is ``stage`` months overdue
    (``ledger_rules.months_overdue``: due 31 Jan → one month on 1 Mar)."""
    month_index = oldest_due.year * 12 + oldest_due.month - 1 + stage
    year, month = divmod(month_index, 12)
    month += 1
    try:
        return date(year, month, oldest_due.day)
    except ValueError:  # the month is too short for the day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(year, month, 1)


def _check_stage(stage: int | None) -> int | None:
    if stage is not None and stage not in STAGES:
        raise ValidationError("催缴阶段只能是 1、2、3。", field="stage")
    return stage


def unit_text(code: str) -> str:
    """``3-2-501`` → ``3栋2单元501``."""
    try:
        return parse_unit_address(code).long
    except ValidationError:
        return code


def action_label(action: str | None) -> str:
    return ACTION_LABELS.get(action or "", action or "")


def utility_step(days: int | None) -> str:
    """书面通知 after 3 days overdue, 可停供 after 7; '' otherwise."""
    if days is None:
        return ""
    return _UTILITY_STEPS.get(ledger_rules.utility_step(days) or "", "")


# --- the arrears list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrearsRow:
    unit_id: int
    unit_code: str
    unit_text: str
    building: str
    customer: str  # the owner (else a tenant), as in the archive
    phone_masked: str
    owed_fen: int  # overdue and unpaid, late fees not included
    oldest_due_on: str
    months_overdue: int
    stage: int  # 0 (under a month), 1, 2, 3
    late_fee_fen: int  # what a payment today would add (waived ones left out)
    utilities_fen: int  # of which water, electricity, gas, heating
    utility_days: int | None  # days the oldest utility charge is overdue
    utility_step: str  # 书面通知 / 可停供 / ''
    last_action: str | None
    last_action_on: str | None
    pending: tuple[str, ...]  # the stage's steps not done since it began ('a/b': either)
    due_next: str  # what the manual asks for now, in words

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def last_action_label(self) -> str:
        return action_label(self.last_action)

    @property
    def total_fen(self) -> int:
        return self.owed_fen + self.late_fee_fen


def _late_fee_line(
    row: OverdueChargeRow, terms: ledger_late_fees.LateFeeTerms, on: date
) -> LateFeeLine | None:
    """The ledger's rule (``ledger.late_fees``) for one charge, for many units at once: a
    charge (not a charged late fee) overdue past its grace days whose late fee has not
    been charged yet; a waived one is listed, marked."""
    if row.kind != "charge" or row.late_fee_charged:
        return None
    grace_until, fee = terms.fee(row.due_on, row.outstanding_fen, on)
    if fee <= 0:
        return None
    return LateFeeLine(
        charge_id=row.charge_id,
        text=row.text,
        due_on=row.due_on,
        from_on=grace_until.isoformat(),
        overdue_fen=row.outstanding_fen,
        days=(on - grace_until).days,
        fee_fen=fee,
        waived=row.waived,
    )


def _pending(stage: int, oldest_due: date, done: dict[str, str]) -> tuple[str, ...]:
    since = stage_began(oldest_due, stage).isoformat() if stage else ""
    pending: list[str] = []
    for group in STAGE_REQUIRED[stage]:
        if not any(done.get(action, "") >= since for action in group):
            pending.append(group[0] if len(group) == 1 else "/".join(group))
    return tuple(pending)


def _due_next(stage: int, pending: tuple[str, ...]) -> str:
    if stage == 0:
        return ""
    if len(pending) == len(STAGE_REQUIRED[stage]):
        return STAGE_STEPS[stage]
    if not pending:
        return STEPS_DONE
    return "、".join("或".join(action_label(a) for a in p.split("/")) for p in pending)


def _row(
    desk: Desk,
    unit: UnitArrearsRow,
    late_fee_fen: int,
    done: dict[str, str],
    on: date,
) -> ArrearsRow:
    oldest = date.fromisoformat(unit.oldest_due_on)
    months = ledger_rules.months_overdue(oldest, on)
    stage = ledger_rules.arrears_stage(months)
    utility_days = (
        (on - date.fromisoformat(unit.metered_oldest_due_on)).days
        if unit.metered_oldest_due_on
        else None
    )
    contact = locations.contact_for_unit(desk, unit.unit_id)
    pending = _pending(stage, oldest, done)
    return ArrearsRow(
        unit_id=unit.unit_id,
        unit_code=unit.code,
        unit_text=unit_text(unit.code),
        building=unit.building,
        customer=contact.name if contact else "",
        phone_masked=contact.phone_masked if contact else "",
        owed_fen=unit.owed_fen,
        oldest_due_on=unit.oldest_due_on,
        months_overdue=months,
        stage=stage,
        late_fee_fen=late_fee_fen,
        utilities_fen=unit.metered_fen,
        utility_days=utility_days,
        utility_step=utility_step(utility_days),
        last_action=unit.last_action,
        last_action_on=unit.last_action_on,
        pending=pending,
        due_next=_due_next(stage, pending),
    )


def _sort_key(row: ArrearsRow) -> tuple:
    return (-row.stage, -row.owed_fen, unit_sort_key(row.unit_code))


def arrears(
    desk: Desk,
    on: date | str | None = None,
    *,
    stage: int | None = None,
    building: str | None = None,
) -> list[ArrearsRow]:
    """Every unit with fees overdue on ``on`` (today): stage 3 first, then the largest
    debts. ``stage`` keeps one stage (1–3); ``building`` one building ("3")."""
    day = day_of(desk, on)
    _check_stage(stage)
    units = arrears_store.by_unit(desk.db, day.isoformat(), building=building or None)
    ids = [u.unit_id for u in units]
    terms = ledger_late_fees.late_fee_terms(desk)
    fees: dict[int, int] = defaultdict(int)
    for charge in arrears_store.overdue_charges(desk.db, ids, day.isoformat()):
        fee = _late_fee_line(charge, terms, day)
        if fee is not None and not fee.waived:
            fees[charge.unit_id] += fee.fee_fen
    done: dict[int, dict[str, str]] = defaultdict(dict)
    for (unit_id, action), done_on in arrears_store.last_done(
        desk.db, ids, day.isoformat()
    ).items():
        done[unit_id][action] = done_on
    rows = []
    for unit in units:
        row = _row(desk, unit, fees[unit.unit_id], done[unit.unit_id], day)
        if stage is None or row.stage == stage:
            rows.append(row)
    return sorted(rows, key=_sort_key)


# --- one unit's debt ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DebtLine:
    charge_id: int
    text: str  # 物业服务费 2026-08, 滞纳金（水费 2026-07）
    item_kind: str  # area / metered / fixed / one_off
    kind: str  # charge / late_fee (a late fee already charged)
    period: str
    due_on: str
    months_overdue: int
    days_overdue: int
    outstanding_fen: int


@dataclass(frozen=True)
class LateFeeLine:
    charge_id: int
    text: str  # the charge it is for
    due_on: str
    from_on: str  # counted from the day after this (due date + grace days)
    overdue_fen: int
    days: int
    fee_fen: int
    waived: bool


@dataclass(frozen=True)
class UnitDebt:
    unit_id: int
    unit_code: str
    unit_text: str
    building: str
    customer: str
    on: date
    lines: tuple[DebtLine, ...]  # oldest due first
    late_fees: tuple[LateFeeLine, ...]  # waived ones included, marked
    months_overdue: int
    stage: int

    @property
    def owed_fen(self) -> int:
        return sum(line.outstanding_fen for line in self.lines)

    @property
    def late_fee_fen(self) -> int:
        return sum(fee.fee_fen for fee in self.late_fees if not fee.waived)

    @property
    def total_fen(self) -> int:
        return self.owed_fen + self.late_fee_fen


def _debt_line(row: OverdueChargeRow, on: date) -> DebtLine:
    due = date.fromisoformat(row.due_on)
    return DebtLine(
        charge_id=row.charge_id,
        text=row.text,
        item_kind=row.item_kind,
        kind=row.kind,
        period=row.period,
        due_on=row.due_on,
        months_overdue=ledger_rules.months_overdue(due, on),
        days_overdue=(on - due).days,
        outstanding_fen=row.outstanding_fen,
    )


def _late_fee_lines(desk: Desk, unit_id: int, on: date) -> tuple[LateFeeLine, ...]:
    grace = ledger_late_fees.late_fee_terms(desk).grace_days
    return tuple(
        LateFeeLine(
            charge_id=fee.charge_id,
            text=fee.description,
            due_on=fee.due_on,
            from_on=(date.fromisoformat(fee.due_on) + timedelta(days=grace)).isoformat(),
            overdue_fen=fee.overdue_fen,
            days=fee.days,
            fee_fen=fee.fee_fen,
            waived=fee.waived,
        )
        for fee in ledger_late_fees.late_fees(desk, unit_id, on)
    )


def _debt(
    desk: Desk,
    unit: units_store.UnitRow,
    rows: list[OverdueChargeRow],
    late_fees: tuple[LateFeeLine, ...],
    on: date,
) -> UnitDebt:
    lines = tuple(_debt_line(row, on) for row in rows)
    months = lines[0].months_overdue if lines else 0
    contact = locations.contact_for_unit(desk, unit.id)
    return UnitDebt(
        unit_id=unit.id,
        unit_code=unit.code,
        unit_text=unit_text(unit.code),
        building=unit.building,
        customer=contact.name if contact else "",
        on=on,
        lines=lines,
        late_fees=late_fees if lines else (),
        months_overdue=months,
        stage=ledger_rules.arrears_stage(months),
    )


def unit_debt(desk: Desk, unit_id: int, on: date | str | None = None) -> UnitDebt:
    """The unit's overdue charges one by one, with the late fee of each as its own line
    (from ``ledger.late_fees``: what a payment that day would charge)."""
    unit = charges.unit_row(desk, unit_id)
    day = day_of(desk, on)
    rows = arrears_store.overdue_charges(desk.db, [unit.id], day.isoformat())
    return _debt(desk, unit, rows, _late_fee_lines(desk, unit.id, day) if rows else (), day)


def _debts(desk: Desk, unit_ids: Sequence[int], on: date) -> list[UnitDebt]:
    """Many units' debts in one read: the late fees by the ledger's rule, set-based."""
    by_unit: dict[int, list[OverdueChargeRow]] = defaultdict(list)
    for row in arrears_store.overdue_charges(desk.db, unit_ids, on.isoformat()):
        by_unit[row.unit_id].append(row)
    terms = ledger_late_fees.late_fee_terms(desk)
    debts = []
    for unit_id in unit_ids:
        rows = by_unit.get(unit_id, [])
        fees = tuple(f for row in rows if (f := _late_fee_line(row, terms, on)) is not None)
        debts.append(_debt(desk, charges.unit_row(desk, unit_id), rows, fees, on))
    return debts


# --- chasing steps --------------------------------------------------------------------------------


def actions_of_unit(desk: Desk, unit_id: int) -> list[ActionRow]:
    """What has been done to chase the unit's debt, latest first."""
    return arrears_store.actions_of_unit(desk.db, unit_id)


def _clean(text: str | None, limit: int) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())[:limit]


def _insert(
    op: Operation,
    debt: UnitDebt,
    action: str,
    done_on: str,
    *,
    note: str = "",
    postal_receipt_no: str = "",
) -> int:
    action_id = arrears_store.insert_action(
        op.db,
        unit_id=debt.unit_id,
        action=action,
        done_on=done_on,
        stage=debt.stage,
        owed_fen=debt.owed_fen,
        postal_receipt_no=postal_receipt_no,
        note=note,
        stamp=op.stamp,
    )
    op.record(
        "arrears_actions",
        action_id,
        unit=debt.unit_code,
        action=action,
        done_on=done_on,
        stage=debt.stage,
        owed_fen=debt.owed_fen,
        postal_receipt_no=postal_receipt_no,
    )
    return action_id


def record_action(
    desk: Desk,
    unit_id: int,
    action: str,
    *,
    done_on: date | str | None = None,
    note: str = "",
    postal_receipt_no: str = "",
) -> Done[ActionRow]:
    """A chasing step done for a unit (a call, a notice, a visit, registered post with its
    postal receipt number …), with the unit's stage and overdue amount on that day."""
    desk.require_role("clerk", "登记催缴记录")
    if action not in ARREARS_ACTIONS:
        raise ValidationError("请选择催缴方式。", field="action")
    today = desk.clock.now().date()
    day = day_of(desk, done_on, field="done_on")
    if day > today:
        raise ValidationError("催缴日期不能晚于今天。", field="done_on")
    postal = _clean(postal_receipt_no, POSTAL_NO_MAX) if action == "registered_post" else ""
    if action == "registered_post" and not postal:
        raise ValidationError(
            "挂号信须填写邮寄单据号码（留好邮寄单据）。", field="postal_receipt_no"
        )
    periods.ensure_open(desk, day.isoformat(), "登记催缴记录")
    debt = unit_debt(desk, unit_id, day)
    if not debt.lines:
        raise ValidationError(
            f"{debt.unit_text} 在 {day.isoformat()} 没有逾期欠费，无需催缴。", field="unit"
        )
    with desk.operation("arrears_action_recorded") as op:
        action_id = _insert(
            op,
            debt,
            action,
            day.isoformat(),
            note=_clean(note, NOTE_MAX),
            postal_receipt_no=postal,
        )
    return op.done(written(arrears_store.action(desk.db, action_id)))


# --- notices (催款通知书) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    debt: UnitDebt
    deadline: date
    wording: str  # the stage's paragraph
    utility_wording: str  # the utilities' step, '' when none is due
    estate_name: str
    company_name: str
    estate_address: str
    estate_phone: str


def stage_wording(stage: int, on: date, deadline: date) -> str:
    """The body of the notice for a stage of the manual."""
    until = f"{deadline.year}年{deadline.month}月{deadline.day}日"
    today = f"{on.year}年{on.month}月{on.day}日"
    opening = f"截至{today}，贵户尚有下列费用逾期未缴。"
    pay = f"请于{until}前到客服中心缴清欠费及滞纳金；如已缴纳，请忽略本通知。"
    if stage >= 3:
        return (
            f"{opening}欠费已逾三个月，经我中心多次电话及书面催缴仍未缴纳。现再次书面催告，"
            f"{pay}逾期仍不缴纳的，我公司将依照物业服务合同的约定追缴，"
            "由此产生的费用由贵户承担。"
        )
    if stage == 2:
        return (
            f"{opening}欠费已逾两个月，我中心已电话及书面通知，贵户至今未缴。"
            f"本情况已报客服中心经理。按物业服务合同约定，逾期须按日加收滞纳金。{pay}"
        )
    return f"{opening}按物业服务合同约定，逾期须按日加收滞纳金。{pay}"


def _utility_wording(debt: UnitDebt) -> str:
    metered = [line.days_overdue for line in debt.lines if line.item_kind == "metered"]
    step = utility_step(max(metered) if metered else None)
    if step == UTILITY_SUSPENSION:
        return (
            "水、电、暖等费用已逾期超过7天，逾期仍不缴纳的，将按规定采取停水、停电"
            "（停止供暖）措施。"
        )
    if step == UTILITY_NOTICE:
        return "水、电、暖等费用已逾期超过3天，请尽快缴纳。"
    return ""


def _notice(debt: UnitDebt, values: dict[str, object]) -> Notice:
    deadline = debt.on + timedelta(days=NOTICE_DAYS)
    return Notice(
        debt=debt,
        deadline=deadline,
        wording=stage_wording(debt.stage, debt.on, deadline),
        utility_wording=_utility_wording(debt),
        estate_name=str(values["estate.name"]),
        company_name=str(values["estate.company"]),
        estate_address=str(values["estate.address"]),
        estate_phone=str(values["estate.phone"]),
    )


def notice(desk: Desk, unit_id: int, on: date | str | None = None) -> Notice:
    """The arrears notice of one unit; refused when the unit owes nothing overdue."""
    debt = unit_debt(desk, unit_id, on)
    if not debt.lines:
        raise ValidationError(f"{debt.unit_text} 没有逾期欠费，无需发催款通知书。", field="unit")
    return _notice(debt, settings_service.get_all(desk))


def notices(
    desk: Desk,
    on: date | str | None = None,
    *,
    stage: int | None = None,
    building: str | None = None,
    unit_ids: Sequence[int] | None = None,
) -> list[Notice]:
    """Notices for many units, in unit order (the order they are delivered door to door):
    the given units, or every unit of the list from stage 1 on (or of one stage)."""
    day = day_of(desk, on)
    if unit_ids is None:
        rows = arrears(desk, day, stage=stage, building=building)
        unit_ids = [row.unit_id for row in rows if row.stage >= 1]
    values = settings_service.get_all(desk)
    debts = _debts(desk, list(dict.fromkeys(unit_ids)), day)
    debts.sort(key=lambda d: unit_sort_key(d.unit_code))
    return [_notice(debt, values) for debt in debts if debt.lines]


def record_notices(op: Operation, items: Iterable[Notice], note: str) -> list[int]:
    """A 'notice' step for each unit whose notice was printed, inside the printing's
    operation."""
    return [_insert(op, n.debt, "notice", n.debt.on.isoformat(), note=note) for n in items]
