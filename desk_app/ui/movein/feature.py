"""The move-in tab (入住交房): declared here; its page is still the placeholder."""

from __future__ import annotations

from desk_app.ui.actions import Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP

FEATURE = Feature(
    "movein",
    QT_TRANSLATE_NOOP("MainWindow", "Move-in"),
    QT_TRANSLATE_NOOP("MainWindow", "Move-in and unit handover"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Move-ins, unit inspections and meter readings will be recorded here."
    ),
)
