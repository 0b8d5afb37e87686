"""The 业主档案 tab: the estate (buildings → entrances, public places) on the left with
the units of the chosen building below it, and the chosen unit's page on the right.

Units are fetched per building a page at a time; a building's entrances when it is
first expanded. The page refreshes from the hub's events, whoever caused them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import vocabularies
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, roster_import
from desk_app.ui import messages
from desk_app.ui.directory.models import EstateTreeModel, PlacesModel, UnitListModel
from desk_app.ui.directory.unit_page import UnitPageWidget
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.columns import Sample, fit_columns
from desk_app.ui.widgets.controls import button, table_view
from desk_app.ui.widgets.unit_field import UnitLineEdit

# Columns of the unit list shown beside the tree (the code says entrance, floor, room).
HIDDEN_UNIT_COLUMNS = (UnitListModel.ENTRANCE, UnitListModel.FLOOR, UnitListModel.ROOM)
# What a wide cell of each column holds (columns.fit_columns sizes them from these).
UNIT_COLUMN_SAMPLES: dict[int, Sample] = {
    UnitListModel.CODE: "3-2-1501",
    UnitListModel.AREA: "1,234.56",
    UnitListModel.KIND: vocabularies.UNIT_KINDS,
    UnitListModel.STATUS: vocabularies.UNIT_STATUSES,
    UnitListModel.OWNER: "欧阳娜娜、上官婉儿",
}


class UnitTableView(QTableView):
    """Enter in the unit list goes on to the unit's page."""

    def __init__(self, parent: QWidget, on_enter) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        super().keyPressEvent(event)


class DirectoryPage(QWidget):
    open_entry_requested = Signal(int)
    """A reception entry of the unit shown should open in its tab; carries its id."""

    open_order_requested = Signal(int)
    """A repair order of the unit shown should open in its tab; carries its id."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("tab_directory")

        # --- the bar
        self.create_units_button = button(
            self, self.tr("Create &units…"), "create_units", self.create_units
        )
        self.new_place_button = button(
            self, self.tr("New public &place…"), "new_public_place", self.new_public_place
        )
        self.loans_button = button(
            self, self.tr("Archives on l&oan…"), "open_loans", self.open_loans
        )
        self.import_button = button(
            self, self.tr("&Import roster…"), "import_roster", self.import_roster
        )
        self.goto_edit = UnitLineEdit(desk, self)
        self.goto_edit.setObjectName("goto_unit")
        self.goto_edit.setMaximumWidth(220)
        self.goto_edit.returnPressed.connect(self._goto_typed)
        self.goto_edit.unit_chosen.connect(self.show_unit)
        goto_label = QLabel(self.tr("&Go to unit:"), self)
        goto_label.setBuddy(self.goto_edit)
        bar = QHBoxLayout()
        for push in (
            self.create_units_button,
            self.new_place_button,
            self.loans_button,
            self.import_button,
        ):
            bar.addWidget(push)
        bar.addStretch(1)
        bar.addWidget(goto_label)
        bar.addWidget(self.goto_edit)

        # --- the estate and its units
        self.tree_model = EstateTreeModel(desk, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("estate_tree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._node_chosen)

        self.units_model = UnitListModel(desk, self)
        self.units_view = UnitTableView(self, self._enter_unit)
        self.units_view.setObjectName("units_view")
        self.units_view.setModel(self.units_model)
        self.units_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_view.setTabKeyNavigation(False)
        self.units_view.setAlternatingRowColors(True)
        self.units_view.verticalHeader().hide()
        self.units_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.units_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.units_view, UNIT_COLUMN_SAMPLES, table="units")
        for column in HIDDEN_UNIT_COLUMNS:
            self.units_view.setColumnHidden(column, True)
        self.units_view.selectionModel().currentRowChanged.connect(self._unit_row_chosen)
        self.units_view.doubleClicked.connect(lambda _index: self._enter_unit())

        self.places_model = PlacesModel((), self)
        self.places_view = table_view(self, self.places_model, "places_view")

        self.list_stack = QStackedWidget(self)
        self.list_stack.setObjectName("list_stack")
        self.list_stack.addWidget(self.units_view)
        self.list_stack.addWidget(self.places_view)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("estate_splitter")
        left.setChildrenCollapsible(False)
        left.addWidget(self.tree)
        left.addWidget(self.list_stack)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 3)

        self.unit_page = UnitPageWidget(desk, hub, self)
        history = self.unit_page.history_tab
        history.open_entry_requested.connect(self.open_entry_requested)
        history.open_order_requested.connect(self.open_order_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("directory_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.unit_page)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 860])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.tree)

        hub.changed.connect(self._hub_changed)
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))

    # ---- choosing -----------------------------------------------------------

    def _node_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.tree_model.node(current)
        if node is None:
            return
        kind, building, entrance = node
        if kind == "places":
            self.places_model.set_rows(estate.list_public_places(self.desk))
            self.list_stack.setCurrentWidget(self.places_view)
            return
        self.list_stack.setCurrentWidget(self.units_view)
        self.units_model.set_scope(building, entrance)
        if self.units_model.canFetchMore(QModelIndex()):
            self.units_model.fetchMore(QModelIndex())

    def _unit_row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        unit = self.units_model.row_at(current.row())
        if unit.id != self.unit_page.unit_id:
            self._show_page(unit.id)

    def _show_page(self, unit_id: int) -> bool:
        def show() -> bool:
            self.unit_page.show_unit(unit_id)
            return True

        return attempt(self, show) is not None

    def _enter_unit(self) -> None:
        if self.unit_page.unit_id is not None:
            self.unit_page.tabs.setCurrentIndex(0)
            self.unit_page.occupants_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _goto_typed(self) -> None:
        unit = attempt(self, self.goto_edit.resolve)
        if unit is None:
            return
        self.show_unit(unit.id)
        self._enter_unit()

    def show_unit(self, unit_id: int) -> bool:
        """Open a unit's page, with its building chosen in the tree and the unit in the
        list (search, go-to, other modules)."""
        unit = attempt(self, lambda: estate.get_unit(self.desk, unit_id))
        if unit is None:
            return False
        index = QModelIndex()
        if unit.entrance:
            index = self.tree_model.index_of("entrance", unit.building, unit.entrance)
        if not index.isValid():
            index = self.tree_model.index_of("building", unit.building)
        if not index.isValid():
            self.reload_estate()
            index = self.tree_model.index_of("building", unit.building)
        if not index.isValid():
            index = self.tree_model.index_of("all")
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        row = self.units_model.row_of(unit_id)
        while row < 0 and self.units_model.canFetchMore(QModelIndex()):
            self.units_model.fetchMore(QModelIndex())
            row = self.units_model.row_of(unit_id)
        shown = True
        if unit_id != self.unit_page.unit_id:
            shown = self._show_page(unit_id)
        if row >= 0:
            self.units_view.selectionModel().setCurrentIndex(
                self.units_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.units_view.scrollTo(self.units_model.index(row, 0))
        return shown

    def show_place(self, place_id: int) -> None:
        self.tree.setCurrentIndex(self.tree_model.index_of("places"))
        for row, place in enumerate(self.places_model.rows()):
            if place.id == place_id:
                self.places_view.selectRow(row)
                self.places_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # ---- refreshing ---------------------------------------------------------

    def reload_estate(self) -> None:
        node = self.tree_model.node(self.tree.currentIndex())
        self.tree_model.reload()
        index = self.tree_model.index_of(*node) if node else QModelIndex()
        self.tree.setCurrentIndex(index if index.isValid() else self.tree_model.index(0, 0))
        self.units_model.refresh()
        self.unit_page.reload()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("buildings", "public_places") or event.did(
            "units_created", roster_import.OPERATION
        ):
            self.reload_estate()
        elif event.touches(
            "units",
            "occupancies",
            "people",
            "vehicles",
            "household_archives",
            "archive_papers",
            "archive_loans",
        ):
            current = self.units_view.currentIndex()
            self.units_model.refresh()
            if current.isValid():
                self.units_view.selectRow(current.row())

    # ---- actions ------------------------------------------------------------

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def create_units(self) -> None:
        from desk_app.ui.directory.unit_dialogs import BulkUnitsDialog

        node = self.tree_model.node(self.tree.currentIndex())
        building = node[1] if node else None
        dialog = BulkUnitsDialog(self.desk, self.hub, self, building=building)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        created, plan = dialog.created_ids, dialog.plan
        dialog.deleteLater()
        if accepted and created:
            if plan is not None:
                index = self.tree_model.index_of("building", plan.building)
                if index.isValid():
                    self.tree.setCurrentIndex(index)
            self.show_status(self.tr("{count} units created.").format(count=len(created)))

    def show_status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    def new_public_place(self) -> None:
        from desk_app.ui.directory.unit_dialogs import PublicPlaceDialog

        dialog = PublicPlaceDialog(self.desk, self.hub, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        place = dialog.place
        dialog.deleteLater()
        if accepted and place is not None:
            self.show_place(place.id)

    def open_loans(self) -> None:
        from desk_app.ui.directory.archive_dialogs import OpenLoansDialog

        dialog = OpenLoansDialog(self.desk, self.hub, self)
        dialog.exec()
        dialog.deleteLater()

    def import_roster(self) -> None:
        from desk_app.ui.directory.roster_import import RosterImportWizard

        wizard = RosterImportWizard(self.desk, self.hub, self)
        wizard.exec()
        wizard.deleteLater()

    def export_roster(self) -> None:
        """Data ▸ Export owner roster…: masked; a manager may choose full numbers (logged)."""
        from desk_app.services.directory import roster_export as directory_export
        from desk_app.ui.directory.roster_import import choose_save_path

        path = choose_save_path(self, self.tr("Export owner roster"), self.tr("owner roster.xlsx"))
        if not path:
            return
        unmasked = (
            self.desk.operator is not None
            and self.desk.operator.at_least("manager")
            and messages.confirm(
                self,
                self.tr(
                    "Include full ID numbers and phone numbers? This is recorded in the "
                    "audit trail. Choose No for the usual masked roster."
                ),
            )
        )
        done = perform(
            self,
            self.hub,
            lambda: directory_export.export_roster(self.desk, Path(path), unmasked=unmasked),
        )
        if done is None:
            return
        count = done.value
        messages.info(
            self, self.tr("{count} rows exported to {path}").format(count=count, path=path)
        )

    def save_roster_template(self) -> None:
        from desk_app.ui.directory.roster_import import save_roster_template

        save_roster_template(self)
