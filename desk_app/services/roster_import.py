"""Importing the estate's roster (业主花名册) from Excel: map columns to fields, check
every row, then write all of it in one transaction — or only the valid rows, when the
clerk chooses so.

Decisions:

- Buildings are not created by an import: an unknown 楼号 is an error on its row
  ("没有楼号 X"), so a typo cannot invent a building. Office-tower addresses
  (``18F-1803``) have no building and need none.
- Units that do not exist yet are created. For units that exist, the facts the file
  gives (area, kind, status, the archive's dates and note) replace what is stored;
  blank cells never clear anything.
- An owner is added only to a unit without a current owner. If the unit has an owner
  and the file names the same person (same ID number; or the same name where either
  side has no ID number), nothing changes; a different person is an error — a change
  of owner is a transfer (过户), done in the owner archive, never silently.
- People already on file are matched by ID number and are not edited by an import
  (contact changes keep their history in the owner archive).
- Re-importing the same file changes nothing: no row, no audit entry.
- The audit gets one summary row (file, counts) and one row per unit that changed,
  naming the fields and the people and plates added — never ID numbers or phones.
- Errors never carry a full ID number or phone: ``RowError.value`` is masked.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desk_app.core.address import UnitAddress, parse_unit_address
from desk_app.core.errors import ValidationError
from desk_app.core.estate import parse_area_centi
from desk_app.core.masking import mask_id_number, mask_phone, validate_id_number, validate_phone
from desk_app.exporting import roster_files
from desk_app.exporting.roster_files import RosterSheet, SheetRow
from desk_app.services.desk import Desk, Operation
from desk_app.services.directory import clean_person
from desk_app.storage import archives as archives_store
from desk_app.storage import buildings as buildings_store
from desk_app.storage import people as people_store
from desk_app.storage import search_index
from desk_app.storage import units as units_store
from desk_app.storage.archives import ArchiveFacts
from desk_app.storage.people import PersonRecord
from desk_app.storage.schema import UNIT_KINDS, UNIT_STATUSES
from desk_app.storage.transactions import write_transaction
from desk_app.storage.units import NewUnit, UnitRow

OPERATION = "roster_imported"
MAX_SHOWN_OWNERS = 3
ID_STORED_AS_NUMBER = "证件号码被 Excel 存成了数字，请把该列设为文本"

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


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row_number: int  # the Excel row number (the header is usually row 1)
    field_label: str  # "" when the error concerns the whole row
    message: str
    value: str | None = None  # the cell as written, masked for ID numbers and phones
    field: str | None = None


def _error(row_number: int, key: str, message: str, value: str | None = None) -> RowError:
    return RowError(row_number, LABELS.get(key, ""), message, value, key)


@dataclass(frozen=True)
class RosterRow:
    """One row of the file, parsed and checked on its own."""

    row_number: int
    address: UnitAddress
    area_centi_m2: int | None
    kind: str | None
    status: str | None
    person: PersonRecord | None
    archive: dict[str, str] = field(default_factory=dict)
    plates: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.address.short


@dataclass(frozen=True)
class ImportResult:
    created_units: int = 0
    updated_units: int = 0
    created_people: int = 0
    added_owners: int = 0
    unchanged: int = 0
    skipped_rows: int = 0
    added_vehicles: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.created_units
            or self.updated_units
            or self.created_people
            or self.added_owners
            or self.added_vehicles
        )

    def summary(self) -> str:
        return (
            f"新建房屋 {self.created_units} 套，更新房屋 {self.updated_units} 套，"
            f"新建人员 {self.created_people} 人，登记业主 {self.added_owners} 户，"
            f"登记车辆 {self.added_vehicles} 辆，无变化 {self.unchanged} 行，"
            f"跳过有错误的 {self.skipped_rows} 行"
        )


@dataclass(frozen=True)
class RosterCheck:
    total_rows: int
    rows: tuple[RosterRow, ...]  # the rows without errors
    errors: tuple[RowError, ...]
    planned: ImportResult  # what importing now would do (valid rows only)
    source: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_rows(self) -> int:
        return len({e.row_number for e in self.errors})


# --- reading ------------------------------------------------------------------------------


def load_roster(path: str | Path, *, sheet: str | None = None) -> RosterSheet:
    """Read a roster workbook safely; the header row is found among the top rows."""
    return roster_files.read_roster(path, sheet=sheet, is_header=looks_like_header)


def write_error_list(path: str | Path, check: RosterCheck) -> int:
    return roster_files.write_error_list(path, check.errors)


def write_sample_template(path: str | Path) -> None:
    roster_files.write_sample_template(path)


# --- checking one row -----------------------------------------------------------------------

_DATE_FORMS = (
    re.compile(
        r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    ),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)
_MONTH_FORMS = (
    re.compile(r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})月?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
    *_DATE_FORMS,
)
_PLATE_SPLIT = re.compile(r"[,，、;；/\s]+")
_CAR_PLATE = re.compile(r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")
_BUILDING_SUFFIX = re.compile(r"(?:号楼|栋|幢|座|楼|#|号)$")
_ENTRANCE_SUFFIX = re.compile(r"(?:单元|门|号)$")
_ROOM_SUFFIX = re.compile(r"(?:室|号|房)$")
_ID_TYPES = {"身份证": "居民身份证", "居民身份证": "居民身份证", "二代身份证": "居民身份证"}
_GENDERS = {"男": "男", "女": "女", "男性": "男", "女性": "女"}


def parse_roster_date(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_FORMS:
        if m := pattern.fullmatch(s):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
            except ValueError:
                break
    raise ValidationError(f"日期格式不正确：{text}（应为 2020-05-01）")


def parse_roster_month(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    for pattern in _MONTH_FORMS:
        if (m := pattern.fullmatch(s)) and 1 <= int(m["m"]) <= 12:
            return f"{int(m['y']):04d}-{int(m['m']):02d}"
    raise ValidationError(f"出生年月格式不正确：{text}（应为 1985-06）")


def _strip_suffix(text: str, suffix: re.Pattern[str]) -> str:
    return suffix.sub("", "".join(unicodedata.normalize("NFKC", text).split())).upper()


def join_unit_parts(building: str, entrance: str | None, room: str) -> str:
    """楼号 ``3栋``, 单元号 ``2单元``, 房号 ``501室`` → ``3-2-501``."""
    b = _strip_suffix(building, _BUILDING_SUFFIX)
    r = _strip_suffix(room, _ROOM_SUFFIX)
    e = _strip_suffix(entrance, _ENTRANCE_SUFFIX) if entrance else ""
    return f"{b}-{e}-{r}" if e else f"{b}-{r}"


def _masked(key: str, raw: str) -> str:
    if key == "id_number":
        return mask_id_number(raw)
    if key in ("phone", "phone2"):
        return mask_phone(raw)
    return raw if len(raw) <= 100 else raw[:100] + "…"


class _RowChecker:
    """Parses one sheet row field by field, collecting every error rather than the first."""

    def __init__(self, row: SheetRow, mapping: Mapping[str, int], today: date) -> None:
        self.row = row
        self.mapping = mapping
        self.today = today
        self.errors: list[RowError] = []

    def text(self, key: str) -> str | None:
        column = self.mapping.get(key)
        if column is None or column >= len(self.row.values):
            return None
        return self.row.values[column]

    def numeric(self, key: str) -> bool:
        column = self.mapping.get(key)
        return column is not None and column in self.row.numeric

    def fail(self, key: str, message: str, raw: str | None = None) -> None:
        value = _masked(key, raw) if raw else None
        if raw and value != raw and len(raw.strip()) >= 6:
            message = message.replace(raw.strip(), value or "")
        self.errors.append(_error(self.row.number, key, message, value))

    def unit(self) -> UnitAddress | None:
        if "unit_code" in self.mapping and not (
            "building" in self.mapping and "room" in self.mapping
        ):
            raw = self.text("unit_code")
            if not raw:
                self.fail("unit_code", "房屋编号为空")
                return None
            try:
                return parse_unit_address(raw)
            except ValidationError as error:
                self.fail("unit_code", error.message, raw)
                return None
        building, room = self.text("building"), self.text("room")
        if not building:
            self.fail("building", "楼号为空")
        if not room:
            self.fail("room", "房号为空")
        if not (building and room):
            return None
        joined = join_unit_parts(building, self.text("entrance"), room)
        try:
            return parse_unit_address(joined)
        except ValidationError as error:
            self.fail("room", error.message, joined)
            return None

    def area(self) -> int | None:
        raw = self.text("area")
        try:
            return parse_area_centi(raw)
        except ValidationError as error:
            self.fail("area", error.message, raw)
            return None

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        raw = self.text(key)
        if raw is None:
            return None
        value = "".join(raw.split())
        if value not in allowed:
            self.fail(key, f"{LABELS[key]}只能是：{'、'.join(allowed)}", raw)
            return None
        return value

    def archive(self) -> dict[str, str]:
        facts: dict[str, str] = {}
        for key in ("purchase_date", "receive_date", "movein_date"):
            if raw := self.text(key):
                try:
                    facts[key] = parse_roster_date(raw)
                except ValidationError as error:
                    self.fail(key, error.message, raw)
        if note := self.text("note"):
            facts["note"] = note
        return facts

    def plates(self) -> tuple[str, ...]:
        raw = self.text("plates")
        if not raw:
            return ()
        plates = []
        for part in _PLATE_SPLIT.split(raw):
            plate = search_index.normalise_plate(part)
            if not plate:
                continue
            if not _CAR_PLATE.match(plate):
                self.fail("plates", f"车牌号格式不正确：{part}（例如 鲁A12345）", raw)
            elif plate not in plates:
                plates.append(plate)
        return tuple(plates)

    def person(self) -> PersonRecord | None:
        raw = {key: self.text(key) for key in PERSON_KEYS}
        name = raw["name"]
        if not name:
            if any(raw[k] for k in PERSON_KEYS if k != "id_type"):
                self.fail("name", "填写了业主资料但没有业主姓名")
            return None
        before = len(self.errors)
        id_type = _ID_TYPES.get("".join((raw["id_type"] or "身份证").split()), raw["id_type"])
        id_number = raw["id_number"]
        if id_number and self.numeric("id_number"):
            self.fail("id_number", ID_STORED_AS_NUMBER, id_number)
            id_number = None
        elif id_number and id_type == "居民身份证":
            try:
                id_number = validate_id_number(id_number, today=self.today)
            except ValidationError as error:
                self.fail("id_number", error.message, id_number)
        phones = {}
        for key in ("phone", "phone2"):
            phones[key] = raw[key]
            if raw[key]:
                try:
                    phones[key] = validate_phone(raw[key])
                except ValidationError as error:
                    self.fail(key, error.message, raw[key])
        gender = None
        if raw["gender"]:
            gender = _GENDERS.get("".join(raw["gender"].split()))
            if gender is None:
                self.fail("gender", "性别只能是 男 或 女。", raw["gender"])
        birth = None
        if raw["birth_month"]:
            try:
                birth = parse_roster_month(raw["birth_month"])
            except ValidationError as error:
                self.fail("birth_month", error.message, raw["birth_month"])
        if len(self.errors) > before:
            return None
        record = PersonRecord(
            name=name,
            gender=gender,
            birth_month=birth,
            id_type=id_type or "居民身份证",
            id_number=id_number,
            phone=phones["phone"],
            phone2=phones["phone2"],
            hukou=raw["hukou"],
            address=raw["address"],
            employer=raw["employer"],
        )
        try:
            return clean_person(record, today=self.today)
        except ValidationError as error:
            key = error.field if error.field in FIELDS_BY_KEY else "name"
            self.fail(key, error.message, raw.get(key))
            return None

    def parse(self) -> RosterRow | None:
        address = self.unit()
        area = self.area()
        kind = self.choice("kind", UNIT_KINDS)
        status = self.choice("status", UNIT_STATUSES)
        archive = self.archive()
        plates = self.plates()
        person = self.person()
        if self.errors or address is None:
            return None
        return RosterRow(self.row.number, address, area, kind, status, person, archive, plates)


# --- checking the rows against each other and against the database --------------------------


def _unit_key(address: UnitAddress) -> tuple[str, str, str]:
    return (address.building.upper(), address.entrance or "", address.room.lstrip("0"))


def _stored_unit_key(unit: UnitRow) -> tuple[str, str, str]:
    return (unit.building.upper(), unit.entrance or "", unit.room.lstrip("0"))


@dataclass
class _UnitPlan:
    row: RosterRow
    unit: UnitRow | None  # None: to be created
    unit_fields: dict[str, object] = field(default_factory=dict)
    archive: ArchiveFacts | None = None  # the merged facts to store, when they change
    archive_fields: list[str] = field(default_factory=list)
    new_owner: PersonRecord | None = None
    plates: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(
            self.unit is None
            or self.unit_fields
            or self.archive_fields
            or self.new_owner
            or self.plates
        )


def _within_file_errors(rows: Sequence[RosterRow]) -> tuple[list[RosterRow], list[RowError]]:
    """Duplicate units and plates, and one ID number under two names: the later row fails."""
    seen_units: dict[tuple[str, str, str], int] = {}
    seen_ids: dict[tuple[str, str], tuple[str, int]] = {}
    seen_plates: dict[str, int] = {}
    kept, errors = [], []
    for row in rows:
        problems = []
        key = _unit_key(row.address)
        if key in seen_units:
            problems.append(
                _error(
                    row.row_number,
                    "room",
                    f"与第 {seen_units[key]} 行重复的房屋 {row.code}",
                    row.code,
                )
            )
        person = row.person
        if person and person.id_number:
            id_key = (person.id_type, person.id_number)
            first = seen_ids.get(id_key)
            if first and first[0] != person.name:
                problems.append(
                    _error(
                        row.row_number,
                        "id_number",
                        f"证件号码与第 {first[1]} 行相同，但姓名不同（{first[0]}）",
                        mask_id_number(person.id_number),
                    )
                )
        for plate in row.plates:
            if plate in seen_plates:
                problems.append(
                    _error(
                        row.row_number,
                        "plates",
                        f"车牌 {plate} 与第 {seen_plates[plate]} 行重复",
                        plate,
                    )
                )
        if problems:
            errors.extend(problems)
            continue
        seen_units[key] = row.row_number
        if person and person.id_number:
            seen_ids.setdefault((person.id_type, person.id_number), (person.name, row.row_number))
        for plate in row.plates:
            seen_plates[plate] = row.row_number
        kept.append(row)
    return kept, errors


def _same_person(a: PersonRecord, b: PersonRecord) -> bool:
    if a.id_number and b.id_number:
        return (a.id_type, a.id_number) == (b.id_type, b.id_number)
    return a.name == b.name


class _Planner:
    """Compares parsed rows with what is stored, reading the database in bulk where the
    storage layer allows and once per existing unit otherwise."""

    def __init__(self, desk: Desk) -> None:
        db = desk.db
        self.db = db
        self.buildings = {b.code.upper() for b in buildings_store.list_buildings(db)}
        stored = units_store.list_units(db, limit=10**9)
        self.by_code = {u.code: u for u in stored}
        self.by_key: dict[tuple[str, str, str], UnitRow] = {}
        for unit in stored:
            self.by_key.setdefault(_stored_unit_key(unit), unit)
        self.people: dict[tuple[str, str], people_store.PersonRow | None] = {}

    def existing_unit(self, address: UnitAddress) -> UnitRow | None:
        return self.by_code.get(address.short) or self.by_key.get(_unit_key(address))

    def person_on_file(self, record: PersonRecord) -> people_store.PersonRow | None:
        assert record.id_number
        key = (record.id_type, record.id_number)
        if key not in self.people:
            self.people[key] = people_store.person_by_id_number(self.db, *key)
        return self.people[key]

    def plan(self, row: RosterRow) -> tuple[_UnitPlan | None, list[RowError]]:
        errors: list[RowError] = []
        address = row.address
        if address.building and address.building.upper() not in self.buildings:
            errors.append(
                _error(row.row_number, "building", f"没有楼号 {address.building}", address.building)
            )
            return None, errors
        unit = self.existing_unit(address)
        plan = _UnitPlan(row, unit)
        owners: list[PersonRecord] = []
        plates_here: set[str] = set()
        if unit is not None:
            self._unit_changes(plan, unit)
            owners = [
                o.person
                for o in people_store.occupancies_for_unit(self.db, unit.id, current_only=True)
                if o.role in ("owner", "co_owner")
            ]
            plates_here = {
                v.plate for v in people_store.vehicles_for_unit(self.db, unit.id) if v.plate
            }
        else:
            plan.archive_fields = sorted(row.archive)
            if row.archive:
                plan.archive = ArchiveFacts(**row.archive)
        if row.person is not None:
            self._owner(plan, row, row.person, owners, errors)
        for plate in row.plates:
            if plate in plates_here:
                continue
            vehicle = people_store.vehicle_with_plate(self.db, plate)
            if vehicle is not None:
                errors.append(
                    _error(row.row_number, "plates", f"车牌 {plate} 已登记在其他房屋", plate)
                )
            else:
                plan.plates.append(plate)
        return (None if errors else plan), errors

    def _unit_changes(self, plan: _UnitPlan, unit: UnitRow) -> None:
        row = plan.row
        wanted = {"area_centi_m2": row.area_centi_m2, "kind": row.kind, "status": row.status}
        plan.unit_fields = {
            name: value
            for name, value in wanted.items()
            if value is not None and getattr(unit, name) != value
        }
        if row.archive:
            stored = archives_store.get_facts(self.db, unit.id) or ArchiveFacts()
            plan.archive_fields = sorted(
                name for name, value in row.archive.items() if getattr(stored, name) != value
            )
            if plan.archive_fields:
                plan.archive = replace(stored, **row.archive)

    def _owner(
        self,
        plan: _UnitPlan,
        row: RosterRow,
        person: PersonRecord,
        owners: list[PersonRecord],
        errors: list[RowError],
    ) -> None:
        if any(_same_person(person, owner) for owner in owners):
            return
        if owners:
            names = "、".join(o.name for o in owners[:MAX_SHOWN_OWNERS])
            errors.append(
                _error(
                    row.row_number,
                    "name",
                    f"房屋 {plan.unit.code if plan.unit else row.code} 已有业主 {names}，"
                    "过户请在业主档案中办理",
                    person.name,
                )
            )
            return
        if person.id_number:
            on_file = self.person_on_file(person)
            if on_file is not None and on_file.record.name != person.name:
                errors.append(
                    _error(
                        row.row_number,
                        "id_number",
                        f"证件号码已登记在「{on_file.record.name}」名下，与业主姓名不符",
                        mask_id_number(person.id_number),
                    )
                )
                return
        plan.new_owner = person


def _planned_counts(plans: Sequence[_UnitPlan], planner: _Planner, skipped: int) -> ImportResult:
    new_people: set[tuple[str, str]] = set()
    created_people = 0
    for plan in plans:
        person = plan.new_owner
        if person is None:
            continue
        if not person.id_number:
            created_people += 1
        elif planner.person_on_file(person) is None:
            new_people.add((person.id_type, person.id_number))
    return ImportResult(
        created_units=sum(p.unit is None for p in plans),
        updated_units=sum(
            p.unit is not None and bool(p.unit_fields or p.archive_fields) for p in plans
        ),
        created_people=created_people + len(new_people),
        added_owners=sum(p.new_owner is not None for p in plans),
        unchanged=sum(not p.changes for p in plans),
        skipped_rows=skipped,
        added_vehicles=sum(len(p.plates) for p in plans),
    )


def _plan_all(
    desk: Desk, rows: Sequence[RosterRow]
) -> tuple[list[_UnitPlan], list[RowError], _Planner]:
    planner = _Planner(desk)
    plans, errors = [], []
    for row in rows:
        plan, problems = planner.plan(row)
        errors.extend(problems)
        if plan is not None:
            plans.append(plan)
    return plans, errors, planner


def validate(
    desk: Desk,
    rows: Iterable[SheetRow],
    mapping: Mapping[str, int],
    *,
    source: str | None = None,
) -> RosterCheck:
    """Check every row on its own, against the other rows and against the database.

    Writes nothing. ``source`` (the file name) goes into the audit on import.
    """
    check_mapping(mapping)
    today = desk.clock.now().date()
    sheet_rows = list(rows)
    parsed, errors = [], []
    for sheet_row in sheet_rows:
        checker = _RowChecker(sheet_row, mapping, today)
        row = checker.parse()
        errors.extend(checker.errors)
        if row is not None:
            parsed.append(row)
    parsed, duplicates = _within_file_errors(parsed)
    errors.extend(duplicates)
    plans, db_errors, planner = _plan_all(desk, parsed)
    errors.extend(db_errors)
    errors.sort(key=lambda e: e.row_number)
    planned_rows = {p.row.row_number for p in plans}
    skipped = len({e.row_number for e in errors})
    return RosterCheck(
        total_rows=len(sheet_rows),
        rows=tuple(r for r in parsed if r.row_number in planned_rows),
        errors=tuple(errors),
        planned=_planned_counts(plans, planner, skipped),
        source=source,
    )


# --- importing ------------------------------------------------------------------------------


def import_roster(
    desk: Desk, check: RosterCheck, *, only_valid: bool = False, actor: str | None = None
) -> ImportResult:
    """Write the checked roster in one transaction.

    Refuses a check with errors unless ``only_valid``. The rows are compared with the
    database again under the write lock; if something changed since the check so that
    a row no longer fits, nothing is written. Importing what is already there writes
    nothing at all, not even an audit row.
    """
    if check.errors and not only_valid:
        raise ValidationError(
            f"有 {check.error_rows} 行存在错误，未导入任何数据。请改正后重新导入，或选择只导入正确的行。"
        )
    with write_transaction(desk.db):
        plans, errors, planner = _plan_all(desk, check.rows)
        if errors:
            first = errors[0]
            raise ValidationError(
                f"检查之后数据已有变化（第 {first.row_number} 行：{first.message}），"
                "未导入任何数据，请重新检查。"
            )
        result = _planned_counts(plans, planner, check.error_rows)
        if not result.changed:
            return result
        with desk.operation(OPERATION, actor=actor) as op:
            op.record(
                None,
                None,
                file=check.source,
                rows=check.total_rows,
                **{k: v for k, v in asdict(result).items() if v},
            )
            _write(op, [p for p in plans if p.changes])
    return result


def _write(op: Operation, plans: list[_UnitPlan]) -> None:
    db = op.db
    stamp: dict[str, Any] = {
        "created_at": op.at,
        "created_by": op.operator_id,
        "created_shift": op.shift_id,
    }
    new = [p for p in plans if p.unit is None]
    new_ids = units_store.insert_many(
        db,
        (
            NewUnit(
                code=p.row.code,
                building=p.row.address.building.upper(),
                entrance=p.row.address.entrance,
                floor=p.row.address.floor,
                room=p.row.address.room,
                area_centi_m2=p.row.area_centi_m2,
                kind=p.row.kind or "住宅",
                status=p.row.status or "空置",
            )
            for p in new
        ),
        **stamp,
    )
    unit_ids = {id(p): unit_id for p, unit_id in zip(new, new_ids, strict=True)}
    people_by_id: dict[tuple[str, str], int] = {}
    new_people: list[int] = []
    new_vehicles: list[int] = []
    for plan in plans:
        unit_id = plan.unit.id if plan.unit else unit_ids[id(plan)]
        if plan.unit and plan.unit_fields:
            units_store.update(db, unit_id, plan.unit_fields, op.at)
        if plan.archive is not None:
            archives_store.put_facts(
                db,
                unit_id,
                plan.archive,
                updated_at=op.at,
                updated_by=op.operator_id,
                updated_shift=op.shift_id,
            )
        detail: dict[str, object] = {"row": plan.row.row_number, "unit": plan.row.code}
        detail["action"] = "created" if plan.unit is None else "updated"
        if plan.unit_fields or plan.archive_fields:
            detail["fields"] = sorted(plan.unit_fields) + plan.archive_fields
        person_id = None
        if plan.new_owner is not None:
            person_id, created = _person_id(db, plan.new_owner, people_by_id, stamp)
            if created:
                new_people.append(person_id)
            people_store.insert_occupancy(
                db,
                unit_id=unit_id,
                person_id=person_id,
                role="owner",
                relation=None,
                since=plan.row.archive.get("purchase_date"),
                lease_start=None,
                lease_end=None,
                **stamp,
            )
            detail.update(owner=plan.new_owner.name, person_id=person_id, person_created=created)
        for plate in plan.plates:
            new_vehicles.append(
                people_store.insert_vehicle(
                    db,
                    unit_id=unit_id,
                    person_id=person_id,
                    kind="汽车",
                    plate=plate,
                    note=None,
                    **stamp,
                )
            )
        if plan.plates:
            detail["plates"] = plan.plates
        op.record("units", unit_id, **detail)
    search_index.index_units_bulk(db, new_ids)
    search_index.index_people_bulk(db, new_people)
    search_index.index_vehicles_bulk(db, new_vehicles)


def _person_id(
    db: Database, record: PersonRecord, known: dict[tuple[str, str], int], stamp: dict[str, Any]
) -> tuple[int, bool]:
    """The person with this ID number (on file, or created earlier in this import), else a
    new person. People without an ID number cannot be told apart: each row is its own."""
    if record.id_number:
        key = (record.id_type, record.id_number)
        if key in known:
            return known[key], False
        on_file = people_store.person_by_id_number(db, *key)
        if on_file is not None:
            known[key] = on_file.id
            return on_file.id, False
    person_id = people_store.insert_person(db, record, **stamp)
    if record.id_number:
        known[(record.id_type, record.id_number)] = person_id
    return person_id, True
