"""The joint inspection (联合验房, 房屋交接验收单) of one unit as a grid: the rooms down,
the items across, as the estate's settings list them; a cell that does not apply (阳台 ×
燃气) is grey and the cursor passes it by.

Keyboard first: the arrows move; Space (or O) marks the cell OK and moves to the next
cell; D (or Enter) opens the defect dialog, and the defect entered moves on the same way;
Del clears the cell; Ctrl+Space (or A) marks every unchecked cell of the row OK and goes
to the next row. A defect is not overwritten without asking. The line under the grid
counts what is checked and the defects.

Nothing is written here: each mark is a signal the caller saves at once.
``cell_marked(room, item, result)`` says OK (``OK``) or cleared (``CLEARED``);
``defect_entered(room, item, entry)`` says a defect with its ``DefectEntry`` (a changed
defect comes again). ``set_results`` loads what was saved, to resume; ``show_result``
puts one cell back as the caller saved it (a mark refused, a defect kept).

    grid = InspectionGrid(rooms, items, categories, not_applicable={("阳台", "燃气")})
    grid.cell_marked.connect(save_result)
    grid.defect_entered.connect(save_defect)
    grid.set_results({("客厅", "墙面"): OK, ("卧室", "窗"): entry})
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui import messages
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.movein.defect_dialog import FIXERS, DefectDialog, DefectEntry
from desk_app.ui.widgets.controls import HINT_STYLE

OK = "合格"
"""``cell_marked``'s result for a cell found in order (the stored word)."""
CLEARED = ""
"""``cell_marked``'s result for a cell cleared (unchecked again)."""

CellResult = str | DefectEntry
"""A checked cell: ``OK`` or its defect."""

Cell = tuple[str, str]
"""(room, item)."""

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_INDEX = QModelIndex()

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``index.data(RESULT_ROLE)``: ``OK``, a ``DefectEntry`` or None (unchecked)."""

OK_COLOURS = (QColor("#1b6e2e"), QColor("#e3f4e6"))
DEFECT_COLOURS = (QColor("#a40000"), QColor("#fde6e6"))
NOT_APPLICABLE_COLOUR = QColor("#d9d9d9")

OK_MARK = "✓"
DEFECT_MARK = "✗"


def result_font(*, tick: bool) -> QFont:
    """A checked cell's font: bold; the tick a size larger, to be seen at a glance."""
    font = QFont()
    font.setBold(True)
    if tick:
        font.setPointSizeF(font.pointSizeF() * 1.25)
    return font


class InspectionModel(QAbstractTableModel):
    """Rooms × items and the result of each cell."""

    def __init__(
        self,
        rooms: Sequence[str],
        items: Sequence[str],
        not_applicable: Collection[Cell] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if len(set(rooms)) != len(rooms) or len(set(items)) != len(items):
            raise ValueError("rooms and items must be named once each")
        self.rooms = list(rooms)
        self.items = list(items)
        self._skip = {(room, item) for room, item in not_applicable}
        self._results: dict[Cell, CellResult] = {}

    # cells

    def cell(self, row: int, column: int) -> Cell:
        return self.rooms[row], self.items[column]

    def applicable(self, row: int, column: int) -> bool:
        return (
            0 <= row < len(self.rooms)
            and 0 <= column < len(self.items)
            and self.cell(row, column) not in self._skip
        )

    def applicable_cells(self) -> Iterator[tuple[int, int]]:
        """Every cell that applies, in reading order."""
        for row in range(len(self.rooms)):
            for column in range(len(self.items)):
                if self.applicable(row, column):
                    yield row, column

    def result(self, row: int, column: int) -> CellResult | None:
        return self._results.get(self.cell(row, column))

    def results(self) -> dict[Cell, CellResult]:
        return dict(self._results)

    def set_result(self, row: int, column: int, result: CellResult | None) -> None:
        cell = self.cell(row, column)
        if result is None or result == CLEARED:
            self._results.pop(cell, None)
        else:
            self._results[cell] = result
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def set_results(self, results: Mapping[Cell, CellResult]) -> None:
        """Load saved results (cells of other rooms or items, or that do not apply, are
        left out)."""
        self.beginResetModel()
        self._results = {
            cell: result
            for cell, result in results.items()
            if cell[0] in self.rooms
            and cell[1] in self.items
            and cell not in self._skip
            and result != CLEARED
        }
        self.endResetModel()

    def progress(self) -> tuple[int, int, int]:
        """(cells checked, cells that apply, defects)."""
        total = sum(1 for _ in self.applicable_cells())
        defects = sum(1 for r in self._results.values() if isinstance(r, DefectEntry))
        return len(self._results), total, defects

    # the model

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rooms)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and self.applicable(index.row(), index.column()):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self.rooms) and 0 <= column < len(self.items)):
            return None
        if not self.applicable(row, column):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(NOT_APPLICABLE_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("%1 · %2: does not apply")
                    .replace("%1", self.rooms[row])
                    .replace("%2", self.items[column])
                )
            return None
        result = self.result(row, column)
        if role == RESULT_ROLE:
            return result
        if role == Qt.ItemDataRole.DisplayRole:
            if result == OK:
                return OK_MARK
            if isinstance(result, DefectEntry):
                return f"{DEFECT_MARK} {result.category}"
            return ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and result is not None:
            return QBrush(OK_COLOURS[0] if result == OK else DEFECT_COLOURS[0])
        if role == Qt.ItemDataRole.BackgroundRole and result is not None:
            return QBrush(OK_COLOURS[1] if result == OK else DEFECT_COLOURS[1])
        if role == Qt.ItemDataRole.FontRole and result is not None:
            return result_font(tick=result == OK)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, result)
        return None

    def _tooltip(self, row: int, column: int, result: CellResult | None) -> str:
        where = f"{self.rooms[row]} · {self.items[column]}"
        if result == OK:
            return self.tr("%1: OK").replace("%1", where)
        if isinstance(result, DefectEntry):
            text = self.tr("%1: %2, fixed by %3").replace("%1", where)
            text = text.replace("%2", result.category).replace("%3", vocabulary_text(result.fixer))
            if result.note:
                text += "\n" + result.note
            if result.photos:
                text += "\n" + self.tr("%1 photo(s)").replace("%1", str(len(result.photos)))
            return text
        return self.tr("%1: not checked").replace("%1", where)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        names = self.items if orientation == Qt.Orientation.Horizontal else self.rooms
        if not 0 <= section < len(names):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # 电气/开关插座 in two lines, so the columns stay narrow
            return names[section].replace("/", "/\n")
        if role == Qt.ItemDataRole.ToolTipRole:
            return names[section]
        return None


class CellDelegate(QStyledItemDelegate):
    """Paints a cell in its own colours even when it is the current one, which gets a
    frame instead of the selection's fill (so OK and defect stay readable)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state = state & ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        palette = option.palette
        if selected:
            # the table has filled the cell with the selection's colour already
            painter.fillRect(option.rect, palette.base())
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class InspectionGrid(QWidget):
    """Rooms × items of one unit; the caller saves what each signal says."""

    cell_marked = Signal(str, str, str)
    defect_entered = Signal(str, str, object)

    def __init__(
        self,
        rooms: Sequence[str],
        items: Sequence[str],
        categories: Sequence[str],
        not_applicable: Collection[Cell] = (),
        fixers: Sequence[str] = FIXERS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_grid")
        self.categories = list(categories)
        self.fixers = list(fixers)
        self.model = InspectionModel(rooms, items, not_applicable, self)
        self.view = QTableView(self)
        self.view.setObjectName("inspection_table")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setCornerButtonEnabled(False)
        # letters are commands here: no input method may turn D into a syllable
        self.view.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _index: self.enter_defect())
        self._size_sections()

        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("inspection_progress")
        self.keys_label = QLabel(
            self.tr(
                "Space or O: OK, next · D or Enter: defect · Del: clear · "
                "Ctrl+Space or A: rest of the row OK"
            ),
            self,
        )
        self.keys_label.setObjectName("inspection_keys")
        self.keys_label.setStyleSheet(HINT_STYLE)
        self.keys_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.keys_label)
        layout.addStretch(1)
        self.setFocusProxy(self.view)
        self.model.dataChanged.connect(self._show_progress)
        self.model.modelReset.connect(self._show_progress)
        self._show_progress()
        self._go_to_first(unchecked=False)

    def _size_sections(self) -> None:
        """Columns as narrow as the item names (split at ``/``) and ``✗ 功能不良`` allow,
        stretched to the width there is; rows two lines high; the table no taller than
        its rows."""
        metrics = self.view.fontMetrics()
        bold = QFontMetrics(result_font(tick=False))
        widest = max(
            [bold.horizontalAdvance(f"{DEFECT_MARK} {c}") for c in self.categories]
            + [metrics.horizontalAdvance(part) for i in self.model.items for part in i.split("/")]
            + [metrics.horizontalAdvance("墙面")]
        )
        self._column_width = min(widest + 10, metrics.horizontalAdvance("墙") * 7)
        columns = self.view.horizontalHeader()
        columns.setMinimumSectionSize(self._column_width)
        columns.setDefaultSectionSize(self._column_width)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        lines = 2 if any("/" in i for i in self.model.items) else 1
        columns.setFixedHeight(metrics.lineSpacing() * lines + 10)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.lineSpacing() * 2 + 6)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        table = self._table_size()
        self.view.setFixedHeight(table.height())
        self.view.setMinimumWidth(table.width())

    def _table_size(self) -> QSize:
        frame = self.view.frameWidth() * 2
        rows = self.view.verticalHeader()
        width = rows.sizeHint().width() + self._column_width * len(self.model.items)
        height = self.view.horizontalHeader().maximumHeight()
        height += rows.defaultSectionSize() * len(self.model.rooms)
        return QSize(width + frame, height + frame)

    # what the caller uses

    def set_results(self, results: Mapping[Cell, CellResult]) -> None:
        """Show the results saved so far (resume); the cursor goes to the first cell not
        yet checked."""
        self.model.set_results(results)
        self._go_to_first(unchecked=True)

    def results(self) -> dict[Cell, CellResult]:
        return self.model.results()

    def show_result(self, room: str, item: str, result: CellResult | None) -> None:
        """Show one cell as saved (None: not checked), without a signal — the caller's
        answer to a mark it saved, changed or refused."""
        row, column = self.model.rooms.index(room), self.model.items.index(item)
        if self.model.applicable(row, column):
            self.model.set_result(row, column, result)

    def progress(self) -> tuple[int, int, int]:
        """(cells checked, cells that apply, defects)."""
        return self.model.progress()

    def current_cell(self) -> Cell | None:
        index = self.view.currentIndex()
        return self.model.cell(index.row(), index.column()) if index.isValid() else None

    def set_current_cell(self, room: str, item: str) -> None:
        row, column = self.model.rooms.index(room), self.model.items.index(item)
        if self.model.applicable(row, column):
            self._go(row, column)

    # the keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        ):
            action = self._action_of(event)
            if action is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the grid's key, not a window shortcut's
                else:
                    action()
                return True
        return super().eventFilter(watched, event)

    def _action_of(self, event: QKeyEvent) -> Callable[[], None] | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if modifiers == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Space:
            return self.mark_row_ok
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        actions = {
            Qt.Key.Key_Space: self.mark_ok,
            Qt.Key.Key_O: self.mark_ok,
            Qt.Key.Key_D: self.enter_defect,
            Qt.Key.Key_Return: self.enter_defect,
            Qt.Key.Key_Enter: self.enter_defect,
            Qt.Key.Key_Delete: self.clear_cell,
            Qt.Key.Key_Backspace: self.clear_cell,
            Qt.Key.Key_A: self.mark_row_ok,
        }
        return actions.get(Qt.Key(key))

    def mark_ok(self) -> None:
        """The current cell is OK; on to the next cell."""
        place = self._current()
        if place is None:
            return
        row, column = place
        if not self._may_replace(
            row, column, self.tr("%1 · %2 has a defect (%3). Mark it OK instead?")
        ):
            return
        self._mark(row, column, OK)
        self._advance(row, column)

    def enter_defect(self) -> None:
        """Ask for the current cell's defect (or change the one it has); on to the next
        cell once entered."""
        place = self._current()
        if place is None:
            return
        row, column = place
        room, item = self.model.cell(row, column)
        before = self.model.result(row, column)
        entry = DefectDialog.ask(
            room,
            item,
            self.categories,
            self.fixers,
            before if isinstance(before, DefectEntry) else None,
            self,
        )
        if entry is None:
            return
        self.model.set_result(row, column, entry)
        self.defect_entered.emit(room, item, entry)
        self._advance(row, column)

    def clear_cell(self) -> None:
        """The current cell unchecked again."""
        place = self._current()
        if place is None or self.model.result(*place) is None:
            return
        if not self._may_replace(*place, self.tr("%1 · %2 has a defect (%3). Clear it?")):
            return
        self._mark(*place, CLEARED)

    def mark_row_ok(self) -> None:
        """Every unchecked cell of the current row is OK (defects stay); on to the next row."""
        place = self._current()
        if place is None:
            return
        row, _column = place
        for column in range(len(self.model.items)):
            if self.model.applicable(row, column) and self.model.result(row, column) is None:
                self._mark(row, column, OK)
        following = [cell for cell in self.model.applicable_cells() if cell[0] > row]
        if following:
            self._go(*following[0])

    # inside

    def _current(self) -> tuple[int, int] | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.model.applicable(index.row(), index.column()):
            return None
        return index.row(), index.column()

    def _mark(self, row: int, column: int, result: str) -> None:
        self.model.set_result(row, column, result)
        room, item = self.model.cell(row, column)
        self.cell_marked.emit(room, item, result)

    def _may_replace(self, row: int, column: int, question: str) -> bool:
        """A defect is replaced only when the clerk says so."""
        result = self.model.result(row, column)
        if not isinstance(result, DefectEntry):
            return True
        room, item = self.model.cell(row, column)
        text = question.replace("%1", room).replace("%2", item).replace("%3", result.category)
        return messages.confirm(self, text)

    def _advance(self, row: int, column: int) -> None:
        following = [cell for cell in self.model.applicable_cells() if cell > (row, column)]
        if following:
            self._go(*following[0])

    def _go_to_first(self, *, unchecked: bool) -> None:
        for row, column in self.model.applicable_cells():
            if not unchecked or self.model.result(row, column) is None:
                self._go(row, column)
                return
        cells = list(self.model.applicable_cells())
        if cells:
            self._go(*cells[-1])

    def _go(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _show_progress(self) -> None:
        checked, total, defects = self.model.progress()
        text = self.tr("Checked %1 of %2 · defects %3")
        text = text.replace("%1", str(checked)).replace("%2", str(total))
        self.progress_label.setText(text.replace("%3", str(defects)))
