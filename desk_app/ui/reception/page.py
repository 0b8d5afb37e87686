"""The 接待登记 tab: the entry form on top, a filter bar, and the reception log below
with the actions on the selected entry.

    page = ReceptionPage(desk, hub)
    page.open_order_requested.connect(...)   # 打开维修单: the repairs tab shows the order
    page.open_unit_requested.connect(...)    # 打开房屋: the owner archive shows the unit
    page.focus_entry(); page.show_entry(entry_id); page.refresh()

Keys (within the tab; the letters follow the repairs tab): Ctrl+Enter / Ctrl+S save the
form, Esc clear it, Ctrl+E 处理…, Ctrl+L 回访…, Ctrl+R 上报主管…, Ctrl+Shift+O 打开维修单,
Ctrl+Shift+U 打开房屋, F5 refresh, F6 between the form and the log, Enter (in the log) the
entry in full. The main window's F2 (new entry) calls ``focus_entry()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.vocabularies import CALLBACK_RESULTS
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, EntryRow
from desk_app.services.repairs import callbacks
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import building_label, left_text, vocabulary_text
from desk_app.ui.operations import attempt
from desk_app.ui.reception.entry_form import EntryForm
from desk_app.ui.reception.feature import PAGE_ACTIONS
from desk_app.ui.reception.handling_dialog import (
    EntryDetailDialog,
    EscalateDialog,
    HandlingDialog,
)
from desk_app.ui.reception.models import ReceptionLogModel
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.controls import picked_date
from desk_app.ui.widgets.visible_timer import visible_timer

PERIOD_30_DAYS, PERIOD_TODAY, PERIOD_MONTH, PERIOD_ALL, PERIOD_CUSTOM = (
    "30d",
    "today",
    "month",
    "all",
    "custom",
)

# Widths of the log's columns from a typical value (never measured over the rows).
COLUMN_SAMPLES: dict[int, Sample] = {
    ReceptionLogModel.NUMBER: "JD20261120-0003",
    ReceptionLogModel.RECEIVED: "2026-11-20 09:30",
    ReceptionLogModel.CHANNEL: reception.RECEPTION_CHANNELS,
    ReceptionLogModel.LOCATION: "3栋2单元1501",
    ReceptionLogModel.NAME: "欧阳娜娜",
    ReceptionLogModel.PHONE: "138****5678",
    ReceptionLogModel.CATEGORY: reception.RECEPTION_CATEGORIES,
    ReceptionLogModel.CONTENT: "厨房水龙头漏水，楼下天花板有水渍",
    ReceptionLogModel.RECEIVER: "王经理",
    ReceptionLogModel.DEPARTMENT: ("秩序维护部", "客服中心", "管理处"),
    ReceptionLogModel.HANDLING: "[11-20 09:30 张丽] 已通知工程部上门",
    ReceptionLogModel.RESULT: "已答复业主",
    ReceptionLogModel.STATUS: lambda: QCoreApplication.translate(
        "Labels", "%1 · escalated"
    ).replace("%1", vocabulary_text("待回访")),
    ReceptionLogModel.LIMIT: lambda: f"{vocabulary_text('回访')} {left_text(-86340)}",
    ReceptionLogModel.COMPLETED: "2026-11-20 09:30",
    ReceptionLogModel.CALLBACK_AT: "2026-11-20 09:30",
    ReceptionLogModel.CALLBACK_BY: "王经理",
    ReceptionLogModel.CALLBACK_RESULT: CALLBACK_RESULTS,
    ReceptionLogModel.ORDER: lambda: f"WX20261120-0002（{vocabulary_text('已回访')}）",
    ReceptionLogModel.NOTE: "备注备注备注备注",
}


class LogView(QTableView):
    """Enter on a row opens the entry in full."""

    def __init__(self, parent: QWidget, on_enter: Callable[[], None]) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self._on_enter()
            return
        super().keyPressEvent(event)


class ReceptionPage(QWidget):
    open_order_requested = Signal(int)
    """打开维修单: the repairs tab should show this order."""

    open_unit_requested = Signal(int)
    """打开房屋: the owner archive should show this unit."""

    callback_requested = Signal(int)
    """回访: the callback dialog should open for this callback (a complaint's)."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("reception_page")

        # --- the entry form
        self.form = EntryForm(desk, hub, self)
        form_frame = QFrame(self)
        form_frame.setObjectName("entry_frame")
        form_frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(form_frame)
        frame_layout.setContentsMargins(8, 6, 8, 6)
        frame_layout.addWidget(self.form)

        # --- the filter bar
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("filter_period")
        for text, key in (
            (self.tr("Last 30 days"), PERIOD_30_DAYS),
            (self.tr("Today"), PERIOD_TODAY),
            (self.tr("This month"), PERIOD_MONTH),
            (self.tr("All"), PERIOD_ALL),
            (self.tr("From … to …"), PERIOD_CUSTOM),
        ):
            self.period_combo.addItem(text, key)
        today = self._today()
        self.from_edit = self._date_edit("filter_from", today - timedelta(days=29))
        self.to_edit = self._date_edit("filter_to", today)
        self.category_combo = self._choices(
            "filter_category", [(vocabulary_text(c), c) for c in reception.RECEPTION_CATEGORIES]
        )
        self.channel_combo = self._choices(
            "filter_channel", [(vocabulary_text(c), c) for c in reception.RECEPTION_CHANNELS]
        )
        self.status_combo = self._choices(
            "filter_status",
            [(vocabulary_text(label), status) for status, label in reception.STATUS_LABELS.items()]
            + [(self.tr("Unfinished"), "unfinished")],
        )
        self.building_combo = self._choices("filter_building", [])
        self.overdue_check = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_check.setObjectName("filter_overdue")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("log_count")
        self.reload_buildings()

        filters = QHBoxLayout()
        filters.setSpacing(6)
        captioned: tuple[tuple[str | None, QWidget], ...] = (
            (self.tr("Period:"), self.period_combo),
            (None, self.from_edit),
            ("–", self.to_edit),
            (self.tr("Category:"), self.category_combo),
            (self.tr("Channel:"), self.channel_combo),
            (self.tr("Status:"), self.status_combo),
            (self.tr("Building:"), self.building_combo),
        )
        for caption_text, widget in captioned:
            if caption_text:
                caption = QLabel(caption_text, self)
                filters.addWidget(caption)
                if widget is self.to_edit:
                    self.dash_label = caption
            filters.addWidget(widget)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        # --- the log
        self.model = ReceptionLogModel(desk, self)
        self.view = LogView(self, self.open_detail)
        self.view.setObjectName("reception_log")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self._size_columns()
        self.view.doubleClicked.connect(lambda _index: self.open_detail())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # --- actions on the selected entry (their shortcuts: reception/feature.py)
        actions = page_actions(self, PAGE_ACTIONS)
        self.detail_action = actions["detail"]
        self.handle_action = actions["handle"]
        self.callback_action = actions["callback"]
        self.escalate_action = actions["escalate"]
        self.open_order_action = actions["open_order"]
        self.open_unit_action = actions["open_unit"]
        self.refresh_action = actions["refresh"]
        self.log_action = actions["switch_pane"]
        for action in (
            self.detail_action,
            self.handle_action,
            self.callback_action,
            self.escalate_action,
            self.open_order_action,
            self.open_unit_action,
        ):
            self.view.addAction(action)
        actions_bar = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for action in (
            self.handle_action,
            self.callback_action,
            self.escalate_action,
            self.open_order_action,
            self.open_unit_action,
        ):
            push = QPushButton(self._button_text(action), self)
            push.setObjectName(action.objectName().replace("action_", "button_"))
            push.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            push.clicked.connect(action.trigger)
            action.enabledChanged.connect(push.setEnabled)
            self.action_buttons[action.objectName()] = push
            actions_bar.addWidget(push)
        actions_bar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(form_frame)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions_bar)
        self.setFocusProxy(self.form.unit_edit)

        self.limit_timer = visible_timer(self, self.model.refresh_visible)
        self.limit_timer.setObjectName("limit_timer")

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        for combo in (
            self.category_combo,
            self.channel_combo,
            self.status_combo,
            self.building_combo,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.from_edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.to_edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.overdue_check.toggled.connect(lambda _c: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_actions()
        )
        self.model.modelReset.connect(self._update_actions)
        self.form.recorded.connect(lambda entry_id: self.show_entry(entry_id, focus=False))
        hub.changed.connect(self._hub_changed)

        self._period_changed()

    # ---- building ----------------------------------------------------------------------------

    def _today(self) -> date:
        return self.desk.clock.now().date()

    def _date_edit(self, object_name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(object_name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _choices(self, object_name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(object_name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.addItem(self.tr("All"), None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    @staticmethod
    def _button_text(action: QAction) -> str:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return f"{action.text()}  {keys}" if keys else action.text()

    def _size_columns(self) -> None:
        fit_columns(self.view, COLUMN_SAMPLES, table="reception_log")

    def reload_buildings(self) -> None:
        current = self.building_combo.currentData()
        self.building_combo.blockSignals(True)
        try:
            while self.building_combo.count() > 1:
                self.building_combo.removeItem(1)
            for building in estate.list_buildings(self.desk):
                self.building_combo.addItem(
                    building_label(building.code, building.name), building.code
                )
            index = self.building_combo.findData(current) if current is not None else 0
            self.building_combo.setCurrentIndex(max(index, 0))
        finally:
            self.building_combo.blockSignals(False)

    def _estate_changed(self) -> None:
        self.reload_buildings()
        self.form.reload_choices()

    # ---- filtering ---------------------------------------------------------------------------

    def _period_changed(self, *_args: object) -> None:
        custom = self.period_combo.currentData() == PERIOD_CUSTOM
        for widget in (self.from_edit, self.dash_label, self.to_edit):
            widget.setVisible(custom)
        self.apply_filter()

    def query(self) -> EntryQuery:
        """The filter bar as a query of the log (dates as of the clock now)."""
        period = self.period_combo.currentData()
        today = self._today()
        date_from: date | None = None
        date_to: date | None = None
        if period == PERIOD_30_DAYS:
            date_from = today - timedelta(days=29)
        elif period == PERIOD_TODAY:
            date_from, date_to = today, today + timedelta(days=1)
        elif period == PERIOD_MONTH:
            date_from = today.replace(day=1)
        elif period == PERIOD_CUSTOM:
            date_from = picked_date(self.from_edit)
            date_to = picked_date(self.to_edit) + timedelta(days=1)
        query = EntryQuery(
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            category=self.category_combo.currentData(),
            channel=self.channel_combo.currentData(),
            status=self.status_combo.currentData(),
            building=self.building_combo.currentData(),
        )
        if self.overdue_check.isChecked():
            query = reception.overdue_query(self.desk, query)
        return query

    def apply_filter(self) -> None:
        """Show what the filter bar selects, keeping the selected entry if it is still in."""
        current = self.selected_entry()
        self.model.set_query(self.query())
        self.count_label.setText(self.tr("{count} entries").format(count=self.model.total()))
        if current is not None:
            row = self.model.row_of_entry(current.id, within=self.model.PAGE)
            if row >= 0:
                self._select_row(row)
        self._update_actions()

    def reset_filters(self) -> None:
        """全部: every entry of every day."""
        widgets = (
            self.period_combo,
            self.category_combo,
            self.channel_combo,
            self.status_combo,
            self.building_combo,
            self.overdue_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.period_combo.setCurrentIndex(self.period_combo.findData(PERIOD_ALL))
            for combo in widgets[1:5]:
                combo.setCurrentIndex(0)
            self.overdue_check.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._period_changed()

    # ---- the selection -----------------------------------------------------------------------

    def selected_entry(self) -> EntryRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.entry_at(index.row())

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _update_actions(self, *_args: object) -> None:
        entry = self.selected_entry()
        for action in (
            self.detail_action,
            self.handle_action,
            self.callback_action,
            self.escalate_action,
        ):
            action.setEnabled(entry is not None)
        self.open_order_action.setEnabled(entry is not None and entry.repair_order_id is not None)
        self.open_unit_action.setEnabled(entry is not None and entry.unit_id is not None)

    # ---- public: for the main window ---------------------------------------------------------

    def focus_entry(self) -> None:
        """F2: the cursor in the form (房号) for a new entry; F2 again, in 房号, goes to
        方式, where 1–4 picks the channel and brings the cursor back to 房号."""
        if QApplication.focusWidget() is self.form.unit_edit:
            self.form.channel_choice.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.form.focus_first()

    def focus_log(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self._select_row(0)

    def switch_pane(self) -> None:
        """F6: from the form to the log and back."""
        focus = QApplication.focusWidget()
        if focus is not None and self.form.isAncestorOf(focus):
            self.focus_log()
        else:
            self.focus_entry()

    def show_entry(self, entry_id: int, *, focus: bool = True) -> bool:
        """Select an entry in the log, widening the filter to 全部 (or to the entry's own
        day when it is far down the log) if needed."""
        row = self.model.row_of_entry(entry_id)
        if row < 0:
            self.reset_filters()
            row = self.model.row_of_entry(entry_id)
        if row < 0:
            entry = attempt(self, lambda: reception.get_entry(self.desk, entry_id))
            if entry is None:
                return False
            day = date.fromisoformat(entry.received_at[:10])
            for edit in (self.from_edit, self.to_edit):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            self.period_combo.setCurrentIndex(self.period_combo.findData(PERIOD_CUSTOM))
            row = self.model.row_of_entry(entry_id)
        if row < 0:
            return False
        self._select_row(row)
        self._update_actions()
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def refresh(self) -> None:
        """Count and read the log again (and the filter's dates as of now)."""
        self.apply_filter()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("reception_entries", "repair_orders", "callbacks"):
            self.refresh()
        if event.touches("buildings", "units", "public_places"):
            self._estate_changed()
        elif event.touches("settings"):
            self.form.reload_choices()

    # ---- actions -----------------------------------------------------------------------------

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def show_status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    def open_detail(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = attempt(self, lambda: EntryDetailDialog(self.desk, entry.id, self))
        if dialog is not None:
            self._run(dialog)

    def handle_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.category == "报修":
            messages.info(
                self,
                self.tr(
                    "A repair call is handled in its repair order {order} (Repairs tab)."
                ).format(order=entry.repair_order_no or ""),
            )
            return
        dialog = attempt(self, lambda: HandlingDialog(self.desk, self.hub, entry.id, self))
        if dialog is not None and self._run(dialog):
            self.show_entry(entry.id)

    def callback_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        row = attempt(self, lambda: callbacks.for_entry(self.desk, entry.id))
        if row is not None:
            self.callback_requested.emit(row.id)

    def escalate_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.escalated:
            messages.info(
                self,
                self.tr("{number} has already been reported to the supervisor.").format(
                    number=entry.entry_no
                ),
            )
            return
        dialog = attempt(self, lambda: EscalateDialog(self.desk, self.hub, entry.id, self))
        if dialog is not None and self._run(dialog):
            self.show_entry(entry.id)

    def open_order(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.repair_order_id is not None:
            self.open_order_requested.emit(entry.repair_order_id)

    def open_unit(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.unit_id is not None:
            self.open_unit_requested.emit(entry.unit_id)

    def index_of_entry(self, entry_id: int) -> QModelIndex:
        row = self.model.row_of_entry(entry_id)
        return self.model.index(row, 0) if row >= 0 else QModelIndex()
