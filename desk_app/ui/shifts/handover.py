"""交接班: the incoming operator logs in, the outgoing one confirms with their password."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desk_app.core.errors import AuthenticationError, DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.shifts import handover
from desk_app.services.shifts.handover import HandoverCount, HandoverResult
from desk_app.ui.events import EventHub
from desk_app.ui.labels import moment_text
from desk_app.ui.shifts.login import shift_combo
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, line_edit, password_edit


class HandoverDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.handover_result: HandoverResult | None = None
        self._wrong: QWidget | None = None  # the field to correct after an error
        self.setObjectName("handover_dialog")
        self.setWindowTitle(self.tr("Hand over the shift"))
        outgoing = desk.operator
        shift = desk.shift
        self.add_intro(
            self.tr(
                "Handing over: {shift}, {operator}, on duty since {time}.\n"
                "The incoming operator logs in below; you confirm with your own password. "
                "The handover report is printed and the database backed up."
            ).format(
                shift=shift.name if shift else "",
                operator=outgoing.display_name if outgoing else "",
                time=moment_text(shift.opened_at) if shift else "",
            )
        )
        self.incoming_username = self.add_row(
            self.tr("&Incoming operator:"), line_edit(self, "incoming_username", max_length=32)
        )
        self.incoming_username.setPlaceholderText(self.tr("user name"))
        self.incoming_password = self.add_row(
            self.tr("Incoming &password:"), password_edit(self, "incoming_password")
        )
        # 核对钥匙: the incoming operator counts the key sets on their hooks (no row when
        # the estate has none)
        checks = handover.handover_checks(desk)
        self.key_check = checks[0][0] if checks else None
        self.keys_expected = checks[0][1] if checks else None
        count_box = QWidget(self)
        count_layout = QHBoxLayout(count_box)
        count_layout.setContentsMargins(0, 0, 0, 0)
        self.keys_counted = line_edit(count_box, "keys_counted", max_length=5)
        self.keys_counted.setValidator(QIntValidator(0, 99999, self.keys_counted))
        self.keys_counted.setMaximumWidth(90)
        self.keys_expected_label = QLabel(
            self.tr("of {count} sets that should be on the hooks").format(
                count=self.keys_expected if self.keys_expected is not None else 0
            ),
            count_box,
        )
        self.keys_expected_label.setObjectName("keys_expected")
        count_layout.addWidget(self.keys_counted)
        count_layout.addWidget(self.keys_expected_label, 1)
        self.add_row(self.tr("&Keys counted:"), count_box)
        self.keys_counted.setPlaceholderText(self.tr("sets"))
        self.keys_note = self.add_row(
            self.tr("Count difference &explained:"), line_edit(self, "keys_note")
        )
        self.keys_note.setPlaceholderText(self.tr("Needed when the count differs"))
        if self.key_check is None:
            self.form.setRowVisible(count_box, False)
            self.form.setRowVisible(self.keys_note, False)
        self.next_shift = self.add_row(
            self.tr("Next s&hift:"), shift_combo(desk, self, "next_shift")
        )
        self.outgoing_password = self.add_row(
            self.tr("&Your password:"), password_edit(self, "outgoing_password")
        )
        self.note = self.add_row(self.tr("Handover &note:"), NoteEdit(self, "note"))
        self.note.setPlaceholderText(self.tr("Matters to follow up (Shift+Enter for a new line)"))
        self.finish(
            self.tr("Hand over"),
            [
                self.incoming_username,
                self.incoming_password,
                self.keys_counted,
                self.keys_note,
                self.next_shift,
                self.outgoing_password,
                self.note,
            ],
        )
        self.setMinimumWidth(520)

    def submit(self) -> Done[object]:
        self._wrong = None
        operator = self.desk.operator
        if operator is None:
            raise ValidationError(self.tr("Nobody is logged in."))
        try:
            done = handover.handover(
                self.desk,
                incoming_username=self.incoming_username.text(),
                incoming_password=self.incoming_password.text(),
                outgoing_password=self.outgoing_password.text(),
                next_shift_name=self.next_shift.currentData(),
                note=self.note.toPlainText(),
                counts=self._counts(),
            )
            self.handover_result = done.value
        except AuthenticationError as error:
            self._wrong = (
                self.outgoing_password
                if error.field == "outgoing_password"
                else self.incoming_password
            )
            raise
        return done

    def _counts(self) -> dict[str, HandoverCount]:
        text = self.keys_counted.text().strip()
        if self.key_check is None or not text:
            return {}
        return {self.key_check.name: HandoverCount(int(text), self.keys_note.text())}

    def error_focus(self, error: DeskError) -> QWidget | None:
        if error.field == "keys_counted":
            return self.keys_counted
        if error.field == "keys_note":
            return self.keys_note
        return self._wrong or self.incoming_username
