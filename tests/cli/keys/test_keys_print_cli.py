"""`desk-app keys labels` and `keys register` end to end: a child process on a real
database built through the services (the command line runs on the real clock, so the
loans are written earlier today or the day before)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk, documents
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import IntakePlan, KeySetInput
from tests.builders.cli import run_cli
from tests.builders.keys import keys_estate
from tests.builders.pdf import pdf_text, squash
from tests.builders.qr import label_codes
from tests.builders.staff import staff


def _estate(path, when: datetime) -> None:
    with Desk.open(path, clock=FixedClock(when)) as desk:
        keys_estate(staff(desk))
        registry.post_intake(desk, IntakePlan("3", {"防盗铁门": 1}))
        roof = registry.create_set(desk, KeySetInput("公共区域", {"天台门": 1}, building="3"))
        loans.lend(desk, roof.value.id, LoanInput(Borrower(name="李四", kind="员工"), "天台巡查"))


def test_labels_of_a_building_scan_back_and_unknown_buildings_are_refused(tmp_path):
    path = tmp_path / "desk.sqlite3"
    _estate(path, datetime.now(CHINA_TZ).replace(microsecond=0) - timedelta(hours=1))
    out = tmp_path / "labels.pdf"
    done = run_cli("--db", str(path), "keys", "labels", "--building", "3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "钥匙标签 25 枚（1 页，K0000001–K0000025）" in done.stdout
    codes = label_codes(out.read_bytes(), tmp_path)
    assert codes[:25] == [f"K{n:07d}" for n in range(1, 26)] and set(codes[25:]) == {None}

    missing = run_cli("--db", str(path), "keys", "labels", "--building", "9", "--out", str(out))
    assert missing.returncode == 1 and "没有楼号 9" in missing.stderr
    assert "Traceback" not in missing.stderr
    wrong = run_cli("--db", str(path), "keys", "labels", "--out", str(tmp_path / "x.txt"))
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr


def test_the_register_of_yesterday_and_today_is_printed_and_archived(tmp_path):
    path = tmp_path / "desk.sqlite3"
    now = datetime.now(CHINA_TZ).replace(microsecond=0)
    _estate(path, now - timedelta(days=1))
    today, yesterday = now.date(), (now - timedelta(days=1)).date()
    out = tmp_path / "register.pdf"
    done = run_cli(
        "--db", str(path), "keys", "register",
        "--from", yesterday.isoformat(), "--to", today.isoformat(), "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"钥匙借用登记表 {yesterday} 至 {today}（共借出 1 次，未还 1 次）" in done.stdout
    text = squash(pdf_text(out))
    for column in ("日期", "时间", "钥匙名称/编号", "事由", "借用人签字", "归还日期/时间"):
        assert column in text
    assert "K0000025" in text and "天台巡查" in text and "李四" in text and "未还" in text
    with Desk.open(path) as desk:
        archived = documents.documents_for(desk, "key_movements", f"{yesterday}~{today}")
        assert len(archived) == 1 and documents.pdf_of(desk, archived[0].id) == out.read_bytes()

    today_only = run_cli("--db", str(path), "keys", "register", "--out", str(out))
    assert today_only.returncode == 0, today_only.stderr
    assert "（共借出 0 次，未还 0 次）" in today_only.stdout
    assert "期间无钥匙借用" in squash(pdf_text(out))

    backwards = run_cli(
        "--db", str(path), "keys", "register",
        "--from", today.isoformat(), "--to", yesterday.isoformat(), "--out", str(out),
    )  # fmt: skip
    assert backwards.returncode == 1 and "结束日期不能早于开始日期" in backwards.stderr
