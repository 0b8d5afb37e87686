"""desk-app ledger arrears / notices: the arrears list as a workbook, and the arrears notices
(催款通知书) as one PDF.

The list is a read and needs no login. Printing notices archives the PDF and records a
'notice' chasing step for every unit printed, like ``repairs print`` without a login
(actor "system").
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date
from pathlib import Path

import click

from desk_app.cli import options
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen
from desk_app.services.directory import locations
from desk_app.services.ledger import arrears, arrears_export, arrears_print


def attach(group: click.Group) -> None:
    """Add this part's commands to the ``ledger`` group."""
    group.add_command(arrears_list)
    group.add_command(notices)


def _stage(value: str | None) -> int | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    if text not in ("1", "2", "3"):
        raise ValidationError(f"催缴阶段只能是 1、2、3，不能是“{value}”。", field="stage")
    return int(text)


def _writable(out: Path, suffix: str) -> None:
    """Refuse a wrong suffix or a folder that cannot be written before anything is done."""
    if out.suffix.lower() != suffix:
        raise ValidationError(f"输出文件应以 {suffix} 结尾：{out}", field="out")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"文件夹不存在：{folder}", field="out")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ValidationError(f"无法写入 {out}：没有写入权限。", field="out")


STAGE_OPTION = click.option("--stage", metavar="N", help="只列催缴阶段 N（1、2、3）。")
BUILDING_OPTION = click.option("--building", metavar="楼号", help="只列一栋楼，如 3 或 3栋。")


@click.command("arrears")
@STAGE_OPTION
@BUILDING_OPTION
@click.option(
    "--on",
    "on",
    callback=options.parse_date,
    metavar="YYYY-MM-DD",
    help="计算到哪一天（默认今天）。",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="保存欠费催缴表的文件。",
)
@click.pass_context
def arrears_list(
    ctx: click.Context, stage: str | None, building: str | None, on: date | None, out: Path
) -> None:
    """导出欠费催缴表（.xlsx）：每户欠费金额、欠费月数、催缴阶段、滞纳金、最近催缴（电话已遮蔽）。"""
    wanted = _stage(stage)
    where = options.building_code(building)
    _writable(out, ".xlsx")
    with options.open_for_reading(ctx) as desk:
        result = arrears_export.export_arrears(desk, out, on, stage=wanted, building=where)
    click.echo(
        f"已导出 {result.count} 户欠费（{arrears_export.filter_text(wanted, where)}），"
        f"欠费合计 {format_fen(result.owed_fen)}，滞纳金 {format_fen(result.late_fee_fen)}，"
        f"到 {out}。"
    )


@click.command("notices")
@STAGE_OPTION
@BUILDING_OPTION
@click.option("--unit", metavar="ROOM", help="只打印一户，如 3-2-501（此时不看阶段）。")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="保存 PDF 的文件。",
)
@click.pass_context
def notices(
    ctx: click.Context, stage: str | None, building: str | None, unit: str | None, out: Path
) -> None:
    """打印催款通知书（PDF，每户一页起，同时存档并记一次“书面通知”）。

    不指定房号时打印第一阶段起的全部欠费户（或 --stage 指定的阶段）。"""
    wanted = _stage(stage)
    where = options.building_code(building)
    _writable(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        unit_ids = None
        if unit is not None:
            if not unit.strip():
                raise ValidationError("请填写房号。", field="unit")
            found = locations.resolve(desk, unit=unit).unit_id
            if found is None:
                raise ValidationError("请填写房号。", field="unit")
            unit_ids = [found]
        printed = arrears_print.print_notices(
            desk, stage=wanted, building=where, unit_ids=unit_ids
        ).value
    try:
        out.write_bytes(printed.pdf)
    except OSError as error:
        raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
    stages = "" if wanted is None else f"（{arrears.STAGE_LABELS[wanted]}）"
    click.echo(
        f"催款通知书 {len(printed.unit_ids)} 户{stages}已保存到 {out}，存档编号 {printed.id}。"
    )
