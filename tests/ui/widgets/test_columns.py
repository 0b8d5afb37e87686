"""The lists' columns: never narrower than their titles (水电欠费天数 must not read
k电欠费天), long text elided in the middle, and the clerk's widths remembered per table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.services.reception import entries
from desk_app.ui.directory.page import DirectoryPage
from desk_app.ui.ledger.arrears_page import ArrearsPage
from desk_app.ui.ledger.receipts_page import ReceiptsPage
from desk_app.ui.reception.page import ReceptionPage
from desk_app.ui.repairs.callback_queue import CallbackQueue
from desk_app.ui.repairs.page import RepairsPage
from desk_app.ui.widgets.columns import title_width
from tests.builders.ledger import arrears_estate
from tests.builders.repairs import reception_estate
from tests.builders.ui import show


def every_title_fits(view) -> list[str]:
    header = view.horizontalHeader()
    return [
        str(view.model().headerData(c, Qt.Orientation.Horizontal))
        for c in range(view.model().columnCount())
        if not view.isColumnHidden(c) and header.sectionSize(c) < title_width(view, c)
    ]


@pytest.mark.parametrize(
    "kind", ["reception", "repairs", "arrears", "callbacks", "receipts", "units"]
)
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_title_is_cut_and_long_text_elides_in_the_middle(
    staffed_desk, qtbot, hub, qapp, kind, language
):
    qapp.set_language(language)
    try:
        if kind in ("arrears", "receipts"):
            arrears_estate(staffed_desk)
            page_class = ArrearsPage if kind == "arrears" else ReceiptsPage
            view = show(qtbot, page_class(staffed_desk, hub)).view
        elif kind == "units":
            view = show(qtbot, DirectoryPage(staffed_desk, hub)).units_view
        else:
            desk = reception_estate(staffed_desk)
            pages = {"reception": ReceptionPage, "repairs": RepairsPage, "callbacks": CallbackQueue}
            view = show(qtbot, pages[kind](desk, hub)).view
        assert every_title_fits(view) == []
        assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    finally:
        qapp.set_language("zh_CN")


def test_the_clerks_widths_are_remembered(staffed_desk, qtbot, hub):
    desk = reception_estate(staffed_desk)
    first = show(qtbot, RepairsPage(desk, hub))
    first.view.horizontalHeader().resizeSection(5, 333)  # the clerk widens 报修内容
    first.close()
    second = show(qtbot, RepairsPage(desk, hub))
    assert second.view.horizontalHeader().sectionSize(5) == 333


def test_closed_words_fit_in_english(staffed_desk, qtbot, hub, qapp):
    """Samples of closed lists are measured as the interface says them: the English
    department, channel, category and status are not elided (Servi…entre)."""
    qapp.set_language("en")
    try:
        desk = reception_estate(staffed_desk)
        for channel, category, department in (
            ("来电", "咨询", "客服中心"),
            ("来访", "投诉", "秩序维护部"),
            ("来函", "建议", "管理处"),
        ):
            entries.record(
                desk,
                entries.NewEntry(
                    channel=channel, category=category, content="…", department=department
                ),
            )
        view = show(qtbot, ReceptionPage(desk, hub)).view
        model, header = view.model(), view.horizontalHeader()
        columns = (model.CHANNEL, model.CATEGORY, model.DEPARTMENT, model.STATUS)
        cut = [
            str(model.index(row, column).data())
            for row in range(model.rowCount())
            for column in columns
            if view.fontMetrics().horizontalAdvance(str(model.index(row, column).data()))
            > header.sectionSize(column)
        ]
        assert model.rowCount() > 0 and cut == []
        assert header.sectionSize(model.DEPARTMENT) > view.fontMetrics().horizontalAdvance(
            "Service centre"
        )
    finally:
        qapp.set_language("zh_CN")
