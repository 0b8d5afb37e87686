"""Opening an .xlsx that came from outside (head office, the developer, a USB stick).

Every import reads its workbook through ``read_workbook`` and nothing else. An .xlsx is a
zip of XML parts. Before openpyxl sees one we check, on the zip's own catalogue and then
on the decompressed bytes of every part:

- it is a zip at all, and has a workbook part (else: not an Excel file); no part name
  appears twice (a reader could take one copy and a checker the other);
- the number of parts, the total decompressed size and each part's compression ratio
  (a zip bomb expands a few hundred KB into gigabytes);
- no part, whatever its name or extension, declares a DOCTYPE or ENTITY (entity
  expansion, "billion laughs", an entity expanded into an owner's name): openpyxl finds
  its parts through the package's relationships, so a sheet renamed ``.bin`` is still
  parsed. openpyxl would use ``defusedxml`` if it were installed; it is not a dependency,
  and Excel never writes a DOCTYPE, so refusing any is both simpler and stricter. The
  markers are looked for as UTF-8 and as UTF-16; a part in an encoding where they would
  look different (UTF-32, EBCDIC, UTF-7 …) is refused;
- the sheet's declared size, and again while reading, the row and column counts.

Then everything that reads the file (opening it, listing its sheets, iterating rows,
closing it) runs under one guard: whatever a damaged file makes zipfile, zlib or openpyxl
raise becomes one ``WorkbookRejected`` line (文件已损坏或不是有效的 Excel 工作簿（…）).
Nothing is written by reading, so a refused file has written nothing.

Python's zipfile never yields more than a member's declared size (a member that
decompresses to more fails its CRC check), so the declared sizes bound what openpyxl
can be made to read.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook

from desk_app.core.errors import DeskError, ValidationError

NOT_XLSX = "不是有效的 Excel 文件（.xlsx）"
OLD_OR_ENCRYPTED = "文件是旧版 .xls 或已加密，请在 Excel 中另存为不加密的 .xlsx 后再导入"
BOMB = "文件解压后过大，疑似压缩炸弹，已拒绝"
UNSAFE_XML = "文件包含不安全的 XML 声明，已拒绝"
UNSAFE_ENCODING = "文件包含不支持的 XML 编码，已拒绝"
DUPLICATE_PART = "文件中有重名的部件，已拒绝"
DAMAGED = "文件已损坏或不是有效的 Excel 工作簿"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx
# The markers as UTF-8 and as both UTF-16 byte orders (an XML part may be UTF-16).
_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _MARKERS)
_CHUNK = 1 << 20
# A part starting like this is XML in an encoding where the markers are other bytes:
# UTF-32 (with and without its byte-order mark) and EBCDIC's "<?xm".
_WIDE_OR_EBCDIC = (
    b"\x00\x00\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"\x00\x00\x00<",
    b"<\x00\x00\x00",
    b"\x00\x00<\x00",
    b"\x00<\x00\x00",
    b"\x4c\x6f\xa7\x94",
)
# Encodings in which every ASCII character is its own byte (so a raw scan finds the
# markers), plus UTF-16 which is scanned for separately.
_SCANNABLE_ENCODINGS = frozenset(
    {
        "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii",
        "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252",
        "gbk", "gb2312", "gb18030",
    }
)  # fmt: skip
_DECLARED_ENCODING = re.compile(r"\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")


class WorkbookRejected(ValidationError):
    """An .xlsx we will not open: not an Excel file, a zip bomb, unsafe XML, too large,
    damaged."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="file")


def damaged(reason: str) -> WorkbookRejected:
    return WorkbookRejected(f"{DAMAGED}（{reason}）")


def _reason(error: BaseException) -> WorkbookRejected:
    """The one line for what a damaged file made the zip or XML readers raise."""
    if isinstance(error, MemoryError):
        return WorkbookRejected(BOMB)
    if isinstance(error, (zlib.error, zipfile.BadZipFile, EOFError)):
        return damaged("压缩数据损坏或不完整")
    if isinstance(error, NotImplementedError):
        return damaged("使用了不支持的压缩方式")
    if isinstance(error, SyntaxError):  # ElementTree's ParseError, lxml's XMLSyntaxError
        return damaged("XML 内容损坏")
    if isinstance(error, KeyError):
        return damaged("缺少必要的部件")
    if isinstance(error, OSError):
        return damaged(f"读取失败：{error.strerror or error.__class__.__name__}")
    return damaged("内容无法解析")


@contextmanager
def _reading() -> Iterator[None]:
    """Run code that reads the untrusted file: its failures become one refusal line, and
    openpyxl's warnings about odd content stay off the console."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    except DeskError:
        raise
    except Exception as error:  # anything a damaged file can make zipfile/openpyxl raise
        raise _reason(error) from None


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
    with _reading():
        if not zipfile.is_zipfile(path):
            raise WorkbookRejected(NOT_XLSX)
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise WorkbookRejected(NOT_XLSX) from None
        with archive:
            _check_catalogue(archive, limits)
            _scan_parts(archive, limits)


def _check_catalogue(archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise WorkbookRejected(f"文件包含的部件过多（{len(members)} 个），已拒绝")
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise WorkbookRejected(NOT_XLSX)
    if len(names) != len(members):
        raise WorkbookRejected(DUPLICATE_PART)
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


def _scan_parts(archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
    """Every part, whatever its name: decompress it whole (within the budget), refuse a
    DOCTYPE/ENTITY anywhere in it or an encoding that would hide one."""
    budget = limits.max_uncompressed_bytes
    for member in archive.infolist():
        if member.is_dir():
            continue
        with archive.open(member) as part:
            tail = b""
            first = True
            while chunk := part.read(_CHUNK):
                budget -= len(chunk)
                if budget < 0:
                    raise WorkbookRejected(BOMB)
                if first:
                    _check_encoding(chunk[:256])
                    first = False
                window = tail + chunk
                if any(marker in window for marker in _MARKERS):
                    raise WorkbookRejected(UNSAFE_XML)
                tail = window[-_OVERLAP:]


def _check_encoding(head: bytes) -> None:
    if head.startswith(_WIDE_OR_EBCDIC):
        raise WorkbookRejected(UNSAFE_ENCODING)
    declared = declared_encoding(head)
    if declared is not None and declared not in _SCANNABLE_ENCODINGS:
        raise WorkbookRejected(UNSAFE_ENCODING)


def declared_encoding(head: bytes) -> str | None:
    """The ``encoding`` of an XML declaration at the start of ``head`` (lower case), if any."""
    codec = "latin-1"
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            head, codec = head[len(bom) :], name
            break
    else:
        if head[1:2] == b"\x00":
            codec = "utf-16-le"
        elif head[:1] == b"\x00":
            codec = "utf-16-be"
    if codec.startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    found = _DECLARED_ENCODING.match(head.decode(codec, errors="replace"))
    return found.group(1).strip().lower() if found else None


class UntrustedWorkbook:
    """A checked workbook, open read-only with cached values instead of formulas. Every
    method reads the file under the guard, so a damage found late (a sheet that only
    fails to inflate when its rows are read) is still one refusal line."""

    def __init__(self, workbook: Workbook, limits: WorkbookLimits) -> None:
        self._workbook = workbook
        self.limits = limits
        with _reading():
            self.sheet_names: tuple[str, ...] = tuple(ws.title for ws in workbook.worksheets)

    def rows(self, sheet_name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(Excel row number, cell values) of the sheet, within the limits."""
        with _reading():
            sheet = self._workbook[sheet_name]
        return iter_sheet_rows(sheet, self.limits)

    def close(self) -> None:
        with _reading():
            self._workbook.close()


@contextmanager
def read_workbook(
    path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS
) -> Iterator[UntrustedWorkbook]:
    """The one way an import opens a workbook: checked, then opened under the guard, and
    closed (read-only mode keeps the zip open) however the reading ends."""
    book = UntrustedWorkbook(open_workbook(path, limits), limits)
    try:
        yield book
    finally:
        book.close()


def open_workbook(path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS) -> Workbook:
    """Check the file, then open it read-only with cached values instead of formulas.

    The caller closes it (``workbook.close()``): read-only mode keeps the zip open.
    Imports use ``read_workbook``, which also guards the reading.
    """
    check_workbook_file(path, limits)
    with _reading():
        return openpyxl.load_workbook(path, read_only=True, data_only=True)


def iter_sheet_rows(
    sheet: Any, limits: WorkbookLimits = DEFAULT_LIMITS
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, cell values) of a read-only sheet, within the limits.

    The declared dimension is checked first; then it is ignored for reading, since a
    dimension that is too small would otherwise cut the sheet short without a word.
    Only the reading is guarded: an error in the caller's loop body stays the caller's.
    """
    with _reading():
        max_row, max_column = sheet.max_row or 0, sheet.max_column or 0
        if max_row > limits.max_rows:
            raise WorkbookRejected(too_many_rows(limits))
        if max_column > limits.max_columns:
            raise WorkbookRejected(too_many_columns(limits))
        sheet.reset_dimensions()
        # One column past the limit, so a sheet whose dimension lied is still caught.
        width = limits.max_columns + 1
        rows = enumerate(sheet.iter_rows(max_col=width, values_only=True), start=1)
    while True:
        with _reading():
            try:
                number, values = next(rows)
            except StopIteration:
                return
            if number > limits.max_rows:
                raise WorkbookRejected(too_many_rows(limits))
            if len(values) == width and values[-1] not in (None, ""):
                raise WorkbookRejected(too_many_columns(limits))
        yield number, tuple(values[: limits.max_columns])


def too_many_rows(limits: WorkbookLimits) -> str:
    return f"工作表过大（超过 {limits.max_rows} 行），请删除多余的行或拆分文件"


def too_many_columns(limits: WorkbookLimits) -> str:
    return f"工作表过宽（超过 {limits.max_columns} 列），请删除多余的列"
