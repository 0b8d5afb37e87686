"""desk-app keys …: the key list (to the screen or an .xlsx), keys out now and overdue,
one set's history, the tag labels and the loan register (PDF).

Labels only read (they are not archived); the register is archived in the database (an
audited write) and, like the other printed registers, runs without a login."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core.clock import display
from desk_app.services.desk import Desk
from desk_app.services.keys import export, loans, registry
from desk_app.services.keys import printing as keys_print
from desk_app.services.repairs import orders


def register(group: click.Group) -> None:
    """Add ``keys`` to the ``desk-app`` group."""
    group.add_command(keys_group)


@click.group("keys")
def keys_group() -> None:
    """钥匙管理：钥匙清单、借出未还、钥匙记录、钥匙标签、借用登记表。"""


def _echo_table(headers: tuple[str, ...], rows: list[list[str]]) -> None:
    widths = [
        max([output.text_width(h), *(output.text_width(r[i]) for r in rows)])
        for i, h in enumerate(headers)
    ]
    click.echo("  ".join(output.pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        click.echo("  ".join(output.pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


@keys_group.command("list")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="导出为 Excel 文件。",
)
@click.pass_context
def list_sets(ctx: click.Context, out: Path | None) -> None:
    """列出全部钥匙（编号、类别、柜位、在柜与借出的数量）。"""
    with options.open_for_reading(ctx) as desk:
        if out is not None:
            output.check_suffix(out, ".xlsx")
            count = export.export_sets(desk, out)
            click.echo(f"已导出 {count} 套钥匙到 {out}。")
            return
        rows = [
            export.cells(desk, row)
            for row in output.pages(
                lambda size, offset: registry.list_sets(desk, limit=size, offset=offset), 0
            )
        ]
        _echo_table(export.HEADERS, rows)
        click.echo(f"共 {len(rows)} 套。")


OUT_HEADERS = ("编号", "钥匙", "借用人", "借出数量", "应还时间", "维修单号", "状态")


@keys_group.command("out")
@click.option("--overdue", is_flag=True, help="只列逾期未还的。")
@click.pass_context
def out_now(ctx: click.Context, overdue: bool) -> None:
    """列出借出未还的钥匙（应还时间早的在前）。"""
    with options.open_for_reading(ctx) as desk:
        rows = loans.overdue(desk) if overdue else loans.out_now(desk)
        now = desk.now_text()
        cells = [
            [
                row.code,
                row.label,
                row.borrower or "",
                export.pieces_text(registry.pieces(desk, row.id), "out"),
                display(row.due_back),
                _order_no(desk, row.repair_order_id),
                "逾期" if (row.due_back or "") < now else "借出",
            ]
            for row in rows
        ]
        _echo_table(OUT_HEADERS, cells)
        click.echo(f"共 {len(cells)} 套{'逾期' if overdue else '借出'}。")


def _order_no(desk: Desk, order_id: int | None) -> str:
    if order_id is None:
        return ""
    return orders.get_order(desk, order_id).order_no


HISTORY_HEADERS = ("时间", "事项", "数量", "借用人", "事由/原因", "应还", "批准人", "经手人")


@keys_group.command("history")
@click.argument("code")
@click.pass_context
def history(ctx: click.Context, code: str) -> None:
    """一套钥匙的全部记录（谁、何时、为何）。"""
    with options.open_for_reading(ctx) as desk:
        row = registry.find(desk, code)
        click.echo(f"{row.code}  {row.kind}  {row.label}  {row.place}".rstrip())
        cells = [
            [
                display(m.at),
                m.kind,
                "、".join(f"{t}×{n}" for t, n in m.pieces.items()),
                m.borrower,
                m.purpose or m.reason or m.note,
                display(m.due_back) if m.due_back else "",
                m.approved_by or "",
                m.operator or "",
            ]
            for m in registry.history(desk, row.id)
        ]
        _echo_table(HISTORY_HEADERS, cells)


@keys_group.command("labels")
@options.PDF_OUT
@click.option("--building", metavar="楼号", help="只打印这栋楼的钥匙（默认全部）。")
@click.pass_context
def labels(ctx: click.Context, out: Path, building: str | None) -> None:
    """打印钥匙标签（A4，每页 40 枚：二维码和钥匙编号，不印地址和房号）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_reading(ctx) as desk:
        codes = keys_print.label_codes(desk, building)
        pdf = keys_print.labels_pdf(desk, codes)
    output.write_pdf(out, pdf)
    pages = -(-len(codes) // 40)
    click.echo(f"钥匙标签 {len(codes)} 枚（{pages} 页，{codes[0]}–{codes[-1]}）已保存到 {out}。")


@keys_group.command("register")
@options.PDF_OUT
@click.option(
    "--from",
    "start",
    callback=options.parse_date,
    metavar="YYYY-MM-DD",
    help="开始日期（默认今天）。",
)
@click.option(
    "--to",
    "end",
    callback=options.parse_date,
    metavar="YYYY-MM-DD",
    help="结束日期（默认同开始日期）。",
)
@click.pass_context
def loan_register(ctx: click.Context, out: Path, start: date | None, end: date | None) -> None:
    """打印钥匙借用登记表：期间的每次借出及归还（PDF，同时存档）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        start = start or desk.clock.now().date()
        end = end or start
        summary = keys_print.register_data(desk, start, end)["total_text"]
        printed = keys_print.print_register(desk, start, end).value
    output.write_pdf(out, printed.pdf)
    period = keys_print.period_text(start, end)
    click.echo(f"钥匙借用登记表 {period}（{summary}）已保存到 {out}，存档编号 {printed.id}。")
