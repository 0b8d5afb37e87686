"""Random sequences of ledger operations through the real services on a real database —
charges (some overdue), deposits, adjustments up and down, payments of chosen charges or of
an amount (late fees charged with them), voids, refunds, credit used, late fees waived, days
passing, month-end closes — over two units: afterwards ``open_charges`` (kept by triggers)
equals a full recomputation from ``charge_balances``, the arrears list it feeds equals the
same sums taken from the view, and the month-end ageing is the same both ways."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate as directory_estate
from desk_app.services.ledger import books, credit, fee_items, month_close
from desk_app.services.ledger import charges as ledger_charges
from desk_app.services.ledger import late_fees as ledger_late_fees
from desk_app.services.ledger import payments as ledger_payments
from desk_app.services.ledger import receipts as ledger_receipts
from desk_app.services.ledger import refunds as ledger_refunds
from desk_app.services.shifts import approvals, login, operators
from desk_app.storage.desk import integrity
from desk_app.storage.ledger import arrears as arrears_store
from desk_app.storage.ledger import month_close as close_store
from desk_app.storage.ledger import open_charges
from tests.builders.ledger import payment_estate
from tests.builders.staff import PASSWORD

UNIT = st.integers(0, 1)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("charge"), UNIT, st.integers(1, 300_000)),
        st.tuples(st.just("old_charge"), UNIT, st.integers(1, 120)),
        st.tuples(st.just("deposit"), UNIT, st.integers(1, 300_000)),
        st.tuples(st.just("adjust"), UNIT, st.integers(-50, 50)),
        st.tuples(st.just("pay_some"), UNIT, st.integers(0, 50)),
        st.tuples(st.just("pay"), UNIT, st.integers(1, 600_000)),
        st.tuples(st.just("void"), UNIT, st.integers(0, 50)),
        st.tuples(st.just("refund"), UNIT, st.integers(0, 50)),
        st.tuples(st.just("waive"), UNIT, st.integers(0, 50)),
        st.tuples(st.just("credit"), UNIT, st.just(0)),
        st.tuples(st.just("days"), UNIT, st.integers(1, 40)),
        st.tuples(st.just("close"), UNIT, st.just(0)),
    ),
    min_size=1,
    max_size=25,
)


def supervisor(desk: Desk, action: str = "主管批准") -> approvals.Approval:
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason="同意")


def run_step(desk, clock, unit_id, receipts, step, value) -> None:
    today = clock.now().date()
    owing = ledger_charges.owing(desk, unit_id)
    if step == "charge":
        ledger_charges.post_charge(
            desk, unit_id, "parking", due_on=today.isoformat(), amount=f"{value / 100:.2f}"
        )
    elif step == "old_charge":
        due = (today - timedelta(days=value)).isoformat()
        ledger_charges.post_charge(desk, unit_id, "parking", due_on=due)  # refused if closed
    elif step == "deposit":
        ledger_charges.post_charge(
            desk, unit_id, "deposit", due_on=today.isoformat(), amount=f"{value / 100:.2f}"
        )
    elif step == "adjust" and owing:
        target = owing[abs(value) % len(owing)]
        fen = value * 100 if value > 0 else -max(1, target.outstanding_fen * -value // 100)
        ledger_charges.adjust_charge(
            desk, target.charge_id, f"{fen / 100:.2f}", "更正", supervisor(desk, "调整已入账费用")
        )
    elif step == "pay_some" and owing:
        chosen = [row.charge_id for index, row in enumerate(owing) if (value >> index) % 2 == 0]
        receipts.append(
            ledger_payments.take_payment(
                desk, unit_id, method="微信", charge_ids=chosen or [owing[0].charge_id]
            ).value.receipt
        )
    elif step == "pay":
        receipts.append(
            ledger_payments.take_payment(
                desk,
                unit_id,
                method="现金",
                amount=f"{value / 100:.2f}",
                prepayment_confirmed=True,
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
        ledger_refunds.refund(
            desk,
            target.id,
            amount=f"{max(1, limit // (1 + value % 3)) / 100:.2f}",
            reason="退费测试",
            approval=supervisor(desk),
            charge_id=charge_id,
        )
    elif step == "waive":
        fees = ledger_late_fees.late_fees(desk, unit_id)
        if fees:
            fee = fees[value % len(fees)]
            ledger_late_fees.waive_late_fee(
                desk, fee.charge_id, "特殊原因", "财务同意", supervisor(desk)
            )
    elif step == "credit":
        credit.use_credit(desk, unit_id)
    elif step == "days":
        clock.advance(days=value)
    elif step == "close":
        month_close.close(desk, month_close.default_period(desk), supervisor(desk))


def from_the_view(db, on: str) -> list[tuple]:
    """What ``arrears.by_unit`` sums, taken straight from ``charge_balances``."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT unit_id, sum(amount_fen - paid_fen), min(due_on), count(*) "
            "FROM charge_balances WHERE kind IN ('charge', 'late_fee') AND due_on < ? "
            "AND amount_fen - paid_fen > 0 GROUP BY unit_id ORDER BY unit_id",
            [on],
        ).fetchall()
    ]


# Each way a balance moves, at least once, whatever the random draw.
@example([("charge", 0, 1000), ("pay_some", 0, 0), ("void", 0, 0)])
@example([("deposit", 1, 5000), ("pay_some", 1, 0), ("refund", 1, 0), ("void", 1, 0)])
@example([("old_charge", 0, 40), ("adjust", 0, -30), ("pay", 0, 60_000), ("charge", 0, 9_000)])
@example([("pay", 1, 20_000), ("charge", 1, 5_000), ("adjust", 1, 20), ("credit", 1, 0)])
@example([("old_charge", 0, 90), ("days", 0, 20), ("pay_some", 0, 0), ("waive", 0, 0)])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_open_charges_follow_every_operation(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("ledger") / "desk.sqlite3"
    clock = FixedClock(datetime(2026, 11, 20, 8, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        operators.create_operator(desk, "lee", "李主管", "supervisor", PASSWORD)
        operators.create_operator(desk, "zhang", "张丽", "clerk", PASSWORD)
        first = payment_estate(desk, late_fees=True)
        second = directory_estate.find_unit(desk, "3-1-101")
        login.login(desk, "lee", PASSWORD, "早班")
        fee_items.add_fee_item(desk, "deposit", "装修押金", "deposit", "笔")
        books.register_book(desk, 5001, 9999)
        login.login(desk, "zhang", PASSWORD, "早班")
        units = (first.id, second.id)
        receipts: list = []
        db = desk.db
        for step, which, value in steps:
            try:
                run_step(desk, clock, units[which], receipts, step, value)
                event(f"{step} done")
            except DeskError:
                event(f"{step} refused")
            # after every step, not only at the end: a later write to the same charge
            # would hide a write the triggers missed
            assert open_charges.differences(db) == open_charges.Differences(0, ())
        assert integrity.open_charges_check(db).ok

        today = clock.now().date()
        for on in (today, today + timedelta(days=45)):
            listed = [
                (row.unit_id, row.owed_fen, row.oldest_due_on, row.charge_count)
                for row in arrears_store.by_unit(db, on.isoformat())
            ]
            assert listed == from_the_view(db, on.isoformat())

        for back in (0, 10, 40, 75):
            through = today - timedelta(days=back)
            after = (through + timedelta(days=1)).isoformat()
            one, two, three = (str(through - timedelta(days=30 * k)) for k in (1, 2, 3))
            months_back = (one, two, three)
            since = close_store.arrears(db, through.isoformat(), after, months_back, way="since")
            history = close_store.arrears(
                db, through.isoformat(), after, months_back, way="history"
            )
            assert since == history
