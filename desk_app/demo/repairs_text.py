"""The constant data of the demo's service-desk history (services/demo_repairs.py): the
seasons and the daily volume, the categories of the reception log and what people call
about (the Chinese texts of repairs, complaints, consultations …), the public places an
estate without any gets, and the outside contractors, reasons and callback comments.
"""

from __future__ import annotations

from dataclasses import dataclass

# Entries per unit per day before the seasons (a 5,000-unit estate: ~30 a day).
DAILY_RATE = 0.0068
DAY = 86_400
HOUR = 3_600
MINUTE = 60


def cumulative(weights: list[float] | tuple[float, ...]) -> list[float]:
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
REPAIR_RESULTS = cumulative((0.855, 0.125, 0.02))
COMPLAINT_RESULTS = cumulative((0.78, 0.18, 0.04))
SECOND_RESULTS = cumulative((0.72, 0.28, 0))  # after a reopened matter was handled again
