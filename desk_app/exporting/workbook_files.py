"""Saving a workbook the desk hands out: written beside the target as ``.partial`` and
moved into place, so a full disk or a file open in Excel never leaves half a file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.core.errors import EnvironmentFault


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
    sheet.append(["封存码", seal or "（无审计记录）"])
    sheet.append(["说明", "导出时数据库审计链的末条记录；在前台运行 desk-app check --seal 核对"])


def save_workbook(workbook: Workbook, path: str | Path, *, seal: str | None = None) -> None:
    """Save ``workbook``; with ``seal``, a head-office pack: its last sheet carries it."""
    if seal is not None:
        add_seal_sheet(workbook, seal)
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise EnvironmentFault(f"无法写入文件 {target}：{error.strerror or error}") from error
