"""`desk-app keys …` end to end: a child process on a real database built through the
services (the command line runs on the real clock, so the loans are written an hour and
a day before now)."""

from __future__ import annotations

from datetime import datetime, timedelta

from openpyxl import load_workbook

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from tests.builders.cli import run_cli
from tests.builders.keys import keys_estate
from tests.builders.staff import staff


def test_list_out_overdue_and_history(tmp_path):
    path = tmp_path / "desk.sqlite3"
    now = datetime.now(CHINA_TZ).replace(microsecond=0)
    clock = FixedClock(now - timedelta(days=1))
    with Desk.open(path, clock=clock) as desk:
        keys_estate(staff(desk))
        late = registry.create_set(desk, KeySetInput("公共区域", {"天台门": 2}, building="3"))
        loans.lend(
            desk,
            late.value.id,
            LoanInput(
                Borrower(name="李四", kind="员工"),
                "天台检修",
                due_back=(now - timedelta(hours=20)).isoformat(),
            ),
        )
        clock.set(now - timedelta(minutes=5))
        fresh = registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3"))
        loans.lend(
            desk,
            fresh.value.id,
            LoanInput(
                Borrower(name="王五", kind="外单位人员"),
                "换灯",
                due_back=(now + timedelta(hours=1)).isoformat(),
            ),
        )
        registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3", place="A-3"))

    listed = run_cli("--db", str(path), "keys", "list")
    assert listed.returncode == 0, listed.stderr
    assert "K0000003" in listed.stdout and "共 3 套" in listed.stdout

    out = run_cli("--db", str(path), "keys", "out")
    assert out.returncode == 0, out.stderr
    assert "李四" in out.stdout and "王五" in out.stdout and "逾期" in out.stdout

    overdue = run_cli("--db", str(path), "keys", "out", "--overdue")
    assert "李四" in overdue.stdout and "王五" not in overdue.stdout

    history = run_cli("--db", str(path), "keys", "history", "k0000001")
    assert history.returncode == 0, history.stderr
    assert "入库" in history.stdout and "借出" in history.stdout and "天台检修" in history.stdout
    assert "张丽" in history.stdout

    missing = run_cli("--db", str(path), "keys", "history", "K9999999")
    assert missing.returncode != 0 and "没有钥匙编号 K9999999" in missing.stderr
    assert "Traceback" not in missing.stderr

    xlsx = tmp_path / "keys.xlsx"
    exported = run_cli("--db", str(path), "keys", "list", "--out", str(xlsx))
    assert exported.returncode == 0, exported.stderr
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][0] == "编号" and [r[0] for r in rows[1:]] == ["K0000001", "K0000002", "K0000003"]
