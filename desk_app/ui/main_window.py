"""The main window: six tabs (one per module), the global search, the status bar
with who is on duty, and the menus built from the action registry."""

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
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk, maintenance
from desk_app.services.desk import settings as settings_service
from desk_app.services.shifts.handover import HandoverResult
from desk_app.ui import messages, preferences
from desk_app.ui.actions import MAIN_ACTIONS, MAIN_MENUS, ActionCollection
from desk_app.ui.background import BackgroundTask
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import moment_text, role_text
from desk_app.ui.operations import perform
from desk_app.ui.placeholder_page import PlaceholderPage
from desk_app.ui.widgets.search_popup import GlobalSearch
from desk_app.ui.widgets.search_results import SearchTarget

if TYPE_CHECKING:
    from desk_app.ui.directory.page import DirectoryPage
    from desk_app.ui.due_panel import DuePanel
    from desk_app.ui.ledger.page import LedgerPage
    from desk_app.ui.reception.page import ReceptionPage
    from desk_app.ui.repairs.page import RepairsPage

# Dialogs and the PDF preview (QtPdf) are imported where they open, which keeps
# start-up close to that of a bare window.

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
STATUS_MESSAGE_MS = 15_000


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
        for object_name, title, heading, description in self._pages():
            self.tabs.addTab(PlaceholderPage(object_name, heading, description, self.tabs), title)
        self.setCentralWidget(self.tabs)
        # The 业主档案 page is built when first shown (or asked for), not at start-up.
        self._directory_page: DirectoryPage | None = None
        self._reception_page: ReceptionPage | None = None
        self._repairs_page: RepairsPage | None = None
        self._ledger_page: LedgerPage | None = None
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
        self.actions = ActionCollection(self, MAIN_ACTIONS, settings)
        self.actions.build_menus(self.menuBar(), MAIN_MENUS)
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
        if remember_layout:
            geometry = settings.value(GEOMETRY_KEY)
            if geometry is not None:
                self.restoreGeometry(geometry)
            state = settings.value(STATE_KEY)
            if state is not None:
                self.restoreState(state)
        self.due_dock.visibilityChanged.connect(self._due_dock_visibility)
        self.actions["service.due_panel"].setChecked(not self.due_dock.isHidden())
        self.refresh()
        # The reception tab and the due panel are filled once the window is on screen, so
        # that the first paint does not wait for them.
        QTimer.singleShot(0, self._build_first_pages)

    # ---- building -------------------------------------------------------

    def _pages(self) -> list[tuple[str, str, str, str]]:
        return [
            (
                "tab_reception",
                self.tr("Reception"),
                self.tr("Reception log"),
                self.tr(
                    "Calls, visits and letters from residents will be logged here, "
                    "with complaints and callbacks."
                ),
            ),
            (
                "tab_repairs",
                self.tr("Repairs"),
                self.tr("Repair orders"),
                self.tr("Repair orders will be written, dispatched and followed up here."),
            ),
            (
                "tab_ledger",
                self.tr("Fee ledger"),
                self.tr("Fee ledger"),
                self.tr("Charges, payments, numbered receipts and arrears will be kept here."),
            ),
            (
                "tab_movein",
                self.tr("Move-in"),
                self.tr("Move-in and unit handover"),
                self.tr("Move-ins, unit inspections and meter readings will be recorded here."),
            ),
            (
                "tab_keys",
                self.tr("Keys"),
                self.tr("Key management"),
                self.tr("Keys held at the desk, loans and returns will be registered here."),
            ),
            (
                "tab_directory",
                self.tr("Owner archive"),
                self.tr("Owner archive"),
                self.tr("The one-household-one-file owner archive will be kept here."),
            ),
        ]

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
        action = self.actions.actions.get(f"language.{language}")
        if action is not None:
            action.setChecked(True)

    @property
    def directory_page(self) -> DirectoryPage:
        if self._directory_page is None:
            from desk_app.ui.directory.page import DirectoryPage

            placeholder = self.page("tab_directory")
            was_current = placeholder is not None and self.tabs.currentWidget() is placeholder
            self._directory_page = page = DirectoryPage(self.desk, self.hub)
            history = page.unit_page.history_tab
            history.open_entry_requested.connect(self.open_reception_entry)
            history.open_order_requested.connect(self.open_repair_order)
            self.tabs.blockSignals(True)
            try:
                self.replace_page("tab_directory", page)
            finally:
                self.tabs.blockSignals(False)
            if was_current:
                self.tabs.setCurrentWidget(page)
        return self._directory_page

    def _swap_in(self, object_name: str, page: QWidget) -> None:
        placeholder = self.page(object_name)
        was_current = placeholder is not None and self.tabs.currentWidget() is placeholder
        self.tabs.blockSignals(True)
        try:
            self.replace_page(object_name, page)
        finally:
            self.tabs.blockSignals(False)
        if was_current:
            self.tabs.setCurrentWidget(page)

    @property
    def reception_page(self) -> ReceptionPage:
        if self._reception_page is None:
            from desk_app.ui.reception.page import ReceptionPage

            self._reception_page = page = ReceptionPage(self.desk, self.hub)
            page.open_order_requested.connect(self.open_repair_order)
            page.open_unit_requested.connect(self.open_unit)
            page.callback_requested.connect(self.open_callback)
            self._swap_in("tab_reception", page)
        return self._reception_page

    @property
    def repairs_page(self) -> RepairsPage:
        if self._repairs_page is None:
            from desk_app.ui.repairs.page import RepairsPage

            self._repairs_page = page = RepairsPage(self.desk, self.hub)
            page.open_unit_requested.connect(self.open_unit)
            page.open_entry_requested.connect(self.open_reception_entry)
            self._swap_in("tab_repairs", page)
        return self._repairs_page

    @property
    def ledger_page(self) -> LedgerPage:
        if self._ledger_page is None:
            from desk_app.ui.ledger.page import LedgerPage

            self._ledger_page = page = LedgerPage(self.desk, self.hub)
            self._swap_in("tab_ledger", page)
        return self._ledger_page

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
        if widget is None:
            return
        builders = {
            "tab_reception": lambda: self.reception_page,
            "tab_repairs": lambda: self.repairs_page,
            "tab_ledger": lambda: self.ledger_page,
            "tab_directory": lambda: self.directory_page,
        }
        build = builders.get(widget.objectName())
        if build is not None and isinstance(widget, PlaceholderPage):
            build()

    def page(self, object_name: str) -> QWidget | None:
        return self.tabs.findChild(QWidget, object_name)

    def replace_page(self, object_name: str, widget: QWidget) -> None:
        """Put a module's real page in place of its placeholder (same tab, same title)."""
        old = self.page(object_name)
        index = self.tabs.indexOf(old) if old is not None else -1
        if index < 0:
            raise KeyError(object_name)
        title = self.tabs.tabText(index)
        widget.setObjectName(object_name)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        old.deleteLater()

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
                    shift=shift.name, time=moment_text(shift.opened_at)
                )
            )
        self.status_db.setText(str(self.desk.path))
        self.status_db.setToolTip(self.tr("Database file"))
        self.actions.update_for_role(operator)
        on_duty = operator is not None and shift is not None
        for action_id in ("shift.handover", "shift.close_day", "shift.change_password"):
            self.actions[action_id].setEnabled(on_duty)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def run_dialog(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            settings = preferences.open_settings()
            settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            settings.setValue(STATE_KEY, self.saveState())
            settings.sync()
        super().closeEvent(event)
        self.closed.emit()

    # ---- handlers named in the action registry ---------------------------

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

    def open_search_target(self, target: SearchTarget) -> None:
        if target.kind == "place" and target.place_id is not None:
            self._show_directory()
            self.directory_page.show_place(target.place_id)
        elif target.unit_id is not None:
            self.open_unit(target.unit_id)

    def open_unit(self, unit_id: int) -> None:
        """Show a unit's page in the owner archive tab."""
        self._show_directory()
        if self.directory_page.show_unit(unit_id):
            self.directory_page.unit_page.tabs.setCurrentIndex(0)

    def _show_directory(self) -> None:
        self.tabs.setCurrentWidget(self.directory_page)

    def open_reception_entry(self, entry_id: int) -> None:
        self.tabs.setCurrentWidget(self.reception_page)
        self.reception_page.show_entry(entry_id)

    def open_repair_order(self, order_id: int) -> None:
        self.tabs.setCurrentWidget(self.repairs_page)
        self.repairs_page.show_order(order_id)

    def open_due_item(self, subject: str, subject_id: int) -> None:
        """Open what a line of the due-now panel is about; callbacks open their dialog."""
        if subject == "repair_orders":
            self.open_repair_order(subject_id)
        elif subject == "reception_entries":
            self.open_reception_entry(subject_id)
        elif subject == "callbacks":
            self.open_callback(subject_id)

    def open_callback(self, callback_id: int) -> None:
        """The callback dialog (回访) for a complaint's or a repair's callback."""
        from desk_app.ui.repairs.callback_dialog import run_callback_dialog

        run_callback_dialog(self.desk, self.hub, callback_id, self)

    def reception_new_entry(self) -> None:
        self.tabs.setCurrentWidget(self.reception_page)
        self.reception_page.focus_entry()

    def repairs_new_order(self) -> None:
        self.tabs.setCurrentWidget(self.repairs_page)
        self.repairs_page.new_order()

    def open_ledger(self, name: str) -> QWidget:
        """Show a sub-page of the 收费台账 tab (payment, receipts, billing, arrears, cash)."""
        self.tabs.setCurrentWidget(self.ledger_page)
        return self.ledger_page.show_sub_page(name)

    def ledger_take_payment(self, unit_id: int | None = None) -> None:
        page = self.open_ledger("payment")
        if unit_id is not None and page.show_unit(unit_id):  # type: ignore[attr-defined]
            return
        page.focus_search()  # type: ignore[attr-defined]

    def ledger_receipts(self) -> None:
        self.open_ledger("receipts")

    def ledger_billing(self) -> None:
        self.open_ledger("billing")

    def ledger_arrears(self) -> None:
        self.open_ledger("arrears")

    def ledger_cash(self) -> None:
        self.open_ledger("cash")

    def fee_setup(self) -> None:
        from desk_app.ui.ledger.fee_setup_dialog import FeeSetupDialog

        self.run_dialog(FeeSetupDialog(self.desk, self.hub, self))

    def repairs_print_dispatch_sheet(self) -> None:
        self.repairs_page.print_dispatch_sheet()

    def open_callback_queue(self) -> None:
        from desk_app.ui.repairs.callback_queue import CallbackQueue

        dialog = QDialog(self)
        dialog.setObjectName("callback_queue_dialog")
        dialog.setWindowTitle(self.tr("Callback queue"))
        queue = CallbackQueue(self.desk, self.hub, dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(queue)
        dialog.resize(900, 480)
        self.run_dialog(dialog)

    def toggle_due_panel(self) -> None:
        visible = self.actions["service.due_panel"].isChecked()
        if visible:
            self.due_panel  # noqa: B018 - built on first show
        self.due_dock.setVisible(visible)

    def _due_dock_visibility(self, visible: bool) -> None:
        self.actions["service.due_panel"].setChecked(visible)
        if visible:
            self.due_panel  # noqa: B018

    def repair_setup(self) -> None:
        from desk_app.ui.repairs.setup_dialog import RepairSetupDialog

        self.run_dialog(RepairSetupDialog(self.desk, self.hub, self))

    def directory_create_units(self) -> None:
        self._show_directory()
        self.directory_page.create_units()

    def directory_new_public_place(self) -> None:
        self._show_directory()
        self.directory_page.new_public_place()

    def directory_open_loans(self) -> None:
        self.directory_page.open_loans()

    def directory_import_roster(self) -> None:
        self._show_directory()
        self.directory_page.import_roster()

    def directory_save_roster_template(self) -> None:
        self.directory_page.save_roster_template()

    def directory_export_roster(self) -> None:
        self.directory_page.export_roster()

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
        path = done.value
        self.show_status(self.tr("Backup saved and verified: {path}").format(path=path))

    def check_database(self) -> None:
        if self._background is not None and self._background.running:
            return
        path = self.desk.path
        action = self.actions["data.check"]
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
        self.actions[f"language.{language}"].setChecked(True)
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
                "<p>Printed forms use the font AR PL SungtiL GB (文鼎ＰＬ简报宋), "
                "© Arphic Technology, under the Arphic Public License; the licence is shipped "
                "in resources/fonts/LICENSE-gbsn00lp.</p>"
                "<p>Built with Qt {qt} (LGPL v3) through PySide6.</p>"
            ).format(version=__version__, path=self.desk.path, qt=_qt_version()),
            self.tr("About"),
        )


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()
