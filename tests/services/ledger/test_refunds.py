"""Late fees charged with the debt and waived with approval, refunds of deposits and of
credit, invoice exchanges, paid repairs, and the lock of a closed period — on a real
database."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ClosedPeriod, DeskError, NotFoundError, ValidationError
from desk_app.services.desk import settings as estate_settings
from desk_app.services.ledger import (
    charges,
    credit,
    fee_items,
    invoices,
    payments,
    periods,
    receipts,
    refunds,
    repair_charges,
)
from desk_app.services.ledger import late_fees as ledger_late_fees
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from desk_app.storage.desk import integrity
from tests.builders.ledger import months
from tests.builders.ledger import payment_estate as setup_estate
from tests.builders.ledger import void_approval as approval
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    unit = setup_estate(staffed_desk, late_fees=True)  # 万分之5 a day from the due date
    return staffed_desk, unit


def supervisor(desk, action="退费"):
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason="同意")


def test_late_fee_is_shown_separately_and_charged_with_the_debt(estate):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")  # due 2026-10-25, today 2026-11-20: 26 days
    [fee] = ledger_late_fees.late_fees(desk, unit.id)
    assert (fee.charge_id, fee.days, fee.overdue_fen) == (october, 26, 23828)
    assert fee.fee_fen == 310  # 238.28 × 0.0005 × 26 = 3.097… → 3.10
    assert charges.balance(desk, unit.id) == 23828  # not owed until the debt is paid

    payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=[october]).value
    assert payment.receipt.total_fen == 23828 + 310
    assert [(line.description, line.amount_fen) for line in payment.lines] == [
        ("物业服务费 2026-10", 23828),
        ("滞纳金（物业服务费 2026-10）", 310),
    ]
    assert charges.balance(desk, unit.id) == 0 and ledger_late_fees.late_fees(desk, unit.id) == []


def test_an_amount_settling_an_overdue_charge_pays_its_fee_next_and_the_rest_is_owed(estate):
    desk, unit = estate
    months(desk, unit, "2026-10", "2026-11")  # the November charge is due 11-25: not late
    payment = payments.take_payment(desk, unit.id, method="微信", amount="240.00").value
    assert [line.amount_fen for line in payment.lines] == [23828, 172]
    rows = charges.owing(desk, unit.id)
    assert [(r.kind, r.outstanding_fen) for r in rows] == [
        ("late_fee", 310 - 172),
        ("charge", 23828),
    ]
    # an amount that does not settle the overdue charge charges no fee yet
    months(desk, unit, "2026-09")
    small = payments.take_payment(desk, unit.id, method="微信", amount="1.00").value
    assert len(small.lines) == 1 and ledger_late_fees.late_fees(desk, unit.id)[0].charge_id > 0


def test_waiver_needs_a_supervisor_and_the_finance_consent(estate):
    desk, unit = estate
    [october] = months(desk, unit, "2026-10")
    with pytest.raises(ValidationError) as caught:
        ledger_late_fees.waive_late_fee(desk, october, "住院", " ", supervisor(desk, "减免滞纳金"))
    assert caught.value.field == "finance_consent"
    ledger_late_fees.waive_late_fee(
        desk, october, "业主住院，提前申请", "财务部王会计电话同意", supervisor(desk)
    )
    assert ledger_late_fees.late_fees(desk, unit.id)[0].waived
    assert ledger_late_fees.late_fee_total(desk, unit.id) == 0
    payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=[october]).value
    assert payment.receipt.total_fen == 23828
    with pytest.raises(ValidationError, match="已减免"):
        ledger_late_fees.waive_late_fee(desk, october, "x", "y", supervisor(desk))
    entries = audit.entries_for_record(desk.db, "late_fee_waivers", "1")
    assert [e.operation for e in entries] == ["approval_granted", "late_fee_waived"]


def test_late_fee_cap_and_grace_days_come_from_the_settings(estate):
    desk, unit = estate
    months(desk, unit, "2026-01")  # ~300 days late: 15% uncapped
    assert ledger_late_fees.late_fees(desk, unit.id)[0].fee_fen == 3562  # 238.28 × 0.0005 × 299
    login.login(desk, "lee", PASSWORD, "早班")
    estate_settings.update(
        desk, {"ledger.late_fee_cap_percent": 10, "ledger.late_fee_grace_days": 10}
    )
    [fee] = ledger_late_fees.late_fees(desk, unit.id)
    assert fee.days == 289 and fee.fee_fen == 2383  # capped at 10 % of 238.28


def deposit_paid(desk, unit, amount="2000"):
    charge = charges.post_charge(desk, unit.id, "deposit", due_on="2026-11-20", amount=amount).value
    payment = payments.take_payment(
        desk, unit.id, method="现金", charge_ids=[charge.charge_id]
    ).value
    return charge.charge_id, payment.receipt


@pytest.fixture
def with_deposit_item(estate):
    desk, unit = estate
    login.login(desk, "lee", PASSWORD, "早班")
    fee_items.add_fee_item(desk, "deposit", "装修押金", "deposit", "笔")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk, unit


def test_deposit_refund_with_voucher_leaves_the_unit_owing_nothing(with_deposit_item):
    desk, unit = with_deposit_item
    charge_id, receipt = deposit_paid(desk, unit)
    assert refunds.refundable(desk, receipt.id, charge_id) == 200000
    with pytest.raises(ValidationError, match="超过"):
        refunds.refund(
            desk,
            receipt.id,
            amount="2000.01",
            reason="装修验收合格",
            approval=supervisor(desk),
            charge_id=charge_id,
        )
    first = refunds.refund(
        desk,
        receipt.id,
        amount="1500",
        reason="装修验收合格，扣除损坏赔偿 500 元",
        approval=supervisor(desk),
        charge_id=charge_id,
        payee="张三",
    ).value
    assert first.voucher_no == "TK20261120-0001" and first.amount_fen == 150000
    assert charges.balance(desk, unit.id) == 0 and charges.credit(desk, unit.id) == 0
    assert refunds.refundable(desk, receipt.id, charge_id) == 50000
    second = refunds.refund(
        desk,
        receipt.id,
        amount="500",
        reason="赔偿免除",
        approval=supervisor(desk),
        charge_id=charge_id,
    ).value
    assert second.voucher_no == "TK20261120-0002"
    assert refunds.refundable(desk, receipt.id, charge_id) == 0
    assert charges.balance(desk, unit.id) == 0
    assert receipts.receipt(desk, receipt.id).refunded_fen == 200000
    with pytest.raises(ValidationError, match="已有退费"):
        receipts.void_receipt(desk, receipt.id, "x", approval(desk))
    entries = audit.entries_for_record(desk.db, "refunds", str(first.id))
    assert [e.operation for e in entries] == ["approval_granted", "refund_paid"]


def test_refund_of_unused_credit_and_refusals(with_deposit_item):
    desk, unit = with_deposit_item
    payment = payments.take_payment(
        desk, unit.id, method="转账", amount="500", prepayment_confirmed=True
    ).value  # all credit
    assert charges.credit(desk, unit.id) == 50000
    [october] = months(desk, unit, "2026-11")
    credit.use_credit(desk, unit.id)
    assert refunds.refundable(desk, payment.receipt.id) == 50000 - 23828
    before = audit.count(desk.db)
    for kwargs, field in [
        ({"amount": "300", "reason": "多缴"}, "amount"),
        ({"amount": "100", "reason": " "}, "reason"),
        ({"amount": "abc", "reason": "多缴"}, "amount"),
        ({"amount": "100", "reason": "多缴", "method": "支票"}, "method"),
    ]:
        with pytest.raises(DeskError) as caught:
            refunds.refund(desk, payment.receipt.id, approval=supervisor(desk), **kwargs)
        assert caught.value.field == field
    assert audit.count(desk.db) == before
    refunds.refund(
        desk, payment.receipt.id, amount="261.72", reason="多缴退回", approval=supervisor(desk)
    )
    assert charges.credit(desk, unit.id) == 0 and charges.balance(desk, unit.id) == 0
    assert october


def test_invoice_exchange_is_recorded_once_and_blocks_a_void(estate):
    desk, unit = estate
    ids = months(desk, unit, "2026-11")
    receipt = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value.receipt
    with pytest.raises(ValidationError) as caught:
        invoices.exchange_for_invoice(desk, receipt.id, "  ")
    assert caught.value.field == "invoice_no"
    exchanged = invoices.exchange_for_invoice(desk, receipt.id, "ｎｏ-0123").value
    assert exchanged.invoice_no == "NO-0123"
    with pytest.raises(ValidationError, match="已换开发票"):
        invoices.exchange_for_invoice(desk, receipt.id, "2")
    with pytest.raises(ValidationError, match="已换开发票"):
        receipts.void_receipt(desk, receipt.id, "x", approval(desk))
    with pytest.raises(NotFoundError):
        invoices.exchange_for_invoice(desk, 999, "1")


def close_through(desk, day):
    """A month-end close row written as the close would (the service is tested elsewhere)."""
    with desk.operation("period_closed") as op:
        op.db.execute(
            "INSERT INTO period_closes (period, through_on, approved_by, charges_fen, "
            "received_fen, refunds_fen, deposits_held_fen, arrears_fen, created_at) "
            "VALUES (?, ?, 2, 0, 0, 0, 0, 0, ?)",
            [day[:7], day, op.at],
        )
        op.record("period_closes", day[:7])


def test_a_closed_period_refuses_everything_dated_in_it(estate, clock):
    desk, unit = estate
    ids = months(desk, unit, "2026-10")
    receipt = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value.receipt
    clock.advance(days=10)  # 2026-11-30
    close_through(desk, "2026-11-25")
    assert periods.closed_through(desk) == "2026-11-25"
    with pytest.raises(ValidationError, match="已月结") as caught:
        charges.post_charge(desk, unit.id, "parking", due_on="2026-11-25")
    assert caught.value.field == "period"
    with pytest.raises(ValidationError, match="已月结"):
        receipts.void_receipt(desk, receipt.id, "写错", approval(desk))
    # the database refuses it too, whatever writes it
    with pytest.raises(ClosedPeriod, match="2026-11 及以前的账期已月结（结至 2026-11-25）"):
        desk.db.execute(
            "INSERT INTO charges (unit_id, item_id, description, amount_fen, due_on, "
            "created_at) VALUES (?, 1, 'x', 100, '2026-11-01', '2026-11-30')",
            [unit.id],
        )
    # the next period is open
    later = charges.post_charge(desk, unit.id, "parking", due_on="2026-11-26").value
    assert payments.take_payment(desk, unit.id, method="现金", charge_ids=[later.charge_id]).value
    assert integrity.append_only_guard_check(desk.db).ok


def test_paid_repair_charge_is_written_once_per_order(estate):
    desk, unit = estate
    with desk.operation("repair_completed") as op:
        first = repair_charges.charge_repair_in(
            desk, op, unit_id=unit.id, order_no="WX20261120-0001", amount_fen=5850, work="换龙头"
        )
        again = repair_charges.charge_repair_in(
            desk, op, unit_id=unit.id, order_no="WX20261120-0001", amount_fen=5850, work="换龙头"
        )
    assert first and again is None
    [row] = charges.owing(desk, unit.id)
    assert row.amount_fen == 5850 and row.item_name == "有偿维修费"


def test_standard_items_are_installed_once(estate):
    desk, _unit = estate
    with pytest.raises(DeskError):
        fee_items.install_standard_items(desk)  # a clerk may not
    login.login(desk, "lee", PASSWORD, "早班")
    added = {item.code for item in fee_items.install_standard_items(desk).value}
    assert {"water", "late_fee", "renovation_deposit"} <= added and "property" not in added
    assert fee_items.install_standard_items(desk).value == []


def test_check_finds_a_money_row_altered_behind_the_triggers(estate):
    desk, unit = estate
    ids = months(desk, unit, "2026-11")
    receipt = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value.receipt
    assert integrity.money_rows_check(desk.db).ok
    for table, change, words in [
        ("charges", f"UPDATE charges SET amount_fen = 100 WHERE id = {ids[0]}", "费用 #"),
        ("receipts", f"UPDATE receipts SET total_fen = 100 WHERE id = {receipt.id}", "收据 "),
    ]:
        desk.db.execute(f"DROP TRIGGER {table}_no_update")
        desk.db.execute(change)
        result = integrity.money_rows_check(desk.db)
        assert not result.ok and words in result.detail, table


def test_a_bulk_seal_covers_rows_and_breaks_when_they_change(estate):
    from desk_app.storage.ledger import money_check

    desk, unit = estate
    months(desk, unit, "2026-10", "2026-11")
    with desk.operation("billing_posted") as op:
        op.record("charges", None, seal={"charges": money_check.seal(op.db, "charges", 1, 2)})
    assert integrity.money_rows_check(desk.db).ok
    desk.db.execute("DROP TRIGGER charges_no_update")
    desk.db.execute("UPDATE charges SET description = 'x' WHERE id = 2")
    assert not integrity.money_rows_check(desk.db).ok
