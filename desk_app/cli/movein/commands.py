"""desk-app movein …: the defect list and the day's hand-overs as .xlsx for head office; the
printed forms (入住通知单 of a batch, a unit's 房屋交接验收单, 入住程序表 and 遗留问题整改记录,
the day's 收楼情况汇总) as PDF, archived like every printout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.movein import batches, export, printing


def register(group: click.Group) -> None:
    """Add ``movein`` to the ``desk-app`` group."""
    group.add_command(movein_group)


@click.group("movein")
def movein_group() -> None:
    """入住交房：入住通知单、验收单、程序表、遗留问题、收楼情况汇总。"""


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
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf|FILE.xlsx",
    help="打印的 PDF（存档）或导出的 Excel 文件。",
)
@click.pass_context
def summary(ctx: click.Context, day: str, out: Path) -> None:
    """某日的收楼情况汇总：.pdf 打印并存档，.xlsx 导出（每户一行）。"""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise click.BadParameter("输出文件应以 .pdf 或 .xlsx 结尾", param_hint="--out")
    try:
        on = date.fromisoformat(day.strip()).isoformat()
    except ValueError:
        raise ValidationError("日期格式不正确（如 2026-11-25）。", field="day") from None
    if suffix == ".pdf":
        with options.open_for_writing(ctx) as desk:
            printed = printing.print_daily_summary(desk, on).value
        output.write_pdf(out, printed.pdf)
        click.echo(f"{on} 的收楼情况汇总已保存到 {out}，存档编号 {printed.id}。")
        return
    with options.open_for_reading(ctx) as desk:
        count = export.export_day_summary(desk, on, out)
    click.echo(f"已导出 {on} 的 {count} 户收楼情况到 {out}。")


PDF_OUT = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="保存 PDF 的文件。",
)


@movein_group.command("notices")
@click.option("--batch", "batch_text", required=True, metavar="B", help="交付批次的名称或编号。")
@click.option("--building", metavar="B", help="只打印该楼栋。")
@click.option(
    "--how",
    default=printing.NOTICE_WAY,
    show_default=True,
    metavar="WAY",
    help="通知方式（短信、电话、邮寄、当面、微信）。",
)
@PDF_OUT
@click.pass_context
def notices(ctx: click.Context, batch_text: str, building: str | None, how: str, out: Path) -> None:
    """打印交付批次的入住通知单（一个 PDF，每户一页起），存档并记为已通知。"""
    output.check_suffix(out, ".pdf")
    where = options.building_code(building)
    with options.open_for_writing(ctx) as desk:
        batch = batches.find_batch(desk, batch_text)
        printed = printing.print_notices(desk, batch.id, building=where, how=how).value
    output.write_pdf(out, printed.pdf)
    click.echo(
        f"入住通知单 {len(printed.batch_unit_ids)} 户已保存到 {out}，存档编号 {printed.id}。"
    )


def _unit_id(desk: Desk, text: str) -> int:
    if not text.strip():
        raise ValidationError("请填写房号。", field="unit")
    return estate.find_unit(desk, text).id


def _unit_form(
    ctx: click.Context, unit: str, out: Path, what: str, print_it: printing.UnitPrint
) -> None:
    output.check_suffix(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        printed = print_it(desk, _unit_id(desk, unit)).value
    output.write_pdf(out, printed.pdf)
    click.echo(f"{what}已保存到 {out}，存档编号 {printed.id}。")


@movein_group.command("sheet")
@click.argument("unit", metavar="UNIT")
@PDF_OUT
@click.pass_context
def sheet(ctx: click.Context, unit: str, out: Path) -> None:
    """打印某户最近一次收房的房屋交接验收单。"""
    _unit_form(ctx, unit, out, "房屋交接验收单", printing.print_inspection_sheet)


@movein_group.command("routing-slip")
@click.argument("unit", metavar="UNIT")
@PDF_OUT
@click.pass_context
def routing_slip(ctx: click.Context, unit: str, out: Path) -> None:
    """打印某户收房的入住程序表（按目前办理情况）。"""
    _unit_form(ctx, unit, out, "入住程序表", printing.print_routing_slip)


@movein_group.command("defect-list")
@click.argument("unit", metavar="UNIT")
@PDF_OUT
@click.pass_context
def defect_list(ctx: click.Context, unit: str, out: Path) -> None:
    """打印某户的遗留问题整改记录（交业主）。"""
    _unit_form(ctx, unit, out, "遗留问题整改记录", printing.print_defect_list)
