"""`desk-app ledger bill` and `desk-app ledger readings …` end to end: a child process on a
real database built through the services; the password is typed on stdin."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import openpyxl
import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk
from desk_app.services.shifts import login, operators
from tests.builders.cli import run_cli
from tests.builders.hostile_workbooks import damaged_copy
from tests.builders.ledger import billing_estate as build_billing_estate
from tests.builders.ledger import close_period
from tests.builders.ledger import read_meters as read
from tests.builders.staff import PASSWORD


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with Desk.open(path, clock=FixedClock(datetime.now(CHINA_TZ))) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        units = build_billing_estate(desk)
        read(desk, units, "2026-10", {"3-1-101": "100", "3-1-102": "200"})
        close_period(desk, "2026-09", "2026-09-25")
    return path


def query(path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_preview_then_post_then_nothing_twice(db, tmp_path):
    preview = run_cli("--db", str(db), "ledger", "bill", "2026-11", "--item", "property")
    assert preview.returncode == 0, preview.stderr
    assert "物业服务费" in preview.stdout and "1,040.00" in preview.stdout
    assert "7-101 物业服务费：没有建筑面积" in preview.stdout and "未入账" in preview.stdout
    assert query(db, "SELECT count(*) FROM charges") == [(0,)]

    sheet = tmp_path / "计费表.xlsx"
    posted = run_cli(
        "--db", str(db), "ledger", "bill", "2026年11月", "--item", "property",
        "--building", "3栋", "--post", "--user", "zhang", "--out", str(sheet),
        input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert posted.returncode == 0, posted.stderr
    assert "已入账：计费表第 1 号，4 笔，合计 ¥740.00。" in posted.stdout
    assert query(db, "SELECT count(*), sum(amount_fen) FROM charges") == [(4, 74000)]
    rows = list(openpyxl.load_workbook(sheet).active.iter_rows(values_only=True))
    assert "已入账" in rows[0][0] and rows[-1][0] == "合计" and rows[-1][7] == 740
    operator = query(
        db, "SELECT op.username FROM billing_runs b JOIN operators op ON op.id = b.created_by"
    )
    assert operator == [("zhang",)]

    again = run_cli(
        "--db", str(db), "ledger", "bill", "2026-11", "--item", "property", "--building", "3",
        "--post", "--user", "zhang", input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert again.returncode == 1 and "没有可以入账的费用" in again.stderr
    assert query(db, "SELECT count(*) FROM charges") == [(4,)]


def test_wrong_password_and_closed_period_are_refused(db):
    wrong = run_cli(
        "--db", str(db), "ledger", "bill", "2026-11", "--item", "garbage",
        "--post", "--user", "zhang", input_text="nope\n",
    )  # fmt: skip
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    closed = run_cli(
        "--db", str(db), "ledger", "bill", "2026-09", "--item", "garbage",
        "--post", "--user", "zhang", input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert closed.returncode == 1 and "已月结" in closed.stderr
    assert query(db, "SELECT count(*) FROM charges") == [(0,)]
    bad_out = run_cli("--db", str(db), "ledger", "bill", "2026-11", "--out", "sheet.csv")
    assert bad_out.returncode == 2 and ".xlsx" in bad_out.stderr


def test_readings_template_import_and_bill_round_trip(db, tmp_path):
    template = tmp_path / "抄表单.xlsx"
    made = run_cli(
        "--db", str(db), "ledger", "readings", "template", "--period", "2026-11",
        "--item", "water", "--building", "3", "--out", str(template),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "4 户" in made.stdout

    workbook = openpyxl.load_workbook(template)
    sheet = workbook.active
    readings = {"3-1-101": 112, "3-1-102": 150}  # 150 is below the previous 200
    for row in sheet.iter_rows(min_row=3):
        row[3].value = readings.get(row[0].value)
    workbook.save(template)
    refused = run_cli(
        "--db", str(db), "ledger", "readings", "import", str(template), "--period", "2026-11",
        "--item", "water", "--user", "zhang", input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert refused.returncode == 1
    assert "第 4 行：3-1-102" in refused.stderr and "小于上次读数" in refused.stderr
    assert query(db, "SELECT count(*) FROM meter_readings WHERE period = '2026-11'") == [(0,)]

    for row in sheet.iter_rows(min_row=3):
        if row[0].value == "3-1-102":
            row[3].value = 205.5
    workbook.save(template)
    imported = run_cli(
        "--db", str(db), "ledger", "readings", "import", str(template), "--period", "2026-11",
        "--item", "water", "--user", "zhang", input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert "已导入 2 个读数（2 户未填）" in imported.stdout

    pdf = tmp_path / "计费表.pdf"
    billed = run_cli(
        "--db", str(db), "ledger", "bill", "2026-11", "--item", "water",
        "--post", "--user", "zhang", "--out", str(pdf), input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert billed.returncode == 0, billed.stderr
    assert "2 笔，合计 ¥61.25" in billed.stdout  # 12 × 3.5 + 5.5 × 3.5
    assert pdf.read_bytes().startswith(b"%PDF")
    assert query(db, "SELECT form, record_table FROM documents") == [
        ("billing_sheet", "billing_runs")
    ]


@pytest.mark.parametrize("damage", ["truncated", "inflate", "random"])
def test_a_damaged_readings_file_is_one_line_and_writes_nothing(db, tmp_path, damage):
    template = tmp_path / "抄表单.xlsx"
    made = run_cli(
        "--db", str(db), "ledger", "readings", "template", "--period", "2026-11",
        "--item", "water", "--building", "3", "--out", str(template),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    damaged_copy(template, damage)
    written = "SELECT (SELECT count(*) FROM meter_readings), (SELECT count(*) FROM charges)"
    before = query(db, written)
    result = run_cli(
        "--db", str(db), "ledger", "readings", "import", str(template), "--period", "2026-11",
        "--item", "water", "--user", "zhang", input_text=f"{PASSWORD}\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    # Before it: the password prompt (and getpass's warning when stdin is not a terminal).
    [line] = [text for text in result.stderr.splitlines() if text.startswith("错误")]
    assert "Excel" in line and result.stderr.rstrip().endswith(line), result.stderr
    assert query(db, written) == before
