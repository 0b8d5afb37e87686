"""Saving a workbook the desk hands out: written beside the target as ``.partial`` and
moved into place, so a full disk or a file open in Excel never leaves half a file; and
never with a formula in it (``text_cells``)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.errors import EnvironmentFault
from desk_app.exporting.text_cells import keep_formulas_out


def first_sheet(workbook: Workbook) -> Worksheet:
    """The sheet a new workbook starts with."""
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    return sheet


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A workbook with its first sheet named ``title``."""
    workbook = Workbook()
    sheet = first_sheet(workbook)
    sheet.title = title
    return workbook, sheet


def save_workbook(workbook: Workbook, path: str | Path) -> None:
    """Save ``workbook`` to ``path`` atomically. Text that looks like a formula is written
    as text (a write-only workbook's rows go through ``text_cells.append_row``)."""
    if not workbook.write_only:
        keep_formulas_out(workbook)
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise EnvironmentFault(f"无法写入文件 {target}：{error.strerror or error}") from error
