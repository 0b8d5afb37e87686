"""Writing a table of rows to .xlsx for head office: write-only (flat memory),
a frozen bold header, text cells for numbers that must keep their digits, and text that
looks like a formula written as text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desk_app.exporting.text_cells import append_row
from desk_app.exporting.workbook_files import save_workbook


def write_table(
    path: Path,
    sheet_title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    widths: Sequence[int] | None = None,
    seal: str | None = None,
) -> int:
    """Write ``rows`` under ``header``; returns the number of data rows written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        append_row(sheet, ["" if value is None else value for value in row])
        count += 1
    save_workbook(workbook, path, seal=seal)
    return count


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
