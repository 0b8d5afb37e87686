"""Operator accounts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id

_COLUMNS = "id, username, display_name, role, password_hash, active, created_at"


@dataclass(frozen=True)
class OperatorRow:
    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    created_at: str


def _row(row: tuple) -> OperatorRow:
    return OperatorRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM operators").fetchone()[0]


def get(db: Database, operator_id: int) -> OperatorRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM operators WHERE id = ?", [operator_id]).fetchone()
    return _row(row) if row else None


def by_username(db: Database, username: str) -> OperatorRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM operators WHERE username = ?", [username]).fetchone()
    return _row(row) if row else None


def list_all(db: Database, *, active_only: bool = False) -> list[OperatorRow]:
    where = "WHERE active = 1" if active_only else ""
    cursor = db.execute(f"SELECT {_COLUMNS} FROM operators {where} ORDER BY role DESC, username")
    return [_row(row) for row in cursor.fetchall()]


def insert(
    db: Database,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    created_at: str,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO operators (username, display_name, role, password_hash, active, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
        [username, display_name, role, password_hash, created_at, created_by, created_shift],
    )
    return inserted_id(cursor)


def update_password(db: Database, operator_id: int, password_hash: str, updated_at: str) -> None:
    db.execute(
        "UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?",
        [password_hash, updated_at, operator_id],
    )


def set_active(db: Database, operator_id: int, active: bool, updated_at: str) -> None:
    db.execute(
        "UPDATE operators SET active = ?, updated_at = ? WHERE id = ?",
        [1 if active else 0, updated_at, operator_id],
    )


def set_role(db: Database, operator_id: int, role: str, updated_at: str) -> None:
    db.execute(
        "UPDATE operators SET role = ?, updated_at = ? WHERE id = ?",
        [role, updated_at, operator_id],
    )


def count_active_managers(db: Database) -> int:
    return db.execute(
        "SELECT count(*) FROM operators WHERE role = 'manager' AND active = 1"
    ).fetchone()[0]
