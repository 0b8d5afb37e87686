"""The billing page by keyboard: a building's readings typed into the grid (number, Enter,
next room), generated, posted, printed and exported; the fee setup dialog."""

from __future__ import annotations

import re

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QTabWidget,
    QWidget,
)

from desk_app.services.ledger import billing
from desk_app.services.shifts import login
from desk_app.ui.ledger.billing_models import PROBLEM_BACKGROUND, BillingLinesModel, ReadingsModel
from desk_app.ui.ledger.billing_page import BillingPage
from desk_app.ui.ledger.fee_setup_dialog import (
    BookDialog,
    FeeItemDialog,
    FeeSetupDialog,
    RateDialog,
)
from tests.builders.ledger import billing_estate as build_billing_estate
from tests.builders.ledger import read_meters as read
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, touching, type_text


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    units = build_billing_estate(desk)
    read(desk, units, "2026-11", {"3-1-101": "100", "3-1-102": "200"})
    return desk, units


@pytest.fixture
def page(qtbot, estate, hub):
    desk, _units = estate
    widget = BillingPage(desk, hub)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def key(qtbot, which) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which)


def type_reading(qtbot, text: str) -> None:
    """Type on whatever has the focus, as the clerk's keyboard does, then Enter."""
    for char in text:
        key(qtbot, char)
    key(qtbot, Qt.Key.Key_Return)


def open_readings(qtbot, page: BillingPage) -> None:
    page.tabs.setCurrentIndex(0)
    panel = page.readings
    assert panel.item_combo.currentData() == "water"
    panel.building_combo.setCurrentIndex(panel.building_combo.findData("3"))
    panel.view.setFocus()
    panel.view.first_entry()
    qtbot.waitUntil(panel.view.hasFocus)


def readings_of(desk, period: str) -> list[tuple[str, int]]:
    return [
        tuple(r)
        for r in desk.db.execute(
            "SELECT u.code, m.reading_centi FROM meter_readings m JOIN units u ON u.id = m.unit_id "
            "WHERE m.period = ? ORDER BY m.id",
            [period],
        )
    ]


def test_type_a_buildings_readings_generate_and_post(qtbot, page, estate, hub, shown):
    desk, _units = estate
    assert page.period_edit.text() == "2026-12"  # next month
    assert page.due_edit.placeholderText() == "2026-12-15"
    open_readings(qtbot, page)
    view, model = page.readings.view, page.readings.model
    assert [model.row_at(n).unit_code for n in range(model.rowCount())] == [
        "3-1-101",
        "3-1-102",
        "3-1-201",
        "3-1-202",
    ]
    type_reading(qtbot, "112")
    assert view.currentIndex().row() == 1  # Enter went to the next room
    type_reading(qtbot, "205.5")
    type_reading(qtbot, "50")  # a first reading: kept as the base
    assert view.currentIndex().row() == 3
    assert model.index(0, ReadingsModel.USAGE).data() == "12"
    assert model.index(1, ReadingsModel.USAGE).data() == "5.5"
    assert len(model.pending()) == 3

    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert readings_of(desk, "2026-12") == [
        ("3-1-101", 11200),
        ("3-1-102", 20550),
        ("3-1-201", 5000),
    ]
    assert shown.texts("info")[-1].startswith("3")
    assert model.pending() == [] and model.index(0, ReadingsModel.CURRENT).data() == "112"

    for code, box in page.item_boxes.items():
        box.setChecked(code in ("property", "water"))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    lines = page.lines_model.lines()
    water = {line.unit_code: line for line in lines if line.item_code == "water"}
    assert water["3-1-101"].amount_fen == 4200 and water["3-1-102"].amount_fen == 1925
    assert water["3-1-201"].problem == billing.FIRST_READING
    problem_row = lines.index(water["3-1-201"])
    assert page.lines_model.index(problem_row, 0).data(Qt.ItemDataRole.BackgroundRole) == (
        PROBLEM_BACKGROUND
    )
    assert page.lines_model.index(problem_row, BillingLinesModel.PROBLEM).data() == (
        billing.FIRST_READING
    )
    assert "¥1,040.00" in page.totals_label.text() and "¥61.25" in page.totals_label.text()
    assert page.post_button.isEnabled()

    with qtbot.waitSignal(hub.changed, check_params_cb=touching("charges")):
        qtbot.keyClick(
            page.lines_view,
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    charges = desk.db.execute("SELECT count(*), sum(amount_fen) FROM charges").fetchone()
    assert tuple(charges) == (8, 104000 + 4200 + 1925)
    assert page.sheet is not None and page.sheet.posted and page.sheet.total_fen == charges[1]
    assert not page.post_button.isEnabled()
    assert page.runs_combo.currentData() == page.sheet.run_id
    assert str(page.sheet.run_id) in page.sheet_status.text()
    assert "2026-12" in page.sheet_status.text()


def test_a_refused_reading_names_the_room_and_nothing_is_written(qtbot, page, estate, shown):
    desk, _units = estate
    open_readings(qtbot, page)
    view, model = page.readings.view, page.readings.model
    type_reading(qtbot, "110")
    type_reading(qtbot, "150")  # below the previous 200
    assert "小于上次读数" in model.index(1, ReadingsModel.NOTE).data()
    assert model.index(1, ReadingsModel.CURRENT).data(Qt.ItemDataRole.BackgroundRole) == (
        PROBLEM_BACKGROUND
    )
    assert not page.readings.save()
    [warning] = shown.texts("warning")
    assert "3-1-102" in warning and "小于上次读数" in warning
    assert view.currentIndex().row() == 1 and view.hasFocus()
    assert readings_of(desk, "2026-12") == []

    view.setCurrentIndex(model.index(1, ReadingsModel.CURRENT))
    type_reading(qtbot, "210")
    assert page.readings.save()
    assert readings_of(desk, "2026-12") == [("3-1-101", 11000), ("3-1-102", 21000)]


def test_template_and_import_through_the_file_dialogs(
    qtbot, page, estate, shown, tmp_path, monkeypatch
):
    desk, _units = estate
    open_readings(qtbot, page)
    target = tmp_path / "抄表单.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(page.readings.template_button, Qt.MouseButton.LeftButton)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=3):
        row[3].value = {"3-1-101": 120, "3-1-102": 230}.get(row[0].value)
    workbook.save(target)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(page.readings.import_button, Qt.MouseButton.LeftButton)
    assert readings_of(desk, "2026-12") == [("3-1-101", 12000), ("3-1-102", 23000)]
    assert page.readings.model.index(0, ReadingsModel.CURRENT).data() == "120"


def test_print_and_export_the_posted_sheet(qtbot, page, estate, shown, tmp_path, monkeypatch):
    desk, _units = estate
    for code, box in page.item_boxes.items():
        box.setChecked(code == "property")
    page.building_combo.setCurrentIndex(page.building_combo.findData("5"))
    page.generate()
    assert page.post()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    [(pdf, title)] = shown.previews
    assert pdf.startswith(b"%PDF") and "2026-12" in title
    target = tmp_path / "计费表.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[-1][0] == "合计" and rows[-1][7] == 300

    page.generate()  # the same month again: everything is billed already
    assert page.preview is not None and page.preview.count == 0
    assert not page.post_button.isEnabled()
    assert desk.db.execute("SELECT count(*) FROM charges").fetchone()[0] == 2


def test_a_bad_month_is_shown_and_the_cursor_goes_back(qtbot, page, shown):
    page.period_edit.setText("2026-13")
    page.generate()
    assert "计费月份" in shown.texts("warning")[-1]
    assert page.period_edit.hasFocus()


def test_fee_setup_by_a_supervisor(qtbot, estate, hub, when_modal):
    desk, _units = estate
    login.login(desk, "lee", PASSWORD, "早班")
    dialog = open_dialog(qtbot, FeeSetupDialog(desk, hub))
    assert not dialog.notice.isVisible() and dialog.add_item_button.isEnabled()
    rates_before = dialog.rates_model.rowCount()

    def add_item(form: FeeItemDialog) -> None:
        type_text(qtbot, form.code, "hot_water")
        type_text(qtbot, form.name, "热水费")
        form.kind.setCurrentIndex(form.kind.findData("metered"))
        form.accept()

    when_modal(FeeItemDialog, add_item)
    dialog.add_item()
    assert "hot_water" in [item.code for item in dialog.items_model.rows()]

    def add_rate(form: RateDialog) -> None:
        form.item.setCurrentIndex(form.item.findData("hot_water"))
        type_text(qtbot, form.price, "25.125")
        form.effective_from.setText("2026-12-01")
        form.accept()

    when_modal(RateDialog, add_rate)
    dialog.add_rate()
    assert dialog.rates_model.rowCount() == rates_before + 1
    rate = billing.rates(desk)[-1]
    assert (rate.price_milli_yuan, rate.effective_from, rate.unit_kind) == (
        25125,
        "2026-12-01",
        None,
    )

    def bad_then_good_book(form: BookDialog) -> None:
        type_text(qtbot, form.first, "abc")
        form.accept()
        assert "数字" in form.error_text() and form.first.hasFocus()
        form.first.setText("5001")
        form.last.setText("5050")
        form.accept()

    when_modal(BookDialog, bad_then_good_book)
    dialog.add_book()
    [book] = dialog.books_model.rows()
    assert (book.first_no, book.last_no) == (5001, 5050)
    assert dialog.books_model.index(0, 4).data() == "50"


def test_fee_setup_for_a_clerk_is_read_only(qtbot, estate, hub):
    desk, _units = estate  # zhang, a clerk, is on duty
    dialog = open_dialog(qtbot, FeeSetupDialog(desk, hub))
    assert dialog.notice.isVisible() and "客服主管" in dialog.notice.text()
    assert not dialog.add_item_button.isEnabled() and not dialog.add_rate_button.isEnabled()
    assert not dialog.add_book_button.isEnabled()
    assert dialog.items_model.rowCount() > 0 and dialog.rates_model.rowCount() == 5


MNEMONIC = re.compile(r"&([^&])")


def letters(texts: list[str]) -> list[str]:
    return [m.group(1).upper() for text in texts for m in MNEMONIC.finditer(text)]


def texts_in(widget: QWidget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel)]
    texts += [button.text() for button in widget.findChildren(QAbstractButton)]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    return texts


def test_every_alt_letter_is_used_once(qtbot, page, estate, hub):
    desk, _units = estate
    shared = [label.text() for label in page.findChildren(QLabel) if label.parent() is page]
    shared += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    for tab in (page.readings, page.tabs.widget(1)):  # one tab is shown at a time
        found = letters(shared + texts_in(tab))
        assert len(found) == len(set(found)), found
    login.login(desk, "lee", PASSWORD, "早班")
    for dialog in (
        FeeSetupDialog(desk, hub),
        FeeItemDialog(desk, hub),
        RateDialog(desk, hub, billing.billable_items(desk)),
        BookDialog(desk, hub),
    ):
        qtbot.addWidget(dialog)
        found = letters(texts_in(dialog))
        assert len(found) == len(set(found)), (dialog.objectName(), found)
