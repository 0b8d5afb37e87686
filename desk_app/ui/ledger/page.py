"""The 收费台账 tab: payments, receipts, billing, arrears, and the cash drawer with the
month-end close, each a sub-tab built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desk_app.services.desk import Desk
from desk_app.ui.events import EventHub


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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ledger_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._builders: dict[str, Callable[[Desk, EventHub], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        for name, title, build in (
            # No Alt letters here: the sub-pages use them; the 收费台账 menu reaches each.
            ("payment", self.tr("Payment"), _payment),
            ("receipts", self.tr("Receipts"), _receipts),
            ("billing", self.tr("Billing"), _billing),
            ("arrears", self.tr("Arrears"), _arrears),
            ("cash", self.tr("Cash and month-end close"), _cash),
        ):
            holder = QWidget(self.tabs)
            holder.setObjectName(f"ledger_{name}_holder")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
            self._builders[name] = build
        self.tabs.currentChanged.connect(self._build_current)
        self._build_current(self.tabs.currentIndex())

    _ORDER = ("payment", "receipts", "billing", "arrears", "cash")

    def sub_page(self, name: str) -> QWidget:
        """The named sub-page (payment, receipts, billing, arrears, cash), built if needed."""
        if name not in self._built:
            holder = self.tabs.widget(self._ORDER.index(name))
            layout = holder.layout() if holder is not None else None
            assert holder is not None and layout is not None, "the tab holders are built first"
            page = self._builders[name](self.desk, self.hub)
            page.setParent(holder)
            layout.addWidget(page)
            self._built[name] = page
        return self._built[name]

    def show_sub_page(self, name: str) -> QWidget:
        page = self.sub_page(name)
        self.tabs.setCurrentIndex(self._ORDER.index(name))
        return page

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

    def _build_current(self, index: int) -> None:
        if 0 <= index < len(self._ORDER):
            self.sub_page(self._ORDER[index])
