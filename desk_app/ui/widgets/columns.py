"""Column widths of the desk's lists (reception log, repair orders, callbacks, arrears,
receipts, units).

A paged list must not be sized to its contents (that would read every row), so each
column is as wide as a sample of what it holds, and never narrower than its title
(水电欠费天数 must not print as k电欠费天). Long text elides in the middle, with the whole
text as its tooltip (the models give it). A clerk's own widths are remembered per table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desk_app.ui import preferences
from desk_app.ui.labels import steps_text

PADDING = 18  # px: the cell's margins and the header's sort arrow
KEY = "columns/{table}"


def title_width(view: QTableView, column: int) -> int:
    """What the column's title needs, in the header's font."""
    model = view.model()
    title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    return view.horizontalHeader().fontMetrics().horizontalAdvance(title) + PADDING


Sample = str | Sequence[str] | Callable[[], str]
"""What a wide cell holds: a text, the words of a closed list (the widest counts), or a
function making the text; stored words are measured as the interface's language says
them (采暖费 or Heating, 秩序维护部 or Security)."""


def sample_texts(sample: Sample) -> list[str]:
    if callable(sample):
        return [sample()]
    if isinstance(sample, str):
        return [steps_text(sample)]
    return [steps_text(text) for text in sample]


def fit_columns(view: QTableView, samples: Mapping[int, Sample], *, table: str) -> None:
    """Size the columns of ``view`` from ``samples`` (missing columns: their title alone),
    then restore the clerk's widths for ``table`` and remember them when they change."""
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        texts = sample_texts(samples.get(column, ""))
        widest = max(metrics.horizontalAdvance(text) for text in texts) if texts else 0
        header.resizeSection(column, max(widest + PADDING, title_width(view, column)))
    stored = preferences.open_settings().value(KEY.format(table=table))
    if isinstance(stored, str) and stored:
        for column, text in enumerate(stored.split(",")):
            if column < view.model().columnCount() and text.isdigit():
                header.resizeSection(column, max(int(text), title_width(view, column)))
    header.sectionResized.connect(lambda *_args: _remember(view, table))


def _remember(view: QTableView, table: str) -> None:
    header = view.horizontalHeader()
    widths = ",".join(str(header.sectionSize(c)) for c in range(view.model().columnCount()))
    preferences.open_settings().setValue(KEY.format(table=table), widths)
