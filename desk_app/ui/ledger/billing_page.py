"""计费表: the month to bill (next month by default), the items, a building or all, the
due date; the 抄表 grid; "Generate" works the sheet out for review (lines that can not be
billed highlighted, totals per item), "Post" posts it after a confirmation showing the
count and the total; the sheet — a preview or a posted one — printed or sent to Excel.

Every write is one service call; after posting the page emits ``charges_posted`` and
refreshes itself from that signal whoever sent it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import billing, billing_excel, billing_print, tables
from desk_app.services.ledger.billing import BillingPreview, BillingSheet, ItemTotal
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.ledger.billing_models import BillingLinesModel
from desk_app.ui.ledger.billing_readings import ReadingsPanel
from desk_app.ui.ledger.feature import BILLING_ACTIONS
from desk_app.ui.operations import perform
from desk_app.ui.widgets import pdf_preview
from desk_app.ui.widgets.files import choose_save_path

LINE_COLUMN_WIDTHS = {
    BillingLinesModel.ROOM: 90,
    BillingLinesModel.CUSTOMER: 100,
    BillingLinesModel.ITEM: 90,
    BillingLinesModel.PREVIOUS: 80,
    BillingLinesModel.CURRENT: 80,
    BillingLinesModel.QUANTITY: 70,
    BillingLinesModel.PRICE: 60,
    BillingLinesModel.AMOUNT: 90,
    BillingLinesModel.DUE: 90,
}


class BillingPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("billing_page")
        self.preview: BillingPreview | None = None
        self.sheet: BillingSheet | None = None
        self.item_boxes: dict[str, QCheckBox] = {}

        self.period_edit = QLineEdit(billing.next_period(desk.clock.now().date()), self)
        self.period_edit.setObjectName("period")
        self.period_edit.setMaxLength(10)
        self.period_edit.setPlaceholderText("2026-12")
        self.period_edit.editingFinished.connect(self._period_changed)
        self.due_edit = QLineEdit(self)
        self.due_edit.setObjectName("due_on")
        self.due_edit.setMaxLength(10)
        self.building_combo = QComboBox(self)
        self.building_combo.setObjectName("building")
        self.items_row = QHBoxLayout()
        self.items_row.setSpacing(10)
        self.items_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Month:"), self.period_edit), self.period_edit)
        form.addRow(self._label(self.tr("&Due date:"), self.due_edit), self.due_edit)
        form.addRow(self._label(self.tr("B&uildings:"), self.building_combo), self.building_combo)
        items_holder = QWidget(self)
        items_holder.setObjectName("items_box")
        items_holder.setLayout(self.items_row)
        form.addRow(self.tr("Items:"), items_holder)

        self.readings = ReadingsPanel(desk, hub, self)
        self.readings.readings_saved.connect(lambda _count: self._readings_saved())

        self.lines_model = BillingLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("lines_view")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setTabKeyNavigation(False)
        self.lines_view.setWordWrap(False)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in LINE_COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        vertical = self.lines_view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)

        self.generate_button = self._button(self.tr("&Generate"), "generate", self.generate)
        self.post_button = self._button(self.tr("P&ost…"), "post", self.post)
        self.print_button = self._button(self.tr("Pr&int…"), "print_sheet", self.print_sheet)
        self.export_button = self._button(
            self.tr("E&xport to Excel…"), "export_sheet", self.export_sheet
        )
        self.named_actions = page_actions(self, BILLING_ACTIONS)
        self.runs_combo = QComboBox(self)
        self.runs_combo.setObjectName("runs")
        self.runs_combo.activated.connect(self._run_chosen)
        runs_label = self._label(self.tr("Posted &sheets:"), self.runs_combo)
        self.sheet_status = QLabel(self)
        self.sheet_status.setObjectName("sheet_status")
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totals_label")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        sheet_tab = QWidget(self)
        bar = QHBoxLayout()
        for push in (self.generate_button, self.post_button):
            bar.addWidget(push)
        bar.addSpacing(12)
        for push in (self.print_button, self.export_button):
            bar.addWidget(push)
        bar.addStretch(1)
        bar.addWidget(runs_label)
        bar.addWidget(self.runs_combo)
        sheet_layout = QVBoxLayout(sheet_tab)
        sheet_layout.addLayout(bar)
        sheet_layout.addWidget(self.sheet_status)
        sheet_layout.addWidget(self.lines_view, 1)
        sheet_layout.addWidget(self.totals_label)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("billing_tabs")
        self.tabs.addTab(self.readings, self.tr("Meter &readings"))
        self.tabs.addTab(sheet_tab, self.tr("Billing s&heet"))
        self.tabs.setCurrentIndex(1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)

        hub.changed.connect(self._hub_changed)
        self.reload_choices()
        self._period_changed()
        self._show_sheet(None)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        push = QPushButton(text, self)
        push.setObjectName(f"{name}_button")
        push.setAutoDefault(False)
        push.clicked.connect(lambda _checked=False: slot())
        return push

    # ---- choices -------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """The items and buildings as they are now (a supervisor may have added some)."""
        items = billing.billable_items(self.desk)
        if [item.code for item in items] != list(self.item_boxes):
            checked = {code for code, box in self.item_boxes.items() if box.isChecked()}
            first_time = not self.item_boxes
            for box in self.item_boxes.values():
                self.items_row.removeWidget(box)
                box.deleteLater()
            self.item_boxes = {}
            for item in items:
                box = QCheckBox(item.name, self)
                box.setObjectName(f"item_{item.code}")
                box.setChecked(first_time or item.code in checked)
                self.items_row.insertWidget(self.items_row.count() - 1, box)  # before the stretch
                self.item_boxes[item.code] = box
        building = self.building_combo.currentData()
        self.building_combo.clear()
        self.building_combo.addItem(self.tr("All buildings"), None)
        for code in billing.buildings(self.desk):
            self.building_combo.addItem(self.tr("Building {code}").format(code=code), code)
        self.building_combo.setCurrentIndex(max(self.building_combo.findData(building), 0))
        self.readings.reload_choices()

    def checked_items(self) -> list[str]:
        return [code for code, box in self.item_boxes.items() if box.isChecked()]

    def period(self) -> str:
        return billing.parse_period(self.period_edit.text())

    def _period_changed(self) -> None:
        try:
            period = self.period()
        except ValidationError:
            return  # said when the sheet is generated
        self.period_edit.setText(period)
        self.due_edit.setPlaceholderText(billing.default_due_on(self.desk, period))
        self.readings.set_period(period)
        self._reload_runs()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_choices()

    # ---- the sheet -----------------------------------------------------------------------------

    def show_desk_error(self, error: DeskError) -> None:
        self._error(error)

    def _error(self, error: DeskError) -> None:
        messages.desk_error(self, error)
        target: QWidget | None = {
            "period": self.period_edit,
            "due_on": self.due_edit,
            "building": self.building_combo,
        }.get(error.field or "")
        if error.field == "items" and self.item_boxes:
            target = next(iter(self.item_boxes.values()))
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(target, QLineEdit):
                target.selectAll()

    def generate(self) -> BillingPreview | None:
        try:
            preview = billing.preview(
                self.desk,
                self.period_edit.text(),
                items=self.checked_items(),
                building=self.building_combo.currentData(),
                due_on=self.due_edit.text().strip() or None,
            )
        except DeskError as error:
            self._error(error)
            return None
        self.preview = preview
        self.tabs.setCurrentIndex(1)
        self._show_sheet(billing.preview_sheet(self.desk, preview), preview)
        self._reload_runs()
        return preview

    def _show_sheet(
        self, sheet: BillingSheet | None, preview: BillingPreview | None = None
    ) -> None:
        self.sheet = sheet
        if sheet is None:
            self.lines_model.set_lines([])
            self.sheet_status.setText(self.tr("Choose the month and items, then Generate."))
            self.totals_label.clear()
        elif sheet.posted:
            self.preview = None
            self.lines_model.set_lines(sheet.lines)
            self.sheet_status.setText(
                self.tr("Posted sheet No. {number} of {period}, posted {at} by {who}.").format(
                    number=sheet.run_id,
                    period=sheet.period,
                    at=(sheet.posted_at or "")[:16].replace("T", " "),
                    who=sheet.made_by,
                )
            )
            self.totals_label.setText(self._totals_text(sheet.totals, sheet.count, sheet.total_fen))
        else:
            assert preview is not None
            self.lines_model.set_lines(preview.lines)
            self.sheet_status.setText(
                self.tr("Preview of {period}, due {due} — not posted.").format(
                    period=preview.period, due=preview.due_on
                )
            )
            text = self._totals_text(preview.totals, preview.count, preview.total_fen)
            problems = len(preview.problem_lines)
            if problems:
                text += "　" + self.tr("{count} lines can not be billed (highlighted).").format(
                    count=problems
                )
            self.totals_label.setText(text)
        self.post_button.setEnabled(self.preview is not None and self.preview.count > 0)
        has_sheet = sheet is not None and sheet.count > 0
        self.print_button.setEnabled(has_sheet)
        self.export_button.setEnabled(has_sheet)

    def _totals_text(self, totals: tuple[ItemTotal, ...], count: int, total_fen: int) -> str:
        parts = [
            self.tr("{item} {count} × {amount}").format(
                item=t.name, count=t.count, amount=format_fen(t.amount_fen)
            )
            for t in totals
        ]
        parts.append(
            self.tr("Total {count} charges, {amount}").format(
                count=count, amount=format_fen(total_fen)
            )
        )
        return "；".join(parts)

    def post(self) -> bool:
        preview = self.preview or self.generate()
        if preview is None:
            return False
        if preview.count == 0:
            messages.warning(self, self.tr("There is nothing to post in this sheet."))
            return False
        question = self.tr(
            "Post {count} charges of {period} (due {due}), total {amount}?\n"
            "Posted charges can not be edited; corrections are adjustments."
        ).format(
            count=preview.count,
            period=preview.period,
            due=preview.due_on,
            amount=format_fen(preview.total_fen),
        )
        if not messages.confirm(self, question):
            return False
        done = perform(self, self.hub, lambda: billing.post(self.desk, preview))
        if done is None:
            return False
        posted = done.value
        self._show_sheet(billing.run_sheet(self.desk, posted.run_id))
        self._reload_runs(select=posted.run_id)
        self.readings.reload()
        messages.info(
            self,
            self.tr("Posted sheet No. {number}: {count} charges, total {amount}.").format(
                number=posted.run_id,
                count=posted.charge_count,
                amount=format_fen(posted.total_fen),
            ),
        )
        return True

    def print_sheet(self) -> bool:
        if self.sheet is None or not self.sheet.count:
            return False
        sheet = self.sheet
        done = perform(self, self.hub, lambda: billing_print.print_sheet(self.desk, sheet))
        if done is None:
            return False
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)
        return True

    def export_sheet(self, path: str | None = None) -> bool:
        if self.sheet is None or not self.sheet.count:
            return False
        name = f"计费表{self.sheet.period}.xlsx"
        path = path or choose_save_path(self, self.tr("Export billing sheet"), name)
        if not path:
            return False
        try:
            billing_excel.export_sheet(self.desk, self.sheet, path)
        except DeskError as error:
            messages.desk_error(self, error)
            return False
        messages.info(self, self.tr("Billing sheet saved: {path}").format(path=path))
        return True

    # ---- posted runs ---------------------------------------------------------------------------

    def _reload_runs(self, select: int | None = None) -> None:
        self.runs_combo.clear()
        try:
            period = self.period()
        except ValidationError:
            return
        names = {item.code: item.name for item in billing.billable_items(self.desk)}
        self.runs_combo.addItem(self.tr("(none chosen)"), None)
        for run in billing.runs(self.desk, period):
            items = "、".join(names.get(code, code) for code in run.item_codes)
            self.runs_combo.addItem(
                self.tr("No. {number} {items} {count} × {amount}").format(
                    number=run.id, items=items, count=run.charge_count,
                    amount=format_fen(run.total_fen),
                ),
                run.id,
            )  # fmt: skip
        if select is not None:
            self.runs_combo.setCurrentIndex(max(self.runs_combo.findData(select), 0))

    def _run_chosen(self, index: int) -> None:
        run_id = self.runs_combo.itemData(index)
        if run_id is None:
            return
        try:
            self._show_sheet(billing.run_sheet(self.desk, int(run_id)))
        except DeskError as error:
            messages.desk_error(self, error)

    # ---- refreshing ----------------------------------------------------------------------------

    def _readings_saved(self) -> None:
        if self.preview is not None:
            self.generate()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.started_by(self):
            return  # the page shows what it posted already
        if event.touches("charges"):
            self._charges_posted()
        elif event.touches(*tables.PERIODS):
            self._reload_runs()

    def _charges_posted(self) -> None:
        self.readings.reload()
        if self.sheet is not None and not self.sheet.posted and self.preview is not None:
            self.generate()
        else:
            self._reload_runs(select=self.sheet.run_id if self.sheet else None)
