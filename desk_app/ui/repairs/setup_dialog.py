"""维修设置: the technicians (engineering staff and outside contractors) and the paid-service
price list (有偿服务价格明细表) — add, edit, deactivate. A supervisor keeps them; anyone
else sees them read-only with the service's reason. An empty setup can start from the
example list (``repair_setup.STARTER_TECHNICIANS`` / ``STARTER_PRICES``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
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

from desk_app.core.errors import DeskError, PermissionDenied
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.setup import PriceRow, TechnicianRow
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.operations import perform
from desk_app.ui.repairs.models import PricesModel, TechniciansModel
from desk_app.ui.widgets.controls import fill_vocabulary, table_view
from desk_app.ui.widgets.forms import FormDialog, line_edit


def plain_yuan(fen: int) -> str:
    return format_fen(fen, symbol=False, grouping=False)


class SetupFormDialog(FormDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.fields: dict[str, QWidget] = {}

    def field(self, name: str, label: str, widget: QWidget) -> Any:
        self.fields[name] = widget
        return self.add_row(label, widget)

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.fields.get(error.field or "")


class TechnicianDialog(SetupFormDialog):
    """A technician or outside contractor: new (``technician`` None) or edited."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        technician: TechnicianRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, hub, parent)
        self.technician = technician
        self.saved: TechnicianRow | None = None
        self.setObjectName("technician_dialog")
        self.setWindowTitle(
            self.tr("Add technician") if technician is None else self.tr("Edit technician")
        )
        current = technician
        self.name = self.field(
            "name",
            self.tr("&Name or company:"),
            line_edit(self, "name", current.name if current else "", 60),
        )
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        fill_vocabulary(self.kind, repair_setup.TECHNICIAN_KINDS)
        if current is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        self.field("kind", self.tr("&Kind:"), self.kind)
        self.phone = self.field(
            "phone",
            self.tr("&Phone:"),
            line_edit(self, "phone", (current.phone or "") if current else "", 40),
        )
        self.specialty = self.field(
            "specialty",
            self.tr("&Specialty:"),
            line_edit(self, "specialty", (current.specialty or "") if current else "", 40),
        )
        self.specialty.setPlaceholderText(self.tr("e.g. plumbing and electrics, lifts"))
        self.active = QCheckBox(self.tr("&Active (can be dispatched)"), self)
        self.active.setObjectName("active")
        self.active.setChecked(current.active if current else True)
        self.active.setVisible(current is not None)
        if current is not None:
            self.add_row("", self.active)
        chain: list[QWidget] = [self.name, self.kind, self.phone, self.specialty]
        if current is not None:
            chain.append(self.active)
        self.finish(self.tr("Save"), chain)
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        if self.technician is None:
            done = repair_setup.add_technician(
                self.desk,
                self.name.text(),
                kind=self.kind.currentData(),
                phone=self.phone.text(),
                specialty=self.specialty.text(),
            )
        else:
            done = repair_setup.update_technician(
                self.desk,
                self.technician.id,
                name=self.name.text(),
                kind=self.kind.currentData(),
                phone=self.phone.text(),
                specialty=self.specialty.text(),
                active=self.active.isChecked(),
            )
        self.saved = done.value
        return done


class PriceDialog(SetupFormDialog):
    """An item of the paid-service price list: new (``price`` None) or edited."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        price: PriceRow | None = None,
        parent: QWidget | None = None,
        *,
        categories: list[str] | None = None,
    ) -> None:
        super().__init__(desk, hub, parent)
        self.price = price
        self.saved: PriceRow | None = None
        self.setObjectName("price_dialog")
        self.setWindowTitle(
            self.tr("Add price item") if price is None else self.tr("Edit price item")
        )
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.addItems(categories or [])
        self.category.setEditText(price.category if price else "")
        self.field("category", self.tr("&Category:"), self.category)
        self.name = self.field(
            "name", self.tr("&Item:"), line_edit(self, "name", price.name if price else "", 60)
        )
        self.unit = self.field(
            "unit", self.tr("&Unit:"), line_edit(self, "unit", price.unit if price else "", 10)
        )
        self.unit.setPlaceholderText(self.tr("e.g. 个, 米, 次"))
        self.price_edit = self.field(
            "price",
            self.tr("&Price (yuan):"),
            line_edit(self, "price", plain_yuan(price.price_fen) if price else "", 20),
        )
        self.labour = self.field(
            "labour",
            self.tr("&Labour (yuan):"),
            line_edit(self, "labour", plain_yuan(price.labour_fen) if price else "", 20),
        )
        self.active = QCheckBox(self.tr("&Active (offered when completing orders)"), self)
        self.active.setObjectName("active")
        self.active.setChecked(price.active if price else True)
        self.active.setVisible(price is not None)
        if price is not None:
            self.add_row("", self.active)
        chain: list[QWidget] = [self.category, self.name, self.unit, self.price_edit, self.labour]
        if price is not None:
            chain.append(self.active)
        self.finish(self.tr("Save"), chain)
        self.setMinimumWidth(420)

    def submit(self) -> Done[object]:
        values = {
            "category": self.category.currentText(),
            "unit": self.unit.text(),
            "labour": self.labour.text(),
        }
        if self.price is None:
            done = repair_setup.add_price(
                self.desk, self.name.text(), self.price_edit.text(), **values
            )
        else:
            done = repair_setup.update_price(
                self.desk,
                self.price.id,
                name=self.name.text(),
                price=self.price_edit.text(),
                active=self.active.isChecked(),
                **values,
            )
        self.saved = done.value
        return done


class RepairSetupDialog(QDialog):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.changed = False
        self.setObjectName("repair_setup_dialog")
        self.setWindowTitle(self.tr("Technicians and prices"))

        self.notice = QLabel(self)
        self.notice.setObjectName("permission_notice")
        self.notice.setWordWrap(True)
        self.refusal = self._refusal()
        self.notice.setText(self.refusal)
        self.notice.setVisible(bool(self.refusal))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("setup_tabs")
        self.technicians_model = TechniciansModel((), self)
        self.technicians_view = table_view(self, self.technicians_model, "technicians_view")
        self.technicians_view.doubleClicked.connect(lambda _index: self.edit_technician())
        self.technicians_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.add_technician_button = self._button(
            self.tr("&Add…"), "add_technician", self.add_technician
        )
        self.edit_technician_button = self._button(
            self.tr("&Edit…"), "edit_technician", self.edit_technician
        )
        self.toggle_technician_button = self._button(
            self.tr("&Deactivate"), "toggle_technician", self.toggle_technician
        )
        self.tabs.addTab(
            self._tab(
                self.technicians_view,
                (
                    self.add_technician_button,
                    self.edit_technician_button,
                    self.toggle_technician_button,
                ),
            ),
            self.tr("Technicians"),
        )

        self.prices_model = PricesModel((), self)
        self.prices_view = table_view(self, self.prices_model, "prices_view")
        self.prices_view.doubleClicked.connect(lambda _index: self.edit_price())
        self.prices_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.add_price_button = self._button(self.tr("A&dd…"), "add_price", self.add_price)
        self.edit_price_button = self._button(self.tr("Ed&it…"), "edit_price", self.edit_price)
        self.toggle_price_button = self._button(
            self.tr("De&activate"), "toggle_price", self.toggle_price
        )
        self.tabs.addTab(
            self._tab(
                self.prices_view,
                (self.add_price_button, self.edit_price_button, self.toggle_price_button),
            ),
            self.tr("Paid-service prices"),
        )

        self.starter_button = self._button(
            self.tr("&Load example price list"), "load_starter", self.load_starter
        )
        self.starter_button.setToolTip(
            self.tr("Adds an example list of technicians and prices, to be edited afterwards.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.starter_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.resize(760, 460)
        self.reload()

    def _refusal(self) -> str:
        """The service's reason why this operator may not change the setup ('' if allowed)."""
        try:
            self.desk.require_role("supervisor", "维护维修人员")
        except PermissionDenied as error:
            return error_text(error)
        return ""

    @property
    def may_edit(self) -> bool:
        return not self.refusal

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        push = QPushButton(text, self)
        push.setObjectName(name)
        push.setAutoDefault(False)
        push.clicked.connect(slot)
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

    # ---- showing ---------------------------------------------------------------------------

    def reload(self, technician_id: int | None = None, price_id: int | None = None) -> None:
        self.technicians_model.set_rows(repair_setup.technicians(self.desk, active_only=False))
        self.prices_model.set_rows(repair_setup.prices(self.desk, active_only=False))
        for view, model, wanted in (
            (self.technicians_view, self.technicians_model, technician_id),
            (self.prices_view, self.prices_model, price_id),
        ):
            rows = model.rows()
            number = next((n for n, row in enumerate(rows) if row.id == wanted), 0)
            if rows:
                view.selectRow(number)
        self._update_buttons()

    def selected_technician(self) -> TechnicianRow | None:
        index = self.technicians_view.currentIndex()
        return self.technicians_model.row_at(index.row()) if index.isValid() else None

    def selected_price(self) -> PriceRow | None:
        index = self.prices_view.currentIndex()
        return self.prices_model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        edit = self.may_edit
        technician, price = self.selected_technician(), self.selected_price()
        self.add_technician_button.setEnabled(edit)
        self.add_price_button.setEnabled(edit)
        self.edit_technician_button.setEnabled(edit and technician is not None)
        self.toggle_technician_button.setEnabled(edit and technician is not None)
        self.edit_price_button.setEnabled(edit and price is not None)
        self.toggle_price_button.setEnabled(edit and price is not None)
        self.toggle_technician_button.setText(
            self.tr("A&ctivate") if technician and not technician.active else self.tr("&Deactivate")
        )
        self.toggle_price_button.setText(
            self.tr("Ac&tivate") if price and not price.active else self.tr("De&activate")
        )
        empty = not self.technicians_model.rowCount() or not self.prices_model.rowCount()
        self.starter_button.setVisible(empty)
        self.starter_button.setEnabled(edit and empty)

    def _changed(self) -> None:
        self.changed = True

    def _run(self, dialog: QDialog) -> Any:
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return getattr(dialog, "saved", None)
            return None
        finally:
            dialog.deleteLater()

    # ---- technicians -----------------------------------------------------------------------

    def add_technician(self) -> None:
        saved = self._run(TechnicianDialog(self.desk, self.hub, None, self))
        if saved is not None:
            self._changed()
            self.reload(technician_id=saved.id)

    def edit_technician(self) -> None:
        row = self.selected_technician()
        if row is None or not self.may_edit:
            return
        saved = self._run(TechnicianDialog(self.desk, self.hub, row, self))
        if saved is not None:
            self._changed()
            self.reload(technician_id=saved.id)

    def toggle_technician(self) -> None:
        row = self.selected_technician()
        if row is None:
            return
        done = perform(
            self,
            self.hub,
            lambda: repair_setup.update_technician(
                self.desk,
                row.id,
                name=row.name,
                kind=row.kind,
                phone=row.phone or "",
                specialty=row.specialty or "",
                active=not row.active,
            ),
        )
        if done is None:
            return
        self._changed()
        self.reload(technician_id=row.id)

    # ---- prices ----------------------------------------------------------------------------

    def _categories(self) -> list[str]:
        seen: list[str] = []
        for price in self.prices_model.rows():
            if price.category and price.category not in seen:
                seen.append(price.category)
        return seen

    def add_price(self) -> None:
        saved = self._run(
            PriceDialog(self.desk, self.hub, None, self, categories=self._categories())
        )
        if saved is not None:
            self._changed()
            self.reload(price_id=saved.id)

    def edit_price(self) -> None:
        row = self.selected_price()
        if row is None or not self.may_edit:
            return
        saved = self._run(
            PriceDialog(self.desk, self.hub, row, self, categories=self._categories())
        )
        if saved is not None:
            self._changed()
            self.reload(price_id=saved.id)

    def toggle_price(self) -> None:
        row = self.selected_price()
        if row is None:
            return
        done = perform(
            self,
            self.hub,
            lambda: repair_setup.update_price(
                self.desk,
                row.id,
                name=row.name,
                price=plain_yuan(row.price_fen),
                category=row.category,
                unit=row.unit,
                labour=plain_yuan(row.labour_fen),
                active=not row.active,
            ),
        )
        if done is None:
            return
        self._changed()
        self.reload(price_id=row.id)

    # ---- the example list ------------------------------------------------------------------

    def load_starter(self) -> None:
        """载入示例价格表: the example technicians and prices, into whichever list is empty."""
        done = perform(self, self.hub, lambda: repair_setup.install_starter_lists(self.desk))
        if done is not None and done.value:
            self._changed()
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a list edits the row instead of closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self.tabs.currentIndex() == 0:
                self.edit_technician()
            else:
                self.edit_price()
            return
        super().keyPressEvent(event)
