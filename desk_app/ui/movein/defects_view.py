"""The defects for the developer (遗留问题) on the 进度与遗留问题 page: the filters (building,
open only, late only), the open defects counted by room, item and category, and the list of
defects — unit, room, item, category, note, who fixes it (整改单位), repair order, deadline,
state (待整改 / 待复验 / 已复验, the core's words said in the window's language) and the
days late, red when late. Enter or a double click on a defect asks for its repair order.

    view = DefectsView(desk, page)
    view.refresh(); view.chosen(); view.set_filters(building="5", late_only=True)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import deadlines
from desk_app.core import movein as rules
from desk_app.core.clock import from_text
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.movein import defects, reports
from desk_app.services.movein.defects import DefectRow
from desk_app.services.movein.reports import DefectCount
from desk_app.ui.labels import building_label, vocabulary_text
from desk_app.ui.operations import attempt
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.controls import list_table
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel

STATES = (*rules.DEFECT_STATES, rules.AWAITING_REINSPECTION)
DEFECT_SAMPLES: dict[int, Sample] = {
    0: "12-3-1801",
    1: "卫生间",
    2: "电气/开关插座",
    3: "功能故障",
    4: "主梁处一条细裂缝，约 40 厘米",
    5: ("工程部", "开发商维修单位"),
    6: "WX20261231-00001",
    7: "2026-12-31",
    8: STATES,
    9: "999",
}
COUNT_SAMPLES: dict[int, Sample] = {0: "卫生间", 1: "电气/开关插座", 2: "功能故障", 3: "999"}


class DefectModel(RowTableModel):
    """Rows: ``DefectRow``; the deadline and the days late red when the defect is late."""

    UNIT, ROOM, ITEM, CATEGORY, NOTE, FIXER, ORDER, DEADLINE, STATE, LATE = range(10)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.now = ""  # the desk's time when the rows were read (ISO text)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Unit"), lambda r: r.unit_code),
            Column(self.tr("Room"), lambda r: r.room),
            Column(self.tr("Item"), lambda r: r.item),
            Column(self.tr("Category"), lambda r: vocabulary_text(r.category)),
            Column(self.tr("Note"), lambda r: r.note),
            Column(self.tr("Fixed by"), lambda r: vocabulary_text(defects.fixer(r))),
            Column(self.tr("Repair order"), lambda r: r.order_no or ""),
            Column(self.tr("Deadline"), lambda r: r.due_on),
            Column(self.tr("State"), lambda r: vocabulary_text(defects.defect_state(r))),
            Column(self.tr("Days late"), self.days_late, align_right=True),
        ]

    def set_defects(self, rows: list[DefectRow], now: str) -> None:
        self.now = now
        self.set_rows(rows)

    def late(self, row: DefectRow) -> bool:
        return bool(self.now) and defects.is_late(row, from_text(self.now).date())

    def days_late(self, row: DefectRow) -> str:
        return str(defects.days_late(row, self.now)) if self.late(row) else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() in (self.DEADLINE, self.LATE)
            and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole)
            and 0 <= index.row() < self.rowCount()
            and self.late(self.row_at(index.row()))
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return deadline_colors.FOREGROUND[deadlines.LATE]
            return deadline_colors.BACKGROUND[deadlines.LATE]
        return super().data(index, role)

    def row_of_defect(self, defect_id: int) -> int:
        return next((n for n, r in enumerate(self.rows()) if r.id == defect_id), -1)


class DefectCountModel(RowTableModel):
    """Rows: ``DefectCount`` — open defects by room, item and category, most first."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Room"), lambda r: r.room),
            Column(self.tr("Item"), lambda r: r.item),
            Column(self.tr("Category"), lambda r: vocabulary_text(r.category)),
            Column(self.tr("Open"), lambda r: r.count, align_right=True),
        ]


class DefectsView(QWidget):
    chosen_changed = Signal()
    """Another defect (or none) is chosen."""

    open_requested = Signal()
    """Enter or a double click on a defect: its repair order, please."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("movein_defects_view")
        self._selecting = False

        self.building_filter = QComboBox(self)
        self.building_filter.setObjectName("movein_defects_building")
        self.reload_buildings()
        self.building_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.open_only = QCheckBox(self.tr("Ope&n only"), self)
        self.open_only.setObjectName("movein_defects_open_only")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.late_only = QCheckBox(self.tr("&Late only"), self)
        self.late_only.setObjectName("movein_defects_late_only")
        self.late_only.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("movein_defects_count")

        self.counts_model = DefectCountModel(parent=self)
        self.counts_view = list_table(self, self.counts_model, "movein_defect_counts")
        fit_columns(self.counts_view, COUNT_SAMPLES, table="movein_defect_counts")
        self.model = DefectModel(parent=self)
        self.view = list_table(self, self.model, "movein_defects")
        fit_columns(self.view, DEFECT_SAMPLES, table="movein_defects")
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(
            DefectModel.NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.view.activated.connect(lambda _index: self.open_requested.emit())

        filters = QHBoxLayout()
        building_caption = QLabel(self.tr("B&uilding:"), self)
        building_caption.setBuddy(self.building_filter)
        filters.addWidget(building_caption)
        filters.addWidget(self.building_filter)
        filters.addSpacing(10)
        filters.addWidget(self.open_only)
        filters.addWidget(self.late_only)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        counts_box = QWidget(self)
        counts_layout = QVBoxLayout(counts_box)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        counts_caption = QLabel(self.tr("Open defects by &kind"), self)
        counts_caption.setBuddy(self.counts_view)
        counts_layout.addWidget(counts_caption)
        counts_layout.addWidget(self.counts_view, 1)
        counts_header = self.counts_view.horizontalHeader()
        counts_box.setMinimumWidth(
            sum(counts_header.sectionSize(c) for c in range(self.counts_model.columnCount()))
            + self.counts_view.verticalScrollBar().sizeHint().width()
            + 2 * self.counts_view.frameWidth()
            + 4
        )
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_caption = QLabel(self.tr("De&fect list"), self)
        list_caption.setBuddy(self.view)
        list_layout.addWidget(list_caption)
        list_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(list_box)
        splitter.addWidget(counts_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.building_filter, self.open_only)
        QWidget.setTabOrder(self.open_only, self.late_only)
        QWidget.setTabOrder(self.late_only, self.view)
        QWidget.setTabOrder(self.view, self.counts_view)
        self.setFocusProxy(self.view)

    # ---- the filters ---------------------------------------------------------------------

    def building(self) -> str | None:
        value = self.building_filter.currentData()
        return str(value) if value else None

    def reload_buildings(self) -> None:
        chosen = self.building_filter.currentData()
        self.building_filter.blockSignals(True)
        try:
            self.building_filter.clear()
            self.building_filter.addItem(self.tr("All buildings"), None)
            for building in estate.list_buildings(self.desk):
                self.building_filter.addItem(
                    building_label(building.code, building.name), building.code
                )
            self.building_filter.setCurrentIndex(max(self.building_filter.findData(chosen), 0))
        finally:
            self.building_filter.blockSignals(False)

    def set_filters(
        self,
        *,
        building: str | None = None,
        open_only: bool | None = None,
        late_only: bool | None = None,
    ) -> None:
        """Set the filters (None: leave as is; building '' for all) and read the list once."""
        for box, on in ((self.open_only, open_only), (self.late_only, late_only)):
            if on is not None:
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)
        if building is not None:
            self.building_filter.blockSignals(True)
            self.building_filter.setCurrentIndex(
                max(self.building_filter.findData(building or None), 0)
            )
            self.building_filter.blockSignals(False)
        self.refresh()

    # ---- the lists -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the counts and the list again with the filters as they are; keep the chosen
        defect when it is still listed."""
        keep = self.chosen()
        building = self.building()
        open_only, late_only = self.open_only.isChecked(), self.late_only.isChecked()
        rows = attempt(
            self,
            lambda: defects.defect_list(
                self.desk, open_only=open_only, building=building, late_only=late_only
            ),
        )
        counts: list[DefectCount] = (
            attempt(self, lambda: reports.open_defect_counts(self.desk, building=building)) or []
        )
        self.model.set_defects(rows or [], self.desk.now_text())
        self.counts_model.set_rows(counts)
        late = sum(1 for r in self.model.rows() if self.model.late(r))
        self.count_label.setText(
            self.tr("%1 listed, %2 late, %3 open in all")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(late))
            .replace("%3", str(sum(c.count for c in counts)))
        )
        row = self.model.row_of_defect(keep.id) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        self.select_row(row)

    def select_row(self, row: int) -> None:
        self._selecting = True
        try:
            if row < 0:
                self.view.selectionModel().clear()
            else:
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
        finally:
            self._selecting = False
        self.chosen_changed.emit()

    def select_defect(self, defect_id: int) -> bool:
        row = self.model.row_of_defect(defect_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def chosen(self) -> DefectRow | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        row: DefectRow = self.model.row_at(index.row())
        return row

    def _row_chosen(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting:
            self.chosen_changed.emit()
