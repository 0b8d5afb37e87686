"""登记催缴: record one chasing step for a unit — the step, the day it was done (today by
default), the postal receipt number (shown, and required, for registered post) and a
note. The service refuses what breaks the manual's rules; the cursor goes to that field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import arrears
from desk_app.services.ledger.arrears import ActionRow, ArrearsRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, line_edit

POST = "registered_post"
DATE_EXAMPLE = "2026-11-20"


class RecordActionDialog(FormDialog):
    """``dialog.result_action`` is the step recorded once the dialog is accepted."""

    def __init__(
        self, desk: Desk, hub: EventHub, row: ArrearsRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.result_action: ActionRow | None = None
        self.setObjectName("record_arrears_action_dialog")
        self.setWindowTitle(self.tr("Record chasing step"))
        who = f"{row.unit_text} {row.customer}".strip()
        summary = self.tr("{who}: owes {owed} ({stage}).").format(
            who=who, owed=format_fen(row.owed_fen), stage=row.stage_label
        )
        if row.due_next:
            summary += " " + self.tr("Due now: {steps}").format(steps=row.due_next)
        self.add_intro(summary)

        self.action = QComboBox(self)
        self.action.setObjectName("action")
        for code, label in arrears.ACTION_LABELS.items():
            self.action.addItem(label, code)
        first = next((p.split("/")[0] for p in row.pending), "phone")
        self.action.setCurrentIndex(max(self.action.findData(first), 0))
        self.action.currentIndexChanged.connect(self._action_changed)
        self.add_row(self.tr("&Step:"), self.action)

        # A typed date (Tab leaves it at once, unlike a date spin box's sections).
        self.done_on = line_edit(self, "done_on", desk.clock.now().date().isoformat(), 10)
        self.done_on.setPlaceholderText(DATE_EXAMPLE)
        self.add_row(self.tr("Done &on:"), self.done_on)

        self.postal_receipt_no = line_edit(
            self, "postal_receipt_no", max_length=arrears.POSTAL_NO_MAX
        )
        self.postal_receipt_no.setPlaceholderText(self.tr("number on the postal receipt"))
        self.add_row(self.tr("&Postal receipt no.:"), self.postal_receipt_no)

        self.note = line_edit(self, "note", max_length=arrears.NOTE_MAX)
        self.add_row(self.tr("&Note:"), self.note)

        self.fields: dict[str, QWidget] = {
            "action": self.action,
            "done_on": self.done_on,
            "postal_receipt_no": self.postal_receipt_no,
            "note": self.note,
        }
        self.finish(
            self.tr("Record"), [self.action, self.done_on, self.postal_receipt_no, self.note]
        )
        self._action_changed()
        self.setMinimumWidth(460)

    def chosen_action(self) -> str:
        return str(self.action.currentData())

    def _action_changed(self, *_args: object) -> None:
        """The postal receipt number belongs to registered post only."""
        self.form.setRowVisible(self.postal_receipt_no, self.chosen_action() == POST)

    def submit(self) -> Done[object]:
        done = arrears.record_action(
            self.desk,
            self.row.unit_id,
            self.chosen_action(),
            done_on=self.done_on.text(),
            note=self.note.text(),
            postal_receipt_no=self.postal_receipt_no.text(),
        )
        self.result_action = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.fields.get(error.field or "")
