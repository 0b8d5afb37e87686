"""Output of the listing commands: a table with CJK-aware widths or CSV, pages of rows
fetched as they are printed; PDFs and CSV files written with a clear message on failure.
CSV fields that Excel would run as a formula get a leading apostrophe (``text_cells``).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import click

from desk_app.core.clock import display
from desk_app.core.errors import ValidationError
from desk_app.exporting.text_cells import csv_field

PAGE_SIZE = 500


DEFAULT_LIMIT = 200


# Long text is cut to this many display columns in the text table (CSV keeps it whole).
TEXT_CELL_MAX = 40


LONG_COLUMNS = frozenset({"报修内容", "内容", "处理情况", "处理结果"})


def check_suffix(out: Path, suffix: str) -> None:
    if out.suffix.lower() != suffix:
        raise click.BadParameter(f"输出文件应以 {suffix} 结尾", param_hint="--out")


def write_pdf(out: Path, pdf: bytes) -> None:
    try:
        out.write_bytes(pdf)
    except OSError as error:
        raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None


def time_text(text: str | None) -> str:
    return display(text) if text else ""


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def pages(fetch: Callable[[int, int], list[Any]], limit: int) -> Iterator[Any]:
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


def emit(listing: Listing, *, as_csv: bool, out: Path | None) -> None:
    if out is not None:
        check_suffix(out, ".csv")
        try:
            with out.open("w", encoding="utf-8-sig", newline="") as handle:
                count = _write_csv(handle, listing, lineterminator="\r\n")
        except OSError as error:
            raise ValidationError(f"无法写入 {out}：{error.strerror or error}") from None
        click.echo(f"已导出 {count} 条{listing.noun}到 {out}（共 {listing.total} 条符合条件）。")
        return
    if as_csv:
        _write_csv(_Echo(), listing, lineterminator="\n")
        return
    _print_table(listing)


def emit_pages(
    headers: tuple[str, ...],
    noun: str,
    total: int,
    fetch: Callable[[int, int], list[Any]],
    cells: Callable[[Any], list[str]],
    *,
    limit: int,
    as_csv: bool,
    out: Path | None,
) -> None:
    """List ``total`` rows fetched a page at a time (``fetch(size, offset)``), at most
    ``limit`` (0: all), each turned into its cells."""

    def rows() -> Iterator[list[str]]:
        for item in pages(fetch, limit):
            yield cells(item)

    shown = total if limit == 0 else min(total, limit)
    emit(Listing(headers, total, shown, rows, noun), as_csv=as_csv, out=out)


class _Writable(Protocol):
    def write(self, text: str, /) -> int: ...


class _Echo:
    """Standard output through click.echo (the console's encoding on Windows)."""

    def write(self, text: str, /) -> int:
        click.echo(text, nl=False)
        return len(text)


def _write_csv(handle: _Writable, listing: Listing, *, lineterminator: str) -> int:
    writer = csv.writer(handle, lineterminator=lineterminator)
    writer.writerow(listing.headers)
    count = 0
    for row in listing.rows():
        writer.writerow([csv_field(value) for value in row])  # never a formula in Excel
        count += 1
    return count


def _table_cells(listing: Listing) -> Callable[[], Iterator[list[str]]]:
    long = [h in LONG_COLUMNS for h in listing.headers]

    def cells() -> Iterator[list[str]]:
        for row in listing.rows():
            yield [
                clip(one_line(v), TEXT_CELL_MAX) if is_long else one_line(v)
                for v, is_long in zip(row, long, strict=True)
            ]

    return cells


def _print_table(listing: Listing) -> None:
    if listing.total == 0:
        click.echo(f"没有符合条件的{listing.noun}。")
        return
    cells: Callable[[], Iterable[list[str]]] = _table_cells(listing)
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
