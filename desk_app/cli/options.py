"""Options the commands share: dates, the list filters (from, to, building, unit, overdue,
limit, CSV), a PDF to write, a database opened for reading.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import click

from desk_app.cli import output
from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.services.directory import locations

UNFINISHED_WORDS = ("unfinished", "未完成")


def parse_date(
    _ctx: click.Context, _param: click.Parameter | None, value: str | None
) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("日期格式应为 YYYY-MM-DD") from None


def open_for_reading(ctx: click.Context) -> Desk:
    """The database of ``--db`` to read (works while the window has it open)."""
    return Desk.open(ctx.obj["db"], exclusive=False, quick_check=False, create=False)


def open_for_writing(ctx: click.Context) -> Desk:
    """The database of ``--db`` to write: refused while the window (or another command)
    has it open, as a write from outside would go past the desk's lock; checked first."""
    return Desk.open(ctx.obj["db"], exclusive=True, create=False)


def open_for_backup(ctx: click.Context) -> Desk:
    """The database to back up: alongside the open window (a backup only reads, then
    records itself), but never a missing file."""
    return Desk.open(ctx.obj["db"], exclusive=False, create=False)


def date_range(date_from: date | None, date_to: date | None) -> tuple[str | None, str | None]:
    """``--from``/``--to`` (both inclusive days) as the queries' [from, to) bounds."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期。", field="date_from")
    return (
        date_from.isoformat() if date_from else None,
        (date_to + timedelta(days=1)).isoformat() if date_to else None,
    )


def building_code(value: str | None) -> str | None:
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


def unit_id_of(desk: Desk, value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip():
        raise ValidationError("请填写房号。", field="unit")
    return locations.resolve(desk, unit=value).unit_id


def choice(value: str | None, allowed: Sequence[str], label: str, field: str) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if text not in allowed:
        raise ValidationError(f"{label}只能是：{'、'.join(allowed)}。", field=field)
    return text


LIST_OPTIONS: tuple[Callable[[Any], Any], ...] = (
    click.option(
        "--from", "date_from", callback=parse_date, metavar="YYYY-MM-DD", help="开始日期（含）。"
    ),
    click.option(
        "--to", "date_to", callback=parse_date, metavar="YYYY-MM-DD", help="结束日期（含当天）。"
    ),
    click.option("--building", metavar="楼号", help="楼号，如 3 或 3栋。"),
    click.option("--unit", metavar="ROOM", help="房号，任意写法：3-2-501、3栋2单元501。"),
    click.option("--overdue", is_flag=True, help="只列超时的。"),
    click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=output.DEFAULT_LIMIT,
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


def list_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(LIST_OPTIONS):
        command = option(command)
    return command


PDF_OUT = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.pdf",
    help="保存 PDF 的文件。",
)


def db_path(ctx: click.Context) -> Path:
    """The database the command works on (``--db``, ``DESK_APP_DB`` or the default)."""
    return ctx.obj["db"]
