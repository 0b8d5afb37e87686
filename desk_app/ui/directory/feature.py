"""The 业主档案 tab: its place among the tabs and its menu entries (Data menu)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.actions import ActionSpec, Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


def _page() -> type[QWidget]:
    from desk_app.ui.directory.page import DirectoryPage

    return DirectoryPage


def _data(
    name: str, text: str, handler: str, *, show_tab: bool = True, separator_before: bool = False
) -> ActionSpec:
    return ActionSpec(
        f"directory.{name}",
        text,
        handler,
        "data",
        feature="directory",
        show_tab=show_tab,
        separator_before=separator_before,
    )


FEATURE = Feature(
    "directory",
    QT_TRANSLATE_NOOP("MainWindow", "Owner archive"),
    QT_TRANSLATE_NOOP("MainWindow", "Owner archive"),
    QT_TRANSLATE_NOOP("MainWindow", "The one-household-one-file owner archive will be kept here."),
    page=_page,
    actions=(
        _data(
            "create_units",
            QT_TRANSLATE_NOOP("Actions", "Create &units…"),
            "create_units",
            separator_before=True,
        ),
        _data(
            "public_place",
            QT_TRANSLATE_NOOP("Actions", "New public &place…"),
            "new_public_place",
        ),
        _data(
            "loans",
            QT_TRANSLATE_NOOP("Actions", "Archives on l&oan…"),
            "open_loans",
            show_tab=False,
        ),
        _data(
            "import_roster",
            QT_TRANSLATE_NOOP("Actions", "I&mport owner roster…"),
            "import_roster",
            separator_before=True,
        ),
        _data(
            "roster_template",
            QT_TRANSLATE_NOOP("Actions", "Save roster &template…"),
            "save_roster_template",
            show_tab=False,
        ),
        _data(
            "export_roster",
            QT_TRANSLATE_NOOP("Actions", "E&xport owner roster…"),
            "export_roster",
            show_tab=False,
        ),
    ),
)
