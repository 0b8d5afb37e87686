"""The reception and repairs tabs on a long history: first paint, scrolling to the end,
applying a filter, and memory, against a bare Qt table shown the same way.

    .venv/bin/python benchmarks/tabs_bench.py --units 5000 --years 10 --runs 5

Each database is measured in a child process (fresh imports, honest peak RSS). With
``--compare-years 1`` a second, shorter history is measured too, to show that memory
does not grow with the history size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench-data"


def demo_db(units: int, years: int) -> Path:
    path = DATA / f"tabs-{units}u-{years}y.sqlite3"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
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
                "--seed",
                "7",
                "--until",
                "2026-11-20",
            ],
            check=True,
            cwd=ROOT,
        )
    return path


def child(db: str, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from datetime import datetime

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from desk_app.core.clock import CHINA_TZ, FixedClock
    from desk_app.services.desk import Desk
    from desk_app.services.shifts import login
    from desk_app.ui.events import EventHub

    app = QApplication.instance() or QApplication([])
    desk = Desk.open(db, clock=FixedClock(datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)))
    login.login(desk, "zhangli", "desk123", "早班")
    hub = EventHub()

    def painted(widget) -> None:
        widget.show()
        app.processEvents()
        widget.grab()  # forces a full paint of the widget and its children

    def bare() -> float:
        start = time.perf_counter()
        model = QStandardItemModel(100, 18)
        for row in range(100):
            for column in range(18):
                model.setItem(row, column, QStandardItem(f"{row}-{column}"))
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 700)
        painted(view)
        elapsed = time.perf_counter() - start
        view.deleteLater()
        return elapsed

    def measure(make, view_of, everything, apply_filter) -> dict[str, float]:
        start = time.perf_counter()
        page = make()
        page.resize(1200, 700)
        painted(page)
        first = time.perf_counter() - start
        everything(page)  # the whole history, so that the end is ten years away
        app.processEvents()
        view = view_of(page)
        rows_all = view.model().rowCount()
        start = time.perf_counter()
        view.scrollToBottom()
        app.processEvents()
        view.viewport().grab()
        scroll = time.perf_counter() - start
        start = time.perf_counter()
        apply_filter(page)
        app.processEvents()
        view.viewport().grab()
        filtered = time.perf_counter() - start
        cached = view.model().cached_rows()
        rows = view.model().rowCount()
        page.close()
        page.deleteLater()
        app.processEvents()
        return {
            "first": first,
            "scroll": scroll,
            "filter": filtered,
            "cached": cached,
            "rows": rows,
            "rows_all": rows_all,
        }

    from desk_app.ui.reception.page import ReceptionPage
    from desk_app.ui.repairs.page import RepairsPage

    def choose(combo, data) -> None:
        combo.setCurrentIndex(combo.findData(data))

    def reception_all(page) -> None:
        choose(page.period_combo, "all")
        page.apply_filter()

    def reception_filter(page) -> None:
        choose(page.category_combo, "投诉")
        page.apply_filter()

    def repairs_all(page) -> None:
        page.filters.set_period("all")

    def repairs_filter(page) -> None:
        choose(page.filters.status, "unfinished")

    results: dict[str, list[dict[str, float]]] = {"bare": [], "reception": [], "repairs": []}
    for _ in range(runs):
        results["bare"].append({"first": bare()})
        results["reception"].append(
            measure(
                lambda: ReceptionPage(desk, hub), lambda p: p.view, reception_all, reception_filter
            )
        )
        results["repairs"].append(
            measure(lambda: RepairsPage(desk, hub), lambda p: p.view, repairs_all, repairs_filter)
        )
    summary: dict[str, object] = {}
    for name, rows in results.items():
        summary[name] = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    summary["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    desk.close()
    print(json.dumps(summary))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--compare-years", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs)
        return
    for years in [args.years] + ([args.compare_years] if args.compare_years else []):
        db = demo_db(args.units, years)
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(db), "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        summary = json.loads(output.strip().splitlines()[-1])
        bare = summary["bare"]["first"]
        print(
            f"== {args.units} units, {years} years ({db.name}); peak RSS "
            f"{summary['peak_rss_mib']:.0f} MiB"
        )
        print(f"   bare QTableView, 100 rows shown and painted: {bare * 1000:.1f} ms")
        for tab in ("reception", "repairs"):
            s = summary[tab]
            print(
                f"   {tab:9s} history {int(s['rows_all']):>7,d} rows (filtered "
                f"{int(s['rows']):,d})  first paint {s['first'] * 1000:6.1f} ms "
                f"({s['first'] / bare:4.1f}× bare)  scroll to end {s['scroll'] * 1000:6.1f} ms  "
                f"filter {s['filter'] * 1000:6.1f} ms  rows held {int(s['cached'])}"
            )


if __name__ == "__main__":
    main()
