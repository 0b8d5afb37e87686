"""desk-app shifts …: the shifts, their handover reports and the operators, read from a real
file by the real command."""

from __future__ import annotations

from desk_app.services.desk import documents
from tests.builders.cli import run_cli
from tests.builders.pdf import pdf_text
from tests.builders.staff import hand_over_to_chen


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
