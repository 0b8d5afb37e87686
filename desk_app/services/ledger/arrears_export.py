"""The arrears list as an .xlsx workbook (欠费催缴表) for the manager or head office: a title
with the day and the filter, a frozen header, one row per owing unit as the list shows it
(phones masked), amounts as numbers in yuan, and a total row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.services.desk import Desk, maintenance
from desk_app.services.ledger import arrears
from desk_app.services.ledger.arrears import ArrearsRow

SHEET_TITLE = "欠费催缴表"
HEADER = [
    "房号",
    "客户名称",
    "电话",
    "欠费金额",
    "最早欠费月份",
    "欠费月数",
    "催缴阶段",
    "滞纳金",
    "水电欠费天数",
    "最近催缴",
    "催缴日期",
]
WIDTHS = [16, 12, 14, 14, 13, 9, 12, 12, 12, 14, 12]
AMOUNT_COLUMNS = (4, 8)  # 欠费金额, 滞纳金
MONEY_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class ArrearsExport:
    path: Path
    count: int
    owed_fen: int
    late_fee_fen: int


def filter_text(stage: int | None, building: str | None) -> str:
    """``第二阶段，3栋`` — or ``全部`` without a filter."""
    parts = []
    if stage is not None:
        parts.append(arrears.STAGE_LABELS[stage])
    if building:
        parts.append(f"{building}栋")
    return "，".join(parts) or "全部"


def _cells(row: ArrearsRow) -> list[object]:
    return [
        row.unit_text,
        row.customer,
        row.phone_masked,
        row.owed_fen / 100,
        date.fromisoformat(row.oldest_due_on),
        row.months_overdue,
        row.stage_label,
        row.late_fee_fen / 100,
        row.utility_days,
        row.last_action_label,
        date.fromisoformat(row.last_action_on) if row.last_action_on else None,
    ]


def export_arrears(
    desk: Desk,
    path: Path,
    on: date | str | None = None,
    *,
    stage: int | None = None,
    building: str | None = None,
) -> ArrearsExport:
    """Write the arrears list (as ``arrears.arrears`` gives it) to ``path``."""
    rows = arrears.arrears(desk, on, stage=stage, building=building)
    day = arrears.day_of(desk, on)
    workbook, sheet = new_workbook(SHEET_TITLE)
    title = f"{SHEET_TITLE}　截至 {day.isoformat()}　（{filter_text(stage, building)}）"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(HEADER)
    for column in range(1, len(HEADER) + 1):
        cell = sheet.cell(row=2, column=column)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    sheet.freeze_panes = "A3"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in rows:
        sheet.append(_cells(row))
    owed = sum(r.owed_fen for r in rows)
    late = sum(r.late_fee_fen for r in rows)
    total = [f"合计 {len(rows)} 户", None, None, owed / 100, None, None, None, late / 100]
    sheet.append(total)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row_cells in sheet.iter_rows(min_row=3, max_row=sheet.max_row):
        for column in AMOUNT_COLUMNS:
            row_cells[column - 1].number_format = MONEY_FORMAT
        row_cells[4].number_format = "yyyy-mm"
        row_cells[10].number_format = "yyyy-mm-dd"
    save_workbook(workbook, Path(path), seal=maintenance.seal_of(desk))
    return ArrearsExport(Path(path), len(rows), owed, late)
