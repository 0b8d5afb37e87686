"""The demo's fee ledger lived through month by month into rows (services/demo_ledger.py).

The ledger went live some months before the end of the history (the whole history for a
small estate). Each month the meters are read at its end (a meter's first reading is its
base) and the next month's bill is posted on one of its first days: a billing run of the
property fee, garbage, parking for units with a car, and what the meters read (water and
heating everywhere, electricity and gas in the low-rise buildings), due on the due day;
prepaid credit is applied right after. Then the month's events happen in time order:
payments by the kind of payer each household is, with the late fee of every overdue
charge a payment settles (now and then waived), receipts numbered in issue order through
books of 500 registered as they run out, a few voided and issued again, invoices for
some receipts, renovation deposits paid and refunded, credit refunded on request or when
a unit is sold, the chasing round after the due day (催款: stage 1, 2, 3), the Friday
cash handover, and the month-end close on the close day after its last receipt.

Every action is taken by the clerk on duty at its moment (``created_by``,
``created_shift``); approvals are a supervisor's. Anything that would happen after the
last shift of the history has not happened. Rows are tuples in the column order of
storage/demo_ledger_bulk.py with their ids handed out here, in id order; ``months()``
yields them a month at a time so that a long history is never held whole.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desk_app.core import ledger_rules
from desk_app.core.numbering import SEQUENCE_DIGITS, day_prefix
from desk_app.demo import ledger_bulk as bulk
from desk_app.demo.ledger_text import (
    ACTION_NOTES,
    ARREARS_DAYS,
    BOOK_SIZE,
    CREDIT_REFUND_REASONS,
    DAY,
    DEPOSIT_REFUND_REASON,
    ESTATE_HAS_HEATING,
    FINANCE_STAFF,
    FIRST_INVOICE_NO,
    FIRST_RECEIPT_NO,
    FLAT_RATES,
    HEATING_CENTI_PER_M2,
    HOUR,
    IDLE_USAGE,
    INVOICE_SHARE,
    INVOICE_SHARE_LARGE,
    LARGE_MIX,
    LARGE_PAYMENT_FEN,
    LEDGER_UNIT_MONTHS,
    METHOD_MIX_FIRST,
    METHOD_MIX_LAST,
    METHODS,
    MIN_LEDGER_MONTHS,
    MINUTE,
    MISREAD,
    MONTHLY_LATE,
    PASS_REFUND_REASON,
    PASSES,
    PAY_HOUR_PROFILE,
    PAY_HOURS,
    PAYER_KINDS,
    PAYER_SHARES,
    PREPAY_MONTHS,
    PROPERTY_RATES,
    RATE_RISES,
    READ_DAYS,
    RECEIPT_WIDTH,
    REDECORATION_PER_YEAR,
    REFUND_CREDIT,
    REFUND_METHODS,
    RENOVATION_DAYS,
    RENOVATION_DEPOSIT_FEN,
    RENOVATION_SHARE,
    RESALE_RENOVATION,
    SALE_REFUND_REASON,
    USAGE_CENTI,
    USAGE_SEASONS,
    USAGE_SPREAD,
    VOID_REASONS,
    VOID_SHARE,
    WAIVER_CONSENTS,
    WAIVER_REASONS,
    WAIVER_SHARE,
    cumulative,
)

if TYPE_CHECKING:
    from desk_app.demo.plan import DemoRandom

NEVER = 1 << 62
# What the generator keeps of an open charge: [id, due day, outstanding, kind, text, metered]
ID, DUE, OUT, KIND, TEXT, METERED = range(6)
CHARGE, LATE_FEE = 0, 1
# Events; on the same second they run in this order.
E_CLOSE, E_HANDOVER, E_SWEEP, E_REISSUE, E_PAY, E_RENOVATE, E_REFUND = range(7)
E_CREDIT_REFUND, E_SALE, E_EXCHANGE, E_MOVEIN = 7, 8, 9, 10
METERS = ("water", "electricity", "gas", "heating")
MONTHLY_ITEMS = ("property", "garbage", "parking")
CREDIT_TEXT = "预收款"  # the line of money paid ahead, as the ledger writes it
PREPAID_TEXT = "（收房预收）"  # services.movein.handover.post_first_months' descriptions


@dataclass(frozen=True)
class Terms:
    """The ledger's settings the history follows."""

    due_day: int
    close_day: int
    grace_days: int
    late_fee_wan: int
    cap_percent: int | None
    handover_weekday: int  # 1 Monday … 7 Sunday


@dataclass(frozen=True)
class Owner:
    since: int  # day index (0: the first day of the shift history); negative: before it
    until: int | None
    name: str
    person_id: int


@dataclass(frozen=True)
class UnitPlan:
    """What the generator needs to know of a unit."""

    unit_id: int
    place: str  # 3栋2单元501
    area_centi: int
    kind: str
    low_rise: bool
    occupied_from: int | None  # day index from which someone lives there; None: nobody
    owners: list[Owner]
    car_from: int | None  # day index from which the unit keeps a car
    # 收房 (demo/movein.py): when the fees station was saved (seconds of the desk clock)
    # and the months of property fee it prepaid; the meters' base readings then
    # (item code, reading, day index)
    fees_t: int | None = None
    prepaid: tuple[str, ...] = ()
    bases: tuple[tuple[str, int, int], ...] = ()


class Account:
    """A unit's ledger while its history is lived through."""

    __slots__ = (
        "plan", "id", "payer", "first_w", "owed", "credit", "credit_receipt", "credit_line",
        "pay_t", "stop_t", "stage", "stage_w", "util_step", "waived", "meters", "usage", "base",
        "property_fen", "property_price", "estimate", "deposits", "heat_base", "base_day",
    )  # fmt: skip

    def __init__(self, plan: UnitPlan) -> None:
        self.plan = plan
        self.id = plan.unit_id
        self.payer = "monthly"
        self.first_w = 0  # the first period billed
        self.owed: list[list] = []  # open charges, oldest due first (see ID … METERED)
        self.credit = 0
        self.credit_receipt = 0  # the receipt that last paid money ahead, and how much
        self.credit_line = 0
        self.pay_t: int | None = None  # the payment planned (NEVER: none any more)
        self.stop_t = NEVER  # pays nothing from then on
        self.stage = 0  # the chasing stage reached in this spell of arrears
        self.stage_w = -99
        self.util_step = 0
        self.waived: set[int] = set()
        self.meters: dict[str, int] = {}  # the last reading of each meter
        self.usage: dict[str, int] = dict.fromkeys(METERS, 0)  # read for the next bill
        self.base: dict[str, int] = {}  # the household's usual month
        self.property_fen: list[int] = []  # by rate step
        self.property_price: tuple[int, ...] = ()
        self.estimate = 0  # what a month costs the household, for paying ahead
        self.deposits: list[tuple[int, int, int, str, str]] = []  # charge, receipt, fen, code, text
        self.heat_base = 0
        self.base_day: dict[str, int] = {}  # a meter's base read at the hand-over (day index)

    def owner_on(self, day: int) -> Owner:
        owners = self.plan.owners
        for owner in owners:
            if owner.since <= day and (owner.until is None or day < owner.until):
                return owner
        return owners[-1] if day >= owners[-1].since else owners[0]


class DeskDays:
    """The shift history by day: who is on duty when, and the ISO text of a moment."""

    def __init__(self, spans: list, rng: DemoRandom) -> None:
        self.rng = rng
        first = date.fromisoformat(spans[0][2][:10])
        self.first_day = first
        shifts: dict[int, list[tuple[int, int, int, int]]] = {}
        for shift_id, operator_id, opened_at, closed_at in spans:
            start, end = self.seconds(opened_at), self.seconds(closed_at)
            shifts.setdefault(start // DAY, []).append((start, end, shift_id, operator_id))
        self.horizon = max(end for rows in shifts.values() for _s, end, _i, _o in rows)
        self.last_day = max(shifts)
        count = self.last_day + 3
        self.day_shifts = [tuple(sorted(shifts.get(d, ()))) for d in range(count)]
        self.dates = [first + timedelta(days=d) for d in range(count + 40)]
        self.texts = [d.isoformat() for d in self.dates]
        self.times = [
            f"T{h:02d}:{m:02d}:{s:02d}+08:00"
            for h in range(24)
            for m in range(60)
            for s in range(60)
        ]
        self.hour_cum = cumulative(PAY_HOUR_PROFILE)

    def seconds(self, text: str) -> int:
        day = (date.fromisoformat(text[:10]) - self.first_day).days
        return day * DAY + int(text[11:13]) * HOUR + int(text[14:16]) * MINUTE + int(text[17:19])

    def day_of(self, when: date) -> int:
        return (when - self.first_day).days

    def text(self, t: int) -> str:
        return self.texts[t // DAY] + self.times[t % DAY]

    def who(self, t: int) -> tuple[int, int]:
        """(shift id, operator id) on duty at ``t``."""
        rows = self.day_shifts[t // DAY]
        for _start, end, shift_id, operator_id in rows:
            if t < end:
                return shift_id, operator_id
        return rows[-1][2], rows[-1][3]

    def moment(self, day: int, hour: int | None = None) -> int | None:
        """A moment of the desk's day ``day`` or the next open one (busy hours more likely
        unless ``hour`` is given), inside its hours; None after the history."""
        day = max(day, 0)
        while day <= self.last_day and not self.day_shifts[day]:
            day += 1
        if day > self.last_day:
            return None
        rng = self.rng
        if hour is None:
            hour = 7 + rng.pick(PAY_HOURS, self.hour_cum)
        t = day * DAY + hour * HOUR + rng.between(0, HOUR - 1)
        rows = self.day_shifts[day]
        # not before the desk opens, and done 10 minutes before it closes (月结 follows)
        t = min(max(t, rows[0][0] + 2 * MINUTE), rows[-1][1] - 10 * MINUTE)
        return t if t < self.horizon else None


@dataclass(slots=True)
class _Receipt:
    """A receipt drafted before it is numbered."""

    acct: Account
    lines: list[tuple[int | None, str, int]]  # charge (None: credit), text, fen
    method: str = ""
    note: str = ""
    tendered: int | None = None
    deposit_fen: int = 0
    misnamed: bool = False  # the spoiled receipt of a void with the name written wrong


class LedgerHistory:
    """The rows of the fee ledger's history, in the column order of demo_ledger_bulk."""

    def __init__(
        self,
        rng: DemoRandom,
        days: DeskDays,
        plans: list[UnitPlan],
        items: dict[str, tuple[int, str]],
        terms: Terms,
        supervisors: list[int],
        first_ids: dict[str, int],
    ) -> None:
        self.rng = rng
        self.days = days
        self.items = items
        self.terms = terms
        self.supervisors = supervisors
        self.ids = dict(first_ids)  # the next id of each table
        self.book_last = FIRST_RECEIPT_NO - 1  # the last number of the registered books
        self.number = FIRST_RECEIPT_NO - 1
        self.invoice_no = FIRST_INVOICE_NO + rng.between(0, 50_000)
        self.vouchers: dict[int, int] = {}
        self.batch: dict[str, list] = {table: [] for table in bulk.LAYOUT}
        self.close_rows: list[tuple] = []
        self.heap: list[tuple] = []
        self.later: dict[int, list[tuple]] = {}
        self.seq = 0
        self.window = -1
        self.now = 0
        owned = [plan for plan in plans if plan.owners]
        self._periods(len(owned))
        self.rate_rows = self._rates()
        self.method_mix = [
            cumulative(
                [
                    a + (b - a) * step / 20
                    for a, b in zip(METHOD_MIX_FIRST, METHOD_MIX_LAST, strict=True)
                ]
            )
            for step in range(21)
        ]
        self.large_mix = cumulative(LARGE_MIX)
        # sums for the month-end closes, by the period whose close covers the day (the
        # last slot: days before the ledger or after the last period)
        n = len(self.periods) + 1
        self.charged = [0] * n
        self.received = [0] * n
        self.refunded = [0] * n
        self.held = 0  # deposits paid and not yet refunded
        # the Friday handover: receipts and refunds since the last one
        self.handed_receipt = self.ids[bulk.RECEIPTS] - 1
        self.week_total = 0
        self.week_cash = 0
        self.last_refund: int | None = None
        self.accounts = [Account(plan) for plan in owned]
        self.movein_times: list[int] = []  # receipts of hand-overs' fees (E_MOVEIN), in order
        self.busy_until = -1  # a spoiled receipt is written again by then
        # A small estate still shows a few voids, waivers and credit refunds.
        receipts = max(len(self.accounts) * len(self.periods) * 0.5, 1)
        self.void_share = max(VOID_SHARE, 3 / receipts)
        self.credit_refund_share = max(REFUND_CREDIT, 8 / receipts)
        self.waiver_share = max(WAIVER_SHARE, 120 / receipts)
        if self.periods:
            self._accounts()

    # --- calendar ------------------------------------------------------------------------------

    def _periods(self, households: int) -> None:
        """The billing periods of the ledger: the months whose run falls in the history,
        the last ones only when the estate is large."""
        days, rng, terms = self.days, self.rng, self.terms
        first = days.first_day
        month = date(first.year, first.month, 1)
        if first.day != 1:
            month = _next_month(month)
        months, runs = [], []
        while True:
            run = days.moment(days.day_of(month) + rng.between(0, 2), hour=9)
            if run is None:
                break
            months.append(month)
            runs.append(run)
            month = _next_month(month)
        keep = max(MIN_LEDGER_MONTHS, LEDGER_UNIT_MONTHS // max(households, 1))
        months, runs = months[-keep:], runs[-keep:]
        self.month_starts = months
        self.run_t = runs
        self.periods = [f"{m:%Y-%m}" for m in months]
        self.due_day = [days.day_of(m.replace(day=terms.due_day)) for m in months]
        self.through_day = [days.day_of(m.replace(day=terms.close_day)) for m in months]
        # the ledger's first day: the first day of its first period (as month_close counts)
        if months:
            start = days.day_of(_previous_month(months[0]).replace(day=terms.close_day)) + 1
        else:
            start = days.last_day + 1
        self.start_day = max(start, 0)
        # close_of[d]: the period whose month-end close covers day d
        span = len(days.dates)
        outside = len(months)
        self.close_of = [outside] * span
        w = 0
        for d in range(self.start_day, span):
            while w < outside and d > self.through_day[w]:
                w += 1
            self.close_of[d] = w

    def _rates(self) -> list[tuple[str, str | None, str, int]]:
        """(item code, unit kind, effective from, price) of the rates; sets the property
        rate step in force on each period's due day."""
        days = self.days
        first_month = date(days.first_day.year, days.first_day.month, 1)
        years = (days.last_day + 1) / 365
        rises = {first_month.isoformat()}
        for share, min_years in RATE_RISES:
            if years >= min_years:
                rise = days.first_day + timedelta(days=int(days.last_day * share))
                rises.add(date(rise.year + 1, 1, 1).isoformat())
        starts = sorted(rises)
        self.rate_starts = starts
        rows: list[tuple[str, str | None, str, int]] = []
        for kind, prices in PROPERTY_RATES.items():
            for step, start in enumerate(starts):
                rows.append(("property", kind, start, prices[min(step, len(prices) - 1)]))
        for code, price in FLAT_RATES.items():
            rows.append((code, None, starts[0], price))
        self.rate_step = [bisect_right(starts, days.texts[due]) - 1 for due in self.due_day]
        self.property_prices = {
            kind: tuple(prices[min(step, len(prices) - 1)] for step in range(len(starts)))
            for kind, prices in PROPERTY_RATES.items()
        }
        return rows

    # --- the households -----------------------------------------------------------------------

    def _accounts(self) -> None:
        rng, days = self.rng, self.days
        singles = []
        for acct in self.accounts:
            plan = acct.plan
            received = plan.owners[0].since
            if received < 0:
                acct.first_w = 0
            else:
                month_of = days.dates[received]
                start = _next_month(date(month_of.year, month_of.month, 1))
                acct.first_w = next(
                    (w for w, m in enumerate(self.month_starts) if m >= start), len(self.periods)
                )
            acct.payer = self._payer()
            if len(plan.owners) > 1 and acct.payer == "chronic":
                acct.payer = "late"  # a unit is only sold with its fees paid
            prices = self.property_prices.get(plan.kind) or self.property_prices["住宅"]
            acct.property_price = prices
            acct.property_fen = [
                ledger_rules.property_fee_fen(plan.area_centi, price) for price in prices
            ]
            spread = USAGE_SPREAD[0] + rng.random() * (USAGE_SPREAD[1] - USAGE_SPREAD[0])
            for meter in ("water", "electricity", "gas"):
                acct.base[meter] = int(USAGE_CENTI[meter] * spread)
            acct.heat_base = plan.area_centi * HEATING_CENTI_PER_M2 // 100
            for code, centi, day in plan.bases:  # read at the hand-over: the first bill's base
                if code == "water" or plan.low_rise:
                    acct.meters[code] = centi
                    acct.base_day[code] = day
            if plan.fees_t is not None:
                self._push(plan.fees_t - MINUTE, E_MOVEIN, acct)
                self.movein_times.append(plan.fees_t - MINUTE)
            if len(plan.owners) == 1 and acct.first_w < len(self.periods) - 6:
                singles.append(acct)
            self._plan_renovations(acct)
        self._force_arrears(singles)
        self.movein_times.sort()

    def _payer(self) -> str:
        return PAYER_KINDS[bisect_right(PAYER_SHARES, self.rng.random() * PAYER_SHARES[-1])]

    def _force_arrears(self, singles: list[Account]) -> None:
        """Whatever the estate's size, the history ends with households at each stage of
        chasing: the chronic debtors owe for three months or more, a few others for two
        and for one month (their oldest unpaid bill is that old the morning after)."""
        rng = self.rng
        today = self.days.dates[self.days.last_day + 1]
        stop_w = {}
        for stage in (1, 2, 3):
            found = [
                w
                for w, due in enumerate(self.due_day)
                if ledger_rules.arrears_stage(
                    ledger_rules.months_overdue(self.days.dates[due], today)
                )
                == stage
            ]
            if found:
                stop_w[stage] = found[-1]
        chronic = [a for a in singles if a.payer == "chronic"]
        rng.shuffle(singles)
        others = iter(a for a in singles if a.payer in ("monthly", "late"))
        want = {3: max(1, len(singles) // 120), 2: max(1, len(singles) // 200), 1: 1}
        for stage, count in want.items():
            if stage not in stop_w:
                continue
            picked = chronic[:count] if stage == 3 else []
            while len(picked) < count:
                acct = next(others, None)
                if acct is None:
                    break
                picked.append(acct)
            for acct in picked:
                if stage != 3:
                    acct.payer = "monthly"
                acct.stop_t = self.run_t[stop_w[stage]] - 1
        if 3 in stop_w:  # every chronic debtor owes for three months or more at the end
            for acct in chronic:
                acct.stop_t = min(acct.stop_t, self.run_t[stop_w[3]] - 1)

    def _plan_renovations(self, acct: Account) -> None:
        """装修 after a unit is received or bought, and now and then years later; a sale
        is preceded by the seller clearing the fees."""
        rng, days = self.rng, self.days
        owners = acct.plan.owners
        for index, owner in enumerate(owners):
            share = RENOVATION_SHARE if index == 0 else RESALE_RENOVATION
            if owner.since >= 0 and rng.random() < share:
                self._push_day(owner.since + rng.between(10, 120), E_RENOVATE, acct)
            if index > 0:
                self._push_day(owner.since - rng.between(1, 12), E_SALE, acct)
        lived = max(owners[0].since, 0)
        years = (days.last_day - lived) / 365
        if years > 2 and rng.random() < REDECORATION_PER_YEAR * years:
            self._push_day(lived + rng.between(700, int(years * 365)), E_RENOVATE, acct)

    # --- events -------------------------------------------------------------------------------

    def _push(self, t: int | None, kind: int, payload: object) -> None:
        if t is None or t >= self.days.horizon or t < self.start_day * DAY:
            return
        if t <= self.now:  # nothing is done before what it follows
            t = self.now + 1
        self.seq += 1
        event = (t, kind, self.seq, payload)
        w = bisect_right(self.run_t, t) - 1
        if w <= self.window:
            heapq.heappush(self.heap, event)
        else:
            self.later.setdefault(w, []).append(event)

    def _push_day(self, day: int, kind: int, payload: object, hour: int | None = None) -> None:
        if day >= 0:
            self._push(self.days.moment(day, hour), kind, payload)

    def months(self) -> Iterator[dict[str, list]]:
        """The history a month at a time: {table: rows} of a billing run and the events up
        to the next one (the first batch: what happened before the first run)."""
        self.window = -1
        self._fixed_events()
        heapq.heapify(self.heap)
        for w in range(-1, len(self.periods)):
            self.window = w
            self.batch = {table: [] for table in bulk.LAYOUT}
            if w >= 0:
                self.heap.extend(self.later.pop(w, []))
                heapq.heapify(self.heap)
                self.now = self.run_t[w]
                self._bill(w)
            while self.heap:
                t, kind, _seq, payload = heapq.heappop(self.heap)
                self.now = t
                self._handle(t, kind, payload)
            yield self.batch

    def _fixed_events(self) -> None:
        """The chasing rounds, the Friday handovers and the month-end closes."""
        days, rng = self.days, self.rng
        for w, month in enumerate(self.month_starts):
            sweep = days.day_of(month.replace(day=rng.between(*ARREARS_DAYS)))
            self._push_day(sweep, E_SWEEP, w, hour=9)
            close_day = self.through_day[w]
            if close_day <= days.last_day and days.day_shifts[close_day]:
                self._push(days.day_shifts[close_day][-1][1] - 2 * MINUTE, E_CLOSE, w)
        weekday = self.terms.handover_weekday - 1
        for d in range(self.start_day, days.last_day + 1):
            if days.dates[d].weekday() == weekday:
                self._push_day(d, E_HANDOVER, None, hour=16)

    def _handle(self, t: int, kind: int, payload: object) -> None:
        if kind in (E_PAY, E_RENOVATE, E_SALE) and t <= self.busy_until:
            # the clerk is writing a spoiled receipt again: the next one waits (the fresh
            # receipt takes the number after the spoiled one)
            later = self.busy_until + self.rng.between(30, 150)
            if kind == E_PAY:
                payload.pay_t = later  # type: ignore[attr-defined]
            self._push(later, kind, payload)
            return
        if kind == E_PAY:
            self._pay(payload, t)  # type: ignore[arg-type]
        elif kind == E_REISSUE:
            self._reissue(t, payload)  # type: ignore[arg-type]
        elif kind == E_SWEEP:
            self._sweep(t, payload)  # type: ignore[arg-type]
        elif kind == E_HANDOVER:
            self._handover(t)
        elif kind == E_CLOSE:
            self._close(t, payload)  # type: ignore[arg-type]
        elif kind == E_RENOVATE:
            self._renovate(t, payload)  # type: ignore[arg-type]
        elif kind == E_REFUND:
            self._refund_deposits(t, payload)  # type: ignore[arg-type]
        elif kind == E_CREDIT_REFUND:
            self._refund_credit(t, payload)  # type: ignore[arg-type]
        elif kind == E_SALE:
            self._sale(t, payload)  # type: ignore[arg-type]
        elif kind == E_MOVEIN:
            self._movein_fees(t, payload)  # type: ignore[arg-type]
        elif kind == E_EXCHANGE:
            self._exchange(t, payload)  # type: ignore[arg-type]

    def _next_id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    # --- billing ------------------------------------------------------------------------------

    def _bill(self, w: int) -> None:
        """The billing run of period ``w`` (计费入账, as billing.post writes it): each owned
        unit's property fee, garbage, parking if it keeps a car, and its metered items;
        credit applied right after; each household's payment planned."""
        days, items = self.days, self.items
        t = self.run_t[w]
        at = days.text(t)
        shift, by = days.who(t)
        period = self.periods[w]
        due = self.due_day[w]
        due_text = days.texts[due]
        step = self.rate_step[w]
        self._read_meters(w)
        charges = self.batch[bulk.CHARGES]
        property_id = items["property"][0]
        garbage_id = items["garbage"][0]
        parking_id = items["parking"][0]
        texts = {code: f"{items[code][1]} {period}" for code in (*MONTHLY_ITEMS, *METERS)}
        property_text, garbage_text, parking_text = (
            texts["property"],
            texts["garbage"],
            texts["parking"],
        )
        metered_ids = {code: items[code][0] for code in METERS}
        garbage_price, parking_price = FLAT_RATES["garbage"], FLAT_RATES["parking"]
        garbage_fen, parking_fen = garbage_price // 10, parking_price // 10
        run_day = t // DAY
        first_id = self.ids[bulk.CHARGES]
        cid = first_id
        total = 0
        billed: set[str] = set()
        used_t = t + 5 * MINUTE
        used_at = days.text(used_t)
        for acct in self.accounts:
            if acct.first_w > w:
                continue
            plan = acct.plan
            owed = acct.owed
            unit_id = acct.id
            start = len(owed)
            amount = 0 if period in plan.prepaid else acct.property_fen[step]
            bill = amount + garbage_fen
            if amount:  # a month prepaid at the hand-over is billed already (the run skips it)
                charges.append(
                    (cid, unit_id, property_id, period, property_text, plan.area_centi,
                     acct.property_price[step], amount, due_text, "charge", None, "", "billing",
                     period, at, by, shift)
                )  # fmt: skip
                owed.append([cid, due, amount, CHARGE, property_text, False])
                cid += 1
            charges.append(
                (cid, unit_id, garbage_id, period, garbage_text, 100, garbage_price,
                 garbage_fen, due_text, "charge", None, "", "billing", period, at, by, shift)
            )  # fmt: skip
            owed.append([cid, due, garbage_fen, CHARGE, garbage_text, False])
            cid += 1
            if plan.car_from is not None and plan.car_from <= run_day:
                charges.append(
                    (cid, unit_id, parking_id, period, parking_text, 100, parking_price,
                     parking_fen, due_text, "charge", None, "", "billing", period, at, by,
                     shift)
                )  # fmt: skip
                owed.append([cid, due, parking_fen, CHARGE, parking_text, False])
                cid += 1
                bill += parking_fen
            for code, usage in acct.usage.items():
                if usage <= 0:
                    continue
                price = FLAT_RATES[code]
                fen = (2 * usage * price + 1000) // 2000  # × price, half up (metered_fen)
                if fen <= 0:
                    continue
                text = texts[code]
                charges.append(
                    (cid, unit_id, metered_ids[code], period, text, usage, price, fen, due_text,
                     "charge", None, "", "billing", period, at, by, shift)
                )  # fmt: skip
                owed.append([cid, due, fen, CHARGE, text, True])
                cid += 1
                bill += fen
                billed.add(code)
            total += bill
            acct.estimate = bill
            if start and owed[start - 1][DUE] > due:
                owed.sort(key=_due_order)
            if acct.credit > 0:
                self._use_credit(acct, used_at, used_t)
            if owed and acct.pay_t is None:
                self._schedule(acct, w, run_day)
        self.ids[bulk.CHARGES] = cid
        self.charged[self.close_of[due]] += total
        codes = [*MONTHLY_ITEMS, *(code for code in METERS if code in billed)]
        if cid > first_id:  # nobody to bill yet (an estate whose units are still delivered)
            self.batch[bulk.BILLING_RUNS].append(
                (period, due_text, ",".join(codes), "全部房屋", cid - first_id, total, at, by,
                 shift)
            )  # fmt: skip

    def _read_meters(self, w: int) -> None:
        """The readings for period ``w``, read at the end of the month before and imported
        from the meter reader's sheet; a meter's first reading is its base (首次抄表)."""
        rng, days, items = self.rng, self.days, self.items
        month = self.month_starts[w]
        previous = _previous_month(month)
        read_day = days.day_of(previous.replace(day=READ_DAYS[0]))
        imported = days.moment(max(read_day + len(READ_DAYS) - 1, 0), hour=10)
        if imported is None or imported >= self.run_t[w]:
            imported = self.run_t[w] - 30 * MINUTE
        at = days.text(imported)
        corrected_at = days.text(imported + 20 * MINUTE)
        shift, by = days.who(imported)
        last_read = imported // DAY
        read_days = [min(max(read_day + k, 0), last_read) for k in range(len(READ_DAYS))]
        season = previous.month - 1
        heating = USAGE_SEASONS["heating"][season] if ESTATE_HAS_HEATING else 0
        period = self.periods[w]
        rows = self.batch[bulk.METER_READINGS]
        reading_id = self.ids[bulk.METER_READINGS]
        ids = {code: items[code][0] for code in METERS}
        texts = days.texts
        for acct in self.accounts:
            if acct.first_w > w:
                continue
            plan = acct.plan
            day = read_days[plan.unit_id % len(read_days)]
            since = plan.owners[0].since
            if since > day:  # received after the round: read at the handover
                day = min(since, last_read)
            read_on = texts[day]
            idle = plan.occupied_from is None or plan.occupied_from > day
            usages = acct.usage
            meters = acct.meters
            for code in METERS:
                usages[code] = 0
                if code == "heating":
                    if not heating:
                        continue
                    usual = acct.heat_base * heating * (0.35 if idle else 1.0)
                elif code == "water" or plan.low_rise:
                    usual = acct.base[code] * USAGE_SEASONS[code][season]
                    if idle:
                        usual *= IDLE_USAGE
                else:
                    continue
                if acct.base_day.get(code, -1) >= day:
                    continue  # read at the hand-over after this round: its base stands
                if code in meters:
                    usage = int(usual * (0.85 + 0.3 * rng.random()))
                    value = meters[code] + usage
                    usages[code] = usage
                else:
                    value = rng.between(0, 5_000 if code != "heating" else 900)
                if rng.random() < MISREAD:  # typed wrong in the sheet, entered again at the desk
                    rows.append(
                        (reading_id, acct.id, ids[code], period, value + 10_000, read_on, "excel",
                         at, by, shift)
                    )  # fmt: skip
                    rows.append(
                        (reading_id + 1, acct.id, ids[code], period, value, read_on, "desk",
                         corrected_at, by, shift)
                    )  # fmt: skip
                    reading_id += 2
                else:
                    rows.append(
                        (reading_id, acct.id, ids[code], period, value, read_on, "excel", at, by,
                         shift)
                    )  # fmt: skip
                    reading_id += 1
                meters[code] = value
        self.ids[bulk.METER_READINGS] = reading_id

    def _use_credit(self, acct: Account, at: str, t: int) -> None:
        """Prepaid credit applied to what the unit owes, oldest first (抵扣预收款)."""
        shift, by = self.days.who(t)
        rows = self.batch[bulk.CREDIT_USES]
        use_id = self.ids[bulk.CREDIT_USES]
        left = acct.credit
        owed = acct.owed
        settled = 0
        for row in owed:
            if left <= 0:
                break
            part = row[OUT] if row[OUT] <= left else left
            rows.append((use_id, acct.id, row[ID], part, at, by, shift))
            use_id += 1
            left -= part
            row[OUT] -= part
            if row[OUT] == 0:
                settled += 1
        self.ids[bulk.CREDIT_USES] = use_id
        acct.credit = left
        if settled:
            del owed[:settled]
        if not owed:
            acct.stage = acct.util_step = 0

    def _schedule(self, acct: Account, w: int, run_day: int) -> None:
        """When the household comes to pay what the run left it owing."""
        rng = self.rng
        payer = acct.payer
        due = self.due_day[w]
        if payer == "late":
            day = max(acct.owed[0][DUE] + rng.between(18, 75), run_day + 1)
        elif payer == "chronic":
            day = run_day + rng.between(60, 270)
        elif rng.random() < MONTHLY_LATE and acct.stop_t == NEVER:
            day = due + rng.between(1, 9)
        else:
            day = run_day + 1 + int(rng.random() ** 0.9 * max(due - run_day, 1))
        t = self.days.moment(day)
        if t is None or t >= acct.stop_t:
            acct.pay_t = NEVER
            return
        acct.pay_t = t
        self._push(t, E_PAY, acct)

    # --- the hand-over's fees ---------------------------------------------------------------

    def _handing_over(self, t: int) -> bool:
        """A hand-over's fees are paid in the next minutes: no receipt is spoiled and written
        again meanwhile (the fresh one takes the number after the spoiled one)."""
        times = self.movein_times
        return bisect_right(times, t + 6 * MINUTE) > bisect_right(times, t)

    def _movein_fees(self, t: int, acct: Account) -> None:
        """收房: the first months' property fee charged as the monthly billing would (source
        billing, the period as its reference, so the runs skip them), due today, a minute
        before the owner pays them (``handover.post_first_months``, then the payment)."""
        days, plan = self.days, acct.plan
        day = t // DAY
        posted = t - MINUTE
        shift, by = days.who(posted)
        at, due_text = days.text(posted), days.texts[day]
        step = max(0, bisect_right(self.rate_starts, due_text) - 1)
        amount, price = acct.property_fen[step], acct.property_price[step]
        item_id, item_name = self.items["property"]
        lines: list[tuple[int | None, str, int]] = []
        for period in plan.prepaid:
            cid = self._next_id(bulk.CHARGES)
            text = f"{item_name} {period}{PREPAID_TEXT}"
            self.batch[bulk.CHARGES].append(
                (cid, acct.id, item_id, period, text, plan.area_centi, price, amount, due_text,
                 "charge", None, "", "billing", period, at, by, shift)
            )  # fmt: skip
            lines.append((cid, text, amount))
        self.charged[self.close_of[day]] += amount * len(lines)
        note = f"收房预收 {plan.prepaid[0]} 至 {plan.prepaid[-1]}" if plan.prepaid else ""
        self._issue(t, _Receipt(acct, lines, note=note), void_ok=False)

    # --- payments -----------------------------------------------------------------------------

    def _pay(self, acct: Account, t: int) -> None:
        acct.pay_t = None
        if not acct.owed or t >= acct.stop_t:
            return
        rng = self.rng
        amount = None
        if acct.payer == "chronic":  # pays part of it, the oldest first
            owed = sum(row[OUT] for row in acct.owed)
            amount = max(acct.owed[0][OUT], _round_up(int(owed * (0.3 + 0.5 * rng.random()))))
        draft = self._settle(acct, t, amount)
        months = PREPAY_MONTHS.get(acct.payer, 0)
        if months:
            ahead = _round_up(acct.estimate * (months - 1))
            if ahead:
                draft.lines.append((None, CREDIT_TEXT, ahead))
                w = self.window
                if w >= 0 and w + months - 1 < len(self.periods):
                    draft.note = f"预交 {self.periods[w]} 至 {self.periods[w + months - 1]}"
        self._issue(t, draft)
        if months and rng.random() < self.credit_refund_share:
            self._push_day(t // DAY + rng.between(20, 200), E_CREDIT_REFUND, acct)

    def _settle(self, acct: Account, t: int, amount: int | None = None) -> _Receipt:
        """What the unit owes paid oldest first (all of it, or ``amount``): each overdue
        charge it settles carries its late fee, charged and paid right after it, unless
        waived (take_payment's rule)."""
        day = t // DAY
        owed = acct.owed
        terms = self.terms
        late_from = day - terms.grace_days  # due before this day: overdue
        if amount is None and (owed[0][DUE] >= late_from or not terms.late_fee_wan):
            settled = [(row[ID], row[TEXT], row[OUT]) for row in owed]
            acct.owed = []
            acct.stage = acct.util_step = 0
            return _Receipt(acct, settled)
        overdue = [
            row
            for row in owed
            if row[KIND] == CHARGE and row[DUE] < late_from and row[ID] not in acct.waived
        ]
        if overdue and terms.late_fee_wan and self.rng.random() < self.waiver_share:
            self._waive(acct, overdue[0], t - MINUTE)
        left = NEVER if amount is None else amount
        lines: list[tuple[int | None, str, int]] = []
        keep: list[list] = []
        for row in owed:
            if left <= 0:
                keep.append(row)
                continue
            part = row[OUT] if row[OUT] <= left else left
            lines.append((row[ID], row[TEXT], part))
            left -= part
            if part < row[OUT]:
                row[OUT] -= part
                keep.append(row)
                continue
            if row[KIND] != CHARGE or row[DUE] >= late_from or row[ID] in acct.waived:
                continue
            fee = ledger_rules.late_fee_fen(
                row[OUT],
                self.days.dates[row[DUE] + terms.grace_days],
                self.days.dates[day],
                daily_rate_wan=terms.late_fee_wan,
                cap_percent=terms.cap_percent,
            )
            if fee <= 0:
                continue
            text = f"滞纳金（{row[TEXT]}）"[:100]
            fee_id = self._late_fee(acct, row[ID], text, fee, t)
            paid = fee if fee <= left else left
            if paid:
                lines.append((fee_id, text, paid))
                left -= paid
            if paid < fee:
                keep.append([fee_id, day, fee - paid, LATE_FEE, text, False])
        if keep:
            keep.sort(key=_due_order)
        acct.owed = keep
        if amount is not None and left > 0:
            lines.append((None, CREDIT_TEXT, left))
        if not keep:
            acct.stage = acct.util_step = 0
        return _Receipt(acct, lines)

    def _late_fee(self, acct: Account, charge_id: int, text: str, fee: int, t: int) -> int:
        days = self.days
        shift, by = days.who(t)
        fee_id = self._next_id(bulk.CHARGES)
        self.batch[bulk.CHARGES].append(
            (fee_id, acct.id, self.items["late_fee"][0], "", text, 100, 0, fee,
             days.texts[t // DAY], "late_fee", None, "", "late_fee", str(charge_id),
             days.text(t), by, shift)
        )  # fmt: skip
        self.charged[self.close_of[t // DAY]] += fee
        return fee_id

    def _waive(self, acct: Account, row: list, t: int) -> None:
        rng, days = self.rng, self.days
        shift, by = days.who(t)
        acct.waived.add(row[ID])
        self.batch[bulk.LATE_FEE_WAIVERS].append(
            (self._next_id(bulk.LATE_FEE_WAIVERS), row[ID], acct.id, rng.one(WAIVER_REASONS),
             rng.one(WAIVER_CONSENTS), rng.one(self.supervisors), days.text(t), by, shift)
        )  # fmt: skip

    def _issue(self, t: int, draft: _Receipt, void_ok: bool = True) -> int | None:
        """Number and write a receipt; a few are written wrongly, voided at once with a
        supervisor's approval and issued again (the next number)."""
        if not draft.lines:
            return None
        rng = self.rng
        total = sum(line[2] for line in draft.lines)
        if not draft.method:
            if total >= LARGE_PAYMENT_FEN:
                draft.method = rng.pick(METHODS, self.large_mix)
            else:
                mix = self.method_mix[min(20, t * 20 // self.days.horizon)]
                draft.method = rng.pick(METHODS, mix)
        if draft.method == "现金" and draft.tendered is None:
            roll = rng.random()
            step = 10_000 if roll < 0.5 else 1_000 if roll < 0.8 else 1
            draft.tendered = -(-total // step) * step
        credit = sum(line[2] for line in draft.lines if line[0] is None)
        if credit:
            draft.acct.credit += credit
            draft.acct.credit_line = credit
        if void_ok and rng.random() < self.void_share and not self._handing_over(t):
            reason, what = rng.one(VOID_REASONS)
            wrong = _Receipt(
                draft.acct, list(draft.lines), draft.method, draft.note, draft.tendered
            )
            if what == "lines" and len(wrong.lines) > 1:
                wrong.lines.pop()
            elif what == "customer":
                wrong.misnamed = True
            else:
                wrong.method = next(m for m in ("微信", "现金", "支付宝") if m != draft.method)
                wrong.tendered = None
            wrong_id = self._write_receipt(t, wrong, live=False)
            again = t + rng.between(2 * MINUTE, 4 * MINUTE)
            self.busy_until = max(self.busy_until, again)
            self._push(again, E_REISSUE, (draft, wrong_id, reason))
            return wrong_id
        receipt_id = self._write_receipt(t, draft, live=True)
        if credit:
            draft.acct.credit_receipt = receipt_id
        return receipt_id

    def _reissue(self, t: int, payload: tuple) -> None:
        draft, wrong_id, reason = payload
        days = self.days
        voided = t - 30
        shift, by = days.who(voided)
        self.batch[bulk.RECEIPT_VOIDS].append(
            (wrong_id, reason, self.rng.one(self.supervisors), days.text(voided), by, shift)
        )
        receipt_id = self._write_receipt(t, draft, live=True)
        if any(line[0] is None for line in draft.lines):
            draft.acct.credit_receipt = receipt_id

    def _write_receipt(self, t: int, draft: _Receipt, *, live: bool) -> int:
        days = self.days
        at = days.text(t)
        shift, by = days.who(t)
        self.number += 1
        if self.number > self.book_last:
            self._register_book(t)
        receipt_id = self._next_id(bulk.RECEIPTS)
        acct = draft.acct
        day = t // DAY
        name = acct.owner_on(day).name
        if draft.misnamed:
            name = self.rng.one("王李张刘陈杨赵黄周吴") + name[1:]
        customer = f"{acct.plan.place} {name}"[:60]
        total = 0
        lines = self.batch[bulk.RECEIPT_LINES]
        line_id = self.ids[bulk.RECEIPT_LINES]
        for charge_id, text, fen in draft.lines:
            lines.append((line_id, receipt_id, charge_id, text, fen))
            line_id += 1
            total += fen
        self.ids[bulk.RECEIPT_LINES] = line_id
        cash = draft.method == "现金"
        self.batch[bulk.RECEIPTS].append(
            (receipt_id, self.ids[bulk.RECEIPT_BOOKS] - 1, self.number, acct.id, customer, at,
             draft.method, total, draft.tendered if cash else None, draft.note, by, shift)
        )  # fmt: skip
        if live:
            self.received[self.close_of[day]] += total
            self.held += draft.deposit_fen
            self.week_total += total
            if cash:
                self.week_cash += total
            share = INVOICE_SHARE_LARGE if total >= LARGE_PAYMENT_FEN else INVOICE_SHARE
            if not draft.deposit_fen and self.rng.random() < share:
                self._push_day(day + self.rng.between(2, 40), E_EXCHANGE, receipt_id)
        return receipt_id

    def _register_book(self, t: int) -> None:
        """A new receipt book (500 numbers) registered by a supervisor as the last runs out."""
        days = self.days
        when = max(t - self.rng.between(60, 300), days.day_shifts[t // DAY][0][0] + MINUTE)
        shift, _by = days.who(when)
        first = self.book_last + 1
        self.book_last = first + BOOK_SIZE - 1
        self.batch[bulk.RECEIPT_BOOKS].append(
            (self._next_id(bulk.RECEIPT_BOOKS), first, self.book_last, RECEIPT_WIDTH,
             days.text(when), self.rng.one(self.supervisors), shift)
        )  # fmt: skip

    def _exchange(self, t: int, receipt_id: int) -> None:
        """The receipt taken back for an invoice (收据换发票)."""
        shift, by = self.days.who(t)
        self.invoice_no += self.rng.between(1, 40)
        self.batch[bulk.INVOICE_EXCHANGES].append(
            (receipt_id, f"{self.invoice_no:08d}", self.days.text(t), by, shift)
        )

    # --- deposits, refunds, sales -------------------------------------------------------------

    def _renovate(self, t: int, acct: Account) -> None:
        """装修: the renovation deposit, the workers' pass deposits and card fees, paid at
        once; refunded after the inspection months later."""
        rng, days, items = self.rng, self.days, self.items
        at = days.text(t)
        shift, by = days.who(t)
        day_text = days.texts[t // DAY]
        area = acct.plan.area_centi
        deposit = next(fen for limit, fen in RENOVATION_DEPOSIT_FEN if area < limit)
        passes = rng.between(*PASSES)
        pass_price, card_price = FLAT_RATES["pass_deposit"], FLAT_RATES["card_fee"]
        specs = (
            ("renovation_deposit", "装修押金", 100, 0, deposit, "deposit"),
            ("pass_deposit", f"出入证押金（{passes} 张）", passes * 100, pass_price,
             passes * pass_price // 10, "deposit"),
            ("card_fee", f"出入证工本费（{passes} 张）", passes * 100, card_price,
             passes * card_price // 10, "charge"),
        )  # fmt: skip
        lines: list[tuple[int | None, str, int]] = []
        held = []
        for code, text, quantity, price, fen, kind in specs:
            cid = self._next_id(bulk.CHARGES)
            self.batch[bulk.CHARGES].append(
                (cid, acct.id, items[code][0], "", text, quantity, price, fen, day_text, kind,
                 None, "", "manual", None, at, by, shift)
            )  # fmt: skip
            lines.append((cid, text, fen))
            if kind == "deposit":
                held.append((cid, fen, code, text))
        self.charged[self.close_of[t // DAY]] += sum(line[2] for line in lines)
        method = rng.one(("现金", "微信", "微信", "支付宝", "银行卡"))
        draft = _Receipt(acct, lines, method, "装修押金及出入证")
        draft.deposit_fen = sum(deposit[1] for deposit in held)
        receipt_id = self._issue(t + MINUTE, draft, void_ok=False) or 0
        for cid, fen, code, text in held:
            acct.deposits.append((cid, receipt_id, fen, code, text))
        self._push_day(t // DAY + rng.between(*RENOVATION_DAYS), E_REFUND, acct)

    def _refund_deposits(self, t: int, acct: Account) -> None:
        """退押金 as ledger.refund writes it: each deposit released by an adjustment dated
        today, so the unit owes nothing for it, and paid back (现金付出单)."""
        days = self.days
        held, acct.deposits = acct.deposits, []
        for cid, receipt_id, fen, code, text in held:
            reason = DEPOSIT_REFUND_REASON if code == "renovation_deposit" else PASS_REFUND_REASON
            voucher = self._voucher(t // DAY)
            shift, by = days.who(t)
            self.batch[bulk.CHARGES].append(
                (self._next_id(bulk.CHARGES), acct.id, self.items[code][0], "", f"退还：{text}",
                 100, 0, -fen, days.texts[t // DAY], "adjustment", cid,
                 f"退费 {voucher}：{reason}", "manual", None, days.text(t), by, shift)
            )  # fmt: skip
            self.charged[self.close_of[t // DAY]] -= fen
            self.held -= fen
            self._refund(t, acct, receipt_id, cid, fen, reason, voucher)
            t += 90

    def _voucher(self, day: int) -> str:
        """The day's next 现金付出单 number (TK20261120-0001)."""
        sequence = self.vouchers.get(day, 0) + 1
        self.vouchers[day] = sequence
        return f"{day_prefix('TK', self.days.dates[day])}{sequence:0{SEQUENCE_DIGITS}d}"

    def _refund(
        self,
        t: int,
        acct: Account,
        receipt_id: int,
        charge_id: int | None,
        fen: int,
        reason: str,
        voucher: str = "",
    ) -> None:
        rng, days = self.rng, self.days
        day = t // DAY
        shift, by = days.who(t)
        method = rng.one(REFUND_METHODS)
        refund_id = self._next_id(bulk.REFUNDS)
        self.batch[bulk.REFUNDS].append(
            (refund_id, acct.id, receipt_id, charge_id, fen, voucher or self._voucher(day),
             acct.owner_on(day).name, reason, method, rng.one(self.supervisors), days.text(t),
             by, shift)
        )  # fmt: skip
        self.refunded[self.close_of[day]] += fen
        self.last_refund = refund_id
        if method == "现金":
            self.week_cash -= fen

    def _refund_credit(self, t: int, acct: Account, reason: str = "") -> None:
        """Unused credit paid back against the receipt that brought it in: at most what
        that receipt brought and has not been paid back yet (ledger.refundable)."""
        fen = min(acct.credit, acct.credit_line)
        if fen <= 0 or not acct.credit_receipt:
            return
        self._refund(
            t, acct, acct.credit_receipt, None, fen, reason or self.rng.one(CREDIT_REFUND_REASONS)
        )
        acct.credit -= fen
        acct.credit_line -= fen
        if acct.payer in PREPAY_MONTHS:
            acct.payer = "monthly"

    def _sale(self, t: int, acct: Account) -> None:
        """The seller clears the fees before the transfer (过户) and takes the credit back."""
        if acct.owed:
            self._issue(t, self._settle(acct, t))
        if acct.credit > 0:
            self._refund_credit(t + 3 * MINUTE, acct, SALE_REFUND_REASON)
        acct.payer = self._payer()
        if acct.payer == "chronic":
            acct.payer = "late"

    # --- chasing, handover, close -------------------------------------------------------------

    def _sweep(self, t: int, w: int) -> None:
        """催款: the round after the due day. One month overdue: phone and written notice;
        two: again, and the manager is told; three or more: notice at the door or by
        registered post, again every three months. Utilities more than 3 days overdue:
        written notice; more than 7 (in arrears for two months): supply may be suspended."""
        rng, days = self.rng, self.days
        day = t // DAY
        today = days.dates[day]
        rows = self.batch[bulk.ARREARS_ACTIONS]
        for acct in self.accounts:
            owed = acct.owed
            if not owed or owed[0][DUE] >= day:
                continue
            months = ledger_rules.months_overdue(days.dates[owed[0][DUE]], today)
            stage = ledger_rules.arrears_stage(months)
            actions: list[str] = []
            if stage and (stage > acct.stage or (stage == 3 and w - acct.stage_w >= 3)):
                if stage == 1:
                    actions = ["phone", "notice"]
                elif stage == 2:
                    actions = ["phone", "notice", "manager_report"]
                else:
                    actions = ["phone", "visit" if rng.random() < 0.5 else "registered_post"]
                acct.stage = stage
                acct.stage_w = w
            utility_days = max((day - row[DUE] for row in owed if row[METERED]), default=0)
            if utility_days > 7 and acct.util_step < 2 and stage >= 2:
                actions.append("utility_suspension")
                acct.util_step = 2
            elif utility_days > 3 and acct.util_step < 1 and acct.payer in ("chronic", "late"):
                actions.append("utility_notice")
                acct.util_step = 1
            if not actions:
                continue
            overdue_fen = sum(row[OUT] for row in owed if row[DUE] < day)
            moment = t + rng.between(0, 40 * MINUTE)
            for action in actions:
                shift, by = days.who(moment)
                postal = (
                    f"XA{rng.between(10**10, 10**11 - 1)}" if action == "registered_post" else ""
                )
                rows.append(
                    (self._next_id(bulk.ARREARS_ACTIONS), acct.id, action,
                     days.texts[moment // DAY], stage, overdue_fen, postal,
                     rng.one(ACTION_NOTES[action]), days.text(moment), by, shift)
                )  # fmt: skip
                moment += rng.between(2 * MINUTE, 25 * MINUTE)

    def _handover(self, t: int) -> None:
        """上缴财务部: the week's receipts and the cash in hand (less cash paid back) go to
        finance, as cash_drawer.hand_over records it."""
        last = self.ids[bulk.RECEIPTS] - 1
        if last <= self.handed_receipt:
            return
        shift, by = self.days.who(t)
        self.batch[bulk.CASH_HANDOVERS].append(
            (self._next_id(bulk.CASH_HANDOVERS), self.days.texts[t // DAY],
             self.handed_receipt + 1, last, self.last_refund, self.week_total, self.week_cash,
             self.rng.one(FINANCE_STAFF), self.days.text(t), by, shift)
        )  # fmt: skip
        self.handed_receipt = last
        self.week_total = 0
        self.week_cash = 0

    def _close(self, t: int, w: int) -> None:
        """月结 on the close day after the desk's last receipt of the day, with the totals
        month_close.report works out: charges due in the period (adjustments included),
        live receipts issued in it, refunds paid in it, the deposits held and what was
        still owed on charges due by its last day."""
        through = self.through_day[w]
        arrears = sum(
            row[OUT] for acct in self.accounts for row in acct.owed if row[DUE] <= through
        )
        shift, by = self.days.who(t)
        self.close_rows.append(
            (self.periods[w], self.days.texts[through], self.rng.one(self.supervisors),
             self.charged[w], self.received[w], self.refunded[w], self.held, arrears,
             self.days.text(t), by, shift)
        )  # fmt: skip


def _due_order(row: list) -> tuple[int, int]:
    return row[DUE], row[ID]


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def _round_up(fen: int, step: int = 10_000) -> int:
    """Up to whole hundreds of yuan, as people pay ahead."""
    return -(-fen // step) * step if fen > 0 else 0
