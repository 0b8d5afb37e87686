"""`desk-app movein notices / sheet / routing-slip / defect-list / summary` end to end: a
child process on a real database built through the services (the command line runs on
the real clock, so the hand-over was closed an hour ago)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.services.desk import Desk, documents
from desk_app.services.movein import batches
from tests.builders.cli import run_cli
from tests.builders.movein import handed_over, metered_estate
from tests.builders.pdf import pdf_pages, squash
from tests.builders.staff import staff


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    path = tmp_path_factory.mktemp("movein-cli") / "desk.sqlite3"
    when = datetime.now(CHINA_TZ).replace(microsecond=0) - timedelta(hours=1)
    with Desk.open(path, clock=FixedClock(when)) as desk:
        unit = metered_estate(staff(desk))
        hid = handed_over(desk, unit)
    return path, hid, when.date().isoformat()


def _run(path, *args):
    return run_cli("--db", str(path), "movein", *args)


def test_notices_of_a_batch_and_of_one_building(estate, tmp_path):
    path, _hid, _day = estate
    out = tmp_path / "通知单.pdf"
    done = _run(path, "notices", "--batch", "3栋交付", "--building", "3栋", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "入住通知单 4 户已保存" in done.stdout
    pages = pdf_pages(out)
    assert len(pages) == 4 and "张三" in squash(pages[2]) and "3栋2单元501" in squash(pages[2])
    with Desk.open(path) as desk:
        batch = batches.find_batch(desk, "3栋交付")
        assert all(u.notice_how == "邮寄" for u in batches.batch_units(desk, batch.id))

    for args, message in (
        (("--batch", "没有的批次"), "没有交付批次“没有的批次”"),
        (("--batch", "3栋交付", "--building", "9"), "没有9栋的房屋"),
        (("--batch", "3栋交付", "--how", "飞鸽"), "通知方式只能是"),
    ):
        bad = _run(path, "notices", *args, "--out", str(out))
        assert bad.returncode == 1 and message in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_the_sheet_the_slip_and_the_defect_list_of_a_unit(estate, tmp_path):
    path, hid, _day = estate
    out = tmp_path / "验收单.pdf"
    done = _run(path, "sheet", "3-2-501", "--out", str(out))
    assert done.returncode == 0, done.stderr
    [page] = pdf_pages(out)
    text = squash(page)
    assert "房屋交接验收单" in text and "主梁处一条细裂缝" in text and "门禁卡1卡号M0001" in text
    again = _run(path, "sheet", "3栋2单元501", "--out", str(out))
    assert again.returncode == 0 and "补打" in squash(pdf_pages(out)[0])
    with Desk.open(path) as desk:
        marks = [d.copy_mark for d in documents.documents_for(desk, "movein_handovers", hid)]
        assert marks == [None, "补打"]

    slip = tmp_path / "程序表.pdf"
    assert _run(path, "routing-slip", "3-2-501", "--out", str(slip)).returncode == 0
    assert "入住程序表" in squash(pdf_pages(slip)[0])
    listing = tmp_path / "遗留问题.pdf"
    assert _run(path, "defect-list", "3-2-501", "--out", str(listing)).returncode == 0
    assert "下水管接口渗水" in squash(pdf_pages(listing)[0])

    for args, message in (
        (("sheet", "3-1-501"), "还没有收房记录"),
        (("sheet", "99-9-999"), ""),
        (("defect-list", "3-2-501", "--out", str(tmp_path / "x.xlsx")), ".pdf"),
    ):
        full = args if "--out" in args else (*args, "--out", str(out))
        bad = _run(path, *full)
        assert bad.returncode != 0 and message in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr


def test_the_days_summary_as_pdf_and_as_workbook(estate, tmp_path):
    path, _hid, day = estate
    pdf = tmp_path / "汇总.pdf"
    done = _run(path, "summary", "--day", day, "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = squash(pdf_pages(pdf)[0])
    assert "收楼情况汇总" in text and "3栋2单元501张三" in text and "带条件收房" in text
    book = tmp_path / "汇总.xlsx"
    done = _run(path, "summary", "--day", day, "--out", str(book))
    assert done.returncode == 0 and f"已导出 {day} 的 1 户收楼情况" in done.stdout
    assert load_workbook(book).active is not None
    bad = _run(path, "summary", "--day", "12/05", "--out", str(pdf))
    assert bad.returncode == 1 and "日期格式不正确" in bad.stderr
    assert _run(path, "summary", "--day", day, "--out", str(tmp_path / "x.csv")).returncode != 0
