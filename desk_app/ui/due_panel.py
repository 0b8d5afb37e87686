"""What is due now (``due.due_now``), for a dock beside the tabs: orders to dispatch,
urgent orders with nobody on site, complaints near or past their 24 hours, callbacks due
today, matters raised to the supervisor. Late first, coloured by state; a header counts
the late and near ones. Enter or a double-click asks to open the item.

    panel = DuePanel(desk, hub)
    panel.open_requested.connect(...)   # (subject, subject_id): 'repair_orders' /
                                        # 'reception_entries' / 'callbacks'
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import deadlines
from desk_app.services.desk import Desk
from desk_app.services.shifts import due_now as due
from desk_app.services.shifts.due_now import DueItem
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import left_text, vocabulary_text
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.visible_timer import visible_timer

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def summary_text(item: DueItem) -> str:
    summary = " ".join(item.summary.split())
    if not item.matter:
        return summary
    return (
        QCoreApplication.translate("Labels", "%1: %2")
        .replace("%1", vocabulary_text(item.matter))
        .replace("%2", summary)
    )


def item_text(item: DueItem) -> str:
    left = vocabulary_text(item.left_text) if item.limit == due.ESCALATED else None
    first = (
        f"{left or left_text(item.seconds_left)}  ·  "
        f"{vocabulary_text(item.limit_label)}  {item.number}"
    )
    second = f"{item.location}  {summary_text(item)}".strip()
    return f"{first}\n{second}"


class DuePanel(QWidget):
    open_requested = Signal(str, int)
    """The clerk activated an item: (subject table, id)."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("due_panel")
        self._items: list[DueItem] = []
        self.header_label = QLabel(self)
        self.header_label.setObjectName("due_header")
        font = self.header_label.font()
        font.setBold(True)
        self.header_label.setFont(font)
        self.header_label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("due_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(1)
        self.list.itemActivated.connect(self._activated)
        self.empty_label = QLabel(self.tr("Nothing due."), self)
        self.empty_label.setObjectName("due_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        self.setFocusProxy(self.list)
        self.setMinimumWidth(220)

        self.timer = visible_timer(self, self.refresh)
        hub.changed.connect(self._hub_changed)
        self.refresh()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches(*due.followed_tables(), "settings", "shifts"):
            self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(300, 400)

    def items(self) -> list[DueItem]:
        return list(self._items)

    def refresh(self, *_args: object) -> None:
        current = self.list.currentItem()
        chosen = current.data(ITEM_ROLE) if current is not None else None
        self._items = due.due_now(self.desk)
        self.list.clear()
        line = self.fontMetrics().lineSpacing()
        for entry in self._items:
            item = QListWidgetItem(item_text(entry))
            item.setData(ITEM_ROLE, (entry.subject, entry.subject_id))
            item.setToolTip(
                f"{vocabulary_text(entry.limit_label)} {entry.number}\n{entry.location}\n"
                f"{summary_text(entry)}"
            )
            item.setSizeHint(QSize(0, line * 2 + 8))
            if (foreground := deadline_colors.foreground(entry.state)) is not None:
                item.setForeground(foreground)
            if (background := deadline_colors.background(entry.state)) is not None:
                item.setBackground(background)
            self.list.addItem(item)
            if chosen == (entry.subject, entry.subject_id):
                self.list.setCurrentItem(item)
        late = sum(1 for i in self._items if i.state == deadlines.LATE)
        near = sum(1 for i in self._items if i.state == deadlines.NEAR)
        self.header_label.setText(
            self.tr("Late {late} · near {near} · {total} due").format(
                late=late, near=near, total=len(self._items)
            )
        )
        self.empty_label.setVisible(not self._items)

    def _activated(self, item: QListWidgetItem) -> None:
        subject, subject_id = item.data(ITEM_ROLE)
        self.open_requested.emit(subject, int(subject_id))

    def activate_row(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            self._activated(item)
