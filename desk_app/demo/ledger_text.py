"""The constant data of the demo's fee ledger (services/demo_ledger.py): the estate's
rates and their rises, what households use by the month, how owners pay (payer kinds,
payment methods over the years, the desk's hours), deposits, and the Chinese texts of
voids, refunds, waivers and arrears chasing.
"""

from __future__ import annotations

DAY = 86_400
HOUR = 3_600
MINUTE = 60


def cumulative(weights: list[float] | tuple[float, ...]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# --- rates ---------------------------------------------------------------------------------
# 物业服务费 per unit kind in thousandths of a yuan per m² per month: the rate the history
# starts with, then each rise (业主大会 approved) takes the next value.
PROPERTY_RATES: dict[str, tuple[int, ...]] = {
    "住宅": (1800, 2100, 2400),
    "商铺": (3500, 4000, 4500),
    "办公": (2800, 3200, 3500),
    "储藏室": (1000, 1000, 1200),
}
# A rise on 1 January after this share of the history; histories shorter than the share's
# years get fewer rises (a rise needs a few years of history before it).
RATE_RISES = ((0.4, 2), (0.75, 6))  # (share of the history, minimum years)
# Items at one rate for the whole history: code → (thousandths of a yuan, minimum fen).
FLAT_RATES: dict[str, int] = {
    "water": 3450,  # 元/吨
    "electricity": 565,  # 元/度
    "gas": 2610,  # 元/m³
    "heating": 68000,  # 元/GJ (热计量)
    "parking": 150_000,  # 元/月
    "garbage": 10_000,  # 元/月
    "pass_deposit": 100_000,  # 元/张
    "card_fee": 5_000,  # 元/张
}
ESTATE_HAS_HEATING = True  # 集中供暖, 15 Nov – 15 Mar

# The ledger went live this many household-months before the end of the history (at least
# MIN_LEDGER_MONTHS months, at most the whole history): a small estate has its whole
# history in the ledger, a 5,000-unit one its last 3 years, so that the demo builds in
# seconds whatever the estate's size.
LEDGER_UNIT_MONTHS = 170_000
MIN_LEDGER_MONTHS = 24
# Electricity and gas are read by the desk only in the low-rise buildings (多层, up to this
# many floors), whose meters the utilities never took over; water and heating everywhere.
LOW_RISE_FLOORS = 7

# --- usage ----------------------------------------------------------------------------------
# Hundredths of the meter's unit per month for an occupied household, before the season;
# each household draws a factor from USAGE_SPREAD.
USAGE_CENTI = {"water": 950, "electricity": 21_000, "gas": 1_500}
HEATING_CENTI_PER_M2 = 8  # hundredths of a GJ per m² in a full heating month
USAGE_SPREAD = (0.55, 1.6)
# Multipliers by the month the usage was in (January first).
USAGE_SEASONS = {
    "water": (0.9, 0.85, 0.9, 0.95, 1.05, 1.15, 1.3, 1.3, 1.1, 0.95, 0.9, 0.9),
    "electricity": (1.25, 1.15, 0.95, 0.85, 0.9, 1.2, 1.65, 1.6, 1.05, 0.85, 0.95, 1.15),
    "gas": (1.45, 1.35, 1.15, 0.95, 0.8, 0.7, 0.65, 0.65, 0.75, 0.9, 1.15, 1.4),
    # 15 Nov – 15 Mar: half months at both ends
    "heating": (1.15, 1.0, 0.45, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.1),
}
# A unit nobody lives in (已交房, 装修中) still turns a tap now and then.
IDLE_USAGE = 0.04
READ_DAYS = (26, 27, 28)  # meters are read at the end of the month before the bill
MISREAD = 0.002  # a reading typed wrong and entered again the same day

# --- payers ---------------------------------------------------------------------------------
# kind → share of the households. monthly: pays each bill by its due day; prepay3/6/12:
# pays ahead for a quarter, half a year, a year (预交, kept as credit); late: pays a month
# or two after the due date with the late fee; chronic: pays seldom and little.
PAYER_KINDS = ("monthly", "prepay3", "prepay6", "prepay12", "late", "chronic")
PAYER_SHARES = cumulative((0.40, 0.27, 0.17, 0.085, 0.06, 0.015))
PREPAY_MONTHS = {"prepay3": 3, "prepay6": 6, "prepay12": 12}
MONTHLY_LATE = 0.025  # a monthly payer now and then pays after the due day
REFUND_CREDIT = 0.004  # a prepaying owner asks for the credit back, per payment

# Payment methods over the years of the history (first year → last year).
METHODS = ("现金", "微信", "支付宝", "银行卡", "转账")
METHOD_MIX_FIRST = (0.38, 0.22, 0.14, 0.18, 0.08)
METHOD_MIX_LAST = (0.07, 0.47, 0.27, 0.11, 0.08)
# Large prepayments are more often by card or bank transfer.
LARGE_PAYMENT_FEN = 300_000
LARGE_MIX = (0.05, 0.25, 0.15, 0.3, 0.25)
# Hours of the desk (07:00 + index) and how busy the cashier is in each.
PAY_HOURS = tuple(range(13))
PAY_HOUR_PROFILE = (0.2, 1.4, 1.9, 1.8, 1.3, 0.5, 0.8, 1.4, 1.5, 1.5, 1.3, 0.9, 0.5)

# --- receipts ---------------------------------------------------------------------------------
BOOK_SIZE = 500
FIRST_RECEIPT_NO = 1
RECEIPT_WIDTH = 7
VOID_SHARE = 0.003
VOID_REASONS = (
    ("收款方式开错", "method"),
    ("客户名称写错", "customer"),
    ("金额开错，漏收一项", "lines"),
    ("业主要求分月开具", "lines"),
    ("房号写错", "customer"),
)
INVOICE_SHARE = 0.02
INVOICE_SHARE_LARGE = 0.2
FIRST_INVOICE_NO = 37_011_200
FINANCE_STAFF = ("财务部 刘会计", "财务部 王会计", "财务部 马出纳")

# --- deposits -----------------------------------------------------------------------------------
RENOVATION_SHARE = 0.85  # of the owners who receive their unit during the history
RESALE_RENOVATION = 0.5
REDECORATION_PER_YEAR = 0.006
RENOVATION_DEPOSIT_FEN = ((9_000, 200_000), (13_000, 300_000), (10**9, 500_000))  # by area
RENOVATION_DAYS = (90, 240)  # application → inspection and refund
PASSES = (1, 4)
DEPOSIT_REFUND_REASON = "装修验收合格，退还装修押金"
PASS_REFUND_REASON = "装修结束，交回出入证，退还押金"
CREDIT_REFUND_REASONS = (
    "业主多缴，退还预收款",
    "业主申请退还未用完的预交物业费",
    "重复缴费，退还多收款项",
)
SALE_REFUND_REASON = "房屋出售，退还未用完的预收款"
REFUND_METHODS = ("现金", "现金", "转账", "银行卡")

# --- late fees and arrears ------------------------------------------------------------------------
WAIVER_SHARE = 0.03
WAIVER_REASONS = (
    "业主住院治疗，未能按时缴费",
    "业主出国探亲，已提前告知",
    "银行代扣失败，非业主原因",
    "物业维修未及时，业主协商",
)
WAIVER_CONSENTS = ("财务部刘会计电话同意", "财务部王会计签字同意", "财务部书面同意")
ARREARS_DAYS = (16, 20)  # the chasing round after the due day
ACTION_NOTES = {
    "phone": ("电话联系业主，答应近日缴清", "电话未接通，已发短信", "电话联系，业主称月底前缴"),
    "notice": ("张贴书面催缴通知", "书面催缴通知已送达", "催缴通知投入信报箱"),
    "manager_report": ("已报告客服中心经理协助催交",),
    "visit": ("入户送达书面催款通知，业主签收", "入户催缴，业主不在家，通知留门上"),
    "registered_post": ("挂号信邮寄至法定地址",),
    "utility_notice": ("水电暖费逾期三日以上，书面通知",),
    "utility_suspension": ("水电暖费逾期超过七日，通知可停供",),
}
