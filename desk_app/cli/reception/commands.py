"""desk-app reception …: the reception log listed with the window's filters (phones masked)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from desk_app.cli import options, output
from desk_app.core.errors import ValidationError
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, EntryRow

RECEPTION_STATUS_NAMES = {label: key for key, label in reception.STATUS_LABELS.items()}


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


def register(group: click.Group) -> None:
    """Add ``reception`` to the ``desk-app`` group."""
    group.add_command(reception_group)


@click.group("reception")
def reception_group() -> None:
    """来电来访接待记录：查询。"""


def _reception_status(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if text in options.UNFINISHED_WORDS:
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
        output.time_text(entry.received_at),
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
        output.time_text(entry.completed_at),
        output.time_text(entry.callback_at),
        entry.callback_by or "",
        entry.callback_result or "",
        entry.repair_order_no or "",
    ]


@reception_group.command("list")
@click.option("--status", metavar="状态", help="待处理、待回访、已办结 或 unfinished（未完成）。")
@click.option("--category", metavar="类别", help="咨询、报修、投诉、建议、求助、表扬、其他。")
@click.option("--channel", metavar="方式", help="来电、来访、来函、其他。")
@options.list_options
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
    start, end = options.date_range(date_from, date_to)
    with options.open_for_reading(ctx) as desk:
        query = EntryQuery(
            date_from=start,
            date_to=end,
            category=options.choice(category, reception.RECEPTION_CATEGORIES, "类别", "category"),
            channel=options.choice(channel, reception.RECEPTION_CHANNELS, "方式", "channel"),
            status=_reception_status(status),
            building=options.building_code(building),
            unit_id=options.unit_id_of(desk, unit),
        )
        if overdue:
            query = reception.overdue_query(desk, query)
        output.emit_pages(
            RECEPTION_HEADERS,
            "接待记录",
            reception.count_entries(desk, query),
            lambda size, offset: reception.list_entries(desk, query, limit=size, offset=offset),
            entry_cells,
            limit=limit,
            as_csv=as_csv,
            out=out,
        )
