"""Saving a workbook the desk hands out: written beside the target as ``.partial`` and
moved into place, so a full disk or a file open in Excel never leaves half a file; and
never with a formula in it (``text_cells``)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.errors import EnvironmentFault
from desk_app.exporting.text_cells import append_row, keep_formulas_out


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


SEAL_SHEET = "封存码"


def add_seal_sheet(workbook: Workbook, seal: str | None) -> None:
    """A last sheet with the desk's seal (the audit chain's head when the workbook was
    made): head office keeps it, and ``desk-app check --seal`` proves the desk's file still
    holds that history."""
    sheet = workbook.create_sheet(SEAL_SHEET)
    rows = [
        ["封存码", seal or "（无审计记录）"],
        ["说明", "导出时数据库审计链的末条记录；在前台运行 desk-app check --seal 核对"],
    ]
    for row in rows:
        if workbook.write_only:
            append_row(sheet, row)
        else:
            sheet.append(row)


def save_workbook(workbook: Workbook, path: str | Path, *, seal: str | None = None) -> None:
    """Save ``workbook`` to ``path`` atomically; with ``seal``, a head-office pack whose last
    sheet carries it. Text that looks like a formula is written as text (a write-only
    workbook's rows go through ``text_cells.append_row``)."""
    if seal is not None:
        add_seal_sheet(workbook, seal)
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
