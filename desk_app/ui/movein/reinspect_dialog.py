"""复验: the owner's re-inspection of a repaired defect, with the owner present.

The dialog shows the defect (unit, room, item, category, note), its repair order and who
fixed it, the earlier re-inspections and the defect's photos as thumbnails. The clerk picks
the result with one key (1 合格, 2 不合格; none is chosen at first), writes a note
(required when it failed) and ticks that the owner is present; OK records it through
``defects.reinspect``: a pass closes the defect (and the order's callback), a failure
reopens the order (返修) and the defect is 待整改 again.

    dialog = ReinspectDialog(desk, hub, defect_row, parent)
    dialog.exec(); dialog.written     # the service's Done when recorded
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.movein import defects, handover
from desk_app.services.movein.defects import DefectRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.movein.defect_dialog import THUMBNAIL, image_thumbnail
from desk_app.ui.widgets.controls import KeyChoice
from desk_app.ui.widgets.forms import FormDialog, NoteEdit


class ReinspectDialog(FormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, defect: DefectRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.defect = defect
        self.setObjectName("reinspect_dialog")
        self.setWindowTitle(self.tr("Re-inspection"))
        self.add_intro(self._intro())
        self.passed_text = self.tr("Passed")
        self.failed_text = self.tr("Failed, repair again")

        self.photo_list = QListWidget(self)
        self.photo_list.setObjectName("reinspect_photos")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.photo_list.setGridSize(QSize(THUMBNAIL + 12, THUMBNAIL + 12))
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setWrapping(True)
        self.photo_list.setFixedHeight(THUMBNAIL + 24)
        for photo in defects.photos(desk, defect.id):
            thumbnail = image_thumbnail(photo.image)
            if thumbnail is not None:
                item = QListWidgetItem(QIcon(QPixmap.fromImage(thumbnail)), "")
                item.setToolTip(f"{photo.width} × {photo.height}")
                self.photo_list.addItem(item)
        if self.photo_list.count():
            self.add_row(self.tr("P&hotos:"), self.photo_list)
        else:
            self.photo_list.hide()

        self.outcome = KeyChoice([("1", self.passed_text), ("2", self.failed_text)], self)
        self.outcome.setObjectName("reinspect_result")
        self.add_row(self.tr("&Result:"), self.outcome)
        self.note = NoteEdit(self, "reinspect_note")
        self.note.setPlaceholderText(self.tr("Required when it failed: what is still wrong"))
        self.add_row(self.tr("&Note:"), self.note)
        self.owner_present = QCheckBox(self.tr("The &owner is present"), self)
        self.owner_present.setObjectName("reinspect_owner_present")
        self.form.addRow("", self.owner_present)
        self.initial_focus = self.outcome
        fields: list[QWidget] = [self.outcome, self.note, self.owner_present]
        if self.photo_list.count():
            fields.insert(0, self.photo_list)
        self.finish(self.tr("Record re-inspection"), fields)
        self.setMinimumWidth(560)

    def _intro(self) -> str:
        row = self.defect
        lines = [f"{row.unit_code}  {row.room} {row.item} {row.category}"]
        if row.note:
            lines.append(row.note)
        lines.append(
            self.tr("Repair order %1 (%2), fixed by %3, deadline %4")
            .replace("%1", row.order_no or "—")
            .replace("%2", vocabulary_text(row.order_status or ""))
            .replace("%3", vocabulary_text(defects.fixer(row)))
            .replace("%4", row.due_on)
        )
        record = handover.state(self.desk, row.handover_id).handover
        owner = record.agent_name or record.person_name
        if not owner:  # the hand-over did not confirm who came: the owners of record
            owner = "、".join(
                o.person.name for o in handover.owners_of_record(self.desk, row.unit_id)
            )
        if owner:
            lines.append(self.tr("Owner: %1").replace("%1", owner))
        for earlier in defects.reinspections(self.desk, row.id):
            result = self.tr("passed") if earlier.passed else self.tr("failed")
            text = (
                self.tr("Re-inspected %1: %2").replace("%1", earlier.at[:10]).replace("%2", result)
            )
            lines.append(f"{text} ({earlier.note})" if earlier.note else text)
        return "\n".join(lines)

    def passed(self) -> bool:
        return self.outcome.value() == self.passed_text

    def accept(self) -> None:
        if not self.outcome.value():
            self.show_error(self.tr("Choose the result: 1 passed, 2 failed."), self.outcome)
            return
        if not self.owner_present.isChecked():
            self.show_error(
                self.tr("A re-inspection is made with the owner: tick that the owner is present."),
                self.owner_present,
            )
            return
        super().accept()

    def submit(self) -> Done[DefectRow]:
        return defects.reinspect(
            self.desk, self.defect.id, self.passed(), self.note.toPlainText().strip()
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.note if error.field == "note" else None
