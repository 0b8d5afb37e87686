"""desk-app movein …: the defect list and the day's hand-overs as .xlsx for head office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core.errors import ValidationError
from desk_app.services.movein import export


def register(group: click.Group) -> None:
    """Add ``movein`` to the ``desk-app`` group."""
    group.add_command(movein_group)


@click.group("movein")
def movein_group() -> None:
    """入住交房：遗留问题清单、收楼情况汇总。"""


OUT = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="导出的 Excel 文件。",
)


@movein_group.command("defects")
@click.option("--open", "open_only", is_flag=True, help="只列未整改完的问题。")
@click.option("--building", metavar="B", help="只列该楼栋。")
@OUT
@click.pass_context
def defects(ctx: click.Context, open_only: bool, building: str | None, out: Path) -> None:
    """导出遗留问题清单（每个问题一行）。"""
    output.check_suffix(out, ".xlsx")
    with options.open_for_reading(ctx) as desk:
        count = export.export_defects(desk, out, open_only=open_only, building=building)
    click.echo(f"已导出 {count} 个遗留问题到 {out}。")


@movein_group.command("summary")
@click.option("--day", required=True, metavar="YYYY-MM-DD", help="收楼日期。")
@OUT
@click.pass_context
def summary(ctx: click.Context, day: str, out: Path) -> None:
    """导出某日的收楼情况汇总（每户一行）。"""
    output.check_suffix(out, ".xlsx")
    try:
        on = date.fromisoformat(day.strip()).isoformat()
    except ValueError:
        raise ValidationError("日期格式不正确（如 2026-11-25）。", field="day") from None
    with options.open_for_reading(ctx) as desk:
        count = export.export_day_summary(desk, on, out)
    click.echo(f"已导出 {on} 的 {count} 户收楼情况到 {out}。")
