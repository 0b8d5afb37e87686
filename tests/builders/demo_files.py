"""Demo estates for the demo's tests: generated once into a file, then read with bare
sqlite3 (rows by column name) as a checker outside the program would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desk_app.core.clock import FixedClock
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk


def generated(path: Path, plan: DemoPlan, *, at: datetime) -> Path:
    """``path`` holding the demo of ``plan``, generated with the clock at ``at``."""
    with Desk.open(path, clock=FixedClock(at)) as desk:
        demo.generate(desk, plan)
    return path


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def rows(db: sqlite3.Connection, sql: str, *params: object) -> list[sqlite3.Row]:
    return db.execute(sql, params).fetchall()
