"""Paid repairs (有偿维修) charged to the unit inside the repair's own transaction."""

from __future__ import annotations

from desk_app.services.desk import Desk
from desk_app.services.ledger import fee_items, periods
from desk_app.services.operations import Operation
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger.charges import NewCharge

WHAT = "记入有偿维修费"


def ensure_chargeable(desk: Desk) -> None:
    """Refuse, before the repair's transaction, a paid repair whose charge (due today)
    would fall in a closed month (月结 on the close day itself)."""
    periods.ensure_open(desk, periods.today(desk), WHAT)


def charge_repair_in(
    desk: Desk, op: Operation, *, unit_id: int, order_no: str, amount_fen: int, work: str
) -> int | None:
    """Charge a completed paid repair to its unit inside the repair's own operation, so an
    order is never completed as paid without its charge (nor charged twice)."""
    if amount_fen <= 0:
        return None
    periods.ensure_open(desk, op.at[:10], WHAT)
    item_id = fee_items.system_item(desk, op, "repair")
    if charges_store.charge_exists(op.db, "repair", order_no, unit_id, item_id):
        return None
    charge_id = charges_store.insert_charge(
        op.db,
        NewCharge(
            unit_id=unit_id,
            item_id=item_id,
            description=f"有偿维修 {order_no} {work}".strip()[:100],
            amount_fen=amount_fen,
            due_on=op.at[:10],
            source="repair",
            source_ref=order_no,
        ),
        op.stamp,
    )
    op.record("charges", charge_id, order_no=order_no, amount_fen=amount_fen)
    return charge_id
