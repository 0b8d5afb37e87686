"""The month-end reconciliation as a workbook for finance (.xlsx): sheets 汇总 (the totals
and what was received by method), 按项目 (per fee item) and 欠费账龄 (arrears by age and
item). Amounts are numbers in yuan (``#,##0.00``), rates are percentages, so finance can
sum and check them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.errors import ValidationError
from desk_app.exporting.workbook_files import first_sheet, save_workbook
from desk_app.services.desk import Desk, maintenance
from desk_app.services.ledger import month_close
from desk_app.services.ledger.month_close import MonthReport
from desk_app.services.ledger.month_close_print import status_text

MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
_BOLD = Font(bold=True)


def yuan(fen: int) -> Decimal:
    """Fen as an exact decimal number of yuan (no float on the way)."""
    return Decimal(fen).scaleb(-2)


def _rate(rate: Fraction | None) -> Decimal | None:
    return None if rate is None else Decimal(month_close.rate_per_mille(rate)).scaleb(-3)


def _sheet(
    workbook: Workbook, title: str, header: list[str], widths: list[int], first: bool = False
) -> Worksheet:
    sheet = first_sheet(workbook) if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = _BOLD
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _append(sheet: Worksheet, values: list[object], formats: dict[int, str], bold=False) -> None:
    sheet.append(values)
    row = sheet.max_row
    for column, number_format in formats.items():
        sheet.cell(row=row, column=column).number_format = number_format
    if bold:
        for cell in sheet[row]:
            cell.font = _BOLD


def _summary(workbook: Workbook, figures: MonthReport) -> None:
    sheet = _sheet(workbook, "汇总", ["项目", "金额（元）", "说明"], [30, 16, 40], first=True)
    bounds = figures.bounds
    money = {2: MONEY_FORMAT}
    sheet.append(["账期", bounds.period, f"{bounds.start_on} 至 {bounds.through_on}"])
    sheet.append(["状态", "已月结" if figures.closed else "未月结", status_text(figures)])
    _append(sheet, ["本期应收（到期费用，含调整，不含押金）", yuan(figures.charges_fen), ""], money)
    _append(sheet, ["其中：调整", yuan(figures.adjustments_fen), ""], money)
    _append(
        sheet,
        ["本期实收", yuan(figures.received_fen), f"有效收据 {figures.receipt_count} 张"],
        money,
    )
    _append(sheet, ["当期应收（不含押金）", yuan(figures.collectible_fen), ""], money)
    _append(sheet, ["其中期末前已收", yuan(figures.collected_fen), ""], money)
    _append(
        sheet,
        ["收缴率（当期实收 / 当期应收）", _rate(figures.collection_rate), ""],
        {2: RATE_FORMAT},
    )
    _append(sheet, ["作废收据", yuan(figures.voided_fen), f"{len(figures.voids)} 张"], money)
    _append(sheet, ["退款", yuan(figures.refunds_fen), f"{len(figures.refunds)} 笔"], money)
    _append(sheet, ["期末押金结存", yuan(figures.deposits_held_fen), ""], money)
    _append(sheet, ["期末欠费", yuan(figures.arrears_fen), f"{figures.arrears_units} 户"], money)
    sheet.append([])
    _append(sheet, ["实收按收款方式", "金额（元）", "收据张数"], {}, bold=True)
    for method in figures.methods:
        _append(sheet, [method.method, yuan(method.total_fen), method.count], money)


def _items(workbook: Workbook, figures: MonthReport) -> None:
    header = ["收费项目", "本期计费", "调整", "应收合计", "实收", "收缴率", "期末欠费"]
    sheet = _sheet(workbook, "按项目", header, [16, 14, 12, 14, 14, 10, 14])
    formats = {c: MONEY_FORMAT for c in (2, 3, 4, 5, 7)} | {6: RATE_FORMAT}
    for item in figures.items:
        _append(
            sheet,
            [
                item.item_name,
                yuan(item.charged_fen),
                yuan(item.adjusted_fen),
                yuan(item.due_fen),
                yuan(item.received_fen),
                _rate(item.rate),
                yuan(item.arrears_fen),
            ],
            formats,
        )
    _append(
        sheet,
        [
            "合计",
            yuan(sum(i.charged_fen for i in figures.items)),
            yuan(figures.adjustments_fen),
            yuan(figures.charges_fen),
            yuan(sum(i.received_fen for i in figures.items)),
            _rate(figures.collection_rate),
            yuan(figures.arrears_fen),
        ],
        formats,
        bold=True,
    )


def _ages(workbook: Workbook, figures: MonthReport) -> None:
    names = [i.item_name for i in figures.items if i.arrears_fen]
    header = ["账龄（逾期）", "欠费户数", "欠费金额", *names]
    sheet = _sheet(workbook, "欠费账龄", header, [14, 10, 14, *[14] * len(names)])
    formats = {c: MONEY_FORMAT for c in range(3, 4 + len(names))}
    for age in figures.ages:
        _append(
            sheet,
            [age.label, age.units, yuan(age.fen), *[yuan(age.by_item.get(n, 0)) for n in names]],
            formats,
        )
    totals = {i.item_name: i.arrears_fen for i in figures.items}
    _append(
        sheet,
        [
            "合计",
            figures.arrears_units,
            yuan(figures.arrears_fen),
            *[yuan(totals[n]) for n in names],
        ],
        formats,
        bold=True,
    )
    sheet.append([])
    sheet.append([month_close.AGES_NOTE])


def export_report(
    desk: Desk, period: str, path: Path, figures: MonthReport | None = None
) -> MonthReport:
    """Write the period's reconciliation to ``path`` (.xlsx); returns the figures written
    (``figures``: the period's report when already read)."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("导出文件应以 .xlsx 结尾。", field="path")
    figures = figures or month_close.report(desk, period)
    workbook = Workbook()
    _summary(workbook, figures)
    _items(workbook, figures)
    _ages(workbook, figures)
    save_workbook(workbook, target, seal=maintenance.seal_of(desk))
    return figures
