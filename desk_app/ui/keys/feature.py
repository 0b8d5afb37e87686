"""The 钥匙管理 tab: its place among the tabs; its page is still the placeholder."""

from __future__ import annotations

from desk_app.ui.actions import Feature
from desk_app.ui.i18n import QT_TRANSLATE_NOOP

FEATURE = Feature(
    "keys",
    QT_TRANSLATE_NOOP("MainWindow", "Keys"),
    QT_TRANSLATE_NOOP("MainWindow", "Key management"),
    QT_TRANSLATE_NOOP(
        "MainWindow", "Keys held at the desk, loans and returns will be registered here."
    ),
)
