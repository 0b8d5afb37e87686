"""Every paper form, printed from a generated estate through its own service, reads as the
desk's paper: no internal field name, id, Python value or bracket on it. And none of them,
nor any export, shows a full mobile number or ID number — except the repair work order's
caller phone while 工作单显示完整电话 is on (the technician has to call)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime

import openpyxl
import pytest

from desk_app.core.clock import CHINA_TZ, FixedClock
from desk_app.demo import generate as demo
from desk_app.demo.plan import DemoPlan
from desk_app.services.desk import Desk, settings
from desk_app.services.directory import archive_print, roster_export
from desk_app.services.keys import loans as key_loans
from desk_app.services.keys import printing as keys_print
from desk_app.services.keys import registry as key_registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import Depositor, KeySetInput
from desk_app.services.ledger import (
    arrears_export,
    arrears_print,
    billing,
    billing_excel,
    billing_print,
    cash_print,
    charges,
    month_close_export,
    month_close_print,
    payments,
    receipts_print,
)
from desk_app.services.repairs import orders_print
from desk_app.services.shifts import handover, login
from tests.builders.directory import FULL_ID, FULL_PHONE
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


def _short_receipt(desk: Desk) -> bytes:
    """A deposit paid on its own: one line of a short-form item (收据 今收到 …)."""
    unit_id = first(desk, "SELECT unit_id FROM occupancies WHERE ended_at IS NULL LIMIT 1")
    deposit = charges.post_charge(
        desk, unit_id, "renovation_deposit", due_on=desk.now_text()[:10], amount="2000"
    ).value
    paid = payments.take_payment(desk, unit_id, method="现金", charge_ids=[deposit.charge_id])
    pdf = receipts_print.print_receipt(desk, paid.value.receipt.id).value.pdf
    assert "今收到" in pdf_text(pdf)  # the short form indeed
    return pdf


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


def _key_set(desk: Desk) -> int:
    """A public key of the estate's first building, lent and partly returned today."""
    building = str(first(desk, "SELECT code FROM buildings ORDER BY id"))
    key = key_registry.create_set(desk, KeySetInput("公共区域", {"天台门": 2}, building=building))
    key_loans.lend(desk, key.value.id, LoanInput(Borrower(name="李四", kind="员工"), "巡查"))
    key_loans.return_keys(desk, key.value.id, {"天台门": 1})
    return key.value.id


def _key_register(desk: Desk) -> bytes:
    _key_set(desk)
    day = desk.clock.now().date()
    return keys_print.print_register(desk, day, day).value.pdf


def _key_slip(desk: Desk) -> bytes:
    """An agent with a full ID number deposits an owner's keys: the slip masks both."""
    unit_id, person_id, unit = (
        sqlite3.connect(desk.path)
        .execute(
            "SELECT o.unit_id, o.person_id, u.code FROM occupancies o JOIN units u ON u.id = o.unit_id "
            "WHERE o.ended_at IS NULL AND o.role = 'owner' LIMIT 1"
        )
        .fetchone()
    )
    key = key_registry.create_set(desk, KeySetInput("业主代管", unit=unit)).value
    key_registry.deposit(
        desk,
        key.id,
        {"防盗铁门": 2, "信报箱": 1},
        Depositor(person_id, "王五", "110101199003074514", power_of_attorney=True),
    )
    return keys_print.print_slip(desk, key_registry.history(desk, key.id)[-1].id).value.pdf


def _key_labels(desk: Desk) -> bytes:
    for _ in range(4):
        _key_set(desk)
    return keys_print.labels_pdf(desk, keys_print.label_codes(desk))


FORMS = {
    "receipt": _receipt,
    "receipt (void)": _void_receipt,
    "receipt_short": _short_receipt,
    "cash_payment_voucher": _voucher,
    "billing_sheet": _billing_sheet,
    "arrears_notice": _arrears_notice,
    "cash_handover_slip": _cash_slip,
    "month_close_report": _month_close,
    "owner_archive": _owner_archive,
    "repair_work_order": _work_order,
    "repair_dispatch_sheet": _dispatch_sheet,
    "handover_report": _handover_report,
    "key_loan_register": _key_register,
    "key labels": _key_labels,
    "key_deposit_slip": _key_slip,
}


@pytest.mark.parametrize("form", FORMS)
def test_a_printed_form_carries_no_internal_words(estate, form):
    text = SEAL.sub("", pdf_text(FORMS[form](estate)))
    assert len(text.strip()) > 50
    found = [word for word in INTERNALS.findall(text) if word not in ALLOWED]
    assert found == [], form


# --- privacy: masked on every printout and export ------------------------------------------------

WORK_ORDER_PHONE = "repairs.work_order_full_phone"


def _workbook_text(path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def _billing_export(desk: Desk, path) -> None:
    sheet = billing.preview_sheet(desk, billing.preview(desk, "2026-12", items=["property"]))
    billing_excel.export_sheet(desk, sheet, path)


def _readings_template(desk: Desk, path) -> None:
    building = first(desk, "SELECT b.code FROM buildings b ORDER BY b.id")
    billing_excel.write_readings_template(
        desk, path, period="2026-12", item_code="water", building=str(building)
    )


def _arrears_export(desk: Desk, path) -> None:
    arrears_export.export_arrears(desk, path)


def _month_close_export(desk: Desk, path) -> None:
    period = first(desk, "SELECT max(period) FROM period_closes")
    month_close_export.export_report(desk, str(period), path)


def _roster_export(desk: Desk, path) -> None:
    roster_export.export_roster(desk, path)


EXPORTS = {
    "billing_sheet": _billing_export,
    "readings_template": _readings_template,
    "arrears": _arrears_export,
    "month_close": _month_close_export,
    "roster": _roster_export,
}


def unmasked(text: str) -> list[str]:
    return FULL_PHONE.findall(text) + FULL_ID.findall(text)


@pytest.mark.parametrize("form", [name for name in FORMS if name != "repair_work_order"])
def test_no_printed_form_shows_a_full_phone_or_id_number(estate, form):
    assert unmasked(pdf_text(FORMS[form](estate))) == [], form


@pytest.mark.parametrize("export", EXPORTS)
def test_no_export_shows_a_full_phone_or_id_number(estate, export, tmp_path):
    path = tmp_path / f"{export}.xlsx"
    EXPORTS[export](estate, path)
    text = _workbook_text(path)
    assert len(text) > 50
    assert unmasked(text) == [], export


def test_the_work_order_shows_the_full_phone_only_while_its_setting_is_on(estate):
    order_id = first(
        estate,
        "SELECT max(id) FROM repair_orders WHERE status = '已完工' "
        "AND phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'",
    )
    phone = first(estate, f"SELECT phone FROM repair_orders WHERE id = {order_id}")
    assert settings.get(estate, WORK_ORDER_PHONE) is True  # the default
    shown = pdf_text(orders_print.print_work_order(estate, order_id).value.pdf)
    assert FULL_PHONE.findall(shown) == [phone] and not FULL_ID.search(shown)
    settings.update(estate, {WORK_ORDER_PHONE: False})
    try:
        masked = pdf_text(orders_print.print_work_order(estate, order_id).value.pdf)
    finally:
        settings.update(estate, {WORK_ORDER_PHONE: True})
    assert unmasked(masked) == []
    assert f"{phone[:3]}****{phone[-4:]}" in masked
