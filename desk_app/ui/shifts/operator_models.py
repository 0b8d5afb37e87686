"""The operator accounts, for the manager's Operators dialog."""

from __future__ import annotations

from desk_app.ui.labels import active_text, moment_text, role_text
from desk_app.ui.widgets.row_table import Column, RowTableModel


class OperatorsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("User name"), lambda row: row.username),
            Column(self.tr("Name"), lambda row: row.display_name),
            Column(self.tr("Role"), lambda row: role_text(row.role)),
            Column(self.tr("Status"), lambda row: active_text(row.active)),
            Column(self.tr("Created"), lambda row: moment_text(row.created_at)),
        ]
