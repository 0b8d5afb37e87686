"""The estate's structure: bulk creation of a building's units with a live preview of
the codes, editing a unit (area, type, status, business use), and public places."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QIntValidator, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QWidget,
)

from desk_app.core import vocabularies
from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.estate import BuildingPlan, format_area
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.operations import Done
from desk_app.ui.directory.people_dialogs import vocabulary_combo
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, line_edit

PREVIEW_DELAY_MS = 120
EXISTS_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_EXISTING = 5


def _spin(parent: QWidget, object_name: str, low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(object_name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setAccelerated(True)
    return spin


def _pair(parent: QWidget, first: QWidget, last: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first)
    layout.addWidget(QLabel("–", box))
    layout.addWidget(last)
    layout.addStretch(1)
    return box


class BulkUnitsDialog(FormDialog):
    """ "Building 3, entrances 1–2, floors 1–18, 4 units per floor, numbering 0101…":
    the codes are previewed (count, first and last, which exist) before anything is
    written, and created in one transaction."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        parent: QWidget | None = None,
        *,
        building: str | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.created_ids: list[int] = []
        self.plan: BuildingPlan | None = None
        self.new_codes: list[str] = []
        self.existing_codes: list[str] = []
        self.setObjectName("bulk_units_dialog")
        self.setWindowTitle(self.tr("Create units"))
        self.building = self.add_row(
            self.tr("&Building:"), line_edit(self, "plan_building", building or "", 6)
        )
        self.building.setPlaceholderText(self.tr("e.g. 3 or A"))
        self.first_entrance = line_edit(self, "first_entrance", "", 2)
        self.last_entrance = line_edit(self, "last_entrance", "", 2)
        for edit in (self.first_entrance, self.last_entrance):
            edit.setValidator(QIntValidator(1, 20, edit))
            edit.setMaximumWidth(80)
            edit.setPlaceholderText(self.tr("none"))
        self.form.addRow(
            self.tr("&Entrances:"),
            _pair(self, self.first_entrance, self.last_entrance),
        )
        self.entrance_hint = QLabel(
            self.tr("Leave both empty for a tower without entrances (18-1203)."), self
        )
        self.entrance_hint.setObjectName("entrance_hint")
        self.entrance_hint.setEnabled(False)  # drawn as a hint
        self.form.addRow("", self.entrance_hint)
        self.first_floor = _spin(self, "first_floor", 1, 99, 1)
        self.last_floor = _spin(self, "last_floor", 1, 99, 18)
        self.form.addRow(self.tr("&Floors:"), _pair(self, self.first_floor, self.last_floor))
        self.per_floor = self.add_row(
            self.tr("&Units per floor:"), _spin(self, "units_per_floor", 1, 20, 4)
        )
        self.zero_padded = QCheckBox(
            self.tr("Four-digit room &numbers (0101 rather than 101)"), self
        )
        self.zero_padded.setObjectName("zero_padded")
        self.zero_padded.setChecked(True)
        self.form.addRow("", self.zero_padded)
        self.area = self.add_row(self.tr("&Area (m²):"), line_edit(self, "plan_area", "", 12))
        self.area.setPlaceholderText(self.tr("optional, e.g. 89.50"))
        self.kind = vocabulary_combo(self, "plan_kind", vocabularies.UNIT_KINDS)
        self.add_row(self.tr("&Type:"), self.kind)
        self.skip_existing = QCheckBox(self.tr("&Skip units that already exist"), self)
        self.skip_existing.setObjectName("skip_existing")
        self.form.addRow("", self.skip_existing)

        self.summary = QLabel(self)
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.addRow(self.summary)
        self.codes_model = QStandardItemModel(self)
        self.codes_view = QListView(self)
        self.codes_view.setObjectName("preview_codes")
        self.codes_view.setModel(self.codes_model)
        self.codes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.codes_view.setFlow(QListView.Flow.LeftToRight)
        self.codes_view.setWrapping(True)
        self.codes_view.setUniformItemSizes(True)
        self.codes_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.codes_view.setMinimumHeight(140)
        self.form.addRow(self.codes_view)
        self.finish(
            self.tr("Create"),
            [
                self.building,
                self.first_entrance,
                self.last_entrance,
                self.first_floor,
                self.last_floor,
                self.per_floor,
                self.zero_padded,
                self.area,
                self.kind,
                self.skip_existing,
                self.codes_view,
            ],
            stretch=False,
        )
        self.setMinimumWidth(560)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for edit in (self.building, self.first_entrance, self.last_entrance):
            edit.textChanged.connect(self._schedule)
        for spin in (self.first_floor, self.last_floor, self.per_floor):
            spin.valueChanged.connect(self._schedule)
        self.zero_padded.toggled.connect(self._schedule)
        self._padding_chosen = False
        self.zero_padded.clicked.connect(self._padding_clicked)
        self.building.textChanged.connect(self._follow_numbering)
        self._follow_numbering()
        self.skip_existing.toggled.connect(self._schedule)
        self.update_preview()

    def _padding_clicked(self, *_args: object) -> None:
        self._padding_chosen = True

    def _follow_numbering(self, *_args: object) -> None:
        """An existing building keeps its numbering (101 or 0101) unless the clerk chose."""
        code = self.building.text().strip().upper()
        if self._padding_chosen or not code:
            return
        first = estate.list_units(self.desk, building=code, limit=1)
        self.zero_padded.setChecked(first[0].room.startswith("0") if first else True)

    def _schedule(self, *_args: object) -> None:
        # Enter may come before the preview does: submit() previews again first.
        self.ok_button.setEnabled(True)
        self._timer.start()

    def _entrance(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        return int(text) if text else None

    def current_plan(self) -> BuildingPlan:
        return BuildingPlan(
            building=self.building.text().strip().upper(),
            first_entrance=self._entrance(self.first_entrance),
            last_entrance=self._entrance(self.last_entrance),
            first_floor=self.first_floor.value(),
            last_floor=self.last_floor.value(),
            units_per_floor=self.per_floor.value(),
            zero_padded=self.zero_padded.isChecked(),
        )

    def update_preview(self) -> None:
        """Ask the service which codes the plan makes and which of them exist."""
        self._timer.stop()
        if self.result() == QDialog.DialogCode.Accepted or (
            self.isHidden() and self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        ):
            return  # closed while the preview was pending
        self.plan = None
        self.new_codes, self.existing_codes = [], []
        if not self.building.text().strip():
            self.summary.setText(self.tr("Enter the building number."))
            self.codes_model.clear()
            self.ok_button.setEnabled(False)
            return
        try:
            plan = self.current_plan()
            new, existing = estate.preview_units(self.desk, plan)
        except DeskError as error:
            self.summary.setText(error_text(error))
            self.codes_model.clear()
            self.ok_button.setEnabled(False)
            return
        self.plan = plan
        self.new_codes, self.existing_codes = new, existing
        lines = []
        if new:
            lines.append(
                self.tr("{count} new units: {first} … {last}").format(
                    count=len(new), first=new[0], last=new[-1]
                )
            )
        else:
            lines.append(self.tr("No new units."))
        if existing:
            shown = "、".join(existing[:SHOWN_EXISTING])
            if len(existing) > SHOWN_EXISTING:
                shown += "…"
            if self.skip_existing.isChecked():
                text = self.tr("{count} already exist and will be skipped: {codes}")
            else:
                text = self.tr(
                    "{count} already exist: {codes} — tick “Skip units that already exist” "
                    "to create the others."
                )
            lines.append(text.format(count=len(existing), codes=shown))
        self.summary.setText("\n".join(lines))
        self._show_codes([unit.code for unit in plan.units()], set(existing))
        self.ok_button.setEnabled(bool(new) and (not existing or self.skip_existing.isChecked()))

    def _show_codes(self, codes: list[str], existing: set[str]) -> None:
        """Every planned code; those that exist already greyed, struck through."""
        self.codes_model.clear()
        exists_tip = self.tr("exists already")
        grey = QBrush(QColor("#8a8a8a"))
        widest = 0
        metrics = self.codes_view.fontMetrics()
        for code in codes:
            item = QStandardItem(code)
            item.setEditable(False)
            if code in existing:
                item.setData(True, EXISTS_ROLE)
                item.setToolTip(exists_tip)
                item.setForeground(grey)
                font = QFont(self.codes_view.font())
                font.setStrikeOut(True)
                item.setFont(font)
            widest = max(widest, metrics.horizontalAdvance(code))
            self.codes_model.appendRow(item)
        self.codes_view.setGridSize(QSize(widest + 16, metrics.height() + 6))

    def codes(self) -> list[str]:
        return [self.codes_model.item(row).text() for row in range(self.codes_model.rowCount())]

    def submit(self) -> Done[object]:
        self.update_preview()
        if self.plan is None:
            raise ValidationError(self.summary.text())
        if not self.new_codes:
            raise ValidationError(self.tr("No new units."))
        done = estate.create_units(
            self.desk,
            self.plan,
            area_text=self.area.text().strip() or None,
            kind=self.kind.currentData(),
            skip_existing=self.skip_existing.isChecked(),
        )
        self.created_ids = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        if "面积" in error.message:
            return self.area
        if "单元" in error.message:
            return self.first_entrance
        if "楼层" in error.message:
            return self.first_floor
        if "每层" in error.message:
            return self.per_floor
        return self.building


class EditUnitDialog(FormDialog):
    """Area, type, status, business use (住所(经营场所)登记) and a note of one unit."""

    def __init__(self, desk: Desk, hub: EventHub, unit: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit = unit
        self.setObjectName("edit_unit_dialog")
        self.setWindowTitle(self.tr("Edit unit {unit}").format(unit=unit.code))
        self.area = self.add_row(
            self.tr("&Area (m²):"), line_edit(self, "unit_area", format_area(unit.area_centi_m2))
        )
        self.kind = vocabulary_combo(self, "unit_kind", vocabularies.UNIT_KINDS, unit.kind)
        self.add_row(self.tr("&Type:"), self.kind)
        self.status = vocabulary_combo(self, "unit_status", vocabularies.UNIT_STATUSES, unit.status)
        self.add_row(self.tr("&Status:"), self.status)
        self.business_use = QCheckBox(self.tr("&Business use (business premises registered)"), self)
        self.business_use.setObjectName("unit_business_use")
        self.business_use.setChecked(bool(unit.business_use))
        self.form.addRow("", self.business_use)
        self.note = self.add_row(self.tr("&Note:"), line_edit(self, "unit_note", unit.note or ""))
        self.finish(
            self.tr("Save"), [self.area, self.kind, self.status, self.business_use, self.note]
        )
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        return estate.update_unit(
            self.desk,
            self.unit.id,
            area_text=self.area.text().strip(),
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            business_use=self.business_use.isChecked(),
            note=self.note.text(),
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return {"kind": self.kind, "status": self.status}.get(error.field or "", self.area)


class PublicPlaceDialog(FormDialog):
    """A public place (公共区域): lobby, roof, pump room, 配电房 … by building and floor."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.place: Any = None
        self.setObjectName("public_place_dialog")
        self.setWindowTitle(self.tr("New public place"))
        self.name = self.add_row(self.tr("&Name:"), line_edit(self, "place_name", "", 40))
        self.name.setPlaceholderText(self.tr("e.g. 水泵房, 配电房, 电梯机房"))
        self.building = QComboBox(self)
        self.building.setObjectName("place_building")
        self.building.addItem(self.tr("(whole estate)"), None)
        for building in estate.list_buildings(desk):
            self.building.addItem(building.name, building.code)
        self.add_row(self.tr("&Building:"), self.building)
        self.floor = self.add_row(self.tr("&Floor:"), line_edit(self, "place_floor", "", 10))
        self.floor.setPlaceholderText(self.tr("e.g. B1, 1, 顶层"))
        self.note = self.add_row(self.tr("N&ote:"), line_edit(self, "place_note"))
        self.finish(self.tr("Add"), [self.name, self.building, self.floor, self.note])
        self.setMinimumWidth(400)

    def submit(self) -> Done[object]:
        done = estate.create_public_place(
            self.desk,
            self.name.text(),
            building=self.building.currentData(),
            floor=self.floor.text(),
            note=self.note.text().strip() or None,
        )
        self.place = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.building if error.field == "building" else self.name
