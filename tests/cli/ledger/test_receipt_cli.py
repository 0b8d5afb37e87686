"""`desk-app ledger receipt print/show` end to end: a child process on a real database
built through the services (two receipts, the first voided)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, payments, receipts, receipts_print
from desk_app.services.shifts import approvals, login, operators
from desk_app.storage import audit
from tests.builders import pdf as builders_pdf
from tests.builders.cli import run_cli
from tests.builders.ledger import property_months
from tests.builders.ledger import receipt_estate as ledger_estate
from tests.builders.staff import PASSWORD


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    """№1001 (three months of 3-2-501, cash, voided) and №1002 (the same, again, 微信)."""
    path = tmp_path_factory.mktemp("receipt-cli") / "desk.sqlite3"
    clock = FixedClock(datetime(2026, 11, 20, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        login.login(desk, "zhang", PASSWORD, "早班")
        unit = ledger_estate(desk)
        ids = property_months(desk, unit.id, "2026-08", "2026-09", "2026-10")
        first = payments.take_payment(
            desk, unit.id, method="现金", charge_ids=ids, tendered="800"
        ).value
        receipts_print.print_receipt(desk, first.receipt.id)
        approval = approvals.verify_approval(
            desk, "lee", PASSWORD, action="receipt_void", reason="写错金额"
        )
        receipts.void_receipt(desk, first.receipt.id, "写错金额", approval)
        again = [r.charge_id for r in charges.owing(desk, unit.id)]
        second = payments.take_payment(desk, unit.id, method="微信", charge_ids=again).value
    return path, first.receipt, second.receipt


def pdf_text(path) -> str:
    return builders_pdf.pdf_text(path, layout=False)


def reprints(path, receipt_id):
    with Desk.open(path, exclusive=False, quick_check=False) as desk:
        return [
            e
            for e in audit.entries_for_record(desk.db, "receipts", str(receipt_id))
            if e.operation == "receipt_reprinted"
        ]


def test_print_is_a_marked_and_audited_reprint(estate, tmp_path):
    path, _first, second = estate
    out = tmp_path / "receipt.pdf"
    result = run_cli("--db", str(path), "ledger", "receipt", "print", "0001002", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "收款收据 №0001002（补打）已保存到" in result.stdout
    text = pdf_text(out)
    assert text.count("补打") == 3  # every copy
    for copy in ("存根联", "收据联", "记账联"):
        assert copy in text
    [entry] = reprints(path, second.id)
    assert entry.actor == "system" and entry.detail["number"] == "0001002"


def test_a_void_receipt_reprints_as_void(estate, tmp_path):
    path, first, _second = estate
    out = tmp_path / "void.pdf"
    result = run_cli("--db", str(path), "ledger", "receipt", "print", "1001", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "该收据已作废" in result.stdout
    text = pdf_text(out)
    assert "作废" in text and "补打" in text


def test_unknown_number_and_bad_output(estate, tmp_path):
    path, _first, second = estate
    before = len(reprints(path, second.id))
    unknown = run_cli(
        "--db", str(path), "ledger", "receipt", "print", "9999", "--out", str(tmp_path / "x.pdf")
    )
    assert unknown.returncode != 0 and "没有收据号码 9999" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()
    suffix = run_cli(
        "--db", str(path), "ledger", "receipt", "print", "1002", "--out", str(tmp_path / "x.txt")
    )
    assert suffix.returncode != 0 and ".pdf" in suffix.stderr
    missing = tmp_path / "no-such-folder" / "x.pdf"
    unwritable = run_cli(
        "--db", str(path), "ledger", "receipt", "print", "1002", "--out", str(missing)
    )
    assert unwritable.returncode != 0 and "无法写入" in unwritable.stderr
    assert "Traceback" not in unknown.stderr + suffix.stderr + unwritable.stderr
    assert len(reprints(path, second.id)) == before  # nothing was reprinted


def test_show_lists_the_lines_and_the_status(estate):
    path, first, _second = estate
    result = run_cli("--db", str(path), "ledger", "receipt", "show", "1001")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "收款收据 №0001001    作废" in out
    assert "客户名称：3栋2单元501 张三" in out
    assert "物业服务费 2026-08  ¥238.28" in out and "滞纳金（物业服务费 2026-08）" in out
    assert "实收 ¥800.00" in out
    assert "原因：写错金额" in out
    assert f"合计：{format_fen(first.total_fen)}" in out
    valid = run_cli("--db", str(path), "ledger", "receipt", "show", "№0001002")
    assert valid.returncode == 0 and "收款收据 №0001002    有效" in valid.stdout
    bad = run_cli("--db", str(path), "ledger", "receipt", "show", "abc")
    assert bad.returncode != 0 and "收据号码格式不正确" in bad.stderr
