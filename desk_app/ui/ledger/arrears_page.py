"""催款: every unit with fees overdue — amount, months, the manual's stage (coloured), the late
fee, the utilities' step, the last chasing step and what the manual asks for now — with
the chosen unit's itemised debt and its chasing history below.

    page = ArrearsPage(desk, hub)
    page.record_action()   # the dialog; the hub tells the views

Filters: stage (1–3) and building. Keys within the page: Ctrl+R (or Enter on a row) record
a chasing step, Ctrl+P print the chosen unit's notice, Ctrl+Shift+P print notices for the
units shown (from stage 1), Ctrl+E export the list to Excel, F5 read again. Printing a
notice records a 'notice' step too. The page refreshes itself from the hub (payments,
receipts changed, charges posted, chasing steps recorded); hidden, it catches up when shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.ledger import arrears, tables
from desk_app.services.ledger.arrears import ArrearsRow, UnitDebt
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import building_label, vocabulary_text
from desk_app.ui.ledger.arrears_models import ActionsModel, ArrearsModel, DebtModel
from desk_app.ui.ledger.feature import ARREARS_ACTIONS
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.controls import list_table
from desk_app.ui.widgets.shown_refresh import ShownRefresh
from desk_app.ui.widgets.tool_buttons import tool_button

TOOLBAR = ("record_action", "print_notice", "print_notices", "export")
COLUMN_SAMPLES: dict[int, Sample] = {
    ArrearsModel.UNIT: "3栋2单元1501",
    ArrearsModel.CUSTOMER: "欧阳娜娜",
    ArrearsModel.PHONE: "138****5678",
    ArrearsModel.OWED: "¥12,345.67",
    ArrearsModel.OLDEST: "2026-01-15",
    ArrearsModel.MONTHS: "12",
    ArrearsModel.STAGE: tuple(arrears.STAGE_LABELS.values()),
    ArrearsModel.LATE_FEE: "¥1,234.56",
    ArrearsModel.UTILITY_DAYS: "99",
    ArrearsModel.UTILITY_STEP: (arrears.UTILITY_NOTICE, arrears.UTILITY_SUSPENSION),
    ArrearsModel.LAST_ACTION: tuple(arrears.ACTION_LABELS.values()),
    ArrearsModel.LAST_ON: "2026-11-20",
}


class ArrearsPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("arrears_page")
        self.row: ArrearsRow | None = None  # the chosen unit's line of the list
        self.debt: UnitDebt | None = None
        self._on_change = ShownRefresh(self, self.refresh)
        self._selecting = False

        # --- filters
        self.stage_filter = QComboBox(self)
        self.stage_filter.setObjectName("arrears_stage_filter")
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in arrears.STAGES:
            self.stage_filter.addItem(vocabulary_text(arrears.STAGE_LABELS[stage]), stage)
        self.stage_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.building_filter = QComboBox(self)
        self.building_filter.setObjectName("arrears_building_filter")
        self.reload_buildings()
        self.building_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("arrears_count_label")

        # --- the list
        self.model = ArrearsModel(parent=self)
        self.view = list_table(self, self.model, "arrears_view")
        fit_columns(self.view, COLUMN_SAMPLES, table="arrears")
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.view.activated.connect(lambda _index: self.record_action())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # --- the chosen unit
        self.debt_model = DebtModel(parent=self)
        self.debt_view = list_table(self, self.debt_model, "arrears_debt_view")
        self.debt_view.horizontalHeader().resizeSection(0, 220)
        self.debt_total_label = QLabel(self)
        self.debt_total_label.setObjectName("arrears_debt_total_label")
        self.debt_total_label.setWordWrap(True)
        self.debt_total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        debt_box = QGroupBox(self.tr("Debt of the chosen unit"), self)
        debt_layout = QVBoxLayout(debt_box)
        debt_layout.addWidget(self.debt_view, 1)
        debt_layout.addWidget(self.debt_total_label)

        self.actions_model = ActionsModel(parent=self)
        self.actions_view = list_table(self, self.actions_model, "arrears_actions_view")
        history_box = QGroupBox(self.tr("Chasing steps"), self)
        QVBoxLayout(history_box).addWidget(self.actions_view)

        # --- actions
        self.named_actions: dict[str, QAction] = page_actions(self, ARREARS_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for name, action in self.named_actions.items():
            self.view.addAction(action)
            if name in TOOLBAR:
                self.buttons[name] = tool_button(self, action, f"arrears_{name}_button")
                bar.addWidget(self.buttons[name])
        bar.addStretch(1)

        filters = QHBoxLayout()
        stage_label = QLabel(self.tr("S&tage:"), self)
        stage_label.setBuddy(self.stage_filter)
        filters.addWidget(stage_label)
        filters.addWidget(self.stage_filter)
        filters.addSpacing(10)
        building_label = QLabel(self.tr("&Building:"), self)
        building_label.setBuddy(self.building_filter)
        filters.addWidget(building_label)
        filters.addWidget(self.building_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.setChildrenCollapsible(False)
        below.addWidget(debt_box)
        below.addWidget(history_box)
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("arrears_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.stage_filter, self.building_filter)
        QWidget.setTabOrder(self.building_filter, self.view)
        QWidget.setTabOrder(self.view, self.debt_view)
        QWidget.setTabOrder(self.debt_view, self.actions_view)
        self.setFocusProxy(self.view)

        hub.changed.connect(self._hub_changed)
        self.refresh()

    # ---- the list ----------------------------------------------------------------------------

    def stage(self) -> int | None:
        return self.stage_filter.currentData()

    def building(self) -> str | None:
        return self.building_filter.currentData()

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

    def refresh(self) -> None:
        """Read the list again with the filters as they are; keep the chosen unit."""
        keep = self.row.unit_id if self.row is not None else None
        try:
            rows = arrears.arrears(self.desk, stage=self.stage(), building=self.building())
        except DeskError as error:
            messages.desk_error(self, error)
            rows = []
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("{count} units, owed {owed}, late fees {late}").format(
                count=len(rows),
                owed=format_fen(sum(r.owed_fen for r in rows)),
                late=format_fen(sum(r.late_fee_fen for r in rows)),
            )
        )
        row = self.model.row_of_unit(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self.show_unit(None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
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
        self.show_unit(self.model.row_at(row))

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        row = self.model.row_at(current.row())
        if self.row is None or row.unit_id != self.row.unit_id:
            self.show_unit(row)

    def show_unit(self, row: ArrearsRow | None) -> None:
        """The unit's itemised debt with its late fees, and its chasing steps."""
        self.row = row
        self.debt = None
        if row is not None:
            try:
                self.debt = arrears.unit_debt(self.desk, row.unit_id)
                history = arrears.actions_of_unit(self.desk, row.unit_id)
            except DeskError as error:
                messages.desk_error(self, error)
                self.row = None
        if self.debt is None:
            self.debt_model.set_rows([])
            self.actions_model.set_rows([])
            self.debt_total_label.clear()
        else:
            self.debt_model.set_rows([*self.debt.lines, *self.debt.late_fees])
            self.actions_model.set_rows(history)
            self.debt_total_label.setText(
                self.tr("{unit}: owed {owed} + late fees {late} = {total}").format(
                    unit=self.debt.unit_text,
                    owed=format_fen(self.debt.owed_fen),
                    late=format_fen(self.debt.late_fee_fen),
                    total=format_fen(self.debt.total_fen),
                )
            )
        self.update_actions()

    def update_actions(self) -> None:
        chosen = self.row is not None
        self.named_actions["record_action"].setEnabled(chosen)
        self.named_actions["print_notice"].setEnabled(chosen)
        self.named_actions["print_notices"].setEnabled(self.model.rowCount() > 0)

    def show_unit_id(self, unit_id: int) -> bool:
        """Choose a unit in the list (the filters widen when they leave it out)."""
        if self._on_change.stale:
            self.refresh()
        row = self.model.row_of_unit(unit_id)
        if row < 0 and (self.stage() is not None or self.building() is not None):
            self.stage_filter.setCurrentIndex(0)
            self.building_filter.setCurrentIndex(0)
            row = self.model.row_of_unit(unit_id)
        if row < 0:
            return False
        self.select_row(row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # ---- refreshing ----------------------------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("buildings"):
            self.reload_buildings()
        settings_changed = any(
            key.startswith(("ledger.", "estate.")) for key in event.keys("settings")
        )
        if settings_changed or event.touches(*tables.ARREARS, "occupancies", "people"):
            self._on_change.changed()

    def show_status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    # ---- actions -------------------------------------------------------------------------------

    def record_action(self) -> None:
        """登记催缴 for the chosen unit."""
        row = self.row
        if row is None:
            return
        from desk_app.ui.ledger.arrears_dialogs import RecordActionDialog

        dialog = RecordActionDialog(self.desk, self.hub, row, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            recorded = dialog.result_action
        finally:
            dialog.deleteLater()
        if not accepted or recorded is None:
            return
        self.show_status(
            self.tr("{unit}: {step} recorded.").format(
                unit=row.unit_text, step=arrears.action_label(recorded.action)
            )
        )

    def print_notice(self) -> None:
        """催款通知书 of the chosen unit: archived, a 'notice' step recorded, then shown."""
        row = self.row
        if row is None:
            return
        from desk_app.services.ledger import arrears_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(self, self.hub, lambda: arrears_print.print_notice(self.desk, row.unit_id))
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    def print_notices(self) -> None:
        """Notices for the units shown from stage 1 on, as one PDF, one unit per notice."""
        unit_ids = [r.unit_id for r in self.model.rows() if r.stage >= 1]
        if not unit_ids:
            messages.info(self, self.tr("No unit shown is a month or more overdue."))
            return
        question = self.tr(
            "Print arrears notices for {count} units (those shown from stage 1 on)? "
            "Each is recorded as a written notice."
        ).format(count=len(unit_ids))
        if not messages.confirm(self, question):
            return
        from desk_app.services.ledger import arrears_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(
            self, self.hub, lambda: arrears_print.print_notices(self.desk, unit_ids=unit_ids)
        )
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    def export(self) -> None:
        """The list as shown (filters applied) to an .xlsx workbook."""
        from desk_app.services.ledger import arrears_export

        day = self.desk.clock.now().date().isoformat()
        suggested = f"{arrears_export.SHEET_TITLE}-{day}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export arrears"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        stage, building = self.stage(), self.building()
        result = attempt(
            self,
            lambda: arrears_export.export_arrears(
                self.desk, Path(path), stage=stage, building=building
            ),
        )
        if result is None:
            return
        self.show_status(
            self.tr("{count} units exported to {path}.").format(count=result.count, path=path)
        )
