"""Translated names of the codes the services use (roles, shift statuses, the directory's
roles, contact fields and archive facts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
)

from desk_app.core.clock import display
from desk_app.services.ledger.cash_drawer import NumberRange
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


# The desk's vocabulary as stored or as the services word it (Chinese, the paper's words)
# and its English source text for the translator: the stored value never changes, only
# what the interface shows. tests/ui/test_english_mode.py holds every closed vocabulary of
# core and the services to an entry here.
VOCABULARY = {
    # reception: channels, categories, statuses
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
    "待处理": QT_TRANSLATE_NOOP("Labels", "Open"),
    "待回访": QT_TRANSLATE_NOOP("Labels", "Awaiting callback"),
    "已办结": QT_TRANSLATE_NOOP("Labels", "Closed"),
    # repairs: urgencies, statuses, technicians, callback results
    "一般": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "紧急": QT_TRANSLATE_NOOP("Labels", "Urgent"),
    "登记": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "已派工": QT_TRANSLATE_NOOP("Labels", "Dispatched"),
    "维修中": QT_TRANSLATE_NOOP("Labels", "In repair"),
    "已完工": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "已回访": QT_TRANSLATE_NOOP("Labels", "Called back"),
    "暂停": QT_TRANSLATE_NOOP("Labels", "On hold"),
    "转外单位": QT_TRANSLATE_NOOP("Labels", "With contractor"),
    "已取消": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "工程部": QT_TRANSLATE_NOOP("Labels", "Engineering"),
    "外单位": QT_TRANSLATE_NOOP("Labels", "Contractor"),
    "满意": QT_TRANSLATE_NOOP("Labels", "Satisfied"),
    "基本满意": QT_TRANSLATE_NOOP("Labels", "Mostly satisfied"),
    "不满意": QT_TRANSLATE_NOOP("Labels", "Not satisfied"),
    # time limits
    "派工": QT_TRANSLATE_NOOP("Labels", "Dispatch"),
    "紧急到场": QT_TRANSLATE_NOOP("Labels", "Urgent on site"),
    "投诉处理": QT_TRANSLATE_NOOP("Labels", "Complaint handling"),
    "回访": QT_TRANSLATE_NOOP("Labels", "Callback"),
    "维修": QT_TRANSLATE_NOOP("Labels", "Repair job"),
    "待主管处理": QT_TRANSLATE_NOOP("Labels", "For the supervisor"),
    "上报主管": QT_TRANSLATE_NOOP("Labels", "Escalated"),
    # ledger: methods, receipt states, arrears stages and steps, ages
    "作废": QT_TRANSLATE_NOOP("Labels", "Void"),
    "已换发票": QT_TRANSLATE_NOOP("Labels", "Invoiced"),
    "已退费": QT_TRANSLATE_NOOP("Labels", "Refunded"),
    "现金": QT_TRANSLATE_NOOP("Labels", "Cash"),
    "微信": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "支付宝": QT_TRANSLATE_NOOP("Labels", "Alipay"),
    "银行卡": QT_TRANSLATE_NOOP("Labels", "Bank card"),
    "转账": QT_TRANSLATE_NOOP("Labels", "Transfer"),
    "未满一个月": QT_TRANSLATE_NOOP("Labels", "Under a month"),
    "第一阶段": QT_TRANSLATE_NOOP("Labels", "Stage 1"),
    "第二阶段": QT_TRANSLATE_NOOP("Labels", "Stage 2"),
    "第三阶段": QT_TRANSLATE_NOOP("Labels", "Stage 3"),
    "电话+书面通知": QT_TRANSLATE_NOOP("Labels", "Call + written notice"),
    "电话+书面通知并报经理": QT_TRANSLATE_NOOP("Labels", "Call + notice + report to manager"),
    "入户书面催款（或挂号邮寄）": QT_TRANSLATE_NOOP(
        "Labels", "Notice delivered at the door (or registered post)"
    ),
    "本阶段已办": QT_TRANSLATE_NOOP("Labels", "Stage steps done"),
    "电话催缴": QT_TRANSLATE_NOOP("Labels", "Phone reminder"),
    "书面通知": QT_TRANSLATE_NOOP("Labels", "Written notice"),
    "上门催缴": QT_TRANSLATE_NOOP("Labels", "Home visit"),
    "挂号信": QT_TRANSLATE_NOOP("Labels", "Registered letter"),
    "报经理": QT_TRANSLATE_NOOP("Labels", "Reported to manager"),
    "水电暖书面通知": QT_TRANSLATE_NOOP("Labels", "Utilities notice"),
    "停水停电（停暖）": QT_TRANSLATE_NOOP("Labels", "Utilities suspended"),
    "可停供": QT_TRANSLATE_NOOP("Labels", "May suspend"),
    "1个月以内": QT_TRANSLATE_NOOP("Labels", "Under 1 month"),
    "1–2个月": QT_TRANSLATE_NOOP("Labels", "1–2 months"),
    "2–3个月": QT_TRANSLATE_NOOP("Labels", "2–3 months"),
    "3个月以上": QT_TRANSLATE_NOOP("Labels", "Over 3 months"),
    # directory: unit kinds and statuses, vehicles
    "住宅": QT_TRANSLATE_NOOP("Labels", "Residence"),
    "商铺": QT_TRANSLATE_NOOP("Labels", "Shop"),
    "办公": QT_TRANSLATE_NOOP("Labels", "Office"),
    "车位": QT_TRANSLATE_NOOP("Labels", "Parking space"),
    "储藏室": QT_TRANSLATE_NOOP("Labels", "Storeroom"),
    "空置": QT_TRANSLATE_NOOP("Labels", "Vacant"),
    "已交房": QT_TRANSLATE_NOOP("Labels", "Delivered"),
    "带条件收房": QT_TRANSLATE_NOOP("Labels", "Accepted with reservations"),
    "拒收": QT_TRANSLATE_NOOP("Labels", "Refused"),
    "装修中": QT_TRANSLATE_NOOP("Labels", "Renovating"),
    "已入住": QT_TRANSLATE_NOOP("Labels", "Occupied"),
    "出租": QT_TRANSLATE_NOOP("Labels", "Let"),
    "汽车": QT_TRANSLATE_NOOP("Labels", "Car"),
    "摩托车": QT_TRANSLATE_NOOP("Labels", "Motorcycle"),
    "助动车": QT_TRANSLATE_NOOP("Labels", "Moped"),
    "其它": QT_TRANSLATE_NOOP("Labels", "Other vehicle"),
    # the default shift names (a renamed shift shows as the estate named it)
    "早班": QT_TRANSLATE_NOOP("Labels", "Early shift"),
    "中班": QT_TRANSLATE_NOOP("Labels", "Day shift"),
    "晚班": QT_TRANSLATE_NOOP("Labels", "Late shift"),
    # keys: kinds, piece types, movements, borrowers, consent, due-now limits
    "业主代管": QT_TRANSLATE_NOOP("Labels", "Held in trust"),
    "接管": QT_TRANSLATE_NOOP("Labels", "Taken over"),
    "公共区域": QT_TRANSLATE_NOOP("Labels", "Public area"),
    "设施设备房": QT_TRANSLATE_NOOP("Labels", "Equipment room"),
    "防盗铁门": QT_TRANSLATE_NOOP("Labels", "Security door"),
    "单元门": QT_TRANSLATE_NOOP("Labels", "Entrance door"),
    "室内门": QT_TRANSLATE_NOOP("Labels", "Inner door"),
    "电子对讲门": QT_TRANSLATE_NOOP("Labels", "Intercom door"),
    "信报箱": QT_TRANSLATE_NOOP("Labels", "Mailbox"),
    "入库": QT_TRANSLATE_NOOP("Labels", "Taken in"),
    "寄存": QT_TRANSLATE_NOOP("Labels", "Deposited"),
    "领取": QT_TRANSLATE_NOOP("Labels", "Collected"),
    "借出": QT_TRANSLATE_NOOP("Labels", "Lent"),
    "归还": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "遗失": QT_TRANSLATE_NOOP("Labels", "Lost"),
    "配钥匙": QT_TRANSLATE_NOOP("Labels", "Copy made"),
    "核对": QT_TRANSLATE_NOOP("Labels", "Counted"),
    "维修技工": QT_TRANSLATE_NOOP("Labels", "Technician"),
    "外单位人员": QT_TRANSLATE_NOOP("Labels", "Contractor's person"),
    "员工": QT_TRANSLATE_NOOP("Labels", "Staff"),
    "业主代理人": QT_TRANSLATE_NOOP("Labels", "Owner's agent"),
    "电话": QT_TRANSLATE_NOOP("Labels", "By phone"),
    "书面": QT_TRANSLATE_NOOP("Labels", "In writing"),
    "借用逾期": QT_TRANSLATE_NOOP("Labels", "Key overdue"),
    "收回钥匙": QT_TRANSLATE_NOOP("Labels", "Take keys back"),
    "整改逾期": QT_TRANSLATE_NOOP("Labels", "Move-in defect late"),
    # move-in: a defect's states (core.movein)
    "待整改": QT_TRANSLATE_NOOP("Labels", "Awaiting repair"),
    "待复验": QT_TRANSLATE_NOOP("Labels", "Awaiting re-inspection"),
    "已复验": QT_TRANSLATE_NOOP("Labels", "Passed re-inspection"),
    # move-in: a batch's units (已交房 … above) and how their notice went out
    "未预约": QT_TRANSLATE_NOOP("Labels", "Not booked"),
    "已预约": QT_TRANSLATE_NOOP("Labels", "Booked"),
    "办理中": QT_TRANSLATE_NOOP("Labels", "Hand-over under way"),
    "短信": QT_TRANSLATE_NOOP("Labels", "Text message"),
    "邮寄": QT_TRANSLATE_NOOP("Labels", "By post"),
    "当面": QT_TRANSLATE_NOOP("Labels", "In person"),
    # the default departments of the reception log
    "客服中心": QT_TRANSLATE_NOOP("Labels", "Service centre"),
    "秩序维护部": QT_TRANSLATE_NOOP("Labels", "Security"),
    "环境部": QT_TRANSLATE_NOOP("Labels", "Environment"),
    "财务部": QT_TRANSLATE_NOOP("Labels", "Finance"),
    "管理处": QT_TRANSLATE_NOOP("Labels", "Management office"),
}


def vocabulary_text(value: str) -> str:
    """A stored word of the desk's vocabulary as the interface language says it."""
    source = VOCABULARY.get(value)
    return QCoreApplication.translate("Labels", source) if source else value


def steps_text(text: str) -> str:
    """A list of the vocabulary's words as the services join them (``电话催缴、书面通知``,
    ``上门催缴或挂号信``) in the interface's language."""
    if text in VOCABULARY or ("、" not in text and "或" not in text):
        return vocabulary_text(text)
    either = QCoreApplication.translate("Labels", " or ")
    return ", ".join(
        either.join(vocabulary_text(word) for word in group.split("或"))
        for group in text.split("、")
    )


def left_text(seconds_left: int) -> str:
    """``剩 2分钟`` / ``超时 1小时5分`` (``2 min left`` / ``1 h 5 min late``): what is left of
    a time limit, in the interface's language (core.deadlines.describe_left is the CLI's)."""
    late = seconds_left < 0
    minutes = abs(seconds_left) // 60
    if minutes < 1:
        amount = QCoreApplication.translate("Labels", "%1 s").replace("%1", str(abs(seconds_left)))
    elif minutes < 60:
        amount = QCoreApplication.translate("Labels", "%1 min").replace("%1", str(minutes))
    elif minutes < 48 * 60:
        hours, rest = divmod(minutes, 60)
        if rest:
            amount = QCoreApplication.translate("Labels", "%1 h %2 min")
            amount = amount.replace("%1", str(hours)).replace("%2", str(rest))
        else:
            amount = QCoreApplication.translate("Labels", "%1 h").replace("%1", str(hours))
    else:
        days, rest = divmod(minutes, 24 * 60)
        if rest // 60:
            amount = QCoreApplication.translate("Labels", "%1 d %2 h")
            amount = amount.replace("%1", str(days)).replace("%2", str(rest // 60))
        else:
            amount = QCoreApplication.translate("Labels", "%1 d").replace("%1", str(days))
    if late:
        return QCoreApplication.translate("Labels", "%1 late").replace("%1", amount)
    return QCoreApplication.translate("Labels", "%1 left").replace("%1", amount)


def building_text(building: str) -> str:
    """``3栋`` (``Building 3``) for a building code; a lettered block as ``A座``."""
    if building.isdigit():
        return QCoreApplication.translate("Labels", "Building %1").replace("%1", building)
    return QCoreApplication.translate("Labels", "Block %1").replace("%1", building)


def building_label(code: str, name: str = "") -> str:
    """A building as lists show it: the estate's own name, unless it is only the default
    ``3栋`` made from its code, which follows the interface's language."""
    default = f"{code}栋" if code.isdigit() else f"{code}座"
    return building_text(code) if not name or name == default else name


def receipt_numbers_text(ranges: Sequence[NumberRange]) -> str:
    """``0001001–0001012 (12 receipts)``: the receipt numbers of a shift, books apart."""
    if not ranges:
        return ""
    count = sum(r.count for r in ranges)
    return (
        QCoreApplication.translate("Labels", "%1 (%2 receipts)")
        .replace("%1", ", ".join(r.text for r in ranges))
        .replace("%2", str(count))
    )
