"""完工: the work done, the materials used (picked from the price list 有偿服务价格明细表
or typed as a free item), labour, paid or not, the owner's signature and the times.

Amounts follow the typing: each line's 金额 is ``line_amount_fen(单价, 数量)``, 材料费 their
sum, 人工费 is offered from the chosen price items' labour until the clerk types one, and
合计 is both. The service checks everything again and writes all of it or nothing.

Keyboard: Ins or Ctrl+N adds a material line, Del or Ctrl+D removes the current one;
Enter in the grid edits the current cell and, once typed, moves on along the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QCompleter,
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

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen, line_amount_fen, parse_fen, parse_quantity_centi
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import Completion, MaterialInput, OrderRow
from desk_app.services.repairs.setup import PriceRow
from desk_app.ui.actions import page_actions
from desk_app.ui.events import EventHub
from desk_app.ui.repairs.dialogs import RepairFormDialog, now_text, order_summary, time_edit
from desk_app.ui.repairs.feature import COMPLETION_ACTIONS
from desk_app.ui.widgets.forms import NoteEdit, line_edit
from desk_app.ui.widgets.row_table import ROOT_INDEX, AnyIndex

NAME, UNIT, QUANTITY, PRICE, AMOUNT = range(5)
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the price item's name, for the completer


def plain_yuan(fen: int) -> str:
    return format_fen(fen, symbol=False, grouping=False)


def try_fen(text: str) -> int | None:
    try:
        return parse_fen(text) if text.strip() else 0
    except ValidationError:
        return None


def try_quantity(text: str) -> int | None:
    try:
        return parse_quantity_centi(text)
    except ValidationError:
        return None


@dataclass
class MaterialLine:
    name: str = ""
    unit: str = ""
    quantity: str = ""
    price: str = ""
    price_id: int | None = None
    labour_fen: int = 0  # the price item's labour per unit

    @property
    def blank(self) -> bool:
        return not (self.name.strip() or self.quantity.strip() or self.price.strip())

    def amount_fen(self) -> int | None:
        quantity = try_quantity(self.quantity)
        price = try_fen(self.price) if self.price.strip() else None
        if quantity is None or price is None:
            return None
        return line_amount_fen(price, quantity)

    def labour_total_fen(self) -> int:
        if self.price_id is None or not self.labour_fen:
            return 0
        quantity = try_quantity(self.quantity)
        return line_amount_fen(self.labour_fen, quantity) if quantity else 0


class MaterialsEditModel(QAbstractTableModel):
    """The editable materials grid; ``totals_changed`` after every change."""

    totals_changed = Signal()

    def __init__(self, prices: list[PriceRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prices = prices
        self.lines: list[MaterialLine] = []
        self._headers = [
            self.tr("Item"),
            self.tr("Unit"),
            self.tr("Quantity"),
            self.tr("Unit price"),
            self.tr("Amount"),
        ]
        self.modelReset.connect(self.totals_changed)
        self.rowsInserted.connect(self.totals_changed)
        self.rowsRemoved.connect(self.totals_changed)
        self.dataChanged.connect(self.totals_changed)

    # ---- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.lines):
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != AMOUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == AMOUNT:
                amount = line.amount_fen()
                return format_fen(amount) if amount is not None else ""
            return (line.name, line.unit, line.quantity, line.price)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, PRICE, AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            if line.price_id is not None:
                return self.tr("From the price list")
            if line.name.strip():
                return self.tr("Free item (not in the price list)")
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == AMOUNT:
            return False
        line = self.lines[index.row()]
        text = "" if value is None else str(value).strip()
        column = index.column()
        if column == NAME:
            self._set_name(line, text)
        elif column == UNIT:
            line.unit = text
        elif column == QUANTITY:
            line.quantity = text
        elif column == PRICE:
            line.price = text
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), AMOUNT))
        return True

    def _set_name(self, line: MaterialLine, text: str) -> None:
        previous = self.price(line.price_id)
        item = self.price_named(text)
        line.name = text
        if item is not None:
            line.price_id = item.id
            line.labour_fen = item.labour_fen
            if not line.unit or (previous is not None and line.unit == previous.unit):
                line.unit = item.unit
            if not line.price or (
                previous is not None and line.price == plain_yuan(previous.price_fen)
            ):
                line.price = plain_yuan(item.price_fen)
            if not line.quantity:
                line.quantity = "1"
        elif previous is not None:
            line.price_id = None  # typed over: a free item now
            line.labour_fen = 0

    # ---- the price list -------------------------------------------------------------------

    def price(self, price_id: int | None) -> PriceRow | None:
        return next((p for p in self.prices if p.id == price_id), None)

    def price_named(self, name: str) -> PriceRow | None:
        wanted = name.strip()
        if not wanted:
            return None
        return next((p for p in self.prices if p.name == wanted), None)

    # ---- lines ------------------------------------------------------------------------------

    def add_line(self, row: int | None = None, line: MaterialLine | None = None) -> int:
        row = len(self.lines) if row is None else max(0, min(row, len(self.lines)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.insert(row, line or MaterialLine())
        self.endInsertRows()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()

    def material_fen(self) -> int:
        return sum(line.amount_fen() or 0 for line in self.lines)

    def suggested_labour_fen(self) -> int:
        return sum(line.labour_total_fen() for line in self.lines)

    def inputs(self) -> tuple[list[MaterialInput], list[int]]:
        """What goes to the service (blank lines left out) and the grid row of each."""
        rows = [number for number, line in enumerate(self.lines) if not line.blank]
        items = [
            MaterialInput(
                name=self.lines[r].name,
                quantity=self.lines[r].quantity,
                unit_price=self.lines[r].price,
                unit=self.lines[r].unit,
                price_id=self.lines[r].price_id,
            )
            for r in rows
        ]
        return items, rows


class PriceCompletionModel(QStandardItemModel):
    """The price list for the item column's completer: shows ``更换水龙头（水 · ¥35.00/个）``,
    completes the name."""

    def __init__(self, prices: list[PriceRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        for price in prices:
            unit = f"/{price.unit}" if price.unit else ""
            category = f"{price.category} · " if price.category else ""
            item = QStandardItem(f"{price.name}（{category}{format_fen(price.price_fen)}{unit}）")
            item.setData(price.name, NAME_ROLE)
            item.setData(price.id, NAME_ROLE + 1)
            item.setEditable(False)
            self.appendRow(item)


class MaterialsDelegate(QStyledItemDelegate):
    """The item column gets a completer over the price list; picking an item commits it."""

    def __init__(self, completion: PriceCompletionModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.completion = completion

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"material_editor_{index.column()}")
        editor.setMaxLength(100 if index.column() == NAME else 20)
        if index.column() == NAME:
            completer = QCompleter(self.completion, editor)
            completer.setCompletionRole(NAME_ROLE)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
            completer.activated.connect(
                lambda _text, e=editor: QTimer.singleShot(0, lambda: self._picked(e))
            )
        return editor

    def _picked(self, editor: QLineEdit) -> None:
        try:
            if not editor.isVisible():
                return  # closed already (Enter reached the grid too)
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
        except RuntimeError:  # the editor is gone already
            pass


class MaterialsView(QTableView):
    """The grid: Enter edits the current cell (never closes the dialog) and, after a
    cell is typed, goes on to the next one of the line."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("materials_grid")
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def model(self) -> MaterialsEditModel:
        return cast(MaterialsEditModel, super().model())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self.state() != QAbstractItemView.State.EditingState:
                index = self.currentIndex()
                if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.edit(index)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index = self.currentIndex()
        was_open = editor.isVisible()
        super().closeEditor(editor, hint)
        submitted = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        if not (was_open and submitted and index.isValid()):
            return
        line = self.model().lines[index.row()] if index.row() < self.model().rowCount() else None
        following = {NAME: UNIT, UNIT: QUANTITY, QUANTITY: PRICE}
        column = following.get(index.column())
        if column == UNIT and line is not None and line.price_id is not None:
            column = QUANTITY
        if column is not None:
            target = self.model().index(index.row(), column)
            self.setCurrentIndex(target)
            QTimer.singleShot(0, lambda: self.edit(target) if self.isVisible() else None)


class CompletionDialog(RepairFormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, order: OrderRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(desk, hub, parent)
        self.order = order
        self.setObjectName("completion_dialog")
        self.setWindowTitle(self.tr("Complete order {number}").format(number=order.order_no))
        self.add_intro(order_summary(order))
        self.labour_touched = False

        self.work_done = self.field(
            "work_done", self.tr("&Work done / result:"), NoteEdit(self, "work_done")
        )

        prices = repair_setup.prices(desk)
        self.materials = MaterialsEditModel(prices, self)
        self.grid = MaterialsView(self)
        self.grid.setModel(self.materials)
        self.grid.setItemDelegate(MaterialsDelegate(PriceCompletionModel(prices, self), self.grid))
        self.grid.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((UNIT, 60), (QUANTITY, 70), (PRICE, 90), (AMOUNT, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.grid.setMinimumHeight(self.fontMetrics().height() * 9)
        self.add_line_button = QPushButton(self.tr("&Add material (Ins)"), self)
        self.add_line_button.setObjectName("add_material")
        self.add_line_button.setAutoDefault(False)
        self.add_line_button.clicked.connect(self.add_line)
        self.remove_line_button = QPushButton(self.tr("Re&move material (Del)"), self)
        self.remove_line_button.setObjectName("remove_material")
        self.remove_line_button.setAutoDefault(False)
        self.remove_line_button.clicked.connect(self.remove_line)
        hint = QLabel(
            self.tr(
                "Type or pick an item of the price list; a name not in the list is a free item."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("materials_hint")
        self.grid_actions = page_actions(self, COMPLETION_ACTIONS, holder=self.grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_line_button)
        buttons.addWidget(self.remove_line_button)
        buttons.addWidget(hint, 1)
        materials_box = QWidget(self)
        box_layout = QVBoxLayout(materials_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.grid)
        box_layout.addLayout(buttons)
        self.add_row(self.tr("Materials used:"), materials_box)
        self.fields["materials"] = self.grid

        self.labour = self.field(
            "labour", self.tr("&Labour (yuan):"), line_edit(self, "labour", "", 20)
        )
        self.labour.textEdited.connect(self._labour_typed)
        self.labour.textChanged.connect(self.update_totals)
        self.material_total = QLabel(self)
        self.material_total.setObjectName("material_total")
        self.grand_total = QLabel(self)
        self.grand_total.setObjectName("grand_total")
        font = self.grand_total.font()
        font.setBold(True)
        self.grand_total.setFont(font)
        self.add_row(self.tr("Materials:"), self.material_total)
        self.add_row(self.tr("Total:"), self.grand_total)

        self.paid = QCheckBox(self.tr("&Paid service (charged to the unit)"), self)
        self.paid.setObjectName("paid")
        self.field("paid", self.tr("Paid:"), self.paid)
        self.owner_signed = QCheckBox(self.tr("Owner &signed the order"), self)
        self.owner_signed.setObjectName("owner_signed")
        self.signed_by = line_edit(self, "signed_by", order.reporter, 40)
        self.signed_by.setPlaceholderText(self.tr("who signed"))
        self.signed_by.setEnabled(False)
        self.owner_signed.toggled.connect(self.signed_by.setEnabled)
        signed_row = QWidget(self)
        signed_layout = QHBoxLayout(signed_row)
        signed_layout.setContentsMargins(0, 0, 0, 0)
        signed_layout.addWidget(self.owner_signed)
        signed_layout.addWidget(self.signed_by, 1)
        self.add_row(self.tr("Signature:"), signed_row)
        self.fields["owner_signed"] = self.owner_signed
        self.fields["signed_by"] = self.signed_by

        self.arrived_at: QLineEdit | None = None
        chain: list[QWidget] = [
            self.work_done,
            self.grid,
            self.add_line_button,
            self.remove_line_button,
            self.labour,
            self.paid,
            self.owner_signed,
            self.signed_by,
        ]
        if order.arrived_at is None:
            self.arrived_at = time_edit(self, "arrived_at")
            self.field("arrived_at", self.tr("A&rrived at:"), self.arrived_at)
            chain.append(self.arrived_at)
        self.completed_at = time_edit(self, "completed_at", now_text(desk))
        self.field("completed_at", self.tr("&Completed at:"), self.completed_at)
        chain.append(self.completed_at)
        self.finish(self.tr("Complete"), chain, stretch=False)

        self.materials.totals_changed.connect(self._materials_changed)
        self.update_totals()
        self.setMinimumWidth(680)

    # ---- lines --------------------------------------------------------------------------------

    def add_line(self) -> None:
        current = self.grid.currentIndex()
        row = current.row() + 1 if current.isValid() else self.materials.rowCount()
        row = self.materials.add_line(row)
        index = self.materials.index(row, NAME)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self.grid.setCurrentIndex(index)
        self.grid.edit(index)

    def remove_line(self) -> None:
        current = self.grid.currentIndex()
        if not current.isValid():
            return
        column = current.column()
        self.materials.remove_line(current.row())
        if self.materials.rowCount():
            row = min(current.row(), self.materials.rowCount() - 1)
            self.grid.setCurrentIndex(self.materials.index(row, column))
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- amounts ------------------------------------------------------------------------------

    def _labour_typed(self, _text: str) -> None:
        self.labour_touched = True

    def _materials_changed(self) -> None:
        if not self.labour_touched:
            suggested = self.materials.suggested_labour_fen()
            self.labour.setText(plain_yuan(suggested) if suggested else "")
        self.update_totals()

    def update_totals(self, *_args: object) -> None:
        material = self.materials.material_fen()
        self.material_total.setText(format_fen(material))
        labour = try_fen(self.labour.text())
        if labour is None:
            self.grand_total.setText("—")
        else:
            self.grand_total.setText(format_fen(labour + material))

    # ---- the service --------------------------------------------------------------------------

    def submit(self) -> Done[object]:
        items, rows = self.materials.inputs()
        self._material_rows = rows
        done = repairs.complete(
            self.desk,
            self.order.id,
            Completion(
                work_done=self.work_done.toPlainText(),
                materials=tuple(items),
                labour=self.labour.text(),
                paid=self.paid.isChecked(),
                owner_signed=self.owner_signed.isChecked(),
                signed_by=self.signed_by.text() if self.owner_signed.isChecked() else "",
                completed_at=self.completed_at.text(),
                arrived_at=self.arrived_at.text() if self.arrived_at is not None else None,
            ),
        )
        self.result_order = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        field = error.field or ""
        if field.startswith("material_"):
            try:
                row = self._material_rows[int(field.split("_", 1)[1]) - 1]
            except (ValueError, IndexError, AttributeError):
                return self.grid
            self.grid.setCurrentIndex(self.materials.index(row, NAME))
            return self.grid
        if field == "arrived_at" and self.arrived_at is None:
            return self.completed_at
        return super().error_focus(error)
