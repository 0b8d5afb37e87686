"""收款: the clerk takes a payment and prints its receipt, keyboard only.

    page = PaymentPage(desk, hub)
    page.show_unit(unit_id)          # e.g. from the owner archive or the arrears list

The flow: type a room (``3-2-501``) or an owner's name in the search box and press Enter
(the first hit, or the one chosen with ↑↓); the unit's debts appear, oldest first, with
their age and, apart from them, the late fees they carry today. Space ticks the charge
under the cursor (Ctrl+A ticks or clears all), or Alt+A switches to 按金额 — an amount
spread over the debts oldest first, the rest kept as 预收款. Enter moves on to the method
(keys 1–5: 现金 微信 支付宝 银行卡 转账); for cash, 实收 and the change (找零) follow live.
Ctrl+Enter takes the payment: the receipt (every copy) is printed and archived, shown for
printing, and the page is ready for the next owner with the cursor in the search box.
A refusal is shown in Chinese as the service wrote it, the cursor in the field at fault.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import ledger_rules, vocabularies
from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen, parse_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, locations
from desk_app.services.ledger import charges, late_fees, payments, tables
from desk_app.services.ledger import credit as ledger_credit
from desk_app.services.ledger.late_fees import LateFee
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.ledger.feature import PAYMENT_ACTIONS
from desk_app.ui.ledger.payment_models import LateFeesModel, OwingModel
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.controls import ERROR_STYLE, HINT_STYLE, KeyChoice
from desk_app.ui.widgets.search_popup import GlobalSearch
from desk_app.ui.widgets.search_results import SearchTarget
from desk_app.ui.widgets.shown_refresh import ShownRefresh

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CASH = "现金"
METHOD_KEYS = [(str(n), method) for n, method in enumerate(vocabularies.PAYMENT_METHODS, start=1)]
TOTAL_STYLE = "font-size: 15pt; font-weight: bold;"
CHANGE_STYLE = "font-size: 15pt; font-weight: bold; color: #006400;"
COLUMN_WIDTHS = {
    OwingModel.TICK: 28,
    OwingModel.ITEM: 190,
    OwingModel.PERIOD: 70,
    OwingModel.DUE: 90,
    OwingModel.AGE: 90,
    OwingModel.AMOUNT: 90,
    OwingModel.PAID: 90,
    OwingModel.OUTSTANDING: 90,
}


def money(fen: int) -> str:
    return format_fen(fen)


class OwingView(QTableView):
    """Space ticks the charge under the cursor, Ctrl+A ticks all (or clears them all)."""

    def __init__(self, model: OwingModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.owing = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Space and not modifiers:
            row = self.currentIndex().row()
            if row < 0 and self.owing.rowCount():
                row = 0
                self.setCurrentIndex(self.owing.index(0, OwingModel.ITEM))
            self.owing.toggle(row)
            return
        if event.key() == Qt.Key.Key_A and modifiers == Qt.KeyboardModifier.ControlModifier:
            everything = len(self.owing.ticked_ids()) == self.owing.rowCount()
            self.owing.tick_all(not everything)
            return
        super().keyPressEvent(event)


class PaymentPage(QWidget):
    paid = Signal(int)
    """A payment was taken and its receipt printed; carries the receipt id."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("payment_page")
        self.unit_id: int | None = None
        self._default_customer = ""
        self._late_fees: dict[int, int] = {}  # charge id → late fee charged when it is paid
        self._warmed = False

        # --- the unit
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("payment_search")
        self.search_edit.setPlaceholderText(self.tr("Unit or owner, e.g. 3-2-501 or Zhang San"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(40)
        self.search = GlobalSearch(desk, self.search_edit, self)
        self.search.opened.connect(self._target_opened)
        self.search_edit.returnPressed.connect(self._search_entered)

        self.unit_label = self._value_label("payment_unit", TOTAL_STYLE)
        self.contact_label = self._value_label("payment_contact")
        self.balance_label = self._value_label("payment_balance")
        self.credit_label = self._value_label("payment_credit")
        self.late_fee_label = self._value_label("payment_late_fees")

        # --- what it owes
        self.owing_model = OwingModel(self)
        self.owing_view = OwingView(self.owing_model, self)
        self.owing_view.setObjectName("owing_view")
        header = self.owing_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(OwingModel.ITEM, QHeaderView.ResizeMode.Stretch)
        self.owing_model.dataChanged.connect(lambda *_a: self._update_totals())
        self.owing_model.dataChanged.connect(self._input_changed)
        self.owing_model.modelReset.connect(self._update_totals)

        self.late_fees_model = LateFeesModel((), self)
        self.late_fees_view = QTableView(self)
        self.late_fees_view.setObjectName("late_fees_view")
        self.late_fees_view.setModel(self.late_fees_model)
        self.late_fees_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.late_fees_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.late_fees_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.late_fees_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.late_fees_view.verticalHeader().hide()
        self.late_fees_view.horizontalHeader().setStretchLastSection(True)
        self.late_fees_view.horizontalHeader().resizeSection(LateFeesModel.ITEM, 220)
        self.late_fees_view.setMaximumHeight(self.fontMetrics().height() * 6 + 16)
        self.waive_button = QPushButton(self.tr("&Waive late fee…"), self)
        self.waive_button.setObjectName("waive_late_fee")
        self.waive_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.waive_button.clicked.connect(self.waive_late_fee)

        # --- how it is paid
        self.amount_mode = QCheckBox(self.tr("Pay an amount, oldest first (Alt+A)"), self)
        self.amount_mode.setObjectName("amount_mode")
        self.amount_mode.toggled.connect(self._mode_changed)
        self.amount_edit = self._line("payment_amount", 20)
        self.amount_edit.setPlaceholderText("0.00")
        self.amount_edit.textChanged.connect(self._update_totals)
        self.amount_edit.textEdited.connect(self._input_changed)
        self.allocation_label = self._value_label("payment_allocation")
        self.allocation_label.setWordWrap(True)
        self.method_choice = KeyChoice(METHOD_KEYS, self)
        self.method_choice.setObjectName("method_choice")
        self.method_choice.changed.connect(lambda _v: self._method_changed())
        self.method_choice.picked.connect(lambda _v: self._next_field(self.method_choice))
        self.tendered_edit = self._line("payment_tendered", 20)
        self.tendered_edit.setPlaceholderText("0.00")
        self.tendered_edit.textChanged.connect(self._update_totals)
        self.tendered_edit.textEdited.connect(self._input_changed)
        self.tendered_label = QLabel(self.tr("Tende&red:"), self)
        self.tendered_label.setBuddy(self.tendered_edit)
        self.change_caption = QLabel(self.tr("Change:"), self)
        self.change_label = self._value_label("payment_change", CHANGE_STYLE)
        self.customer_edit = self._line("payment_customer", 60)
        self.note_edit = self._line("payment_note", 200)
        self.total_label = self._value_label("payment_total", TOTAL_STYLE)

        self.take_button = QPushButton(self.tr("Take payment and &print"), self)
        self.take_button.setObjectName("take_payment")
        self.take_button.setAutoDefault(True)
        self.take_button.setToolTip(self.tr("Ctrl+Enter"))
        self.take_button.clicked.connect(self.take_payment)
        self.credit_button = QPushButton(self.tr("Use cred&it"), self)
        self.credit_button.setObjectName("use_credit")
        self.credit_button.setToolTip(self.tr("Apply the unit's prepaid credit to its debts"))
        self.credit_button.clicked.connect(self.use_credit)
        self.new_charge_button = QPushButton(self.tr("&New charge…"), self)
        self.new_charge_button.setObjectName("new_charge")
        self.new_charge_button.setToolTip(self.tr("A one-off charge or a deposit on this unit"))
        self.new_charge_button.clicked.connect(self.new_charge)
        self.adjust_button = QPushButton(self.tr("Ad&just…"), self)
        self.adjust_button.setObjectName("adjust_charge")
        self.adjust_button.setToolTip(
            self.tr("Correct the charge under the cursor by an adjusting entry")
        )
        self.adjust_button.clicked.connect(self.adjust_charge)
        self.clear_button = QPushButton(self.tr("Next owner"), self)
        self.clear_button.setObjectName("clear_payment")
        self.clear_button.setToolTip(self.tr("Esc"))
        self.clear_button.clicked.connect(self.reset)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("payment_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.last_label = self._value_label("last_payment")
        self.last_label.setStyleSheet(HINT_STYLE)

        self.amount_action = page_actions(self, PAYMENT_ACTIONS)["amount_mode"]

        self._lay_out()
        self._on_change = ShownRefresh(self, self.reload)

        # Enter moves on through these (those hidden or disabled are skipped).
        self.fields: list[QWidget] = [
            self.search_edit,
            self.owing_view,
            self.amount_edit,
            self.method_choice,
            self.tendered_edit,
            self.customer_edit,
            self.note_edit,
        ]
        tab_chain = [
            self.search_edit,
            self.owing_view,
            self.amount_mode,
            self.amount_edit,
            self.method_choice,
            self.tendered_edit,
            self.customer_edit,
            self.note_edit,
            self.take_button,
            self.credit_button,
            self.clear_button,
        ]
        for before, after in zip(tab_chain, tab_chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        for widget in [*tab_chain, self.late_fees_view]:
            widget.installEventFilter(self)
        self.setFocusProxy(self.search_edit)

        hub.changed.connect(self._hub_changed)
        self.reset()

    # ---- building ------------------------------------------------------------------------

    def _line(self, object_name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        return edit

    def _value_label(self, object_name: str, style: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(object_name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            label.setStyleSheet(style)
        return label

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._label(self.tr("&Unit / owner:"), self.search_edit))
        top.addWidget(self.search_edit, 2)
        top.addSpacing(12)
        top.addWidget(self.unit_label)
        top.addWidget(self.contact_label, 1)

        facts = QHBoxLayout()
        for caption, label in (
            (self.tr("Owing:"), self.balance_label),
            (self.tr("Late fees today:"), self.late_fee_label),
            (self.tr("Credit available:"), self.credit_label),
        ):
            facts.addWidget(QLabel(caption, self))
            facts.addWidget(label)
            facts.addSpacing(18)
        facts.addStretch(1)
        facts.addWidget(self.new_charge_button)
        facts.addWidget(self.adjust_button)
        facts.addWidget(self.credit_button)

        late = QHBoxLayout()
        late.addWidget(self.late_fees_view, 1)
        late.addWidget(self.waive_button, 0, Qt.AlignmentFlag.AlignTop)

        pay = QFrame(self)
        pay.setObjectName("payment_frame")
        pay.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(pay)
        grid.addWidget(self.amount_mode, 0, 0, 1, 2)
        grid.addWidget(self._label(self.tr("A&mount:"), self.amount_edit), 0, 2)
        grid.addWidget(self.amount_edit, 0, 3)
        grid.addWidget(self.allocation_label, 0, 4, 1, 3)
        grid.addWidget(self._label(self.tr("Meth&od:"), self.method_choice), 1, 0)
        grid.addWidget(self.method_choice, 1, 1, 1, 2)
        grid.addWidget(self.tendered_label, 1, 3)
        grid.addWidget(self.tendered_edit, 1, 4)
        grid.addWidget(self.change_caption, 1, 5)
        grid.addWidget(self.change_label, 1, 6)
        grid.addWidget(self._label(self.tr("&Customer:"), self.customer_edit), 2, 0)
        grid.addWidget(self.customer_edit, 2, 1, 1, 3)
        grid.addWidget(self._label(self.tr("Not&e:"), self.note_edit), 2, 4)
        grid.addWidget(self.note_edit, 2, 5, 1, 2)
        grid.setColumnStretch(6, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("To pay:"), self))
        bottom.addWidget(self.total_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.take_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(self.owing_view, 3)
        layout.addLayout(late, 1)
        layout.addWidget(pay)
        layout.addLayout(bottom)
        layout.addWidget(self.last_label)

    # ---- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in ENTER_KEYS and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.take_payment()
            return True
        if key == Qt.Key.Key_Escape and not modifiers and not self.search.visible:
            self.reset()
            return True
        if key in ENTER_KEYS and not modifiers and watched in self.fields[1:]:
            self._next_field(watched)
            return True
        if key in ENTER_KEYS and not modifiers and watched is self.amount_mode:
            self._next_field(self.owing_view)
            return True
        return super().eventFilter(watched, event)

    def _next_field(self, current: QWidget) -> None:
        if current not in self.fields:
            return
        for widget in self.fields[self.fields.index(current) + 1 :]:
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return
        self.take_button.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def field_widget(self, field: str | None) -> QWidget:
        """The widget of a service error's ``field``."""
        widgets: dict[str, QWidget] = {
            "unit": self.search_edit,
            "book": self.search_edit,
            "charges": self.owing_view,
            "charge": self.owing_view,
            "amount": self.amount_edit if self.amount_mode.isChecked() else self.owing_view,
            "method": self.method_choice,
            "tendered": self.tendered_edit,
            "customer": self.customer_edit,
            "note": self.note_edit,
        }
        return widgets.get(field or "", self.owing_view)

    # ---- the unit ------------------------------------------------------------------------------

    def _search_entered(self) -> None:
        if not self.search_edit.text().strip():
            return
        self.search.activate()

    def _target_opened(self, target: SearchTarget) -> None:
        if target.unit_id is None:
            self.show_error_text(self.tr("A public place has no fee account: choose a unit."))
            self.focus_search()
            return
        self.show_unit(target.unit_id)

    def show_unit(self, unit_id: int) -> bool:
        """Show a unit's debts ready for a payment, the cursor on the first debt."""
        try:
            unit = estate.get_unit(self.desk, unit_id)
        except DeskError as error:
            self.show_error_text(error_text(error))
            return False
        self.clear_error()
        changed = unit_id != self.unit_id
        self.unit_id = unit_id
        self.search.hide()
        self.search_edit.setText(unit.code)
        self._show_header(unit)
        if changed:
            self._clear_payment_fields()
            self.customer_edit.setText(self._default_customer)
        self.reload(keep_ticks=not changed)
        if self.amount_mode.isChecked():
            self.amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.amount_edit.selectAll()
        else:
            self.owing_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.owing_model.rowCount():
                self.owing_view.setCurrentIndex(self.owing_model.index(0, OwingModel.ITEM))
        return True

    def _show_header(self, unit: estate.UnitRow) -> None:
        contact = locations.contact_for_unit(self.desk, unit.id)
        place = locations.unit_text(unit)
        self.unit_label.setText(unit.code)
        self.contact_label.setText(f"{place}　{contact.name}" if contact else place)
        default = f"{place} {contact.name}" if contact else place
        if self.customer_edit.text() == self._default_customer:
            self.customer_edit.setText(default)
        self._default_customer = default

    def reload(self, *, keep_ticks: bool = True) -> None:
        """Read the unit's debts, late fees, balance and credit again."""
        if self.unit_id is None:
            return
        today = self.desk.clock.now().date()
        try:
            rows = charges.owing(self.desk, self.unit_id)
            fees = late_fees.late_fees(self.desk, self.unit_id)
            credit = charges.credit(self.desk, self.unit_id)
        except DeskError as error:
            self.show_error_text(error_text(error))
            return
        self._late_fees = {f.charge_id: f.fee_fen for f in fees if not f.waived}
        current = self.owing_view.currentIndex().row()
        self.owing_model.set_owing(rows, today, keep_ticks=keep_ticks)
        if 0 <= current < self.owing_model.rowCount():
            self.owing_view.setCurrentIndex(self.owing_model.index(current, OwingModel.ITEM))
        self.late_fees_model.set_rows(fees)
        has_fees = bool(fees)
        self.late_fees_view.setVisible(has_fees)
        self.waive_button.setVisible(has_fees)
        balance = sum(r.outstanding_fen for r in rows)
        self.balance_label.setText(money(balance))
        self.late_fee_label.setText(money(sum(self._late_fees.values())))
        self.credit_label.setText(money(credit))
        self.credit_button.setEnabled(credit > 0 and balance > 0)
        self._update_totals()

    # ---- mode, method, totals -----------------------------------------------------------------

    def _mode_changed(self, by_amount: bool) -> None:
        self.amount_edit.setEnabled(by_amount)
        self.owing_view.setEnabled(not by_amount)
        self.allocation_label.setVisible(by_amount)
        self._update_totals()
        if by_amount:
            self.amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.amount_edit.selectAll()

    def _method_changed(self) -> None:
        cash = self.method_choice.value() == CASH
        for widget in (self.tendered_label, self.tendered_edit, self.change_caption):
            widget.setVisible(cash)
        self.change_label.setVisible(cash)
        self._update_totals()

    def due_fen(self) -> int | None:
        """What this payment comes to: the ticked debts with their late fees, or the amount
        typed; None when the amount cannot be read."""
        if self.amount_mode.isChecked():
            text = self.amount_edit.text().strip()
            if not text:
                return 0
            try:
                return parse_fen(text)
            except ValidationError:
                return None
        return sum(
            r.outstanding_fen + self._late_fees.get(r.charge_id, 0)
            for r in self.owing_model.ticked_rows()
        )

    def _update_totals(self) -> None:
        due = self.due_fen()
        self.total_label.setText(money(due) if due is not None else "—")
        self._update_allocation(due)
        self._update_change(due)

    def _update_allocation(self, due: int | None) -> None:
        if not self.amount_mode.isChecked():
            self.allocation_label.clear()
            return
        if not due:
            self.allocation_label.setText(
                self.tr("Oldest debts first; what is left is kept as credit.")
            )
            return
        rows = self.owing_model.rows()
        owing = [
            ledger_rules.Owing(r.charge_id, date.fromisoformat(r.due_on), r.outstanding_fen)
            for r in rows
        ]
        allocation = ledger_rules.allocate_with_late_fees(due, owing, self._late_fees)
        fees = sum(allocation.fees_paid.values())
        text = self.tr("Pays {count} of {total} debts").format(
            count=len(allocation.paid), total=len(rows)
        )
        if fees:
            text += self.tr(", late fees {fees}").format(fees=money(fees))
        if allocation.credit_fen:
            text += self.tr(", credit {credit}").format(credit=money(allocation.credit_fen))
        self.allocation_label.setText(text)

    def _update_change(self, due: int | None) -> None:
        if self.method_choice.value() != CASH:
            self.change_label.clear()
            return
        text = self.tendered_edit.text().strip()
        if not text or due is None:
            self.change_label.clear()
            return
        try:
            tendered = parse_fen(text)
        except ValidationError:
            self.change_label.setText("—")
            return
        if tendered < due:
            self.change_label.setStyleSheet(f"{CHANGE_STYLE} color: #a40000;")
            self.change_label.setText(self.tr("short {fen}").format(fen=money(due - tendered)))
        else:
            self.change_label.setStyleSheet(CHANGE_STYLE)
            self.change_label.setText(money(tendered - due))

    def toggle_amount_mode(self) -> None:
        """按金额 (Alt+A): pay an amount spread oldest first, or tick the charges."""
        self.amount_mode.toggle()

    # ---- taking the payment -------------------------------------------------------------------

    def take_payment(self) -> int | None:
        """Take the payment, print its receipt and get ready for the next owner; the
        receipt id, or None if refused (the message shown, the cursor put back)."""
        self.clear_error()
        if self.unit_id is None:
            self.show_error_text(self.tr("Choose a unit first."))
            self.focus_search()
            return None
        by_amount = self.amount_mode.isChecked()
        charge_ids = [] if by_amount else self.owing_model.ticked_ids()
        if not by_amount and not charge_ids:
            self.show_error_text(
                self.tr("Tick the charges paid (Space), or pay an amount (Alt+A).")
            )
            self.owing_view.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        method = self.method_choice.value()
        customer = self.customer_edit.text().strip()
        unit_id = self.unit_id
        amount = self.amount_edit.text() if by_amount else ""
        confirmed = False
        if by_amount:
            checked = attempt(
                self, lambda: (payments.large_prepayment(self.desk, unit_id, amount=amount),)
            )
            if checked is None:
                return None  # the amount was refused: the message is shown at its field
            large = checked[0]
            if large is not None:
                if not messages.confirm(self, large.question(), self.tr("Large prepayment")):
                    self.amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                    self.amount_edit.selectAll()
                    return None
                confirmed = True
        done = perform(
            self,
            self.hub,
            lambda: payments.take_payment(
                self.desk,
                unit_id,
                method=method,
                charge_ids=charge_ids or None,
                amount=amount,
                prepayment_confirmed=confirmed,
                tendered=self.tendered_edit.text() if method == CASH else "",
                customer="" if customer == self._default_customer else customer,
                note=self.note_edit.text(),
            ),
        )
        if done is None:
            return None
        payment = done.value
        receipt = payment.receipt
        summary = self.tr("Receipt №{number}: {total} by {method}").format(
            number=receipt.number_text, total=money(receipt.total_fen), method=receipt.method
        )
        if receipt.tendered_fen is not None:
            summary += self.tr(", tendered {tendered}, change {change}").format(
                tendered=money(receipt.tendered_fen), change=money(payment.change_fen)
            )
        self.reset()
        self.last_label.setText(summary)
        self.print_receipt(receipt.id)
        self.paid.emit(receipt.id)
        self.focus_search()
        return receipt.id

    def print_receipt(self, receipt_id: int) -> None:
        """Archive the receipt's PDF (every copy) and show it for printing."""
        from desk_app.services.ledger import receipts_print
        from desk_app.ui.widgets import pdf_preview

        done = perform(self, self.hub, lambda: receipts_print.print_receipt(self.desk, receipt_id))
        if done is None:
            return
        printed = done.value
        pdf_preview.show_pdf(printed.pdf, printed.title, self)

    def use_credit(self) -> None:
        """Apply the unit's prepaid credit (预收款) to its debts, oldest first."""
        if self.unit_id is None:
            return
        self.clear_error()
        unit_id = self.unit_id
        done = perform(self, self.hub, lambda: ledger_credit.use_credit(self.desk, unit_id))
        if done is None:
            return
        used = done.value
        if used:
            self.last_label.setText(self.tr("Credit used: {fen}").format(fen=money(used)))
        self.reload()

    def new_charge(self) -> None:
        """新增费用 on the unit shown: a one-off charge or a deposit, then ticked to pay."""
        if self.unit_id is None:
            self.focus_search()
            return
        from desk_app.ui.ledger.charge_dialogs import NewChargeDialog

        dialog = NewChargeDialog(self.desk, self.hub, self.unit_id, self.unit_label.text(), self)
        try:
            accepted = dialog.exec() == NewChargeDialog.DialogCode.Accepted
            charge_id = dialog.charge_id
        finally:
            dialog.deleteLater()
        if accepted:
            self.reload()
            for row in range(self.owing_model.rowCount()):
                if self.owing_model.row_at(row).charge_id == charge_id:
                    self.owing_model.set_ticked(row, True)
                    self.owing_view.setCurrentIndex(self.owing_model.index(row, 1))
            self.owing_view.setFocus()

    def adjust_charge(self) -> None:
        """调整 the charge under the cursor (a supervisor approves)."""
        row = self.owing_view.currentIndex().row()
        if not 0 <= row < self.owing_model.rowCount():
            self.show_error_text(self.tr("Choose the charge to adjust."))
            return
        from desk_app.ui.ledger.charge_dialogs import AdjustChargeDialog

        dialog = AdjustChargeDialog(self.desk, self.hub, self.owing_model.row_at(row), self)
        try:
            accepted = dialog.exec() == AdjustChargeDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if accepted:
            self.reload()

    def chosen_late_fee(self) -> LateFee | None:
        """The late fee of the debt under the cursor, else the one chosen in the late-fee
        table, else the first."""
        fees = self.late_fees_model.rows()
        row = self.owing_view.currentIndex().row()
        if 0 <= row < self.owing_model.rowCount():
            charge_id = self.owing_model.row_at(row).charge_id
            for fee in fees:
                if fee.charge_id == charge_id:
                    return fee
        row = self.late_fees_view.currentIndex().row()
        return self.late_fees_model.fee_at(row if row >= 0 else 0)

    def waive_late_fee(self) -> None:
        """减免滞纳金 of the chosen late fee (Alt+W on a debt): the reason, finance's
        consent and a supervisor's approval."""
        fee = self.chosen_late_fee()
        if fee is None:
            return
        from desk_app.ui.ledger.payment_dialogs import WaiveLateFeeDialog

        dialog = WaiveLateFeeDialog(self.desk, self.hub, fee, self)
        try:
            accepted = dialog.exec() == WaiveLateFeeDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if accepted:
            self.reload()

    # ---- errors and reset ----------------------------------------------------------------------

    def show_desk_error(self, error: DeskError) -> None:
        self.show_error_text(error_text(error))
        widget = self.field_widget(error.field)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def show_error_text(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def _input_changed(self, *_args: object) -> None:
        """The clerk is correcting what was refused: the message about it goes."""
        self.clear_error()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _clear_payment_fields(self) -> None:
        self.amount_mode.setChecked(False)
        self.amount_edit.clear()
        self.tendered_edit.clear()
        self.note_edit.clear()
        self.customer_edit.clear()
        self.method_choice.set_value(CASH)
        self._mode_changed(False)
        self._method_changed()

    def reset(self) -> None:
        """Ready for the next owner: nothing chosen, the cursor in the search box."""
        self.clear_error()
        self.unit_id = None
        self._default_customer = ""
        self._late_fees = {}
        self.search.hide()
        self.search_edit.clear()
        for label in (
            self.unit_label,
            self.contact_label,
            self.balance_label,
            self.credit_label,
            self.late_fee_label,
        ):
            label.clear()
        self.owing_model.set_owing([], self.desk.clock.now().date(), keep_ticks=False)
        self.late_fees_model.set_rows([])
        self.late_fees_view.hide()
        self.waive_button.hide()
        self.credit_button.setEnabled(False)
        self._clear_payment_fields()
        self.focus_search()

    # ---- refresh ---------------------------------------------------------------------------------

    def _hub_changed(self, event: ChangeEvent) -> None:
        if self.unit_id is None or event.started_by(self):
            return  # this page shows what it wrote already
        if event.touches("units", "occupancies", "people"):
            # Its owner may have changed: the header and the default 客户名称 follow.
            unit_id = self.unit_id
            unit = attempt(self, lambda: estate.get_unit(self.desk, unit_id))
            if unit is not None:
                self._show_header(unit)
            self._on_change.changed()
        elif event.touches(*tables.OWING, *tables.PERIODS, "settings"):
            self._on_change.changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warmed:
            self._warmed = True
            QTimer.singleShot(0, self, self._warm_up_printing)

    def _warm_up_printing(self) -> None:
        """Load the printing font while the clerk types, not when the first receipt prints."""
        from desk_app.services.ledger import receipts_print

        receipts_print.warm_up()
