"""Roster workbooks (业主花名册): reading one that came from outside, writing the list of
its errors, and writing the sample template a clerk can fill in.

Reading goes through ``xlsx_safety`` (the file is untrusted). Cells come back as text;
cells that Excel held as numbers are flagged, because an 18-digit ID number typed into a
number cell has already lost its last digits and must not be imported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desk_app.core.errors import ValidationError
from desk_app.core.masking import mask_id_number, mask_phone
from desk_app.core.vocabularies import UNIT_KINDS, UNIT_STATUSES
from desk_app.exporting.text_cells import append_row
from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.exporting.xlsx_safety import (
    DEFAULT_LIMITS,
    UntrustedWorkbook,
    WorkbookLimits,
    read_workbook,
)

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class SheetRow:
    number: int  # the Excel row number, as the clerk sees it
    values: tuple[str | None, ...]
    numeric: frozenset[int] = frozenset()  # column indexes that Excel held as numbers


@dataclass(frozen=True)
class RosterSheet:
    sheet_name: str
    sheet_names: tuple[str, ...]
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    title: str = ""  # the text of row 1 when the header is below it (a template's title)


HeaderTest = Callable[[Sequence[str]], bool]


def cell_text(value: Any) -> str | None:
    """A cell's value as the text a clerk would read in Excel; blank → None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # 15 significant digits: what Excel shows, and no 89.50000000000001.
        return format(value, ".15g")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip() or None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _first_nonblank(texts: Sequence[str]) -> bool:
    return any(texts)


def read_roster(
    path: str | Path,
    *,
    sheet: str | None = None,
    is_header: HeaderTest | None = None,
    limits: WorkbookLimits = DEFAULT_LIMITS,
) -> RosterSheet:
    """Read a roster sheet: the header row (the first of the top rows that ``is_header``
    accepts, else the first non-blank row) and every non-blank row below it.

    Without ``sheet``, the first sheet with a recognisable header row is read.
    Raises ``WorkbookRejected`` for unsafe, damaged or unreadable files,
    ``ValidationError`` for an unknown sheet name or an empty sheet.
    """
    with read_workbook(path, limits) as book:
        names = book.sheet_names
        if sheet is not None:
            if sheet not in names:
                raise ValidationError(
                    f"没有名为「{sheet}」的工作表（有：{'、'.join(names)}）", field="sheet"
                )
            candidates = [sheet]
        else:
            candidates = list(names)
        test = is_header or _first_nonblank
        for name in candidates:
            found = _read_sheet(book, name, test)
            if found is not None:
                return RosterSheet(name, names, *found)
        if is_header is not None and candidates:
            # No recognisable header: take the first sheet's first row, the clerk maps it.
            found = _read_sheet(book, candidates[0], _first_nonblank)
            if found is not None:
                return RosterSheet(candidates[0], names, *found)
        raise ValidationError("工作表是空的，没有找到表头行。", field="sheet")


def _read_sheet(
    book: UntrustedWorkbook, name: str, is_header: HeaderTest
) -> tuple[int, tuple[str, ...], tuple[SheetRow, ...], str] | None:
    rows = book.rows(name)
    header_row = 0
    headers: tuple[str, ...] = ()
    first_row = ""
    for number, values in rows:
        texts = [cell_text(v) or "" for v in values]
        if is_header(texts):
            width = max(i for i, t in enumerate(texts) if t) + 1
            header_row, headers = number, tuple(texts[:width])
            break
        if number == 1:
            first_row = " ".join(t for t in texts if t)
        if number >= HEADER_SEARCH_ROWS:
            return None
    else:
        return None
    body = []
    for number, values in rows:
        cells = values[: len(headers)]
        cell_texts = tuple(cell_text(v) for v in cells)
        if not any(cell_texts):
            continue
        numeric = frozenset(i for i, v in enumerate(cells) if _is_number(v))
        body.append(SheetRow(number, cell_texts, numeric))
    return header_row, headers, tuple(body), first_row


# --- the error list -------------------------------------------------------------------


class ErrorLike(Protocol):
    @property
    def row_number(self) -> int: ...
    @property
    def field_label(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def value(self) -> str | None: ...


ERROR_HEADERS = ("行号", "字段", "错误", "原值")
# A safety net under the callers' own masking: nothing shaped like an ID number or a
# mobile number leaves in full.
_ID_SHAPE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_MOBILE_SHAPE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def scrub(text: str | None) -> str:
    if not text:
        return ""
    text = _ID_SHAPE.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE_SHAPE.sub(lambda m: mask_phone(m.group(0)), text)


def write_error_list(path: str | Path, errors: Iterable[ErrorLike]) -> int:
    """Write 行号 / 字段 / 错误 / 原值 to an .xlsx; ID numbers and phones masked.
    Returns the number of error rows written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("错误清单")
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCD", (8, 14, 60, 28), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.append(list(ERROR_HEADERS))
    count = 0
    for error in errors:
        append_row(
            sheet, [error.row_number, error.field_label, scrub(error.message), scrub(error.value)]
        )
        count += 1
    save_workbook(workbook, path)
    return count


# --- the sample template --------------------------------------------------------------

TEMPLATE_HEADERS = (
    "楼号",
    "单元号",
    "房号",
    "建筑面积",
    "房屋类型",
    "房屋状态",
    "业主姓名",
    "性别",
    "出生年月",
    "证件号码",
    "联系电话",
    "备用电话",
    "户籍所在地",
    "联系地址",
    "工作单位",
    "购房日期",
    "收楼日期",
    "入住日期",
    "车牌号",
    "备注",
)
_TEXT_COLUMNS = {"楼号", "单元号", "房号", "出生年月", "证件号码", "联系电话", "备用电话"}
_DATE_COLUMNS = {"购房日期", "收楼日期", "入住日期"}
_WIDTHS = {"证件号码": 22, "联系电话": 15, "备用电话": 15, "联系地址": 28, "户籍所在地": 16}
# Synthetic people: the ID numbers have valid check digits but belong to nobody.
TEMPLATE_EXAMPLES = (
    (
        "1", "1", "101", 89.5, "住宅", "已入住", "张示例", "男", "1985-06",
        "110105198506151236", "13900000001", None, "山东省青岛市", "青岛市市南区示例路1号",
        "示例有限公司", date(2019, 5, 1), date(2019, 10, 1), date(2020, 1, 15), "鲁B12345",
        "示例行，导入前请删除",
    ),
    (
        "1", "1", "102", 112.26, "住宅", "空置", "李样本", "女", "1990-11",
        "370212199011204561", "0532-88886666", "13900000002", None, None, None,
        date(2020, 3, 8), None, None, None, "示例行，导入前请删除",
    ),
)  # fmt: skip
TEMPLATE_NOTES = (
    ("楼号", "必须是系统中已有的楼号（先在「房屋」中建楼）；也可用一列「房屋编号」写 3-2-501"),
    ("单元号", "没有单元的楼留空"),
    ("房号", "如 501、1203"),
    ("建筑面积", "平方米，数字，最多两位小数"),
    ("房屋类型", "、".join(UNIT_KINDS) + "；留空为住宅"),
    ("房屋状态", "、".join(UNIT_STATUSES) + "；留空为空置"),
    ("性别", "男 或 女"),
    ("出生年月", "如 1985-06"),
    ("证件号码", "18 位身份证号码；该列须为文本格式，否则 Excel 会丢掉末几位"),
    ("联系电话", "手机 11 位，固定电话带区号，如 0532-88886666"),
    ("购房日期等", "日期，如 2020-05-01"),
    ("车牌号", "多个车牌用顿号或逗号分隔"),
    ("", "同一房屋已有业主时不会被更换：过户请在业主档案中办理"),
)


def write_sample_template(path: str | Path) -> None:
    """A roster a clerk can fill in: Chinese headers, two synthetic example rows, the
    header frozen, ID and phone columns formatted as text, drop-downs for the lists."""
    workbook, sheet = new_workbook("业主花名册")
    sheet.append(list(TEMPLATE_HEADERS))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center")
    grey = Font(color="808080", italic=True)
    for example in TEMPLATE_EXAMPLES:
        sheet.append(list(example))
    for index, header in enumerate(TEMPLATE_HEADERS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(header, max(10, 2 * len(header) + 4))
        style = (
            "@" if header in _TEXT_COLUMNS else "yyyy-mm-dd" if header in _DATE_COLUMNS else None
        )
        if style:
            sheet.column_dimensions[letter].number_format = style
        for row in range(2, 2 + len(TEMPLATE_EXAMPLES)):
            cell = sheet.cell(row=row, column=index)
            cell.font = grey
            if style:
                cell.number_format = style
    sheet.freeze_panes = "A2"
    for header, values in (
        ("房屋类型", UNIT_KINDS),
        ("房屋状态", UNIT_STATUSES),
        ("性别", ("男", "女")),
    ):
        letter = get_column_letter(TEMPLATE_HEADERS.index(header) + 1)
        rule = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True)
        rule.add(f"{letter}2:{letter}5001")
        sheet.add_data_validation(rule)
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "说明"])
    for cell in notes[1]:
        cell.font = bold
    for note in TEMPLATE_NOTES:
        notes.append(list(note))
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 80
    save_workbook(workbook, path)
