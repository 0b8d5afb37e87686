"""The estate's settings: key → JSON value, with who changed it last."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def get_all(db: Database) -> dict[str, Any]:
    cursor = db.execute("SELECT key, value FROM settings")
    return {key: json.loads(value) for key, value in cursor.fetchall()}


def put(
    db: Database,
    key: str,
    value: Any,
    *,
    updated_at: str,
    updated_by: int | None,
    updated_shift: int | None,
) -> None:
    db.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by, updated_shift) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
        "updated_shift = excluded.updated_shift",
        [key, json.dumps(value, ensure_ascii=False), updated_at, updated_by, updated_shift],
    )
