"""desk-app shifts …: the shifts, their handover reports and the operators, read from a real
file by the real command."""

from __future__ import annotations

from desk_app.services.desk import documents
from desk_app.services.shifts import login
from tests.builders.cli import run_cli
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD, hand_over_to_chen


def test_list_shows_who_kept_the_desk(staffed_desk, clock, db_path):
    hand_over_to_chen(staffed_desk, clock)
    staffed_desk.close()
    result = run_cli("--db", str(db_path), "shifts", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    handed = next(line for line in lines if "张丽" in line and "已交班" in line)
    assert "陈静" in handed and "3-2-501 钥匙未还" in handed
    assert any("陈静" in line and "值班中" in line and "晚班" in line for line in lines)


def test_report_of_a_handed_over_shift_is_the_archived_copy(staffed_desk, clock, db_path, tmp_path):
    result = hand_over_to_chen(staffed_desk, clock).value
    archived = documents.pdf_of(staffed_desk, result.document_id)
    staffed_desk.close()
    out = tmp_path / "report.pdf"
    run = run_cli(
        "--db", str(db_path), "shifts", "report", str(result.closed_shift_id), "--out", str(out)
    )
    assert run.returncode == 0, run.stderr
    assert "存档的交接班报告" in run.stdout
    assert out.read_bytes() == archived


def test_report_of_the_open_shift_is_a_preview_and_writes_nothing(staffed_desk, db_path, tmp_path):
    shift_id = staffed_desk.shift.id
    printed_before = documents.documents_for(staffed_desk, "shifts", shift_id)
    staffed_desk.close()
    out = tmp_path / "preview.pdf"
    run = run_cli("--db", str(db_path), "shifts", "report", str(shift_id), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "尚未交班" in run.stdout
    assert "张丽" in pdf_text(out.read_bytes())
    from desk_app.services.desk import Desk

    with Desk.open(db_path, exclusive=False) as desk:
        assert documents.documents_for(desk, "shifts", shift_id) == printed_before


def test_report_of_an_unknown_shift_fails_in_chinese(staffed_desk, db_path, tmp_path):
    staffed_desk.close()
    out = tmp_path / "none.pdf"
    run = run_cli("--db", str(db_path), "shifts", "report", "999", "--out", str(out))
    assert run.returncode != 0
    assert "班次 999 不存在" in run.stderr
    assert not out.exists()


def test_operators_are_listed_with_their_roles(staffed_desk, db_path):
    staffed_desk.close()
    run = run_cli("--db", str(db_path), "shifts", "operators")
    assert run.returncode == 0, run.stderr
    rows = {line.split()[0]: line for line in run.stdout.splitlines() if line.strip()}
    assert "主管" in rows["lee"] and "李主管" in rows["lee"]
    assert "在用" in rows["zhang"]


def test_report_of_a_shift_closed_without_an_archived_copy_says_so(staffed_desk, db_path, tmp_path):
    from desk_app.services.repairs import orders
    from desk_app.services.repairs.orders import NewRepair
    from tests.builders.repairs import reception_estate

    reception_estate(staffed_desk)  # logs zhang in again: the same shift resumes
    orders.create_order(staffed_desk, NewRepair(content="灯不亮", unit="3-2-501"))
    shift_id = staffed_desk.shift.id
    login.login(staffed_desk, "chen", PASSWORD, "中班")  # zhang's shift closes unattended
    staffed_desk.close()
    out = tmp_path / "late.pdf"
    run = run_cli("--db", str(db_path), "shifts", "report", str(shift_id), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "按现有记录生成" in run.stdout
    text = "".join(pdf_text(out.read_bytes()).split())
    assert "交班时的未完成事项无法还原" in text
    assert "灯不亮" not in text  # today's open orders are not passed off as that shift's
