"""The desk's closed vocabularies: the values a field may take, as the paper forms print
them. Services validate against these; the UI offers them. The migrations that created
the CHECK constraints keep their own frozen copies, so a new value here needs a new
migration as well."""

from __future__ import annotations

# 业主档案 (directory)
UNIT_KINDS = ("住宅", "商铺", "办公", "车位", "储藏室")
UNIT_STATUSES = ("空置", "已交房", "装修中", "已入住", "出租")
OCCUPANT_ROLES = ("owner", "co_owner", "tenant", "member")
VEHICLE_KINDS = ("汽车", "摩托车", "助动车", "其它")

# 接待登记 (reception)
RECEPTION_CHANNELS = ("来电", "来访", "来函", "其他")
RECEPTION_CATEGORIES = ("咨询", "报修", "投诉", "建议", "求助", "表扬", "其他")
RECEPTION_STATUSES = ("open", "handled", "closed")

# 维修工单 (repairs) and 回访 (callbacks)
REPAIR_STATUSES = ("登记", "已派工", "维修中", "已完工", "已回访", "暂停", "转外单位", "已取消")
REPAIR_URGENCIES = ("一般", "紧急")
TECHNICIAN_KINDS = ("工程部", "外单位")
CALLBACK_RESULTS = ("满意", "基本满意", "不满意")

# 收费台账 (ledger)
FEE_KINDS = ("area", "metered", "fixed", "one_off", "deposit")
CHARGE_KINDS = ("charge", "adjustment", "late_fee", "deposit")
PAYMENT_METHODS = ("现金", "微信", "支付宝", "银行卡", "转账")
ARREARS_ACTIONS = (
    "phone",
    "notice",
    "visit",
    "registered_post",
    "manager_report",
    "utility_notice",
    "utility_suspension",
)

# 钥匙管理 (keys)
KEY_KINDS = ("业主代管", "接管", "公共区域", "设施设备房")
UNIT_KEY_KINDS = ("业主代管", "接管")  # the keys of one unit, in the five types below
UNIT_KEY_TYPES = ("防盗铁门", "单元门", "室内门", "电子对讲门", "信报箱")
KEY_MOVEMENTS = ("入库", "寄存", "领取", "借出", "归还", "遗失", "配钥匙", "核对")
KEY_BORROWER_KINDS = ("维修技工", "外单位人员", "员工", "业主代理人")
KEY_CONSENTS = ("电话", "书面")
KEY_STATES = ("in", "out", "empty")  # all at the desk / some pieces lent / none held

# 交接班 (shifts)
OPERATOR_ROLES = ("clerk", "supervisor", "manager")
SHIFT_STATUSES = ("open", "handed_over", "day_closed", "closed_unattended")
