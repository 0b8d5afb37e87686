"""收款与月结: the cash drawer of the shift on duty (takings by method, receipt numbers,
voids, refunds), the money waiting to go to finance with the handover (上缴财务, a slip
printed for finance to sign; a highlighted notice on the handover weekday), and the
month-end close below.

    page = CashPage(desk, hub)
    page.hand_over()   # the dialog, then the slip

Keys within the page: Ctrl+Shift+F hand over (to finance), Ctrl+P print the report,
Ctrl+Shift+E export it, Ctrl+Shift+L close the period, F5 read everything again. The page refreshes
itself from the hub (payments, receipts changed, handovers, closes, shifts).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import cash_drawer, tables
from desk_app.services.ledger.cash_drawer import Drawer, HandoverDraft
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import receipt_numbers_text, vocabulary_text
from desk_app.ui.ledger.cash_models import (
    ItemTotalsModel,
    MethodTotalsModel,
    RefundsModel,
    VoidsModel,
)
from desk_app.ui.ledger.close_section import MonthCloseSection, table
from desk_app.ui.ledger.feature import CASH_ACTIONS
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.shown_refresh import ShownRefresh

NOTICE_STYLE = (
    "background: #fff3cd; color: #7a4f01; border: 1px solid #e0b84c; "
    "padding: 6px; font-weight: bold;"
)


class CashPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.drawer: Drawer | None = None
        self.draft: HandoverDraft | None = None
        self._on_change = ShownRefresh(self, self.refresh)
        self.setObjectName("cash_page")

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("handover_notice")
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()

        # --- the shift's drawer
        drawer_box = QGroupBox(self.tr("Cash drawer of the shift"), self)
        drawer_box.setObjectName("drawer_box")
        self.shift_label = QLabel(drawer_box)
        self.shift_label.setObjectName("drawer_shift")
        self.methods_model = MethodTotalsModel(parent=self)
        self.methods_view = table(drawer_box, "drawer_methods", self.methods_model, 4)
        self.numbers_label = QLabel(drawer_box)
        self.numbers_label.setObjectName("drawer_numbers")
        self.numbers_label.setWordWrap(True)
        self.cash_label = QLabel(drawer_box)
        self.cash_label.setObjectName("drawer_cash")
        self.cash_label.setWordWrap(True)
        self.voids_model = VoidsModel(parent=self)
        self.voids_view = table(drawer_box, "drawer_voids", self.voids_model, 2)
        self.refunds_model = RefundsModel(parent=self)
        self.refunds_view = table(drawer_box, "drawer_refunds", self.refunds_model, 2)
        drawer_layout = QVBoxLayout(drawer_box)
        drawer_layout.addWidget(self.shift_label)
        drawer_layout.addWidget(self.methods_view)
        drawer_layout.addWidget(self.numbers_label)
        drawer_layout.addWidget(self.cash_label)
        drawer_layout.addWidget(QLabel(self.tr("Voided in the shift:"), drawer_box))
        drawer_layout.addWidget(self.voids_view)
        drawer_layout.addWidget(QLabel(self.tr("Refunds paid in the shift:"), drawer_box))
        drawer_layout.addWidget(self.refunds_view)

        # --- what waits for finance
        pending_box = QGroupBox(self.tr("To hand over to finance"), self)
        pending_box.setObjectName("pending_box")
        self.pending_label = QLabel(pending_box)
        self.pending_label.setObjectName("pending_span")
        self.pending_label.setWordWrap(True)
        self.pending_methods_model = MethodTotalsModel(parent=self)
        self.pending_methods_view = table(
            pending_box, "pending_methods", self.pending_methods_model, 4
        )
        self.pending_items_model = ItemTotalsModel(parent=self)
        self.pending_items_view = table(pending_box, "pending_items", self.pending_items_model, 5)
        self.pending_totals = QLabel(pending_box)
        self.pending_totals.setObjectName("pending_totals")
        self.pending_totals.setWordWrap(True)
        self.hand_over_button = QPushButton(self.tr("Hand over to &finance…"), pending_box)
        self.hand_over_button.setObjectName("hand_over_button")
        self.hand_over_button.setAutoDefault(False)
        self.hand_over_button.clicked.connect(lambda _checked=False: self.hand_over())
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.addWidget(self.pending_label)
        pending_layout.addWidget(self.pending_methods_view)
        pending_layout.addWidget(self.pending_items_view)
        pending_layout.addWidget(self.pending_totals)
        pending_layout.addWidget(self.hand_over_button, 0, Qt.AlignmentFlag.AlignRight)

        self.close_section = MonthCloseSection(desk, hub, self)

        # Everything but the notice scrolls, so small screens squeeze no table.
        content = QWidget(self)
        content.setObjectName("cash_content")
        top = QHBoxLayout()
        top.addWidget(drawer_box, 1)
        top.addWidget(pending_box, 1)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top, 3)
        inner.addWidget(self.close_section, 2)
        scroll = QScrollArea(self)
        scroll.setObjectName("cash_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addWidget(scroll, 1)

        self.named_actions: dict[str, QAction] = page_actions(self, CASH_ACTIONS)

        hub.changed.connect(self._hub_changed)
        self.refresh()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches(*tables.CASH, *tables.PERIODS, "shifts", "settings"):
            self._on_change.changed()

    # --- the month-end section's actions, by key anywhere on the page -------------------------

    def print_report(self) -> None:
        self.close_section.print()

    def export_report(self) -> None:
        self.close_section.export()

    def close_period(self) -> None:
        self.close_section.close_period()

    # --- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the drawer and the pending handover again."""
        self._show_drawer()
        self._show_pending()

    def refresh_all(self) -> None:
        self.refresh()
        self.close_section.refresh()

    def _show_drawer(self) -> None:
        try:
            drawer = cash_drawer.drawer(self.desk)
        except DeskError as error:
            drawer = None
            self.shift_label.setText(error_text(error))
        self.drawer = drawer
        if drawer is None:
            for model in (self.methods_model, self.voids_model, self.refunds_model):
                model.set_rows([])
            self.numbers_label.clear()
            self.cash_label.clear()
            return
        self.shift_label.setText(
            self.tr("{shift} — {operator}, since {opened}").format(
                shift=vocabulary_text(drawer.shift_name),
                operator=drawer.operator_name,
                opened=display(drawer.opened_at),
            )
        )
        self.methods_model.set_rows(drawer.methods)
        self.numbers_label.setText(
            self.tr("Receipt numbers: {numbers}").format(
                numbers=receipt_numbers_text(drawer.ranges) or self.tr("none")
            )
        )
        self.cash_label.setText(
            self.tr(
                "Total {total}; cash {cash_in} less cash refunds {refunds}: {cash} in the drawer."
            ).format(
                total=format_fen(drawer.total_fen),
                cash_in=format_fen(drawer.cash_in_fen),
                refunds=format_fen(drawer.cash_refunds_fen),
                cash=format_fen(drawer.cash_fen),
            )
        )
        self.voids_model.set_rows(drawer.voids)
        self.refunds_model.set_rows(drawer.refunds)

    def _show_pending(self) -> None:
        try:
            draft = cash_drawer.pending_handover(self.desk)
            due = cash_drawer.handover_due(self.desk)
        except DeskError as error:
            self.pending_label.setText(error_text(error))
            return
        self.draft = draft
        if draft.since:
            since = self.tr("Since the last handover on {at}").format(at=display(draft.since))
        else:
            since = self.tr("Nothing handed over yet")
        self.pending_label.setText(
            self.tr("{since}. Receipts: {numbers}").format(
                since=since, numbers=receipt_numbers_text(draft.ranges) or self.tr("none")
            )
        )
        self.pending_methods_model.set_rows(draft.methods)
        self.pending_items_model.set_rows(draft.items)
        self.pending_totals.setText(
            self.tr(
                "Total {total}; refunds {refunds} ({count}); voids {voids}. "
                "Cash to hand over: {cash}."
            ).format(
                total=format_fen(draft.total_fen),
                refunds=format_fen(draft.refunds_fen),
                count=len(draft.refunds),
                voids=len(draft.voids),
                cash=format_fen(draft.cash_fen),
            )
        )
        self.hand_over_button.setEnabled(draft.pending)
        if due:
            self.notice_label.setText(
                self.tr(
                    "Today the cash goes to finance: {cash} to hand over (receipts {numbers})."
                ).format(
                    cash=format_fen(draft.cash_fen),
                    numbers=receipt_numbers_text(draft.ranges) or "—",
                )
            )
        self.notice_label.setVisible(due)

    # --- the handover --------------------------------------------------------------------------------

    def hand_over(self) -> None:
        """上缴财务: the dialog, then the slip printed and shown."""
        draft = attempt(self, lambda: cash_drawer.pending_handover(self.desk))
        if draft is None:
            return
        if not draft.pending:
            messages.info(self, self.tr("Nothing has been taken in since the last handover."))
            return
        from desk_app.ui.ledger.cash_dialogs import HandOverDialog

        dialog = HandOverDialog(self.desk, self.hub, draft, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            row, print_slip = dialog.row, dialog.print_slip.isChecked()
        finally:
            dialog.deleteLater()
        if not accepted or row is None:
            return
        if print_slip:
            self.print_slip(row.id)

    def print_slip(self, handover_id: int) -> None:
        from desk_app.services.ledger import cash_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(self, self.hub, lambda: cash_print.print_slip(self.desk, handover_id))
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)
