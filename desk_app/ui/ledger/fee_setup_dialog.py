"""收费项目与标准: the fee items, their rates by date and kind of unit, and the receipt
books. A supervisor adds items, sets a new rate from a date (charges already made keep
their rate) and registers receipt books; anyone else sees the lists with the service's
reason why they may not change them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import vocabularies
from desk_app.core.errors import DeskError, PermissionDenied, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.ledger import billing, books, fee_items, rates
from desk_app.services.ledger.books import BookRow
from desk_app.services.ledger.fee_items import FeeItemRow
from desk_app.services.ledger.rates import RateRow
from desk_app.services.operations import Done
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.operations import perform
from desk_app.ui.widgets.controls import table_view
from desk_app.ui.widgets.forms import FormDialog, line_edit
from desk_app.ui.widgets.row_table import Column, RowTableModel


class FeeItemsModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda i: i.code),
            Column(self.tr("Name"), lambda i: i.name),
            Column(self.tr("Charged"), lambda i: fee_items.FEE_KIND_LABELS.get(i.kind, i.kind)),
            Column(self.tr("Unit"), lambda i: i.unit),
        ]


class RatesModel(RowTableModel):
    """Rows are ``(item, rate)``."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda r: r[0].name),
            Column(self.tr("Kind of unit"), lambda r: r[1].unit_kind or self.tr("All kinds")),
            Column(
                self.tr("Price (yuan)"), lambda r: billing.price_text(r[1].price_milli_yuan), True
            ),
            Column(
                self.tr("Minimum"),
                lambda r: format_fen(r[1].minimum_fen) if r[1].minimum_fen else "",
                True,
            ),
            Column(self.tr("From"), lambda r: r[1].effective_from),
        ]


def _used(book: BookRow) -> int:
    return 0 if book.last_used is None else book.last_used - book.first_no + 1


class BooksModel(RowTableModel):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("First number"), lambda b: f"{b.first_no:0{b.width}d}"),
            Column(self.tr("Last number"), lambda b: f"{b.last_no:0{b.width}d}"),
            Column(
                self.tr("Last used"),
                lambda b: "" if b.last_used is None else f"{b.last_used:0{b.width}d}",
            ),
            Column(self.tr("Used"), lambda b: str(_used(b)), True),
            Column(self.tr("Left"), lambda b: str(b.last_no - b.first_no + 1 - _used(b)), True),
        ]


class _SetupForm(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.fields: dict[str, QWidget] = {}

    def field(self, name: str, label: str, widget: QWidget) -> Any:
        self.fields[name] = widget
        return self.add_row(label, widget)

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.fields.get(error.field or "")


class FeeItemDialog(_SetupForm):
    """A new fee item: code, name, how it is charged, its unit."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.saved: FeeItemRow | None = None
        self.setObjectName("fee_item_dialog")
        self.setWindowTitle(self.tr("Add fee item"))
        self.code = self.field("code", self.tr("Co&de:"), line_edit(self, "code", "", 31))
        self.code.setPlaceholderText(self.tr("lower-case letters, e.g. water2"))
        self.name = self.field("name", self.tr("&Name:"), line_edit(self, "name", "", 40))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in vocabularies.FEE_KINDS:
            self.kind.addItem(fee_items.FEE_KIND_LABELS[kind], kind)
        self.field("kind", self.tr("C&harged:"), self.kind)
        self.unit = self.field("unit", self.tr("&Unit:"), line_edit(self, "unit", "", 10))
        self.unit.setPlaceholderText(self.tr("e.g. 月, 吨, 度"))
        self.finish(self.tr("Add"), [self.code, self.name, self.kind, self.unit])
        self.setMinimumWidth(380)

    def submit(self) -> Done[object]:
        done = fee_items.add_fee_item(
            self.desk, self.code.text(), self.name.text(), self.kind.currentData(), self.unit.text()
        )
        self.saved = done.value
        return done


def _first_of_next_month(today: date) -> str:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, 1).isoformat()


class RateDialog(_SetupForm):
    """A rate from a date on, for one kind of unit or all of them."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        items: list[FeeItemRow],
        parent: QWidget | None = None,
        *,
        item_code: str | None = None,
    ) -> None:
        super().__init__(desk, hub, parent)
        self.saved: RateRow | None = None
        self.setObjectName("rate_dialog")
        self.setWindowTitle(self.tr("Set a rate"))
        self.add_intro(
            self.tr(
                "A new rate applies to charges due from its date on; "
                "charges already made keep the rate they were made with."
            )
        )
        self.item = QComboBox(self)
        self.item.setObjectName("item")
        for item in items:
            self.item.addItem(item.name, item.code)
        if item_code:
            self.item.setCurrentIndex(max(self.item.findData(item_code), 0))
        self.field("item", self.tr("&Item:"), self.item)
        self.unit_kind = QComboBox(self)
        self.unit_kind.setObjectName("unit_kind")
        self.unit_kind.addItem(self.tr("All kinds"), None)
        for kind in vocabularies.UNIT_KINDS:
            self.unit_kind.addItem(kind, kind)
        self.field("unit_kind", self.tr("&Kind of unit:"), self.unit_kind)
        self.price = self.field(
            "price", self.tr("&Price (yuan):"), line_edit(self, "price", "", 12)
        )
        self.price.setPlaceholderText(self.tr("up to 3 decimals, e.g. 1.85 or 0.565"))
        self.minimum = self.field(
            "minimum", self.tr("&Minimum (yuan):"), line_edit(self, "minimum", "", 12)
        )
        self.effective_from = self.field(
            "effective_from",
            self.tr("&From:"),
            line_edit(self, "effective_from", _first_of_next_month(desk.clock.now().date()), 10),
        )
        self.finish(
            self.tr("Set rate"),
            [self.item, self.unit_kind, self.price, self.minimum, self.effective_from],
        )
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        code = self.item.currentData()
        if not code:
            raise ValidationError("请先新增收费项目。", field="item")
        done = rates.set_rate(
            self.desk,
            code,
            self.price.text(),
            effective_from=self.effective_from.text(),
            unit_kind=self.unit_kind.currentData(),
            minimum=self.minimum.text(),
        )
        self.saved = done.value
        return done


class BookDialog(_SetupForm):
    """A receipt book by its printed first and last numbers."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(desk, hub, parent)
        self.saved: BookRow | None = None
        self.setObjectName("book_dialog")
        self.setWindowTitle(self.tr("Register receipt book"))
        self.first = self.field("first", self.tr("&First number:"), line_edit(self, "first", "", 9))
        self.last = self.field("last", self.tr("&Last number:"), line_edit(self, "last", "", 9))
        self.finish(self.tr("Register"), [self.first, self.last])
        self.setMinimumWidth(340)

    def _number(self, edit: Any, field: str) -> int:
        text = edit.text().strip()
        if not text.isdigit():
            raise ValidationError("收据号码须为数字。", field=field)
        return int(text)

    def submit(self) -> Done[object]:
        first = self._number(self.first, "first")
        last = self._number(self.last, "last")
        done = books.register_book(self.desk, first, last)
        self.saved = done.value
        return done


class FeeSetupDialog(QDialog):
    """Three lists — items, rates, receipt books — each with its add button."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.changed = False
        self.setObjectName("fee_setup_dialog")
        self.setWindowTitle(self.tr("Fee items and rates"))

        self.notice = QLabel(self)
        self.notice.setObjectName("permission_notice")
        self.notice.setWordWrap(True)
        self.refusal = self._refusal()
        self.notice.setText(self.refusal)
        self.notice.setVisible(bool(self.refusal))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("setup_tabs")
        self.items_model = FeeItemsModel((), self)
        self.items_view = table_view(self, self.items_model, "items_view")
        self.add_item_button = self._button(self.tr("&Add item…"), "add_item", self.add_item)
        self.standard_button = self._button(
            self.tr("Add the &standard items"), "install_standard", self.install_standard
        )
        self.tabs.addTab(
            self._tab(self.items_view, (self.add_item_button, self.standard_button)),
            self.tr("Fee &items"),
        )
        self.rates_model = RatesModel((), self)
        self.rates_view = table_view(self, self.rates_model, "rates_view")
        self.add_rate_button = self._button(self.tr("Set a &rate…"), "add_rate", self.add_rate)
        self.tabs.addTab(self._tab(self.rates_view, (self.add_rate_button,)), self.tr("Ra&tes"))
        self.books_model = BooksModel((), self)
        self.books_view = table_view(self, self.books_model, "books_view")
        self.add_book_button = self._button(self.tr("Register &book…"), "add_book", self.add_book)
        self.tabs.addTab(
            self._tab(self.books_view, (self.add_book_button,)), self.tr("Receipt b&ooks")
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 440)
        self.reload()

    def _refusal(self) -> str:
        """The service's reason why this operator may not change the fees ('' if allowed)."""
        try:
            self.desk.require_role("supervisor", "设置收费项目和收费标准")
        except PermissionDenied as error:
            return error_text(error)
        return ""

    @property
    def may_edit(self) -> bool:
        return not self.refusal

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        push = QPushButton(text, self)
        push.setObjectName(name)
        push.setAutoDefault(False)
        push.clicked.connect(lambda _checked=False: slot())
        return push

    def _tab(self, view: QTableView, pushes: tuple[QPushButton, ...]) -> QWidget:
        tab = QWidget(self.tabs)
        side = QVBoxLayout()
        for push in pushes:
            side.addWidget(push)
        side.addStretch(1)
        layout = QHBoxLayout(tab)
        layout.addWidget(view, 1)
        layout.addLayout(side)
        return tab

    def reload(self) -> None:
        items = fee_items.fee_items(self.desk)
        by_id = {item.id: item for item in items}
        self.items_model.set_rows(items)
        self.rates_model.set_rows(
            [(by_id[r.item_id], r) for r in billing.rates(self.desk) if r.item_id in by_id]
        )
        self.books_model.set_rows(books.books(self.desk))
        edit = self.may_edit
        for push in (self.add_item_button, self.add_rate_button, self.add_book_button):
            push.setEnabled(edit)
        self.add_rate_button.setEnabled(edit and bool(items))
        self.standard_button.setVisible(not items)
        self.standard_button.setEnabled(edit and not items)

    def _run(self, dialog: QDialog) -> Any:
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return getattr(dialog, "saved", None)
            return None
        finally:
            dialog.deleteLater()

    def _saved(self, saved: object) -> None:
        if saved is not None:
            self.changed = True
            self.reload()

    def add_item(self) -> None:
        if self.may_edit:
            self._saved(self._run(FeeItemDialog(self.desk, self.hub, self)))

    def add_rate(self) -> None:
        if not self.may_edit:
            return
        index = self.items_view.currentIndex()
        current = self.items_model.row_at(index.row()).code if index.isValid() else None
        items = [i for i in fee_items.fee_items(self.desk) if i.active]
        self._saved(self._run(RateDialog(self.desk, self.hub, items, self, item_code=current)))

    def add_book(self) -> None:
        if self.may_edit:
            self._saved(self._run(BookDialog(self.desk, self.hub, self)))

    def install_standard(self) -> None:
        done = perform(self, self.hub, lambda: fee_items.install_standard_items(self.desk))
        if done is not None:
            self._saved(done.value or None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a list adds to it instead of closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            (self.add_item, self.add_rate, self.add_book)[self.tabs.currentIndex()]()
            return
        super().keyPressEvent(event)
