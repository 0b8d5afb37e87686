"""desk-app repairs …: print the work order and the day's dispatch sheet, and list the repair
orders with the window's filters.

Reading needs no login. Printing archives the PDF in the database (an audited write) and,
like ``export-roster`` and ``backup``, runs without a login (actor "system").
Lists page through the services 500 rows at a time, so ``--limit 0`` (everything) keeps
memory flat; phones are masked by the list services.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core import deadlines
from desk_app.core.errors import NotFoundError
from desk_app.core.money import fen_to_yuan_text
from desk_app.services.desk import Desk
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import orders_print as repairs_print
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import OrderQuery, OrderRow

REPAIR_HEADERS = (
    "单号",
    "报修时间",
    "房号",
    "报修人",
    "联系电话",
    "报修内容",
    "紧急程度",
    "状态",
    "维修人员",
    "派工时间",
    "到场时间",
    "完工时间",
    "合计",
    "有偿",
    "回访结果",
    "时限",
)


def register(group: click.Group) -> None:
    """Add ``repairs`` to the ``desk-app`` group."""
    group.add_command(repairs_group)


@click.group("repairs")
def repairs_group() -> None:
    """维修工单：打印维修工作单、维修派工表，查询工单。"""


@repairs_group.command("print")
@click.argument("order_no")
@options.PDF_OUT
@click.pass_context
def print_order(ctx: click.Context, order_no: str, out: Path) -> None:
    """打印维修单号 ORDER_NO 的维修工作单（PDF，同时存档；再次打印标“补打”）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        order = repairs.find_order(desk, order_no)
        printed = repairs_print.print_work_order(desk, order.id).value
        reprint = len(repairs_print.work_order_prints(desk, order.id)) > 1
    output.write_pdf(out, printed.pdf)
    mark = "（补打）" if reprint else ""
    click.echo(f"维修工作单 {order.order_no}{mark} 已保存到 {out}，存档编号 {printed.id}。")


@repairs_group.command("dispatch-sheet")
@options.PDF_OUT
@click.option("--day", callback=options.parse_date, metavar="YYYY-MM-DD", help="日期（默认今天）。")
@click.pass_context
def dispatch_sheet(ctx: click.Context, out: Path, day: date | None) -> None:
    """打印维修派工表：未完工的工单，按维修人员排列（PDF，同时存档）。"""
    output.check_suffix(out, ".pdf")
    with options.open_for_writing(ctx) as desk:
        day = day or desk.clock.now().date()
        summary = repairs_print.dispatch_sheet_data(desk, day)["total_text"]
        printed = repairs_print.print_dispatch_sheet(desk, day).value
    output.write_pdf(out, printed.pdf)
    click.echo(f"维修派工表 {day.isoformat()}（{summary}）已保存到 {out}，存档编号 {printed.id}。")


def _repair_status(value: str | None) -> str | None:
    if value is None:
        return None
    if value.strip() in options.UNFINISHED_WORDS:
        return "unfinished"
    allowed = (*repairs.REPAIR_STATUSES, "unfinished")
    return options.choice(value, allowed, "状态", "status")


def _technician_id(desk: Desk, name: str | None) -> int | None:
    if name is None:
        return None
    wanted = name.strip()
    for technician in repair_setup.technicians(desk, active_only=False):
        if technician.name == wanted:
            return technician.id
    raise NotFoundError(f"没有维修人员“{wanted}”。", field="technician")


def order_cells(desk: Desk, order: OrderRow, now: datetime, lim: deadlines.Limits) -> list[str]:
    completed = order.completed_at is not None
    deadline = repairs.running_deadline(desk, order, lim)
    if order.callback_result:
        callback = order.callback_result
    elif order.callback_status == "unreachable":
        callback = "无法联系"
    elif order.callback_status == "due":
        callback = "待回访"
    else:
        callback = ""
    return [
        order.order_no,
        output.time_text(order.reported_at),
        order.location,
        order.reporter,
        order.phone,
        order.content,
        order.urgency,
        order.status,
        order.technician_name or "",
        output.time_text(order.dispatched_at),
        output.time_text(order.arrived_at),
        output.time_text(order.completed_at),
        fen_to_yuan_text(order.total_fen) if completed else "",
        ("有偿" if order.paid else "无偿") if completed else "",
        callback,
        deadlines.describe_left(deadline.seconds_left(now)) if deadline else "",
    ]


@repairs_group.command("list")
@click.option("--status", metavar="状态", help="登记、已派工、维修中…… 或 unfinished（未完成）。")
@click.option("--technician", metavar="NAME", help="维修人员姓名。")
@click.option("--urgency", metavar="一般|紧急", help="紧急程度。")
@options.list_options
@click.pass_context
def list_orders(
    ctx: click.Context,
    status: str | None,
    technician: str | None,
    urgency: str | None,
    date_from: date | None,
    date_to: date | None,
    building: str | None,
    unit: str | None,
    overdue: bool,
    limit: int,
    as_csv: bool,
    out: Path | None,
) -> None:
    """列出维修工单（最新的在前；电话已遮蔽）。"""
    start, end = options.date_range(date_from, date_to)
    with options.open_for_reading(ctx) as desk:
        query = OrderQuery(
            date_from=start,
            date_to=end,
            status=_repair_status(status),
            building=options.building_code(building),
            technician_id=_technician_id(desk, technician),
            urgency=options.choice(urgency, repairs.REPAIR_URGENCIES, "紧急程度", "urgency"),
            unit_id=options.unit_id_of(desk, unit),
        )
        if overdue:
            query = repairs.overdue_query(desk, query)
        now = desk.clock.now()
        lim = repairs.limits(desk)
        output.emit_pages(
            REPAIR_HEADERS,
            "维修单",
            repairs.count_orders(desk, query),
            lambda size, offset: repairs.list_orders(desk, query, limit=size, offset=offset),
            lambda order: order_cells(desk, order, now, lim),
            limit=limit,
            as_csv=as_csv,
            out=out,
        )
