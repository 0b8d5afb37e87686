"""The demo's key registry (demo/keys.py) on a small demo estate made through the same
entry point as ``desk-app demo``."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime

import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.demo import generate as demo
from desk_app.demo import keys as demo_keys
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk, maintenance
from desk_app.services.keys import loans, registry
from tests.builders.demo_files import generated, reading, rows

UNTIL = date(2026, 11, 1)
PLAN = DemoPlan(seed=3, units=40, years=1, until=UNTIL)
# "Now" when the demo is opened: the morning after the last shift of the history.
MORNING_AFTER = datetime(2026, 11, 1, 8, 30, tzinfo=CHINA_TZ)


def make_demo(path, plan=PLAN):
    return generated(path, plan, at=datetime(2026, 11, 1, 9, 0, tzinfo=CHINA_TZ))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("demo-keys") / "demo.sqlite3")


@pytest.fixture(scope="module")
def db(demo_path):
    with reading(demo_path) as conn:
        yield conn


def test_the_generator_is_registered_after_repairs():
    names = [name for name, _ in demo.DEMO_GENERATORS]
    assert ("keys", demo_keys.generate) in demo.DEMO_GENERATORS
    assert names.index("repairs") < names.index("keys")


def test_sets_of_every_kind(db):
    kinds = Counter(r[0] for r in rows(db, "SELECT kind FROM key_sets"))
    assert set(kinds) == {"业主代管", "接管", "公共区域", "设施设备房"}
    buildings = {r[0] for r in rows(db, "SELECT code FROM buildings")}
    public = {r[0] for r in rows(db, "SELECT building FROM key_sets WHERE kind = '公共区域'")}
    assert public == buildings
    units = rows(db, "SELECT count(*) FROM units")[0][0]
    assert 0 < kinds["业主代管"] < units / 2
    types = {
        r[0]
        for r in rows(
            db,
            "SELECT piece_type FROM key_pieces p JOIN key_sets s ON s.id = p.set_id "
            "WHERE s.kind = '业主代管'",
        )
    }
    assert types <= set(UNIT_KEY_TYPES) and len(types) >= 4
    rooms = rows(
        db,
        "SELECT p.name, s.never_lend FROM key_sets s JOIN public_places p "
        "ON p.id = s.public_place_id WHERE s.kind = '设施设备房'",
    )
    assert {"水泵房", "消防控制室"} <= {r[0] for r in rooms}
    assert {r[0] for r in rooms if r[1]} == {"高压配电室", "消防控制室"}
    codes = [r[0] for r in rows(db, "SELECT code FROM key_sets ORDER BY id")]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    places = [r[0] for r in rows(db, "SELECT place FROM key_sets")]
    assert all(places) and len(set(places)) == len(places)


def test_loans_returned_late_and_lost(db):
    movements = Counter(r[0] for r in rows(db, "SELECT kind FROM key_movements"))
    assert movements["借出"] > 100
    assert movements["遗失"] >= 1 and movements["配钥匙"] >= 1
    late = rows(
        db,
        "SELECT count(*) FROM key_movements r JOIN key_movements l ON l.id = r.loan_id "
        "WHERE r.kind = '归还' AND r.at > l.due_back",
    )[0][0]
    on_time = movements["归还"] - late
    assert 0 < late < on_time
    assert rows(db, "SELECT count(*) FROM key_movements WHERE repair_order_id IS NOT NULL")[0][0]
    never = rows(
        db,
        "SELECT count(*) FROM key_movements m JOIN key_sets s ON s.id = m.set_id "
        "WHERE m.kind = '借出' AND s.never_lend = 1",
    )[0][0]
    assert never == 0
    unapproved = rows(
        db,
        "SELECT count(*) FROM key_movements m JOIN key_sets s ON s.id = m.set_id "
        "WHERE m.kind = '借出' AND s.kind IN ('设施设备房', '业主代管') AND m.approved_by IS NULL",
    )[0][0]
    assert unapproved == 0
    trust = rows(
        db,
        "SELECT m.consent_how FROM key_movements m JOIN key_sets s ON s.id = m.set_id "
        "WHERE m.kind = '借出' AND s.kind = '业主代管'",
    )
    assert trust and all(r[0] == "电话" for r in trust)


def test_movements_add_up_to_the_counts(db):
    """Replaying every movement in id order gives each set's pieces; a set is never lent
    twice at once; every movement is written by the clerk on shift."""
    counts: dict[int, Counter] = defaultdict(Counter)
    outs: dict[int, Counter] = defaultdict(Counter)
    open_loan: dict[int, int | None] = {}
    for m in rows(db, "SELECT * FROM key_movements ORDER BY id"):
        pieces = json.loads(m["pieces"])
        held, out, sid = counts[m["set_id"]], outs[m["set_id"]], m["set_id"]
        if m["kind"] in ("入库", "配钥匙", "寄存"):
            held.update(pieces)
        elif m["kind"] == "领取":
            held.subtract(pieces)
        elif m["kind"] == "借出":
            assert open_loan.get(sid) is None
            open_loan[sid] = m["id"]
            held.subtract(pieces)
            out.update(pieces)
        elif m["kind"] == "归还":
            assert m["loan_id"] == open_loan[sid]
            out.subtract(pieces)
            held.update(pieces)
        elif m["kind"] == "遗失":
            assert m["approved_by"] is not None and m["reason"]
            out.subtract(pieces)
        if m["kind"] in ("归还", "遗失") and not +out:
            open_loan[sid] = None
        assert all(v >= 0 for v in held.values()) and all(v >= 0 for v in out.values())
    for p in rows(db, "SELECT set_id, piece_type, held, out FROM key_pieces"):
        assert (p["held"], p["out"]) == (counts[p[0]][p[1]], outs[p[0]][p[1]])
    for s in rows(db, "SELECT id, loan_id, state FROM key_sets"):
        assert s["loan_id"] == open_loan.get(s["id"])
    bad = rows(
        db,
        "SELECT m.id FROM key_movements m JOIN shifts s ON s.id = m.created_shift "
        "WHERE m.created_by <> s.operator_id OR m.at < s.opened_at OR m.at >= s.closed_at",
    )
    assert not bad
    assert not rows(db, "SELECT id FROM key_movements WHERE created_shift IS NULL")


def test_keys_out_now_and_one_overdue(demo_path):
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as desk:
        out = loans.out_now(desk)
        late = loans.overdue(desk)
        assert len(out) >= 2
        assert len(late) == 1
        assert any(row.repair_order_id is not None for row in out)
        found = registry.find(desk, out[0].code.lower())
        assert found.id == out[0].id and found.loan_id is not None


def test_one_summary_audit_row(db):
    found = rows(db, "SELECT operation, record_table, detail FROM audit_log")
    mine = [r for r in found if r[0] == demo_keys.OPERATION]
    assert len(mine) == 1 and '"loans"' in mine[0][2]
    assert not [
        r
        for r in found
        if r[1] in ("key_sets", "key_pieces", "key_movements") and r[0] != demo_keys.OPERATION
    ]


def test_the_full_check_passes(demo_path):
    results = maintenance.check_database(demo_path)
    assert all(r.ok for r in results), [(r.name, r.detail) for r in results if not r.ok]


def test_same_seed_same_rows(demo_path, tmp_path):
    again = make_demo(tmp_path / "again.sqlite3")
    a, b = sqlite3.connect(demo_path), sqlite3.connect(again)
    try:
        for table in ("key_sets", "key_pieces", "key_movements"):
            query = f"SELECT * FROM {table} ORDER BY id"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    finally:
        a.close()
        b.close()


def test_no_history_only_the_sets(tmp_path):
    path = make_demo(tmp_path / "empty.sqlite3", DemoPlan(1, 20, 0, UNTIL))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM key_sets").fetchone()[0] > 0
        kinds = {r[0] for r in conn.execute("SELECT DISTINCT kind FROM key_movements")}
        assert kinds == {"入库"}
    finally:
        conn.close()
    assert all(r.ok for r in maintenance.check_database(path))


def test_owners_deposit_and_collect_in_person_or_through_an_agent(db):
    """寄存 and 领取 as ``registry.deposit``/``collect`` write them: on a trust set (or, at
    the hand-over, 领取 of the developer's keys: demo/movein.py), by an owner of record on
    the day, an agent with a masked ID number, no loan."""
    visits = rows(
        db,
        "SELECT m.*, s.kind AS set_kind, s.unit_id FROM key_movements m "
        "JOIN key_sets s ON s.id = m.set_id WHERE m.kind IN ('寄存', '领取')",
    )
    kinds = Counter(v["kind"] for v in visits if v["set_kind"] == "业主代管")
    assert kinds["寄存"] >= 2 and kinds["领取"] >= 2
    agents = [v for v in visits if v["agent_name"]]
    assert 0 < len(agents) < len(visits) / 2  # most come in person
    for v in visits:
        assert v["loan_id"] is None
        if v["set_kind"] == "接管":  # collected at the hand-over (收房)
            assert v["kind"] == "领取"
        else:
            assert v["set_kind"] == "业主代管"
        assert v["borrower_kind"] is None and v["borrower_name"] == ""
        owner = rows(
            db,
            "SELECT count(*) FROM occupancies WHERE unit_id = ? AND person_id = ? "
            "AND role IN ('owner', 'co_owner') AND coalesce(since, '') <= ? "
            "AND coalesce(until, '9999') > ?",
            v["unit_id"],
            v["person_id"],
            v["at"][:10],
            v["at"][:10],
        )[0][0]
        assert owner == 1
        if v["agent_name"]:
            assert re.fullmatch(r"[0-9]{3}\*{11}[0-9X]{4}", v["agent_id_masked"])
        else:
            assert v["agent_id_masked"] == ""
