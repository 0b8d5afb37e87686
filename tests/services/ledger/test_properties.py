"""Random sequences of charge / deposit / pay / partial pay / void / refund / waive /
use credit / days passing / month-end close, on a real database: every money column is
an integer, charges − payments + voids + refunds = what the unit owes less its credit,
receipt numbers run without a gap or a duplicate, nothing dated in a closed period
changes, and the audit chain and `desk-app check`'s money comparison hold. And: close a
month, then try every dated write of the desk dated in it, in any order, on any day of it:
every one is refused with the domain's error and writes nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.errors import ClosedPeriod, DeskError
from desk_app.services.desk import Desk
from desk_app.services.ledger import books, credit, fee_items, month_close
from desk_app.services.ledger import charges as ledger_charges
from desk_app.services.ledger import late_fees as ledger_late_fees
from desk_app.services.ledger import payments as ledger_payments
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.ledger import refunds as ledger_refunds
from desk_app.services.shifts import approvals, login, operators
from desk_app.storage import audit
from desk_app.storage.desk import integrity
from tests.builders import witness
from tests.builders.closed_months import DATED_WRITES, closed_day, closed_estate, row_counts
from tests.builders.ledger import payment_estate as setup_estate
from tests.builders.staff import PASSWORD, staff

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("charge"), st.integers(1, 500_000)),
        st.tuples(st.just("old_charge"), st.integers(1, 60)),
        st.tuples(st.just("deposit"), st.integers(1, 500_000)),
        st.tuples(st.just("pay_all"), st.just(0)),
        st.tuples(st.just("pay"), st.integers(1, 600_000)),
        st.tuples(st.just("void"), st.integers(0, 50)),
        st.tuples(st.just("refund"), st.integers(0, 50)),
        st.tuples(st.just("waive"), st.integers(0, 50)),
        st.tuples(st.just("credit"), st.just(0)),
        st.tuples(st.just("days"), st.integers(1, 25)),
        st.tuples(st.just("close"), st.just(0)),
    ),
    min_size=1,
    max_size=30,
)

MONEY_COLUMNS = [
    ("charges", "amount_fen"),
    ("receipts", "total_fen"),
    ("receipt_lines", "amount_fen"),
    ("credit_uses", "amount_fen"),
    ("refunds", "amount_fen"),
    ("period_closes", "charges_fen"),
    ("period_closes", "received_fen"),
    ("period_closes", "arrears_fen"),
]


def supervisor(desk: Desk) -> approvals.Approval:
    return approvals.verify_approval(desk, "lee", PASSWORD, action="主管批准", reason="同意")


def closed_snapshot(desk: Desk, through: str) -> tuple:
    """Everything dated on or before ``through``, as it stands."""
    db = desk.db
    return (
        db.execute("SELECT * FROM charges WHERE due_on <= ? ORDER BY id", [through]).fetchall(),
        db.execute(
            "SELECT r.*, v.voided_at, (SELECT group_concat(amount_fen) FROM receipt_lines "
            "WHERE receipt_id = r.id) FROM receipts r LEFT JOIN receipt_voids v "
            "ON v.receipt_id = r.id WHERE substr(r.issued_at, 1, 10) <= ? ORDER BY r.id",
            [through],
        ).fetchall(),
        db.execute(
            "SELECT * FROM refunds WHERE substr(refunded_at, 1, 10) <= ?", [through]
        ).fetchall(),
        db.execute(
            "SELECT * FROM credit_uses WHERE substr(used_at, 1, 10) <= ?", [through]
        ).fetchall(),
    )


def run_step(desk, clock, unit, receipts, closed, step, value) -> None:
    today = clock.now().date()
    if step == "charge":
        ledger_charges.post_charge(
            desk, unit.id, "parking", due_on=today.isoformat(), amount=f"{value / 100:.2f}"
        )
    elif step == "old_charge":
        due = date.fromordinal(today.toordinal() - value).isoformat()
        ledger_charges.post_charge(desk, unit.id, "parking", due_on=due)  # refused if closed
    elif step == "deposit":
        charge = ledger_charges.post_charge(
            desk, unit.id, "deposit", due_on=today.isoformat(), amount=f"{value / 100:.2f}"
        ).value
        receipts.append(
            ledger_payments.take_payment(
                desk, unit.id, method="现金", charge_ids=[charge.charge_id]
            ).value.receipt
        )
    elif step == "pay_all":
        ids = [r.charge_id for r in ledger_charges.owing(desk, unit.id)]
        receipts.append(
            ledger_payments.take_payment(desk, unit.id, method="微信", charge_ids=ids).value.receipt
        )
    elif step == "pay":
        receipts.append(
            ledger_payments.take_payment(
                desk, unit.id, method="现金", amount=f"{value / 100:.2f}"
            ).value.receipt
        )
    elif step == "void" and receipts:
        target = receipts[value % len(receipts)]
        ledger_receipts.void_receipt(desk, target.id, "测试作废", supervisor(desk))
    elif step == "refund" and receipts:
        target = receipts[value % len(receipts)]
        deposits = ledger_refunds.deposits_of_receipt(desk, target.id)
        charge_id = deposits[0].charge_id if deposits else None
        limit = ledger_refunds.refundable(desk, target.id, charge_id)
        amount = max(1, limit // (1 + value % 3))
        ledger_refunds.refund(
            desk,
            target.id,
            amount=f"{amount / 100:.2f}",
            reason="退费测试",
            approval=supervisor(desk),
            charge_id=charge_id,
        )
    elif step == "waive":
        fees = ledger_late_fees.late_fees(desk, unit.id)
        if fees:
            fee = fees[value % len(fees)]
            ledger_late_fees.waive_late_fee(
                desk, fee.charge_id, "特殊原因", "财务同意", supervisor(desk)
            )
    elif step == "credit":
        credit.use_credit(desk, unit.id)
    elif step == "days":
        clock.advance(days=value)
    elif step == "close":
        period = month_close.default_period(desk)
        row = month_close.close(desk, period, supervisor(desk)).value
        closed.append((row.through_on, closed_snapshot(desk, row.through_on)))


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_random_sequences_keep_the_books_exact_and_closed_months_fixed(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("ledger") / "desk.sqlite3"
    clock = FixedClock(datetime(2026, 11, 20, 8, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        unit = setup_estate(desk, late_fees=True)
        login.login(desk, "lee", PASSWORD, "早班")
        fee_items.add_fee_item(desk, "deposit", "装修押金", "deposit", "笔")
        books.register_book(desk, 5001, 9999)
        login.login(desk, "zhang", PASSWORD, "早班")
        receipts: list = []
        closed: list = []
        for step, value in steps:
            try:
                run_step(desk, clock, unit, receipts, closed, step, value)
                event(f"{step} done")
            except DeskError:
                event(
                    f"{step} refused"
                )  # a refused operation must leave everything as it was (checked below)

        db = desk.db
        for table, column in MONEY_COLUMNS:
            assert (
                db.execute(
                    f"SELECT count(*) FROM {table} WHERE typeof({column}) <> 'integer'"
                ).fetchone()[0]
                == 0
            )

        def total(sql: str) -> int:
            return int(db.execute(sql).fetchone()[0])

        charges = total("SELECT coalesce(sum(amount_fen), 0) FROM charges")
        payments = total("SELECT coalesce(sum(total_fen), 0) FROM receipts")
        voids = total(
            "SELECT coalesce(sum(total_fen), 0) FROM receipts "
            "WHERE id IN (SELECT receipt_id FROM receipt_voids)"
        )
        refunds = total("SELECT coalesce(sum(amount_fen), 0) FROM refunds")
        owed = ledger_charges.balance(desk, unit.id) - ledger_charges.credit(desk, unit.id)
        assert charges - payments + voids + refunds == owed
        assert ledger_charges.credit(desk, unit.id) >= 0
        assert all(r.outstanding_fen > 0 for r in ledger_charges.owing(desk, unit.id))

        per_book = db.execute(
            "SELECT book_id, group_concat(number) FROM (SELECT book_id, number FROM receipts "
            "ORDER BY book_id, number) GROUP BY book_id"
        ).fetchall()
        for _book, numbers_text in per_book:
            numbers = [int(n) for n in numbers_text.split(",")]
            assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
            assert numbers[0] in (1001, 2001, 5001)

        for through, snapshot in closed:
            assert closed_snapshot(desk, through) == snapshot
        assert audit.verify_chain(db).ok
        assert integrity.money_rows_check(db).ok


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(list(DATED_WRITES)),
    offset=st.integers(0, 40),
    minutes=st.integers(0, 359),  # after the close at 18:00, still on the close day
)
def test_after_a_close_every_write_dated_in_the_closed_month_is_refused(
    tmp_path_factory, order, offset, minutes
):
    path = tmp_path_factory.mktemp("closed") / "desk.sqlite3"
    clock = FixedClock(datetime(2026, 8, 1, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        witness.watch(desk)
        staff(desk)
        estate = closed_estate(desk, clock)
        clock.advance(minutes=minutes)
        day = closed_day(offset)
        before = row_counts(desk)
        for name in order:
            dated_by, write = DATED_WRITES[name]
            try:
                write(desk, estate, day)
            except DeskError as error:  # any other exception fails the test as it is
                event(f"{name}: {type(error).__name__}")
                assert isinstance(error, ClosedPeriod), (name, error.message)
                assert error.message.startswith("2026-11 已月结，不能再"), error.message
            else:
                raise AssertionError(f"{name} dated {day} was written in the closed month")
            assert row_counts(desk) == before, name
        assert audit.verify_chain(desk.db).ok
        assert integrity.money_rows_check(desk.db).ok
