"""日终关班: the last shift of the day closes with nobody taking over."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.shifts import handover
from desk_app.services.shifts.handover import HandoverResult
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, password_edit


class CloseDayDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.close_result: HandoverResult | None = None
        self.setObjectName("close_day_dialog")
        self.setWindowTitle(self.tr("Close the day"))
        shift_name = desk.shift.name if desk.shift else ""
        self.add_intro(
            self.tr(
                "Close {shift} as the last shift of the day, with nobody taking over. "
                "The handover report is printed, the database backed up, and you are logged out."
            ).format(shift=shift_name)
        )
        self.password = self.add_row(self.tr("&Your password:"), password_edit(self, "password"))
        self.note = self.add_row(self.tr("Handover &note:"), NoteEdit(self, "note"))
        self.note.setPlaceholderText(self.tr("Matters to follow up (Shift+Enter for a new line)"))
        self.finish(self.tr("Close the day"), [self.password, self.note])
        self.setMinimumWidth(480)

    def submit(self) -> Done[object]:
        done = handover.close_day(
            self.desk, password=self.password.text(), note=self.note.toPlainText()
        )
        self.close_result = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.password
