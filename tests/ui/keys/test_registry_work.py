"""The keys tab's own work from the window: registering a set, a building's intake with
its preview, looking up by person or unit, the register and labels printed, the export."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.repairs import setup as repair_setup
from desk_app.ui.keys.lookup import KeyLookupDialog
from desk_app.ui.keys.print_dialogs import LabelsDialog, RegisterDialog
from desk_app.ui.keys.set_dialogs import KeyIntakeDialog, NewKeySetDialog
from tests.builders.keys import keys_estate
from tests.builders.pdf import pdf_text


def keys_page(make_window, desk):
    window = make_window(desk)
    window.named_actions["service.scan_key"].trigger()
    return window.feature_page("keys")


def test_a_public_key_is_registered_from_the_window(staffed_desk, make_window, qtbot, when_modal):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)

    def register(dialog):
        assert dialog.kind.hasFocus() and dialog.building.isVisible()
        assert not dialog.unit.isVisible()
        dialog.building.setText("9")  # no such building: said, and the cursor there
        dialog.name.setText("天台门")
        dialog.piece_count.setValue(2)
        dialog.accept()
        assert dialog.error_text() == "没有楼号 9。" and dialog.building.hasFocus()
        dialog.building.setText("3")
        dialog.floor.setText("屋顶")
        dialog.place.setText("A柜-01")
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(NewKeySetDialog, register)
    page.named_actions["new_set"].trigger()
    row = page.current
    assert row is not None and row.kind == "公共区域" and row.place == "A柜-01"
    assert [(p.piece_type, p.held) for p in registry.pieces(desk, row.id)] == [("天台门", 2)]
    assert row.code in page.scan_message.text()


def test_a_trust_key_takes_the_five_types(staffed_desk, make_window, when_modal):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)

    def register(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("业主代管"))
        assert dialog.unit.isVisible() and not dialog.building.isVisible()
        dialog.unit.setText("3-2-501")
        dialog.unit_pieces.spins["防盗铁门"].setValue(2)
        dialog.unit_pieces.spins["信报箱"].setValue(1)
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(NewKeySetDialog, register)
    page.named_actions["new_set"].trigger()
    pieces = {p.piece_type: p.held for p in registry.pieces(desk, page.current.id)}
    assert pieces == {"防盗铁门": 2, "信报箱": 1}
    assert page.current.unit_code == "3-2-501"


def test_a_buildings_intake_is_previewed_then_written(
    staffed_desk, make_window, qtbot, when_modal, shown
):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)
    registry.create_set(desk, KeySetInput("接管", {"防盗铁门": 1}, unit="3-1-101"))
    seen = []

    def take_in(dialog):
        qtbot.keyClicks(dialog.building, "3")
        dialog.update_preview()
        seen.append(dialog.summary.text())
        assert not dialog.ok_button.isEnabled()  # one unit has a set: tick to skip it
        dialog.skip_existing.setChecked(True)
        dialog.cabinet.setText("B柜")
        dialog.update_preview()
        seen.append(dialog.summary.text())
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(KeyIntakeDialog, take_in)
    page.named_actions["intake"].trigger()
    assert "1 套房屋已有此类钥匙：3-1-101" in seen[0]
    assert seen[1].startswith("新建 23 套：K0000002（3-1-102）… K0000024（3-2-602）")
    assert registry.count_sets(desk) == 24
    new = registry.find(desk, "K0000024")
    assert new.unit_code == "3-2-602" and new.place == "B柜-023"
    assert "B柜-001" in seen[1] and "B柜-023" in seen[1]
    assert {p.piece_type: p.held for p in registry.pieces(desk, new.id)} == {
        "防盗铁门": 2,
        "单元门": 1,
        "电子对讲门": 1,
        "信报箱": 1,
    }
    [(pdf, _title)] = shown.previews  # the clerk said yes to the labels
    assert "K0000002" in pdf_text(pdf) and "K0000024" in pdf_text(pdf)
    assert "K0000001" not in pdf_text(pdf)


def _lend(desk, code, **borrower):
    row = registry.find(desk, code)
    return loans.lend(desk, row.id, LoanInput(Borrower(**borrower), "巡查"), None).value


def test_look_up_what_a_person_holds_and_a_units_keys(
    staffed_desk, make_window, qtbot, when_modal, clock
):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)
    roof = registry.create_set(
        desk, KeySetInput("公共区域", {"天台门": 2}, building="3", floor="屋顶")
    ).value
    pipe = registry.create_set(
        desk, KeySetInput("公共区域", {"管道井门": 1}, building="3", floor="1")
    ).value
    trust = registry.create_set(
        desk, KeySetInput("业主代管", {"防盗铁门": 1}, unit="3-2-501")
    ).value
    technician = repair_setup.technicians(desk)[0]
    _lend(desk, roof.code, technician_id=technician.id)
    clock.advance(minutes=20)
    loans.return_keys(desk, roof.id)
    _lend(desk, pipe.code, technician_id=technician.id)
    results = {}

    def look(dialog):
        dialog.query.setText("王建国")  # typed through an input method
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        results["person"] = (dialog.summary.text(), dialog.rows())
        dialog.look_up("3-2-501")
        results["unit"] = (dialog.summary.text(), dialog.rows())
        dialog.look_up("王建国")
        assert dialog.table.hasFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the newest loan: the pipe key

    when_modal(KeyLookupDialog, look)
    page.named_actions["lookup"].trigger()
    summary, rows = results["person"]
    assert pipe.code in summary and roof.code not in summary
    assert [r[4] for r in rows] == ["未还", "11-20 08:20"]  # newest first
    assert pipe.code in rows[0][2] and roof.code in rows[1][2]
    unit_summary, unit_rows = results["unit"]
    assert trust.code in unit_summary
    assert [r[2] for r in unit_rows] == ["入库"]
    assert page.current.id == pipe.id


def test_the_register_and_labels_print_from_the_tab(
    staffed_desk, make_window, qtbot, when_modal, shown
):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)
    roof = registry.create_set(
        desk, KeySetInput("公共区域", {"天台门": 2}, building="3", floor="屋顶")
    ).value
    technician = repair_setup.technicians(desk)[0]
    _lend(desk, roof.code, technician_id=technician.id)
    page.show_set(roof.id)

    when_modal(RegisterDialog, lambda dialog: dialog.accept())
    page.named_actions["register"].trigger()
    when_modal(LabelsDialog, lambda dialog: dialog.accept())
    page.named_actions["labels"].trigger()
    (register, _), (labels, _) = shown.previews
    text = pdf_text(register)
    assert "钥匙借用登记表" in text and roof.code in text and "王建国" in text
    assert roof.code in pdf_text(labels).split() and "3" not in pdf_text(labels)


def test_labels_of_a_building_that_has_none_are_refused_in_the_dialog(
    staffed_desk, make_window, qtbot, when_modal, shown
):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)
    errors = []

    def building(dialog):
        assert dialog.building_choice.isChecked()  # no set chosen: a building
        qtbot.keyClicks(dialog.building, "3")
        dialog.accept()
        errors.append(dialog.error_text())
        dialog.reject()

    when_modal(LabelsDialog, building)
    page.named_actions["labels"].trigger()
    assert errors == ["3栋没有登记的钥匙，无标签可打印。"]
    assert shown.previews == []


def test_the_sets_export_to_excel(staffed_desk, make_window, tmp_path):
    desk = keys_estate(staffed_desk)
    page = keys_page(make_window, desk)
    registry.create_set(desk, KeySetInput("公共区域", {"天台门": 2}, building="3", floor="屋顶"))
    out = tmp_path / "钥匙.xlsx"
    page.export_sets(str(out))
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "K0000001"
    assert "1" in page.scan_message.text()
