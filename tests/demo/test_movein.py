"""The demo's move-in (demo/movein.py, demo/delivery.py) on a small demo estate made through
the same entry point as ``desk-app demo``: the building delivered years ago and the batch
in progress, and every station marked done holding what the program writes for it."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest

from desk_app.core import movein as rules
from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.demo import generate as demo
from desk_app.demo import movein as demo_movein
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk, maintenance
from desk_app.services.movein import due, handover, setup
from desk_app.services.shifts import due_now
from tests.builders.demo_files import generated, reading, rows

UNTIL = date(2026, 11, 1)
PLAN = DemoPlan(seed=3, units=120, years=2, until=UNTIL)
# "Now" when the demo is opened: the morning after the last shift of the history.
MORNING_AFTER = datetime(2026, 11, 1, 8, 30, tzinfo=CHINA_TZ)
TABLES = (
    "movein_batches",
    "movein_units",
    "movein_slots",
    "movein_appointments",
    "movein_handovers",
    "movein_stations",
    "movein_cells",
    "movein_defects",
    "movein_reinspections",
)


def make_demo(path, plan=PLAN):
    return generated(path, plan, at=datetime(2026, 11, 1, 9, 0, tzinfo=CHINA_TZ))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("demo-movein") / "demo.sqlite3")


@pytest.fixture(scope="module")
def db(demo_path):
    with reading(demo_path) as conn:
        yield conn


@pytest.fixture(scope="module")
def batches(db):
    found = rows(db, "SELECT id FROM movein_batches ORDER BY starts_on")
    assert len(found) == 2
    return found[0]["id"], found[1]["id"]


def _stations(db, batch_id, station, state="done"):
    return rows(
        db,
        "SELECT s.*, h.unit_id, h.person_id, h.agent_name, h.agent_id_masked, h.started_at, "
        "h.closed_at FROM movein_stations s JOIN movein_handovers h ON h.id = s.handover_id "
        "JOIN movein_units mu ON mu.id = h.batch_unit_id "
        "WHERE mu.batch_id = ? AND s.station = ? AND s.state = ?",
        batch_id,
        station,
        state,
    )


def test_the_generator_runs_after_keys_and_before_the_ledger():
    names = [name for name, _ in demo.DEMO_GENERATORS]
    assert ("movein", demo_movein.generate) in demo.DEMO_GENERATORS
    assert names.index("repairs") < names.index("keys") < names.index("movein")
    assert names.index("movein") < names.index("ledger")


def test_the_old_building_was_all_handed_over_and_its_defects_closed(db, batches):
    old, _new = batches
    states = Counter(
        r[0] for r in rows(db, "SELECT state FROM movein_units WHERE batch_id = ?", old)
    )
    assert set(states) <= {"已交房", "带条件收房"} and states["已交房"] > states["带条件收房"]
    pending = rows(
        db,
        "SELECT count(*) FROM movein_stations s JOIN movein_handovers h ON h.id = s.handover_id "
        "JOIN movein_units mu ON mu.id = h.batch_unit_id WHERE mu.batch_id = ? "
        "AND s.state <> 'done'",
        old,
    )[0][0]
    assert pending == 0
    defects = rows(
        db,
        "SELECT d.state, o.status FROM movein_defects d JOIN movein_handovers h "
        "ON h.id = d.handover_id JOIN movein_units mu ON mu.id = h.batch_unit_id "
        "JOIN repair_orders o ON o.id = d.repair_order_id WHERE mu.batch_id = ?",
        old,
    )
    assert defects and all(r[0] == "已复验" and r[1] == "已回访" for r in defects)
    units = rows(
        db,
        "SELECT u.status, a.receive_date, h.closed_at FROM movein_units mu "
        "JOIN units u ON u.id = mu.unit_id JOIN household_archives a ON a.unit_id = u.id "
        "JOIN movein_handovers h ON h.batch_unit_id = mu.id WHERE mu.batch_id = ?",
        old,
    )
    assert units and all(r[0] != "空置" and r[1] == r[2][:10] for r in units)


def test_the_batch_in_progress(db, batches):
    _old, new = batches
    states = Counter(
        r[0] for r in rows(db, "SELECT state FROM movein_units WHERE batch_id = ?", new)
    )
    assert set(states) == set(rules.UNIT_STATES)
    assert states["拒收"] == 1
    booked = Counter(
        "today" if r[0] == UNTIL.isoformat() else "later" if r[0] > UNTIL.isoformat() else "past"
        for r in rows(
            db,
            "SELECT s.day FROM movein_appointments a JOIN movein_slots s ON s.id = a.slot_id "
            "JOIN movein_units mu ON mu.id = a.batch_unit_id "
            "WHERE s.batch_id = ? AND a.cancelled_at IS NULL AND mu.state = '已预约'",
            new,
        )
    )
    assert booked["today"] > 0 and booked["later"] > 0 and booked["past"] == 0
    full = rows(
        db,
        "SELECT s.id FROM movein_slots s WHERE s.batch_id = ? AND s.capacity < "
        "(SELECT count(*) FROM movein_appointments a WHERE a.slot_id = s.id)",
        new,
    )
    assert not full
    # received or not: the unit, its archive and its owner of record agree with the batch
    for r in rows(
        db,
        "SELECT mu.state, u.status, a.receive_date, "
        "(SELECT count(*) FROM occupancies o WHERE o.unit_id = u.id AND o.role = 'owner') "
        "AS owners, (SELECT count(*) FROM occupancies o WHERE o.unit_id = u.id "
        "AND o.role IN ('tenant', 'member')) AS living FROM movein_units mu "
        "JOIN units u ON u.id = mu.unit_id LEFT JOIN household_archives a ON a.unit_id = u.id "
        "WHERE mu.batch_id = ?",
        new,
    ):
        assert r["living"] == 0
        if r["state"] in ("已交房", "带条件收房"):
            assert r["status"] == "已交房" and r["receive_date"] is not None
        else:
            assert r["status"] == "空置" and r["receive_date"] is None
        if r["state"] != "未预约":
            assert r["owners"] == 1
    unsold = rows(
        db,
        "SELECT count(*) FROM movein_units mu WHERE mu.batch_id = ? AND mu.notice_sent_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM occupancies o WHERE o.unit_id = mu.unit_id)",
        new,
    )[0][0]
    assert unsold > 0


def test_nobody_calls_from_a_unit_not_yet_received(db, batches):
    _old, new = batches
    found = rows(
        db,
        "SELECT count(*) FROM reception_entries e JOIN movein_units mu ON mu.unit_id = e.unit_id "
        "JOIN units u ON u.id = e.unit_id WHERE mu.batch_id = ? AND u.status = '空置'",
        new,
    )[0][0]
    assert found == 0
    billed = rows(
        db,
        "SELECT count(*) FROM charges c JOIN movein_units mu ON mu.unit_id = c.unit_id "
        "WHERE mu.batch_id = ? AND c.description NOT LIKE '%（收房预收）'",
        new,
    )[0][0]
    assert billed == 0  # the batch's first bills come after the history


def test_half_done_hand_overs_resume_at_their_first_pending_station(demo_path, db):
    unit_ids = [
        r[0] for r in rows(db, "SELECT unit_id FROM movein_handovers WHERE closed_at IS NULL")
    ]
    assert len(unit_ids) >= 3
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as desk:
        for unit_id in unit_ids:
            current = handover.resume(desk, unit_id)
            assert current is not None and current.current is not None
            assert current.station("identity").state == "done"
            assert 0 < current.progress[0] < current.progress[1]


def test_fees_done_were_charged_as_the_billing_would_and_paid(db, batches):
    checked = 0
    for batch_id in batches:
        for s in _stations(db, batch_id, "fees"):
            months = json.loads(s["data"])["months"]
            charged = rows(
                db,
                "SELECT c.id, c.period, c.amount_fen, c.due_on, c.source, c.source_ref, "
                "(SELECT coalesce(sum(l.amount_fen), 0) FROM live_receipt_lines l "
                "WHERE l.charge_id = c.id) AS paid, (SELECT max(r.issued_at) FROM receipts r "
                "JOIN receipt_lines l ON l.receipt_id = r.id WHERE l.charge_id = c.id) AS paid_at "
                "FROM charges c JOIN fee_items i ON i.id = c.item_id WHERE c.unit_id = ? "
                "AND i.code = 'property' AND c.description LIKE '%（收房预收）' ORDER BY c.period",
                s["unit_id"],
            )
            assert [c["period"] for c in charged] == months
            for c in charged:
                assert c["source"] == "billing" and c["source_ref"] == c["period"]
                assert c["due_on"] == s["updated_at"][:10]
                assert c["paid"] == c["amount_fen"] > 0
                assert s["started_at"] <= c["paid_at"] <= s["updated_at"]
            first = rules.fee_start_month(date.fromisoformat(s["updated_at"][:10]), 15)
            assert months == rules.months_from(first, 3)
            checked += 1
    assert checked > 20
    twice = rows(
        db,
        "SELECT unit_id, item_id, period FROM charges WHERE source = 'billing' "
        "GROUP BY unit_id, item_id, period HAVING count(*) > 1",
    )
    assert not twice  # the monthly billing skipped the months prepaid


def test_documents_done_are_on_the_archive_checklist(demo_path, db, batches):
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as desk:
        to_sign = setup.documents_to_sign(desk)
    for batch_id in batches:
        for s in _stations(db, batch_id, "documents"):
            data = json.loads(s["data"])
            assert data["signed"] == to_sign and data["missing"] == []
            papers = {
                r[0]: r
                for r in rows(
                    db,
                    "SELECT paper, on_file, updated_at FROM archive_papers WHERE unit_id = ?",
                    s["unit_id"],
                )
            }
            for paper in to_sign:
                assert papers[paper]["on_file"] == 1
                assert papers[paper]["updated_at"] == s["updated_at"]


def test_inspections_done_have_their_cells_and_defects(db, batches):
    for batch_id in batches:
        for s in _stations(db, batch_id, "inspection"):
            data = json.loads(s["data"])
            cells = rows(
                db,
                "SELECT result, created_at FROM movein_cells WHERE handover_id = ?",
                s["handover_id"],
            )
            defects = rows(
                db, "SELECT room, item FROM movein_defects WHERE handover_id = ?", s["handover_id"]
            )
            assert len(cells) == data["cells"] and data["ok"] == data["cells"] - data["defects"]
            assert sum(c[0] == "有问题" for c in cells) == len(defects) == data["defects"]
            assert all(s["started_at"] <= c[1] <= s["updated_at"] for c in cells)


def test_meters_done_have_their_base_readings(db, batches):
    for batch_id in batches:
        for s in _stations(db, batch_id, "meters"):
            data = json.loads(s["data"])
            assert set(data) == set(rules.METER_ITEMS)
            for meter, read in data.items():
                r = rows(
                    db,
                    "SELECT r.*, i.code FROM meter_readings r JOIN fee_items i ON i.id = r.item_id "
                    "WHERE r.id = ?",
                    read["reading_id"],
                )[0]
                assert (r["unit_id"], r["code"], r["source"]) == (
                    s["unit_id"],
                    rules.METER_ITEMS[meter],
                    "movein",
                )
                whole, cents = read["reading"].split(".")
                assert r["reading_centi"] == int(whole) * 100 + int(cents)
                assert r["period"] == s["updated_at"][:7] and r["created_at"] == s["updated_at"]


def test_keys_done_were_collected_from_the_developers_set(db, batches):
    for batch_id in batches:
        for s in _stations(db, batch_id, "keys"):
            data = json.loads(s["data"])
            assert len(data["cards"]) == 2
            (handed,) = data["keys"]
            key_set = rows(db, "SELECT * FROM key_sets WHERE code = ?", handed["code"])[0]
            assert (key_set["kind"], key_set["unit_id"], key_set["state"]) == (
                "接管",
                s["unit_id"],
                "empty",
            )
            moves = rows(
                db, "SELECT * FROM key_movements WHERE set_id = ? ORDER BY id", key_set["id"]
            )
            assert [m["kind"] for m in moves] == ["入库", "领取"]
            taken = moves[1]
            assert (
                json.loads(taken["pieces"]) == handed["pieces"] == dict.fromkeys(UNIT_KEY_TYPES, 2)
            )
            assert (taken["at"], taken["person_id"], taken["agent_name"]) == (
                s["updated_at"],
                s["person_id"],
                s["agent_name"],
            )
            assert moves[0]["at"] < s["started_at"]
            held = rows(db, "SELECT sum(held) FROM key_pieces WHERE set_id = ?", key_set["id"])
            assert held[0][0] == 0
    waiting = rows(
        db,
        "SELECT count(*) FROM key_sets k JOIN units u ON u.id = k.unit_id "
        "WHERE k.kind = '接管' AND k.state = 'in' AND u.status = '空置'",
    )[0][0]
    assert waiting > 0  # the units not handed over yet: their keys still at the desk


def test_identity_and_close_agree_with_the_directory(db, batches):
    agents = 0
    for batch_id in batches:
        for s in _stations(db, batch_id, "identity"):
            data = json.loads(s["data"])
            assert data["person_id"] == s["person_id"]
            owner = rows(
                db,
                "SELECT count(*) FROM occupancies WHERE unit_id = ? AND person_id = ? "
                "AND role IN ('owner', 'co_owner')",
                s["unit_id"],
                s["person_id"],
            )[0][0]
            assert owner == 1
            if data["agent_name"]:
                agents += 1
                assert data["power_of_attorney"] and data["agent_id_masked"] == s["agent_id_masked"]
        for s in _stations(db, batch_id, "archive"):
            data = json.loads(s["data"])
            archive = rows(db, "SELECT * FROM household_archives WHERE unit_id = ?", s["unit_id"])[
                0
            ]
            assert data["receive_date"] == archive["receive_date"] == s["closed_at"][:10]
            assert archive["checkin_done_on"] == data["receive_date"]
    assert agents > 0


def test_pending_stations_hold_nothing(db):
    pending = rows(
        db, "SELECT data, updated_at, done_by, done_at FROM movein_stations WHERE state = 'pending'"
    )
    assert pending and all(tuple(r) == ("{}", None, None, None) for r in pending)


def test_stations_done_name_the_clerk_on_duty_then(db):
    done = rows(
        db,
        "SELECT s.done_at, s.updated_at, sh.operator_id = s.done_by FROM movein_stations s "
        "JOIN shifts sh ON sh.opened_at <= s.done_at "
        "AND (sh.closed_at IS NULL OR s.done_at <= sh.closed_at) "
        "WHERE s.state = 'done' GROUP BY s.id",
    )
    assert done and all(at == updated and on_duty for at, updated, on_duty in done)


def test_defects_are_free_repair_orders_of_move_in(db):
    found = rows(
        db,
        "SELECT d.*, o.source, o.due_by, o.reception_id, o.paid, o.labour_fen, "
        "o.material_fen, o.reported_at, o.unit_id AS order_unit, o.status, o.contractor, "
        "o.technician_id FROM movein_defects d JOIN repair_orders o ON o.id = d.repair_order_id",
    )
    assert len(found) > 20
    assert not rows(db, "SELECT id FROM movein_defects WHERE repair_order_id IS NULL")
    callbacks = defaultdict(list)
    for c in rows(db, "SELECT * FROM callbacks WHERE repair_order_id IS NOT NULL ORDER BY id"):
        callbacks[c["repair_order_id"]].append(c)
    rechecks = defaultdict(list)
    for r in rows(db, "SELECT * FROM movein_reinspections ORDER BY id"):
        rechecks[r["defect_id"]].append(r)
    for d in found:
        assert (d["source"], d["due_by"], d["reception_id"]) == ("入住", d["due_on"], None)
        assert d["paid"] == d["labour_fen"] == d["material_fen"] == 0
        assert (d["reported_at"], d["order_unit"]) == (d["created_at"], d["unit_id"])
        assert d["contractor"] or d["technician_id"] or d["status"] == "登记"
        due_on = rules.add_working_days(date.fromisoformat(d["created_at"][:10]), 7)
        assert d["due_on"] == due_on.isoformat()
        if d["state"] == "已复验":
            assert d["status"] == "已回访" and rechecks[d["id"]][-1]["passed"] == 1
            last = callbacks[d["repair_order_id"]][-1]
            assert (last["status"], last["result"]) == ("done", "满意")
            assert d["closed_at"] == rechecks[d["id"]][-1]["created_at"] == last["done_at"]
        else:
            assert d["status"] != "已回访" and d["closed_at"] is None
        for failed in rechecks[d["id"]][:-1]:
            assert failed["passed"] == 0 and failed["note"]
    states = Counter(d["status"] for d in found)
    assert {"已回访", "已完工", "转外单位"} <= set(states)


def test_late_defects_are_due_now(demo_path):
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as desk:
        late = due.due_items(desk)
        assert len(late) >= 2 and all(item.limit_label == "整改逾期" for item in late)
        kinds = {item.limit for item in due_now.due_now(desk) if item.state == "late"}
        assert due.LATE_DEFECT in kinds


def test_one_summary_audit_row_with_the_readings_seal(db):
    found = rows(db, "SELECT operation, record_table, detail FROM audit_log")
    mine = [r for r in found if r[0] == demo_movein.OPERATION]
    assert len(mine) == 1 and '"handovers"' in mine[0][2] and '"meter_readings"' in mine[0][2]
    assert not [r for r in found if r[1] in TABLES and r[0] != demo_movein.OPERATION]


def test_the_full_check_passes(demo_path):
    results = maintenance.check_database(demo_path)
    assert all(r.ok for r in results), [(r.name, r.detail) for r in results if not r.ok]


def test_same_seed_same_rows(demo_path, tmp_path):
    again = make_demo(tmp_path / "again.sqlite3")
    a, b = sqlite3.connect(demo_path), sqlite3.connect(again)
    try:
        for table in (*TABLES, "key_movements", "meter_readings", "repair_orders"):
            query = f"SELECT * FROM {table} ORDER BY rowid"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    finally:
        a.close()
        b.close()


def test_no_history_no_move_in(tmp_path):
    path = make_demo(tmp_path / "empty.sqlite3", DemoPlan(1, 20, 0, UNTIL))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM movein_batches").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM units WHERE status = '空置'").fetchone()[0] < 20
    finally:
        conn.close()


def test_a_one_building_estate_holds_its_last_units_back(tmp_path):
    path = make_demo(tmp_path / "one.sqlite3", DemoPlan(11, 40, 1, UNTIL))
    with reading(path) as conn:
        found = rows(
            conn,
            "SELECT b.name, count(*) FROM movein_units mu JOIN movein_batches b "
            "ON b.id = mu.batch_id GROUP BY b.id ORDER BY b.starts_on",
        )
        assert [(r[0], r[1]) for r in found] == [("1栋首期交付", 30), ("1栋交付批次", 10)]
        first = rows(conn, "SELECT min(day) FROM movein_slots")[0][0]
        assert date.fromisoformat(first) < UNTIL - timedelta(days=300)
