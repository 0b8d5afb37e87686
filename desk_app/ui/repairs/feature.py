"""The 维修工单 tab: its place among the tabs, its menu entries and its page's shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.repairs.page import RepairsPage

    return RepairsPage


def _page_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(f"repairs.{name}", text, handler, shortcuts=shortcuts, context="RepairsPage")


PAGE_ACTIONS = (
    _page_action(
        "new_order", QT_TRANSLATE_NOOP("RepairsPage", "&New order…"), ("Ctrl+N",), "new_order"
    ),
    _page_action(
        "dispatch", QT_TRANSLATE_NOOP("RepairsPage", "Disp&atch…"), ("Ctrl+D",), "dispatch"
    ),
    _page_action(
        "arrival", QT_TRANSLATE_NOOP("RepairsPage", "On s&ite…"), ("Ctrl+R",), "record_arrival"
    ),
    _page_action(
        "complete", QT_TRANSLATE_NOOP("RepairsPage", "Co&mplete…"), ("Ctrl+E",), "complete"
    ),
    _page_action(
        "hold", QT_TRANSLATE_NOOP("RepairsPage", "Hold / &wait for parts…"), ("Ctrl+H",), "hold"
    ),
    _page_action("resume", QT_TRANSLATE_NOOP("RepairsPage", "&Resume"), ("Ctrl+U",), "resume"),
    _page_action(
        "refer_out", QT_TRANSLATE_NOOP("RepairsPage", "Re&fer out…"), ("Ctrl+T",), "refer_out"
    ),
    _page_action(
        "cancel", QT_TRANSLATE_NOOP("RepairsPage", "&Cancel order…"), ("Ctrl+Shift+Del",), "cancel"
    ),
    _page_action(
        "callback", QT_TRANSLATE_NOOP("RepairsPage", "Call &back…"), ("Ctrl+L",), "call_back"
    ),
    _page_action(
        "lend_key", QT_TRANSLATE_NOOP("RepairsPage", "Lend &keys…"), ("Ctrl+K",), "lend_key"
    ),
    _page_action(
        "print_order",
        QT_TRANSLATE_NOOP("RepairsPage", "&Print work order"),
        ("Ctrl+P",),
        "print_work_order",
    ),
    _page_action(
        "print_dispatch_sheet",
        QT_TRANSLATE_NOOP("RepairsPage", "Print today's dispatch sh&eet"),
        ("Ctrl+Shift+P",),
        "print_dispatch_sheet",
    ),
    _page_action(
        "open_unit",
        QT_TRANSLATE_NOOP("RepairsPage", "Open unit in the owner archive"),
        ("Ctrl+Shift+U",),
        "open_unit",
    ),
    _page_action(
        "open_entry",
        QT_TRANSLATE_NOOP("RepairsPage", "Open reception entry"),
        ("Ctrl+Shift+E",),
        "open_entry",
    ),
    _page_action("refresh", QT_TRANSLATE_NOOP("RepairsPage", "Refresh"), ("F5",), "refresh"),
)
COMPLETION_ACTIONS = (
    ActionSpec(
        "repairs.completion.add_line",
        QT_TRANSLATE_NOOP("CompletionDialog", "&Add material (Ins)"),
        "add_line",
        shortcuts=("Ins", "Ctrl+N"),
        context="CompletionDialog",
    ),
    ActionSpec(
        "repairs.completion.remove_line",
        QT_TRANSLATE_NOOP("CompletionDialog", "Re&move material (Del)"),
        "remove_line",
        shortcuts=("Del", "Ctrl+D"),
        context="CompletionDialog",
    ),
)

FEATURE = Feature(
    "repairs",
    QT_TRANSLATE_NOOP("MainWindow", "Repairs"),
    QT_TRANSLATE_NOOP("MainWindow", "Repair orders"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Repair orders will be written, dispatched and followed up here."
    ),
    page=_page,
    actions=(
        ActionSpec(
            "service.new_order",
            QT_TRANSLATE_NOOP("Actions", "New &repair order…"),
            "new_order",
            "service",
            shortcuts=("Ctrl+Shift+N",),
            feature="repairs",
        ),
        ActionSpec(
            "service.callbacks",
            QT_TRANSLATE_NOOP("Actions", "&Callback queue…"),
            "open_callback_queue",
            "service",
            shortcuts=("F4",),
            feature="repairs",
            show_tab=False,
        ),
        ActionSpec(
            "service.dispatch_sheet",
            QT_TRANSLATE_NOOP("Actions", "Print today's dispatch &sheet…"),
            "print_dispatch_sheet",
            "service",
            separator_before=True,
            feature="repairs",
            show_tab=False,
        ),
        ActionSpec(
            "settings.repair_setup",
            QT_TRANSLATE_NOOP("Actions", "&Technicians and price list…"),
            "open_setup",
            "settings",
            min_role="supervisor",
            feature="repairs",
            show_tab=False,
        ),
    ),
    page_actions=PAGE_ACTIONS + COMPLETION_ACTIONS,
)
