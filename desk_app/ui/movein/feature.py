"""The 入住交房 tab: its place among the tabs and the shortcuts of its sub-pages (收房: a
unit's stations as steps, each saved at once; 交付批次: the batches, their slots and
units; 进度与遗留问题: the batch at a glance, the defects for the developer, 复验 and
the day's summary)."""

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


def _batch_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(
        f"movein.batches.{name}", text, handler, shortcuts=shortcuts, context="BatchesPage"
    )


BATCH_TOOLS = (
    _batch_action(
        "new_batch", QT_TRANSLATE_NOOP("BatchesPage", "&New batch…"), ("Ctrl+N",), "new_batch"
    ),
    _batch_action(
        "add_units", QT_TRANSLATE_NOOP("BatchesPage", "&Add units…"), ("Ctrl+Shift+A",), "add_units"
    ),
    _batch_action(
        "add_slots", QT_TRANSLATE_NOOP("BatchesPage", "Add sl&ots…"), ("Ctrl+T",), "add_slots"
    ),
)
"""The batch's buttons, beside the batch chooser."""

UNIT_TOOLS = (
    _batch_action(
        "book", QT_TRANSLATE_NOOP("BatchesPage", "&Make appointment…"), ("Ctrl+B",), "book"
    ),
    _batch_action(
        "cancel_booking",
        QT_TRANSLATE_NOOP("BatchesPage", "&Cancel appointment"),
        ("Ctrl+Shift+B",),
        "cancel_booking",
    ),
    _batch_action(
        "hand_over", QT_TRANSLATE_NOOP("BatchesPage", "Hand-o&ver"), ("Ctrl+O",), "hand_over"
    ),
    _batch_action(
        "print_notices",
        QT_TRANSLATE_NOOP("BatchesPage", "&Print notices…"),
        ("Ctrl+P",),
        "print_notices",
    ),
    _batch_action(
        "record_notice",
        QT_TRANSLATE_NOOP("BatchesPage", "&Record notice sent…"),
        ("Ctrl+M",),
        "record_notice",
    ),
)
"""The buttons over the units' table, for the chosen unit(s)."""

BATCH_ACTIONS = (
    *BATCH_TOOLS,
    *UNIT_TOOLS,
    _batch_action(
        "find_unit", QT_TRANSLATE_NOOP("BatchesPage", "Find a unit"), ("Ctrl+G",), "focus_find"
    ),
    _batch_action("refresh", QT_TRANSLATE_NOOP("BatchesPage", "Refresh"), ("F5",), "refresh"),
)


def _overview_action(name: str, text: str, shortcuts: tuple[str, ...], handler: str) -> ActionSpec:
    return ActionSpec(
        f"movein.overview.{name}", text, handler, shortcuts=shortcuts, context="OverviewPage"
    )


OVERVIEW_DEFECT_ACTIONS = (
    _overview_action(
        "reinspect", QT_TRANSLATE_NOOP("OverviewPage", "&Re-inspect…"), ("Ctrl+R",), "reinspect"
    ),
    _overview_action(
        "open_order",
        QT_TRANSLATE_NOOP("OverviewPage", "Open repair &order"),
        ("Ctrl+O",),
        "open_order",
    ),
    _overview_action(
        "print_defects",
        QT_TRANSLATE_NOOP("OverviewPage", "&Print the unit's defect record"),
        ("Ctrl+P",),
        "print_defect_list",
    ),
    _overview_action(
        "export_defects",
        QT_TRANSLATE_NOOP("OverviewPage", "E&xport defects…"),
        ("Ctrl+E",),
        "export_defects",
    ),
)
"""The chosen defect's buttons, under the defect list (export: the list as filtered)."""

OVERVIEW_DAY_ACTIONS = (
    _overview_action(
        "print_summary",
        QT_TRANSLATE_NOOP("OverviewPage", "Print the day's &summary"),
        ("Ctrl+Shift+P",),
        "print_day_summary",
    ),
    _overview_action(
        "export_summary",
        QT_TRANSLATE_NOOP("OverviewPage", "Export the day's summary (&Excel)…"),
        ("Ctrl+Shift+E",),
        "export_day_summary",
    ),
)
"""The day's 收楼情况汇总, beside its date."""

OVERVIEW_ACTIONS = (
    *OVERVIEW_DEFECT_ACTIONS,
    *OVERVIEW_DAY_ACTIONS,
    _overview_action("refresh", QT_TRANSLATE_NOOP("OverviewPage", "Refresh"), ("F5",), "refresh"),
)

FEATURE = Feature(
    "movein",
    QT_TRANSLATE_NOOP("MainWindow", "Move-in"),
    QT_TRANSLATE_NOOP("MainWindow", "Move-in and unit handover"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Move-ins, unit inspections and meter readings will be recorded here."
    ),
    page=_page,
    page_actions=HANDOVER_ACTIONS + BATCH_ACTIONS + OVERVIEW_ACTIONS,
)
