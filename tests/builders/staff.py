"""The staff of a test desk: a manager, a supervisor and two clerks, one password."""

from __future__ import annotations

from desk_app.services.shifts import handover, login, operators

PASSWORD = "secret-1"


def staff(desk):
    """A manager (boss), a supervisor (lee) and two clerks (zhang, chen); zhang on duty."""
    operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
    login.login(desk, "boss", PASSWORD, "早班")
    operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
    operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
    operators.create_operator(desk, "chen", "陈静", "clerk", PASSWORD)
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def hand_over_to_chen(desk, clock, hours: int = 4):
    """``hours`` later, zhang hands the desk over to chen for the 晚班; the ``Done``."""
    clock.advance(hours=hours)
    return handover.handover(
        desk,
        incoming_username="chen",
        incoming_password=PASSWORD,
        outgoing_password=PASSWORD,
        next_shift_name="晚班",
        note="3-2-501 钥匙未还",
        counts=full_counts(desk),
    )


def full_counts(desk) -> dict:
    """The incoming operator's counts at a handover when all is where it should be (核对
    钥匙: every key set on its hook), for ``handover.handover(counts=…)``."""
    return {
        check.name: handover.HandoverCount(expected)
        for check, expected in handover.handover_checks(desk)
    }
