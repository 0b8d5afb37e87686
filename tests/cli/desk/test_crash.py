"""SIGKILL in the middle of multi-row writes, many times over: nothing half-written,
`desk-app check` passes every time."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk_app.services.desk import Desk, settings
from desk_app.services.shifts import login, operators
from desk_app.storage.database import connect
from tests.builders.cli import run_cli
from tests.builders.crash_writer import GENERATION_KEYS
from tests.builders.staff import PASSWORD

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[3]


def make_staffed_db(path: Path) -> None:
    with Desk.open(path) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        operators.create_operator(desk, "chen", "陈静", "clerk", PASSWORD)


def kill_writer_after(path: Path, mode: str, seconds: float) -> int:
    """Start the writer, let it run, SIGKILL it; return how many iterations it reported."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.builders.crash_writer", str(path), mode, PASSWORD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    time.sleep(seconds)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    return len(out.split())


def assert_settings_consistent(path: Path) -> int:
    with Desk.open(path) as desk:
        values = settings.get_all(desk)
        generation = values["backup.keep"]
        for key in GENERATION_KEYS:
            assert values[key] in (f"第{generation}代", settings.DEFAULTS[key]), (key, values)
        db = desk.db
        changed = db.execute(
            "SELECT count(*) FROM audit_log WHERE operation = 'settings_changed' AND record_id = 'backup.keep'"
        ).fetchone()[0]
    return changed


def assert_shifts_consistent(path: Path) -> None:
    db = connect(path, readonly=True)
    try:
        open_count = db.execute("SELECT count(*) FROM shifts WHERE status = 'open'").fetchone()[0]
        assert open_count <= 1
        handed = db.execute("SELECT count(*) FROM shifts WHERE status = 'handed_over'").fetchone()[
            0
        ]
        complete = db.execute(
            "SELECT count(*) FROM shifts s JOIN shifts n ON n.id = s.next_shift_id "
            "JOIN documents d ON d.id = s.handover_document_id WHERE s.status = 'handed_over'"
        ).fetchone()[0]
        audited = db.execute(
            "SELECT count(*) FROM audit_log WHERE operation = 'shift_handed_over'"
        ).fetchone()[0]
        assert handed == complete == audited
    finally:
        db.close()


@pytest.mark.slow
def test_sigkill_during_settings_changes(tmp_path):
    path = tmp_path / "crash.sqlite3"
    make_staffed_db(path)
    rng = random.Random(20261122)
    committed = 0
    for _ in range(12):
        reported = kill_writer_after(path, "settings", rng.uniform(0.6, 1.6))
        changed = assert_settings_consistent(path)
        assert changed >= committed + reported  # every reported write survived
        committed = changed
        result = run_cli("--db", str(path), "check")
        assert result.returncode == 0, result.stdout
    assert committed > 12


@pytest.mark.slow
def test_sigkill_during_handovers(tmp_path):
    path = tmp_path / "crash.sqlite3"
    make_staffed_db(path)
    rng = random.Random(7)
    for _ in range(8):
        kill_writer_after(path, "handover", rng.uniform(1.0, 2.5))
        assert_shifts_consistent(path)
        result = run_cli("--db", str(path), "check")
        assert result.returncode == 0, result.stdout


def make_ledger_db(path: Path) -> None:
    from desk_app.core.estate import BuildingPlan
    from desk_app.services.directory import estate
    from desk_app.services.ledger import books, fee_items, rates

    make_staffed_db(path)
    with Desk.open(path) as desk:
        login.login(desk, "lee", PASSWORD, "早班")
        estate.create_units(desk, BuildingPlan("1", 1, 1, 1, 1, 1, zero_padded=False))
        fee_items.add_fee_item(desk, "parking", "停车费", "fixed", "月")
        rates.set_rate(desk, "parking", "150", effective_from="2026-01-01")
        books.register_book(desk, 1, 100_000)


@pytest.mark.slow
def test_sigkill_during_payments_never_loses_or_skips_a_receipt(tmp_path):
    path = tmp_path / "crash.sqlite3"
    make_ledger_db(path)
    rng = random.Random(25)
    last_reported = 0
    for _ in range(10):
        kill_writer_after(path, "payments", rng.uniform(0.8, 1.8))
        db = connect(path, readonly=True)
        try:
            numbers = [r[0] for r in db.execute("SELECT number FROM receipts ORDER BY number")]
            assert numbers == list(range(1, len(numbers) + 1))  # no gap, no duplicate
            unbalanced = db.execute(
                "SELECT count(*) FROM receipts r WHERE r.total_fen <> (SELECT coalesce(sum("
                "amount_fen), 0) FROM receipt_lines WHERE receipt_id = r.id)"
            ).fetchone()[0]
            assert unbalanced == 0  # no payment without its lines
            audited = db.execute(
                "SELECT count(*) FROM audit_log WHERE operation = 'payment_received' "
                "AND record_table = 'receipts'"
            ).fetchone()[0]
            assert audited == len(numbers)
        finally:
            db.close()
        assert len(numbers) >= last_reported
        last_reported = len(numbers)
        result = run_cli("--db", str(path), "check")
        assert result.returncode == 0, result.stdout
    assert last_reported > 10


@pytest.mark.slow
def test_sigkill_during_demo_generation_leaves_all_or_nothing(tmp_path):
    rng = random.Random(3)
    for attempt in range(4):
        path = tmp_path / f"demo-{attempt}.sqlite3"
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desk_app",
                "--db",
                str(path),
                "demo",
                "--units",
                "3000",
                "--years",
                "6",
                "--until",
                "2026-11-01",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(1.0, 4.0))
        child.kill()
        child.communicate(timeout=60)
        db = connect(path, readonly=True)
        try:
            operators_count = db.execute("SELECT count(*) FROM operators").fetchone()[0]
            units_count = db.execute("SELECT count(*) FROM units").fetchone()[0]
            finished = db.execute(
                "SELECT count(*) FROM audit_log WHERE operation = 'demo_generated'"
            ).fetchone()[0]
        finally:
            db.close()
        if operators_count:
            assert (units_count, finished) == (3000, 1)
        else:
            assert (units_count, finished) == (0, 0)
        assert run_cli("--db", str(path), "check").returncode == 0
