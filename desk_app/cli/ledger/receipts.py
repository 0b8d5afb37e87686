"""desk-app ledger receipt …: reprint a receipt (补打) and show one.

``print`` archives the PDF in the database and audits the reprint (an audited write, run
without a login like ``repairs print``: the actor is "system"); the output file is opened
before anything is written, so a path that cannot be written leaves no reprint behind.
``show`` only reads.
"""

from __future__ import annotations

from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core.clock import display
from desk_app.core.errors import ValidationError
from desk_app.core.money import format_fen
from desk_app.services.ledger import receipts, receipts_list, receipts_print
from desk_app.services.ledger import refunds as ledger_refunds


def attach(group: click.Group) -> None:
    """Add this part's commands to the ``ledger`` group."""
    group.add_command(receipt_group)


@click.group("receipt")
def receipt_group() -> None:
    """收款收据：补打、查看。"""


@receipt_group.command("print")
@click.argument("number")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="保存 PDF 的文件。",
)
@click.pass_context
def print_receipt(ctx: click.Context, number: str, out: Path) -> None:
    """补打收据号码 NUMBER 的收款收据（全部联次，标“补打”，存档并记入审计）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        receipt = receipts.find_receipt(desk, number)
        existed = out.exists()
        try:
            handle = out.open("ab")
        except OSError as error:
            raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
        with handle:
            try:
                printed = receipts_print.print_receipt(desk, receipt.id, reprint=True).value
            except BaseException:
                handle.close()
                if not existed:
                    out.unlink(missing_ok=True)
                raise
            try:
                handle.truncate(0)
                handle.write(printed.pdf)
            except OSError as error:
                raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
    status = "，该收据已作废" if receipt.void else ""
    click.echo(
        f"收款收据 №{receipt.number_text}（补打{status}）已保存到 {out}，存档编号 {printed.id}。"
    )


@receipt_group.command("show")
@click.argument("number")
@click.pass_context
def show_receipt(ctx: click.Context, number: str) -> None:
    """显示收据号码 NUMBER：客户、金额、收款方式、状态和各行明细。"""
    with options.open_for_reading(ctx) as desk:
        receipt = receipts.find_receipt(desk, number)
        row = receipts_list.receipt_row(desk, receipt.id)
        lines = receipts.receipt_lines(desk, receipt.id)
        refunds = ledger_refunds.refunds_of_receipt(desk, receipt.id)
    status = (receipts_list.status_text(row) if row else "") or "有效"
    click.echo(f"收款收据 №{receipt.number_text}    {status}")
    click.echo(
        f"开票时间：{display(receipt.issued_at)}    房号：{(row.unit_code if row else '') or ''}"
    )
    click.echo(f"客户名称：{receipt.customer}")
    method = receipt.method
    if receipt.tendered_fen is not None:
        change = receipt.tendered_fen - receipt.total_fen
        method += f"（实收 {format_fen(receipt.tendered_fen)}，找零 {format_fen(change)}）"
    click.echo(f"收款方式：{method}    填票人/收款人：{receipt.drawer_name or ''}")
    click.echo("项目：")
    for line in lines:
        click.echo(f"  {line.description}  {format_fen(line.amount_fen)}")
    click.echo(f"合计：{format_fen(receipt.total_fen)}")
    if receipt.note:
        click.echo(f"备注：{receipt.note}")
    if receipt.void:
        click.echo(f"作废：{display(receipt.voided_at)}  原因：{receipt.void_reason or ''}")
    if receipt.invoice_no:
        click.echo(f"已换开发票：{receipt.invoice_no}")
    for refund in refunds:
        click.echo(
            f"退费：{refund.voucher_no}  {format_fen(refund.amount_fen)}  "
            f"领款人 {refund.payee}  {refund.reason}"
        )
