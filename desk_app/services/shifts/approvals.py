"""Supervisor approval: a supervisor (or manager) re-enters a password to allow
an action a clerk may not take alone — voids, refunds, late-fee waivers, loans
of equipment-room keys. The approval is written to the audit trail inside the
caller's operation, so the approval and the act commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.errors import PermissionDenied, ValidationError
from desk_app.services.desk import ROLE_LABELS, Desk, Operator
from desk_app.services.operations import Done, Operation
from desk_app.services.shifts.operators import authenticate


@dataclass(frozen=True)
class Approval:
    approver: Operator
    action: str
    reason: str
    at: str

    def write_to(
        self, op: Operation, record_table: str | None = None, record_id: object | None = None
    ) -> None:
        op.record(
            record_table,
            record_id,
            operation="approval_granted",
            action=self.action,
            approver_id=self.approver.id,
            approver=self.approver.username,
            reason=self.reason,
        )


def verify_approval(
    desk: Desk,
    username: str,
    password: str,
    *,
    action: str,
    reason: str,
    min_role: str = "supervisor",
) -> Approval:
    """Check the approver's credentials and role; nothing is written yet."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写原因。")
    approver = authenticate(desk, username, password)
    if not approver.at_least(min_role):
        raise PermissionDenied(
            f"「{approver.display_name}」没有{ROLE_LABELS[min_role]}权限，不能批准。"
        )
    return Approval(approver, action, reason, desk.now_text())


def record_refused(desk: Desk, username: str, action: str) -> Done[None]:
    with desk.operation("approval_refused") as op:
        op.record(None, None, action=action, approver=username)
    return op.done(None)
