"""核对钥匙 at the handover: the incoming clerk's count of the key sets on their hooks,
recorded with the handover and printed on its report, beside the keys still out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.services.desk import documents
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.shifts import login
from desk_app.storage import audit
from desk_app.ui.shifts.handover import HandoverDialog
from tests.builders.keys import keys_estate
from tests.builders.pdf import squash
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog, type_text


def _counts(desk) -> list[tuple]:
    return desk.db.execute(
        "SELECT expected, counted, note, created_by, created_shift FROM key_movements "
        "WHERE kind = '核对' ORDER BY id"
    ).fetchall()


def _fill(qtbot, dialog, *, counted: str, note: str, outgoing: str = PASSWORD) -> None:
    qtbot.keyClicks(dialog.incoming_username, "chen")
    qtbot.keyClicks(dialog.incoming_password, PASSWORD)
    qtbot.keyClicks(dialog.keys_counted, counted)
    type_text(qtbot, dialog.keys_note, note)
    qtbot.keyClicks(dialog.outgoing_password, outgoing)


def _estate_with_a_key_out(staffed_desk):
    desk = keys_estate(staffed_desk)
    out = registry.create_set(desk, KeySetInput("公共区域", {"天台门": 2}, building="3")).value
    for floor in ("1", "2"):
        registry.create_set(
            desk, KeySetInput("公共区域", {"管道井门": 1}, building="3", floor=floor)
        )
    loans.lend(desk, out.id, LoanInput(Borrower(name="李四", kind="员工"), "天台巡查"))
    return desk, out


def test_the_incoming_clerks_count_is_recorded_and_printed_with_the_keys_out(
    staffed_desk, qtbot, hub, pdf_pages
):
    desk, out = _estate_with_a_key_out(staffed_desk)
    old_shift = desk.shift
    dialog = open_dialog(qtbot, HandoverDialog(desk, hub))
    assert dialog.keys_counted.isVisibleTo(dialog)
    assert "2" in dialog.keys_expected_label.text()  # two sets should be on the hooks

    # a wrong password: nothing is counted, nothing handed over
    _fill(qtbot, dialog, counted="1", note="K0000003 不在钩上，已报主管", outgoing="not-mine")
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "交班人密码不正确。"
    assert _counts(desk) == [] and desk.shift == old_shift

    # a difference without a note is refused at the note
    dialog.outgoing_password.setText(PASSWORD)
    dialog.keys_note.clear()
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "应在柜 2 套，清点 1 套，请说明差异。"
    assert QApplication.focusWidget() is dialog.keys_note
    assert _counts(desk) == [] and desk.shift == old_shift
    assert dialog.isVisible()

    type_text(qtbot, dialog.keys_note, "K0000003 不在钩上，已报主管")
    qtbot.keyClick(dialog.keys_note, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error_text()

    chen = desk.operator
    assert chen.username == "chen" and desk.shift.id != old_shift.id
    [(expected, counted, note, by, shift)] = _counts(desk)
    assert (expected, counted, note) == (2, 1, "K0000003 不在钩上，已报主管")
    assert (
        by == chen.id and shift == old_shift.id
    )  # counted by the incoming clerk, at that handover
    [entry] = [
        e for e in audit.entries_for_shift(desk.db, old_shift.id) if e.operation == "keys_counted"
    ]
    assert entry.detail["expected"] == 2 and entry.detail["counted"] == 1
    assert entry.detail["counted_by"] == "陈静"
    assert dialog.written is not None and dialog.written.changes.did(
        "shift_handed_over", "keys_counted"
    )

    row = login.recent_shifts(desk, 5)[1]
    text = squash("".join(pdf_pages(documents.pdf_of(desk, row.handover_document_id))))
    assert squash(f"{out.code} 3栋") in text and "李四" in text  # the key still out
    assert "钥匙核对" in text
    assert squash("2 套 1 套 少 1 套 陈静 K0000003 不在钩上，已报主管") in text


def test_no_count_is_asked_when_the_estate_has_no_keys(staffed_desk, qtbot, hub):
    dialog = open_dialog(qtbot, HandoverDialog(staffed_desk, hub))
    assert not dialog.keys_counted.isVisibleTo(dialog)
    assert not dialog.keys_note.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.incoming_username, "chen")
    qtbot.keyClicks(dialog.incoming_password, PASSWORD)
    qtbot.keyClicks(dialog.outgoing_password, PASSWORD)
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error_text()
    assert _counts(staffed_desk) == []


def test_a_handover_without_a_count_is_refused_at_the_count(staffed_desk, qtbot, hub):
    desk, _out = _estate_with_a_key_out(staffed_desk)
    dialog = open_dialog(qtbot, HandoverDialog(desk, hub))
    _fill(qtbot, dialog, counted="", note="")
    qtbot.keyClick(dialog.outgoing_password, Qt.Key.Key_Return)
    assert dialog.error_text() == "请填写接班清点的钥匙套数。"
    assert QApplication.focusWidget() is dialog.keys_counted
    assert desk.operator.username == "zhang" and _counts(desk) == []
