"""Supervisor approval (主管审批): a supervisor re-enters their user name and
password, with a reason, to allow something a clerk may not do alone."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desk_app.core.errors import AuthenticationError, DeskError, PermissionDenied, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.shifts import approvals
from desk_app.services.shifts.approvals import Approval
from desk_app.ui.events import EventHub
from desk_app.ui.operations import announce
from desk_app.ui.widgets.forms import FormDialog, line_edit, password_edit


class SupervisorApprovalDialog(FormDialog):
    def __init__(
        self,
        desk: Desk,
        hub: EventHub | None,
        action_label: str,
        parent: QWidget | None = None,
        *,
        action: str | None = None,
        min_role: str = "supervisor",
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.action = action or action_label
        self.action_label = action_label
        self.min_role = min_role
        self.approval: Approval | None = None
        self.setObjectName("approval_dialog")
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.add_intro(
            self.tr(
                "“{action}” needs a supervisor's approval. The supervisor "
                "enters their user name and password."
            ).format(action=action_label)
        )
        self.username = self.add_row(
            self.tr("&Supervisor:"), line_edit(self, "approver_username", max_length=32)
        )
        self.username.setPlaceholderText(self.tr("user name"))
        self.password = self.add_row(
            self.tr("&Password:"), password_edit(self, "approver_password")
        )
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "reason"))
        self.finish(self.tr("Approve"), [self.username, self.password, self.reason])
        self.setMinimumWidth(460)

    def submit(self) -> None:
        try:
            self.approval = approvals.verify_approval(
                self.desk,
                self.username.text(),
                self.password.text(),
                action=self.action,
                reason=self.reason.text(),
                min_role=self.min_role,
            )
        except PermissionDenied:
            # The refusal itself is written to the audit trail, then shown.
            refused = approvals.record_refused(self.desk, self.username.text().strip(), self.action)
            announce(self.hub, refused, self)
            raise

    def error_focus(self, error: DeskError) -> QWidget | None:
        if isinstance(error, AuthenticationError):
            return self.password
        if isinstance(error, PermissionDenied):
            return self.username
        return self.reason

    @staticmethod
    def request_approval(
        desk: Desk,
        hub: EventHub | None,
        action: str,
        action_label: str,
        parent: QWidget | None = None,
    ) -> Approval | None:
        return request_approval(desk, hub, action, action_label, parent)


def request_approval(
    desk: Desk,
    hub: EventHub | None,
    action: str,
    action_label: str,
    parent: QWidget | None = None,
    *,
    reason: str = "",
    dialog_class: type[SupervisorApprovalDialog] = SupervisorApprovalDialog,
) -> Approval | None:
    """Ask for an approval (a supervisor's by default), the reason carried over from the
    form the clerk filled in; the ``Approval`` to write with the act, or None if cancelled."""
    dialog = dialog_class(desk, hub, action_label, parent, action=action)
    dialog.reason.setText(reason.strip())
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.approval
        return None
    finally:
        dialog.deleteLater()


NOT_APPROVED = "未获客服主管批准，未执行。"


def approved(
    desk: Desk, hub: EventHub | None, action: str, action_label: str, reason: str, parent: QWidget
) -> Approval:
    """The approval, or a ``ValidationError`` a form shows inline when it was not given."""
    approval = request_approval(desk, hub, action, action_label, parent, reason=reason)
    if approval is None:
        raise ValidationError(NOT_APPROVED, field="approval")
    return approval
