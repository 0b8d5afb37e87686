"""Small read-only tables of the cash page: takings by method and by item, voids,
refunds, and the month-end report's totals, items and arrears by age."""

from __future__ import annotations

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.ledger import month_close
from desk_app.ui.widgets.row_table import Column, RowTableModel


class MethodTotalsModel(RowTableModel):
    """Rows: ``MethodTotal`` (method, count, total_fen)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Method"), lambda r: r.method),
            Column(self.tr("Receipts"), lambda r: r.count, align_right=True),
            Column(self.tr("Amount"), lambda r: format_fen(r.total_fen), align_right=True),
        ]


class ItemTotalsModel(RowTableModel):
    """Rows: ``ItemTotal`` (item_name, total_fen)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Fee item"), lambda r: r.item_name),
            Column(self.tr("Amount"), lambda r: format_fen(r.total_fen), align_right=True),
        ]


class VoidsModel(RowTableModel):
    """Rows: ``VoidLine``."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("No."), lambda r: r.number_text),
            Column(self.tr("Voided"), lambda r: display(r.voided_at)),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Amount"), lambda r: format_fen(r.total_fen), align_right=True),
            Column(self.tr("Reason"), lambda r: r.reason),
        ]


class RefundsModel(RowTableModel):
    """Rows: ``RefundLine``."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Voucher"), lambda r: r.voucher_no),
            Column(self.tr("Receipt"), lambda r: r.receipt_number_text),
            Column(self.tr("Payee"), lambda r: r.payee),
            Column(self.tr("Method"), lambda r: r.method),
            Column(self.tr("Amount"), lambda r: format_fen(r.amount_fen), align_right=True),
        ]


class SummaryModel(RowTableModel):
    """Rows: (label, value) pairs of the month-end totals."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda r: r[0]),
            Column(self.tr("Amount"), lambda r: r[1], align_right=True),
        ]


class ReportItemsModel(RowTableModel):
    """Rows: ``month_close.ItemLine``."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Fee item"), lambda r: r.item_name),
            Column(self.tr("Charged"), lambda r: format_fen(r.charged_fen), align_right=True),
            Column(self.tr("Adjusted"), lambda r: format_fen(r.adjusted_fen), align_right=True),
            Column(self.tr("Due"), lambda r: format_fen(r.due_fen), align_right=True),
            Column(self.tr("Received"), lambda r: format_fen(r.received_fen), align_right=True),
            Column(self.tr("Rate"), lambda r: month_close.rate_text(r.rate), align_right=True),
            Column(self.tr("Arrears"), lambda r: format_fen(r.arrears_fen), align_right=True),
        ]


class AgesModel(RowTableModel):
    """Rows: ``month_close.AgeLine``."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Overdue"), lambda r: r.label),
            Column(self.tr("Units"), lambda r: r.units, align_right=True),
            Column(self.tr("Arrears"), lambda r: format_fen(r.fen), align_right=True),
        ]
