"""The 入住交房 tab: its place among the tabs and the shortcuts of its sub-pages (收房: a
unit's stations as steps, each saved at once)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.movein.page import MoveinPage

    return MoveinPage


def _page_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(
        f"movein.handover.{name}", text, handler, shortcuts=shortcuts, context="HandoverPage"
    )


STEP_ACTIONS = (
    _page_action(
        "complete", QT_TRANSLATE_NOOP("HandoverPage", "&Done"), ("Ctrl+Return",), "complete_step"
    ),
    _page_action("skip", QT_TRANSLATE_NOOP("HandoverPage", "S&kip…"), ("Ctrl+K",), "skip_step"),
    _page_action(
        "reopen",
        QT_TRANSLATE_NOOP("HandoverPage", "Re&open step"),
        ("Ctrl+Shift+O",),
        "reopen_step",
    ),
)
"""The current step's buttons, under its panel."""

PRINT_ACTIONS = (
    _page_action(
        "print_inspection_sheet",
        QT_TRANSLATE_NOOP("HandoverPage", "&Print acceptance sheet"),
        ("Ctrl+P",),
        "print_inspection_sheet",
    ),
    _page_action(
        "print_routing_slip",
        QT_TRANSLATE_NOOP("HandoverPage", "Print &move-in routing slip"),
        (),
        "print_routing_slip",
    ),
    _page_action(
        "print_defect_list",
        QT_TRANSLATE_NOOP("HandoverPage", "Print de&fect list"),
        (),
        "print_defect_list",
    ),
)
"""The open unit's forms (房屋交接验收单, 入住程序表, 遗留问题整改记录), printed and archived;
buttons beside the unit. Their letters avoid the window's menus (S K D T L H)."""

HANDOVER_ACTIONS = (
    _page_action(
        "find_unit", QT_TRANSLATE_NOOP("HandoverPage", "&Unit…"), ("Ctrl+L",), "focus_unit"
    ),
    *STEP_ACTIONS,
    *PRINT_ACTIONS,
    _page_action("refresh", QT_TRANSLATE_NOOP("HandoverPage", "Refresh"), ("F5",), "refresh"),
)

FEATURE = Feature(
    "movein",
    QT_TRANSLATE_NOOP("MainWindow", "Move-in"),
    QT_TRANSLATE_NOOP("MainWindow", "Move-in and unit handover"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Move-ins, unit inspections and meter readings will be recorded here."
    ),
    page=_page,
    page_actions=HANDOVER_ACTIONS,
)
