"""The estate's own facts and rules, kept in the database and edited by a supervisor."""

from __future__ import annotations

import copy
import re
from typing import Any

from desk_app.core.errors import ValidationError
from desk_app.core.movein import STATION_IDS
from desk_app.core.shifts import DEFAULT_SCHEDULE, parse_schedule
from desk_app.services.desk import Desk
from desk_app.services.operations import NO_CHANGES, Done
from desk_app.storage.desk import settings as settings_store

PAPER_SIZES = ["A4", "A5", "A5-landscape", "B5", "receipt-241x93"]

# Each module issue adds its keys here, with the manual's values as defaults.
DEFAULTS: dict[str, Any] = {
    "estate.name": "示范花园",
    "estate.company": "示范物业服务有限公司",
    "estate.address": "",
    "estate.phone": "",
    "shift.schedule": DEFAULT_SCHEDULE,
    "limits.repair_dispatch_minutes": 3,
    "limits.urgent_onsite_minutes": 15,
    "limits.complaint_hours": 24,
    "limits.callback_hours": 72,
    "limits.callback_attempts": 3,
    "reception.departments": ["客服中心", "工程部", "秩序维护部", "环境部", "财务部", "管理处"],
    "receipt.copies": ["存根联", "收据联", "记账联"],
    "receipt.short_form_items": ["renovation_deposit", "pass_deposit"],
    "paper.default": "A4",
    "paper.receipt": "receipt-241x93",
    "backup.keep": 30,
    "ledger.due_day": 15,
    "ledger.late_fee_wan_per_day": 5,
    "ledger.late_fee_grace_days": 0,
    "ledger.late_fee_cap_percent": 0,
    "ledger.handover_weekday": 5,
    "ledger.close_day": 25,
    "ledger.prepay_confirm_months": 12,
    # The technician has to call the caller: the work order is the one paper that shows
    # the phone in full (every other print and export masks it), unless switched off.
    "repairs.work_order_full_phone": True,
    # Keys lent are due back: equipment rooms after this long, others at the working
    # day's end (nothing overnight without a supervisor's approval).
    "keys.equipment_loan_minutes": 120,
    "keys.workday_end": "17:30",
    # Move-in (入住交房): the estate's lists, editable (the manual's texts are lost).
    "movein.documents_to_bring": [
        "业主身份证原件及复印件",
        "购房合同",
        "入住通知单",
        "购房发票（或收据）复印件",
        "委托书及代理人身份证（委托他人办理时）",
    ],
    "movein.documents_to_sign": [
        "前期物业管理服务协议",
        "业主临时公约",
        "业主情况登记表",
        "装修管理协议",
        "消防安全责任书",
        "钥匙托管承诺书",
    ],
    "movein.handbooks": ["住宅质量保证书", "住宅使用说明书", "业主手册"],
    "movein.stations": [
        {"id": "identity", "label": "身份核验"},
        {"id": "fees", "label": "缴费"},
        {"id": "documents", "label": "签署文件"},
        {"id": "inspection", "label": "联合验房"},
        {"id": "meters", "label": "抄表"},
        {"id": "keys", "label": "交钥匙与门禁卡"},
        {"id": "archive", "label": "建档"},
    ],
    "movein.rooms": {
        "住宅": ["入户", "客厅", "餐厅", "主卧", "次卧", "厨房", "卫生间", "阳台"],
        "商铺": ["营业厅", "后场", "卫生间"],
        "办公": ["办公区", "卫生间"],
        "车位": ["车位"],
        "储藏室": ["储藏室"],
    },
    "movein.items": [
        "入户门",
        "门锁",
        "窗",
        "玻璃",
        "墙面",
        "天花",
        "地面",
        "给排水",
        "电气/开关插座",
        "对讲",
        "燃气",
        "暖气",
    ],
    "movein.defect_categories": [
        "空鼓",
        "裂缝",
        "渗水",
        "破损",
        "划痕",
        "不平整",
        "污染",
        "功能故障",
        "缺件",
        "其他",
    ],
    "movein.defect_days": 7,
    "movein.fee_items": ["property"],
    "movein.prepaid_months": 3,
    "movein.fee_start_day": 15,
    "movein.contractors": ["开发商维修单位"],
    # Renovation (装修与放行): the manual's figures (worker passes 100 元 deposit and 5 元
    # card fee; a permit of 3 months) and common practice for the rest; all editable.
    "renovation.works_items": [
        "水电改造",
        "墙体拆改",
        "防水",
        "吊顶",
        "地面",
        "墙面",
        "门窗",
        "空调",
        "防盗网",
        "橱柜卫浴",
    ],
    "renovation.permit_months": 3,
    "renovation.working_hours": "08:00-12:00 14:00-18:00",
    "renovation.rest_day_works": False,
    "renovation.approver_role": "supervisor",
    "renovation.deposit_fen": 200000,
    "renovation.management_fee_per_m2_fen": 300,
    "renovation.waste_fee_per_m2_fen": 0,
    "renovation.waste_fee_flat_fen": 30000,
    "renovation.pass_deposit_fen": 10000,
    "renovation.pass_card_fee_fen": 500,
}

LABELS: dict[str, str] = {
    "estate.name": "小区（大厦）名称",
    "estate.company": "物业公司名称",
    "estate.address": "地址",
    "estate.phone": "客服电话",
    "shift.schedule": "班次表",
    "limits.repair_dispatch_minutes": "报修转工程部时限（分钟）",
    "limits.urgent_onsite_minutes": "紧急维修到场时限（分钟）",
    "limits.complaint_hours": "投诉处理时限（小时）",
    "limits.callback_hours": "回访时限（小时）",
    "limits.callback_attempts": "回访未接通几次后可结束",
    "reception.departments": "处理部门",
    "receipt.copies": "收据联次",
    "receipt.short_form_items": "用简式收据的收费项目（收据只有一行时）",
    "paper.default": "默认纸张",
    "paper.receipt": "收据纸张",
    "backup.keep": "保留备份份数",
    "ledger.due_day": "每月应缴日",
    "ledger.late_fee_wan_per_day": "滞纳金日费率（万分之）",
    "ledger.late_fee_grace_days": "滞纳金宽限天数",
    "ledger.late_fee_cap_percent": "滞纳金上限（欠费的百分比，0 为不设）",
    "ledger.handover_weekday": "上缴财务日（1 周一 … 7 周日）",
    "ledger.close_day": "月结日",
    "ledger.prepay_confirm_months": "预收款超过几个月的应收须确认",
    "repairs.work_order_full_phone": "工作单显示完整电话",
    "keys.equipment_loan_minutes": "设备房钥匙借用时长（分钟）",
    "keys.workday_end": "钥匙当日归还时间（下班时间）",
    "movein.documents_to_bring": "收房须带资料",
    "movein.documents_to_sign": "收房签署的文件",
    "movein.handbooks": "收房发放的资料（两书一册）",
    "movein.stations": "收房程序",
    "movein.rooms": "验房房间（按房屋类型）",
    "movein.items": "验房项目",
    "movein.defect_categories": "问题类别",
    "movein.defect_days": "遗留问题整改期限（工作日）",
    "movein.fee_items": "收房时预收的收费项目",
    "movein.prepaid_months": "收房时预收月数",
    "movein.fee_start_day": "计费起始日（此日及以前收房当月起计，否则次月起计）",
    "movein.contractors": "开发商维修单位",
    "renovation.works_items": "装修项目清单",
    "renovation.permit_months": "装修许可期限（月）",
    "renovation.working_hours": "允许施工时间（工作日）",
    "renovation.rest_day_works": "休息日可以施工",
    "renovation.approver_role": "装修审批人（supervisor 客服主管 / manager 客服中心经理）",
    "renovation.deposit_fen": "装修保证金（分）",
    "renovation.management_fee_per_m2_fen": "装修管理费（分/平方米）",
    "renovation.waste_fee_per_m2_fen": "垃圾清运费（分/平方米，0 为按户定额）",
    "renovation.waste_fee_flat_fen": "垃圾清运费按户定额（分）",
    "renovation.pass_deposit_fen": "装修人员出入证押金（分/人）",
    "renovation.pass_card_fee_fen": "装修人员出入证工本费（分/人）",
}


# Whole-number settings whose range is not "a positive number".
RANGES: dict[str, tuple[int, int]] = {
    "ledger.due_day": (1, 28),
    "ledger.late_fee_wan_per_day": (0, 100),
    "ledger.late_fee_grace_days": (0, 365),
    "ledger.late_fee_cap_percent": (0, 100),
    "ledger.handover_weekday": (1, 7),
    "ledger.close_day": (1, 28),
    "ledger.prepay_confirm_months": (1, 120),
    "movein.defect_days": (1, 60),
    "movein.prepaid_months": (0, 36),
    "movein.fee_start_day": (1, 28),
    "renovation.permit_months": (1, 24),
    "renovation.deposit_fen": (0, 10_000_000),
    "renovation.management_fee_per_m2_fen": (0, 100_000),
    "renovation.waste_fee_per_m2_fen": (0, 100_000),
    "renovation.waste_fee_flat_fen": (0, 10_000_000),
    "renovation.pass_deposit_fen": (0, 1_000_000),
    "renovation.pass_card_fee_fen": (0, 1_000_000),
}


def _text_list(value: Any, label: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(f"{label}必须是非空文字列表。")
    return [v.strip() for v in value]


def _validate_movein(key: str, value: Any, label: str) -> Any:
    """The move-in lists that are not plain lists of words: the stations (stable ids with
    the estate's labels) and the rooms per kind of unit."""
    if key == "movein.stations":
        if not isinstance(value, list) or not value:
            raise ValidationError(f"{label}不能为空。")
        stations = []
        for entry in value:
            if not isinstance(entry, dict) or entry.get("id") not in STATION_IDS:
                raise ValidationError(f"{label}：未知的环节。")
            text = str(entry.get("label") or "").strip()
            if not text:
                raise ValidationError(f"{label}：每个环节须有名称。")
            stations.append({"id": entry["id"], "label": text})
        if len({s["id"] for s in stations}) != len(stations):
            raise ValidationError(f"{label}：环节重复。")
        return stations
    if not isinstance(value, dict) or not value:
        raise ValidationError(f"{label}不能为空。")
    return {str(kind).strip(): _text_list(rooms, label) for kind, rooms in value.items()}


def _validate(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise ValidationError(f"未知的设置项：{key}")
    default = DEFAULTS[key]
    label = LABELS.get(key, key)
    if key == "shift.schedule":
        parse_schedule(value)
        return value
    if key in ("movein.stations", "movein.rooms"):
        return _validate_movein(key, value, label)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValidationError(f"{label}只能是“是”或“否”。")
        return value
    if key == "keys.workday_end":
        text = str(value).strip()
        if not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", text):
            raise ValidationError(f"{label}应为 时:分，例如 17:30。")
        return text
    if key == "renovation.approver_role":
        if value not in ("supervisor", "manager"):
            raise ValidationError(f"{label}只能是 supervisor 或 manager。")
        return value
    if key == "renovation.working_hours":
        text = str(value).strip()
        clock = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]"
        if not re.fullmatch(rf"(?:{clock}-{clock} )+", " ".join(text.split()) + " "):
            raise ValidationError(f"{label}应为 时:分-时:分，例如 08:00-12:00 14:00-18:00。")
        return text
    if key.startswith("paper."):
        if value not in PAPER_SIZES:
            raise ValidationError(f"{label}只能是：{'、'.join(PAPER_SIZES)}")
        return value
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{label}必须是整数。") from None
        if key in RANGES:
            low, high = RANGES[key]
            if not low <= number <= high:
                raise ValidationError(f"{label}必须在 {low}–{high} 之间。")
            return number
        if number <= 0 or number > 100_000:
            raise ValidationError(f"{label}必须是正整数。")
        return number
    if isinstance(default, list):
        return _text_list(value, label)
    text = str(value).strip()
    if key in ("estate.name", "estate.company") and not text:
        raise ValidationError(f"{label}不能为空。")
    if len(text) > 200:
        raise ValidationError(f"{label}过长（最多 200 字）。")
    return text


def get_all(desk: Desk) -> dict[str, Any]:
    """Every setting, stored or default. Read from the file once and kept on the desk until
    a setting is written, so that an operation does not read the table for every key."""
    if desk.settings_cache is None:
        values = copy.deepcopy(DEFAULTS)
        values.update({k: v for k, v in settings_store.get_all(desk.db).items() if k in DEFAULTS})
        desk.settings_cache = values
    return copy.deepcopy(desk.settings_cache)


def get(desk: Desk, key: str) -> Any:
    if desk.settings_cache is None:
        get_all(desk)
    assert desk.settings_cache is not None
    return copy.deepcopy(desk.settings_cache[key])


def _validate_all(changes: dict[str, Any]) -> dict[str, Any]:
    validated = {}
    for key, value in changes.items():
        try:
            validated[key] = _validate(key, value)
        except ValidationError as error:
            raise ValidationError(error.message, field=key) from None
    return validated


def _write(
    desk: Desk, operation: str, values: dict[str, Any], old: dict[str, Any]
) -> Done[list[str]]:
    desk.settings_cache = None
    try:
        with desk.operation(operation) as op:
            for key, value in values.items():
                settings_store.put(
                    desk.db,
                    key,
                    value,
                    updated_at=op.at,
                    updated_by=op.operator_id,
                    updated_shift=op.shift_id,
                )
                op.record("settings", key, old=old.get(key), new=value)
    finally:
        desk.settings_cache = None
    return op.done(list(values))


def update(desk: Desk, changes: dict[str, Any]) -> Done[list[str]]:
    """Change settings (supervisor or manager); all or nothing. The result: the keys that
    changed (none when every value was already so)."""
    desk.require_role("supervisor", "修改设置")
    validated = _validate_all(changes)
    current = get_all(desk)
    changed = {k: v for k, v in validated.items() if current.get(k) != v}
    if not changed:
        return Done([], NO_CHANGES)
    return _write(desk, "settings_changed", changed, current)


def write_initial(desk: Desk, values: dict[str, Any]) -> Done[list[str]]:
    """Seed settings without a logged-in operator (first start, demo)."""
    return _write(desk, "settings_initialised", _validate_all(values), {})
