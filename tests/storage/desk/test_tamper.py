"""Edits made outside the program, as someone with the sqlite3 shell would make them
(the guard triggers dropped, the rows edited, the triggers put back): ``desk-app check``
finds every one, and a history re-chained with the known format fails against the seal
printed on the handover report."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date, datetime

import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk, maintenance
from desk_app.services.ledger import payments, receipts
from desk_app.services.shifts import approvals, handover, login
from desk_app.storage import audit
from tests.builders.pdf import pdf_text
from tests.builders.staff import full_counts

PASSWORD = "desk123"


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    """A year of a 40-unit estate, a supervisor's shift with two payments and a void, then
    a handover: its printed report carries the seal. Returns (file, printed seal)."""
    path = tmp_path_factory.mktemp("tamper") / "estate.sqlite3"
    clock = FixedClock(datetime(2026, 11, 10, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        demo.generate(desk, DemoPlan(seed=5, units=40, years=1, until=date(2026, 11, 9)))
    with Desk.open(path, clock=clock) as desk:
        login.login(desk, "lihua", PASSWORD)
        units = [row[0] for row in desk.db.execute("SELECT id FROM units ORDER BY id LIMIT 3")]
        first = payments.take_payment(desk, units[0], method="现金", amount="50").value
        approval = approvals.verify_approval(
            desk, "lihua", PASSWORD, action="作废收据", reason="写错金额"
        )
        receipts.void_receipt(desk, first.receipt.id, "写错金额", approval)
        payments.take_payment(desk, units[1], method="微信", amount="80")
        done = handover.handover(
            desk,
            incoming_username="zhangli",
            incoming_password=PASSWORD,
            outgoing_password=PASSWORD,
            counts=full_counts(desk),
        ).value
        printed = re.search(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4} #\d+", pdf_text(done.pdf))
        assert printed is not None, "the handover report prints the seal"
        login.logout(desk)
    assert not [r for r in maintenance.check_database(path) if not r.ok]
    return path, printed.group(0)


def _guards(con: sqlite3.Connection) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND (name LIKE '%\\_no\\_%' ESCAPE '\\' OR name LIKE '%closed\\_period' ESCAPE '\\')"
    ).fetchall()


def tamper(source, target, sql: str) -> None:
    """Copy the file and edit it as a shell user would: guards dropped, SQL run, guards back."""
    shutil.copyfile(source, target)
    con = sqlite3.connect(target)
    guards = _guards(con)
    for name, _ in guards:
        con.execute(f'DROP TRIGGER "{name}"')
    con.executescript(sql)
    for _, text in guards:
        con.execute(text)
    con.commit()
    con.close()


LAST_RECEIPT = "(SELECT max(id) FROM receipts)"
MIDDLE_RECEIPT = "(SELECT id FROM receipts ORDER BY id LIMIT 1 OFFSET 100)"
A_CHARGE = "(SELECT id FROM charges ORDER BY id LIMIT 1 OFFSET 500)"
A_PERSON = "(SELECT min(id) FROM people)"

EDITS: dict[str, str] = {
    # receipts
    "last receipt deleted": f"DELETE FROM receipt_lines WHERE receipt_id = {LAST_RECEIPT};"
    f"DELETE FROM receipts WHERE id = {LAST_RECEIPT};",
    "middle receipt deleted": f"DELETE FROM receipt_lines WHERE receipt_id = {MIDDLE_RECEIPT};"
    f"DELETE FROM receipts WHERE id = {MIDDLE_RECEIPT};",
    "receipt method changed": f"UPDATE receipts SET method = '转账' WHERE id = {MIDDLE_RECEIPT};",
    "receipt date changed": "UPDATE receipts SET issued_at = '2026-11-01T10:00:00+08:00' "
    f"WHERE id = {LAST_RECEIPT};",
    "receipt unit changed": f"UPDATE receipts SET unit_id = unit_id + 1 WHERE id = {MIDDLE_RECEIPT};",
    "receipt customer changed": f"UPDATE receipts SET customer = '李四' WHERE id = {MIDDLE_RECEIPT};",
    "receipt number changed": f"UPDATE receipts SET number = number + 5000 WHERE id = {LAST_RECEIPT};",
    "receipt total and lines lowered together": "UPDATE receipt_lines SET amount_fen = 1 "
    f"WHERE receipt_id = {MIDDLE_RECEIPT}; UPDATE receipts SET total_fen = "
    f"(SELECT sum(amount_fen) FROM receipt_lines WHERE receipt_id = {MIDDLE_RECEIPT}) "
    f"WHERE id = {MIDDLE_RECEIPT};",
    "receipt inserted with the next number": "INSERT INTO receipts (book_id, number, unit_id, "
    "customer, issued_at, method, total_fen) SELECT book_id, number + 1, unit_id, customer, "
    f"issued_at, method, 100 FROM receipts WHERE id = {LAST_RECEIPT};",
    "receipt note changed": f"UPDATE receipts SET note = '补' WHERE id = {MIDDLE_RECEIPT};",
    "receipt line moved to another charge": "UPDATE receipt_lines SET charge_id = "
    f"{A_CHARGE} WHERE id = (SELECT min(id) FROM receipt_lines);",
    "receipt line deleted": "DELETE FROM receipt_lines WHERE id = (SELECT max(id) FROM receipt_lines);",
    "receipt line inserted": "INSERT INTO receipt_lines (receipt_id, charge_id, description, "
    f"amount_fen) VALUES ({MIDDLE_RECEIPT}, {A_CHARGE}, '物业费', 100);",
    # voids, refunds, credit, waivers, invoices
    "void deleted (un-voids a receipt)": "DELETE FROM receipt_voids;",
    "void reason changed": "UPDATE receipt_voids SET reason = '业主要求';",
    "void inserted without audit": f"INSERT INTO receipt_voids (receipt_id, reason, approved_by, "
    f"voided_at) VALUES ({LAST_RECEIPT}, '作废', 1, '2026-11-10T09:30:00+08:00');",
    "refund deleted": "DELETE FROM refunds WHERE id = (SELECT max(id) FROM refunds);",
    "refund amount changed": "UPDATE refunds SET amount_fen = amount_fen * 2 "
    "WHERE id = (SELECT min(id) FROM refunds);",
    "invoice exchange deleted": "DELETE FROM invoice_exchanges WHERE receipt_id = "
    "(SELECT min(receipt_id) FROM invoice_exchanges);",
    "invoice number changed": "UPDATE invoice_exchanges SET invoice_no = '00000000';",
    "late-fee waiver deleted": "DELETE FROM late_fee_waivers WHERE id = "
    "(SELECT min(id) FROM late_fee_waivers);",
    "late-fee waiver inserted without audit": "INSERT INTO late_fee_waivers (charge_id, unit_id, "
    f"reason, finance_consent, approved_by, waived_at) SELECT id, unit_id, '减免', '同意', 1, "
    f"'2026-11-10T09:30:00+08:00' FROM charges WHERE id = {A_CHARGE};",
    "credit use inserted without audit": "INSERT INTO credit_uses (unit_id, charge_id, "
    f"amount_fen, used_at) SELECT unit_id, id, 100, '2026-11-10T09:30:00+08:00' FROM charges "
    f"WHERE id = {A_CHARGE};",
    "credit use deleted": "DELETE FROM credit_uses WHERE id = (SELECT max(id) FROM credit_uses);",
    "credit use amount changed": "UPDATE credit_uses SET amount_fen = amount_fen + 1 "
    "WHERE id = (SELECT min(id) FROM credit_uses);",
    # charges, rates, books, readings
    "charge due date changed": f"UPDATE charges SET due_on = '2026-12-31' WHERE id = {A_CHARGE};",
    "charge unit changed": "UPDATE charges SET unit_id = unit_id + 1, source_ref = source_ref "
    f"|| '-' WHERE id = {A_CHARGE};",
    "charge amount changed": f"UPDATE charges SET amount_fen = amount_fen - 1 WHERE id = {A_CHARGE};",
    "charge deleted": "DELETE FROM charges WHERE id = (SELECT max(id) FROM charges);",
    "charge inserted without audit": "INSERT INTO charges (unit_id, item_id, period, description, "
    "amount_fen, due_on, kind, source, created_at) SELECT unit_id, item_id, period, description, "
    f"amount_fen, due_on, kind, source, created_at FROM charges WHERE id = {A_CHARGE};",
    "fee rate changed": "UPDATE fee_rates SET price_milli_yuan = price_milli_yuan + 100 "
    "WHERE id = (SELECT min(id) FROM fee_rates);",
    "fee item renamed": "UPDATE fee_items SET name = '服务费' WHERE id = (SELECT min(id) FROM fee_items);",
    "receipt book range changed": "UPDATE receipt_books SET last_no = last_no + 1000;",
    "meter reading changed": "UPDATE meter_readings SET reading_centi = reading_centi - 100 "
    "WHERE id = (SELECT max(id) FROM meter_readings);",
    "meter reading deleted": "DELETE FROM meter_readings WHERE id = (SELECT min(id) FROM meter_readings);",
    "billing run total changed": "UPDATE billing_runs SET total_fen = 0 "
    "WHERE id = (SELECT min(id) FROM billing_runs);",
    "arrears action deleted": "DELETE FROM arrears_actions WHERE id = "
    "(SELECT max(id) FROM arrears_actions);",
    "cash handover amount changed": "UPDATE cash_handovers SET cash_fen = cash_fen - 10000 "
    "WHERE id = (SELECT max(id) FROM cash_handovers);",
    # closed months
    "closed month deleted (reopens it)": "DELETE FROM period_closes WHERE period = "
    "(SELECT max(period) FROM period_closes);",
    "closed month totals edited": "UPDATE period_closes SET received_fen = received_fen + 100000 "
    "WHERE period = (SELECT min(period) FROM period_closes);",
    # people and the estate
    "operator promoted to manager": "UPDATE operators SET role = 'manager' WHERE username = 'zhangli';",
    "password hash swapped": "UPDATE operators SET password_hash = "
    "(SELECT password_hash FROM operators WHERE username = 'admin') WHERE username = 'zhangli';",
    "operator inserted": "INSERT INTO operators (username, display_name, role, password_hash, "
    "active, created_at) SELECT 'ghost', '影子', 'manager', password_hash, 1, created_at "
    "FROM operators WHERE username = 'admin';",
    "operator deactivated": "UPDATE operators SET active = 0 WHERE username = 'lihua';",
    "late-fee rate setting zeroed": "INSERT OR REPLACE INTO settings (key, value, updated_at) "
    "VALUES ('ledger.late_fee_wan_per_day', '0', '2026-11-10T09:30:00+08:00');",
    "setting changed": "UPDATE settings SET value = '0000-0000000' WHERE key = 'estate.phone';",
    "setting deleted": "DELETE FROM settings WHERE key = 'estate.company';",
    "ID number changed": f"UPDATE people SET id_number = '110101199001011234' WHERE id = {A_PERSON};",
    "person's phone changed": f"UPDATE people SET phone = '13900000000' WHERE id = {A_PERSON};",
    "person's name changed": f"UPDATE people SET name = '王五' WHERE id = {A_PERSON};",
    "occupancy ended": "UPDATE occupancies SET until = '2026-01-01' "
    "WHERE id = (SELECT min(id) FROM occupancies);",
    "vehicle deleted": "DELETE FROM vehicles WHERE id = (SELECT min(id) FROM vehicles);",
    "unit area changed": "UPDATE units SET area_centi_m2 = area_centi_m2 - 1000 "
    "WHERE id = (SELECT min(id) FROM units);",
    "archive paper deleted": "DELETE FROM archive_papers WHERE rowid = "
    "(SELECT min(rowid) FROM archive_papers);",
    "household archive changed": "UPDATE household_archives SET note = '改' "
    "WHERE unit_id = (SELECT min(unit_id) FROM household_archives);",
    # reception, repairs, shifts
    "reception entry deleted": "DELETE FROM reception_entries WHERE id = "
    "(SELECT max(id) FROM reception_entries);",
    "reception content changed": "UPDATE reception_entries SET content = '无' "
    "WHERE id = (SELECT min(id) FROM reception_entries);",
    "repair order status changed": "UPDATE repair_orders SET status = '已完工' "
    "WHERE id = (SELECT min(id) FROM repair_orders);",
    "repair material price changed": "UPDATE repair_materials SET amount_fen = amount_fen * 10 "
    "WHERE id = (SELECT min(id) FROM repair_materials);",
    "callback deleted": "DELETE FROM callbacks WHERE id = (SELECT max(id) FROM callbacks);",
    "service price changed": "UPDATE service_prices SET price_fen = price_fen + 100 "
    "WHERE id = (SELECT min(id) FROM service_prices);",
    "shift operator changed": "UPDATE shifts SET operator_id = 1 WHERE id = (SELECT min(id) FROM shifts);",
    "last shift deleted": "DELETE FROM shifts WHERE id = (SELECT max(id) FROM shifts);",
    # documents and the trail itself
    "archived PDF replaced with its hash": "UPDATE documents SET pdf = X'255044462D', "
    "sha256 = '5ddb3e3ad2a6b08f4b2ad2fcbcd4e6e8b1c0c7f5d8d2b8c6e3b2d1e0f9a8b7c6', size = 5 "
    "WHERE id = (SELECT max(id) FROM documents);",
    "row hash deleted": "DELETE FROM audit_rows WHERE rowid = (SELECT max(rowid) FROM audit_rows);",
    "row hash rewritten": "UPDATE audit_rows SET row_hash = 'x' "
    "WHERE rowid = (SELECT min(rowid) FROM audit_rows);",
    "audit detail edited": "UPDATE audit_log SET detail = '{}' WHERE id = 5;",
    "audit tail cut off": "DELETE FROM audit_log WHERE id > (SELECT max(id) - 3 FROM audit_log);",
    "guard trigger left dropped": "SELECT 1;",  # the guards go back below, but one stays gone
}


@pytest.mark.parametrize("name", list(EDITS))
def test_check_finds_an_outside_edit(estate, tmp_path, name):
    source, _ = estate
    target = tmp_path / "edited.sqlite3"
    tamper(source, target, EDITS[name])
    if name == "guard trigger left dropped":
        con = sqlite3.connect(target)
        con.execute("DROP TRIGGER receipts_no_delete")
        con.commit()
        con.close()
    failed = [r.name for r in maintenance.check_database(target) if not r.ok]
    assert failed, f"{name}: every check passed"


def test_there_are_at_least_fifty_kinds_of_edit():
    assert len(EDITS) >= 50


def _rechain(path, first_id: int) -> None:
    """Recompute every hash from ``first_id`` on with the documented format: what someone
    who knows the program's source can do to a file."""
    con = sqlite3.connect(path)
    guards = _guards(con)
    for name, _ in guards:
        con.execute(f'DROP TRIGGER "{name}"')
    rows = con.execute(
        "SELECT id, at, operator_id, shift_id, actor, operation, record_table, record_id, "
        "detail, rows_digest FROM audit_log WHERE id >= ? ORDER BY id",
        [first_id],
    ).fetchall()
    prev = con.execute("SELECT hash FROM audit_log WHERE id = ?", [first_id - 1]).fetchone()[0]
    con.execute("UPDATE audit_log SET hash = 'tmp' || id WHERE id >= ?", [first_id])
    for row_id, *fields, rows_digest in rows:
        digest = audit.row_hash(prev, *fields, rows_digest)
        con.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, digest, row_id]
        )
        prev = digest
    for _, text in guards:
        con.execute(text)
    con.commit()
    con.close()


def test_a_rechained_forgery_passes_the_chain_but_not_the_printed_seal(estate, tmp_path):
    source, printed = estate
    target = tmp_path / "forged.sqlite3"
    # an operator's detail rewritten early in the history, then every later hash redone
    tamper(source, target, 'UPDATE audit_log SET detail = \'{"note":"forged"}\' WHERE id = 20;')
    _rechain(target, 20)
    failed = [r.name for r in maintenance.check_database(target) if not r.ok]
    assert failed == [], "the forgery is self-consistent: the plain check passes it"
    seal = maintenance.check_seal(target, printed)
    assert not seal.ok and "封存码" in seal.detail
    assert "seal" in [r.name for r in maintenance.check_database(target, seal=printed) if not r.ok]
    assert maintenance.check_seal(source, printed).ok


def test_the_seal_fails_on_a_truncated_history_and_a_mistyped_code(estate, tmp_path):
    source, printed = estate
    entry = int(printed.split("#")[1])
    target = tmp_path / "cut.sqlite3"
    tamper(source, target, f"DELETE FROM audit_log WHERE id >= {entry};")
    assert not maintenance.check_seal(target, printed).ok
    assert not maintenance.check_seal(source, "ABCD-ABCD-ABCD #" + str(entry)).ok
    assert not maintenance.check_seal(source, "not a seal").ok
