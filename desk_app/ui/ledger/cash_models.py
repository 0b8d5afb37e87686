"""Small read-only tables of the cash page: takings by method and by item, voids,
refunds, and the month-end report's totals, items and arrears by age."""

from __future__ import annotations

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.ledger import month_close
from desk_app.services.ledger.month_close import MonthReport
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.row_table import Column, RowTableModel


class MethodTotalsModel(RowTableModel):
    """Rows: ``MethodTotal`` (method, count, total_fen)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Method"), lambda r: vocabulary_text(r.method)),
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
            Column(self.tr("Method"), lambda r: vocabulary_text(r.method)),
            Column(self.tr("Amount"), lambda r: format_fen(r.amount_fen), align_right=True),
        ]


class SummaryModel(RowTableModel):
    """Rows: (label, value) pairs of the month-end totals, as the printed report has them
    (``month_close_print.summary_rows``) but said in the interface's language."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda r: r[0]),
            Column(self.tr("Amount"), lambda r: r[1], align_right=True),
        ]

    def show_report(self, figures: MonthReport) -> None:
        collected = self.tr("Collection rate (of {due} due this period, {paid} paid by its end)")
        self.set_rows(
            [
                (
                    self.tr("Due this period (incl. adjustments, excl. deposits)"),
                    format_fen(figures.charges_fen),
                ),
                (self.tr("  of which adjustments"), format_fen(figures.adjustments_fen)),
                (
                    self.tr("Received ({count} valid receipts)").format(
                        count=figures.receipt_count
                    ),
                    format_fen(figures.received_fen),
                ),
                (
                    collected.format(
                        due=format_fen(figures.collectible_fen),
                        paid=format_fen(figures.collected_fen),
                    ),
                    figures.rate_text,
                ),
                (
                    self.tr("Voided receipts ({count})").format(count=len(figures.voids)),
                    format_fen(figures.voided_fen),
                ),
                (
                    self.tr("Refunds ({count})").format(count=len(figures.refunds)),
                    format_fen(figures.refunds_fen),
                ),
                (self.tr("Deposits held at period end"), format_fen(figures.deposits_held_fen)),
                (
                    self.tr("Arrears at period end ({count} households)").format(
                        count=figures.arrears_units
                    ),
                    format_fen(figures.arrears_fen),
                ),
            ]
        )


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
            Column(self.tr("Overdue"), lambda r: vocabulary_text(r.label)),
            Column(self.tr("Units"), lambda r: r.units, align_right=True),
            Column(self.tr("Arrears"), lambda r: format_fen(r.fen), align_right=True),
        ]
