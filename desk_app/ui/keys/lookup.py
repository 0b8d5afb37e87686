"""查询钥匙 by person or by unit: type a name (a technician, a contractor's person, an
agent) to see what they hold now and every loan they had; type a room (3-2-501) to see
the unit's trust keys and each of their movements. Enter looks it up.

    dialog = KeyLookupDialog(desk, parent); dialog.look_up("王建国"); dialog.rows()
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.keys import loans, registry
from desk_app.services.keys import printing as keys_printing
from desk_app.services.repairs import setup as repair_setup
from desk_app.ui.error_text import error_text
from desk_app.ui.labels import vocabulary_text

SET_ROLE = Qt.ItemDataRole.UserRole
WIDEST_COLUMN = 260  # px: a set's pieces or a long purpose elide, so 归还 stays in sight


class KeyLookupDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.chosen_set: int | None = None
        self.setObjectName("key_lookup_dialog")
        self.setWindowTitle(self.tr("Keys by person or unit"))
        self.query = QLineEdit(self)
        self.query.setObjectName("lookup_query")
        self.query.setPlaceholderText(self.tr("A name (王建国) or a unit (3-2-501), then Enter"))
        self.query.returnPressed.connect(lambda: self.look_up(self.query.text()))
        caption = QLabel(self.tr("&Who or which unit:"), self)
        caption.setBuddy(self.query)
        self.summary = QLabel(self)
        self.summary.setObjectName("lookup_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("lookup_rows")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._row_opened)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter looks up, or opens a line; Esc closes
        close.setDefault(False)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.query, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Enter on a line shows that set on the tab."), self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def look_up(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if any(ch.isdigit() for ch in text):
            try:
                unit = estate.find_unit(self.desk, text)
            except DeskError as error:
                self._show([], [], error_text(error))
                return
            self._unit(unit.id, unit.code)
        else:
            self._person(text)
        if self.table.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _person(self, name: str) -> None:
        technician = next((t for t in repair_setup.technicians(self.desk, active_only=False)
                           if t.name == name), None)  # fmt: skip
        if technician is not None:
            holding, _ = loans.held_by_technician(self.desk, technician.id)
            lines = keys_printing.borrower_rows(self.desk, technician_id=technician.id)
        else:
            holding, _ = loans.held_by_name(self.desk, name)
            lines = keys_printing.borrower_rows(self.desk, name=name)
        if not lines:
            self._show([], [], self.tr("%1 has never borrowed keys.").replace("%1", name))
            return
        held = "、".join(f"{s.code} {s.label}" for s in holding) or self.tr("nothing")
        summary = (
            self.tr("%1 holds now: %2. Loans: %3.")
            .replace("%1", name)
            .replace("%2", held)
            .replace("%3", str(len(lines)))
        )
        headers = [
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Key"),
            self.tr("Purpose"),
            self.tr("Returned"),
            self.tr("Clerk"),
        ]
        rows = [
            ([r["day"], r["time"], r["key"], r["purpose"], r["returned"], r["clerk"]], set_id)
            for set_id, r in reversed(lines)
        ]
        self._show(headers, rows, summary)

    def _unit(self, unit_id: int, unit_code: str) -> None:
        sets = registry.sets_of_unit(self.desk, unit_id)
        if not sets:
            self._show([], [], self.tr("The desk holds no keys of %1.").replace("%1", unit_code))
            return
        summary = "；".join(
            f"{s.code} {vocabulary_text(s.kind)} · "
            + (self.tr("out to %1").replace("%1", s.borrower or "") if s.loan_id else
               self.tr("at the desk") if s.state == "in" else self.tr("none held"))
            for s in sets
        )  # fmt: skip
        headers = [
            self.tr("When"),
            self.tr("Code"),
            self.tr("Movement"),
            self.tr("Pieces"),
            self.tr("Who"),
            self.tr("Why"),
            self.tr("Clerk"),
        ]
        rows = []
        for m in reversed(registry.history_of_unit(self.desk, unit_id)):
            pieces = "、".join(f"{vocabulary_text(t)}×{c}" for t, c in m.pieces.items())
            who = m.borrower or m.agent_name or ""
            cells = [
                display(m.at),
                m.code or "",
                vocabulary_text(m.kind),
                pieces,
                who,
                m.purpose or m.reason or m.note,
                m.operator or "",
            ]
            rows.append((cells, m.set_id))
        self._show(headers, rows, f"{unit_code}：{summary}")

    def _show(
        self, headers: list[str], rows: Sequence[tuple[list[str], int | None]], summary: str
    ) -> None:
        self.summary.setText(summary)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for n, (cells, set_id) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SET_ROLE, set_id)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if header.sectionSize(column) > WIDEST_COLUMN:
                header.resizeSection(column, WIDEST_COLUMN)  # the whole text is its tooltip

    def rows(self) -> list[list[str]]:
        """The lines as shown (for tests and checks)."""
        table = self.table
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    def _row_opened(self) -> None:
        items = self.table.selectedItems()
        set_id = items[0].data(SET_ROLE) if items else None
        if set_id is not None:
            self.chosen_set = int(set_id)
            self.accept()
