"""desk-app import-roster / export-roster: the owner roster in and out without the window.

The command line has no login: rows are written as actor "cli" with no operator or
shift. Errors in the file are listed (masked) and nothing is written unless every row is
valid or ``--only-valid`` is given.
"""

from __future__ import annotations

from pathlib import Path

import click

from desk_app.cli import options
from desk_app.core.errors import ValidationError
from desk_app.services.directory import roster_export as directory_export
from desk_app.services.directory import roster_import

SHOWN_ERRORS = 20


@click.command("import-roster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", metavar="NAME", help="工作表名称（默认：第一个能识别表头的工作表）。")
@click.option("--only-valid", is_flag=True, help="有错误时只导入正确的行。")
@click.option(
    "--errors",
    "errors_out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="OUT.xlsx",
    help="把错误清单写入 .xlsx（证件号码和电话已遮蔽）。",
)
@click.option("--dry-run", is_flag=True, help="只检查并显示将做的改动，不写入。")
@click.pass_context
def import_roster(
    ctx: click.Context,
    file: Path,
    sheet: str | None,
    only_valid: bool,
    errors_out: Path | None,
    dry_run: bool,
) -> None:
    """从 Excel 导入业主花名册（房屋、业主、车辆）。"""
    roster = roster_import.load_roster(file, sheet=sheet)
    mapping = roster_import.guess_mapping(roster.headers)
    columns = "、".join(
        _column(roster.headers[column], roster_import.LABELS[key])
        for key, column in sorted(mapping.items(), key=lambda item: item[1])
    )
    click.echo(
        f"工作表「{roster.sheet_name}」：表头在第 {roster.header_row} 行，数据 {len(roster.rows)} 行"
    )
    click.echo(f"识别的列：{columns or '无'}")
    if not roster.rows:
        raise ValidationError("工作表中没有数据行。")
    with options.open_for_writing(ctx) as desk:
        check = roster_import.validate(desk, roster.rows, mapping, source=file.name)
        if check.errors:
            _report_errors(check, errors_out)
            if not only_valid:
                click.echo(
                    "未写入任何数据。改正后重新导入，或加 --only-valid 只导入正确的行。", err=True
                )
                ctx.exit(1)
        if dry_run:
            click.echo(f"试运行，未写入。将会：{check.planned.summary()}")
            return
        result = roster_import.import_roster(desk, check, only_valid=only_valid, actor="cli").value
    click.echo(f"导入完成：{result.summary()}" if result.changed else "数据已是最新，未做改动。")


def _column(header: str, label: str) -> str:
    return header if header == label else f"{header}→{label}"


def _report_errors(check: roster_import.RosterCheck, errors_out: Path | None) -> None:
    click.echo(f"发现 {len(check.errors)} 处错误，涉及 {check.error_rows} 行：")
    for error in check.errors[:SHOWN_ERRORS]:
        label = f" {error.field_label}" if error.field_label else ""
        click.echo(f"  第 {error.row_number} 行{label}：{error.message}")
    if len(check.errors) > SHOWN_ERRORS:
        click.echo(f"  …… 另有 {len(check.errors) - SHOWN_ERRORS} 处")
    if errors_out is not None:
        roster_import.write_error_list(errors_out, check)
        click.echo(f"错误清单已保存：{errors_out}")


@click.command("export-roster")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_roster(ctx: click.Context, out: Path) -> None:
    """导出业主名册（.xlsx，证件号码和电话已遮蔽）。"""
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("输出文件应以 .xlsx 结尾", param_hint="OUT")
    with options.open_for_writing(ctx) as desk:
        count = directory_export.export_roster(desk, out).value
    click.echo(f"已导出 {count} 行到 {out}（证件号码和电话已遮蔽）。")


def register(group: click.Group) -> None:
    """Add ``import-roster``, ``export-roster`` to the ``desk-app`` group."""
    group.add_command(import_roster)
    group.add_command(export_roster)
