"""The 入住交房 tab's 交付批次 page, by keyboard: a batch created (a refused one kept in its
dialog), slots added, a unit booked (a full slot refused in Chinese) and cancelled, the
notice recorded for two units, the batch's notices printed one page a unit, 办理收房 on
the 收房 page, and the page kept current without losing the units selected."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desk_app.core.movein import NOTICE_WAYS
from desk_app.services.movein import batches
from desk_app.services.movein.batches import SlotsInput
from desk_app.ui.actions import MAIN_MENUS, window_actions
from desk_app.ui.features import FEATURES
from desk_app.ui.movein.batch_dialog import AddUnitsDialog, BatchDialog
from desk_app.ui.movein.batches_page import BatchesPage
from desk_app.ui.movein.feature import BATCH_ACTIONS, HANDOVER_ACTIONS
from desk_app.ui.movein.notice_dialog import PrintNoticesDialog, RecordNoticeDialog
from desk_app.ui.movein.page import MoveinPage
from desk_app.ui.movein.slot_dialog import BookDialog, SlotsDialog
from tests.builders.movein import movein_estate
from tests.builders.pdf import pdf_pages, squash
from tests.builders.ui import (
    CTRL,
    clashes,
    mnemonics,
    mnemonics_of,
    show,
    type_text,
    written_elsewhere,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def batch_page(qtbot, desk, hub):
    """Building 3's batch (3-1-501, 3-1-601, 3-2-501 owner 张三, 3-2-601) on the page."""
    _unit, _keys, batch = movein_estate(desk)
    page = show(qtbot, BatchesPage(desk, hub))
    assert page.current_batch_id() == batch.id
    return page, batch


def key(qtbot, page, letter, modifiers=CTRL):
    """A shortcut of the page, pressed where the cursor is."""
    window = page.window()
    if not window.isActiveWindow():  # as the window manager does once a dialog is gone
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    if QApplication.focusWidget() is None:
        page.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), letter, modifiers)


def row_of(page, code):
    return next(row for row in page.unit_texts() if row[0] == code)


def find(qtbot, page, code):
    """Ctrl+G, the unit typed, Enter: its row chosen in the table."""
    key(qtbot, page, Qt.Key.Key_G)
    assert QApplication.focusWidget() is page.find_edit
    qtbot.keyClicks(page.find_edit, code)
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.units_view
    assert [u.unit_code for u in page.selected_rows()] == [code]


def test_a_batch_created_by_keyboard_and_a_refusal_kept_in_the_dialog(
    staffed_desk, hub, qtbot, when_modal
):
    page, _batch = batch_page(qtbot, staffed_desk, hub)
    seen = {}

    def fill(dialog):
        assert QApplication.focusWidget() is dialog.name
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # no name yet
        seen["error"] = dialog.error_text()
        seen["open"] = dialog.isVisible()
        seen["focus"] = QApplication.focusWidget() is dialog.name
        type_text(qtbot, dialog.name, "3栋二批")
        qtbot.keyClick(dialog.name, Qt.Key.Key_B, ALT)  # 楼栋(&B)
        assert QApplication.focusWidget() is dialog.buildings
        qtbot.keyClicks(dialog.buildings, "3")
        qtbot.keyClick(dialog.buildings, Qt.Key.Key_Return)

    when_modal(BatchDialog, fill)
    key(qtbot, page, Qt.Key.Key_N)

    assert seen == {"error": "请填写批次名称。", "open": True, "focus": True}
    created = batches.find_batch(staffed_desk, "3栋二批")
    assert created.units == 4 and created.starts_on == "2026-12-05"
    assert page.current_batch_id() == created.id
    assert page.batch_combo.currentText().startswith("3栋二批（2026-12-05 至 ")
    assert page.error_text() == "交付批次“3栋二批”已创建，共 4 户。"
    assert page.counts.text().startswith("共 4 户 · 未预约 4 · 已预约 0")
    assert len(page.unit_texts()) == 4


def test_a_refused_date_order_stays_in_the_dialog(staffed_desk, hub, qtbot, when_modal):
    page, _batch = batch_page(qtbot, staffed_desk, hub)
    seen = {}

    def fill(dialog):
        type_text(qtbot, dialog.name, "倒序批次")
        dialog.ends.setDate(QDate(2026, 12, 1))
        dialog.starts.blockSignals(True)
        dialog.starts.setDate(QDate(2026, 12, 9))
        dialog.starts.blockSignals(False)
        dialog.buildings.setText("3")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        seen["error"] = dialog.error_text()
        seen["focus"] = QApplication.focusWidget() is dialog.ends
        dialog.buildings.setText("99")
        dialog.ends.setDate(QDate(2026, 12, 19))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        seen["building"] = dialog.error_text()
        dialog.reject()

    when_modal(BatchDialog, fill)
    key(qtbot, page, Qt.Key.Key_N)
    assert seen == {
        "error": "结束日期不能早于开始日期。",
        "focus": True,
        "building": "楼栋 99 没有房屋。",
    }
    assert [b.name for b in batches.list_batches(staffed_desk)] == ["3栋交付"]


def test_slots_added_for_two_days_at_once(staffed_desk, hub, qtbot, when_modal):
    page, batch = batch_page(qtbot, staffed_desk, hub)

    def fill(dialog):
        assert dialog.first_day.date() == QDate(2026, 11, 20)  # today, within the batch
        dialog.last_day.setDate(QDate(2026, 11, 21))
        dialog.periods.setFocus()
        dialog.periods.selectAll()
        qtbot.keyClicks(dialog.periods, "9:00-11:30, 14:00-17:00")
        dialog.capacity.setValue(1)
        qtbot.keyClick(dialog.periods, Qt.Key.Key_Return)

    when_modal(SlotsDialog, fill)
    key(qtbot, page, Qt.Key.Key_T)

    rows = [
        [str(page.slots_model.index(r, c).data()) for c in range(5)]
        for r in range(page.slots_model.rowCount())
    ]
    assert rows == [
        ["2026-11-20 周五", "09:00–11:30", "1", "0", "1"],
        ["2026-11-20 周五", "14:00–17:00", "1", "0", "1"],
        ["2026-11-21 周六", "09:00–11:30", "1", "0", "1"],
        ["2026-11-21 周六", "14:00–17:00", "1", "0", "1"],
    ]
    assert page.slots_caption.text() == "办理时段 4 个 · 已约 0 / 共 4 户"
    assert page.error_text() == "已添加 4 个时段。"
    assert len(batches.slots(staffed_desk, batch.id)) == 4


def test_book_a_unit_a_full_slot_refused_and_cancel(staffed_desk, hub, qtbot, when_modal):
    page, batch = batch_page(qtbot, staffed_desk, hub)
    morning, afternoon = batches.add_slots(
        staffed_desk, batch.id, SlotsInput("2026-11-25", "", "09:00-12:00 14:00-17:00", 1)
    ).value
    page.refresh()
    find(qtbot, page, "3-2-501")
    seen = {}

    def book_first(dialog):
        assert dialog.chosen_slot() == morning.id  # the first with a free place
        seen["slots"] = [dialog.slots.item(r).text() for r in range(dialog.slots.count())]
        qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)

    when_modal(BookDialog, book_first)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Return)  # Enter: 预约
    assert seen["slots"][0] == "2026-11-25 周三  09:00–12:00  ·  余 1 / 共 1 户"
    assert row_of(page, "3-2-501")[1:5] == ["张三", "3栋", "已预约", "2026-11-25 周三 09:00–12:00"]
    assert page.error_text() == "3-2-501 已预约 2026-11-25 周三 09:00–12:00。"
    assert page.slots_model.index(0, 3).data() == "1"

    find(qtbot, page, "3-1-501")

    def book_full(dialog):
        assert dialog.chosen_slot() == afternoon.id
        assert dialog.slots.item(0).text().endswith("已约满（1 户）")
        dialog.choose(morning.id)
        qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)
        seen["refused"] = dialog.error_text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_modal(BookDialog, book_full)
    key(qtbot, page, Qt.Key.Key_B)
    assert seen["refused"] == "2026-11-25 09:00–12:00 已约满（1 户），请选其他时段。"
    assert seen["open"]
    assert row_of(page, "3-1-501")[3] == "未预约"

    find(qtbot, page, "3-2-501")
    assert page.named_actions["cancel_booking"].isEnabled()
    key(qtbot, page, Qt.Key.Key_B, CTRL | SHIFT)
    assert row_of(page, "3-2-501")[3:5] == ["未预约", ""]
    assert page.error_text() == "3-2-501 的预约已取消。"
    assert not page.named_actions["cancel_booking"].isEnabled()
    assert page.slots_model.index(0, 3).data() == "0"


def test_notice_recorded_for_two_selected_units(staffed_desk, hub, qtbot, when_modal):
    page, batch = batch_page(qtbot, staffed_desk, hub)
    page.find_edit.setText("3-1")
    assert [r[0] for r in page.unit_texts()] == ["3-1-501", "3-1-601"]
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Down, SHIFT)  # both rows
    assert [u.unit_code for u in page.selected_rows()] == ["3-1-501", "3-1-601"]
    page.find_edit.clear()  # the whole batch again, the two still selected
    assert [u.unit_code for u in page.selected_rows()] == ["3-1-501", "3-1-601"]
    seen = {}

    def record(dialog):
        seen["intro"] = dialog.intro_label.text()
        dialog.way.setCurrentIndex(dialog.way.findData("电话"))
        qtbot.keyClick(dialog.way, Qt.Key.Key_Return)

    when_modal(RecordNoticeDialog, record)
    page.units_view.setFocus()
    key(qtbot, page, Qt.Key.Key_M)

    assert seen["intro"] == "以下 2 户的入住通知已于此刻发出：3-1-501、3-1-601"
    assert [r[5] for r in page.unit_texts()] == [
        "2026-11-20 08:00 电话",
        "2026-11-20 08:00 电话",
        "",
        "",
    ]
    told = {u.unit_code: u.notice_how for u in batches.batch_units(staffed_desk, batch.id)}
    assert told == {"3-1-501": "电话", "3-1-601": "电话", "3-2-501": "", "3-2-601": ""}
    assert "已通知 2" in page.counts.text()
    assert [u.unit_code for u in page.selected_rows()] == ["3-1-501", "3-1-601"]


def test_the_batch_notices_print_one_page_a_unit(staffed_desk, hub, qtbot, when_modal, shown):
    page, batch = batch_page(qtbot, staffed_desk, hub)
    seen = {}

    def whole_batch(dialog):
        seen["default"] = dialog.group.checkedButton() is dialog.untold_choice
        assert not dialog.chosen_choice.isEnabled() and not dialog.building_choice.isEnabled()
        dialog.whole_choice.setChecked(True)
        dialog.way.setCurrentIndex(dialog.way.findData("当面"))
        qtbot.keyClick(dialog.whole_choice, Qt.Key.Key_Return)

    when_modal(PrintNoticesDialog, whole_batch)
    key(qtbot, page, Qt.Key.Key_P)

    assert seen["default"]
    [(pdf, title)] = shown.previews
    assert title == "入住通知单 3栋交付（4 户）"
    pages = pdf_pages(pdf)
    assert len(pages) == 4
    assert "3栋2单元501" in squash(pages[2]) and "张三" in squash(pages[2])
    assert {u.notice_how for u in batches.batch_units(staffed_desk, batch.id)} == {"当面"}
    assert page.error_text() == "已打印 4 份入住通知单，并记为已通知。"
    assert "已通知 4" in page.counts.text()


def test_a_buildings_notices_from_the_filter(staffed_desk, hub, qtbot, when_modal, shown):
    page, batch = batch_page(qtbot, staffed_desk, hub)
    dialog_ready = {}

    def add_building(dialog):
        qtbot.keyClicks(dialog.buildings, "9")
        qtbot.keyClick(dialog.buildings, Qt.Key.Key_Return)
        dialog_ready["error"] = dialog.error_text()
        dialog.reject()

    when_modal(AddUnitsDialog, add_building)
    key(qtbot, page, Qt.Key.Key_A, CTRL | SHIFT)
    assert dialog_ready["error"] == "楼栋 9 没有房屋。"

    page.building_filter.setCurrentIndex(page.building_filter.findData("3"))
    page.state_filter.setCurrentIndex(page.state_filter.findData("未预约"))
    assert len(page.unit_texts()) == 4 and "（当前显示" not in page.counts.text()

    def building(dialog):
        assert dialog.building_choice.isEnabled()
        dialog.building_choice.setChecked(True)
        dialog.accept()

    when_modal(PrintNoticesDialog, building)
    key(qtbot, page, Qt.Key.Key_P)
    [(pdf, _title)] = shown.previews
    assert len(pdf_pages(pdf)) == 4
    assert all(u.notice_how == "邮寄" for u in batches.batch_units(staffed_desk, batch.id))


def test_hand_over_opens_the_unit_on_the_handover_page(staffed_desk, make_window, qtbot):
    _unit, _keys, _batch = movein_estate(staffed_desk)
    window = make_window(staffed_desk)
    tab = window.show_feature("movein")
    assert isinstance(tab, MoveinPage)
    page = tab.show_sub_page("batches")
    assert isinstance(page, BatchesPage) and page.isVisible()
    assert tab.tabs.tabText(1) == "交付批次"
    find(qtbot, page, "3-2-501")
    key(qtbot, page, Qt.Key.Key_O)

    assert tab.tabs.currentWidget() is tab.handover.parent()
    assert tab.handover.isVisible()
    assert tab.handover.unit_edit.text() == "3-2-501"
    assert tab.handover.current_step() == "identity"
    # back on the batch: the unit's hand-over is under way
    tab.show_sub_page("batches")
    assert row_of(page, "3-2-501")[3] == "办理中"
    assert not page.named_actions["book"].isEnabled()


def test_the_page_follows_writes_elsewhere_and_keeps_the_selection(staffed_desk, hub, qtbot):
    page, batch = batch_page(qtbot, staffed_desk, hub)
    units = batches.batch_units(staffed_desk, batch.id)
    page.select_units([units[1].id, units[3].id], current=units[3].id)
    slot = batches.add_slot(staffed_desk, batch.id, "2026-11-26", "09:00", "12:00", 5).value
    booked = batches.book(staffed_desk, units[3].id, slot.id).value

    written_elsewhere(hub, "movein_appointments", booked.appointment_id)

    assert row_of(page, units[3].unit_code)[3] == "已预约"
    assert page.slots_model.rowCount() == 1
    assert [u.id for u in page.selected_rows()] == [units[1].id, units[3].id]
    assert page.current_unit().id == units[3].id
    assert page.named_actions["cancel_booking"].isEnabled()


def test_keys_and_letters(staffed_desk, hub, qtbot):
    page, _batch = batch_page(qtbot, staffed_desk, hub)
    mine = {s for spec in BATCH_ACTIONS for s in spec.shortcuts}
    theirs = {s for spec in HANDOVER_ACTIONS for s in spec.shortcuts}
    # sibling sub-pages: a page's keys work only with the focus inside it, so print and
    # refresh take the same keys on each
    assert mine & theirs == {"F5", "Ctrl+P"}
    window_keys = {s for spec in window_actions(len(FEATURES)) for s in spec.shortcuts}
    window_keys |= {s for feature in FEATURES for spec in feature.actions for s in spec.shortcuts}
    assert mine & window_keys == set()
    assert clashes(page) == []
    menus = set(mnemonics(spec.text for spec in MAIN_MENUS))
    assert not {k.replace("Alt+", "").upper() for k in mnemonics_of(page)} & menus
    batch = batches.list_batches(staffed_desk)[0]
    unit = batches.batch_units(staffed_desk, batch.id)[0]
    for dialog in (
        BatchDialog(staffed_desk, hub, page),
        AddUnitsDialog(staffed_desk, hub, batch, page),
        SlotsDialog(staffed_desk, hub, batch, page),
        BookDialog(staffed_desk, hub, unit, page),
        RecordNoticeDialog(staffed_desk, hub, [unit], page),
        PrintNoticesDialog(staffed_desk, hub, batch, [unit], [unit], "3", page),
    ):
        dialog.show()
        assert clashes(dialog) == [], type(dialog).__name__
        dialog.close()
    assert page.state_filter.count() == 7
    assert [
        page.named_actions[name].text()
        for name in ("book", "cancel_booking", "hand_over", "print_notices", "record_notice")
    ] == ["预约(&M)…", "取消预约(&C)", "办理收房(&V)", "打印通知单(&P)…", "记录已通知(&R)…"]
    assert NOTICE_WAYS[0] == "短信"
