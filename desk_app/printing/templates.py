"""Form templates: one TOML file per paper form in ``forms/``, loaded and checked here.

Schema (``forms/README.md`` has the long version with examples)::

    [form]
    title = "客户服务中心交接班记录表"   # PDF title; {placeholders} allowed
    paper = "A4"            # A4, A4-landscape, A5, A5-landscape, B5, B5-landscape,
                            # receipt-241x93, receipt-241x140, receipt-241x280
    # width_mm = 241.0      # ... or an explicit size instead of `paper`
    # height_mm = 93.0
    margins_mm = [15, 12, 15, 12]   # top, right, bottom, left; or one number
    font_size = 10.5        # base size in pt
    line_height = 1.35      # line pitch as a multiple of the font size
    page_numbers = true     # "第 1 页 / 共 N 页" centred in the bottom margin
    page_number_format = "第 {page} 页 / 共 {pages} 页"   # data keys allowed too
    running_header = "{estate_name}  交接班记录表（续）"   # top margin, pages 2..N

    [[element]]             # one per element, drawn in order
    kind = "text"           # text | box | line | grid | table | signature | paragraph | image

Every element is positioned in mm from the top-left corner of the printable area
(inside the margins): ``x`` (default 0) and ``y``. With ``y`` the element sits at
that height on the current page; without ``y`` it flows: it goes ``gap`` mm
(default 2) below the lowest thing placed so far, on a new page if it does not fit.
``same_row = true`` puts a flowing element at the top of the previous one (two
signatures side by side). ``font_size`` (pt) and ``bold`` apply to any element, and so
does ``only_if = "key"``: the element is left out unless that data value is given and not
empty (a 作废 frame printed only on a voided receipt).

* ``text``: one line. ``text = "班次：{shift_name}"`` (static, ``{key}`` or
  ``{key|format}`` filled from the data, missing keys print as nothing, ``{{`` is a
  literal brace) or ``field = "key"`` with ``format``. ``width`` (mm) and ``align``
  (left/center/right); a text too wide for ``width`` is shrunk. Without ``width`` a
  centred or right-aligned text uses the rest of the line.
* ``box``: ``width``, ``height``; optional ``label`` (wrapped inside, ``align``,
  ``valign`` top/middle), ``line_width`` (pt); ``grow = true`` makes the box taller
  than ``height`` when its label needs more lines (a framed cell for long text).
* ``line``: from (x, y) to (x + ``width``, y + ``height``); ``width`` defaults to
  the rest of the line, ``height`` to 0; ``line_width`` (pt), ``dash``; ``keep`` (mm): a
  flowing line (a cut line) starts a new page unless that much room is left below it,
  so that a second copy does not begin at the foot of a page.
* ``grid``: a ruled table with a fixed number of ``rows`` of ``row_height`` mm,
  ``header`` row on top (``header_height``); ``columns`` as for ``table``; optional
  ``field`` naming a list of dicts to fill the rows (more items than rows is an error,
  unless ``grow = true``: then the grid gets a row per item).
* ``table``: a flowing table bound to ``field`` (a list of dicts). ``columns`` is a
  list of ``{ label, key, width, align, format }``; a column without ``width`` shares
  the rest of the table's ``width``. Cells wrap (CJK line breaking); the header
  repeats on every page; rows split across pages only when taller than a page.
  ``title`` prints above it (``title（续）`` on later pages), ``empty_text`` when
  the list is empty, ``padding`` (mm), ``header_font_size``; ``min_rows`` pads a
  shorter list with blank ruled rows (lines to fill in by hand).
  A column ``{ each = "rooms", width = 120 }`` (table or grid) stands for one column per
  entry of the data list ``rooms``, sharing its width: an entry is a text (the column's
  heading and the key of its value in each row) or ``{ label, key }``; with no entries
  it stays one blank column. Headings may hold ``{placeholders}``.
* ``signature``: ``label`` then a blank line of ``line_length`` mm to sign on;
  optional ``date_label`` with its own line (``date_line_length``).
* ``paragraph``: wrapped text from ``field`` (with ``format``) or ``text``, ``width``
  (default: rest of the line), flows onto the next page.
* ``image``: the picture in the data value ``field`` (bytes of a JPEG/PNG file, or a file
  path) scaled to fit a ``width`` × ``height`` frame, centred, its proportions kept;
  ``label`` (e.g. 照片) prints in the frame when there is no picture; ``line_width``
  (0: no frame).

Formats: ``money`` (integer fen → ¥1,234.50), ``capitals`` (fen → 壹仟贰佰叁拾肆元伍角),
``date`` (2026-11-22), ``date_cn`` (2026年11月22日), ``datetime`` (2026-11-22 09:30),
``time`` (09:30), ``text`` (the default).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk_app import paths
from desk_app.core.errors import ValidationError

PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A4-landscape": (297.0, 210.0),
    "A5": (148.0, 210.0),
    "A5-landscape": (210.0, 148.0),
    "B5": (176.0, 250.0),
    "B5-landscape": (250.0, 176.0),
    "receipt-241x93": (241.0, 93.0),
    "receipt-241x140": (241.0, 140.0),
    "receipt-241x280": (241.0, 280.0),
}
FORMATS = frozenset({"text", "money", "capitals", "date", "date_cn", "datetime", "time"})
ALIGNS = frozenset({"left", "center", "right"})
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([a-z_]+))?\}")
_NAME = re.compile(r"[A-Za-z0-9_-]+")
DEFAULT_PAGE_NUMBER_FORMAT = "第 {page} 页 / 共 {pages} 页"


@dataclass(frozen=True, kw_only=True)
class Column:
    label: str
    key: str = ""
    width: float  # mm, resolved
    align: str = "left"
    format: str | None = None
    each: str | None = None  # data key of a list: one column per entry, sharing `width`


@dataclass(frozen=True, kw_only=True)
class Element:
    kind: str
    x: float = 0.0
    y: float | None = None  # None: flows below the previous element
    gap: float = 2.0
    same_row: bool = False
    font_size: float | None = None
    bold: bool = False
    only_if: str | None = None  # data key: left out unless that value is non-empty


@dataclass(frozen=True, kw_only=True)
class TextElement(Element):
    text: str = ""
    field: str | None = None
    format: str | None = None
    width: float | None = None
    align: str = "left"


@dataclass(frozen=True, kw_only=True)
class BoxElement(Element):
    width: float
    height: float
    label: str = ""
    align: str = "left"
    valign: str = "top"
    line_width: float = 0.8
    grow: bool = False  # taller than `height` when the label needs it


@dataclass(frozen=True, kw_only=True)
class LineElement(Element):
    width: float
    height: float = 0.0
    line_width: float = 0.6
    dash: bool = False
    keep: float = 0.0  # mm that must fit below a flowing line, else it starts a new page


@dataclass(frozen=True, kw_only=True)
class GridElement(Element):
    columns: tuple[Column, ...]
    rows: int
    row_height: float = 8.0
    header: bool = True
    header_height: float = 8.0
    field: str | None = None
    line_width: float = 0.6
    grow: bool = False  # more data rows than `rows` add rows instead of failing


@dataclass(frozen=True, kw_only=True)
class TableElement(Element):
    field: str
    columns: tuple[Column, ...]
    title: str = ""
    empty_text: str = "无"
    padding: float = 1.2
    header_font_size: float | None = None
    line_width: float = 0.5
    min_rows: int = 0  # blank rows added up to this many
    header: bool = True  # False: label/value rows with no heading row (a form's facts)


@dataclass(frozen=True, kw_only=True)
class SignatureElement(Element):
    label: str
    line_length: float = 40.0
    date_label: str = ""
    date_line_length: float = 30.0


@dataclass(frozen=True, kw_only=True)
class ParagraphElement(Element):
    text: str = ""
    field: str | None = None
    format: str | None = None
    width: float


@dataclass(frozen=True, kw_only=True)
class ImageElement(Element):
    field: str
    width: float
    height: float
    label: str = ""  # printed in the frame when the data has no picture
    line_width: float = 0.5  # the frame; 0 draws none


@dataclass(frozen=True, kw_only=True)
class FormTemplate:
    name: str
    title: str
    page_width: float  # mm
    page_height: float  # mm
    margins: tuple[float, float, float, float]  # mm: top, right, bottom, left
    font_size: float = 10.5
    line_height: float = 1.35
    page_numbers: bool = False
    page_number_format: str = DEFAULT_PAGE_NUMBER_FORMAT
    running_header: str = ""
    elements: tuple[Element, ...] = field(default_factory=tuple)

    @property
    def content_width(self) -> float:
        return self.page_width - self.margins[1] - self.margins[3]

    @property
    def content_height(self) -> float:
        return self.page_height - self.margins[0] - self.margins[2]


def load_template(name: str) -> FormTemplate:
    """Read and check ``forms/<name>.toml``; ``ValidationError`` (in Chinese) if unusable."""
    if not _NAME.fullmatch(name or ""):
        raise ValidationError(f"表单名称“{name}”不合法：只能包含字母、数字、下划线和连字符")
    path = paths.forms_dir() / f"{name}.toml"
    if not path.is_file():
        known = "、".join(available_templates()) or "（无）"
        raise ValidationError(f"未知的表单“{name}”：找不到模板文件 {path}。现有表单：{known}")
    return load_template_file(path)


def available_templates() -> list[str]:
    folder = paths.forms_dir()
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def load_template_file(path: Path) -> FormTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"无法读取表单模板 {path}：{exc}") from exc
    return parse_template(text, name=path.stem, source=str(path))


def parse_template(text: str, *, name: str = "form", source: str = "<模板>") -> FormTemplate:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"表单模板 {source} 格式错误（不是有效的 TOML）：{exc}") from exc
    return _Parser(source).template(raw, name)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.where = "[form]"

    def fail(self, message: str) -> ValidationError:
        return ValidationError(f"表单模板 {self.source} {self.where}：{message}")

    # -- [form] ---------------------------------------------------------------

    def template(self, raw: Mapping[str, Any], name: str) -> FormTemplate:
        unknown = set(raw) - {"form", "element"}
        if unknown:
            raise self.fail(f"不认识的段落 {'、'.join(sorted(unknown))}")
        form = raw.get("form")
        if not isinstance(form, dict):
            raise self.fail("缺少 [form] 段")
        self.check_keys(
            form,
            {"name", "title", "paper", "width_mm", "height_mm", "margins_mm", "font_size"}
            | {"line_height", "page_numbers", "page_number_format", "running_header"},
        )
        width, height = self.paper(form)
        margins = self.margins(form.get("margins_mm", 10))
        if margins[1] + margins[3] >= width - 10 or margins[0] + margins[2] >= height - 10:
            raise self.fail("页边距太大，可打印区域不足 10 毫米")
        content_width = width - margins[1] - margins[3]
        font_size = self.number(form, "font_size", 10.5, low=4, high=72)
        elements_raw = raw.get("element", [])
        if not isinstance(elements_raw, list):
            raise self.fail("element 必须写成 [[element]] 列表")
        elements = []
        for index, item in enumerate(elements_raw, start=1):
            self.where = f"第 {index} 个元素"
            if not isinstance(item, dict):
                raise self.fail("必须是一个表（[[element]]）")
            elements.append(self.element(item, content_width, height - margins[0] - margins[2]))
        self.where = "[form]"
        page_number_format = self.string(form, "page_number_format", DEFAULT_PAGE_NUMBER_FORMAT)
        self.check_placeholders(page_number_format)  # {page}, {pages} and data keys
        return FormTemplate(
            name=self.string(form, "name", name),
            title=self.string(form, "title", name),
            page_width=width,
            page_height=height,
            margins=margins,
            font_size=font_size,
            line_height=self.number(form, "line_height", 1.35, low=1.0, high=3.0),
            page_numbers=self.boolean(form, "page_numbers", False),
            page_number_format=page_number_format,
            running_header=self.text(form, "running_header"),
            elements=tuple(elements),
        )

    def paper(self, form: Mapping[str, Any]) -> tuple[float, float]:
        if "width_mm" in form or "height_mm" in form:
            if "paper" in form:
                raise self.fail("paper 与 width_mm/height_mm 只能二选一")
            return (
                self.required_number(form, "width_mm", low=30, high=2000),
                self.required_number(form, "height_mm", low=30, high=5000),
            )
        paper = form.get("paper", "A4")
        if paper not in PAPER_SIZES_MM:
            known = "、".join(PAPER_SIZES_MM)
            raise self.fail(
                f"不支持的纸张规格“{paper}”，可用：{known}，或用 width_mm/height_mm 指定尺寸"
            )
        return PAPER_SIZES_MM[paper]

    def margins(self, value: object) -> tuple[float, float, float, float]:
        if _is_number(value):
            value = [value] * 4
        if (
            not isinstance(value, list)
            or len(value) != 4
            or not all(_is_number(v) and 0 <= v <= 100 for v in value)
        ):
            raise self.fail("margins_mm 须为一个数或 [上, 右, 下, 左] 四个 0–100 之间的数（毫米）")
        top, right, bottom, left = (float(v) for v in value)
        return top, right, bottom, left

    # -- elements -------------------------------------------------------------

    def element(
        self, item: Mapping[str, Any], content_width: float, content_height: float
    ) -> Element:
        kind = item.get("kind")
        builders = {
            "text": self.text_element,
            "box": self.box_element,
            "line": self.line_element,
            "grid": self.grid_element,
            "table": self.table_element,
            "signature": self.signature_element,
            "paragraph": self.paragraph_element,
            "image": self.image_element,
        }
        if kind not in builders:
            raise self.fail(f"不认识的元素类型“{kind}”，可用：{'、'.join(builders)}")
        self.where += f"（{kind}）"
        x = self.number(item, "x", 0.0, low=0, high=content_width - 1)
        common: dict[str, Any] = {
            "kind": kind,
            "x": x,
            "y": self.number(item, "y", None, low=0, high=content_height - 1),
            "gap": self.number(item, "gap", 2.0, low=0, high=200),
            "same_row": self.boolean(item, "same_row", False),
            "font_size": self.number(item, "font_size", None, low=4, high=72),
            "bold": self.boolean(item, "bold", False),
            "only_if": self.optional_key(item, "only_if"),
        }
        return builders[kind](item, common, content_width - x)

    def text_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(item, set(common) | {"text", "field", "format", "width", "align"})
        text, fld, fmt = self.content(item)
        return TextElement(
            **common,
            text=text,
            field=fld,
            format=fmt,
            width=self.number(item, "width", None, low=1, high=room),
            align=self.choice(item, "align", ALIGNS, "left"),
        )

    def box_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(
            item,
            set(common) | {"width", "height", "label", "align", "valign", "line_width", "grow"},
        )
        return BoxElement(
            **common,
            width=self.required_number(item, "width", low=1, high=room),
            height=self.required_number(item, "height", low=1, high=5000),
            label=self.text(item, "label"),
            align=self.choice(item, "align", ALIGNS, "left"),
            valign=self.choice(item, "valign", {"top", "middle"}, "top"),
            line_width=self.number(item, "line_width", 0.8, low=0.1, high=5),
            grow=self.boolean(item, "grow", False),
        )

    def line_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(item, set(common) | {"width", "height", "line_width", "dash", "keep"})
        return LineElement(
            **common,
            width=self.number(item, "width", room, low=0, high=room),
            height=self.number(item, "height", 0.0, low=0, high=5000),
            line_width=self.number(item, "line_width", 0.6, low=0.1, high=5),
            dash=self.boolean(item, "dash", False),
            keep=self.number(item, "keep", 0.0, low=0, high=5000),
        )

    def grid_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(
            item,
            set(common)
            | {"columns", "rows", "row_height", "header", "header_height", "field", "line_width"}
            | {"grow"},
        )
        rows = item.get("rows")
        if not isinstance(rows, int) or isinstance(rows, bool) or not 1 <= rows <= 200:
            raise self.fail("rows 须为 1–200 之间的整数")
        row_height = self.number(item, "row_height", 8.0, low=3, high=100)
        return GridElement(
            **common,
            columns=self.columns(item, room),
            rows=rows,
            row_height=row_height,
            header=self.boolean(item, "header", True),
            header_height=self.number(item, "header_height", row_height, low=3, high=100),
            field=self.optional_key(item, "field"),
            line_width=self.number(item, "line_width", 0.6, low=0.1, high=5),
            grow=self.boolean(item, "grow", False),
        )

    def table_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(
            item,
            set(common)
            | {"field", "columns", "title", "empty_text", "padding", "header_font_size"}
            | {"line_width", "width", "min_rows", "header"},
        )
        if common["same_row"]:
            raise self.fail("表格（table）不能 same_row")
        header = item.get("header", True)
        if not isinstance(header, bool):
            raise self.fail("header 须为 true 或 false")
        fld = self.optional_key(item, "field")
        if fld is None:
            raise self.fail("table 必须用 field 指定数据列表")
        width = self.number(item, "width", room, low=10, high=room)
        min_rows = item.get("min_rows", 0)
        if not isinstance(min_rows, int) or isinstance(min_rows, bool) or not 0 <= min_rows <= 200:
            raise self.fail("min_rows 须为 0–200 之间的整数")
        return TableElement(
            **common,
            field=fld,
            columns=self.columns(item, width),
            title=self.text(item, "title"),
            empty_text=self.text(item, "empty_text", "无"),
            padding=self.number(item, "padding", 1.2, low=0, high=10),
            header_font_size=self.number(item, "header_font_size", None, low=4, high=72),
            line_width=self.number(item, "line_width", 0.5, low=0.1, high=5),
            min_rows=min_rows,
            header=header,
        )

    def signature_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(
            item, set(common) | {"label", "line_length", "date_label", "date_line_length"}
        )
        return SignatureElement(
            **common,
            label=self.text(item, "label"),
            line_length=self.number(item, "line_length", 40.0, low=5, high=room),
            date_label=self.text(item, "date_label"),
            date_line_length=self.number(item, "date_line_length", 30.0, low=5, high=room),
        )

    def paragraph_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(item, set(common) | {"text", "field", "format", "width"})
        text, fld, fmt = self.content(item)
        return ParagraphElement(
            **common,
            text=text,
            field=fld,
            format=fmt,
            width=self.number(item, "width", room, low=5, high=room),
        )

    def image_element(self, item: Mapping[str, Any], common: dict, room: float) -> Element:
        self.check_keys(item, set(common) | {"field", "width", "height", "label", "line_width"})
        fld = self.optional_key(item, "field")
        if fld is None:
            raise self.fail("image 必须用 field 指定图片数据")
        return ImageElement(
            **common,
            field=fld,
            width=self.required_number(item, "width", low=1, high=room),
            height=self.required_number(item, "height", low=1, high=5000),
            label=self.text(item, "label"),
            line_width=self.number(item, "line_width", 0.5, low=0, high=5),
        )

    def columns(self, item: Mapping[str, Any], width: float) -> tuple[Column, ...]:
        raw = item.get("columns")
        if not isinstance(raw, list) or not raw or not all(isinstance(c, dict) for c in raw):
            raise self.fail(
                "columns 须为非空列表，每列写成 { label = ..., key = ..., width = ... }"
            )
        where = self.where
        specs = []
        for index, col in enumerate(raw, start=1):
            self.where = f"{where} 第 {index} 列"
            self.check_keys(col, {"label", "key", "width", "align", "format", "each"})
            each = self.optional_key(col, "each")
            if each is not None and "key" in col:
                raise self.fail("each 列的各列由数据给出，不能再写 key")
            specs.append(
                (
                    self.text(col, "label"),
                    self.string(col, "key", ""),
                    self.number(col, "width", None, low=2, high=width),
                    self.choice(col, "align", ALIGNS, "left"),
                    self.format(col),
                    each,
                )
            )
        self.where = where
        fixed = sum(spec[2] for spec in specs if spec[2] is not None)
        flexible = sum(1 for spec in specs if spec[2] is None)
        if fixed > width + 0.01:
            raise self.fail(f"各列宽度之和 {fixed:g} 毫米超过可用宽度 {width:g} 毫米")
        share = (width - fixed) / flexible if flexible else 0.0
        if flexible and share < 5:
            raise self.fail(f"未指定宽度的列只剩 {share:.1f} 毫米，太窄")
        return tuple(
            Column(
                label=label,
                key=key,
                width=w if w is not None else share,
                align=al,
                format=fmt,
                each=each,
            )
            for label, key, w, al, fmt, each in specs
        )

    # -- values ---------------------------------------------------------------

    def content(self, item: Mapping[str, Any]) -> tuple[str, str | None, str | None]:
        text = self.text(item, "text")
        fld = self.optional_key(item, "field")
        if bool(text) == bool(fld):
            raise self.fail("须有 text（静态文字）或 field（数据字段）之一，且只能有一个")
        fmt = self.format(item)
        if fmt and not fld:
            raise self.fail("format 只用于 field；静态文字里写成 {字段|格式}")
        return text, fld, fmt

    def format(self, item: Mapping[str, Any]) -> str | None:
        fmt = item.get("format")
        if fmt is None:
            return None
        if fmt not in FORMATS:
            raise self.fail(f"不认识的格式“{fmt}”，可用：{'、'.join(sorted(FORMATS))}")
        return str(fmt)

    def text(self, item: Mapping[str, Any], key: str, default: str = "") -> str:
        value = self.string(item, key, default)
        self.check_placeholders(value)
        return value

    def check_placeholders(self, text: str, allowed: set[str] | None = None) -> None:
        for match in PLACEHOLDER.finditer(text):
            key, fmt = match.group(1), match.group(2)
            if allowed is not None and key is not None and key not in allowed:
                raise self.fail(f"“{text}”里只能用 {'、'.join('{' + a + '}' for a in allowed)}")
            if fmt is not None and fmt not in FORMATS:
                raise self.fail(
                    f"“{text}”里的格式“{fmt}”不认识，可用：{'、'.join(sorted(FORMATS))}"
                )

    def string(self, item: Mapping[str, Any], key: str, default: str) -> str:
        value = item.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{key} 须为文字（用引号括起来）")
        return value

    def optional_key(self, item: Mapping[str, Any], key: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
            raise self.fail(f"{key} 须为数据字段名（字母、数字、下划线）")
        return value

    def number(
        self, item: Mapping[str, Any], key: str, default: float | None, *, low: float, high: float
    ) -> Any:
        value = item.get(key, default)
        if value is None:
            return None
        if not _is_number(value):
            raise self.fail(f"{key} 须为数字")
        if not low <= value <= high:
            raise self.fail(f"{key} = {value} 超出范围（{low:g}–{high:g}）")
        return float(value)

    def required_number(
        self, item: Mapping[str, Any], key: str, *, low: float, high: float
    ) -> float:
        if key not in item:
            raise self.fail(f"缺少 {key}")
        return self.number(item, key, None, low=low, high=high)

    def boolean(self, item: Mapping[str, Any], key: str, default: bool) -> bool:
        value = item.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{key} 须为 true 或 false")
        return value

    def choice(self, item: Mapping[str, Any], key: str, options: Any, default: str) -> str:
        value = item.get(key, default)
        if value not in options:
            raise self.fail(f"{key} 须为 {'、'.join(sorted(options))} 之一，不能是“{value}”")
        return str(value)

    def check_keys(self, item: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = set(item) - allowed
        if unknown:
            raise self.fail(f"不认识的键 {'、'.join(sorted(unknown))}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
