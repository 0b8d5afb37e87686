"""The 交付批次 sub-page of 入住交房: what the desk prepares before and follows during the
hand-over weeks, keyboard first.

The batch is chosen on top (newest first; 新建批次 Ctrl+N, 添加房屋 Ctrl+Shift+A, 添加时段
Ctrl+T). On the left its time slots with the places booked and free; on the right its
units — owner, building, state, appointment, notice — counted above the table, filtered by
building and state, and found by typing (Ctrl+G). On the chosen unit: 预约 (Ctrl+B, Enter
in the table), 取消预约 (Ctrl+Shift+B), 办理收房 (Ctrl+O: the 收房 sub-page on that unit);
on the units selected (several with Shift/Ctrl): 记录已通知 (Ctrl+M); 打印通知单 (Ctrl+P)
for those, a building, the ones not yet told or the whole batch. The page stays current
with the hub's changes and keeps the batch and the units selected.

    page = BatchesPage(desk, hub)
    page.show_batch(batch_id); page.select_units([batch_unit_id]); page.book()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.address import parse_unit_address
from desk_app.core.clock import display
from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.movein import UNIT_STATES
from desk_app.services.desk import Desk
from desk_app.services.movein import batches
from desk_app.services.movein.batches import BatchRow, BatchUnitRow, SlotRow
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.labels import building_text, vocabulary_text
from desk_app.ui.movein.feature import BATCH_ACTIONS, BATCH_TOOLS, UNIT_TOOLS
from desk_app.ui.movein.slot_dialog import day_text, period_text
from desk_app.ui.operations import perform
from desk_app.ui.widgets.columns import fit_columns
from desk_app.ui.widgets.controls import fill_vocabulary, list_table, list_view
from desk_app.ui.widgets.row_table import AnyIndex, Column, RowTableModel
from desk_app.ui.widgets.shown_refresh import ShownRefresh
from desk_app.ui.widgets.tool_buttons import tool_button

WATCHED = (
    "movein_batches",
    "movein_units",
    "movein_slots",
    "movein_appointments",
    "movein_handovers",
    "units",
    "occupancies",
    "people",
)
BOOKABLE = ("未预约", "已预约")
OPEN_STATES = ("未预约", "已预约", "办理中")
STATE_COLOURS = {
    "未预约": QColor("#6b6b6b"),
    "已预约": QColor("#1f4e9c"),
    "办理中": QColor("#7a4f00"),
    "已交房": QColor("#1b6e20"),
    "带条件收房": QColor("#8a5a00"),
    "拒收": QColor("#a40000"),
}
FULL = QColor("#a40000")
UNIT_SAMPLES = {
    0: "12-3-1801",
    1: "欧阳建国、李",
    2: "12栋",
    3: UNIT_STATES,
    4: "2026-12-31 周三 14:00–17:00",
    5: "2026-12-31 17:30 电话",
}
SLOT_SAMPLES = {0: "2026-12-31 周三", 1: "14:00–17:00", 2: "200", 3: "200", 4: "200"}


class BatchUnitsModel(RowTableModel):
    """A batch's units: code, owner, building, state (coloured), appointment, notice."""

    STATE = 3

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Unit"), lambda r: r.unit_code),
            Column(self.tr("Owner"), lambda r: r.owner_name or ""),
            Column(self.tr("Building"), lambda r: building_text(r.building)),
            Column(self.tr("State"), lambda r: vocabulary_text(r.state)),
            Column(self.tr("Appointment"), appointment_text),
            Column(self.tr("Notice sent"), notice_text),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == self.STATE
            and 0 <= index.row() < self.rowCount()
        ):
            return STATE_COLOURS.get(self.row_at(index.row()).state)
        return super().data(index, role)


def appointment_text(row: BatchUnitRow) -> str:
    if not row.slot_day:
        return ""
    return f"{day_text(row.slot_day)} {period_text(row.slot_starts, row.slot_ends)}"


def notice_text(row: BatchUnitRow) -> str:
    if not row.notice_sent_at:
        return ""
    how = vocabulary_text(row.notice_how) if row.notice_how else ""
    return f"{display(row.notice_sent_at)} {how}".strip()


class SlotsModel(RowTableModel):
    """A batch's slots: day, period, places, booked, free (red when full)."""

    FREE = 4

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Day"), lambda s: day_text(s.day)),
            Column(self.tr("Time"), lambda s: period_text(s.starts, s.ends)),
            Column(self.tr("Places"), lambda s: s.capacity, align_right=True),
            Column(self.tr("Booked"), lambda s: s.booked, align_right=True),
            Column(self.tr("Free"), lambda s: max(s.capacity - s.booked, 0), align_right=True),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
        ):
            slot: SlotRow = self.row_at(index.row())
            return FULL if slot.booked >= slot.capacity else None
        return super().data(index, role)


class UnitsView(QTableView):
    """The units' table: Enter books the current unit (预约)."""

    def __init__(self, parent: QWidget, on_enter: Any) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._on_enter()
            return
        super().keyPressEvent(event)


class FindEdit(QLineEdit):
    """The type-to-find box: Down or Enter goes on to the table."""

    def __init__(self, parent: QWidget, on_down: Any) -> None:
        super().__init__(parent)
        self._on_down = on_down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_down()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


def _matches(row: BatchUnitRow, text: str, code: str | None) -> bool:
    """A whole unit address finds that unit; anything else a part of a code or a name."""
    if code is not None:
        return row.unit_code == code
    return text in row.unit_code or (row.owner_name is not None and text in row.owner_name)


class BatchesPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("movein_batches_page")
        self.batch: BatchRow | None = None
        self.all_units: list[BatchUnitRow] = []

        self.batch_combo = QComboBox(self)
        self.batch_combo.setObjectName("batch_combo")
        self.batch_combo.setMinimumContentsLength(28)
        self.batch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.batch_combo.currentIndexChanged.connect(self._batch_chosen)
        batch_caption = QLabel(self.tr("&Batch:"), self)
        batch_caption.setBuddy(self.batch_combo)
        self.batch_info = QLabel(self)
        self.batch_info.setObjectName("batch_info")
        self.batch_info.setWordWrap(True)
        self.batch_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.named_actions: dict[str, QAction] = page_actions(self, BATCH_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        top = QHBoxLayout()
        top.addWidget(batch_caption)
        top.addWidget(self.batch_combo, 2)
        for spec in BATCH_TOOLS:
            self.buttons[spec.name] = tool_button(
                self, self.named_actions[spec.name], f"batches_{spec.name}_button"
            )
            top.addWidget(self.buttons[spec.name])
        top.addStretch(1)

        self.slots_model = SlotsModel((), self)
        self.slots_view = list_table(self, self.slots_model, "batch_slots")
        self.slots_caption = QLabel(self)
        self.slots_caption.setObjectName("slots_caption")
        fit_columns(self.slots_view, SLOT_SAMPLES, table="movein_slots")
        self.slots_view.setMinimumWidth(  # every column shown, no sideways scrolling
            self.slots_view.horizontalHeader().length()
            + self.slots_view.verticalScrollBar().sizeHint().width()
            + 2 * self.slots_view.frameWidth()
        )

        self.units_model = BatchUnitsModel((), self)
        self.units_view = UnitsView(self, self.book)
        list_view(self.units_view, self.units_model, "batch_units", many=True)
        self.units_view.doubleClicked.connect(lambda _index: self.book())
        selection = self.units_view.selectionModel()
        selection.selectionChanged.connect(lambda *_args: self._enable())
        selection.currentChanged.connect(lambda *_args: self._enable())
        fit_columns(self.units_view, UNIT_SAMPLES, table="movein_batch_units")

        self.counts = QLabel(self)
        self.counts.setObjectName("batch_counts")
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.building_filter = QComboBox(self)
        self.building_filter.setObjectName("building_filter")
        self.building_filter.currentIndexChanged.connect(lambda _i: self._show_units())
        building_caption = QLabel(self.tr("B&uilding:"), self)
        building_caption.setBuddy(self.building_filter)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(self.tr("All states"), None)
        fill_vocabulary(self.state_filter, UNIT_STATES)
        self.state_filter.currentIndexChanged.connect(lambda _i: self._show_units())
        state_caption = QLabel(self.tr("Stat&e:"), self)
        state_caption.setBuddy(self.state_filter)
        self.find_edit = FindEdit(self, self._find_to_table)
        self.find_edit.setObjectName("find_unit")
        self.find_edit.setPlaceholderText(self.tr("Unit or owner, e.g. 3-2-501"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(lambda _text: self._show_units())
        find_caption = QLabel(self.tr("&Find:"), self)
        find_caption.setBuddy(self.find_edit)
        filters = QHBoxLayout()
        filters.addWidget(building_caption)
        filters.addWidget(self.building_filter)
        filters.addWidget(state_caption)
        filters.addWidget(self.state_filter)
        filters.addWidget(find_caption)
        filters.addWidget(self.find_edit, 1)
        unit_bar = QHBoxLayout()
        for spec in UNIT_TOOLS:
            self.buttons[spec.name] = tool_button(
                self, self.named_actions[spec.name], f"batches_{spec.name}_button"
            )
            unit_bar.addWidget(self.buttons[spec.name])
        unit_bar.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName("batches_message")
        self.message.setWordWrap(True)
        self.message.hide()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.slots_caption)
        left_layout.addWidget(self.slots_view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.counts)
        right_layout.addLayout(filters)
        right_layout.addLayout(unit_bar)
        right_layout.addWidget(self.units_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("batches_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 950])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.batch_info)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.find_edit)

        self._refresher = ShownRefresh(self, self.refresh)
        hub.changed.connect(self._hub_changed)
        self.refresh()

    # ---- the batch ------------------------------------------------------------------

    def batch_text(self, batch: BatchRow) -> str:
        return (
            self.tr("%1 (%2 to %3, %4 units)")
            .replace("%1", batch.name)
            .replace("%2", batch.starts_on)
            .replace("%3", batch.ends_on)
            .replace("%4", str(batch.units))
        )

    def _fill_batches(self, chosen: int | None) -> None:
        rows = batches.list_batches(self.desk)
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        for row in rows:
            self.batch_combo.addItem(self.batch_text(row), row.id)
        index = self.batch_combo.findData(chosen) if chosen is not None else -1
        self.batch_combo.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.batch_combo.blockSignals(False)
        if not rows:
            self.batch_combo.setPlaceholderText(self.tr("No batch yet: create one (Ctrl+N)"))

    def show_batch(self, batch_id: int) -> None:
        """The batch chosen in the list, its slots and units shown."""
        index = self.batch_combo.findData(batch_id)
        if index < 0:
            self._fill_batches(batch_id)
            index = self.batch_combo.findData(batch_id)
        if index == self.batch_combo.currentIndex():
            self._load_batch()
        else:
            self.batch_combo.setCurrentIndex(index)

    def _batch_chosen(self, _index: int) -> None:
        self.say("")
        self.find_edit.clear()
        self._load_batch(keep=False)

    def current_batch_id(self) -> int | None:
        data = self.batch_combo.currentData()
        return None if data is None else int(data)

    def _load_batch(self, *, keep: bool = True) -> None:
        batch_id = self.current_batch_id()
        chosen = self.selected_ids() if keep else []
        current = self.current_unit() if keep else None
        self.batch = None if batch_id is None else batches.get_batch(self.desk, batch_id)
        if self.batch is None:
            self.all_units = []
            self.slots_model.set_rows([])
            self.batch_info.setText(self.tr("Create a batch: its buildings or units, its days."))
        else:
            self.all_units = batches.batch_units(self.desk, self.batch.id)
            self.slots_model.set_rows(batches.slots(self.desk, self.batch.id))
            self.batch_info.setText(self._info_text(self.batch))
        self._fill_buildings(keep)
        self._show_slots_caption()
        self._show_units(chosen, current.id if current is not None else None)

    def _info_text(self, batch: BatchRow) -> str:
        parts = [
            self.tr("Hand-over %1 to %2")
            .replace("%1", batch.starts_on)
            .replace("%2", batch.ends_on)
        ]
        if batch.place:
            parts.append(self.tr("at %1").replace("%1", batch.place))
        if batch.contact:
            parts.append(self.tr("contact: %1").replace("%1", batch.contact))
        if batch.note:
            parts.append(batch.note)
        return " · ".join(parts)

    def _fill_buildings(self, keep: bool) -> None:
        before = self.building_filter.currentData() if keep else None
        buildings = sorted({u.building for u in self.all_units}, key=lambda b: (len(b), b))
        self.building_filter.blockSignals(True)
        self.building_filter.clear()
        self.building_filter.addItem(self.tr("All buildings"), None)
        for code in buildings:
            self.building_filter.addItem(building_text(code), code)
        self.building_filter.setCurrentIndex(max(self.building_filter.findData(before), 0))
        self.building_filter.blockSignals(False)

    def _show_slots_caption(self) -> None:
        rows: list[SlotRow] = self.slots_model.rows()
        places = sum(s.capacity for s in rows)
        booked = sum(s.booked for s in rows)
        self.slots_caption.setText(
            self.tr("Time slots: %1 · %2 of %3 places booked")
            .replace("%1", str(len(rows)))
            .replace("%2", str(booked))
            .replace("%3", str(places))
        )

    # ---- the units --------------------------------------------------------------------

    def building(self) -> str | None:
        data = self.building_filter.currentData()
        return None if data is None else str(data)

    def shown_units(self) -> list[BatchUnitRow]:
        text = self.find_edit.text().strip()
        code: str | None = None
        if text:
            try:
                code = parse_unit_address(text).short
            except ValidationError:
                code = None
        building, state = self.building(), self.state_filter.currentData()
        return [
            u
            for u in self.all_units
            if (building is None or u.building == building)
            and (state is None or u.state == state)
            and (not text or _matches(u, text, code))
        ]

    def _show_units(self, chosen: Sequence[int] | None = None, current: int | None = None) -> None:
        if chosen is None:
            chosen = self.selected_ids()
            found = self.current_unit()
            current = found.id if found is not None else None
        rows = self.shown_units()
        self.units_model.set_rows(rows)
        self.select_units(chosen, current=current)
        self._show_counts(len(rows))
        self._enable()

    def _show_counts(self, shown: int) -> None:
        if self.batch is None:
            self.counts.setText("")
            return
        states = Counter(u.state for u in self.all_units)
        told = sum(1 for u in self.all_units if u.notice_sent_at)
        parts = [self.tr("%1 units").replace("%1", str(len(self.all_units)))]
        for state in UNIT_STATES:
            if states[state] or state in ("未预约", "已预约", "已交房"):
                parts.append(f"{vocabulary_text(state)} {states[state]}")
        parts.append(self.tr("notified %1").replace("%1", str(told)))
        text = " · ".join(parts)
        if shown != len(self.all_units):
            text += self.tr("  (showing %1)").replace("%1", str(shown))
        self.counts.setText(text)

    def select_units(self, ids: Sequence[int], *, current: int | None = None) -> None:
        """Select the rows of these batch units (those shown); ``current`` gets the cursor."""
        model, selection_model = self.units_model, self.units_view.selectionModel()
        wanted = set(ids)
        selection = QItemSelection()
        focus_row = -1
        for row, unit in enumerate(model.rows()):
            if unit.id in wanted:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
                if focus_row < 0 or unit.id == current:
                    focus_row = row
        selection_model.clearSelection()
        if focus_row >= 0:
            selection_model.setCurrentIndex(
                model.index(focus_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            selection_model.select(
                selection,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.units_view.scrollTo(model.index(focus_row, 0))

    def selected_rows(self) -> list[BatchUnitRow]:
        rows = sorted({i.row() for i in self.units_view.selectionModel().selectedRows()})
        return [self.units_model.row_at(r) for r in rows]

    def selected_ids(self) -> list[int]:
        return [u.id for u in self.selected_rows()]

    def current_unit(self) -> BatchUnitRow | None:
        """The unit under the cursor if it is selected, else the first selected."""
        index = self.units_view.currentIndex()
        selected = self.selected_rows()
        if index.isValid() and self.units_view.selectionModel().isRowSelected(index.row()):
            return self.units_model.row_at(index.row())
        return selected[0] if selected else None

    def unit_texts(self) -> list[list[str]]:
        """The table as shown (for tests and checks)."""
        model = self.units_model
        return [
            [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    def focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _find_to_table(self) -> None:
        if self.units_model.rowCount() == 0:
            return
        if not self.selected_rows():
            self.select_units([self.units_model.row_at(0).id])
        self.units_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enable(self) -> None:
        has_batch = self.batch is not None
        unit = self.current_unit()
        self.named_actions["add_units"].setEnabled(has_batch)
        self.named_actions["add_slots"].setEnabled(has_batch)
        self.named_actions["print_notices"].setEnabled(has_batch and bool(self.all_units))
        self.named_actions["book"].setEnabled(unit is not None and unit.state in BOOKABLE)
        self.named_actions["cancel_booking"].setEnabled(unit is not None and unit.state == "已预约")
        self.named_actions["hand_over"].setEnabled(unit is not None and unit.state in OPEN_STATES)
        self.named_actions["record_notice"].setEnabled(bool(self.selected_rows()))

    # ---- the batch's work -------------------------------------------------------------

    def _run(self, dialog: QDialog) -> bool:
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def new_batch(self) -> None:
        """新建批次; the new batch is shown."""
        from desk_app.ui.movein.batch_dialog import BatchDialog

        dialog = BatchDialog(self.desk, self.hub, self)
        if self._run(dialog) and dialog.created is not None:
            created = dialog.created
            self._fill_batches(created.id)
            self._load_batch(keep=False)
            self.say(
                self.tr("Batch %1 created with %2 units.")
                .replace("%1", created.name)
                .replace("%2", str(created.units))
            )

    def add_units(self) -> None:
        """添加房屋: buildings or units into the chosen batch."""
        from desk_app.ui.movein.batch_dialog import AddUnitsDialog

        if self.batch is None:
            return
        dialog = AddUnitsDialog(self.desk, self.hub, self.batch, self)
        if self._run(dialog):
            self.refresh()
            self.say(self.tr("%1 units added.").replace("%1", str(dialog.added)))

    def add_slots(self) -> None:
        """添加时段: one day's or several days' slots."""
        from desk_app.ui.movein.slot_dialog import SlotsDialog

        if self.batch is None:
            return
        dialog = SlotsDialog(self.desk, self.hub, self.batch, self)
        if self._run(dialog):
            self.refresh()
            self.say(self.tr("%1 time slots added.").replace("%1", str(len(dialog.added))))

    # ---- the unit's work --------------------------------------------------------------

    def book(self) -> None:
        """预约 (or move the appointment) of the current unit."""
        from desk_app.ui.movein.slot_dialog import BookDialog

        unit = self.current_unit()
        if unit is None or not self.named_actions["book"].isEnabled():
            return
        dialog = BookDialog(self.desk, self.hub, unit, self)
        if self._run(dialog) and dialog.booked is not None:
            booked = dialog.booked
            self.refresh()
            self.say(
                self.tr("%1 booked for %2.")
                .replace("%1", booked.unit_code)
                .replace("%2", appointment_text(booked))
            )
        self.units_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_booking(self) -> None:
        """取消预约 of the current unit."""
        unit = self.current_unit()
        if unit is None:
            return
        done = perform(self, self.hub, lambda: batches.cancel_booking(self.desk, unit.id))
        if done is not None:
            self.refresh()
            self.say(self.tr("Appointment of %1 cancelled.").replace("%1", unit.unit_code))

    def hand_over(self) -> None:
        """办理收房: the 收房 sub-page on the current unit."""
        unit = self.current_unit()
        if unit is None:
            return
        window = self.window()
        show = getattr(window, "show_feature", None)
        if show is None:
            return
        show("movein").open_unit(unit.unit_id)

    def record_notice(self) -> None:
        """记录已通知 for the units selected."""
        from desk_app.ui.movein.notice_dialog import RecordNoticeDialog

        rows = self.selected_rows()
        if not rows:
            return
        dialog = RecordNoticeDialog(self.desk, self.hub, rows, self)
        if self._run(dialog):
            self.refresh()
            self.say(self.tr("Notice recorded for %1 units.").replace("%1", str(dialog.recorded)))

    def print_notices(self) -> None:
        """打印通知单: the units selected, a building's, those not yet told or the whole
        batch; archived, recorded as sent, then shown for printing."""
        from desk_app.ui.movein.notice_dialog import PrintNoticesDialog
        from desk_app.ui.widgets import pdf_preview

        if self.batch is None:
            return
        dialog = PrintNoticesDialog(
            self.desk,
            self.hub,
            self.batch,
            self.all_units,
            self.selected_rows(),
            self.building(),
            self,
        )
        if not self._run(dialog) or dialog.printed is None:
            return
        printed = dialog.printed
        self.refresh()
        self.say(
            self.tr("%1 notices printed and recorded as sent.").replace(
                "%1", str(len(printed.batch_unit_ids))
            )
        )
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    # ---- messages and staying current -------------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a40000;" if error else "")
        self.message.setVisible(bool(text))

    def show_desk_error(self, error: DeskError) -> None:
        self.say(error_text(error), error=True)

    def error_text(self) -> str:
        return self.message.text()

    def refresh(self) -> None:
        """Batches, slots and units read again; the batch and the selection kept."""
        self._fill_batches(self.current_batch_id())
        self._load_batch()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.started_by(self):
            return  # the page refreshes itself after its own writes
        if event.touches(*WATCHED):
            self._refresher.changed()
