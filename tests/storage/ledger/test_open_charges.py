"""The open charges (migration 0009) on a real database: the triggers keep ``open_charges``
equal to ``charge_balances`` through charges, adjustments, payments, voids, credit and
refunds, and through edits made behind the program's back; the migration fills it from an
existing ledger; ``desk-app check`` reports a difference or a missing trigger, and opening
the file rebuilds the table when its triggers or the views were altered."""

from __future__ import annotations

import pytest

from desk_app.services.desk import Desk
from desk_app.services.ledger import charges, credit, payments, refunds
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.shifts import approvals
from desk_app.storage import schema
from desk_app.storage.desk import integrity
from desk_app.storage.ledger import open_charges
from desk_app.storage.migrations import m0009_open_charges
from tests.builders.ledger import approval, months, payment_estate, void_approval
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    unit = payment_estate(staffed_desk)
    return staffed_desk, unit


def table(desk) -> dict[int, int]:
    return dict(desk.db.execute("SELECT charge_id, outstanding_fen FROM open_charges").fetchall())


def recomputed(desk) -> dict[int, int]:
    return dict(
        desk.db.execute(
            "SELECT id, amount_fen - paid_fen FROM charge_balances WHERE amount_fen - paid_fen > 0"
        ).fetchall()
    )


def agrees(desk) -> bool:
    return open_charges.differences(desk.db).count == 0 and integrity.open_charges_check(desk.db).ok


def test_payments_voids_adjustments_credit_and_refunds_keep_it_equal_to_the_view(estate):
    desk, unit = estate
    october, november, december = months(desk, unit, "2026-10", "2026-11", "2026-12")
    assert table(desk) == {october: 23828, november: 23828, december: 23828}

    paid = payments.take_payment(desk, unit.id, method="现金", charge_ids=[october]).value
    assert table(desk) == {november: 23828, december: 23828}

    reduction = approvals.verify_approval(
        desk, "lee", PASSWORD, action="调整已入账费用", reason="面积更正"
    )
    charges.adjust_charge(desk, november, "-28.00", "面积更正", reduction)
    assert table(desk)[november] == 23828 - 2800

    ledger_receipts.void_receipt(desk, paid.receipt.id, "写错金额", void_approval(desk))
    assert table(desk)[october] == 23828  # open again: the receipt no longer counts

    # an amount beyond what is owed is kept as credit, then applied to the oldest charges
    payments.take_payment(desk, unit.id, method="微信", amount="100.00")
    assert table(desk)[october] == 23828 - 10000
    payments.take_payment(desk, unit.id, method="现金", charge_ids=[october], amount="500.00")
    assert october not in table(desk)
    credit.use_credit(desk, unit.id)
    assert table(desk) == recomputed(desk)
    assert agrees(desk)


def test_a_refunded_deposit_opens_again_and_a_deposit_is_kept_with_its_kind(estate):
    desk, unit = estate
    from desk_app.services.ledger import fee_items
    from desk_app.services.shifts import login

    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.add_fee_item(desk, "deposit", "装修押金", "deposit", "笔")
    login.login(desk, "zhang", PASSWORD, "早班")
    deposit = charges.post_charge(desk, unit.id, "deposit", due_on="2026-11-20", amount="2000")
    deposit_id = deposit.value.charge_id
    kind = desk.db.execute("SELECT kind FROM open_charges WHERE charge_id = ?", [deposit_id])
    assert kind.fetchone()[0] == "deposit"
    held = payments.take_payment(desk, unit.id, method="现金", charge_ids=[deposit_id]).value
    assert deposit_id not in table(desk)
    refunds.refund(
        desk,
        held.receipt.id,
        amount="500",
        reason="装修完工退部分押金",
        approval=approval(desk, "退费"),
        charge_id=deposit_id,
    )
    assert table(desk) == recomputed(desk)
    assert agrees(desk)
    # the service releases the refunded part by an adjustment; a refund written in the
    # sqlite3 shell without one opens the deposit again, and the table follows it
    lee = desk.db.execute("SELECT id FROM operators WHERE username = 'lee'").fetchone()[0]
    desk.db.execute(
        "INSERT INTO refunds (unit_id, receipt_id, charge_id, amount_fen, voucher_no, payee, "
        "reason, method, approved_by, refunded_at) VALUES (?, ?, ?, 30000, 'X-1', '张三', "
        "'手工', '现金', ?, '2026-11-20T10:00:00+08:00')",
        [unit.id, held.receipt.id, deposit_id, lee],
    )
    desk.db.conn.commit()
    assert table(desk) == recomputed(desk) == {deposit_id: 30000}


def test_edits_behind_the_programs_back_are_followed_by_the_triggers(estate):
    desk, unit = estate
    october, november = months(desk, unit, "2026-10", "2026-11")
    paid = payments.take_payment(desk, unit.id, method="现金", charge_ids=[october]).value
    void = payments.take_payment(desk, unit.id, method="现金", charge_ids=[november]).value
    ledger_receipts.void_receipt(desk, void.receipt.id, "写错金额", void_approval(desk))
    db = desk.db
    # someone drops the append-only guards in the sqlite3 shell and rewrites the money rows
    for guarded in ("receipt_lines", "receipt_voids", "charges"):
        db.execute(f"DROP TRIGGER {guarded}_no_update")
        db.execute(f"DROP TRIGGER {guarded}_no_delete")
    db.execute("UPDATE receipt_lines SET amount_fen = 100 WHERE receipt_id = ?", [paid.receipt.id])
    db.execute("DELETE FROM receipt_voids WHERE receipt_id = ?", [void.receipt.id])
    db.execute("UPDATE charges SET amount_fen = 50000 WHERE id = ?", [november])
    db.conn.commit()
    assert table(desk) == recomputed(desk) == {october: 23728, november: 50000 - 23828}
    db.execute("DELETE FROM receipt_lines WHERE receipt_id = ?", [paid.receipt.id])
    db.conn.commit()
    assert table(desk) == recomputed(desk)
    assert open_charges.differences(db).count == 0


def test_the_migration_fills_it_from_an_existing_ledger(estate, db_path, clock):
    desk, unit = estate
    october, november = months(desk, unit, "2026-10", "2026-11")
    payments.take_payment(desk, unit.id, method="现金", amount="300.00")
    expected = recomputed(desk)
    assert expected == {november: 2 * 23828 - 30000}
    # the file as it was before migration 0009
    db = desk.db
    for name, sql in reversed(m0009_open_charges.DERIVED.items()):
        kind = sql.split()[1]  # TABLE / INDEX / TRIGGER
        db.execute(f"DROP {kind} {name}")
    db.execute("DROP INDEX credit_uses_used")
    db.execute("DROP INDEX charges_deposits")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [m0009_open_charges.NAME])
    db.conn.commit()
    desk.close()

    with Desk.open(db_path, clock=clock) as again:
        assert table(again) == expected
        assert schema.altered_derived(again.db) == []
        assert agrees(again)


def test_check_reports_a_row_changed_behind_the_programs_back(estate):
    desk, unit = estate
    october, november = months(desk, unit, "2026-10", "2026-11")
    desk.db.execute("UPDATE open_charges SET outstanding_fen = 1 WHERE charge_id = ?", [october])
    desk.db.execute("DELETE FROM open_charges WHERE charge_id = ?", [november])
    desk.db.conn.commit()

    result = integrity.open_charges_check(desk.db)
    assert not result.ok
    assert f"未结费用表与按视图重算的结果不符：2 笔费用（#{october}、#{november}）" in result.detail
    assert not all(r.ok for r in integrity.full_check(desk.db))


def test_check_reports_a_missing_trigger_and_opening_rebuilds_the_table(
    estate, db_path, clock, caplog
):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")
    desk.db.execute("DROP TRIGGER open_charges_receipt_lines_insert")
    desk.db.conn.commit()
    # the payment is not followed any more: the table still holds the paid charge
    payments.take_payment(desk, unit.id, method="现金", charge_ids=[october])
    assert table(desk) == {october: 23828}
    result = integrity.open_charges_check(desk.db)
    assert not result.ok
    assert "未结费用表或其触发器缺失、被改动：open_charges_receipt_lines_insert" in result.detail
    assert "不符：1 笔费用" in result.detail
    desk.close()

    with Desk.open(db_path, clock=clock) as again:
        assert table(again) == {}
        assert agrees(again)
        [november] = months(again, unit, "2026-11")
        payments.take_payment(again, unit.id, method="现金", charge_ids=[november])
        assert table(again) == {}
    assert "open_charges_receipt_lines_insert" in caplog.text


def test_opening_rebuilds_the_table_after_a_view_was_restored(estate, db_path, clock, caplog):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")
    # a view rewritten to count nothing as paid; the payment's trigger computes through it
    desk.db.execute("DROP VIEW charge_balances")
    desk.db.execute(
        "CREATE VIEW charge_balances AS SELECT c.id, c.unit_id, c.item_id, c.period, "
        "c.description, c.due_on, c.kind, c.amount_fen, 0 AS paid_fen FROM net_charges c"
    )
    desk.db.conn.commit()
    payments.take_payment(desk, unit.id, method="现金", charge_ids=[october])
    assert table(desk) == {october: 23828}
    assert not integrity.open_charges_check(desk.db).ok  # not comparable through that view
    desk.close()

    with Desk.open(db_path, clock=clock) as again:
        assert table(again) == {}
        assert agrees(again)
    assert "derived tables" in caplog.text and "open_charges" in caplog.text


def test_the_table_and_its_triggers_are_the_migrations_own(desk):
    assert schema.altered_derived(desk.db) == []
    assert integrity.open_charges_check(desk.db).ok
    triggers = [name for name, sql in schema.DERIVED.items() if sql.startswith("CREATE TRIGGER")]
    tables = {name.split("_", 2)[2].rsplit("_", 1)[0] for name in triggers}
    assert tables == {
        "charges",
        "receipts",
        "receipt_lines",
        "receipt_voids",
        "credit_uses",
        "refunds",
    }
