"""The most recent shifts, for the Recent shifts dialog."""

from __future__ import annotations

from desk_app.ui.labels import moment_text, shift_status_text
from desk_app.ui.widgets.row_table import Column, RowTableModel


class RecentShiftsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Shift"), lambda row: row.name),
            Column(self.tr("On duty"), lambda row: row.operator_name),
            Column(self.tr("Opened"), lambda row: moment_text(row.opened_at)),
            Column(self.tr("Closed"), lambda row: moment_text(row.closed_at)),
            Column(self.tr("Status"), lambda row: shift_status_text(row.status)),
            Column(self.tr("Taken over by"), lambda row: row.incoming_operator_name or ""),
            Column(
                self.tr("Handover report"),
                lambda row: self.tr("Yes") if row.handover_document_id else "",
            ),
            Column(self.tr("Note"), lambda row: row.note or ""),
        ]
