"""新建批次 and 添加房屋: a delivery batch's name, hand-over dates, place and contact, and
its units — whole buildings (``3, 5``) and/or units one by one (``7-1-101 7-1-102``),
typed in one field each, separated by spaces or commas.

    dialog = BatchDialog(desk, hub, parent); dialog.exec(); dialog.created  # BatchRow
    dialog = AddUnitsDialog(desk, hub, batch, parent); dialog.exec(); dialog.added  # count
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.movein import batches
from desk_app.services.movein.batches import BatchInput, BatchRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.controls import picked_date, qdate
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, line_edit

FIRST_DAY_AFTER = timedelta(days=15)
"""A new batch starts about two weeks out: the notices go out 10–30 days before."""
LENGTH = timedelta(days=14)


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class BatchDialog(FormDialog):
    """新建批次: refused input is said under the fields, the cursor in the one at fault."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.created: BatchRow | None = None
        self.setObjectName("movein_batch_dialog")
        self.setWindowTitle(self.tr("New delivery batch"))
        first = desk.clock.now().date() + FIRST_DAY_AFTER
        self.name = self.add_row(self.tr("&Name:"), line_edit(self, "batch_name", max_length=60))
        self.name.setPlaceholderText(self.tr("e.g. Building 3, first delivery"))
        self.starts = self.add_row(self.tr("&From:"), date_edit(self, "batch_starts"))
        self.starts.setDate(qdate(first))
        self.ends = self.add_row(self.tr("&To:"), date_edit(self, "batch_ends"))
        self.ends.setDate(qdate(first + LENGTH))
        self.starts.dateChanged.connect(self._keep_order)
        self.place = self.add_row(self.tr("&Place:"), line_edit(self, "batch_place"))
        self.contact = self.add_row(self.tr("C&ontact:"), line_edit(self, "batch_contact"))
        self.contact.setPlaceholderText(self.tr("Who answers the owners' questions, and how"))
        self.buildings = self.add_row(
            self.tr("&Buildings:"), line_edit(self, "batch_buildings", max_length=200)
        )
        self.buildings.setPlaceholderText(self.tr("Every unit of these buildings, e.g. 3, 5"))
        self.units = self.add_row(
            self.tr("&Units:"), line_edit(self, "batch_units", max_length=2000)
        )
        self.units.setPlaceholderText(self.tr("And/or single units, e.g. 7-1-101 7-1-102"))
        self.note = self.add_row(self.tr("Not&e:"), NoteEdit(self, "batch_note"))
        self.finish(
            self.tr("C&reate"),
            [
                self.name,
                self.starts,
                self.ends,
                self.place,
                self.contact,
                self.buildings,
                self.units,
                self.note,
            ],
        )
        self.setMinimumWidth(520)

    def _keep_order(self) -> None:
        if self.ends.date() < self.starts.date():
            self.ends.setDate(self.starts.date().addDays(LENGTH.days))

    def submit(self) -> Done[object] | None:
        done = batches.create_batch(
            self.desk,
            BatchInput(
                name=self.name.text(),
                starts_on=picked_date(self.starts).isoformat(),
                ends_on=picked_date(self.ends).isoformat(),
                place=self.place.text(),
                contact=self.contact.text(),
                note=self.note.toPlainText(),
                buildings=batches.split_codes(self.buildings.text()),
                units=batches.split_codes(self.units.text()),
            ),
        )
        self.created = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        field = getattr(error, "field", None)
        fields: dict[str | None, QWidget] = {
            "name": self.name,
            "starts_on": self.starts,
            "ends_on": self.ends,
            "buildings": self.buildings,
        }
        return fields.get(field, self.units)  # a unit not found names no field


class AddUnitsDialog(FormDialog):
    """添加房屋: more buildings or units into the batch (those already in it are left)."""

    def __init__(
        self, desk: Desk, hub: EventHub, batch: BatchRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.batch = batch
        self.added = 0
        self.setObjectName("movein_add_units_dialog")
        self.setWindowTitle(self.tr("Add units to the batch"))
        self.add_intro(
            self.tr("%1: %2 units now.").replace("%1", batch.name).replace("%2", str(batch.units))
        )
        self.buildings: QLineEdit = self.add_row(
            self.tr("&Buildings:"), line_edit(self, "add_buildings", max_length=200)
        )
        self.buildings.setPlaceholderText(self.tr("Every unit of these buildings, e.g. 3, 5"))
        self.units: QLineEdit = self.add_row(
            self.tr("&Units:"), line_edit(self, "add_units", max_length=2000)
        )
        self.units.setPlaceholderText(self.tr("And/or single units, e.g. 7-1-101 7-1-102"))
        self.finish(self.tr("&Add"), [self.buildings, self.units])
        self.setMinimumWidth(460)

    def submit(self) -> Done[object] | None:
        buildings = batches.split_codes(self.buildings.text())
        units = batches.split_codes(self.units.text())
        done = batches.add_units(self.desk, self.batch.id, buildings=buildings, units=units)
        self.added = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.buildings if getattr(error, "field", None) == "buildings" else self.units
