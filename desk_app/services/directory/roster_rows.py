"""Checking one roster row: parsing its cells into a unit, a person, facts and plates,
with every problem reported against the Excel row number, masked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desk_app.core.address import UnitAddress, parse_unit_address
from desk_app.core.errors import ValidationError
from desk_app.core.estate import parse_area_centi
from desk_app.core.masking import mask_id_number, mask_phone, validate_id_number, validate_phone
from desk_app.core.vocabularies import UNIT_KINDS, UNIT_STATUSES
from desk_app.exporting.roster_files import SheetRow
from desk_app.exporting.text_cells import refusal_message, refused_on_import
from desk_app.services.directory.people import clean_person
from desk_app.services.directory.roster_mapping import FIELDS_BY_KEY, LABELS, PERSON_KEYS
from desk_app.storage.directory import search_index
from desk_app.storage.directory.people import PersonRecord

OPERATION = "roster_imported"
MAX_SHOWN_OWNERS = 3
ID_STORED_AS_NUMBER = "证件号码被 Excel 存成了数字，请把该列设为文本"

# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row_number: int  # the Excel row number (the header is usually row 1)
    field_label: str  # "" when the error concerns the whole row
    message: str
    value: str | None = None  # the cell as written, masked for ID numbers and phones
    field: str | None = None


def row_error(row_number: int, key: str, message: str, value: str | None = None) -> RowError:
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


class RowChecker:
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
        self.errors.append(row_error(self.row.number, key, message, value))

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
            written = phones[key] = raw[key]
            if written:
                try:
                    phones[key] = validate_phone(written)
                except ValidationError as error:
                    self.fail(key, error.message, written)
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

    def formulas(self) -> bool:
        """Refuse every cell that a spreadsheet would run as a formula: ``=`` or ``@`` in
        any column, and ``+`` or ``-`` before a name (no name starts so). Elsewhere a
        leading ``+``/``-`` meets the field's own rule (``+86 138…`` is a phone, ``-5`` is
        not an area) or is kept as typed in free text; exports write it as text."""
        for key in sorted(self.mapping, key=lambda k: self.mapping[k]):
            raw = self.text(key)
            if raw and (refused_on_import(raw) or (key == "name" and raw.startswith(("+", "-")))):
                self.fail(key, refusal_message(raw), raw)
        return bool(self.errors)

    def parse(self) -> RosterRow | None:
        if self.formulas():
            return None
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
