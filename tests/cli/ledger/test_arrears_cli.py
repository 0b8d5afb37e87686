"""`desk-app ledger arrears` and `desk-app ledger notices` end to end: a child process on a
real database built through the services.

The command line runs on the real clock, so the debts are due relative to today: one unit
about two months overdue, one about five, one a few days."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from openpyxl import load_workbook

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk
from desk_app.services.ledger import arrears
from desk_app.services.ledger.arrears_export import HEADER
from desk_app.services.shifts import login, operators
from tests.builders.cli import run_cli
from tests.builders.ledger import arrears_estate as build_estate
from tests.builders.ledger import charge
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    path = tmp_path_factory.mktemp("arrears-cli") / "desk.sqlite3"
    today = datetime.now(CHINA_TZ).date()
    clock = FixedClock(datetime.combine(today, time(7, 30), tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        login.login(desk, "zhang", PASSWORD, "早班")
        units = build_estate(desk)
        charge(desk, units["3-2-501"], "property", (today - timedelta(days=70)).isoformat())
        charge(desk, units["5-1-101"], "other", (today - timedelta(days=160)).isoformat(), "300")
        charge(desk, units["3-1-101"], "water", (today - timedelta(days=5)).isoformat(), "56.5")
        expected = {row.unit_code: row for row in arrears.arrears(desk)}
    return path, today, units, expected


def sheet_rows(path):
    return list(load_workbook(path).active.iter_rows(values_only=True))


def test_arrears_workbook_has_numbers_and_follows_the_stage_filter(estate, tmp_path):
    db, today, _units, expected = estate
    out = tmp_path / "欠费.xlsx"
    result = run_cli(
        "--db", str(db), "ledger", "arrears", "--on", today.isoformat(), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "已导出 3 户欠费" in result.stdout

    workbook = load_workbook(out)
    sheet = workbook.active
    assert sheet.freeze_panes == "A3"
    assert today.isoformat() in sheet["A1"].value and "全部" in sheet["A1"].value
    rows = sheet_rows(out)
    assert list(rows[1]) == HEADER
    body, total = rows[2:-1], rows[-1]
    assert [r[0] for r in body] == ["5栋1单元101", "3栋2单元501", "3栋1单元101"]
    first = body[0]
    assert first[1] == "王五" and first[2] == "137****5678"
    assert first[3] == 300 and isinstance(first[3], int | float)  # a number, not text
    assert first[6] == expected["5-1-101"].stage_label
    assert first[7] == expected["5-1-101"].late_fee_fen / 100
    assert body[2][8] == 5  # water five days overdue
    assert sheet.cell(row=3, column=4).number_format == "#,##0.00"
    assert total[0] == "合计 3 户"
    assert total[3] == pytest.approx(sum(r.owed_fen for r in expected.values()) / 100)

    stage_two = tmp_path / "stage2.xlsx"
    result = run_cli(
        "--db", str(db), "ledger", "arrears", "--stage", "2", "--on", today.isoformat(),
        "--out", str(stage_two),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    wanted = sorted(r.unit_text for r in expected.values() if r.stage == 2)
    assert sorted(r[0] for r in sheet_rows(stage_two)[2:-1]) == wanted


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--stage", "4", "--out", "x.xlsx"), "催缴阶段只能是 1、2、3"),
        (("--stage", "二", "--out", "x.xlsx"), "催缴阶段只能是 1、2、3"),
        (("--out", "x.csv"), "应以 .xlsx 结尾"),
        (("--out", "missing-folder/x.xlsx"), "文件夹不存在"),
    ],
)
def test_bad_arguments_end_with_a_chinese_message(estate, tmp_path, args, message):
    db = estate[0]
    args = tuple(str(tmp_path / a) if a.endswith((".xlsx", ".csv")) else a for a in args)
    result = run_cli("--db", str(db), "ledger", "arrears", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert not list(tmp_path.glob("*.xlsx"))


def test_notices_are_printed_archived_and_recorded(estate, tmp_path):
    db, _today, units, expected = estate
    out = tmp_path / "notices.pdf"
    result = run_cli("--db", str(db), "ledger", "notices", "--out", str(out))
    assert result.returncode == 0, result.stderr
    from_stage_one = [c for c, r in expected.items() if r.stage >= 1]
    assert f"催款通知书 {len(from_stage_one)} 户" in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out, layout=False)
    assert text.count("\f") == len(from_stage_one)  # one page each
    assert "5栋1单元101" in text and "3栋2单元501" in text and "3栋1单元101" not in text

    single = tmp_path / "one.pdf"
    result = run_cli(
        "--db", str(db), "ledger", "notices", "--unit", "3栋1单元101", "--out", str(single)
    )
    assert result.returncode == 0, result.stderr
    assert "催款通知书 1 户" in result.stdout and single.exists()

    with Desk.open(db, exclusive=False) as desk:
        steps = {
            code: [a.action for a in arrears.actions_of_unit(desk, units[code])]
            for code in expected
        }
    assert steps == {code: ["notice"] for code in expected}

    refused = run_cli(
        "--db", str(db), "ledger", "notices", "--unit", "3-1-102", "--out", str(single)
    )
    assert refused.returncode != 0 and "没有需要发催款通知书" in refused.stderr
