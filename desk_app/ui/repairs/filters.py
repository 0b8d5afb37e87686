"""The filter bar over the order list: period (last 30 days by default, today, this month,
all, or custom dates), status (all, unfinished, or one), building, technician, urgency
and overdue only. ``query()`` turns it into a ``repairs.OrderQuery``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desk_app.core.clock import CHINA_TZ, to_text
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import OrderQuery
from desk_app.ui.labels import building_label, vocabulary_text
from desk_app.ui.widgets.controls import picked_date, qdate

LAST_30, TODAY, THIS_MONTH, ALL_DATES, CUSTOM = "30d", "today", "month", "all", "custom"
UNFINISHED = "unfinished"


def day_start(day: date) -> str:
    return to_text(datetime.combine(day, time(0, 0), tzinfo=CHINA_TZ))


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    """(first day, last day) of a preset period; None for an open end."""
    if period == LAST_30:
        return today - timedelta(days=29), None
    if period == TODAY:
        return today, None
    if period == THIS_MONTH:
        return today.replace(day=1), None
    return None, None


class RepairFilterBar(QWidget):
    changed = Signal()
    """Any filter was changed by the clerk (or by ``show_all``)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("repair_filters")
        self._quiet = False

        self.period = self._combo("period_filter")
        for key, text in (
            (LAST_30, self.tr("Last 30 days")),
            (TODAY, self.tr("Today")),
            (THIS_MONTH, self.tr("This month")),
            (ALL_DATES, self.tr("All dates")),
            (CUSTOM, self.tr("Custom dates")),
        ):
            self.period.addItem(text, key)
        self.date_from = self._date_edit("date_from")
        self.date_to = self._date_edit("date_to")
        self.status = self._combo("status_filter")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Unfinished"), UNFINISHED)
        for status in repairs.REPAIR_STATUSES:
            self.status.addItem(vocabulary_text(status), status)
        self.building = self._combo("building_filter")
        self.technician = self._combo("technician_filter")
        self.urgency = self._combo("urgency_filter")
        self.urgency.addItem(self.tr("Any urgency"), None)
        for urgency in repairs.REPAIR_URGENCIES:
            self.urgency.addItem(vocabulary_text(urgency), urgency)
        self.overdue = QCheckBox(self.tr("Overdue onl&y"), self)
        self.overdue.setObjectName("overdue_filter")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("order_count")
        self.reload_choices()

        period_label = QLabel(self.tr("Peri&od:"), self)
        period_label.setBuddy(self.period)
        status_label = QLabel(self.tr("Stat&us:"), self)
        status_label.setBuddy(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(period_label)
        layout.addWidget(self.period)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.date_to)
        layout.addSpacing(8)
        layout.addWidget(status_label)
        layout.addWidget(self.status)
        layout.addWidget(self.building)
        layout.addWidget(self.technician)
        layout.addWidget(self.urgency)
        layout.addWidget(self.overdue)
        layout.addStretch(1)
        layout.addWidget(self.count_label)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.date_from.dateChanged.connect(self._date_typed)
        self.date_to.dateChanged.connect(self._date_typed)
        for combo in (self.status, self.building, self.technician, self.urgency):
            combo.currentIndexChanged.connect(self._changed)
        self.overdue.toggled.connect(self._changed)
        self._period_chosen()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # ---- choices that follow the data -----------------------------------------------------

    def reload_choices(self) -> None:
        """Buildings and technicians as they are now (keeps what was chosen)."""
        self._quiet = True
        try:
            chosen = self.building.currentData()
            self.building.clear()
            self.building.addItem(self.tr("All buildings"), None)
            for building in estate.list_buildings(self.desk):
                self.building.addItem(building_label(building.code, building.name), building.code)
            self.building.setCurrentIndex(max(0, self.building.findData(chosen)))
            chosen = self.technician.currentData()
            self.technician.clear()
            self.technician.addItem(self.tr("All technicians"), None)
            rows = repair_setup.technicians(self.desk, active_only=False)
            for technician in sorted(rows, key=lambda t: (not t.active, t.kind != "工程部")):
                self.technician.addItem(technician.name, technician.id)
            self.technician.setCurrentIndex(max(0, self.technician.findData(chosen)))
        finally:
            self._quiet = False

    # ---- the period -----------------------------------------------------------------------

    def today(self) -> date:
        return self.desk.clock.now().date()

    def _period_chosen(self, *_args: object) -> None:
        period = self.period.currentData()
        custom = period == CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            first, _last = period_range(period, self.today())
            self._quiet = True
            try:
                self.date_from.setDate(qdate(first or self.today()))
                self.date_to.setDate(qdate(self.today()))
            finally:
                self._quiet = False
        self._changed()

    def _date_typed(self, *_args: object) -> None:
        if self._quiet:
            return
        if self.period.currentData() != CUSTOM:
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
            return
        self._changed()

    def set_period(self, period: str, first: date | None = None, last: date | None = None) -> None:
        self._quiet = True
        try:
            self.period.setCurrentIndex(self.period.findData(period))
            if period == CUSTOM and first is not None:
                self.date_from.setDate(qdate(first))
                self.date_to.setDate(qdate(last or first))
        finally:
            self._quiet = False
        self._period_chosen()

    # ---- the query ------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self.changed.emit()

    def query(self) -> OrderQuery:
        """What is chosen, without the overdue limit (``overdue_only()``; the page adds it)."""
        period = self.period.currentData()
        date_from = date_to = None
        if period == CUSTOM:
            first = picked_date(self.date_from)
            last = picked_date(self.date_to)
            if last < first:
                first, last = last, first
            date_from, date_to = day_start(first), day_start(last + timedelta(days=1))
        else:
            start, _end = period_range(period, self.today())
            date_from = day_start(start) if start else None
        return OrderQuery(
            date_from=date_from,
            date_to=date_to,
            status=self.status.currentData(),
            building=self.building.currentData(),
            technician_id=self.technician.currentData(),
            urgency=self.urgency.currentData(),
        )

    def overdue_only(self) -> bool:
        return self.overdue.isChecked()

    def is_everything(self) -> bool:
        return (
            self.period.currentData() == ALL_DATES
            and self.query() == OrderQuery()
            and not (self.overdue_only())
        )

    def show_all(self) -> None:
        """全部: every order, whatever its date, status, building, technician or urgency."""
        self._quiet = True
        try:
            self.period.setCurrentIndex(self.period.findData(ALL_DATES))
            for combo in (self.status, self.building, self.technician, self.urgency):
                combo.setCurrentIndex(0)
            self.overdue.setChecked(False)
        finally:
            self._quiet = False
        self._period_chosen()

    def set_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} orders").format(count=count))
