"""Charges made at the desk from the payment page: a deposit charged and paid at once, and
a posted charge corrected by an adjusting entry that a supervisor approves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.core.money import format_fen
from desk_app.services.ledger import charges
from desk_app.storage import audit
from desk_app.ui.ledger.charge_dialogs import AdjustChargeDialog, NewChargeDialog
from desk_app.ui.ledger.payment_page import PaymentPage
from tests.builders.ledger import property_months
from tests.builders.ledger import receipt_estate as ledger_estate
from tests.builders.ui import CTRL, find_unit, supervisor_approves, type_text
from tests.builders.ui import show_ledger_page as show


@pytest.fixture
def estate(staffed_desk):
    unit = ledger_estate(staffed_desk)
    return staffed_desk, unit, property_months(staffed_desk, unit.id, "2026-10")


@pytest.fixture
def page(estate, hub, qtbot):
    return show(qtbot, PaymentPage(estate[0], hub))


def test_a_deposit_is_charged_ticked_and_paid(estate, page, qtbot, when_modal):
    desk, unit, _ids = estate
    find_unit(qtbot, page, "3-2-501")

    def fill(dialog: NewChargeDialog) -> None:
        dialog.item.setCurrentIndex(dialog.item.findData("renovation_deposit"))
        type_text(qtbot, dialog.amount, "2000")
        type_text(qtbot, dialog.description, "装修押金（厨卫改造）")
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)

    when_modal(NewChargeDialog, fill)
    qtbot.mouseClick(page.new_charge_button, Qt.MouseButton.LeftButton)
    deposit = [r for r in charges.owing(desk, unit.id) if r.kind == "deposit"]
    assert [(r.description, r.amount_fen) for r in deposit] == [("装修押金（厨卫改造）", 200000)]
    assert page.owing_model.ticked_ids() == [deposit[0].charge_id]
    assert page.total_label.text() == format_fen(200000)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return, CTRL)
    assert not [r for r in charges.owing(desk, unit.id) if r.kind == "deposit"]


def test_a_bad_amount_is_refused_in_the_dialog(estate, page, qtbot, when_modal):
    desk, unit, _ids = estate
    find_unit(qtbot, page, "3-2-501")
    before = audit.count(desk.db)
    seen = []

    def fill(dialog: NewChargeDialog) -> None:
        dialog.item.setCurrentIndex(dialog.item.findData("card_fee"))
        type_text(qtbot, dialog.amount, "12.345")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        seen.append(dialog.error_label.text())
        dialog.reject()

    when_modal(NewChargeDialog, fill)
    qtbot.mouseClick(page.new_charge_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0] and audit.count(desk.db) == before


def test_a_clerk_adjusts_a_charge_with_a_supervisors_approval(estate, page, qtbot, when_modal):
    desk, unit, ids = estate
    find_unit(qtbot, page, "3-2-501")
    page.owing_view.setCurrentIndex(page.owing_model.index(0, 1))

    def fill(dialog: AdjustChargeDialog) -> None:
        type_text(qtbot, dialog.amount, "-28.28")
        type_text(qtbot, dialog.reason, "面积更正")
        supervisor_approves(qtbot, when_modal)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(AdjustChargeDialog, fill)
    qtbot.mouseClick(page.adjust_button, Qt.MouseButton.LeftButton)
    [first] = [r for r in charges.owing(desk, unit.id) if r.charge_id == ids[0]]
    assert first.amount_fen == 23828 - 2828
    operations = [e.operation for e in audit.recent(desk.db, 2)]
    assert sorted(operations) == ["approval_granted", "charge_adjusted"]
