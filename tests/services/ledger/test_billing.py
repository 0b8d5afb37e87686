"""The billing sheet (计费表) on a real database: readings, preview, posting in one
transaction, rates by date, nothing billed twice, closed periods, a posted run's sheet."""

from __future__ import annotations

import pytest

from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.ledger import billing, charges, rates
from desk_app.services.shifts import login
from desk_app.storage import audit
from desk_app.storage.desk import integrity
from desk_app.storage.ledger import billing as billing_store
from tests.builders.ledger import billing_estate, close_period, read_meters
from tests.builders.staff import PASSWORD


def charge_rows(desk, period=None):
    sql = "SELECT unit_id, item_id, amount_fen, source, source_ref, period, due_on FROM charges"
    if period:
        return desk.db.execute(f"{sql} WHERE period = ? ORDER BY id", [period]).fetchall()
    return desk.db.execute(f"{sql} ORDER BY id").fetchall()


@pytest.fixture
def estate(staffed_desk):
    return staffed_desk, billing_estate(staffed_desk)


def test_preview_property_fee_by_area_and_the_rate_of_the_units_kind(estate):
    desk, units = estate
    sheet = billing.preview(desk, "2026-12", items=["property"])
    assert sheet.due_on == "2026-12-15"  # ledger.due_day
    by_unit = {line.unit_code: line for line in sheet.lines}
    assert by_unit["3-1-101"].amount_fen == 18500 and by_unit["3-1-101"].customer == "张三"
    assert by_unit["3-1-101"].quantity_centi == 10000
    assert by_unit["3-1-101"].price_milli_yuan == 1850
    assert by_unit["5-101"].amount_fen == 15000  # the shops' own rate
    assert by_unit["7-101"].problem == billing.NO_AREA and not by_unit["7-101"].billable
    assert [line.unit_code for line in sheet.lines] == [
        "3-1-101",
        "3-1-102",
        "3-1-201",
        "3-1-202",
        "5-101",
        "5-102",
        "7-101",
    ]
    [total] = sheet.totals
    assert (total.count, total.amount_fen, total.problems) == (6, 4 * 18500 + 2 * 15000, 1)
    assert sheet.total_fen == 104000 and sheet.count == 6
    assert charge_rows(desk) == []  # a preview writes nothing

    only_3 = billing.preview(desk, "2026-12", items=["property"], building="3栋")
    assert {line.unit_code for line in only_3.lines} == {"3-1-101", "3-1-102", "3-1-201", "3-1-202"}
    chosen = billing.preview(
        desk, "2026年12月", items=["property"], unit_ids=[units["5-102"]], due_on="2026-12-20"
    )
    assert [(line.unit_code, line.due_on) for line in chosen.lines] == [("5-102", "2026-12-20")]


def test_post_writes_every_billable_line_and_its_run_once(estate):
    desk, units = estate
    preview = billing.preview(desk, "2026-12", items=["property", "garbage"])
    before = audit.count(desk.db)
    posted = billing.post(desk, preview).value
    assert posted.charge_count == 6 + 7 and posted.total_fen == 104000 + 7 * 1000
    assert [line.unit_code for line in posted.skipped] == ["7-101"]
    rows = charge_rows(desk, "2026-12")
    assert len(rows) == 13
    assert {(r[3], r[4], r[6]) for r in rows} == {("billing", "2026-12", "2026-12-15")}
    assert charges.balance(desk, units["3-1-101"]) == 18500 + 1000
    [run] = billing.runs(desk, "2026-12")
    assert (run.charge_count, run.total_fen, run.items, run.scope) == (
        13,
        posted.total_fen,
        "property,garbage",
        "全部房屋",
    )
    entries = audit.entries_for_record(desk.db, "billing_runs", str(run.id))
    assert [e.operation for e in entries] == ["billing_posted"]
    assert audit.count(desk.db) == before + 1  # one operation, one audit row

    again = billing.preview(desk, "2026-12", items=["property", "garbage"])
    assert again.count == 0
    assert {line.problem for line in again.lines if line.unit_code != "7-101"} == {
        billing.ALREADY_BILLED
    }
    with pytest.raises(ValidationError, match="没有可以入账的费用"):
        billing.post(desk, "2026-12", items=["property", "garbage"])
    assert len(charge_rows(desk, "2026-12")) == 13
    assert len(billing.runs(desk)) == 1
    assert integrity.money_rows_check(desk.db).ok
    desk.db.execute("DROP TRIGGER charges_no_update")
    desk.db.execute("UPDATE charges SET amount_fen = amount_fen - 1 WHERE source = 'billing'")
    assert "charges" in integrity.money_rows_check(desk.db).detail


def test_a_selection_first_then_the_rest_skips_what_is_billed(estate):
    desk, units = estate
    first = billing.post(desk, "2026-12", items=["property"], unit_ids=[units["3-1-101"]]).value
    assert first.charge_count == 1
    # a charge made by hand with the billing reference is skipped as well
    charges.post_charge(
        desk,
        units["3-1-102"],
        "property",
        due_on="2026-12-15",
        period="2026-12",
        source="billing",
        source_ref="2026-12",
    )
    rest = billing.post(desk, "2026-12", items=["property"]).value
    assert rest.charge_count == 4  # 3-1-201, 3-1-202, 5-101, 5-102
    assert sorted(line.problem for line in rest.skipped) == sorted(
        [billing.ALREADY_BILLED, billing.ALREADY_BILLED, billing.NO_AREA]
    )
    per_unit = desk.db.execute(
        "SELECT unit_id, count(*) FROM charges WHERE period = '2026-12' GROUP BY unit_id"
    ).fetchall()
    assert all(count == 1 for _unit, count in per_unit) and len(per_unit) == 6


def test_a_new_rate_from_a_date_never_changes_past_charges(estate):
    desk, units = estate
    billing.post(desk, "2026-11", items=["property"], building="3")
    login.login(desk, "lee", PASSWORD, "早班")
    rates.set_rate(desk, "property", "2.10", effective_from="2026-12-01")
    rates.set_rate(desk, "property", "9.99", effective_from="2027-01-01")  # not yet in force
    login.login(desk, "zhang", PASSWORD, "早班")
    billing.post(desk, "2026-12", items=["property"], building="3")
    amounts = [row.amount_fen for row in charges.owing(desk, units["3-1-101"])]
    assert amounts == [18500, 21000]
    assert billing.preview(desk, "2026-11", items=["property"], building="3").count == 0
    sheet = billing.run_sheet(desk, billing.runs(desk, "2026-11")[0].id)
    assert {line.amount_fen for line in sheet.lines} == {18500}
    assert {line.price_milli_yuan for line in sheet.lines} == {1850}


def test_meter_first_reading_is_the_base_then_usage_times_price(estate):
    desk, units = estate
    assert read_meters(
        desk, units, "2026-11", {"3-1-101": "1200", "3-1-102": "500.5", "3-1-201": "80"}
    )
    first = billing.preview(desk, "2026-11", items=["water"])
    assert {line.problem for line in first.lines} == {billing.FIRST_READING}
    assert {line.unit_code for line in first.lines} == {"3-1-101", "3-1-102", "3-1-201"}

    read_meters(desk, units, "2026-12", {"3-1-101": "1212.5", "3-1-102": "500.5"})
    # a re-entry is a new row and the latest counts
    read_meters(desk, units, "2026-12", {"3-1-101": "1210"})
    sheet = billing.preview(desk, "2026-12", items=["water"])
    by_unit = {line.unit_code: line for line in sheet.lines}
    assert set(by_unit) == {"3-1-101", "3-1-102", "3-1-201"}  # never-read_meters units are absent
    line = by_unit["3-1-101"]
    assert (line.previous_centi, line.current_centi, line.usage_centi) == (120000, 121000, 1000)
    assert line.amount_fen == 3500  # 10 × 3.50
    assert by_unit["3-1-102"].amount_fen == 500  # no usage: the 5-yuan minimum
    assert by_unit["3-1-201"].problem == billing.NO_READING
    assert by_unit["3-1-201"].previous_centi == 8000
    posted = billing.post(desk, sheet).value
    assert posted.charge_count == 2 and posted.total_fen == 4000
    quantity = desk.db.execute(
        "SELECT quantity_centi, price_milli_yuan FROM charges WHERE unit_id = ?",
        [units["3-1-101"]],
    ).fetchone()
    assert tuple(quantity) == (1000, 3500)
    # the bulk rows are sealed in the audit chain: `desk-app check` sees an edit behind
    # the triggers
    assert integrity.money_rows_check(desk.db).ok
    desk.db.execute("DROP TRIGGER meter_readings_no_update")
    desk.db.execute("UPDATE meter_readings SET reading_centi = 121500 WHERE reading_centi = 121000")
    assert not integrity.money_rows_check(desk.db).ok


def test_backwards_and_absurd_readings_are_refused_naming_the_unit(estate):
    desk, units = estate
    read_meters(desk, units, "2026-10", {"3-1-101": "100", "3-1-102": "100"})
    read_meters(desk, units, "2026-11", {"3-1-101": "110", "3-1-102": "120"})
    stored = desk.db.execute("SELECT count(*) FROM meter_readings").fetchone()[0]

    with pytest.raises(billing.ReadingRefused) as backwards:
        read_meters(desk, units, "2026-12", {"3-1-101": "115", "3-1-102": "119"})
    assert "3-1-102" in backwards.value.message and "小于上次读数" in backwards.value.message
    assert backwards.value.unit_id == units["3-1-102"] and backwards.value.field == "reading"

    with pytest.raises(billing.ReadingRefused) as absurd:  # usage 101 > 10 × 10
        read_meters(desk, units, "2026-12", {"3-1-102": "130", "3-1-101": "211"})
    assert "3-1-101" in absurd.value.message and "10 倍" in absurd.value.message

    with pytest.raises(billing.ReadingRefused, match="3-1-101.*格式不正确"):
        read_meters(desk, units, "2026-12", {"3-1-101": "1.234"})
    with pytest.raises(ValidationError, match="没有填写"):
        read_meters(desk, units, "2026-12", {"3-1-101": "  "})
    assert desk.db.execute("SELECT count(*) FROM meter_readings").fetchone()[0] == stored

    assert (
        read_meters(desk, units, "2026-12", {"3-1-101": "210", "3-1-102": "130"}) == 2
    )  # 100 = 10×


def test_a_billed_reading_is_final(estate):
    desk, units = estate
    read_meters(desk, units, "2026-11", {"3-1-101": "100"})
    read_meters(desk, units, "2026-12", {"3-1-101": "120"})
    billing.post(desk, "2026-12", items=["water"])
    with pytest.raises(billing.ReadingRefused, match="已计费"):
        read_meters(desk, units, "2026-12", {"3-1-101": "125"})
    [row] = [
        r
        for r in billing.reading_sheet(desk, "2026-12", "water", building="3")
        if r.unit_code == "3-1-101"
    ]
    assert row.billed and row.current_centi == 12000 and row.previous_centi == 10000


def test_the_sheet_of_chosen_units_reads_only_theirs_and_agrees_with_the_buildings(estate):
    desk, units = estate
    read_meters(desk, units, "2026-10", {"3-1-101": "100", "3-1-102": "200", "3-1-201": "50"})
    read_meters(desk, units, "2026-11", {"3-1-101": "110", "3-1-102": "205"})
    whole = {r.unit_id: r for r in billing.reading_sheet(desk, "2026-11", "water", building="3")}
    chosen = [units["3-1-102"], units["3-1-201"]]
    rows = billing.reading_sheet(desk, "2026-11", "water", unit_ids=chosen)
    assert [r.unit_id for r in rows] == chosen
    assert all(r == whole[r.unit_id] for r in rows)
    assert (rows[0].previous_centi, rows[0].current_centi) == (20000, 20500)
    water = desk.db.execute("SELECT id FROM fee_items WHERE code = 'water'").fetchone()[0]
    history = billing_store.recent_readings(desk.db, water, "2026-11", unit_ids=chosen)
    assert set(history) == set(chosen)  # 3-1-101's readings are not read
    assert history[units["3-1-102"]] == [("2026-11", 20500), ("2026-10", 20000)]


def test_a_closed_period_is_refused_in_chinese(estate):
    desk, units = estate
    close_period(desk, "2026-10", "2026-10-25")
    with pytest.raises(ValidationError, match="已月结") as caught:
        billing.post(desk, "2026-10", items=["property"])
    assert caught.value.field == "period"
    with pytest.raises(ValidationError, match="已月结"):
        read_meters(desk, units, "2026-10", {"3-1-101": "100"})
    assert charge_rows(desk) == []
    assert billing.post(desk, "2026-11", items=["property"]).value.charge_count == 6


def test_items_outside_the_sheet_and_unknown_ones_are_refused(estate):
    desk, _units = estate
    with pytest.raises(ValidationError, match="不在计费表中"):
        billing.preview(desk, "2026-12", items=["renovation_deposit"])
    with pytest.raises(NotFoundError):
        billing.preview(desk, "2026-12", items=["nonsense"])
    with pytest.raises(ValidationError, match="请选择"):
        billing.preview(desk, "2026-12", items=[])
    with pytest.raises(ValidationError, match="计费月份"):
        billing.preview(desk, "2026-13", items=["property"])
    with pytest.raises(ValidationError) as bad_due:
        billing.preview(desk, "2026-12", items=["property"], due_on="12/15")
    assert bad_due.value.field == "due_on"


def test_a_fixed_item_applies_to_the_kinds_it_has_a_rate_for(estate):
    desk, units = estate
    directory_estate.update_unit(desk, units["7-101"], kind="车位")
    sheet = billing.preview(desk, "2026-12", items=["parking", "garbage"])
    parking = [line for line in sheet.lines if line.item_code == "parking"]
    assert [(line.unit_code, line.amount_fen) for line in parking] == [("7-101", 15000)]
    garbage = [line for line in sheet.lines if line.item_code == "garbage"]
    assert len(garbage) == 7 and {line.amount_fen for line in garbage} == {1000}


def test_posting_needs_someone_on_duty(estate):
    desk, _units = estate
    desk.operator = None
    with pytest.raises(PermissionDenied):
        billing.post(desk, "2026-12", items=["property"])


def test_a_posted_runs_sheet_totals_equal_its_charges(estate):
    desk, units = estate
    read_meters(desk, units, "2026-11", {"3-1-101": "100", "3-1-102": "100"})
    read_meters(desk, units, "2026-12", {"3-1-101": "131", "3-1-102": "107.25"})
    posted = billing.post(desk, "2026-12", items=["property", "water"]).value
    billing.post(desk, "2026-12", items=["garbage"])  # another run of the same period
    sheet = billing.run_sheet(desk, posted.run_id)
    db_total = desk.db.execute(
        "SELECT sum(amount_fen), count(*) FROM charges c JOIN fee_items i ON i.id = c.item_id "
        "WHERE c.period = '2026-12' AND i.code IN ('property', 'water')"
    ).fetchone()
    assert (sheet.total_fen, sheet.count) == tuple(db_total) == (posted.total_fen, 8)
    assert sum(t.amount_fen for t in sheet.totals) == sheet.total_fen
    water = {t.code: t for t in sheet.totals}["water"]
    assert (water.count, water.amount_fen) == (2, 10850 + 2538)  # 31 × 3.5; 7.25 × 3.5
    [line] = [x for x in sheet.lines if x.unit_code == "3-1-101" and x.item_code == "water"]
    assert (line.previous_centi, line.current_centi, line.usage_centi) == (10000, 13100, 3100)
    assert [x.unit_code for x in sheet.lines][:3] == ["3-1-101", "3-1-101", "3-1-102"]
    assert sheet.posted and sheet.made_by == "张丽" and sheet.scope == "全部房屋"


def test_reads_are_per_item_not_per_unit(estate):
    desk, units = estate
    read_meters(desk, units, "2026-11", {"3-1-101": "100"})

    def statements(**scope) -> int:
        seen: list[str] = []
        desk.db.conn.set_trace_callback(seen.append)
        try:
            billing.preview(desk, "2026-12", items=["property", "water", "garbage"], **scope)
        finally:
            desk.db.conn.set_trace_callback(None)
        return len(seen)

    small = statements(building="5")
    directory_estate.create_units(
        desk, BuildingPlan("9", 1, 2, 1, 6, 4, zero_padded=False), area_text="90"
    )
    assert statements() == small  # 48 more units, not one query more
