"""Search as the clerk types: the main window's search box shows its hits in a list
below it, grouped (房屋 / 人员 / 车辆 / 公共区域).

The keyboard stays in the box: Down (or Up) moves through the hits, Enter opens the
highlighted one (or the first), Esc closes the list. The list is a child of the
window laid over the page, not a separate window, so no window manager and no input
method is involved and focus never leaves the box. The search runs on the GUI thread,
150 ms after the last key (the service answers in milliseconds).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.ui.error_text import error_text
from desk_app.ui.widgets.search_results import SearchResultsModel, SearchTarget

DEBOUNCE_MS = 150
RESULT_LIMIT = 12
MIN_WIDTH = 460
MAX_VISIBLE_ROWS = 18


class SearchPopup(QFrame):
    """The list of hits under the search box (a child of the window, drawn on top)."""

    clicked = Signal(int)

    def __init__(self, host: QWidget, model: SearchResultsModel) -> None:
        super().__init__(host)
        self.setObjectName("search_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view = QListView(self)
        self.view.setObjectName("search_results")
        self.view.setModel(model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.clicked.connect(lambda index: self.clicked.emit(index.row()))
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("search_empty")
        self.empty_label.setContentsMargins(8, 6, 8, 6)
        self.hint = QLabel(self.tr("↑↓ choose · Enter open · Esc close"), self)
        self.hint.setObjectName("search_hint")
        self.hint.setContentsMargins(8, 2, 8, 2)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view)
        layout.addWidget(self.hint)
        self.hide()

    def place_under(self, anchor: QWidget) -> None:
        host = self.parentWidget()
        assert host is not None
        model = self.view.model()
        rows = model.rowCount()
        if rows:
            self.empty_label.hide()
            self.view.show()
            row_height = max(self.view.sizeHintForRow(0), self.fontMetrics().height() + 4)
            height = row_height * min(rows, MAX_VISIBLE_ROWS) + 2 * self.view.frameWidth() + 2
            self.view.setFixedHeight(height)
        else:
            self.view.hide()
            self.empty_label.show()
        top_left = anchor.mapTo(host, QPoint(0, anchor.height()))
        width = max(anchor.width(), MIN_WIDTH)
        width = min(width, host.width() - top_left.x() - 4)
        self.setFixedWidth(max(width, 200))
        self.adjustSize()
        height = min(self.sizeHint().height(), host.height() - top_left.y() - 4)
        self.setGeometry(top_left.x(), top_left.y(), self.width(), height)
        self.raise_()
        self.show()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return (
            index.row() if index.isValid() and self.view.selectionModel().isSelected(index) else -1
        )

    def set_current_row(self, row: int) -> None:
        model = self.view.model()
        if row < 0:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            self.view.scrollToTop()
            return
        index = model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(
            index, self.view.selectionModel().SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)


class GlobalSearch(QObject):
    """Wires a search box to the search service and the popup; ``opened`` carries the
    ``SearchTarget`` the clerk chose."""

    opened = Signal(object)

    def __init__(self, desk: Desk, edit: QLineEdit, host: QWidget) -> None:
        super().__init__(edit)
        self.desk = desk
        self.edit = edit
        self.model = SearchResultsModel(self)
        self.popup = SearchPopup(host, self.model)
        self.popup.clicked.connect(self._clicked)
        self._searched_text: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        edit.textChanged.connect(self._text_changed)
        edit.installEventFilter(self)

    # ---- searching --------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.timer.stop()
            self.model.set_results(None)
            self._searched_text = None
            self.hide()
            return
        self.timer.start()

    def run(self) -> None:
        """Search for the box's text now and show the hits."""
        self.timer.stop()
        if not self.edit.isVisible():
            return  # the window was closed while the clerk was typing
        text = self.edit.text().strip()
        self._searched_text = text
        if not text:
            self.model.set_results(None)
            self.hide()
            return
        try:
            from desk_app.services.directory import (
                search,  # loaded on the first search, not at start-up
            )

            results = search.search(self.desk, text, limit=RESULT_LIMIT)
        except DeskError as error:
            self.model.set_results(None)
            self.popup.empty_label.setText(error_text(error))
        else:
            self.model.set_results(results)
            if not self.model.rowCount():
                self.popup.empty_label.setText(self._empty_text(text))
        if self.edit.hasFocus():  # not if the clerk has moved on meanwhile
            self.popup.place_under(self.edit)
        self.popup.set_current_row(-1)

    def _empty_text(self, text: str) -> str:
        from desk_app.services.directory import search

        if len(search.normalise_query(text)) < search.MIN_QUERY_LENGTH:
            return self.tr("Type at least two characters.")
        return self.tr("No unit, person, vehicle or public place matches.")

    def _fresh(self) -> None:
        """Run a pending search now, so keys never act on stale hits."""
        if self.timer.isActive() or self._searched_text != self.edit.text().strip():
            self.run()

    def hide(self) -> None:
        self.popup.hide()

    @property
    def visible(self) -> bool:
        return self.popup.isVisible()

    # ---- keys -------------------------------------------------------------

    def move(self, step: int) -> None:
        if not self.edit.text().strip():
            return
        self._fresh()
        if not self.visible:
            self.popup.place_under(self.edit)
        row = self.model.next_hit(self.popup.current_row(), step)
        self.popup.set_current_row(row)

    def current_target(self) -> SearchTarget | None:
        return self.model.target(self.popup.current_row())

    def activate(self, _text: str = "") -> bool:
        """Enter: open the highlighted hit, or the first one. False if there is none."""
        self._fresh()
        target = self.current_target()
        if target is None:
            hits = self.model.hit_rows()
            target = self.model.target(hits[0]) if hits else None
        if target is None:
            self.popup.place_under(self.edit)
            return False
        self.hide()
        self.opened.emit(target)
        return True

    def _clicked(self, row: int) -> None:
        target = self.model.target(row)
        if target is not None:
            self.hide()
            self.opened.emit(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.KeyPress:
                return self._key(event)  # type: ignore[arg-type]
            if event.type() == QEvent.Type.FocusOut:
                self.hide()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.move(1)
            return True
        if key == Qt.Key.Key_Up:
            if self.visible:
                self.move(-1)
            return True
        if key == Qt.Key.Key_PageDown and self.visible:
            self.move(5)
            return True
        if key == Qt.Key.Key_PageUp and self.visible:
            self.move(-5)
            return True
        if key == Qt.Key.Key_Escape and self.visible:
            self.hide()
            return True
        return False
