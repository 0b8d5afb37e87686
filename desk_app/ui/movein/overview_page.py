"""The 进度与遗留问题 sub-page of 入住交房: the batch at a glance, the defects for the
developer, their re-inspection (复验) and the day's 收楼情况汇总 — keyboard first.

- Batch progress: a batch chosen (Alt+B), a line per building — units, 已交房, 带条件收房,
  拒收, in progress, booked, not yet — and the total (one aggregate query).
- Defects (``defects_view``): filters by building, open only, late only; the open defects
  by room, item and category; the list, late days in red. Enter (or Ctrl+O) opens the
  defect's repair order in 维修工单; 复验… (Ctrl+R) only on a defect whose repair is
  completed (otherwise disabled, its tool tip says why); the unit's 遗留问题整改记录 printed
  (Ctrl+P); the list as filtered to Excel (Ctrl+E).
- The day's summary: a date (today), printed (Ctrl+Shift+P) or to Excel (Ctrl+Shift+E).

It follows the hub: anything written to the move-in tables or the repair orders refreshes
it (when next shown, if hidden).

    page = OverviewPage(desk, hub)
    page.show_batch(batch_id); page.defects_view.set_filters(building="3", late_only=True)
    page.reinspect(); page.export_day_summary(path)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import movein as rules
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.movein import batches, defects
from desk_app.services.movein.batches import BatchRow, BuildingCounts
from desk_app.services.movein.defects import DefectRow
from desk_app.ui.actions import page_actions, tool_tip
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import building_label
from desk_app.ui.movein.defects_view import DefectsView
from desk_app.ui.movein.feature import (
    OVERVIEW_ACTIONS,
    OVERVIEW_DAY_ACTIONS,
    OVERVIEW_DEFECT_ACTIONS,
)
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.controls import list_table, picked_date, qdate
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel
from desk_app.ui.widgets.shown_refresh import ShownRefresh
from desk_app.ui.widgets.tool_buttons import tool_button

WATCHED = (
    "movein_batches",
    "movein_units",
    "movein_handovers",
    "movein_defects",
    "movein_reinspections",
    "movein_photos",
    "repair_orders",
)
TOTAL = ""  # the building of the total line
ERROR_STYLE = "color: #a40000;"


def total_of(rows: list[BuildingCounts]) -> BuildingCounts:
    return BuildingCounts(
        TOTAL,
        sum(r.units for r in rows),
        sum(r.not_booked for r in rows),
        sum(r.booked for r in rows),
        sum(r.in_progress for r in rows),
        sum(r.delivered for r in rows),
        sum(r.reservations for r in rows),
        sum(r.refused for r in rows),
    )


class ProgressModel(RowTableModel):
    """Rows: ``BuildingCounts`` of each building, then the total (bold)."""

    BUILDING, UNITS, DELIVERED, RESERVATIONS, REFUSED, IN_PROGRESS, BOOKED, NOT_YET = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.names: dict[str, str] = {}

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Building"), self._building),
            Column(self.tr("Units"), lambda r: r.units, align_right=True),
            Column(self.tr("Delivered"), lambda r: r.delivered, align_right=True),
            Column(self.tr("With reservations"), lambda r: r.reservations, align_right=True),
            Column(self.tr("Refused"), lambda r: r.refused, align_right=True),
            Column(self.tr("In progress"), lambda r: r.in_progress, align_right=True),
            Column(self.tr("Booked"), lambda r: r.booked, align_right=True),
            Column(self.tr("Not yet"), lambda r: r.not_booked, align_right=True),
        ]

    def _building(self, row: BuildingCounts) -> str:
        if row.building == TOTAL:
            return self.tr("Total")
        return building_label(row.building, self.names.get(row.building, ""))

    def set_counts(self, rows: list[BuildingCounts], names: dict[str, str]) -> None:
        self.names = names
        self.set_rows([*rows, total_of(rows)] if rows else [])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.FontRole
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and self.row_at(index.row()).building == TOTAL
        ):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)

    def table(self) -> list[list[str]]:
        """What the table shows, line by line (for tests and a glance)."""
        return [
            [str(self.data(self.index(r, c)) or "") for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]


class OverviewPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("movein_overview_page")
        self._on_change = ShownRefresh(self, self.refresh)

        # --- the batch's progress
        self.batch_combo = QComboBox(self)
        self.batch_combo.setObjectName("movein_overview_batch")
        self.batch_combo.setMinimumContentsLength(16)
        self.batch_combo.currentIndexChanged.connect(lambda _i: self.refresh_progress())
        batch_caption = QLabel(self.tr("&Batch:"), self)
        batch_caption.setBuddy(self.batch_combo)
        self.batch_info = QLabel(self)
        self.batch_info.setObjectName("movein_overview_batch_info")
        self.progress_model = ProgressModel(parent=self)
        self.progress_view = list_table(self, self.progress_model, "movein_progress")
        self.progress_view.setAlternatingRowColors(False)
        header = self.progress_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.progress_model.columnCount()):
            width = header.fontMetrics().horizontalAdvance(
                str(self.progress_model.headerData(column, Qt.Orientation.Horizontal))
            )
            header.resizeSection(column, max(width + 24, 70 if column else 120))

        # --- the defects
        self.defects_view = DefectsView(desk, self)
        self.defects_view.chosen_changed.connect(self.update_actions)
        self.defects_view.open_requested.connect(self.open_order)

        # --- the day's summary
        self.day_edit = QDateEdit(self)
        self.day_edit.setObjectName("movein_overview_day")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setDate(qdate(desk.clock.now().date()))
        day_caption = QLabel(self.tr("&Day:"), self)
        day_caption.setBuddy(self.day_edit)

        self.message = QLabel(self)
        self.message.setObjectName("movein_overview_message")
        self.message.setWordWrap(True)

        self.named_actions: dict[str, QAction] = page_actions(self, OVERVIEW_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        defect_bar = QHBoxLayout()
        for spec in OVERVIEW_DEFECT_ACTIONS:
            self.defects_view.view.addAction(self.named_actions[spec.name])
            defect_bar.addWidget(self._button(spec.name))
        defect_bar.addStretch(1)
        self.defects_view.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        day_bar = QHBoxLayout()
        day_bar.addWidget(day_caption)
        day_bar.addWidget(self.day_edit)
        for spec in OVERVIEW_DAY_ACTIONS:
            day_bar.addWidget(self._button(spec.name))
        day_bar.addStretch(1)

        batch_row = QHBoxLayout()
        batch_row.addWidget(batch_caption)
        batch_row.addWidget(self.batch_combo)
        batch_row.addWidget(self.batch_info, 1)
        progress_box = QGroupBox(self.tr("Batch progress"), self)
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addLayout(batch_row)
        progress_layout.addWidget(self.progress_view)
        defects_box = QGroupBox(self.tr("Defects for the developer"), self)
        defects_layout = QVBoxLayout(defects_box)
        defects_layout.addWidget(self.defects_view, 1)
        defects_layout.addLayout(defect_bar)
        day_box = QGroupBox(self.tr("The day's hand-overs"), self)
        day_box.setObjectName("movein_overview_day_box")
        day_box.setLayout(day_bar)

        layout = QVBoxLayout(self)
        layout.addWidget(progress_box)
        layout.addWidget(defects_box, 1)
        layout.addWidget(day_box)
        layout.addWidget(self.message)

        QWidget.setTabOrder(self.batch_combo, self.progress_view)
        QWidget.setTabOrder(self.progress_view, self.defects_view.building_filter)
        QWidget.setTabOrder(self.defects_view.counts_view, self.day_edit)
        self.setFocusProxy(self.batch_combo)

        hub.changed.connect(self._hub_changed)
        self.reload_batches()
        self.refresh()

    def _button(self, name: str) -> QToolButton:
        self.buttons[name] = tool_button(
            self, self.named_actions[name], f"movein_overview_{name}_button"
        )
        return self.buttons[name]

    # ---- the batch ---------------------------------------------------------------------

    def batch_id(self) -> int | None:
        value = self.batch_combo.currentData()
        return int(value) if value is not None else None

    def reload_batches(self) -> None:
        """The batches, newest first; the one whose days include today chosen at first."""
        chosen = self.batch_id()
        rows: list[BatchRow] = attempt(self, lambda: batches.list_batches(self.desk)) or []
        if chosen is None:
            today = self.desk.clock.now().date().isoformat()
            running = [b for b in rows if b.starts_on <= today <= b.ends_on]
            chosen = (running or rows)[0].id if rows else None
        self.batch_combo.blockSignals(True)
        try:
            self.batch_combo.clear()
            for row in rows:
                self.batch_combo.addItem(row.name, row.id)
            self.batch_combo.setCurrentIndex(max(self.batch_combo.findData(chosen), 0))
        finally:
            self.batch_combo.blockSignals(False)

    def show_batch(self, batch_id: int) -> bool:
        index = self.batch_combo.findData(batch_id)
        if index < 0:
            self.reload_batches()
            index = self.batch_combo.findData(batch_id)
        if index >= 0:
            self.batch_combo.setCurrentIndex(index)
            self.refresh_progress()
        return index >= 0

    def refresh_progress(self) -> None:
        batch_id = self.batch_id()
        if batch_id is None:
            self.progress_model.set_counts([], {})
            self.batch_info.setText(self.tr("No delivery batch yet."))
            self._fit_progress()
            return
        batch = attempt(self, lambda: batches.get_batch(self.desk, batch_id))
        rows = attempt(self, lambda: batches.overview(self.desk, batch_id)) or []
        names = {b.code: b.name for b in estate.list_buildings(self.desk)}
        self.progress_model.set_counts(rows, names)
        if batch is not None:
            parts = [f"{batch.starts_on} – {batch.ends_on}"]
            if batch.place:
                parts.append(batch.place)
            parts.append(self.tr("%1 units").replace("%1", str(batch.units)))
            self.batch_info.setText(" · ".join(parts))
        self._fit_progress()

    def _fit_progress(self) -> None:
        """As tall as its lines (at most twelve shown at once)."""
        view = self.progress_view
        lines = min(max(self.progress_model.rowCount(), 2), 12)
        height = view.horizontalHeader().sizeHint().height()
        height += lines * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2
        view.setMinimumHeight(height)
        view.setMaximumHeight(height + view.horizontalScrollBar().sizeHint().height())

    # ---- the chosen defect ----------------------------------------------------------------

    def chosen_defect(self) -> DefectRow | None:
        return self.defects_view.chosen()

    def update_actions(self) -> None:
        row = self.chosen_defect()
        reinspect = self.named_actions["reinspect"]
        reason = self.cannot_reinspect(row)
        reinspect.setEnabled(not reason)
        reinspect.setToolTip(reason or tool_tip(reinspect))
        opener = getattr(self.window(), "open_repair_order", None)
        has_order = row is not None and row.repair_order_id is not None
        self.named_actions["open_order"].setEnabled(has_order and opener is not None)
        self.named_actions["print_defects"].setEnabled(row is not None)

    def cannot_reinspect(self, row: DefectRow | None) -> str:
        """Why the defect cannot be re-inspected now ('' when it can)."""
        if row is None:
            return self.tr("Choose a defect first.")
        state = defects.defect_state(row)
        if state == rules.AWAITING_REINSPECTION:
            return ""
        if state == "已复验":
            return self.tr("This defect has passed its re-inspection.")
        if row.repair_order_id is None:
            return self.tr("This defect has no repair order.")
        return self.tr(
            "Its repair order %1 is not completed yet: re-inspection comes after the repair."
        ).replace("%1", row.order_no or "")

    # ---- acts on the chosen defect --------------------------------------------------------

    def reinspect(self) -> None:
        """复验… of the chosen defect (its repair completed), with the owner."""
        row = self.chosen_defect()
        if row is None or self.cannot_reinspect(row):
            return
        from desk_app.ui.movein.reinspect_dialog import ReinspectDialog

        dialog = ReinspectDialog(self.desk, self.hub, defects.get_defect(self.desk, row.id), self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
                return
            after: DefectRow = dialog.written.value  # type: ignore[assignment]
        finally:
            dialog.deleteLater()
        if after.state == "已复验":
            self.say(
                self.tr("%1: re-inspection passed, the defect is closed.").replace(
                    "%1", f"{after.unit_code} {after.room} {after.item}"
                )
            )
        else:
            self.say(
                self.tr("%1: re-inspection failed, repair order %2 is reopened.")
                .replace("%1", f"{after.unit_code} {after.room} {after.item}")
                .replace("%2", after.order_no or "")
            )
        self.refresh()
        self.defects_view.select_defect(after.id)
        self.defects_view.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_order(self) -> None:
        """The chosen defect's repair order in 维修工单 (when the window has that tab)."""
        row = self.chosen_defect()
        opener = getattr(self.window(), "open_repair_order", None)
        if row is None or row.repair_order_id is None or opener is None:
            return
        opener(row.repair_order_id)

    def print_defect_list(self) -> None:
        """遗留问题整改记录 of the chosen defect's unit: archived and shown for printing."""
        row = self.chosen_defect()
        if row is None:
            return
        from desk_app.services.movein import printing
        from desk_app.ui.widgets import pdf_preview

        unit_id = row.unit_id
        done = perform(self, self.hub, lambda: printing.print_defect_list(self.desk, unit_id))
        if done is not None:
            printed = done.value
            pdf_preview.show_pdf(printed.pdf, printed.title or self.tr("Defect record"), self)

    def export_defects(self, path: str | None = None) -> None:
        """The defects as listed (building, open only, late only) to an Excel workbook."""
        from desk_app.services.movein import export
        from desk_app.ui.widgets.files import choose_save_path

        view = self.defects_view
        name = f"遗留问题清单-{self.desk.clock.now():%Y%m%d}.xlsx"
        path = path or choose_save_path(self, self.tr("Export the defects"), name)
        if not path:
            return
        chosen, building = path, view.building()
        open_only, late_only = view.open_only.isChecked(), view.late_only.isChecked()
        count = attempt(
            self,
            lambda: export.export_defects(
                self.desk, chosen, open_only=open_only, building=building, late_only=late_only
            ),
        )
        if count is not None:
            self.say(
                self.tr("%1 defects exported to %2.")
                .replace("%1", str(count))
                .replace("%2", Path(chosen).name)
            )

    # ---- the day's summary ------------------------------------------------------------------

    def day(self) -> str:
        return picked_date(self.day_edit).isoformat()

    def print_day_summary(self) -> None:
        """收楼情况汇总 of the day: archived and shown for printing."""
        from desk_app.services.movein import printing
        from desk_app.ui.widgets import pdf_preview

        day = self.day()
        done = perform(self, self.hub, lambda: printing.print_daily_summary(self.desk, day))
        if done is not None:
            printed = done.value
            pdf_preview.show_pdf(printed.pdf, printed.title or self.tr("Day summary"), self)

    def export_day_summary(self, path: str | None = None) -> None:
        """收楼情况汇总 of the day to an Excel workbook."""
        from desk_app.services.movein import export
        from desk_app.ui.widgets.files import choose_save_path

        day = self.day()
        path = path or choose_save_path(
            self, self.tr("Export the day's summary"), f"收楼情况汇总-{day}.xlsx"
        )
        if not path:
            return
        chosen = path
        count = attempt(self, lambda: export.export_day_summary(self.desk, day, chosen))
        if count is not None:
            self.say(
                self.tr("%1 hand-overs of %2 exported to %3.")
                .replace("%1", str(count))
                .replace("%2", day)
                .replace("%3", Path(chosen).name)
            )

    # ---- messages and staying current -------------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def refresh(self) -> None:
        self.refresh_progress()
        self.defects_view.refresh()
        self.update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_actions()  # in the window now: its repair orders can be opened

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.started_by(self):  # a re-inspection refreshes itself; a print changes nothing
            return
        if event.touches("buildings"):
            self.defects_view.reload_buildings()
        if event.touches("movein_batches"):
            self.reload_batches()
        if event.touches(*WATCHED, "buildings"):
            self._on_change.changed()
