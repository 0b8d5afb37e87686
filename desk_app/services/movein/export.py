"""Move-in workbooks for head office: the defect list (遗留问题清单) and the day's
hand-overs (收楼情况汇总) — Chinese headers, one row per line, text only (no formulas),
the desk's seal on the last sheet."""

from __future__ import annotations

from pathlib import Path

from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.services.desk import Desk, maintenance
from desk_app.services.movein import reports

DEFECT_HEADERS = (
    "房号",
    "房间",
    "项目",
    "问题类别",
    "问题描述",
    "发现日期",
    "整改期限",
    "维修单号",
    "工单状态",
    "整改状态",
    "复验日期",
    "照片数",
)
SUMMARY_HEADERS = (
    "房号",
    "业主",
    "代理人",
    "收房时间",
    "结果",
    "保留意见/拒收原因",
    "遗留问题数",
    "交付钥匙",
    "门禁卡数",
)


def export_defects(
    desk: Desk,
    path: str | Path,
    *,
    open_only: bool = False,
    building: str | None = None,
    late_only: bool = False,
) -> int:
    """The defects (all, the open or the late ones; of a building) to ``path``; how many."""
    lines = reports.defect_lines(desk, open_only=open_only, building=building, late_only=late_only)
    workbook, sheet = new_workbook("遗留问题清单")
    sheet.append(list(DEFECT_HEADERS))
    for line in lines:
        sheet.append(
            [
                line.unit,
                line.room,
                line.item,
                line.category,
                line.note,
                line.found_on,
                line.due_on,
                line.order_no,
                line.order_status,
                line.state,
                line.closed_on,
                line.photos,
            ]
        )
    save_workbook(workbook, Path(path), seal=maintenance.seal_of(desk))
    return len(lines)


def export_day_summary(desk: Desk, day: str, path: str | Path) -> int:
    """收楼情况汇总 of ``day`` to ``path``; how many hand-overs."""
    lines = reports.day_summary(desk, day)
    workbook, sheet = new_workbook(f"收楼情况汇总{day}")
    sheet.append(list(SUMMARY_HEADERS))
    for line in lines:
        sheet.append(
            [
                line.unit,
                line.owner,
                line.agent,
                line.closed_at,
                line.outcome,
                line.note,
                line.defects,
                line.keys,
                line.cards,
            ]
        )
    save_workbook(workbook, Path(path), seal=maintenance.seal_of(desk))
    return len(lines)
