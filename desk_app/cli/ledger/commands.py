"""desk-app ledger …: the fee ledger from the command line.

Each part of the ledger adds its own commands to the group: receipts (reprint),
billing (billing sheets and meter readings), arrears (the arrears list and notices),
and the cash handover and month-end close.
"""

from __future__ import annotations

import click

from desk_app.cli.ledger import arrears as ledger_arrears_commands
from desk_app.cli.ledger import billing as ledger_billing_commands
from desk_app.cli.ledger import close as ledger_close_commands
from desk_app.cli.ledger import receipts as ledger_receipt_commands


@click.group("ledger")
def ledger_group() -> None:
    """收费台账：补打收据、计费表、欠费催缴、上缴与月结。"""


def register(group: click.Group) -> None:
    """Add ``ledger`` to the ``desk-app`` group."""
    for part in (
        ledger_receipt_commands,
        ledger_billing_commands,
        ledger_arrears_commands,
        ledger_close_commands,
    ):
        part.attach(ledger_group)
    group.add_command(ledger_group)
