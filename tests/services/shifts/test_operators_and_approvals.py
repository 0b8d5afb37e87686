"""Operator accounts, logging in, supervisor approval."""

from __future__ import annotations

import pytest

from desk_app.core.errors import AuthenticationError, PermissionDenied, ValidationError
from desk_app.services.shifts import approvals, login, operators
from desk_app.storage import audit
from tests.builders.staff import PASSWORD


def test_first_start_asks_for_a_manager(desk):
    assert operators.needs_first_manager(desk)
    manager = operators.create_first_manager(desk, "boss", "王经理", PASSWORD).value
    assert manager.role == "manager"
    assert not operators.needs_first_manager(desk)
    with pytest.raises(ValidationError):
        operators.create_first_manager(desk, "boss2", "又一个", PASSWORD)


def test_password_never_stored_in_clear(desk):
    operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
    dump = "\n".join(desk.db.conn.iterdump())
    assert PASSWORD not in dump
    assert "$argon2id$v=19$m=19456,t=2,p=1$" in dump


@pytest.mark.parametrize(
    ("username", "name", "password", "message"),
    [
        ("b", "王", PASSWORD, "登录名"),
        ("boss", " ", PASSWORD, "姓名"),
        ("boss", "王", "123", "密码"),
    ],
)
def test_bad_accounts_are_refused(desk, username, name, password, message):
    with pytest.raises(ValidationError, match=message):
        operators.create_first_manager(desk, username, name, password)
    assert operators.needs_first_manager(desk)


def test_wrong_password_does_not_say_which(staffed_desk):
    with pytest.raises(AuthenticationError, match="登录名或密码不正确"):
        operators.authenticate(staffed_desk, "zhang", "wrong-password")
    with pytest.raises(AuthenticationError, match="登录名或密码不正确"):
        operators.authenticate(staffed_desk, "nobody", PASSWORD)


def test_clerk_cannot_add_operators(staffed_desk):
    with pytest.raises(PermissionDenied):
        operators.create_operator(staffed_desk, "new", "新人", "clerk", PASSWORD)


def test_deactivated_operator_cannot_log_in(staffed_desk):
    login.login(staffed_desk, "boss", PASSWORD, "早班")
    chen = next(o for o in operators.list_operators(staffed_desk) if o.username == "chen")
    operators.set_active(staffed_desk, chen.id, False)
    with pytest.raises(AuthenticationError, match="停用"):
        login.login(staffed_desk, "chen", PASSWORD, "早班")


def test_last_manager_cannot_be_deactivated(staffed_desk):
    login.login(staffed_desk, "boss", PASSWORD, "早班")
    boss = next(o for o in operators.list_operators(staffed_desk) if o.username == "boss")
    with pytest.raises(ValidationError):
        operators.set_active(staffed_desk, boss.id, False)


def test_supervisor_approval(staffed_desk):
    approval = approvals.verify_approval(
        staffed_desk, "lee", PASSWORD, action="receipt_void", reason="填错金额"
    )
    assert approval.approver.username == "lee"
    with staffed_desk.operation("receipt_voided") as op:
        approval.write_to(op, "receipts", 7)
    entries = audit.entries_for_record(staffed_desk.db, "receipts", "7")
    assert [e.operation for e in entries] == ["approval_granted"]
    assert entries[0].detail["approver"] == "lee"
    assert entries[0].operator_id == staffed_desk.operator.id


def test_clerk_cannot_approve(staffed_desk):
    with pytest.raises(PermissionDenied):
        approvals.verify_approval(staffed_desk, "chen", PASSWORD, action="x", reason="y")


def test_approval_needs_reason_and_right_password(staffed_desk):
    with pytest.raises(ValidationError):
        approvals.verify_approval(staffed_desk, "lee", PASSWORD, action="x", reason="  ")
    with pytest.raises(AuthenticationError):
        approvals.verify_approval(staffed_desk, "lee", "nope-nope", action="x", reason="y")
