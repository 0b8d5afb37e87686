"""desk-app ledger close / report / drawer / handover: the month-end close (月结), its
reconciliation report, a shift's cash drawer and the handover to finance (上缴).

Closing and handing over write, so they ask for the operator's password on the terminal
(``credentials.sign_in``); the report and the drawer only read and need no login.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from desk_app.cli import options
from desk_app.cli.credentials import sign_in
from desk_app.cli.output import pad, text_width
from desk_app.core.clock import display
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import (
    cash_drawer,
    cash_print,
    month_close,
    month_close_export,
    month_close_print,
)
from desk_app.services.ledger.month_close import MonthReport

REPORT_SUFFIXES = (".xlsx", ".pdf")


def attach(group: click.Group) -> None:
    """Add this part's commands to the ``ledger`` group."""
    group.add_command(close_command)
    group.add_command(report_command)
    group.add_command(drawer_command)
    group.add_command(handover_command)


def _open_for_writing(ctx: click.Context) -> Desk:
    return options.open_for_writing(ctx)


def _write(out: Path, content: bytes) -> None:
    try:
        out.write_bytes(content)
    except OSError as error:
        raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None


def _table(headers: Sequence[str], rows: list[list[str]], right: set[int]) -> None:
    """A plain text table with CJK-aware column widths."""
    widths = [text_width(h) for h in headers]
    for row in rows:
        widths = [max(w, text_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        cells = [
            " " * (w - text_width(v)) + v if i in right else pad(v, w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    click.echo(line(headers))
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo(line(row))


def _echo_totals(figures: MonthReport) -> None:
    bounds = figures.bounds
    click.echo(f"账期 {bounds.period}（{bounds.start_on} 至 {bounds.through_on}）")
    rows = [[label.strip("　"), value] for label, value in month_close_print.summary_rows(figures)]
    _table(["项目", "金额"], rows, right={1})


# --- month-end close ---------------------------------------------------------------------------------


@click.command("close")
@click.argument("period", metavar="YYYY-MM")
@click.option("--user", "username", metavar="NAME", help="客服主管的登录名（不填则询问）。")
@click.option("--yes", is_flag=True, help="不再询问确认。")
@click.pass_context
def close_command(ctx: click.Context, period: str, username: str | None, yes: bool) -> None:
    """月结：结清账期 YYYY-MM（须客服主管登录）；结账后该期不能再记账。"""
    month_close.parse_period(period)
    with _open_for_writing(ctx) as desk:
        month_close.check_closable(desk, period)  # before the password is asked for
        sign_in(desk, role="supervisor", what="月结", username=username)
        figures = month_close.report(desk, period)
        _echo_totals(figures)
        if not yes:
            click.confirm(f"确认月结 {figures.period}？月结后该期不能再记账", abort=True)
        row = month_close.close(desk, period).value
    click.echo(f"已月结 {row.period}（结至 {row.through_on}），批准人 {row.approved_by_name}。")


# --- the report -------------------------------------------------------------------------------------


@click.command("report")
@click.argument("period", metavar="YYYY-MM")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx|FILE.pdf",
    help="保存月结对账表的文件（.xlsx 或 .pdf）。",
)
@click.pass_context
def report_command(ctx: click.Context, period: str, out: Path) -> None:
    """导出账期 YYYY-MM 的月结对账表（Excel 或 PDF；只读，不需登录）。"""
    month_close.parse_period(period)
    suffix = out.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise click.BadParameter("输出文件应以 .xlsx 或 .pdf 结尾", param_hint="--out")
    with options.open_for_reading(ctx) as desk:
        figures = month_close.report(desk, period)
        if suffix == ".xlsx":
            month_close_export.export_report(desk, period, out, figures)
        else:
            _write(out, month_close_print.report_pdf(desk, period, figures))
    state = "已月结" if figures.closed else "未月结"
    click.echo(
        f"月结对账表 {figures.period}（{state}）已保存到 {out}：应收 {format_fen(figures.charges_fen)}，"
        f"实收 {format_fen(figures.received_fen)}，收缴率 {figures.rate_text}。"
    )


# --- the drawer of a shift -----------------------------------------------------------------------


@click.command("drawer")
@click.option("--shift", "shift_id", type=int, metavar="ID", help="班次编号（默认当前班次）。")
@click.pass_context
def drawer_command(ctx: click.Context, shift_id: int | None) -> None:
    """列出一个班次的收款：按收款方式、收据号码、作废与退款。"""
    with options.open_for_reading(ctx) as desk:
        drawer = cash_drawer.drawer(desk, shift_id)
    closed = f" 至 {display(drawer.closed_at)}" if drawer.closed_at else "（进行中）"
    click.echo(
        f"班次 {drawer.shift_id} {drawer.shift_name}  {drawer.operator_name}  "
        f"{display(drawer.opened_at)}{closed}"
    )
    rows = [[m.method, str(m.count), format_fen(m.total_fen)] for m in drawer.methods]
    rows.append(["合计", str(drawer.receipt_count), format_fen(drawer.total_fen)])
    _table(["收款方式", "张数", "金额"], rows, right={1, 2})
    click.echo(f"收据号码：{drawer.numbers_text or '本班未开收据'}")
    if drawer.voids:
        click.echo("作废收据：")
        _table(
            ["收据号", "客户", "金额", "原因"],
            [[v.number_text, v.customer, format_fen(v.total_fen), v.reason] for v in drawer.voids],
            right={2},
        )
    if drawer.refunds:
        click.echo("退款：")
        _table(
            ["付出单号", "原收据号", "领款人", "方式", "金额"],
            [
                [r.voucher_no, r.receipt_number_text, r.payee, r.method, format_fen(r.amount_fen)]
                for r in drawer.refunds
            ],
            right={4},
        )
    click.echo(
        f"现金收款 {format_fen(drawer.cash_in_fen)}，现金退款 {format_fen(drawer.cash_refunds_fen)}，"
        f"抽屉现金应为 {format_fen(drawer.cash_fen)}。"
    )


# --- the handover to finance ---------------------------------------------------------------------


@click.command("handover")
@click.option("--received-by", "received_by", required=True, metavar="NAME", help="财务收款人。")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="SLIP.pdf",
    help="保存上缴财务交款单的 PDF 文件。",
)
@click.option("--user", "username", metavar="NAME", help="交款人的登录名（不填则询问）。")
@click.pass_context
def handover_command(ctx: click.Context, received_by: str, out: Path, username: str | None) -> None:
    """上缴财务：把上次上缴以来的收款交给财务，打印交款单（PDF，同时存档）。"""
    if out.suffix.lower() != ".pdf":
        raise click.BadParameter("输出文件应以 .pdf 结尾", param_hint="--out")
    with _open_for_writing(ctx) as desk:
        sign_in(desk, role="clerk", what="上缴财务", username=username)
        row = cash_drawer.hand_over(desk, received_by).value
        printed = cash_print.print_slip(desk, row.id).value
    _write(out, printed.pdf)
    click.echo(
        f"已上缴财务（交款单 №{cash_print.slip_no(row.id)}）：收款合计 {format_fen(row.total_fen)}，"
        f"实交现金 {format_fen(row.cash_fen)}，收款人 {row.received_by}；交款单已保存到 {out}。"
    )
