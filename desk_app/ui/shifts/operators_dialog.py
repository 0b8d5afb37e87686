"""操作员: the manager's list of accounts — add, reset a password, deactivate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.shifts import operators
from desk_app.services.shifts.operators import OperatorRow
from desk_app.ui import messages
from desk_app.ui.events import EventHub
from desk_app.ui.labels import role_text
from desk_app.ui.operations import perform
from desk_app.ui.shifts.operator_models import OperatorsModel
from desk_app.ui.widgets.forms import FormDialog, line_edit, password_edit


class NewOperatorDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.setObjectName("new_operator_dialog")
        self.setWindowTitle(self.tr("Add operator"))
        self.username = self.add_row(
            self.tr("&User name:"), line_edit(self, "username", max_length=32)
        )
        self.display_name = self.add_row(
            self.tr("&Name:"), line_edit(self, "display_name", max_length=40)
        )
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in operators.ROLES:
            self.role.addItem(role_text(role), role)
        self.add_row(self.tr("&Role:"), self.role)
        self.password = self.add_row(self.tr("&Password:"), password_edit(self, "password"))
        self.confirm = self.add_row(self.tr("&Confirm password:"), password_edit(self, "confirm"))
        self.finish(
            self.tr("Add"),
            [self.username, self.display_name, self.role, self.password, self.confirm],
        )
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        if self.password.text() != self.confirm.text():
            raise ValidationError(self.tr("The two passwords do not match."))
        return operators.create_operator(
            self.desk,
            self.username.text(),
            self.display_name.text(),
            self.role.currentData(),
            self.password.text(),
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        if "登录名" in error.message:
            return self.username
        if "姓名" in error.message:
            return self.display_name
        return self.password


class ResetPasswordDialog(FormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, operator_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.operator_id = operator_id
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("Reset password of {name}").format(name=name))
        self.password = self.add_row(self.tr("&New password:"), password_edit(self, "password"))
        self.confirm = self.add_row(self.tr("&Confirm password:"), password_edit(self, "confirm"))
        self.finish(self.tr("Reset"), [self.password, self.confirm])
        self.setMinimumWidth(400)

    def submit(self) -> Done[object]:
        if self.password.text() != self.confirm.text():
            raise ValidationError(self.tr("The two passwords do not match."))
        return operators.reset_password(self.desk, self.operator_id, self.password.text())

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.password


class OperatorsDialog(QDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.changed = False
        self.setObjectName("operators_dialog")
        self.setWindowTitle(self.tr("Operators"))
        self.model = OperatorsModel(operators.list_operators(desk), self)
        self.view = QTableView(self)
        self.view.setObjectName("operators_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.add_button = self._button(self.tr("&Add operator…"), "add_operator", self.add_operator)
        self.reset_button = self._button(
            self.tr("&Reset password…"), "reset_password", self.reset_password
        )
        self.toggle_button = self._button(
            self.tr("&Deactivate"), "toggle_active", self.toggle_active
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        self.resize(720, 400)
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def selected(self) -> OperatorRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.toggle_button.setEnabled(row is not None)
        if row is not None and not row.active:
            self.toggle_button.setText(self.tr("A&ctivate"))
        else:
            self.toggle_button.setText(self.tr("&Deactivate"))

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(operators.list_operators(self.desk))
        for number, row in enumerate(self.model.rows()):
            if row.id == select_id:
                self.view.selectRow(number)
                break
        self._update_buttons()

    def add_operator(self) -> None:
        dialog = NewOperatorDialog(self.desk, self.hub, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self.reload()
        dialog.deleteLater()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ResetPasswordDialog(self.desk, self.hub, row.id, row.display_name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            messages.info(
                self, self.tr("The password of {name} was reset.").format(name=row.display_name)
            )
        dialog.deleteLater()

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        done = perform(
            self, self.hub, lambda: operators.set_active(self.desk, row.id, not row.active)
        )
        if done is None:
            return
        self.changed = True
        self.reload(row.id)

    def keyPressEvent(self, event) -> None:
        # Enter in the list must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
