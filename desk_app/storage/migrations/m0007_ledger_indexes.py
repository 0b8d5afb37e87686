"""Migration 0007_ledger_indexes."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0007_ledger_indexes"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
    # What a charge owes sums its adjustments; without that index each charge scans every
    # charge (one unit's account took 93 s on a 10-year, 5,000-unit estate). The month-end
    # report and the close read a period's charges, receipts, refunds and voids by date.
    db.executescript(
        """
CREATE INDEX charges_adjusts ON charges(adjusts_id) WHERE adjusts_id IS NOT NULL;
CREATE INDEX charges_due ON charges(due_on);
CREATE INDEX receipts_issued ON receipts(issued_at);
CREATE INDEX refunds_refunded ON refunds(refunded_at);
CREATE INDEX receipt_voids_voided ON receipt_voids(voided_at);
"""
    )
