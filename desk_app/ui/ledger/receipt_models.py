"""The receipts list as a paged table: newest first, a page at a time from
``receipts_list.list_receipts``, with each receipt's status (作废 / 已换发票 / 已退费)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import receipts_list
from desk_app.services.ledger.receipts_list import ReceiptListRow, ReceiptQuery
from desk_app.ui.labels import steps_text, vocabulary_text
from desk_app.ui.widgets.paged import PagedTableModel
from desk_app.ui.widgets.row_table import Column

VOID_COLOUR = QColor("#a40000")


class ReceiptsModel(PagedTableModel):
    NUMBER, ISSUED, UNIT, CUSTOMER, METHOD, TOTAL, STATUS, CLERK = range(8)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.query = ReceiptQuery()

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("No."), lambda r: r.number_text),
            Column(self.tr("Issued"), lambda r: display(r.issued_at)),
            Column(self.tr("Unit"), lambda r: r.unit_code or ""),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Method"), lambda r: vocabulary_text(r.method)),
            Column(self.tr("Amount"), lambda r: format_fen(r.total_fen), align_right=True),
            Column(self.tr("Status"), lambda r: steps_text(receipts_list.status_text(r))),
            Column(self.tr("Clerk"), lambda r: r.drawer_name or ""),
        ]

    def set_query(self, query: ReceiptQuery) -> None:
        """Show the receipts ``query`` selects (one count, then pages as the view asks)."""
        self.query = query
        self.set_source(
            lambda: receipts_list.count_receipts(self.desk, query),
            lambda limit, offset: receipts_list.list_receipts(
                self.desk, query, limit=limit, offset=offset
            ),
        )

    def receipt_at(self, row: int) -> ReceiptListRow | None:
        return self.row_at(row)

    def row_of_receipt(self, receipt_id: int, *, within: int = 500) -> int:
        return self.row_of(lambda r: r.id == receipt_id, within=within)

    def foreground(self, row: Any, column: int) -> Any:
        if row.void and column in (self.NUMBER, self.TOTAL, self.STATUS):
            return QBrush(VOID_COLOUR)
        return None
