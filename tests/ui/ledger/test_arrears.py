"""The arrears page: the owing units with their stage colours, the filters, the chosen unit's
debt and chasing history, recording a step by keyboard, printing notices, the export, and
refreshing from the hub."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desk_app.services.desk import documents
from desk_app.services.ledger import arrears, charges, payments
from desk_app.ui.ledger.arrears_dialogs import RecordActionDialog
from desk_app.ui.ledger.arrears_models import STAGE_BACKGROUND, ArrearsModel
from desk_app.ui.ledger.arrears_page import ArrearsPage
from desk_app.ui.operations import announce
from tests.builders.ledger import arrears_estate as build_estate
from tests.builders.ledger import charge
from tests.builders.ui import change_events, type_text

M = ArrearsModel


@pytest.fixture
def estate(staffed_desk):
    """Stage 3 (5-1-101), stage 2 (3-1-101) and stage 1 (3-2-501) on 2026-11-20."""
    desk = staffed_desk
    units = build_estate(desk)
    charge(desk, units["5-1-101"], "property", "2026-08-20", amount="300", period="2026-08")
    charge(desk, units["3-1-101"], "property", "2026-09-20", period="2026-09")
    charge(desk, units["3-2-501"], "property", "2026-10-20", period="2026-10")
    return desk, units


def make_page(qtbot, desk, hub) -> ArrearsPage:
    page = ArrearsPage(desk, hub)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(page.isActiveWindow)
    return page


def cell(page, row, column, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, column).data(role)


def column_texts(page, column):
    return [cell(page, row, column) for row in range(page.model.rowCount())]


def test_list_shows_the_owing_units_by_stage_with_the_chosen_units_debt(
    estate, qtbot, hub, qtmodeltester
):
    desk, units = estate
    page = make_page(qtbot, desk, hub)
    assert page.objectName() == "arrears_page"
    assert column_texts(page, M.UNIT) == ["5栋1单元101", "3栋1单元101", "3栋2单元501"]
    assert column_texts(page, M.STAGE) == ["第三阶段", "第二阶段", "第一阶段"]
    assert cell(page, 2, M.CUSTOMER) == "张三" and cell(page, 2, M.PHONE) == "138****5678"
    assert cell(page, 2, M.OWED) == "¥238.28" and cell(page, 2, M.LATE_FEE) == "¥3.69"
    assert cell(page, 0, M.DUE_NEXT) == "入户书面催款（或挂号邮寄）"
    assert cell(page, 0, M.STAGE, Qt.ItemDataRole.BackgroundRole) == STAGE_BACKGROUND[3]
    assert cell(page, 2, M.STAGE, Qt.ItemDataRole.BackgroundRole) == STAGE_BACKGROUND[1]
    assert cell(page, 0, M.OWED, Qt.ItemDataRole.BackgroundRole) is None
    assert "3" in page.count_label.text()
    qtmodeltester.check(page.model)

    # the first unit is chosen: its charge and its late fee on a line of its own
    assert page.row.unit_id == units["5-1-101"]
    debt = [
        [page.debt_model.index(r, c).data() for c in range(4)]
        for r in range(page.debt_model.rowCount())
    ]
    assert debt[0] == ["物业服务费 2026-08", "2026-08-20", debt[0][2], "¥300.00"]
    assert len(debt) == 2 and "物业服务费 2026-08" in debt[1][0]
    assert debt[1][3] == "¥13.80"  # 92 days at 万分之5
    assert "¥313.80" in page.debt_total_label.text()

    page.select_row(2)
    assert page.row.unit_id == units["3-2-501"]
    assert page.debt_model.rowCount() == 2
    assert page.actions_model.rowCount() == 0


def test_filters_by_stage_and_building(estate, qtbot, hub):
    desk, _units = estate
    page = make_page(qtbot, desk, hub)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(2))
    assert column_texts(page, M.UNIT) == ["3栋1单元101"]
    assert page.row is not None and page.row.stage == 2
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(1))
    assert column_texts(page, M.UNIT) == ["3栋2单元501"]
    page.stage_filter.setCurrentIndex(0)
    page.building_filter.setCurrentIndex(page.building_filter.findData("5"))
    assert column_texts(page, M.UNIT) == ["5栋1单元101"]
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(1))
    assert page.model.rowCount() == 0 and page.row is None
    assert not page.named_actions["record_action"].isEnabled()
    assert not page.named_actions["print_notices"].isEnabled()


def test_record_a_phone_call_by_keyboard_and_see_it_in_the_history(estate, qtbot, hub, when_modal):
    desk, units = estate
    page = make_page(qtbot, desk, hub)
    page.select_row(2)  # 3-2-501, stage 1: a call and a written notice are due
    page.view.setFocus()
    events = change_events(hub)

    def fill(dialog: RecordActionDialog) -> None:
        assert QApplication.focusWidget() is dialog.action
        assert dialog.chosen_action() == "phone"  # the first step due
        assert dialog.postal_receipt_no.isHidden()
        assert dialog.done_on.text() == "2026-11-20"
        qtbot.keyClick(dialog.action, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.done_on, Qt.Key.Key_Tab)  # the postal number is hidden
        assert QApplication.focusWidget() is dialog.note
        type_text(qtbot, dialog.note, "答应月底前交")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    when_modal(RecordActionDialog, fill)
    qtbot.keyClick(page.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    [event] = events
    [step_id] = event.ids("arrears_actions")
    assert arrears.actions_of_unit(desk, units["3-2-501"])[0].id == step_id
    [step] = arrears.actions_of_unit(desk, units["3-2-501"])
    assert (step.action, step.note, step.stage) == ("phone", "答应月底前交", 1)
    assert page.row.unit_id == units["3-2-501"]  # still chosen after the refresh
    history = [page.actions_model.index(0, c).data() for c in range(8)]
    assert history[:3] == ["2026-11-20", "电话催缴", "第一阶段"]
    assert history[5] == "答应月底前交" and history[6] == "张丽"
    row = page.model.row_of_unit(units["3-2-501"])
    assert cell(page, row, M.LAST_ACTION) == "电话催缴"
    assert cell(page, row, M.DUE_NEXT) == "书面通知"


def test_registered_post_asks_for_the_postal_receipt_number(estate, qtbot, hub, when_modal):
    desk, units = estate
    page = make_page(qtbot, desk, hub)
    assert page.row.unit_id == units["5-1-101"]

    def post(dialog: RecordActionDialog) -> None:
        dialog.action.setCurrentIndex(dialog.action.findData("registered_post"))
        assert not dialog.postal_receipt_no.isHidden()
        dialog.accept()  # no number yet: refused, the cursor in the number
        assert dialog.isVisible() and "邮寄单据" in dialog.error_text()
        assert QApplication.focusWidget() is dialog.postal_receipt_no
        assert arrears.actions_of_unit(desk, units["5-1-101"]) == []
        type_text(qtbot, dialog.postal_receipt_no, "XA123456789CN")
        dialog.accept()

    when_modal(RecordActionDialog, post)
    page.named_actions["record_action"].trigger()
    [step] = arrears.actions_of_unit(desk, units["5-1-101"])
    assert (step.action, step.postal_receipt_no) == ("registered_post", "XA123456789CN")
    assert cell(page, 0, M.DUE_NEXT) == "本阶段已办"


def test_print_notice_and_bulk_notices_are_archived_and_recorded(estate, qtbot, hub, shown):
    desk, units = estate
    page = make_page(qtbot, desk, hub)
    events = change_events(hub)
    page.select_row(2)
    page.named_actions["print_notice"].trigger()
    [(pdf, title)] = shown.previews
    assert pdf.startswith(b"%PDF") and title.startswith("催款通知书 3栋2单元501")
    assert [a.action for a in arrears.actions_of_unit(desk, units["3-2-501"])] == ["notice"]
    assert page.actions_model.rowCount() == 1

    page.stage_filter.setCurrentIndex(page.stage_filter.findData(3))
    page.named_actions["print_notices"].trigger()  # confirmed (the test's message boxes say yes)
    assert len(shown.previews) == 2 and shown.previews[1][1].endswith("（1 户）")
    assert [a.action for a in arrears.actions_of_unit(desk, units["5-1-101"])] == ["notice"]
    assert arrears.actions_of_unit(desk, units["3-1-101"]) == []
    printed = [d for e in events for d in e.ids("documents")]
    assert len(printed) == 2 and len(events) == 2  # one event per print, bulk or not
    assert all(documents.pdf_of(desk, d) for d in printed)


def test_export_writes_the_list_as_shown(estate, qtbot, hub, monkeypatch, tmp_path):
    desk, _units = estate
    target = tmp_path / "arrears"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), ""))
    )
    page = make_page(qtbot, desk, hub)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(2))
    page.named_actions["export"].trigger()
    rows = list(load_workbook(tmp_path / "arrears.xlsx").active.iter_rows(values_only=True))
    assert "第二阶段" in rows[0][0]
    assert [r[0] for r in rows[2:-1]] == ["3栋1单元101"]


def test_refreshes_when_a_payment_is_recorded(estate, qtbot, hub):
    desk, units = estate
    page = make_page(qtbot, desk, hub)
    owing = charges.owing(desk, units["3-1-101"])
    payment = payments.take_payment(
        desk, units["3-1-101"], method="现金", charge_ids=[r.charge_id for r in owing]
    )
    assert page.model.row_of_unit(units["3-1-101"]) >= 0  # nothing told the page yet
    announce(hub, payment, None)
    assert page.model.row_of_unit(units["3-1-101"]) == -1
    assert page.model.rowCount() == 2
