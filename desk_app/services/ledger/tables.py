"""The ledger's tables, grouped by what a view shows from them: a view follows the
writes that touch its group (``Changes.touches``)."""

from __future__ import annotations

OWING = (
    "charges",
    "receipts",
    "receipt_voids",
    "credit_uses",
    "refunds",
    "late_fee_waivers",
)
"""What a unit owes and has in credit."""

RECEIPTS = ("receipts", "receipt_voids", "refunds", "invoice_exchanges")
"""The receipts list and each receipt's status."""

CASH = ("receipts", "receipt_voids", "refunds", "cash_handovers")
"""A shift's drawer and the handovers to finance."""

PERIODS = ("period_closes",)
"""Month-end closes."""

BILLING = ("meter_readings", "billing_runs", "charges", "fee_items", "fee_rates")
"""Meter readings, billing runs and what they bill from."""

ARREARS = (*OWING, "arrears_actions")
"""The arrears list and its chasing steps."""
