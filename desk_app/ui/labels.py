"""Translated names of the codes the services use (roles, shift statuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.core.clock import display


def role_text(role: str) -> str:
    names = {
        "clerk": QCoreApplication.translate("Labels", "Desk clerk"),
        "supervisor": QCoreApplication.translate("Labels", "Supervisor"),
        "manager": QCoreApplication.translate("Labels", "Service centre manager"),
    }
    return names.get(role, role)


def shift_status_text(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("Labels", "On duty"),
        "handed_over": QCoreApplication.translate("Labels", "Handed over"),
        "day_closed": QCoreApplication.translate("Labels", "Day closed"),
        "closed_unattended": QCoreApplication.translate("Labels", "Closed without handover"),
    }
    return names.get(status, status)


def active_text(active: bool) -> str:
    if active:
        return QCoreApplication.translate("Labels", "Active")
    return QCoreApplication.translate("Labels", "Deactivated")


def moment_text(moment: str | None) -> str:
    """``2026-11-22 09:30`` from a stored timestamp; empty for none."""
    return display(moment) if moment else ""
