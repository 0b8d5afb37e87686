"""The cash drawer (收款抽屉) of a shift and the weekly handover to finance (上缴财务部,
by default every Friday: ``ledger.handover_weekday``).

The drawer shows what a shift took in, by method, the receipt numbers it used, the
receipts voided and the refunds paid during it. A handover takes everything received
since the previous one (receipts after its last receipt id, refunds after its last refund
id) to finance in one transaction; the cash handed over is the cash received less the
cash paid back. The shift handover report gains the drawer as its money section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core.clock import display
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import periods
from desk_app.services.operations import Done
from desk_app.storage.ledger import cash as cash_store
from desk_app.storage.ledger.cash import (
    HandoverRow,
    ItemTotal,
    MethodTotal,
    NumberRange,
    RefundLine,
    VoidLine,
)
from desk_app.storage.shifts import shifts as shifts_store

__all__ = [
    "Drawer",
    "HandoverDraft",
    "HandoverRow",
    "ItemTotal",
    "MethodTotal",
    "NumberRange",
    "RefundLine",
    "VoidLine",
]

CASH = "现金"


def _sum(rows: list[MethodTotal]) -> int:
    return sum(r.total_fen for r in rows)


def _cash(rows: list[MethodTotal]) -> int:
    return sum(r.total_fen for r in rows if r.method == CASH)


def numbers_text(ranges: list[NumberRange]) -> str:
    """``0001001–0001012（12 张）``, books separated by 、; empty when no receipt."""
    if not ranges:
        return ""
    parts = "、".join(r.text for r in ranges)
    return f"{parts}（{sum(r.count for r in ranges)} 张）"


@dataclass(frozen=True)
class Drawer:
    shift_id: int
    shift_name: str
    operator_name: str
    opened_at: str
    closed_at: str | None
    methods: list[MethodTotal]  # live receipts issued in the shift
    ranges: list[NumberRange]  # numbers used in the shift, void ones included
    voids: list[VoidLine]  # receipts voided during the shift
    refunds: list[RefundLine]  # refunds paid during the shift

    @property
    def total_fen(self) -> int:
        return _sum(self.methods)

    @property
    def receipt_count(self) -> int:
        return sum(r.count for r in self.methods)

    @property
    def cash_in_fen(self) -> int:
        return _cash(self.methods)

    @property
    def cash_refunds_fen(self) -> int:
        return sum(r.amount_fen for r in self.refunds if r.method == CASH)

    @property
    def cash_fen(self) -> int:
        """Cash the shift should have in the drawer: cash received less cash paid back."""
        return self.cash_in_fen - self.cash_refunds_fen

    @property
    def numbers_text(self) -> str:
        return numbers_text(self.ranges)

    @property
    def empty(self) -> bool:
        return not (self.ranges or self.voids or self.refunds)


@dataclass(frozen=True)
class HandoverDraft:
    """What a handover takes (or took) to finance."""

    previous: HandoverRow | None
    first_receipt_id: int | None
    last_receipt_id: int | None  # the previous handover's when no receipt is new
    last_refund_id: int | None
    methods: list[MethodTotal]
    items: list[ItemTotal]
    ranges: list[NumberRange]
    refunds: list[RefundLine]
    voids: list[VoidLine]  # voids made since the previous handover
    first_at: str | None  # when the first and last receipt of the span were issued
    last_at: str | None

    @property
    def pending(self) -> bool:
        return bool(self.ranges or self.refunds)

    @property
    def total_fen(self) -> int:
        return _sum(self.methods)

    @property
    def cash_in_fen(self) -> int:
        return _cash(self.methods)

    @property
    def refunds_fen(self) -> int:
        return sum(r.amount_fen for r in self.refunds)

    @property
    def cash_refunds_fen(self) -> int:
        return sum(r.amount_fen for r in self.refunds if r.method == CASH)

    @property
    def cash_fen(self) -> int:
        """The cash handed over: cash received less cash paid back."""
        return self.cash_in_fen - self.cash_refunds_fen

    @property
    def voided_fen(self) -> int:
        return sum(v.total_fen for v in self.voids)

    @property
    def numbers_text(self) -> str:
        return numbers_text(self.ranges)

    @property
    def since(self) -> str | None:
        """When the previous handover was made (None: this is the first)."""
        return self.previous.created_at if self.previous else None


# --- the drawer of a shift -------------------------------------------------------------------------


def drawer(desk: Desk, shift_id: int | None = None) -> Drawer:
    """A shift's drawer; by default the shift on duty (or the open one, from the CLI)."""
    if shift_id is None:
        if desk.shift is not None:
            shift_id = desk.shift.id
        else:
            open_row = shifts_store.current_open(desk.db)
            if open_row is None:
                raise ValidationError("当前没有进行中的班次。", field="shift")
            shift_id = open_row.id
    row = shifts_store.get(desk.db, shift_id)
    if row is None:
        raise NotFoundError(f"班次 {shift_id} 不存在。", field="shift")
    return Drawer(
        shift_id=row.id,
        shift_name=row.name,
        operator_name=row.operator_name,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        methods=cash_store.shift_takings(desk.db, row.id),
        ranges=cash_store.shift_ranges(desk.db, row.id),
        voids=cash_store.shift_voids(desk.db, row.id),
        refunds=cash_store.shift_refunds(desk.db, row.id),
    )


# --- the handover to finance -------------------------------------------------------------------------


def _draft(
    desk: Desk,
    previous: HandoverRow | None,
    through_receipt: int | None,
    through_refund: int | None,
    as_of: str | None,
) -> HandoverDraft:
    db = desk.db
    after_receipt = previous.last_receipt_id if previous else None
    after_refund = previous.last_refund_id if previous else None
    ranges = cash_store.receipt_ranges(db, after_receipt, through_receipt)
    refunds = cash_store.refunds_between(db, after_refund, through_refund)
    first_at, last_at = cash_store.receipt_times(db, after_receipt, through_receipt)
    return HandoverDraft(
        previous=previous,
        first_receipt_id=(cash_store.first_receipt_after(db, after_receipt) if ranges else None),
        last_receipt_id=through_receipt if ranges else after_receipt,
        last_refund_id=through_refund if refunds else after_refund,
        methods=cash_store.takings_by_method(db, after_receipt, through_receipt, as_of),
        items=cash_store.takings_by_item(db, after_receipt, through_receipt, as_of),
        ranges=ranges,
        refunds=refunds,
        voids=cash_store.voids_between(db, previous.created_at if previous else None, as_of),
        first_at=first_at,
        last_at=last_at,
    )


def pending_handover(desk: Desk) -> HandoverDraft:
    """Everything received and paid back since the last handover, up to now."""
    return _draft(
        desk,
        cash_store.last_handover(desk.db),
        cash_store.max_receipt_id(desk.db),
        cash_store.max_refund_id(desk.db),
        None,
    )


def has_pending(desk: Desk) -> bool:
    """Anything received or paid back since the last handover (two id look-ups)."""
    last = cash_store.last_handover(desk.db)
    newest_receipt = cash_store.max_receipt_id(desk.db) or 0
    newest_refund = cash_store.max_refund_id(desk.db) or 0
    if last is None:
        return bool(newest_receipt or newest_refund)
    return newest_receipt > (last.last_receipt_id or 0) or newest_refund > (
        last.last_refund_id or 0
    )


def pending_cash_fen(desk: Desk) -> int:
    """The cash waiting for finance: cash received since the last handover less the cash
    paid back since (without the rest of the draft)."""
    last = cash_store.last_handover(desk.db)
    methods = cash_store.takings_by_method(desk.db, last.last_receipt_id if last else None, None)
    refunds = cash_store.refunds_between(desk.db, last.last_refund_id if last else None, None)
    return _cash(methods) - sum(r.amount_fen for r in refunds if r.method == CASH)


def hand_over(desk: Desk, received_by: str) -> Done[HandoverRow]:
    """上缴财务: hand what is pending to finance's ``received_by``, in one transaction."""
    desk.require_role("clerk", "上缴财务")
    who = " ".join((received_by or "").split())
    if not who:
        raise ValidationError("请填写财务收款人姓名。", field="received_by")
    if len(who) > 30:
        raise ValidationError("财务收款人姓名过长（最多 30 字）。", field="received_by")
    periods.ensure_open(desk, periods.today(desk), "上缴财务")
    with desk.operation("cash_handed_over") as op:
        draft = pending_handover(desk)  # read inside the write lock
        if not draft.pending:
            raise ValidationError("上次上缴以来没有新的收款或退款，无需上缴。")
        handover_id = cash_store.insert_handover(
            op.db,
            handed_on=op.at[:10],
            first_receipt_id=draft.first_receipt_id,
            last_receipt_id=draft.last_receipt_id,
            last_refund_id=draft.last_refund_id,
            total_fen=draft.total_fen,
            cash_fen=draft.cash_fen,
            received_by=who,
            stamp=op.stamp,
        )
        op.record(
            "cash_handovers",
            handover_id,
            received_by=who,
            total_fen=draft.total_fen,
            cash_fen=draft.cash_fen,
            receipts=draft.numbers_text,
            refunds=len(draft.refunds),
        )
    return op.done(handover(desk, handover_id))


def handover(desk: Desk, handover_id: int) -> HandoverRow:
    row = cash_store.handover(desk.db, handover_id)
    if row is None:
        raise NotFoundError(f"上缴记录 {handover_id} 不存在。")
    return row


def handover_detail(desk: Desk, handover_id: int) -> HandoverDraft:
    """What a past handover took, as it stood when it was made (for its slip)."""
    row = handover(desk, handover_id)
    previous = cash_store.handover_before(desk.db, row.id)
    # The spans end at the ids the handover recorded (0: none); an id equal to the
    # previous handover's makes an empty span.
    return _draft(desk, previous, row.last_receipt_id or 0, row.last_refund_id or 0, row.created_at)


def handovers(desk: Desk, limit: int = 100) -> list[HandoverRow]:
    return cash_store.handovers(desk.db, limit)


def handover_weekday(desk: Desk) -> int:
    """1 = Monday … 7 = Sunday (ISO)."""
    return int(settings_service.get(desk, "ledger.handover_weekday"))


def handover_due(desk: Desk, on: date | None = None) -> bool:
    """Today is the handover day and something is waiting to be handed over."""
    day = on or desk.clock.now().date()
    return day.isoweekday() == handover_weekday(desk) and has_pending(desk)


# --- the money section of the shift handover report -----------------------------------------------


def drawer_cash_text(pending_fen: int, last: HandoverRow | None) -> str:
    """The cash that must be in the drawer: all cash taken since the last handover to
    finance, less cash paid back since (a refund may be paid from earlier shifts' cash,
    so one shift's own net can be below zero; the drawer never is)."""
    since = f"上次上缴财务 {display(last.created_at)} 以来" if last else "尚未上缴过财务"
    if pending_fen < 0:
        return (
            f"抽屉现金应为 ¥0.00（{since}，现金退款多出 {format_fen(-pending_fen)}，"
            "须由财务补足，请核对）"
        )
    return f"抽屉现金应为 {format_fen(pending_fen)}（{since}的现金，待上缴财务）"


def handover_summary(desk: Desk, shift_id: int) -> list[dict[str, str]]:
    """收款, 押金, 作废收据 and 退款 lines of the report's summary of the shift."""
    shift_drawer = drawer(desk, shift_id)
    rows: list[dict[str, str]] = []
    if shift_drawer.receipt_count or shift_drawer.ranges:
        rows.append(
            {
                "kind": "收款",
                "count": str(shift_drawer.receipt_count),
                "detail": f"收据 {shift_drawer.numbers_text}，合计 {format_fen(shift_drawer.total_fen)}",
            }
        )
    deposits, deposit_fen = cash_store.shift_deposits(desk.db, shift_id)
    if deposits:
        rows.append({"kind": "收押金", "count": str(deposits), "detail": format_fen(deposit_fen)})
    if shift_drawer.voids:
        numbers = "、".join(v.number_text for v in shift_drawer.voids)
        rows.append({"kind": "作废收据", "count": str(len(shift_drawer.voids)), "detail": numbers})
    if shift_drawer.refunds:
        total = sum(r.amount_fen for r in shift_drawer.refunds)
        rows.append(
            {"kind": "退款", "count": str(len(shift_drawer.refunds)), "detail": format_fen(total)}
        )
    losses = cash_store.shift_losses(desk.db, shift_id)
    if losses:
        rows.append(
            {
                "kind": "遗失收据号",
                "count": str(sum(count for _text, count, _reason in losses)),
                "detail": "、".join(f"{text}（{reason}）" for text, _count, reason in losses),
            }
        )
    return rows


def report_section(desk: Desk, shift_id: int) -> dict[str, object]:
    """The shift's drawer for the handover report; nothing when no money moved in it."""
    shift_drawer = drawer(desk, shift_id)
    pending = has_pending(desk)
    if shift_drawer.empty and not pending:
        return {}
    last = cash_store.last_handover(desk.db)
    methods = [
        {"method": m.method, "count": str(m.count), "total": format_fen(m.total_fen)}
        for m in shift_drawer.methods
    ]
    methods.append(
        {
            "method": "合计",
            "count": str(shift_drawer.receipt_count),
            "total": format_fen(shift_drawer.total_fen),
        }
    )
    return {
        "money": "1",
        "money_methods": methods,
        "money_receipts": shift_drawer.numbers_text or "本班未开收据",
        "money_items": "；".join(
            f"{i.item_name} {format_fen(i.total_fen)}"
            for i in cash_store.shift_items(desk.db, shift_id)
        ),
        "money_cash": (
            f"本班现金收款 {format_fen(shift_drawer.cash_in_fen)}，"
            f"现金退款 {format_fen(shift_drawer.cash_refunds_fen)}"
        ),
        "money_pending": drawer_cash_text(pending_cash_fen(desk), last),
        "money_voids": [
            {
                "number": v.number_text,
                "customer": v.customer,
                "total": format_fen(v.total_fen),
                "reason": v.reason,
            }
            for v in shift_drawer.voids
        ],
        "money_refunds": [
            {
                "voucher": r.voucher_no,
                "receipt": r.receipt_number_text,
                "payee": r.payee,
                "method": r.method,
                "amount": format_fen(r.amount_fen),
            }
            for r in shift_drawer.refunds
        ],
    }
