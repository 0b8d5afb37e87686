"""desk-app shifts list / report / operators: who kept the desk, and their handover reports.

Read-only: shifts are opened and handed over in the window, where both operators sign.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.services.shifts import handover, login, operators

SHIFT_HEADERS = ("编号", "班次", "值班人", "开班时间", "交班时间", "接班人", "状态", "交接说明")
SHIFT_STATUS_LABELS = {
    "open": "值班中",
    "handed_over": "已交班",
    "day_closed": "日终关班",
    "closed_unattended": "未交接关班",
}
OPERATOR_HEADERS = ("登录名", "姓名", "角色", "状态")


def register(group: click.Group) -> None:
    """Add ``shifts`` to the ``desk-app`` group."""
    group.add_command(shifts_group)


@click.group("shifts")
def shifts_group() -> None:
    """班次与交接班：查询班次、导出交接班报告、列出操作员。"""


@shifts_group.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True, help="条数。")
@click.pass_context
def list_shifts(ctx: click.Context, limit: int) -> None:
    """列出最近的班次（最新的在前）。"""
    with options.open_for_reading(ctx) as desk:
        shifts = login.recent_shifts(desk, limit)

    def rows() -> Iterator[list[str]]:
        for shift in shifts:
            yield [
                str(shift.id),
                shift.name,
                shift.operator_name,
                output.time_text(shift.opened_at),
                output.time_text(shift.closed_at),
                shift.incoming_operator_name or "",
                SHIFT_STATUS_LABELS.get(shift.status, shift.status),
                output.one_line(shift.note),
            ]

    listing = output.Listing(SHIFT_HEADERS, len(shifts), len(shifts), rows, "班次")
    output.emit(listing, as_csv=False, out=None)


@shifts_group.command("report")
@click.argument("shift_id", type=int)
@options.PDF_OUT
@click.pass_context
def report(ctx: click.Context, shift_id: int, out: Path) -> None:
    """导出班次 SHIFT_ID 的交接班报告 PDF（有存档的为存档原件，其余按现有记录生成）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_reading(ctx) as desk:
        result = handover.report_of(desk, shift_id)
    output.write_pdf(out, result.pdf)
    if result.archived:
        kind = "交班时存档的交接班报告"
    elif result.open:
        kind = "值班中，尚未交班：到现在为止的报告预览"
    else:
        kind = "存档中没有这份报告：按现有记录生成"
    click.echo(f"班次 {shift_id}：{kind}，已保存到 {out}")


@shifts_group.command("operators")
@click.pass_context
def list_operators(ctx: click.Context) -> None:
    """列出操作员（登录名、姓名、角色、是否停用）。"""
    with options.open_for_reading(ctx) as desk:
        accounts = operators.list_operators(desk)

    def rows() -> Iterator[list[str]]:
        for account in accounts:
            yield [
                account.username,
                account.display_name,
                operators.role_label(account.role),
                "在用" if account.active else "已停用",
            ]

    listing = output.Listing(OPERATOR_HEADERS, len(accounts), len(accounts), rows, "操作员")
    output.emit(listing, as_csv=False, out=None)
