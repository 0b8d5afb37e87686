"""The fee ledger on a real database: rates by date, charges, gapless receipts, voids
with approval, credit, adjustments; property test over random sequences of operations."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.core.errors import DeskError, PermissionDenied, ValidationError
from desk_app.services.ledger import books, charges, credit, payments, rates
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from desk_app.storage.desk import integrity
from tests.builders.ledger import months, payment_estate, void_approval
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    unit = payment_estate(staffed_desk)
    return staffed_desk, unit


def test_property_fee_from_area_and_the_rate_in_force(estate):
    desk, unit = estate
    [first] = months(desk, unit, "2026-10")
    assert charges.owing(desk, unit.id)[0].amount_fen == 23828  # 128.80 × 1.85
    login.login(desk, "lee", PASSWORD, "早班")
    rates.set_rate(desk, "property", "2.10", effective_from="2026-11-01")
    login.login(desk, "zhang", PASSWORD, "早班")
    months(desk, unit, "2026-11")
    amounts = [row.amount_fen for row in charges.owing(desk, unit.id)]
    assert amounts == [23828, 27048]  # the October charge keeps its rate
    with pytest.raises(ValidationError, match="已经计费"):
        months(desk, unit, "2026-10")
    assert charges.owing(desk, unit.id)[0].charge_id == first


def test_payment_for_three_charges_takes_the_next_receipt_number(estate, clock):
    desk, unit = estate
    ids = months(desk, unit, "2026-08", "2026-09", "2026-10")
    payment = payments.take_payment(
        desk, unit.id, method="现金", charge_ids=ids, tendered="800"
    ).value
    assert payment.receipt.number == 1001 and payment.receipt.number_text == "0001001"
    assert payment.receipt.total_fen == 3 * 23828 and payment.change_fen == 80000 - 71484
    assert payment.receipt.customer == "3栋2单元501 张三"
    assert [line.amount_fen for line in payment.lines] == [23828] * 3
    assert charges.balance(desk, unit.id) == 0 and charges.owing(desk, unit.id) == []

    voided = ledger_receipts.void_receipt(
        desk, payment.receipt.id, "写错金额", void_approval(desk)
    ).value
    assert voided.void and voided.number == 1001
    assert charges.balance(desk, unit.id) == 3 * 23828  # owed again
    again = payments.take_payment(desk, unit.id, method="微信", charge_ids=ids).value
    assert again.receipt.number == 1002
    numbers = [(r.number, r.void) for r in ledger_receipts.receipts_of_unit(desk, unit.id)]
    assert sorted(numbers) == [(1001, True), (1002, False)]
    operations = [
        e.operation for e in audit.entries_for_record(desk.db, "receipts", str(voided.id))
    ]
    assert operations == ["payment_received", "approval_granted", "receipt_voided"]


def test_partial_payment_oldest_first_and_credit(estate):
    desk, unit = estate
    months(desk, unit, "2026-09", "2026-10")
    payments.take_payment(desk, unit.id, method="支付宝", amount="300")
    rows = charges.owing(desk, unit.id)
    assert [(r.period, r.outstanding_fen) for r in rows] == [("2026-10", 2 * 23828 - 30000)]
    payments.take_payment(desk, unit.id, method="转账", amount="500")
    assert charges.balance(desk, unit.id) == 0
    assert charges.credit(desk, unit.id) == 80000 - 2 * 23828
    months(desk, unit, "2026-11")
    assert credit.use_credit(desk, unit.id).value == 23828
    assert charges.balance(desk, unit.id) == 0
    assert charges.credit(desk, unit.id) == 80000 - 3 * 23828


def test_bad_payments_write_nothing(estate):
    desk, unit = estate
    ids = months(desk, unit, "2026-10")
    before = audit.count(desk.db)
    for kwargs, field in [
        ({"method": "支票", "charge_ids": ids}, "method"),
        ({"method": "现金", "amount": "abc"}, "amount"),
        ({"method": "现金", "amount": "0"}, "amount"),
        ({"method": "现金", "charge_ids": ids, "tendered": "100"}, "tendered"),
        ({"method": "现金", "charge_ids": [9999]}, "charges"),
    ]:
        with pytest.raises(DeskError) as caught:
            payments.take_payment(desk, unit.id, **kwargs)
        assert caught.value.field == field
    assert audit.count(desk.db) == before
    assert books.books(desk)[0].last_used is None


def test_void_needs_a_reason_and_a_supervisor_and_happens_once(estate):
    desk, unit = estate
    ids = months(desk, unit, "2026-10")
    payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value
    with pytest.raises(ValidationError, match="作废原因"):
        ledger_receipts.void_receipt(desk, payment.receipt.id, " ", void_approval(desk))
    with pytest.raises(PermissionDenied):
        approvals.verify_approval(desk, "chen", PASSWORD, action="作废收据", reason="x")
    ledger_receipts.void_receipt(desk, payment.receipt.id, "重复收款", void_approval(desk))
    with pytest.raises(ValidationError, match="已作废"):
        ledger_receipts.void_receipt(desk, payment.receipt.id, "again", void_approval(desk))


def test_books_run_out_and_do_not_overlap(estate):
    desk, unit = estate
    login.login(desk, "lee", PASSWORD, "早班")
    with pytest.raises(ValidationError, match="重叠"):
        books.register_book(desk, 1040, 1100)
    books.register_book(desk, 2001, 2002)
    login.login(desk, "zhang", PASSWORD, "早班")
    with pytest.raises(PermissionDenied):
        books.register_book(desk, 3001, 3010)
    numbers = []
    for _ in range(52):
        charges.post_charge(desk, unit.id, "parking", due_on="2026-10-25")
        numbers.append(
            payments.take_payment(desk, unit.id, method="现金", amount="150").value.receipt.number
        )
    assert numbers == [*range(1001, 1051), 2001, 2002]
    charges.post_charge(desk, unit.id, "parking", due_on="2026-10-25")
    with pytest.raises(ValidationError, match="收据本"):
        payments.take_payment(desk, unit.id, method="现金", amount="150")


def test_adjustment_is_a_new_row_and_money_rows_are_append_only(estate):
    desk, unit = estate
    [charge] = months(desk, unit, "2026-10")
    with pytest.raises(PermissionDenied):
        charges.adjust_charge(desk, charge, "-28.28", "面积更正")
    login.login(desk, "lee", PASSWORD, "早班")
    charges.adjust_charge(desk, charge, "-28.28", "面积更正")
    assert charges.balance(desk, unit.id) == 23828 - 2828
    with pytest.raises(ValidationError, match="调整后"):
        charges.adjust_charge(desk, charge, "-300", "x")
    login.login(desk, "zhang", PASSWORD, "早班")
    payment = payments.take_payment(desk, unit.id, method="现金", amount="300").value
    ledger_receipts.void_receipt(desk, payment.receipt.id, "测试", void_approval(desk))
    for table in ("charges", "receipts", "receipt_lines", "receipt_voids", "fee_rates"):
        with pytest.raises(Exception, match="append-only"):
            desk.db.execute(f"DELETE FROM {table}")
    assert integrity.append_only_guard_check(desk.db).ok


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("charge"), st.integers(1, 500_000)),
        st.tuples(st.just("pay_all"), st.just(0)),
        st.tuples(st.just("pay"), st.integers(1, 600_000)),
        st.tuples(st.just("void"), st.integers(0, 50)),
        st.tuples(st.just("credit"), st.just(0)),
    ),
    min_size=1,
    max_size=25,
)


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPERATIONS)
def test_random_sequences_keep_the_books_exact(tmp_path_factory, clock, operations):
    from desk_app.services.desk import Desk
    from desk_app.services.shifts import operators

    path = tmp_path_factory.mktemp("ledger") / "desk.sqlite3"
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        unit = payment_estate(desk)
        charged = paid = 0
        receipts = []
        for step, value in operations:
            try:
                if step == "charge":
                    charges.post_charge(
                        desk, unit.id, "parking", due_on="2026-10-25", amount=f"{value / 100:.2f}"
                    )
                elif step == "pay_all":
                    ids = [r.charge_id for r in charges.owing(desk, unit.id)]
                    receipts.append(
                        payments.take_payment(
                            desk, unit.id, method="现金", charge_ids=ids
                        ).value.receipt
                    )
                elif step == "pay":
                    receipts.append(
                        payments.take_payment(
                            desk, unit.id, method="现金", amount=f"{value / 100:.2f}"
                        ).value.receipt
                    )
                elif step == "void" and receipts:
                    target = receipts[value % len(receipts)]
                    ledger_receipts.void_receipt(desk, target.id, "测试作废", void_approval(desk))
                elif step == "credit":
                    credit.use_credit(desk, unit.id)
            except ValidationError:
                pass  # refused operations must leave everything as it was (checked below)
        db = desk.db
        charged = db.execute("SELECT coalesce(sum(amount_fen), 0) FROM charges").fetchone()[0]
        paid = db.execute(
            "SELECT coalesce(sum(l.amount_fen), 0) FROM receipt_lines l JOIN receipts r "
            "ON r.id = l.receipt_id WHERE l.charge_id IS NOT NULL AND r.id NOT IN "
            "(SELECT receipt_id FROM receipt_voids)"
        ).fetchone()[0]
        used = db.execute("SELECT coalesce(sum(amount_fen), 0) FROM credit_uses").fetchone()[0]
        assert charges.balance(desk, unit.id) == charged - paid - used
        assert charges.credit(desk, unit.id) >= 0
        assert all(r.outstanding_fen >= 0 for r in charges.owing(desk, unit.id))
        for table, column in [
            ("charges", "amount_fen"),
            ("receipts", "total_fen"),
            ("receipt_lines", "amount_fen"),
            ("credit_uses", "amount_fen"),
        ]:
            assert (
                db.execute(
                    f"SELECT count(*) FROM {table} WHERE typeof({column}) <> 'integer'"
                ).fetchone()[0]
                == 0
            )
        totals = db.execute(
            "SELECT r.total_fen, (SELECT sum(amount_fen) FROM receipt_lines WHERE receipt_id = r.id) "
            "FROM receipts r"
        ).fetchall()
        assert all(total == lines for total, lines in totals)
        numbers = [r[0] for r in db.execute("SELECT number FROM receipts ORDER BY number")]
        assert numbers == list(range(1001, 1001 + len(numbers)))
        assert audit.verify_chain(db).ok
