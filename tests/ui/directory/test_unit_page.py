"""The unit page of the owner archive: people by keyboard, transfer with history, move out,
contact history, vehicles, archive facts and papers, reveal, and nothing unmasked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
)

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive, people
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory.people import PersonRecord
from desk_app.services.shifts import approvals
from desk_app.storage import audit
from desk_app.ui.directory.archive_dialogs import ArchiveFactsDialog
from desk_app.ui.directory.models import (
    ContactHistoryModel,
    FormerOccupantsModel,
    LoansModel,
    OccupantsModel,
    PlacesModel,
    VehiclesModel,
)
from desk_app.ui.directory.people_dialogs import (
    EditPersonDialog,
    EndOccupancyDialog,
    OccupantDialog,
    RevealDialog,
    TransferOwnershipDialog,
    VehicleDialog,
)
from tests.builders.directory import OWNER, OWNER_ID, assert_nothing_unmasked
from tests.builders.staff import PASSWORD
from tests.builders.ui import type_text


@pytest.fixture
def estate(staffed_desk):
    """Building 3, entrances 1–2, floors 1–6, two units a floor; 张三 owns 3-2-501."""
    directory_estate.create_units(staffed_desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    unit = directory_estate.find_unit(staffed_desk, "3-2-501")
    people.add_occupant(staffed_desk, unit.id, OWNER, "owner", since="2020-05-01")
    return staffed_desk


def unit_id(desk, code: str) -> int:
    return directory_estate.find_unit(desk, code).id


def cells(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def alt(qtbot, window, key) -> None:
    """A button's mnemonic: Qt animates the click and clicks 100 ms later."""
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)


@pytest.fixture
def page_of(make_window):
    def open_page(desk, code: str):
        window = make_window(desk)
        window.open_unit(unit_id(desk, code))
        return window, window.feature_page("directory").unit_page

    return open_page


def test_page_shows_the_owner_masked(estate, page_of):
    window, page = page_of(estate, "3-2-501")
    assert window.tabs.currentWidget() is window.feature_page("directory")
    assert page.title.text() == "3-2-501"
    assert "3栋 2单元 5层" in page.facts_line.text() and "张三" in page.facts_line.text()
    model = page.occupants_model
    assert cells(model, 0) == ["业主"] and cells(model, 1) == ["张三"]
    assert cells(model, 4) == ["110***********002X"]
    assert cells(model, 5) == ["138****5678"]
    assert page.details_box.title() == "张三（业主）"
    # the unit is chosen in the tree (building 3, entrance 2) and in the list
    list_view = window.feature_page("directory").units_view
    assert list_view.currentIndex().data() == "3-2-501"
    node = window.feature_page("directory").tree_model.node(
        window.feature_page("directory").tree.currentIndex()
    )
    assert node == ("entrance", "3", "2")


def test_add_an_owner_by_keyboard(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-1-101")
    assert page.occupants_model.rowCount() == 0

    def fill(dialog: OccupantDialog) -> None:
        assert dialog.role.currentData() == "owner"
        assert QApplication.focusWidget() is dialog.person.name
        type_text(qtbot, dialog.person.name, "李四")
        qtbot.keyClick(dialog.person.name, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.person.gender
        qtbot.keyClick(dialog.person.gender, Qt.Key.Key_Down)  # 男
        qtbot.keyClick(dialog.person.gender, Qt.Key.Key_Down)  # 女
        qtbot.keyClick(dialog.person.gender, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "1990-03")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # → ID type
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # → ID number
        assert QApplication.focusWidget() is dialog.person.id_number
        qtbot.keyClicks(dialog.person.id_number, "110101199003074258")
        qtbot.keyClick(dialog.person.id_number, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.person.phone, "13900001111")
        qtbot.keyClick(dialog.person.phone, Qt.Key.Key_Return)

    when_modal(OccupantDialog, fill)
    alt(qtbot, window, Qt.Key.Key_A)  # &Add person…
    model = page.occupants_model
    assert cells(model, 1) == ["李四"] and cells(model, 0) == ["业主"]
    assert cells(model, 3) == ["女"]
    assert cells(model, 5) == ["139****1111"]
    assert_nothing_unmasked(window.feature_page("directory"))


def test_a_refused_occupant_shows_the_error_inline_and_keeps_the_fields(
    estate, page_of, when_modal, qtbot
):
    window, page = page_of(estate, "3-2-501")

    def fill(dialog: OccupantDialog) -> None:
        dialog.role.setCurrentIndex(dialog.role.findData("tenant"))
        type_text(qtbot, dialog.person.name, "王五")
        qtbot.keyClick(dialog.person.name, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.error_text() == "租户需填写租期开始和结束日期。"
        assert QApplication.focusWidget() is dialog.lease_start
        assert dialog.person.name.text() == "王五"
        qtbot.keyClicks(dialog.lease_start, "2026-01-01")
        qtbot.keyClick(dialog.lease_start, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.lease_end, "2026-12-31")
        qtbot.keyClick(dialog.lease_end, Qt.Key.Key_Return)

    when_modal(OccupantDialog, fill)
    page.add_person_button.click()
    assert cells(page.occupants_model, 1) == ["张三", "王五"]
    assert cells(page.occupants_model, 7)[1] == "2026-01-01 – 2026-12-31"


def test_transfer_keeps_the_old_owner_as_former(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")

    def fill(dialog: TransferOwnershipDialog) -> None:
        assert "张三" in dialog.intro_label.text()
        dialog.on_date.setText("2026-11-01")
        type_text(qtbot, dialog.owner.name, "李四")
        qtbot.keyClicks(dialog.owner.id_number, "110101199003074258")
        qtbot.keyClicks(dialog.owner.phone, "13900001111")
        qtbot.keyClick(dialog.owner.phone, Qt.Key.Key_Return)

    when_modal(TransferOwnershipDialog, fill)
    alt(qtbot, window, Qt.Key.Key_R)  # T&ransfer ownership…
    assert cells(page.occupants_model, 1) == ["李四"]
    former = page.former_model
    assert cells(former, 0) == ["原业主"]
    assert cells(former, 1) == ["张三"]
    assert cells(former, 4) == ["2020-05-01"] and cells(former, 5) == ["2026-11-01"]
    assert cells(former, 6) == ["产权转移"]
    assert "李四" in page.facts_line.text() and "张三" not in page.facts_line.text()


def test_move_out_with_a_reason(estate, page_of, when_modal, qtbot):
    unit = unit_id(estate, "3-2-501")
    people.add_occupant(
        estate,
        unit,
        PersonRecord(name="王五", phone="13700000000"),
        "tenant",
        lease_start="2025-01-01",
        lease_end="2026-12-31",
    )
    window, page = page_of(estate, "3-2-501")
    page.occupants_view.selectRow(1)

    def fill(dialog: EndOccupancyDialog) -> None:
        assert "王五" in dialog.intro_label.text()
        assert dialog.until.text() == "2026-11-20"
        dialog.reason.setCurrentText("提前退租")
        qtbot.keyClick(dialog.until, Qt.Key.Key_Return)

    when_modal(EndOccupancyDialog, fill)
    alt(qtbot, window, Qt.Key.Key_M)  # &Move out…
    assert cells(page.occupants_model, 1) == ["张三"]
    assert cells(page.former_model, 0) == ["原租户"]
    assert cells(page.former_model, 6) == ["提前退租"]


def test_edit_person_phone_lands_in_contact_history(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")

    def fill(dialog: EditPersonDialog) -> None:
        fields = dialog.form_fields
        # Numbers are never put into a field: empty, with the masked value as a hint.
        assert fields.phone.text() == "" and fields.id_number.text() == ""
        assert "138****5678" in fields.phone.placeholderText()
        assert fields.name.text() == "张三"
        assert QApplication.focusWidget() is fields.phone
        qtbot.keyClicks(fields.phone, "13900002222")
        qtbot.keyClick(fields.phone, Qt.Key.Key_Return)

    when_modal(EditPersonDialog, fill)
    alt(qtbot, window, Qt.Key.Key_E)  # &Edit person…
    assert cells(page.occupants_model, 5) == ["139****2222"]
    history = page.contact_model
    assert cells(history, 1) == ["电话"]
    assert cells(history, 2) == ["138****5678"] and cells(history, 3) == ["139****2222"]
    assert_nothing_unmasked(window.feature_page("directory"))


def test_vehicles_add_and_remove(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")
    page.tabs.setCurrentIndex(1)

    def fill(dialog: VehicleDialog) -> None:
        assert QApplication.focusWidget() is dialog.plate
        type_text(qtbot, dialog.plate, "鲁B12345")
        dialog.driver.setCurrentIndex(1)
        qtbot.keyClick(dialog.plate, Qt.Key.Key_Return)

    when_modal(VehicleDialog, fill)
    alt(qtbot, window, Qt.Key.Key_V)  # Add &vehicle…
    assert cells(page.vehicles_model, 1) == ["鲁B12345"]
    assert cells(page.vehicles_model, 2) == ["张三"]
    page.vehicles_view.selectRow(0)
    page.remove_vehicle_button.click()  # confirm is answered yes by the fixture
    assert page.vehicles_model.rowCount() == 0


def test_a_bad_plate_is_refused_inline(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")

    def fill(dialog: VehicleDialog) -> None:
        qtbot.keyClicks(dialog.plate, "12345")
        qtbot.keyClick(dialog.plate, Qt.Key.Key_Return)
        assert "车牌号格式不正确" in dialog.error_text()
        assert QApplication.focusWidget() is dialog.plate
        dialog.reject()

    when_modal(VehicleDialog, fill)
    page.add_vehicle()
    assert page.vehicles_model.rowCount() == 0


def test_archive_facts_papers_and_business_use(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")
    page.tabs.setCurrentIndex(2)

    def fill(dialog: ArchiveFactsDialog) -> None:
        qtbot.keyClicks(dialog.dates["purchase_date"], "2019-06-30")
        dialog.property_nature.setCurrentText("商品房")
        dialog.title_certificate.setCurrentText("已办理")
        qtbot.keyClick(dialog.dates["purchase_date"], Qt.Key.Key_Return)

    when_modal(ArchiveFactsDialog, fill)
    alt(qtbot, window, Qt.Key.Key_F)  # Edit archive &facts…
    assert page.fact_labels["purchase_date"].text() == "2019-06-30"
    assert page.fact_labels["property_nature"].text() == "商品房"
    facts = archive.unit_page(estate, unit_id(estate, "3-2-501")).facts
    assert facts.title_certificate == "已办理"

    page.paper_boxes["身份证复印件"].click()
    page.business_use.click()
    stored = archive.unit_page(estate, unit_id(estate, "3-2-501"))
    assert stored.papers["身份证复印件"] and not stored.papers["租赁合同"]
    assert stored.unit.business_use
    assert page.paper_boxes["身份证复印件"].isChecked()
    assert "经营场所" in page.facts_line.text()


def test_papers_beyond_the_checklist_show_on_the_page(estate, page_of):
    window, page = page_of(estate, "3-2-501")
    assert page.other_papers.isHidden()
    archive.set_paper_on_file(
        estate, unit_id(estate, "3-2-501"), "钥匙托管承诺书", True, also=["钥匙托管承诺书"]
    )
    page.reload()
    assert not page.other_papers.isHidden()
    assert "钥匙托管承诺书" in page.other_papers.text()


def test_a_bad_date_in_the_archive_is_refused_inline(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")

    def fill(dialog: ArchiveFactsDialog) -> None:
        qtbot.keyClicks(dialog.dates["receive_date"], "2019-13-01")
        qtbot.keyClick(dialog.dates["receive_date"], Qt.Key.Key_Return)
        assert "收楼日期" in dialog.error_text()
        assert QApplication.focusWidget() is dialog.dates["receive_date"]
        dialog.reject()

    when_modal(ArchiveFactsDialog, fill)
    page.edit_facts()


def test_edit_unit(estate, page_of, when_modal, qtbot):
    from desk_app.ui.directory.unit_dialogs import EditUnitDialog

    window, page = page_of(estate, "3-2-501")

    def fill(dialog: EditUnitDialog) -> None:
        dialog.area.setText("")
        qtbot.keyClicks(dialog.area, "128.80")
        dialog.status.setCurrentText("已入住")
        qtbot.keyClick(dialog.area, Qt.Key.Key_Return)

    when_modal(EditUnitDialog, fill)
    alt(qtbot, window, Qt.Key.Key_C)  # &Change unit…
    assert "128.80 ㎡" in page.facts_line.text() and "已入住" in page.facts_line.text()
    row = window.feature_page("directory").units_view.currentIndex().row()
    model = window.feature_page("directory").units_model
    assert model.index(row, model.STATUS).data() == "已入住"


def test_reveal_writes_the_audit_and_shows_the_number_only_in_its_dialog(
    estate, page_of, when_modal, qtbot
):
    window, page = page_of(estate, "3-2-501")
    seen: list[str] = []

    def reveal(dialog: RevealDialog) -> None:
        assert dialog.field.currentData() == "id_number"
        assert QApplication.focusWidget() is dialog.reason
        type_text(qtbot, dialog.reason, "业主本人来办理过户")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.isVisible()
        seen.append(dialog.value_label.text())
        # the full number is on screen in this dialog only
        assert_nothing_unmasked(window)
        assert_nothing_unmasked(page)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Close

    when_modal(RevealDialog, reveal)
    alt(qtbot, window, Qt.Key.Key_N)  # Show full &number…
    assert seen == [OWNER_ID]
    entries = [
        e
        for e in audit.entries_for_shift(estate.db, estate.shift.id)
        if e.operation == "identity_revealed"
    ]
    assert len(entries) == 1
    assert entries[0].detail["reason"] == "业主本人来办理过户"
    assert entries[0].detail["field"] == "证件号码"
    assert OWNER_ID not in str(entries[0].detail)


def test_reveal_needs_a_reason(estate, page_of, when_modal, qtbot):
    window, page = page_of(estate, "3-2-501")

    def reveal(dialog: RevealDialog) -> None:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.error_text() == "请填写查看原因。"
        assert dialog.value_label.isHidden()
        dialog.reject()

    when_modal(RevealDialog, reveal)
    page.reveal_number()
    assert not [
        e
        for e in audit.entries_for_shift(estate.db, estate.shift.id)
        if e.operation == "identity_revealed"
    ]


def test_no_full_number_anywhere_on_the_page(estate, page_of):
    unit = unit_id(estate, "3-2-501")
    people.add_occupant(
        estate,
        unit,
        PersonRecord(name="王小明", id_number="110101199003074258", phone="13700000000"),
        "member",
        relation="子女",
    )
    people.add_vehicle(estate, unit, "鲁A12345")
    person = archive.unit_page(estate, unit).current[0].person_id
    people.update_person(estate, person, {"phone": "13911112222", "address": "青岛市市南区"})
    window, page = page_of(estate, "3-2-501")
    assert page.occupants_model.rowCount() == 2
    assert page.contact_model.rowCount() == 2
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert_nothing_unmasked(window)


def test_unit_page_models(estate, qtmodeltester):
    unit = unit_id(estate, "3-2-501")
    person = archive.unit_page(estate, unit).current[0].person_id
    people.add_vehicle(estate, unit, "鲁A12345", person_id=person)
    people.update_person(estate, person, {"phone": "13911112222"})
    directory_estate.create_public_place(estate, "水泵房", building="3", floor="B1")
    approval = approvals.verify_approval(
        estate, "boss", PASSWORD, action="archive_lend", reason="核对", min_role="manager"
    )
    archive.lend_archive(estate, unit, borrower="工程部", purpose="核对面积", approval=approval)
    page = archive.unit_page(estate, unit)
    assert page.loans
    for model in (
        OccupantsModel(page.current),
        FormerOccupantsModel(page.current),
        ContactHistoryModel(people.contact_history(estate, person)),
        LoansModel(page.loans),
        PlacesModel(directory_estate.list_public_places(estate)),
    ):
        qtmodeltester.check(model)
    vehicles = VehiclesModel()
    vehicles.set_vehicles(page.vehicles, {person: "张三"})
    qtmodeltester.check(vehicles)
    assert vehicles.index(0, 2).data() == "张三"
