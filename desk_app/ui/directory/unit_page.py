"""One unit's page of the owner archive (一户一档): the unit, its people now and before,
the selected person's details and contact history, vehicles, the household archive
with its checklist of papers, and loans of the paper file.

Every value shown comes masked from ``directory.unit_page``; the full ID number or
phone is shown only by ``RevealDialog``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import archive, estate
from desk_app.services.directory import people as directory_people
from desk_app.ui import messages
from desk_app.ui.directory.models import (
    ContactHistoryModel,
    FormerOccupantsModel,
    LoansModel,
    OccupantsModel,
    VehiclesModel,
    unit_place_text,
)
from desk_app.ui.directory.unit_history import UnitHistoryTab
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import DirectoryText
from desk_app.ui.operations import perform
from desk_app.ui.widgets.controls import button, table_view

# Person fields shown in the details panel, in the order of 业主档案资料表. Fields the
# service's view does not carry are left out rather than shown empty.
DETAIL_FIELDS = (
    "name",
    "gender",
    "birth_month",
    "hukou",
    "id_type",
    "id_number_masked",
    "phone_masked",
    "phone2_masked",
    "address",
    "employer",
    "position",
    "employer_address",
    "note",
)


class UnitPageWidget(QWidget):
    """Shows one unit; ``show_unit(unit_id)``. Writes go through dialogs and the
    services; the hub's ``unit_changed`` brings the page up to date."""

    unit_shown = Signal(int)

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("unit_page")
        self.page: archive.UnitPage | None = None

        # --- header
        self.title = QLabel(self)
        self.title.setObjectName("unit_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_line = QLabel(self)
        self.facts_line.setObjectName("unit_facts")
        self.facts_line.setWordWrap(True)
        self.edit_unit_button = button(self, self.tr("&Change unit…"), "edit_unit", self.edit_unit)
        self.print_button = button(
            self, self.tr("Print archive sheet…"), "print_archive", self.print_archive_sheet
        )
        header = QHBoxLayout()
        header_text = QVBoxLayout()
        header_text.addWidget(self.title)
        header_text.addWidget(self.facts_line)
        header.addLayout(header_text, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.edit_unit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("unit_tabs")
        self.tabs.addTab(self._people_tab(), self.tr("People"))
        self.tabs.addTab(self._vehicles_tab(), self.tr("Vehicles"))
        self.tabs.addTab(self._archive_tab(), self.tr("Archive"))
        self.tabs.addTab(self._loans_tab(), self.tr("Archive loans"))
        self.history_tab = UnitHistoryTab(desk, self)
        self.tabs.addTab(self.history_tab, self.tr("Reception and repairs"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        hub.changed.connect(self._hub_changed)
        self.clear()

    # ---- building -------------------------------------------------------

    def _people_tab(self) -> QWidget:
        tab = QWidget(self)
        self.occupants_model = OccupantsModel((), self)
        self.occupants_view = table_view(tab, self.occupants_model, "occupants_view")
        self.occupants_view.selectionModel().currentRowChanged.connect(self._person_selected)
        self.add_person_button = button(tab, self.tr("&Add person…"), "add_person", self.add_person)
        self.move_out_button = button(tab, self.tr("&Move out…"), "move_out", self.move_out)
        self.transfer_button = button(
            tab, self.tr("T&ransfer ownership…"), "transfer_ownership", self.transfer_ownership
        )
        self.edit_person_button = button(
            tab, self.tr("&Edit person…"), "edit_person", self.edit_person
        )
        self.reveal_button = button(
            tab, self.tr("Show full &number…"), "reveal_number", self.reveal_number
        )
        row = QHBoxLayout()
        for push in (
            self.add_person_button,
            self.move_out_button,
            self.transfer_button,
            self.edit_person_button,
            self.reveal_button,
        ):
            row.addWidget(push)
        row.addStretch(1)

        self.details_box = QGroupBox(self.tr("Person"), tab)
        self.details_box.setObjectName("person_details")
        self.details_form = QFormLayout(self.details_box)
        self.detail_labels: dict[str, QLabel] = {}
        self.contact_model = ContactHistoryModel((), self)
        self.contact_view = table_view(tab, self.contact_model, "contact_history_view")
        contact_box = QGroupBox(self.tr("Contact history"), tab)
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.addWidget(self.contact_view)
        middle = QHBoxLayout()
        middle.addWidget(self.details_box, 1)
        middle.addWidget(contact_box, 2)

        self.former_model = FormerOccupantsModel((), self)
        self.former_view = table_view(tab, self.former_model, "former_view")
        former_box = QGroupBox(self.tr("Former owners and occupants"), tab)
        former_layout = QVBoxLayout(former_box)
        former_layout.addWidget(self.former_view)

        top = QWidget(tab)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.occupants_view, 1)
        top_layout.addLayout(row)
        details = QWidget(tab)
        details.setLayout(middle)
        middle.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.setObjectName("people_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(details)
        splitter.addWidget(former_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

    def _vehicles_tab(self) -> QWidget:
        tab = QWidget(self)
        self.vehicles_model = VehiclesModel((), self)
        self.vehicles_view = table_view(tab, self.vehicles_model, "vehicles_view")
        self.add_vehicle_button = button(
            tab, self.tr("Add &vehicle…"), "add_vehicle", self.add_vehicle
        )
        self.remove_vehicle_button = button(
            tab, self.tr("Re&move vehicle"), "remove_vehicle", self.remove_vehicle
        )
        row = QHBoxLayout()
        row.addWidget(self.add_vehicle_button)
        row.addWidget(self.remove_vehicle_button)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.vehicles_view, 1)
        layout.addLayout(row)
        return tab

    def _archive_tab(self) -> QWidget:
        tab = QWidget(self)
        facts_box = QGroupBox(self.tr("Household archive"), tab)
        self.facts_form = QFormLayout(facts_box)
        self.fact_labels: dict[str, QLabel] = {}
        for name in archive.ArchiveFacts.__dataclass_fields__:
            label = QLabel(facts_box)
            label.setObjectName(f"fact_{name}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[name] = label
            self.facts_form.addRow(DirectoryText.fact(name) + ":", label)
        self.edit_facts_button = button(
            facts_box, self.tr("Edit archive &facts…"), "edit_facts", self.edit_facts
        )
        self.facts_form.addRow("", self.edit_facts_button)

        papers_box = QGroupBox(self.tr("Papers on file"), tab)
        papers_box.setObjectName("papers_box")
        grid = QGridLayout(papers_box)
        self.paper_boxes: dict[str, QCheckBox] = {}
        for number, paper in enumerate(archive.ALL_PAPERS):
            box = QCheckBox(paper, papers_box)
            box.setObjectName(f"paper_{number}")
            box.toggled.connect(lambda on, paper=paper: self.set_paper(paper, on))
            self.paper_boxes[paper] = box
            grid.addWidget(box, number // 2, number % 2)
        self.business_use = QCheckBox(
            self.tr("&Business use: the unit is registered as business premises"), papers_box
        )
        self.business_use.setObjectName("business_use")
        self.business_use.toggled.connect(self.set_business_use)
        last = (len(archive.ALL_PAPERS) + 1) // 2 + 1
        self.other_papers = QLabel(papers_box)
        self.other_papers.setObjectName("other_papers")
        self.other_papers.setWordWrap(True)
        grid.addWidget(self.other_papers, last, 0, 1, 2)
        grid.addWidget(self.business_use, last + 1, 0, 1, 2)
        grid.setRowStretch(last + 2, 1)

        layout = QHBoxLayout(tab)
        layout.addWidget(facts_box, 1)
        layout.addWidget(papers_box, 1)
        return tab

    def _loans_tab(self) -> QWidget:
        tab = QWidget(self)
        self.loans_model = LoansModel((), self)
        self.loans_view = table_view(tab, self.loans_model, "unit_loans_view")
        self.lend_button = button(tab, self.tr("Lend &archive…"), "lend_archive", self.lend)
        self.return_button = button(
            tab, self.tr("Record &return"), "return_archive", self.record_return
        )
        row = QHBoxLayout()
        row.addWidget(self.lend_button)
        row.addWidget(self.return_button)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.loans_view, 1)
        layout.addLayout(row)
        return tab

    # ---- showing ----------------------------------------------------------

    @property
    def unit_id(self) -> int | None:
        return self.page.unit.id if self.page is not None else None

    def clear(self) -> None:
        self.page = None
        self.title.setText(self.tr("No unit chosen"))
        self.facts_line.setText(
            self.tr("Choose a unit in the list, or type its number, an owner's name or a phone.")
        )
        for model in (
            self.occupants_model,
            self.former_model,
            self.contact_model,
            self.loans_model,
        ):
            model.set_rows([])
        self.vehicles_model.set_vehicles([], {})
        self.history_tab.show_unit(None)
        self._show_person(None)
        self.tabs.setEnabled(False)
        self.edit_unit_button.setEnabled(False)
        self.print_button.setEnabled(False)

    def show_unit(self, unit_id: int) -> None:
        """Load and show a unit (raises ``DeskError`` if it does not exist)."""
        keep_person = self.selected_occupant()
        keep_person_id = keep_person.person_id if keep_person and unit_id == self.unit_id else None
        self.page = archive.unit_page(self.desk, unit_id)
        self._fill(keep_person_id)
        self.unit_shown.emit(unit_id)

    def reload(self) -> None:
        if self.unit_id is not None:
            self.show_unit(self.unit_id)

    def _fill(self, person_id: int | None) -> None:
        page = self.page
        assert page is not None
        unit = page.unit
        self.tabs.setEnabled(True)
        self.edit_unit_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.title.setText(unit.code)
        facts = [unit_place_text(unit)]
        if page.area_text:
            facts.append(self.tr("{area} m²").format(area=page.area_text))
        facts += [unit.kind, unit.status]
        if unit.business_use:
            facts.append(self.tr("business premises"))
        owners = [o.name for o in page.current if o.role in ("owner", "co_owner")]
        if owners:
            facts.append(self.tr("Owner: {names}").format(names="、".join(owners)))
        if unit.note:
            facts.append(unit.note)
        self.facts_line.setText(" · ".join(facts))

        self.occupants_model.set_rows(page.current)
        self.former_model.set_rows(page.history)
        names = {o.person_id: o.name for o in page.current + page.history}
        self.vehicles_model.set_vehicles(page.vehicles, names)
        self.loans_model.set_rows(page.loans)
        self.history_tab.show_unit(unit.id)
        for name, label in self.fact_labels.items():
            label.setText(getattr(page.facts, name) or "")
        for paper, box in self.paper_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(page.papers.get(paper)))
            box.blockSignals(False)
        self.other_papers.setText(
            self.tr("Also on file: {papers}").format(papers="、".join(page.other_papers))
        )
        self.other_papers.setVisible(bool(page.other_papers))
        self.business_use.blockSignals(True)
        self.business_use.setChecked(bool(unit.business_use))
        self.business_use.blockSignals(False)

        row = 0
        if person_id is not None:
            for number, occupant in enumerate(page.current):
                if occupant.person_id == person_id:
                    row = number
        if page.current:
            self.occupants_view.selectRow(row)
        else:
            self._show_person(None)
        self._update_buttons()

    def selected_occupant(self) -> Any | None:
        index = self.occupants_view.currentIndex()
        if not index.isValid() or index.row() >= self.occupants_model.rowCount():
            return None
        return self.occupants_model.row_at(index.row())

    def _person_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        occupant = (
            self.occupants_model.row_at(current.row())
            if current.isValid() and current.row() < self.occupants_model.rowCount()
            else None
        )
        self._show_person(occupant)
        self._update_buttons()

    def _show_person(self, occupant: Any | None) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        self.detail_labels = {}
        if occupant is None:
            self.details_box.setTitle(self.tr("Person"))
            self.contact_model.set_rows([])
            return
        self.details_box.setTitle(
            self.tr("{name} ({role})").format(
                name=occupant.name, role=DirectoryText.role(occupant.role)
            )
        )
        captions = self._detail_captions()
        for field in DETAIL_FIELDS:
            if not hasattr(occupant, field):
                continue
            label = QLabel(str(getattr(occupant, field) or ""), self.details_box)
            label.setObjectName(f"detail_{field}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[field] = label
            self.details_form.addRow(captions[field] + ":", label)
        if occupant.relation:
            self.details_form.addRow(self.tr("Relation:"), QLabel(occupant.relation))
        lease = DirectoryText.period(occupant.lease_start, occupant.lease_end)
        if lease:
            self.details_form.addRow(self.tr("Lease:"), QLabel(lease))
        try:
            history = directory_people.contact_history(self.desk, occupant.person_id)
        except DeskError:
            history = []
        self.contact_model.set_rows(list(reversed(history)))

    def _detail_captions(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "gender": self.tr("Sex"),
            "birth_month": self.tr("Born"),
            "hukou": self.tr("Registered residence"),
            "id_type": self.tr("ID type"),
            "id_number_masked": self.tr("ID number"),
            "phone_masked": self.tr("Phone"),
            "phone2_masked": self.tr("Second phone"),
            "address": self.tr("Address"),
            "employer": self.tr("Employer"),
            "position": self.tr("Position"),
            "employer_address": self.tr("Employer's address"),
            "note": self.tr("Note"),
        }

    def _update_buttons(self) -> None:
        person = self.selected_occupant() is not None
        for push in (self.move_out_button, self.edit_person_button, self.reveal_button):
            push.setEnabled(person)
        self.remove_vehicle_button.setEnabled(self.vehicles_model.rowCount() > 0)
        self.return_button.setEnabled(
            any(loan.returned_at is None for loan in self.loans_model.rows())
        )

    # ---- hub --------------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if self.unit_id is None:
            return
        if event.touches(
            "units",
            "occupancies",
            "people",
            "vehicles",
            "household_archives",
            "archive_papers",
            "archive_loans",
        ):
            self.reload()
        if event.touches("reception_entries", "repair_orders", "callbacks"):
            self.history_tab.show_unit(self.unit_id)

    # ---- actions ------------------------------------------------------------

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def print_archive_sheet(self) -> None:
        """业主档案资料表, masked; archived with the unit and shown for printing."""
        if self.page is None:
            return
        from desk_app.services.directory import archive_print as directory_print
        from desk_app.ui.widgets import pdf_preview

        unit_id = self.page.unit.id
        done = perform(
            self, self.hub, lambda: directory_print.print_archive_sheet(self.desk, unit_id)
        )
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, self.tr("Owner archive sheet"), self)

    def edit_unit(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.unit_dialogs import EditUnitDialog

        self._run(EditUnitDialog(self.desk, self.hub, self.page.unit, self))

    def add_person(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.people_dialogs import OccupantDialog

        has_owner = any(o.role == "owner" for o in self.page.current)
        dialog = OccupantDialog(
            self.desk,
            self.hub,
            self.page.unit.id,
            self.page.unit.code,
            self,
            role="member" if has_owner else "owner",
        )
        self._run(dialog)

    def move_out(self) -> None:
        occupant = self.selected_occupant()
        if occupant is None:
            return
        from desk_app.ui.directory.people_dialogs import EndOccupancyDialog

        self._run(EndOccupancyDialog(self.desk, self.hub, occupant, self))

    def transfer_ownership(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.people_dialogs import TransferOwnershipDialog

        owners = [o.name for o in self.page.current if o.role in ("owner", "co_owner")]
        dialog = TransferOwnershipDialog(
            self.desk, self.hub, self.page.unit.id, self.page.unit.code, owners, self
        )
        self._run(dialog)

    def edit_person(self) -> None:
        occupant = self.selected_occupant()
        if occupant is None:
            return
        from desk_app.ui.directory.people_dialogs import EditPersonDialog

        self._run(EditPersonDialog(self.desk, self.hub, occupant, self))

    def reveal_number(self) -> None:
        occupant = self.selected_occupant()
        if occupant is None:
            return
        from desk_app.ui.directory.people_dialogs import RevealDialog

        self._run(RevealDialog(self.desk, self.hub, occupant.person_id, occupant.name, self))

    def add_vehicle(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.people_dialogs import VehicleDialog

        people = [(o.person_id, o.name) for o in self.page.current]
        self._run(VehicleDialog(self.desk, self.hub, self.page.unit.id, people, self))

    def remove_vehicle(self) -> None:
        index = self.vehicles_view.currentIndex()
        if not index.isValid():
            return
        vehicle = self.vehicles_model.row_at(index.row())
        if not messages.confirm(
            self,
            self.tr("Remove the {kind} {plate} from this unit?").format(
                kind=vehicle.kind, plate=vehicle.plate or ""
            ),
        ):
            return
        perform(self, self.hub, lambda: directory_people.end_vehicle(self.desk, vehicle.id))

    def edit_facts(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.archive_dialogs import ArchiveFactsDialog

        self._run(ArchiveFactsDialog(self.desk, self.hub, self.page.unit.id, self.page.facts, self))

    def set_paper(self, paper: str, on_file: bool) -> None:
        if self.page is None:
            return
        unit_id = self.page.unit.id
        done = perform(
            self, self.hub, lambda: archive.set_paper_on_file(self.desk, unit_id, paper, on_file)
        )
        if done is None:
            self.reload()

    def set_business_use(self, on: bool) -> None:
        if self.page is None:
            return
        unit_id = self.page.unit.id
        done = perform(
            self, self.hub, lambda: estate.update_unit(self.desk, unit_id, business_use=on)
        )
        if done is None:
            self.reload()

    def lend(self) -> None:
        if self.page is None:
            return
        from desk_app.ui.directory.archive_dialogs import LendArchiveDialog

        self._run(
            LendArchiveDialog(self.desk, self.hub, self.page.unit.id, self.page.unit.code, self)
        )

    def record_return(self) -> None:
        index = self.loans_view.currentIndex()
        loans = self.loans_model.rows()
        loan = loans[index.row()] if index.isValid() else None
        if loan is None or loan.returned_at is not None:
            loan = next((row for row in loans if row.returned_at is None), None)
        if loan is None:
            return
        if not messages.confirm(
            self,
            self.tr("Has the archive come back from {borrower}?").format(borrower=loan.borrower),
        ):
            return
        perform(self, self.hub, lambda: archive.return_archive(self.desk, loan.id))
