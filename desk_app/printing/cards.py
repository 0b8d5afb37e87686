"""Card sheets: a card-sized form (``forms/worker_pass_cards.toml``: 85.6 × 54 mm, the ID-1
size of a bank card) printed several to an A4 sheet with cut marks at every card corner.

The card itself is an ordinary form template (text, boxes, an ``image`` for the photo) laid
out by the form engine (``render.layout_pages``); this module only imposes the cards on the
sheet: each card's drawing operations run with the canvas moved to the card's place. So the
card's design stays an editable TOML file and the engine needs no notion of a sheet.

Sheet: as many cards as fit with ``SHEET_MARGIN`` mm of paper around them (printers do
not print the last 4 mm or so) and gutters of ``GUTTER_X`` / ``GUTTER_Y`` mm between
them: 2 × 5 = 10 ID-1 cards on A4, the grid centred. Cut marks are short hairlines on the
continuations of each card's edges, ``MARK_OFFSET`` mm away from the corner so that no
mark reaches into a card; between cards they stop half-way across the gutter.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk_app.core.errors import ValidationError
from desk_app.printing.fonts import degraded, ensure_fonts_registered, text_runs
from desk_app.printing.render import DEGRADED_NOTICE, fill_placeholders, layout_pages
from desk_app.printing.templates import FormTemplate, load_template

SHEET_MM = (210.0, 297.0)  # A4
SHEET_MARGIN = 7.5  # mm of paper kept free around the cards
GUTTER_X = 8.0  # mm between columns of cards
GUTTER_Y = 3.0  # mm between rows
MARK_OFFSET = 0.8  # mm from the card corner to the start of a cut mark
MARK_LENGTH = 3.0  # mm, at most (half the gutter between cards)
MARK_WIDTH = 0.25  # pt


@dataclass(frozen=True)
class Sheet:
    """Where the cards go on a sheet: ``columns`` × ``rows``, the grid's top-left corner."""

    card_w: float  # mm
    card_h: float
    columns: int
    rows: int
    left: float  # mm from the sheet's left edge
    top: float  # mm from the sheet's top edge

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def card_origin(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm from the sheet's top-left) of the ``index``-th card."""
        row, column = divmod(index, self.columns)
        return (
            self.left + column * (self.card_w + GUTTER_X),
            self.top + row * (self.card_h + GUTTER_Y),
        )


def sheet_for(template: FormTemplate) -> Sheet:
    """The most cards of ``template``'s size that fit a sheet, centred."""
    card_w, card_h = template.page_width, template.page_height
    room_w, room_h = SHEET_MM[0] - 2 * SHEET_MARGIN, SHEET_MM[1] - 2 * SHEET_MARGIN
    columns = int((room_w + GUTTER_X) // (card_w + GUTTER_X))
    rows = int((room_h + GUTTER_Y) // (card_h + GUTTER_Y))
    if columns < 1 or rows < 1:
        raise ValidationError(f"卡片“{template.name}”太大，一张 A4 纸放不下")
    grid_w = columns * card_w + (columns - 1) * GUTTER_X
    grid_h = rows * card_h + (rows - 1) * GUTTER_Y
    return Sheet(
        card_w, card_h, columns, rows, (SHEET_MM[0] - grid_w) / 2, (SHEET_MM[1] - grid_h) / 2
    )


def render_cards(
    name: str, datas: Sequence[Mapping[str, object]], *, title: str | None = None
) -> bytes:
    """PDF bytes of one card of ``forms/<name>.toml`` per data set, filling sheets in
    reading order (left to right, top to bottom), with cut marks."""
    return render_card_template(load_template(name), datas, title=title)


def render_card_template(
    template: FormTemplate, datas: Sequence[Mapping[str, object]], *, title: str | None = None
) -> bytes:
    if not datas:
        raise ValueError("nothing to render")
    font = ensure_fonts_registered()
    sheet = sheet_for(template)
    cards = []
    for data in datas:
        pages = layout_pages(template, data)
        if len(pages) != 1:
            raise ValidationError(f"卡片“{template.name}”的内容超出卡片大小")
        cards.append(pages[0])
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(SHEET_MM[0] * mm, SHEET_MM[1] * mm),
        invariant=1,
        pageCompression=1,
        initialFontName=font,  # type: ignore[arg-type]  # a font name (the stubs say float)
    )
    canvas.setTitle(title if title is not None else fill_placeholders(template.title, datas[0]))
    canvas.setSubject(template.name)
    canvas.setAuthor("desk-app")
    canvas.setCreator("desk-app")
    for start in range(0, len(cards), sheet.per_sheet):
        batch = cards[start : start + sheet.per_sheet]
        for index, ops in enumerate(batch):
            left, top = sheet.card_origin(index)
            canvas.saveState()
            canvas.translate(left * mm, (SHEET_MM[1] - top - sheet.card_h) * mm)
            for op in ops:
                op(canvas)
            canvas.restoreState()
        _cut_marks(canvas, sheet, len(batch))
        if degraded() is not None:
            x, y = SHEET_MARGIN * mm, SHEET_MARGIN / 3 * mm
            for run_font, run in text_runs(DEGRADED_NOTICE, font):
                canvas.setFont(run_font, 8)
                canvas.drawString(x, y, run)
                x += canvas.stringWidth(run, run_font, 8)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def cut_mark_segments(sheet: Sheet, count: int) -> list[tuple[float, float, float, float]]:
    """The cut marks of a sheet with ``count`` cards, as (x1, y1, x2, y2) in mm from the
    sheet's top-left: two per card corner, on the continuations of the card's edges."""
    segments = []
    for index in range(count):
        row, column = divmod(index, sheet.columns)
        left, top = sheet.card_origin(index)
        right, bottom = left + sheet.card_w, top + sheet.card_h
        # how far a mark may run: MARK_LENGTH outside the grid, half-way between cards
        reach_x = min(MARK_LENGTH, GUTTER_X / 2)
        reach_y = min(MARK_LENGTH, GUTTER_Y / 2)
        left_len = MARK_LENGTH if column == 0 else reach_x
        right_len = MARK_LENGTH if column == sheet.columns - 1 else reach_x
        top_len = MARK_LENGTH if row == 0 else reach_y
        bottom_len = MARK_LENGTH if row == sheet.rows - 1 else reach_y
        for x, dx in ((left, -left_len), (right, right_len)):
            for y in (top, bottom):  # horizontal marks: the top and bottom edges continued
                start = x + (MARK_OFFSET if dx > 0 else -MARK_OFFSET)
                if abs(dx) > MARK_OFFSET:
                    segments.append((start, y, x + dx, y))
        for y, dy in ((top, -top_len), (bottom, bottom_len)):
            for x in (left, right):  # vertical marks: the left and right edges continued
                start = y + (MARK_OFFSET if dy > 0 else -MARK_OFFSET)
                if abs(dy) > MARK_OFFSET:
                    segments.append((x, start, x, y + dy))
    return segments


def _cut_marks(canvas: Canvas, sheet: Sheet, count: int) -> None:
    canvas.saveState()
    canvas.setLineWidth(MARK_WIDTH)
    canvas.setStrokeColorRGB(0, 0, 0)
    height = SHEET_MM[1]
    for x1, y1, x2, y2 in cut_mark_segments(sheet, count):
        canvas.line(x1 * mm, (height - y1) * mm, x2 * mm, (height - y2) * mm)
    canvas.restoreState()
