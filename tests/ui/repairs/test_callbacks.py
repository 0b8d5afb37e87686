"""Callbacks (回访) from the UI: the queue, the call dialog with its results and follow-ups,
and closing as unreachable after the configured number of failed attempts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.core import deadlines
from desk_app.services.reception import entries as reception
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.ui.repairs.callback_dialog import CallbackDialog
from desk_app.ui.repairs.callback_queue import CallbackQueue, CallbackQueueModel
from desk_app.ui.widgets import deadline_colors
from tests.builders.repairs import OWNER_PHONE, complaint, completed_repair, reception_estate
from tests.builders.ui import focused, open_dialog, show

__all__ = ["estate"]  # the fixture, shared with the reception tests


@pytest.fixture
def estate(staffed_desk):
    return reception_estate(staffed_desk)


def handled_complaint(desk):
    entry = complaint(desk)
    reception.record_handling(desk, entry.id, handling="已协调", result="已停工", finished=True)
    return entry, callbacks.for_entry(desk, entry.id)


def test_the_dialog_shows_the_number_to_dial_and_requires_a_result(estate, qtbot, hub):
    _entry, row = handled_complaint(estate)
    dialog = open_dialog(qtbot, CallbackDialog(estate, hub, row.id))
    assert dialog.phone_label.text() == OWNER_PHONE
    assert dialog.contact_label.text() == "张三"
    assert row.subject_no in dialog.number_label.text()
    assert focused() is dialog.result_choice
    assert not dialog.reopen_radio.isEnabled()
    assert not dialog.unreachable_button.isEnabled()
    dialog.accept()  # reached, but no result
    assert "回访结果" in dialog.error_text() and focused() is dialog.result_choice
    assert dialog.isVisible()
    qtbot.keyClick(dialog.result_choice, Qt.Key.Key_1)
    assert dialog.result_choice.value() == "满意"
    assert focused() is dialog.comment_edit
    qtbot.keyClicks(dialog.comment_edit, "ok")
    qtbot.keyClick(dialog.comment_edit, Qt.Key.Key_Return)  # Enter accepts
    assert not dialog.isVisible()
    assert dialog.outcome.closed and dialog.outcome.callback.result == "满意"
    assert callbacks.get(estate, row.id).status == "done"


def test_unsatisfied_repair_callback_sends_the_order_back(estate, clock, qtbot, hub):
    order, row = completed_repair(estate, clock)
    dialog = open_dialog(qtbot, CallbackDialog(estate, hub, row.id))
    qtbot.keyClick(dialog.result_choice, Qt.Key.Key_3)
    assert dialog.reopen_radio.isEnabled() and focused() is dialog.reopen_radio
    dialog.reopen_radio.setChecked(True)
    dialog.accept()
    assert dialog.outcome.follow_up == callbacks.REOPEN
    assert repairs.get_order(estate, order.id).status == "已派工"  # 返修


def test_unreachable_after_the_configured_attempts(estate, qtbot, hub):
    entry, row = handled_complaint(estate)
    needed = callbacks.max_attempts(estate)
    for attempt in range(needed):
        dialog = open_dialog(qtbot, CallbackDialog(estate, hub, row.id))
        assert not dialog.unreachable_button.isEnabled()
        assert dialog.attempts_label.text().count("未接通") == attempt
        dialog.unreached_radio.setChecked(True)
        assert not dialog.result_choice.isEnabled()
        dialog.accept()
        assert not dialog.outcome.closed
    assert callbacks.get(estate, row.id).attempts == needed
    dialog = open_dialog(qtbot, CallbackDialog(estate, hub, row.id))
    assert dialog.unreachable_button.isEnabled()
    dialog.unreachable_button.click()
    assert not dialog.isVisible() and dialog.outcome.closed
    assert callbacks.get(estate, row.id).status == "unreachable"
    assert reception.get_entry(estate, entry.id).status == "closed"


def test_queue_lists_open_callbacks_and_opens_the_call(estate, clock, qtbot, hub, when_modal):
    _entry, complaint_row = handled_complaint(estate)
    _order, repair_row = completed_repair(estate, clock)
    queue = show(qtbot, CallbackQueue(estate, hub))
    model = queue.model
    # the repair's callback is due tonight, the complaint's in 72 hours
    assert [r.id for r in model.rows()] == [repair_row.id, complaint_row.id]
    phones = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert OWNER_PHONE not in phones
    assert model.index(1, 5).data() == "138****5678"
    assert model.index(0, CallbackQueueModel.LIMIT).data(
        Qt.ItemDataRole.BackgroundRole
    ) == deadline_colors.background(deadlines.ON_TIME)
    clock.advance(hours=16)  # past tonight's end for the repair
    queue.timer.timeout.emit()
    assert model.index(0, 0).data().startswith("超时")
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == deadline_colors.foreground(
        deadlines.LATE
    )

    def answer(dialog: CallbackDialog) -> None:
        assert dialog.row.id == repair_row.id
        qtbot.keyClick(dialog.result_choice, Qt.Key.Key_2)
        dialog.accept()

    when_modal(CallbackDialog, answer)
    queue.view.setFocus()
    queue.view.selectRow(0)
    with qtbot.waitSignals([queue.callback_done, hub.changed]):
        qtbot.keyClick(queue.view, Qt.Key.Key_Return)
    assert [r.id for r in model.rows()] == [complaint_row.id]
    assert "1" in queue.count_label.text()


def test_queue_model(estate, clock, qtmodeltester):
    handled_complaint(estate)
    completed_repair(estate, clock)
    model = CallbackQueueModel(estate)
    model.reload()
    qtmodeltester.check(model)


@pytest.mark.parametrize("follow_up", ["reopen", "escalate"])
def test_unsatisfied_complaint_follow_ups(estate, qtbot, follow_up, hub):
    entry, row = handled_complaint(estate)
    dialog = open_dialog(qtbot, CallbackDialog(estate, hub, row.id))
    qtbot.keyClick(dialog.result_choice, Qt.Key.Key_3)
    getattr(dialog, f"{follow_up}_radio").setChecked(True)
    dialog.accept()
    after = reception.get_entry(estate, entry.id)
    if follow_up == "reopen":
        assert after.status == "open"
    else:
        assert after.status == "closed" and after.escalated
