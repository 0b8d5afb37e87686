"""The tabs of the main window, one per feature, in order, with the actions each feature
declares (its menu entries and the shortcuts of its page). The main window builds its
tabs, menus and shortcuts from this one table; a feature lands by replacing its
placeholder here with its own declaration (``ui/<feature>/feature.py``)."""

from __future__ import annotations

from desk_app.ui.actions import Feature
from desk_app.ui.directory.feature import FEATURE as DIRECTORY
from desk_app.ui.keys.feature import FEATURE as KEYS
from desk_app.ui.ledger.feature import FEATURE as LEDGER
from desk_app.ui.movein.feature import FEATURE as MOVEIN
from desk_app.ui.reception.feature import FEATURE as RECEPTION
from desk_app.ui.renovation.feature import FEATURE as RENOVATION
from desk_app.ui.repairs.feature import FEATURE as REPAIRS

FEATURES: tuple[Feature, ...] = (RECEPTION, REPAIRS, LEDGER, MOVEIN, RENOVATION, KEYS, DIRECTORY)


def feature(name: str) -> Feature:
    return next(f for f in FEATURES if f.name == name)
