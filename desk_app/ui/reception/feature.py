"""The 接待登记 tab: its place among the tabs, its menu entry and its page's shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.reception.page import ReceptionPage

    return ReceptionPage


def _page_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(
        f"reception.{name}", text, handler, shortcuts=shortcuts, context="ReceptionPage"
    )


PAGE_ACTIONS = (
    _page_action("detail", QT_TRANSLATE_NOOP("ReceptionPage", "Entry in full"), (), "open_detail"),
    _page_action(
        "handle", QT_TRANSLATE_NOOP("ReceptionPage", "Handle…"), ("Ctrl+E",), "handle_selected"
    ),
    _page_action(
        "callback",
        QT_TRANSLATE_NOOP("ReceptionPage", "Call back…"),
        ("Ctrl+L",),
        "callback_selected",
    ),
    _page_action(
        "escalate",
        QT_TRANSLATE_NOOP("ReceptionPage", "Report to supervisor…"),
        ("Ctrl+R",),
        "escalate_selected",
    ),
    _page_action(
        "open_order",
        QT_TRANSLATE_NOOP("ReceptionPage", "Open repair order"),
        ("Ctrl+Shift+O",),
        "open_order",
    ),
    _page_action(
        "open_unit", QT_TRANSLATE_NOOP("ReceptionPage", "Open unit"), ("Ctrl+Shift+U",), "open_unit"
    ),
    _page_action("refresh", QT_TRANSLATE_NOOP("ReceptionPage", "Refresh"), ("F5",), "refresh"),
    _page_action(
        "switch_pane", QT_TRANSLATE_NOOP("ReceptionPage", "Form or log"), ("F6",), "switch_pane"
    ),
)
FORM_ACTIONS = (
    ActionSpec(
        "reception.save_entry",
        QT_TRANSLATE_NOOP("EntryForm", "Save entry"),
        "save",
        shortcuts=("Ctrl+S",),
        context="EntryForm",
    ),
)

FEATURE = Feature(
    "reception",
    QT_TRANSLATE_NOOP("MainWindow", "Reception"),
    QT_TRANSLATE_NOOP("MainWindow", "Reception log"),
    QT_TRANSLATE_NOOP(
        "MainWindow",
        "Calls, visits and letters from residents will be logged here, "
        "with complaints and callbacks.",
    ),
    page=_page,
    actions=(
        ActionSpec(
            "service.new_entry",
            QT_TRANSLATE_NOOP("Actions", "&New reception entry"),
            "focus_entry",
            "service",
            shortcuts=("F2",),
            feature="reception",
        ),
    ),
    page_actions=PAGE_ACTIONS + FORM_ACTIONS,
)
