"""One write, one ``ChangeEvent``: each feature's write, done through its real page or
dialog on a real database, is announced on the hub exactly once, naming the tables it
wrote and the widget that started it; a refused write is shown at its field and
announces nothing.

``perform`` (``desk_app/ui/operations.py``) is the only emitter; these tests listen on
the hub as any view does, so a second emit, a missing one, a wrong source or a table
left out of the ``Changes`` would each fail them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import settings
from desk_app.services.directory import estate as directory_estate
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import NewRepair
from desk_app.services.shifts import operators
from desk_app.ui.desk.settings_dialog import SettingsDialog
from desk_app.ui.directory.people_dialogs import OccupantDialog
from desk_app.ui.ledger.payment_page import PaymentPage
from desk_app.ui.reception.page import ReceptionPage
from desk_app.ui.repairs.dialogs import DispatchDialog
from desk_app.ui.repairs.page import RepairsPage
from desk_app.ui.shifts.operators_dialog import NewOperatorDialog, OperatorsDialog
from tests.builders.ledger import months, payment_estate
from tests.builders.repairs import reception_estate
from tests.builders.ui import (
    CTRL,
    change_events,
    find_unit,
    focused,
    open_dialog,
    show,
    show_ledger_page,
    type_text,
)

# --- directory ---------------------------------------------------------------------------------


def test_adding_an_owner_on_the_unit_page_is_one_event(
    staffed_desk, make_window, hub, when_modal, qtbot
):
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    window = make_window(desk)
    window.open_unit(directory_estate.find_unit(desk, "3-1-101").id)
    page = window.feature_page("directory").unit_page
    events = change_events(hub)

    def fill(dialog: OccupantDialog) -> None:
        type_text(qtbot, dialog.person.name, "李四")
        qtbot.keyClicks(dialog.person.phone, "13900001111")
        qtbot.keyClick(dialog.person.phone, Qt.Key.Key_Return)

    when_modal(OccupantDialog, fill)
    page.add_person_button.click()
    [event] = events
    assert event.touches("people") and event.touches("occupancies")
    assert event.started_by(page)


# --- reception ---------------------------------------------------------------------------------


@pytest.fixture
def reception_page(qtbot, staffed_desk, hub) -> ReceptionPage:
    page = show(qtbot, ReceptionPage(reception_estate(staffed_desk), hub))
    page.focus_entry()
    return page


def test_a_plain_reception_entry_is_one_event(reception_page, hub, qtbot):
    page, form = reception_page, reception_page.form
    events = change_events(hub)
    type_text(qtbot, form.unit_edit, "3-2-501")
    form.category_choice.setFocus()
    qtbot.keyClick(form.category_choice, Qt.Key.Key_Z)  # 咨询
    type_text(qtbot, form.content_edit, "物业费怎么交")
    type_text(qtbot, form.result_edit, "已告知")
    qtbot.keyClick(form.result_edit, Qt.Key.Key_Return, CTRL)
    assert form.error_text() == ""
    [entry] = reception.list_entries(page.desk, EntryQuery())
    [event] = events
    assert event.ids("reception_entries") == {entry.id}
    assert not event.touches("repair_orders")
    assert event.started_by(page)


def test_a_repair_call_is_one_event_for_its_entry_and_its_order(reception_page, hub, qtbot):
    page, form = reception_page, reception_page.form
    events = change_events(hub)
    type_text(qtbot, form.unit_edit, "3-2-501")
    form.category_choice.setFocus()
    qtbot.keyClick(form.category_choice, Qt.Key.Key_B)  # 报修
    type_text(qtbot, form.content_edit, "厨房水龙头漏水")
    qtbot.keyClick(form.content_edit, Qt.Key.Key_Return, CTRL)
    assert form.error_text() == ""
    [entry] = reception.list_entries(page.desk, EntryQuery())
    [event] = events
    assert event.ids("reception_entries") == {entry.id}
    assert event.ids("repair_orders") == {entry.repair_order_id}
    assert event.started_by(page)


def test_an_unknown_room_is_refused_at_its_field_and_announces_nothing(reception_page, hub, qtbot):
    page, form = reception_page, reception_page.form
    events = change_events(hub)
    type_text(qtbot, form.unit_edit, "9-9-909")
    form.category_choice.setFocus()
    qtbot.keyClick(form.category_choice, Qt.Key.Key_Q)
    type_text(qtbot, form.content_edit, "求助开门")
    qtbot.keyClick(form.content_edit, Qt.Key.Key_Return, CTRL)
    assert "9-9-909" in form.error_text() and form.error_label.isVisible()
    assert focused() is form.unit_edit
    assert events == []
    assert reception.count_entries(page.desk, EntryQuery()) == 0


# --- repairs -----------------------------------------------------------------------------------


def test_dispatching_an_order_is_one_event(staffed_desk, hub, when_modal, qtbot):
    desk = reception_estate(staffed_desk)
    order = repairs.create_order(desk, NewRepair(content="灯不亮", unit="3-2-501")).value
    [technician] = repair_setup.technicians(desk)
    page = show(qtbot, RepairsPage(desk, hub))
    events = change_events(hub)

    def choose(dialog: DispatchDialog) -> None:
        dialog.technician.setCurrentIndex(dialog.technician.findData(technician.id))
        qtbot.keyClick(dialog.technician, Qt.Key.Key_Return)

    when_modal(DispatchDialog, choose)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_D, CTRL)
    assert repairs.get_order(desk, order.id).status == "已派工"
    [event] = events
    assert event.ids("repair_orders") == {order.id} and event.did("repair_dispatched")
    assert event.touches("repair_events")
    assert event.started_by(page)


# --- ledger ------------------------------------------------------------------------------------


@pytest.fixture
def payment_page(staffed_desk, hub, qtbot) -> PaymentPage:
    unit = payment_estate(staffed_desk)
    months(staffed_desk, unit, "2026-10")  # 238.28 owed, no late fee
    return show_ledger_page(qtbot, PaymentPage(staffed_desk, hub))


def pay_cash(qtbot, page: PaymentPage, tendered: str) -> list:
    """Tick the month, 现金, the cash tendered, Ctrl+Enter; the unit's receipts after."""
    find_unit(qtbot, page, "3-2-501")
    unit_id = page.unit_id
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Space)
    qtbot.keyClick(page.owing_view, Qt.Key.Key_Return)
    qtbot.keyClick(page.method_choice, Qt.Key.Key_1)  # 现金
    qtbot.keyClicks(page.tendered_edit, tendered)
    qtbot.keyClick(page.tendered_edit, Qt.Key.Key_Return, CTRL)
    return ledger_receipts.receipts_of_unit(page.desk, unit_id)


def test_a_payment_is_one_event_touching_receipts(payment_page, hub, qtbot):
    page = payment_page
    events = change_events(hub)
    [receipt] = pay_cash(qtbot, page, "300")
    assert page.error_text() == ""
    # Ctrl+Enter makes two writes: the payment, then its receipt archived for printing.
    ops = [event.changes.operations for event in events]
    assert ops == [("payment_received",), ("document_archived",)]
    payment, printed = events
    assert payment.ids("receipts") == {receipt.id}
    lines = ledger_receipts.receipt_lines(page.desk, receipt.id)
    assert payment.ids("receipt_lines") == {line.id for line in lines} != set()
    assert printed.touches("documents") and not printed.touches("receipts")
    assert payment.started_by(page) and printed.started_by(page)


def test_a_short_payment_is_refused_at_its_field_and_announces_nothing(payment_page, hub, qtbot):
    page = payment_page
    events = change_events(hub)
    assert pay_cash(qtbot, page, "200") == []
    assert page.error_text().startswith("实收现金不足")
    assert focused() is page.tendered_edit
    assert events == []


# --- shifts ------------------------------------------------------------------------------------


def test_adding_an_operator_is_one_event(manager_desk, hub, when_modal, qtbot):
    dialog = open_dialog(qtbot, OperatorsDialog(manager_desk, hub))
    events = change_events(hub)

    def fill(new: NewOperatorDialog) -> None:
        qtbot.keyClicks(new.username, "sunyue")
        type_text(qtbot, new.display_name, "孙悦")
        qtbot.keyClicks(new.password, "clerk-pass")
        qtbot.keyClicks(new.confirm, "clerk-pass")
        qtbot.keyClick(new.confirm, Qt.Key.Key_Return)

    when_modal(NewOperatorDialog, fill)
    dialog.add_button.click()
    added = operators.authenticate(manager_desk, "sunyue", "clerk-pass")
    [event] = events
    assert event.ids("operators") == {added.id}
    assert event.started_by(dialog)


# --- desk --------------------------------------------------------------------------------------


def test_saving_the_settings_is_one_event(manager_desk, hub, qtbot):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    events = change_events(hub)
    dialog.estate_name.selectAll()
    type_text(qtbot, dialog.estate_name, "翠湖花园")
    dialog.callback_hours.setValue(48)
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    assert settings.get_all(manager_desk)["estate.name"] == "翠湖花园"
    [event] = events
    assert event.keys("settings") == {"estate.name", "limits.callback_hours"}
    assert event.started_by(dialog)
