"""The 接待登记 tab on a real database: keyboard-only entries (咨询, 报修, 投诉), refusals
shown inline with the cursor in the field and nothing written, handling and the callback
from the log, filters, time-limit colours, and a long log read a page at a time."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desk_app.core import deadlines
from desk_app.services.directory import estate as directory_estate
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.ui.reception.handling_dialog import (
    EntryDetailDialog,
    EscalateDialog,
    HandlingDialog,
)
from desk_app.ui.reception.models import ReceptionLogModel
from desk_app.ui.reception.page import ReceptionPage
from desk_app.ui.repairs.callback_dialog import CallbackDialog, run_callback_dialog
from desk_app.ui.widgets import deadline_colors
from tests.builders.repairs import OWNER_PHONE, complaint, reception_estate
from tests.builders.ui import (
    change_events,
    focused,
    show,
    tab_walk,
    touching,
    type_text,
    written_elsewhere,
)

FULL_PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def estate(staffed_desk):
    return reception_estate(staffed_desk)


@pytest.fixture
def page(qtbot, estate, hub) -> ReceptionPage:
    page = show(qtbot, ReceptionPage(estate, hub))
    # As the main window does: the callback dialog belongs to the repairs feature.
    page.callback_requested.connect(
        lambda callback_id: run_callback_dialog(estate, hub, callback_id, page)
    )
    page.focus_entry()
    return page


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def typed(qtbot, text: str) -> None:
    type_text(qtbot, focused(), text)


def entry_count(desk) -> int:
    return reception.count_entries(desk, EntryQuery())


def order_count(desk) -> int:
    return repairs.count_orders(desk, repairs.OrderQuery())


def cell(page: ReceptionPage, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, column).data(role)


# --- keyboard-only entries ----------------------------------------------------------------------


def test_a_consultation_answered_on_the_spot_closes_at_once(page, estate, qtbot):
    form = page.form
    assert focused() is form.unit_edit
    typed(qtbot, "3-2-501")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.name_edit and form.name_edit.text() == "张三"
    assert form.phone_edit.text() == "138****5678"
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.phone_edit
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.category_choice
    press(qtbot, Qt.Key.Key_Z)  # 咨询, and on to 内容
    assert form.category_choice.value() == "咨询"
    assert focused() is form.content_edit
    typed(qtbot, "物业费怎么交")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.result_edit
    assert not form.department_combo.isVisible() and not form.urgency_choice.isVisible()
    typed(qtbot, "已告知可在前台或线上缴纳")
    press(qtbot, Qt.Key.Key_Return, CTRL)

    assert form.error_text() == ""
    [entry] = reception.list_entries(estate, EntryQuery())
    assert entry.category == "咨询" and entry.channel == "来电"
    assert entry.status == "closed" and entry.completed_at is not None
    assert entry.caller_name == "张三" and entry.phone == "138****5678"
    assert reception.get_entry(estate, entry.id).phone == OWNER_PHONE  # from the directory
    assert entry.result == "已告知可在前台或线上缴纳"
    # the form is empty again, the cursor back in 房号, the entry selected on top
    assert form.unit_edit.text() == "" and form.content_edit.toPlainText() == ""
    assert form.category_choice.value() == "" and form.channel_choice.value() == "来电"
    assert focused() is form.unit_edit
    assert page.selected_entry().id == entry.id and page.view.currentIndex().row() == 0
    assert entry.entry_no in form.status_label.text()
    assert cell(page, 0, ReceptionLogModel.STATUS) == "已办结"


def test_a_repair_call_creates_its_order_and_shows_on_top(page, estate, hub, qtbot):
    complaint(estate)  # something older in the log
    page.refresh()
    form = page.form
    typed(qtbot, "3-2-501")
    press(qtbot, Qt.Key.Key_Tab)  # leaving 房号 fills the caller
    assert form.name_edit.text() == "张三" and form.phone_edit.text() == "138****5678"
    assert "3栋2单元501" in form.unit_hint.text()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.category_choice
    press(qtbot, Qt.Key.Key_B)
    assert focused() is form.content_edit
    assert form.urgency_choice.isVisible() and form.appointment_edit.isVisible()
    assert not form.result_edit.isVisible()
    typed(qtbot, "厨房水龙头漏水")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.urgency_choice
    press(qtbot, Qt.Key.Key_U)
    assert form.urgency_choice.value() == "紧急"
    events = change_events(hub)
    with qtbot.waitSignal(hub.changed):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    [event] = events  # one event for the entry and its order, written together
    assert event.touches("reception_entries") and event.touches("repair_orders")

    assert form.error_text() == ""
    entry = reception.list_entries(estate, EntryQuery(category="报修"))[0]
    order = repairs.get_order(estate, entry.repair_order_id)
    assert order.reception_id == entry.id and order.urgency == "紧急"
    assert order.phone == OWNER_PHONE and order.reporter == "张三"
    assert order.location == "3栋2单元501" and order.status == "登记"
    assert form.status_label.text().count("JD") == 1 and order.order_no in form.status_label.text()
    assert page.model.entry_at(0).id == entry.id and page.selected_entry().id == entry.id
    assert cell(page, 0, ReceptionLogModel.ORDER) == f"{order.order_no}（登记）"
    assert cell(page, 0, ReceptionLogModel.PHONE) == "138****5678"
    assert focused() is form.unit_edit
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QLineEdit)]
    assert not any(FULL_PHONE.search(t) for t in texts)


def test_a_typed_phone_replaces_the_directory_one(page, estate, qtbot):
    form = page.form
    typed(qtbot, "3-2-501")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    form.phone_edit.selectAll()
    typed(qtbot, "13900001111")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_J)
    typed(qtbot, "建议增加垃圾桶")
    press(qtbot, Qt.Key.Key_S, CTRL)
    [entry] = reception.list_entries(estate, EntryQuery())
    assert reception.get_entry(estate, entry.id).phone == "13900001111"
    assert entry.status == "open"  # a 建议 without a result stays open


def test_a_complaint_without_department_is_refused_inline(page, estate, qtbot):
    form = page.form
    typed(qtbot, "3-2-501")
    press(qtbot, Qt.Key.Key_Return)
    form.category_choice.setFocus()
    press(qtbot, Qt.Key.Key_T)
    typed(qtbot, "电梯经常停运")
    press(qtbot, Qt.Key.Key_Return, CTRL)

    assert form.error_text() == "投诉须指定处理部门。"
    assert form.error_label.isVisible()
    assert focused() is form.department_combo
    assert entry_count(estate) == 0
    assert form.content_edit.toPlainText() == "电梯经常停运"  # nothing cleared
    assert form.unit_edit.text() == "3-2-501"
    # a digit chooses the department; then it saves
    press(qtbot, Qt.Key.Key_2)
    assert form.department_combo.currentData() == reception.departments(estate)[1]
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert form.error_text() == ""
    [entry] = reception.list_entries(estate, EntryQuery())
    assert entry.category == "投诉" and entry.department == "工程部"
    assert entry.due_at == "2026-11-21T08:00:00+08:00"
    assert cell(page, 0, ReceptionLogModel.LIMIT) == "剩 24小时"


def test_an_unknown_room_is_refused_and_nothing_is_written(page, estate, qtbot):
    form = page.form
    typed(qtbot, "9-9-909")
    press(qtbot, Qt.Key.Key_Tab)
    assert "9-9-909" in form.unit_hint.text()  # said on leaving the field
    form.category_choice.setFocus()
    press(qtbot, Qt.Key.Key_Q)
    typed(qtbot, "求助开门")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert "9-9-909" in form.error_text()
    assert focused() is form.unit_edit
    assert entry_count(estate) == 0 and order_count(estate) == 0
    assert form.content_edit.toPlainText() == "求助开门"


def test_a_repair_call_without_content_puts_the_cursor_in_content(page, estate, qtbot):
    typed(qtbot, "3-2-501")
    page.form.category_choice.setFocus()
    press(qtbot, Qt.Key.Key_B)
    page.form.save_button.click()
    assert page.form.error_text() and focused() is page.form.content_edit
    assert entry_count(estate) == 0 and order_count(estate) == 0


def test_a_repair_in_a_public_place(page, estate, hub, qtbot):
    form = page.form
    assert not form.place_combo.isVisible()  # no places yet
    place = directory_estate.create_public_place(estate, "电梯机房", building="3").value
    written_elsewhere(hub, "public_places", place.id)
    assert form.place_combo.isVisible()
    qtbot.keyClick(form.unit_edit, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert focused() is form.place_combo
    form.place_combo.setCurrentIndex(form.place_combo.findData(place.id))
    form.place_combo.activated.emit(form.place_combo.currentIndex())
    assert focused() is form.name_edit and "电梯机房" in form.unit_hint.text()
    form.category_choice.setFocus()
    press(qtbot, Qt.Key.Key_B)
    typed(qtbot, "电梯异响")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert form.error_text() == ""
    [entry] = reception.list_entries(estate, EntryQuery())
    assert entry.place_id == place.id and entry.unit_id is None
    assert repairs.get_order(estate, entry.repair_order_id).place_id == place.id
    assert not page.open_unit_action.isEnabled() and page.open_order_action.isEnabled()


def test_escape_clears_the_form(page, qtbot):
    form = page.form
    typed(qtbot, "3-2-501")
    press(qtbot, Qt.Key.Key_Return)
    form.channel_choice.setFocus()
    press(qtbot, Qt.Key.Key_2)
    assert form.channel_choice.value() == "来访"
    press(qtbot, Qt.Key.Key_Escape)
    assert form.unit_edit.text() == "" and form.name_edit.text() == ""
    assert form.phone_edit.text() == "" and form.channel_choice.value() == "来电"
    assert focused() is form.unit_edit


# --- acting on the log --------------------------------------------------------------------------


def test_handling_a_complaint_then_an_unsatisfied_callback_reopens_it(
    page, estate, hub, qtbot, when_modal
):
    entry = complaint(estate)
    page.refresh()
    assert page.show_entry(entry.id)

    def handle(dialog: HandlingDialog) -> None:
        assert focused() is dialog.handling_edit
        typed(qtbot, "已联系装修户，约定施工时间")
        dialog.finished_check.setChecked(True)
        dialog.result_edit.setText("装修户承诺中午及晚间停工")
        dialog.accept()

    when_modal(HandlingDialog, handle)
    with qtbot.waitSignal(hub.changed, check_params_cb=touching("reception_entries")):
        press(qtbot, Qt.Key.Key_E, CTRL)  # 处理…
    done = reception.get_entry(estate, entry.id)
    assert done.status == "handled" and done.result == "装修户承诺中午及晚间停工"
    assert "已联系装修户" in done.handling
    assert cell(page, 0, ReceptionLogModel.STATUS) == "待回访"
    assert cell(page, 0, ReceptionLogModel.LIMIT) == "回访 剩 3天"

    def call_back(dialog: CallbackDialog) -> None:
        assert dialog.phone_label.text() == OWNER_PHONE  # the clerk dials it
        assert focused() is dialog.result_choice
        press(qtbot, Qt.Key.Key_3)  # 不满意: the follow-up is required
        assert dialog.result_choice.value() == "不满意"
        dialog.accept()
        assert "重新处理" in dialog.error_text() and focused() is dialog.reopen_radio
        dialog.reopen_radio.setChecked(True)
        dialog.comment_edit.setPlainText("仍有噪音")
        dialog.accept()

    when_modal(CallbackDialog, call_back)
    with qtbot.waitSignal(hub.changed, check_params_cb=touching("callbacks")):
        page.callback_action.trigger()
    reopened = reception.get_entry(estate, entry.id)
    assert reopened.status == "open" and "回访不满意" in reopened.handling
    assert callbacks.queue(estate) == []
    assert cell(page, 0, ReceptionLogModel.STATUS) == "待处理"
    assert cell(page, 0, ReceptionLogModel.CALLBACK_RESULT) == "不满意"


def test_callback_refused_when_there_is_none(page, estate, shown):
    entry = complaint(estate)
    page.refresh()
    page.show_entry(entry.id)
    page.callback_action.trigger()
    assert any("不能回访" in text for text in shown.texts("warning"))


def test_handling_is_refused_for_a_repair_call(page, estate, shown):
    done = reception.record(
        estate, NewEntry(channel="来电", category="报修", content="灯不亮", unit="3-2-501")
    ).value
    page.refresh()
    page.show_entry(done.entry.id)
    page.handle_action.trigger()
    assert any(done.order.order_no in text for text in shown.texts("info"))
    assert reception.get_entry(estate, done.entry.id).handling == ""


def test_escalate_and_read_the_entry_in_full(page, estate, hub, qtbot, when_modal):
    entry = complaint(estate)
    page.refresh()
    page.show_entry(entry.id)

    def escalate(dialog: EscalateDialog) -> None:
        dialog.accept()
        assert dialog.error_text()  # the reason is required
        typed(qtbot, "业主情绪激动，要求主管处理")
        dialog.accept()

    when_modal(EscalateDialog, escalate)
    page.escalate_action.trigger()
    assert reception.get_entry(estate, entry.id).escalated
    assert cell(page, 0, ReceptionLogModel.STATUS) == "待处理·已上报"

    def detail(dialog: EntryDetailDialog) -> None:
        assert dialog.findChild(QLabel, "detail_phone").text() == "138****5678"
        assert "上报主管：业主情绪激动" in dialog.handling_view.toPlainText()
        dialog.reject()

    when_modal(EntryDetailDialog, detail)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)


def test_open_order_and_unit_signals(page, estate, qtbot):
    done = reception.record(
        estate, NewEntry(channel="来电", category="报修", content="灯不亮", unit="3-2-501")
    ).value
    page.refresh()
    page.show_entry(done.entry.id)
    with qtbot.waitSignal(page.open_order_requested) as order_signal:
        qtbot.keyClick(page.view, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert order_signal.args == [done.order.id]
    with qtbot.waitSignal(page.open_unit_requested) as unit_signal:
        page.open_unit_action.trigger()
    assert unit_signal.args == [done.entry.unit_id]
    page.focus_entry()
    press(qtbot, Qt.Key.Key_F6)  # from the form to the log and back
    assert focused() is page.view
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is page.form.unit_edit
    with qtbot.waitSignal(page.open_unit_requested):
        press(qtbot, Qt.Key.Key_U, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert unit_signal.args == [done.entry.unit_id]


def test_show_entry_widens_the_filter(page, estate, clock):
    old = complaint(estate, content="旧事")
    clock.advance(days=40)
    page.refresh()
    assert page.model.rowCount() == 0  # last 30 days
    page.category_combo.setCurrentIndex(page.category_combo.findData("咨询"))
    assert page.show_entry(old.id)
    assert page.period_combo.currentData() == "all"
    assert page.category_combo.currentData() is None
    assert page.selected_entry().id == old.id


# --- filters, colours, size -------------------------------------------------------------------


def test_filters_change_the_count(page, estate, clock):
    complaint(estate)
    clock.advance(days=-40)
    reception.record(
        estate, NewEntry(channel="来访", category="咨询", content="旧", unit="3-1-101")
    )
    clock.advance(days=40, hours=1)
    reception.record(
        estate, NewEntry(channel="来访", category="表扬", content="表扬保安", result="已转达")
    )
    page.refresh()

    def count() -> int:
        assert page.count_label.text().count(str(page.model.rowCount())) >= 1
        return page.model.rowCount()

    assert count() == 2  # the last 30 days
    page.period_combo.setCurrentIndex(page.period_combo.findData("all"))
    assert count() == 3
    page.channel_combo.setCurrentIndex(page.channel_combo.findData("来访"))
    assert count() == 2
    page.status_combo.setCurrentIndex(page.status_combo.findData("closed"))
    assert count() == 1
    page.status_combo.setCurrentIndex(page.status_combo.findData("unfinished"))
    assert count() == 1
    page.reset_filters()
    page.building_combo.setCurrentIndex(page.building_combo.findData("3"))
    assert count() == 2
    page.reset_filters()
    page.period_combo.setCurrentIndex(page.period_combo.findData("today"))
    assert count() == 2
    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    page.from_edit.setDate(QDate(2026, 10, 1))
    page.to_edit.setDate(QDate(2026, 10, 11))  # inclusive: the 咨询 of 10-11
    assert count() == 1
    page.to_edit.setDate(QDate(2026, 10, 10))
    assert count() == 0
    page.reset_filters()
    page.overdue_check.setChecked(True)
    assert count() == 0
    clock.advance(hours=25)
    page.refresh()
    assert count() == 1


def test_the_time_limit_turns_near_then_late(page, estate, clock):
    complaint(estate)
    page.refresh()
    index = page.model.index(0, ReceptionLogModel.LIMIT)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == deadline_colors.foreground(
        deadlines.ON_TIME
    )
    clock.advance(hours=17)
    page.limit_timer.timeout.emit()
    assert index.data() == "剩 7小时"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == deadline_colors.background(deadlines.NEAR)
    clock.advance(hours=8)
    page.limit_timer.timeout.emit()
    assert index.data() == "超时 1小时"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == deadline_colors.foreground(deadlines.LATE)
    other = page.model.index(0, ReceptionLogModel.CONTENT)
    assert other.data(Qt.ItemDataRole.BackgroundRole) is None


def test_log_model(estate, qtmodeltester):
    complaint(estate)
    reception.record(
        estate, NewEntry(channel="来电", category="报修", content="漏水", unit="3-2-501")
    )
    reception.record(estate, NewEntry(channel="来函", category="建议", content="多种树"))
    model = ReceptionLogModel(estate)
    model.set_query(EntryQuery())
    assert model.rowCount() == 3
    qtmodeltester.check(model)


@pytest.mark.slow
def test_a_long_log_is_read_a_page_at_a_time(page, estate, clock):
    for number in range(2000):
        reception.record(
            estate,
            NewEntry(channel="来电", category="咨询", content=f"咨询 {number}", result="已答复"),
        )
        if number % 50 == 0:
            clock.advance(seconds=1)
    page.reset_filters()
    model = page.model
    assert model.rowCount() == 2000
    page.view.scrollToBottom()
    page.view.viewport().repaint()
    page.view.scrollToTop()
    page.view.viewport().repaint()
    page.view.scrollToBottom()
    page.view.viewport().repaint()
    assert model.cached_rows() <= model.PAGE * model.KEEP_PAGES
    assert model.entry_at(1999).content == "咨询 0"
    assert page.count_label.text().count("2000") == 1


def test_the_channel_is_picked_without_the_mouse_and_without_alt(page, estate, qtbot):
    form = page.form
    page.focus_log()  # the clerk was reading the log
    page.focus_entry()  # F2
    assert focused() is form.unit_edit
    qtbot.keyClicks(form.unit_edit, "3")  # a digit in 房号 is the room's
    assert form.unit_edit.text() == "3" and form.channel_choice.value() == "来电"
    page.focus_entry()  # F2 again: to 方式
    assert focused() is form.channel_choice
    qtbot.keyClick(form.channel_choice, Qt.Key.Key_2)
    assert form.channel_choice.value() == "来访"
    assert focused() is form.unit_edit and form.unit_edit.text() == "3"
    qtbot.keyClick(form.unit_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form.channel_choice  # Shift+Tab reaches it too
    qtbot.keyClick(form.channel_choice, Qt.Key.Key_1)
    assert form.channel_choice.value() == "来电" and focused() is form.unit_edit


@pytest.mark.parametrize(
    ("category_key", "fields"),
    [
        (Qt.Key.Key_Z, ["entry_content", "entry_result", "entry_note"]),  # 咨询
        (Qt.Key.Key_B, ["entry_content", "urgency_choice", "entry_appointment", "entry_note"]),
        (Qt.Key.Key_T, ["entry_content", "entry_department", "entry_note"]),  # 投诉
    ],
)
def test_tab_walks_the_form_in_reading_order(page, qtbot, category_key, fields):
    form = page.form
    form.category_choice.setFocus()
    qtbot.keyClick(form.category_choice, category_key)
    walked = tab_walk(qtbot, form.unit_edit, 7 + len(fields))
    assert walked == [
        "entry_unit",
        "entry_name",
        "entry_phone",
        "category_choice",
        *fields,
        "save_entry",
        "clear_entry",
        "entry_unit",
    ]
