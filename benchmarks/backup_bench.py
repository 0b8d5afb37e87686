"""A backup while the desk keeps taking payments, next to a plain file copy.

    .venv/bin/python benchmarks/backup_bench.py [--estate PATH] [--units 5000] [--years 10]

The estate is ``--estate`` or ``bench-data/ledger-estate-<units>u-<years>y.sqlite3``
(``desk-app demo --until 2026-11-01 --seed 1``, generated once); the run works on a fresh
copy. A second process takes payments in a loop (``ledger.take_payment``, each its own
``BEGIN IMMEDIATE`` … ``COMMIT`` with ``synchronous = FULL``) for as long as the backup
runs; this process then makes ``maintenance.backup_now`` (one step of SQLite's backup API
under one read transaction, verified, recorded) and, for comparison, ``shutil.copy`` of the
same file. Printed: the file size, the backup's time and the copy's, how many payments the
loop committed meanwhile, and whether a ``.partial`` file is left. Never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_bench import ensure_ledger_estate  # noqa: E402

from desk_app.services.desk import Desk, maintenance  # noqa: E402

PAYER = r"""
import sys, time
from pathlib import Path
from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, payments
from desk_app.services.shifts import login

path, stop = Path(sys.argv[1]), Path(sys.argv[2])
desk = Desk.open(path, exclusive=False)
login.login(desk, "zhangli", "desk123", login.shift_names(desk)[0])
units = [row[0] for row in desk.db.execute("SELECT id FROM units ORDER BY id LIMIT 2000")]
print("ready", flush=True)
count = 0
while not stop.exists():
    payments.take_payment(desk, units[count % len(units)], method="现金", amount="10.00")
    count += 1
print(count, flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--estate", type=Path)
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    estate = args.estate or ensure_ledger_estate(args.units, args.years, full_ledger=False)
    with tempfile.TemporaryDirectory(prefix="backup-bench-") as folder:
        db = Path(folder) / "desk.sqlite3"
        shutil.copy(estate, db)
        size_mb = db.stat().st_size / 1e6
        stop = Path(folder) / "stop"
        payer = subprocess.Popen(
            [sys.executable, "-c", PAYER, str(db), str(stop)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert payer.stdout is not None
        payer.stdout.readline()  # ready
        time.sleep(1.0)  # the loop is writing
        with Desk.open(db, exclusive=False, create=False) as desk:
            started = time.perf_counter()
            target = maintenance.backup_now(desk, reason="bench").value
            backup_s = time.perf_counter() - started
        stop.touch()
        paid = int(payer.stdout.readline() or 0)
        payer.wait(timeout=60)
        started = time.perf_counter()
        shutil.copy(db, Path(folder) / "plain-copy.sqlite3")
        copy_s = time.perf_counter() - started
        partials = list(target.parent.glob("*.partial"))
        print(f"estate {estate.name}: {size_mb:.0f} MB")
        print(f"backup while paying: {backup_s:.2f} s (verified, recorded)")
        print(f"plain shutil.copy:   {copy_s:.2f} s  (ratio {backup_s / copy_s:.1f}×)")
        print(f"payments committed by the loop meanwhile (whole loop): {paid}")
        print(f".partial files left: {len(partials)}")


if __name__ == "__main__":
    main()
