"""Refunds (退费) paid back against a receipt, with their voucher numbers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id


@dataclass(frozen=True)
class RefundRow:
    id: int
    unit_id: int
    receipt_id: int
    charge_id: int | None
    amount_fen: int
    voucher_no: str
    payee: str
    reason: str
    method: str
    approved_by: int
    refunded_at: str
    created_by: int | None
    created_shift: int | None


_REFUND = (
    "SELECT id, unit_id, receipt_id, charge_id, amount_fen, voucher_no, payee, reason, method, "
    "approved_by, refunded_at, created_by, created_shift FROM refunds "
)


def insert_refund(
    db: Database,
    *,
    unit_id: int,
    receipt_id: int,
    charge_id: int | None,
    amount_fen: int,
    voucher_no: str,
    payee: str,
    reason: str,
    method: str,
    approved_by: int,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO refunds (unit_id, receipt_id, charge_id, amount_fen, voucher_no, payee, "
        "reason, method, approved_by, refunded_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            unit_id,
            receipt_id,
            charge_id,
            amount_fen,
            voucher_no,
            payee,
            reason,
            method,
            approved_by,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


def refund(db: Database, refund_id: int) -> RefundRow | None:
    row = db.execute(f"{_REFUND} WHERE id = ?", [refund_id]).fetchone()
    return RefundRow(*row) if row else None


def refunds_of_receipt(db: Database, receipt_id: int) -> list[RefundRow]:
    rows = db.execute(f"{_REFUND} WHERE receipt_id = ? ORDER BY id", [receipt_id]).fetchall()
    return [RefundRow(*r) for r in rows]


def refunds_of_unit(db: Database, unit_id: int) -> list[RefundRow]:
    rows = db.execute(f"{_REFUND} WHERE unit_id = ? ORDER BY id", [unit_id]).fetchall()
    return [RefundRow(*r) for r in rows]


def last_voucher_of_day(db: Database, prefix: str) -> str | None:
    row = db.execute(
        "SELECT max(voucher_no) FROM refunds WHERE voucher_no LIKE ?", [f"{prefix}%"]
    ).fetchone()
    return row[0] if row else None
