"""`desk-app repairs …` and `desk-app reception list` end to end: a child process on a real
database built through the services.

The command line runs on the real clock, so the estate's history is written with a
FixedClock set one and two days before now: yesterday's unassigned order and urgent order
without anybody on site are late now, and so is the day-before's complaint.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime, time, timedelta

import pytest

from desk_app.cli import output
from desk_app.cli.reception import commands as repairs_commands_reception
from desk_app.cli.repairs import commands as repairs_commands_repairs
from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import Desk
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion, MaterialInput, NewRepair
from desk_app.services.shifts import login, operators
from tests.builders import pdf as builders_pdf
from tests.builders.cli import run_cli
from tests.builders.staff import PASSWORD

PHONE = "13812345678"


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=CHINA_TZ)


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    """Two buildings, an owner, two technicians, four orders and two more log entries.

    A  day 1 08:00  3-2-501  repair call, 王建国, completed paid, called back → 已回访
    B  day 1 09:00  5-1-101  repair call, nobody dispatched                 → 登记 (late)
    K  day 1 10:00  3-2-501  complaint, not handled                         → 待处理 (late)
    C  day 2 08:00  3-1-101  urgent, 李强 dispatched, nobody on site        → 已派工 (late)
    D  day 2 09:00  5-1-102  engineering's own find, 王建国 on site          → 维修中
    Z  day 2 10:00  consultation answered on the spot                      → 已办结
    """
    path = tmp_path_factory.mktemp("repairs-cli") / "desk.sqlite3"
    today = datetime.now(CHINA_TZ).date()
    day1, day2 = today - timedelta(days=2), today - timedelta(days=1)
    clock = FixedClock(_at(day1, 7, 30))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
        directory_estate.create_units(desk, BuildingPlan("5", 1, 1, 1, 3, 2, zero_padded=False))
        unit = directory_estate.find_unit(desk, "3-2-501")
        people.add_occupant(desk, unit.id, PersonRecord(name="张三", phone=PHONE), "owner")
        wang = repair_setup.add_technician(desk, "王建国", specialty="水电").value
        li = repair_setup.add_technician(desk, "李强", specialty="土建").value
        login.login(desk, "zhang", PASSWORD, "早班")

        clock.set(_at(day1, 8))
        a = reception.record(
            desk,
            NewEntry(
                channel="来电",
                category="报修",
                content="厨房水龙头漏水",
                unit="3-2-501",
                caller_name="张三",
                phone=PHONE,
            ),
        ).value.order
        clock.advance(minutes=2)
        repairs.dispatch(desk, a.id, wang.id)
        clock.advance(minutes=20)
        repairs.record_arrival(desk, a.id)
        clock.advance(minutes=30)
        repairs.complete(
            desk,
            a.id,
            Completion(
                work_done="更换水龙头",
                materials=(
                    MaterialInput("水龙头", "1", "35", unit="个"),
                    MaterialInput("生料带", "1.5", "2.33", unit="卷"),
                ),
                labour="20",
                paid=True,
            ),
        )
        clock.set(_at(day1, 9))
        b = reception.record(
            desk,
            NewEntry(
                channel="来访",
                category="报修",
                content="阳台地漏堵塞",
                unit="5栋1单元101",
                caller_name="赵六",
                phone="13900001111",
            ),
        ).value.order
        clock.set(_at(day1, 10))
        complaint = reception.record(
            desk,
            NewEntry(
                channel="来电",
                category="投诉",
                content="楼上装修噪音",
                unit="3-2-501",
                caller_name="张三",
                phone=PHONE,
                department="秩序部",
            ),
        ).value.entry
        clock.set(_at(day1, 15))
        callbacks.record(
            desk, callbacks.for_order(desk, a.id).id, reached=True, result="满意", comment="好"
        )

        clock.set(_at(day2, 8))
        c = repairs.create_order(
            desk, NewRepair(content="电梯厅灯不亮", unit="3-1-101", urgency="紧急")
        ).value
        clock.advance(minutes=1)
        repairs.dispatch(desk, c.id, li.id)
        clock.set(_at(day2, 9))
        d = repairs.create_order(desk, NewRepair(content="门禁对讲无声", unit="5-1-102")).value
        repairs.dispatch(desk, d.id, wang.id)
        repairs.record_arrival(desk, d.id)
        clock.set(_at(day2, 10))
        consult = reception.record(
            desk,
            NewEntry(
                channel="来电",
                category="咨询",
                content="物业费缴费时间",
                caller_name="钱七",
                result="已告知每月10日前",
            ),
        ).value.entry
    return {
        "path": path,
        "day1": day1,
        "day2": day2,
        "orders": {name: o.order_no for name, o in zip("ABCD", (a, b, c, d), strict=True)},
        "complaint": complaint.entry_no,
        "consult": consult.entry_no,
    }


def cli(estate, *args):
    return run_cli("--db", str(estate["path"]), *args)


def listed(estate, *args) -> list[dict[str, str]]:
    result = cli(estate, *args, "--csv")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def numbers(rows) -> set[str]:
    return {r.get("单号") or r["编号"] for r in rows}


def order_set(estate, *names):
    return {estate["orders"][n] for n in names}


def pdf_text(path) -> str:
    return builders_pdf.pdf_text(path).replace(" ", "")


def fail_cleanly(result, *words):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


# --- printing ----------------------------------------------------------------------------------


def test_print_work_order_then_reprint(estate, tmp_path):
    order_no = estate["orders"]["A"]
    out = tmp_path / "order.pdf"
    result = cli(estate, "repairs", "print", order_no.lower(), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert order_no in result.stdout and "补打" not in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    for label in ("维修工作单", "单号", "报修时间", "房号", "联系电话", "所用材料", "回访结果"):
        assert label in text, label
    for value in (order_no, "3栋2单元501", PHONE, "水龙头", "生料带", "58.50", "■有偿", "■满意"):
        assert value in text, value

    again = cli(estate, "repairs", "print", order_no, "--out", str(tmp_path / "again.pdf"))
    assert again.returncode == 0, again.stderr
    assert "补打" in again.stdout and "补打" in pdf_text(tmp_path / "again.pdf")
    conn = sqlite3.connect(estate["path"])
    try:
        order_id = conn.execute(
            "SELECT id FROM repair_orders WHERE order_no = ?", [order_no]
        ).fetchone()[0]
        marks = conn.execute(
            "SELECT copy_mark FROM documents WHERE record_table = 'repair_orders' "
            "AND record_id = ? AND form = 'repair_work_order' ORDER BY id",
            [str(order_id)],
        ).fetchall()
        actors = conn.execute(
            "SELECT DISTINCT actor FROM audit_log WHERE operation = 'document_archived'"
        ).fetchall()
    finally:
        conn.close()
    assert marks == [(None,), ("补打",)]
    assert actors == [("system",)]  # no login on the command line, like backup


def test_print_unknown_order_is_one_chinese_line(estate, tmp_path):
    out = tmp_path / "x.pdf"
    result = cli(estate, "repairs", "print", "WX20000101-0099", "--out", str(out))
    fail_cleanly(result, "没有维修单号", "WX20000101-0099")
    assert not out.exists()


def test_dispatch_sheet(estate, tmp_path):
    out = tmp_path / "sheet.pdf"
    result = cli(estate, "repairs", "dispatch-sheet", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "共 3 单，未派工 1 单" in result.stdout
    text = pdf_text(out)
    assert "维修派工表" in text and "未派工" in text and "王建国" in text and "李强" in text
    for name in "BCD":
        assert estate["orders"][name] in text
    assert estate["orders"]["A"] not in text  # called back: not on the sheet

    day1 = tmp_path / "day1.pdf"
    result = cli(
        estate, "repairs", "dispatch-sheet", "--out", str(day1), "--day", str(estate["day1"])
    )
    assert result.returncode == 0, result.stderr
    assert "共 1 单，未派工 1 单" in result.stdout
    assert estate["orders"]["B"] in pdf_text(day1)

    bad = cli(estate, "repairs", "dispatch-sheet", "--out", str(day1), "--day", "2026-13-01")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


# --- repairs list ------------------------------------------------------------------------------


def test_text_table_is_aligned_and_masked(estate):
    result = cli(estate, "repairs", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = lines[0]
    assert header.split() == list(repairs_commands_repairs.REPAIR_HEADERS)
    assert PHONE not in result.stdout and "138****5678" in result.stdout
    assert lines[-1] == "共 4 条。"
    row_a = next(line for line in lines if estate["orders"]["A"] in line)
    width = output.text_width
    # the 房号 column starts at the same screen column in the header and in the rows
    assert width(header[: header.index("房号")]) == width(row_a[: row_a.index("3栋2单元501")])
    assert width(header[: header.index("状态")]) == width(row_a[: row_a.index("已回访")])


def test_filters_status_technician_building_urgency(estate):
    assert numbers(listed(estate, "repairs", "list", "--status", "已回访")) == order_set(
        estate, "A"
    )
    assert numbers(listed(estate, "repairs", "list", "--status", "unfinished")) == order_set(
        estate, "B", "C", "D"
    )
    assert numbers(listed(estate, "repairs", "list", "--technician", "王建国")) == order_set(
        estate, "A", "D"
    )
    assert numbers(listed(estate, "repairs", "list", "--building", "5")) == order_set(
        estate, "B", "D"
    )
    assert numbers(listed(estate, "repairs", "list", "--building", "3栋")) == order_set(
        estate, "A", "C"
    )
    assert numbers(listed(estate, "repairs", "list", "--urgency", "紧急")) == order_set(estate, "C")
    both = listed(estate, "repairs", "list", "--technician", "王建国", "--status", "维修中")
    assert numbers(both) == order_set(estate, "D")


def test_filters_dates_and_unit(estate):
    day1, day2 = str(estate["day1"]), str(estate["day2"])
    only_day1 = listed(estate, "repairs", "list", "--from", day1, "--to", day1)
    assert numbers(only_day1) == order_set(estate, "A", "B")
    assert numbers(listed(estate, "repairs", "list", "--from", day2)) == order_set(estate, "C", "D")
    assert numbers(listed(estate, "repairs", "list", "--to", day1)) == order_set(estate, "A", "B")
    for spelling in ("3-2-501", "3栋2单元501"):
        assert numbers(listed(estate, "repairs", "list", "--unit", spelling)) == order_set(
            estate, "A"
        )
    backwards = cli(estate, "repairs", "list", "--from", day2, "--to", day1)
    fail_cleanly(backwards, "开始日期不能晚于结束日期")


def test_overdue_orders_show_their_time_limit(estate):
    rows = listed(estate, "repairs", "list", "--overdue")
    assert numbers(rows) == order_set(estate, "B", "C")
    assert all(r["时限"].startswith("超时 ") for r in rows)
    assert {r["维修人员"] for r in rows} == {"", "李强"}


def test_csv_columns_and_values(estate, tmp_path):
    rows = listed(estate, "repairs", "list", "--status", "已回访")
    assert list(rows[0]) == list(repairs_commands_repairs.REPAIR_HEADERS)
    [row] = rows
    assert row["单号"] == estate["orders"]["A"] and row["房号"] == "3栋2单元501"
    assert row["联系电话"] == "138****5678" and row["合计"] == "58.50"
    assert row["有偿"] == "有偿" and row["回访结果"] == "满意" and row["维修人员"] == "王建国"
    assert row["报修时间"] == f"{estate['day1']} 08:00" and row["时限"] == ""

    out = tmp_path / "orders.csv"
    result = cli(estate, "repairs", "list", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "已导出 4 条维修单" in result.stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    parsed = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert numbers(parsed) == order_set(estate, "A", "B", "C", "D")


def test_limit(estate):
    result = cli(estate, "repairs", "list", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert estate["orders"]["D"] in result.stdout  # newest first
    assert estate["orders"]["A"] not in result.stdout
    assert "共 4 条，显示最新 1 条" in result.stdout
    assert len(listed(estate, "repairs", "list", "--limit", "0")) == 4


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--technician", "张飞"), ("没有维修人员", "张飞")),
        (("--unit", "9-9-909"), ("请核对房号",)),
        (("--status", "修好了"), ("状态只能是",)),
        (("--urgency", "很急"), ("紧急程度只能是",)),
    ],
)
def test_bad_filters_are_one_line(estate, args, words):
    fail_cleanly(cli(estate, "repairs", "list", *args), *words)


# --- reception list ----------------------------------------------------------------------------


def test_reception_list_filters(estate):
    complaints = listed(estate, "reception", "list", "--category", "投诉")
    assert numbers(complaints) == {estate["complaint"]}
    [row] = complaints
    assert list(row) == list(repairs_commands_reception.RECEPTION_HEADERS)
    assert row["状态"] == "待处理" and row["处理部门"] == "秩序部" and row["接待人"] == "张丽"
    assert row["联系电话"] == "138****5678"  # from the directory, masked in the list

    repair_calls = listed(estate, "reception", "list", "--category", "报修")
    assert {r["维修单号"] for r in repair_calls} == order_set(estate, "A", "B")
    assert numbers(listed(estate, "reception", "list", "--status", "已办结")) >= {estate["consult"]}
    assert numbers(listed(estate, "reception", "list", "--overdue")) == {estate["complaint"]}
    assert len(listed(estate, "reception", "list", "--channel", "来访")) == 1
    assert numbers(listed(estate, "reception", "list", "--from", str(estate["day2"]))) == {
        estate["consult"]
    }
    assert len(listed(estate, "reception", "list", "--unit", "3-2-501")) == 2
    assert len(listed(estate, "reception", "list", "--building", "5")) == 1

    text = cli(estate, "reception", "list", "--category", "投诉")
    assert text.returncode == 0 and "楼上装修噪音" in text.stdout and "共 1 条。" in text.stdout
    nothing = cli(estate, "reception", "list", "--category", "表扬")
    assert nothing.returncode == 0 and "没有符合条件的接待记录" in nothing.stdout
    fail_cleanly(cli(estate, "reception", "list", "--status", "done"), "状态只能是")


# --- helpers, in process ------------------------------------------------------------------------


def test_paging_fetches_pages_of_500():
    calls = []

    def fetch(size, offset):
        calls.append((size, offset))
        return list(range(offset, min(offset + size, 1234)))

    assert list(output.pages(fetch, 0)) == list(range(1234))
    assert calls == [(500, 0), (500, 500), (500, 1000)]
    calls.clear()
    assert len(list(output.pages(fetch, 700))) == 700
    assert calls == [(500, 0), (200, 500)]


def test_wide_characters_count_double():
    assert output.text_width("3栋2单元501") == 11
    assert output.pad("李强", 6) == "李强  "
    assert output.clip("厨房水龙头漏水严重", 9) == "厨房水龙…"
