"""Lending the paper archive (文件借阅登记): the manager approves, a supervisor cannot;
the return is recorded; the list of open loans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import archive
from desk_app.services.directory import estate as directory_estate
from desk_app.storage import audit
from desk_app.ui.directory.archive_dialogs import (
    LendArchiveDialog,
    ManagerApprovalDialog,
    OpenLoansDialog,
)
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, type_text


@pytest.fixture
def estate(staffed_desk):
    directory_estate.create_units(staffed_desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    return staffed_desk


def approve(qtbot, dialog: ManagerApprovalDialog, username: str) -> None:
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, PASSWORD)
    type_text(qtbot, dialog.reason, "产权核查")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)


def fill_loan(qtbot, dialog: LendArchiveDialog) -> None:
    type_text(qtbot, dialog.borrower, "工程部王工")
    qtbot.keyClick(dialog.borrower, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.purpose, "核对建筑面积")
    assert dialog.due.text() == "2026-11-27"


def operations(desk) -> list[str]:
    return [e.operation for e in audit.entries_for_shift(desk.db, desk.shift.id)]


def test_manager_approves_and_the_loan_is_listed_until_returned(
    estate, make_window, when_modal, qtbot
):
    window = make_window(estate)
    unit = directory_estate.find_unit(estate, "3-2-501")
    window.open_unit(unit.id)
    page = window.feature_page("directory").unit_page
    page.tabs.setCurrentIndex(3)
    approval_texts = []

    def manager(dialog: ManagerApprovalDialog) -> None:
        approval_texts.append((dialog.windowTitle(), dialog.intro_label.text()))
        approve(qtbot, dialog, "boss")

    def lend(dialog: LendArchiveDialog) -> None:
        fill_loan(qtbot, dialog)
        when_modal(ManagerApprovalDialog, manager)
        qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)

    when_modal(LendArchiveDialog, lend)
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Lend &archive…
    qtbot.wait(250)
    assert approval_texts[0][0] == "经理审批"
    assert "客服中心经理" in approval_texts[0][1]
    loans = page.loans_model
    assert loans.rowCount() == 1
    assert [loans.index(0, c).data() for c in (0, 1, 2, 3, 5)] == [
        "3-2-501",
        "工程部王工",
        "核对建筑面积",
        "王经理",
        "2026-11-27",
    ]
    assert loans.index(0, 6).data() == ""
    assert "approval_granted" in operations(estate) and "archive_lent" in operations(estate)
    assert [loan.borrower for loan in archive.open_loans(estate)] == ["工程部王工"]

    page.return_button.click()  # the confirmation is answered yes by the fixture
    assert loans.index(0, 6).data() != ""
    assert archive.open_loans(estate) == []


def test_a_supervisor_cannot_approve(estate, when_modal, qtbot, hub):
    unit = directory_estate.find_unit(estate, "3-2-501")
    dialog = open_dialog(qtbot, LendArchiveDialog(estate, hub, unit.id, unit.code))
    fill_loan(qtbot, dialog)
    refused = []

    def supervisor(approval: ManagerApprovalDialog) -> None:
        approve(qtbot, approval, "lee")
        refused.append(approval.error_text())
        assert approval.isVisible()
        qtbot.keyClick(approval.username, Qt.Key.Key_Escape)

    when_modal(ManagerApprovalDialog, supervisor)
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)
    assert refused == ["「李主管」没有客服中心经理权限，不能批准。"]
    assert dialog.isVisible()
    assert dialog.error_text() == "未借出：客服中心经理未批准。"
    assert archive.open_loans(estate) == []
    assert "approval_refused" in operations(estate)
    assert "archive_lent" not in operations(estate)


def test_borrower_and_purpose_come_before_the_approval(estate, qtbot, hub):
    unit = directory_estate.find_unit(estate, "3-2-501")
    dialog = open_dialog(qtbot, LendArchiveDialog(estate, hub, unit.id, unit.code))
    qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return)  # no approval dialog is asked for
    assert dialog.error_text() == "请填写借阅人。"
    type_text(qtbot, dialog.borrower, "工程部")
    dialog.due.setText("下周")
    qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return)
    assert dialog.error_text() == "请填写借阅用途。"


def test_open_loans_dialog_records_a_return(estate, when_modal, qtbot, hub):
    from desk_app.services.shifts import approvals

    approval = approvals.verify_approval(
        estate, "boss", PASSWORD, action="archive_lend", reason="核对", min_role="manager"
    )
    for code in ("3-1-101", "3-2-602"):
        unit = directory_estate.find_unit(estate, code)
        archive.lend_archive(estate, unit.id, borrower="财务部", purpose="对账", approval=approval)
    dialog = open_dialog(qtbot, OpenLoansDialog(estate, hub))
    assert dialog.model.rowCount() == 2 and dialog.empty_label.isHidden()
    dialog.view.selectRow(1)
    dialog.return_button.click()
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["3-1-101"]
    assert len(dialog.returned) == 1
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter does not close the list
    assert dialog.isVisible()
    dialog.return_button.click()
    assert not dialog.empty_label.isHidden() and not dialog.return_button.isEnabled()
