"""The chosen set's buttons under its line on the keys page: 借出, 归还, 寄存, 领取, 挂失,
配钥匙 and 打印签收单 (again, for the history's chosen 寄存 or 领取).

Each is enabled only when it applies: 借出 when the set is at the desk with keys on the hook
and not never-to-lend (then disabled, saying why), 归还 when it is out, 寄存 for an owner's
set held in trust and 领取 when such a set has keys at the desk, 挂失 when there is a key to
lose (out when lent, else at the desk), 配钥匙 for any set, the slip for a deposit or a
collection chosen in the history. The actions are the feature's ``SET_ACTIONS``.

    actions = SetActions(page)        # page: the KeysPage (desk, hub, history table)
    actions.show_set(row, movements)  # the page calls it whenever it shows a set
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from desk_app.services.keys import registry
from desk_app.services.keys.registry import KeySetRow, MovementRow
from desk_app.ui.actions import page_actions, tool_tip
from desk_app.ui.keys.feature import SET_ACTIONS
from desk_app.ui.keys.loan_dialog import LoanDialog, ReturnDialog
from desk_app.ui.keys.loss_dialog import LossDialog
from desk_app.ui.keys.owner_dialog import OwnerDialog, offer_slip
from desk_app.ui.keys.owner_dialog import print_slip as print_movement_slip

if TYPE_CHECKING:
    from desk_app.ui.keys.page import KeysPage

TRUST = "业主代管"
SLIP_KINDS = ("寄存", "领取")


class SetActions(QWidget):
    def __init__(self, page: KeysPage) -> None:
        super().__init__(page)
        self.page = page
        self.setObjectName("set_actions")
        self.row: KeySetRow | None = None
        self.slips: set[int] = set()
        self.named_actions: dict[str, QAction] = page_actions(self, SET_ACTIONS, holder=page)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name, action in self.named_actions.items():
            button = QPushButton(action.text(), self)
            button.setObjectName(f"{name}_button")
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: self._follow(b, a))
            self._follow(button, action)
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addStretch(1)
        page.history_table.itemSelectionChanged.connect(self._update)
        self._update()

    @staticmethod
    def _follow(button: QPushButton, action: QAction) -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    # ---- what applies -----------------------------------------------------------------

    def show_set(self, row: KeySetRow, movements: list[MovementRow]) -> None:
        self.row = row
        self.slips = {m.id for m in movements if m.kind in SLIP_KINDS}
        self._update()

    def chosen_movement(self) -> int | None:
        """The history's chosen row, when it is a deposit or a collection of the set."""
        items = self.page.history_table.selectedItems()
        if not items:
            return None
        movement_id = items[0].data(Qt.ItemDataRole.UserRole)
        return int(movement_id) if movement_id in self.slips else None

    def _update(self) -> None:
        row = self.row
        held = out = 0
        if row is not None:
            for piece in registry.pieces(self.page.desk, row.id):
                held += piece.held
                out += piece.out
        lent = row is not None and row.loan_id is not None
        trust = row is not None and row.kind == TRUST
        lend = self.named_actions["lend"]
        lend.setEnabled(row is not None and not lent and held > 0 and not row.never_lend)
        never = row is not None and row.never_lend
        lend.setToolTip(self.tr("This key is never lent.") if never else tool_tip(lend))
        self.named_actions["return_keys"].setEnabled(lent)
        self.named_actions["deposit"].setEnabled(trust)
        self.named_actions["collect"].setEnabled(trust and held > 0)
        self.named_actions["report_lost"].setEnabled((out if lent else held) > 0)
        self.named_actions["copy_keys"].setEnabled(row is not None)
        self.named_actions["print_slip"].setEnabled(self.chosen_movement() is not None)

    # ---- the acts ---------------------------------------------------------------------

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _done(self) -> None:
        if self.row is not None:
            self.page.show_set(self.row.id)
        self.page.focus_scan()

    def _fresh(self) -> KeySetRow | None:
        """The chosen set as it is now (another window may have moved it)."""
        return registry.key_set(self.page.desk, self.row.id) if self.row else None

    def lend(self) -> None:
        row = self._fresh()
        if row is not None:
            self._run(LoanDialog(self.page.desk, self.page.hub, row, self.page))
            self._done()

    def return_keys(self) -> None:
        row = self._fresh()
        if row is not None and row.loan_id is not None:
            self._run(ReturnDialog(self.page.desk, self.page.hub, row, self.page))
            self._done()

    def _owner(self, collecting: bool) -> None:
        row = self._fresh()
        if row is None:
            return
        desk, hub = self.page.desk, self.page.hub
        dialog = OwnerDialog(desk, hub, row, collecting=collecting, parent=self.page)
        if self._run(dialog) and dialog.movement_id is not None:
            self.page.show_set(row.id)
            offer_slip(self.page, desk, hub, dialog.movement_id)
        self._done()

    def deposit(self) -> None:
        self._owner(False)

    def collect(self) -> None:
        self._owner(True)

    def _change(self, copying: bool) -> None:
        row = self._fresh()
        if row is not None:
            desk, hub = self.page.desk, self.page.hub
            self._run(LossDialog(desk, hub, row, copying=copying, parent=self.page))
            self._done()

    def report_lost(self) -> None:
        self._change(False)

    def copy_keys(self) -> None:
        self._change(True)

    def print_slip(self) -> None:
        movement_id = self.chosen_movement()
        if movement_id is not None:
            print_movement_slip(self.page, self.page.desk, self.page.hub, movement_id)
