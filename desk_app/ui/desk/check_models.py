"""Results of the integrity check."""

from __future__ import annotations

from desk_app.services.desk.maintenance import CHECK_LABELS
from desk_app.ui.widgets.row_table import Column, RowTableModel


class CheckResultsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Check"), lambda row: CHECK_LABELS.get(row.name, row.name)),
            Column(
                self.tr("Result"), lambda row: self.tr("Passed") if row.ok else self.tr("FAILED")
            ),
            Column(self.tr("Details"), lambda row: row.detail),
        ]
