"""The repairs tab: the order list with its filters, count and time limits, the chosen
order's work order, the actions enabled per status, printing, and a long history that is
never read whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtPdf import QPdfDocument

from desk_app.core.clock import to_text
from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.directory import people
from desk_app.services.directory.people import PersonRecord
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.services.repairs import callbacks
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion, NewRepair
from desk_app.services.shifts import login
from desk_app.ui.operations import announce
from desk_app.ui.repairs.completion import CompletionDialog
from desk_app.ui.repairs.dialogs import ArrivalDialog, DispatchDialog
from desk_app.ui.repairs.models import RepairOrdersModel
from desk_app.ui.repairs.page import RepairsPage
from desk_app.ui.widgets import deadline_colors
from tests.builders.staff import PASSWORD
from tests.builders.ui import change_events, written_elsewhere

M = RepairOrdersModel


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    directory_estate.create_units(desk, BuildingPlan("3", 1, 2, 1, 6, 2, zero_padded=False))
    directory_estate.create_units(desk, BuildingPlan("5", 1, 1, 1, 3, 2, zero_padded=False))
    unit = directory_estate.find_unit(desk, "3-2-501")
    people.add_occupant(
        desk, unit.id, PersonRecord(name="张三", gender="男", phone="13812345678"), "owner"
    )
    login.login(desk, "lee", PASSWORD, "早班")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    repair_setup.add_technician(desk, "刘强", specialty="水电")
    repair_setup.add_technician(desk, "恒安电梯维保公司", kind="外单位", specialty="电梯")
    repair_setup.add_price(desk, "更换水龙头", "35.00", category="水", unit="个", labour="20")
    login.login(desk, "zhang", PASSWORD, "早班")
    return desk


def tech(desk, name="王建国"):
    return next(t for t in repair_setup.technicians(desk) if t.name == name)


def new_order(desk, content="厨房水龙头漏水", unit="3-2-501", **extra):
    return repairs.create_order(desk, NewRepair(content=content, unit=unit, **extra)).value


def make_page(qtbot, desk, hub) -> RepairsPage:
    page = RepairsPage(desk, hub)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(page, row, column, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, column).data(role)


def complete(desk, order_id, **extra):
    values = dict(work_done="修好", labour="20")
    values.update(extra)
    return repairs.complete(desk, order_id, Completion(**values)).value


def in_status(desk, clock, status):
    """An order brought to ``status`` through the services."""
    order = new_order(desk)
    if status == "登记":
        return order
    if status == "暂停":
        return repairs.hold(desk, order.id, "等配件").value
    if status == "转外单位":
        return repairs.refer_out(desk, order.id, "清源管道疏通").value
    if status == "已取消":
        return repairs.cancel(desk, order.id, "业主自行修好").value
    order = repairs.dispatch(desk, order.id, tech(desk).id).value
    if status == "已派工":
        return order
    clock.advance(minutes=5)
    order = repairs.record_arrival(desk, order.id).value
    if status == "维修中":
        return order
    clock.advance(minutes=30)
    order = complete(desk, order.id)
    if status == "已完工":
        return order
    callback = callbacks.for_order(desk, order.id)
    callbacks.record(desk, callback.id, reached=True, result="满意")
    return repairs.get_order(desk, order.id)


# ---- the list ------------------------------------------------------------------------------


def test_list_is_newest_first_masked_and_counted(estate, qtbot, hub, clock, qtmodeltester):
    first = new_order(estate, "卫生间灯不亮")
    clock.advance(minutes=1)
    second = new_order(estate, "厨房水龙头漏水", phone="13912345678", reporter="李四")
    page = make_page(qtbot, estate, hub)
    assert page.objectName() == "repairs_page"
    assert page.model.rowCount() == 2
    assert "2" in page.filters.count_label.text()
    assert cell(page, 0, M.ORDER_NO) == second.order_no
    assert cell(page, 1, M.ORDER_NO) == first.order_no
    assert cell(page, 0, M.PHONE) == "139****5678"
    assert cell(page, 0, M.LOCATION) == "3栋2单元501"
    assert cell(page, 0, M.STATUS) == "登记"
    assert cell(page, 0, M.REPORTER) == "李四"
    assert page.view.verticalHeader().isHidden()
    qtmodeltester.check(page.model)
    # the newest order is chosen and shown as its work order
    assert page.order.id == second.id
    assert page.order_view.text("order_no") == second.order_no
    assert (
        page.order_view.text("phone") == "139****5678"
    )  # masked on screen; in full on the work order


def test_filters_change_the_count(estate, qtbot, hub, clock):
    first = new_order(estate, "灯不亮")
    second = new_order(estate, "水管漏水", unit="5-1-101", urgency="紧急")
    third = new_order(estate, "门锁坏了")
    repairs.dispatch(estate, first.id, tech(estate).id)
    repairs.dispatch(estate, second.id, tech(estate, "刘强").id)
    repairs.cancel(estate, third.id, "重复报修")
    page = make_page(qtbot, estate, hub)
    filters = page.filters
    assert page.model.rowCount() == 3

    filters.status.setCurrentIndex(filters.status.findData("已派工"))
    assert page.model.rowCount() == 2 and "2" in filters.count_label.text()
    filters.status.setCurrentIndex(filters.status.findData("unfinished"))
    assert page.model.rowCount() == 2
    filters.status.setCurrentIndex(filters.status.findData("已取消"))
    assert page.model.rowCount() == 1 and cell(page, 0, M.ORDER_NO) == third.order_no
    filters.status.setCurrentIndex(0)

    filters.technician.setCurrentIndex(filters.technician.findData(tech(estate, "刘强").id))
    assert page.model.rowCount() == 1 and cell(page, 0, M.ORDER_NO) == second.order_no
    filters.technician.setCurrentIndex(0)

    filters.building.setCurrentIndex(filters.building.findData("5"))
    assert page.model.rowCount() == 1
    filters.building.setCurrentIndex(0)
    filters.urgency.setCurrentIndex(filters.urgency.findData("紧急"))
    assert page.model.rowCount() == 1
    filters.urgency.setCurrentIndex(0)

    # overdue: an urgent order with nobody on site after 15 minutes, an undispatched one
    # after 3 minutes
    late = new_order(estate, "楼道灯不亮")
    filters.overdue.setChecked(True)
    assert page.model.rowCount() == 0 and "0" in filters.count_label.text()
    clock.advance(minutes=5)
    page.refresh()
    assert [cell(page, r, M.ORDER_NO) for r in range(page.model.rowCount())] == [late.order_no]
    clock.advance(minutes=15)
    page.tick()  # the 30-second timer notices the count changed
    assert page.model.rowCount() == 2
    filters.overdue.setChecked(False)
    assert page.model.rowCount() == 4


def test_period_filter(estate, qtbot, hub, clock):
    old = new_order(estate, "去年的单")
    clock.advance(days=40)
    recent = new_order(estate, "今天的单")
    page = make_page(qtbot, estate, hub)
    assert page.model.rowCount() == 1 and cell(page, 0, M.ORDER_NO) == recent.order_no
    page.filters.period.setCurrentIndex(page.filters.period.findData("all"))
    assert page.model.rowCount() == 2
    page.filters.period.setCurrentIndex(page.filters.period.findData("today"))
    assert page.model.rowCount() == 1
    today = clock.now().date()
    page.filters.set_period("custom", today, today)
    assert page.filters.date_from.isEnabled() and page.model.rowCount() == 1
    page.filters.date_from.setDate(page.filters.date_from.date().addDays(-60))
    assert page.model.rowCount() == 2
    assert cell(page, 1, M.ORDER_NO) == old.order_no


def test_time_limit_column_text_and_colour(estate, qtbot, hub, clock):
    order = new_order(estate)
    page = make_page(qtbot, estate, hub)
    assert cell(page, 0, M.LIMIT) == "派工 剩 3分钟"
    assert cell(page, 0, M.LIMIT, Qt.ItemDataRole.BackgroundRole) == QColor(
        deadline_colors.BACKGROUND["on_time"]
    )
    clock.advance(minutes=2)
    page.tick()
    assert cell(page, 0, M.LIMIT) == "派工 剩 1分钟"
    assert cell(page, 0, M.LIMIT, Qt.ItemDataRole.BackgroundRole) == QColor("#fff1c2")
    assert cell(page, 0, M.LIMIT, Qt.ItemDataRole.ForegroundRole) == QColor("#7a4f00")
    clock.advance(minutes=3)
    page.tick()
    assert cell(page, 0, M.LIMIT) == "派工 超时 2分钟"
    assert cell(page, 0, M.LIMIT, Qt.ItemDataRole.BackgroundRole) == QColor("#f9d6d5")
    announce(hub, repairs.dispatch(estate, order.id, tech(estate).id), None)
    assert cell(page, 0, M.LIMIT) == ""  # not urgent: no limit runs while dispatched
    assert cell(page, 0, M.WORKER) == "王建国"


def test_urgent_order_runs_the_onsite_limit(estate, qtbot, hub, clock):
    order = new_order(estate, urgency="紧急")
    repairs.dispatch(estate, order.id, tech(estate).id)
    clock.advance(minutes=12)
    page = make_page(qtbot, estate, hub)
    assert cell(page, 0, M.LIMIT) == "紧急到场 剩 3分钟"
    assert cell(page, 0, M.LIMIT, Qt.ItemDataRole.BackgroundRole) == QColor("#fff1c2")


def test_timer_refreshes_every_30_seconds(estate, qtbot, hub):
    page = make_page(qtbot, estate, hub)
    assert page.timer.isActive() and page.timer.interval() == 30_000
    assert page.model.rowCount() == 0
    new_order(estate)  # written elsewhere (the reception tab), no signal here
    page.tick()
    assert page.model.rowCount() == 1


def test_a_hidden_page_reads_nothing_and_catches_up_when_shown(estate, qtbot, hub):
    page = make_page(qtbot, estate, hub)
    page.hide()  # another tab is showing
    assert not page.timer.isActive()
    order = new_order(estate)
    written_elsewhere(hub, "repair_orders", order.id)
    assert page.model.rowCount() == 0
    page.show()
    assert page.timer.isActive()
    assert page.model.rowCount() == 1 and page.order.id == order.id


# ---- actions per status ---------------------------------------------------------------------

EXPECTED = {
    "登记": {"dispatch", "hold", "refer_out", "cancel"},
    "已派工": {"dispatch", "arrival", "complete", "hold", "refer_out", "cancel"},
    "维修中": {"complete", "hold", "refer_out", "cancel"},
    "暂停": {"dispatch", "resume", "refer_out", "cancel"},
    "转外单位": {"dispatch", "complete", "cancel"},
    "已完工": {"callback"},
    "已回访": set(),
    "已取消": set(),
}
ORDER_ACTIONS = (
    "dispatch",
    "arrival",
    "complete",
    "hold",
    "resume",
    "refer_out",
    "cancel",
    "callback",
)


@pytest.mark.parametrize("status", list(EXPECTED))
def test_each_action_is_enabled_only_where_the_service_allows_it(estate, qtbot, hub, clock, status):
    order = in_status(estate, clock, status)
    assert order.status == status
    page = make_page(qtbot, estate, hub)
    assert page.show_order(order.id)
    enabled = {name for name in ORDER_ACTIONS if page.named_actions[name].isEnabled()}
    assert enabled == EXPECTED[status]
    assert page.buttons["dispatch"].isEnabled() == ("dispatch" in EXPECTED[status])
    assert page.named_actions["print_order"].isEnabled()
    assert page.named_actions["new_order"].isEnabled()


def test_nothing_chosen_disables_the_order_actions(estate, qtbot, hub):
    page = make_page(qtbot, estate, hub)
    assert page.order is None
    assert not any(page.named_actions[name].isEnabled() for name in (*ORDER_ACTIONS, "print_order"))
    assert page.named_actions["new_order"].isEnabled()
    assert page.named_actions["print_dispatch_sheet"].isEnabled()


def test_callback_on_an_open_order_shows_the_service_refusal(estate, qtbot, hub, shown):
    order = new_order(estate)
    page = make_page(qtbot, estate, hub)
    page.show_order(order.id)
    page.call_back()  # the button is disabled; the service says why
    assert any("完工后才能回访" in text for text in shown.texts("warning"))


def test_callback_dialog_from_the_page(estate, qtbot, hub, clock, when_modal):
    from desk_app.ui.repairs.callback_dialog import CallbackDialog

    order = in_status(estate, clock, "已完工")
    page = make_page(qtbot, estate, hub)
    page.show_order(order.id)
    assert page.named_actions["callback"].isEnabled()
    opened = []

    def answer(dialog):
        opened.append(dialog.row.repair_order_id)
        dialog.reject()

    when_modal(CallbackDialog, answer)
    page.named_actions["callback"].trigger()
    assert opened == [order.id]


# ---- the lifecycle through the page -------------------------------------------------------


def test_dispatch_arrival_completion_through_the_page(estate, qtbot, hub, clock, when_modal):
    order = new_order(estate)
    page = make_page(qtbot, estate, hub)
    events = change_events(hub)

    def dispatch(dialog):
        kinds = [dialog.technician.itemText(n) for n in range(dialog.technician.count())]
        assert ["外单位" in k for k in kinds] == [False, False, True]  # engineering first
        dialog.technician.setCurrentIndex(dialog.technician.findData(tech(estate).id))
        dialog.appointment.setText("今天上午")
        dialog.accept()

    when_modal(DispatchDialog, dispatch)
    page.named_actions["dispatch"].trigger()
    assert page.order.status == "已派工" and page.order.appointment == "今天上午"
    assert cell(page, 0, M.STATUS) == "已派工"
    assert page.order_view.text("technician").startswith("王建国")

    clock.advance(minutes=20)
    when_modal(ArrivalDialog, lambda dialog: dialog.accept())
    page.named_actions["arrival"].trigger()
    assert page.order.status == "维修中" and page.order.arrived_at == to_text(clock.now())

    clock.advance(minutes=30)

    def finish(dialog):
        dialog.work_done.setPlainText("更换水龙头")
        dialog.materials.add_line()
        dialog.materials.setData(dialog.materials.index(0, 0), "更换水龙头")
        dialog.accept()

    when_modal(CompletionDialog, finish)
    page.named_actions["complete"].trigger()
    assert page.order.status == "已完工"
    assert page.order.total_fen == 3500 + 2000
    assert page.order_view.text("total") == "¥55.00"
    assert page.order_view.materials_model.rowCount() == 1
    assert [e.to_status for e in page.order_view.events_model.rows()] == [
        "登记",
        "已派工",
        "维修中",
        "已完工",
    ]
    assert [e.ids("repair_orders") for e in events] == [{order.id}] * 3
    assert (
        page.named_actions["callback"].isEnabled()
        and not page.named_actions["complete"].isEnabled()
    )


def test_resume_from_the_page(estate, qtbot, hub, clock):
    order = in_status(estate, clock, "暂停")
    page = make_page(qtbot, estate, hub)
    page.show_order(order.id)
    page.named_actions["resume"].trigger()
    assert repairs.get_order(estate, order.id).status == "登记"
    assert page.order.status == "登记"


def test_shortcut_opens_the_dispatch_dialog(estate, qtbot, hub, when_modal):
    new_order(estate)
    page = make_page(qtbot, estate, hub)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    opened = []
    when_modal(DispatchDialog, lambda dialog: (opened.append(dialog), dialog.reject()))
    qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    assert page.named_actions["complete"].shortcut().toString() == "Ctrl+E"


# ---- finding an order, signals --------------------------------------------------------------


def test_show_order_widens_the_filter(estate, qtbot, hub, clock):
    old = new_order(estate, "很久以前")
    repairs.cancel(estate, old.id, "重复")
    clock.advance(days=60)
    new_order(estate)
    page = make_page(qtbot, estate, hub)
    page.filters.status.setCurrentIndex(page.filters.status.findData("unfinished"))
    assert page.model.rowCount() == 1
    assert page.show_order(old.id)
    assert page.filters.period.currentData() == "all"
    assert page.filters.status.currentIndex() == 0
    assert page.model.rowCount() == 2
    assert page.view.currentIndex().row() == 1
    assert page.order.id == old.id and page.order_view.text("status") == "已取消"


def test_reception_repair_call_shows_up_and_opens_its_entry_and_unit(estate, qtbot, hub):
    page = make_page(qtbot, estate, hub)
    recorded = reception.record(
        estate, NewEntry(channel="来电", category="报修", content="水管漏水", unit="3-2-501")
    )
    announce(hub, recorded, None)
    done = recorded.value
    assert page.model.rowCount() == 1
    page.show_order(done.order.id)
    assert page.order_view.text("reception") == done.entry.entry_no
    with qtbot.waitSignal(page.open_entry_requested) as entry_signal:
        page.named_actions["open_entry"].trigger()
    assert entry_signal.args == [done.entry.id]
    with qtbot.waitSignal(page.open_unit_requested) as unit_signal:
        page.named_actions["open_unit"].trigger()
    assert unit_signal.args == [done.order.unit_id]


def test_new_order_from_the_page(estate, qtbot, hub, when_modal):
    from desk_app.ui.repairs.dialogs import NewOrderDialog

    page = make_page(qtbot, estate, hub)

    def fill(dialog):
        dialog.unit.setText("5-1-101")
        dialog.content.setPlainText("楼道灯不亮")
        dialog.accept()

    when_modal(NewOrderDialog, fill)
    page.new_order()
    assert page.model.rowCount() == 1
    assert page.order.content == "楼道灯不亮" and page.order.location == "5栋1单元101"


# ---- printing -------------------------------------------------------------------------------


def pdf_text(pdf: bytes) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return "".join(document.getAllText(n).text() for n in range(document.pageCount()))


def test_print_work_order_shows_the_pdf(estate, qtbot, hub, shown):
    order = new_order(estate)
    page = make_page(qtbot, estate, hub)
    events = change_events(hub)
    page.show_order(order.id)
    page.named_actions["print_order"].trigger()
    [(pdf, _title)] = shown.previews
    assert pdf.startswith(b"%PDF")
    assert order.order_no in pdf_text(pdf).replace(" ", "").replace("\n", "")
    assert len([e for e in events if e.touches("documents")]) == 1


def test_print_dispatch_sheet(estate, qtbot, hub, shown):
    order = new_order(estate)
    repairs.dispatch(estate, order.id, tech(estate).id)
    page = make_page(qtbot, estate, hub)
    page.print_dispatch_sheet()
    [(pdf, _title)] = shown.previews
    assert pdf.startswith(b"%PDF")
    assert "王建国" in pdf_text(pdf).replace(" ", "")


# ---- a long history -------------------------------------------------------------------------


@pytest.mark.slow
def test_two_thousand_orders_are_never_read_whole(estate, qtbot, hub, clock):
    for number in range(2000):
        if number % 50 == 0:
            clock.advance(minutes=1)
        new_order(estate, f"第 {number} 单")
    page = make_page(qtbot, estate, hub)
    page.filters.period.setCurrentIndex(page.filters.period.findData("all"))
    model = page.model
    assert model.rowCount() == 2000
    page.view.scrollToBottom()
    qtbot.wait(50)
    last = model.rowCount() - 1
    assert cell(page, last, M.CONTENT) == "第 0 单"
    page.view.setCurrentIndex(model.index(last, 0))
    qtbot.wait(50)
    assert page.order.content == "第 0 单"
    assert model.cached_rows() <= model.PAGE * model.KEEP_PAGES
    assert model.cached_rows() < 1000
    page.tick()
    assert model.cached_rows() <= model.PAGE * model.KEEP_PAGES


def test_page_mnemonics_are_unique_and_clear_of_the_menus(estate, qtbot, hub, clock):
    from desk_app.ui.actions import MAIN_MENUS
    from tests.builders.ui import clashes
    from tests.builders.ui import mnemonics_of as mnemonics

    order = in_status(estate, clock, "维修中")
    page = make_page(qtbot, estate, hub)
    page.show_order(order.id)
    menus = {QKeySequence.mnemonic(menu.text).toString() for menu in MAIN_MENUS}
    assert clashes(page) == []
    assert not set(mnemonics(page)) & menus
