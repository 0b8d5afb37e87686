"""Opening an .xlsx that came from outside (head office, the developer, a USB stick).

An .xlsx is a zip of XML parts. Before openpyxl sees one we check, on the zip's own
catalogue and then on the decompressed bytes:

- it is a zip at all, and has a workbook part (else: not an Excel file);
- the number of parts, the total decompressed size and each part's compression ratio
  (a zip bomb expands a few hundred KB into gigabytes);
- no XML part declares a DOCTYPE or ENTITY (entity expansion, "billion laughs"). openpyxl
  would use ``defusedxml`` if it were installed; it is not a dependency, and Excel never
  writes a DOCTYPE, so refusing any is both simpler and stricter;
- the sheet's declared size, and again while reading, the row and column counts.

Python's zipfile never yields more than a member's declared size (a member that
decompresses to more fails its CRC check), so the declared sizes bound what openpyxl
can be made to read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook

from desk_app.core.errors import ValidationError

NOT_XLSX = "不是有效的 Excel 文件（.xlsx）"
OLD_OR_ENCRYPTED = "文件是旧版 .xls 或已加密，请在 Excel 中另存为不加密的 .xlsx 后再导入"
BOMB = "文件解压后过大，疑似压缩炸弹，已拒绝"
UNSAFE_XML = "文件包含不安全的 XML 声明，已拒绝"
DAMAGED = "无法读取该 Excel 文件（文件已损坏或格式不受支持）"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx
# The markers as UTF-8 and as both UTF-16 byte orders (an XML part may be UTF-16).
_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _MARKERS)
_CHUNK = 1 << 20


class WorkbookRejected(ValidationError):
    """An .xlsx we will not open: not an Excel file, a zip bomb, unsafe XML, too large."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="file")


@dataclass(frozen=True)
class WorkbookLimits:
    max_file_bytes: int = 100 * 2**20
    max_members: int = 1_000
    max_uncompressed_bytes: int = 400 * 2**20
    # Sheet XML compresses 10–30×; only a large part compressing far better is suspicious.
    max_ratio: int = 200
    ratio_floor_bytes: int = 2 * 2**20
    max_rows: int = 50_000
    max_columns: int = 60


DEFAULT_LIMITS = WorkbookLimits()


def check_workbook_file(path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS) -> None:
    """Raise ``WorkbookRejected`` unless ``path`` is a zip that is safe to hand to openpyxl."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(_OLE_MAGIC))
    except OSError as error:
        raise WorkbookRejected(f"无法打开文件：{path.name}（{error.strerror or error}）") from None
    if head == _OLE_MAGIC:
        raise WorkbookRejected(OLD_OR_ENCRYPTED)
    if size > limits.max_file_bytes:
        raise WorkbookRejected(f"文件过大（超过 {limits.max_file_bytes // 2**20} MB），已拒绝")
    if not zipfile.is_zipfile(path):
        raise WorkbookRejected(NOT_XLSX)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_catalogue(archive, limits)
            _scan_xml_parts(archive, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        # NotImplementedError: a compression method zipfile does not support.
        raise WorkbookRejected(NOT_XLSX) from None
    except ValueError:
        raise WorkbookRejected(DAMAGED) from None


def _check_catalogue(archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise WorkbookRejected(f"文件包含的部件过多（{len(members)} 个），已拒绝")
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookRejected(NOT_XLSX)
    if any(m.flag_bits & 0x1 for m in members):
        raise WorkbookRejected(OLD_OR_ENCRYPTED)
    total = 0
    for member in members:
        total += member.file_size
        if total > limits.max_uncompressed_bytes:
            raise WorkbookRejected(BOMB)
        if (
            member.file_size > limits.ratio_floor_bytes
            and member.file_size > limits.max_ratio * max(member.compress_size, 1)
        ):
            raise WorkbookRejected(BOMB)


def _scan_xml_parts(archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
    budget = limits.max_uncompressed_bytes
    for member in archive.infolist():
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as part:
            tail = b""
            while chunk := part.read(_CHUNK):
                budget -= len(chunk)
                if budget < 0:
                    raise WorkbookRejected(BOMB)
                window = tail + chunk
                if any(marker in window for marker in _MARKERS):
                    raise WorkbookRejected(UNSAFE_XML)
                tail = window[-_OVERLAP:]


def open_workbook(path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS) -> Workbook:
    """Check the file, then open it read-only with cached values instead of formulas.

    The caller closes it (``workbook.close()``): read-only mode keeps the zip open.
    """
    check_workbook_file(path, limits)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl's errors on a malformed file are KeyError, ValueError, …
        raise WorkbookRejected(DAMAGED) from None


def iter_sheet_rows(
    sheet: Any, limits: WorkbookLimits = DEFAULT_LIMITS
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, cell values) of a read-only sheet, within the limits.

    The declared dimension is checked first; then it is ignored for reading, since a
    dimension that is too small would otherwise cut the sheet short without a word.
    """
    if (sheet.max_row or 0) > limits.max_rows:
        raise WorkbookRejected(too_many_rows(limits))
    if (sheet.max_column or 0) > limits.max_columns:
        raise WorkbookRejected(too_many_columns(limits))
    sheet.reset_dimensions()
    # One column past the limit, so a sheet whose dimension lied is still caught.
    width = limits.max_columns + 1
    try:
        for number, values in enumerate(sheet.iter_rows(max_col=width, values_only=True), start=1):
            if number > limits.max_rows:
                raise WorkbookRejected(too_many_rows(limits))
            if len(values) == width and values[-1] not in (None, ""):
                raise WorkbookRejected(too_many_columns(limits))
            yield number, tuple(values[: limits.max_columns])
    except WorkbookRejected:
        raise
    except Exception:
        raise WorkbookRejected(DAMAGED) from None


def too_many_rows(limits: WorkbookLimits) -> str:
    return f"工作表过大（超过 {limits.max_rows} 行），请删除多余的行或拆分文件"


def too_many_columns(limits: WorkbookLimits) -> str:
    return f"工作表过宽（超过 {limits.max_columns} 列），请删除多余的列"
