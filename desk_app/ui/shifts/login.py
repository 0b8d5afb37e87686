"""Logging in opens (or resumes) a shift."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desk_app.core.errors import AuthenticationError, DeskError
from desk_app.services.desk import Desk, Shift, settings
from desk_app.services.operations import Done
from desk_app.services.shifts import login
from desk_app.ui import preferences
from desk_app.ui.events import EventHub
from desk_app.ui.labels import moment_text
from desk_app.ui.widgets.controls import fill_vocabulary
from desk_app.ui.widgets.forms import FormDialog, line_edit, password_edit


def shift_combo(desk: Desk, parent: QWidget, object_name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    fill_vocabulary(combo, login.shift_names(desk), login.suggested_shift_name(desk))
    return combo


class LoginDialog(FormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.shift: Shift | None = None
        self.setObjectName("login_dialog")
        estate = settings.get_all(desk)["estate.name"]
        self.setWindowTitle(self.tr("Log in: {estate}").format(estate=estate))
        open_shift = login.current_shift(desk)
        if open_shift is None:
            intro = self.tr("No shift is open. Logging in opens the shift you choose below.")
        else:
            intro = self.tr(
                "Open shift: {shift}, {operator} on duty since {time}.\n"
                "{operator} logging in resumes it; anyone else closes it as not handed over "
                "and opens a new shift."
            ).format(
                shift=open_shift.name,
                operator=open_shift.operator_name,
                time=moment_text(open_shift.opened_at),
            )
        self.add_intro(intro)
        self.open_shift = open_shift
        # Whoever has the shift open is the likely one to log in (to resume it); anyone
        # else logging in closes that shift as not handed over, so never offer them first.
        username = (
            username
            or login.on_duty_username(desk)
            or preferences.last_choice(preferences.LAST_USERNAME_KEY)
        )
        self.username = self.add_row(
            self.tr("&User name:"), line_edit(self, "username", username, max_length=32)
        )
        self.password = self.add_row(self.tr("&Password:"), password_edit(self, "password"))
        self.shift_name = self.add_row(self.tr("S&hift:"), shift_combo(desk, self, "shift_name"))
        self.finish(self.tr("Log in"), [self.username, self.password, self.shift_name])
        self.initial_focus = self.password if username else self.username
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        done = login.login(
            self.desk, self.username.text(), self.password.text(), self.shift_name.currentData()
        )
        self.shift = done.value
        preferences.store_last_choice(preferences.LAST_USERNAME_KEY, self.username.text().strip())
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        if isinstance(error, AuthenticationError):
            return self.password
        return self.shift_name
