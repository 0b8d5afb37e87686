"""The demo estate's service-desk history: technicians and the paid-service price list,
years of the reception log (业户来电、来访接待记录表), repair orders (维修工作单) with their
status history, materials and callbacks, complaints with their handling record and
callbacks, and the consultations, suggestions and the like closed on the spot.

Deterministic for the plan's seed. Every desk action happens at a moment when the demo's
shift history has a clerk on duty, and is written by that clerk in that shift (receiver,
``created_by``, ``created_shift``, event and callback authors). Technicians' own times
(arrival, completion) may fall outside desk hours; the clerk then records them at the
start of the next shift, as at the real desk. Anything that would only happen after the
last shift of the history has not happened yet: the last days' orders, complaints and
callbacks are still open, and a few are always there whatever the estate's size (an
order not yet dispatched, a callback not yet reached, a complaint past its 24 hours, an
order on hold, one with an outside contractor). An estate without public places gets the
usual ones (大堂, 楼道, 电梯, 地下车库, 水泵房 …) for the calls about them.

Uses its own random stream from the plan's seed (not the demo's shared one), so that the
rows do not change when another module's generator is registered before this one.

Written in bulk (``executemany``) inside the demo's one transaction with one summary audit
row (``demo_repairs_created``). The bulk writes are the only SQL of this module; they
belong in storage (``insert_many`` per table) once those modules grow bulk writers.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from math import exp, sqrt
from typing import TYPE_CHECKING, Any

from desk_app.core.address import parse_unit_address
from desk_app.core.money import line_amount_fen, parse_fen
from desk_app.core.numbering import SEQUENCE_DIGITS, day_prefix
from desk_app.services import repairs as repairs_service
from desk_app.services.desk import Desk
from desk_app.services.repair_setup import STARTER_PRICES, STARTER_TECHNICIANS
from desk_app.storage import buildings as buildings_store
from desk_app.storage import repair_setup as setup_store
from desk_app.storage import search_index

if TYPE_CHECKING:
    from desk_app.services.demo import DemoPlan

OPERATION = "demo_repairs_created"

# Entries per unit per day before the seasons (a 5,000-unit estate: ~30 a day).
DAILY_RATE = 0.0068
DAY = 86_400
HOUR = 3_600
MINUTE = 60


class _Random(random.Random):
    """random.Random with the few draws the generator makes per row, made cheap."""

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def one(self, items: Any) -> Any:
        return items[int(self.random() * len(items))]

    def pick(self, items: Any, cumulative: list[float]) -> Any:
        return items[bisect_right(cumulative, self.random() * cumulative[-1])]


def _cumulative(weights: list[float] | tuple[float, ...]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# --- seasons -----------------------------------------------------------------------------
# Multipliers per month (January first).
SEASONS: dict[str, tuple[float, ...]] = {
    "all": (1,) * 12,
    # air-conditioning, water use
    "summer": (0.6, 0.6, 0.7, 0.8, 1.1, 1.7, 2.2, 2.1, 1.3, 0.8, 0.6, 0.6),
    # the rainy season (梅雨/汛期): leaks
    "rain": (0.3, 0.3, 0.5, 0.7, 1.0, 1.7, 3.2, 3.0, 1.4, 0.6, 0.4, 0.3),
    # heating season (供暖 15 Nov – 15 Mar)
    "winter": (2.4, 2.0, 1.2, 0.2, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 2.0, 2.6),
    "cold": (3.0, 2.2, 0.4, 0.05, 0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.6, 2.5),
    "spring_autumn": (0.6, 0.5, 1.2, 1.4, 1.3, 0.9, 0.8, 0.8, 1.2, 1.3, 1.1, 0.7),
    "autumn": (0.3, 0.2, 0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.5, 2.8, 3.5, 1.0),
    "year_end": (1.8, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 0.8, 0.7, 0.8, 1.0, 2.0),
    "indoor": (1.3, 1.2, 1.0, 0.9, 0.9, 1.0, 1.1, 1.0, 0.9, 0.9, 1.1, 1.3),
}

# Category: (share in %, season of the category as a whole).
CATEGORIES: dict[str, tuple[float, str]] = {
    "报修": (45, "repair"),
    "咨询": (25, "all"),
    "投诉": (8, "complaint"),
    "建议": (4, "all"),
    "求助": (8, "all"),
    "表扬": (4, "all"),
    "其他": (6, "all"),
}
CATEGORY_SEASONS = {
    "all": SEASONS["all"],
    "repair": (0.92, 0.85, 0.88, 0.92, 1.0, 1.15, 1.32, 1.3, 1.05, 0.93, 0.92, 0.98),
    "complaint": (1.35, 1.1, 0.95, 0.85, 0.85, 0.9, 1.0, 0.95, 0.85, 0.85, 1.2, 1.4),
}

# 春节 (the Spring Festival): the desk is quiet for about a week around it.
SPRING_FESTIVAL = {
    2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31),
    2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
    2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
    2035: (2, 8), 2036: (1, 28), 2037: (2, 15), 2038: (2, 4), 2039: (1, 24),
    2040: (2, 12),
}  # fmt: skip

# Calls per desk hour from 07:00 (the desk opens at 07:30, closes at 20:00).
HOURS = tuple(range(13))
HOUR_PROFILE = (0.5, 1.3, 1.7, 1.7, 1.3, 0.7, 0.9, 1.4, 1.5, 1.3, 1.1, 0.8, 0.5)

CHANNELS = ("来电", "来访", "来函", "其他")
CHANNEL_WEIGHTS = {
    "default": (70, 25, 1.5, 3.5),
    "投诉": (66, 27, 5, 2),
    "建议": (50, 30, 15, 5),
    "表扬": (35, 50, 12, 3),
    "其他": (35, 58, 1, 6),
}
STAFF_REPORTERS = ("巡逻岗 ", "保洁员 ", "秩序维护员 ")


# --- what people call about --------------------------------------------------------------


@dataclass(frozen=True)
class RepairKind:
    texts: tuple[str, ...]
    trade: str  # 水电 / 土建门窗 / 弱电 / 电梯 / 管道: who is dispatched
    weight: float
    work: str
    season: str = "all"
    urgent: float = 0.06
    items: tuple[str, ...] = ()  # price-list names the job uses
    refer: float = 0.015  # share referred to an outside contractor (转外单位)
    hold: float = 0.05  # share held waiting for parts (暂停/待料)
    places: tuple[str, ...] = ()  # public-place kinds; empty: a unit's repair


REPAIRS = (
    RepairKind(
        ("厨房水龙头漏水", "卫生间水龙头关不严，一直滴水", "洗手盆水龙头坏了"),
        "水电", 8, "更换水龙头，试水正常", items=("更换水龙头",),
    ),
    RepairKind(
        ("卫生间角阀漏水", "马桶进水角阀漏水", "厨房冷水角阀关不上"),
        "水电", 5, "更换角阀，无渗漏", items=("更换角阀",),
    ),
    RepairKind(
        ("马桶水箱一直流水", "马桶冲水按钮坏了", "马桶水箱不进水"),
        "水电", 6, "更换水箱配件，冲水正常", items=("更换马桶水箱配件",),
    ),
    RepairKind(
        ("厨房下水道堵塞", "卫生间地漏堵塞，下水很慢", "洗菜池下水不畅", "马桶堵塞"),
        "水电", 8, "疏通下水管道，排水通畅", season="summer", items=("疏通下水道",),
    ),
    RepairKind(
        ("楼上渗水，卫生间天花板滴水", "卧室墙面渗水发霉", "窗台漏雨，雨水渗进室内",
         "阳台顶部漏水", "外墙渗水，墙皮脱落"),
        "土建门窗", 6, "查明渗漏点并做防水处理，已不渗水", season="rain", urgent=0.12,
        refer=0.25,
    ),
    RepairKind(
        ("家里跳闸，部分插座没电", "总闸跳闸合不上", "一开空调就跳闸"),
        "水电", 7, "检查线路，更换空气开关，送电正常", season="summer", urgent=0.1,
        items=("更换空气开关",),
    ),
    RepairKind(
        ("空调插座没电", "空调插座烧黑了"),
        "水电", 4, "更换插座，通电正常", season="summer", items=("更换开关/插座",),
    ),
    RepairKind(
        ("卫生间灯不亮", "厨房灯管不亮", "客厅开关失灵"),
        "水电", 5, "更换灯管及开关，照明恢复", items=("更换灯管", "更换开关/插座"),
    ),
    RepairKind(
        ("入户门锁坏了，钥匙打不开", "门锁锁芯卡死", "防盗门锁舌弹不出来"),
        "土建门窗", 5, "更换锁芯，开关顺畅", urgent=0.2, items=("更换门锁锁芯",),
        hold=0.1,
    ),
    RepairKind(
        ("卧室门合页断了", "柜门合页松动", "窗户关不严，合页变形"),
        "土建门窗", 3, "更换合页，开关正常", items=("更换合页",),
    ),
    RepairKind(
        ("可视对讲没有声音", "单元门禁刷卡开不了门", "有线电视没有信号"),
        "弱电", 3, "检修对讲分机及线路，恢复正常",
    ),
    RepairKind(
        ("暖气不热", "暖气片漏水", "暖气阀门关不上", "地暖分水器漏水"),
        "水电", 6, "排气并清洗过滤网，暖气恢复正常", season="winter", urgent=0.08,
        hold=0.08,
    ),
    RepairKind(
        ("水管冻裂漏水", "阳台水管冻住了"),
        "水电", 1.5, "更换冻裂水管并做保温", season="cold", urgent=0.6, items=("PPR水管",),
    ),
    RepairKind(
        ("需要安装晾衣架", "阳台晾衣架坏了，需要更换"),
        "土建门窗", 2, "安装晾衣架，牢固可用", items=("安装晾衣架",),
    ),
    RepairKind(
        ("热水器进水管漏水", "厨房水管接头漏水"),
        "水电", 3, "更换水管及接头，试压无渗漏", items=("PPR水管", "更换角阀"),
    ),
    RepairKind(
        ("插座冒火花", "电线有烧焦味"),
        "水电", 1, "更换烧损插座及电线，绝缘检测正常", urgent=0.7,
        items=("更换开关/插座", "电线 BV2.5"),
    ),
    # public places
    RepairKind(
        ("电梯运行有异响", "电梯门关不上", "电梯按钮失灵", "电梯运行时晃动"),
        "电梯", 3, "维保单位检修调整，运行正常", places=("电梯",),
    ),
    RepairKind(
        ("电梯困人", "电梯停在两层之间，有人被困"),
        "电梯", 0.6, "维保人员到场解救被困人员，检修后恢复运行", urgent=1.0, places=("电梯",),
    ),
    RepairKind(
        ("楼道灯不亮", "楼道感应灯坏了", "大堂灯不亮"),
        "水电", 3, "更换灯管，照明恢复", items=("更换灯管",), places=("楼道", "大堂"),
    ),
    RepairKind(
        ("单元门闭门器坏了", "单元门关不上"),
        "土建门窗", 2, "更换闭门器，单元门关闭正常", places=("大堂", "楼道"),
    ),
    RepairKind(
        ("地下车库顶部渗水", "车库排水沟堵塞"),
        "水电", 1.5, "疏通排水沟并封堵渗水点", season="rain", places=("车库",), refer=0.2,
    ),
    RepairKind(
        ("水泵房水泵异响", "二次供水水压低"),
        "水电", 0.8, "检修水泵，更换轴承，运行正常", places=("水泵房",), hold=0.15,
    ),
    RepairKind(
        ("小区路灯不亮", "中心花园景观灯不亮"),
        "水电", 1.5, "更换灯具，照明恢复", items=("更换灯管",), places=("花园", "门"),
    ),
    RepairKind(
        ("主下水管堵塞返水", "化粪池外溢"),
        "管道", 1, "管道疏通车清掏疏通，排水恢复", urgent=0.5, places=("楼道", "车库"),
    ),
    RepairKind(
        ("单元门禁系统故障", "门岗道闸不抬杆"),
        "弱电", 1.5, "检修门禁控制器，恢复正常", places=("大堂", "门"),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class MatterKind:
    """A complaint, consultation, suggestion … : what was said, who handles it, the outcome."""

    texts: tuple[str, ...]
    weight: float
    handling: str
    result: str
    department: str = ""
    season: str = "all"
    later: float = 0.0  # share not answered on the spot (handled later by the department)
    where: str = "unit"  # unit / place / none
    places: tuple[str, ...] = ()  # kinds of public place, for where="place"


COMPLAINTS = (
    MatterKind(
        ("楼上装修噪音大，中午也在施工", "隔壁装修电钻声扰民", "装修垃圾堆在楼道里"),
        6,
        "已联系装修户，要求严格按规定时间施工并清理垃圾",
        "装修户已承诺遵守施工时间",
        "客服中心",
        "spring_autumn",
    ),
    MatterKind(
        ("邻居家狗夜间狂叫，影响休息", "有人遛狗不拴绳，吓到孩子", "宠物粪便无人清理"),
        5,
        "已上门劝导养犬户文明养犬，加强巡查",
        "养犬户表示配合",
        "秩序维护部",
        "indoor",
    ),
    MatterKind(
        ("车位被他人占用", "消防通道有车辆乱停", "外来车辆占用小区道路"),
        6,
        "已联系车主挪车并加强停车巡查",
        "车辆已挪走",
        "秩序维护部",
    ),
    MatterKind(
        ("暖气不热，室温只有十五度", "供暖温度不达标，家里很冷", "暖气时冷时热"),
        6,
        "已排查管网并放气，室温恢复至18度以上",
        "室温已达标",
        "工程部",
        "winter",
    ),
    MatterKind(
        ("楼上夜里噪音扰民", "楼下商铺夜间噪音扰民", "邻居夜里经常大声喧哗"),
        3,
        "已上门沟通，提醒注意夜间休息时间",
        "对方表示注意",
        "秩序维护部",
        "indoor",
    ),
    MatterKind(
        ("夜间广场舞音响声音太大", "楼下烧烤油烟大"),
        2,
        "已与活动组织者沟通，调低音量并限定时间",
        "已整改",
        "秩序维护部",
        "summer",
    ),
    MatterKind(
        ("垃圾清运不及时，有异味", "楼道卫生打扫不干净"),
        4,
        "已安排保洁加强清运和清扫",
        "已清理干净",
        "环境部",
        "summer",
    ),
    MatterKind(
        ("报修后维修人员迟迟未到", "维修后问题反复出现"),
        2,
        "工程部主管已致电业主致歉并重新安排维修",
        "已重新维修",
        "工程部",
    ),
    MatterKind(
        ("对物业费收费标准有异议", "水电费公摊有疑问"),
        2,
        "财务部已核对并向业主解释收费依据",
        "业主已了解",
        "财务部",
        "year_end",
    ),
    MatterKind(
        ("楼道堆放杂物，存在安全隐患", "有人在楼道里给电动车充电"),
        3,
        "已通知相关住户限期清理并张贴安全提示",
        "杂物已清理",
        "秩序维护部",
    ),
    MatterKind(
        ("门岗保安态度不好", "门岗不让访客进入"),
        1.5,
        "管理处已核实并对当班人员进行教育",
        "已向业主致歉",
        "管理处",
    ),
    MatterKind(
        ("高空抛物", "楼上往下扔烟头"),
        1,
        "已在相关楼栋张贴告示并上门宣传",
        "已加强宣传和巡查",
        "秩序维护部",
    ),
    MatterKind(
        ("电梯经常出故障", "电梯停运维修时间太长"),
        2,
        "已督促维保单位全面检修并缩短维修时间",
        "电梯已恢复正常运行",
        "工程部",
        where="place",
        places=("电梯",),
    ),
    MatterKind(
        ("垃圾站异味大，苍蝇多",),
        1,
        "已安排消杀并增加清运次数",
        "异味已减轻",
        "环境部",
        "summer",
        where="place",
        places=("垃圾站",),
    ),
)

CONSULTATIONS = (
    MatterKind(
        ("咨询物业费缴纳标准及缴费方式", "咨询物业费能否按年缴纳"),
        6,
        "",
        "已告知收费标准及缴费方式",
        season="year_end",
    ),
    MatterKind(
        ("咨询装修申请需要办理哪些手续",),
        4,
        "",
        "已告知需携带身份证及装修方案办理装修许可证",
        season="spring_autumn",
    ),
    MatterKind(("咨询停车月卡办理", "咨询临时停车收费标准"), 3, "", "已告知办理流程及收费标准"),
    MatterKind(("咨询停水停电通知的时间",), 3, "", "已告知停水时间及恢复时间"),
    MatterKind(("咨询门禁卡补办",), 3, "", "已告知携带身份证到前台补办及工本费标准"),
    MatterKind(
        ("咨询今年供暖开始时间", "咨询暖气费缴纳"),
        3,
        "",
        "已告知供暖时间为11月15日至次年3月15日",
        season="autumn",
    ),
    MatterKind(("咨询快递代收", "咨询快递柜位置"), 2, "", "已告知快递柜位置及前台代收规定"),
    MatterKind(("咨询房屋出租需要办理的手续",), 2, "", "已告知需到前台办理租户登记", where="none"),
    MatterKind(("咨询电费充值方式",), 2, "", "已告知充值方式"),
    MatterKind(("咨询有偿维修的收费标准",), 2, "", "已告知有偿服务价格"),
    MatterKind(("咨询小区是否有房出租出售",), 1, "", "已告知联系中介或业主", where="none"),
)

SUGGESTIONS = (
    MatterKind(
        (
            "建议增加电动车充电桩",
            "建议中心花园增加休息座椅",
            "建议延长会所开放时间",
            "建议加强夜间巡逻",
            "建议在小区门口增设减速带",
            "建议增加垃圾分类指导",
        ),
        1,
        "已转管理处研究",
        "已记录，转管理处研究答复",
        "管理处",
        later=0.35,
    ),
)

HELP = (
    MatterKind(("老人忘带钥匙进不了门，求助联系家人",), 3, "", "已联系其家人送钥匙"),
    MatterKind(("借用梯子", "借用工具箱"), 2, "", "已借出并登记归还时间"),
    MatterKind(
        ("车辆电瓶亏电，求助搭电",),
        1.5,
        "已安排秩序维护员协助",
        "已协助搭电启动",
        "秩序维护部",
        later=0.6,
    ),
    MatterKind(
        ("宠物走失，请帮忙留意",),
        1,
        "已通知各岗位留意并张贴寻宠启事",
        "已找到宠物",
        "秩序维护部",
        later=0.8,
    ),
    MatterKind(
        ("快递太重，求助搬运上楼",), 1.5, "已安排人员协助搬运", "已送达", "秩序维护部", later=0.5
    ),
    MatterKind(("家中老人身体不适，求助",), 0.5, "", "已协助拨打120并通知家属"),
)

PRAISE = (
    MatterKind(("表扬维修师傅{tech}服务热情，修得又快又好",), 3, "", "已转达工程部并通报表扬"),
    MatterKind(("表扬保安帮忙搬运物品",), 1.5, "", "已转达秩序维护部"),
    MatterKind(("表扬保洁阿姨工作认真",), 1, "", "已转达环境部"),
    MatterKind(("送来锦旗感谢物业服务",), 0.5, "", "已登记，转管理处"),
)

OTHERS = (
    MatterKind(("捡到钥匙一串交到前台", "捡到钱包交到前台"), 2, "", "已登记失物招领"),
    MatterKind(("寄存物品在前台",), 2, "", "已登记寄存"),
    MatterKind(
        ("反映小区内有陌生推销人员",),
        1,
        "已通知秩序维护部巡查",
        "已劝离推销人员",
        "秩序维护部",
        later=0.5,
    ),
    MatterKind(("询问失物招领",), 1, "", "已查询登记簿并告知", where="none"),
)

MATTERS = {
    "投诉": COMPLAINTS,
    "咨询": CONSULTATIONS,
    "建议": SUGGESTIONS,
    "求助": HELP,
    "表扬": PRAISE,
    "其他": OTHERS,
}

# The public places of an estate that has none yet: (name, floor); per building, then estate.
BUILDING_PLACES = (("大堂", "1层"), ("楼道", None))
TALL_BUILDING_PLACES = (("电梯", None), ("电梯机房", "屋顶"))
ESTATE_PLACES = (
    ("地下车库", "B1"),
    ("水泵房", "B1"),
    ("配电房", None),
    ("中心花园", None),
    ("南门岗亭", None),
    ("北门", None),
    ("垃圾站", None),
    ("会所", None),
)

CONTRACTORS = {
    "土建门窗": "鑫达防水工程公司",
    "水电": "清源管道疏通",
    "弱电": "安居智能科技公司",
    "电梯": "恒安电梯维保公司",
    "管道": "清源管道疏通",
}
HOLD_REASONS = ("等待配件（待料）", "等待配件（待料）", "配件需订货", "业主不在家，另约时间")
CANCEL_REASONS = (
    "业主已自行修好",
    "业主取消报修",
    "重复报修",
    "非物业维修范围，已告知业主",
    "业主联系不上，上门无人",
)
FAILED_ATTEMPT = ("未接通", "无人接听", "关机", "占线", "未接通")
SATISFIED_COMMENTS = ("", "", "满意", "表示满意", "处理及时", "感谢物业")
PARTLY_COMMENTS = ("等待时间有点长", "维修后需要再观察", "基本解决", "希望下次更快些")
UNSATISFIED_COMMENTS = ("问题没有解决", "维修后又坏了", "处理不及时", "对处理结果不满意")
CALLBACK_RESULTS = ("满意", "基本满意", "不满意")
# Repairs ~2 % 不满意 (DOMAIN.md: paid-service satisfaction ≥ 98 %), complaints a little more.
REPAIR_RESULTS = _cumulative((0.855, 0.125, 0.02))
COMPLAINT_RESULTS = _cumulative((0.78, 0.18, 0.04))
SECOND_RESULTS = _cumulative((0.72, 0.28, 0))  # after a reopened matter was handled again


# --- time ----------------------------------------------------------------------------------


class _Desk:
    """The shift history as arrays of seconds from midnight of its first day."""

    def __init__(self, rows: list[tuple[int, int, str, str]], rng: _Random) -> None:
        self.rng = rng
        first = date.fromisoformat(rows[0][2][:10])
        self.first_day = first
        self.ids = [r[0] for r in rows]
        self.ops = [r[1] for r in rows]
        self.starts = [self.seconds(r[2]) for r in rows]
        self.ends = [self.seconds(r[3]) for r in rows]
        self.horizon = self.ends[-1]
        self.last_day = self.horizon // DAY
        self.days = [(first + timedelta(days=d)).isoformat() for d in range(self.last_day + 40)]
        self.prefixes = {
            letters: [day_prefix(letters, first + timedelta(days=d)) for d in range(len(self.days))]
            for letters in ("JD", "WX")
        }
        # "T07:30:05+08:00" for every second of a day: times are the bulk of the rows' text
        self.times = [
            f"T{h:02d}:{m:02d}:{sec:02d}+08:00"
            for h in range(24)
            for m in range(60)
            for sec in range(60)
        ]
        self.day_start: dict[int, int] = {}
        self.day_end: dict[int, int] = {}
        for start, end in zip(self.starts, self.ends, strict=True):
            day = start // DAY
            self.day_start.setdefault(day, start)
            self.day_end[day] = max(self.day_end.get(day, end), end)

    def seconds(self, text: str) -> int:
        day = (date.fromisoformat(text[:10]) - self.first_day).days
        return day * DAY + int(text[11:13]) * HOUR + int(text[14:16]) * MINUTE + int(text[17:19])

    def text(self, t: int) -> str:
        """The ISO text of ``t`` (``to_text``'s format: ``2026-11-01T07:30:05+08:00``)."""
        return self.days[t // DAY] + self.times[t % DAY]

    def end_of_day(self, t: int) -> str:
        return f"{self.days[t // DAY]}T23:59:59+08:00"

    def act(self, t: int) -> tuple[int, int] | None:
        """When the desk records something that happened at ``t``: then, if a clerk is on
        duty, else a few minutes into the next shift; None after the history's end."""
        i = bisect_right(self.starts, t) - 1
        if i >= 0 and t < self.ends[i]:
            return t, i
        i += 1
        if i >= len(self.starts):
            return None
        moment = min(self.starts[i] + self.rng.between(2 * MINUTE, 20 * MINUTE), self.ends[i] - 1)
        return (moment, i) if moment < self.horizon else None


def _working_hours(t: int, rng: _Random) -> int:
    """Move a technician's visit into 08:00–18:30."""
    day, rest = divmod(t, DAY)
    if rest < 8 * HOUR:
        return day * DAY + 8 * HOUR + rng.between(0, 90 * MINUTE)
    if rest > 18 * HOUR + 30 * MINUTE:
        return (day + 1) * DAY + 8 * HOUR + 30 * MINUTE + rng.between(0, 90 * MINUTE)
    return t


def _appointment(desk: _Desk, day: int, rng: _Random, days_ahead: int) -> tuple[int, str]:
    morning = rng.random() < 0.5
    if morning:
        t = (day + days_ahead) * DAY + 8 * HOUR + 30 * MINUTE + rng.between(0, 3 * HOUR)
    else:
        t = (day + days_ahead) * DAY + 14 * HOUR + rng.between(0, 3 * HOUR)
    half = "上午" if morning else "下午"
    if days_ahead == 1:
        return t, f"次日{half}"
    target = desk.days[min(day + days_ahead, len(desk.days) - 1)]
    return t, f"{int(target[5:7])}月{int(target[8:10])}日{half}"


def _spring_festival_factor(day: date) -> float:
    month_day = SPRING_FESTIVAL.get(day.year, (2, 5))
    offset = (day - date(day.year, *month_day)).days
    if -2 <= offset <= 6:
        return 0.45
    if -7 <= offset <= 14:
        return 0.8
    return 1.0


def _poisson(rng: _Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(rng.gauss(lam, sqrt(lam))))
    limit, count, product = exp(-lam), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


# --- the estate as the generator sees it -------------------------------------------------


@dataclass(slots=True)
class _Unit:
    id: int
    location: str
    building: str
    owners: list[tuple[str, str | None, str, str]]  # since, until, name, phone
    others: list[tuple[str, str, str, str, str]]  # role, from, to, name, phone


@dataclass(frozen=True, slots=True)
class _Place:
    id: int
    kind: str
    location: str
    building: str | None


def _load_units(desk: Desk) -> list[_Unit]:
    db = desk.db
    units: dict[int, _Unit] = {}
    for unit_id, code, building in db.execute("SELECT id, code, building FROM units ORDER BY id"):
        try:
            location = parse_unit_address(code).long
        except Exception:  # noqa: BLE001 - a code the parser does not know: show it as is
            location = code
        units[unit_id] = _Unit(unit_id, location, building, [], [])
    rows = db.execute(
        "SELECT o.unit_id, o.role, p.name, p.phone, o.since, o.until, o.lease_start, "
        "o.lease_end FROM occupancies o JOIN people p ON p.id = o.person_id ORDER BY o.id"
    )
    for unit_id, role, name, phone, since, until, lease_start, lease_end in rows:
        unit = units.get(unit_id)
        if unit is None or not phone:
            continue
        if role == "owner":
            unit.owners.append((since or "", until, name, phone))
        elif role == "tenant":
            unit.others.append((role, lease_start or "", lease_end or "9999", name, phone))
        else:
            unit.others.append((role, since or "", until or "9999", name, phone))
    return [u for u in units.values() if u.owners]


def _ensure_places(desk: Desk, at: str) -> list[_Place]:
    """The estate's public places; an estate without any gets the usual ones."""
    db = desk.db
    if not buildings_store.list_places(db):
        tallest = dict(
            db.execute("SELECT building, max(floor) FROM units GROUP BY building").fetchall()
        )
        ids = []
        for building in buildings_store.list_buildings(db):
            places = BUILDING_PLACES
            if (tallest.get(building.code) or 0) > 7:
                places = places + TALL_BUILDING_PLACES
            for name, floor in places:
                ids.append(_insert_place(db, name, building.code, floor, at))
        for name, floor in ESTATE_PLACES:
            ids.append(_insert_place(db, name, None, floor, at))
        search_index.index_places_bulk(db, ids)
    result = []
    for place in buildings_store.list_places(db):
        parts = [f"{place.building}栋" if place.building else "", place.floor or "", place.name]
        text = " ".join(p for p in parts if p)
        result.append(_Place(place.id, place.name, text, place.building))
    return result


def _insert_place(db: Any, name: str, building: str | None, floor: str | None, at: str) -> int:
    code = "-".join(part for part in (building, floor, name) if part)
    return buildings_store.insert_place(
        db,
        code=code,
        name=name,
        building=building,
        floor=floor,
        note=None,
        created_at=at,
        created_by=None,
        created_shift=None,
    )


def _setup(desk: Desk, at: str, rng: _Random) -> tuple[dict[str, list], list]:
    """Technicians by trade (id, name) and the price list (id, name, unit, price, labour)."""
    db = desk.db
    if not setup_store.technicians(db):
        for name, kind, specialty in STARTER_TECHNICIANS:
            setup_store.insert_technician(
                db,
                name=name,
                kind=kind,
                phone=f"13{rng.between(5, 9)}{rng.between(0, 99_999_999):08d}",
                specialty=specialty,
                created_at=at,
                created_by=None,
                created_shift=None,
            )
    if not setup_store.prices(db):
        for category, name, unit, price, labour in STARTER_PRICES:
            setup_store.insert_price(
                db,
                category=category,
                name=name,
                unit=unit,
                price_fen=parse_fen(price),
                labour_fen=parse_fen(labour),
                created_at=at,
                created_by=None,
                created_shift=None,
            )
    trades: dict[str, list] = {}
    for tech in setup_store.technicians(db, active_only=True):
        trades.setdefault(tech.specialty or "", []).append((tech.id, tech.name))
    everyone = [t for rows in trades.values() for t in rows]
    for trade in ("水电", "土建门窗", "弱电", "电梯", "管道"):
        if trade not in trades:
            trades[trade] = trades.get("水电") or everyone
    prices = [
        (p.id, p.name, p.unit, p.price_fen, p.labour_fen)
        for p in setup_store.prices(db, active_only=True)
    ]
    return trades, prices


# --- the generator -------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    t: int
    category: str
    kind: Any  # RepairKind or MatterKind
    unit: _Unit | None
    place: _Place | None
    caller: str
    phone: str
    channel: str
    content: str
    urgent: bool = False
    shift: int = 0  # index of the shift on duty at t (the receiving clerk's)
    force: str = ""


@dataclass(slots=True)
class _Order:
    """A repair order's changing fields while its history is lived through."""

    status: str = "登记"
    technician_id: int | None = None
    dispatched_at: str | None = None
    arrived_at: str | None = None
    completed_at: str | None = None
    work_done: str = ""
    labour_fen: int = 0
    material_fen: int = 0
    paid: int = 0
    owner_signed: int = 0
    signed_by: str = ""
    contractor: str = ""
    status_reason: str = ""
    closed_at: str | None = None
    appointment: str = ""
    updated_at: str | None = None


class _History:
    def __init__(
        self,
        desk: Desk,
        rng: _Random,
        clock: _Desk,
        units: list[_Unit],
        places: list[_Place],
        trades: dict[str, list],
        prices: list,
        names: dict[int, str],
    ) -> None:
        self.rng = rng
        self.clock = clock
        self.units = units
        self.places = places
        self._place_cache: dict[tuple[str, ...], list[_Place]] = {}
        self.trades = trades
        self.prices = {p[1]: p for p in prices}
        self.names = names
        lim = repairs_service.limits(desk)
        self.complaint_seconds = lim.complaint_hours * HOUR
        self.complaint_callback_seconds = lim.callback_hours * HOUR
        self.entry_rows: list[list] = []
        self.order_rows: list[tuple] = []
        self.material_rows: list[tuple] = []
        self.event_rows: list[tuple] = []
        self.callback_rows: list[tuple] = []
        self.attempt_rows: list[tuple] = []
        self.links: list[tuple[int, int]] = []
        self._month_tables()

    # -- drafting the log --------------------------------------------------------------

    def _month_tables(self) -> None:
        self.category_names = list(CATEGORIES)
        self.category_cum: list[list[float]] = []
        self.volume: list[float] = []
        self.kind_cum: dict[str, list[list[float]]] = {}
        for month in range(12):
            weights = [
                share * CATEGORY_SEASONS[season][month] for share, season in CATEGORIES.values()
            ]
            self.category_cum.append(_cumulative(weights))
            self.volume.append(sum(weights) / 100)
        tables: dict[str, tuple] = {"报修": REPAIRS, **MATTERS}
        for category, kinds in tables.items():
            self.kind_cum[category] = [
                _cumulative([k.weight * SEASONS[k.season][m] for k in kinds]) for m in range(12)
            ]
        self.kinds = tables
        self.channel_cum = {k: _cumulative(v) for k, v in CHANNEL_WEIGHTS.items()}
        self.hour_cum = _cumulative(HOUR_PROFILE)

    def draft_days(self, unit_count: int) -> list[_Draft]:
        rng, clock = self.rng, self.clock
        drafts: list[_Draft] = []
        for day in range(clock.last_day + 1):
            if day not in clock.day_start:
                continue
            when = clock.first_day + timedelta(days=day)
            month = when.month - 1
            lam = unit_count * DAILY_RATE * self.volume[month] * _spring_festival_factor(when)
            if when.weekday() >= 5:
                lam *= 0.9
            opens, closes = clock.day_start[day] + MINUTE, clock.day_end[day] - 5 * MINUTE
            for _ in range(_poisson(rng, lam)):
                hour = rng.pick(HOURS, self.hour_cum)
                t = day * DAY + (7 + hour) * HOUR + rng.between(0, HOUR - 1)
                if hour == 0:
                    t += 30 * MINUTE  # the desk opens at 07:30
                t = min(max(t, opens), closes)
                category = rng.pick(self.category_names, self.category_cum[month])
                draft = self.draft(t, category, month)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def draft(self, t: int, category: str, month: int, kind: Any = None) -> _Draft | None:
        rng = self.rng
        if kind is None:
            kinds = self.kinds[category]
            kind = rng.pick(kinds, self.kind_cum[category][month])
        where = "place" if kind.places else getattr(kind, "where", "unit")
        moment = self.clock.act(t)
        if moment is None:
            return None
        t, shift = moment
        # Nobody calls about an estate nobody lives in yet: the volume follows the owners.
        resident, caller, phone = self._resident(self.clock.days[t // DAY])
        if resident is None:
            return None
        unit = place = None
        channel = ""
        if where == "place":
            place = self._place(kind)
            if place is None:
                return None
            if rng.random() < 0.3:  # found on the rounds
                caller = rng.one(STAFF_REPORTERS) + rng.one("王李张刘陈杨赵") + "师傅"
                phone, channel = "", "其他"
        elif where == "unit" or rng.random() < 0.5:
            unit = resident
        else:
            caller = rng.one("王李张刘陈杨赵黄周吴") + rng.one(("先生", "女士"))
            phone = f"1{rng.one('3589')}{rng.between(0, 999_999_999):09d}"
        if not channel:
            channels = self.channel_cum.get(category) or self.channel_cum["default"]
            channel = rng.pick(CHANNELS, channels)
            if not phone and channel == "来电":
                channel = "来访"
        content = rng.one(kind.texts)
        if "{tech}" in content:
            content = content.format(tech=rng.one(self.trades["水电"])[1])
        urgent = category == "报修" and rng.random() < kind.urgent
        return _Draft(
            t, category, kind, unit, place, caller, phone, channel, content, urgent, shift
        )

    def _place(self, kind: Any) -> _Place | None:
        """A public place of the kind the matter is about (None: the estate has none)."""
        candidates = self._place_cache.get(kind.places)
        if candidates is None:
            candidates = [
                place
                for place in self.places
                if any(word in place.kind for word in kind.places) and place.kind != "电梯机房"
            ]
            self._place_cache[kind.places] = candidates
        return self.rng.one(candidates) if candidates else None

    def _resident(self, day_text: str) -> tuple[_Unit | None, str, str]:
        rng = self.rng
        for _ in range(4):
            unit = rng.one(self.units)
            owner = None
            for since, until, name, phone in unit.owners:
                if since <= day_text and (until is None or day_text < until):
                    owner = (name, phone)
            if owner is None:
                continue
            roll = rng.random()
            if unit.others and roll < 0.3:
                for role, start, end, name, phone in unit.others:
                    if start <= day_text <= end and (role == "tenant" or roll < 0.12):
                        return unit, name, phone
            return unit, owner[0], owner[1]
        return None, "", ""

    def live_work(self) -> list[_Draft]:
        """A few matters of the last days that are late at the end of the history, whatever
        the estate's size: an order not dispatched, an order on hold, one with an outside
        contractor, a repair whose callback has not reached the owner, a complaint past its
        24 hours."""
        clock = self.clock
        last = clock.last_day
        if last < 4 or not self.units:
            return []
        specials = []
        plan = (
            (last, 19 * HOUR + 35 * MINUTE, "报修", REPAIRS[0], "undispatched"),
            (last, 15 * HOUR + 10 * MINUTE, "报修", REPAIRS[2], "callback_pending"),
            (last - 1, 10 * HOUR + 5 * MINUTE, "报修", REPAIRS[8], "held"),
            (last - 2, 9 * HOUR + 40 * MINUTE, "报修", REPAIRS[4], "referred"),
            (last - 2, 16 * HOUR + 20 * MINUTE, "投诉", COMPLAINTS[1], "unhandled"),
        )
        for day, offset, category, kind, force in plan:
            if day not in clock.day_start:
                continue
            t = min(
                max(day * DAY + offset, clock.day_start[day] + MINUTE),
                clock.day_end[day] - 15 * MINUTE,
            )
            month = (clock.first_day + timedelta(days=day)).month - 1
            draft = None
            for _ in range(5):
                draft = self.draft(t, category, month, kind)
                if draft is not None:
                    break
            if draft is not None:
                draft.force = force
                draft.urgent = False
                specials.append(draft)
        return specials

    # -- living the matters through --------------------------------------------------------

    def build(self, drafts: list[_Draft], first_ids: dict[str, int]) -> None:
        drafts.sort(key=lambda d: d.t)
        entry_id = first_ids["reception_entries"]
        order_id = first_ids["repair_orders"]
        self.callback_id = first_ids["callbacks"]
        jd, wx = self.clock.prefixes["JD"], self.clock.prefixes["WX"]
        entry_seq: dict[int, int] = {}
        order_seq: dict[int, int] = {}
        for draft in drafts:
            day = draft.t // DAY
            entry_seq[day] = entry_seq.get(day, 0) + 1
            entry_no = f"{jd[day]}{entry_seq[day]:0{SEQUENCE_DIGITS}d}"
            if draft.category == "报修":
                order_seq[day] = order_seq.get(day, 0) + 1
                order_no = f"{wx[day]}{order_seq[day]:0{SEQUENCE_DIGITS}d}"
                self.repair(draft, entry_id, entry_no, order_id, order_no)
                order_id += 1
            elif draft.category == "投诉":
                self.complaint(draft, entry_id, entry_no)
            else:
                self.matter(draft, entry_id, entry_no)
            entry_id += 1

    def _entry(self, draft: _Draft, entry_id: int, entry_no: str, shift: int) -> list:
        clock = self.clock
        at = clock.text(draft.t)
        unit, place = draft.unit, draft.place
        location = unit.location if unit else place.location if place else ""
        building = unit.building if unit else place.building if place else None
        operator = clock.ops[shift]
        # the columns of _ENTRY_COLUMNS, in order
        return [
            entry_id,
            entry_no,
            at,
            draft.channel,
            unit.id if unit else None,
            place.id if place else None,
            location,
            building,
            draft.caller,
            draft.phone,
            draft.category,
            draft.content,
            operator,
            "",  # department
            "",  # handling
            "",  # result
            "open",  # status
            None,  # due_at
            None,  # handled_at
            None,  # completed_at
            0,  # escalated
            None,  # repair_order_id
            "",  # note
            at,
            operator,
            clock.ids[shift],
            None,  # updated_at
        ]

    def _stamp(self, t: int, shift: int, text: str) -> str:
        at = self.clock.text(t)
        return f"[{at[5:10]} {at[11:16]} {self.names.get(self.clock.ops[shift], '')}] {text}"

    def matter(self, draft: _Draft, entry_id: int, entry_no: str) -> None:
        rng, clock = self.rng, self.clock
        shift = draft.shift
        row = self._entry(draft, entry_id, entry_no, shift)
        kind: MatterKind = draft.kind
        self.entry_rows.append(row)
        if kind.later and rng.random() < kind.later:
            row[E_DEPARTMENT] = kind.department
            row[E_HANDLING] = self._stamp(draft.t, shift, f"已转{kind.department}")
            done = clock.act(draft.t + rng.between(30 * MINUTE, 30 * HOUR))
            if done is None:
                return
            t, done_shift = done
            at = clock.text(t)
            row[E_HANDLING] += "\n" + self._stamp(t, done_shift, kind.handling)
            row[E_RESULT] = kind.result
            row[E_STATUS] = "closed"
            row[E_HANDLED] = row[E_COMPLETED] = row[E_UPDATED] = at
            return
        row[E_DEPARTMENT] = kind.department or "客服中心"
        if kind.handling:
            row[E_HANDLING] = self._stamp(draft.t, shift, kind.handling)
        row[E_RESULT] = kind.result
        row[E_STATUS] = "closed"
        row[E_COMPLETED] = row[2]

    def complaint(self, draft: _Draft, entry_id: int, entry_no: str) -> None:
        rng, clock = self.rng, self.clock
        shift = draft.shift
        row = self._entry(draft, entry_id, entry_no, shift)
        self.entry_rows.append(row)
        kind: MatterKind = draft.kind
        row[E_DEPARTMENT] = kind.department
        row[E_HANDLING] = self._stamp(draft.t, shift, f"已通知{kind.department}处理")
        row[E_DUE] = clock.text(draft.t + self.complaint_seconds)
        if draft.force == "unhandled":
            return
        start = draft.t
        for round_ in range(2):
            roll = rng.random()
            if roll < 0.9:
                delay = rng.between(HOUR, 22 * HOUR)
            elif roll < 0.96:
                delay = rng.between(25 * HOUR, 60 * HOUR)  # late
            else:
                delay = rng.between(60 * HOUR, 5 * DAY)  # very late
            handled = clock.act(start + delay)
            if handled is None:
                return
            t, handled_shift = handled
            at = clock.text(t)
            row[E_HANDLING] += "\n" + self._stamp(t, handled_shift, kind.handling)
            row[E_RESULT] = kind.result
            row[E_STATUS] = "handled"
            row[E_HANDLED] = row[E_UPDATED] = at
            outcome = self.callback(
                None,
                entry_id,
                t,
                handled_shift,
                t,
                clock.text(t + self.complaint_callback_seconds),
                first_delay=(2 * HOUR, 48 * HOUR),
                late_delay=(73 * HOUR, 100 * HOUR),
                results=COMPLAINT_RESULTS if round_ == 0 else SECOND_RESULTS,
            )
            if outcome is None:
                return
            done, result, comment, follow_up = outcome
            row[E_UPDATED] = clock.text(done)
            if follow_up == "reopened":
                done_shift = clock.act(done)[1]  # type: ignore[index]
                row[E_STATUS] = "open"
                row[E_DUE] = clock.text(done + self.complaint_seconds)
                row[E_HANDLED] = None
                row[E_HANDLING] += "\n" + self._stamp(
                    done, done_shift, f"回访不满意，重新处理：{comment}".rstrip("：")
                )
                start = done
                continue
            row[E_STATUS] = "closed"
            row[E_COMPLETED] = clock.text(done)
            row[E_ESCALATED] = int(follow_up == "escalated")
            return

    def callback(
        self,
        order_id: int | None,
        entry_id: int | None,
        started: int,
        shift: int,
        created: int,
        due_at: str,
        *,
        first_delay: tuple[int, int],
        late_delay: tuple[int, int],
        results: list[float],
        pending: bool = False,
    ) -> tuple[int, str, str, str] | None:
        """One callback row and its attempts; (when done, result, comment, follow-up) or
        None while it is still due at the end of the history."""
        rng, clock = self.rng, self.clock
        callback_id = self.callback_id
        self.callback_id += 1
        roll = rng.random()
        unreachable = roll < 0.02
        failures = 3 if unreachable else 1 if roll < 0.12 else 2 if roll < 0.15 else 0
        if pending:
            unreachable, failures = False, 1
        if rng.random() < 0.05:
            t = created + rng.between(*late_delay)
        else:
            t = created + rng.between(*first_delay)
            closing = clock.day_end.get(created // DAY, 0) - 2 * MINUTE
            if t > closing > created + 5 * MINUTE:  # call before the desk closes
                t = rng.between(created + 5 * MINUTE, closing)
        attempts = 0
        status, result, comment, follow_up, done_at, done_by = "due", None, "", "", None, None
        outcome = None
        last = None
        for _ in range(failures):
            moment = clock.act(t)
            if moment is None:
                break
            last = moment
            attempts += 1
            self.attempt_rows.append(
                (
                    callback_id,
                    clock.text(moment[0]),
                    0,
                    None,
                    rng.one(FAILED_ATTEMPT),
                    clock.ops[moment[1]],
                    clock.ids[moment[1]],
                )
            )
            t = moment[0] + rng.between(HOUR, 5 * HOUR)
        else:
            if unreachable and last is not None:
                status, comment = "unreachable", "多次联系未果"
                done_at, done_by = clock.text(last[0]), clock.ops[last[1]]
                outcome = (last[0], "无法联系", comment, "")
            elif not pending:
                moment = clock.act(t)
                if moment is not None:
                    at = clock.text(moment[0])
                    result = rng.pick(CALLBACK_RESULTS, results)
                    if result == "满意":
                        comment = rng.one(SATISFIED_COMMENTS)
                    elif result == "基本满意":
                        comment = rng.one(PARTLY_COMMENTS)
                    else:
                        comment = rng.one(UNSATISFIED_COMMENTS)
                        follow_up = "reopened" if rng.random() < 0.6 else "escalated"
                    attempts += 1
                    operator = clock.ops[moment[1]]
                    self.attempt_rows.append(
                        (callback_id, at, 1, result, comment, operator, clock.ids[moment[1]])
                    )
                    status, done_at, done_by = "done", at, operator
                    outcome = (moment[0], result, comment, follow_up)
        self.callback_rows.append(
            (
                callback_id,
                order_id,
                entry_id,
                clock.text(started),
                due_at,
                status,
                attempts,
                result,
                comment,
                follow_up,
                done_at,
                done_by,
                clock.text(created),
                clock.ops[shift],
                clock.ids[shift],
            )
        )
        return outcome

    def repair(
        self, draft: _Draft, entry_id: int, entry_no: str, order_id: int, order_no: str
    ) -> None:
        shift = draft.shift
        entry = self._entry(draft, entry_id, entry_no, shift)
        entry[E_DEPARTMENT] = "工程部"
        self.links.append((order_id, entry_id))  # repair_order_id, set once the order exists
        entry[E_UPDATED] = entry[2]
        self.entry_rows.append(entry)
        o = _Order()
        self.event_rows.append((order_id, entry[2], None, "登记", "", entry[24], entry[25]))
        self._live(draft, entry, o, order_id, shift)
        self.order_rows.append(
            (
                order_id,
                order_no,
                entry[2],
                entry[4],
                entry[5],
                entry[6],
                entry[7],
                draft.caller,
                draft.phone,
                draft.content,
                o.appointment,
                "紧急" if draft.urgent else "一般",
                o.status,
                o.technician_id,
                o.dispatched_at,
                o.arrived_at,
                o.completed_at,
                o.work_done,
                o.labour_fen,
                o.material_fen,
                o.paid,
                o.owner_signed,
                o.signed_by,
                o.contractor,
                o.status_reason,
                o.closed_at,
                entry_id,
                "",
                entry[2],
                entry[24],
                entry[25],
                o.updated_at,
            )
        )

    def _live(self, draft: _Draft, entry: list, o: _Order, order_id: int, shift0: int) -> None:
        """Take the order as far as the history goes (an early return: what is left has not
        happened by the end of the history)."""
        rng, clock = self.rng, self.clock
        kind: RepairKind = draft.kind
        force, urgent, t0 = draft.force, draft.urgent, draft.t
        events = self.event_rows

        def event(t: int, shift: int, to: str, detail: str) -> str:
            at = clock.text(t)
            events.append((order_id, at, o.status, to, detail, clock.ops[shift], clock.ids[shift]))
            o.status = to
            o.updated_at = at
            return at

        # when the technician is expected
        if urgent:
            visit = t0 + (
                rng.between(4 * MINUTE, 15 * MINUTE)
                if rng.random() < 0.85
                else rng.between(16 * MINUTE, 45 * MINUTE)
            )
        elif force:
            visit = t0 + rng.between(25 * MINUTE, 40 * MINUTE)
        else:
            roll = rng.random()
            if roll < 0.55:
                visit = _working_hours(t0 + rng.between(20 * MINUTE, 3 * HOUR), rng)
            elif roll < 0.9:
                visit, o.appointment = _appointment(clock, t0 // DAY, rng, 1)
            else:
                visit, o.appointment = _appointment(clock, t0 // DAY, rng, rng.between(2, 4))
        if force == "undispatched":
            return
        technicians = self.trades[kind.trade]
        technician_id, technician = rng.one(technicians)
        if force or rng.random() < 0.85:
            delay = rng.between(40, 3 * MINUTE)
        else:
            delay = rng.between(3 * MINUTE + 1, 20 * MINUTE)  # late
        moment = clock.act(t0 + delay)
        if moment is None:
            return
        last, shift = moment
        o.technician_id = technician_id
        o.dispatched_at = event(last, shift, "已派工", f"派工给 {technician}")
        if not force and rng.random() < 0.02:  # cancelled before anybody went
            moment = clock.act(last + rng.between(10 * MINUTE, 5 * HOUR))
            if moment is None:
                return
            o.status_reason = reason = rng.one(CANCEL_REASONS)
            o.closed_at = at = event(*moment, "已取消", reason)
            entry[E_STATUS], entry[E_RESULT] = "closed", f"已取消：{reason}"
            entry[E_COMPLETED] = entry[E_UPDATED] = at
            return
        if not force and not urgent and rng.random() < 0.012:  # the owner is away
            moment = clock.act(last + rng.between(30 * MINUTE, 3 * HOUR))
            if moment is None:
                return
            o.status_reason = reason = "业主不在家，另约时间"
            event(*moment, "暂停", reason)
            moment = clock.act(moment[0] + rng.between(DAY, 3 * DAY))
            if moment is None:
                return
            o.status_reason = ""
            event(*moment, "已派工", "恢复维修")
            last = moment[0]
            visit = _working_hours(last + rng.between(HOUR, 5 * HOUR), rng)
        for round_ in range(2):
            arrived = max(visit, last + MINUTE)
            moment = clock.act(arrived)
            if moment is None:
                return
            o.arrived_at = clock.text(arrived)
            event(*moment, "维修中", "维修人员到场")
            last, work_from = moment[0], arrived
            if force == "held" or (not force and round_ == 0 and rng.random() < kind.hold):
                moment = clock.act(max(arrived + rng.between(20 * MINUTE, HOUR), last + MINUTE))
                if moment is None:
                    return
                reason = HOLD_REASONS[0] if force else rng.one(HOLD_REASONS[:3])
                o.status_reason = reason
                event(*moment, "暂停", reason)
                if force:
                    return
                moment = clock.act(_working_hours(moment[0] + rng.between(DAY, 4 * DAY), rng))
                if moment is None:
                    return
                o.status_reason = ""
                event(*moment, "维修中", "恢复维修")
                last = work_from = moment[0]
            if force == "referred" or (not force and round_ == 0 and rng.random() < kind.refer):
                moment = clock.act(max(work_from + rng.between(20 * MINUTE, 90 * MINUTE), last))
                if moment is None:
                    return
                o.contractor = contractor = CONTRACTORS.get(kind.trade, CONTRACTORS["水电"])
                event(*moment, "转外单位", f"转 {contractor}")
                last = moment[0]
                if force:  # the contractor comes next week
                    return
                completed = _working_hours(last + rng.between(DAY, 5 * DAY), rng)
            else:
                roll = rng.random()
                if force:
                    completed = work_from + rng.between(40 * MINUTE, 60 * MINUTE)
                elif roll < 0.62:
                    completed = work_from + rng.between(15 * MINUTE, 90 * MINUTE)
                elif roll < 0.92:
                    completed = work_from + rng.between(90 * MINUTE, 5 * HOUR)
                else:
                    completed = _working_hours(work_from + rng.between(20 * HOUR, 30 * HOUR), rng)
            completed = max(completed, last + MINUTE)
            moment = clock.act(completed)
            if moment is None:
                return
            t, shift = moment
            if round_ == 0:
                self._charge(draft, o, order_id, t, shift)
                o.work_done = kind.work
            else:
                o.work_done = f"返修：{kind.work}"
            o.completed_at = clock.text(completed)
            if draft.unit is not None and rng.random() < 0.95:
                o.owner_signed, o.signed_by = 1, draft.caller
            at = event(t, shift, "已完工", "完工（有偿）" if o.paid else "完工")
            entry[E_STATUS], entry[E_HANDLED], entry[E_UPDATED] = "handled", at, at
            outcome = self.callback(
                order_id,
                None,
                completed,
                shift,
                t,
                clock.end_of_day(completed),
                first_delay=(10 * MINUTE, 2 * HOUR),
                late_delay=(14 * HOUR, 30 * HOUR),
                results=REPAIR_RESULTS if round_ == 0 else SECOND_RESULTS,
                pending=force == "callback_pending",
            )
            if outcome is None:
                return
            done, result, comment, follow_up = outcome
            done_shift = clock.act(done)[1]  # type: ignore[index]
            if follow_up == "reopened":
                o.arrived_at = o.completed_at = None
                detail = f"回访不满意，返修：{comment}".rstrip("：")
                entry[E_STATUS], entry[E_UPDATED] = (
                    "open",
                    event(done, done_shift, "已派工", detail),
                )
                last = done
                visit = _working_hours(done + rng.between(16 * HOUR, 40 * HOUR), rng)
                continue
            o.closed_at = at = event(done, done_shift, "已回访", f"回访：{result}")
            entry[E_STATUS], entry[E_RESULT] = "closed", "已回访"
            entry[E_COMPLETED] = entry[E_UPDATED] = at
            entry[E_ESCALATED] = int(follow_up == "escalated")
            return

    def _charge(self, draft: _Draft, o: _Order, order_id: int, t: int, shift: int) -> None:
        """Materials from the price list and, for a paid job, the labour."""
        rng, clock = self.rng, self.clock
        kind: RepairKind = draft.kind
        items = [self.prices[name] for name in kind.items if name in self.prices]
        if not items:
            return
        paid = draft.unit is not None and rng.random() < 0.52
        if not paid and rng.random() >= 0.45:
            return
        chosen = [items[0]] if len(items) == 1 or rng.random() < 0.7 else items
        at = clock.text(t)
        total = labour = 0
        for price_id, name, unit, price_fen, labour_fen in chosen:
            labour += labour_fen
            if price_fen == 0:
                continue
            quantity = rng.one((150, 200, 300, 500)) if unit == "米" else 100
            if unit != "米" and rng.random() < 0.1:
                quantity = 200
            amount = line_amount_fen(price_fen, quantity)
            total += amount
            self.material_rows.append(
                (
                    order_id,
                    price_id,
                    name,
                    unit,
                    quantity,
                    price_fen,
                    amount,
                    at,
                    clock.ops[shift],
                    clock.ids[shift],
                )
            )
        o.material_fen = total
        if paid:
            o.paid = 1
            o.labour_fen = labour or 3000


# Positions in an entry row (see _History._entry).
E_DEPARTMENT, E_HANDLING, E_RESULT, E_STATUS = 13, 14, 15, 16
E_DUE, E_HANDLED, E_COMPLETED, E_ESCALATED = 17, 18, 19, 20
E_UPDATED = 26

_ENTRY_COLUMNS = (
    "id, entry_no, received_at, channel, unit_id, place_id, location, building, caller_name, "
    "phone, category, content, receiver_id, department, handling, result, status, due_at, "
    "handled_at, completed_at, escalated, repair_order_id, note, created_at, created_by, "
    "created_shift, updated_at"
)
_ORDER_COLUMNS = (
    "id, order_no, reported_at, unit_id, place_id, location, building, reporter, phone, "
    "content, appointment, urgency, status, technician_id, dispatched_at, arrived_at, "
    "completed_at, work_done, labour_fen, material_fen, paid, owner_signed, signed_by, "
    "contractor, status_reason, closed_at, reception_id, note, created_at, created_by, "
    "created_shift, updated_at"
)
_MATERIAL_COLUMNS = (
    "order_id, price_id, name, unit, quantity_centi, price_fen, amount_fen, created_at, "
    "created_by, created_shift"
)
_EVENT_COLUMNS = "order_id, at, from_status, to_status, detail, created_by, created_shift"
_CALLBACK_COLUMNS = (
    "id, repair_order_id, reception_id, started_at, due_at, status, attempts, result, "
    "comment, follow_up, done_at, done_by, created_at, created_by, created_shift"
)
_ATTEMPT_COLUMNS = "callback_id, at, reached, result, comment, created_by, created_shift"


def _insert(db: Any, table: str, columns: str, rows: list) -> None:
    if rows:
        marks = ", ".join("?" for _ in columns.split(","))
        db.conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _next_ids(db: Any) -> dict[str, int]:
    return {
        table: (db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
        for table in ("reception_entries", "repair_orders", "callbacks")
    }


def generate(desk: Desk, plan: DemoPlan, rng: random.Random, staff: list) -> int:
    """The demo generator (``DEMO_GENERATORS``): returns the number of entries written."""
    own = _Random(plan.seed * 1_000_003 + 4)  # independent of other generators
    db = desk.db
    with desk.operation(OPERATION, actor="demo") as op:
        trades, prices = _setup(desk, op.at, own)
        places = _ensure_places(desk, op.at)
        shifts = db.execute(
            "SELECT id, operator_id, opened_at, closed_at FROM shifts "
            "WHERE closed_at IS NOT NULL ORDER BY opened_at, id"
        ).fetchall()
        units = _load_units(desk)
        written = 0
        counts: dict[str, object] = {
            "technicians": len({t for rows in trades.values() for t in rows}),
            "prices": len(prices),
            "places": len(places),
        }
        if shifts and units:
            clock = _Desk(shifts, own)
            history = _History(
                desk,
                own,
                clock,
                units,
                places,
                trades,
                prices,
                {s.id: s.display_name for s in staff},
            )
            drafts = history.draft_days(len(units)) + history.live_work()
            history.build(drafts, _next_ids(db))
            # Entries and orders point at each other: the entries go in first, the orders
            # refer to them, then each 报修 entry gets its order (all checked immediately).
            _insert(db, "reception_entries", _ENTRY_COLUMNS, history.entry_rows)
            _insert(db, "repair_orders", _ORDER_COLUMNS, history.order_rows)
            db.conn.executemany(
                "UPDATE reception_entries SET repair_order_id = ? WHERE id = ?", history.links
            )
            _insert(db, "repair_materials", _MATERIAL_COLUMNS, history.material_rows)
            _insert(db, "repair_events", _EVENT_COLUMNS, history.event_rows)
            _insert(db, "callbacks", _CALLBACK_COLUMNS, history.callback_rows)
            _insert(db, "callback_attempts", _ATTEMPT_COLUMNS, history.attempt_rows)
            written = len(history.entry_rows)
            counts.update(
                entries=written,
                orders=len(history.order_rows),
                materials=len(history.material_rows),
                events=len(history.event_rows),
                callbacks=len(history.callback_rows),
                attempts=len(history.attempt_rows),
                until=clock.text(clock.horizon),
            )
        op.record("reception_entries", None, **counts)
    return written
