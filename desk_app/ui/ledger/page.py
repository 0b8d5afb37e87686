"""The 收费台账 tab: payments, receipts, billing, arrears, and the cash drawer with the
month-end close, each a sub-tab built the first time it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk_app.services.desk import Desk
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.sub_pages import SubPages


def _payment(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.ledger.payment_page import PaymentPage

    return PaymentPage(desk, hub)


def _receipts(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.ledger.receipts_page import ReceiptsPage

    return ReceiptsPage(desk, hub)


def _billing(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.ledger.billing_page import BillingPage

    return BillingPage(desk, hub)


def _arrears(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.ledger.arrears_page import ArrearsPage

    return ArrearsPage(desk, hub)


def _cash(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.ledger.cash_page import CashPage

    return CashPage(desk, hub)


class LedgerPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("ledger_page")
        self.tabs = SubPages(self, "ledger_tabs", desk, hub)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        # No Alt letters here: the sub-pages use them; the 收费台账 menu reaches each.
        self.tabs.add("payment", self.tr("Payment"), _payment)
        self.tabs.add("receipts", self.tr("Receipts"), _receipts)
        self.tabs.add("billing", self.tr("Billing"), _billing)
        self.tabs.add("arrears", self.tr("Arrears"), _arrears)
        self.tabs.add("cash", self.tr("Cash and month-end close"), _cash)

    def sub_page(self, name: str) -> QWidget:
        """The named sub-page (payment, receipts, billing, arrears, cash), built if needed."""
        return self.tabs.page(name)

    def show_sub_page(self, name: str) -> QWidget:
        return self.tabs.show_page(name)

    def take_payment(self, unit_id: int | None = None) -> None:
        """收款 (F7): the payment page, on the unit given or with the cursor in its search."""
        page = self.show_sub_page("payment")
        if unit_id is not None and page.show_unit(unit_id):  # type: ignore[attr-defined]
            return
        page.focus_search()  # type: ignore[attr-defined]

    def open_fee_setup(self) -> None:
        """收费项目、标准与收据本 (a supervisor's)."""
        from desk_app.ui.ledger.fee_setup_dialog import FeeSetupDialog

        dialog = FeeSetupDialog(self.desk, self.hub, self.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
