"""Prepaid credit (预收款) applied to what a unit owes, oldest first."""

from __future__ import annotations

from desk_app.core import ledger_rules
from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, periods
from desk_app.services.operations import NO_CHANGES, Done
from desk_app.storage.ledger import charges as charges_store


def use_credit(desk: Desk, unit_id: int) -> Done[int]:
    """Apply the unit's prepaid credit to what it owes, oldest first; returns fen used."""
    unit = charges.unit_row(desk, unit_id)
    periods.ensure_open(desk, periods.today(desk), "抵扣预收款")
    available = charges_store.credit_balance(desk.db, unit.id)
    rows = charges_store.owing(desk.db, unit.id)
    if available <= 0 or not rows:
        return Done(0, NO_CHANGES)
    allocation = ledger_rules.allocate_oldest_first(available, charges.as_owing(rows))
    used = 0
    with desk.operation("credit_used") as op:
        for charge_id, fen in allocation.paid:
            use_id = charges_store.insert_credit_use(
                op.db, unit_id=unit.id, charge_id=charge_id, amount_fen=fen, stamp=op.stamp
            )
            op.touch("credit_uses", [use_id])
            used += fen
        op.record("credit_uses", None, unit=unit.code, amount_fen=used)
    return op.done(used)
