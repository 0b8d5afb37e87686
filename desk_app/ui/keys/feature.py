"""The 钥匙管理 tab: its place among the tabs, its menu entry (F8: the scan box from
anywhere) and its page's shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.keys.page import KeysPage

    return KeysPage


def _page_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(f"keys.{name}", text, handler, shortcuts=shortcuts, context="KeysPage")


REGISTRY_ACTIONS = (
    _page_action("new_set", QT_TRANSLATE_NOOP("KeysPage", "&New set…"), ("Ctrl+N",), "new_set"),
    _page_action(
        "intake",
        QT_TRANSLATE_NOOP("KeysPage", "Take in a &building…"),
        ("Ctrl+Shift+I",),
        "take_in_building",
    ),
    _page_action(
        "lookup", QT_TRANSLATE_NOOP("KeysPage", "By &person or unit…"), ("Ctrl+Shift+F",), "look_up"
    ),
    _page_action(
        "register",
        QT_TRANSLATE_NOOP("KeysPage", "Loan re&gister…"),
        ("Ctrl+Shift+P",),
        "print_register",
    ),
    _page_action(
        "labels", QT_TRANSLATE_NOOP("KeysPage", "Tag &labels…"), ("Ctrl+Shift+L",), "print_labels"
    ),
    _page_action(
        "export", QT_TRANSLATE_NOOP("KeysPage", "E&xport…"), ("Ctrl+Shift+E",), "export_sets"
    ),
)
"""The registry's own work, shown as buttons above the lists."""

PAGE_ACTIONS = (
    *REGISTRY_ACTIONS,
    _page_action("refresh", QT_TRANSLATE_NOOP("KeysPage", "Refresh"), ("F5",), "refresh"),
)

# The chosen set's buttons (ui/keys/set_actions.py), handled by SetActions.
SET_ACTIONS = tuple(
    ActionSpec(f"keys.{handler}", text, handler, context="SetActions")
    for handler, text in (
        ("lend", QT_TRANSLATE_NOOP("SetActions", "&Lend…")),
        ("return_keys", QT_TRANSLATE_NOOP("SetActions", "Re&turn…")),
        ("deposit", QT_TRANSLATE_NOOP("SetActions", "&Deposit…")),
        ("collect", QT_TRANSLATE_NOOP("SetActions", "C&ollect…")),
        ("report_lost", QT_TRANSLATE_NOOP("SetActions", "R&eport lost…")),
        ("copy_keys", QT_TRANSLATE_NOOP("SetActions", "Cop&y…")),
        ("print_slip", QT_TRANSLATE_NOOP("SetActions", "Print sl&ip…")),
    )
)

FEATURE = Feature(
    "keys",
    QT_TRANSLATE_NOOP("MainWindow", "Keys"),
    QT_TRANSLATE_NOOP("MainWindow", "Key management"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Keys held at the desk, loans and returns will be registered here."
    ),
    page=_page,
    actions=(
        ActionSpec(
            "service.scan_key",
            QT_TRANSLATE_NOOP("Actions", "Scan a &key…"),
            "focus_scan",
            "service",
            shortcuts=("F8",),
            feature="keys",
        ),
    ),
    page_actions=PAGE_ACTIONS + SET_ACTIONS,
)
