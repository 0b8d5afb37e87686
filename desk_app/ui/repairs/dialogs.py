"""The small forms of a repair order's life: 新建工单, 派工, 到场, 暂停/待料, 转外单位,
取消. Each calls one service function; a refusal is shown inline with the cursor in the
field the service named, and nothing is written. (完工 is in ``completion.py``.)"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, locations
from desk_app.services.operations import Done
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import NewRepair, OrderRow
from desk_app.services.repairs.setup import TechnicianRow
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.controls import fill_vocabulary
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, W, line_edit
from desk_app.ui.widgets.unit_field import UnitLineEdit

TIME_EXAMPLE = "2026-11-20 09:30"


def order_summary(order: OrderRow) -> str:
    content = " ".join(order.content.split())
    if len(content) > 60:
        content = content[:59] + "…"
    return f"{order.order_no}  {order.location}：{content}"


def technician_label(technician: TechnicianRow) -> str:
    extra = technician.kind + (f" · {technician.specialty}" if technician.specialty else "")
    return f"{technician.name}（{extra}）"


def sorted_technicians(desk: Desk) -> list[TechnicianRow]:
    """Active technicians, engineering's own first, then outside contractors."""
    rows = repair_setup.technicians(desk)
    return sorted(rows, key=lambda t: (t.kind != "工程部", t.kind))


def now_text(desk: Desk) -> str:
    return display(desk.clock.now())


def time_edit(parent: QWidget, object_name: str, text: str = "") -> QLineEdit:
    edit = line_edit(parent, object_name, text, 40)
    edit.setPlaceholderText(TIME_EXAMPLE)
    return edit


class RepairFormDialog(FormDialog):
    """A form whose fields are named like the services' ``error.field``."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.fields: dict[str, QWidget] = {}
        self.result_order: OrderRow | None = None

    def field(self, name: str, label: str, widget: W) -> W:
        self.fields[name] = widget
        return self.add_row(label, widget)

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.fields.get(error.field or "")


class NewOrderDialog(RepairFormDialog):
    """新建工单 without a reception entry: public places and engineering's own finds.

    The room is typed with completion, or a public place is chosen. For a unit, the
    owner (or tenant) from the archive is offered as the reporter; left as offered, the
    order takes that person's phone from the archive."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.setObjectName("new_order_dialog")
        self.setWindowTitle(self.tr("New repair order"))
        self.contact: locations.UnitContact | None = None
        self.unit = UnitLineEdit(desk, self)
        self.unit.unit_chosen.connect(self._unit_chosen)
        self.unit.editingFinished.connect(self._unit_typed)
        self.unit.textEdited.connect(self._unit_edited)
        self.field("unit", self.tr("&Unit:"), self.unit)
        self.place = QComboBox(self)
        self.place.setObjectName("place")
        self.place.addItem(self.tr("(none)"), None)
        for place in estate.list_public_places(desk):
            self.place.addItem(locations.place_text(place), place.id)
        self.place.currentIndexChanged.connect(self._place_chosen)
        self.add_row(self.tr("or public &place:"), self.place)
        self.reporter = self.field(
            "reporter", self.tr("Reported &by:"), line_edit(self, "reporter", max_length=40)
        )
        self.phone = self.field("phone", self.tr("P&hone:"), line_edit(self, "phone", "", 40))
        self.content = self.field("content", self.tr("&Repair request:"), NoteEdit(self, "content"))
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("urgency")
        fill_vocabulary(self.urgency, repairs.REPAIR_URGENCIES)
        self.field("urgency", self.tr("Ur&gency:"), self.urgency)
        self.appointment = self.field(
            "appointment", self.tr("&Appointment:"), line_edit(self, "appointment", "", 100)
        )
        self.appointment.setPlaceholderText(self.tr("e.g. this afternoon, 2026-11-21 14:00"))
        self.note = self.field("note", self.tr("N&ote:"), line_edit(self, "note"))
        self.finish(
            self.tr("Register"),
            [
                self.unit,
                self.place,
                self.reporter,
                self.phone,
                self.content,
                self.urgency,
                self.appointment,
                self.note,
            ],
        )
        self.setMinimumWidth(520)

    def _unit_edited(self, text: str) -> None:
        if text.strip() and self.place.currentIndex() > 0:
            self.place.setCurrentIndex(0)
        self._offer_contact(None)

    def _place_chosen(self, index: int) -> None:
        if index > 0:
            self.unit.clear()
            self._offer_contact(None)

    def _unit_chosen(self, unit_id: int) -> None:
        self._offer_contact(locations.contact_for_unit(self.desk, unit_id))

    def _unit_typed(self) -> None:
        if self.contact is not None or not self.unit.text().strip():
            return
        unit_id = self.unit.unit_id()
        if unit_id is not None:
            self._offer_contact(locations.contact_for_unit(self.desk, unit_id))

    def _offer_contact(self, contact: locations.UnitContact | None) -> None:
        previous = self.contact
        self.contact = contact
        if previous is not None and self.reporter.text() == previous.name:
            self.reporter.clear()
        if contact is None:
            self.phone.setPlaceholderText("")
            return
        if not self.reporter.text().strip():
            self.reporter.setText(contact.name)
        if contact.has_phone:
            self.phone.setPlaceholderText(
                self.tr("{phone} (from the owner archive)").format(phone=contact.phone_masked)
            )

    def submit(self) -> Done[object]:
        place_id = self.place.currentData()
        contact = self.contact
        use_contact = (
            contact is not None
            and place_id is None
            and not self.phone.text().strip()
            and self.reporter.text().strip() == contact.name
        )
        done = repairs.create_order(
            self.desk,
            NewRepair(
                content=self.content.toPlainText(),
                unit="" if place_id is not None else self.unit.text(),
                unit_id=None if place_id is not None else self._chosen_unit_id(),
                place_id=place_id,
                reporter=self.reporter.text(),
                phone=self.phone.text(),
                contact_person_id=contact.person_id if use_contact and contact else None,
                appointment=self.appointment.text(),
                urgency=self.urgency.currentData(),
                note=self.note.text(),
            ),
        )
        self.result_order = done.value
        return done

    def _chosen_unit_id(self) -> int | None:
        if not self.unit.text().strip():
            return None
        return self.unit.unit_id()  # None: the service explains what is wrong with the text

    def error_focus(self, error: DeskError) -> QWidget | None:
        if error.field == "unit" and self.place.currentIndex() > 0:
            return self.place
        return super().error_focus(error)


class DispatchDialog(RepairFormDialog):
    """派工: a technician (engineering first, then contractors) and the appointment."""

    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, parent)
        self.order = order
        self.setObjectName("dispatch_dialog")
        self.setWindowTitle(self.tr("Dispatch order {number}").format(number=order.order_no))
        technicians = sorted_technicians(desk)
        intro = order_summary(order)
        if not technicians:
            intro += "\n" + self.tr(
                "No technicians are set up yet: a supervisor adds them under "
                "Technicians and prices."
            )
        self.add_intro(intro)
        self.technician = QComboBox(self)
        self.technician.setObjectName("technician")
        for technician in technicians:
            self.technician.addItem(technician_label(technician), technician.id)
        if order.technician_id is not None:
            index = self.technician.findData(order.technician_id)
            if index >= 0:
                self.technician.setCurrentIndex(index)
        self.field("technician", self.tr("&Technician:"), self.technician)
        self.appointment = self.field(
            "appointment",
            self.tr("&Appointment:"),
            line_edit(self, "appointment", order.appointment, 100),
        )
        self.finish(self.tr("Dispatch"), [self.technician, self.appointment])
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        done = repairs.dispatch(
            self.desk,
            self.order.id,
            self.technician.currentData(),
            appointment=self.appointment.text(),
        )
        self.result_order = done.value
        return done


class ArrivalDialog(RepairFormDialog):
    """到场: the technician is on site (now, or the time typed)."""

    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, parent)
        self.order = order
        self.setObjectName("arrival_dialog")
        self.setWindowTitle(self.tr("Technician on site"))
        self.add_intro(order_summary(order))
        self.arrived_at = self.field(
            "arrived_at", self.tr("&Arrived at:"), time_edit(self, "arrived_at", now_text(desk))
        )
        self.finish(self.tr("Record arrival"), [self.arrived_at])
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        done = repairs.record_arrival(self.desk, self.order.id, at=self.arrived_at.text())
        self.result_order = done.value
        return done


class ReasonDialog(RepairFormDialog):
    """暂停/待料 or 取消: one reason, which the service requires."""

    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, parent)
        self.order = order
        title, label, ok_text = self.texts()
        self.setWindowTitle(title)
        self.add_intro(order_summary(order))
        self.reason = self.field("reason", label, line_edit(self, "reason", "", 200))
        self.finish(ok_text, [self.reason])
        self.setMinimumWidth(460)

    def texts(self) -> tuple[str, str, str]:
        """(window title, field label, OK button)."""
        raise NotImplementedError


class HoldDialog(ReasonDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, order, parent)
        self.setObjectName("hold_dialog")

    def texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Put order on hold"),
            self.tr("&Reason (e.g. waiting for parts):"),
            self.tr("Put on hold"),
        )

    def submit(self) -> Done[object]:
        done = repairs.hold(self.desk, self.order.id, self.reason.text())
        self.result_order = done.value
        return done


class CancelDialog(ReasonDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, order, parent)
        self.setObjectName("cancel_dialog")

    def texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Cancel order"),
            self.tr("&Reason for cancelling:"),
            self.tr("Cancel order"),
        )

    def submit(self) -> Done[object]:
        done = repairs.cancel(self.desk, self.order.id, self.reason.text())
        self.result_order = done.value
        return done


class ReferOutDialog(RepairFormDialog):
    """转外单位: the contractor (from the list of outside companies, or typed) and the
    time agreed with them."""

    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, parent)
        self.order = order
        self.setObjectName("refer_out_dialog")
        self.setWindowTitle(self.tr("Refer to an outside contractor"))
        self.add_intro(order_summary(order))
        self.contractor = QComboBox(self)
        self.contractor.setObjectName("contractor")
        self.contractor.setEditable(True)
        self.contractor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for technician in repair_setup.technicians(desk):
            if technician.kind == "外单位":
                self.contractor.addItem(technician.name, technician.id)
        self.contractor.setCurrentIndex(-1)
        self.contractor.setEditText(order.contractor)
        self.field("contractor", self.tr("Con&tractor:"), self.contractor)
        self.appointment = self.field(
            "appointment",
            self.tr("&Appointment:"),
            line_edit(self, "appointment", order.appointment, 100),
        )
        self.finish(self.tr("Refer out"), [self.contractor, self.appointment])
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        done = repairs.refer_out(
            self.desk,
            self.order.id,
            self.contractor.currentText(),
            appointment=self.appointment.text(),
        )
        self.result_order = done.value
        return done
