"""Text that a spreadsheet would run as a formula (CSV/formula injection).

A name typed as ``=HYPERLINK("http://…","点我")`` is text to the desk, and must stay text
in every file the desk hands out:

- **.xlsx**: openpyxl turns any string starting with ``=`` into a formula cell
  (``<f>``). Every export writes its cells through ``append_row`` (write-only sheets) or
  is saved through ``workbook_files.save_workbook``, which calls ``keep_formulas_out``:
  such strings are written as text (an inline string, ``t="inlineStr"``) with Excel's
  quote prefix, so the cell shows the text and stays text if someone edits it. The text
  itself is not changed.
- **CSV**: a CSV file has no cell types; Excel runs a field starting with
  ``= + - @``, a tab or a carriage return. ``csv_field`` puts an apostrophe in front of
  such a field (OWASP's advice), unless it is a plain number (``-12.50``), which Excel
  reads as that number.
- **Imports** refuse a cell that starts with ``=`` or ``@`` (``refused_on_import``): no
  name, address, note, room or reading starts so. Leading whitespace (tab, CR, LF) is
  stripped on reading. ``+`` and ``-`` are let through to each field's own rules: a phone
  written ``+86 138…`` is a valid phone, a reading ``-1`` is refused as negative, and a
  note ``-`` is an ordinary note — exports keep them text as above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REFUSED_STARTS = ("=", "@")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def formula_like(value: object) -> bool:
    """True for text a spreadsheet could read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def refused_on_import(text: str | None) -> bool:
    """True for imported cell text that is refused: it starts with ``=`` or ``@``."""
    return text is not None and text.lstrip().startswith(REFUSED_STARTS)


def refusal_message(text: str) -> str:
    """The error for a refused cell (the caller names the row and column)."""
    text = text.strip()
    shown = text if len(text) <= 40 else text[:40] + "…"
    return f"以“{text[0]}”开头，会被 Excel 当作公式，不能导入：{shown}"


def as_text(cell: Any) -> Any:
    """Write a cell holding formula-like text (or a formula) as text; returns the cell."""
    if cell.data_type == "f" or formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(sheet: Any, values: Iterable[object]) -> None:
    """``sheet.append(values)`` (write-only or ordinary sheet) with every string that
    looks like a formula written as a text cell."""
    sheet.append(
        [_text_cell(sheet, v) if isinstance(v, str) and formula_like(v) else v for v in values]
    )


def _text_cell(sheet: Any, text: str) -> Any:
    return as_text(WriteOnlyCell(sheet, value=text))


def keep_formulas_out(workbook: Workbook) -> int:
    """Turn every formula cell of an ordinary (not write-only) workbook into text; returns
    how many there were. The desk writes no formulas of its own."""
    changed = 0
    for sheet in workbook.worksheets:
        if not isinstance(sheet, Worksheet):
            continue
        for cell in sheet._cells.values():
            changed += cell.data_type == "f"
            as_text(cell)
    return changed


def csv_field(value: object) -> str:
    """A CSV field Excel will show as text: formula-like text gets a leading apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
