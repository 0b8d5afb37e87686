"""What the reception and repair tables cost on the 5000-unit, 10-year demo estate, next to a
bare query on the same connection.

    .venv/bin/python benchmarks/repairs_bench.py [--units 5000] [--years 10] [--runs 7]
    .venv/bin/python benchmarks/repairs_bench.py --time-demo     # also time desk-app demo

Generates (or reuses) ``bench-data/estate-<units>u-<years>y.sqlite3`` with ``desk-app demo
--until 2026-11-01 --seed 1``; an estate made before the demo had a reception log is left
alone and ``bench-data/repairs-estate-<units>u-<years>y.sqlite3`` is generated instead. Works
on a copy (``bench-data/repairs-work.sqlite3``, rebuilt every run) with the desk's clock at
2026-11-01 09:00, the morning after the history ends, so the overdue filters and the
due-now panel see the demo's live work.

Times, with ``time.perf_counter``, the median of N runs (after one warm-up) of what a table
view calls: ``count_*`` plus the first page of 100 rows, the last page (offset count − 100)
and the filters (complaints, one building, overdue, one month; unfinished orders, one
technician, overdue orders), and the panels ``due.due_now`` and ``repairs.dispatch_rows``.
The baseline is ``SELECT * FROM reception_entries ORDER BY received_at DESC LIMIT 100`` on
the same connection in the same run. For a call over 50 ms, each statement it ran that takes
over 2 ms is printed with its ``EXPLAIN QUERY PLAN``. Figures are printed, never asserted;
exit status 0.

``--time-demo`` also generates the estate twice more in child processes, once as
``desk-app demo`` does and once with the repairs generator taken out of
``DEMO_GENERATORS`` (the demo as it was before), and prints both times.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import UNTIL, child_env, ensure_estate, ratio  # noqa: E402
from search_bench import fresh_copy  # noqa: E402

from desk_app.core.clock import CHINA_TZ, FixedClock  # noqa: E402
from desk_app.services import features  # noqa: E402
from desk_app.services.desk import Desk  # noqa: E402
from desk_app.services.reception import entries as reception  # noqa: E402
from desk_app.services.reception.entries import EntryQuery  # noqa: E402
from desk_app.services.repairs import orders as repairs  # noqa: E402
from desk_app.services.repairs.orders import OrderQuery  # noqa: E402
from desk_app.services.shifts import due_now as due  # noqa: E402

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=CHINA_TZ)
PAGE = 100
SLOW_MS = 50.0
BASELINE_SQL = "SELECT * FROM reception_entries ORDER BY received_at DESC LIMIT 100"

# Run in a child: the demo with or without the repairs generator, printing its seconds.
DEMO_CHILD = """
import sys, time
from datetime import date
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk
if sys.argv[2] == "without":
    demo.DEMO_GENERATORS[:] = [g for g in demo.DEMO_GENERATORS if g[0] != "repairs"]
started = time.perf_counter()
with Desk.open(sys.argv[1]) as desk:
    demo.generate(desk, DemoPlan(1, int(sys.argv[3]), int(sys.argv[4]),
                                 date.fromisoformat(sys.argv[5])))
print(time.perf_counter() - started)
"""


# --- the estate --------------------------------------------------------------------------------


def has_reception_log(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM reception_entries").fetchone()[0] > 0
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def estate(units: int, years: int) -> tuple[Path, str]:
    path, seconds = ensure_estate(units, years)
    if seconds is not None:
        return path, f"generated in {seconds:.1f} s"
    if has_reception_log(path):
        return path, "reused"
    own = path.with_name(f"repairs-{path.name}")
    if own.exists() and has_reception_log(own):
        return own, f"reused ({path.name} predates the reception log)"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{own}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    demo_in_child(own, "with", units, years)
    return own, f"generated in {time.perf_counter() - started:.1f} s ({path.name} predates it)"


def demo_in_child(path: Path, mode: str, units: int, years: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", DEMO_CHILD, str(path), mode, str(units), str(years), UNTIL],
        check=True,
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def time_demo(units: int, years: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        times = {}
        for mode in ("without", "with"):  # interleaved would double the wait; one each
            times[mode] = demo_in_child(Path(folder) / f"{mode}.sqlite3", mode, units, years)
    print(
        f"demo --units {units} --years {years}: {times['with']:.2f} s with the repairs "
        f"generator, {times['without']:.2f} s without it (+{times['with'] - times['without']:.2f} s)"
    )


# --- timing ----------------------------------------------------------------------------------


def median_ms(call: Callable[[], object], runs: int) -> tuple[float, object]:
    result = call()  # warm-up: the first call reads the pages from disk
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


class Report:
    def __init__(self, desk: Desk, runs: int, baseline_ms: float) -> None:
        self.desk, self.runs, self.baseline = desk, runs, baseline_ms

    def line(
        self, label: str, ms: float, rows: str, call: Callable[[], object] | None = None
    ) -> None:
        slow = ms > SLOW_MS
        flag = "  SLOW" if slow else ""
        print(f"{label:<46} {ms:>9.2f} {ratio(ms, self.baseline):>9} {rows:>10}{flag}")
        if slow and call is not None:
            self.explain(call)

    def view(self, label: str, count: Callable[[], int], page: Callable[[int], list]) -> int:
        """count + first page, and the last page, as a table view asks for them."""
        count_ms, total = median_ms(count, self.runs)
        first_ms, first = median_ms(lambda: page(0), self.runs)
        self.line(f"{label}: count", count_ms, f"{total}")
        self.line(f"{label}: first page", first_ms, f"{len(first)} rows")  # type: ignore[arg-type]
        self.line(
            f"{label}: count + first page", count_ms + first_ms, "", lambda: (count(), page(0))
        )
        last_offset = max(0, int(total) - PAGE)  # type: ignore[arg-type]
        if last_offset:
            last_ms, last = median_ms(lambda: page(last_offset), self.runs)
            rows = f"{len(last)} rows"  # type: ignore[arg-type]
            self.line(f"{label}: last page", last_ms, rows, lambda: page(last_offset))
        return int(total)  # type: ignore[arg-type]

    def call(self, label: str, call: Callable[[], list]) -> None:
        ms, rows = median_ms(call, self.runs)
        self.line(label, ms, f"{len(rows)} rows", call)  # type: ignore[arg-type]

    def explain(self, call: Callable[[], object]) -> None:
        """Each statement the slow call ran that takes over 2 ms, with its query plan."""
        conn = self.desk.db.conn
        statements: list[str] = []
        conn.set_trace_callback(statements.append)  # the SQL with its parameters filled in
        try:
            call()
        finally:
            conn.set_trace_callback(None)
        for sql in dict.fromkeys(statements):
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            ms, _ = median_ms(lambda sql=sql: conn.execute(sql).fetchall(), 3)
            if ms < 2:
                continue
            print(f"      {ms:7.2f} ms  {' '.join(sql.split())[:300]}")
            for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall():
                print(f"                  {step[3]}")


def run(desk: Desk, runs: int) -> None:
    conn = desk.db.conn
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM reception_entries), "
        "(SELECT count(*) FROM repair_orders), (SELECT count(*) FROM repair_events), "
        "(SELECT count(*) FROM callbacks), (SELECT count(*) FROM callback_attempts), "
        "(SELECT count(*) FROM repair_materials)"
    ).fetchone()
    print(
        f"units {counts[0]}, reception entries {counts[1]}, repair orders {counts[2]}, "
        f"events {counts[3]}, callbacks {counts[4]} (attempts {counts[5]}), "
        f"materials {counts[6]}"
    )
    baseline, _ = median_ms(lambda: conn.execute(BASELINE_SQL).fetchall(), runs * 3)
    report = Report(desk, runs, baseline)
    print(f"\nmedian of {runs} runs after a warm-up; now = {NOW:%Y-%m-%d %H:%M}")
    print(f"{'call':<46} {'ms':>9} {'× bare':>9} {'rows':>10}")
    report.line("bare: SELECT * … ORDER BY received_at DESC LIMIT 100", baseline, "100 rows")

    def entries(query: EntryQuery, label: str) -> int:
        return report.view(
            label,
            lambda: reception.count_entries(desk, query),
            lambda offset: reception.list_entries(desk, query, limit=PAGE, offset=offset),
        )

    def orders(query: OrderQuery, label: str) -> int:
        return report.view(
            label,
            lambda: repairs.count_orders(desk, query),
            lambda offset: repairs.list_orders(desk, query, limit=PAGE, offset=offset),
        )

    building = conn.execute(
        "SELECT building FROM reception_entries WHERE building IS NOT NULL "
        "GROUP BY building ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    technician = conn.execute(
        "SELECT t.id, t.name FROM technicians t JOIN repair_orders o ON o.technician_id = t.id "
        "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    print("\n-- reception log (业户来电、来访接待记录表)")
    entries(EntryQuery(), "entries, all")
    entries(reception.within(desk, 7), "entries, last 7 days (tab)")
    entries(EntryQuery(category="投诉"), "entries, 投诉")
    entries(EntryQuery(building=building), f"entries, building {building}")
    entries(reception.overdue_query(desk, EntryQuery()), "entries, overdue")
    entries(EntryQuery(date_from="2026-09-01", date_to="2026-10-01"), "entries, 2026-09")
    print("\n-- repair orders (维修工作单)")
    orders(OrderQuery(), "orders, all")
    orders(OrderQuery(status="unfinished"), "orders, unfinished")
    orders(OrderQuery(technician_id=technician[0]), f"orders, technician {technician[1]}")
    orders(repairs.overdue_query(desk, OrderQuery()), "orders, overdue")
    orders(OrderQuery(date_from="2026-09-01", date_to="2026-10-01"), "orders, 2026-09")
    print("\n-- panels")
    report.call("due.due_now", lambda: due.due_now(desk))
    report.call("repairs.dispatch_rows", lambda: repairs.dispatch_rows(desk))


def main() -> None:
    features.install()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--time-demo", action="store_true", help="also time desk-app demo")
    args = parser.parse_args()

    if args.time_demo:
        time_demo(args.units, args.years)
    base, note = estate(args.units, args.years)
    print(f"estate: {base} ({base.stat().st_size / 1e6:.1f} MB, {note})")
    work = ROOT / "bench-data" / "repairs-work.sqlite3"
    fresh_copy(base, work)
    desk = Desk.open(work, clock=FixedClock(NOW), quick_check=False)
    try:
        run(desk, args.runs)
    finally:
        desk.close()


if __name__ == "__main__":
    main()
