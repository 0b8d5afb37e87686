"""Render a form template plus data to PDF bytes (reportlab canvas, no Qt, no SQL).

Two passes: ``_Layout`` places the template's elements on pages as lists of
drawing operations (so the number of pages is known), then ``render_template``
paints each page and adds the page-number footer, the running header on later
pages and the copy mark (副本 / 补打), a red box in the top-right corner.

The PDF is built with ``invariant=1``: the same template and data give the same
bytes. Coordinates in templates are millimetres from the top-left corner of the
printable area; reportlab's are points from the bottom-left of the page.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desk_app.core.clock import CHINA_TZ
from desk_app.core.errors import ValidationError
from desk_app.printing.fonts import (
    BOLD_STROKE_EM,
    degraded,
    ensure_fonts_registered,
    text_runs,
    text_width,
)
from desk_app.printing.linebreak import wrap_text
from desk_app.printing.templates import (
    PLACEHOLDER,
    BoxElement,
    Column,
    Element,
    FormTemplate,
    GridElement,
    ImageElement,
    LineElement,
    ParagraphElement,
    SignatureElement,
    TableElement,
    TextElement,
    load_template,
)

log = logging.getLogger(__name__)

PT = 25.4 / 72  # millimetres per point
ASCENT = 0.88  # of the font size, above the baseline (BabelStone Han: 0.879)
COPY_MARK_RED = (0.78, 0.05, 0.05)
# Printed on every page while the fonts are broken (fonts.degraded()): the glyphs come from
# the PDF reader's fonts, so the clerk must see that the install needs repair.
DEGRADED_NOTICE = "字体文件缺失，本页字体未嵌入，请重新安装"
_EPS = 1e-6
BOX_PAD = 1.5  # mm between a box's rule and its text

Op = Callable[[Canvas], None]


def render_form(name: str, data: Mapping[str, object], *, copy_mark: str | None = None) -> bytes:
    """PDF bytes of the form ``forms/<name>.toml`` filled with ``data``."""
    return render_template(load_template(name), data, copy_mark=copy_mark)


def render_template(
    template: FormTemplate, data: Mapping[str, object], *, copy_mark: str | None = None
) -> bytes:
    """PDF bytes of ``template`` filled with ``data``; ``copy_mark`` is stamped on every page."""
    return render_many(template, [data], copy_mark=copy_mark)


def render_pages(
    name: str,
    datas: Sequence[Mapping[str, object]],
    *,
    copy_mark: str | None = None,
    title: str | None = None,
) -> bytes:
    """One PDF of the form filled with each data set in turn, each from a new page with
    its own page numbers (the copies of a receipt, a bundle of notices): one print job."""
    return render_many(load_template(name), datas, copy_mark=copy_mark, title=title)


def render_many(
    template: FormTemplate,
    datas: Sequence[Mapping[str, object]],
    *,
    copy_mark: str | None = None,
    title: str | None = None,
) -> bytes:
    if not datas:
        raise ValueError("nothing to render")
    font = ensure_fonts_registered()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(template.page_width * mm, template.page_height * mm),
        invariant=1,
        pageCompression=1,
        initialFontName=font,  # type: ignore[arg-type]  # a font name (the stubs say float); keeps Helvetica out of the PDF
        initialFontSize=template.font_size,
    )
    canvas.setTitle(title if title is not None else fill_placeholders(template.title, datas[0]))
    canvas.setSubject(template.name)
    canvas.setAuthor("desk-app")
    canvas.setCreator("desk-app")
    for data in datas:
        pages = _Layout(template, data, font).run()
        for number, ops in enumerate(pages, start=1):
            for op in ops:
                op(canvas)
            _draw_page_furniture(canvas, template, data, font, number, len(pages), copy_mark)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# -- values ---------------------------------------------------------------------


def _format_value(value: object, fmt: str | None) -> str:
    """One data value as printed text. ``fmt`` is a template format hint (see templates.py)."""
    if value is None or value == "":
        return ""
    if fmt == "money":
        return value if isinstance(value, str) else _format_fen(_fen(value))
    if fmt == "capitals":
        if isinstance(value, str):
            return value
        from desk_app.core.capitals import amount_in_capitals  # lazy: optional at import time

        return amount_in_capitals(_fen(value))
    if fmt in {"date", "date_cn", "datetime", "time"}:
        return _format_moment(value, fmt)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return _format_moment(value, "datetime")
    if isinstance(value, date):
        return _format_moment(value, "date")
    return str(value)


def _absent(value: object) -> bool:
    """A data value that leaves an ``only_if`` element out: missing, ``""``, ``False``, ``[]``."""
    if value is None or value is False:
        return True
    return isinstance(value, str | Sequence | Mapping) and len(value) == 0


def _fen(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"money is integer fen, got {type(value).__name__}: {value!r}")


def _format_fen(fen: int) -> str:
    """``123450`` → ``¥1,234.50``."""
    from desk_app.core.money import format_fen

    return format_fen(fen)


def _format_moment(value: object, fmt: str) -> str:
    moment: date
    if isinstance(value, str):
        try:
            moment = (
                date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
            )
        except ValueError:
            return value
    elif isinstance(value, date):
        moment = value
    else:
        return str(value)
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=CHINA_TZ)
        moment = moment.astimezone(CHINA_TZ)
    elif fmt == "datetime":
        fmt = "date"
    if fmt == "date_cn":
        return f"{moment.year}年{moment.month}月{moment.day}日"
    pattern = {"date": "%Y-%m-%d", "datetime": "%Y-%m-%d %H:%M", "time": "%H:%M"}[fmt]
    return "" if fmt == "time" and not isinstance(moment, datetime) else moment.strftime(pattern)


def fill_placeholders(text: str, data: Mapping[str, object]) -> str:
    """Replace ``{key}`` / ``{key|format}`` with data values; missing keys give ``""``."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return _format_value(data.get(match.group(1)), match.group(2))

    return PLACEHOLDER.sub(replace, text)


# -- drawing primitives -----------------------------------------------------------


def _draw_text(
    canvas: Canvas,
    x: float,
    baseline: float,
    text: str,
    font: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    color: tuple[float, float, float] = (0, 0, 0),
) -> None:
    """Draw one line; ``x`` is the left edge, centre or right edge per ``align`` (points)."""
    if not text:
        return
    if align != "left":
        width = text_width(text, font, size)
        x -= width if align == "right" else width / 2
    canvas.saveState()
    canvas.setFillColorRGB(*color)
    text_object = canvas.beginText(x, baseline)
    if bold:  # the font has no bold face: fill and stroke the outlines
        canvas.setStrokeColorRGB(*color)
        canvas.setLineWidth(size * BOLD_STROKE_EM)
        text_object.setTextRenderMode(2)
    for run_font, run in text_runs(text, font):
        text_object.setFont(run_font, size)
        text_object.textOut(run)
    canvas.drawText(text_object)
    canvas.restoreState()


def _draw_rect(
    canvas: Canvas, x: float, y: float, w: float, h: float, line_width: float, fill: float | None
) -> None:
    canvas.saveState()
    canvas.setLineWidth(line_width)
    if fill is not None:
        canvas.setFillGray(fill)
    canvas.rect(x, y, w, h, stroke=1, fill=1 if fill is not None else 0)
    canvas.restoreState()


def _draw_line(
    canvas: Canvas, x1: float, y1: float, x2: float, y2: float, line_width: float, dash: bool
) -> None:
    canvas.saveState()
    canvas.setLineWidth(line_width)
    if dash:
        canvas.setDash(3, 2)
    canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def _draw_image(canvas: Canvas, image: ImageReader, x: float, y: float, w: float, h: float) -> None:
    canvas.drawImage(image, x, y, w, h)


IMAGE_DPI = 300  # a picture is scaled down to this resolution at its printed size


def _image_reader(value: object, key: str, width_mm: float, height_mm: float) -> ImageReader | None:
    """A picture from the data (file bytes or a path), turned upright (EXIF) and scaled
    down to ``IMAGE_DPI`` at the frame's size (a phone photo would make a card sheet tens
    of MB); ``None`` when there is none or it can't be read (logged: the frame then prints
    with its label, to paste a photo in)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if value is None or value == "" or value == b"":
        return None
    source: io.BytesIO | str
    if isinstance(value, bytes | bytearray):
        source = io.BytesIO(bytes(value))
    elif isinstance(value, str | Path):
        source = str(value)
    else:
        log.warning("picture %s: not bytes or a path (%s)", key, type(value).__name__)
        return None
    try:
        with Image.open(source) as opened:
            picture = ImageOps.exif_transpose(opened).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        log.warning("picture %s unreadable: %s", key, exc)
        return None
    most = (round(width_mm / 25.4 * IMAGE_DPI), round(height_mm / 25.4 * IMAGE_DPI))
    picture.thumbnail(most)  # only ever shrinks, keeps the proportions
    return ImageReader(picture)


def _draw_page_furniture(
    canvas: Canvas,
    template: FormTemplate,
    data: Mapping[str, object],
    font: str,
    page: int,
    pages: int,
    copy_mark: str | None,
) -> None:
    width, height = template.page_width * mm, template.page_height * mm
    top, right, bottom, left = template.margins
    small = template.font_size * 0.85
    if template.page_numbers:
        values = {**data, "page": page, "pages": pages}
        label = fill_placeholders(template.page_number_format, values)
        baseline = max(bottom * 0.45, 2.0) * mm
        _draw_text(canvas, width / 2, baseline, label, font, small, align="center")
    if template.running_header and page > 1:
        label = fill_placeholders(template.running_header, data)
        baseline = height - max(top * 0.6, small * PT + 1) * mm
        _draw_text(canvas, left * mm, baseline, label, font, small)
    if copy_mark:
        size = 14.0
        pad = 2.0 * mm
        box_w = text_width(copy_mark, font, size) + 2 * pad
        box_h = size + 2 * pad
        x = width - max(right, 4.0) * mm - box_w
        y = height - 4.0 * mm - box_h
        canvas.saveState()
        canvas.setStrokeColorRGB(*COPY_MARK_RED)
        canvas.setLineWidth(1.4)
        canvas.rect(x, y, box_w, box_h)
        canvas.restoreState()
        baseline = y + pad + size * (1 - ASCENT)
        _draw_text(canvas, x + pad, baseline, copy_mark, font, size, bold=True, color=COPY_MARK_RED)
    if degraded() is not None:  # a broken install must show on the paper, not only in a log
        baseline = max(bottom * 0.45, 2.0) * mm
        _draw_text(canvas, left * mm, baseline, DEGRADED_NOTICE, font, small, color=COPY_MARK_RED)


# -- layout -----------------------------------------------------------------------


class _Layout:
    """Places elements on pages; positions in mm from the printable area's top-left."""

    def __init__(self, template: FormTemplate, data: Mapping[str, object], font: str) -> None:
        self.t = template
        self.data = data
        self.font = font
        self.pages: list[list[Op]] = [[]]
        self.cursor = 0.0  # lowest point used on the current page
        self.last_top = 0.0  # top of the last element placed (for same_row)
        self.height = template.content_height
        self.following: Element | None = None  # the element drawn after the current one

    def run(self) -> list[list[Op]]:
        handlers: dict[type, Callable] = {
            TextElement: self.text,
            BoxElement: self.box,
            LineElement: self.line,
            GridElement: self.grid,
            TableElement: self.table,
            SignatureElement: self.signature,
            ParagraphElement: self.paragraph,
            ImageElement: self.image,
        }
        drawn = [
            element
            for element in self.t.elements
            if element.only_if is None or not _absent(self.data.get(element.only_if))
        ]
        for index, element in enumerate(drawn):
            # The content right before a block of signatures leaves room for it, so that
            # nobody signs on a page of its own.
            self.height = self.t.content_height - self._signatures_after(drawn, index)
            self.following = drawn[index + 1] if index + 1 < len(drawn) else None
            handlers[type(element)](element)
            self.height = self.t.content_height
        return self.pages

    def _signatures_after(self, drawn: Sequence[Element], index: int) -> float:
        """Height of the flowing signature lines that follow ``drawn[index]`` (0 if none,
        or if that element is a signature or placed at a fixed position itself)."""
        element = drawn[index]
        if isinstance(element, SignatureElement) or element.y is not None:
            return 0.0
        height = 0.0
        for following in drawn[index + 1 :]:
            if not isinstance(following, SignatureElement) or following.y is not None:
                break
            if not following.same_row:
                height += following.gap + 2 * self.pitch(self.size(following))
        return height

    # geometry helpers

    def px(self, x: float) -> float:
        return (self.t.margins[3] + x) * mm

    def py(self, y: float) -> float:
        return (self.t.page_height - self.t.margins[0] - y) * mm

    def size(self, element: Element) -> float:
        return element.font_size or self.t.font_size

    def pitch(self, size: float) -> float:
        """Line pitch in mm for a font size in points."""
        return size * PT * self.t.line_height

    def baseline(self, top: float, size: float) -> float:
        """Baseline (points) of a line whose box starts at ``top`` mm."""
        lead = (self.pitch(size) - size * PT) / 2
        return self.py(top + lead + ASCENT * size * PT)

    def wrap(self, text: str, size: float, width_mm: float) -> list[str]:
        return wrap_text(text, self.font, size, max(width_mm, 1.0) / PT)

    def emit(self, op: Op) -> None:
        self.pages[-1].append(op)

    def new_page(self) -> None:
        self.pages.append([])
        self.cursor = 0.0
        self.last_top = 0.0

    def start(self, element: Element) -> float:
        """Top of a flowing element before any page-fit check."""
        if element.y is not None:
            return element.y
        if element.same_row:
            return self.last_top
        return self.cursor + element.gap if self.cursor > 0 else 0.0

    def place(self, element: Element, height: float) -> float:
        """Top of a fixed-height element, starting a new page if a flowing one does not fit."""
        top = self.start(element)
        if element.y is None and top > 0 and top + height > self.height + _EPS:
            self.new_page()
            top = 0.0
        self.last_top = top
        self.cursor = max(self.cursor, top + height)
        return top

    def text_op(
        self, x: float, top: float, text: str, size: float, bold: bool, align: str = "left"
    ) -> Op:
        return partial(
            _draw_text,
            x=self.px(x),
            baseline=self.baseline(top, size),
            text=text,
            font=self.font,
            size=size,
            bold=bold,
            align=align,
        )

    def lines_ops(
        self,
        lines: Sequence[str],
        x: float,
        width: float,
        top: float,
        size: float,
        bold: bool,
        align: str,
    ) -> None:
        anchor = {"left": x, "center": x + width / 2, "right": x + width}[align]
        for index, line in enumerate(lines):
            self.emit(self.text_op(anchor, top + index * self.pitch(size), line, size, bold, align))

    def content(self, element: TextElement | ParagraphElement) -> str:
        if element.field:
            return _format_value(self.data.get(element.field), element.format)
        return fill_placeholders(element.text, self.data)

    def columns_of(self, element: GridElement | TableElement) -> tuple[Column, ...]:
        """The element's columns with each ``each`` column spread over its data list's
        entries (a text: heading and key; or ``{label, key}``), sharing its width."""
        if all(column.each is None for column in element.columns):
            return element.columns
        columns: list[Column] = []
        for column in element.columns:
            if column.each is None:
                columns.append(column)
                continue
            entries = self.data.get(column.each) or []
            if isinstance(entries, str | bytes | Mapping) or not isinstance(entries, Sequence):
                raise ValidationError(f"打印数据“{column.each}”应为列表")
            heads: list[tuple[str, str]] = []
            for entry in entries:
                if isinstance(entry, str):
                    heads.append((entry, entry))
                elif isinstance(entry, Mapping) and isinstance(entry.get("label"), str):
                    label = str(entry["label"])
                    heads.append((label, str(entry.get("key", label))))
                else:
                    raise ValidationError(
                        f"打印数据“{column.each}”的每一项应为文字或含 label 的字典"
                    )
            if not heads:
                heads = [(column.label, "")]
            width = column.width / len(heads)
            columns += [
                Column(label=label, key=key, width=width, align=column.align, format=column.format)
                for label, key in heads
            ]
        return tuple(columns)

    def rows_of(self, element: GridElement | TableElement) -> list[Mapping[str, object]]:
        if element.field is None:
            return []
        value = self.data.get(element.field)
        if value is None:
            return []
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
            raise ValidationError(f"打印数据“{element.field}”应为列表")
        for item in value:
            if not isinstance(item, Mapping):
                raise ValidationError(f"打印数据“{element.field}”的每一行应为字典")
        return list(value)

    # elements

    def text(self, element: TextElement) -> None:
        size = self.size(element)
        text = self.content(element)
        width = element.width or (self.t.content_width - element.x)
        natural = text_width(text, self.font, size) * PT
        lines = [text]
        if natural > width + _EPS and "\n" not in text and natural * 0.75 <= width:
            size *= width / natural  # shrink a slightly long line to fit
        elif natural > width + _EPS or "\n" in text:
            lines = self.wrap(text, size, width)
        top = self.place(element, len(lines) * self.pitch(size))
        self.lines_ops(lines, element.x, width, top, size, element.bold, element.align)

    def box_lines(self, element: BoxElement) -> tuple[list[str], float]:
        """A box's wrapped label and its height (grown to the label when it may grow)."""
        size = self.size(element)
        lines: list[str] = []
        if element.label:
            lines = self.wrap(
                fill_placeholders(element.label, self.data), size, element.width - 2 * BOX_PAD
            )
        h = element.height
        if element.grow:
            h = max(h, len(lines) * self.pitch(size) + 2 * BOX_PAD)
        return lines, h

    def box(self, element: BoxElement) -> None:
        x, w = element.x, element.width
        size = self.size(element)
        pad = BOX_PAD
        lines, h = self.box_lines(element)
        top = self.place(element, h)
        self.emit(
            partial(
                _draw_rect,
                x=self.px(x),
                y=self.py(top + h),
                w=w * mm,
                h=h * mm,
                line_width=element.line_width,
                fill=None,
            )
        )
        if not lines:
            return
        text_top = top + pad
        if element.valign == "middle":
            text_top = top + (h - len(lines) * self.pitch(size)) / 2
        self.lines_ops(lines, x + pad, w - 2 * pad, text_top, size, element.bold, element.align)

    def line(self, element: LineElement) -> None:
        if element.y is None and self.following is not None:
            # A rule across the page (a cut line) never ends one: it goes with what follows.
            following = self.following
            need = element.gap + element.height + following.gap
            if isinstance(following, BoxElement):
                need += self.box_lines(following)[1]
            need = max(need, element.gap + element.height + element.keep)
            top = self.start(element)
            if top > 0 and top + need > self.height + _EPS:
                self.new_page()
        top = self.place(element, element.height)
        self.emit(
            partial(
                _draw_line,
                x1=self.px(element.x),
                y1=self.py(top),
                x2=self.px(element.x + element.width),
                y2=self.py(top + element.height),
                line_width=element.line_width,
                dash=element.dash,
            )
        )

    def signature(self, element: SignatureElement) -> None:
        size = self.size(element)
        pitch = self.pitch(size)
        top = self.place(element, 2 * pitch)
        line_top = top + pitch  # leave a line's height above the rule to sign in
        rule_y = line_top + (pitch - size * PT) / 2 + size * PT + 0.3
        x = element.x
        for label, length in (
            (fill_placeholders(element.label, self.data), element.line_length),
            (fill_placeholders(element.date_label, self.data), element.date_line_length),
        ):
            if not label:
                continue
            self.emit(self.text_op(x, line_top, label, size, element.bold))
            x += text_width(label, self.font, size) * PT + 1.0
            self.emit(
                partial(
                    _draw_line,
                    x1=self.px(x),
                    y1=self.py(rule_y),
                    x2=self.px(x + length),
                    y2=self.py(rule_y),
                    line_width=0.6,
                    dash=False,
                )
            )
            x += length + 6.0

    def paragraph(self, element: ParagraphElement) -> None:
        size = self.size(element)
        pitch = self.pitch(size)
        lines = self.wrap(self.content(element), size, element.width)
        top = self.start(element)
        self.last_top = top
        for line in lines:
            if top + pitch > self.height + _EPS and top > 0:
                self.new_page()
                top = 0.0
            self.emit(self.text_op(element.x, top, line, size, element.bold))
            top += pitch
            self.cursor = max(self.cursor, top)

    def image(self, element: ImageElement) -> None:
        """The data's picture fitted into the frame, or the frame with its label."""
        w, h = element.width, element.height
        top = self.place(element, h)
        if element.line_width > 0:
            self.emit(
                partial(
                    _draw_rect,
                    x=self.px(element.x),
                    y=self.py(top + h),
                    w=w * mm,
                    h=h * mm,
                    line_width=element.line_width,
                    fill=None,
                )
            )
        picture = _image_reader(self.data.get(element.field), element.field, w, h)
        if picture is None:
            label = fill_placeholders(element.label, self.data)
            if label:
                size = self.size(element)
                text_top = top + (h - self.pitch(size)) / 2
                self.lines_ops([label], element.x, w, text_top, size, element.bold, "center")
            return
        pixels_w, pixels_h = picture.getSize()
        scale = min(w / pixels_w, h / pixels_h)
        draw_w, draw_h = pixels_w * scale, pixels_h * scale
        left = element.x + (w - draw_w) / 2
        image_top = top + (h - draw_h) / 2
        self.emit(
            partial(
                _draw_image,
                image=picture,
                x=self.px(left),
                y=self.py(image_top + draw_h),
                w=draw_w * mm,
                h=draw_h * mm,
            )
        )

    def grid(self, element: GridElement) -> None:
        rows = self.rows_of(element)
        count = element.rows
        if len(rows) > count and element.grow:
            count = len(rows)
        elif len(rows) > count:
            raise ValidationError(
                f"“{element.field}”有 {len(rows)} 行，超过表格的 {element.rows} 行"
            )
        columns = self.columns_of(element)
        header_h = element.header_height if element.header else 0.0
        total_h = header_h + count * element.row_height
        top = self.place(element, total_h)
        size = self.size(element)
        x0 = element.x
        width = sum(c.width for c in columns)
        lw = element.line_width
        self.emit(
            partial(
                _draw_rect,
                x=self.px(x0),
                y=self.py(top + total_h),
                w=width * mm,
                h=total_h * mm,
                line_width=lw * 1.3,
                fill=None,
            )
        )
        for index in range(0 if element.header else 1, count):
            y = top + header_h + index * element.row_height
            self.emit(self.hline(x0, x0 + width, y, lw))
        x = x0
        for column in columns[:-1]:
            x += column.width
            self.emit(self.vline(x, top, top + total_h, lw))
        if element.header:
            labels = [fill_placeholders(c.label, self.data) for c in columns]
            self.cells(columns, x0, top, header_h, labels, size, True)
        for index, row in enumerate(rows):
            values = [_format_value(row.get(c.key), c.format) for c in columns]
            row_top = top + header_h + index * element.row_height
            self.cells(columns, x0, row_top, element.row_height, values, size, element.bold)

    def hline(self, x1: float, x2: float, y: float, lw: float) -> Op:
        return partial(
            _draw_line,
            x1=self.px(x1),
            y1=self.py(y),
            x2=self.px(x2),
            y2=self.py(y),
            line_width=lw,
            dash=False,
        )

    def vline(self, x: float, y1: float, y2: float, lw: float) -> Op:
        return partial(
            _draw_line,
            x1=self.px(x),
            y1=self.py(y1),
            x2=self.px(x),
            y2=self.py(y2),
            line_width=lw,
            dash=False,
        )

    def cells(
        self,
        columns: Sequence[Column],
        x: float,
        top: float,
        height: float,
        values: Sequence[str],
        base_size: float,
        header: bool,
    ) -> None:
        """One-line cells of a grid row, shrunk to fit and centred vertically."""
        pad = 1.0
        for column, value in zip(columns, values, strict=True):
            size = base_size
            room = column.width - 2 * pad
            natural = text_width(value, self.font, size) * PT
            if natural > room:
                size = max(size * room / natural, 4.0)
            text_top = top + (height - self.pitch(size)) / 2
            align = "center" if header else column.align
            self.lines_ops([value], x + pad, room, text_top, size, header, align)
            x += column.width

    def table(self, element: TableElement) -> None:
        size = self.size(element)
        header_size = element.header_font_size or size
        pitch, pad = self.pitch(size), element.padding
        columns = self.columns_of(element)
        width = sum(c.width for c in columns)
        x0 = element.x

        title = fill_placeholders(element.title, self.data)
        title_size = size * 1.15
        title_h = self.pitch(title_size) + 0.8 if title else 0.0
        header = [
            self.wrap(fill_placeholders(c.label, self.data), header_size, c.width - 2 * pad)
            for c in columns
        ]
        header_h = max(len(lines) for lines in header) * self.pitch(header_size) + 2 * pad
        if not element.header:
            header_h = 0.0

        rows: list[list[list[str]]] = [
            [
                self.wrap(_format_value(item.get(c.key), c.format), size, c.width - 2 * pad)
                for c in columns
            ]
            for item in self.rows_of(element)
        ]
        rows += [[[""] for _ in columns] for _ in range(element.min_rows - len(rows))]
        empty = not rows
        if empty:
            rows = [[self.wrap(fill_placeholders(element.empty_text, self.data), size, width)]]

        def row_height(cells: list[list[str]]) -> float:
            return max(len(lines) for lines in cells) * pitch + 2 * pad

        def begin(top: float, continued: bool) -> float:
            if title:
                label = title + ("（续）" if continued else "")
                self.emit(self.text_op(x0, top, label, title_size, True))
                top += title_h
            if element.header:
                self.row(columns, x0, top, header_h, header, header_size, element, heading=True)
            return top + header_h

        room = self.height - title_h - header_h  # for rows on a fresh page
        if room < pitch + 2 * pad:
            raise ValidationError(f"表格“{element.field}”的表头太高，页面放不下")
        top = self.start(element)
        first_h = row_height(rows[0])
        if first_h > room:
            first_h = pitch + 2 * pad
        if element.y is None and top > 0 and top + title_h + header_h + first_h > self.height:
            self.new_page()
            top = 0.0
        self.last_top = top
        y = begin(top, False)
        for cells in rows:
            h = row_height(cells)
            if y + h > self.height + _EPS and h <= room + _EPS:
                self.new_page()
                y = begin(0.0, True)
            while True:
                lines_fit = int((self.height - y - 2 * pad + _EPS) // pitch)
                if lines_fit < 1:
                    self.new_page()
                    y = begin(0.0, True)
                    continue
                chunk = [lines[:lines_fit] for lines in cells]
                cells = [lines[lines_fit:] for lines in cells]
                chunk_h = row_height(chunk)
                if empty:
                    self.row(columns, x0, y, chunk_h, chunk, size, element, span=width)
                else:
                    self.row(columns, x0, y, chunk_h, chunk, size, element)
                y += chunk_h
                if not any(cells):
                    break
                self.new_page()
                y = begin(0.0, True)
        self.cursor = max(self.cursor, y)

    def row(
        self,
        columns: Sequence[Column],
        x: float,
        top: float,
        height: float,
        cells: Sequence[Sequence[str]],
        size: float,
        element: TableElement,
        *,
        heading: bool = False,
        span: float | None = None,
    ) -> None:
        """One table row: ruled cells with wrapped lines; ``span`` draws one wide cell."""
        pad = element.padding
        widths = [span] if span is not None else [c.width for c in columns]
        aligns = ["center"] if span is not None else [c.align for c in columns]
        for width, align, lines in zip(widths, aligns, cells, strict=True):
            self.emit(
                partial(
                    _draw_rect,
                    x=self.px(x),
                    y=self.py(top + height),
                    w=width * mm,
                    h=height * mm,
                    line_width=element.line_width,
                    fill=0.9 if heading else None,
                )
            )
            if heading:
                align = "center"
                lines_h = len(lines) * self.pitch(size)
                text_top = top + (height - lines_h) / 2
            else:
                text_top = top + pad
            bold = heading or element.bold
            self.lines_ops(lines, x + pad, width - 2 * pad, text_top, size, bold, align)
            x += width


def layout_pages(template: FormTemplate, data: Mapping[str, object]) -> list[list[Op]]:
    """The drawing operations of each page of ``template`` filled with ``data`` (points
    from the bottom-left of the template's own page), without drawing: for a renderer
    that places the form on a bigger sheet (``cards.py``)."""
    return _Layout(template, data, ensure_fonts_registered()).run()
