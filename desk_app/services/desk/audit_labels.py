"""Chinese names of audited operations, for the printed handover report and the
audit view. Each module issue adds its operations here."""

from __future__ import annotations

OPERATION_LABELS: dict[str, str] = {
    "operator_created": "添加操作员",
    "operator_activated": "启用操作员",
    "operator_deactivated": "停用操作员",
    "password_changed": "修改密码",
    "password_reset": "重置密码",
    "login_resumed": "重新登录",
    "shift_opened": "开班",
    "shift_handed_over": "交班",
    "shift_closed_unattended": "未交接关班",
    "shift_day_closed": "日终关班",
    "settings_changed": "修改设置",
    "settings_initialised": "初始化设置",
    "approval_granted": "主管批准",
    "approval_refused": "主管拒绝",
    "document_archived": "打印存档",
    "backup_made": "备份数据库",
    "database_restored": "恢复数据库",
    "demo_generated": "生成演示数据",
    "selftest": "自检",
    "units_created": "新增房屋",
    "demo_people_created": "生成演示住户",
    "building_created": "新增楼栋",
    "public_place_created": "新增公共区域",
    "unit_updated": "修改房屋",
    "person_created": "新增人员",
    "person_updated": "修改人员资料",
    "occupant_added": "登记住户",
    "occupancy_ended": "迁出/结束",
    "ownership_transferred": "产权转移",
    "vehicle_added": "登记车辆",
    "vehicle_removed": "注销车辆",
    "archive_updated": "修改档案",
    "archive_paper_set": "档案资料登记",
    "identity_revealed": "查看完整号码",
    "unmasked_export": "导出未遮蔽数据",
    "archive_lent": "借出档案",
    "archive_returned": "归还档案",
    "roster_imported": "导入业主名册",
    "roster_exported": "导出业主名册",
    "demo_repairs_created": "生成演示接待与维修记录",
    "fee_item_added": "新增收费项目",
    "fee_rate_set": "调整收费标准",
    "charge_posted": "计费入账",
    "charge_adjusted": "费用调整",
    "receipt_book_registered": "登记收据本",
    "payment_received": "收款开票",
    "credit_used": "预收款抵扣",
    "receipt_voided": "收据作废",
    "key_set_created": "登记钥匙",
    "keys_taken_in": "整栋钥匙入库",
    "keys_deposited": "钥匙寄存",
    "keys_collected": "钥匙领取",
    "key_lent": "钥匙借出",
    "key_returned": "钥匙归还",
    "key_lost": "钥匙遗失",
    "key_copied": "配钥匙",
    "keys_counted": "核对钥匙",
    "receipt_reprinted": "补打收据",
    "fee_items_installed": "设置标准收费项目",
    "meter_readings_recorded": "录入抄表读数",
    "meter_readings_imported": "导入抄表读数",
    "meter_base_recorded": "收房表底数",
    "renovation_applied": "装修申请登记",
    "renovation_reviewed": "装修申请工程部审核",
    "renovation_approved": "装修申请批准（计入装修费用）",
    "renovation_rejected": "装修申请驳回",
    "renovation_permit_issued": "发放装修许可证",
    "movein_batch_created": "新建交付批次",
    "movein_units_added": "交付批次加入房屋",
    "movein_slot_added": "增加收房时段",
    "movein_slots_added": "批量增加收房时段",
    "movein_booked": "收房预约",
    "movein_booking_cancelled": "取消收房预约",
    "movein_notice_sent": "发出入住通知",
    "movein_started": "开始收房",
    "movein_station_skipped": "收房环节跳过",
    "movein_station_reopened": "收房环节重办",
    "movein_identity_confirmed": "收房身份核验",
    "movein_fees_posted": "收房预收费用入账",
    "movein_fees_confirmed": "收房缴费确认",
    "movein_documents_recorded": "收房签署文件",
    "movein_meters_read": "收房抄表",
    "movein_keys_handed_over": "收房交钥匙",
    "movein_inspection_finished": "联合验房完成",
    "movein_cell_saved": "验房记录",
    "movein_cell_cleared": "验房记录清除",
    "movein_defect_recorded": "登记遗留问题",
    "movein_defect_changed": "修改遗留问题",
    "movein_defect_removed": "删除误登记的遗留问题",
    "movein_photo_added": "遗留问题照片",
    "movein_reinspected": "遗留问题复验",
    "movein_closed": "收房结束",
    "billing_posted": "计费表入账",
    "refund_paid": "退费",
    "invoice_exchanged": "收据换开发票",
    "late_fee_waived": "减免滞纳金",
    "arrears_action_recorded": "催缴记录",
    "cash_handed_over": "上缴财务",
    "period_closed": "月结",
    "demo_ledger_created": "生成演示收费记录",
    "reception_recorded": "接待登记",
    "reception_handled": "接待处理",
    "reception_escalated": "上报主管",
    "repair_order_created": "报修登记",
    "repair_dispatched": "派工",
    "repair_arrived": "维修到场",
    "repair_completed": "维修完工",
    "repair_held": "维修暂停/待料",
    "repair_resumed": "恢复维修",
    "repair_referred": "转外单位",
    "repair_cancelled": "取消工单",
    "repair_content_corrected": "更正报修内容",
    "callback_recorded": "回访",
    "callback_attempt_failed": "回访未接通",
    "callback_unreachable": "回访无法联系",
    "technician_added": "新增维修人员",
    "technician_updated": "修改维修人员",
    "service_price_added": "新增有偿服务价格",
    "service_price_updated": "修改有偿服务价格",
}


def operation_label(operation: str) -> str:
    return OPERATION_LABELS.get(operation, operation)


# Names of the tables audit rows point at, and of the detail keys, as printed.
RECORD_LABELS: dict[str, str] = {
    "shifts": "班次",
    "settings": "设置",
    "operators": "操作员",
    "documents": "存档文件",
    "units": "房屋",
    "buildings": "楼栋",
    "public_places": "公共区域",
    "people": "人员",
    "occupancies": "入住记录",
    "vehicles": "车辆",
    "household_archives": "业主档案",
    "archive_papers": "档案资料",
    "archive_loans": "档案借阅",
    "reception_entries": "接待记录",
    "repair_orders": "维修工单",
    "callbacks": "回访",
    "technicians": "维修人员",
    "service_prices": "有偿服务价格",
    "fee_items": "收费项目",
    "fee_rates": "收费标准",
    "charges": "费用",
    "receipt_books": "收据本",
    "receipts": "收据",
    "credit_uses": "预收款抵扣",
    "receipt_voids": "收据作废",
    "meter_readings": "抄表读数",
    "billing_runs": "计费表",
    "refunds": "退费",
    "invoice_exchanges": "换开发票",
    "late_fee_waivers": "滞纳金减免",
    "arrears_actions": "催缴记录",
    "cash_handovers": "上缴财务",
    "period_closes": "月结",
}

DETAIL_LABELS: dict[str, str] = {
    "name": "班次",
    "incoming": "接班人",
    "next_shift": "下一班次",
    "note": "说明",
    "old": "原值",
    "new": "新值",
    "username": "登录名",
    "role": "角色",
    "file": "文件",
    "reason": "原因",
    "approver": "批准人",
    "action": "事项",
    "form": "表单",
    "copy_mark": "副本标记",
    "count": "数量",
    "previous_operator": "原值班人",
    "entry_no": "接待编号",
    "order_no": "单号",
    "category": "类别",
    "channel": "方式",
    "location": "房号",
    "urgency": "紧急程度",
    "status": "状态",
    "technician": "维修人员",
    "contractor": "外单位",
    "labour_fen": "人工费(分)",
    "material_fen": "材料费(分)",
    "paid": "有偿",
    "materials": "材料",
    "result": "回访结果",
    "follow_up": "后续",
    "subject": "事项",
    "attempt": "第几次",
    "attempts": "次数",
    "finished": "办结",
    "kind": "类别",
}

_HIDDEN_DETAIL_KEYS = {"approver_id", "for_table", "for_record", "first"}


def record_label(record_table: str | None, record_id: str | None) -> str:
    if not record_table:
        return ""
    if record_table == "settings" and record_id:
        from desk_app.services.desk.settings import LABELS

        return f"设置：{LABELS.get(record_id, record_id)}"
    label = RECORD_LABELS.get(record_table, record_table)
    return f"{label} {record_id}" if record_id else label


def detail_text(detail: dict[str, object]) -> str:
    parts = []
    for key, value in detail.items():
        if value in (None, "", []) or key in _HIDDEN_DETAIL_KEYS:
            continue
        if key == "role":
            from desk_app.services.desk import ROLE_LABELS

            value = ROLE_LABELS.get(str(value), value)
        if isinstance(value, bool):
            value = "是" if value else "否"
        parts.append(f"{DETAIL_LABELS.get(key, key)}：{value}")
    return "；".join(parts)
