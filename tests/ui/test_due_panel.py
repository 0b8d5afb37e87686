"""The due-now panel: late first, coloured by state, counted in the header, refreshed by
the clock and by the hub, and opening what is activated."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from desk_app.core import deadlines
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.ui.due_panel import DuePanel
from desk_app.ui.operations import perform
from desk_app.ui.widgets import deadline_colors
from tests.builders.repairs import complaint, completed_repair, reception_estate
from tests.builders.ui import show

__all__ = ["estate"]


@pytest.fixture
def estate(staffed_desk):
    return reception_estate(staffed_desk)


def call(desk, content="厨房水龙头漏水", urgency="一般") -> NewEntry:
    return NewEntry(
        channel="来电", category="报修", content=content, unit="3-2-501", urgency=urgency
    )


def repair_call(desk, content="厨房水龙头漏水", urgency="一般"):
    return reception.record(desk, call(desk, content, urgency)).value


def counts(panel: DuePanel) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", panel.header_label.text())]


def colours(panel: DuePanel, row: int):
    item = panel.list.item(row)
    return item.foreground().color(), item.background().color()


def test_a_dispatch_item_turns_near_then_late(estate, clock, qtbot, hub):
    panel = show(qtbot, DuePanel(estate, hub))
    assert panel.list.count() == 0 and panel.empty_label.isVisible()
    with qtbot.waitSignal(hub.changed):
        # Written as the window writes: through ui.operations, which tells the hub.
        done = perform(None, hub, lambda: reception.record(estate, call(estate))).value
    [item] = panel.items()
    assert item.limit == deadlines.DISPATCH and item.number == done.order.order_no
    assert item.state == deadlines.ON_TIME
    assert colours(panel, 0) == (
        deadline_colors.foreground(deadlines.ON_TIME),
        deadline_colors.background(deadlines.ON_TIME),
    )
    text = panel.list.item(0).text()
    assert "派工" in text and done.order.order_no in text and "剩 3分钟" in text
    assert "3栋2单元501" in text and "厨房水龙头漏水" in text

    clock.advance(minutes=2)
    panel.timer.timeout.emit()
    assert panel.items()[0].state == deadlines.NEAR
    assert colours(panel, 0) == (
        deadline_colors.foreground(deadlines.NEAR),
        deadline_colors.background(deadlines.NEAR),
    )
    assert counts(panel) == [0, 1, 1]
    assert "剩 1分钟" in panel.list.item(0).text()

    clock.advance(minutes=2)
    panel.timer.timeout.emit()
    assert panel.items()[0].state == deadlines.LATE
    assert colours(panel, 0) == (
        deadline_colors.foreground(deadlines.LATE),
        deadline_colors.background(deadlines.LATE),
    )
    assert counts(panel) == [1, 0, 1]
    assert "超时 1分钟" in panel.list.item(0).text()
    # the clock-driven refresh runs only while the panel is on screen
    assert panel.timer.isActive()
    panel.hide()
    assert not panel.timer.isActive()
    clock.advance(minutes=10)
    panel.show()
    assert panel.timer.isActive() and "超时 11分钟" in panel.list.item(0).text()


def test_late_first_and_activation_opens_the_item(estate, clock, qtbot, hub):
    first = repair_call(estate, "先报的")
    clock.advance(minutes=5)  # the first is late now
    second = repair_call(estate, "后报的")
    panel = show(qtbot, DuePanel(estate, hub))
    assert [i.subject_id for i in panel.items()] == [first.order.id, second.order.id]
    assert [i.state for i in panel.items()] == [deadlines.LATE, deadlines.ON_TIME]
    panel.list.setFocus()
    panel.list.setCurrentRow(1)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert opened.args == ["repair_orders", second.order.id]
    panel.refresh()
    assert panel.list.currentRow() == 1  # the selection survives a refresh


def test_callbacks_complaints_and_escalations_are_listed(estate, clock, qtbot, hub):
    order, row = completed_repair(estate, clock)
    entry = complaint(estate)
    reception.escalate(estate, entry.id, "重大事件")
    clock.advance(hours=17)  # the complaint is near its 24 hours
    panel = show(qtbot, DuePanel(estate, hub))
    by_subject = {(i.subject, i.subject_id): i for i in panel.items()}
    assert by_subject[("callbacks", row.id)].limit == deadlines.CALLBACK
    assert by_subject[("reception_entries", entry.id)].limit in ("escalated", deadlines.COMPLAINT)
    labels = [i.limit_label for i in panel.items()]
    assert "上报主管" in labels and "投诉处理" in labels and "回访" in labels
    texts = [panel.list.item(n).text() for n in range(panel.list.count())]
    assert any("待主管处理" in t for t in texts)
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.activate_row(next(n for n, i in enumerate(panel.items()) if i.subject == "callbacks"))
    assert opened.args == ["callbacks", row.id]
