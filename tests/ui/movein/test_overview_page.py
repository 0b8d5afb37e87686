"""The 入住交房 tab's 进度与遗留问题 page: a batch's progress per building, the defects for the
developer filtered by building and lateness, 复验 from its dialog (passed closes the defect,
failed reopens its repair order), a defect's repair order opened in 维修工单, the day's
summary to Excel and on paper, and the page kept current by the hub."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desk_app.services.movein import batches, defects
from desk_app.services.repairs import orders
from desk_app.ui.movein.overview_page import OverviewPage
from desk_app.ui.movein.page import MoveinPage
from desk_app.ui.movein.reinspect_dialog import ReinspectDialog
from desk_app.ui.widgets import files
from tests.builders.movein import progress_batch, repaired
from tests.builders.ui import clashes, show, written_elsewhere

PROGRESS = [
    # building, units, delivered, reservations, refused, in progress, booked, not yet
    ["3栋", "4", "1", "1", "0", "0", "1", "1"],
    ["5栋", "6", "0", "0", "1", "1", "1", "3"],
    ["合计", "10", "1", "1", "1", "1", "2", "4"],
]


@pytest.fixture
def built(staffed_desk):
    return progress_batch(staffed_desk)


@pytest.fixture
def page(staffed_desk, built, hub, qtbot) -> OverviewPage:
    shown = OverviewPage(staffed_desk, hub)
    show(qtbot, shown)
    return shown


def listed(page: OverviewPage) -> list[tuple[str, str, str]]:
    """(unit, room, state) of each defect listed."""
    model = page.defects_view.model
    return [
        (
            str(model.index(r, model.UNIT).data()),
            str(model.index(r, model.ROOM).data()),
            str(model.index(r, model.STATE).data()),
        )
        for r in range(model.rowCount())
    ]


def choose(page: OverviewPage, defect_id: int) -> None:
    assert page.defects_view.select_defect(defect_id)
    assert page.chosen_defect() is not None and page.chosen_defect().id == defect_id


def test_the_progress_table_counts_each_building_and_the_total(page, built):
    assert page.batch_combo.currentText() == "一期交付"
    assert page.progress_model.table() == PROGRESS
    assert page.batch_info.text() == "2026-11-18 – 2026-12-20 · 共 10 套"
    total = page.progress_model.index(2, 0).data(Qt.ItemDataRole.FontRole)
    assert total is not None and total.bold()
    assert clashes(page) == []


def test_the_defects_by_building_open_or_late(page, built, clock):
    view = page.defects_view
    assert listed(page) == [
        ("3-1-501", "客厅", "待整改"),
        ("3-1-501", "卫生间", "待整改"),
        ("5-1-101", "厨房", "待整改"),
        ("5-1-102", "阳台", "待整改"),
    ]
    fixed_by = [view.model.index(r, view.model.FIXER).data() for r in range(4)]
    assert fixed_by == ["工程部", "开发商维修单位", "工程部", "工程部"]
    counts = {
        (view.counts_model.index(r, 0).data(), view.counts_model.index(r, 3).data())
        for r in range(view.counts_model.rowCount())
    }
    assert counts == {("客厅", "1"), ("卫生间", "1"), ("厨房", "1"), ("阳台", "1")}

    view.building_filter.setCurrentIndex(view.building_filter.findData("5"))
    assert [unit for unit, _room, _state in listed(page)] == ["5-1-101", "5-1-102"]
    assert view.counts_model.rowCount() == 2

    view.late_only.setChecked(True)
    assert listed(page) == []  # nothing is past its deadline yet
    clock.advance(days=12)
    page.refresh()
    assert [unit for unit, _room, _state in listed(page)] == ["5-1-101", "5-1-102"]
    late = view.model.index(0, view.model.LATE)
    assert late.data() == "1"
    assert late.data(Qt.ItemDataRole.ForegroundRole).name() == "#a40000"

    repaired(page.desk, built.defects["window"])  # completed: no longer late
    written_elsewhere(page.hub, "repair_orders", built.defects["window"].repair_order_id)
    assert [unit for unit, _room, _state in listed(page)] == ["5-1-101"]
    view.set_filters(building="", late_only=False)
    assert ("5-1-102", "阳台", "待复验") in listed(page)
    assert view.model.index(3, view.model.LATE).data() == ""  # awaiting re-inspection: not late


def reinspect_with(qtbot, *, key: str, note: str = "", owner: bool = True):
    def act(dialog: ReinspectDialog) -> None:
        qtbot.keyClick(dialog.outcome, key)
        if note:
            dialog.note.setPlainText(note)
        if owner:
            dialog.owner_present.setFocus()
            qtbot.keyClick(dialog.owner_present, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter: the default button
        assert not dialog.isVisible(), dialog.error_text()

    return act


def test_reinspection_passed_closes_failed_reopens(page, built, qtbot, when_modal):
    desk = page.desk
    crack, leak, hollow = (built.defects[n] for n in ("crack", "leak", "hollow"))
    choose(page, hollow.id)
    action = page.named_actions["reinspect"]
    assert not action.isEnabled()
    assert hollow.order_no in action.toolTip() and "完工" in action.toolTip()

    repaired(desk, crack)
    repaired(desk, leak)
    page.refresh()
    choose(page, crack.id)
    assert action.isEnabled()
    when_modal(ReinspectDialog, reinspect_with(qtbot, key="1"))
    qtbot.keyClick(page.defects_view.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    closed = defects.get_defect(desk, crack.id)
    assert defects.defect_state(closed) == "已复验" and closed.order_status == "已回访"
    assert "复验合格" in page.message.text()
    assert ("3-1-501", "客厅", "已复验") not in listed(page)  # open only: gone from the list

    choose(page, leak.id)
    when_modal(ReinspectDialog, reinspect_with(qtbot, key="2", note="接口仍渗水"))
    action.trigger()
    again = defects.get_defect(desk, leak.id)
    assert defects.defect_state(again) == "待整改"
    assert orders.get_order(desk, leak.repair_order_id).status not in defects.COMPLETED
    assert [r.passed for r in defects.reinspections(desk, leak.id)] == [False]
    assert ("3-1-501", "卫生间", "待整改") in listed(page)
    assert page.chosen_defect().id == leak.id and not action.isEnabled()


def test_the_dialog_wants_a_result_and_the_owner(page, built, qtbot, when_modal):
    crack = built.defects["crack"]
    repaired(page.desk, crack)
    page.refresh()
    choose(page, crack.id)

    def refused(dialog: ReinspectDialog) -> None:
        assert dialog.photo_list.isHidden()  # the crack has no photo
        assert "工程部" in dialog.intro_label.text() and crack.order_no in dialog.intro_label.text()
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        assert dialog.isVisible() and "1" in dialog.error_text()
        qtbot.keyClick(dialog.outcome, "2")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        assert dialog.isVisible() and "业主" in dialog.error_text()
        dialog.owner_present.setChecked(True)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # failed without a note: the service
        assert dialog.isVisible() and "写明问题" in dialog.error_text()
        assert clashes(dialog) == []
        dialog.reject()

    when_modal(ReinspectDialog, refused)
    page.reinspect()
    assert defects.reinspections(page.desk, crack.id) == []


def test_enter_on_a_defect_opens_its_repair_order(staffed_desk, built, make_window, qtbot):
    window = make_window(staffed_desk)
    tab = window.show_feature("movein")
    assert isinstance(tab, MoveinPage)
    page = tab.show_sub_page("overview")
    assert isinstance(page, OverviewPage) and page.isVisible()
    assert page.chosen_defect().id == built.defects["crack"].id  # the first, chosen at once
    assert page.named_actions["open_order"].isEnabled()
    qtbot.keyClick(page.defects_view.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    repairs = window.tabs.currentWidget()
    assert repairs is window.feature_page("repairs")
    assert repairs.order.id == built.defects["crack"].repair_order_id

    window.show_feature("movein")
    leak = built.defects["leak"]
    choose(page, leak.id)
    page.defects_view.view.setFocus()
    qtbot.keyClick(page.defects_view.view, Qt.Key.Key_Return)
    repairs = window.tabs.currentWidget()
    assert repairs is window.feature_page("repairs")
    assert repairs.order is not None and repairs.order.id == leak.repair_order_id


def test_the_days_summary_to_excel_and_on_paper(page, built, monkeypatch, tmp_path, shown):
    target = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *_args: str(target))
    assert page.day() == "2026-11-20"
    page.named_actions["export_summary"].trigger()
    workbook = openpyxl.load_workbook(target, read_only=True)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("房号", "业主", "代理人", "收房时间", "结果")
    assert sorted((r[0], r[4]) for r in rows[1:]) == [
        ("3-1-501", "带条件收房"),
        ("3-2-501", "已交房"),
        ("5-1-101", "拒收"),
    ]
    workbook.close()
    assert page.message.text() == "已导出 2026-11-20 的 3 户收楼记录到 汇总.xlsx。"

    page.named_actions["print_summary"].trigger()
    [(pdf, title)] = shown.previews
    assert pdf.startswith(b"%PDF") and "收楼情况汇总" in title

    choose(page, built.defects["hollow"].id)
    page.named_actions["print_defects"].trigger()
    pdf, title = shown.previews[-1]
    assert pdf.startswith(b"%PDF") and "5栋1单元101" in title


def test_the_defects_as_listed_to_excel(page, built, monkeypatch, tmp_path):
    target = tmp_path / "遗留问题.xlsx"
    monkeypatch.setattr(files, "choose_save_path", lambda *_args: str(target))
    page.defects_view.set_filters(building="3")
    page.named_actions["export_defects"].trigger()
    workbook = openpyxl.load_workbook(target, read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    assert [(r[0], r[1], r[9]) for r in rows[1:]] == [
        ("3-1-501", "客厅", "待整改"),
        ("3-1-501", "卫生间", "待整改"),
    ]


def test_the_page_follows_the_hub(page, built):
    desk = page.desk
    unit = next(u for u in batches.batch_units(desk, built.batch.id) if u.unit_code == "3-2-601")
    slot = batches.slots(desk, built.batch.id)[0]
    batches.book(desk, unit.id, slot.id)
    assert page.progress_model.table() == PROGRESS  # not told yet
    written_elsewhere(page.hub, "movein_units", unit.id)
    assert page.progress_model.table()[0] == ["3栋", "4", "1", "1", "0", "0", "2", "0"]
    assert page.progress_model.table()[2][6:] == ["3", "3"]
