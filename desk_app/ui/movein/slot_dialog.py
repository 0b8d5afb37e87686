"""添加时段 and 预约: a batch's hand-over slots — one day or several, each day the same
periods (``09:00-12:00 14:00-17:00``) with the units each takes, added in one operation —
and a unit booked into one of them, the free places shown (a full slot is refused by the
service, its message said in the dialog).

    dialog = SlotsDialog(desk, hub, batch, parent); dialog.exec(); dialog.added  # [SlotRow]
    dialog = BookDialog(desk, hub, unit_row, parent); dialog.exec(); dialog.booked
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSpinBox, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.movein import batches
from desk_app.services.movein.batches import BatchRow, BatchUnitRow, SlotRow, SlotsInput
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.movein.batch_dialog import date_edit
from desk_app.ui.widgets.controls import picked_date, qdate
from desk_app.ui.widgets.forms import FormDialog, line_edit

SLOT_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_PERIODS = "09:00-12:00 14:00-17:00"
DEFAULT_CAPACITY = 10
FULL = QColor("#a40000")


def day_text(day: str) -> str:
    """``2026-11-25 周三`` (the weekday in the interface's language)."""
    weekday = QLocale().toString(qdate(date.fromisoformat(day)), "ddd")
    return f"{day} {weekday}"


def period_text(starts: str | None, ends: str | None) -> str:
    return f"{starts}–{ends}" if ends else starts or ""


class SlotsDialog(FormDialog):
    """添加时段: from a day to a day (one day: the same), the periods of each day, the units
    a slot takes. All the slots or none."""

    def __init__(
        self, desk: Desk, hub: EventHub, batch: BatchRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.batch = batch
        self.added: list[SlotRow] = []
        self.setObjectName("movein_slots_dialog")
        self.setWindowTitle(self.tr("Add time slots"))
        self.add_intro(
            self.tr("%1: hand-over from %2 to %3.")
            .replace("%1", batch.name)
            .replace("%2", batch.starts_on)
            .replace("%3", batch.ends_on)
        )
        first = QDate.fromString(batch.starts_on, "yyyy-MM-dd")
        last = QDate.fromString(batch.ends_on, "yyyy-MM-dd")
        today = qdate(desk.clock.now().date())
        start = today if first <= today <= last else first
        self.first_day = self.add_row(self.tr("&Day:"), date_edit(self, "slots_first_day"))
        self.last_day = self.add_row(self.tr("&Until:"), date_edit(self, "slots_last_day"))
        for edit in (self.first_day, self.last_day):
            edit.setDateRange(first, last)
            edit.setDate(start)
        self.first_day.dateChanged.connect(self._keep_order)
        self.periods = self.add_row(
            self.tr("&Periods:"), line_edit(self, "slots_periods", DEFAULT_PERIODS, 200)
        )
        self.periods.setToolTip(
            self.tr("Each day's slots, e.g. 09:00-12:00 14:00-17:00 (one or several)")
        )
        self.capacity = self.add_row(self.tr("Units per &slot:"), QSpinBox(self))
        self.capacity.setObjectName("slots_capacity")
        self.capacity.setRange(1, batches.MAX_CAPACITY)
        self.capacity.setValue(DEFAULT_CAPACITY)
        self.finish(self.tr("&Add"), [self.first_day, self.last_day, self.periods, self.capacity])
        self.setMinimumWidth(460)

    def _keep_order(self) -> None:
        if self.last_day.date() < self.first_day.date():
            self.last_day.setDate(self.first_day.date())

    def submit(self) -> Done[object] | None:
        done = batches.add_slots(
            self.desk,
            self.batch.id,
            SlotsInput(
                first_day=picked_date(self.first_day).isoformat(),
                last_day=picked_date(self.last_day).isoformat(),
                periods=self.periods.text(),
                capacity=self.capacity.value(),
            ),
        )
        self.added = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        fields: dict[str | None, QWidget] = {
            "day": self.first_day,
            "last_day": self.last_day,
            "capacity": self.capacity,
        }
        return fields.get(getattr(error, "field", None), self.periods)


class BookDialog(FormDialog):
    """预约: the unit's slot chosen from the batch's slots, each with its free places; a
    booked unit's slot is marked and moving it to another is one operation."""

    def __init__(
        self, desk: Desk, hub: EventHub, unit: BatchUnitRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit = unit
        self.booked: BatchUnitRow | None = None
        self.setObjectName("movein_book_dialog")
        self.setWindowTitle(self.tr("Make an appointment"))
        who = f"{unit.unit_code} {unit.owner_name}" if unit.owner_name else unit.unit_code
        if unit.slot_day:
            intro = (
                self.tr("%1, booked for %2 %3. Choose another slot to move it.")
                .replace("%1", who)
                .replace("%2", unit.slot_day)
                .replace("%3", period_text(unit.slot_starts, unit.slot_ends))
            )
        else:
            intro = self.tr("%1: choose the slot.").replace("%1", who)
        self.add_intro(intro)
        self.slots = QListWidget(self)
        self.slots.setObjectName("book_slots")
        self.slots.itemDoubleClicked.connect(lambda _item: self.accept())  # Enter: the dialog's
        self.add_row(self.tr("&Slot:"), self.slots)
        self.fill(batches.slots(desk, unit.batch_id))
        self.finish(self.tr("&Book"), [self.slots])
        self.setMinimumSize(480, 380)

    def slot_text(self, slot: SlotRow) -> str:
        free = slot.capacity - slot.booked
        if free <= 0:
            places = self.tr("full (%1)").replace("%1", str(slot.capacity))
        else:
            places = (
                self.tr("%1 of %2 free").replace("%1", str(free)).replace("%2", str(slot.capacity))
            )
        text = f"{day_text(slot.day)}  {period_text(slot.starts, slot.ends)}  ·  {places}"
        if slot.id == self.unit.slot_id:
            text += self.tr("  (booked now)")
        return text

    def fill(self, slots: list[SlotRow]) -> None:
        self.slots.clear()
        chosen = -1
        for row, slot in enumerate(slots):
            item = QListWidgetItem(self.slot_text(slot))
            item.setData(SLOT_ROLE, slot.id)
            if slot.booked >= slot.capacity:
                item.setForeground(QBrush(FULL))
            self.slots.addItem(item)
            if slot.id == self.unit.slot_id or (chosen < 0 and slot.booked < slot.capacity):
                chosen = row
        self.slots.setCurrentRow(max(chosen, 0) if slots else -1)

    def choose(self, slot_id: int) -> None:
        for row in range(self.slots.count()):
            if self.slots.item(row).data(SLOT_ROLE) == slot_id:
                self.slots.setCurrentRow(row)
                return

    def chosen_slot(self) -> int | None:
        item = self.slots.currentItem()
        return None if item is None else int(item.data(SLOT_ROLE))

    def submit(self) -> Done[object] | None:
        slot_id = self.chosen_slot()
        if slot_id is None:
            raise ValidationError("本批次还没有时段，请先添加时段。", field="slot")
        done = batches.book(self.desk, self.unit.id, slot_id)
        self.booked = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.slots
