"""小区设置: one save with every change; a bad value saves nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desk_app.core.errors import ValidationError
from desk_app.services.desk import settings
from desk_app.ui.desk.settings_dialog import SettingsDialog, split_list
from desk_app.ui.desk.settings_models import ShiftScheduleModel
from tests.builders.ui import change_events, open_dialog, type_text


def test_saves_a_new_estate_name(manager_desk, make_window, when_modal, hub, qtbot):
    window = make_window(manager_desk)
    events = change_events(hub)

    def edit(dialog: SettingsDialog) -> None:
        dialog.estate_name.selectAll()
        type_text(qtbot, dialog.estate_name, "翠湖花园")
        dialog.callback_hours.setValue(48)
        qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)

    when_modal(SettingsDialog, edit)
    window.named_actions["settings.estate"].trigger()
    values = settings.get_all(manager_desk)
    assert values["estate.name"] == "翠湖花园"
    assert values["limits.callback_hours"] == 48
    assert [sorted(e.keys("settings")) for e in events] == [
        ["estate.name", "limits.callback_hours"]
    ]
    assert window.windowTitle().startswith("翠湖花园")


def test_bad_shift_time_is_refused_and_nothing_is_saved(manager_desk, qtbot, hub):
    before = settings.get_all(manager_desk)
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    dialog.estate_name.setText("翠湖花园")
    model = dialog.schedule_model
    model.setData(model.index(0, 1), "25:99")
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "时间格式应为" in dialog.error_text()
    assert dialog.tabs.currentIndex() == 1  # the schedule is shown
    assert settings.get_all(manager_desk) == before
    assert dialog.estate_name.text() == "翠湖花园"  # what was typed stays


def test_shift_rows_can_be_added_and_removed(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    model = dialog.schedule_model
    dialog.add_shift()
    assert model.rowCount() == 4
    for column, text in enumerate(("夜班", "20:00", "07:30")):
        model.setData(model.index(3, column), text)
    dialog.schedule_view.setCurrentIndex(model.index(0, 0))
    dialog.remove_shift()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    names = [slot["name"] for slot in settings.get_all(manager_desk)["shift.schedule"]]
    assert names == ["中班", "晚班", "夜班"]


def test_receipt_copies_and_paper(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    dialog.receipt_copies.setText("存根联，收据联")
    dialog.paper_default.setCurrentIndex(dialog.paper_default.findData("A5"))
    dialog.accept()
    values = settings.get_all(manager_desk)
    assert values["receipt.copies"] == ["存根联", "收据联"]
    assert values["paper.default"] == "A5"
    assert dialog.changed_keys == ["paper.default", "receipt.copies"]


def test_split_list():
    assert split_list(" 存根联、收据联, 记账联 ") == ["存根联", "收据联", "记账联"]
    assert split_list("") == []


def test_schedule_model(qtmodeltester):
    model = ShiftScheduleModel(
        [
            {"name": "早班", "start": "07:30", "end": "15:30"},
            {"name": "晚班", "start": "12:00", "end": "20:00"},
        ]
    )
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "开始"
    model.insertRows(1, 1)
    qtmodeltester.check(model)
    assert model.schedule()[1] == {"name": "", "start": "", "end": ""}
    assert model.removeRows(0, 2)
    assert [row["name"] for row in model.schedule()] == ["晚班"]


def test_callback_attempts_and_departments_are_saved(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    dialog.callback_attempts.setValue(5)
    dialog.departments.setText("客服中心、工程部，保安部")
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    values = settings.get_all(manager_desk)
    assert values["limits.callback_attempts"] == 5
    assert values["reception.departments"] == ["客服中心", "工程部", "保安部"]


def test_ledger_settings_within_their_ranges(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    assert (dialog.close_day.minimum(), dialog.close_day.maximum()) == (1, 28)
    assert dialog.close_day.value() == 25 and dialog.handover_weekday.value() == 5
    assert dialog.late_fee_cap_percent.minimum() == 0  # 0 = no cap
    dialog.close_day.setValue(31)  # the spin box keeps it within 1–28
    dialog.handover_weekday.setValue(4)
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    values = settings.get_all(manager_desk)
    assert values["ledger.close_day"] == 28
    assert values["ledger.handover_weekday"] == 4
    assert dialog.changed_keys == ["ledger.close_day", "ledger.handover_weekday"]


def test_short_receipt_items_are_chosen_by_name(manager_desk, qtbot, hub):
    from desk_app.services.ledger import fee_items

    fee_items.install_standard_items(manager_desk)
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    assert dialog.short_form_items.text() == "装修押金、出入证押金"
    dialog.short_form_items.setText("装修押金、没有这项")
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    assert "没有收费项目“没有这项”" in dialog.error_text()
    assert dialog.tabs.currentWidget().isAncestorOf(dialog.short_form_items)
    dialog.short_form_items.setText("装修押金、其他")
    qtbot.keyClick(dialog.estate_name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(manager_desk, "receipt.short_form_items") == [
        "renovation_deposit",
        "other",
    ]


def test_the_work_order_phone_is_a_checkbox_with_its_reason(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, SettingsDialog(manager_desk, hub))
    assert dialog.work_order_full_phone.isChecked()  # on by default: the technician calls
    note = dialog.findChild(QLabel, "work_order_phone_note")
    assert "technician" in note.text() or "维修人员" in note.text()
    dialog.work_order_full_phone.setChecked(False)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(manager_desk, "repairs.work_order_full_phone") is False


def test_the_work_order_phone_setting_takes_yes_or_no_only(manager_desk):
    with pytest.raises(ValidationError, match="工作单显示完整电话"):
        settings.update(manager_desk, {"repairs.work_order_full_phone": 0})
