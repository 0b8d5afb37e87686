"""desk-app ledger bill / ledger readings …: the billing sheet (计费表) and meter readings
from the command line.

``bill PERIOD`` works the sheet out and prints a summary by item (and the lines that can
not be billed); ``--out`` writes the sheet as .xlsx or .pdf; ``--post`` posts it after
asking who is posting and their password. ``readings template`` writes the 抄表单 of a
building for the meter reader; ``readings import`` records a filled one (all rows or none).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import click

from desk_app.cli import options
from desk_app.cli.credentials import sign_in
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import billing, billing_excel, billing_print
from desk_app.services.ledger.billing import BillingPreview, BillingSheet

SHOWN_PROBLEMS = 20
SHEET_SUFFIXES = (".xlsx", ".pdf")


def attach(group: click.Group) -> None:
    """Add this part's commands to the ``ledger`` group."""
    group.add_command(bill)
    group.add_command(readings_group)


def _open(ctx: click.Context, *, writing: bool) -> Desk:
    return options.open_for_writing(ctx) if writing else options.open_for_reading(ctx)


def _text_width(text: str) -> int:
    """Columns in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> None:
    widths = [_text_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _text_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: list[str]) -> str:
        cells = []
        for n, (value, width) in enumerate(zip(values, widths, strict=True)):
            gap = " " * max(0, width - _text_width(value))
            cells.append(gap + value if n in right else value + gap)
        return "  ".join(cells).rstrip()

    click.echo(line(headers))
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo(line(row))


def _summary(preview: BillingPreview) -> None:
    click.echo(f"计费表 {preview.period}　应缴日期 {preview.due_on}　范围：{preview.scope}")
    rows = [
        [t.name, str(t.count), format_fen(t.amount_fen, symbol=False), str(t.problems)]
        for t in preview.totals
    ]
    rows.append(
        [
            "合计",
            str(preview.count),
            format_fen(preview.total_fen, symbol=False),
            str(len(preview.problem_lines)),
        ]
    )
    _table(["项目", "笔数", "金额", "未计费"], rows, right={1, 2, 3})
    problems = preview.problem_lines
    if problems:
        click.echo("未计费的：")
        for line in problems[:SHOWN_PROBLEMS]:
            click.echo(f"  {line.unit_code} {line.item_name}：{line.problem}")
        if len(problems) > SHOWN_PROBLEMS:
            click.echo(f"  …… 另有 {len(problems) - SHOWN_PROBLEMS} 条")


def _write_sheet(desk: Desk, sheet: BillingSheet, out: Path) -> None:
    if out.suffix.lower() == ".xlsx":
        billing_excel.export_sheet(desk, sheet, out)
    else:
        pdf = billing_print.print_sheet(desk, sheet).value.pdf
        try:
            out.write_bytes(pdf)
        except OSError as error:
            raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
    click.echo(f"计费表已保存：{out}")


@click.command("bill")
@click.argument("period")
@click.option(
    "--item",
    "items",
    multiple=True,
    metavar="CODE",
    help="收费项目代码，可多次给出（默认：全部按面积、按读数、按月定额的项目）。",
)
@click.option("--building", metavar="楼号", help="只计这一栋，如 3 或 3栋。")
@click.option("--due", "due_on", metavar="YYYY-MM-DD", help="应缴日期（默认：当月的每月应缴日）。")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx|FILE.pdf",
    help="把计费表保存为 Excel 或 PDF（入账后为已入账的计费表）。",
)
@click.option("--post", "post_it", is_flag=True, help="入账（需登录名和密码）。")
@click.option("--user", metavar="NAME", help="入账人的登录名（不给则询问）。")
@click.pass_context
def bill(
    ctx: click.Context,
    period: str,
    items: tuple[str, ...],
    building: str | None,
    due_on: str | None,
    out: Path | None,
    post_it: bool,
    user: str | None,
) -> None:
    """计费表：生成 PERIOD（如 2026-12）的费用，预览、保存或入账。"""
    if out is not None and out.suffix.lower() not in SHEET_SUFFIXES:
        raise click.BadParameter("输出文件应以 .xlsx 或 .pdf 结尾", param_hint="--out")
    if user is not None and not post_it:
        raise click.UsageError("--user 只与 --post 一起使用。")
    writing = post_it or (out is not None and out.suffix.lower() == ".pdf")
    with _open(ctx, writing=writing) as desk:
        codes = list(items) or [item.code for item in billing.billable_items(desk)]
        if not codes:
            raise ValidationError("还没有可计费的收费项目，请主管先设置收费项目和收费标准。")
        preview = billing.preview(desk, period, items=codes, building=building, due_on=due_on)
        _summary(preview)
        if post_it:
            sign_in(desk, role="clerk", what="计费入账", username=user)
            posted = billing.post(desk, preview).value
            click.echo(
                f"已入账：计费表第 {posted.run_id} 号，{posted.charge_count} 笔，"
                f"合计 {format_fen(posted.total_fen)}。"
            )
            sheet = billing.run_sheet(desk, posted.run_id)
        else:
            sheet = billing.preview_sheet(desk, preview)
            if not out:
                click.echo("（预览，未入账；加 --post 入账。）")
        if out is not None:
            _write_sheet(desk, sheet, out)


@click.group("readings")
def readings_group() -> None:
    """抄表读数：导出一栋楼的抄表单，导入填好的读数。"""


PERIOD_OPTION = click.option("--period", required=True, metavar="YYYY-MM", help="抄表月份。")
ITEM_OPTION = click.option(
    "--item", "item", required=True, metavar="CODE", help="按读数收费的项目代码，如 water。"
)


@readings_group.command("template")
@PERIOD_OPTION
@ITEM_OPTION
@click.option("--building", required=True, metavar="楼号", help="楼号，如 3。")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="保存抄表单的文件。",
)
@click.pass_context
def readings_template(ctx: click.Context, period: str, item: str, building: str, out: Path) -> None:
    """导出抄表单：房号、客户名称、上次读数，本次读数留空。"""
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("输出文件应以 .xlsx 结尾", param_hint="--out")
    with _open(ctx, writing=False) as desk:
        count = billing_excel.write_readings_template(
            desk,
            out,
            period=period,
            item_code=item,
            building=building,
        )
    click.echo(f"抄表单已保存：{out}（{count} 户）")


@readings_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@PERIOD_OPTION
@ITEM_OPTION
@click.option("--building", metavar="楼号", help="只接受这一栋的房号。")
@click.option("--user", metavar="NAME", help="录入人的登录名（不给则询问）。")
@click.pass_context
def readings_import(
    ctx: click.Context,
    file: Path,
    period: str,
    item: str,
    building: str | None,
    user: str | None,
) -> None:
    """导入填好的抄表单：每行都检查，有错则一行也不导入。"""
    with _open(ctx, writing=True) as desk:
        sign_in(desk, role="clerk", what="导入抄表读数", username=user)
        result = billing_excel.import_readings(
            desk,
            file,
            period=period,
            item_code=item,
            building=building,
        ).value
    click.echo(f"已导入 {result.count} 个读数（{result.blank} 户未填）。")
