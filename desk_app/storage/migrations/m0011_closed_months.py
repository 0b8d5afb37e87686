"""Migration 0011_closed_months."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import closed_period_trigger

NAME = "0011_closed_months"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
    # A closed month (月结) is closed for everything dated in it, not only for money rows:
    # an invoice exchange, a cash handover to finance, a chasing record, a fee rate's first
    # day and a posted billing run dated on or before the last closed day are refused too.
    db.executescript(
        f"""
{closed_period_trigger("invoice_exchanges", "substr(NEW.exchanged_at, 1, 10)")}
{closed_period_trigger("cash_handovers", "NEW.handed_on")}
{closed_period_trigger("arrears_actions", "NEW.done_on")}
{closed_period_trigger("fee_rates", "NEW.effective_from")}
{closed_period_trigger("billing_runs", "NEW.due_on")}
"""
    )
