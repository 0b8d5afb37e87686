"""`desk-app ledger close / report / drawer / handover` end to end: a child process on a
real database built through the services.

The command line runs on the real clock, so the estate's money is written with a
FixedClock on the 10th of the month two months back: that period has ended and can be
closed today, whatever today is.
"""

from __future__ import annotations

from datetime import datetime, time

import openpyxl
import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import Desk, settings
from desk_app.services.directory import estate as directory_estate
from desk_app.services.ledger import (
    books,
    cash_drawer,
    charges,
    fee_items,
    month_close,
    payments,
    rates,
)
from desk_app.services.shifts import login, operators
from desk_app.storage import audit
from tests.builders.cli import run_cli
from tests.builders.staff import PASSWORD

PROPERTY = 23828  # 128.80 m² × 1.85


def _months_back(today, months: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - months
    return index // 12, index % 12 + 1


@pytest.fixture
def estate(tmp_path):
    """Period P (two months back): 3-2-501 pays its property fee in cash and 3-1-101 pays
    parking by WeChat; 3-2-501 still owes the month before. Nothing is closed yet."""
    path = tmp_path / "desk.sqlite3"
    today = datetime.now(CHINA_TZ).date()
    year, month = _months_back(today, 2)
    period = f"{year:04d}-{month:02d}"
    before_year, before_month = _months_back(today, 3)
    before = f"{before_year:04d}-{before_month:02d}"
    clock = FixedClock(datetime(year, month, 10, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        directory_estate.create_units(
            desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False), area_text="128.80"
        )
        a = directory_estate.find_unit(desk, "3-2-501")
        b = directory_estate.find_unit(desk, "3-1-101")
        login.login(desk, "lee", PASSWORD, "早班")
        settings.update(desk, {"ledger.late_fee_wan_per_day": 0})
        fee_items.install_standard_items(desk)
        rates.set_rate(desk, "property", "1.85", effective_from="2020-01-01")
        rates.set_rate(desk, "parking", "150", effective_from="2020-01-01")
        books.register_book(desk, 1001, 1050)
        login.login(desk, "zhang", PASSWORD, "早班")
        charges.post_charge(desk, a.id, "property", due_on=f"{before}-05", period=before)
        fee = charges.post_charge(
            desk, a.id, "property", due_on=f"{period}-05", period=period
        ).value
        parking = charges.post_charge(
            desk, b.id, "parking", due_on=f"{period}-05", period=period
        ).value
        clock.set(datetime.combine(clock.now().date(), time(10), tzinfo=CHINA_TZ))
        payments.take_payment(desk, a.id, method="现金", charge_ids=[fee.charge_id])
        payments.take_payment(desk, b.id, method="微信", charge_ids=[parking.charge_id])
        shift_id = desk.shift.id
    return {"path": path, "period": period, "shift_id": shift_id}


def cli(estate, *args, input_text=None):
    return run_cli("--db", str(estate["path"]), "ledger", *args, input_text=input_text)


def read(estate):
    return Desk.open(estate["path"], exclusive=False, quick_check=False)


def test_close_with_the_password_typed_on_stdin(estate):
    period = estate["period"]
    declined = cli(estate, "close", period, "--user", "lee", input_text=f"{PASSWORD}\nn\n")
    assert declined.returncode != 0
    assert "¥238.28" in declined.stdout  # the totals were shown before the question
    with read(estate) as desk:
        assert month_close.closes(desk) == []

    done = cli(estate, "close", period, "--user", "lee", input_text=f"{PASSWORD}\ny\n")
    assert done.returncode == 0, done.stderr
    assert f"已月结 {period}" in done.stdout and "李主管" in done.stdout
    for total in ("¥388.28", "¥238.28"):  # received; arrears (the month before)
        assert total in done.stdout
    with read(estate) as desk:
        [row] = month_close.closes(desk)
        assert (row.period, row.received_fen, row.arrears_fen) == (
            period,
            PROPERTY + 15000,
            PROPERTY,
        )
        assert row.approved_by_name == "李主管"

    again = cli(estate, "close", period, "--user", "lee", "--yes", input_text=f"{PASSWORD}\n")
    assert again.returncode != 0 and "不能重复月结" in again.stderr


def test_a_wrong_password_or_a_clerk_closes_nothing(estate):
    with read(estate) as desk:
        before = audit.count(desk.db)
    wrong = cli(estate, "close", estate["period"], "--user", "lee", "--yes", input_text="nope\n")
    assert wrong.returncode != 0
    assert "登录名或密码不正确" in wrong.stderr and "Traceback" not in wrong.stderr
    clerk = cli(
        estate, "close", estate["period"], "--user", "zhang", "--yes", input_text=f"{PASSWORD}\n"
    )
    assert clerk.returncode != 0 and "月结需要客服主管权限" in clerk.stderr
    bad = cli(estate, "close", "2026/13", "--yes", input_text=f"{PASSWORD}\n")
    assert bad.returncode != 0 and "账期格式" in bad.stderr
    with read(estate) as desk:
        assert month_close.closes(desk) == [] and audit.count(desk.db) == before


def test_the_report_as_a_workbook_and_as_pdf_without_login(estate, tmp_path):
    period = estate["period"]
    out = tmp_path / "月结.xlsx"
    result = cli(estate, "report", period, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "未月结" in result.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "按项目", "欠费账龄", "封存码"]
    summary = {row[0].value: row[1].value for row in book["汇总"].iter_rows(min_row=2)}
    assert summary["账期"] == period
    assert round(summary["本期实收"] * 100) == PROPERTY + 15000
    assert round(summary["期末欠费"] * 100) == PROPERTY
    assert summary["收缴率（当期实收 / 当期应收）"] == 1
    items = {row[0].value: row for row in book["按项目"].iter_rows(min_row=2)}
    assert round(items["物业服务费"][4].value * 100) == PROPERTY
    assert items["物业服务费"][4].number_format == "#,##0.00"

    pdf = tmp_path / "月结.pdf"
    assert cli(estate, "report", period, "--out", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    wrong = cli(estate, "report", period, "--out", str(tmp_path / "月结.csv"))
    assert wrong.returncode != 0 and ".xlsx" in wrong.stderr


def test_the_drawer_and_the_handover_to_finance(estate, tmp_path):
    drawer = cli(estate, "drawer", "--shift", str(estate["shift_id"]))
    assert drawer.returncode == 0, drawer.stderr
    for expected in ("现金", "微信", "¥238.28", "¥150.00", "¥388.28", "0001001–0001002（2 张）"):
        assert expected in drawer.stdout, expected
    assert cli(estate, "drawer").returncode == 0  # zhang's shift is still open

    slip = tmp_path / "slip.pdf"
    result = cli(
        estate,
        "handover",
        "--received-by",
        "王会计",
        "--out",
        str(slip),
        "--user",
        "zhang",
        input_text=f"{PASSWORD}\n",
    )
    assert result.returncode == 0, result.stderr
    assert "实交现金 ¥238.28" in result.stdout and slip.read_bytes().startswith(b"%PDF")
    with read(estate) as desk:
        [row] = cash_drawer.handovers(desk)
        assert (row.total_fen, row.cash_fen, row.created_by_name) == (
            PROPERTY + 15000,
            PROPERTY,
            "张丽",
        )
    again = cli(
        estate,
        "handover",
        "--received-by",
        "王会计",
        "--out",
        str(slip),
        "--user",
        "zhang",
        input_text=f"{PASSWORD}\n",
    )
    assert again.returncode != 0 and "无需上缴" in again.stderr


def test_a_period_that_cannot_close_is_refused_before_the_password(estate):
    early = cli(estate, "close", "2099-01", "--user", "lee")  # no password typed at all
    assert early.returncode != 0
    assert "不能提前月结" in early.stderr
    assert "密码" not in early.stderr + early.stdout  # never asked for
    with read(estate) as desk:
        assert month_close.closes(desk) == []
