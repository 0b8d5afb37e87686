"""挂失 (keys lost) and 配钥匙 (copies made) of one set, each with a supervisor's approval.

A loss takes pieces from those out on loan when the set is lent (the borrower lost
them), else from those at the desk; a copy adds pieces at the desk (a unit's set in its
five types, another set in the types it has). Both need a reason; the supervisor's
approval is asked (the approval dialog, the reason carried over) once the form is filled,
and nothing is written without it.

    dialog = LossDialog(desk, hub, row, copying=False, parent=page); dialog.exec()
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.core.errors import DeskError
from desk_app.core.vocabularies import UNIT_KEY_KINDS, UNIT_KEY_TYPES
from desk_app.services.desk import Desk
from desk_app.services.keys import loans, registry
from desk_app.services.keys.registry import KeySetRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.keys.loan_dialog import set_text
from desk_app.ui.keys.pieces_edit import PiecesEdit
from desk_app.ui.widgets.approval import approved
from desk_app.ui.widgets.forms import FormDialog, line_edit

LOSS_APPROVAL = "钥匙挂失"
COPY_APPROVAL = "配钥匙"


class LossDialog(FormDialog):
    """挂失 (``copying`` False) or 配钥匙 of one set."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub | None,
        row: KeySetRow,
        *,
        copying: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = row
        self.copying = copying
        self.setObjectName("key_copy_dialog" if copying else "key_loss_dialog")
        counts = {p.piece_type: (p.held, p.out) for p in registry.pieces(desk, row.id)}
        lent = row.loan_id is not None
        if copying:
            self.setWindowTitle(self.tr("Copy keys"))
            intro = self.tr("Copies of %1 join the set at the desk.")
            types = list(counts)
            if row.kind in UNIT_KEY_KINDS:
                types = [*UNIT_KEY_TYPES, *(t for t in counts if t not in UNIT_KEY_TYPES)]
            bounds = {t: registry.MAX_PIECES - sum(counts.get(t, (0, 0))) for t in types}
        else:
            self.setWindowTitle(self.tr("Report keys lost"))
            if lent:
                intro = self.tr("Keys of %1 lost by the borrower, %2.").replace(
                    "%2", row.borrower or ""
                )
                bounds = {t: out for t, (_held, out) in counts.items() if out}
            else:
                intro = self.tr("Keys of %1 lost from the desk.")
                bounds = {t: held for t, (held, _out) in counts.items() if held}
        self.add_intro(intro.replace("%1", set_text(row)))
        self.pieces = PiecesEdit(self, "copy_pieces" if copying else "lost_pieces")
        self.pieces.set_pieces(bounds, start_at_all=False)
        self.add_row(self.tr("Piece&s:"), self.pieces)
        self.reason = line_edit(self, "reason", max_length=100)
        self.add_row(self.tr("&Reason:"), self.reason)
        self.finish(
            self.tr("Record copies") if copying else self.tr("Report lost"),
            [*self.pieces.fields(), self.reason],
        )
        self.setMinimumWidth(520)

    def submit(self) -> Done[object] | None:
        act = loans.replace if self.copying else loans.report_lost
        pieces = self.pieces.values()
        if not self.reason.text().strip() or not pieces:
            # the service says what is missing before any supervisor is asked
            registry.clean_pieces(self.row.kind, pieces)
            return act(self.desk, self.row.id, pieces, self.reason.text(), None)
        if self.copying:
            action, label = COPY_APPROVAL, self.tr("Copy keys of %1")
        else:
            action, label = LOSS_APPROVAL, self.tr("Report keys of %1 lost")
        label = label.replace("%1", set_text(self.row))
        approval = approved(self.desk, self.hub, action, label, self.reason.text(), self)
        return act(self.desk, self.row.id, pieces, self.reason.text(), approval)

    def error_focus(self, error: DeskError) -> QWidget | None:
        field = getattr(error, "field", None)
        if field == "pieces":
            return self.pieces.first_box()
        if field in ("reason", "approval"):
            return self.reason
        return None
