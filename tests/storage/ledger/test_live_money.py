"""The live-money views (migration 0008) on a real database: a voided receipt and its lines
drop out, a charge stands with its adjustments, what is left to pay is charge_balances',
and `check` notices a view dropped or rewritten behind the program's back."""

from __future__ import annotations

import pytest

from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, payments
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.shifts import approvals
from desk_app.storage import schema
from desk_app.storage.desk import integrity
from tests.builders.ledger import months, payment_estate, void_approval
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    unit = payment_estate(staffed_desk)
    return staffed_desk, unit


def ids(desk, sql: str) -> list[int]:
    return [row[0] for row in desk.db.execute(sql).fetchall()]


def test_a_voided_receipt_and_its_lines_stop_counting(estate):
    desk, unit = estate
    october, november = months(desk, unit, "2026-10", "2026-11")
    kept = payments.take_payment(desk, unit.id, method="现金", charge_ids=[october]).value
    voided = payments.take_payment(desk, unit.id, method="微信", charge_ids=[november]).value
    assert ids(desk, "SELECT id FROM live_receipts ORDER BY id") == [
        kept.receipt.id,
        voided.receipt.id,
    ]
    ledger_receipts.void_receipt(desk, voided.receipt.id, "写错金额", void_approval(desk))

    assert ids(desk, "SELECT id FROM live_receipts") == [kept.receipt.id]
    assert ids(desk, "SELECT charge_id FROM live_receipt_lines") == [october]
    paid = dict(desk.db.execute("SELECT id, paid_fen FROM charge_balances").fetchall())
    assert paid == {october: 23828, november: 0}
    assert [row.charge_id for row in charges.owing(desk, unit.id)] == [november]


def test_a_charge_stands_with_its_adjustments(estate):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")
    approval = approvals.verify_approval(
        desk, "lee", PASSWORD, action="调整已入账费用", reason="面积更正"
    )
    charges.adjust_charge(desk, october, "-28.00", "面积更正", approval)
    charges.adjust_charge(desk, october, "-10.00", "面积更正", approval)

    row = desk.db.execute(
        "SELECT charged_fen, amount_fen FROM net_charges WHERE id = ?", [october]
    ).fetchone()
    assert tuple(row) == (23828, 23828 - 3800)
    # adjustments are not charges of their own
    assert ids(desk, "SELECT id FROM net_charges") == [october]
    assert charges.owing(desk, unit.id)[0].outstanding_fen == 23828 - 3800


def test_every_view_the_migrations_define_is_in_the_file(desk):
    present = ids(desk, "SELECT name FROM sqlite_master WHERE type = 'view'")
    assert set(schema.VIEWS) == {"live_receipts", "live_receipt_lines", "net_charges",
                                 "charge_balances"}  # fmt: skip
    assert set(present) == set(schema.VIEWS)
    assert integrity.views_check(desk.db).ok


def test_check_finds_a_view_dropped_or_rewritten(desk):
    desk.db.execute("DROP VIEW charge_balances")
    desk.db.execute("DROP VIEW live_receipt_lines")
    # counts voided receipts as paid
    desk.db.execute(
        "CREATE VIEW live_receipt_lines AS SELECT l.id, l.receipt_id, l.charge_id, "
        "l.description, l.amount_fen, r.unit_id, r.issued_at, r.method "
        "FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id"
    )
    result = integrity.views_check(desk.db)
    assert not result.ok
    assert "视图缺失：charge_balances" in result.detail
    assert "视图被改动：live_receipt_lines" in result.detail
    assert not all(r.ok for r in integrity.full_check(desk.db))


def test_opening_the_file_puts_the_views_back(estate, db_path, clock, caplog):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")
    payments.take_payment(desk, unit.id, method="现金", charge_ids=[october])
    desk.db.execute("DROP VIEW charge_balances")
    desk.db.execute("DROP VIEW live_receipt_lines")
    desk.db.execute("DROP VIEW live_receipts")
    desk.db.execute("CREATE VIEW live_receipts AS SELECT r.* FROM receipts r WHERE 0")
    desk.close()

    with Desk.open(db_path, clock=clock) as again:
        assert integrity.views_check(again.db).ok
        assert charges.owing(again, unit.id) == []  # paid, as before
    assert "charge_balances" in caplog.text and "live_receipts" in caplog.text
