"""上缴财务: the dialog that hands what is pending to finance. It names the finance person
who receives the money and whether to print the slip; OK calls ``cash_drawer.hand_over``."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import cash_drawer
from desk_app.services.ledger.cash_drawer import HandoverDraft, HandoverRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.labels import receipt_numbers_text
from desk_app.ui.widgets.forms import FormDialog, line_edit


class HandOverDialog(FormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, draft: HandoverDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row: HandoverRow | None = None
        self.setObjectName("hand_over_dialog")
        self.setWindowTitle(self.tr("Hand over to finance"))
        since = (
            self.tr("since the last handover ({at})").format(at=display(draft.since))
            if draft.since
            else self.tr("since the start (first handover)")
        )
        self.add_intro(
            self.tr(
                "Hand over everything taken in {since}: receipts {numbers}, total {total}; "
                "cash to hand over {cash} (cash refunds {refunds} deducted)."
            ).format(
                since=since,
                numbers=receipt_numbers_text(draft.ranges) or "—",
                total=format_fen(draft.total_fen),
                cash=format_fen(draft.cash_fen),
                refunds=format_fen(draft.cash_refunds_fen),
            )
        )
        self.received_by = self.add_row(
            self.tr("&Received by (finance):"), line_edit(self, "received_by", max_length=30)
        )
        self.print_slip = QCheckBox(self.tr("&Print the slip"), self)
        self.print_slip.setObjectName("print_slip")
        self.print_slip.setChecked(True)
        self.add_row("", self.print_slip)
        self.finish(self.tr("Hand over"), [self.received_by, self.print_slip])
        self.setMinimumWidth(480)

    def submit(self) -> Done[object]:
        done = cash_drawer.hand_over(self.desk, self.received_by.text())
        self.row = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.received_by
