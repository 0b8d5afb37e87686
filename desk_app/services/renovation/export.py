"""The renovation list (装修申请及许可证一览) as rows for the screen and the command line,
and as a workbook — Chinese headers, text only, the desk's seal on the last sheet."""

from __future__ import annotations

from pathlib import Path

from desk_app.core.money import format_fen
from desk_app.core.renovation import APPLICANT_ROLE_LABELS
from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.services.desk import Desk, maintenance
from desk_app.services.renovation import applications
from desk_app.services.renovation.applications import ApplicationView

HEADERS = (
    "申请编号",
    "房号",
    "申请人",
    "装修单位",
    "装修负责人",
    "装修项目",
    "计划工期",
    "状态",
    "装修费用",
    "未缴",
    "许可证号",
    "许可期限",
)


def cells(line: ApplicationView) -> list[str]:
    row = line.application
    permit = line.permit
    applicant = f"{row.applicant_name}（{APPLICANT_ROLE_LABELS[row.applicant_role]}）"
    return [
        row.number,
        row.unit_code,
        applicant,
        row.contractor,
        row.foreman_name,
        "、".join(row.works),
        f"{row.planned_start}至{row.planned_end}",
        row.state,
        format_fen(sum(f.amount_fen for f in line.fees)) if line.fees else "",
        format_fen(line.outstanding_fen) if line.outstanding_fen else "",
        permit.number if permit else "",
        f"{permit.starts_on}至{permit.ends_on}" if permit else "",
    ]


def rows(desk: Desk, *, active: bool = False) -> list[list[str]]:
    return [cells(line) for line in applications.applications(desk, active=active)]


def export_list(desk: Desk, path: str | Path, *, active: bool = False) -> int:
    """The applications (all, or the active ones) to ``path``; how many."""
    lines = rows(desk, active=active)
    workbook, sheet = new_workbook("装修申请及许可证")
    sheet.append(list(HEADERS))
    for line in lines:
        sheet.append(line)
    save_workbook(workbook, Path(path), seal=maintenance.seal_of(desk))
    return len(lines)
