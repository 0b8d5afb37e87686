"""After a restore the next receipt follows every number ever issued: the receipt journal
beside the file (and the paper book) knows the numbers the backup does not; they are
recorded lost (作废, 恢复备份) and the books still balance. A restore runs the full check."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.core.errors import CorruptDatabase
from desk_app.services.desk import Desk, maintenance
from desk_app.services.ledger import payments
from desk_app.services.shifts import login
from desk_app.storage.ledger import receipt_journal
from tests.builders.ledger import receipt_estate
from tests.builders.staff import PASSWORD


def pay(desk, unit_id) -> int:
    done = payments.take_payment(
        desk, unit_id, method="现金", amount="10", prepayment_confirmed=True
    )
    return done.value.receipt.number


def restored(path, backup, clock, **kwargs):
    result = maintenance.restore(path, backup, clock=clock, **kwargs)
    desk = Desk.open(path, clock=clock, create=False)
    login.login(desk, "zhang", PASSWORD, "早班")
    return result, desk


def test_after_a_restore_the_next_receipt_follows_every_number_issued(staffed_desk, clock):
    unit = receipt_estate(staffed_desk)
    issued = [pay(staffed_desk, unit.id) for _ in range(3)]
    backup = maintenance.backup_now(staffed_desk).value
    issued += [pay(staffed_desk, unit.id) for _ in range(4)]  # printed after the backup
    path = staffed_desk.path
    staffed_desk.close()
    assert receipt_journal.issued_numbers(path) == issued

    result, desk = restored(path, backup, clock)
    try:
        assert [(lost.first_no, lost.last_no) for lost in result.lost] == [(1004, 1007)]
        assert pay(desk, unit.id) == max(issued) + 1
        failed = [r for r in maintenance.check_database(path) if not r.ok]
        assert failed == []
    finally:
        desk.close()


def test_the_paper_book_can_know_more_than_the_journal(staffed_desk, clock):
    unit = receipt_estate(staffed_desk)
    backup = maintenance.backup_now(staffed_desk).value
    pay(staffed_desk, unit.id)
    path = staffed_desk.path
    staffed_desk.close()
    receipt_journal.journal_path(path).unlink()  # the journal was lost too

    result, desk = restored(path, backup, clock, last_on_paper=[1005])
    try:
        assert [(lost.first_no, lost.last_no) for lost in result.lost] == [(1001, 1005)]
        assert pay(desk, unit.id) == 1006
    finally:
        desk.close()


def test_check_finds_a_file_replaced_by_an_older_copy(staffed_desk, clock, tmp_path):
    unit = receipt_estate(staffed_desk)
    pay(staffed_desk, unit.id)
    older = tmp_path / "older.sqlite3"
    staffed_desk.db.execute(f"VACUUM INTO '{older}'")
    pay(staffed_desk, unit.id)
    pay(staffed_desk, unit.id)
    path = staffed_desk.path
    staffed_desk.close()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    older.replace(path)  # behind the desk's back
    (journal,) = [r for r in maintenance.check_database(path) if r.name == "receipt_journal"]
    assert not journal.ok and "1003" in journal.detail


def test_restore_refuses_a_backup_that_check_rejects(staffed_desk, clock):
    backup = maintenance.backup_now(staffed_desk).value
    conn = sqlite3.connect(backup)
    conn.execute("DROP VIEW live_receipts")  # the quick checks of a backup pass this
    conn.close()
    path = staffed_desk.path
    staffed_desk.close()
    with pytest.raises(CorruptDatabase, match="收费口径视图"):
        maintenance.restore(path, backup, clock=clock)


def test_the_next_handover_report_names_the_numbers_lost(staffed_desk, clock):
    from desk_app.services.ledger import cash_drawer

    unit = receipt_estate(staffed_desk)
    backup = maintenance.backup_now(staffed_desk).value
    for _ in range(2):
        pay(staffed_desk, unit.id)  # 1001, 1002: printed after the backup
    path = staffed_desk.path
    staffed_desk.close()
    clock.advance(minutes=30)
    _result, desk = restored(path, backup, clock)
    try:
        rows = {row["kind"]: row for row in cash_drawer.handover_summary(desk, desk.shift.id)}
        assert rows["遗失收据号"]["count"] == "2"
        assert rows["遗失收据号"]["detail"] == "0001001–0001002（恢复备份）"
    finally:
        desk.close()
