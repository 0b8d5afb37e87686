"""SQL text the migrations share: append-only triggers, the closed-period guard, the
stamp columns. Released migrations depend on these producing the same text forever."""

from __future__ import annotations


def append_only_triggers(table: str) -> str:
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""


STAMP_COLUMNS = """created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)"""


def closed_period_trigger(table: str, date_expression: str) -> str:
    """Refuse a row dated on or before the last closed period's end (月结 locks it)."""
    return f"""
CREATE TRIGGER {table}_closed_period BEFORE INSERT ON {table}
WHEN {date_expression} <= (SELECT max(through_on) FROM period_closes)
BEGIN SELECT RAISE(ABORT, 'closed period: {table}'); END;
"""
