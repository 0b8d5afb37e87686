"""desk-app repairs … / desk-app reception …: print the repair forms and list the repair
orders and the reception log with the same filters as the window.

Reading needs no login. Printing archives the PDF in the database (an audited write) and,
like ``export-roster`` and ``backup``, runs without a login (actor "system").
Lists page through the services 500 rows at a time, so ``--limit 0`` (everything) keeps
memory flat; phones are masked by the list services.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import click

from desk_app.core import deadlines
from desk_app.core.clock import display
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.money import fen_to_yuan_text
from desk_app.services.desk import Desk
from desk_app.services.directory import locations
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, EntryRow
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import orders_print as repairs_print
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import OrderQuery, OrderRow

PAGE_SIZE = 500
DEFAULT_LIMIT = 200
# Long text is cut to this many display columns in the text table (CSV keeps it whole).
TEXT_CELL_MAX = 40
UNFINISHED_WORDS = ("unfinished", "未完成")
RECEPTION_STATUS_NAMES = {label: key for key, label in reception.STATUS_LABELS.items()}

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
RECEPTION_HEADERS = (
    "编号",
    "日期时间",
    "方式",
    "房号",
    "姓名",
    "联系电话",
    "类别",
    "内容",
    "接待人",
    "处理部门",
    "处理情况",
    "处理结果",
    "状态",
    "完成时间",
    "回访时间",
    "回访人",
    "回访结果",
    "维修单号",
)
LONG_COLUMNS = frozenset({"报修内容", "内容", "处理情况", "处理结果"})


def register(group: click.Group) -> None:
    """Add ``repairs`` and ``reception`` to the ``desk-app`` group."""
    group.add_command(repairs_group)
    group.add_command(reception_group)


@click.group("repairs")
def repairs_group() -> None:
    """维修工单：打印维修工作单、维修派工表，查询工单。"""


@click.group("reception")
def reception_group() -> None:
    """来电来访接待记录：查询。"""


# --- shared helpers ------------------------------------------------------------------------------


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    from desk_app.cli.main import parse_date

    return parse_date(ctx, param, value)


def _open_for_reading(ctx: click.Context) -> Desk:
    return Desk.open(ctx.obj["db"], exclusive=False, quick_check=False)


def _check_suffix(out: Path, suffix: str) -> None:
    if out.suffix.lower() != suffix:
        raise click.BadParameter(f"输出文件应以 {suffix} 结尾", param_hint="--out")


def _write_pdf(out: Path, pdf: bytes) -> None:
    try:
        out.write_bytes(pdf)
    except OSError as error:
        raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None


def _date_range(date_from: date | None, date_to: date | None) -> tuple[str | None, str | None]:
    """``--from``/``--to`` (both inclusive days) as the queries' [from, to) bounds."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期。", field="date_from")
    return (
        date_from.isoformat() if date_from else None,
        (date_to + timedelta(days=1)).isoformat() if date_to else None,
    )


def _building(value: str | None) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    for suffix in ("号楼", "栋", "幢", "座"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    if not text:
        raise ValidationError("请填写楼号。", field="building")
    return text


def _unit_id(desk: Desk, value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip():
        raise ValidationError("请填写房号。", field="unit")
    return locations.resolve(desk, unit=value).unit_id


def _choice(value: str | None, allowed: Sequence[str], label: str, field: str) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if text not in allowed:
        raise ValidationError(f"{label}只能是：{'、'.join(allowed)}。", field=field)
    return text


def _time(text: str | None) -> str:
    return display(text) if text else ""


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


LIST_OPTIONS: tuple[Callable[[Any], Any], ...] = (
    click.option(
        "--from", "date_from", callback=_parse_date, metavar="YYYY-MM-DD", help="开始日期（含）。"
    ),
    click.option(
        "--to", "date_to", callback=_parse_date, metavar="YYYY-MM-DD", help="结束日期（含当天）。"
    ),
    click.option("--building", metavar="楼号", help="楼号，如 3 或 3栋。"),
    click.option("--unit", metavar="ROOM", help="房号，任意写法：3-2-501、3栋2单元501。"),
    click.option("--overdue", is_flag=True, help="只列超时的。"),
    click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=DEFAULT_LIMIT,
        show_default=True,
        help="最多列出几条（最新的在前）；0 = 全部。",
    ),
    click.option("--csv", "as_csv", is_flag=True, help="输出 CSV（带中文表头）到标准输出。"),
    click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.csv",
        help="把 CSV 写入文件（UTF-8 带 BOM，Excel 可直接打开）。",
    ),
)


def _list_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(LIST_OPTIONS):
        command = option(command)
    return command


# --- output ----------------------------------------------------------------------------------------


def _pages(fetch: Callable[[int, int], list[Any]], limit: int) -> Iterator[Any]:
    """Rows from ``fetch(limit, offset)`` in pages of ``PAGE_SIZE``; ``limit`` 0 = all."""
    offset = 0
    while True:
        size = PAGE_SIZE if limit == 0 else min(PAGE_SIZE, limit - offset)
        if size <= 0:
            return
        page = fetch(size, offset)
        yield from page
        if len(page) < size:
            return
        offset += len(page)


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters count two."""
    return sum(char_width(c) for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def clip(text: str, width: int) -> str:
    if text_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


@dataclass(frozen=True)
class Listing:
    headers: tuple[str, ...]
    total: int  # rows matching the filters
    shown: int  # rows that will be listed (the limit applied)
    rows: Callable[[], Iterable[list[str]]]  # may be called twice (widths, then printing)
    noun: str  # 维修单 / 接待记录


def _emit(listing: Listing, *, as_csv: bool, out: Path | None) -> None:
    if out is not None:
        _check_suffix(out, ".csv")
        try:
            with out.open("w", encoding="utf-8-sig", newline="") as handle:
                count = _write_csv(handle, listing, lineterminator="\r\n")
        except OSError as error:
            raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
        click.echo(f"已导出 {count} 条{listing.noun}到 {out}（共 {listing.total} 条符合条件）。")
        return
    if as_csv:
        _write_csv(click.get_text_stream("stdout"), listing, lineterminator="\n")
        return
    _print_table(listing)


def _write_csv(handle: IO[str], listing: Listing, *, lineterminator: str) -> int:
    writer = csv.writer(handle, lineterminator=lineterminator)
    writer.writerow(listing.headers)
    count = 0
    for row in listing.rows():
        writer.writerow(row)
        count += 1
    return count


def _table_cells(listing: Listing) -> Callable[[], Iterator[list[str]]]:
    long = [h in LONG_COLUMNS for h in listing.headers]

    def cells() -> Iterator[list[str]]:
        for row in listing.rows():
            yield [
                clip(_one_line(v), TEXT_CELL_MAX) if is_long else _one_line(v)
                for v, is_long in zip(row, long, strict=True)
            ]

    return cells


def _print_table(listing: Listing) -> None:
    if listing.total == 0:
        click.echo(f"没有符合条件的{listing.noun}。")
        return
    cells = _table_cells(listing)
    if listing.shown <= PAGE_SIZE:
        kept = list(cells())
        cells = lambda: kept  # noqa: E731 - one page: no second query
    widths = [text_width(h) for h in listing.headers]
    for row in cells():
        widths = [max(w, text_width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(pad(v, w) for v, w in zip(values, widths, strict=True)).rstrip()

    click.echo(line(listing.headers))
    click.echo("  ".join("-" * w for w in widths))
    for row in cells():
        click.echo(line(row))
    if listing.shown < listing.total:
        click.echo(f"共 {listing.total} 条，显示最新 {listing.shown} 条（--limit 0 显示全部）。")
    else:
        click.echo(f"共 {listing.total} 条。")


# --- printing --------------------------------------------------------------------------------------

PDF_OUT = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="保存 PDF 的文件。",
)


@repairs_group.command("print")
@click.argument("order_no")
@PDF_OUT
@click.pass_context
def print_order(ctx: click.Context, order_no: str, out: Path) -> None:
    """打印维修单号 ORDER_NO 的维修工作单（PDF，同时存档；再次打印标“补打”）。"""
    _check_suffix(out, ".pdf")
    with Desk.open(ctx.obj["db"], exclusive=False) as desk:
        order = repairs.find_order(desk, order_no)
        printed = repairs_print.print_work_order(desk, order.id)
        reprint = len(repairs_print.work_order_prints(desk, order.id)) > 1
    _write_pdf(out, printed.pdf)
    mark = "（补打）" if reprint else ""
    click.echo(f"维修工作单 {order.order_no}{mark} 已保存到 {out}，存档编号 {printed.id}。")


@repairs_group.command("dispatch-sheet")
@PDF_OUT
@click.option("--day", callback=_parse_date, metavar="YYYY-MM-DD", help="日期（默认今天）。")
@click.pass_context
def dispatch_sheet(ctx: click.Context, out: Path, day: date | None) -> None:
    """打印维修派工表：未完工的工单，按维修人员排列（PDF，同时存档）。"""
    _check_suffix(out, ".pdf")
    with Desk.open(ctx.obj["db"], exclusive=False) as desk:
        day = day or desk.clock.now().date()
        summary = repairs_print.dispatch_sheet_data(desk, day)["total_text"]
        printed = repairs_print.print_dispatch_sheet(desk, day)
    _write_pdf(out, printed.pdf)
    click.echo(f"维修派工表 {day.isoformat()}（{summary}）已保存到 {out}，存档编号 {printed.id}。")


# --- repairs list ----------------------------------------------------------------------------------


def _repair_status(value: str | None) -> str | None:
    if value is None:
        return None
    if value.strip() in UNFINISHED_WORDS:
        return "unfinished"
    allowed = (*repairs.REPAIR_STATUSES, "unfinished")
    return _choice(value, allowed, "状态", "status")


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
        _time(order.reported_at),
        order.location,
        order.reporter,
        order.phone,
        order.content,
        order.urgency,
        order.status,
        order.technician_name or "",
        _time(order.dispatched_at),
        _time(order.arrived_at),
        _time(order.completed_at),
        fen_to_yuan_text(order.total_fen) if completed else "",
        ("有偿" if order.paid else "无偿") if completed else "",
        callback,
        deadlines.describe_left(deadline.seconds_left(now)) if deadline else "",
    ]


@repairs_group.command("list")
@click.option("--status", metavar="状态", help="登记、已派工、维修中…… 或 unfinished（未完成）。")
@click.option("--technician", metavar="NAME", help="维修人员姓名。")
@click.option("--urgency", metavar="一般|紧急", help="紧急程度。")
@_list_options
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
    start, end = _date_range(date_from, date_to)
    with _open_for_reading(ctx) as desk:
        query = OrderQuery(
            date_from=start,
            date_to=end,
            status=_repair_status(status),
            building=_building(building),
            technician_id=_technician_id(desk, technician),
            urgency=_choice(urgency, repairs.REPAIR_URGENCIES, "紧急程度", "urgency"),
            unit_id=_unit_id(desk, unit),
        )
        if overdue:
            query = repairs.overdue_query(desk, query)
        total = repairs.count_orders(desk, query)
        now = desk.clock.now()
        lim = repairs.limits(desk)

        def rows() -> Iterator[list[str]]:
            fetch = lambda size, offset: repairs.list_orders(  # noqa: E731
                desk, query, limit=size, offset=offset
            )
            for order in _pages(fetch, limit):
                yield order_cells(desk, order, now, lim)

        shown = total if limit == 0 else min(total, limit)
        listing = Listing(REPAIR_HEADERS, total, shown, rows, "维修单")
        _emit(listing, as_csv=as_csv, out=out)


# --- reception list --------------------------------------------------------------------------------


def _reception_status(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if text in UNFINISHED_WORDS:
        return "unfinished"
    if text in RECEPTION_STATUS_NAMES:
        return RECEPTION_STATUS_NAMES[text]
    if text in reception.STATUS_LABELS:
        return text
    allowed = (*RECEPTION_STATUS_NAMES, "unfinished")
    raise ValidationError(f"状态只能是：{'、'.join(allowed)}。", field="status")


def entry_cells(entry: EntryRow) -> list[str]:
    return [
        entry.entry_no,
        _time(entry.received_at),
        entry.channel,
        entry.location,
        entry.caller_name,
        entry.phone,
        entry.category,
        entry.content,
        entry.receiver_name or "",
        entry.department,
        entry.handling,
        entry.result,
        reception.STATUS_LABELS.get(entry.status, entry.status),
        _time(entry.completed_at),
        _time(entry.callback_at),
        entry.callback_by or "",
        entry.callback_result or "",
        entry.repair_order_no or "",
    ]


@reception_group.command("list")
@click.option("--status", metavar="状态", help="待处理、待回访、已办结 或 unfinished（未完成）。")
@click.option("--category", metavar="类别", help="咨询、报修、投诉、建议、求助、表扬、其他。")
@click.option("--channel", metavar="方式", help="来电、来访、来函、其他。")
@_list_options
@click.pass_context
def list_entries(
    ctx: click.Context,
    status: str | None,
    category: str | None,
    channel: str | None,
    date_from: date | None,
    date_to: date | None,
    building: str | None,
    unit: str | None,
    overdue: bool,
    limit: int,
    as_csv: bool,
    out: Path | None,
) -> None:
    """列出来电来访接待记录（最新的在前；电话已遮蔽）。"""
    start, end = _date_range(date_from, date_to)
    with _open_for_reading(ctx) as desk:
        query = EntryQuery(
            date_from=start,
            date_to=end,
            category=_choice(category, reception.RECEPTION_CATEGORIES, "类别", "category"),
            channel=_choice(channel, reception.RECEPTION_CHANNELS, "方式", "channel"),
            status=_reception_status(status),
            building=_building(building),
            unit_id=_unit_id(desk, unit),
        )
        if overdue:
            query = reception.overdue_query(desk, query)
        total = reception.count_entries(desk, query)

        def rows() -> Iterator[list[str]]:
            fetch = lambda size, offset: reception.list_entries(  # noqa: E731
                desk, query, limit=size, offset=offset
            )
            for entry in _pages(fetch, limit):
                yield entry_cells(entry)

        shown = total if limit == 0 else min(total, limit)
        listing = Listing(RECEPTION_HEADERS, total, shown, rows, "接待记录")
        _emit(listing, as_csv=as_csv, out=out)
