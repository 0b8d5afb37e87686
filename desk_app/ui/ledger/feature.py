"""The 收费台账 tab: its place among the tabs, its menu entries and the shortcuts of its
sub-pages (payment, receipts, billing and readings, arrears, cash and the month-end)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.ledger.page import LedgerPage

    return LedgerPage


def _action(
    page: str, name: str, context: str, text: str, shortcuts: tuple[str, ...], handler: str
) -> ActionSpec:
    return ActionSpec(f"ledger.{page}.{name}", text, handler, shortcuts=shortcuts, context=context)


PAYMENT_ACTIONS = (
    _action(
        "payment",
        "amount_mode",
        "PaymentPage",
        QT_TRANSLATE_NOOP("PaymentPage", "Pay an amount"),
        ("Alt+A",),
        "toggle_amount_mode",
    ),
)
RECEIPTS_ACTIONS = (
    _action(
        "receipts",
        "reprint",
        "ReceiptsPage",
        QT_TRANSLATE_NOOP("ReceiptsPage", "&Reprint"),
        ("Ctrl+P",),
        "reprint",
    ),
    _action(
        "receipts",
        "void",
        "ReceiptsPage",
        QT_TRANSLATE_NOOP("ReceiptsPage", "&Void…"),
        ("Ctrl+Shift+D",),
        "void",
    ),
    _action(
        "receipts",
        "invoice",
        "ReceiptsPage",
        QT_TRANSLATE_NOOP("ReceiptsPage", "Exchange for &invoice…"),
        ("Ctrl+I",),
        "exchange_for_invoice",
    ),
    _action(
        "receipts",
        "refund",
        "ReceiptsPage",
        QT_TRANSLATE_NOOP("ReceiptsPage", "Re&fund…"),
        ("Ctrl+Shift+R",),
        "refund",
    ),
)
BILLING_ACTIONS = (
    _action(
        "billing",
        "generate",
        "BillingPage",
        QT_TRANSLATE_NOOP("BillingPage", "&Generate"),
        ("Ctrl+G",),
        "generate",
    ),
    _action(
        "billing",
        "post",
        "BillingPage",
        QT_TRANSLATE_NOOP("BillingPage", "P&ost…"),
        ("Ctrl+Shift+Return",),
        "post",
    ),
    _action(
        "billing",
        "print",
        "BillingPage",
        QT_TRANSLATE_NOOP("BillingPage", "Pr&int…"),
        ("Ctrl+P",),
        "print_sheet",
    ),
)
READINGS_ACTIONS = (
    _action(
        "readings",
        "save",
        "ReadingsPanel",
        QT_TRANSLATE_NOOP("ReadingsPanel", "&Save readings"),
        ("Ctrl+S",),
        "save",
    ),
)
ARREARS_ACTIONS = (
    _action(
        "arrears",
        "record_action",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "&Record chasing step…"),
        ("Ctrl+R",),
        "record_action",
    ),
    _action(
        "arrears",
        "print_notice",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "&Print notice"),
        ("Ctrl+P",),
        "print_notice",
    ),
    _action(
        "arrears",
        "print_notices",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "Print notices for all &shown…"),
        ("Ctrl+Shift+P",),
        "print_notices",
    ),
    _action(
        "arrears",
        "export",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "&Export to Excel…"),
        ("Ctrl+E",),
        "export",
    ),
    _action(
        "arrears",
        "refresh",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "Refresh"),
        ("F5",),
        "refresh",
    ),
)
CASH_ACTIONS = (
    _action(
        "cash",
        "hand_over",
        "CashPage",
        QT_TRANSLATE_NOOP("CashPage", "Hand over to &finance…"),
        ("Ctrl+Shift+F",),
        "hand_over",
    ),
    _action(
        "cash",
        "print_report",
        "MonthCloseSection",
        QT_TRANSLATE_NOOP("MonthCloseSection", "P&rint…"),
        ("Ctrl+P",),
        "print_report",
    ),
    _action(
        "cash",
        "export_report",
        "MonthCloseSection",
        QT_TRANSLATE_NOOP("MonthCloseSection", "&Export…"),
        ("Ctrl+Shift+E",),
        "export_report",
    ),
    _action(
        "cash",
        "close_period",
        "MonthCloseSection",
        QT_TRANSLATE_NOOP("MonthCloseSection", "Close the &month…"),
        ("Ctrl+Shift+L",),
        "close_period",
    ),
    _action(
        "cash",
        "refresh",
        "ArrearsPage",
        QT_TRANSLATE_NOOP("ArrearsPage", "Refresh"),
        ("F5",),
        "refresh_all",
    ),
)


def _show(page: str, text: str, shortcuts: tuple[str, ...] = ()) -> ActionSpec:
    """A menu entry that opens one of the ledger's sub-pages."""
    return ActionSpec(
        f"service.{page}",
        text,
        "show_sub_page",
        "service",
        shortcuts=shortcuts,
        args=(page,),
        feature="ledger",
    )


FEATURE = Feature(
    "ledger",
    QT_TRANSLATE_NOOP("MainWindow", "Fee ledger"),
    QT_TRANSLATE_NOOP("MainWindow", "Fee ledger"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Charges, payments, numbered receipts and arrears will be kept here."
    ),
    page=_page,
    actions=(
        ActionSpec(
            "service.take_payment",
            QT_TRANSLATE_NOOP("Actions", "Take &payment"),
            "take_payment",
            "service",
            shortcuts=("F7",),
            separator_before=True,
            feature="ledger",
        ),
        _show("receipts", QT_TRANSLATE_NOOP("Actions", "R&eceipts"), ("Shift+F7",)),
        _show("billing", QT_TRANSLATE_NOOP("Actions", "&Billing and meter readings")),
        _show("arrears", QT_TRANSLATE_NOOP("Actions", "&Arrears and chasing")),
        _show("cash", QT_TRANSLATE_NOOP("Actions", "Cash drawer and &month-end close")),
        ActionSpec(
            "settings.fee_setup",
            QT_TRANSLATE_NOOP("Actions", "&Fee items, rates and receipt books…"),
            "open_fee_setup",
            "settings",
            min_role="supervisor",
            feature="ledger",
            show_tab=False,
        ),
    ),
    page_actions=PAYMENT_ACTIONS
    + RECEIPTS_ACTIONS
    + BILLING_ACTIONS
    + READINGS_ACTIONS
    + ARREARS_ACTIONS
    + CASH_ACTIONS,
)
