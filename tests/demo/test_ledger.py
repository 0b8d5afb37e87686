"""The demo's fee ledger (services/demo_ledger.py) on a small demo estate made through the
same entry point as ``desk-app demo``, checked against the ledger's own rules and
services: gapless receipt books, receipts equal to their lines, balances as the ledger
derives them, month-end closes that lock only complete months and carry the figures the
close report works out, deposits, late fees, chasing, and the integrity check."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest

from desk_app.core import ledger_rules
from desk_app.core.clock import CHINA_TZ, FixedClock, from_text, to_text
from desk_app.core.errors import ValidationError
from desk_app.demo import generate as demo
from desk_app.demo import ledger as demo_ledger
from desk_app.demo import ledger_bulk as bulk
from desk_app.demo.ledger_rows import DeskDays, LedgerHistory, Owner, Terms, UnitPlan
from desk_app.demo.plan import DemoPlan
from desk_app.demo.repairs import DemoRandom
from desk_app.services.desk import Desk, maintenance
from desk_app.services.ledger import charges, fee_items, month_close
from desk_app.services.ledger import periods as ledger_periods
from tests.builders.demo_files import generated, reading, rows

UNTIL = date(2026, 11, 10)
PLAN = DemoPlan(seed=11, units=40, years=2, until=UNTIL)
# "Now" when the demo is opened: the morning after the last shift of the history.
MORNING_AFTER = datetime(2026, 11, 10, 8, 30, tzinfo=CHINA_TZ)
MONEY_TABLES = (
    "fee_rates",
    "charges",
    "receipt_books",
    "receipts",
    "receipt_lines",
    "receipt_voids",
    "credit_uses",
    "meter_readings",
    "billing_runs",
    "refunds",
    "invoice_exchanges",
    "late_fee_waivers",
    "arrears_actions",
    "cash_handovers",
    "period_closes",
)


def make_demo(path, plan=PLAN):
    return generated(path, plan, at=datetime(2026, 11, 10, 9, 0, tzinfo=CHINA_TZ))


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("demo-ledger") / "demo.sqlite3")


@pytest.fixture(scope="module")
def db(demo_path):
    with reading(demo_path) as conn:
        yield conn


@pytest.fixture(scope="module")
def desk(demo_path):
    with Desk.open(demo_path, clock=FixedClock(MORNING_AFTER)) as opened:
        yield opened


def test_the_generator_is_registered_last():
    # last: its month-end closes refuse anything dated in a closed month
    assert demo.DEMO_GENERATORS[-1] == ("ledger", demo_ledger.generate)


def test_standard_items_rates_and_volumes(db):
    codes = {r["code"] for r in rows(db, "SELECT code FROM fee_items")}
    assert {"property", "water", "electricity", "gas", "heating", "parking", "garbage"} <= codes
    assert {"late_fee", "renovation_deposit", "pass_deposit", "card_fee"} <= codes
    rates = rows(
        db,
        "SELECT i.code, r.unit_kind, r.price_milli_yuan FROM fee_rates r "
        "JOIN fee_items i ON i.id = r.item_id",
    )
    homes = sorted(r["price_milli_yuan"] for r in rates if r["unit_kind"] == "住宅")
    assert homes[0] >= 1800 and homes[-1] <= 2500
    flat = {r["code"]: r["price_milli_yuan"] for r in rates if r["unit_kind"] is None}
    assert flat["water"] == 3450 and flat["electricity"] == 565 and flat["gas"] == 2610
    assert flat["parking"] == 150_000 and flat["garbage"] == 10_000
    count = dict(rows(db, "SELECT 'all', count(*) FROM charges"))["all"]
    units = rows(db, "SELECT count(DISTINCT unit_id) FROM charges WHERE source = 'billing'")[0][0]
    assert units >= 30 and count >= units * 20 * 3
    assert rows(db, "SELECT count(*) FROM receipts")[0][0] >= units * 8


def test_receipt_books_are_gapless_in_issue_order(db):
    books = rows(db, "SELECT * FROM receipt_books ORDER BY id")
    assert books
    previous_last = books[0]["first_no"] - 1
    for book in books:
        assert book["first_no"] == previous_last + 1 and book["last_no"] - book["first_no"] == 499
        previous_last = book["last_no"]
        found = rows(
            db,
            "SELECT id, number, issued_at FROM receipts WHERE book_id = ? ORDER BY id",
            book["id"],
        )
        numbers = [r["number"] for r in found]
        assert numbers == list(range(book["first_no"], book["first_no"] + len(found)))
        times = [r["issued_at"] for r in found]
        assert times == sorted(times)
        assert found and book["created_at"] <= found[0]["issued_at"]
        if book["id"] != books[-1]["id"]:
            assert len(found) == 500  # a book is only started when the one before is used up
    everything = rows(db, "SELECT issued_at FROM receipts ORDER BY id")
    assert [r[0] for r in everything] == sorted(r[0] for r in everything)


def test_every_receipt_equals_its_lines_in_whole_fen(db):
    bad = rows(
        db,
        "SELECT r.id FROM receipts r WHERE r.total_fen <> "
        "(SELECT sum(amount_fen) FROM receipt_lines l WHERE l.receipt_id = r.id)",
    )
    assert not bad
    for table, column in (("charges", "amount_fen"), ("receipt_lines", "amount_fen")):
        types = {r[0] for r in rows(db, f"SELECT DISTINCT typeof({column}) FROM {table}")}
        assert types == {"integer"}
    cash = rows(db, "SELECT total_fen, tendered_fen FROM receipts WHERE method = '现金'")
    assert cash and all(r[1] is None or r[1] >= r[0] for r in cash)
    assert not rows(
        db, "SELECT id FROM receipts WHERE method <> '现金' AND tendered_fen IS NOT NULL"
    )


def test_balances_are_what_the_ledger_derives(db, desk):
    charged = defaultdict(int)
    for r in rows(db, "SELECT unit_id, sum(amount_fen) FROM charges GROUP BY unit_id"):
        charged[r[0]] = r[1]
    paid = defaultdict(int)
    credit_in = defaultdict(int)
    for r in rows(
        db,
        "SELECT r.unit_id, l.charge_id IS NULL, sum(l.amount_fen) FROM receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id "
        "WHERE r.id NOT IN (SELECT receipt_id FROM receipt_voids) GROUP BY 1, 2",
    ):
        (credit_in if r[1] else paid)[r[0]] += r[2]
    used = defaultdict(int)
    for r in rows(db, "SELECT unit_id, sum(amount_fen) FROM credit_uses GROUP BY unit_id"):
        used[r[0]] = r[1]
    refunded = defaultdict(int)
    credit_back = defaultdict(int)
    for r in rows(
        db, "SELECT unit_id, charge_id IS NULL, sum(amount_fen) FROM refunds GROUP BY 1, 2"
    ):
        (credit_back if r[1] else refunded)[r[0]] += r[2]
    voided = rows(db, "SELECT count(*) FROM receipt_voids")[0][0]
    assert voided >= 1
    units = [r[0] for r in rows(db, "SELECT id FROM units")]
    with_credit = 0
    for unit_id in units:
        balance = charged[unit_id] - paid[unit_id] - used[unit_id] + refunded[unit_id]
        assert charges.balance(desk, unit_id) == balance, unit_id
        credit = credit_in[unit_id] - used[unit_id] - credit_back[unit_id]
        assert charges.credit(desk, unit_id) == credit >= 0, unit_id
        with_credit += credit > 0
    assert with_credit >= 3  # households that paid ahead


def test_billing_runs_post_the_month_due_on_the_due_day(db):
    runs = rows(db, "SELECT * FROM billing_runs ORDER BY id")
    periods = [r["period"] for r in runs]
    assert periods == sorted(set(periods)) and len(periods) >= 23
    for run in runs:
        assert run["due_on"] == f"{run['period']}-15"
        count, total = rows(
            db,
            "SELECT count(*), sum(amount_fen) FROM charges WHERE source = 'billing' "
            "AND source_ref = ? AND period = ? AND due_on = ? AND created_at = ?",
            run["period"],
            run["period"],
            run["due_on"],
            run["created_at"],
        )[0]
        assert (count, total) == (run["charge_count"], run["total_fen"])
        assert run["created_at"][:7] == run["period"]
    billed = rows(
        db,
        "SELECT i.code, c.unit_id, c.period, c.description FROM charges c "
        "JOIN fee_items i ON i.id = c.item_id WHERE c.source = 'billing'",
    )
    items = Counter(r[0] for r in billed)
    assert items["garbage"] > items["water"] > items["heating"] > 0
    assert 0 < items["parking"] < items["garbage"]
    # a month billed carries the property fee once: from its run, or prepaid at the
    # hand-over (收房预收, demo/movein.py), which the run then skipped
    property_months = Counter((r[1], r[2]) for r in billed if r[0] == "property")
    garbage_months = {(r[1], r[2]) for r in billed if r[0] == "garbage"}
    assert garbage_months <= set(property_months) and max(property_months.values()) == 1
    prepaid = {(r[1], r[2]) for r in billed if r[3].endswith("（收房预收）")}
    assert prepaid and set(property_months) - garbage_months <= prepaid
    winter = {r[0][5:] for r in rows(db, "SELECT DISTINCT c.period FROM charges c "
                                         "JOIN fee_items i ON i.id = c.item_id "
                                         "WHERE i.code = 'heating'")}  # fmt: skip
    assert winter <= {"12", "01", "02", "03", "04"}


def test_meters_go_up_and_metered_charges_follow_the_readings(db):
    latest = {}
    for r in rows(
        db,
        "SELECT unit_id, item_id, period, reading_centi FROM meter_readings ORDER BY id",
    ):
        latest[(r[0], r[1], r[2])] = r[3]  # a reading entered again: the latest counts
    by_meter = defaultdict(list)
    for (unit_id, item_id, period), value in latest.items():
        by_meter[(unit_id, item_id)].append((period, value))
    for readings in by_meter.values():
        values = [v for _p, v in sorted(readings)]
        assert values == sorted(values)
    checked = 0
    for c in rows(
        db,
        "SELECT c.unit_id, c.item_id, c.period, c.quantity_centi, c.price_milli_yuan, "
        "c.amount_fen FROM charges c JOIN fee_items i ON i.id = c.item_id "
        "WHERE i.kind = 'metered' AND c.source = 'billing'",
    ):
        readings = sorted(by_meter[(c[0], c[1])])
        index = [p for p, _v in readings].index(c[2])
        usage = readings[index][1] - readings[index - 1][1]
        assert index > 0 and c[3] == usage
        assert (
            c[5]
            == ledger_rules.metered_fen(readings[index - 1][1], readings[index][1], c[4]).amount_fen
        )
        checked += 1
    assert checked > 100


def test_every_action_is_the_clerk_on_duty(db):
    for table, moment in (
        ("receipts", "issued_at"),
        ("charges", "created_at"),
        ("credit_uses", "used_at"),
        ("refunds", "refunded_at"),
        ("receipt_voids", "voided_at"),
        ("late_fee_waivers", "waived_at"),
        ("meter_readings", "created_at"),
        ("invoice_exchanges", "exchanged_at"),
        ("arrears_actions", "created_at"),
        ("cash_handovers", "created_at"),
        ("period_closes", "created_at"),
    ):
        bad = rows(
            db,
            f"SELECT x.rowid FROM {table} x JOIN shifts s ON s.id = x.created_shift "
            f"WHERE x.created_by <> s.operator_id OR x.{moment} < s.opened_at "
            f"OR x.{moment} >= s.closed_at",
        )
        assert not bad, table
        assert not rows(db, f"SELECT rowid FROM {table} WHERE created_shift IS NULL"), table
        for (value,) in rows(db, f"SELECT {moment} FROM {table} LIMIT 200"):
            assert to_text(from_text(value)) == value
    supervisors = {r[0] for r in rows(db, "SELECT id FROM operators WHERE role = 'supervisor'")}
    for table in ("receipt_voids", "refunds", "late_fee_waivers", "period_closes"):
        assert {r[0] for r in rows(db, f"SELECT approved_by FROM {table}")} <= supervisors
    assert {r[0] for r in rows(db, "SELECT created_by FROM receipt_books")} <= supervisors


def test_voids_are_followed_by_a_fresh_receipt(db):
    voids = rows(
        db,
        "SELECT v.*, r.number, r.unit_id, r.issued_at FROM receipt_voids v "
        "JOIN receipts r ON r.id = v.receipt_id",
    )
    assert voids
    for v in voids:
        assert v["reason"] and v["voided_at"] >= v["issued_at"]
        fresh = rows(db, "SELECT * FROM receipts WHERE id = ?", v["receipt_id"] + 1)[0]
        assert fresh["unit_id"] == v["unit_id"] and fresh["number"] == v["number"] + 1
        assert fresh["issued_at"] > v["voided_at"]
        assert v["voided_at"][:10] == v["issued_at"][:10]


def test_late_fees_are_the_rule_of_the_charge_they_follow(db):
    fees = rows(
        db,
        "SELECT f.amount_fen, f.due_on, f.unit_id AS fee_unit, f.description, c.unit_id, "
        "c.due_on AS charge_due, c.kind, "
        "(SELECT sum(amount_fen) FROM receipt_lines l WHERE l.charge_id = c.id "
        " AND l.receipt_id IN (SELECT r.id FROM receipts r WHERE substr(r.issued_at, 1, 10) "
        " = f.due_on) AND l.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids)) AS paid "
        "FROM charges f JOIN charges c ON c.id = CAST(f.source_ref AS INTEGER) "
        "WHERE f.kind = 'late_fee'",
    )
    assert fees
    for f in fees:
        assert f["fee_unit"] == f["unit_id"] and f["kind"] == "charge"
        assert f["due_on"] > f["charge_due"] and f["description"].startswith("滞纳金（")
        expected = ledger_rules.late_fee_fen(
            f["paid"],
            date.fromisoformat(f["charge_due"]),
            date.fromisoformat(f["due_on"]),
            daily_rate_wan=5,
        )
        assert f["amount_fen"] == expected
    waived = rows(db, "SELECT charge_id FROM late_fee_waivers")
    assert waived  # the manual's exemption: special reason, finance's consent
    charged_for = {
        int(r[0]) for r in rows(db, "SELECT source_ref FROM charges WHERE kind = 'late_fee'")
    }
    assert not {r[0] for r in waived} & charged_for


def test_deposits_are_paid_and_refunded_never_more(db):
    deposits = rows(
        db,
        "SELECT c.id, c.amount_fen, "
        "(SELECT coalesce(sum(l.amount_fen), 0) FROM receipt_lines l WHERE l.charge_id = c.id "
        " AND l.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids)) AS paid, "
        "(SELECT coalesce(sum(f.amount_fen), 0) FROM refunds f WHERE f.charge_id = c.id) AS back, "
        "(SELECT coalesce(sum(a.amount_fen), 0) FROM charges a WHERE a.adjusts_id = c.id) AS adj "
        "FROM charges c WHERE c.kind = 'deposit'",
    )
    assert deposits
    renovation = rows(
        db,
        "SELECT c.amount_fen FROM charges c JOIN fee_items i ON i.id = c.item_id "
        "WHERE i.code = 'renovation_deposit' AND c.kind = 'deposit'",
    )
    assert renovation and all(200_000 <= r[0] <= 500_000 for r in renovation)
    refunded = 0
    for d in deposits:
        assert d["paid"] == d["amount_fen"] and d["back"] <= d["paid"]
        assert d["adj"] == -d["back"]  # released as it is paid back
        refunded += d["back"] > 0
    assert 0 < refunded < len(deposits) + 1
    vouchers = rows(db, "SELECT voucher_no, refunded_at, charge_id FROM refunds")
    assert len({v[0] for v in vouchers}) == len(vouchers)
    for voucher, refunded_at, _charge in vouchers:
        assert re.fullmatch(r"TK\d{8}-\d{4}", voucher)
        assert voucher[2:10] == refunded_at[:10].replace("-", "")
    assert any(v[2] is None for v in vouchers)  # an overpayment paid back
    credit_back = rows(
        db,
        "SELECT f.receipt_id, sum(f.amount_fen), (SELECT sum(l.amount_fen) FROM receipt_lines l "
        "WHERE l.receipt_id = f.receipt_id AND l.charge_id IS NULL) FROM refunds f "
        "WHERE f.charge_id IS NULL GROUP BY f.receipt_id",
    )
    assert all(back <= brought for _r, back, brought in credit_back)  # ledger.refundable
    releases = rows(db, "SELECT description, reason FROM charges WHERE kind = 'adjustment'")
    assert all(r[0].startswith("退还：") and r[1].startswith("退费 TK") for r in releases)


def test_closes_cover_every_complete_month_and_lock_it(db, desk):
    closes = rows(db, "SELECT * FROM period_closes ORDER BY period")
    periods = [c["period"] for c in closes]
    runs = [r[0] for r in rows(db, "SELECT period FROM billing_runs ORDER BY period")]
    # every complete month of the ledger, billed or not (a month before anyone received a
    # unit has no run: the estate's only building was being delivered, demo/delivery.py)
    closed_runs = [p for p in runs if f"{p}-25" < UNTIL.isoformat()]
    assert closed_runs and closed_runs == periods[len(periods) - len(closed_runs) :]
    assert periods == _months(periods[0], "2026-10")
    for close in closes:
        assert close["through_on"] == f"{close['period']}-25"
        assert close["created_at"][:10] == close["through_on"]
    dated = (
        ("charges", "due_on", "created_at"),
        ("receipts", "substr(issued_at, 1, 10)", "issued_at"),
        ("credit_uses", "substr(used_at, 1, 10)", "used_at"),
        ("refunds", "substr(refunded_at, 1, 10)", "refunded_at"),
        ("late_fee_waivers", "substr(waived_at, 1, 10)", "waived_at"),
        ("meter_readings", "read_on", "created_at"),
        ("receipt_voids", "substr(voided_at, 1, 10)", "voided_at"),
    )
    for close in closes:
        for table, day, made in dated:
            late = rows(
                db,
                f"SELECT rowid FROM {table} WHERE {day} <= ? AND {made} > ?",
                close["through_on"],
                close["created_at"],
            )
            assert not late, (table, close["period"])
    assert ledger_periods.closed_through(desk) == "2026-10-25"
    for close in closes[-3:]:
        figures = month_close.report(desk, close["period"])
        assert (
            figures.charges_fen,
            figures.received_fen,
            figures.refunds_fen,
            figures.deposits_held_fen,
            figures.arrears_fen,
        ) == (
            close["charges_fen"],
            close["received_fen"],
            close["refunds_fen"],
            close["deposits_held_fen"],
            close["arrears_fen"],
        ), close["period"]


def test_the_month_is_open_with_arrears_at_every_stage(db, desk):
    stages = Counter()
    owing_now = 0
    for (unit_id,) in rows(db, "SELECT id FROM units"):
        owed = charges.owing(desk, unit_id)
        if not owed:
            continue
        owing_now += 1
        months = ledger_rules.months_overdue(date.fromisoformat(owed[0].due_on), UNTIL)
        stages[ledger_rules.arrears_stage(months)] += 1
    assert {1, 2, 3} <= set(stages) and owing_now >= 5
    this_month = rows(db, "SELECT max(period) FROM billing_runs")[0][0]
    assert this_month == "2026-11"
    assert (
        rows(
            db,
            "SELECT count(*) FROM charges c WHERE c.period = ? AND NOT EXISTS "
            "(SELECT 1 FROM receipt_lines l WHERE l.charge_id = c.id) AND NOT EXISTS "
            "(SELECT 1 FROM credit_uses u WHERE u.charge_id = c.id)",
            this_month,
        )[0][0]
        > 0
    )
    actions = rows(db, "SELECT * FROM arrears_actions")
    kinds = Counter(a["action"] for a in actions)
    assert {"phone", "notice", "manager_report"} <= set(kinds)
    assert kinds["visit"] + kinds["registered_post"] >= 1
    for a in actions:
        if a["action"] == "registered_post":
            assert re.fullmatch(r"XA\d{11}", a["postal_receipt_no"])
        assert a["owed_fen"] > 0 and a["note"]


def test_weekly_handovers_carry_the_weeks_receipts(db):
    handovers = rows(db, "SELECT * FROM cash_handovers ORDER BY id")
    assert len(handovers) >= 60  # the Fridays of two years, the quiet weeks aside
    previous = None
    for h in handovers:
        assert date.fromisoformat(h["handed_on"]).isoweekday() == 5
        if previous is not None:
            assert h["first_receipt_id"] == previous["last_receipt_id"] + 1
        total, cash = rows(
            db,
            "SELECT coalesce(sum(total_fen), 0), "
            "coalesce(sum(CASE WHEN method = '现金' THEN total_fen END), 0) FROM receipts "
            "WHERE id BETWEEN ? AND ? AND id NOT IN (SELECT receipt_id FROM receipt_voids)",
            h["first_receipt_id"],
            h["last_receipt_id"],
        )[0]
        cash_back = rows(
            db,
            "SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE method = '现金' "
            "AND id > ? AND id <= ?",
            previous["last_refund_id"] or 0 if previous else 0,
            h["last_refund_id"] or 0,
        )[0][0]
        assert (h["total_fen"], h["cash_fen"]) == (total, cash - cash_back)
        previous = h


def test_payers_and_methods_look_like_an_estate(db):
    methods = Counter(r[0] for r in rows(db, "SELECT method FROM receipts"))
    total = sum(methods.values())
    assert (methods["微信"] + methods["支付宝"]) / total > 0.4
    assert methods["现金"] > 0 and methods["银行卡"] + methods["转账"] > 0
    ahead = rows(db, "SELECT count(*) FROM receipt_lines WHERE charge_id IS NULL")[0][0]
    assert ahead >= 10  # paid for a quarter, half a year, a year ahead
    several = rows(
        db,
        "SELECT count(*) FROM (SELECT receipt_id FROM receipt_lines l JOIN charges c "
        "ON c.id = l.charge_id GROUP BY receipt_id HAVING count(DISTINCT c.period) > 1)",
    )[0][0]
    assert several > 0  # some months paid late together
    assert rows(db, "SELECT count(*) FROM invoice_exchanges")[0][0] > 0


def test_one_summary_audit_row_with_its_seal(db):
    found = rows(
        db, "SELECT operation, detail FROM audit_log WHERE operation = ?", demo_ledger.OPERATION
    )
    assert len(found) == 1 and '"seal"' in found[0]["detail"] and '"charges"' in found[0]["detail"]


def test_the_full_check_passes(demo_path):
    results = maintenance.check_database(demo_path)
    assert all(r.ok for r in results), [(r.name, r.detail) for r in results if not r.ok]


def test_the_closed_months_are_locked_for_the_desk(desk):
    with pytest.raises(ValidationError, match="已月结"):
        ledger_periods.ensure_open(desk, "2026-10-20", "收款")
    ledger_periods.ensure_open(desk, "2026-10-26", "收款")


def test_same_seed_same_rows(demo_path, tmp_path):
    again = make_demo(tmp_path / "again.sqlite3")
    a, b = sqlite3.connect(demo_path), sqlite3.connect(again)
    try:
        for table in MONEY_TABLES:
            query = f"SELECT * FROM {table} ORDER BY rowid"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    finally:
        a.close()
        b.close()


def test_no_history_only_items_and_rates(tmp_path):
    path = make_demo(tmp_path / "empty.sqlite3", DemoPlan(1, 20, 0, UNTIL))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM charges").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM fee_rates").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM fee_items").fetchone()[0] >= 13
    finally:
        conn.close()
    assert all(r.ok for r in maintenance.check_database(path))


def _months(first: str, last: str) -> list[str]:
    """The periods from ``first`` to ``last`` (``2026-10``), one by one."""
    year, month = int(first[:4]), int(first[5:])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _spans(first: date, days: int) -> list[tuple[int, int, str, str]]:
    """Two shifts a day, as the demo's shift history has them."""
    spans = []
    for d in range(days):
        day = datetime.combine(first + timedelta(days=d), datetime.min.time(), CHINA_TZ)
        morning, noon, night = (day + timedelta(hours=h) for h in (7.5, 12, 20))
        spans.append((2 * d + 1, 4, to_text(morning), to_text(noon)))
        spans.append((2 * d + 2, 5, to_text(noon), to_text(night)))
    return spans


@pytest.mark.parametrize(("units", "months"), [(6000, 28), (40, 36), (20_000, 24)])
def test_a_large_estate_keeps_only_its_last_years_in_the_ledger(units, months):
    days = DeskDays(_spans(date(2023, 11, 20), 3 * 365), DemoRandom(3))
    plans = [
        UnitPlan(i, f"1栋1单元{i}", 9000, "住宅", False, 0, [Owner(-5, None, "王", i)], None)
        for i in range(1, units + 1)
    ]
    codes = [spec[0] for spec in fee_items.STANDARD_FEE_ITEMS]
    items = {code: (n, code) for n, code in enumerate(codes, start=1)}
    history = LedgerHistory(
        DemoRandom(3),
        days,
        plans,
        items,
        Terms(15, 25, 0, 5, None, 5),
        [2],
        dict.fromkeys(bulk.NUMBERED, 1),
    )
    assert len(history.periods) == months
    assert history.periods[-1] == "2026-11"
