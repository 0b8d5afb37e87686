"""A full disk during a payment: the INSERT that finds no room is refused with the Chinese
message, nothing of the payment is kept, and once there is room again the next payment
takes the next number of the book — no gap, nothing twice."""

from __future__ import annotations

import pytest

from desk_app.core.errors import DiskFull
from desk_app.services.ledger import payments
from tests.builders.ledger import fill_until_full, money_rows, receipt_estate


def test_a_full_disk_refuses_the_payment_and_keeps_the_numbering(staffed_desk):
    desk = staffed_desk
    unit = receipt_estate(desk)
    refused, last_kept = fill_until_full(desk, unit.id)
    assert refused.message == "磁盘已满，数据未保存。请清理磁盘空间后重试。"
    before = money_rows(desk)
    with pytest.raises(DiskFull):  # still no room: refused again, nothing kept
        payments.take_payment(desk, unit.id, method="微信", amount="25", prepayment_confirmed=True)
    assert money_rows(desk) == before
    assert not desk.db.conn.in_transaction

    desk.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    done = payments.take_payment(
        desk, unit.id, method="微信", amount="25", prepayment_confirmed=True
    )
    assert done.value.receipt.number == last_kept + 1  # the next number, no gap
    numbers = [r[0] for r in desk.db.execute("SELECT number FROM receipts ORDER BY number")]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
