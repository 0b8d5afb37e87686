"""收据: every receipt issued, newest first (a page at a time), and what may happen to one
afterwards.

    page = ReceiptsPage(desk, hub)
    page.show_receipt(receipt_id); page.refresh()

Filters: the number (Enter finds it), the issue dates (from … to, both inclusive) and the
unit. A void receipt stays in the list, its number in red and 作废 in its status; the
status also says 已换发票 and 已退费. Actions on the chosen receipt (buttons, the list's
context menu, and keys within the page): Ctrl+P 补打 (reprint, marked and audited),
Ctrl+Shift+D 作废… (a reason and a supervisor's approval), Ctrl+I 换开发票…, Ctrl+Shift+R
退费… (a supervisor's approval, then the 现金付出单 printed). Each is a write through
``ui.operations``; the list refreshes itself from the hub's change events.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.core.vocabularies import PAYMENT_METHODS
from desk_app.services.desk import Desk
from desk_app.services.ledger import receipts, receipts_list, tables
from desk_app.services.ledger.receipts_list import ReceiptListRow, ReceiptQuery
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.ledger.feature import RECEIPTS_ACTIONS
from desk_app.ui.ledger.receipt_models import ReceiptsModel
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.controls import ERROR_STYLE, picked_date
from desk_app.ui.widgets.shown_refresh import ShownRefresh
from desk_app.ui.widgets.tool_buttons import tool_button
from desk_app.ui.widgets.unit_field import UnitLineEdit

# What a wide cell of each column holds (columns.fit_columns sizes them from these).
COLUMN_SAMPLES: dict[int, Sample] = {
    ReceiptsModel.NUMBER: "№0001099",
    ReceiptsModel.ISSUED: "2026-11-20 23:59",
    ReceiptsModel.UNIT: "3-2-1501",
    ReceiptsModel.CUSTOMER: "3栋2单元1501 欧阳娜娜",
    ReceiptsModel.METHOD: PAYMENT_METHODS,
    ReceiptsModel.TOTAL: "¥99,999.99",
    ReceiptsModel.STATUS: "作废、已换发票",
    ReceiptsModel.CLERK: "欧阳娜娜",
}


class ReceiptsPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("receipts_page")
        self.receipt: ReceiptListRow | None = None
        self._on_change = ShownRefresh(self, self.refresh)

        # --- filters
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("receipt_number_filter")
        self.number_edit.setPlaceholderText(self.tr("Receipt number"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setMaxLength(20)
        self.number_edit.returnPressed.connect(self.apply_filters)
        self.dates_check = QCheckBox(self.tr("Issued fro&m"), self)
        self.dates_check.setObjectName("receipt_dates")
        today = self._today()
        self.from_edit = self._date_edit("receipt_from", today.replace(day=1))
        self.to_edit = self._date_edit("receipt_to", today)
        self.dates_check.toggled.connect(self._dates_toggled)
        self.from_edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.to_edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.unit_edit = UnitLineEdit(desk, self)
        self.unit_edit.setObjectName("receipt_unit_filter")
        self.unit_edit.returnPressed.connect(self.apply_filters)
        self.unit_edit.unit_chosen.connect(lambda _id: self.apply_filters())
        self.all_button = QPushButton(self.tr("Show &all"), self)
        self.all_button.setObjectName("receipts_show_all")
        self.all_button.clicked.connect(self.show_all)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("receipt_count")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("receipts_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        # --- the list
        self.model = ReceiptsModel(desk, self)
        self.view = QTableView(self)
        self.view.setObjectName("receipts_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.view, COLUMN_SAMPLES, table="receipts")
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("receipt_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # --- actions
        self.named_actions: dict[str, QAction] = page_actions(self, RECEIPTS_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for name, action in self.named_actions.items():
            self.view.addAction(action)
            self.buttons[name] = tool_button(self, action, f"{name}_button")
            bar.addWidget(self.buttons[name])
        bar.addStretch(1)

        filters = QHBoxLayout()
        number_label = QLabel(self.tr("&No.:"), self)
        number_label.setBuddy(self.number_edit)
        filters.addWidget(number_label)
        filters.addWidget(self.number_edit)
        filters.addSpacing(10)
        filters.addWidget(self.dates_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.to_edit)
        filters.addSpacing(10)
        unit_label = QLabel(self.tr("&Unit:"), self)
        unit_label.setBuddy(self.unit_edit)
        filters.addWidget(unit_label)
        filters.addWidget(self.unit_edit)
        filters.addWidget(self.all_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_label)
        for before, after in zip(
            [self.number_edit, self.dates_check, self.from_edit, self.to_edit, self.unit_edit],
            [self.dates_check, self.from_edit, self.to_edit, self.unit_edit, self.view],
            strict=True,
        ):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.view)
        self._dates_toggled(False)

        hub.changed.connect(self._hub_changed)
        self.refresh()

    def _today(self) -> date:
        return self.desk.clock.now().date()

    def _date_edit(self, object_name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(object_name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # ---- filters and the list ---------------------------------------------------------------

    def _dates_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.apply_filters()

    def query(self) -> ReceiptQuery:
        """The filters as the service takes them; ``DeskError`` when one cannot be read."""
        unit_id = None
        if self.unit_edit.text().strip():
            unit_id = self.unit_edit.resolve().id
        date_from = date_to = None
        if self.dates_check.isChecked():
            date_from = picked_date(self.from_edit)
            date_to = picked_date(self.to_edit)
        return receipts_list.make_query(
            number=self.number_edit.text(), date_from=date_from, date_to=date_to, unit_id=unit_id
        )

    def apply_filters(self) -> None:
        """Read the list again with the filters; a number found is chosen."""
        try:
            query = self.query()
        except DeskError as error:
            self.error_label.setText(error_text(error))
            self.error_label.show()
            return
        self.error_label.hide()
        self._load(query, keep=None)
        if query.number is not None and self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Read the list again as it is filtered now, keeping the chosen receipt."""
        keep = self.receipt.id if self.receipt is not None else None
        self._load(self.model.query, keep=keep)

    def _load(self, query: ReceiptQuery, *, keep: int | None) -> None:
        self.model.set_query(query)
        total = self.model.rowCount()
        self.count_label.setText(self.tr("{count} receipts").format(count=total))
        row = self.model.row_of_receipt(keep) if keep is not None else -1
        if row < 0 and total:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self._show(None)

    def show_all(self) -> None:
        self.number_edit.clear()
        self.unit_edit.clear()
        self.dates_check.setChecked(False)  # toggled → apply_filters when it was on
        self.apply_filters()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        self._show(self.model.receipt_at(row))

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.receipt_at(current.row()))

    def show_receipt(self, receipt_id: int) -> bool:
        """Choose a receipt in the list (the filters cleared if they leave it out)."""
        row = self.model.row_of_receipt(receipt_id)
        if row < 0:
            self.number_edit.clear()
            self.unit_edit.clear()
            self.dates_check.setChecked(False)
            self._load(ReceiptQuery(), keep=receipt_id)
            row = self.model.row_of_receipt(receipt_id)
        if row < 0:
            return False
        self.select_row(row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _show(self, row: ReceiptListRow | None) -> None:
        self.receipt = row
        self.detail_label.setText(self._detail(row) if row is not None else "")
        self.update_actions()

    def _detail(self, row: ReceiptListRow) -> str:
        try:
            lines = receipts.receipt_lines(self.desk, row.id)
        except DeskError:
            lines = []
        parts = [f"{line.description} {format_fen(line.amount_fen)}" for line in lines]
        text = f"№{row.number_text}：" + "；".join(parts)
        if row.void:
            text += "　" + self.tr("Void: {reason}").format(reason=row.void_reason or "")
        if row.invoice_no:
            text += "　" + self.tr("Invoice {number}").format(number=row.invoice_no)
        if row.refunded_fen:
            text += "　" + self.tr("Refunded {fen}").format(fen=format_fen(row.refunded_fen))
        return text

    def update_actions(self) -> None:
        row = self.receipt
        live = row is not None and not row.void
        self.named_actions["reprint"].setEnabled(row is not None)
        self.named_actions["void"].setEnabled(
            live and not row.invoice_no and not row.refunded_fen  # type: ignore[union-attr]
        )
        self.named_actions["invoice"].setEnabled(live and not row.invoice_no)  # type: ignore[union-attr]
        self.named_actions["refund"].setEnabled(live)

    # ---- refresh ---------------------------------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches(*tables.RECEIPTS, *tables.PERIODS):
            self._on_change.changed()

    # ---- actions -----------------------------------------------------------------------------------

    def _chosen(self) -> receipts.ReceiptRow | None:
        if self.receipt is None:
            return None
        receipt_id = self.receipt.id
        return attempt(self, lambda: receipts.receipt(self.desk, receipt_id))

    def reprint(self) -> None:
        """补打: every copy again, marked 补打, audited; shown for printing."""
        receipt = self._chosen()
        if receipt is None:
            return
        from desk_app.services.ledger import receipts_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(
            self,
            self.hub,
            lambda: receipts_print.print_receipt(self.desk, receipt.id, reprint=True),
        )
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, f"{printed.title}（补打）", self)

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def void(self) -> None:
        receipt = self._chosen()
        if receipt is None or receipt.void:
            return
        from desk_app.ui.ledger.receipt_dialogs import VoidReceiptDialog

        if self._run(VoidReceiptDialog(self.desk, self.hub, receipt, self)):
            self.show_status(
                self.tr("Receipt №{number} voided.").format(number=receipt.number_text)
            )

    def exchange_for_invoice(self) -> None:
        receipt = self._chosen()
        if receipt is None:
            return
        from desk_app.ui.ledger.receipt_dialogs import InvoiceExchangeDialog

        self._run(InvoiceExchangeDialog(self.desk, self.hub, receipt, self))

    def refund(self) -> None:
        """退费, then the 现金付出单 printed and shown for the payee to sign."""
        receipt = self._chosen()
        if receipt is None:
            return
        from desk_app.ui.ledger.receipt_dialogs import RefundDialog

        dialog = RefundDialog(self.desk, self.hub, receipt, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            refund = dialog.refund
        finally:
            dialog.deleteLater()
        if not accepted or refund is None:
            return
        from desk_app.services.ledger import receipts_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(
            self, self.hub, lambda: receipts_print.print_refund_voucher(self.desk, refund.id)
        )
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    def show_status(self, text: str) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 15_000)
