"""The month-end part of the cash page (月结): choose a period (the latest not closed by
default), see its reconciliation, print or export it, and close it — a supervisor on duty,
or a clerk with a supervisor's approval, after a confirmation showing the totals.

    section = MonthCloseSection(desk, hub)
    section.set_period("2026-11"); section.close_period()
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import month_close, month_close_export, month_close_print, tables
from desk_app.services.ledger.month_close import MonthReport
from desk_app.ui import messages
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.ledger.cash_models import AgesModel, ReportItemsModel, SummaryModel
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.approval import request_approval
from desk_app.ui.widgets.row_table import RowTableModel
from desk_app.ui.widgets.shown_refresh import ShownRefresh

CLOSED_STYLE = "color: #2e7d32; font-weight: bold;"
OPEN_STYLE = "color: #555555;"


def choose_export_path(
    parent: QWidget, caption: str, suggested: str, name_filter: str
) -> Path | None:
    """Ask where to save the workbook; None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, name_filter)
    return Path(path) if path else None


def table(parent: QWidget, name: str, model: RowTableModel, rows: int = 6) -> QTableView:
    """A compact read-only table, ``rows`` rows high (it scrolls beyond)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    line = view.fontMetrics().height() + 8
    view.verticalHeader().setDefaultSectionSize(line)
    view.setFixedHeight(line * (rows + 1) + 6)
    return view


class MonthCloseSection(QGroupBox):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.report: MonthReport | None = None
        self._on_change = ShownRefresh(self, self.refresh)
        self.setObjectName("close_section")
        self.setTitle(self.tr("Month-end close"))

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("period_combo")
        period_label = QLabel(self.tr("Peri&od:"), self)
        period_label.setBuddy(self.period_combo)
        self.report_button = self._button("report_button", self.tr("Sho&w"), self.refresh)
        self.print_button = self._button("print_report_button", self.tr("P&rint…"), self.print)
        self.export_button = self._button("export_report_button", self.tr("&Export…"), self.export)
        self.close_button = self._button(
            "close_period_button", self.tr("Close the &month…"), self.close_period
        )
        self.bounds_label = QLabel(self)
        self.bounds_label.setObjectName("period_bounds")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("close_status")
        self.status_label.setWordWrap(True)

        self.summary_model = SummaryModel(parent=self)
        self.items_model = ReportItemsModel(parent=self)
        self.ages_model = AgesModel(parent=self)
        self.summary_view = table(self, "report_summary", self.summary_model, 8)
        self.items_view = table(self, "report_items", self.items_model, 5)
        self.ages_view = table(self, "report_ages", self.ages_model, 4)

        bar = QHBoxLayout()
        bar.addWidget(period_label)
        bar.addWidget(self.period_combo)
        bar.addWidget(self.bounds_label)
        bar.addStretch(1)
        for button in (self.report_button, self.print_button, self.export_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.close_button)
        table_row = QHBoxLayout()
        table_row.addWidget(self.summary_view, 3, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(self.items_view)
        right.addWidget(self.ages_view)
        table_row.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addLayout(table_row, 1)

        self.fill_periods()
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        hub.changed.connect(self._hub_changed)
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- periods -------------------------------------------------------------------------------

    def fill_periods(self, keep: str | None = None) -> None:
        """The recent periods, newest first, each marked when closed; ``keep`` (or the
        latest period not closed) chosen."""
        wanted = keep or month_close.default_period(self.desk)
        periods = month_close.recent_periods(self.desk)
        if wanted not in periods:
            periods.insert(0, wanted)
            periods.sort(reverse=True)
        closed = {row.period for row in month_close.closes(self.desk)}
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in periods:
            text = (
                self.tr("{period} (closed)").format(period=period) if period in closed else period
            )
            self.period_combo.addItem(text, period)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(wanted)))
        self.period_combo.blockSignals(False)

    def period(self) -> str:
        return str(self.period_combo.currentData())

    def set_period(self, period: str) -> None:
        index = self.period_combo.findData(period)
        if index < 0:
            self.fill_periods(period)
            index = self.period_combo.findData(period)
        if index == self.period_combo.currentIndex():
            self.refresh()
        else:
            self.period_combo.setCurrentIndex(index)  # refreshes

    # --- the report ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the chosen period's figures again."""
        try:
            report = month_close.report(self.desk, self.period())
        except DeskError as error:
            self.report = None
            self.status_label.setText(error_text(error))
            for model in (self.summary_model, self.items_model, self.ages_model):
                model.set_rows([])
            self.update_buttons()
            return
        self.report = report
        bounds = report.bounds
        self.bounds_label.setText(
            self.tr("{start} to {through}").format(start=bounds.start_on, through=bounds.through_on)
        )
        if report.closed is not None:
            self.status_label.setText(
                self.tr("Closed on {at} by {who}.").format(
                    at=display(report.closed.created_at),
                    who=report.closed.approved_by_name or "",
                )
            )
            self.status_label.setStyleSheet(CLOSED_STYLE)
        else:
            self.status_label.setText(self.tr("Not closed: the figures may still change."))
            self.status_label.setStyleSheet(OPEN_STYLE)
        self.summary_model.show_report(report)
        self.items_model.set_rows(report.items)
        self.ages_model.set_rows(report.ages)
        self.update_buttons()

    def update_buttons(self) -> None:
        ready = self.report is not None
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)
        self.close_button.setEnabled(ready and self.report.closed is None)  # type: ignore[union-attr]

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches(*tables.PERIODS) or "ledger.close_day" in event.keys("settings"):
            self.fill_periods(self.period())
            self.refresh()
        elif event.touches(*tables.OWING):
            self._on_change.changed()

    # --- print, export, close -----------------------------------------------------------------

    def _figures(self) -> MonthReport | None:
        """The report on screen when it is the chosen period's and current."""
        report = self.report
        if report is None or self._on_change.stale or report.period != self.period():
            return None
        return report

    def print(self) -> None:
        from desk_app.ui.widgets import pdf_preview

        period, figures = self.period(), self._figures()
        done = perform(
            self, self.hub, lambda: month_close_print.print_report(self.desk, period, figures)
        )
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    def export(self) -> None:
        period = self.period()
        path = choose_export_path(
            self,
            self.tr("Export month-end report"),
            f"月结对账表_{period}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        figures = self._figures()
        if (
            attempt(
                self,
                lambda: month_close_export.export_report(self.desk, period, path, figures) or True,
            )
            is None
        ):
            return
        messages.info(self, self.tr("Saved to {path}.").format(path=str(path)))

    def close_period(self) -> None:
        """月结 after a confirmation; a clerk asks a supervisor to approve first."""
        report = self.report
        if report is None or report.closed is not None:
            return
        period = report.period
        approval = None
        operator = self.desk.operator
        if operator is None or not operator.at_least("supervisor"):
            approval = request_approval(self.desk, self.hub, "月结", f"月结 {period}", self)
            if approval is None:
                return
        text = self.tr(
            "Close {period} ({start} to {through})?\n\nDue {charges}, received {received} "
            "({rate}), refunds {refunds}, deposits held {deposits}, arrears {arrears}.\n\n"
            "Nothing dated in the period can be written afterwards."
        ).format(
            period=period,
            start=report.bounds.start_on,
            through=report.bounds.through_on,
            charges=format_fen(report.charges_fen),
            received=format_fen(report.received_fen),
            rate=report.rate_text,
            refunds=format_fen(report.refunds_fen),
            deposits=format_fen(report.deposits_held_fen),
            arrears=format_fen(report.arrears_fen),
        )
        if not messages.confirm(self, text):
            return
        perform(self, self.hub, lambda: month_close.close(self.desk, period, approval))
