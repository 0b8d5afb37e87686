"""The keys tab's dialogs: the loan form (借出) and the one-key-press return (归还).

Both show the set's pieces, one box per type, at all of them: a scanned key is still lent
or returned whole with one key press, and a clerk may lower a count to lend or take back
part of the set. The loan form asks who borrows (a technician of the repairs list, or a named person and
their kind), why (required), until when (the default of the set's kind) and, optionally,
for which repair order. Equipment-room and trust keys, and loans kept overnight, ask a
supervisor's approval with the approval dialog; a trust key also needs the owner's consent.
A never-to-lend key is refused with the service's message before anyone is asked."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QLineEdit, QWidget

from desk_app.core.clock import display, from_text, to_text
from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.vocabularies import KEY_BORROWER_KINDS, KEY_CONSENTS
from desk_app.services.desk import Desk
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import APPROVAL_KINDS, Borrower, LoanInput
from desk_app.services.keys.registry import KeySetRow
from desk_app.services.operations import Done
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.ui.events import EventHub
from desk_app.ui.keys.pieces_edit import PiecesEdit
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.approval import approved
from desk_app.ui.widgets.forms import FormDialog, line_edit

NAMED = -1
"""The borrower list's entry for a person who is not one of the technicians."""


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromString(moment.strftime("%Y-%m-%dT%H:%M:%S"), "yyyy-MM-ddTHH:mm:ss")


def _iso(edit: QDateTimeEdit, tz_of: datetime) -> str:
    text = edit.dateTime().toString("yyyy-MM-ddTHH:mm:ss")
    return to_text(datetime.fromisoformat(text).replace(tzinfo=tz_of.tzinfo))


def set_text(row: KeySetRow) -> str:
    return f"{row.code} {row.label}（{vocabulary_text(row.kind)}）"


class LoanDialog(FormDialog):
    """借出 one key set: ``row`` when scanned, else the code is typed in the form."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub | None,
        row: KeySetRow | None = None,
        parent: QWidget | None = None,
        *,
        order_id: int | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.order_id = order_id
        self.result_set: KeySetRow | None = None
        self.setObjectName("key_loan_dialog")
        self.setWindowTitle(self.tr("Lend keys"))
        now = desk.clock.now()
        self.code = line_edit(self, "key_code", max_length=20)
        if row is not None:
            self.code.setText(row.code)
            self.code.setReadOnly(True)
        self.add_row(self.tr("Key &code:"), self.code)
        self.set_label = QLabel(set_text(row) if row else "", self)
        self.set_label.setObjectName("key_set_label")
        self.form.addRow("", self.set_label)
        self.pieces = PiecesEdit(self, "loan_pieces")
        self.add_row(self.tr("Piece&s:"), self.pieces)

        self.borrower = QComboBox(self)
        self.borrower.setObjectName("borrower")
        for tech in repair_setup.technicians(desk):
            self.borrower.addItem(tech.name, tech.id)
        self.borrower.addItem(self.tr("Another person (name below)"), NAMED)
        self.add_row(self.tr("&Borrower:"), self.borrower)
        self.name = line_edit(self, "borrower_name", max_length=40)
        self.add_row(self.tr("&Name:"), self.name)
        self.kind = QComboBox(self)
        self.kind.setObjectName("borrower_kind")
        for kind in KEY_BORROWER_KINDS[1:]:
            self.kind.addItem(vocabulary_text(kind), kind)
        self.add_row(self.tr("&Kind:"), self.kind)
        self.id_number = line_edit(self, "borrower_id_number", max_length=18)
        self.add_row(self.tr("Agent's &ID number:"), self.id_number)
        self.purpose = line_edit(self, "purpose", max_length=100)
        self.add_row(self.tr("&Purpose:"), self.purpose)
        self.due_back = QDateTimeEdit(self)
        self.due_back.setObjectName("due_back")
        self.due_back.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due_back.setCalendarPopup(True)
        self.add_row(self.tr("&Due back:"), self.due_back)
        self.order_no = line_edit(self, "repair_order", max_length=20)
        if order_id is not None:
            self.order_no.setText(repairs.get_order(desk, order_id).order_no)
        self.add_row(self.tr("&Repair order:"), self.order_no)
        self.consent = QComboBox(self)
        self.consent.setObjectName("consent")
        self.consent.addItem("", None)
        for how in KEY_CONSENTS:
            self.consent.addItem(vocabulary_text(how), how)
        self.add_row(self.tr("Owner's c&onsent:"), self.consent)
        self.consent_at = QDateTimeEdit(_qt(now), self)
        self.consent_at.setObjectName("consent_at")
        self.consent_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_row(self.tr("Ca&ll at:"), self.consent_at)
        self.finish(
            self.tr("Lend"),
            [
                self.code,
                self.borrower,
                self.name,
                self.kind,
                self.id_number,
                self.purpose,
                self.due_back,
                self.order_no,
                self.consent,
                self.consent_at,
            ],
        )
        self.pieces.place_in_tab_chain(self.code, self.borrower)
        self.borrower.currentIndexChanged.connect(self._borrower_chosen)
        self.code.editingFinished.connect(self._code_entered)
        self._borrower_chosen()
        self._set_chosen(row)
        self.initial_focus = self.borrower if row is not None else self.code
        self.setMinimumWidth(480)

    def _borrower_chosen(self) -> None:
        named = self.borrower.currentData() == NAMED
        for widget in (self.name, self.kind, self.id_number):
            widget.setEnabled(named)

    def _code_entered(self) -> None:
        if self.code.isReadOnly() or not self.code.text().strip():
            return
        try:
            row = registry.find(self.desk, self.code.text())
        except DeskError as error:
            self.set_label.setText(error.message)
            return
        self._set_chosen(row)

    def _set_chosen(self, row: KeySetRow | None) -> None:
        self.row = row
        if row is None:
            self.due_back.setDateTime(_qt(self.desk.clock.now()))
            self.pieces.set_pieces({})
            trust = False
        else:
            self.set_label.setText(set_text(row))
            held = {p.piece_type: p.held for p in registry.pieces(self.desk, row.id) if p.held}
            self.pieces.set_pieces(held)
            now = self.desk.clock.now()
            self.due_back.setDateTime(_qt(loans.default_due_back(self.desk, row, now)))
            trust = row.kind == "业主代管"
        self.consent.setEnabled(trust)
        self.consent_at.setEnabled(trust)

    def _borrower_input(self) -> Borrower:
        data = self.borrower.currentData()
        if data != NAMED:
            return Borrower(technician_id=int(data))
        return Borrower(
            name=self.name.text(), kind=self.kind.currentData(), id_number=self.id_number.text()
        )

    def submit(self) -> Done[object] | None:
        row = self.row or registry.find(self.desk, self.code.text())
        order_id = self.order_id
        number = self.order_no.text().strip()
        if number and (
            order_id is None or repairs.get_order(self.desk, order_id).order_no != number
        ):
            order_id = repairs.find_order(self.desk, number).id
        elif not number:
            order_id = None
        now = self.desk.clock.now()
        due = _iso(self.due_back, now)
        loan = LoanInput(
            self._borrower_input(),
            self.purpose.text(),
            pieces=self.pieces.chosen() if self.row is row else None,
            due_back=due,
            repair_order_id=order_id,
            consent_how=self.consent.currentData() if row.kind == "业主代管" else None,
            consent_at=_iso(self.consent_at, now) if self.consent.currentData() == "电话" else None,
        )
        approval = None
        if not row.never_lend and (
            row.kind in APPROVAL_KINDS or from_text(due).date() > now.date()
        ):
            if not self.purpose.text().strip():
                raise ValidationError("请填写借用事由。", field="purpose")
            label = self.tr("Lend %1").replace("%1", set_text(row))
            approval = approved(self.desk, self.hub, "借用钥匙", label, self.purpose.text(), self)
        done = loans.lend(self.desk, row.id, loan, approval)
        self.result_set = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        fields: dict[str | None, QWidget] = {
            "code": self.code,
            "borrower": self.borrower,
            "borrower_kind": self.kind,
            "borrower_id_number": self.id_number,
            "purpose": self.purpose,
            "due_back": self.due_back,
            "repair_order": self.order_no,
            "order_no": self.order_no,
            "consent": self.consent,
            "consent_at": self.consent_at,
            "pieces": self.pieces.first_box() or self.code,
        }
        return fields.get(getattr(error, "field", None))


class ReturnDialog(FormDialog):
    """归还 a scanned key that is out: the set and its borrower shown, Enter returns it."""

    def __init__(
        self, desk: Desk, hub: EventHub | None, row: KeySetRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.result_set: KeySetRow | None = None
        self.setObjectName("key_return_dialog")
        self.setWindowTitle(self.tr("Return keys"))
        self.add_intro(
            self.tr("Return %1, lent to %2, due back %3?")
            .replace("%1", set_text(row))
            .replace("%2", row.borrower or "")
            .replace("%3", display(row.due_back))
        )
        self.pieces = PiecesEdit(self, "return_pieces")
        out = {p.piece_type: p.out for p in registry.pieces(desk, row.id) if p.out}
        self.pieces.set_pieces(out)
        self.add_row(self.tr("Piece&s:"), self.pieces)
        self.note = QLineEdit(self)
        self.note.setObjectName("return_note")
        self.add_row(self.tr("&Note:"), self.note)
        self.finish(self.tr("&Return"), [*self.pieces.fields(), self.note])
        self.initial_focus = self.ok_button
        self.setMinimumWidth(420)

    def submit(self) -> Done[object] | None:
        pieces = self.pieces.chosen()
        done = loans.return_keys(self.desk, self.row.id, pieces, note=self.note.text())
        self.result_set = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        if getattr(error, "field", None) == "pieces":
            return self.pieces.first_box()
        return None
