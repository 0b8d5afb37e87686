"""Every paper form, printed from a generated estate through its own service, reads as the
desk's paper: no internal field name, id, Python value or bracket on it."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime

import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk
from desk_app.services.directory import archive_print
from desk_app.services.ledger import (
    arrears_print,
    billing,
    billing_print,
    cash_print,
    month_close_print,
    receipts_print,
)
from desk_app.services.repairs import orders_print
from desk_app.services.shifts import handover, login
from tests.builders.pdf import pdf_text

INTERNALS = re.compile(r"_fen|[\[\]{}]|\bNone\b|\bTrue\b|\bFalse\b|\b[A-Za-z]+_\w+|[A-Za-z]{3,}")
# Latin letters a form may carry: number prefixes are followed by digits and never match.
ALLOWED = {"PDF"}
# The seal (hex digits of the audit chain's head) is a code, not a word.
SEAL = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4} #\d+")


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    path = tmp_path_factory.mktemp("forms") / "estate.sqlite3"
    clock = FixedClock(datetime(2026, 11, 10, 9, 0, tzinfo=CHINA_TZ))
    with Desk.open(path, clock=clock) as desk:
        demo.generate(desk, DemoPlan(seed=5, units=40, years=1, until=date(2026, 11, 9)))
    desk = Desk.open(path, clock=clock)
    login.login(desk, "lihua", "desk123")
    yield desk
    login.logout(desk)
    desk.close()


def first(desk: Desk, sql: str) -> object:
    row = sqlite3.connect(desk.path).execute(sql).fetchone()
    assert row is not None, sql
    return row[0]


def _receipt(desk: Desk) -> bytes:
    return receipts_print.print_receipt(desk, first(desk, "SELECT max(id) FROM receipts")).value.pdf


def _void_receipt(desk: Desk) -> bytes:
    receipt_id = first(desk, "SELECT max(receipt_id) FROM receipt_voids")
    return receipts_print.print_receipt(desk, receipt_id).value.pdf


def _voucher(desk: Desk) -> bytes:
    return receipts_print.print_refund_voucher(
        desk, first(desk, "SELECT max(id) FROM refunds")
    ).value.pdf


def _billing_sheet(desk: Desk) -> bytes:
    sheet = billing.preview_sheet(desk, billing.preview(desk, "2026-12", items=["property"]))
    return billing_print.print_sheet(desk, sheet).value.pdf


def _arrears_notice(desk: Desk) -> bytes:
    unit_id = first(
        desk,
        "SELECT unit_id FROM charge_balances WHERE amount_fen > paid_fen "
        "AND kind = 'charge' ORDER BY due_on LIMIT 1",
    )
    return arrears_print.print_notice(desk, unit_id).value.pdf


def _cash_slip(desk: Desk) -> bytes:
    return cash_print.print_slip(desk, first(desk, "SELECT max(id) FROM cash_handovers")).value.pdf


def _month_close(desk: Desk) -> bytes:
    return month_close_print.report_pdf(desk, first(desk, "SELECT max(period) FROM period_closes"))


def _owner_archive(desk: Desk) -> bytes:
    unit_id = first(desk, "SELECT unit_id FROM occupancies WHERE ended_at IS NULL LIMIT 1")
    return archive_print.print_archive_sheet(desk, unit_id).value.pdf


def _work_order(desk: Desk) -> bytes:
    order_id = first(desk, "SELECT max(id) FROM repair_orders WHERE status = '已完工'")
    return orders_print.print_work_order(desk, order_id).value.pdf


def _dispatch_sheet(desk: Desk) -> bytes:
    day = first(desk, "SELECT substr(max(reported_at), 1, 10) FROM repair_orders")
    return orders_print.print_dispatch_sheet(desk, date.fromisoformat(day)).value.pdf


def _handover_report(desk: Desk) -> bytes:
    shift_id = first(
        desk, "SELECT created_shift FROM receipts GROUP BY created_shift ORDER BY count(*) DESC"
    )
    return handover.report_of(desk, shift_id).pdf


FORMS = {
    "receipt": _receipt,
    "receipt (void)": _void_receipt,
    "cash_payment_voucher": _voucher,
    "billing_sheet": _billing_sheet,
    "arrears_notice": _arrears_notice,
    "cash_handover_slip": _cash_slip,
    "month_close_report": _month_close,
    "owner_archive": _owner_archive,
    "repair_work_order": _work_order,
    "repair_dispatch_sheet": _dispatch_sheet,
    "handover_report": _handover_report,
}


@pytest.mark.parametrize("form", FORMS)
def test_a_printed_form_carries_no_internal_words(estate, form):
    text = SEAL.sub("", pdf_text(FORMS[form](estate)))
    assert len(text.strip()) > 50
    found = [word for word in INTERNALS.findall(text) if word not in ALLOWED]
    assert found == [], form
