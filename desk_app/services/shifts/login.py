"""Logging in opens (or resumes) a shift; logging out leaves it open to be resumed."""

from __future__ import annotations

from desk_app.core.errors import ValidationError
from desk_app.core.shifts import parse_schedule, suggest_shift
from desk_app.services.desk import Desk, Shift
from desk_app.services.desk import settings as settings_service
from desk_app.services.operations import Done
from desk_app.services.shifts.operators import authenticate
from desk_app.storage.shifts import operators as operators_store
from desk_app.storage.shifts import shifts as shifts_store
from desk_app.storage.shifts.shifts import ShiftRow


def shift_names(desk: Desk) -> list[str]:
    return [slot.name for slot in parse_schedule(settings_service.get(desk, "shift.schedule"))]


def suggested_shift_name(desk: Desk) -> str:
    slots = parse_schedule(settings_service.get(desk, "shift.schedule"))
    return suggest_shift(desk.clock.now(), slots)


def current_shift(desk: Desk) -> ShiftRow | None:
    return shifts_store.current_open(desk.db)


def _to_shift(row: ShiftRow) -> Shift:
    return Shift(row.id, row.name, row.opened_at)


def check_shift_name(desk: Desk, shift_name: str) -> str:
    shift_name = shift_name.strip()
    if shift_name not in shift_names(desk):
        raise ValidationError(f"班次「{shift_name}」不在班次表中。")
    return shift_name


def login(desk: Desk, username: str, password: str, shift_name: str | None = None) -> Done[Shift]:
    """Log in = open a shift. The same operator resumes an open shift of theirs;
    another operator's open shift is closed as not handed over (未交接)."""
    operator = authenticate(desk, username, password)
    open_row = shifts_store.current_open(desk.db)
    previous_operator, previous_shift = desk.operator, desk.shift
    desk.operator = operator
    try:
        if open_row and open_row.operator_id == operator.id:
            desk.shift = _to_shift(open_row)
            with desk.operation("login_resumed") as op:
                op.record("shifts", open_row.id)
            return op.done(desk.shift)
        name = check_shift_name(desk, shift_name or suggested_shift_name(desk))
        with desk.operation("shift_opened") as op:
            if open_row:
                desk.shift = _to_shift(open_row)
                shifts_store.close(
                    desk.db,
                    open_row.id,
                    closed_at=op.at,
                    status="closed_unattended",
                    note=f"未办理交接：{operator.display_name} 登录时关闭",
                )
                op.record(
                    "shifts",
                    open_row.id,
                    operation="shift_closed_unattended",
                    previous_operator=open_row.operator_name,
                )
            shift_id = shifts_store.insert_open(
                desk.db, name=name, operator_id=operator.id, opened_at=op.at
            )
            desk.shift = Shift(shift_id, name, op.at)
            op.record("shifts", shift_id, name=name)
        return op.done(desk.shift)
    except BaseException:
        desk.operator, desk.shift = previous_operator, previous_shift
        raise


def logout(desk: Desk) -> None:
    """Leave the desk without handing over; the shift stays open to be resumed."""
    desk.operator = None
    desk.shift = None


def on_duty_username(desk: Desk) -> str | None:
    """The login name of the operator whose shift is open (None when none is)."""
    row = current_shift(desk)
    if row is None:
        return None
    operator = operators_store.get(desk.db, row.operator_id)
    return operator.username if operator is not None else None


def recent_shifts(desk: Desk, limit: int = 50) -> list[ShiftRow]:
    return shifts_store.recent(desk.db, limit)
