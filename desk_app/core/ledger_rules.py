"""The fee ledger's rules as pure integer arithmetic (DOMAIN.md §4): property fee from area
and rate, metered charges with a sanity check of the reading, allocation of a payment to
the oldest charges, late fees (滞纳金) from the contract's daily rate, the arrears stage of
催款管理制度, the utilities' notice/suspension steps, and receipt-book numbering.

Money is integer fen throughout; rates are integers in the smallest unit a contract
writes (a property-fee rate in thousandths of a yuan per m² per month, a daily late-fee
rate in 万分之). Every division rounds half up, once, at the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desk_app.core.errors import ValidationError


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for non-negative integers."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("non-negative numerator and positive denominator expected")
    return (2 * numerator + denominator) // (2 * denominator)


# --- charges -------------------------------------------------------------------------------------


def property_fee_fen(area_centi_m2: int, rate_milli_yuan: int, months: int = 1) -> int:
    """Area (hundredths of m²) × rate (thousandths of a yuan per m² per month) × months.

    128.80 m² at 1.85 元/m²/月 → 12880 × 1850 / 1000 = 23,828 fen (¥238.28)."""
    if area_centi_m2 < 0 or rate_milli_yuan < 0 or months < 0:
        raise ValueError("area, rate and months must not be negative")
    return _half_up(area_centi_m2 * rate_milli_yuan * months, 1000)


@dataclass(frozen=True)
class MeterCharge:
    usage_centi: int  # hundredths of the meter's unit (kWh, m³, GJ)
    amount_fen: int


def metered_fen(
    previous_centi: int,
    current_centi: int,
    price_milli_yuan: int,
    *,
    minimum_fen: int = 0,
    typical_usage_centi: int | None = None,
    absurd_factor: int = 10,
) -> MeterCharge:
    """(current − previous) × price, at least ``minimum_fen``.

    ``price_milli_yuan`` is the unit price in thousandths of a yuan (¥0.565/kWh → 565),
    as fee rates are stored; it covers the three decimals utility tariffs use. A reading below the previous one,
    or a usage more than ``absurd_factor`` × the unit's typical usage, is refused."""
    if current_centi < previous_centi:
        raise ValidationError(
            f"本次读数 {current_centi / 100:g} 小于上次读数 {previous_centi / 100:g}，请核对。",
            field="reading",
        )
    usage = current_centi - previous_centi
    if typical_usage_centi and usage > absurd_factor * typical_usage_centi:
        raise ValidationError(
            f"用量 {usage / 100:g} 超过平时的 {absurd_factor} 倍，请核对读数。",
            field="reading",
        )
    amount = _half_up(usage * price_milli_yuan, 1000)
    return MeterCharge(usage, max(amount, minimum_fen))


# --- payments --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owing:
    charge_id: int
    due_on: date
    outstanding_fen: int


@dataclass(frozen=True)
class Allocation:
    paid: tuple[tuple[int, int], ...]  # (charge_id, fen)
    credit_fen: int  # left over: a prepayment kept for later charges


def allocate_oldest_first(amount_fen: int, owing: Sequence[Owing]) -> Allocation:
    """Spread a payment over the charges, oldest due first (then by id); the rest is credit."""
    if amount_fen <= 0:
        raise ValidationError("收款金额必须大于零。", field="amount")
    left = amount_fen
    paid: list[tuple[int, int]] = []
    for item in sorted(owing, key=lambda o: (o.due_on, o.charge_id)):
        if left == 0:
            break
        if item.outstanding_fen <= 0:
            continue
        part = min(left, item.outstanding_fen)
        paid.append((item.charge_id, part))
        left -= part
    return Allocation(tuple(paid), left)


@dataclass(frozen=True)
class FeeAllocation:
    paid: tuple[tuple[int, int], ...]  # (charge_id, fen) of the charges themselves
    fees_charged: dict[int, int]  # charge_id → late fee charged as its debt is settled
    fees_paid: dict[int, int]  # charge_id → fen of that late fee paid now
    credit_fen: int


def allocate_with_late_fees(
    amount_fen: int, owing: Sequence[Owing], late_fees: Mapping[int, int]
) -> FeeAllocation:
    """Oldest first, like :func:`allocate_oldest_first`; a charge's late fee is charged
    when the payment settles that charge, and paid right after it from what is left."""
    if amount_fen <= 0:
        raise ValidationError("收款金额必须大于零。", field="amount")
    left = amount_fen
    paid: list[tuple[int, int]] = []
    charged: dict[int, int] = {}
    fees_paid: dict[int, int] = {}
    for item in sorted(owing, key=lambda o: (o.due_on, o.charge_id)):
        if left == 0:
            break
        if item.outstanding_fen <= 0:
            continue
        part = min(left, item.outstanding_fen)
        paid.append((item.charge_id, part))
        left -= part
        fee = late_fees.get(item.charge_id, 0)
        if part == item.outstanding_fen and fee > 0:
            charged[item.charge_id] = fee
            fee_part = min(left, fee)
            if fee_part:
                fees_paid[item.charge_id] = fee_part
                left -= fee_part
    return FeeAllocation(tuple(paid), charged, fees_paid, left)


def change_fen(tendered_fen: int, due_fen: int) -> int:
    """Cash tendered − amount due; refused when the cash is short."""
    if tendered_fen < due_fen:
        raise ValidationError(
            f"实收现金不足：应收 {due_fen / 100:.2f} 元，实收 {tendered_fen / 100:.2f} 元。",
            field="tendered",
        )
    return tendered_fen - due_fen


# --- late fees and arrears ------------------------------------------------------------------------


def late_fee_fen(
    overdue_fen: int,
    grace_until: date,
    on: date,
    *,
    daily_rate_wan: int,
    cap_percent: int | None = None,
) -> int:
    """滞纳金: overdue amount × 万分之``daily_rate_wan`` per day after ``grace_until``,
    up to ``cap_percent`` % of the amount when the contract caps it."""
    if overdue_fen < 0 or daily_rate_wan < 0:
        raise ValueError("amount and rate must not be negative")
    days = max(0, (on - grace_until).days)
    fee = _half_up(overdue_fen * daily_rate_wan * days, 10_000)
    if cap_percent is not None:
        fee = min(fee, _half_up(overdue_fen * cap_percent, 100))
    return fee


def months_overdue(due_on: date, on: date) -> int:
    """Whole months since the due date (31 Jan → 28 Feb is not yet a month; → 1 Mar is)."""
    if on <= due_on:
        return 0
    months = (on.year - due_on.year) * 12 + on.month - due_on.month
    if on.day < due_on.day:
        months -= 1
    return max(months, 0)


def arrears_stage(months: int) -> int:
    """催款管理制度: 1 month → stage 1 (phone + written notice), 2 → stage 2 (again, manager
    informed), 3 or more → stage 3 (notice at the door or by registered post)."""
    return 0 if months <= 0 else min(months, 3)


UTILITY_NOTICE_DAYS = 3
UTILITY_SUSPENSION_DAYS = 7


def utility_step(days_overdue: int) -> str | None:
    """Water, electricity, heating: over 3 days → 书面通知; over 7 days → 可停供."""
    if days_overdue > UTILITY_SUSPENSION_DAYS:
        return "停供"
    if days_overdue > UTILITY_NOTICE_DAYS:
        return "书面通知"
    return None


# --- receipt books ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptBook:
    first: int
    last: int
    width: int = 7  # №0001234

    def __post_init__(self) -> None:
        if self.first <= 0 or self.last < self.first:
            raise ValidationError("收据号码段不正确：起始号码须大于零且不大于终止号码。")
        if len(str(self.last)) > self.width:
            raise ValidationError(f"收据号码超过 {self.width} 位。")

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    def next_after(self, last_used: int | None) -> int:
        """The number after ``last_used`` (None: the book is unused); refused when full."""
        number = self.first if last_used is None else last_used + 1
        if last_used is not None and not self.first <= last_used <= self.last:
            raise ValueError(f"{last_used} is not a number of this book")
        if number > self.last:
            raise ValidationError("当前收据本已用完，请主管登记新的收据本。")
        return number

    def text(self, number: int) -> str:
        return f"{number:0{self.width}d}"


def overlaps(a: ReceiptBook, b: ReceiptBook) -> bool:
    return a.first <= b.last and b.first <= a.last
