"""抄表: a building's meter readings for one item, typed into a grid fast enough for a
whole building — type the number, Enter, the next room — and saved in one transaction;
or a template exported for the meter reader and the filled workbook imported.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.ledger import billing, billing_excel
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.events import EventHub
from desk_app.ui.ledger.billing_models import ReadingsModel
from desk_app.ui.ledger.feature import READINGS_ACTIONS
from desk_app.ui.operations import perform
from desk_app.ui.widgets.files import choose_open_path, choose_save_path

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReadingDelegate(QStyledItemDelegate):
    """A plain line editor; Enter commits and asks the view for the next room."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("reading_editor")
        editor.setMaxLength(14)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and isinstance(watched, QLineEdit)
        ):
            # At once, not queued as Qt's own delegate does: the next key goes to the next row.
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)


class ReadingsView(QTableView):
    """The grid: typing a digit on a room starts its reading; Enter moves down a row."""

    def __init__(self, model: ReadingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readings_view")
        self.setModel(model)
        self.readings = model
        self.setItemDelegateForColumn(ReadingsModel.CURRENT, ReadingDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (ReadingsModel.ROOM, 100),
            (ReadingsModel.CUSTOMER, 110),
            (ReadingsModel.PREVIOUS, 100),
            (ReadingsModel.CURRENT, 100),
            (ReadingsModel.USAGE, 80),
        ):
            header.resizeSection(column, width)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)

    def first_entry(self) -> None:
        """Put the cursor on the first room whose reading can still be typed."""
        self.go_to_row(0)

    def go_to_row(self, start: int) -> bool:
        number = start
        while number < self.readings.rowCount() and not self.readings.editable(number):
            number += 1
        if number >= self.readings.rowCount():
            return False
        index = self.readings.index(number, ReadingsModel.CURRENT)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        entered = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if entered:
            self.go_to_row(self.currentIndex().row() + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS and self.state() != QAbstractItemView.State.EditingState:
            event.accept()
            self.go_to_row(self.currentIndex().row() + 1)
            return
        super().keyPressEvent(event)


class ReadingsPanel(QWidget):
    """Item and building chosen above the grid; save, import and template beside it."""

    readings_saved = Signal(int)
    """Readings were recorded (typed or imported); carries how many."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("readings_panel")
        self.period = billing.next_period(desk.clock.now().date())

        self.item_combo = QComboBox(self)
        self.item_combo.setObjectName("reading_item")
        self.building_combo = QComboBox(self)
        self.building_combo.setObjectName("reading_building")
        item_label = QLabel(self.tr("&Item:"), self)
        item_label.setBuddy(self.item_combo)
        building_label = QLabel(self.tr("Buildin&g:"), self)
        building_label.setBuddy(self.building_combo)

        self.model = ReadingsModel(self)
        self.view = ReadingsView(self.model, self)
        self.model.dataChanged.connect(lambda *_args: self._update_status())

        self.save_button = self._button(self.tr("&Save readings"), "save_readings", self.save)
        self.import_button = self._button(
            self.tr("Import from E&xcel…"), "import_readings", self.import_file
        )
        self.template_button = self._button(
            self.tr("Export &template…"), "export_template", self.export_template
        )
        self.named_actions = page_actions(self, READINGS_ACTIONS)

        self.status = QLabel(self)
        self.status.setObjectName("readings_status")

        bar = QHBoxLayout()
        bar.addWidget(item_label)
        bar.addWidget(self.item_combo)
        bar.addSpacing(12)
        bar.addWidget(building_label)
        bar.addWidget(self.building_combo)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.item_combo.currentIndexChanged.connect(lambda _n: self.reload())
        self.building_combo.currentIndexChanged.connect(lambda _n: self.reload())
        if not self.reload_choices():
            self.reload()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        push = QPushButton(text, self)
        push.setObjectName(name)
        push.setAutoDefault(False)
        push.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return push

    # ---- what is shown -----------------------------------------------------------------------

    def reload_choices(self) -> bool:
        """The metered items and buildings as they are now; True if the grid was reloaded."""
        item, building = self.item_code(), self.building()
        for combo in (self.item_combo, self.building_combo):
            combo.blockSignals(True)
        self.item_combo.clear()
        for fee_item in billing.metered_items(self.desk):
            self.item_combo.addItem(fee_item.name, fee_item.code)
        self.building_combo.clear()
        for code in billing.buildings(self.desk):
            self.building_combo.addItem(self.tr("Building {code}").format(code=code), code)
        for combo, wanted in ((self.item_combo, item), (self.building_combo, building)):
            found = combo.findData(wanted) if wanted else -1
            combo.setCurrentIndex(max(found, 0) if combo.count() else -1)
            combo.blockSignals(False)
        if (self.item_code(), self.building()) != (item, building):
            self.reload()
            return True
        return False

    def item_code(self) -> str | None:
        return self.item_combo.currentData()

    def building(self) -> str | None:
        return self.building_combo.currentData()

    def set_period(self, period: str) -> None:
        if period != self.period:
            self.period = period
            self.reload()

    def reload(self) -> None:
        item, building = self.item_code(), self.building()
        rows = []
        if item and building:
            try:
                rows = billing.reading_sheet(self.desk, self.period, item, building=building)
            except DeskError as error:
                messages.desk_error(self, error)
        self.model.set_rows(rows)
        enabled = bool(item and building)
        for push in (self.save_button, self.import_button, self.template_button):
            push.setEnabled(enabled)
        self.view.first_entry()
        self._update_status()

    def _update_status(self) -> None:
        if not self.item_code():
            self.status.setText(self.tr("No metered item is set up (水费, 电费 …)."))
            return
        typed = len(self.model.pending())
        self.status.setText(
            self.tr("{period}: {rooms} rooms, {typed} readings typed and not saved.").format(
                period=self.period, rooms=self.model.rowCount(), typed=typed
            )
        )

    # ---- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        self.view.setFocus()  # an open editor commits what was typed
        pending = self.model.pending()
        item = self.item_code()
        if not pending or not item:
            messages.info(self, self.tr("There are no new readings to save."))
            return False
        done = perform(
            self, self.hub, lambda: billing.record_readings(self.desk, self.period, item, pending)
        )
        if done is None:
            return False
        count = done.value
        self.reload()
        messages.info(self, self.tr("{count} readings saved.").format(count=count))
        self.readings_saved.emit(count)
        return True

    def show_desk_error(self, error: DeskError) -> None:
        """A refused reading: the message, then the cursor on that room's reading."""
        messages.desk_error(self, error)
        if isinstance(error, billing.ReadingRefused):
            row = self.model.row_of_unit(error.unit_id)
            if row is not None:
                index = self.model.index(row, ReadingsModel.CURRENT)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            self.view.setFocus()

    def import_file(self, path: str | None = None) -> bool:
        item, building = self.item_code(), self.building()
        if not item:
            return False
        path = path or choose_open_path(self, self.tr("Import meter readings"))
        if not path:
            return False
        done = perform(
            self,
            self.hub,
            lambda: billing_excel.import_readings(
                self.desk, path, period=self.period, item_code=item, building=building
            ),
        )
        if done is None:
            return False
        result = done.value
        self.reload()
        messages.info(self, self.tr("{count} readings imported.").format(count=result.count))
        self.readings_saved.emit(result.count)
        return True

    def export_template(self, path: str | None = None) -> bool:
        item, building = self.item_code(), self.building()
        if not item or not building:
            return False
        name = f"抄表单_{self.item_combo.currentText()}_{self.period}_{building}栋.xlsx"
        path = path or choose_save_path(self, self.tr("Export readings template"), name)
        if not path:
            return False
        try:
            billing_excel.write_readings_template(
                self.desk, path, period=self.period, item_code=item, building=building
            )
        except DeskError as error:
            messages.desk_error(self, error)
            return False
        messages.info(self, self.tr("Readings template saved: {path}").format(path=path))
        return True
