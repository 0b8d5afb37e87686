"""What each feature contributes to the views every shift shares: its items in the
due-now list, its unfinished matters and sections in the handover report, and what the
incoming operator counts at the handover.

``install()`` registers them once, at start-up (the command line's group and the window
call it). The shared code reads them from its registry (``services.shifts.due_now``,
``services.shifts.handover``) and never imports a feature; a registry read before
``install()`` is a bug, raised as such. A new feature adds its lines here.
"""

from __future__ import annotations

from desk_app.services.keys import due as keys_due
from desk_app.services.keys import loans as keys_loans
from desk_app.services.ledger import cash_drawer
from desk_app.services.movein import due as movein_due
from desk_app.services.reception import due as reception_due
from desk_app.services.reception import summary as reception_summary
from desk_app.services.repairs import due as repairs_due
from desk_app.services.repairs import summary as repairs_summary
from desk_app.services.shifts import due_now, handover
from desk_app.services.shifts.due_now import DueSource


def install() -> None:
    """Register every feature's contributions (again: idempotent)."""
    due_now.SOURCES.install(
        [
            DueSource(repairs_due.due_items, repairs_due.TABLES),
            DueSource(reception_due.due_items, reception_due.TABLES),
            DueSource(keys_due.due_items, keys_due.TABLES),
            DueSource(movein_due.due_items, movein_due.TABLES),
        ]
    )
    handover.OPEN_ITEMS.install(
        [
            repairs_due.handover_orders,
            reception_due.handover_complaints,
            repairs_due.handover_callbacks,
            keys_due.handover_keys,
        ]
    )
    handover.SUMMARY.install(
        [
            reception_summary.handover_summary,
            repairs_summary.handover_summary,
            cash_drawer.handover_summary,
            keys_due.handover_summary,
        ]
    )
    handover.REPORT_SECTIONS.install([cash_drawer.report_section, keys_due.report_section])
    handover.AT_HANDOVER.install(
        [
            handover.HandoverCheck(
                "keys", keys_loans.expected_at_handover, keys_loans.count_at_handover
            )
        ]
    )
