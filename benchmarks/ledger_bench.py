"""What the fee ledger costs, each figure next to a bare baseline measured in the same run.

    .venv/bin/python benchmarks/ledger_bench.py [--units 5000] [--years 10] [--runs 30]

1. **A payment with its receipt**: ``ledger.take_payment`` (three ticked charges, cash,
   its own ``BEGIN IMMEDIATE`` transaction with ``synchronous = FULL``, so the commit
   waits for the disk) and then ``receipts_print.print_receipt`` (every copy in one PDF,
   archived), per operation, median and worst of N, on the 10-year estate. Baselines, same
   process: the same rows (a receipt, three lines, the audit rows) inserted with bare
   ``sqlite3`` into a bare file with the same pragmas, committed; and a bare reportlab page
   per copy, the same paper and font, with the same strings drawn at fixed places.
2. **Billing a month**: ``billing.preview`` + ``billing.post`` of the next period's
   property fee, garbage and parking for every unit. Baseline: the same number of charge
   rows inserted by ``executemany`` into a bare table, committed.
3. **The month-end report**: ``month_close.report`` of the last period on the 10-year
   history. Baseline: ``SELECT count(*), sum(amount_fen) FROM charges`` on the same file.
4. **What is owed** (the live-money views): one unit's account (``charges.owing`` and
   ``credit_balance``) for 200 units, against ``SELECT sum(amount_fen) FROM charges WHERE
   unit_id = ?`` for the same units; the arrears list of the whole estate
   (``arrears.by_unit``) and one shift's takings, against the full scan of section 3;
   then what two sub-tabs of 收费台账 call to show, and the arrears export, each against the
   same scan: 欠费催缴 (``arrears.arrears``, then the first unit's ``unit_debt`` and
   ``actions_of_unit``), the workbook ``arrears_export.export_arrears``, and 收银与月结
   (``cash_drawer.drawer``, ``pending_handover``, ``handover_due``, the periods and the
   default period's ``month_close.report``); medians of 3.

The estate is ``bench-data/ledger-estate-<units>u-<years>y.sqlite3`` (``desk-app demo
--until 2026-11-01 --seed 1``; the demo's ledger covers the last 3 years of a 5,000-unit
estate), or with ``--full-ledger`` ``ledger-full-estate-…`` whose ledger covers every year;
generated once and reused; every run works on a fresh copy.
Figures are printed, never asserted; exit status 0.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import UNTIL, child_env, ratio  # noqa: E402
from search_bench import fresh_copy  # noqa: E402

from desk_app.core.clock import CHINA_TZ, FixedClock  # noqa: E402
from desk_app.services.desk import Desk  # noqa: E402
from desk_app.services.ledger import billing, books, charges, month_close, payments, receipts_print  # noqa: E402
from desk_app.services.shifts import login  # noqa: E402

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=CHINA_TZ)
PASSWORD = "desk123"


# The demo keeps the ledger to ~170,000 household-months (3 years at 5,000 units) so that
# it is generated in seconds; --full-ledger lifts that limit in the generating child.
FULL_LEDGER_CHILD = (
    "import sys; import desk_app.demo.ledger_rows as rows; "
    "rows.LEDGER_UNIT_MONTHS = 10**9; from desk_app.cli.main import main; "
    "sys.argv = ['desk-app'] + sys.argv[1:]; main()"
)


def ensure_ledger_estate(units: int, years: int, *, full_ledger: bool) -> Path:
    folder = ROOT / "bench-data"
    folder.mkdir(exist_ok=True)
    kind = "ledger-full" if full_ledger else "ledger"
    path = folder / f"{kind}-estate-{units}u-{years}y.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        command = ["-c", FULL_LEDGER_CHILD] if full_ledger else ["-m", "desk_app"]
        subprocess.run(
            [sys.executable, *command, "--db", str(path), "demo", "--units",
             str(units), "--years", str(years), "--until", UNTIL, "--seed", "1"],
            check=True, cwd=ROOT, env=child_env(), capture_output=True,
        )  # fmt: skip
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):7.2f} ms, worst {max(values):7.2f} ms"


# --- 1. payments ---------------------------------------------------------------------------------


def payment_runs(desk: Desk, runs: int) -> tuple[list[float], list[float]]:
    """Charge three months to ``runs`` units, then take each unit's payment and print it."""
    login.login(desk, "lihua", PASSWORD, "早班")
    books.register_book(desk, 9_000_001, 9_100_000)  # a fresh book for the run
    login.login(desk, "zhangli", PASSWORD, "早班")
    units = [u for u in _some_units(desk, runs)]
    charge_ids = {}
    # three charges after the last closed day (the demo closes every month up to October)
    for unit_id in units:
        charge_ids[unit_id] = [
            charges.post_charge(desk, unit_id, "garbage", due_on=day, amount="10").value.charge_id
            for day in ("2026-10-28", "2026-10-30", "2026-11-01")
        ]
    receipts_print.warm_up()
    pay_ms, print_ms = [], []
    for unit_id in units:
        started = time.perf_counter()
        payment = payments.take_payment(
            desk, unit_id, method="现金", charge_ids=charge_ids[unit_id], tendered="100"
        ).value
        paid = time.perf_counter()
        receipts_print.print_receipt(desk, payment.receipt.id)
        printed = time.perf_counter()
        pay_ms.append((paid - started) * 1000)
        print_ms.append((printed - paid) * 1000)
    return pay_ms, print_ms


def _some_units(desk: Desk, count: int) -> list[int]:
    from desk_app.services.directory import estate as directory_estate

    # residential units spread over the estate (offset 7: not only the first floor)
    units = directory_estate.list_units(desk, limit=count * 7)
    return [unit.id for unit in units[::7]][:count]


def bare_insert_runs(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bare.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE receipts (id INTEGER PRIMARY KEY, book INTEGER, number INTEGER, "
            "unit INTEGER, customer TEXT, at TEXT, method TEXT, total INTEGER, UNIQUE (book, number))"
        )
        conn.execute(
            "CREATE TABLE lines (id INTEGER PRIMARY KEY, receipt INTEGER, charge INTEGER, "
            "text TEXT, amount INTEGER)"
        )
        conn.execute(
            "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT, op TEXT, detail TEXT, h TEXT)"
        )
        times = []
        for n in range(runs):

            def insert(n: int = n) -> None:
                conn.execute("BEGIN IMMEDIATE")
                cursor = conn.execute(
                    "INSERT INTO receipts (book, number, unit, customer, at, method, total) "
                    "VALUES (1, ?, 1, '3栋2单元501 张三', '2026-11-02T09:00:00+08:00', '现金', 3000)",
                    [n + 1],
                )
                for month in range(3):
                    conn.execute(
                        "INSERT INTO lines (receipt, charge, text, amount) VALUES (?, ?, ?, 1000)",
                        [cursor.lastrowid, month, "垃圾清运费"],
                    )
                for _ in range(2):
                    conn.execute(
                        "INSERT INTO audit (at, op, detail, h) VALUES (?, ?, ?, ?)",
                        ["2026-11-02T09:00:00+08:00", "payment_received", "{}", f"{n:064x}"],
                    )
                conn.execute("COMMIT")

            times.append(timed(insert))
        conn.close()
        return times


def bare_reportlab_runs(desk: Desk, receipt_id: int, runs: int) -> list[float]:
    """A bare canvas per copy: the receipt's paper and font, its strings at fixed places."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from desk_app.printing.fonts import ensure_fonts_registered

    font = ensure_fonts_registered()
    copies = ["存根联", "收据联", "记账联"]
    data = receipts_print.receipt_data(desk, receipt_id, copy_name=copies[0])
    strings = [str(v) for v in data.values() if isinstance(v, (str, int))]
    for line in data.get("lines", []):  # type: ignore[union-attr]
        strings.extend(str(v) for v in line.values())
    times = []
    for _ in range(runs):

        def draw() -> None:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=(241 * mm, 93 * mm), invariant=1, pageCompression=1)
            for copy in copies:
                canvas.setFont(font, 10)
                canvas.drawString(10 * mm, 85 * mm, copy)
                for index, text in enumerate(strings):
                    canvas.drawString(
                        (10 + (index % 6) * 38) * mm, (78 - (index // 6) * 6) * mm, text
                    )
                for row in range(8):
                    canvas.line(10 * mm, (70 - row * 6) * mm, 231 * mm, (70 - row * 6) * mm)
                canvas.showPage()
            canvas.save()

        times.append(timed(draw))
    return times


# --- 2. billing and 3. the month-end report ----------------------------------------------------


def billing_month(desk: Desk) -> tuple[float, float, int]:
    login.login(desk, "zhangli", PASSWORD, "早班")
    items = [
        i.code for i in billing.billable_items(desk) if i.code in ("property", "garbage", "parking")
    ]
    period = "2027-01"
    preview_ms = timed(lambda: billing.preview(desk, period, items=items))
    sheet = billing.preview(desk, period, items=items)
    post_ms = timed(lambda: billing.post(desk, period, items=items).value)
    return preview_ms, post_ms, sheet.count


def bare_charges(count: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bare.sqlite3")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE charges (id INTEGER PRIMARY KEY, unit INTEGER, item INTEGER, "
            "period TEXT, text TEXT, amount INTEGER, due TEXT, source TEXT, ref TEXT, at TEXT)"
        )
        rows = [
            (n, n % 3, "2027-01", "物业服务费 2027-01", 23828, "2027-01-15", "billing", "2027-01",
             "2026-11-02T09:00:00+08:00")
            for n in range(count)
        ]  # fmt: skip

        def insert() -> None:
            with conn:
                conn.executemany(
                    "INSERT INTO charges (unit, item, period, text, amount, due, source, ref, at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )

        ms = timed(insert)
        conn.close()
        return ms


# --- 4. what is owed ---------------------------------------------------------------------------


def owed_figures(desk: Desk) -> list[str]:
    from desk_app.storage.ledger import arrears as stored_arrears
    from desk_app.storage.ledger import cash as stored_cash
    from desk_app.storage.ledger import charges as stored_charges

    db = desk.db
    units = _some_units(desk, 200)

    def accounts() -> None:
        for unit_id in units:
            stored_charges.owing(db, unit_id)
            stored_charges.credit_balance(db, unit_id)

    def bare_accounts() -> None:
        for unit_id in units:
            db.execute(
                "SELECT sum(amount_fen) FROM charges WHERE unit_id = ?", [unit_id]
            ).fetchone()

    def scan() -> None:
        db.execute("SELECT count(*), sum(amount_fen) FROM charges").fetchone()

    shift = db.execute("SELECT created_shift FROM receipts ORDER BY id DESC LIMIT 1").fetchone()[0]
    account_ms = statistics.median(timed(accounts) for _ in range(3))
    bare_account_ms = statistics.median(timed(bare_accounts) for _ in range(3))
    arrears_ms = statistics.median(
        timed(lambda: stored_arrears.by_unit(db, "2026-11-01")) for _ in range(3)
    )
    takings_ms = statistics.median(
        timed(lambda: stored_cash.shift_takings(db, shift)) for _ in range(3)
    )
    scan_ms = statistics.median(timed(scan) for _ in range(3))
    arrears_tab_ms, count = _median_with(lambda: _arrears_tab(desk))
    export_ms, _ = _median_with(lambda: _arrears_export(desk))
    cash_tab_ms, _ = _median_with(lambda: _cash_tab(desk))
    return [
        f"   200 accounts (owing + credit)   {account_ms:8.1f} ms",
        f"   bare sum per unit, same units   {bare_account_ms:8.1f} ms  → {ratio(account_ms, bare_account_ms)}",
        f"   arrears list, whole estate      {arrears_ms:8.1f} ms",
        f"   one shift's takings             {takings_ms:8.2f} ms",
        f"   bare full scan of charges       {scan_ms:8.1f} ms  → arrears {ratio(arrears_ms, scan_ms)}",
        f"   欠费催缴 sub-tab ({count} units)    {arrears_tab_ms:8.1f} ms  → {ratio(arrears_tab_ms, scan_ms)} (target < 200 ms)",
        f"   arrears export (.xlsx)          {export_ms:8.1f} ms  → {ratio(export_ms, scan_ms)}",
        f"   收银与月结 sub-tab              {cash_tab_ms:8.1f} ms  → {ratio(cash_tab_ms, scan_ms)}",
    ]


def _median_with(call) -> tuple[float, object]:
    """Median of 3 timed calls, and what the last one returned."""
    times, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _arrears_tab(desk: Desk) -> int:
    """What the 欠费催缴 page reads to show: the list, then its first unit's debt and steps."""
    from desk_app.services.ledger import arrears

    rows = arrears.arrears(desk)
    if rows:
        arrears.unit_debt(desk, rows[0].unit_id)
        arrears.actions_of_unit(desk, rows[0].unit_id)
    return len(rows)


def _arrears_export(desk: Desk) -> int:
    from desk_app.services.ledger import arrears_export

    with tempfile.TemporaryDirectory() as folder:
        return arrears_export.export_arrears(desk, Path(folder) / "arrears.xlsx").count


def _cash_tab(desk: Desk) -> None:
    """What the 收银与月结 page reads to show: the drawer, the pending handover, the
    periods and the default period's month-end report."""
    from desk_app.services.ledger import cash_drawer

    cash_drawer.drawer(desk)
    cash_drawer.pending_handover(desk)
    cash_drawer.handover_due(desk)
    period = month_close.default_period(desk)
    month_close.recent_periods(desk)
    month_close.closes(desk)
    month_close.report(desk, period)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only-owed", action="store_true", help="section 4 only")
    parser.add_argument(
        "--full-ledger", action="store_true", help="the ledger over all the years, not the last 3"
    )
    args = parser.parse_args()

    estate = ensure_ledger_estate(args.units, args.years, full_ledger=args.full_ledger)
    work = ROOT / "bench-data" / "ledger-work.sqlite3"
    fresh_copy(estate, work)
    with Desk.open(work, clock=FixedClock(NOW), quick_check=False) as desk:
        counts = {
            t: desk.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("units", "charges", "receipts", "receipt_lines")
        }
        print(f"estate: {estate.name}  " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))

        if args.only_owed:
            login.login(desk, "zhangli", PASSWORD, "早班")
            print("\n4. what is owed")
            print("\n".join(owed_figures(desk)))
            return
        pay_ms, print_ms = payment_runs(desk, args.runs)
        both = [a + b for a, b in zip(pay_ms, print_ms, strict=True)]
        bare_db = bare_insert_runs(args.runs)
        last_receipt = desk.db.execute("SELECT max(id) FROM receipts").fetchone()[0]
        bare_pdf = bare_reportlab_runs(desk, last_receipt, args.runs)
        print(f"\n1. payment with receipt, {args.runs} operations")
        print(f"   take_payment (commit with fsync)  {summary(pay_ms)}")
        print(f"   bare sqlite3 inserts, same rows   {summary(bare_db)}  "
              f"→ {ratio(statistics.median(pay_ms), statistics.median(bare_db))}")  # fmt: skip
        print(f"   print_receipt (3 copies, archived) {summary(print_ms)}")
        print(f"   bare reportlab, 3 pages           {summary(bare_pdf)}  "
              f"→ {ratio(statistics.median(print_ms), statistics.median(bare_pdf))}")  # fmt: skip
        print(f"   payment + receipt PDF             {summary(both)}  (target < 100 ms)")

        preview_ms, post_ms, count = billing_month(desk)
        bare_ms = bare_charges(count)
        print(f"\n2. billing a month: {count:,} charges")
        print(f"   preview {preview_ms:8.1f} ms, post {post_ms:8.1f} ms, "
              f"together {(preview_ms + post_ms) / 1000:.2f} s (target < 5 s)")  # fmt: skip
        print(f"   bare executemany of {count:,} rows {bare_ms:8.1f} ms  "
              f"→ post {ratio(post_ms, bare_ms)}")  # fmt: skip

        period = "2026-10"
        report_ms = [timed(lambda: month_close.report(desk, period)) for _ in range(3)]
        bare_scan = [
            timed(lambda: desk.db.execute("SELECT count(*), sum(amount_fen) FROM charges").fetchone())
            for _ in range(3)
        ]  # fmt: skip
        print(f"\n3. month-end report {period} on {args.years} years")
        print(f"   month_close.report  median {statistics.median(report_ms):8.1f} ms")
        print(f"   bare full scan of charges  {statistics.median(bare_scan):8.1f} ms  "
              f"→ {ratio(statistics.median(report_ms), statistics.median(bare_scan))}")  # fmt: skip

        print("\n4. what is owed")
        print("\n".join(owed_figures(desk)))


if __name__ == "__main__":
    main()
