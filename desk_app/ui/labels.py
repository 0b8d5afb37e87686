"""Translated names of the codes the services use (roles, shift statuses, the directory's
roles, contact fields and archive facts)."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
)

from desk_app.core.clock import display
from desk_app.ui.i18n import QT_TRANSLATE_NOOP


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


class DirectoryText(QObject):
    """Translated names of the directory's codes (the context of these strings)."""

    @staticmethod
    def role(role: str) -> str:
        names = {
            "owner": QCoreApplication.translate("DirectoryText", "Owner"),
            "co_owner": QCoreApplication.translate("DirectoryText", "Co-owner"),
            "tenant": QCoreApplication.translate("DirectoryText", "Tenant"),
            "member": QCoreApplication.translate("DirectoryText", "Household member"),
        }
        return names.get(role, role)

    @staticmethod
    def contact_field(field: str) -> str:
        names = {
            "phone": QCoreApplication.translate("DirectoryText", "Phone"),
            "phone2": QCoreApplication.translate("DirectoryText", "Second phone"),
            "address": QCoreApplication.translate("DirectoryText", "Address"),
            "employer": QCoreApplication.translate("DirectoryText", "Employer"),
            "employer_address": QCoreApplication.translate("DirectoryText", "Employer's address"),
            "hukou": QCoreApplication.translate("DirectoryText", "Registered residence"),
        }
        return names.get(field, field)

    @staticmethod
    def fact(name: str) -> str:
        """The label of a household-archive fact (业主档案资料表)."""
        names = {
            "purchase_date": QCoreApplication.translate("DirectoryText", "Purchased"),
            "receive_date": QCoreApplication.translate("DirectoryText", "Handed over"),
            "movein_date": QCoreApplication.translate("DirectoryText", "Moved in"),
            "contract_signed_on": QCoreApplication.translate(
                "DirectoryText", "Purchase contract signed"
            ),
            "checkin_done_on": QCoreApplication.translate("DirectoryText", "Check-in done"),
            "property_nature": QCoreApplication.translate("DirectoryText", "Property type"),
            "rental_status": QCoreApplication.translate("DirectoryText", "Occupancy"),
            "title_certificate": QCoreApplication.translate("DirectoryText", "Title certificate"),
            "lease_record": QCoreApplication.translate("DirectoryText", "Lease record"),
            "note": QCoreApplication.translate("DirectoryText", "Note"),
        }
        return names.get(name, name)

    @staticmethod
    def yes_no(value: bool) -> str:
        if value:
            return QCoreApplication.translate("DirectoryText", "Yes")
        return QCoreApplication.translate("DirectoryText", "No")

    @staticmethod
    def period(start: str | None, end: str | None) -> str:
        if not start and not end:
            return ""
        return f"{start or '…'} – {end or '…'}"


# The desk's vocabulary as stored (Chinese, the paper's words) and its English source text
# for the translator: the stored value never changes, only what the buttons say.
VOCABULARY = {
    "来电": QT_TRANSLATE_NOOP("Labels", "Call"),
    "来访": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "来函": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "其他": QT_TRANSLATE_NOOP("Labels", "Other"),
    "咨询": QT_TRANSLATE_NOOP("Labels", "Enquiry"),
    "报修": QT_TRANSLATE_NOOP("Labels", "Repair"),
    "投诉": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "建议": QT_TRANSLATE_NOOP("Labels", "Suggestion"),
    "求助": QT_TRANSLATE_NOOP("Labels", "Help"),
    "表扬": QT_TRANSLATE_NOOP("Labels", "Praise"),
    "一般": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "紧急": QT_TRANSLATE_NOOP("Labels", "Urgent"),
    "现金": QT_TRANSLATE_NOOP("Labels", "Cash"),
    "微信": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "支付宝": QT_TRANSLATE_NOOP("Labels", "Alipay"),
    "银行卡": QT_TRANSLATE_NOOP("Labels", "Bank card"),
    "转账": QT_TRANSLATE_NOOP("Labels", "Transfer"),
    "满意": QT_TRANSLATE_NOOP("Labels", "Satisfied"),
    "基本满意": QT_TRANSLATE_NOOP("Labels", "Mostly satisfied"),
    "不满意": QT_TRANSLATE_NOOP("Labels", "Not satisfied"),
}


def vocabulary_text(value: str) -> str:
    """A stored word of the desk's vocabulary as the interface language says it."""
    source = VOCABULARY.get(value)
    return QCoreApplication.translate("Labels", source) if source else value
