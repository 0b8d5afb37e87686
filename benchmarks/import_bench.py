"""Roster import of a generated 5,000-row .xlsx, against a bare baseline in the same run.

    .venv/bin/python benchmarks/import_bench.py [--rows 5000] [--runs 3]

Figures (median of the runs, each on a fresh database):
- read + validate: ``load_roster`` (safety checks, openpyxl read-only) + ``guess_mapping``
  + ``validate``; baseline: openpyxl read-only of the same file into lists of values.
- import: ``import_roster`` (one transaction: units, people, owners, archive facts,
  vehicles, search index, audit); baseline: ``executemany`` of the same rows into one
  bare SQLite table in one transaction, same journal and sync settings.
- re-import: read + validate + ``import_roster`` of the same file again (writes nothing).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from desk_app.services.desk import Desk  # noqa: E402
from desk_app.services.directory import estate  # noqa: E402
from desk_app.services.directory import roster_import as ri  # noqa: E402
from tests.builders.roster_workbooks import HEADERS, roster_rows, write_roster  # noqa: E402


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def bare_read(path: Path) -> list[tuple]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return list(sheet.iter_rows(min_row=2, max_col=len(HEADERS), values_only=True))
    finally:
        workbook.close()


def bare_write(path: Path, rows: list[tuple]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
    conn.execute(f"CREATE TABLE roster (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in HEADERS)
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO roster ({', '.join(f'c{i}' for i in range(len(HEADERS)))}) VALUES ({marks})",
        [tuple(None if v is None else str(v) for v in row) for row in rows],
    )
    conn.execute("COMMIT")
    conn.close()


def read_and_validate(desk: Desk, path: Path) -> ri.RosterCheck:
    sheet = ri.load_roster(path)
    return ri.validate(desk, sheet.rows, ri.guess_mapping(sheet.headers), source=path.name)


def one_run(folder: Path, workbook: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["bare read"], rows = timed(lambda: bare_read(workbook))
    figures["bare write"], _ = timed(lambda: bare_write(folder / "bare.sqlite3", rows))  # type: ignore[arg-type]
    with Desk.open(folder / "desk.sqlite3") as desk:
        estate.create_building(desk, "1")
        figures["read + validate"], check = timed(lambda: read_and_validate(desk, workbook))
        assert check.ok, check.errors[:3]  # type: ignore[union-attr]
        figures["import"], result = timed(lambda: ri.import_roster(desk, check).value)  # type: ignore[arg-type]
        assert result.created_units == len(rows), result  # type: ignore[union-attr]
        figures["re-import"], again = timed(
            lambda: ri.import_roster(desk, read_and_validate(desk, workbook)).value
        )
        assert not again.changed, again  # type: ignore[union-attr]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-import-bench-") as tmp:
        folder = Path(tmp)
        made, workbook = timed(lambda: write_roster(folder / "roster.xlsx", roster_rows(args.rows)))
        size = workbook.stat().st_size  # type: ignore[union-attr]
        print(f"roster: {args.rows} rows × {len(HEADERS)} columns, {size / 1024:.0f} KiB "
              f"(written in {made:.2f} s); {args.runs} runs, median")  # fmt: skip
        runs = []
        for index in range(args.runs):
            run_folder = folder / f"run{index}"
            run_folder.mkdir()
            runs.append(one_run(run_folder, workbook))  # type: ignore[arg-type]
    median = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    baseline_read = median["bare read"]
    baseline_all = median["bare read"] + median["bare write"]
    print(f"{'':18}{'desk':>9}{'bare':>9}{'ratio':>8}")
    for name, desk_time, bare in (
        ("read + validate", median["read + validate"], baseline_read),
        ("import (write)", median["import"], median["bare write"]),
        ("total first time", median["read + validate"] + median["import"], baseline_all),
        ("re-import (no-op)", median["re-import"], baseline_read),
    ):
        print(f"{name:18}{desk_time:8.2f}s{bare:8.2f}s{desk_time / bare:7.1f}×")


if __name__ == "__main__":
    main()
