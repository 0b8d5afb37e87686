"""The panels of the hand-over screen, one per station: each shows what the station
saved (or what the unit has) and gives the write its 完成 does (one operation).

    panel = PANELS["meters"](desk, hub, parent)
    panel.load(state)                 # the hand-over as saved
    done = perform(page, hub, panel.write)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import movein as rules
from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import people
from desk_app.services.keys import registry
from desk_app.services.movein import defects, handover, setup
from desk_app.services.movein.defects import DefectChange, DefectInput
from desk_app.services.movein.handover import HandoverState
from desk_app.services.operations import Done
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.movein.defect_dialog import ENGINEERING, DefectEntry
from desk_app.ui.movein.inspection_grid import OK, InspectionGrid
from desk_app.ui.operations import perform
from desk_app.ui.widgets.controls import KeyChoice, button

Write = Callable[[], Done[Any]]


class StationPanel(QWidget):
    """One station's panel; ``write`` saves it (the station done)."""

    station = ""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.state: HandoverState | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    @property
    def handover_id(self) -> int:
        assert self.state is not None
        return self.state.handover.id

    @property
    def unit_id(self) -> int:
        assert self.state is not None
        return self.state.handover.unit_id

    def data(self) -> dict[str, Any]:
        assert self.state is not None
        return self.state.station(self.station).data

    def load(self, state: HandoverState) -> None:
        self.state = state

    def widget_for(self, field: str | None) -> QWidget | None:
        """The field a refusal is about (the page puts the cursor there), if shown here."""
        return None

    def write(self) -> Done[Any]:
        raise NotImplementedError


class IdentityPanel(StationPanel):
    """The owner of record (from the directory, ID number and phone masked), or an agent
    with the 委托书. A unit without an owner of record (a new delivery: the buyer is only
    on the contract) shows the owner's fields instead — name, phone, ID number, typed
    from the contract and ID card — and 完成 registers that owner in the directory with
    the identity, in one operation."""

    station = "identity"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        form = QFormLayout()
        self.form = form
        self.owner = QComboBox(self)
        self.owner.setObjectName("owner")
        self.owner.currentIndexChanged.connect(self._show_owner_details)
        self.owner_details = QLabel(self)
        self.owner_details.setObjectName("owner_details")
        self.new_owner = QGroupBox(
            self.tr("No owner of record: register the owner from the contract and ID card"),
            self,
        )
        self.new_owner.setObjectName("new_owner")
        owner_form = QFormLayout(self.new_owner)
        self.owner_name = QLineEdit(self.new_owner)
        self.owner_name.setObjectName("owner_name")
        self.owner_name.setMaxLength(40)
        self.owner_phone = QLineEdit(self.new_owner)
        self.owner_phone.setObjectName("owner_phone")
        self.owner_phone.setMaxLength(40)
        self.owner_id = QLineEdit(self.new_owner)
        self.owner_id.setObjectName("owner_id_number")
        self.owner_id.setMaxLength(40)
        self._row(owner_form, self.tr("Owner's n&ame:"), self.owner_name)
        self._row(owner_form, self.tr("Owner's phon&e:"), self.owner_phone)
        self._row(owner_form, self.tr("Owner's ID n&umber:"), self.owner_id)
        self.agent_name = QLineEdit(self)
        self.agent_name.setObjectName("agent_name")
        self.agent_id = QLineEdit(self)
        self.agent_id.setObjectName("agent_id_number")
        self.power_of_attorney = QCheckBox(self.tr("Power of attorne&y seen"), self)
        self.power_of_attorney.setObjectName("power_of_attorney")
        self._row(form, self.tr("O&wner of record:"), self.owner)
        form.addRow("", self.owner_details)
        self._row(form, self.tr("A&gent (if not the owner):"), self.agent_name)
        self._row(form, self.tr("Agent's &ID number:"), self.agent_id)
        form.addRow("", self.power_of_attorney)
        self.layout_.addWidget(self.new_owner)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.owner)
        self._views: dict[int, people.OccupantView] = {}

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, field.parentWidget() or self)
        label.setBuddy(field)
        form.addRow(label, field)

    @property
    def registers_owner(self) -> bool:
        """The unit has no owner of record: 完成 registers the one typed in."""
        return not self._views

    def load(self, state: HandoverState) -> None:
        before = self.state.handover.id if self.state is not None else None
        super().load(state)
        self.owner.blockSignals(True)
        self.owner.clear()
        self._views = {v.person_id: v for v in handover.owner_views(self.desk, self.unit_id)}
        for view in self._views.values():
            self.owner.addItem(view.name, view.person_id)
        saved = self.data()
        if saved.get("person_id") is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(saved["person_id"])))
        self.owner.blockSignals(False)
        self._show_owner_details()
        self.form.setRowVisible(self.owner, not self.registers_owner)
        self.form.setRowVisible(self.owner_details, not self.registers_owner)
        self.new_owner.setVisible(self.registers_owner)
        if before != state.handover.id or not self.registers_owner:
            # the owner typed in stays while the same hand-over is shown again (back from
            # the payment page, a refresh); another unit, or an owner registered, clears it
            for edit in (self.owner_name, self.owner_phone, self.owner_id):
                edit.clear()
        self.agent_name.setText(str(saved.get("agent_name", "")))
        # as the directory does: a number is never put back into a field; empty keeps it
        self.agent_id.clear()
        masked = str(saved.get("agent_id_masked", ""))
        self.agent_id.setPlaceholderText(
            self.tr("(unchanged: %1)").replace("%1", masked) if masked else ""
        )
        self.power_of_attorney.setChecked(bool(saved.get("power_of_attorney")))
        self.setFocusProxy(self.owner_name if self.registers_owner else self.owner)

    def _show_owner_details(self) -> None:
        view = self._views.get(self.owner.currentData())
        parts = []
        if view is not None and view.id_number_masked:
            parts.append(self.tr("ID %1").replace("%1", view.id_number_masked))
        if view is not None and view.phone_masked:
            parts.append(self.tr("Phone %1").replace("%1", view.phone_masked))
        self.owner_details.setText("　".join(parts))

    def widget_for(self, field: str | None) -> QWidget | None:
        return {
            "person": self.owner,
            "owner_name": self.owner_name,
            "owner_phone": self.owner_phone,
            "owner_id_number": self.owner_id,
            "agent": self.agent_name,
            "agent_id_number": self.agent_id,
        }.get(field or "")

    def write(self) -> Done[Any]:
        who = handover.Identity(
            agent_name=self.agent_name.text(),
            agent_id_number=self.agent_id.text(),
            power_of_attorney=self.power_of_attorney.isChecked(),
        )
        if self.registers_owner:
            owner = handover.NewOwner(
                self.owner_name.text(), self.owner_phone.text(), self.owner_id.text()
            )
            who = replace(who, new_owner=owner)
        else:
            person = self.owner.currentData()
            who = replace(who, person_id=int(person) if person is not None else 0)
        return handover.confirm_identity(self.desk, self.handover_id, who)


class FeesPanel(StationPanel):
    """What the unit owes at hand-over; the first months charged here, paid on the
    ledger's payment page (去收款), then confirmed."""

    station = "fees"
    pay_requested = Signal(int)

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("fees_summary")
        self.summary.setWordWrap(True)
        self.post_button = button(
            self, self.tr("&Charge the first months"), "post_fees", self.post_first_months
        )
        self.pay_button = button(
            self,
            self.tr("Take pa&yment…"),
            "take_payment",
            lambda: self.pay_requested.emit(self.unit_id),
        )
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.post_button)
        self.layout_.addWidget(self.pay_button)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.pay_button)

    def load(self, state: HandoverState) -> None:
        super().load(state)
        due = handover.fees_due(self.desk, state.handover.unit_id)
        months = "、".join(due.first_months)
        text = [self.tr("Months prepaid at hand-over: %1").replace("%1", months)]
        if not due.posted:
            text.append(self.tr("Not yet charged."))
        text.extend(
            f"{line.description}  {format_fen(line.outstanding_fen)}"
            for line in due.due_lines
            if line.outstanding_fen
        )
        if due.outstanding_fen:
            text.append(self.tr("Owing: %1").replace("%1", format_fen(due.outstanding_fen)))
        else:
            text.append(self.tr("Nothing owing."))
        if due.later_lines:
            text.append(self.tr("Falling due later, not paid at hand-over:"))
            text.extend(
                self.tr("%1  %2, due %3")
                .replace("%1", line.description)
                .replace("%2", format_fen(line.outstanding_fen))
                .replace("%3", line.due_on)
                for line in due.later_lines
            )
        self.summary.setText("\n".join(text))
        self.post_button.setEnabled(not due.posted)
        self.pay_button.setEnabled(due.outstanding_fen > 0)
        self.setFocusProxy(self.post_button if not due.posted else self.pay_button)

    def post_first_months(self) -> None:
        if perform(self, self.hub, lambda: handover.post_first_months(self.desk, self.handover_id)):
            assert self.state is not None
            self.load(self.state)

    def write(self) -> Done[Any]:
        return handover.confirm_fees(self.desk, self.handover_id)


class DocumentsPanel(StationPanel):
    """The documents signed and the handbooks given, as the estate lists them."""

    station = "documents"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.handbook_names: list[str] = []
        for title, names in (
            (self.tr("Signed"), setup.documents_to_sign(desk)),
            (self.tr("Handbooks given"), setup.handbooks(desk)),
        ):
            group = QGroupBox(title, self)
            inner = QVBoxLayout(group)
            for name in names:
                box = QCheckBox(name, group)
                self.boxes[name] = box
                inner.addWidget(box)
            self.layout_.addWidget(group)
        self.handbook_names = setup.handbooks(desk)
        self.layout_.addStretch(1)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def load(self, state: HandoverState) -> None:
        super().load(state)
        saved = self.data()
        ticked = {*saved.get("signed", []), *saved.get("handbooks", [])}
        for name, box in self.boxes.items():
            box.setChecked(name in ticked)

    def ticked(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def write(self) -> Done[Any]:
        ticked = self.ticked()
        signed = [n for n in ticked if n not in self.handbook_names]
        given = [n for n in ticked if n in self.handbook_names]
        return handover.record_documents(self.desk, self.handover_id, signed, given)


class InspectionPanel(StationPanel):
    """The joint inspection grid; every cell and defect saved as it is marked: a cell
    cleared (Del) back to not inspected, a defect opened again (D) changed, a defect
    cleared or marked OK removed with the reason asked (its repair order cancelled). A
    write refused (the order already sent out …) is said here and the cell shows what is
    saved."""

    station = "inspection"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.grid: InspectionGrid | None = None
        self.message = QLabel(self)
        self.message.setObjectName("inspection_message")
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)

    def load(self, state: HandoverState) -> None:
        super().load(state)
        from desk_app.services.directory import estate

        kind = estate.get_unit(self.desk, state.handover.unit_id).kind
        if self.grid is not None:
            self.layout_.removeWidget(self.grid)
            self.grid.deleteLater()
        saved = defects.defects_of_handover(self.desk, state.handover.id)
        fixers = [ENGINEERING, *setup.contractors(self.desk)]
        fixers += [c for c in dict.fromkeys(d.contractor for d in saved) if c and c not in fixers]
        self.grid = InspectionGrid(
            setup.rooms_for(self.desk, kind),
            setup.items(self.desk),
            setup.defect_categories(self.desk),
            fixers=fixers,
            parent=self,
        )
        results: dict[tuple[str, str], Any] = {}
        for cell in defects.cells(self.desk, state.handover.id):
            if cell.result == OK:
                results[(cell.room, cell.item)] = OK
        for d in saved:
            results[(d.room, d.item)] = _entry(d)
        self.grid.set_results(results)
        self.grid.cell_marked.connect(self.save_cell)
        self.grid.defect_entered.connect(self.save_defect)
        self.layout_.insertWidget(0, self.grid, 1)
        self.setFocusProxy(self.grid)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a40000;" if error else "")

    def show_desk_error(self, error: DeskError) -> None:
        self.say(error_text(error), error=True)

    def _saved(self, room: str, item: str) -> defects.DefectRow | None:
        return defects.defect_at(self.desk, self.handover_id, room, item)

    def _show_saved(self, room: str, item: str) -> None:
        """The cell as the file has it (after a write, or one refused or given up)."""
        if self.grid is None:
            return
        defect = self._saved(room, item)
        if defect is not None:
            self.grid.show_result(room, item, _entry(defect))
            return
        cell = next(
            (
                c
                for c in defects.cells(self.desk, self.handover_id)
                if (c.room, c.item) == (room, item)
            ),
            None,
        )
        self.grid.show_result(room, item, OK if cell is not None and cell.result == OK else None)

    def save_cell(self, room: str, item: str, result: str) -> None:
        """OK or cleared; a cell with a defect loses it first (removed, with the reason)."""
        defect = self._saved(room, item)
        if defect is not None and not self.remove_defect(defect):
            self._show_saved(room, item)
            return

        def write() -> Done[Any]:
            if result == OK:
                return defects.save_cell(self.desk, self.handover_id, room, item, OK)
            return defects.clear_cell(self.desk, self.handover_id, room, item)

        if perform(self, self.hub, write) is not None and defect is None:
            self.say("")
        self._show_saved(room, item)

    def remove_defect(self, defect: defects.DefectRow) -> bool:
        """Ask why the defect is removed, then remove it (its order cancelled)."""
        question = (
            self.tr("Why is the defect at %1 · %2 removed? Its repair order %3 is cancelled.")
            .replace("%1", defect.room)
            .replace("%2", defect.item)
            .replace("%3", defect.order_no or "")
        )
        reason, ok = QInputDialog.getText(self, self.tr("Remove a defect"), question)
        if not ok:
            return False
        done = perform(self, self.hub, lambda: defects.remove_defect(self.desk, defect.id, reason))
        if done is None:
            return False
        self.say(
            self.tr("Defect removed; repair order %1 cancelled.").replace(
                "%1", defect.order_no or ""
            )
        )
        return True

    def save_defect(self, room: str, item: str, entry: DefectEntry) -> None:
        """A new defect recorded, or the cell's defect changed; its new photos added."""
        known = self._saved(room, item)
        if known is not None:
            change = DefectChange(entry.category, entry.note, entry.contractor)
            done = perform(self, self.hub, lambda: defects.edit_defect(self.desk, known.id, change))
        else:
            new = DefectInput(room, item, entry.category, entry.note, entry.contractor)
            done = perform(
                self, self.hub, lambda: defects.add_defect(self.desk, self.handover_id, new)
            )
        if done is not None:
            defect = done.value
            for _name, data in entry.photos:
                self._add_photo(defect.id, data)
            text = (
                self.tr("Defect changed: repair order %1, due %2.")
                if known is not None
                else self.tr("Defect recorded: repair order %1, due %2.")
            )
            self.say(text.replace("%1", defect.order_no or "").replace("%2", defect.due_on))
        self._show_saved(room, item)

    def _add_photo(self, defect_id: int, data: bytes) -> None:
        perform(self, self.hub, lambda: defects.add_photo(self.desk, defect_id, data))

    def write(self) -> Done[Any]:
        return handover.finish_inspection(self.desk, self.handover_id)


def _entry(defect: defects.DefectRow) -> DefectEntry:
    """A saved defect as the grid and its dialog show it, with who fixes it."""
    return DefectEntry(defect.category, defect.note, defect.contractor or ENGINEERING)


class MetersPanel(StationPanel):
    """The base readings (底数) of the water, electricity and gas meters."""

    station = "meters"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        form = QFormLayout()
        self.readings: dict[str, QLineEdit] = {}
        captions = {
            "水": self.tr("&Water meter:"),
            "电": self.tr("&Electricity meter:"),
            "燃气": self.tr("&Gas meter:"),
        }
        for meter in rules.METER_ITEMS:
            edit = QLineEdit(self)
            edit.setObjectName(f"meter_{rules.METER_ITEMS[meter]}")
            label = QLabel(captions[meter], self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.readings[meter] = edit
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.readings["水"])

    def load(self, state: HandoverState) -> None:
        super().load(state)
        saved = self.data()
        for meter, edit in self.readings.items():
            edit.setText(str(saved.get(meter, {}).get("reading", "")))

    def write(self) -> Done[Any]:
        saved = self.data()
        typed = {
            m: e.text()
            for m, e in self.readings.items()
            if e.text().strip() and saved.get(m, {}).get("reading") != e.text().strip()
        }
        return handover.record_meters(self.desk, self.handover_id, typed)


class KeysPanel(StationPanel):
    """The unit's key sets held at the desk, each type's count to hand over, and the
    门禁卡 numbers issued."""

    station = "keys"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.sets_box = QWidget(self)
        self.sets_layout = QFormLayout(self.sets_box)
        self.counts: dict[tuple[int, str], QSpinBox] = {}
        self.trustable: set[int] = set()  # the developer's sets (接管): what may stay in trust
        self.handed = QLabel(self)
        self.handed.setObjectName("keys_handed")
        self.handed.setWordWrap(True)
        self.cards = QLineEdit(self)
        self.cards.setObjectName("cards")
        self.cards.setPlaceholderText(self.tr("Card numbers, separated by spaces or commas"))
        cards_label = QLabel(self.tr("Access &cards:"), self)
        cards_label.setBuddy(self.cards)
        self.in_trust = QCheckBox(
            self.tr("Lea&ve the keys not handed over in trust, for the defects' repairs"), self
        )
        self.in_trust.setObjectName("keys_in_trust")
        self.layout_.addWidget(self.sets_box)
        self.layout_.addWidget(self.in_trust)
        self.layout_.addWidget(self.handed)
        self.layout_.addWidget(cards_label)
        self.layout_.addWidget(self.cards)
        self.layout_.addStretch(1)

    def load(self, state: HandoverState) -> None:
        super().load(state)
        while self.sets_layout.rowCount():
            self.sets_layout.removeRow(0)
        self.counts.clear()
        self.trustable.clear()
        self.in_trust.setChecked(False)
        first: QWidget | None = None
        for key_set in handover.unit_key_sets(self.desk, state.handover.unit_id):
            if key_set.kind == "接管":
                self.trustable.add(key_set.id)
            for piece in registry.pieces(self.desk, key_set.id):
                if piece.held <= 0:
                    continue
                spin = QSpinBox(self.sets_box)
                spin.setObjectName(f"keys_{key_set.id}_{piece.piece_type}")
                spin.setRange(0, piece.held)
                spin.setValue(piece.held)
                self.counts[(key_set.id, piece.piece_type)] = spin
                self.sets_layout.addRow(f"{key_set.code} {piece.piece_type}（{piece.held}）", spin)
                first = first or spin
        saved = self.data()
        handed = "；".join(
            f"{k['code']} " + "、".join(f"{t}×{n}" for t, n in k["pieces"].items())
            for k in saved.get("keys", [])
        )
        cards = "、".join(saved.get("cards", []))
        kept = "；".join(
            f"{k['code']} " + "、".join(f"{t}×{n}" for t, n in k["pieces"].items())
            for k in saved.get("in_trust", [])
        )
        lines = []
        if handed:
            lines.append(self.tr("Handed over: %1").replace("%1", handed))
        if kept:
            lines.append(self.tr("Left in trust for repairs: %1").replace("%1", kept))
        if cards:
            lines.append(self.tr("Cards issued: %1").replace("%1", cards))
        if not self.counts and not handed:
            lines.append(self.tr("The desk holds no keys of this unit."))
        self.handed.setText("\n".join(lines))
        self.cards.clear()
        self.setFocusProxy(first or self.cards)

    def write(self) -> Done[Any]:
        pieces: dict[int, dict[str, int]] = {}
        for (set_id, piece_type), spin in self.counts.items():
            if spin.value():
                pieces.setdefault(set_id, {})[piece_type] = spin.value()
        kept: dict[int, dict[str, int]] = {}
        if self.in_trust.isChecked():
            for (set_id, piece_type), spin in self.counts.items():
                if set_id in self.trustable and spin.maximum() > spin.value():
                    kept.setdefault(set_id, {})[piece_type] = spin.maximum() - spin.value()
        cards = self.cards.text().replace("，", " ").replace(",", " ").replace("、", " ").split()
        return handover.hand_over_keys(self.desk, self.handover_id, pieces, cards, kept)


class ClosePanel(StationPanel):
    """The close: 已交房, 带条件收房 with the owner's reservations, or 拒收 with the reason."""

    station = "archive"

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.outcome = KeyChoice(
            [(str(n), word) for n, word in enumerate(rules.OUTCOMES, start=1)], self
        )
        self.outcome.setObjectName("outcome")
        self.outcome.set_value(rules.OUTCOMES[0])
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("outcome_note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        outcome_label = QLabel(self.tr("Out&come:"), self)
        outcome_label.setBuddy(self.outcome)
        note_label = QLabel(self.tr("Reservations or reason for &refusing:"), self)
        note_label.setBuddy(self.note)
        self.result = QLabel(self)
        self.result.setObjectName("close_result")
        for widget in (outcome_label, self.outcome, note_label, self.note, self.result):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.setFocusProxy(self.outcome)

    def load(self, state: HandoverState) -> None:
        super().load(state)
        row = state.handover
        self.result.setText(
            self.tr("Closed: %1").replace("%1", row.outcome or "") if row.closed_at else ""
        )

    def write(self) -> Done[Any]:
        return handover.close(
            self.desk, self.handover_id, self.outcome.value(), self.note.toPlainText()
        )


PANELS: dict[str, type[StationPanel]] = {
    panel.station: panel
    for panel in (
        IdentityPanel,
        FeesPanel,
        DocumentsPanel,
        InspectionPanel,
        MetersPanel,
        KeysPanel,
        ClosePanel,
    )
}
