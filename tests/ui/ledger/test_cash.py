"""The cash page (收款与月结) by keyboard: the shift's drawer, the handover to finance with
its slip, the Friday notice, refreshing from the hub, and the month-end report printed,
exported and closed with a supervisor's approval."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desk_app.core.clock import CHINA_TZ
from desk_app.services.ledger import cash_drawer, charges, month_close, payments
from desk_app.services.shifts import login
from desk_app.ui.ledger import close_section
from desk_app.ui.ledger.cash_dialogs import HandOverDialog
from desk_app.ui.ledger.cash_page import CashPage
from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from tests.builders.ledger import PROPERTY, busy_shift
from tests.builders.ledger import cash_estate as ledger_estate
from tests.builders.staff import PASSWORD
from tests.builders.ui import change_events, type_text, written_elsewhere
from tests.builders.ui import show_ledger_page as show

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def estate(staffed_desk):
    a, b = ledger_estate(staffed_desk)
    return staffed_desk, a, b


@pytest.fixture
def page(estate, hub, qtbot):
    return show(qtbot, CashPage(estate[0], hub))


def cells(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_drawer_and_what_waits_for_finance(estate, page, hub, qtmodeltester):
    desk, a, b = estate
    assert page.methods_model.rowCount() == 0 and not page.hand_over_button.isEnabled()
    assert page.notice_label.isHidden()
    receipts = busy_shift(desk, a, b)
    written_elsewhere(hub, "receipts", *(r.receipt.id for r in receipts))
    assert cells(page.methods_model, 0) == ["现金", "微信"]
    assert cells(page.methods_model, 2) == ["¥2,238.28", "¥400.00"]
    qtmodeltester.check(page.methods_model)
    assert "0001001–0001004（4 张）" in page.numbers_label.text()
    assert cells(page.voids_model, 0) == ["0001004"]
    assert cells(page.refunds_model, 1) == ["0001003"]
    assert "¥1,738.28" in page.cash_label.text()
    assert cells(page.pending_items_model, 0) == ["物业服务费", "车位管理费", "装修押金", "预收款"]
    assert "¥1,738.28" in page.pending_totals.text()
    assert page.hand_over_button.isEnabled()
    # 2026-11-20 is a Friday, the default handover day
    assert page.notice_label.isVisible() and "¥1,738.28" in page.notice_label.text()


def test_hand_over_by_keyboard_prints_the_slip(estate, page, hub, qtbot, when_modal, shown):
    desk, a, b = estate
    busy_shift(desk, a, b)
    page.refresh()
    events = change_events(hub)

    def fill(dialog: HandOverDialog) -> None:
        assert "¥1,738.28" in dialog.intro_label.text()
        qtbot.keyClick(dialog.received_by, Qt.Key.Key_Return)  # empty: refused in Chinese
        assert dialog.error_text() == "请填写财务收款人姓名。"
        type_text(qtbot, dialog.received_by, "王会计")
        qtbot.keyClick(dialog.received_by, Qt.Key.Key_Return)

    when_modal(HandOverDialog, fill)
    qtbot.keyClick(page.methods_view, Qt.Key.Key_F, CTRL_SHIFT)
    [row] = cash_drawer.handovers(desk)
    handed = [i for e in events for i in e.ids("cash_handovers")]
    assert handed == [row.id] and row.received_by == "王会计" and row.cash_fen == 173828
    [(pdf, title)] = shown.previews
    assert pdf.startswith(b"%PDF") and title == "上缴财务交款单 0001"
    assert not page.hand_over_button.isEnabled() and page.notice_label.isHidden()
    assert page.pending_methods_model.rowCount() == 0


def test_nothing_to_hand_over_is_said_not_asked(estate, page, shown):
    page.hand_over()  # no dialog opens (when_modal is not armed: a modal would hang)
    assert len(shown.texts("info")) == 1
    assert cash_drawer.handovers(page.desk) == []


def at(clock, day: str, hour: int = 10) -> None:
    clock.set(datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=CHINA_TZ))


def test_the_month_end_report_export_and_close_with_approval(
    estate, hub, qtbot, clock, when_modal, shown, tmp_path, monkeypatch
):
    desk, a, b = estate
    charges.post_charge(desk, a.id, "property", due_on="2026-10-15", period="2026-10")
    charges.post_charge(desk, b.id, "parking", due_on="2026-11-15", period="2026-11")
    payments.take_payment(desk, b.id, method="现金", amount="150")
    at(clock, "2026-11-25", 18)
    page = show(qtbot, CashPage(desk, hub))
    section = page.close_section
    assert section.period() == "2026-11"  # the latest period not closed
    assert "2026-10-26" in section.bounds_label.text()
    assert "2026-11-25" in section.bounds_label.text()
    summary = dict(section.summary_model.rows())
    assert summary["本期应收（到期费用，含调整，不含押金）"] == "¥150.00"
    assert summary["期末欠费（1 户）"] == f"¥{PROPERTY / 100:,.2f}"
    assert cells(section.ages_model, 2)[1] == f"¥{PROPERTY / 100:,.2f}"  # 1–2 months

    target = tmp_path / "月结"
    monkeypatch.setattr(close_section, "choose_export_path", lambda *args: target)
    qtbot.keyClick(page.methods_view, Qt.Key.Key_E, CTRL_SHIFT)
    book = openpyxl.load_workbook(target.with_suffix(".xlsx"))
    assert book.sheetnames == ["汇总", "按项目", "欠费账龄", "封存码"]

    qtbot.keyClick(page.methods_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown.previews[-1][1] == "示范花园月结对账表 2026-11"

    events = change_events(hub)

    def approve(dialog: SupervisorApprovalDialog) -> None:
        assert "月结 2026-11" in dialog.intro_label.text()
        qtbot.keyClicks(dialog.username, "lee")
        qtbot.keyClicks(dialog.password, PASSWORD)
        type_text(qtbot, dialog.reason, "月清月结")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(SupervisorApprovalDialog, approve)
    qtbot.keyClick(page.methods_view, Qt.Key.Key_L, CTRL_SHIFT)
    closed = [e for e in events if e.touches("period_closes")]
    assert len(closed) == 1
    row = month_close.closed(desk, "2026-11")
    assert row.approved_by_name == "李主管" and row.created_by_name == "张丽"
    assert section.period() == "2026-11" and "李主管" in section.status_label.text()
    assert not section.close_button.isEnabled()
    assert section.period_combo.currentText() not in ("", "2026-11")  # marked closed


def test_a_refused_close_is_shown_in_chinese(estate, page, shown):
    section = page.close_section
    section.set_period("2026-11")  # today is 2026-11-20, before the close day
    login.login(page.desk, "lee", PASSWORD, "早班")  # a supervisor needs no approval
    section.close_period()
    assert shown.texts("warning") == ["2026-11 账期到 2026-11-25（月结日）才结束，不能提前月结。"]
    assert month_close.closes(page.desk) == []
