"""The result of the full integrity check, check by check."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.desk.check_models import CheckResultsModel


class CheckResultsDialog(QDialog):
    def __init__(
        self, results: Sequence[object], database: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("check_results_dialog")
        self.setWindowTitle(self.tr("Integrity check"))
        self.passed = all(result.ok for result in results)  # type: ignore[attr-defined]
        if self.passed:
            summary = self.tr("All checks passed: {path}").format(path=database)
        else:
            summary = self.tr(
                "Some checks FAILED: {path}\nMake no more entries; call the "
                "administrator and keep the latest backups."
            ).format(path=database)
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.model = CheckResultsModel(results, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(640, 320)
