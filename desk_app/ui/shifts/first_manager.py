"""First start: create the first account, a manager (客服中心经理)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.services.desk import Desk, Operator
from desk_app.services.operations import Done
from desk_app.services.shifts import operators
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, line_edit, password_edit


class FirstManagerDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.operator: Operator | None = None
        self.setObjectName("first_manager_dialog")
        self.setWindowTitle(self.tr("First start: create the manager's account"))
        self.add_intro(
            self.tr(
                "This database has no operators yet. Create the account of the service centre "
                "manager; the manager then adds the other operators."
            )
        )
        self.username = self.add_row(
            self.tr("&User name:"), line_edit(self, "username", max_length=32)
        )
        self.display_name = self.add_row(
            self.tr("&Name:"), line_edit(self, "display_name", max_length=40)
        )
        self.password = self.add_row(self.tr("&Password:"), password_edit(self, "password"))
        self.confirm = self.add_row(self.tr("&Confirm password:"), password_edit(self, "confirm"))
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. wangjg"))
        self.finish(
            self.tr("Create"), [self.username, self.display_name, self.password, self.confirm]
        )
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        if self.password.text() != self.confirm.text():
            raise ValidationError(self.tr("The two passwords do not match."))
        done = operators.create_first_manager(
            self.desk, self.username.text(), self.display_name.text(), self.password.text()
        )
        self.operator = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        message = error_text(error)
        if "登录名" in message:
            return self.username
        if "姓名" in message:
            return self.display_name
        if self.password.text() != self.confirm.text():
            return self.confirm
        return self.password
