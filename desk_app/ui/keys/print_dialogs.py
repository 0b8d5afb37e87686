"""The keys tab's printouts: the loan register of a day or a period (钥匙借用登记表,
archived like the other registers) and tag labels (the chosen set, a building's sets, or
every set; not archived — a tag is its code)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QDateEdit, QLineEdit, QRadioButton, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.keys import printing as keys_printing
from desk_app.services.keys.registry import KeySetRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.controls import picked_date, qdate
from desk_app.ui.widgets.forms import FormDialog, line_edit


def _date_edit(parent: QWidget, name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day, parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class RegisterDialog(FormDialog):
    """钥匙借用登记表 from one day to another (both included); today by default."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.printed: PrintedDocument | None = None
        self.setObjectName("key_register_dialog")
        self.setWindowTitle(self.tr("Print the key loan register"))
        today = desk.clock.now().date()
        self.first = self.add_row(
            self.tr("&From:"), _date_edit(self, "register_from", qdate(today))
        )
        self.last = self.add_row(self.tr("&To:"), _date_edit(self, "register_to", qdate(today)))
        self.finish(self.tr("&Print"), [self.first, self.last])
        self.setMinimumWidth(360)

    def submit(self) -> Done[object] | None:
        done = keys_printing.print_register(
            self.desk, picked_date(self.first), picked_date(self.last)
        )
        self.printed = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.last if getattr(error, "field", None) == "to" else self.first


class LabelsDialog(FormDialog):
    """Tag labels: the chosen set's, a building's or every set's (40 to an A4 sheet)."""

    def __init__(
        self, desk: Desk, current: KeySetRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.current = current
        self.pdf: bytes | None = None
        self.setObjectName("key_labels_dialog")
        self.setWindowTitle(self.tr("Print key tag labels"))
        self.group = QButtonGroup(self)
        self.one = QRadioButton(self)
        self.one.setObjectName("labels_one")
        if current is not None:
            self.one.setText(self.tr("&This set: %1").replace("%1", current.code))
        else:
            self.one.setText(self.tr("&This set (none chosen)"))
            self.one.setEnabled(False)
        self.building_choice = QRadioButton(self.tr("A &building's sets:"), self)
        self.building_choice.setObjectName("labels_building_choice")
        self.building: QLineEdit = line_edit(self, "labels_building", max_length=6)
        self.building.setPlaceholderText(self.tr("e.g. 3"))
        self.every = QRadioButton(self.tr("&Every set"), self)
        self.every.setObjectName("labels_every")
        for button in (self.one, self.building_choice, self.every):
            self.group.addButton(button)
        (self.one if current is not None else self.building_choice).setChecked(True)
        self.form.addRow(self.one)
        self.form.addRow(self.building_choice, self.building)
        self.form.addRow(self.every)
        self.building.textEdited.connect(lambda _text: self.building_choice.setChecked(True))
        self.finish(self.tr("&Print"), [self.one, self.building_choice, self.building, self.every])
        self.initial_focus = self.one if current is not None else self.building
        self.setMinimumWidth(400)

    def codes(self) -> list[str]:
        if self.one.isChecked() and self.current is not None:
            return [self.current.code]
        if self.building_choice.isChecked():
            if not self.building.text().strip():
                raise ValidationError("请填写楼号。", field="building")
            return keys_printing.label_codes(self.desk, self.building.text())
        return keys_printing.label_codes(self.desk)

    def submit(self) -> Done[object] | None:
        self.pdf = keys_printing.labels_pdf(self.desk, self.codes())
        return None

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.building if self.building_choice.isChecked() else None
