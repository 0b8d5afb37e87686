"""Every menu entry and shortcut of the program comes from the action registry: ids are
unique, a user's override of any shortcut (a window's or a page's) takes effect, and no
widget sets a shortcut of its own."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from desk_app.ui import preferences
from desk_app.ui.actions import PREVIEW_ACTIONS, window_actions
from desk_app.ui.features import FEATURES
from desk_app.ui.repairs.page import RepairsPage

UI = Path(__file__).resolve().parents[2] / "desk_app" / "ui"


def every_spec():
    yield from window_actions(len(FEATURES))
    yield from PREVIEW_ACTIONS
    for feature in FEATURES:
        yield from feature.actions
        yield from feature.page_actions


def test_action_ids_are_unique():
    ids = [spec.id for spec in every_spec()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_no_page_takes_a_key_the_window_uses():
    """Qt fires neither of two actions that share a key in one window (an ambiguous
    shortcut): a page's key must not be the window's, nor a feature's menu key."""
    window_keys = {s for spec in window_actions(len(FEATURES)) for s in spec.shortcuts}
    window_keys |= {s for feature in FEATURES for spec in feature.actions for s in spec.shortcuts}
    taken = {
        (spec.id, key)
        for feature in FEATURES
        for spec in feature.page_actions
        for key in spec.shortcuts
        if key in window_keys
    }
    assert taken == set()


def test_tabs_come_from_the_feature_table(staffed_desk, make_window):
    window = make_window(staffed_desk)
    assert window.tabs.count() == len(FEATURES)
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    assert names == [f"tab_{feature.name}" for feature in FEATURES]
    assert window.tabs.tabText(0) == "接待登记"


def override(action_id: str, keys: str) -> None:
    settings: QSettings = preferences.open_settings()
    settings.setValue(f"shortcuts/{action_id}", [keys])
    settings.sync()


def test_a_page_shortcut_follows_the_users_override(staffed_desk, hub, qtbot):
    override("repairs.dispatch", "Ctrl+Alt+D")
    page = RepairsPage(staffed_desk, hub)
    qtbot.addWidget(page)
    assert page.named_actions["dispatch"].shortcut() == QKeySequence("Ctrl+Alt+D")
    assert page.named_actions["complete"].shortcut() == QKeySequence("Ctrl+E")  # untouched
    assert "Ctrl+Alt+D" in page.named_actions["dispatch"].toolTip()


def test_a_features_menu_key_follows_the_users_override(staffed_desk, make_window):
    override("service.take_payment", "F11")
    window = make_window(staffed_desk)
    assert window.named_actions["service.take_payment"].shortcut() == QKeySequence("F11")
    window.named_actions["service.take_payment"].trigger()
    assert window.tabs.currentWidget() is window.feature_page("ledger")


def test_no_widget_sets_a_shortcut_of_its_own():
    offenders = []
    for path in UI.rglob("*.py"):
        if path.name == "actions.py" and path.parent == UI:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("setShortcut", "setShortcuts")
            ):
                offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert offenders == []
