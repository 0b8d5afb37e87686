"""The app-wide change events.

One ``EventHub`` lives on the ``DeskApplication``. The UI emits a signal after a
service call has returned, i.e. after its transaction committed, and views
refresh themselves from it. Names are past tense: they report what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventHub(QObject):
    shift_opened = Signal(int)
    """A shift was opened or resumed (login, handover); carries the shift id."""

    shift_closed = Signal(int)
    """A shift was closed (handover, day close); carries the closed shift's id."""

    settings_changed = Signal(list)
    """The estate settings changed; carries the changed keys."""

    operator_changed = Signal()
    """The operator on duty changed (login, handover, day close) or an account was edited."""

    backup_made = Signal(str)
    """A backup was written; carries its file path."""

    document_printed = Signal(int)
    """A form was rendered and archived; carries the document id."""

    estate_changed = Signal()
    """Buildings, units or public places were created (the estate tree refreshes)."""

    unit_changed = Signal(int)
    """A unit or what is kept about it changed (its people, vehicles, archive, loans);
    carries the unit id."""

    person_changed = Signal(int)
    """A person's details were edited; carries the person id."""

    archive_loan_changed = Signal(int)
    """A unit's paper archive was lent or returned; carries the loan id."""

    roster_imported = Signal()
    """An owner roster was imported (many units and people changed at once)."""

    reception_entry_changed = Signal(int)
    """A reception log entry was recorded, handled, escalated or closed; carries its id."""

    repair_order_changed = Signal(int)
    """A repair order was created or changed status (dispatch … callback); carries its id."""

    callback_recorded = Signal(int)
    """A callback attempt or result was recorded; carries the callback id."""

    repair_setup_changed = Signal()
    """The technicians or the paid-service price list changed."""

    charges_posted = Signal()
    """Charges were posted or adjusted (a billing run, a one-off charge, a late fee);
    outstanding amounts changed."""

    payment_recorded = Signal(int)
    """A payment was taken and its receipt issued; carries the receipt id."""

    receipt_changed = Signal(int)
    """A receipt was voided, reprinted, exchanged for an invoice or refunded against;
    carries the receipt id."""

    arrears_action_recorded = Signal(int)
    """A chasing step (phone call, notice, visit, post …) was recorded; carries the unit id."""

    cash_handed_over = Signal(int)
    """Cash was handed over to finance (上缴); carries the handover id."""

    period_closed = Signal(str)
    """A month was closed (月结); carries the period, e.g. "2026-11"."""
