"""Migration 0008_live_money."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0008_live_money"
APPEND_ONLY: tuple[str, ...] = ()

# What money counts, said once. A receipt counts until it is voided, and so do its lines.
# A charge stands at its amount plus its adjustments (rows of ``charges`` of kind
# 'adjustment' pointing at it). What is left to pay on a charge is that, less the lines of
# live receipts and the credit applied to it, plus what was paid back against it (a deposit
# refunded is no longer held: its refund and the adjustment releasing it cancel out).
# ``desk-app check`` compares the views in the file with these texts.
VIEWS: dict[str, str] = {
    "live_receipts": """CREATE VIEW live_receipts AS
SELECT r.* FROM receipts r
WHERE NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = r.id)""",
    "live_receipt_lines": """CREATE VIEW live_receipt_lines AS
SELECT l.id, l.receipt_id, l.charge_id, l.description, l.amount_fen, r.unit_id, r.issued_at,
       r.method
FROM receipt_lines l JOIN live_receipts r ON r.id = l.receipt_id""",
    "net_charges": """CREATE VIEW net_charges AS
SELECT c.id, c.unit_id, c.item_id, c.period, c.description, c.due_on, c.kind,
       c.amount_fen AS charged_fen,
       c.amount_fen + coalesce((SELECT sum(a.amount_fen) FROM charges a
                                WHERE a.adjusts_id = c.id), 0) AS amount_fen
FROM charges c WHERE c.kind <> 'adjustment'""",
    "charge_balances": """CREATE VIEW charge_balances AS
SELECT c.id, c.unit_id, c.item_id, c.period, c.description, c.due_on, c.kind, c.amount_fen,
       coalesce((SELECT sum(l.amount_fen) FROM live_receipt_lines l
                 WHERE l.charge_id = c.id), 0)
     + coalesce((SELECT sum(u.amount_fen) FROM credit_uses u WHERE u.charge_id = c.id), 0)
     - coalesce((SELECT sum(f.amount_fen) FROM refunds f WHERE f.charge_id = c.id), 0)
       AS paid_fen
FROM net_charges c""",
}


def migrate(db: Database) -> None:
    for sql in VIEWS.values():
        db.execute(sql)
