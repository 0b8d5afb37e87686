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
}


def operation_label(operation: str) -> str:
    return OPERATION_LABELS.get(operation, operation)
