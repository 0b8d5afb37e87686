"""Dialogs on one entry of the reception log: handling it (处理), raising it to the
supervisor (上报主管) and reading it in full (the detail, read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryRow
from desk_app.ui.events import EventHub
from desk_app.ui.reception.models import order_text, status_text
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, line_edit


def entry_summary(entry: EntryRow) -> str:
    where = entry.location or "—"
    return f"{entry.entry_no}  {where}  {entry.category}：{entry.content}"


def record_view(parent: QWidget, text: str, object_name: str, lines: int = 5) -> QPlainTextEdit:
    view = QPlainTextEdit(text, parent)
    view.setObjectName(object_name)
    view.setReadOnly(True)
    view.setTabChangesFocus(True)
    view.setFixedHeight(view.fontMetrics().lineSpacing() * lines + 12)
    return view


class HandlingDialog(FormDialog):
    """Add to the handling record, change the department, or finish with a result
    (a finished complaint then waits for its callback)."""

    def __init__(
        self, desk: Desk, hub: EventHub, entry_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.entry = reception.masked(reception.get_entry(desk, entry_id))
        self.setObjectName("handling_dialog")
        self.setWindowTitle(self.tr("Handle {number}").format(number=self.entry.entry_no))
        self.resize(560, 0)
        intro = self.add_intro(entry_summary(self.entry))
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.entry.handling:
            self.history = record_view(self, self.entry.handling, "handling_history", 4)
            self.add_row(self.tr("So far:"), self.history)
        self.handling_edit = NoteEdit(self, "handling_edit")
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        names = reception.departments(desk)
        if self.entry.department and self.entry.department not in names:
            names.insert(0, self.entry.department)
        self.department_combo.addItem("—", "")
        for name in names:
            self.department_combo.addItem(name, name)
        self.department_combo.setCurrentIndex(
            max(self.department_combo.findData(self.entry.department), 0)
        )
        self.finished_check = QCheckBox(self.tr("&Finished: the matter is dealt with"), self)
        self.finished_check.setObjectName("finished_check")
        self.result_edit = line_edit(self, "result_edit", max_length=500)
        self.result_edit.setEnabled(False)
        self.finished_check.toggled.connect(self.result_edit.setEnabled)
        self.add_row(self.tr("&Handling:"), self.handling_edit)
        self.add_row(self.tr("De&partment:"), self.department_combo)
        self.add_row("", self.finished_check)
        self.add_row(self.tr("&Result:"), self.result_edit)
        self.initial_focus = self.handling_edit
        self.finish(
            self.tr("Record"),
            [self.handling_edit, self.department_combo, self.finished_check, self.result_edit],
        )

    def submit(self) -> Done[object]:
        department = self.department_combo.currentData() or ""
        done = reception.record_handling(
            self.desk,
            self.entry.id,
            handling=self.handling_edit.toPlainText(),
            result=self.result_edit.text(),
            finished=self.finished_check.isChecked(),
            department=department if department != self.entry.department else None,
        )
        self.entry = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        if error.field == "result":
            if not self.finished_check.isChecked():
                return self.finished_check
            return self.result_edit
        if error.field == "department":
            return self.department_combo
        return self.handling_edit


class EscalateDialog(FormDialog):
    """上报主管: a matter beyond the clerk, or a major event, with the reason."""

    def __init__(
        self, desk: Desk, hub: EventHub, entry_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.entry = reception.masked(reception.get_entry(desk, entry_id))
        self.setObjectName("escalate_dialog")
        self.setWindowTitle(
            self.tr("Report {number} to the supervisor").format(number=self.entry.entry_no)
        )
        self.resize(480, 0)
        self.add_intro(entry_summary(self.entry))
        self.reason_edit = NoteEdit(self, "reason_edit")
        self.add_row(self.tr("&Reason:"), self.reason_edit)
        self.finish(self.tr("Report"), [self.reason_edit])

    def submit(self) -> Done[object]:
        done = reception.escalate(self.desk, self.entry.id, self.reason_edit.toPlainText())
        self.entry = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.reason_edit


class EntryDetailDialog(QDialog):
    """Every field of one entry, read-only, with the whole handling record."""

    def __init__(self, desk: Desk, entry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        entry = reception.masked(reception.get_entry(desk, entry_id))
        self.entry = entry
        self.setObjectName("entry_detail")
        self.setWindowTitle(self.tr("Reception entry {number}").format(number=entry.entry_no))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(label: str, value: str | None, name: str) -> None:
            field = QLabel(value or "", self)
            field.setObjectName(name)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)

        add(self.tr("No.:"), entry.entry_no, "detail_number")
        add(self.tr("Received:"), display(entry.received_at), "detail_received")
        add(self.tr("Channel:"), entry.channel, "detail_channel")
        add(self.tr("Unit / place:"), entry.location, "detail_location")
        add(self.tr("Name:"), entry.caller_name, "detail_name")
        add(self.tr("Phone:"), entry.phone, "detail_phone")
        add(self.tr("Category:"), entry.category, "detail_category")
        add(self.tr("Content:"), entry.content, "detail_content")
        add(self.tr("Received by:"), entry.receiver_name, "detail_receiver")
        add(self.tr("Department:"), entry.department, "detail_department")
        self.handling_view = record_view(self, entry.handling, "detail_handling", 5)
        form.addRow(self.tr("Handling:"), self.handling_view)
        add(self.tr("Result:"), entry.result, "detail_result")
        add(self.tr("Status:"), status_text(entry), "detail_status")
        add(self.tr("Due by:"), display(entry.due_at), "detail_due")
        add(self.tr("Completed:"), display(entry.completed_at), "detail_completed")
        add(self.tr("Called back:"), display(entry.callback_at), "detail_callback_at")
        add(self.tr("Called back by:"), entry.callback_by, "detail_callback_by")
        add(self.tr("Callback result:"), entry.callback_result, "detail_callback_result")
        add(self.tr("Repair order:"), order_text(entry), "detail_order")
        add(self.tr("Note:"), entry.note, "detail_note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 0)
