"""Operator accounts: the first manager, adding staff, logging in, passwords."""

from __future__ import annotations

import re

from desk_app.core.errors import AuthenticationError, NotFoundError, ValidationError
from desk_app.core.passwords import check_password_rules, hash_password, verify_password
from desk_app.core.vocabularies import OPERATOR_ROLES as ROLES
from desk_app.services.desk import ROLE_LABELS, Desk, Operator
from desk_app.services.operations import Done
from desk_app.storage.shifts import operators as operators_store
from desk_app.storage.shifts.operators import OperatorRow

_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")


def _to_operator(row: OperatorRow) -> Operator:
    return Operator(row.id, row.username, row.display_name, row.role)


def _check_new_account(
    desk: Desk, username: str, display_name: str, role: str, password: str
) -> None:
    if not _USERNAME.match(username):
        raise ValidationError("登录名须为 2–32 位字母、数字或 _ . -")
    if not display_name.strip():
        raise ValidationError("姓名不能为空。")
    if role not in ROLES:
        raise ValidationError(f"未知角色：{role}")
    check_password_rules(password)
    if operators_store.by_username(desk.db, username):
        raise ValidationError(f"登录名「{username}」已被使用。")


def needs_first_manager(desk: Desk) -> bool:
    return operators_store.count(desk.db) == 0


def create_first_manager(
    desk: Desk, username: str, display_name: str, password: str
) -> Done[Operator]:
    """The very first account, made at first start; it is always a manager."""
    username, display_name = username.strip(), display_name.strip()
    if not needs_first_manager(desk):
        raise ValidationError("已有操作员账号，不能再创建首个经理账号。")
    _check_new_account(desk, username, display_name, "manager", password)
    password_hash = hash_password(password)
    with desk.operation("operator_created", actor=username) as op:
        operator_id = operators_store.insert(
            desk.db,
            username=username,
            display_name=display_name,
            role="manager",
            password_hash=password_hash,
            created_at=op.at,
            created_by=None,
            created_shift=None,
        )
        op.record("operators", operator_id, username=username, role="manager", first=True)
    return op.done(Operator(operator_id, username, display_name, "manager"))


def create_operator(
    desk: Desk, username: str, display_name: str, role: str, password: str
) -> Done[Operator]:
    desk.require_role("manager", "添加操作员")
    username, display_name = username.strip(), display_name.strip()
    _check_new_account(desk, username, display_name, role, password)
    password_hash = hash_password(password)
    with desk.operation("operator_created") as op:
        operator_id = operators_store.insert(
            desk.db,
            username=username,
            display_name=display_name,
            role=role,
            password_hash=password_hash,
            created_at=op.at,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record("operators", operator_id, username=username, role=role)
    return op.done(Operator(operator_id, username, display_name, role))


def authenticate(desk: Desk, username: str, password: str) -> Operator:
    """Check a user name and password; the message never says which one was wrong."""
    row = operators_store.by_username(desk.db, username.strip())
    if row is None or not verify_password(password, row.password_hash):
        raise AuthenticationError("登录名或密码不正确。")
    if not row.active:
        raise AuthenticationError(f"账号「{row.username}」已停用。")
    return _to_operator(row)


def list_operators(desk: Desk, *, active_only: bool = False) -> list[OperatorRow]:
    return operators_store.list_all(desk.db, active_only=active_only)


def change_own_password(desk: Desk, old_password: str, new_password: str) -> Done[None]:
    if desk.operator is None:
        raise AuthenticationError("请先登录。")
    authenticate(desk, desk.operator.username, old_password)
    check_password_rules(new_password)
    password_hash = hash_password(new_password)
    with desk.operation("password_changed") as op:
        operators_store.update_password(desk.db, desk.operator.id, password_hash, op.at)
        op.record("operators", desk.operator.id)
    return op.done(None)


def reset_password(desk: Desk, operator_id: int, new_password: str) -> Done[None]:
    desk.require_role("manager", "重置密码")
    if operators_store.get(desk.db, operator_id) is None:
        raise NotFoundError(f"操作员 {operator_id} 不存在。")
    check_password_rules(new_password)
    password_hash = hash_password(new_password)
    with desk.operation("password_reset") as op:
        operators_store.update_password(desk.db, operator_id, password_hash, op.at)
        op.record("operators", operator_id)
    return op.done(None)


def set_active(desk: Desk, operator_id: int, active: bool) -> Done[None]:
    desk.require_role("manager", "停用或启用操作员")
    row = operators_store.get(desk.db, operator_id)
    if row is None:
        raise NotFoundError(f"操作员 {operator_id} 不存在。")
    if desk.operator and operator_id == desk.operator.id and not active:
        raise ValidationError("不能停用自己的账号。")
    if not active and row.role == "manager" and operators_store.count_active_managers(desk.db) <= 1:
        raise ValidationError("至少要保留一个启用的经理账号。")
    with desk.operation("operator_activated" if active else "operator_deactivated") as op:
        operators_store.set_active(desk.db, operator_id, active, op.at)
        op.record("operators", operator_id, username=row.username)
    return op.done(None)


def role_label(role: str) -> str:
    return ROLE_LABELS[role]
