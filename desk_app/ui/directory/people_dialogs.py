"""The people of a unit (业主档案): add an owner, co-owner, tenant or household member;
end an occupancy; transfer ownership (过户); edit a person; vehicles; and showing an
ID number or phone in full — a logged act, the number shown only in its own dialog.

ID numbers and phones are never put into a field for editing: a field for them starts
empty, its placeholder shows the masked number, and empty means "keep".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk_app.core import vocabularies
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import people as directory_people
from desk_app.services.directory import privacy
from desk_app.services.directory.people import PersonRecord
from desk_app.services.operations import Done
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.labels import DirectoryText
from desk_app.ui.widgets.controls import fill_vocabulary
from desk_app.ui.widgets.forms import FormDialog, line_edit

# 证件名称: the desk's own words, stored as they are.
ID_TYPES = (
    "居民身份证",
    "护照",
    "港澳居民来往内地通行证",
    "台湾居民来往大陆通行证",
    "外国人永久居留身份证",
    "营业执照",
    "其他",
)
# 称谓 of household members, as the paper form has them; any other may be typed.
RELATIONS = ("本人", "配偶", "子女", "父母", "兄弟姐妹", "祖父母", "孙子女", "亲属", "保姆", "其他")
END_REASONS = ("迁出", "租约到期", "提前退租", "产权转移", "其他")
SENSITIVE = ("id_number", "phone", "phone2")
PERSON_FIELDS = tuple(f.name for f in dataclass_fields(PersonRecord))


def today_text(desk: Desk) -> str:
    return desk.clock.now().date().isoformat()


def date_edit(parent: QWidget, object_name: str, text: str = "") -> QLineEdit:
    edit = line_edit(parent, object_name, text, max_length=10)
    edit.setPlaceholderText("YYYY-MM-DD")
    return edit


def vocabulary_combo(
    parent: QWidget, object_name: str, values: Sequence[str], current: str | None = None
) -> QComboBox:
    """A closed list of stored words, shown in the interface's language."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    fill_vocabulary(combo, values, current)
    return combo


def choice_combo(
    parent: QWidget, object_name: str, items: tuple[str, ...] | list[str], editable: bool = False
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    combo.setEditable(editable)
    if editable:
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if (edit := combo.lineEdit()) is not None:
            edit.setMaxLength(40)
    combo.addItems(list(items))
    return combo


def combo_text(combo: QComboBox) -> str:
    return combo.currentText().strip()


class PersonForm(QWidget):
    """The fields of 业主档案资料表 for one person, in two columns; ``compact`` keeps
    only name, sex, ID and phone (a co-owner in a transfer)."""

    def __init__(self, parent: QWidget, prefix: str = "", *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}person_form")
        self.compact = compact
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = line_edit(self, f"{prefix}name", max_length=40)
        self.gender = QComboBox(self)
        self.gender.setObjectName(f"{prefix}gender")
        self.gender.addItem("", None)
        self.gender.addItem(self.tr("Male"), "男")
        self.gender.addItem(self.tr("Female"), "女")
        self.gender.setMinimumContentsLength(4)
        self.birth_month = line_edit(self, f"{prefix}birth_month", max_length=7)
        self.birth_month.setPlaceholderText("YYYY-MM")
        self.id_type = choice_combo(self, f"{prefix}id_type", ID_TYPES)
        self.id_number = line_edit(self, f"{prefix}id_number", max_length=40)
        self.phone = line_edit(self, f"{prefix}phone", max_length=40)
        self.phone2 = line_edit(self, f"{prefix}phone2", max_length=40)
        self.hukou = line_edit(self, f"{prefix}hukou")
        self.address = line_edit(self, f"{prefix}address")
        self.employer = line_edit(self, f"{prefix}employer")
        self.position = line_edit(self, f"{prefix}position", max_length=40)
        self.employer_address = line_edit(self, f"{prefix}employer_address")
        self.note = line_edit(self, f"{prefix}note")

        # A second (compact) form in the same dialog goes without mnemonics of its own.
        def caption(text: str) -> str:
            return re.sub(r"\(&\w\)|&", "", text) if compact else text

        left.addRow(caption(self.tr("&Name:")), self.name)
        left.addRow(caption(self.tr("Se&x:")), self.gender)
        if not compact:
            left.addRow(self.tr("&Born (month):"), self.birth_month)
        left.addRow(caption(self.tr("ID &type:")), self.id_type)
        left.addRow(caption(self.tr("&ID number:")), self.id_number)
        left.addRow(caption(self.tr("P&hone:")), self.phone)
        if not compact:
            left.addRow(self.tr("Second phone:"), self.phone2)
            right.addRow(self.tr("Registered residence:"), self.hukou)
            right.addRow(self.tr("&Address:"), self.address)
            right.addRow(self.tr("&Employer:"), self.employer)
            right.addRow(self.tr("Position:"), self.position)
            right.addRow(self.tr("Employer's address:"), self.employer_address)
            right.addRow(self.tr("Note:"), self.note)
        else:
            for hidden in (
                self.birth_month,
                self.phone2,
                self.hukou,
                self.address,
                self.employer,
                self.position,
                self.employer_address,
                self.note,
            ):
                hidden.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        if not compact:
            layout.addSpacing(12)
            layout.addLayout(right, 1)

    def widget_for(self, field: str | None) -> QWidget | None:
        widget = getattr(self, field, None) if field in PERSON_FIELDS else None
        return widget if isinstance(widget, QWidget) and widget.isVisibleTo(self) else None

    def chain(self) -> list[QWidget]:
        """The fields in tab order (left column, then right)."""
        names = ["name", "gender", "birth_month", "id_type", "id_number", "phone", "phone2"]
        names += ["hukou", "address", "employer", "position", "employer_address", "note"]
        if self.compact:
            names = ["name", "gender", "id_type", "id_number", "phone"]
        return [getattr(self, name) for name in names]

    def value(self, field: str) -> str | None:
        widget = getattr(self, field)
        if field == "gender":
            return widget.currentData()
        if isinstance(widget, QComboBox):
            return combo_text(widget) or None
        return widget.text().strip() or None

    def record(self) -> PersonRecord:
        values: dict[str, Any] = {field: self.value(field) for field in PERSON_FIELDS}
        values["name"] = values["name"] or ""
        values["id_type"] = values["id_type"] or ID_TYPES[0]
        return PersonRecord(**values)

    def fill(self, view: Any) -> None:
        """Put a person's known, non-sensitive fields into the form; ID numbers and
        phones stay empty with the masked value as the placeholder."""
        self.name.setText(view.name)
        index = self.gender.findData(getattr(view, "gender", None))
        self.gender.setCurrentIndex(max(index, 0))
        for field in ("birth_month", "hukou", "address", "employer", "position"):
            getattr(self, field).setText(getattr(view, field, None) or "")
        self.employer_address.setText(getattr(view, "employer_address", None) or "")
        self.note.setText(getattr(view, "note", None) or "")
        id_type = getattr(view, "id_type", None)
        if id_type:
            self.id_type.setCurrentText(id_type)
        keep = self.tr("(unchanged: {masked})")
        masks = {
            "id_number": getattr(view, "id_number_masked", ""),
            "phone": getattr(view, "phone_masked", ""),
            "phone2": getattr(view, "phone2_masked", ""),
        }
        for field, masked in masks.items():
            edit: QLineEdit = getattr(self, field)
            edit.setPlaceholderText(keep.format(masked=masked) if masked else "")


def _focus_for(form: PersonForm, error: DeskError, extra: Mapping[str, QWidget]) -> QWidget | None:
    if error.field is not None and error.field in extra:
        return extra[error.field]
    return form.widget_for(error.field)


# --- add, end, transfer ----------------------------------------------------------


class OccupantDialog(FormDialog):
    """Add an owner, co-owner, tenant or household member to a unit."""

    ROLES = vocabularies.OCCUPANT_ROLES

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        unit_id: int,
        unit_code: str,
        parent: QWidget | None = None,
        *,
        role: str | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.occupancy_id: int | None = None
        self.setObjectName("occupant_dialog")
        self.setWindowTitle(self.tr("Add a person to {unit}").format(unit=unit_code))
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for code in self.ROLES:
            self.role.addItem(DirectoryText.role(code), code)
        if role in self.ROLES:
            self.role.setCurrentIndex(self.ROLES.index(role))
        self.add_row(self.tr("&Role:"), self.role)
        self.relation = choice_combo(self, "relation", ("", *RELATIONS), editable=True)
        self.relation.setMinimumContentsLength(8)
        self.relation.setToolTip(self.tr("How a household member is related to the owner (称谓)"))
        self.add_row(self.tr("Re&lation:"), self.relation)
        self.since = self.add_row(self.tr("&Since:"), date_edit(self, "since"))
        lease = QWidget(self)
        lease_layout = QHBoxLayout(lease)
        lease_layout.setContentsMargins(0, 0, 0, 0)
        self.lease_start = date_edit(lease, "lease_start")
        self.lease_end = date_edit(lease, "lease_end")
        lease_layout.addWidget(self.lease_start)
        lease_layout.addWidget(QLabel("–", lease))
        lease_layout.addWidget(self.lease_end)
        self.form.addRow(self.tr("Lease &period:"), lease)
        self.person = PersonForm(self)
        self.form.addRow(self.person)
        self.finish(
            self.tr("Add"),
            [self.role, self.relation, self.since, self.lease_start, self.lease_end]
            + self.person.chain(),
        )
        self.initial_focus = self.person.name
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.setMinimumWidth(720)

    def _role_changed(self, *_args: object) -> None:
        tenant = self.role.currentData() == "tenant"
        self.lease_start.setEnabled(tenant)
        self.lease_end.setEnabled(tenant)

    def submit(self) -> Done[object]:
        role = self.role.currentData()
        tenant = role == "tenant"
        done = directory_people.add_occupant(
            self.desk,
            self.unit_id,
            self.person.record(),
            role,
            relation=combo_text(self.relation) or None,
            since=self.since.text().strip() or None,
            lease_start=(self.lease_start.text().strip() or None) if tenant else None,
            lease_end=(self.lease_end.text().strip() or None) if tenant else None,
        )
        self.occupancy_id = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        extra = {"lease_start": self.lease_start, "lease_end": self.lease_end}
        if "起始日期" in error.message:
            return self.since
        if "租期" in error.message and error.field is None:
            return self.lease_start
        if "业主" in error.message and error.field is None:
            return self.role
        return _focus_for(self.person, error, extra)


class EndOccupancyDialog(FormDialog):
    """A tenant moves out, a member leaves: the record ends with a reason, and stays."""

    def __init__(
        self, desk: Desk, hub: EventHub, occupant: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.occupant = occupant
        self.setObjectName("end_occupancy_dialog")
        self.setWindowTitle(self.tr("Move out"))
        self.add_intro(
            self.tr("{name} ({role}) will be listed as a former occupant.").format(
                name=occupant.name, role=DirectoryText.role(occupant.role)
            )
        )
        self.reason = choice_combo(self, "reason", END_REASONS, editable=True)
        self.add_row(self.tr("&Reason:"), self.reason)
        self.until = self.add_row(self.tr("&Until:"), date_edit(self, "until", today_text(desk)))
        self.finish(self.tr("Move out"), [self.reason, self.until])
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        return directory_people.end_occupancy(
            self.desk,
            self.occupant.occupancy_id,
            reason=combo_text(self.reason),
            until=self.until.text().strip() or None,
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.until if "日期" in error.message else self.reason


class TransferOwnershipDialog(FormDialog):
    """过户: the current owners and co-owners end on the date; the new ones start.
    The old owners stay in the unit's history as former owners."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        unit_id: int,
        unit_code: str,
        current_owners: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.setObjectName("transfer_dialog")
        self.setWindowTitle(self.tr("Transfer ownership of {unit}").format(unit=unit_code))
        if current_owners:
            self.add_intro(
                self.tr(
                    "{owners} will be listed as former owners from the transfer date; "
                    "enter the new owner below."
                ).format(owners="、".join(current_owners))
            )
        else:
            self.add_intro(self.tr("The unit has no owner on record; enter the new owner."))
        self.on_date = self.add_row(
            self.tr("Transfer &date:"), date_edit(self, "on_date", today_text(desk))
        )
        self.owner = PersonForm(self)
        self.form.addRow(self.owner)
        self.with_co_owner = QCheckBox(self.tr("Add a &co-owner"), self)
        self.with_co_owner.setObjectName("with_co_owner")
        self.form.addRow(self.with_co_owner)
        self.co_owner = PersonForm(self, "co_", compact=True)
        self.co_owner.setVisible(False)
        self.form.addRow(self.co_owner)
        self.with_co_owner.toggled.connect(self._toggle_co_owner)
        self.finish(
            self.tr("Transfer"),
            [self.on_date, *self.owner.chain(), self.with_co_owner, *self.co_owner.chain()],
        )
        self.initial_focus = self.owner.name
        self.setMinimumWidth(720)

    def _toggle_co_owner(self, on: bool) -> None:
        self.co_owner.setVisible(on)
        self.adjustSize()

    def submit(self) -> Done[object]:
        owners = [self.owner.record()]
        if self.with_co_owner.isChecked():
            owners.append(self.co_owner.record())
        return directory_people.transfer_ownership(
            self.desk, self.unit_id, owners, on_date=self.on_date.text().strip()
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        if error.field == "on_date" or "过户日期" in error.message:
            return self.on_date
        return _focus_for(self.owner, error, {})


# --- edit a person ------------------------------------------------------------------


class EditPersonDialog(FormDialog):
    """Edit a person: changes of phone and address are kept as contact history.
    ID number and phones are typed anew or left empty to keep them."""

    def __init__(
        self, desk: Desk, hub: EventHub, person: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.person_id: int = person.person_id
        self.setObjectName("edit_person_dialog")
        self.setWindowTitle(self.tr("Edit {name}").format(name=person.name))
        self.add_intro(
            self.tr(
                "Empty fields are left as they are. Phone and address changes are kept in "
                "the contact history."
            )
        )
        self.form_fields = PersonForm(self)
        self.form_fields.fill(person)
        self.form.addRow(self.form_fields)
        self.original = {field: self.form_fields.value(field) for field in PERSON_FIELDS}
        self.known = {field for field in PERSON_FIELDS if hasattr(person, field)}
        self.changes: dict[str, str | None] = {}
        self.finish(self.tr("Save"), self.form_fields.chain())
        self.initial_focus = self.form_fields.phone
        self.setMinimumWidth(720)

    def collect(self) -> dict[str, str | None]:
        changes: dict[str, str | None] = {}
        for field in PERSON_FIELDS:
            value = self.form_fields.value(field)
            if field in SENSITIVE or field not in self.known:
                # Unknown to the form (or never shown in full): empty keeps the stored value.
                if value and value != self.original[field]:
                    changes[field] = value
            elif value != self.original[field]:
                changes[field] = value
        return changes

    def submit(self) -> Done[object] | None:
        self.changes = self.collect()
        if not self.changes:
            return None
        return directory_people.update_person(self.desk, self.person_id, self.changes)

    def error_focus(self, error: DeskError) -> QWidget | None:
        return _focus_for(self.form_fields, error, {})


# --- vehicles ----------------------------------------------------------------------


class VehicleDialog(FormDialog):
    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        unit_id: int,
        people: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.vehicle_id: int | None = None
        self.setObjectName("vehicle_dialog")
        self.setWindowTitle(self.tr("Add vehicle"))
        self.kind = vocabulary_combo(self, "vehicle_kind", vocabularies.VEHICLE_KINDS)
        self.add_row(self.tr("&Type:"), self.kind)
        self.plate = self.add_row(self.tr("&Plate:"), line_edit(self, "plate", max_length=16))
        self.plate.setPlaceholderText(self.tr("e.g. 鲁A12345"))
        self.driver = QComboBox(self)
        self.driver.setObjectName("driver")
        self.driver.addItem("", None)
        for person_id, name in people:
            self.driver.addItem(name, person_id)
        self.add_row(self.tr("&Driver:"), self.driver)
        self.note = self.add_row(self.tr("&Note:"), line_edit(self, "vehicle_note"))
        self.finish(self.tr("Add"), [self.kind, self.plate, self.driver, self.note])
        self.initial_focus = self.plate
        self.setMinimumWidth(400)

    def submit(self) -> Done[object]:
        done = directory_people.add_vehicle(
            self.desk,
            self.unit_id,
            self.plate.text(),
            kind=self.kind.currentData(),
            person_id=self.driver.currentData(),
            note=self.note.text().strip() or None,
        )
        self.vehicle_id = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.kind if error.field == "kind" else self.plate


# --- privacy ------------------------------------------------------------------------


class RevealDialog(FormDialog):
    """显示完整号码: the clerk gives a reason, the service writes it to the audit trail,
    and the full number is shown here — only here, and only until the dialog closes."""

    def __init__(
        self, desk: Desk, hub: EventHub, person_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.person_id = person_id
        self.revealed: str | None = None
        self.setObjectName("reveal_dialog")
        self.setWindowTitle(self.tr("Show full number of {name}").format(name=name))
        self.add_intro(
            self.tr(
                "The owner archive is confidential. Showing a number in full is written to "
                "the audit trail with your name and reason."
            )
        )
        self.field = QComboBox(self)
        self.field.setObjectName("reveal_field")
        for code, label in privacy.REVEALABLE.items():
            self.field.addItem(label, code)
        self.add_row(self.tr("&Show:"), self.field)
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "reveal_reason"))
        self.value_label = QLabel(self)
        self.value_label.setObjectName("revealed_value")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.hide()
        self.form.addRow(self.value_label)
        self.finish(self.tr("Show"), [self.field, self.reason])
        self.initial_focus = self.reason
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        done = privacy.reveal(
            self.desk, self.person_id, self.field.currentData(), reason=self.reason.text()
        )
        self.revealed = done.value
        return done

    def accept(self) -> None:
        if self.revealed is not None:
            QDialog.accept(self)
            return
        self.clear_error()
        try:
            self.submit()
        except DeskError as error:
            self.show_error(error_text(error), self.reason)
            return
        self.value_label.setText(self.revealed or self.tr("(not on record)"))
        self.value_label.show()
        self.field.setEnabled(False)
        self.reason.setReadOnly(True)
        self.ok_button.setText(self.tr("Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.ok_button.setFocus()

    def done(self, result: int) -> None:
        # The number leaves the screen with the dialog.
        self.value_label.clear()
        super().done(result)
