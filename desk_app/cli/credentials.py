"""Sign in on the terminal for a ledger command that writes (month-end close, posting a
billing sheet): the user name and password are asked for, the password without echo,
and the command's writes are stamped with that operator (no shift is opened)."""

from __future__ import annotations

import click

from desk_app.core.errors import PermissionDenied
from desk_app.services.desk import ROLE_LABELS, Desk
from desk_app.services.shifts import operators


def sign_in(desk: Desk, *, role: str, what: str, username: str | None = None) -> None:
    """Ask for credentials and make that operator the desk's actor; ``role`` is the least
    role the command needs ("clerk", "supervisor", "manager")."""
    name = username or click.prompt("登录名", err=True)
    password = click.prompt("密码", hide_input=True, err=True)
    operator = operators.authenticate(desk, name, password)
    if not operator.at_least(role):
        raise PermissionDenied(f"{what}需要{ROLE_LABELS[role]}权限。")
    desk.operator = operator
