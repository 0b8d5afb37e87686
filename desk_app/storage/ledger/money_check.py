"""Money rows against the audit chain: a charge, receipt, void or refund altered in the
file (triggers dropped, a row edited) no longer matches what the chain recorded.

Rows written one by one are compared with their own audit entry (amount, receipt
number and total). Rows written in bulk (a billing run, the demo history) are covered by
a seal in their operation's audit detail — ``{"seal": {table: [first_rowid, last_rowid,
sha256]}}`` over the rows as stored — which is recomputed here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from sqlite_utils import Database

SEALED_TABLES = (
    "charges",
    "receipts",
    "receipt_lines",
    "receipt_voids",
    "credit_uses",
    "refunds",
    "late_fee_waivers",
    "meter_readings",
    "invoice_exchanges",
    "arrears_actions",
    "cash_handovers",
)


def digest(db: Database, table: str, first_rowid: int, last_rowid: int) -> str:
    if table not in SEALED_TABLES:
        raise ValueError(f"not a sealed table: {table}")
    sha = hashlib.sha256()
    rows = db.execute(
        f"SELECT * FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
        [first_rowid, last_rowid],
    )
    for row in rows:
        sha.update(json.dumps(list(row), ensure_ascii=False).encode())
        sha.update(b"\n")
    return sha.hexdigest()


def seal(db: Database, table: str, first_rowid: int, last_rowid: int) -> list[object]:
    """The seal of rows ``first_rowid..last_rowid`` of ``table``, for an audit detail."""
    return [first_rowid, last_rowid, digest(db, table, first_rowid, last_rowid)]


def max_rowid(db: Database, table: str) -> int:
    if table not in SEALED_TABLES:
        raise ValueError(f"not a sealed table: {table}")
    return int(db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0])


class _Ranges:
    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, first: int, last: int) -> None:
        self.spans.append((first, last))

    def covers(self, rowid: int) -> bool:
        return any(first <= rowid <= last for first, last in self.spans)


def _details(db: Database, sql: str, params: Iterable[object] = ()) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for record_id, detail in db.execute(sql, list(params)):
        found[str(record_id)] = json.loads(detail or "{}")
    return found


def problems(db: Database, limit: int = 10) -> list[str]:
    """Up to ``limit`` descriptions (Chinese) of money rows that do not match the chain."""
    found: list[str] = []
    sealed = {table: _Ranges() for table in SEALED_TABLES}
    for (detail,) in db.execute(
        "SELECT detail FROM audit_log WHERE detail LIKE '%\"seal\"%' ORDER BY id"
    ):
        for table, (first, last, sha) in json.loads(detail).get("seal", {}).items():
            if table not in sealed:
                continue
            sealed[table].add(int(first), int(last))
            if digest(db, table, int(first), int(last)) != sha:
                found.append(f"{table} 第 {first}–{last} 行与审计记录不符")

    receipts = _details(
        db,
        "SELECT record_id, detail FROM audit_log WHERE record_table = 'receipts' "
        "AND operation = 'payment_received'",
    )
    for rowid, number, width, total, lines in db.execute(
        "SELECT r.id, r.number, b.width, r.total_fen, "
        "(SELECT coalesce(sum(amount_fen), 0) FROM receipt_lines WHERE receipt_id = r.id) "
        "FROM receipts r JOIN receipt_books b ON b.id = r.book_id ORDER BY r.id"
    ):
        text = f"{number:0{width}d}"
        if total != lines:
            found.append(f"收据 {text} 金额 {total} 与明细合计 {lines} 不符")
        if sealed["receipts"].covers(rowid):
            continue
        entry = receipts.get(str(rowid))
        if entry is None:
            found.append(f"收据 {text} 没有收款审计记录")
        elif entry.get("total_fen") != total or entry.get("number") != text:
            found.append(f"收据 {text} 与收款审计记录不符")

    charges = _details(
        db,
        "SELECT record_id, detail FROM audit_log WHERE record_table = 'charges' "
        "AND detail LIKE '%amount_fen%'",
    )
    for rowid, amount in db.execute("SELECT id, amount_fen FROM charges ORDER BY id"):
        if sealed["charges"].covers(rowid):
            continue
        entry = charges.get(str(rowid))
        if entry is None or entry.get("amount_fen") != amount:
            found.append(f"费用 #{rowid} 金额与审计记录不符")

    voided = _details(
        db,
        "SELECT record_id, detail FROM audit_log WHERE record_table = 'receipts' "
        "AND operation = 'receipt_voided'",
    )
    for (rowid,) in db.execute("SELECT receipt_id FROM receipt_voids ORDER BY receipt_id"):
        if not sealed["receipt_voids"].covers(rowid) and str(rowid) not in voided:
            found.append(f"收据 #{rowid} 的作废没有审计记录")

    refunds = _details(
        db,
        "SELECT record_id, detail FROM audit_log WHERE record_table = 'refunds' "
        "AND operation = 'refund_paid'",
    )
    for rowid, amount in db.execute("SELECT id, amount_fen FROM refunds ORDER BY id"):
        if sealed["refunds"].covers(rowid):
            continue
        entry = refunds.get(str(rowid))
        if entry is None or entry.get("amount_fen") != amount:
            found.append(f"退费 #{rowid} 金额与审计记录不符")
    return found[:limit]
