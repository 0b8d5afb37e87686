"""SupervisorApprovalDialog: a supervisor approves; a clerk cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desk_app.storage import audit
from desk_app.ui.widgets.approval import SupervisorApprovalDialog, request_approval
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, type_text


def fill(qtbot, dialog, username, password, reason):
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    type_text(qtbot, dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)


def test_supervisor_approves(staffed_desk, qtbot, hub):
    dialog = open_dialog(
        qtbot, SupervisorApprovalDialog(staffed_desk, hub, "作废收据", action="receipt_void")
    )
    assert "作废收据" in dialog.intro_label.text()
    fill(qtbot, dialog, "lee", PASSWORD, "填错金额")
    assert dialog.result() == QDialog.DialogCode.Accepted
    approval = dialog.approval
    assert approval.approver.username == "lee"
    assert approval.action == "receipt_void" and approval.reason == "填错金额"


def test_clerk_is_refused_with_a_message(staffed_desk, qtbot, hub):
    dialog = open_dialog(
        qtbot, SupervisorApprovalDialog(staffed_desk, hub, "作废收据", action="receipt_void")
    )
    fill(qtbot, dialog, "chen", PASSWORD, "填错金额")
    assert dialog.isVisible() and dialog.approval is None
    assert dialog.error_text() == "「陈静」没有客服主管权限，不能批准。"
    refused = [
        e
        for e in audit.entries_for_shift(staffed_desk.db, staffed_desk.shift.id)
        if e.operation == "approval_refused"
    ]
    assert refused and refused[-1].detail["approver"] == "chen"


def test_reason_is_required(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SupervisorApprovalDialog(staffed_desk, hub, "减免滞纳金"))
    qtbot.keyClicks(dialog.username, "lee")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error_text() == "请填写原因。"


def test_request_approval_returns_none_when_cancelled(staffed_desk, when_modal, qtbot, hub):
    when_modal(
        SupervisorApprovalDialog, lambda dialog: qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    )
    assert request_approval(staffed_desk, hub, "refund", "退费") is None


def test_request_approval_returns_the_approval(staffed_desk, when_modal, qtbot, hub):
    when_modal(
        SupervisorApprovalDialog,
        lambda dialog: fill(qtbot, dialog, "boss", PASSWORD, "业主重复缴费"),
    )
    approval = SupervisorApprovalDialog.request_approval(staffed_desk, hub, "refund", "退费")
    assert approval is not None and approval.approver.role == "manager"
