"""Reading an untrusted .xlsx: every part scanned whatever its name, encodings that would
hide a DOCTYPE refused, and whatever a damaged file makes zipfile/zlib/openpyxl raise
turned into one WorkbookRejected line — also when the damage is only met mid-sheet."""

from __future__ import annotations

import re

import pytest

from desk_app.exporting import xlsx_safety
from desk_app.exporting.roster_files import read_roster
from desk_app.exporting.text_cells import csv_field, refused_on_import
from desk_app.exporting.xlsx_safety import WorkbookRejected, declared_encoding
from tests.builders.hostile_workbooks import damaged_copy, parts, rezip
from tests.builders.roster_workbooks import roster_rows, sheet_xml, write_roster

ENTITY_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE worksheet [<!ENTITY owner "张三">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>业主姓名</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&owner;</t></is></c></row>'
    "</sheetData></worksheet>"
)


@pytest.fixture
def roster(tmp_path):
    return write_roster(tmp_path / "r.xlsx", roster_rows(3))


def renamed_sheet(path, content: bytes) -> None:
    """The first sheet moved to ``xl/worksheets/sheet1.bin`` with the package's
    relationships and content types following it, as a hostile file would do."""
    members = []
    for name, data in parts(path.read_bytes()):
        if name == "xl/worksheets/sheet1.xml":
            name, data = "xl/worksheets/sheet1.bin", content
        elif name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            data = data.replace(b"worksheets/sheet1.xml", b"worksheets/sheet1.bin")
        members.append((name, data))
    path.write_bytes(rezip(members))


def test_a_renamed_sheet_is_still_read(roster):
    plain = ENTITY_SHEET.replace('<!DOCTYPE worksheet [<!ENTITY owner "张三">]>', "")
    renamed_sheet(roster, plain.replace("&owner;", "李四").encode())
    assert read_roster(roster).rows[0].values == ("李四",)


def test_an_entity_in_a_sheet_renamed_bin_is_refused(roster):
    renamed_sheet(roster, ENTITY_SHEET.encode())
    with pytest.raises(WorkbookRejected, match=xlsx_safety.UNSAFE_XML):
        read_roster(roster)


@pytest.mark.parametrize(
    "encoded",
    [
        ENTITY_SHEET.replace("UTF-8", "UTF-32").encode("utf-32"),
        ENTITY_SHEET.replace("UTF-8", "UTF-32BE").encode("utf-32-be"),
        ENTITY_SHEET.replace("UTF-8", "cp037").encode("cp037", errors="replace"),
        ENTITY_SHEET.replace("UTF-8", "UTF-7").encode("utf-7"),
    ],
    ids=["utf-32", "utf-32-be", "ebcdic", "utf-7"],
)
def test_encodings_that_would_hide_a_doctype_are_refused(roster, encoded):
    renamed_sheet(roster, encoded)
    with pytest.raises(WorkbookRejected, match=xlsx_safety.UNSAFE_ENCODING):
        read_roster(roster)


def test_declared_encodings_are_read_in_every_byte_order():
    head = '<?xml version="1.0" encoding="UTF-16"?><a/>'
    assert declared_encoding(head.encode("utf-8")) == "utf-16"
    assert declared_encoding(head.encode("utf-16")) == "utf-16"
    assert declared_encoding(head.encode("utf-16-be")) == "utf-16"
    assert declared_encoding(b"\xef\xbb\xbf<?xml version='1.0' encoding='gbk'?>") == "gbk"
    assert declared_encoding(b"\x89PNG\r\n\x1a\n") is None


def test_a_part_stored_twice_is_refused(roster):
    members = parts(roster.read_bytes())
    members.append(("xl/worksheets/sheet1.xml", sheet_xml(2)))
    roster.write_bytes(rezip(members))
    with pytest.raises(WorkbookRejected, match=xlsx_safety.DUPLICATE_PART):
        read_roster(roster)


def test_a_sheet_that_fails_to_inflate_is_one_line(roster):
    damaged_copy(roster, "inflate")
    with pytest.raises(
        WorkbookRejected, match=r"^文件已损坏或不是有效的 Excel 工作簿（压缩数据损坏"
    ):
        read_roster(roster)


def test_damage_met_only_while_reading_rows_is_one_line(roster, monkeypatch):
    """A sheet whose XML breaks after many good rows: the check passes, the reading fails."""
    good = sheet_xml(300).decode()
    broken = re.sub(r'<row r="250">.*', '<row r="250"><c r="A250" t="inlineStr"><is><t>x', good)
    members = [
        (n, broken.encode() if n == "xl/worksheets/sheet1.xml" else d)
        for n, d in parts(roster.read_bytes())
    ]
    roster.write_bytes(rezip(members))
    with pytest.raises(WorkbookRejected, match=r"（XML 内容损坏）$"):
        read_roster(roster)


def test_a_damaged_zip_catalogue_is_one_line(roster):
    data = bytearray(roster.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 16 : end + 20] = b"\xff\xff\xff\x7f"  # the directory's offset
    roster.write_bytes(bytes(data))
    with pytest.raises(WorkbookRejected):
        read_roster(roster)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("=HYPERLINK(1)", True),
        ("@SUM(1)", True),
        (" =1", True),
        ("+86 138 0000 0001", False),
        ("-1", False),
        ("张三", False),
        (None, False),
    ],
)
def test_what_imports_refuse(text, refused):
    assert refused_on_import(text) is refused


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+86 138", "'+86 138"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-12.50", "-12.50"),
        ("+3", "+3"),
        ("-", "'-"),
        ("张三", "张三"),
        (None, ""),
    ],
)
def test_csv_fields_that_excel_would_run_get_an_apostrophe(value, written):
    assert csv_field(value) == written
