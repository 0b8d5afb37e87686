"""操作员: the manager's list; add, reset, deactivate."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.services.shifts import operators
from desk_app.ui.shifts.operator_models import OperatorsModel
from desk_app.ui.shifts.operators_dialog import (
    NewOperatorDialog,
    OperatorsDialog,
    ResetPasswordDialog,
)
from tests.builders.ui import open_dialog, type_text


def cell(model, row, column):
    return model.index(row, column).data()


def test_lists_accounts_with_role_labels(manager_desk, qtbot, hub):
    dialog = open_dialog(qtbot, OperatorsDialog(manager_desk, hub))
    model = dialog.model
    rows = {
        cell(model, r, 0): (cell(model, r, 1), cell(model, r, 2), cell(model, r, 3))
        for r in range(model.rowCount())
    }
    assert rows["boss"] == ("王经理", "客服中心经理", "启用")
    assert rows["lee"] == ("李主管", "客服主管", "启用")
    assert rows["zhang"][1] == "前台值班员"


def test_add_operator(manager_desk, when_modal, qtbot, hub):
    dialog = open_dialog(qtbot, OperatorsDialog(manager_desk, hub))

    def fill(new: NewOperatorDialog) -> None:
        qtbot.keyClicks(new.username, "sunyue")
        type_text(qtbot, new.display_name, "孙悦")
        new.role.setCurrentIndex(new.role.findData("clerk"))
        qtbot.keyClicks(new.password, "clerk-pass")
        qtbot.keyClicks(new.confirm, "clerk-pass")
        qtbot.keyClick(new.confirm, Qt.Key.Key_Return)

    when_modal(NewOperatorDialog, fill)
    dialog.add_button.click()
    assert dialog.changed
    assert operators.authenticate(manager_desk, "sunyue", "clerk-pass").role == "clerk"
    assert "sunyue" in [cell(dialog.model, r, 0) for r in range(dialog.model.rowCount())]


def test_reset_password_and_deactivate(manager_desk, when_modal, shown, qtbot, hub):
    dialog = open_dialog(qtbot, OperatorsDialog(manager_desk, hub))
    row = [r for r in range(dialog.model.rowCount()) if cell(dialog.model, r, 0) == "chen"][0]
    dialog.view.selectRow(row)

    def fill(reset: ResetPasswordDialog) -> None:
        qtbot.keyClicks(reset.password, "fresh-pass")
        qtbot.keyClicks(reset.confirm, "fresh-pass")
        qtbot.keyClick(reset.confirm, Qt.Key.Key_Return)

    when_modal(ResetPasswordDialog, fill)
    dialog.reset_button.click()
    assert operators.authenticate(manager_desk, "chen", "fresh-pass")
    assert shown.texts("info") == ["已重置 陈静 的密码。"]

    assert dialog.toggle_button.text() == "停用(&D)"
    dialog.toggle_button.click()
    assert cell(dialog.model, dialog.view.currentIndex().row(), 3) == "已停用"
    assert dialog.toggle_button.text() == "启用(&C)"


def test_manager_cannot_deactivate_themself(manager_desk, shown, qtbot, hub):
    dialog = open_dialog(qtbot, OperatorsDialog(manager_desk, hub))
    row = [r for r in range(dialog.model.rowCount()) if cell(dialog.model, r, 0) == "boss"][0]
    dialog.view.selectRow(row)
    dialog.toggle_button.click()
    assert shown.texts("warning") == ["不能停用自己的账号。"]


def test_operators_model(manager_desk, qtmodeltester):
    model = OperatorsModel(operators.list_operators(manager_desk))
    qtmodeltester.check(model)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "角色"
