"""The 维修 tab: the filter bar, the order list (a page at a time, newest first, the running
time limit coloured and moved on every 30 seconds), the chosen order's 维修工作单 below it,
and the actions that move an order through its lifecycle.

Every action is a button, a shortcut and an entry of the list's context menu, enabled only
in the statuses where the service accepts it. Every write goes through
``ui.operations.perform``; the page refreshes from the hub's change events that touch
repair orders, reception entries or callbacks, whoever caused them. While the tab is
hidden it reads nothing (the timer stops) and catches up when shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.vocabularies import CALLBACK_RESULTS, REPAIR_STATUSES, REPAIR_URGENCIES
from desk_app.services.desk import Desk
from desk_app.services.keys import loans
from desk_app.services.keys.due import FINISHED_ORDER
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs.orders import OrderRow
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import left_text, vocabulary_text
from desk_app.ui.operations import attempt, perform
from desk_app.ui.repairs.feature import PAGE_ACTIONS
from desk_app.ui.repairs.filters import RepairFilterBar
from desk_app.ui.repairs.models import RepairOrdersModel, allowed
from desk_app.ui.repairs.order_view import OrderView
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.visible_timer import visible_timer

# What each column of the order list usually holds: its width (a paged model must not be
# sized to its contents, that would read every row), never narrower than its title.
COLUMN_SAMPLES: dict[int, Sample] = {
    RepairOrdersModel.ORDER_NO: "WX20261120-0002",
    RepairOrdersModel.REPORTED: "2026-11-20 09:30",
    RepairOrdersModel.LOCATION: "3栋2单元1501",
    RepairOrdersModel.REPORTER: "欧阳娜娜",
    RepairOrdersModel.PHONE: "138****5678",
    RepairOrdersModel.CONTENT: "厨房水龙头漏水需更换",
    RepairOrdersModel.URGENCY: REPAIR_URGENCIES,
    RepairOrdersModel.STATUS: REPAIR_STATUSES,
    RepairOrdersModel.WORKER: "王建国（水电）",
    RepairOrdersModel.DISPATCHED: "11-20 09:33",
    RepairOrdersModel.ARRIVED: "11-20 09:33",
    RepairOrdersModel.COMPLETED: "11-20 09:33",
    RepairOrdersModel.TOTAL: "¥1,234.50",
    RepairOrdersModel.PAID: "有偿",
    RepairOrdersModel.CALLBACK: CALLBACK_RESULTS,
    RepairOrdersModel.LIMIT: lambda: f"{vocabulary_text('紧急到场')} {left_text(-86340)}",
}
# The running time limit is shown right after the status, where the eye is; the model
# keeps the column order of the brief (时限 last).
LIMIT_AFTER = RepairOrdersModel.STATUS

# Actions on the chosen order, with the service's rule for when they are allowed.
ORDER_ACTIONS = (
    "dispatch",
    "arrival",
    "complete",
    "hold",
    "resume",
    "refer_out",
    "cancel",
    "callback",
    "lend_key",
)
TOOLBAR = (
    "new_order",
    *ORDER_ACTIONS,
    "print_order",
    "print_dispatch_sheet",
)


class RepairsPage(QWidget):
    open_unit_requested = Signal(int)
    """The clerk wants the order's unit in the owner archive; carries the unit id."""

    open_entry_requested = Signal(int)
    """The clerk wants the order's reception entry; carries the entry id."""

    lend_key_requested = Signal(int)
    """借钥匙: the keys tab's loan form for this order; carries the order id."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("repairs_page")
        self.order: OrderRow | None = None  # the chosen order, fresh from order_detail
        self._selecting = False

        self.filters = RepairFilterBar(desk, self)
        self.filters.changed.connect(self.refresh)

        self.model = RepairOrdersModel(desk, self)
        self.view = QTableView(self)
        self.view.setObjectName("orders_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.view, COLUMN_SAMPLES, table="repair_orders")
        header.moveSection(
            header.visualIndex(RepairOrdersModel.LIMIT), header.visualIndex(LIMIT_AFTER) + 1
        )
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.order_view = OrderView(self)

        self.named_actions: dict[str, QAction] = page_actions(self, PAGE_ACTIONS)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for name in TOOLBAR:
            if name in ("print_order", "dispatch"):
                bar.addSpacing(10)
            push = QToolButton(self)
            push.setObjectName(f"{name}_button")
            push.setDefaultAction(self.named_actions[name])
            push.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons[name] = push
            bar.addWidget(push)
        bar.addStretch(1)
        context_menu: tuple[str | None, ...] = (
            "dispatch",
            "arrival",
            "complete",
            "hold",
            "resume",
            "refer_out",
            "cancel",
            "callback",
            "lend_key",
            None,
            "print_order",
            None,
            "open_unit",
            "open_entry",
            None,
            "new_order",
            "print_dispatch_sheet",
            "refresh",
        )
        for entry in context_menu:
            if entry is None:
                separator = QAction(self.view)
                separator.setSeparator(True)
                self.view.addAction(separator)
            else:
                self.view.addAction(self.named_actions[entry])

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("repairs_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.order_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.view)

        # The shared 30-second tick: the list's limits move with the due-now panel's.
        self.timer = visible_timer(self, self.tick, catch_up=False)
        self._stale = False  # something changed while the page was hidden

        hub.changed.connect(self._hub_changed)
        self.refresh()

    # ---- actions ---------------------------------------------------------------------------

    def update_actions(self) -> None:
        order = self.order
        status = order.status if order is not None else None
        for name in ORDER_ACTIONS:
            self.named_actions[name].setEnabled(allowed(name, status))
        self.named_actions["print_order"].setEnabled(order is not None)
        self.named_actions["open_unit"].setEnabled(order is not None and order.unit_id is not None)
        self.named_actions["open_entry"].setEnabled(
            order is not None and order.reception_id is not None
        )

    # ---- the list ----------------------------------------------------------------------------

    def query(self) -> repairs.OrderQuery:
        query = self.filters.query()
        if self.filters.overdue_only():
            query = repairs.overdue_query(self.desk, query)
        return query

    def refresh(self) -> None:
        """Read the list again with the filters as they are; keep the chosen order."""
        self._stale = False
        keep = self.order.id if self.order is not None else None
        self.model.set_query(self.query())
        self.filters.set_count(self.model.rowCount())
        self._reselect(keep)

    def _reselect(self, order_id: int | None) -> None:
        row = self.model.row_of_order(order_id) if order_id is not None else -1
        if row >= 0:
            self.select_row(row)
        elif order_id is not None:
            self.show_detail(order_id)  # still shown, though the filter leaves it out
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self.show_detail(None)

    def select_row(self, row: int) -> None:
        """Choose a row of the list and show its order (read again)."""
        index = self.model.index(row, 0)
        order = self.model.order_at(row)
        self._selecting = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting = False
        self.view.scrollTo(index)
        if order is not None:
            self.show_detail(order.id)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        order = self.model.order_at(current.row())
        if order is not None and (self.order is None or order.id != self.order.id):
            self.show_detail(order.id)

    def tick(self) -> None:
        """Every 30 seconds: time limits move on; new or late orders come in."""
        query = self.query()
        if query != self.model.query or repairs.count_orders(self.desk, query) != (
            self.model.rowCount()
        ):
            self.refresh()
        else:
            self.model.refresh_visible()

    def show_detail(self, order_id: int | None) -> None:
        if order_id is None:
            self.order = None
            self.order_view.clear()
        else:
            detail = attempt(self, lambda: repairs.order_detail(self.desk, order_id))
            if detail is None:
                self.order = None
                self.order_view.clear()
            else:
                self.order = detail.order
                self.order_view.show_detail(detail)
                self._show_keys()
        self.update_actions()

    # ---- for the main window -------------------------------------------------------------

    def show_order(self, order_id: int) -> bool:
        """Choose an order in the list; the filter widens to everything if it leaves the
        order out. False if there is no such order."""
        if self._stale:
            self.refresh()
        row = self.model.row_of_order(order_id)
        if row < 0 and not self.filters.is_everything():
            self.filters.show_all()  # emits changed → refresh
            row = self.model.row_of_order(order_id)
        if row >= 0:
            self.select_row(row)
        else:
            self.show_detail(order_id)
        if self.order is None or self.order.id != order_id:
            return False
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _show_keys(self) -> None:
        """The shown order's keys (lent against it, out or back)."""
        if self.order is not None:
            order_id = self.order.id
            rows = attempt(self, lambda: loans.loans_of_order(self.desk, order_id))
            self.order_view.show_keys(rows or [])

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("repair_orders", "reception_entries", "callbacks"):
            self._refresh_when_seen()
        elif event.touches("key_sets", "key_movements"):
            self._show_keys()
        if event.touches("technicians", "units", "buildings", "public_places"):
            self.filters.reload_choices()
        if any(key.startswith("limits.") for key in event.keys("settings")):
            self.model.refresh_visible()

    def _refresh_when_seen(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        elif not event.spontaneous():
            self.tick()

    def show_status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    # ---- order actions -------------------------------------------------------------------

    def _run(self, dialog: QDialog) -> OrderRow | None:
        """Run a repair form; the order it changed (None when cancelled)."""
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return getattr(dialog, "result_order", None) if accepted else None
        finally:
            dialog.deleteLater()

    def _changed(self, order: OrderRow | None, message: str) -> None:
        if order is not None:
            self.show_status(message.format(number=order.order_no, status=order.status))

    def _order_dialog(self, action: str, make: Callable[[OrderRow], QDialog]) -> None:
        order = self.order
        if order is None or not allowed(action, order.status):
            return
        self._changed(self._run(make(order)), self.tr("Order {number}: {status}."))

    def dispatch(self) -> None:
        from desk_app.ui.repairs.dialogs import DispatchDialog

        self._order_dialog("dispatch", lambda o: DispatchDialog(self.desk, self.hub, o, self))

    def record_arrival(self) -> None:
        from desk_app.ui.repairs.dialogs import ArrivalDialog

        self._order_dialog("arrival", lambda o: ArrivalDialog(self.desk, self.hub, o, self))

    def complete(self) -> None:
        from desk_app.ui.repairs.completion import CompletionDialog

        self._order_dialog("complete", lambda o: CompletionDialog(self.desk, self.hub, o, self))
        self._warn_keys_out()

    def _warn_keys_out(self) -> None:
        """Completing an order whose keys are still out: say so (收回钥匙 is due now)."""
        order = self.order
        if order is None or order.status not in FINISHED_ORDER:
            return
        out = [row for row in loans.out_now(self.desk) if row.repair_order_id == order.id]
        if out:
            codes = "、".join(f"{row.code}（{row.borrower or ''}）" for row in out)
            messages.warning(
                self,
                self.tr(
                    "Order {number} is finished but its keys are still out: {keys}. Take them back."
                ).format(number=order.order_no, keys=codes),
            )

    def lend_key(self) -> None:
        """借钥匙 for the chosen order."""
        order = self.order
        if order is not None and allowed("lend_key", order.status):
            self.lend_key_requested.emit(order.id)

    def hold(self) -> None:
        from desk_app.ui.repairs.dialogs import HoldDialog

        self._order_dialog("hold", lambda o: HoldDialog(self.desk, self.hub, o, self))

    def refer_out(self) -> None:
        from desk_app.ui.repairs.dialogs import ReferOutDialog

        self._order_dialog("refer_out", lambda o: ReferOutDialog(self.desk, self.hub, o, self))

    def cancel(self) -> None:
        from desk_app.ui.repairs.dialogs import CancelDialog

        self._order_dialog("cancel", lambda o: CancelDialog(self.desk, self.hub, o, self))

    def resume(self) -> None:
        order = self.order
        if order is None or not allowed("resume", order.status):
            return
        done = perform(self, self.hub, lambda: repairs.resume(self.desk, order.id))
        if done is not None:
            self._changed(done.value, self.tr("Order {number}: {status}."))

    def call_back(self) -> None:
        """回访: the callback dialog for the order's open callback."""
        order = self.order
        if order is None:
            return
        callback = attempt(self, lambda: callbacks.for_order(self.desk, order.id))
        if callback is None:
            return
        from desk_app.ui.repairs.callback_dialog import run_callback_dialog

        run_callback_dialog(self.desk, self.hub, callback.id, self)

    def new_order(self) -> None:
        """新建工单 for a public place or engineering's own find (no reception entry)."""
        from desk_app.ui.repairs.dialogs import NewOrderDialog

        order = self._run(NewOrderDialog(self.desk, self.hub, self))
        if order is None:
            return
        self.show_order(order.id)
        self.show_status(self.tr("Order {number} registered.").format(number=order.order_no))

    # ---- printing ------------------------------------------------------------------------

    def print_work_order(self) -> None:
        """维修工作单 of the chosen order: archived and shown for printing."""
        if self.order is None:
            return
        from desk_app.services.repairs import orders_print as repairs_print
        from desk_app.ui.widgets import pdf_preview

        order_id = self.order.id
        done = perform(self, self.hub, lambda: repairs_print.print_work_order(self.desk, order_id))
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title or self.tr("Repair work order"), self)

    def print_dispatch_sheet(self) -> None:
        """Today's dispatch sheet (派工表): the open orders per technician."""
        from desk_app.services.repairs import orders_print as repairs_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(self, self.hub, lambda: repairs_print.print_dispatch_sheet(self.desk))
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title or self.tr("Dispatch sheet"), self)

    # ---- the window's menu entries of repairs ---------------------------------------------

    def open_callback_queue(self) -> None:
        """回访队列 (F4): the calls to make, in a dialog of its own."""
        from desk_app.ui.repairs.callback_queue import CallbackQueue

        dialog = QDialog(self.window())
        dialog.setObjectName("callback_queue_dialog")
        dialog.setWindowTitle(self.tr("Callback queue"))
        queue = CallbackQueue(self.desk, self.hub, dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(queue)
        dialog.resize(900, 480)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_setup(self) -> None:
        """维修人员与价格表 (a supervisor's)."""
        from desk_app.ui.repairs.setup_dialog import RepairSetupDialog

        dialog = RepairSetupDialog(self.desk, self.hub, self.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    # ---- elsewhere -------------------------------------------------------------------------

    def open_unit(self) -> None:
        if self.order is not None and self.order.unit_id is not None:
            self.open_unit_requested.emit(self.order.unit_id)

    def open_entry(self) -> None:
        if self.order is not None and self.order.reception_id is not None:
            self.open_entry_requested.emit(self.order.reception_id)
