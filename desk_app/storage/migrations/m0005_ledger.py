"""Migration 0005_ledger."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import append_only_triggers

NAME = "0005_ledger"
APPEND_ONLY: tuple[str, ...] = (
    "fee_rates",
    "charges",
    "receipt_books",
    "receipts",
    "receipt_lines",
    "receipt_voids",
    "credit_uses",
)


def migrate(db: Database) -> None:
    # The fee ledger (收费台账): fee items and their rates by date, charges, receipt books,
    # receipts (each a payment) with their lines, voids, and prepaid credit used later.
    # Money rows are append-only: a correction is a new row (an adjustment, a void),
    # never an edit, and every row is also in the audit chain.
    db.executescript(
        f"""
CREATE TABLE fee_items (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('area', 'metered', 'fixed', 'one_off', 'deposit')),
    unit TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);

-- A rate applies from its date on (per unit kind, or to every kind when unit_kind is
-- NULL); a change is a new row, so past charges keep the rate they were made with.
CREATE TABLE fee_rates (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    unit_kind TEXT CHECK (unit_kind IS NULL OR unit_kind IN ('住宅', '商铺', '办公', '车位', '储藏室')),
    effective_from TEXT NOT NULL,
    price_milli_yuan INTEGER NOT NULL CHECK (price_milli_yuan >= 0),
    minimum_fen INTEGER NOT NULL DEFAULT 0 CHECK (minimum_fen >= 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX fee_rates_item ON fee_rates(item_id, effective_from);

CREATE TABLE charges (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    period TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL CHECK (description <> ''),
    quantity_centi INTEGER NOT NULL DEFAULT 100,
    price_milli_yuan INTEGER NOT NULL DEFAULT 0,
    amount_fen INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'charge' CHECK (kind IN ('charge', 'adjustment', 'late_fee', 'deposit')),
    adjusts_id INTEGER REFERENCES charges(id),
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    source_ref TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    CHECK (kind = 'adjustment' OR amount_fen > 0),
    CHECK (kind <> 'adjustment' OR (adjusts_id IS NOT NULL AND reason <> ''))
);
CREATE INDEX charges_unit ON charges(unit_id, due_on);
CREATE INDEX charges_period ON charges(period, item_id);
-- billing a period twice, or charging a repair twice, is refused by the database
CREATE UNIQUE INDEX charges_once ON charges(source, source_ref, unit_id, item_id)
    WHERE source_ref IS NOT NULL;

CREATE TABLE receipt_books (
    id INTEGER PRIMARY KEY,
    first_no INTEGER NOT NULL CHECK (first_no > 0),
    last_no INTEGER NOT NULL,
    width INTEGER NOT NULL DEFAULT 7,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    CHECK (last_no >= first_no)
);

-- One receipt per payment; its number is the next of its book, taken in the payment's
-- own transaction (UNIQUE: never twice; the service checks: never skipped).
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES receipt_books(id),
    number INTEGER NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    customer TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('现金', '微信', '支付宝', '银行卡', '转账')),
    total_fen INTEGER NOT NULL CHECK (total_fen > 0),
    tendered_fen INTEGER,
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    UNIQUE (book_id, number)
);
CREATE INDEX receipts_unit ON receipts(unit_id, issued_at);
CREATE INDEX receipts_shift ON receipts(created_shift);

-- What a receipt paid: a charge, or (charge_id NULL) credit kept for later charges.
CREATE TABLE receipt_lines (
    id INTEGER PRIMARY KEY,
    receipt_id INTEGER NOT NULL REFERENCES receipts(id),
    charge_id INTEGER REFERENCES charges(id),
    description TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0)
);
CREATE INDEX receipt_lines_receipt ON receipt_lines(receipt_id);
CREATE INDEX receipt_lines_charge ON receipt_lines(charge_id);

CREATE TABLE receipt_voids (
    receipt_id INTEGER PRIMARY KEY REFERENCES receipts(id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    voided_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);

-- Prepaid credit applied to a later charge.
CREATE TABLE credit_uses (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    charge_id INTEGER NOT NULL REFERENCES charges(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    used_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX credit_uses_unit ON credit_uses(unit_id);
CREATE INDEX credit_uses_charge ON credit_uses(charge_id);
{append_only_triggers("fee_rates")}
{append_only_triggers("charges")}
{append_only_triggers("receipt_books")}
{append_only_triggers("receipts")}
{append_only_triggers("receipt_lines")}
{append_only_triggers("receipt_voids")}
{append_only_triggers("credit_uses")}
"""
    )
