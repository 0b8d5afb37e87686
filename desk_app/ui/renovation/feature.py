"""The 装修与放行 tab: its own tab after 入住交房 (a renovation runs for months with daily
permit, pass and inspection work; move-out passes are daily gate work). A placeholder
until its page lands."""

from __future__ import annotations

from desk_app.ui.actions import Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP

FEATURE = Feature(
    "renovation",
    QT_TRANSLATE_NOOP("MainWindow", "Renovation"),
    QT_TRANSLATE_NOOP("MainWindow", "Renovation and passes"),
    QT_TRANSLATE_NOOP(
        "MainWindow",
        "Renovation applications, permits, worker passes and move-out passes will be handled here.",
    ),
)
