"""One tick for every time limit on screen: the reception log, the repairs list and the
due-now panel move together, so the same limit never reads two ways at one moment."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.ui.due_panel import DuePanel
from desk_app.ui.reception.page import ReceptionPage
from desk_app.ui.repairs.page import RepairsPage
from tests.builders.repairs import complaint, reception_estate
from tests.builders.ui import show


def limit_cell(model) -> str:
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == model.tr("Time limit")
    )
    return model.index(0, column).data()


def test_the_list_and_the_panel_tick_together(staffed_desk, clock, qtbot, hub):
    desk = reception_estate(staffed_desk)
    complaint(desk)  # 24 hours to handle it
    panel = show(qtbot, DuePanel(desk, hub))
    page = show(qtbot, ReceptionPage(desk, hub))
    assert panel.timer is page.limit_timer  # one timer for both
    clock.advance(hours=23, minutes=59, seconds=5)
    panel.timer.timeout.emit()  # the 30-second tick
    [item] = panel.items()
    assert item.left_text == "剩 55秒"
    assert limit_cell(page.model) == item.left_text
    clock.advance(seconds=65)
    page.limit_timer.timeout.emit()
    [item] = panel.items()
    assert item.left_text == limit_cell(page.model) == "超时 10秒"


def test_the_repairs_list_shares_the_tick(staffed_desk, qtbot, hub):
    desk = reception_estate(staffed_desk)
    panel = show(qtbot, DuePanel(desk, hub))
    page = show(qtbot, RepairsPage(desk, hub))
    assert page.timer is panel.timer and page.timer.interval() == 30_000
    page.hide()
    assert page.timer.isActive()  # the panel still shows time limits
    panel.hide()
    assert not page.timer.isActive()  # nothing on screen reads the clock
