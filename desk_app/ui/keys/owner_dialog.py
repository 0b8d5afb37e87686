"""钥匙寄存 and 钥匙领取 of an owner's set held in trust (业主代管), and its signed slip.

Who hands the keys over or takes them: the owner of record (the unit's owners now, the
first chosen), in person or through an agent with the owner's power of attorney (委托书:
the agent's name, ID number and the letter seen). The ID number shows masked once typed
and is kept masked. The pieces: a deposit adds to each type (up to 99 in all), a
collection takes what is at the desk (all of it to start with). After either, the desk
offers the 钥匙寄存/领取签收单 for the owner to sign (``offer_slip``); ``print_slip``
prints it again later, marked 补打.

    dialog = OwnerDialog(desk, hub, row, collecting=False, parent=page)
    if dialog.exec(): offer_slip(page, desk, hub, dialog.movement_id)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.masking import mask_id_number, validate_id_number
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.services.desk import Desk
from desk_app.services.keys import printing as keys_printing
from desk_app.services.keys import registry
from desk_app.services.keys.registry import Depositor, KeySetRow, MovementRow
from desk_app.services.operations import Done
from desk_app.ui import messages
from desk_app.ui.events import EventHub
from desk_app.ui.keys.loan_dialog import set_text
from desk_app.ui.keys.pieces_edit import PiecesEdit
from desk_app.ui.operations import perform
from desk_app.ui.widgets.forms import FormDialog, line_edit

NO_OWNER = -1
"""The owner list's entry when the unit has no owner of record (the service refuses)."""


class OwnerDialog(FormDialog):
    """寄存 (``collecting`` False) or 领取 of one trust set."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub | None,
        row: KeySetRow,
        *,
        collecting: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.collecting = collecting
        self.movement_id: int | None = None
        self.setObjectName("key_collect_dialog" if collecting else "key_deposit_dialog")
        if collecting:
            self.setWindowTitle(self.tr("Owner collects keys"))
        else:
            self.setWindowTitle(self.tr("Owner deposits keys"))
        self.add_intro(set_text(row))

        self.owner = QComboBox(self)
        self.owner.setObjectName("owner")
        for owner in registry.owners_of_record(desk, row):
            self.owner.addItem(owner.name, owner.person_id)
        if not self.owner.count():
            self.owner.addItem(self.tr("(no owner of record)"), NO_OWNER)
        self.add_row(self.tr("&Owner of record:"), self.owner)
        self.by_agent = QComboBox(self)
        self.by_agent.setObjectName("by_agent")
        self.by_agent.addItem(self.tr("The owner in person"), False)
        self.by_agent.addItem(self.tr("An agent with the owner's power of attorney"), True)
        self.add_row(self.tr("&Who comes:"), self.by_agent)
        self.agent_name = line_edit(self, "agent_name", max_length=40)
        self.add_row(self.tr("Agent's &name:"), self.agent_name)
        self.agent_id = line_edit(self, "agent_id_number", max_length=18)
        self.agent_id.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.add_row(self.tr("Agent's &ID number:"), self.agent_id)
        self.agent_id_shown = QLabel(self)
        self.agent_id_shown.setObjectName("agent_id_masked")
        self.form.addRow("", self.agent_id_shown)
        self.power_of_attorney = QCheckBox(self.tr("&Power of attorney seen"), self)
        self.power_of_attorney.setObjectName("power_of_attorney")
        self.form.addRow("", self.power_of_attorney)

        self.pieces = PiecesEdit(self, "owner_pieces")
        counts = {p.piece_type: (p.held, p.out) for p in registry.pieces(desk, row.id)}
        if collecting:
            self.pieces.set_pieces({t: held for t, (held, _out) in counts.items() if held})
        else:
            room = {
                t: registry.MAX_PIECES - sum(counts.get(t, (0, 0)))
                for t in (*UNIT_KEY_TYPES, *(t for t in counts if t not in UNIT_KEY_TYPES))
            }
            self.pieces.set_pieces(room, start_at_all=False)
        self.add_row(self.tr("Piece&s:"), self.pieces)
        self.finish(
            self.tr("Collect") if collecting else self.tr("Deposit"),
            [
                self.owner,
                self.by_agent,
                self.agent_name,
                self.agent_id,
                self.power_of_attorney,
                *self.pieces.fields(),
            ],
        )
        self.by_agent.currentIndexChanged.connect(self._who_chosen)
        self.agent_id.editingFinished.connect(self._show_masked)
        self._who_chosen()
        self.initial_focus = self.by_agent if collecting else self.pieces.first_box()
        self.setMinimumWidth(560)

    def _who_chosen(self) -> None:
        agent = bool(self.by_agent.currentData())
        for widget in (self.agent_name, self.agent_id, self.power_of_attorney):
            widget.setEnabled(agent)
        self.agent_id_shown.setVisible(agent)

    def _show_masked(self) -> None:
        """The ID number as it will be kept, once typed (or nothing while it is wrong)."""
        text = self.agent_id.text().strip()
        try:
            masked = mask_id_number(validate_id_number(text)) if text else ""
        except ValidationError:
            masked = ""
        self.agent_id_shown.setText(self.tr("Kept as %1").replace("%1", masked) if masked else "")

    def depositor(self) -> Depositor:
        person_id = int(self.owner.currentData())
        if not self.by_agent.currentData():
            return Depositor(person_id)
        return Depositor(
            person_id,
            agent_name=self.agent_name.text(),
            agent_id_number=self.agent_id.text(),
            power_of_attorney=self.power_of_attorney.isChecked(),
        )

    def submit(self) -> Done[object] | None:
        act = registry.collect if self.collecting else registry.deposit
        done = act(self.desk, self.row.id, self.pieces.values(), self.depositor())
        self.movement_id = max(done.changes.ids("key_movements"))
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        fields: dict[str | None, QWidget | None] = {
            "person": self.owner,
            "agent": self.power_of_attorney if self.agent_name.text().strip() else self.agent_name,
            "agent_id_number": self.agent_id,
            "id_number": self.agent_id,
            "pieces": self.pieces.first_box(),
        }
        return fields.get(getattr(error, "field", None))


def print_slip(parent: QWidget, desk: Desk, hub: EventHub | None, movement_id: int) -> bool:
    """Print (archive and show) the slip of a 寄存 or 领取; a second print is 补打."""
    from desk_app.ui.widgets import pdf_preview  # QtPdf loads on the first preview

    done = perform(parent, hub, lambda: keys_printing.print_slip(desk, movement_id))
    if done is None:
        return False
    printed = done.value
    pdf_preview.show_pdf(printed.pdf, printed.title, parent)
    return True


def offer_slip(parent: QWidget, desk: Desk, hub: EventHub | None, movement_id: int) -> bool:
    """After a deposit or collection: print the slip for the owner to sign?"""
    question = QCoreApplication.translate(
        "OwnerDialog", "Print the slip for the owner (or the agent) to sign?"
    )
    if not messages.confirm(parent, question):
        return False
    return print_slip(parent, desk, hub, movement_id)


def depositor_text(m: MovementRow) -> str:
    """Who deposited or collected, for the history: ``张三 (owner)``, or the agent with
    their masked ID number and the owner they came for."""
    owner = m.person_name or ""
    if not m.agent_name:
        return QCoreApplication.translate("OwnerDialog", "%1 (owner)").replace("%1", owner)
    return (
        QCoreApplication.translate("OwnerDialog", "%1 (ID %2) for %3")
        .replace("%1", m.agent_name)
        .replace("%2", m.agent_id_masked)
        .replace("%3", owner)
    )
