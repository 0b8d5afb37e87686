"""The demo's service-desk history (services/demo_repairs.py) on a small demo estate made
through the same entry point as ``desk-app demo``."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock, from_text, to_text
from desk_app.core.money import line_amount_fen
from desk_app.demo import generate as demo
from desk_app.demo import repairs as demo_repairs
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk, maintenance
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs.orders import OrderQuery
from desk_app.services.shifts import due_now as due
from tests.builders.demo_files import generated, reading, rows

UNTIL = date(2026, 11, 1)
PLAN = DemoPlan(seed=11, units=200, years=1, until=UNTIL)
# "Now" when the demo is opened: the morning after the last shift of the history.
MORNING_AFTER = datetime(2026, 11, 1, 8, 30, tzinfo=CHINA_TZ)
TABLES = (
    "reception_entries",
    "repair_orders",
    "repair_materials",
    "repair_events",
    "callbacks",
    "callback_attempts",
    "technicians",
    "service_prices",
    "public_places",
)


def make_demo(path, plan=PLAN):
    return generated(path, plan, at=datetime(2026, 11, 1, 9, 0, tzinfo=CHINA_TZ))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("demo-repairs") / "demo.sqlite3")


@pytest.fixture(scope="module")
def db(demo_path):
    with reading(demo_path) as conn:
        yield conn


def test_the_generator_is_registered():
    assert ("repairs", demo_repairs.generate) in demo.DEMO_GENERATORS


def test_counts_are_plausible(db):
    entries = rows(db, "SELECT count(*) FROM reception_entries")[0][0]
    # ~0.0068 entries per unit a day, fewer before the owners have moved in
    assert 250 <= entries <= 700
    # the calls' orders (the move-in's defects are orders of source 入住: demo/movein.py)
    orders = rows(db, "SELECT count(*) FROM repair_orders WHERE source IS NULL")[0][0]
    repair_entries = rows(db, "SELECT count(*) FROM reception_entries WHERE category = '报修'")
    assert orders == repair_entries[0][0]
    assert rows(db, "SELECT count(*) FROM technicians")[0][0] == 6
    assert rows(db, "SELECT count(*) FROM service_prices")[0][0] == 12
    assert rows(db, "SELECT count(*) FROM public_places")[0][0] > 0
    events = rows(
        db,
        "SELECT count(*) FROM repair_events e JOIN repair_orders o ON o.id = e.order_id "
        "WHERE o.source IS NULL",
    )[0][0]
    assert 3 * orders <= events <= 7 * orders
    callbacks = rows(
        db,
        "SELECT count(*) FROM callbacks c LEFT JOIN repair_orders o ON o.id = c.repair_order_id "
        "WHERE o.source IS NULL",
    )
    assert callbacks[0][0] >= orders * 0.9
    assert rows(db, "SELECT count(*) FROM repair_materials")[0][0] > 0


def test_category_and_channel_shares(db):
    counts = Counter(r[0] for r in rows(db, "SELECT category FROM reception_entries"))
    total = sum(counts.values())
    share = {k: v / total for k, v in counts.items()}
    assert 0.35 <= share["报修"] <= 0.55
    assert 0.17 <= share["咨询"] <= 0.33
    assert 0.04 <= share["投诉"] <= 0.13
    assert set(counts) == {"咨询", "报修", "投诉", "建议", "求助", "表扬", "其他"}
    channels = Counter(r[0] for r in rows(db, "SELECT channel FROM reception_entries"))
    assert channels["来电"] > channels["来访"] > max(channels["来函"], channels["其他"])
    assert channels["来电"] / total > 0.5


def test_every_repair_call_links_to_its_order_and_back(db):
    entries = rows(
        db,
        "SELECT e.id, e.category, e.repair_order_id, o.reception_id, e.location, o.location, "
        "e.caller_name, o.reporter, e.phone, o.phone, e.content, o.content, e.received_at, "
        "o.reported_at, e.department FROM reception_entries e "
        "LEFT JOIN repair_orders o ON o.id = e.repair_order_id",
    )
    for r in entries:
        if r["category"] == "报修":
            assert r[2] is not None and r[3] == r[0]
            assert (r[4], r[6], r[8], r[10], r[12]) == (r[5], r[7], r[9], r[11], r[13])
            assert r["department"] == "工程部"
        else:
            assert r[2] is None
    # a move-in defect's order has no reception entry (services.movein.defects.add_defect)
    unlinked = rows(db, "SELECT source FROM repair_orders WHERE reception_id IS NULL")
    assert unlinked and {r[0] for r in unlinked} == {"入住"}
    linked = rows(
        db,
        "SELECT count(DISTINCT reception_id), count(*) FROM repair_orders "
        "WHERE reception_id IS NOT NULL",
    )[0]
    assert linked[0] == linked[1]


def test_unit_entries_name_the_owner_of_the_day(db):
    unit_entries = rows(
        db,
        "SELECT e.unit_id, e.caller_name, e.phone, substr(e.received_at, 1, 10) AS day "
        "FROM reception_entries e WHERE e.unit_id IS NOT NULL",
    )
    occupants = defaultdict(list)
    for r in rows(
        db,
        "SELECT o.unit_id, o.role, p.name, p.phone, o.since, o.until, o.lease_start, "
        "o.lease_end FROM occupancies o JOIN people p ON p.id = o.person_id",
    ):
        occupants[r["unit_id"]].append(r)
    owners = 0
    for entry in unit_entries:
        matching = [
            o
            for o in occupants[entry["unit_id"]]
            if (o["name"], o["phone"]) == (entry["caller_name"], entry["phone"])
        ]
        assert matching, entry
        owner = [
            o
            for o in matching
            if o["role"] == "owner"
            and (o["since"] or "") <= entry["day"]
            and (o["until"] is None or entry["day"] < o["until"])
        ]
        owners += bool(owner)
    assert owners / len(unit_entries) > 0.6
    places = rows(db, "SELECT count(*) FROM reception_entries WHERE place_id IS NOT NULL")[0][0]
    assert places > 0


def test_numbers_are_unique_and_in_time_order_per_day(db):
    for table, number, moment, letters in (
        ("reception_entries", "entry_no", "received_at", "JD"),
        ("repair_orders", "order_no", "reported_at", "WX"),
    ):
        found = rows(db, f"SELECT {number}, {moment} FROM {table} ORDER BY id")
        numbers = [r[0] for r in found]
        assert len(set(numbers)) == len(numbers)
        by_day = defaultdict(list)
        for no, at in found:
            match = re.fullmatch(rf"{letters}(\d{{8}})-(\d{{4}})", no)
            assert match, no
            assert match.group(1) == at[:10].replace("-", "")
            by_day[match.group(1)].append((int(match.group(2)), at))
        for day_rows in by_day.values():
            day_rows.sort()
            assert [s for s, _ in day_rows] == list(range(1, len(day_rows) + 1))
            times = [at for _, at in day_rows]
            assert times == sorted(times)


def test_times_are_iso_with_the_china_offset(db):
    columns = {
        "reception_entries": ("received_at", "due_at", "handled_at", "completed_at"),
        "repair_orders": ("reported_at", "dispatched_at", "arrived_at", "completed_at"),
        "repair_events": ("at",),
        "callbacks": ("started_at", "due_at", "done_at"),
        "callback_attempts": ("at",),
    }
    for table, names in columns.items():
        for row in rows(db, f"SELECT {', '.join(names)} FROM {table}"):
            for value in row:
                if value is not None:
                    assert to_text(from_text(value)) == value


def test_entries_are_received_by_the_clerk_on_shift(db):
    bad = rows(
        db,
        "SELECT e.entry_no FROM reception_entries e JOIN shifts s ON s.id = e.created_shift "
        "WHERE e.receiver_id <> s.operator_id OR e.created_by <> e.receiver_id "
        "OR e.received_at < s.opened_at OR e.received_at >= s.closed_at "
        "OR e.received_at <> e.created_at",
    )
    assert not bad
    for table, moment in (("repair_events", "at"), ("callback_attempts", "at")):
        bad = rows(
            db,
            f"SELECT x.id FROM {table} x JOIN shifts s ON s.id = x.created_shift "
            f"WHERE x.created_by <> s.operator_id OR x.{moment} < s.opened_at "
            f"OR x.{moment} >= s.closed_at",
        )
        assert not bad, table
    assert not rows(db, "SELECT id FROM repair_events WHERE created_shift IS NULL")
    hours = {r[0][11:16] for r in rows(db, "SELECT received_at FROM reception_entries")}
    assert min(hours) >= "07:15" and max(hours) <= "20:30"


def test_statuses_agree_with_timestamps_and_history(db):
    orders = rows(db, "SELECT * FROM repair_orders")
    events = defaultdict(list)
    for e in rows(db, "SELECT * FROM repair_events ORDER BY id"):
        events[e["order_id"]].append(e)
    entries = {r["id"]: r for r in rows(db, "SELECT * FROM reception_entries")}
    latest_callback = {
        r["repair_order_id"]: r
        for r in rows(db, "SELECT * FROM callbacks WHERE repair_order_id IS NOT NULL ORDER BY id")
    }
    for o in orders:
        status = o["status"]
        if o["dispatched_at"]:
            assert o["dispatched_at"] >= o["reported_at"]
        if o["arrived_at"]:
            assert o["arrived_at"] >= (o["dispatched_at"] or o["reported_at"])
        if o["completed_at"]:
            assert o["completed_at"] >= (o["arrived_at"] or o["reported_at"])
        # a move-in defect for the developer's contractor is referred at once (add_defect)
        referred_at_once = o["source"] == "入住" and o["contractor"]
        if status == "登记" or referred_at_once:
            assert o["dispatched_at"] is None and o["technician_id"] is None
        else:
            assert o["dispatched_at"] is not None and o["technician_id"] is not None
        if status in ("已完工", "已回访"):
            assert o["completed_at"] and o["work_done"]
            assert o["id"] in latest_callback
        if status == "已回访":
            assert o["closed_at"] and latest_callback[o["id"]]["status"] in ("done", "unreachable")
        if status == "已完工":
            assert latest_callback[o["id"]]["status"] == "due"
        if status == "已取消":
            assert o["closed_at"] and o["status_reason"]
        if status == "暂停":
            assert o["status_reason"]
        if status == "转外单位":
            assert o["contractor"]
        if o["source"] is None:  # the move-in's orders have no reception entry
            entry = entries[o["reception_id"]]
            expected = {"已回访": "closed", "已取消": "closed", "已完工": "handled"}
            assert entry["status"] == expected.get(status, "open")
        history = events[o["id"]]
        assert (history[0]["from_status"], history[0]["to_status"]) == (None, "登记")
        assert history[0]["at"] == o["reported_at"]
        for before, after in zip(history, history[1:], strict=False):
            assert after["from_status"] == before["to_status"]
            assert after["at"] >= before["at"]
        assert history[-1]["to_status"] == status
        if o["paid"]:
            assert o["labour_fen"] + o["material_fen"] > 0


def test_materials_come_from_the_price_list(db):
    prices = {r["id"]: r for r in rows(db, "SELECT * FROM service_prices")}
    totals = defaultdict(int)
    for m in rows(db, "SELECT * FROM repair_materials"):
        price = prices[m["price_id"]]
        assert (m["name"], m["unit"], m["price_fen"]) == (
            price["name"],
            price["unit"],
            price["price_fen"],
        )
        assert m["amount_fen"] == line_amount_fen(m["price_fen"], m["quantity_centi"])
        totals[m["order_id"]] += m["amount_fen"]
    for o in rows(db, "SELECT id, material_fen FROM repair_orders"):
        assert o["material_fen"] == totals.get(o["id"], 0)
    # the calls' orders: a move-in defect is repaired free and without the price list
    paid, total = rows(db, "SELECT sum(paid), count(*) FROM repair_orders WHERE source IS NULL")[0]
    assert 0.2 <= paid / total <= 0.5
    with_materials = rows(db, "SELECT count(DISTINCT order_id) FROM repair_materials")[0][0]
    assert 0.25 <= with_materials / total <= 0.55
    assert not rows(
        db,
        "SELECT o.id FROM repair_orders o JOIN repair_materials m ON m.order_id = o.id "
        "WHERE o.source = '入住' OR (o.source IS NOT NULL AND o.paid)",
    )


def test_callbacks_and_their_attempts_agree(db):
    attempts = defaultdict(list)
    for a in rows(db, "SELECT * FROM callback_attempts ORDER BY id"):
        attempts[a["callback_id"]].append(a)
    results = Counter()
    for c in rows(db, "SELECT * FROM callbacks"):
        tries = attempts[c["id"]]
        assert c["attempts"] == len(tries)
        assert all(t["at"] >= c["created_at"] for t in tries)
        if c["status"] == "done":
            assert tries[-1]["reached"] == 1 and tries[-1]["result"] == c["result"]
            assert c["done_at"] == tries[-1]["at"] and c["done_by"] is not None
            assert all(t["reached"] == 0 for t in tries[:-1])
            results[c["result"]] += 1
            assert (c["result"] == "不满意") == (c["follow_up"] in ("reopened", "escalated"))
        elif c["status"] == "unreachable":
            assert len(tries) >= 3 and not any(t["reached"] for t in tries)
        else:
            assert c["done_at"] is None
    assert results["满意"] > results["基本满意"] > results["不满意"]


def test_complaints_are_handled_and_called_back(db):
    complaints = rows(db, "SELECT * FROM reception_entries WHERE category = '投诉'")
    assert complaints
    callback_of = defaultdict(list)
    for c in rows(db, "SELECT * FROM callbacks WHERE reception_id IS NOT NULL ORDER BY id"):
        callback_of[c["reception_id"]].append(c)
    on_time = 0
    for e in complaints:
        assert e["department"] and e["handling"]
        assert e["due_at"] is not None
        if e["status"] == "closed":
            assert e["result"] and e["completed_at"] and callback_of[e["id"]]
            assert callback_of[e["id"]][-1]["status"] in ("done", "unreachable")
            first_handled = callback_of[e["id"]][0]["started_at"]
            on_time += from_text(first_handled) - from_text(e["received_at"]) <= timedelta(hours=24)
        elif e["status"] == "handled":
            assert callback_of[e["id"]][-1]["status"] == "due"
    closed = [e for e in complaints if e["status"] == "closed"]
    assert on_time / len(closed) > 0.7
    spot = rows(
        db,
        "SELECT status, result, completed_at, received_at FROM reception_entries "
        "WHERE category IN ('咨询', '表扬')",
    )
    assert all(r["status"] == "closed" and r["result"] for r in spot)


def test_open_and_overdue_work_at_the_end_of_the_history(demo_path):
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as desk:
        statuses = Counter(o.status for o in repairs.dispatch_rows(desk))
        assert {"登记", "暂停", "转外单位"} <= set(statuses)
        late_orders = repairs.count_orders(desk, repairs.overdue_query(desk, OrderQuery()))
        assert late_orders >= 2  # not dispatched; callback not reached
        late_entries = reception.count_entries(desk, reception.overdue_query(desk, EntryQuery()))
        assert late_entries >= 1  # the complaint past its 24 hours
        assert callbacks.queue(desk)
        kinds = {item.limit for item in due.due_now(desk) if item.state == "late"}
        assert {"dispatch", "complaint", "callback"} <= kinds
        recent = reception.count_entries(
            desk, EntryQuery(date_from=(UNTIL - timedelta(days=4)).isoformat(), status="unfinished")
        )
        assert recent >= 4


def test_one_summary_audit_row(db):
    found = rows(db, "SELECT operation, record_table, detail FROM audit_log")
    mine = [r for r in found if r[0] == demo_repairs.OPERATION]
    assert len(mine) == 1 and '"orders"' in mine[0][2]
    assert not [r for r in found if r[1] in TABLES[:6] and r[0] != demo_repairs.OPERATION]


def test_the_full_check_passes(demo_path):
    results = maintenance.check_database(demo_path)
    assert all(r.ok for r in results), [(r.name, r.detail) for r in results if not r.ok]


def test_same_seed_same_rows(demo_path, tmp_path):
    again = make_demo(tmp_path / "again.sqlite3")
    a, b = sqlite3.connect(demo_path), sqlite3.connect(again)
    try:
        for table in TABLES:
            query = f"SELECT * FROM {table} ORDER BY id"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    finally:
        a.close()
        b.close()


def test_another_seed_other_rows(demo_path, tmp_path):
    other = make_demo(tmp_path / "other.sqlite3", DemoPlan(12, 200, 1, UNTIL))
    a, b = sqlite3.connect(demo_path), sqlite3.connect(other)
    try:
        query = "SELECT received_at, content FROM reception_entries ORDER BY id LIMIT 50"
        assert a.execute(query).fetchall() != b.execute(query).fetchall()
    finally:
        a.close()
        b.close()


def test_no_history_no_log(tmp_path):
    path = make_demo(tmp_path / "empty.sqlite3", DemoPlan(1, 20, 0, UNTIL))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM reception_entries").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM technicians").fetchone()[0] == 6
    finally:
        conn.close()
    assert all(r.ok for r in maintenance.check_database(path))
