"""The unit page's 接待与维修 tab: the unit's reception entries and repair orders."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import orders as repairs
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.row_table import ROW_ROLE, Column, RowTableModel

LIMIT = 200


class UnitReceptionModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("No."), lambda e: e.entry_no),
            Column(self.tr("Received"), lambda e: display(e.received_at)),
            Column(self.tr("Channel"), lambda e: e.channel),
            Column(self.tr("Category"), lambda e: e.category),
            Column(self.tr("Caller"), lambda e: e.caller_name),
            Column(self.tr("Content"), lambda e: e.content),
            Column(
                self.tr("Status"),
                lambda e: vocabulary_text(reception.STATUS_LABELS.get(e.status, e.status)),
            ),
            Column(self.tr("Result"), lambda e: e.result),
            Column(self.tr("Callback"), lambda e: e.callback_result or ""),
            Column(self.tr("Repair order"), lambda e: e.repair_order_no or ""),
        ]


class UnitRepairsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Order No."), lambda o: o.order_no),
            Column(self.tr("Reported"), lambda o: display(o.reported_at)),
            Column(self.tr("Content"), lambda o: o.content),
            Column(self.tr("Status"), lambda o: o.status),
            Column(self.tr("Technician"), lambda o: o.technician_name or o.contractor),
            Column(self.tr("Completed"), lambda o: display(o.completed_at)),
            Column(self.tr("Materials"), lambda o: format_fen(o.material_fen), align_right=True),
            Column(self.tr("Total"), lambda o: format_fen(o.total_fen), align_right=True),
            Column(self.tr("Paid"), lambda o: "有偿" if o.paid else ""),
            Column(self.tr("Callback"), lambda o: o.callback_result or ""),
        ]


def _view(parent: QWidget, model: RowTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class UnitHistoryTab(QWidget):
    """Reception entries and repair orders of one unit, newest first (the last 200 each).
    Activating a row asks the main window to open it in its own tab."""

    open_entry_requested = Signal(int)
    open_order_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._unit_id: int | None = None
        self._stale = False
        self.entries_model = UnitReceptionModel((), self)
        self.orders_model = UnitRepairsModel((), self)
        self.entries_view = _view(self, self.entries_model, "unit_reception_view")
        self.orders_view = _view(self, self.orders_model, "unit_repairs_view")
        self.entries_caption = QLabel(self)
        self.orders_caption = QLabel(self)
        top, bottom = QWidget(self), QWidget(self)
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        for layout, caption, view in (
            (top_layout, self.entries_caption, self.entries_view),
            (bottom_layout, self.orders_caption, self.orders_view),
        ):
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(caption)
            layout.addWidget(view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.entries_view.activated.connect(self._entry_activated)
        self.orders_view.activated.connect(self._order_activated)
        self.entries_view.doubleClicked.connect(self._entry_activated)
        self.orders_view.doubleClicked.connect(self._order_activated)

    def show_unit(self, unit_id: int | None) -> None:
        """Show a unit's history; read only while the tab is on screen (else when shown)."""
        self._unit_id = unit_id
        self._stale = not self.isVisible()
        if not self._stale:
            self._load(unit_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._load(self._unit_id)

    def _load(self, unit_id: int | None) -> None:
        if unit_id is None:
            entries, orders, entry_total, order_total = [], [], 0, 0
        else:
            entries = reception.unit_entries(self.desk, unit_id, limit=LIMIT)
            orders = repairs.unit_orders(self.desk, unit_id, limit=LIMIT)
            entry_total = reception.count_entries(self.desk, reception.EntryQuery(unit_id=unit_id))
            order_total = repairs.count_orders(self.desk, repairs.OrderQuery(unit_id=unit_id))
        self.entries_model.set_rows(entries)
        self.orders_model.set_rows(orders)
        self.entries_caption.setText(
            self.tr("Reception entries: {count}").format(count=entry_total)
        )
        self.orders_caption.setText(self.tr("Repair orders: {count}").format(count=order_total))
        for view in (self.entries_view, self.orders_view):
            view.resizeColumnsToContents()

    def _entry_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_entry_requested.emit(row.id)

    def _order_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_order_requested.emit(row.id)
