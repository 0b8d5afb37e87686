"""The action registry: every menu item and keyboard shortcut of the program is declared
as an ``ActionSpec``, once (after Frescobaldi's ``actioncollection``). The window's own
actions are here; each feature declares its menu entries and the shortcuts of its page in
its ``feature.py`` (``ui.features`` lists the features).

An ``ActionSpec`` names the action (``id``, unique in the program), its text (English
source, translated in ``context``), the menu it sits in, its default shortcuts, the name
of the method that handles it, and the least role that may use it. A window action of a
feature (``feature``) is handled by that feature's page, built and shown first unless
``show_tab`` is False. ``ActionCollection`` turns specs into ``QAction`` objects for a
widget; ``page_actions`` does so for a page, whose shortcuts work anywhere inside it. A user
may override any shortcut in the preferences under ``shortcuts/<id>`` (a list of key
sequences, empty to remove it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from desk_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.services.desk import Desk
    from desk_app.ui.events import EventHub

PageClass = Callable[["Desk", "EventHub"], QWidget]
"""A feature's page: built with the desk and the window's hub."""

CONTEXT = "Actions"
WINDOW_FIRST, FEATURES, WINDOW_LAST = 10, 50, 90
"""Where an action sits in its menu: the window's own first, the features', then last."""


@dataclass(frozen=True)
class MenuSpec:
    id: str
    text: str


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    handler: str
    menu: str | None = None
    shortcuts: tuple[str, ...] = ()
    args: tuple[object, ...] = ()
    min_role: str | None = None
    checkable: bool = False
    group: str | None = None
    separator_before: bool = False
    translate: bool = True
    context: str = CONTEXT
    feature: str | None = None
    show_tab: bool = True
    order: int = FEATURES

    @property
    def name(self) -> str:
        """The id without its prefix (``repairs.dispatch`` → ``dispatch``)."""
        return self.id.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Feature:
    """A tab of the main window and what it declares: its title (and the placeholder's
    text until it lands), its page, its menu entries and its page's shortcuts."""

    name: str
    title: str
    heading: str
    description: str
    page: Callable[[], PageClass] | None = None
    """The page's class, imported when the tab is first shown; None: a placeholder."""
    actions: tuple[ActionSpec, ...] = ()
    """Window actions (menus, function keys), handled by the page."""
    page_actions: tuple[ActionSpec, ...] = ()
    """The shortcuts that work inside the page (and its dialogs)."""

    @property
    def object_name(self) -> str:
        return f"tab_{self.name}"


MAIN_MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("shift", QT_TRANSLATE_NOOP("Actions", "&Shift")),
    MenuSpec("service", QT_TRANSLATE_NOOP("Actions", "Des&k work")),
    MenuSpec("data", QT_TRANSLATE_NOOP("Actions", "&Data")),
    MenuSpec("settings", QT_TRANSLATE_NOOP("Actions", "Se&ttings")),
    MenuSpec("language", QT_TRANSLATE_NOOP("Actions", "&Language")),
    MenuSpec("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)


def window_actions(tab_count: int) -> tuple[ActionSpec, ...]:
    """The main window's own actions (the features add theirs); Ctrl+1 … one per tab."""
    return (
        ActionSpec(
            "shift.handover",
            QT_TRANSLATE_NOOP("Actions", "&Hand over shift…"),
            "handover",
            "shift",
            ("Ctrl+Shift+H",),
        ),
        ActionSpec(
            "shift.close_day",
            QT_TRANSLATE_NOOP("Actions", "&Close the day…"),
            "close_day",
            "shift",
        ),
        ActionSpec(
            "shift.change_password",
            QT_TRANSLATE_NOOP("Actions", "Change &password…"),
            "change_password",
            "shift",
        ),
        ActionSpec(
            "shift.quit",
            QT_TRANSLATE_NOOP("Actions", "E&xit"),
            "quit_program",
            "shift",
            ("Ctrl+Q",),
            separator_before=True,
        ),
        ActionSpec(
            "service.due_panel",
            QT_TRANSLATE_NOOP("Actions", "&Due now panel"),
            "toggle_due_panel",
            "service",
            shortcuts=("F9",),
            checkable=True,
            separator_before=True,
            order=WINDOW_LAST,
        ),
        ActionSpec(
            "data.backup",
            QT_TRANSLATE_NOOP("Actions", "&Back up now"),
            "backup_now",
            "data",
            order=WINDOW_FIRST,
        ),
        ActionSpec(
            "data.check",
            QT_TRANSLATE_NOOP("Actions", "&Integrity check"),
            "check_database",
            "data",
            order=WINDOW_FIRST,
        ),
        ActionSpec(
            "data.check_seal",
            QT_TRANSLATE_NOOP("Actions", "&Verify a seal…"),
            "check_seal",
            "data",
            order=WINDOW_FIRST,
        ),
        ActionSpec(
            "data.recent_shifts",
            QT_TRANSLATE_NOOP("Actions", "&Recent shifts…"),
            "recent_shifts",
            "data",
            separator_before=True,
            order=WINDOW_FIRST,
        ),
        ActionSpec(
            "settings.estate",
            QT_TRANSLATE_NOOP("Actions", "&Estate settings…"),
            "estate_settings",
            "settings",
            min_role="supervisor",
            order=WINDOW_FIRST,
        ),
        ActionSpec(
            "settings.operators",
            QT_TRANSLATE_NOOP("Actions", "&Operators…"),
            "manage_operators",
            "settings",
            min_role="manager",
            order=WINDOW_LAST,
        ),
        # Language names are shown in their own language, untranslated.
        ActionSpec(
            "language.zh_CN",
            "中文",
            "choose_language",
            "language",
            args=("zh_CN",),
            checkable=True,
            group="language",
            translate=False,
        ),
        ActionSpec(
            "language.en",
            "English",
            "choose_language",
            "language",
            args=("en",),
            checkable=True,
            group="language",
            translate=False,
        ),
        ActionSpec("help.about", QT_TRANSLATE_NOOP("Actions", "&About"), "about", "help"),
        # Without a menu: keyboard only.
        ActionSpec(
            "search.focus",
            QT_TRANSLATE_NOOP("Actions", "Search"),
            "focus_search",
            shortcuts=("Ctrl+F", "F3"),
        ),
        *(
            ActionSpec(
                f"tab.{n}",
                QT_TRANSLATE_NOOP("Actions", "Go to tab"),
                "show_tab",
                shortcuts=(f"Ctrl+{n}",),
                args=(n - 1,),
            )
            for n in range(1, tab_count + 1)
        ),
    )


PREVIEW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "preview.print",
        QT_TRANSLATE_NOOP("Actions", "&Print…"),
        "print_document",
        shortcuts=("Ctrl+P",),
    ),
    ActionSpec(
        "preview.save",
        QT_TRANSLATE_NOOP("Actions", "&Save as PDF…"),
        "save_as",
        shortcuts=("Ctrl+S",),
    ),
)


def _shortcuts(spec: ActionSpec, settings: QSettings | None) -> list[QKeySequence]:
    sequences: Sequence[str] = spec.shortcuts
    if settings is not None and settings.contains(f"shortcuts/{spec.id}"):
        value = settings.value(f"shortcuts/{spec.id}")
        if value is None:
            sequences = ()
        elif isinstance(value, str):
            sequences = [value] if value else []
        else:
            sequences = [str(v) for v in value]
    return [QKeySequence(s) for s in sequences]


_MNEMONIC = re.compile(r"\(&\w\)")  # the translations' ``派工(&A)``


def tool_tip(action: QAction) -> str:
    """``Dispatch (Ctrl+D)``: the text without its mnemonic and dots, and the shortcut."""
    text = _MNEMONIC.sub("", action.text()).replace("&", "").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


class ActionCollection(QObject):
    """The ``QAction`` objects of one widget, built from specs and wired to its methods.

    ``handle`` receives the spec of an action that names a ``feature`` (the main window
    shows that feature's page and calls the handler there). With ``in_page``, a shortcut
    works anywhere inside the widget (or inside ``holder``, a part of it) and only there,
    and the tool tip shows it.
    """

    def __init__(
        self,
        target: QWidget,
        specs: Iterable[ActionSpec],
        settings: QSettings | None = None,
        *,
        handle: Callable[[ActionSpec], None] | None = None,
        in_page: bool = False,
        holder: QWidget | None = None,
    ) -> None:
        super().__init__(target)
        self.target = target
        self.holder = holder or target
        self.specs: dict[str, ActionSpec] = {}
        self.by_id: dict[str, QAction] = {}
        self.groups: dict[str, QActionGroup] = {}
        for spec in specs:
            self._add(spec, settings, handle, in_page)

    def _add(
        self,
        spec: ActionSpec,
        settings: QSettings | None,
        handle: Callable[[ActionSpec], None] | None,
        in_page: bool,
    ) -> None:
        text = QCoreApplication.translate(spec.context, spec.text) if spec.translate else spec.text
        action = QAction(text, self.holder)
        action.setObjectName(f"action_{spec.id.replace('.', '_')}")
        action.setShortcuts(_shortcuts(spec, settings))
        action.setCheckable(spec.checkable)
        if in_page:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(tool_tip(action))
        if spec.group:
            group = self.groups.get(spec.group)
            if group is None:
                group = self.groups[spec.group] = QActionGroup(self.target)
                group.setExclusive(True)
            group.addAction(action)
        if spec.feature is not None:
            if handle is None:
                raise ValueError(f"{spec.id}: a feature's action needs a handler of features")
            action.triggered.connect(lambda _checked=False, s=spec: handle(s))
        else:
            handler = getattr(self.target, spec.handler)
            args = spec.args
            action.triggered.connect(lambda _checked=False, h=handler, a=args: h(*a))
        # Shortcuts of actions outside the menus work only if the widget holds them.
        self.holder.addAction(action)
        self.specs[spec.id] = spec
        self.by_id[spec.id] = action

    def action(self, action_id: str) -> QAction:
        return self.by_id[action_id]

    def __getitem__(self, action_id: str) -> QAction:
        return self.by_id[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self.by_id

    def build_menus(self, menubar: QMenuBar, menus: Iterable[MenuSpec]) -> None:
        ordered = sorted(self.specs.values(), key=lambda spec: spec.order)  # stable
        for menu_spec in menus:
            menu = menubar.addMenu(QCoreApplication.translate(CONTEXT, menu_spec.text))
            menu.setObjectName(f"menu_{menu_spec.id}")
            for spec in ordered:
                if spec.menu != menu_spec.id:
                    continue
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(self.by_id[spec.id])

    def update_for_role(self, operator: object | None) -> None:
        """Enable each action whose least role the operator on duty has."""
        for action_id, spec in self.specs.items():
            if spec.min_role is None:
                continue
            allowed = operator is not None and operator.at_least(spec.min_role)  # type: ignore[attr-defined]
            self.by_id[action_id].setEnabled(bool(allowed))


def page_actions(
    page: QWidget,
    specs: Iterable[ActionSpec],
    *,
    holder: QWidget | None = None,
    settings: QSettings | None = None,
) -> dict[str, QAction]:
    """A page's (or a dialog's) own actions by short name (``dispatch``), from specs,
    handled by the page's methods; their shortcuts work inside the page (or ``holder``)
    and follow the user's overrides."""
    if settings is None:
        from desk_app.ui import preferences

        settings = preferences.open_settings()
    collection = ActionCollection(page, specs, settings, in_page=True, holder=holder)
    return {spec.name: collection[spec.id] for spec in collection.specs.values()}
