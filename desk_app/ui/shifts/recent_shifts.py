"""最近班次: the latest shifts; a shift's handover report opens in the preview."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.desk import Desk, documents
from desk_app.services.shifts import login
from desk_app.ui import messages
from desk_app.ui.operations import attempt
from desk_app.ui.shifts.shift_models import RecentShiftsModel
from desk_app.ui.widgets import pdf_preview


class RecentShiftsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None, limit: int = 50) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("recent_shifts_dialog")
        self.setWindowTitle(self.tr("Recent shifts"))
        self.model = RecentShiftsModel(login.recent_shifts(desk, limit), self)
        self.view = QTableView(self)
        self.view.setObjectName("shifts_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self.open_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("&Open handover report"), self)
        self.open_button.setObjectName("open_report")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.open_report(self.view.currentIndex()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 520)
        if self.model.rowCount():
            self.view.selectRow(0)
        self.view.setFocus()

    def open_report(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if not row.handover_document_id:
            messages.info(self, self.tr("This shift has no handover report."))
            return
        document_id = row.handover_document_id
        pdf = attempt(self, lambda: documents.pdf_of(self.desk, document_id))
        if pdf is None:
            return
        title = self.tr("Handover report: {shift} {time}").format(
            shift=row.name, time=self.model.index(index.row(), 2).data()
        )
        pdf_preview.show_pdf(pdf, title, self)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_report(self.view.currentIndex())
            return
        super().keyPressEvent(event)
