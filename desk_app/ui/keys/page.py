"""The 钥匙管理 tab: the scan box on top (focused when the tab opens; F8 from anywhere),
the keys out now (the time left coloured like every time limit) and the chosen set's
history (every movement: who, when, why).

A USB scanner types the tag code and Enter: a key that is out asks to be returned (Enter
returns it), a key at the desk opens the loan form with the borrower field focused.
Typing the code by hand works the same; an unknown code is said under the box.

    page = KeysPage(desk, hub)
    page.focus_scan(); page.scan("K0000001"); page.show_set(set_id); page.refresh()
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text
from desk_app.core.errors import DeskError
from desk_app.core.vocabularies import KEY_MOVEMENTS
from desk_app.services.desk import Desk
from desk_app.services.keys import loans, registry
from desk_app.services.keys.registry import KeySetRow
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.keys.feature import PAGE_ACTIONS, REGISTRY_ACTIONS
from desk_app.ui.keys.loan_dialog import LoanDialog, ReturnDialog, set_text
from desk_app.ui.keys.owner_dialog import depositor_text
from desk_app.ui.keys.set_actions import SetActions
from desk_app.ui.labels import left_text, vocabulary_text
from desk_app.ui.operations import attempt
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.columns import fit_columns
from desk_app.ui.widgets.tool_buttons import tool_button

NEAR = timedelta(minutes=30)
"""A loan this close to its time shows as near."""


OUT_SAMPLES = {
    0: "K0000000",
    1: "12-3-1801 防盗铁门",
    2: "孙立新（外单位人员）",
    3: "2026-12-31 17:30",
    4: "超 23小时59分",
}
HISTORY_SAMPLES = {
    0: "2026-12-31 17:30",
    1: KEY_MOVEMENTS,
    2: "防盗铁门×2、单元门×1",
    3: "孙立新（外单位人员）",
    4: "天台水箱检修，更换浮球阀",
    5: "WX20261231001",
    6: "2026-12-31 17:30",
    7: "张主管",
    8: "李前台",
}


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class KeysPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("keys_page")
        self.current: KeySetRow | None = None

        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("scan_edit")
        self.scan_edit.setPlaceholderText(self.tr("Scan a key tag or type its code, then Enter"))
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_edit.returnPressed.connect(lambda: self.scan(self.scan_edit.text()))
        scan_caption = QLabel(self.tr("&Scan:"), self)
        scan_caption.setBuddy(self.scan_edit)
        self.scan_message = QLabel(self)
        self.scan_message.setObjectName("scan_message")
        self.scan_message.setWordWrap(True)
        self.set_label = QLabel(self)
        self.set_label.setObjectName("set_label")
        font = self.set_label.font()
        font.setBold(True)
        self.set_label.setFont(font)
        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_caption)
        scan_row.addWidget(self.scan_edit, 1)

        self.out_table = _table(
            self,
            "keys_out",
            [
                self.tr("Code"),
                self.tr("Key"),
                self.tr("Borrower"),
                self.tr("Due back"),
                self.tr("Time left"),
            ],
        )
        self.out_table.itemSelectionChanged.connect(self._out_chosen)
        self.history_table = _table(
            self,
            "key_history",
            [
                self.tr("When"),
                self.tr("Movement"),
                self.tr("Pieces"),
                self.tr("Who"),
                self.tr("Why"),
                self.tr("Repair order"),
                self.tr("Due back"),
                self.tr("Approved by"),
                self.tr("Clerk"),
            ],
        )
        self.out_caption = QLabel(self)
        history_caption = QLabel(self.tr("History of the set"), self)
        self.set_actions = SetActions(self)  # 借出 … 打印签收单 of the chosen set

        fit_columns(self.out_table, OUT_SAMPLES, table="keys_out")
        fit_columns(self.history_table, HISTORY_SAMPLES, table="key_history")

        self.named_actions: dict[str, QAction] = page_actions(self, PAGE_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for spec in REGISTRY_ACTIONS:
            name = spec.name
            self.buttons[name] = tool_button(self, self.named_actions[name], f"keys_{name}_button")
            bar.addWidget(self.buttons[name])
        bar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(scan_row)
        layout.addWidget(self.scan_message)
        layout.addWidget(self.set_label)
        layout.addWidget(self.set_actions)
        layout.addWidget(self.out_caption)
        layout.addWidget(self.out_table, 2)
        layout.addWidget(history_caption)
        layout.addWidget(self.history_table, 3)
        self.setFocusProxy(self.scan_edit)

        hub.changed.connect(self._hub_changed)
        self.refresh()

    # ---- scan to act -----------------------------------------------------------------

    def focus_scan(self) -> None:
        self.scan_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scan_edit.selectAll()

    def _say(self, text: str, error: bool = False) -> None:
        self.scan_message.setText(text)
        self.scan_message.setStyleSheet("color: #a40000;" if error else "")

    def scan(self, text: str) -> None:
        """The set of a scanned or typed code: out → return it; in → lend it."""
        if not text.strip():
            return
        try:
            row = registry.find(self.desk, text)
        except DeskError as error:
            self._say(error_text(error), error=True)
            self.focus_scan()
            return
        self.scan_edit.clear()
        self.show_set(row.id)
        if row.loan_id is not None:
            dialog: QDialog = ReturnDialog(self.desk, self.hub, row, self)
            done_text = self.tr("%1 returned.")
        else:
            dialog = LoanDialog(self.desk, self.hub, row, self)
            done_text = self.tr("%1 lent.")
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._say(done_text.replace("%1", row.code))
            else:
                self._say("")
        finally:
            dialog.deleteLater()
        self.show_set(row.id)
        self.focus_scan()

    def lend_for_order(self, order_id: int) -> None:
        """借钥匙 from a repair order: the loan form with the order filled, code to type."""
        dialog = LoanDialog(self.desk, self.hub, None, self, order_id=order_id)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_set is not None:
                self.show_set(dialog.result_set.id)
        finally:
            dialog.deleteLater()

    # ---- the registry's work ----------------------------------------------------------

    def new_set(self) -> None:
        """新建钥匙: register one set; it is shown when done, ready for its label."""
        from desk_app.ui.keys.set_dialogs import NewKeySetDialog

        dialog = NewKeySetDialog(self.desk, self.hub, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_set is not None:
                self.show_set(dialog.result_set.id)
                self._say(self.tr("%1 registered.").replace("%1", dialog.result_set.code))
        finally:
            dialog.deleteLater()

    def take_in_building(self) -> None:
        """整栋入库, then the new sets' labels if the clerk wants them now."""
        from desk_app.ui import messages
        from desk_app.ui.keys.set_dialogs import KeyIntakeDialog

        dialog = KeyIntakeDialog(self.desk, self.hub, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.created_ids:
                return
            ids = dialog.created_ids
        finally:
            dialog.deleteLater()
        codes = registry.codes_of(self.desk, ids)
        self._say(
            self.tr("%1 sets taken in: %2 … %3.")
            .replace("%1", str(len(codes)))
            .replace("%2", codes[0])
            .replace("%3", codes[-1])
        )
        if messages.confirm(
            self, self.tr("Print the %1 new tags now?").replace("%1", str(len(codes)))
        ):
            self._show_labels(codes)

    def look_up(self) -> None:
        """查询 by person or unit; a line opened shows its set here."""
        from desk_app.ui.keys.lookup import KeyLookupDialog

        dialog = KeyLookupDialog(self.desk, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_set is not None:
                self.show_set(dialog.chosen_set)
        finally:
            dialog.deleteLater()
        self.focus_scan()

    def print_register(self) -> None:
        """钥匙借用登记表 of a day or a period, archived and shown for printing."""
        from desk_app.ui.keys.print_dialogs import RegisterDialog
        from desk_app.ui.widgets import pdf_preview

        dialog = RegisterDialog(self.desk, self.hub, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.printed is None:
                return
            printed = dialog.printed
        finally:
            dialog.deleteLater()
        pdf_preview.show_pdf(printed.pdf, printed.title or self.tr("Key loan register"), self)

    def print_labels(self) -> None:
        """Tag labels of the chosen set, a building or every set."""
        from desk_app.ui.keys.print_dialogs import LabelsDialog
        from desk_app.ui.widgets import pdf_preview

        dialog = LabelsDialog(self.desk, self.current, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.pdf is None:
                return
            pdf = dialog.pdf
        finally:
            dialog.deleteLater()
        pdf_preview.show_pdf(pdf, self.tr("Key tag labels"), self)

    def _show_labels(self, codes: list[str]) -> None:
        from desk_app.services.keys import printing as keys_printing
        from desk_app.ui.widgets import pdf_preview

        pdf = attempt(self, lambda: keys_printing.labels_pdf(self.desk, codes))
        if pdf is not None:
            pdf_preview.show_pdf(pdf, self.tr("Key tag labels"), self)

    def export_sets(self, path: str | None = None) -> None:
        """Every set with its pieces and state, to an Excel workbook."""
        from desk_app.services.keys import export
        from desk_app.ui.widgets.files import choose_save_path

        name = f"钥匙清单-{self.desk.clock.now():%Y%m%d}.xlsx"
        path = path or choose_save_path(self, self.tr("Export the key sets"), name)
        if not path:
            return
        chosen = path
        count = attempt(self, lambda: export.export_sets(self.desk, chosen))
        if count is not None:
            self._say(self.tr("%1 sets exported.").replace("%1", str(count)))

    # ---- the lists ------------------------------------------------------------------

    def refresh(self) -> None:
        now = self.desk.clock.now()
        rows = loans.out_now(self.desk)
        late = 0
        self.out_table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            due = from_text(row.due_back) if row.due_back else now
            seconds = int((due - now).total_seconds())
            if seconds < 0:
                state = deadlines.LATE
                late += 1
            elif due - now <= NEAR:
                state = deadlines.NEAR
            else:
                state = deadlines.ON_TIME
            cells = (row.code, row.label, row.borrower or "", display(row.due_back))
            for column, text in enumerate((*cells, left_text(seconds))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if column == 4:
                    item.setForeground(deadline_colors.FOREGROUND[state])
                    item.setBackground(deadline_colors.BACKGROUND[state])
                self.out_table.setItem(n, column, item)
        self.out_caption.setText(
            self.tr("Keys out now: %1, overdue: %2")
            .replace("%1", str(len(rows)))
            .replace("%2", str(late))
        )
        if self.current is not None:
            self.show_set(self.current.id)

    def _out_chosen(self) -> None:
        items = self.out_table.selectedItems()
        if items:
            set_id = items[0].data(Qt.ItemDataRole.UserRole)
            if self.current is None or self.current.id != set_id:
                self.show_set(int(set_id))

    def show_set(self, set_id: int) -> None:
        """The set's line and its whole history."""
        row = registry.key_set(self.desk, set_id)
        self.current = row
        state = (
            self.tr("out to %1").replace("%1", row.borrower or "")
            if row.loan_id is not None
            else self.tr("at the desk")
        )
        place = f" · {row.place}" if row.place else ""
        never_text = self.tr("never lent")
        never = f" · {never_text}" if row.never_lend else ""
        self.set_label.setText(f"{set_text(row)}{place} · {state}{never}")
        movements = registry.history(self.desk, set_id)
        self.history_table.setRowCount(len(movements))
        for n, m in enumerate(reversed(movements)):
            who = m.borrower or ""
            if m.person_id is not None:
                who = depositor_text(m)
            elif who and m.borrower_kind:
                who = f"{who}（{vocabulary_text(m.borrower_kind)}）"
            pieces = "、".join(f"{vocabulary_text(t)}×{c}" for t, c in m.pieces.items())
            cells = (
                display(m.at),
                vocabulary_text(m.kind),
                pieces,
                who,
                m.purpose or m.reason or m.note,
                m.repair_order_no or "",
                display(m.due_back),
                m.approved_by or "",
                m.operator or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.history_table.setItem(n, column, item)
        self.set_actions.show_set(row, movements)

    def history_texts(self) -> list[list[str]]:
        """The history as shown, newest first (for tests and checks)."""
        table = self.history_table
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    # ---- staying current -------------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.touches("key_sets", "key_movements", "repair_orders", "technicians"):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.focus_scan()
