"""Logging in opens a shift; handover closes it with a printed, archived report."""

from __future__ import annotations

import re

import pytest

from desk_app.core.errors import AuthenticationError, ValidationError
from desk_app.services.desk import documents, maintenance, settings
from desk_app.services.shifts import handover, login
from desk_app.storage import audit
from desk_app.storage.shifts import shifts as shifts_store
from tests.builders.pdf import pdf_pages as pdf_pages_of
from tests.builders.pdf import pdf_text
from tests.builders.staff import PASSWORD, hand_over_to_chen


def test_login_opens_a_shift_and_writes_carry_it(staffed_desk):
    shift = staffed_desk.shift
    assert shift.name == "早班"
    row = login.current_shift(staffed_desk)
    assert row.id == shift.id and row.operator_name == "张丽"
    entries = audit.entries_for_shift(staffed_desk.db, shift.id)
    assert entries[0].operation == "shift_opened"
    assert all(e.operator_id == staffed_desk.operator.id for e in entries)


def test_same_operator_resumes_other_operator_closes_unattended(staffed_desk, clock):
    first = staffed_desk.shift
    assert login.login(staffed_desk, "zhang", PASSWORD).value.id == first.id
    clock.advance(hours=1)
    other = login.login(staffed_desk, "chen", PASSWORD, "中班").value
    assert other.id != first.id
    closed = shifts_store.get(staffed_desk.db, first.id)
    assert closed.status == "closed_unattended" and "陈静" in closed.note


def test_unknown_shift_name_is_refused(staffed_desk):
    with pytest.raises(ValidationError, match="班次"):
        login.login(staffed_desk, "chen", PASSWORD, "夜班")


def test_handover_closes_opens_prints_archives_and_backs_up(staffed_desk, clock, tmp_path):
    old = staffed_desk.shift
    result = hand_over_to_chen(staffed_desk, clock).value
    closed = shifts_store.get(staffed_desk.db, old.id)
    assert closed.status == "handed_over"
    assert closed.incoming_operator_name == "陈静"
    assert closed.handover_document_id == result.document_id
    assert staffed_desk.operator.username == "chen"
    assert staffed_desk.shift.id == closed.next_shift_id == result.new_shift.id
    assert documents.pdf_of(staffed_desk, result.document_id) == result.pdf
    assert result.backup_path and result.backup_path.exists() and result.backup_error is None
    text = pdf_text(result.pdf)
    for expected in (
        "交接班",
        "张丽",
        "陈静",
        "早班",
        "开班",
        "交班",
        settings.get(staffed_desk, "estate.name"),
    ):
        assert expected in text
    assert all(r.ok for r in maintenance.check_database(staffed_desk.path))


def test_handover_needs_both_passwords_and_two_people(staffed_desk):
    old = staffed_desk.shift
    with pytest.raises(AuthenticationError):
        handover.handover(
            staffed_desk,
            incoming_username="chen",
            incoming_password="wrong-pw",
            outgoing_password=PASSWORD,
        )
    with pytest.raises(AuthenticationError):
        handover.handover(
            staffed_desk,
            incoming_username="chen",
            incoming_password=PASSWORD,
            outgoing_password="wrong-pw",
        )
    with pytest.raises(ValidationError, match="本人"):
        handover.handover(
            staffed_desk,
            incoming_username="zhang",
            incoming_password=PASSWORD,
            outgoing_password=PASSWORD,
        )
    assert login.current_shift(staffed_desk).id == old.id
    assert staffed_desk.shift == old


def test_failed_report_leaves_the_shift_open(staffed_desk, monkeypatch):
    import desk_app.printing.render as render

    old = staffed_desk.shift

    def broken(*_args, **_kwargs):
        raise OSError("printer spooler exploded")

    monkeypatch.setattr(render, "render_form", broken)
    with pytest.raises(OSError):
        handover.handover(
            staffed_desk,
            incoming_username="chen",
            incoming_password=PASSWORD,
            outgoing_password=PASSWORD,
        )
    row = login.current_shift(staffed_desk)
    assert row.id == old.id and row.status == "open"
    assert staffed_desk.operator.username == "zhang"
    assert not audit.entries_for_record(staffed_desk.db, "shifts", str(old.id + 1))


def test_day_close_logs_out_and_keeps_the_report(staffed_desk):
    old = staffed_desk.shift
    result = handover.close_day(staffed_desk, password=PASSWORD).value
    assert login.current_shift(staffed_desk) is None
    assert staffed_desk.operator is None
    assert shifts_store.get(staffed_desk.db, old.id).status == "day_closed"
    assert documents.pdf_of(staffed_desk, result.document_id).startswith(b"%PDF")


def test_handover_report_shows_the_shifts_money(staffed_desk, clock, tmp_path):
    from desk_app.services.ledger import charges, payments
    from tests.builders.ledger import cash_estate as ledger_estate

    unit, _other = ledger_estate(staffed_desk)
    charges.post_charge(staffed_desk, unit.id, "parking", due_on="2026-11-15", amount="150")
    payments.take_payment(staffed_desk, unit.id, method="现金", amount="150")
    clock.advance(hours=4)
    result = handover.handover(
        staffed_desk,
        incoming_username="chen",
        incoming_password=PASSWORD,
        outgoing_password=PASSWORD,
    ).value
    text = pdf_text(result.pdf)
    squashed = "".join(text.split())
    for expected in ("四、本班收款", "现金", "0001001", "车位管理费", "抽屉现金应为￥150.00"):
        assert expected in squashed, expected
    assert "收款1收据0001001（1张），合计￥150.00" in squashed  # the summary of the shift
    # the next shift took nothing in, but the cash still waits to go to finance
    quiet = handover.handover_report_data(staffed_desk, staffed_desk.shift.id)
    assert quiet["money_receipts"] == "本班未开收据"
    assert quiet["money_pending"].startswith("抽屉现金应为 ¥150.00")


def test_the_report_sums_up_what_the_shift_did(staffed_desk, clock):
    from desk_app.services.reception import entries as reception
    from desk_app.services.reception.entries import NewEntry
    from desk_app.services.repairs import orders as repairs
    from desk_app.services.repairs import setup as repair_setup
    from tests.builders.repairs import reception_estate

    desk = reception_estate(staffed_desk)
    call = reception.record(
        desk, NewEntry(channel="来电", category="报修", content="灯不亮", unit="3-2-501")
    ).value
    reception.record(
        desk,
        NewEntry(
            channel="来访", category="投诉", content="噪音", unit="3-2-501", department="秩序维护部"
        ),
    )
    reception.record(desk, NewEntry(channel="来电", category="咨询", content="停车", result="已答"))
    [technician] = repair_setup.technicians(desk)
    repairs.dispatch(desk, call.order.id, technician.id)
    data = handover.handover_report_data(desk, desk.shift.id)
    rows = {row["kind"]: row for row in data["summary"]}
    assert rows["来电来访登记"] == {
        "kind": "来电来访登记",
        "count": "3",
        "detail": "来电 2、来访 1；咨询 1、报修 1、投诉 1",
    }
    assert rows["维修工单"] == {"kind": "维修工单", "count": "1", "detail": "登记 1、派工 1"}
    assert "收款" not in rows  # no money moved: no line for it
    assert "events" not in data


PRINTED_INTERNALS = re.compile(r"_fen|\[|\{|\bNone\b|\bTrue\b|\bFalse\b|[a-z]+_[a-z_]+")


def test_the_printed_report_has_no_internal_words(staffed_desk, clock):
    from tests.builders.ledger import busy_shift, cash_estate

    a, b = cash_estate(staffed_desk)
    busy_shift(staffed_desk, a, b)
    result = hand_over_to_chen(staffed_desk, clock).value
    text = pdf_text(result.pdf)
    assert PRINTED_INTERNALS.findall(text) == []
    assert len(pdf_pages_of(result.pdf)) == 1  # a typical shift fits one page
