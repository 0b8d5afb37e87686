"""The roster's fields (业主花名册) and mapping a workbook's columns onto them:
header synonyms, a guessed mapping, and the mapping saved by header name."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desk_app.core.errors import ValidationError

# --- fields and column mapping ------------------------------------------------------------


@dataclass(frozen=True)
class RosterField:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()


ROSTER_FIELDS: tuple[RosterField, ...] = (
    RosterField("building", "楼号", ("楼栋", "栋号", "楼栋号", "幢号", "楼号", "楼宇", "栋", "幢", "楼", "座", "楼座")),
    RosterField("entrance", "单元号", ("单元", "门洞", "单元号")),
    RosterField("room", "房号", ("房间号", "室号", "户号", "门牌号", "房间")),
    RosterField(
        "unit_code",
        "房屋编号",
        ("房屋编码", "房屋代码", "房产编号", "房屋", "房产", "房屋地址", "房屋位置", "楼栋单元房号",
         "完整房号", "房号全称", "栋单元房号"),
    ),
    RosterField("area", "建筑面积", ("面积", "房屋面积", "产权面积", "建面", "建筑面积㎡")),
    RosterField("kind", "房屋类型", ("类型", "房屋用途", "用途", "物业类型", "房屋类别")),
    RosterField("status", "房屋状态", ("状态", "使用状态", "入住状态", "房态")),
    RosterField(
        "name",
        "业主姓名",
        ("业主", "姓名", "业主名称", "户主", "户主姓名", "产权人", "产权人姓名", "客户姓名",
         "客户名称", "业主名字"),
    ),
    RosterField("gender", "性别", ("业主性别",)),
    RosterField("birth_month", "出生年月", ("出生日期", "生日", "出生年月日")),
    RosterField("id_type", "证件名称", ("证件类型", "证件种类")),
    RosterField(
        "id_number",
        "证件号码",
        ("证件号", "身份证号", "身份证号码", "身份证", "证件编号", "身份证件号码", "业主身份证号",
         "业主身份证号码"),
    ),
    RosterField(
        "phone",
        "联系电话",
        ("电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "业主电话", "移动电话",
         "联系电话1", "电话1", "手机1"),
    ),
    RosterField(
        "phone2",
        "备用电话",
        ("其他电话", "其它电话", "电话2", "联系电话2", "手机2", "第二联系电话", "固定电话", "座机",
         "家庭电话"),
    ),
    RosterField("hukou", "户籍所在地", ("户籍", "户口所在地", "籍贯", "户籍地址")),
    RosterField("address", "联系地址", ("通讯地址", "地址", "现住址", "家庭住址", "通信地址")),
    RosterField("employer", "工作单位", ("单位名称", "单位", "公司", "工作单位名称", "公司名称")),
    RosterField("purchase_date", "购房日期", ("购买日期", "购房时间", "签约日期", "网签日期")),
    RosterField("receive_date", "收楼日期", ("交房日期", "收房日期", "交付日期", "收楼时间", "交房时间")),
    RosterField("movein_date", "入住日期", ("入住时间", "迁入日期")),
    RosterField("plates", "车牌号", ("车牌", "车牌号码", "车辆", "车辆信息", "车牌号码1")),
    RosterField("note", "备注", ("备注说明", "附注")),
)  # fmt: skip
FIELDS_BY_KEY = {f.key: f for f in ROSTER_FIELDS}
LABELS = {f.key: f.label for f in ROSTER_FIELDS}
PERSON_KEYS = (
    "name", "gender", "birth_month", "id_type", "id_number", "phone", "phone2", "hukou",
    "address", "employer",
)  # fmt: skip

# Header text: NFKC, no blanks, no "*" marks, no bracketed units such as (㎡) or （必填）.
_BRACKETS = re.compile(r"[(\[【（][^)\]】）]*[)\]】）]")
_HEADER_NOISE = re.compile(r"[\s*:：#.、]")
_CONTAINS_MAX = 12  # longer header cells are sentences, not column names


def normalise_header(text: str | None) -> str:
    s = unicodedata.normalize("NFKC", text or "")
    return _HEADER_NOISE.sub("", _BRACKETS.sub("", s)).lower()


def _header_score(header: str, f: RosterField) -> int:
    words = {normalise_header(w) for w in (f.label, *f.synonyms)}
    if header in words:
        return 1000 + len(header)
    if len(header) > _CONTAINS_MAX:
        return 0
    return max((len(w) for w in words if len(w) >= 2 and w in header), default=0)


def guess_mapping(headers: Sequence[str | None]) -> dict[str, int]:
    """{field key: column index} from typical Chinese headers; each column used once."""
    normalised = [normalise_header(h) for h in headers]
    candidates = sorted(
        (
            (score, -column, order)
            for column, header in enumerate(normalised)
            if header
            for order, f in enumerate(ROSTER_FIELDS)
            if (score := _header_score(header, f))
        ),
        reverse=True,
    )
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _score, negative_column, order in candidates:
        key, column = ROSTER_FIELDS[order].key, -negative_column
        if key not in mapping and column not in used:
            mapping[key] = column
            used.add(column)
    return _settle_unit_columns(mapping)


def _settle_unit_columns(mapping: dict[str, int]) -> dict[str, int]:
    if "building" in mapping and "room" in mapping:
        mapping.pop("unit_code", None)
    elif "room" in mapping and "unit_code" not in mapping and "building" not in mapping:
        # A lone 房号 column holds the whole address (3-2-501).
        mapping["unit_code"] = mapping.pop("room")
    return mapping


def looks_like_header(texts: Sequence[str]) -> bool:
    return len(guess_mapping(texts)) >= 2


def mapping_to_json(mapping: Mapping[str, int], headers: Sequence[str | None]) -> str:
    """The mapping keyed by header names, to be remembered (QSettings) across files."""
    return json.dumps(
        {
            "version": 1,
            "fields": {
                key: {"header": headers[column] or "", "index": column}
                for key, column in mapping.items()
                if 0 <= column < len(headers)
            },
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def mapping_from_json(text: str | None, headers: Sequence[str | None]) -> dict[str, int]:
    """The remembered mapping applied to this file's headers: a field whose header is not
    in this file is left out. Unreadable text gives an empty mapping."""
    try:
        stored = json.loads(text or "")["fields"]
    except (ValueError, KeyError, TypeError):
        return {}
    if not isinstance(stored, dict):
        return {}
    mapping: dict[str, int] = {}
    for key, spec in stored.items():
        if key not in FIELDS_BY_KEY or not isinstance(spec, dict):
            continue
        name, index = spec.get("header"), spec.get("index")
        if isinstance(index, int) and 0 <= index < len(headers) and headers[index] == name:
            column = index
        elif name in headers:
            column = list(headers).index(name)
        else:
            continue
        if column not in mapping.values():
            mapping[key] = column
    return mapping


def check_mapping(mapping: Mapping[str, int]) -> None:
    unknown = set(mapping) - set(FIELDS_BY_KEY)
    if unknown:
        raise ValidationError(f"未知的字段：{'、'.join(sorted(unknown))}", field="mapping")
    if len(set(mapping.values())) != len(mapping):
        raise ValidationError("同一列不能对应两个字段。", field="mapping")
    if "unit_code" not in mapping and not ("building" in mapping and "room" in mapping):
        raise ValidationError(
            "请指定「房屋编号」列（如 3-2-501），或「楼号」和「房号」列。", field="mapping"
        )
