"""An operator changes their own password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.core.errors import AuthenticationError, DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.shifts import operators
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.forms import FormDialog, password_edit


class ChangePasswordDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        self.old_password = self.add_row(
            self.tr("&Current password:"), password_edit(self, "old_password")
        )
        self.new_password = self.add_row(
            self.tr("&New password:"), password_edit(self, "new_password")
        )
        self.confirm = self.add_row(
            self.tr("C&onfirm new password:"), password_edit(self, "confirm")
        )
        self.finish(self.tr("Change"), [self.old_password, self.new_password, self.confirm])
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        if self.new_password.text() != self.confirm.text():
            raise ValidationError(self.tr("The two passwords do not match."))
        return operators.change_own_password(
            self.desk, self.old_password.text(), self.new_password.text()
        )

    def error_focus(self, error: DeskError) -> QWidget | None:
        if isinstance(error, AuthenticationError):
            return self.old_password
        if self.new_password.text() != self.confirm.text():
            return self.confirm
        return self.new_password
