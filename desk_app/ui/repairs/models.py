"""Table models of the repairs tab: the order list (a page at a time, with the running
time limit coloured), and the small tables of one order (materials, status history,
callback attempts, keys lent against it) and of the repair setup (technicians, price list).

Statuses and urgencies are the desk's own Chinese words and are shown as they are;
phones in the order list arrive masked from ``repairs.list_orders``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desk_app.core import deadlines
from desk_app.core.money import format_fen, format_quantity
from desk_app.services.desk import Desk
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs.orders import OrderQuery, OrderRow
from desk_app.ui.labels import active_text, left_text, moment_text, vocabulary_text
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.paged import PagedTableModel
from desk_app.ui.widgets.row_table import Column, RowTableModel

# The statuses in which the service accepts each action on an order (services/repairs.py
# ``_require_status``); the page enables its buttons from this table.
ACTION_STATUSES: dict[str, tuple[str, ...]] = {
    "dispatch": ("登记", "已派工", "暂停", "转外单位"),
    "arrival": ("已派工",),
    "complete": ("已派工", "维修中", "转外单位"),
    "hold": ("登记", "已派工", "维修中"),
    "resume": ("暂停",),
    "refer_out": ("登记", "已派工", "维修中", "暂停"),
    "cancel": repairs.WORKING_STATUSES,
    "callback": ("已完工",),
    "lend_key": repairs.WORKING_STATUSES,
}


def allowed(action: str, status: str | None) -> bool:
    """Whether the service would accept ``action`` on an order in ``status``."""
    return status is not None and status in ACTION_STATUSES.get(action, ())


def yes_text(value: bool) -> str:
    return QCoreApplication.translate("RepairText", "Yes") if value else ""


def yes_no_text(value: bool) -> str:
    if value:
        return QCoreApplication.translate("RepairText", "Yes")
    return QCoreApplication.translate("RepairText", "No")


class RepairText(QObject):
    """Context of the repairs tab's shared strings (``yes_text``, ``yes_no_text``)."""


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def worker_text(order: OrderRow) -> str:
    """维修人员/外单位: the technician, and the contractor the order was referred to."""
    parts = [order.technician_name or "", order.contractor or ""]
    return " / ".join(p for p in parts if p)


def short_moment(moment: str | None) -> str:
    """``11-20 09:30``: the later times of an order, on the day it was reported or soon after."""
    return moment_text(moment)[5:]


def total_text(order: OrderRow) -> str:
    if order.completed_at is None and not order.total_fen:
        return ""
    return format_fen(order.total_fen)


class RepairOrdersModel(PagedTableModel):
    """The order list, newest first, read a page at a time from ``repairs.list_orders``."""

    (
        ORDER_NO,
        REPORTED,
        LOCATION,
        REPORTER,
        PHONE,
        CONTENT,
        URGENCY,
        STATUS,
        WORKER,
        DISPATCHED,
        ARRIVED,
        COMPLETED,
        TOTAL,
        PAID,
        CALLBACK,
        LIMIT,
    ) = range(16)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._limits: deadlines.Limits | None = None
        self._now: datetime | None = None
        self.query = OrderQuery()

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Order no."), lambda o: o.order_no),
            Column(self.tr("Reported"), lambda o: moment_text(o.reported_at)),
            Column(self.tr("Unit / place"), lambda o: o.location),
            Column(self.tr("Reported by"), lambda o: o.reporter),
            Column(self.tr("Phone"), lambda o: o.phone),
            Column(self.tr("Repair request"), lambda o: one_line(o.content)),
            Column(self.tr("Urgency"), lambda o: vocabulary_text(o.urgency)),
            Column(self.tr("Status"), lambda o: vocabulary_text(o.status)),
            Column(self.tr("Technician / contractor"), worker_text),
            Column(self.tr("Dispatched"), lambda o: short_moment(o.dispatched_at)),
            Column(self.tr("Arrived"), lambda o: short_moment(o.arrived_at)),
            Column(self.tr("Completed"), lambda o: short_moment(o.completed_at)),
            Column(self.tr("Total"), total_text, align_right=True),
            Column(self.tr("Paid"), lambda o: yes_text(o.paid)),
            Column(self.tr("Callback"), lambda o: vocabulary_text(o.callback_result or "")),
            Column(self.tr("Time limit"), lambda o: self.limit_text(o)),
        ]

    # ---- the source -------------------------------------------------------------------------

    def set_query(self, query: OrderQuery) -> None:
        """Show the orders of ``query`` (already limited by ``overdue_query`` if wanted)."""
        self.query = query
        self._limits = repairs.limits(self.desk)
        self._now = None
        self.set_source(
            lambda: repairs.count_orders(self.desk, self.query),
            lambda limit, offset: repairs.list_orders(
                self.desk, self.query, limit=limit, offset=offset
            ),
        )

    def refresh_visible(self) -> None:
        self._limits = repairs.limits(self.desk)
        self._now = None
        super().refresh_visible()

    def reload(self) -> None:
        self._now = None
        super().reload()

    def order_at(self, row: int) -> OrderRow | None:
        return self.row_at(row)

    def row_of_order(self, order_id: int, *, within: int = 500) -> int:
        return self.row_of(lambda o: o.id == order_id, within=within)

    # ---- the time limit ---------------------------------------------------------------------

    def now(self) -> datetime:
        # One moment for every row painted in one go; moved on by refresh_visible.
        if self._now is None:
            self._now = self.desk.clock.now()
        return self._now

    def deadline(self, order: OrderRow) -> deadlines.Deadline | None:
        if self._limits is None:
            self._limits = repairs.limits(self.desk)
        return repairs.running_deadline(self.desk, order, self._limits)

    def limit_state(self, order: OrderRow) -> str | None:
        deadline = self.deadline(order)
        return deadline.state(self.now()) if deadline else None

    def limit_text(self, order: OrderRow) -> str:
        deadline = self.deadline(order)
        if deadline is None:
            return ""
        label = vocabulary_text(deadlines.LIMIT_LABELS.get(deadline.kind, ""))
        return f"{label} {left_text(deadline.seconds_left(self.now()))}".strip()

    def foreground(self, row: Any, column: int) -> Any:
        if column == self.LIMIT:
            return deadline_colors.foreground(self.limit_state(row))
        if column == self.URGENCY and row.urgency == "紧急":
            return deadline_colors.foreground(deadlines.LATE)
        return None

    def background(self, row: Any, column: int) -> Any:
        if column == self.LIMIT:
            return deadline_colors.background(self.limit_state(row))
        return None


# --- one order ------------------------------------------------------------------------------


class OrderMaterialsModel(RowTableModel):
    """所用材料 of one order: 名称, 数量, 单价, 金额."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda m: m.name),
            Column(
                self.tr("Quantity"),
                lambda m: f"{format_quantity(m.quantity_centi)}{m.unit}",
                align_right=True,
            ),
            Column(self.tr("Unit price"), lambda m: format_fen(m.price_fen), align_right=True),
            Column(self.tr("Amount"), lambda m: format_fen(m.amount_fen), align_right=True),
        ]


class OrderEventsModel(RowTableModel):
    """The order's status history (repair_events)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Time"), lambda e: moment_text(e.at)),
            Column(
                self.tr("Status"),
                lambda e: (
                    f"{vocabulary_text(e.from_status)} → {vocabulary_text(e.to_status)}"
                    if e.from_status
                    else vocabulary_text(e.to_status)
                ),
            ),
            Column(self.tr("Detail"), lambda e: one_line(e.detail)),
            Column(self.tr("Operator"), lambda e: e.operator_name or ""),
        ]


class OrderKeysModel(RowTableModel):
    """The key sets lent against one order (``keys.loans.loans_of_order``): out or back."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda r: r.key_set.code),
            Column(self.tr("Key"), lambda r: r.key_set.label),
            Column(self.tr("Borrower"), lambda r: r.loan.borrower or ""),
            Column(self.tr("Out since"), lambda r: moment_text(r.loan.at)),
            Column(self.tr("Due back"), lambda r: moment_text(r.loan.due_back)),
            Column(
                self.tr("Returned"),
                lambda r: self.tr("Still out") if r.out else moment_text(r.returned_at),
            ),
        ]


class CallbackAttemptsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Time"), lambda a: moment_text(a.at)),
            Column(self.tr("Reached"), lambda a: yes_no_text(a.reached)),
            Column(self.tr("Result"), lambda a: vocabulary_text(a.result or "")),
            Column(self.tr("Comment"), lambda a: one_line(a.comment)),
            Column(self.tr("Called by"), lambda a: a.operator_name or ""),
        ]


# --- the repair setup -----------------------------------------------------------------------


class TechniciansModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda t: t.name),
            Column(self.tr("Kind"), lambda t: vocabulary_text(t.kind)),
            Column(self.tr("Phone"), lambda t: t.phone or ""),
            Column(self.tr("Specialty"), lambda t: t.specialty or ""),
            Column(self.tr("Status"), lambda t: active_text(t.active)),
        ]


class PricesModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Category"), lambda p: p.category),
            Column(self.tr("Item"), lambda p: p.name),
            Column(self.tr("Unit"), lambda p: p.unit),
            Column(self.tr("Price"), lambda p: format_fen(p.price_fen), align_right=True),
            Column(self.tr("Labour"), lambda p: format_fen(p.labour_fen), align_right=True),
            Column(self.tr("Status"), lambda p: active_text(p.active)),
        ]
