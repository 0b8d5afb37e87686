"""Keyboard first: no two visible widgets of a directory window share an Alt+letter, and the
tab's buttons do not take the letters of the menus."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive, people
from desk_app.services.directory import estate as directory_estate
from desk_app.ui.directory.archive_dialogs import (
    ArchiveFactsDialog,
    LendArchiveDialog,
    ManagerApprovalDialog,
    OpenLoansDialog,
)
from desk_app.ui.directory.people_dialogs import (
    EditPersonDialog,
    EndOccupancyDialog,
    OccupantDialog,
    RevealDialog,
    TransferOwnershipDialog,
    VehicleDialog,
)
from desk_app.ui.directory.roster_import import RosterImportWizard
from desk_app.ui.directory.unit_dialogs import BulkUnitsDialog, EditUnitDialog, PublicPlaceDialog
from tests.builders.directory import OWNER
from tests.builders.ui import clashes, mnemonics_of, open_dialog


@pytest.fixture
def estate(staffed_desk):
    directory_estate.create_units(staffed_desk, BuildingPlan("3", 1, 1, 1, 2, 2))
    unit = directory_estate.find_unit(staffed_desk, "3-1-0101")
    people.add_occupant(staffed_desk, unit.id, OWNER, "owner")
    return staffed_desk, unit


def test_dialogs_have_no_clashing_mnemonics(estate, qtbot, hub):
    desk, unit = estate
    occupant = archive.unit_page(desk, unit.id).current[0]
    transfer = TransferOwnershipDialog(desk, hub, unit.id, unit.code, ["张三"])
    dialogs = [
        BulkUnitsDialog(desk, hub),
        EditUnitDialog(desk, hub, unit),
        PublicPlaceDialog(desk, hub),
        OccupantDialog(desk, hub, unit.id, unit.code),
        EndOccupancyDialog(desk, hub, occupant),
        transfer,
        EditPersonDialog(desk, hub, occupant),
        VehicleDialog(desk, hub, unit.id, [(occupant.person_id, occupant.name)]),
        RevealDialog(desk, hub, occupant.person_id, occupant.name),
        ArchiveFactsDialog(desk, hub, unit.id, archive.ArchiveFacts()),
        LendArchiveDialog(desk, hub, unit.id, unit.code),
        ManagerApprovalDialog(desk, hub, "借阅档案", action="archive_lend"),
        OpenLoansDialog(desk, hub),
    ]
    for dialog in dialogs:
        open_dialog(qtbot, dialog)
        assert clashes(dialog) == [], type(dialog).__name__
    transfer.with_co_owner.setChecked(True)
    assert clashes(transfer) == []


def test_wizard_pages_have_no_clashing_mnemonics(estate, qtbot, hub):
    desk, _unit = estate
    wizard = open_dialog(qtbot, RosterImportWizard(desk, hub))
    assert clashes(wizard) == []
    for page in (wizard.mapping_page, wizard.preview_page, wizard.result_page):
        page.show()  # each page's own keys against the wizard's buttons
        assert clashes(wizard) == [], page.objectName()
        page.hide()


def test_the_tab_keeps_clear_of_the_menus(estate, make_window):
    desk, unit = estate
    window = make_window(desk)
    window.open_unit(unit.id)
    menus = {QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions()}
    page = window.feature_page("directory")
    for index in range(page.unit_page.tabs.count()):
        page.unit_page.tabs.setCurrentIndex(index)
        keys = mnemonics_of(window)
        assert not set(keys) & menus, index
        assert clashes(window) == [], index
