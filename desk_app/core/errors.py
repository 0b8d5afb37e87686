"""The domain's errors.

``DeskError`` subclasses are things a user can cause or fix (bad input, wrong
password, a file on a network share); the UI shows their message and the CLI
prints it on one line and exits non-zero. ``EnvironmentFault`` is the machine's
fault (disk full, locked file); anything else is a bug and keeps its traceback.
Messages are Chinese because they are shown to the clerk as they are.
"""

from __future__ import annotations


class DeskError(Exception):
    """An error the user can understand and act on."""

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # Which input was wrong (a setting key, "outgoing_password" …), so a form can
        # put the cursor there.
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DeskError):
    """Input that breaks a rule: a wrong amount, an unknown room, an empty field."""


class ClosedPeriod(ValidationError):
    """A write dated in a month already closed (月结): refused, nothing written."""


class NotFoundError(DeskError):
    """A record the user named does not exist."""


class PermissionDenied(DeskError):
    """The operator's role does not allow this."""


class AuthenticationError(DeskError):
    """Wrong user name or password."""


class EnvironmentFault(DeskError):
    """The machine's fault: disk full, file locked, unreadable, on a network share."""

    exit_code = 3


class DatabaseMissing(EnvironmentFault):
    """The database file named does not exist (only ``demo`` and the window's first start,
    after asking, create one)."""


class DatabaseLocked(EnvironmentFault):
    """Another desk-app process has this database open, or holds its write lock."""


class DiskFull(EnvironmentFault):
    """The disk (or the database's page limit) is full: nothing of the write was kept."""


class ReadOnlyDatabase(EnvironmentFault):
    """The database file or its folder cannot be written."""


class NetworkPathError(EnvironmentFault):
    """The database file is on a network share, where SQLite's locking is unsafe."""


class SchemaTooNew(EnvironmentFault):
    """The database was written by a newer version of the program."""


class CorruptDatabase(EnvironmentFault):
    """The file is not a sound desk database."""
