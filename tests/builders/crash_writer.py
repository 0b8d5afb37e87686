"""A child process that writes through the services in a loop until it is killed.

Used by the crash test: each iteration is one multi-row operation (a settings
change of several keys that all carry the same generation number, or a shift
handover that writes shifts, a PDF and audit rows), so a kill at any moment
must leave either all of an iteration or none of it.

Usage: python -m tests.builders.crash_writer DB_PATH MODE PASSWORD
"""

from __future__ import annotations

import sys
from pathlib import Path

from desk_app.services import features
from desk_app.services.desk import Desk, settings
from desk_app.services.shifts import handover, login

GENERATION_KEYS = ["estate.name", "estate.address", "estate.phone", "estate.company"]


def settings_loop(desk: Desk, password: str) -> None:
    login.login(desk, "lee", password, "早班")
    generation = int(settings.get(desk, "backup.keep"))
    while True:
        generation += 1
        changes = {key: f"第{generation}代" for key in GENERATION_KEYS}
        changes["backup.keep"] = generation
        settings.update(desk, changes)
        print(generation, flush=True)


def handover_loop(desk: Desk, password: str) -> None:
    current = login.current_shift(desk)
    username = "zhang" if current is None or current.operator_name != "张丽" else "chen"
    login.login(desk, username, password, "早班")
    while True:
        incoming = "chen" if desk.operator.username == "zhang" else "zhang"
        handover.handover(
            desk,
            incoming_username=incoming,
            incoming_password=password,
            outgoing_password=password,
            next_shift_name="晚班",
        )
        print(desk.shift.id, flush=True)


def payments_loop(desk: Desk, password: str) -> None:
    from desk_app.services.directory import estate
    from desk_app.services.ledger import charges, payments

    login.login(desk, "zhang", password, "早班")
    unit = estate.find_unit(desk, "1-1-101")
    while True:
        charges.post_charge(desk, unit.id, "parking", due_on="2026-10-25")
        ids = [row.charge_id for row in charges.owing(desk, unit.id)]
        payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value
        print(payment.receipt.number, flush=True)


def main() -> None:
    features.install()  # as every entry point does
    db_path, mode, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    desk = Desk.open(db_path)
    if mode == "settings":
        settings_loop(desk, password)
    elif mode == "payments":
        payments_loop(desk, password)
    else:
        handover_loop(desk, password)


if __name__ == "__main__":
    main()
