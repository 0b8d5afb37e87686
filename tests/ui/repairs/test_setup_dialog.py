"""维修设置: a supervisor keeps the technicians and the paid-service prices; a clerk sees
them read-only and is refused by the service; an empty setup loads the example list."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import login
from desk_app.ui.repairs.setup_dialog import PriceDialog, RepairSetupDialog, TechnicianDialog
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, touching, type_text


@pytest.fixture
def supervisor_desk(staffed_desk):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    return staffed_desk


def audit_rows(desk):
    return desk.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_supervisor_adds_a_technician_and_a_price(supervisor_desk, qtbot, hub, when_modal):
    desk = supervisor_desk
    dialog = open_dialog(qtbot, RepairSetupDialog(desk, hub))
    assert dialog.notice.isHidden()
    assert dialog.add_technician_button.isEnabled() and dialog.add_price_button.isEnabled()
    assert dialog.starter_button.isVisible()  # nothing set up yet

    def technician(form):
        type_text(qtbot, form.name, "王建国")
        form.kind.setCurrentText("工程部")
        form.phone.setText("13900001111")
        type_text(qtbot, form.specialty, "水电")
        form.accept()

    when_modal(TechnicianDialog, technician)
    with qtbot.waitSignal(hub.changed, check_params_cb=touching("technicians")):
        dialog.add_technician_button.click()
    [row] = repair_setup.technicians(desk)
    assert (row.name, row.kind, row.phone, row.specialty) == (
        "王建国",
        "工程部",
        "13900001111",
        "水电",
    )
    assert dialog.technicians_model.rowCount() == 1

    def price(form):
        form.category.setEditText("水")
        type_text(qtbot, form.name, "更换水龙头")
        type_text(qtbot, form.unit, "个")
        form.price_edit.setText("35")
        form.labour.setText("20")
        form.accept()

    dialog.tabs.setCurrentIndex(1)
    when_modal(PriceDialog, price)
    with qtbot.waitSignal(hub.changed, check_params_cb=touching("service_prices")):
        dialog.add_price_button.click()
    [item] = repair_setup.prices(desk)
    assert (item.category, item.name, item.unit, item.price_fen, item.labour_fen) == (
        "水",
        "更换水龙头",
        "个",
        3500,
        2000,
    )
    assert dialog.prices_model.index(0, 3).data() == "¥35.00"
    assert dialog.changed
    assert not dialog.starter_button.isVisible()


def test_a_bad_price_is_refused_inline(supervisor_desk, qtbot, hub):
    before = audit_rows(supervisor_desk)
    form = open_dialog(qtbot, PriceDialog(supervisor_desk, hub))
    form.name.setText("更换角阀")
    form.price_edit.setText("abc")
    form.accept()
    assert "单价" in form.error_text()
    assert QApplication.focusWidget() is form.price_edit
    assert audit_rows(supervisor_desk) == before


def test_edit_and_deactivate(supervisor_desk, qtbot, hub, when_modal):
    desk = supervisor_desk
    repair_setup.add_technician(desk, "刘强", specialty="水电")
    repair_setup.add_price(desk, "更换角阀", "25", category="水", unit="个")
    dialog = open_dialog(qtbot, RepairSetupDialog(desk, hub))
    dialog.toggle_technician_button.click()
    assert not repair_setup.technicians(desk, active_only=False)[0].active
    assert repair_setup.technicians(desk) == []
    dialog.toggle_technician_button.click()
    assert repair_setup.technicians(desk)[0].active

    def raise_price(form):
        assert form.price_edit.text() == "25.00"
        form.price_edit.setText("28")
        form.accept()

    dialog.tabs.setCurrentIndex(1)
    when_modal(PriceDialog, raise_price)
    dialog.edit_price_button.click()
    assert repair_setup.prices(desk)[0].price_fen == 2800
    dialog.toggle_price_button.click()
    assert repair_setup.prices(desk) == []


def test_clerk_sees_the_setup_read_only_and_is_refused(staffed_desk, qtbot, hub):
    desk = staffed_desk  # the clerk zhang is on duty
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国")
    login.login(desk, "zhang", PASSWORD, "早班")
    dialog = open_dialog(qtbot, RepairSetupDialog(desk, hub))
    assert dialog.notice.isVisible() and "主管" in dialog.notice.text()
    for push in (
        dialog.add_technician_button,
        dialog.edit_technician_button,
        dialog.toggle_technician_button,
        dialog.add_price_button,
        dialog.starter_button,
    ):
        assert not push.isEnabled()
    assert dialog.technicians_model.rowCount() == 1  # still shown
    before = audit_rows(desk)
    form = open_dialog(qtbot, TechnicianDialog(desk, hub))
    form.name.setText("刘强")
    form.accept()
    assert "主管" in form.error_text() and form.isVisible()
    assert audit_rows(desk) == before
    assert [t.name for t in repair_setup.technicians(desk)] == ["王建国"]


def test_load_the_example_lists(supervisor_desk, qtbot, hub):
    desk = supervisor_desk
    dialog = open_dialog(qtbot, RepairSetupDialog(desk, hub))
    with qtbot.waitSignal(hub.changed, check_params_cb=touching("service_prices")):
        dialog.starter_button.click()
    assert len(repair_setup.technicians(desk)) == len(repair_setup.STARTER_TECHNICIANS)
    assert len(repair_setup.prices(desk)) == len(repair_setup.STARTER_PRICES)
    assert dialog.prices_model.rowCount() == len(repair_setup.STARTER_PRICES)
    assert not dialog.starter_button.isVisible()


def test_no_clashing_mnemonics(supervisor_desk, qtbot, hub):
    from tests.builders.ui import clashes

    repair_setup.add_technician(supervisor_desk, "刘强")
    repair_setup.add_price(supervisor_desk, "更换角阀", "25")
    dialog = open_dialog(qtbot, RepairSetupDialog(supervisor_desk, hub))
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert clashes(dialog) == [], index
    for form in (
        TechnicianDialog(supervisor_desk, hub, repair_setup.technicians(supervisor_desk)[0]),
        PriceDialog(supervisor_desk, hub, repair_setup.prices(supervisor_desk)[0]),
    ):
        open_dialog(qtbot, form)
        assert clashes(form) == [], type(form).__name__
