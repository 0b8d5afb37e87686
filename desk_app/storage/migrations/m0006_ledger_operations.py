"""Migration 0006_ledger_operations."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import (
    STAMP_COLUMNS,
    append_only_triggers,
    closed_period_trigger,
)

NAME = "0006_ledger_operations"
APPEND_ONLY: tuple[str, ...] = (
    "meter_readings",
    "billing_runs",
    "refunds",
    "invoice_exchanges",
    "late_fee_waivers",
    "arrears_actions",
    "cash_handovers",
    "period_closes",
)


def migrate(db: Database) -> None:
    # Billing runs and meter readings, refunds, invoice exchanges, late-fee waivers,
    # arrears chasing, the weekly cash handover to finance and the month-end close.
    # All are append-only; a closed period refuses any money row dated inside it.
    db.executescript(
        f"""
-- A reading entered for a period (抄表); a re-entry is a new row and the latest counts.
CREATE TABLE meter_readings (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    period TEXT NOT NULL,
    reading_centi INTEGER NOT NULL CHECK (reading_centi >= 0),
    read_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'desk',
    {STAMP_COLUMNS}
);
CREATE INDEX meter_readings_unit ON meter_readings(unit_id, item_id, period, id);
CREATE INDEX meter_readings_period ON meter_readings(period, item_id);

-- A posted billing sheet (计费表): its charges carry source 'billing' and the period.
CREATE TABLE billing_runs (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    due_on TEXT NOT NULL,
    items TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    charge_count INTEGER NOT NULL CHECK (charge_count >= 0),
    total_fen INTEGER NOT NULL,
    {STAMP_COLUMNS}
);
CREATE INDEX billing_runs_period ON billing_runs(period);

-- Money paid back (退费): a deposit (charge_id = the deposit charge) or unused credit
-- (charge_id NULL), with the original receipt taken back and a 现金付出单 number.
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    receipt_id INTEGER NOT NULL REFERENCES receipts(id),
    charge_id INTEGER REFERENCES charges(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    voucher_no TEXT NOT NULL UNIQUE,
    payee TEXT NOT NULL CHECK (payee <> ''),
    reason TEXT NOT NULL CHECK (reason <> ''),
    method TEXT NOT NULL CHECK (method IN ('现金', '微信', '支付宝', '银行卡', '转账')),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    refunded_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX refunds_unit ON refunds(unit_id);
CREATE INDEX refunds_charge ON refunds(charge_id);
CREATE INDEX refunds_receipt ON refunds(receipt_id);
CREATE INDEX refunds_shift ON refunds(created_shift);

-- A receipt taken back in exchange for an invoice (发票).
CREATE TABLE invoice_exchanges (
    receipt_id INTEGER PRIMARY KEY REFERENCES receipts(id),
    invoice_no TEXT NOT NULL CHECK (invoice_no <> ''),
    exchanged_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);

-- The late fee of one overdue charge waived: a supervisor's approval and finance's consent.
CREATE TABLE late_fee_waivers (
    id INTEGER PRIMARY KEY,
    charge_id INTEGER NOT NULL UNIQUE REFERENCES charges(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    finance_consent TEXT NOT NULL CHECK (finance_consent <> ''),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    waived_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX late_fee_waivers_unit ON late_fee_waivers(unit_id);

-- What was done to chase a debt (催款), dated; registered post keeps the postal receipt.
CREATE TABLE arrears_actions (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    action TEXT NOT NULL CHECK (action IN ('phone', 'notice', 'visit', 'registered_post', 'manager_report', 'utility_notice', 'utility_suspension')),
    done_on TEXT NOT NULL,
    stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 3),
    owed_fen INTEGER NOT NULL DEFAULT 0,
    postal_receipt_no TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    CHECK (action <> 'registered_post' OR postal_receipt_no <> '')
);
CREATE INDEX arrears_actions_unit ON arrears_actions(unit_id, done_on);

-- The cash taken to finance (上缴财务部, weekly): receipts and refunds up to these ids.
CREATE TABLE cash_handovers (
    id INTEGER PRIMARY KEY,
    handed_on TEXT NOT NULL,
    first_receipt_id INTEGER,
    last_receipt_id INTEGER,
    last_refund_id INTEGER,
    total_fen INTEGER NOT NULL,
    cash_fen INTEGER NOT NULL,
    received_by TEXT NOT NULL CHECK (received_by <> ''),
    {STAMP_COLUMNS}
);

-- The month-end close (月结): the period ends on its close day (through_on); nothing
-- dated on or before the last closed through_on can be written afterwards.
CREATE TABLE period_closes (
    period TEXT PRIMARY KEY,
    through_on TEXT NOT NULL UNIQUE,
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    charges_fen INTEGER NOT NULL,
    received_fen INTEGER NOT NULL,
    refunds_fen INTEGER NOT NULL,
    deposits_held_fen INTEGER NOT NULL,
    arrears_fen INTEGER NOT NULL,
    {STAMP_COLUMNS}
);
{closed_period_trigger("charges", "NEW.due_on")}
{closed_period_trigger("receipts", "substr(NEW.issued_at, 1, 10)")}
{closed_period_trigger("credit_uses", "substr(NEW.used_at, 1, 10)")}
{closed_period_trigger("refunds", "substr(NEW.refunded_at, 1, 10)")}
{closed_period_trigger("late_fee_waivers", "substr(NEW.waived_at, 1, 10)")}
{closed_period_trigger("meter_readings", "NEW.read_on")}
CREATE TRIGGER receipt_voids_closed_period BEFORE INSERT ON receipt_voids
WHEN (SELECT substr(issued_at, 1, 10) FROM receipts WHERE id = NEW.receipt_id)
     <= (SELECT max(through_on) FROM period_closes)
  OR substr(NEW.voided_at, 1, 10) <= (SELECT max(through_on) FROM period_closes)
BEGIN SELECT RAISE(ABORT, 'closed period: receipt_voids'); END;
{append_only_triggers("meter_readings")}
{append_only_triggers("billing_runs")}
{append_only_triggers("refunds")}
{append_only_triggers("invoice_exchanges")}
{append_only_triggers("late_fee_waivers")}
{append_only_triggers("arrears_actions")}
{append_only_triggers("cash_handovers")}
{append_only_triggers("period_closes")}
"""
    )
