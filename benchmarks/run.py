"""Benchmarks of the desk app against bare baselines measured in the same run."""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk_app.demo.plan import DEMO_PASSWORD  # noqa: E402

UNTIL = "2026-11-01"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DESK_APP_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="desk-bench-settings-")
    return env


def run_child(args: list[str]) -> tuple[float, int]:
    """(seconds reported by the child, its peak RSS in KiB)."""
    process = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read() if process.stdout else ""
    err = process.stderr.read() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed: {args}\n{err}")
    return float(out.strip().splitlines()[-1]), usage.ru_maxrss


def ensure_estate(units: int, years: int) -> tuple[Path, float | None]:
    folder = ROOT / "bench-data"
    folder.mkdir(exist_ok=True)
    path = folder / f"estate-{units}u-{years}y.sqlite3"
    if path.exists():
        return path, None
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desk_app",
            "--db",
            str(path),
            "demo",
            "--units",
            str(units),
            "--years",
            str(years),
            "--until",
            UNTIL,
            "--seed",
            "1",
        ],
        check=True,
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
    )
    return path, time.perf_counter() - started


def bare_insert_baseline(path: Path) -> float:
    """Insert as many rows as the estate has, with plain executemany, into a bare file."""
    source = sqlite3.connect(path)
    counts = {
        t: source.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("units", "shifts", "audit_log")
    }
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        conn = sqlite3.connect(Path(folder) / "bare.sqlite3")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE units (id INTEGER PRIMARY KEY, code TEXT UNIQUE, area INTEGER)")
        conn.execute(
            "CREATE TABLE shifts (id INTEGER PRIMARY KEY, name TEXT, op INTEGER, a TEXT, b TEXT)"
        )
        conn.execute(
            "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT, op TEXT, detail TEXT, h TEXT)"
        )
        rng = random.Random(1)
        with conn:
            conn.executemany(
                "INSERT INTO units (code, area) VALUES (?, ?)",
                ((f"u{i}", rng.randint(5000, 20000)) for i in range(counts["units"])),
            )
            conn.executemany(
                "INSERT INTO shifts (name, op, a, b) VALUES (?, ?, ?, ?)",
                (
                    ("早班", i % 5, "2026-01-01T07:30:00+08:00", "x")
                    for i in range(counts["shifts"])
                ),
            )
            conn.executemany(
                "INSERT INTO audit (at, op, detail, h) VALUES (?, ?, ?, ?)",
                (
                    ("2026-01-01T07:30:00+08:00", "shift_opened", "{}", f"{i:064x}")
                    for i in range(counts["audit_log"])
                ),
            )
        conn.close()
        return time.perf_counter() - started


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    path, demo_seconds = ensure_estate(args.units, args.years)
    print(f"estate: {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
    if demo_seconds is not None:
        baseline = bare_insert_baseline(path)
        print(
            f"demo --units {args.units} --years {args.years}: {demo_seconds:.2f} s "
            f"(bare executemany of the same rows: {baseline:.2f} s, {ratio(demo_seconds, baseline)})"
        )
    else:
        print("demo: estate reused (delete bench-data/ to time generation)")

    bare, desk, login, bare_rss, desk_rss = [], [], [], [], []
    for _ in range(args.runs):  # interleaved so both see the same machine state
        seconds, rss = run_child(["benchmarks/startup_child.py", "bare"])
        bare.append(seconds)
        bare_rss.append(rss)
        seconds, rss = run_child(
            ["benchmarks/startup_child.py", "desk", str(path), "zhangli", DEMO_PASSWORD]
        )
        desk.append(seconds)
        desk_rss.append(rss)
        login.append(run_child(["benchmarks/startup_child.py", "login", str(path)])[0])
    bare_median, desk_median = statistics.median(bare), statistics.median(desk)
    print(
        f"startup to main window (median of {args.runs}): desk {desk_median * 1000:.0f} ms, "
        f"bare six-tab window {bare_median * 1000:.0f} ms, ratio {ratio(desk_median, bare_median)}"
    )
    login_median = statistics.median(login)
    print(
        f"startup to login dialog (median of {args.runs}): {login_median * 1000:.0f} ms, "
        f"ratio to the bare window {ratio(login_median, bare_median)}"
    )
    print(
        f"peak memory: desk {max(desk_rss) / 1024:.0f} MiB, bare {max(bare_rss) / 1024:.0f} MiB, "
        f"ratio {ratio(max(desk_rss), max(bare_rss))}"
    )


if __name__ == "__main__":
    main()
