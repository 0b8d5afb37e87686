"""A read-only table over a long history that never loads all rows.

The model knows the number of rows from one count query and fetches fixed-size pages
on demand as the view asks for them (scrolling to the end reads one page, not the
whole history). Only a few pages are kept, so memory stays flat whatever the history
size. The service layer supplies ``count()`` and ``page(limit, offset)``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from desk_app.ui.widgets.row_table import ROOT_INDEX, ROW_ROLE, AnyIndex, Column

CountFn = Callable[[], int]
PageFn = Callable[[int, int], Sequence[Any]]  # (limit, offset) -> rows


class PagedTableModel(QAbstractTableModel):
    PAGE = 100
    KEEP_PAGES = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = self.columns()
        self._count_fn: CountFn = lambda: 0
        self._page_fn: PageFn = lambda _limit, _offset: []
        self._count = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()

    # subclasses -------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def foreground(self, row: Any, column: int) -> Any:
        """A QColor/QBrush for a cell, or None (e.g. time-limit colours)."""
        return None

    def background(self, row: Any, column: int) -> Any:
        return None

    # source ------------------------------------------------------------------------------------
    def set_source(self, count: CountFn, page: PageFn) -> None:
        self._count_fn, self._page_fn = count, page
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._count_fn()
        self.endResetModel()

    def refresh_visible(self) -> None:
        """Re-read the cached pages (e.g. the clock moved: time-limit columns change)."""
        self._pages.clear()
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self._columns) - 1)
            )

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def row_at(self, row: int) -> Any:
        if not 0 <= row < self._count:
            return None
        number, within = divmod(row, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = list(self._page_fn(self.PAGE, number * self.PAGE))
            self._pages[number] = page
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def row_of(self, predicate: Callable[[Any], bool], *, within: int = 500) -> int:
        """The first of the top ``within`` rows that matches, or -1."""
        for row in range(min(self._count, within)):
            item = self.row_at(row)
            if item is not None and predicate(item):
                return row
        return -1

    # Qt -----------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, index.column())
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._count:
            return str(section + 1)
        return None
