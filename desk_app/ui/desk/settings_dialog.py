"""小区设置: the estate's facts and rules (supervisor or manager).

Save sends every changed value to ``settings.update`` in one call: all or nothing.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk, settings
from desk_app.services.ledger import fee_items
from desk_app.services.operations import Done
from desk_app.ui.desk.settings_models import ShiftScheduleModel
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, line_edit

_LIST_SEPARATORS = re.compile(r"[、,，;；\s]+")


def split_list(text: str) -> list[str]:
    return [part for part in _LIST_SEPARATORS.split(text.strip()) if part]


class SettingsDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.original: dict[str, Any] = settings.get_all(desk)
        self.changed_keys: list[str] = []
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Estate settings"))
        values = self.original

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")

        estate = QWidget(self.tabs)
        form = QFormLayout(estate)
        self.estate_name = line_edit(estate, "estate_name", values["estate.name"])
        self.estate_company = line_edit(estate, "estate_company", values["estate.company"])
        self.estate_address = line_edit(estate, "estate_address", values["estate.address"])
        self.estate_phone = line_edit(estate, "estate_phone", values["estate.phone"], 40)
        form.addRow(self.tr("Estate (building) &name:"), self.estate_name)
        form.addRow(self.tr("Property c&ompany:"), self.estate_company)
        form.addRow(self.tr("&Address:"), self.estate_address)
        form.addRow(self.tr("Service &phone:"), self.estate_phone)
        self.tabs.addTab(estate, self.tr("Estate"))

        shifts_page = QWidget(self.tabs)
        self.schedule_model = ShiftScheduleModel(values["shift.schedule"], self)
        self.schedule_view = QTableView(shifts_page)
        self.schedule_view.setObjectName("schedule_view")
        self.schedule_view.setModel(self.schedule_model)
        self.schedule_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.schedule_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.schedule_view.setTabKeyNavigation(False)
        self.schedule_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_shift_button = QPushButton(self.tr("New s&hift"), shifts_page)
        self.add_shift_button.setObjectName("add_shift")
        self.add_shift_button.setAutoDefault(False)
        self.add_shift_button.clicked.connect(self.add_shift)
        self.remove_shift_button = QPushButton(self.tr("Re&move shift"), shifts_page)
        self.remove_shift_button.setObjectName("remove_shift")
        self.remove_shift_button.setAutoDefault(False)
        self.remove_shift_button.clicked.connect(self.remove_shift)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_shift_button)
        row_buttons.addWidget(self.remove_shift_button)
        row_buttons.addStretch(1)
        shifts_layout = QVBoxLayout(shifts_page)
        shifts_layout.addWidget(self.schedule_view)
        shifts_layout.addLayout(row_buttons)
        self.tabs.addTab(shifts_page, self.tr("Shifts"))

        limits = QWidget(self.tabs)
        form = QFormLayout(limits)
        minutes, hours = self.tr(" minutes"), self.tr(" hours")
        self.repair_dispatch = self._spin(
            limits, "repair_dispatch", values["limits.repair_dispatch_minutes"], minutes
        )
        self.urgent_onsite = self._spin(
            limits, "urgent_onsite", values["limits.urgent_onsite_minutes"], minutes
        )
        self.complaint_hours = self._spin(
            limits, "complaint_hours", values["limits.complaint_hours"], hours
        )
        self.callback_hours = self._spin(
            limits, "callback_hours", values["limits.callback_hours"], hours
        )
        form.addRow(self.tr("Repair order to engineering within:"), self.repair_dispatch)
        form.addRow(self.tr("Technician on site for urgent repairs within:"), self.urgent_onsite)
        form.addRow(self.tr("Complaint handled within:"), self.complaint_hours)
        self.callback_attempts = self._spin(
            limits, "callback_attempts", values["limits.callback_attempts"], ""
        )
        self.departments = line_edit(
            limits, "departments", "、".join(values["reception.departments"])
        )
        self.departments.setToolTip(self.tr("Department names separated by 、 or commas"))
        form.addRow(self.tr("Callback within:"), self.callback_hours)
        form.addRow(
            self.tr("Callback may close as unreachable after failed attempts:"),
            self.callback_attempts,
        )
        form.addRow(self.tr("Handling d&epartments:"), self.departments)
        self.tabs.addTab(limits, self.tr("Time limits"))

        paper = QWidget(self.tabs)
        form = QFormLayout(paper)
        self.receipt_copies = line_edit(
            paper, "receipt_copies", "、".join(values["receipt.copies"])
        )
        self.receipt_copies.setToolTip(self.tr("Copy names separated by 、 or commas"))
        self._short_form_text = "、".join(
            fee_items.names_of(desk, list(values["receipt.short_form_items"]))
        )
        self.short_form_items = line_edit(paper, "short_form_items", self._short_form_text)
        self.short_form_items.setToolTip(
            self.tr("Fee items whose one-line receipts print in the short form (今收到 …)")
        )
        self.paper_default = self._paper_combo(paper, "paper_default", values["paper.default"])
        self.paper_receipt = self._paper_combo(paper, "paper_receipt", values["paper.receipt"])
        self.backup_keep = self._spin(paper, "backup_keep", values["backup.keep"], "")
        form.addRow(self.tr("Receipt &copies:"), self.receipt_copies)
        form.addRow(self.tr("&Short receipts for:"), self.short_form_items)
        form.addRow(self.tr("&Default paper:"), self.paper_default)
        form.addRow(self.tr("&Receipt paper:"), self.paper_receipt)
        form.addRow(self.tr("&Backups to keep:"), self.backup_keep)
        self.work_order_full_phone = QCheckBox(
            self.tr("&Work order shows the caller's full phone number"), paper
        )
        self.work_order_full_phone.setObjectName("work_order_full_phone")
        self.work_order_full_phone.setChecked(bool(values["repairs.work_order_full_phone"]))
        phone_note = QLabel(
            self.tr(
                "The technician has to call the caller, so the repair work order prints the "
                "number in full. Every other printout and export shows phones and ID numbers "
                "masked."
            ),
            paper,
        )
        phone_note.setObjectName("work_order_phone_note")
        phone_note.setWordWrap(True)
        form.addRow(self.work_order_full_phone)
        form.addRow(phone_note)
        self.tabs.addTab(paper, self.tr("Printing and backup"))

        ledger_page = QWidget(self.tabs)
        form = QFormLayout(ledger_page)
        days = self.tr(" days")
        self.due_day = self._ledger_spin(ledger_page, "due_day", "ledger.due_day", "")
        self.late_fee_rate = self._ledger_spin(
            ledger_page, "late_fee_rate", "ledger.late_fee_wan_per_day", self.tr(" ‱ a day")
        )
        self.late_fee_grace_days = self._ledger_spin(
            ledger_page, "late_fee_grace_days", "ledger.late_fee_grace_days", days
        )
        self.late_fee_cap_percent = self._ledger_spin(
            ledger_page, "late_fee_cap_percent", "ledger.late_fee_cap_percent", " %"
        )
        self.late_fee_cap_percent.setSpecialValueText(self.tr("no cap"))
        self.handover_weekday = self._ledger_spin(
            ledger_page, "handover_weekday", "ledger.handover_weekday", ""
        )
        self.handover_weekday.setToolTip(self.tr("1 = Monday … 7 = Sunday"))
        self.close_day = self._ledger_spin(ledger_page, "close_day", "ledger.close_day", "")
        self.prepay_confirm_months = self._ledger_spin(
            ledger_page, "prepay_confirm_months", "ledger.prepay_confirm_months", ""
        )
        self.prepay_confirm_months.setToolTip(
            self.tr(
                "A payment leaving more credit than this many months of the unit's charges is confirmed first."
            )
        )
        form.addRow(self.tr("Fees due on da&y of the month:"), self.due_day)
        form.addRow(self.tr("&Late fee rate:"), self.late_fee_rate)
        form.addRow(self.tr("Late fee &grace:"), self.late_fee_grace_days)
        form.addRow(
            self.tr("Late fee &upper limit (of the amount overdue):"), self.late_fee_cap_percent
        )
        form.addRow(self.tr("Cash to &finance on weekday (1–7):"), self.handover_weekday)
        form.addRow(self.tr("Mon&th-end close on day:"), self.close_day)
        form.addRow(self.tr("Conf&irm prepayments beyond (months):"), self.prepay_confirm_months)
        self.tabs.addTab(ledger_page, self.tr("Ledger"))

        self.form.addRow(self.tabs)
        self.finish(self.tr("Save"), stretch=False)
        self.ok_button.setObjectName("save_button")
        self.initial_focus = self.estate_name
        self.resize(620, 440)

    def _spin(self, parent: QWidget, name: str, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setRange(1, 100_000)
        spin.setValue(int(value))
        spin.setSuffix(suffix)
        return spin

    def _ledger_spin(self, parent: QWidget, name: str, key: str, suffix: str) -> QSpinBox:
        spin = self._spin(parent, name, self.original[key], suffix)
        low, high = settings.RANGES[key]
        spin.setRange(low, high)
        spin.setValue(int(self.original[key]))
        return spin

    def _paper_combo(self, parent: QWidget, name: str, value: str) -> QComboBox:
        names = {
            "A4": "A4",
            "A5": "A5",
            "A5-landscape": self.tr("A5 landscape"),
            "B5": "B5",
            "receipt-241x93": self.tr("Receipt paper 241 × 93 mm"),
        }
        combo = QComboBox(parent)
        combo.setObjectName(name)
        for size in settings.PAPER_SIZES:
            combo.addItem(names.get(size, size), size)
        index = combo.findData(value)
        if index < 0:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        return combo

    def add_shift(self) -> None:
        row = self.schedule_model.rowCount()
        self.schedule_model.insertRows(row, 1)
        index = self.schedule_model.index(row, 0)
        self.schedule_view.setCurrentIndex(index)
        self.schedule_view.setFocus()
        self.schedule_view.edit(index)

    def remove_shift(self) -> None:
        current = self.schedule_view.currentIndex()
        if not current.isValid():
            return
        self.schedule_model.removeRows(current.row(), 1, QModelIndex())

    def values(self) -> dict[str, Any]:
        """What the form holds now, keyed like the settings service."""
        return {
            "estate.name": self.estate_name.text(),
            "estate.company": self.estate_company.text(),
            "estate.address": self.estate_address.text(),
            "estate.phone": self.estate_phone.text(),
            "shift.schedule": self.schedule_model.schedule(),
            "limits.repair_dispatch_minutes": self.repair_dispatch.value(),
            "limits.urgent_onsite_minutes": self.urgent_onsite.value(),
            "limits.complaint_hours": self.complaint_hours.value(),
            "limits.callback_hours": self.callback_hours.value(),
            "limits.callback_attempts": self.callback_attempts.value(),
            "reception.departments": split_list(self.departments.text()),
            "receipt.copies": split_list(self.receipt_copies.text()),
            "receipt.short_form_items": self._short_form_codes(),
            "paper.default": self.paper_default.currentData(),
            "paper.receipt": self.paper_receipt.currentData(),
            "backup.keep": self.backup_keep.value(),
            "ledger.due_day": self.due_day.value(),
            "ledger.late_fee_wan_per_day": self.late_fee_rate.value(),
            "ledger.late_fee_grace_days": self.late_fee_grace_days.value(),
            "ledger.late_fee_cap_percent": self.late_fee_cap_percent.value(),
            "ledger.handover_weekday": self.handover_weekday.value(),
            "ledger.close_day": self.close_day.value(),
            "ledger.prepay_confirm_months": self.prepay_confirm_months.value(),
            "repairs.work_order_full_phone": self.work_order_full_phone.isChecked(),
        }

    def _short_form_codes(self) -> list[str]:
        """The codes of the fee items named (unchanged text: the codes as stored, even
        those of items not set up yet)."""
        if self.short_form_items.text() == self._short_form_text:
            return list(self.original["receipt.short_form_items"])
        names = split_list(self.short_form_items.text())
        return fee_items.codes_of(self.desk, names, field="receipt.short_form_items")

    def changes(self) -> dict[str, Any]:
        return {
            key: value for key, value in self.values().items() if self.original.get(key) != value
        }

    def submit(self) -> Done[object] | None:
        changes = self.changes()
        if not changes:
            return None
        done = settings.update(self.desk, changes)
        self.changed_keys = sorted(done.value)
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        widget = {
            "estate.name": self.estate_name,
            "estate.company": self.estate_company,
            "estate.address": self.estate_address,
            "estate.phone": self.estate_phone,
            "shift.schedule": self.schedule_view,
            "limits.repair_dispatch_minutes": self.repair_dispatch,
            "limits.urgent_onsite_minutes": self.urgent_onsite,
            "limits.complaint_hours": self.complaint_hours,
            "limits.callback_hours": self.callback_hours,
            "limits.callback_attempts": self.callback_attempts,
            "reception.departments": self.departments,
            "receipt.copies": self.receipt_copies,
            "receipt.short_form_items": self.short_form_items,
            "paper.default": self.paper_default,
            "paper.receipt": self.paper_receipt,
            "backup.keep": self.backup_keep,
            "ledger.due_day": self.due_day,
            "ledger.late_fee_wan_per_day": self.late_fee_rate,
            "ledger.late_fee_grace_days": self.late_fee_grace_days,
            "ledger.late_fee_cap_percent": self.late_fee_cap_percent,
            "ledger.handover_weekday": self.handover_weekday,
            "ledger.close_day": self.close_day,
            "ledger.prepay_confirm_months": self.prepay_confirm_months,
            "repairs.work_order_full_phone": self.work_order_full_phone,
        }.get(error.field or "")
        if widget is None:
            return None
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is not None and tab.isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
        return widget
