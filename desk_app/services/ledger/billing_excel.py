"""The billing sheet and meter readings in Excel.

- The billing sheet (计费表) for finance to check: a title row, Chinese headers, one row
  per charge sorted by building and room, readings and amounts as numbers, a total row;
  the header stays in view and repeats on every printed page.
- A readings template for one building and metered item (房号, 客户名称, 上次读数, and
  本次读数 left blank for the meter reader), and the import of a filled one: every row is
  checked first (unknown room, not a number, below the previous reading, absurd usage, a
  cell starting with = or @) and nothing is written unless all of them are good; then one
  transaction. A damaged or hostile file is refused in one line by ``xlsx_safety``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.address import parse_unit_address
from desk_app.core.errors import ValidationError
from desk_app.exporting.roster_files import read_roster
from desk_app.exporting.text_cells import refusal_message, refused_on_import
from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.services.desk import Desk, maintenance
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import billing, fee_items
from desk_app.services.ledger.billing import BillingSheet, ReadingRow
from desk_app.services.operations import Done

SHEET_HEADERS = (
    "房号",
    "客户名称",
    "项目",
    "上次读数",
    "本次读数",
    "用量",
    "单价",
    "金额",
    "应缴日期",
)
SHEET_WIDTHS = (12, 14, 14, 11, 11, 11, 10, 13, 12)
TEMPLATE_HEADERS = ("房号", "客户名称", "上次读数", "本次读数")
TEMPLATE_WIDTHS = (14, 16, 13, 13)
MONEY_FORMAT = "#,##0.00"
READING_FORMAT = "0.00"
PRICE_FORMAT = "0.00#"
DATE_FORMAT = "yyyy-mm-dd"
SHOWN_ERRORS = 30

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_THIN = Side(style="thin", color="999999")
_HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_INPUT_FILL = PatternFill("solid", fgColor="FFF6D5")
_PERIOD_IN_TITLE = re.compile(r"\b(\d{4}-\d{2})\b")
_CODE_IN_TITLE = re.compile(r"（([a-z][a-z0-9_]*)）")


def _title_row(sheet: Worksheet, text: str, columns: int) -> None:
    sheet.append([text])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    cell = sheet.cell(row=1, column=1)
    cell.font = _TITLE
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 24


HEADER_ROW = 2  # under the title row; data from row 3


def _header_row(sheet: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    sheet.append(list(headers))
    row = HEADER_ROW
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=row, column=column)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        cell.border = Border(bottom=_THIN)
    sheet.freeze_panes = f"A{row + 1}"  # naming the cell must not create it
    sheet.print_title_rows = f"1:{row}"


def _number(centi: int | None) -> float | None:
    return None if centi is None else centi / 100


_SHEET_FORMATS = {
    4: READING_FORMAT,
    5: READING_FORMAT,
    6: READING_FORMAT,
    7: PRICE_FORMAT,
    8: MONEY_FORMAT,
    9: DATE_FORMAT,
}


def _put(ws: Worksheet, row: int, values: list[Any]) -> None:
    for column, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        cell = ws.cell(row=row, column=column, value=value)
        if column in _SHEET_FORMATS:
            cell.number_format = _SHEET_FORMATS[column]


# --- the billing sheet -------------------------------------------------------------------------------


def export_sheet(desk: Desk, sheet: BillingSheet, path: str | Path) -> int:
    """Write the billing sheet to ``path`` (.xlsx); returns the number of charge rows."""
    estate = settings_service.get(desk, "estate.name")
    workbook, ws = new_workbook(f"计费表{sheet.period}")
    status = f"已入账（第 {sheet.run_id} 号）" if sheet.posted else "未入账（预览）"
    _title_row(
        ws,
        f"{estate} 计费表 {sheet.period}　{sheet.item_names}　{sheet.scope}　{status}",
        len(SHEET_HEADERS),
    )
    _header_row(ws, SHEET_HEADERS, SHEET_WIDTHS)
    # Rows are counted here: ``ws.max_row`` scans every cell and would make this quadratic.
    row = HEADER_ROW
    for line in sheet.lines:
        row += 1
        _put(
            ws,
            row,
            [
                line.unit_code,
                line.customer,
                line.item_name,
                _number(line.previous_centi),
                _number(line.current_centi),
                _number(line.quantity_centi),
                None if line.price_milli_yuan is None else line.price_milli_yuan / 1000,
                line.amount_fen / 100,
                date.fromisoformat(line.due_on),
            ],
        )
    for total in sheet.totals:
        row += 1
        _put(
            ws, row, ["小计", f"{total.count} 笔", total.name, *[None] * 4, total.amount_fen / 100]
        )
    row += 1
    _put(ws, row, ["合计", f"{sheet.count} 笔", *[None] * 5, sheet.total_fen / 100])
    for column in range(1, len(SHEET_HEADERS) + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = _BOLD
        cell.border = Border(top=_THIN)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    save_workbook(workbook, Path(path), seal=maintenance.seal_of(desk))
    return len(sheet.lines)


# --- the readings template ---------------------------------------------------------------------------


def _template_title(estate: str, item_name: str, item_code: str, period: str, building: str) -> str:
    return f"{estate} 抄表单 {item_name}（{item_code}） {period} {building}栋"


def write_readings_template(
    desk: Desk, path: str | Path, *, period: str, item_code: str, building: str
) -> int:
    """The building's rooms with their previous reading, 本次读数 blank; returns rows."""
    period = billing.parse_period(period)
    item = fee_items.fee_item(desk, item_code.strip().lower())
    rows = billing.reading_sheet(desk, period, item.code, building=building)
    if not rows:
        raise ValidationError(f"{billing.building_code(building)}栋没有房屋。", field="building")
    estate = settings_service.get(desk, "estate.name")
    workbook, ws = new_workbook(f"抄表{period}")
    _title_row(
        ws,
        _template_title(estate, item.name, item.code, period, rows[0].building),
        len(TEMPLATE_HEADERS),
    )
    _header_row(ws, TEMPLATE_HEADERS, TEMPLATE_WIDTHS)
    for number, row in enumerate(rows, start=HEADER_ROW + 1):
        ws.cell(row=number, column=1, value=row.unit_code)
        if row.customer:
            ws.cell(row=number, column=2, value=row.customer)
        if row.previous_centi is not None:
            ws.cell(row=number, column=3, value=_number(row.previous_centi))
        ws.cell(row=number, column=3).number_format = READING_FORMAT
        entry = ws.cell(row=number, column=4)
        entry.number_format = READING_FORMAT
        entry.fill = _INPUT_FILL
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    save_workbook(workbook, Path(path))
    return len(rows)


# --- importing a filled template ---------------------------------------------------------------------


class ReadingsImportRefused(ValidationError):
    """The file has bad rows; ``errors`` lists every one as 第 N 行：…; nothing was written."""

    def __init__(self, errors: list[str]) -> None:
        shown = errors[:SHOWN_ERRORS]
        more = len(errors) - len(shown)
        text = "\n".join(shown) + (f"\n…… 另有 {more} 处错误" if more else "")
        super().__init__(f"有 {len(errors)} 处错误，未导入任何读数：\n{text}", field="file")
        self.errors = errors


@dataclass(frozen=True)
class ImportedReadings:
    count: int  # readings recorded
    blank: int  # rows left blank (not read this time)


def _is_header(texts: Sequence[str]) -> bool:
    return "房号" in texts and "本次读数" in texts


def _room_key(text: str) -> str | None:
    try:
        short = parse_unit_address(text).short
    except ValidationError:
        return None
    head, _, room = short.rpartition("-")
    if room.isdigit() and len(room) == 4 and room.startswith("0"):
        room = room[1:]
    return f"{head}-{room}".lstrip("-").upper()


def _check_title(title: str, period: str, item_code: str) -> list[str]:
    """A template made for another month or item is refused outright."""
    errors = []
    found = _PERIOD_IN_TITLE.search(title)
    if found and found.group(1) != period:
        errors.append(f"第 1 行：这是 {found.group(1)} 的抄表单，不是 {period} 的。")
    code = _CODE_IN_TITLE.search(title)
    if code and code.group(1) != item_code:
        errors.append(f"第 1 行：这是“{code.group(1)}”的抄表单，不是“{item_code}”的。")
    return errors


def import_readings(
    desk: Desk,
    path: str | Path,
    *,
    period: str,
    item_code: str,
    building: str | None = None,
) -> Done[ImportedReadings]:
    """Check every row of a filled readings template, then record them all in one
    transaction (source 'excel'); any bad row refuses the whole file."""
    period = billing.parse_period(period)
    item = fee_items.fee_item(desk, item_code.strip().lower())
    building = billing.building_code(building)
    sheet = read_roster(path, is_header=_is_header)
    if not _is_header(sheet.headers):
        raise ValidationError("没有找到表头（须有“房号”和“本次读数”两列）。", field="file")
    room_col = sheet.headers.index("房号")
    reading_col = sheet.headers.index("本次读数")
    rows = billing.reading_sheet(desk, period, item.code, building=building)
    by_key: dict[str, ReadingRow] = {}
    for row in rows:
        key = _room_key(row.unit_code)
        by_key[key or row.unit_code] = row
    errors: list[str] = []
    if sheet.header_row > 1:
        errors.extend(_check_title(sheet.title, period, item.code))
    first_row: dict[int, int] = {}
    entries: list[tuple[int, str]] = []
    blank = 0
    for sheet_row in sheet.rows:
        values = sheet_row.values
        room = (values[room_col] if room_col < len(values) else None) or ""
        text = (values[reading_col] if reading_col < len(values) else None) or ""
        where = f"第 {sheet_row.number} 行"
        refused = [
            f"{where} {label}：{refusal_message(cell)}"
            for label, cell in (("房号", room), ("本次读数", text))
            if refused_on_import(cell)
        ]
        if refused:
            errors.extend(refused)
            continue
        if not room:
            if text:
                errors.append(f"{where}：没有房号。")
            continue
        key = _room_key(room)
        unit = by_key.get(key) if key else None
        if unit is None:
            scope = f"{building}栋" if building else "本小区"
            errors.append(f"{where}：房号 {room} 不在{scope}的房屋中。")
            continue
        if not text:
            blank += 1
            continue
        try:
            centi = billing.parse_reading_centi(text)
        except ValidationError as error:
            errors.append(f"{where}：{unit.unit_code} {error.message}")
            continue
        if unit.unit_id in first_row:
            errors.append(f"{where}：{unit.unit_code} 与第 {first_row[unit.unit_id]} 行重复。")
            continue
        first_row[unit.unit_id] = sheet_row.number
        problem = unit.problem(centi)
        if problem:
            errors.append(f"{where}：{unit.unit_code} {problem}")
            continue
        entries.append((unit.unit_id, text))
    if errors:
        raise ReadingsImportRefused(errors)
    if not entries:
        raise ValidationError("文件中没有填写任何本次读数。", field="file")
    recorded = billing.record_readings(desk, period, item.code, entries, source="excel")
    return recorded.then(ImportedReadings(recorded.value, blank))
