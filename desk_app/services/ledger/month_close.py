"""The month-end close (月结, 月清月结 on ``ledger.close_day``, by default the 25th).

A period ``YYYY-MM`` runs from the day after the previous month's close day to this
month's: with the 25th, 2026-11 is 2026-10-26 … 2026-11-25. Its reconciliation report
(月结对账表) sums, for the whole estate: the charges due in it by item (adjustments dated
in it included), what was received in it (live receipts issued in it, by method and by
item), the receipts voided and the refunds paid in it, the deposits held and the arrears
at its end by age, and the collection rate 实收/应收 (received in the period against the
charges due in it, an exact fraction).

Closing a period (a supervisor, or a supervisor's approval) writes its totals; from then
on the database refuses any money row dated in it. Periods close in order without holes
(the first close may be any month), each once, and only from its close day on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from desk_app.core.errors import PermissionDenied, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done, written
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.ledger import month_close as close_store
from desk_app.storage.ledger.cash import MethodTotal, RefundLine, VoidLine
from desk_app.storage.ledger.month_close import CloseRow

__all__ = ["AGE_LABELS", "CloseRow", "MethodTotal", "RefundLine", "VoidLine"]

AGE_LABELS = ("1个月以内", "1–2个月", "2–3个月", "3个月以上")
AGES_NOTE = (
    "注：户数按每户最早一笔欠费的账龄计，每户只计一次，各账龄户数相加等于合计；"
    "金额按每笔欠费各自的账龄分列。"
)
"""What a household counts as in the arrears by age: printed under the table and the sheet."""
_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class PeriodBounds:
    period: str
    start_on: str  # first day, inclusive
    through_on: str  # the close day, inclusive

    @property
    def after_on(self) -> str:
        """The day after the period (the first day not in it)."""
        return (date.fromisoformat(self.through_on) + timedelta(days=1)).isoformat()


@dataclass(frozen=True)
class ItemLine:
    item_name: str
    charged_fen: int  # charges, late fees and deposits due in the period
    adjusted_fen: int  # adjustments dated in the period
    received_fen: int  # received in the period for this item
    arrears_fen: int  # still owed for this item at the period's end
    collectible_fen: int = 0  # due in the period (deposits aside), with its adjustments
    collected_fen: int = 0  # of that, paid by the period's end
    deposit: bool = False  # money held (装修押金 …), not income: kept out of 应收

    @property
    def due_fen(self) -> int:
        """应收: what fell due in the period, adjustments included."""
        return self.charged_fen + self.adjusted_fen

    @property
    def rate(self) -> Fraction | None:
        """收缴率: the share of what fell due in the period paid by its end."""
        return collection_rate(self.collected_fen, self.collectible_fen)


@dataclass(frozen=True)
class AgeLine:
    age: int
    label: str
    units: int
    fen: int
    by_item: dict[str, int]


@dataclass(frozen=True)
class MonthReport:
    bounds: PeriodBounds
    closed: CloseRow | None
    items: list[ItemLine]
    methods: list[MethodTotal]
    voids: list[VoidLine]
    refunds: list[RefundLine]
    ages: list[AgeLine]  # always the four ages, oldest last
    arrears_units: int
    deposits_held_fen: int

    @property
    def period(self) -> str:
        return self.bounds.period

    @property
    def charges_fen(self) -> int:
        """应收: charges due in the period with the adjustments dated in it. Deposits are
        held, not owed as income (a deposit paid back is an adjustment of its item), so
        they stay out: the line lists them, the total does not."""
        return sum(i.due_fen for i in self.items if not i.deposit)

    @property
    def adjustments_fen(self) -> int:
        return sum(i.adjusted_fen for i in self.items if not i.deposit)

    @property
    def received_fen(self) -> int:
        """实收: live receipts issued in the period."""
        return sum(m.total_fen for m in self.methods)

    @property
    def receipt_count(self) -> int:
        return sum(m.count for m in self.methods)

    @property
    def voided_fen(self) -> int:
        return sum(v.total_fen for v in self.voids)

    @property
    def refunds_fen(self) -> int:
        return sum(r.amount_fen for r in self.refunds)

    @property
    def arrears_fen(self) -> int:
        return sum(a.fen for a in self.ages)

    @property
    def collectible_fen(self) -> int:
        return sum(i.collectible_fen for i in self.items)

    @property
    def collected_fen(self) -> int:
        return sum(i.collected_fen for i in self.items)

    @property
    def collection_rate(self) -> Fraction | None:
        """收缴率 (当期实收 / 当期应收): of the charges that fell due in the period, the share
        paid by its end, whenever paid (a prepayment counts once applied); deposits are
        held, not income, and are left out. None when nothing fell due. (本期实收, the money
        taken in the period, includes prepayments and old debts, so it is not a rate.)"""
        return collection_rate(self.collected_fen, self.collectible_fen)

    @property
    def rate_text(self) -> str:
        return rate_text(self.collection_rate)


def collection_rate(received_fen: int, due_fen: int) -> Fraction | None:
    return Fraction(received_fen, due_fen) if due_fen > 0 else None


def rate_per_mille(rate: Fraction) -> int:
    """The rate in ‰, rounded half up (953 for 95.3 %)."""
    scaled = rate * 1000
    return (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)


def rate_text(rate: Fraction | None) -> str:
    """``95.3%``; ``—`` when nothing fell due."""
    if rate is None:
        return "—"
    whole, tenth = divmod(rate_per_mille(rate), 10)
    return f"{whole}.{tenth}%"


# --- periods -------------------------------------------------------------------------------------


def parse_period(text: str) -> tuple[int, int]:
    match = _PERIOD.fullmatch((text or "").strip())
    if not match:
        raise ValidationError(
            f"账期格式不正确：{(text or '').strip()}（应为 YYYY-MM，如 2026-11）。", field="period"
        )
    return int(match.group(1)), int(match.group(2))


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def period_name(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def previous_period(period: str) -> str:
    return period_name(*_shift_month(*parse_period(period), -1))


def next_period(period: str) -> str:
    return period_name(*_shift_month(*parse_period(period), 1))


def close_day(desk: Desk) -> int:
    return int(settings_service.get(desk, "ledger.close_day"))


def period_bounds(desk: Desk, period: str) -> PeriodBounds:
    """The days of a period. A closed period keeps the days it was closed with, and the
    next one starts the day after, even if the close day was changed since."""
    year, month = parse_period(period)
    name = period_name(year, month)
    day = close_day(desk)
    closed = close_store.close_of(desk.db, name)
    through = closed.through_on if closed else date(year, month, day).isoformat()
    previous = close_store.close_of(desk.db, previous_period(name))
    if previous is not None:
        last_day = date.fromisoformat(previous.through_on)
    else:
        last_day = date(*_shift_month(year, month, -1), day)
    start = (last_day + timedelta(days=1)).isoformat()
    return PeriodBounds(name, start, through)


def period_of(desk: Desk, day: date) -> str:
    """The period a day belongs to: after the close day it is next month's."""
    if day.day > close_day(desk):
        return period_name(*_shift_month(day.year, day.month, 1))
    return period_name(day.year, day.month)


def default_period(desk: Desk) -> str:
    """The latest period not closed: the one after the last close, or, before any close,
    the last period that has ended (today included)."""
    last = close_store.last_close(desk.db)
    if last is not None:
        return next_period(last.period)
    today = desk.clock.now().date()
    current = period_of(desk, today)
    if today.isoformat() >= period_bounds(desk, current).through_on:
        return current
    return previous_period(current)


def recent_periods(desk: Desk, count: int = 24) -> list[str]:
    """The current period and the ones before it, newest first (for a chooser)."""
    newest = period_of(desk, desk.clock.now().date())
    periods = [newest]
    while len(periods) < count:
        periods.append(previous_period(periods[-1]))
    return periods


# --- the report --------------------------------------------------------------------------------


def _months_back(through_on: str) -> tuple[str, str, str]:
    """The same day 1, 2 and 3 months before (as text; the close day is at most 28)."""
    year, month, day = (int(p) for p in through_on.split("-"))
    return tuple(  # type: ignore[return-value]
        f"{period_name(*_shift_month(year, month, -k))}-{day:02d}" for k in (1, 2, 3)
    )


def report(desk: Desk, period: str) -> MonthReport:
    """The reconciliation figures of a period (月结对账表), from set-based queries."""
    bounds = period_bounds(desk, period)
    db = desk.db
    start, through, after = bounds.start_on, bounds.through_on, bounds.after_on
    charged = close_store.charges_by_item(db, start, through)
    received = close_store.received_by_item(db, start, after)
    cells, unit_rows = close_store.arrears(db, through, after, _months_back(through))

    names: dict[int | None, str] = {}
    amounts: dict[int | None, list[int]] = {}  # charged, adjusted, received, arrears
    for charged_row in charged:
        names[charged_row.item_id] = charged_row.item_name
        amounts.setdefault(charged_row.item_id, [0, 0, 0, 0])[:2] = [
            charged_row.charged_fen,
            charged_row.adjusted_fen,
        ]
    for received_row in received:
        names[received_row.item_id] = received_row.item_name
        amounts.setdefault(received_row.item_id, [0, 0, 0, 0])[2] = received_row.received_fen
    for cell in cells:
        names[cell.item_id] = cell.item_name
        amounts.setdefault(cell.item_id, [0, 0, 0, 0])[3] += cell.fen
    collected: dict[int | None, tuple[int, int]] = {
        row.item_id: (row.collectible_fen, row.collected_fen)
        for row in close_store.collected_by_item(db, start, through, after)
    }
    deposits = {item.id for item in fee_items_store.fee_items(db) if item.kind == "deposit"}
    order = sorted(amounts, key=lambda item_id: (item_id is None, item_id or 0))
    items = []
    for item_id in order:
        charged_fen, adjusted_fen, received_fen, arrears_fen = amounts[item_id]
        collectible_fen, collected_fen = collected.get(item_id, (0, 0))
        items.append(
            ItemLine(
                names[item_id],
                charged_fen,
                adjusted_fen,
                received_fen,
                arrears_fen,
                collectible_fen,
                collected_fen,
                item_id in deposits,
            )
        )

    units_by_age = {u.age: u for u in unit_rows}
    ages = []
    for age, label in enumerate(AGE_LABELS):
        age_row = units_by_age.get(age)
        ages.append(
            AgeLine(
                age,
                label,
                age_row.units if age_row else 0,
                age_row.fen if age_row else 0,
                {c.item_name: c.fen for c in cells if c.age == age},
            )
        )
    everything = units_by_age.get(None)
    return MonthReport(
        bounds=bounds,
        closed=close_store.close_of(db, bounds.period),
        items=items,
        methods=close_store.received_by_method(db, start, after),
        voids=close_store.voids_in(db, start, after),
        refunds=close_store.refunds_in(db, start, after),
        ages=ages,
        arrears_units=everything.units if everything else 0,
        deposits_held_fen=close_store.deposits_held(db, after),
    )


# --- closing -----------------------------------------------------------------------------------


def check_closable(desk: Desk, period: str) -> None:
    """Refuse, before anyone signs, a period that cannot be closed now (already closed,
    not ended yet, or not the next one); the close checks again under its lock."""
    _check_closable(desk, period_bounds(desk, period))


def _check_closable(desk: Desk, bounds: PeriodBounds) -> None:
    period = bounds.period
    if close_store.close_of(desk.db, period) is not None:
        raise ValidationError(f"{period} 已经月结，不能重复月结。", field="period")
    today = desk.clock.now().date().isoformat()
    if today < bounds.through_on:
        raise ValidationError(
            f"{period} 账期到 {bounds.through_on}（月结日）才结束，不能提前月结。",
            field="period",
        )
    last = close_store.last_close(desk.db)
    if last is None or last.period == previous_period(period):
        return
    if last.through_on >= bounds.through_on:
        raise ValidationError(
            f"已月结到 {last.period}，不能再月结更早的账期 {period}。", field="period"
        )
    raise ValidationError(
        f"上次月结是 {last.period}，请先月结 {next_period(last.period)}：账期不能跳过。",
        field="period",
    )


def close(desk: Desk, period: str, approval: Approval | None = None) -> Done[CloseRow]:
    """月结: lock the period with its totals. A supervisor on duty closes it; a clerk needs
    a supervisor's ``approval``."""
    if approval is None:
        approver = desk.require_role("supervisor", "月结")
    else:
        desk.require_role("clerk", "月结")
        if not approval.approver.at_least("supervisor"):
            raise PermissionDenied("月结须经客服主管批准。", field="approval")
        approver = approval.approver
    bounds = period_bounds(desk, period)
    _check_closable(desk, bounds)
    with desk.operation("period_closed") as op:
        _check_closable(desk, bounds)  # again, inside the write lock
        figures = report(desk, bounds.period)
        close_store.insert_close(
            op.db,
            period=bounds.period,
            through_on=bounds.through_on,
            approved_by=approver.id,
            charges_fen=figures.charges_fen,
            received_fen=figures.received_fen,
            refunds_fen=figures.refunds_fen,
            deposits_held_fen=figures.deposits_held_fen,
            arrears_fen=figures.arrears_fen,
            stamp=op.stamp,
        )
        if approval is not None:
            approval.write_to(op, "period_closes", bounds.period)
        op.record(
            "period_closes",
            bounds.period,
            start_on=bounds.start_on,
            through_on=bounds.through_on,
            charges_fen=figures.charges_fen,
            received_fen=figures.received_fen,
            refunds_fen=figures.refunds_fen,
            deposits_held_fen=figures.deposits_held_fen,
            arrears_fen=figures.arrears_fen,
            money=close_store.period_digest(op.db, bounds.start_on, bounds.through_on),
        )
    return op.done(written(close_store.close_of(desk.db, bounds.period)))


def closes(desk: Desk) -> list[CloseRow]:
    """Every close, newest first."""
    return close_store.closes(desk.db)


def closed(desk: Desk, period: str) -> CloseRow | None:
    return close_store.close_of(desk.db, period_name(*parse_period(period)))
