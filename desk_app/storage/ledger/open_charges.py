"""The open charges (``open_charges``, migration 0009): every charge that still owes
something, with what it owes, kept by triggers from the money tables — a derived table
no operation writes. Here: comparing it with a full recomputation from ``charge_balances``
(``desk-app check``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

_COLUMNS = "charge_id, unit_id, item_id, kind, due_on, outstanding_fen"
_RECOMPUTED = (
    "SELECT id, unit_id, item_id, kind, due_on, amount_fen - paid_fen FROM charge_balances "
    "WHERE amount_fen - paid_fen > 0"
)


@dataclass(frozen=True)
class Differences:
    """Charges whose row in ``open_charges`` is missing, extra or wrong."""

    count: int
    sample: tuple[int, ...]  # the first charge ids, for the report


def differences(db: Database, limit: int = 10) -> Differences:
    """The charges on which the table and the views disagree (one full recomputation)."""
    rows = db.execute(
        f"SELECT DISTINCT charge_id FROM ("
        f"SELECT * FROM (SELECT {_COLUMNS} FROM open_charges EXCEPT {_RECOMPUTED}) "
        f"UNION ALL SELECT * FROM ({_RECOMPUTED} EXCEPT SELECT {_COLUMNS} FROM open_charges)"
        f") ORDER BY charge_id"
    ).fetchall()
    return Differences(len(rows), tuple(row[0] for row in rows[:limit]))
