"""Keyboard first: within each dialog and menu, every Alt+letter is used once."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

from desk_app.ui.desk.settings_dialog import SettingsDialog
from desk_app.ui.keys.loan_dialog import LoanDialog
from desk_app.ui.shifts.change_password import ChangePasswordDialog
from desk_app.ui.shifts.close_day import CloseDayDialog
from desk_app.ui.shifts.first_manager import FirstManagerDialog
from desk_app.ui.shifts.handover import HandoverDialog
from desk_app.ui.shifts.login import LoginDialog
from desk_app.ui.shifts.operators_dialog import (
    NewOperatorDialog,
    OperatorsDialog,
    ResetPasswordDialog,
)
from desk_app.ui.shifts.recent_shifts import RecentShiftsDialog
from desk_app.ui.widgets.approval import SupervisorApprovalDialog
from desk_app.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.builders.ui import mnemonics

DIALOGS = {
    "first_manager": lambda desk, hub: FirstManagerDialog(desk, hub),
    "login": lambda desk, hub: LoginDialog(desk, hub),
    "handover": lambda desk, hub: HandoverDialog(desk, hub),
    "close_day": lambda desk, hub: CloseDayDialog(desk, hub),
    "change_password": lambda desk, hub: ChangePasswordDialog(desk, hub),
    "approval": lambda desk, hub: SupervisorApprovalDialog(desk, hub, "作废收据"),
    "new_operator": lambda desk, hub: NewOperatorDialog(desk, hub),
    "reset_password": lambda desk, hub: ResetPasswordDialog(desk, hub, 1, "王经理"),
    "operators": lambda desk, hub: OperatorsDialog(desk, hub),
    "recent_shifts": lambda desk, hub: RecentShiftsDialog(desk),
    "settings": lambda desk, hub: SettingsDialog(desk, hub),
    "preview": lambda desk, hub: PdfPreviewDialog(b"", "空白"),
    "key_loan": lambda desk, hub: LoanDialog(desk, hub),
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_mnemonics_are_unique(manager_desk, qtbot, qapp, hub, name, language):
    qapp.set_language(language)
    dialog = DIALOGS[name](manager_desk, hub)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    counts = Counter(mnemonics(texts))
    assert not [key for key, n in counts.items() if n > 1], texts


def test_menu_mnemonics_are_unique(staffed_desk, make_window):
    window = make_window(staffed_desk)
    menus = window.menuBar().actions()
    assert len(set(mnemonics(a.text() for a in menus))) == len(menus)
    for menu_action in menus:
        items = [a.text() for a in menu_action.menu().actions() if not a.isSeparator()]
        letters = mnemonics(items)
        assert len(letters) == len(set(letters)), items
