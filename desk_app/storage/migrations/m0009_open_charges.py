"""Migration 0009_open_charges."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0009_open_charges"
APPEND_ONLY: tuple[str, ...] = ()

# The charges that still owe something, kept as rows so that the arrears list reads the
# few open charges instead of summing ten years of history. ``open_charges`` holds exactly
# the rows of ``charge_balances`` (migration 0008) whose ``amount_fen - paid_fen`` is above
# zero. It is derived: no operation writes it. Triggers on every table that moves a
# charge's balance recompute the charges touched from the view itself, in the writing
# statement's transaction, so no write path (nor an edit in the sqlite3 shell) can forget
# it. ``desk-app check`` compares it with a full recomputation; opening the file puts the
# table and its triggers back, rebuilt, when they are missing or altered.
TABLE = "open_charges"

# The charges whose balance one row change may move, as SQL lists of charge ids.
_LINES_OF = "SELECT charge_id FROM receipt_lines WHERE receipt_id = {receipt}"
_TOUCHES: dict[str, dict[str, list[str]]] = {
    # an adjustment moves the charge it adjusts
    "charges": {
        "INSERT": ["NEW.id, NEW.adjusts_id"],
        "UPDATE": ["OLD.id, OLD.adjusts_id, NEW.id, NEW.adjusts_id"],
        "DELETE": ["OLD.id, OLD.adjusts_id"],
    },
    "receipt_lines": {
        "INSERT": ["NEW.charge_id"],
        "UPDATE": ["OLD.charge_id, NEW.charge_id"],
        "DELETE": ["OLD.charge_id"],
    },
    # a receipt counts while it is not voided: its lines follow it
    "receipts": {
        "INSERT": [_LINES_OF.format(receipt="NEW.id")],
        "UPDATE": [_LINES_OF.format(receipt="OLD.id"), _LINES_OF.format(receipt="NEW.id")],
        "DELETE": [_LINES_OF.format(receipt="OLD.id")],
    },
    "receipt_voids": {
        "INSERT": [_LINES_OF.format(receipt="NEW.receipt_id")],
        "UPDATE": [
            _LINES_OF.format(receipt="OLD.receipt_id"),
            _LINES_OF.format(receipt="NEW.receipt_id"),
        ],
        "DELETE": [_LINES_OF.format(receipt="OLD.receipt_id")],
    },
    "credit_uses": {
        "INSERT": ["NEW.charge_id"],
        "UPDATE": ["OLD.charge_id, NEW.charge_id"],
        "DELETE": ["OLD.charge_id"],
    },
    "refunds": {
        "INSERT": ["NEW.charge_id"],
        "UPDATE": ["OLD.charge_id, NEW.charge_id"],
        "DELETE": ["OLD.charge_id"],
    },
}

RECOMPUTE = """INSERT INTO open_charges (charge_id, unit_id, item_id, kind, due_on, outstanding_fen)
SELECT id, unit_id, item_id, kind, due_on, amount_fen - paid_fen FROM charge_balances"""
OPEN = "amount_fen - paid_fen > 0"


def _trigger(table: str, event: str, lists: list[str]) -> str:
    statements = []
    for ids in lists:
        statements.append(f"DELETE FROM open_charges WHERE charge_id IN ({ids});")
        statements.append(f"{RECOMPUTE}\nWHERE id IN ({ids}) AND {OPEN};")
    body = "\n".join(statements)
    return (
        f"CREATE TRIGGER {TABLE}_{table}_{event.lower()} AFTER {event} ON {table}\n"
        f"BEGIN\n{body}\nEND"
    )


# The table, its index and triggers, by name, in the order they are created; ``desk-app
# check`` compares the file's with these texts.
DERIVED: dict[str, str] = {
    TABLE: """CREATE TABLE open_charges (
    charge_id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    outstanding_fen INTEGER NOT NULL CHECK (outstanding_fen > 0)
)""",
    "open_charges_unit": "CREATE INDEX open_charges_unit ON open_charges(unit_id, due_on)",
    **{
        f"{TABLE}_{table}_{event.lower()}": _trigger(table, event, lists)
        for table, events in _TOUCHES.items()
        for event, lists in events.items()
    },
}

# Every charge recomputed from the view: what fills the table, and what it is checked against.
REBUILD = f"{RECOMPUTE}\nWHERE {OPEN}"


def migrate(db: Database) -> None:
    for sql in DERIVED.values():
        db.execute(sql)
    db.execute(REBUILD)
    # The month-end report finds the credit used after a period's end by its date, and
    # the deposits held among every charge.
    db.execute("CREATE INDEX credit_uses_used ON credit_uses(used_at)")
    db.execute("CREATE INDEX charges_deposits ON charges(id) WHERE kind = 'deposit'")
