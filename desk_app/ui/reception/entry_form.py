"""The fast entry form of the reception log: written while the caller is on the line,
keyboard only.

Tab order: 方式 (keys 1–4), 房号, 姓名, 联系电话, 类别 (keys Z B T J Q Y O), 内容, then the
fields of the category (报修: 紧急程度 (U toggles) and 预约时间; 投诉: 处理部门; others:
处理结果), 备注. Enter in a one-line field moves on, Ctrl+Enter or Ctrl+S saves, Esc
clears. A room that resolves fills the caller from the directory with the phone masked;
on saving, the service takes the directory's number (``contact_person_id``) unless the
clerk typed another one, so the full number never appears on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, locations
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.operations import perform
from desk_app.ui.reception.feature import FORM_ACTIONS
from desk_app.ui.widgets.controls import ERROR_STYLE, HINT_STYLE, KeyChoice
from desk_app.ui.widgets.unit_field import UnitLineEdit

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ContentEdit(QPlainTextEdit):
    """内容: several lines (Enter is a new line); Tab leaves it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)


class EntryForm(QWidget):
    """The entry form. ``recorded(entry_id)`` follows a successful save (the hub has been
    told by then); ``status_label`` says what was written."""

    recorded = Signal(int)

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("entry_form")
        self._unit_id: int | None = None
        self._contact: locations.UnitContact | None = None
        self._auto_name = ""
        self._auto_phone = ""

        # --- fields, in tab order
        self.channel_choice = KeyChoice(list(reception.CHANNEL_KEYS.items()), self)
        self.channel_choice.setObjectName("channel_choice")
        self.unit_edit = UnitLineEdit(desk, self)
        self.unit_edit.setObjectName("entry_unit")
        self.unit_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("3-12-1501") + 40)
        self.place_combo = QComboBox(self)
        self.place_combo.setObjectName("entry_place")
        self.place_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # reached by Alt+B
        self.unit_hint = QLabel(self)
        self.unit_hint.setObjectName("unit_hint")
        self.name_edit = self._line("entry_name", 40)
        self.phone_edit = self._line("entry_phone", 30)
        self.category_choice = KeyChoice(list(reception.CATEGORY_KEYS.items()), self)
        self.category_choice.setObjectName("category_choice")
        self.content_edit = ContentEdit(self)
        self.content_edit.setObjectName("entry_content")
        self.urgency_choice = KeyChoice([("", "一般"), ("U", "紧急")], self, toggle_key="U")
        self.urgency_choice.setObjectName("urgency_choice")
        self.appointment_edit = self._line("entry_appointment", 100)
        self.appointment_edit.setPlaceholderText(self.tr("e.g. this afternoon after 3"))
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("entry_department")
        self.result_edit = self._line("entry_result", 500)
        self.result_edit.setPlaceholderText(self.tr("Answered on the spot: the entry closes"))
        self.note_edit = self._line("entry_note", 500)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save_entry")
        self.save_button.setAutoDefault(True)
        self.save_button.setToolTip(self.tr("Ctrl+Enter or Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("clear_entry")
        self.clear_button.setToolTip(self.tr("Esc"))
        self.clear_button.clicked.connect(self.clear)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("entry_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("entry_status")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # --- labels (mnemonics stay clear of the menus' S D T L H)
        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text, self)
            widget.setBuddy(buddy)
            return widget

        self.urgency_label = label(self.tr("Ur&gency:"), self.urgency_choice)
        self.appointment_label = label(self.tr("Appo&intment:"), self.appointment_edit)
        self.department_label = label(self.tr("De&partment:"), self.department_combo)
        self.result_label = label(self.tr("&Result:"), self.result_edit)
        self.place_label = label(self.tr("or pu&blic place:"), self.place_combo)

        # Rows of their own (not a grid), so that the form fits a narrow window: the
        # first label of each row has one width, so the fields start on one line.
        channel_label = label(self.tr("Ch&annel:"), self.channel_choice)
        name_label = label(self.tr("Na&me:"), self.name_edit)
        content_label = label(self.tr("Cont&ent:"), self.content_edit)
        first_labels = [
            channel_label,
            name_label,
            content_label,
            self.urgency_label,
            self.department_label,
            self.result_label,
        ]
        width = max(w.sizeHint().width() for w in first_labels)
        for widget in first_labels:
            widget.setFixedWidth(width)
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("欧阳娜娜娜") + 16)
        self.phone_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("0532-88886666") + 16)

        def row(*items: QWidget | int) -> QHBoxLayout:
            line = QHBoxLayout()
            line.setSpacing(6)
            for item in items:
                if isinstance(item, int):
                    line.addSpacing(item)
                else:
                    line.addWidget(item)
            return line

        first = row(channel_label, self.channel_choice, 12)
        first.addWidget(label(self.tr("&Unit:"), self.unit_edit))
        first.addWidget(self.unit_edit)
        first.addWidget(self.place_label)
        first.addWidget(self.place_combo)
        first.addWidget(self.unit_hint, 1)
        second = row(name_label)
        second.addWidget(self.name_edit, 1)
        second.addSpacing(12)
        second.addWidget(label(self.tr("Ph&one:"), self.phone_edit))
        second.addWidget(self.phone_edit, 1)
        second.addSpacing(12)
        second.addWidget(label(self.tr("&Category:"), self.category_choice))
        second.addWidget(self.category_choice)
        third = row()
        third.addWidget(content_label, 0, Qt.AlignmentFlag.AlignTop)
        third.addWidget(self.content_edit, 1)
        # One of three sets of fields, by category, then 备注.
        fourth = row(
            self.urgency_label,
            self.department_label,
            self.result_label,
            self.urgency_choice,
            self.appointment_label,
        )
        fourth.addWidget(self.appointment_edit, 1)
        fourth.addWidget(self.department_combo)
        fourth.addWidget(self.result_edit, 2)
        fourth.addSpacing(12)
        fourth.addWidget(label(self.tr("&Note:"), self.note_edit))
        fourth.addWidget(self.note_edit, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for line in (first, second, third, fourth, bottom):
            layout.addLayout(line)

        self.fields: list[QWidget] = [
            self.channel_choice,
            self.unit_edit,
            self.name_edit,
            self.phone_edit,
            self.category_choice,
            self.content_edit,
            self.urgency_choice,
            self.appointment_edit,
            self.department_combo,
            self.result_edit,
            self.note_edit,
        ]
        for before, after in zip(
            [*self.fields, self.save_button],
            [*self.fields[1:], self.save_button, self.clear_button],
            strict=True,
        ):
            QWidget.setTabOrder(before, after)
        for field in [*self.fields, self.place_combo]:
            field.installEventFilter(self)

        self.save_action = page_actions(self, FORM_ACTIONS)["save_entry"]

        self.channel_choice.picked.connect(lambda _v: self._next_field(self.channel_choice))
        self.category_choice.picked.connect(lambda _v: self._next_field(self.category_choice))
        self.category_choice.changed.connect(lambda _v: self._show_category_fields())
        self.unit_edit.unit_chosen.connect(self._apply_unit)
        self.unit_edit.editingFinished.connect(self._resolve_unit)
        self.unit_edit.textEdited.connect(self._unit_edited)
        self.place_combo.activated.connect(self._place_chosen)

        self.reload_choices()
        self.clear()

    def _line(self, object_name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        return edit

    # ---- choices from the services -------------------------------------------------------

    def reload_choices(self) -> None:
        """Departments (settings) and public places (directory)."""
        current = self.department_combo.currentData()
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("(choose)"), "")
        for number, name in enumerate(reception.departments(self.desk), start=1):
            shown = vocabulary_text(name)
            self.department_combo.addItem(f"{number} {shown}" if number < 10 else shown, name)
        index = self.department_combo.findData(current) if current else 0
        self.department_combo.setCurrentIndex(max(index, 0))

        current = self.place_combo.currentData()
        self.place_combo.clear()
        self.place_combo.addItem("—", None)
        for place in estate.list_public_places(self.desk):
            self.place_combo.addItem(locations.place_text(place), place.id)
        index = self.place_combo.findData(current) if current is not None else 0
        self.place_combo.setCurrentIndex(max(index, 0))
        has_places = self.place_combo.count() > 1
        self.place_label.setVisible(has_places)
        self.place_combo.setVisible(has_places)

    # ---- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in ENTER_KEYS and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return True
        if key in ENTER_KEYS and not modifiers and watched is not self.content_edit:
            if watched is self.unit_edit:
                self.unit_edit.unit_completer.timer.stop()
            self._next_field(watched)  # type: ignore[arg-type]
            return True
        if key == Qt.Key.Key_Escape and not modifiers:
            self.clear()
            self.focus_first()
            return True
        if (
            watched is self.department_combo
            and not modifiers
            and event.text().isdigit()
            and 0 < int(event.text()) < self.department_combo.count()
        ):
            self.department_combo.setCurrentIndex(int(event.text()))
            return True
        return super().eventFilter(watched, event)

    def _next_field(self, current: QWidget) -> None:
        if current is self.place_combo:
            current = self.unit_edit
        if current not in self.fields:
            return
        for widget in self.fields[self.fields.index(current) + 1 :]:
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return
        self.save_button.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first(self) -> None:
        """The cursor in 房号, where each new entry starts."""
        self.unit_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.unit_edit.selectAll()

    def field_widget(self, field: str | None) -> QWidget:
        """The widget of a service error's ``field``."""
        widgets: dict[str, QWidget] = {
            "channel": self.channel_choice,
            "unit": self.unit_edit,
            "place": self.place_combo if self.place_combo.isVisible() else self.unit_edit,
            "caller_name": self.name_edit,
            "reporter": self.name_edit,
            "phone": self.phone_edit,
            "category": self.category_choice,
            "content": self.content_edit,
            "urgency": self.urgency_choice,
            "appointment": self.appointment_edit,
            "department": self.department_combo,
            "result": self.result_edit,
            "handling": self.result_edit,
            "note": self.note_edit,
        }
        return widgets.get(field or "", self.content_edit)

    # ---- the room and the caller -----------------------------------------------------------

    def _unit_edited(self, _text: str) -> None:
        if self.place_combo.currentIndex() > 0:
            self.place_combo.setCurrentIndex(0)
        self.unit_hint.clear()

    def _resolve_unit(self) -> None:
        """On leaving 房号: a room that resolves fills the caller; one that does not says so."""
        text = self.unit_edit.text().strip()
        if not text:
            self._unit_id = None
            if self.place_combo.currentIndex() <= 0:
                self.unit_hint.clear()
            return
        try:
            unit = self.unit_edit.resolve()
        except DeskError as error:
            self._unit_id = None
            self.unit_hint.setStyleSheet(ERROR_STYLE)
            self.unit_hint.setText(error_text(error))
            return
        self._apply_unit(unit.id)

    def _apply_unit(self, unit_id: int) -> None:
        if unit_id == self._unit_id:
            return
        self._unit_id = unit_id
        try:
            location = locations.resolve(self.desk, unit_id=unit_id)
            contact = locations.contact_for_unit(self.desk, unit_id)
        except DeskError as error:
            self.unit_hint.setStyleSheet(ERROR_STYLE)
            self.unit_hint.setText(error_text(error))
            return
        self._contact = contact
        hint = location.text
        if contact is not None:
            hint = f"{hint} · {contact.name}"
            if not self.name_edit.text().strip() or self.name_edit.text() == self._auto_name:
                self.name_edit.setText(contact.name)
                self._auto_name = contact.name
            phone = self.phone_edit.text().strip()
            if not phone or phone == self._auto_phone:
                self.phone_edit.setText(contact.phone_masked)
                self._auto_phone = contact.phone_masked
        else:
            if self.name_edit.text() == self._auto_name:
                self.name_edit.clear()
            if self.phone_edit.text() == self._auto_phone:
                self.phone_edit.clear()
            self._auto_name = self._auto_phone = ""
        self.unit_hint.setStyleSheet(HINT_STYLE)
        self.unit_hint.setText(hint)

    def _place_chosen(self, index: int) -> None:
        if index <= 0:
            return
        self.unit_edit.clear()
        self._unit_id = None
        self._contact = None
        self.unit_hint.setStyleSheet(HINT_STYLE)
        self.unit_hint.setText(self.place_combo.currentText())
        self._next_field(self.unit_edit)

    def _show_category_fields(self) -> None:
        category = self.category_choice.value()
        repair, complaint = category == "报修", category == "投诉"
        for widget in (
            self.urgency_label,
            self.urgency_choice,
            self.appointment_label,
            self.appointment_edit,
        ):
            widget.setVisible(repair)
        self.department_label.setVisible(complaint)
        self.department_combo.setVisible(complaint)
        self.result_label.setVisible(not repair and not complaint)
        self.result_edit.setVisible(not repair and not complaint)

    # ---- saving ----------------------------------------------------------------------------

    def new_entry(self) -> NewEntry:
        """What the form holds, as the service takes it."""
        category = self.category_choice.value()
        unit_text = self.unit_edit.text().strip()
        place_id = None
        unit_id = None
        if unit_text:
            unit_id = self.unit_edit.unit_id()
            if unit_id is not None:
                self._apply_unit(unit_id)
        else:
            place_id = self.place_combo.currentData()
        phone = self.phone_edit.text().strip()
        contact_id = None
        if (
            self._contact is not None
            and unit_id is not None
            and unit_id == self._unit_id
            and phone == self._auto_phone
        ):
            phone, contact_id = "", self._contact.person_id
        repair, complaint = category == "报修", category == "投诉"
        return NewEntry(
            channel=self.channel_choice.value(),
            category=category,
            content=self.content_edit.toPlainText(),
            unit="" if unit_id is not None else unit_text,
            unit_id=unit_id,
            place_id=place_id,
            caller_name=self.name_edit.text(),
            phone=phone,
            contact_person_id=contact_id,
            department=(self.department_combo.currentData() or "") if complaint else "",
            result=self.result_edit.text() if not repair and not complaint else "",
            note=self.note_edit.text(),
            urgency=self.urgency_choice.value() if repair else "一般",
            appointment=self.appointment_edit.text() if repair else "",
        )

    def save(self) -> bool:
        """Write the entry (and its repair order for 报修); on a refusal show it inline and
        put the cursor in the field, keeping everything typed."""
        self.clear_error()
        recorded = perform(self, self.hub, lambda: reception.record(self.desk, self.new_entry()))
        if recorded is None:
            return False
        done = recorded.value
        if done.order is not None:
            text = self.tr("Recorded {entry}, repair order {order} created").format(
                entry=done.entry.entry_no, order=done.order.order_no
            )
        else:
            text = self.tr("Recorded {entry}").format(entry=done.entry.entry_no)
        self.clear()
        self.status_label.setText(text)
        self.status_label.show()
        self.focus_first()
        self.recorded.emit(done.entry.id)
        return True

    def show_desk_error(self, error: DeskError) -> None:
        self.status_label.hide()
        self.error_label.setText(error_text(error))
        self.error_label.show()
        widget = self.field_widget(error.field)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def clear(self) -> None:
        """Empty the form for the next caller (方式 back to 来电)."""
        self.clear_error()
        self.channel_choice.set_value(reception.CHANNEL_KEYS["1"])
        self.unit_edit.clear()
        self.place_combo.setCurrentIndex(0)
        self.unit_hint.clear()
        self.name_edit.clear()
        self.phone_edit.clear()
        self.category_choice.set_value("")
        self.content_edit.clear()
        self.urgency_choice.set_value("一般")
        self.appointment_edit.clear()
        self.department_combo.setCurrentIndex(0)
        self.result_edit.clear()
        self.note_edit.clear()
        self._unit_id = None
        self._contact = None
        self._auto_name = self._auto_phone = ""
        self._show_category_fields()
