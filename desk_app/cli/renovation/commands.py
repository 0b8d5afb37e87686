"""desk-app renovation …: the applications and permits (装修申请及许可证) on screen or as
.xlsx for head office."""

from __future__ import annotations

from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.services.renovation import export


def register(group: click.Group) -> None:
    """Add ``renovation`` to the ``desk-app`` group."""
    group.add_command(renovation_group)


@click.group("renovation")
def renovation_group() -> None:
    """装修与放行：装修申请及许可证一览。"""


def _echo_table(headers: tuple[str, ...], rows: list[list[str]]) -> None:
    widths = [
        max([output.text_width(h), *(output.text_width(r[i]) for r in rows)])
        for i, h in enumerate(headers)
    ]
    click.echo("  ".join(output.pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        click.echo("  ".join(output.pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


@renovation_group.command("list")
@click.option("--active", is_flag=True, help="只列未驳回的申请（审核中、已批准、已发证）。")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="导出为 Excel 文件。",
)
@click.pass_context
def list_applications(ctx: click.Context, active: bool, out: Path | None) -> None:
    """列出装修申请及其许可证（编号、房号、申请人、状态、费用、许可期限）。"""
    with options.open_for_reading(ctx) as desk:
        if out is not None:
            output.check_suffix(out, ".xlsx")
            count = export.export_list(desk, out, active=active)
            click.echo(f"已导出 {count} 份装修申请到 {out}。")
            return
        rows = export.rows(desk, active=active)
        _echo_table(export.HEADERS, rows)
        click.echo(f"共 {len(rows)} 份。")
