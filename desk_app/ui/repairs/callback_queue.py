"""The callback queue (回访): every open callback, soonest due first, with its time limit
coloured; Enter (or a double-click) opens the call.

    queue = CallbackQueue(desk, hub)
    queue.callback_done.connect(...)     # a callback attempt or result was recorded (its id)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text
from desk_app.core.masking import mask_phone
from desk_app.services.desk import Desk
from desk_app.services.repairs import callbacks
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import left_text, vocabulary_text
from desk_app.ui.repairs.callback_dialog import run_callback_dialog
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.columns import fit_columns
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel
from desk_app.ui.widgets.visible_timer import visible_timer


class CallbackQueueModel(RowTableModel):
    """Open callbacks; phones masked here (the dialog shows the number to dial)."""

    LIMIT = 0

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.desk = desk

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Time limit"), lambda r: self.left_text(r)),
            Column(self.tr("No."), lambda r: r.subject_no),
            Column(self.tr("Kind"), lambda r: vocabulary_text(r.subject_kind)),
            Column(self.tr("Unit / place"), lambda r: r.location),
            Column(self.tr("Contact"), lambda r: r.contact_name),
            Column(self.tr("Phone"), lambda r: mask_phone(r.phone)),
            Column(self.tr("Call back by"), lambda r: display(r.due_at)),
            Column(self.tr("Attempts"), lambda r: r.attempts, align_right=True),
            Column(self.tr("Matter"), lambda r: " ".join(r.content.split())),
        ]

    def reload(self) -> None:
        self.set_rows(callbacks.queue(self.desk))

    def deadline(self, row: Any) -> deadlines.Deadline:
        return deadlines.Deadline(
            deadlines.CALLBACK, from_text(row.started_at), from_text(row.due_at)
        )

    def state(self, row: Any) -> str:
        return self.deadline(row).state(self.desk.clock.now())

    def left_text(self, row: Any) -> str:
        return left_text(self.deadline(row).seconds_left(self.desk.clock.now()))

    def refresh_limits(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.LIMIT and 0 <= index.row() < self.rowCount():
            if role == Qt.ItemDataRole.ForegroundRole:
                return deadline_colors.foreground(self.state(self.row_at(index.row())))
            if role == Qt.ItemDataRole.BackgroundRole:
                return deadline_colors.background(self.state(self.row_at(index.row())))
        return super().data(index, role)


class QueueView(QTableView):
    def __init__(self, parent: QWidget, on_enter) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)


class CallbackQueue(QWidget):
    callback_done = Signal(int)
    """A callback attempt or result was recorded from this queue; carries the callback id."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("callback_queue")
        self.model = CallbackQueueModel(desk, self)
        self.view = QueueView(self, self.open_selected)
        self.view.setObjectName("callback_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        samples = [
            "超时 23小时59分",
            "WX20261120-0001",
            "投诉",
            "3栋2单元1501",
            "欧阳娜娜",
            "138****5678",
            "2026-11-20 23:59",
            "99",
        ]
        fit_columns(self.view, dict(enumerate(samples)), table="callbacks")
        self.view.doubleClicked.connect(lambda _index: self.open_selected())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("callback_count")
        self.open_button = QPushButton(self.tr("Call back…"), self)
        self.open_button.setObjectName("open_callback")
        self.open_button.clicked.connect(self.open_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

        self.timer = visible_timer(self, self.model.refresh_limits)
        hub.changed.connect(self._hub_changed)
        self.refresh()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("callbacks", "reception_entries", "repair_orders"):
            self.refresh()

    def refresh(self, *_args: object) -> None:
        current = self.selected()
        self.model.reload()
        self.count_label.setText(
            self.tr("{count} callbacks open").format(count=self.model.rowCount())
        )
        if current is not None:
            self.select(current.id)
        elif self.model.rowCount():
            self.view.selectRow(0)

    def selected(self) -> callbacks.CallbackRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())

    def select(self, callback_id: int) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.id == callback_id:
                self.view.selectRow(row)
                return True
        return False

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_callback(row.id)

    def open_callback(self, callback_id: int) -> callbacks.CallbackOutcome | None:
        """The call dialog for one callback (also from the due panel)."""
        outcome = run_callback_dialog(self.desk, self.hub, callback_id, self)
        if outcome is not None:
            self.callback_done.emit(callback_id)
        return outcome
