"""The main window: one tab per feature (``ui.features``), the global search, the due-now
dock, the status bar with who is on duty, and the menus and shortcuts of the action
registry. Feature pages are built when first shown; the window is where one feature's
page asks for another's (open a unit, an order, an entry, a callback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desk_app import __version__
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk, maintenance
from desk_app.services.desk import settings as settings_service
from desk_app.services.shifts.handover import HandoverResult
from desk_app.ui import messages, preferences
from desk_app.ui.actions import MAIN_MENUS, ActionCollection, ActionSpec, window_actions
from desk_app.ui.background import BackgroundTask
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.features import FEATURES, feature
from desk_app.ui.labels import moment_text, role_text, vocabulary_text
from desk_app.ui.operations import perform
from desk_app.ui.placeholder_page import PlaceholderPage
from desk_app.ui.widgets.search_popup import GlobalSearch
from desk_app.ui.widgets.search_results import SearchTarget

if TYPE_CHECKING:
    from desk_app.ui.due_panel import DuePanel

# Dialogs and the PDF preview (QtPdf) are imported where they open, which keeps
# start-up close to that of a bare window.

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
STATUS_MESSAGE_MS = 15_000

# A page asks for another feature's page through these signals (when it has them).
NAVIGATION = {
    "open_unit_requested": "open_unit",
    "open_entry_requested": "open_reception_entry",
    "open_order_requested": "open_repair_order",
    "callback_requested": "open_callback",
    "lend_key_requested": "lend_key_for_order",
}


class MainWindow(QMainWindow):
    search_requested = Signal(str)
    """The clerk asked to find a unit, name, phone or plate (Enter in the search box);
    the global search opens the highlighted or first hit."""

    relogin_requested = Signal()
    """The operator was logged out (day closed); the session shows the login again."""

    closed = Signal()

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        parent: QWidget | None = None,
        *,
        remember_layout: bool = True,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.remember_layout = remember_layout
        self.hub = hub
        self.setObjectName("main_window")
        self._background: BackgroundTask | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        for declared in FEATURES:
            translate = QCoreApplication.translate
            placeholder = PlaceholderPage(
                declared.object_name,
                translate("MainWindow", declared.heading),
                translate("MainWindow", declared.description),
                self.tabs,
            )
            self.tabs.addTab(placeholder, translate("MainWindow", declared.title))
        self.setCentralWidget(self.tabs)
        self._pages: dict[str, QWidget] = {}  # feature name → its page, once built
        self._due_panel: DuePanel | None = None
        self.due_dock = QDockWidget(self.tr("Due now"), self)
        self.due_dock.setObjectName("due_dock")
        self.due_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.due_dock.setWidget(QWidget(self.due_dock))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.due_dock)
        self.tabs.currentChanged.connect(self._build_page_on_demand)

        settings = preferences.open_settings()
        specs = [*window_actions(len(FEATURES)), *(a for f in FEATURES for a in f.actions)]
        self.named_actions = ActionCollection(self, specs, settings, handle=self.feature_action)
        self.named_actions.build_menus(self.menuBar(), MAIN_MENUS)
        self._check_language_action(settings)

        self.toolbar = QToolBar(self.tr("Search"), self)
        self.toolbar.setObjectName("search_toolbar")
        self.toolbar.setMovable(False)
        self.search_edit = QLineEdit(self.toolbar)
        self.search_edit.setObjectName("global_search")
        self.search_edit.setPlaceholderText(self.tr("Unit / name / phone / plate"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.setMaximumWidth(480)
        self.search_edit.setToolTip(self.tr("Find a unit, owner, phone number or plate (Ctrl+F)"))
        self.search_edit.returnPressed.connect(self._emit_search)
        self.toolbar.addWidget(QLabel(self.tr("Search:") + " ", self.toolbar))
        self.toolbar.addWidget(self.search_edit)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        # Hits as the clerk types; Enter (search_requested) opens the chosen one.
        self.global_search = GlobalSearch(desk, self.search_edit, self)
        self.search_requested.connect(self.global_search.activate)
        self.global_search.opened.connect(self.open_search_target)

        self.status_operator = self._status_label("status_operator")
        self.status_role = self._status_label("status_role")
        self.status_shift = self._status_label("status_shift")
        self.status_db = self._status_label("status_db")
        self.status_db.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        hub.changed.connect(self._hub_changed)

        self.resize(1280, 800)
        self.first_start = False  # no layout remembered yet: the window opens maximised
        if remember_layout:
            geometry = settings.value(GEOMETRY_KEY)
            self.first_start = geometry is None
            if geometry is not None:
                self.restoreGeometry(geometry)
            state = settings.value(STATE_KEY)
            if state is not None:
                self.restoreState(state)
        self.due_dock.visibilityChanged.connect(self._due_dock_visibility)
        self.named_actions["service.due_panel"].setChecked(not self.due_dock.isHidden())
        self.refresh()
        # The first tab and the due panel are filled once the window is on screen, so
        # that the first paint does not wait for them.
        QTimer.singleShot(0, self._build_first_pages)

    # ---- building -------------------------------------------------------

    def _status_label(self, object_name: str) -> QLabel:
        label = QLabel(self.statusBar())
        label.setObjectName(object_name)
        label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(label)
        return label

    def _check_language_action(self, settings: object) -> None:
        language = preferences.stored_language(settings)  # type: ignore[arg-type]
        if language is None:
            language = getattr(
                QCoreApplication.instance(), "language", preferences.DEFAULT_LANGUAGE
            )
        if f"language.{language}" in self.named_actions:
            self.named_actions[f"language.{language}"].setChecked(True)

    def feature_page(self, name: str) -> QWidget:
        """The page of a feature, built (in place of its placeholder) the first time."""
        page = self._pages.get(name)
        if page is not None:
            return page
        declared = feature(name)
        if declared.page is None:
            raise KeyError(f"the {name} tab has no page yet")
        page = declared.page()(self.desk, self.hub)
        for signal_name, handler in NAVIGATION.items():
            signal = getattr(page, signal_name, None)
            if signal is not None:
                signal.connect(getattr(self, handler))
        self._pages[name] = page
        placeholder = self.page(declared.object_name)
        was_current = placeholder is not None and self.tabs.currentWidget() is placeholder
        self.tabs.blockSignals(True)
        try:
            self.replace_page(declared.object_name, page)
        finally:
            self.tabs.blockSignals(False)
        if was_current:
            self.tabs.setCurrentWidget(page)
        return page

    def show_feature(self, name: str) -> QWidget:
        """The feature's page, on screen."""
        page = self.feature_page(name)
        self.tabs.setCurrentWidget(page)
        return page

    @property
    def due_panel(self) -> DuePanel:
        if self._due_panel is None:
            from desk_app.ui.due_panel import DuePanel

            self._due_panel = panel = DuePanel(self.desk, self.hub, self.due_dock)
            panel.open_requested.connect(self.open_due_item)
            old = self.due_dock.widget()
            self.due_dock.setWidget(panel)
            old.deleteLater()
        return self._due_panel

    def _build_first_pages(self) -> None:
        self._build_page_on_demand(self.tabs.currentIndex())
        if not self.due_dock.isHidden():
            self.due_panel  # noqa: B018 - building it is the point

    def _build_page_on_demand(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if not isinstance(widget, PlaceholderPage):
            return
        declared = next(f for f in FEATURES if f.object_name == widget.objectName())
        if declared.page is not None:
            self.feature_page(declared.name)

    def page(self, object_name: str) -> QWidget | None:
        return self.tabs.findChild(QWidget, object_name)

    def replace_page(self, object_name: str, widget: QWidget) -> None:
        """Put a feature's real page in place of its placeholder (same tab, same title)."""
        old = self.page(object_name)
        index = self.tabs.indexOf(old) if old is not None else -1
        if index < 0 or old is None:
            raise KeyError(object_name)
        title = self.tabs.tabText(index)
        widget.setObjectName(object_name)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        old.deleteLater()

    def feature_action(self, spec: ActionSpec) -> None:
        """A feature's menu entry or key: its page (shown unless the action opens a dialog
        of its own) does it."""
        assert spec.feature is not None
        page = self.show_feature(spec.feature) if spec.show_tab else self.feature_page(spec.feature)
        getattr(page, spec.handler)(*spec.args)

    # ---- state ----------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("shifts", "operators", "settings"):
            self.refresh()

    def refresh(self, *_args: object) -> None:
        """Show who is on duty and enable what their role allows."""
        operator, shift = self.desk.operator, self.desk.shift
        values = settings_service.get_all(self.desk)
        self.setWindowTitle(self.tr("{estate} · Service desk").format(estate=values["estate.name"]))
        if operator is None:
            self.status_operator.setText(self.tr("Not logged in"))
            self.status_role.setText("")
        else:
            self.status_operator.setText(operator.display_name)
            self.status_role.setText(role_text(operator.role))
        if shift is None:
            self.status_shift.setText(self.tr("No shift"))
        else:
            self.status_shift.setText(
                self.tr("{shift} since {time}").format(
                    shift=vocabulary_text(shift.name), time=moment_text(shift.opened_at)
                )
            )
        self.status_db.setText(str(self.desk.path))
        self.status_db.setToolTip(self.tr("Database file"))
        self.named_actions.update_for_role(operator)
        on_duty = operator is not None and shift is not None
        for action_id in ("shift.handover", "shift.close_day", "shift.change_password"):
            self.named_actions[action_id].setEnabled(on_duty)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def run_dialog(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def present(self) -> None:
        """Show the window: maximised the first time, else as the clerk last left it."""
        if self.first_start:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            settings = preferences.open_settings()
            settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            settings.setValue(STATE_KEY, self.saveState())
            settings.sync()
        super().closeEvent(event)
        self.closed.emit()

    # ---- one feature's page asking for another's ------------------------------

    def open_search_target(self, target: SearchTarget) -> None:
        if target.kind == "place" and target.place_id is not None:
            self.show_feature("directory").show_place(target.place_id)  # type: ignore[attr-defined]
        elif target.unit_id is not None:
            self.open_unit(target.unit_id)

    def open_unit(self, unit_id: int) -> None:
        """Show a unit's page in the owner archive tab."""
        page = self.show_feature("directory")
        if page.show_unit(unit_id):  # type: ignore[attr-defined]
            page.unit_page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]

    def open_reception_entry(self, entry_id: int) -> None:
        self.show_feature("reception").show_entry(entry_id)  # type: ignore[attr-defined]

    def open_repair_order(self, order_id: int) -> None:
        self.show_feature("repairs").show_order(order_id)  # type: ignore[attr-defined]

    def open_callback(self, callback_id: int) -> None:
        """The callback dialog (回访) for a complaint's or a repair's callback."""
        from desk_app.ui.repairs.callback_dialog import run_callback_dialog

        run_callback_dialog(self.desk, self.hub, callback_id, self)

    def open_due_item(self, subject: str, subject_id: int) -> None:
        """Open what a line of the due-now panel is about; callbacks open their dialog."""
        if subject == "repair_orders":
            self.open_repair_order(subject_id)
        elif subject == "reception_entries":
            self.open_reception_entry(subject_id)
        elif subject == "callbacks":
            self.open_callback(subject_id)
        elif subject == "key_sets":
            self.open_key_set(subject_id)

    def open_key_set(self, set_id: int) -> None:
        """The keys tab with the set and its history shown."""
        self.show_feature("keys").show_set(set_id)  # type: ignore[attr-defined]

    def lend_key_for_order(self, order_id: int) -> None:
        """借钥匙 from a repair order: the keys tab's loan form with the order filled."""
        self.show_feature("keys").lend_for_order(order_id)  # type: ignore[attr-defined]

    # ---- handlers named in the window's own actions ----------------------------

    def show_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self.tabs.currentWidget().setFocus()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _emit_search(self) -> None:
        text = self.search_edit.text().strip()
        if text:
            self.search_requested.emit(text)

    def toggle_due_panel(self) -> None:
        visible = self.named_actions["service.due_panel"].isChecked()
        if visible:
            self.due_panel  # noqa: B018 - built on first show
        self.due_dock.setVisible(visible)

    def _due_dock_visibility(self, visible: bool) -> None:
        self.named_actions["service.due_panel"].setChecked(visible)
        if visible:
            self.due_panel  # noqa: B018

    def handover(self) -> None:
        from desk_app.ui.shifts.handover import HandoverDialog

        dialog = HandoverDialog(self.desk, self.hub, self)
        result: HandoverResult | None = None
        if self.run_dialog(dialog):
            result = dialog.handover_result
        if result is not None:
            self._after_shift_closed(result)

    def close_day(self) -> None:
        from desk_app.ui.shifts.close_day import CloseDayDialog

        dialog = CloseDayDialog(self.desk, self.hub, self)
        result: HandoverResult | None = None
        if self.run_dialog(dialog):
            result = dialog.close_result
        if result is not None:
            self._after_shift_closed(result)
            self.relogin_requested.emit()

    def _after_shift_closed(self, result: HandoverResult) -> None:
        if result.backup_path is not None:
            self.show_status(
                self.tr("Shift closed. Backup saved: {path}").format(path=result.backup_path)
            )
        else:
            messages.warning(
                self,
                self.tr(
                    "The shift was closed and its report archived, but the backup failed: {error}\n"
                    "Use Data ▸ Back up now, or tell the administrator."
                ).format(error=result.backup_error or ""),
            )
        from desk_app.ui.widgets import pdf_preview  # QtPdf loads on first preview

        pdf_preview.show_pdf(result.pdf, self.tr("Handover report"), self)

    def change_password(self) -> None:
        from desk_app.ui.shifts.change_password import ChangePasswordDialog

        if self.run_dialog(ChangePasswordDialog(self.desk, self.hub, self)):
            self.show_status(self.tr("Your password was changed."))

    def quit_program(self) -> None:
        self.close()

    def backup_now(self) -> None:
        done = perform(self, self.hub, lambda: maintenance.backup_now(self.desk, reason="manual"))
        if done is None:
            return
        self.show_status(self.tr("Backup saved and verified: {path}").format(path=done.value))

    def check_seal(self) -> None:
        """核对封存码: does the file still hold the history a printed seal was taken from?"""
        from PySide6.QtWidgets import QInputDialog

        current = maintenance.seal_of(self.desk) or "—"
        code, accepted = QInputDialog.getText(
            self,
            self.tr("Verify a seal"),
            self.tr(
                "Seal code from a handover report or a head-office workbook "
                "(e.g. A1B2-C3D4-E5F6 #12345).\nThis file's seal now: {seal}"
            ).format(seal=current),
        )
        if not accepted or not code.strip():
            return
        try:
            result = maintenance.check_seal(self.desk.path, code.strip())
        except DeskError as error:
            messages.desk_error(self, error)
            return
        if result.ok:
            messages.info(
                self,
                self.tr("The file still holds that history: {detail}").format(detail=result.detail),
            )
        else:
            messages.warning(
                self, self.tr("The seal does not match: {detail}").format(detail=result.detail)
            )

    def check_database(self) -> None:
        if self._background is not None and self._background.running:
            return
        path = self.desk.path
        action = self.named_actions["data.check"]
        action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Checking the database…"))
        task = BackgroundTask(lambda: maintenance.check_database(path), self)
        self._background = task

        def finished(results: object) -> None:
            action.setEnabled(True)
            self.statusBar().clearMessage()
            from desk_app.ui.desk.check_results import CheckResultsDialog

            dialog = CheckResultsDialog(results, str(path), self)  # type: ignore[arg-type]
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            task.deleteLater()

        def failed(error: object) -> None:
            action.setEnabled(True)
            self.statusBar().clearMessage()
            if isinstance(error, DeskError):
                messages.desk_error(self, error)
            else:
                messages.critical(
                    self, self.tr("The check could not run: {error}").format(error=error)
                )
            task.deleteLater()

        task.finished.connect(finished)
        task.failed.connect(failed)
        task.start()

    def recent_shifts(self) -> None:
        from desk_app.ui.shifts.recent_shifts import RecentShiftsDialog

        self.run_dialog(RecentShiftsDialog(self.desk, self))

    def estate_settings(self) -> None:
        from desk_app.ui.desk.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, self.hub, self)
        if self.run_dialog(dialog) and dialog.changed_keys:
            self.show_status(self.tr("Settings saved."))

    def manage_operators(self) -> None:
        from desk_app.ui.shifts.operators_dialog import OperatorsDialog

        dialog = OperatorsDialog(self.desk, self.hub, self)
        dialog.exec()
        dialog.deleteLater()

    def choose_language(self, language: str) -> None:
        preferences.store_language(language)
        self.named_actions[f"language.{language}"].setChecked(True)
        text = self.tr("The language will change the next time the program starts.")
        self.show_status(text)
        messages.info(self, text)

    def about(self) -> None:
        messages.about(
            self,
            self.tr(
                "<h3>Service desk {version}</h3>"
                "<p>The front desk of the property-management service centre: reception log, "
                "repair orders, fee ledger, move-ins, keys and the owner archive.</p>"
                "<p>Database: {path}</p>"
                "<p>Printed forms use subsets of the fonts BabelStone Han (© Arphic Technology "
                "and Christopher J. Fynn, Arphic Public License), AR PL SungtiL GB (© Arphic "
                "Technology, Arphic Public License) and HanaMinA (© GlyphWiki Project, Hanazono "
                "Font License); the licences are shipped in resources/fonts/LICENSE-*.</p>"
                "<p>Built with Qt {qt} (LGPL v3) through PySide6.</p>"
            ).format(version=__version__, path=self.desk.path, qt=_qt_version()),
            self.tr("About"),
        )


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()
