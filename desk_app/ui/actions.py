"""The action registry: every menu item and keyboard shortcut of the program is
declared here, once (after Frescobaldi's ``actioncollection``).

An ``ActionSpec`` names the action (``id``), its text (English source, translated
in the context ``Actions``), the menu it sits in, its default shortcuts, the name
of the method of the target widget that handles it, and the least role that may
use it. ``ActionCollection`` turns the specs into ``QAction`` objects for one
widget. A user may override a shortcut in the preferences under
``shortcuts/<id>`` (a list of key sequences, empty to remove it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

CONTEXT = "Actions"


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


MAIN_MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("shift", QT_TRANSLATE_NOOP("Actions", "&Shift")),
    MenuSpec("service", QT_TRANSLATE_NOOP("Actions", "Des&k work")),
    MenuSpec("data", QT_TRANSLATE_NOOP("Actions", "&Data")),
    MenuSpec("settings", QT_TRANSLATE_NOOP("Actions", "Se&ttings")),
    MenuSpec("language", QT_TRANSLATE_NOOP("Actions", "&Language")),
    MenuSpec("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

TAB_COUNT = 6

MAIN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "shift.handover",
        QT_TRANSLATE_NOOP("Actions", "&Hand over shift…"),
        "handover",
        "shift",
        ("Ctrl+Shift+H",),
    ),
    ActionSpec(
        "shift.close_day", QT_TRANSLATE_NOOP("Actions", "&Close the day…"), "close_day", "shift"
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
        "service.new_entry",
        QT_TRANSLATE_NOOP("Actions", "&New reception entry"),
        "reception_new_entry",
        "service",
        shortcuts=("F2",),
    ),
    ActionSpec(
        "service.new_order",
        QT_TRANSLATE_NOOP("Actions", "New &repair order…"),
        "repairs_new_order",
        "service",
        shortcuts=("Ctrl+Shift+N",),
    ),
    ActionSpec(
        "service.callbacks",
        QT_TRANSLATE_NOOP("Actions", "&Callback queue…"),
        "open_callback_queue",
        "service",
        shortcuts=("F4",),
    ),
    ActionSpec(
        "service.dispatch_sheet",
        QT_TRANSLATE_NOOP("Actions", "Print today's dispatch &sheet…"),
        "repairs_print_dispatch_sheet",
        "service",
        separator_before=True,
    ),
    ActionSpec(
        "service.take_payment",
        QT_TRANSLATE_NOOP("Actions", "Take &payment"),
        "ledger_take_payment",
        "service",
        shortcuts=("F7",),
        separator_before=True,
    ),
    ActionSpec(
        "service.receipts",
        QT_TRANSLATE_NOOP("Actions", "R&eceipts"),
        "ledger_receipts",
        "service",
        shortcuts=("Shift+F7",),
    ),
    ActionSpec(
        "service.billing",
        QT_TRANSLATE_NOOP("Actions", "&Billing and meter readings"),
        "ledger_billing",
        "service",
    ),
    ActionSpec(
        "service.arrears",
        QT_TRANSLATE_NOOP("Actions", "&Arrears and chasing"),
        "ledger_arrears",
        "service",
    ),
    ActionSpec(
        "service.cash",
        QT_TRANSLATE_NOOP("Actions", "Cash drawer and &month-end close"),
        "ledger_cash",
        "service",
    ),
    ActionSpec(
        "service.due_panel",
        QT_TRANSLATE_NOOP("Actions", "&Due now panel"),
        "toggle_due_panel",
        "service",
        shortcuts=("F9",),
        checkable=True,
        separator_before=True,
    ),
    ActionSpec("data.backup", QT_TRANSLATE_NOOP("Actions", "&Back up now"), "backup_now", "data"),
    ActionSpec(
        "data.check", QT_TRANSLATE_NOOP("Actions", "&Integrity check"), "check_database", "data"
    ),
    ActionSpec(
        "data.recent_shifts",
        QT_TRANSLATE_NOOP("Actions", "&Recent shifts…"),
        "recent_shifts",
        "data",
        separator_before=True,
    ),
    ActionSpec(
        "directory.create_units",
        QT_TRANSLATE_NOOP("Actions", "Create &units…"),
        "directory_create_units",
        "data",
        separator_before=True,
    ),
    ActionSpec(
        "directory.public_place",
        QT_TRANSLATE_NOOP("Actions", "New public &place…"),
        "directory_new_public_place",
        "data",
    ),
    ActionSpec(
        "directory.loans",
        QT_TRANSLATE_NOOP("Actions", "Archives on l&oan…"),
        "directory_open_loans",
        "data",
    ),
    ActionSpec(
        "directory.import_roster",
        QT_TRANSLATE_NOOP("Actions", "I&mport owner roster…"),
        "directory_import_roster",
        "data",
        separator_before=True,
    ),
    ActionSpec(
        "directory.roster_template",
        QT_TRANSLATE_NOOP("Actions", "Save roster &template…"),
        "directory_save_roster_template",
        "data",
    ),
    ActionSpec(
        "directory.export_roster",
        QT_TRANSLATE_NOOP("Actions", "E&xport owner roster…"),
        "directory_export_roster",
        "data",
    ),
    ActionSpec(
        "settings.estate",
        QT_TRANSLATE_NOOP("Actions", "&Estate settings…"),
        "estate_settings",
        "settings",
        min_role="supervisor",
    ),
    ActionSpec(
        "settings.repair_setup",
        QT_TRANSLATE_NOOP("Actions", "&Technicians and price list…"),
        "repair_setup",
        "settings",
        min_role="supervisor",
    ),
    ActionSpec(
        "settings.fee_setup",
        QT_TRANSLATE_NOOP("Actions", "&Fee items, rates and receipt books…"),
        "fee_setup",
        "settings",
        min_role="supervisor",
    ),
    ActionSpec(
        "settings.operators",
        QT_TRANSLATE_NOOP("Actions", "&Operators…"),
        "manage_operators",
        "settings",
        min_role="manager",
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
        for n in range(1, TAB_COUNT + 1)
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


class ActionCollection(QObject):
    """The ``QAction`` objects of one widget, built from specs and wired to its methods."""

    def __init__(
        self, target: QWidget, specs: Iterable[ActionSpec], settings: QSettings | None = None
    ) -> None:
        super().__init__(target)
        self.target = target
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}
        self.groups: dict[str, QActionGroup] = {}
        for spec in specs:
            self._add(spec, settings)

    def _add(self, spec: ActionSpec, settings: QSettings | None) -> None:
        text = QCoreApplication.translate(CONTEXT, spec.text) if spec.translate else spec.text
        action = QAction(text, self.target)
        action.setObjectName(f"action_{spec.id.replace('.', '_')}")
        action.setShortcuts(_shortcuts(spec, settings))
        action.setCheckable(spec.checkable)
        if spec.group:
            group = self.groups.get(spec.group)
            if group is None:
                group = self.groups[spec.group] = QActionGroup(self.target)
                group.setExclusive(True)
            group.addAction(action)
        handler = getattr(self.target, spec.handler)
        args = spec.args
        action.triggered.connect(lambda _checked=False, h=handler, a=args: h(*a))
        # Shortcuts of actions outside the menus work only if the widget holds them.
        self.target.addAction(action)
        self.specs[spec.id] = spec
        self.actions[spec.id] = action

    def action(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def build_menus(self, menubar: QMenuBar, menus: Iterable[MenuSpec]) -> None:
        for menu_spec in menus:
            menu = menubar.addMenu(QCoreApplication.translate(CONTEXT, menu_spec.text))
            menu.setObjectName(f"menu_{menu_spec.id}")
            for spec in self.specs.values():
                if spec.menu != menu_spec.id:
                    continue
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(self.actions[spec.id])

    def update_for_role(self, operator: object | None) -> None:
        """Enable each action whose least role the operator on duty has."""
        for action_id, spec in self.specs.items():
            if spec.min_role is None:
                continue
            allowed = operator is not None and operator.at_least(spec.min_role)  # type: ignore[attr-defined]
            self.actions[action_id].setEnabled(bool(allowed))
