"""desk-app export-roster: the owner roster for head office, masked."""

from __future__ import annotations

from pathlib import Path

import click

from desk_app.services.desk import Desk
from desk_app.services.directory import roster_export as directory_export


@click.command("export-roster")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_roster(ctx: click.Context, out: Path) -> None:
    """导出业主名册（.xlsx，证件号码和电话已遮蔽）。"""
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("输出文件应以 .xlsx 结尾", param_hint="OUT")
    with Desk.open(ctx.obj["db"], exclusive=False) as desk:
        count = directory_export.export_roster(desk, out)
    click.echo(f"已导出 {count} 行到 {out}（证件号码和电话已遮蔽）。")
