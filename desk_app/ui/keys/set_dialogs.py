"""Registering keys: one set (新建钥匙: its kind, what it opens, its pieces, its hook) and a
building's delivery (整栋入库: one set per unit, previewed with the codes it will get and
the units that have one already, then written in one transaction)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from desk_app.core.errors import DeskError
from desk_app.core.vocabularies import KEY_KINDS, UNIT_KEY_KINDS, UNIT_KEY_TYPES
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.services.keys import registry
from desk_app.services.keys.registry import MAX_PIECES, IntakePlan, IntakePreview, KeySetInput
from desk_app.services.operations import Done
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.controls import fill_vocabulary
from desk_app.ui.widgets.forms import FormDialog, line_edit
from desk_app.ui.widgets.unit_field import UnitLineEdit

PREVIEW_DELAY_MS = 150
SHOWN_CODES = 3
DELIVERY = {"防盗铁门": 2, "单元门": 1, "室内门": 0, "电子对讲门": 1, "信报箱": 1}
"""A developer's usual delivery per unit (the clerk changes what differs)."""


class UnitPieces(QWidget):
    """The five types of a unit's keys, each with its count (Tab from one to the next)."""

    def __init__(self, parent: QWidget, counts: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unit_pieces")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QSpinBox] = {}
        for n, piece_type in enumerate(UNIT_KEY_TYPES):
            spin = QSpinBox(self)
            spin.setObjectName(f"pieces_{n}")
            spin.setRange(0, MAX_PIECES)
            spin.setValue((counts or {}).get(piece_type, 0))
            caption = QLabel(vocabulary_text(piece_type), self)
            caption.setBuddy(spin)
            grid.addWidget(caption, n // 3, (n % 3) * 2)
            grid.addWidget(spin, n // 3, (n % 3) * 2 + 1)
            self.spins[piece_type] = spin
        spins = list(self.spins.values())
        for before, after in zip(spins, spins[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(spins[0])

    def counts(self) -> dict[str, int]:
        return {t: spin.value() for t, spin in self.spins.items() if spin.value()}

    def last(self) -> QWidget:
        return list(self.spins.values())[-1]


class NewKeySetDialog(FormDialog):
    """新建钥匙: one set with its tag (the next free code, or a pre-printed one)."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.result_set: registry.KeySetRow | None = None
        self.setObjectName("new_key_set_dialog")
        self.setWindowTitle(self.tr("New key set"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("key_kind")
        fill_vocabulary(self.kind, KEY_KINDS, "公共区域")
        self.add_row(self.tr("&Kind:"), self.kind)

        self.unit = UnitLineEdit(desk, self)
        self.unit.setObjectName("key_unit")
        self.unit_label = QLabel(self.tr("&Unit:"), self)
        self.unit_label.setBuddy(self.unit)
        self.form.addRow(self.unit_label, self.unit)
        self.building = line_edit(self, "key_building", max_length=6)
        self.building.setPlaceholderText(self.tr("e.g. 3"))
        self.building_label = QLabel(self.tr("&Building:"), self)
        self.building_label.setBuddy(self.building)
        self.form.addRow(self.building_label, self.building)
        self.floor = line_edit(self, "key_floor", max_length=10)
        self.floor.setPlaceholderText(self.tr("e.g. 18, 屋顶, B1"))
        self.floor_label = QLabel(self.tr("F&loor:"), self)
        self.floor_label.setBuddy(self.floor)
        self.form.addRow(self.floor_label, self.floor)
        self.room = QComboBox(self)
        self.room.setObjectName("key_public_place")
        for place in estate.list_public_places(desk):
            where = "-".join(p for p in (place.building, place.floor) if p)
            self.room.addItem(f"{place.name}（{where}）" if where else place.name, place.id)
        self.room_label = QLabel(self.tr("Equipment roo&m:"), self)
        self.room_label.setBuddy(self.room)
        self.form.addRow(self.room_label, self.room)
        self.name = self.add_row(self.tr("&Opens:"), line_edit(self, "key_name", max_length=40))
        self.name.setPlaceholderText(self.tr("e.g. 天台门, 配电房"))

        self.pieces_stack = QStackedWidget(self)
        self.unit_pieces = UnitPieces(self.pieces_stack)
        self.other_pieces = QWidget(self.pieces_stack)
        self.piece_type = QLineEdit(self.other_pieces)
        self.piece_type.setObjectName("piece_type")
        self.piece_type.setMaxLength(20)
        self.piece_type.setPlaceholderText(self.tr("type, e.g. 门"))
        self.piece_count = QSpinBox(self.other_pieces)
        self.piece_count.setObjectName("piece_count")
        self.piece_count.setRange(1, MAX_PIECES)
        row = QGridLayout(self.other_pieces)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.piece_type, 0, 0)
        row.addWidget(QLabel("×", self.other_pieces), 0, 1)
        row.addWidget(self.piece_count, 0, 2)
        row.setColumnStretch(0, 1)
        self.pieces_stack.addWidget(self.unit_pieces)
        self.pieces_stack.addWidget(self.other_pieces)
        self.pieces_label = QLabel(self.tr("&Pieces:"), self)
        self.form.addRow(self.pieces_label, self.pieces_stack)

        self.place = self.add_row(self.tr("&Hook:"), line_edit(self, "key_place", max_length=20))
        self.place.setPlaceholderText(self.tr("cabinet and hook, e.g. A柜-01"))
        self.code = self.add_row(self.tr("Ta&g code:"), line_edit(self, "key_code", max_length=20))
        self.code.setPlaceholderText(
            self.tr("empty: the next one, %1").replace("%1", registry.next_code(desk))
        )
        self.never_lend = QCheckBox(self.tr("&Never lent (switch room, fire control room)"), self)
        self.never_lend.setObjectName("never_lend")
        self.form.addRow("", self.never_lend)
        self.note = self.add_row(self.tr("No&te:"), line_edit(self, "key_note", max_length=100))
        self.finish(
            self.tr("&Register"),
            [
                self.kind,
                self.unit,
                self.building,
                self.floor,
                self.room,
                self.name,
                *self.unit_pieces.spins.values(),
                self.piece_type,
                self.piece_count,
                self.place,
                self.code,
                self.never_lend,
                self.note,
            ],
        )
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self._kind_chosen()
        self.initial_focus = self.kind
        self.setMinimumWidth(520)

    def _kind_chosen(self, *_args: object) -> None:
        kind = self.kind.currentData()
        unit = kind in UNIT_KEY_KINDS
        public = kind == "公共区域"
        room = kind == "设施设备房"
        for widget, shown in (
            (self.unit, unit),
            (self.unit_label, unit),
            (self.building, public),
            (self.building_label, public),
            (self.floor, public),
            (self.floor_label, public),
            (self.room, room),
            (self.room_label, room),
        ):
            widget.setVisible(shown)
        self.pieces_stack.setCurrentWidget(self.unit_pieces if unit else self.other_pieces)
        self.pieces_label.setBuddy(self.unit_pieces if unit else self.piece_type)

    def key_input(self) -> KeySetInput:
        kind = self.kind.currentData()
        if kind in UNIT_KEY_KINDS:
            pieces = self.unit_pieces.counts()
        else:
            piece_type = self.piece_type.text().strip() or self.name.text().strip() or "门"
            pieces = {piece_type: self.piece_count.value()}
        return KeySetInput(
            kind,
            pieces,
            unit=self.unit.text() if kind in UNIT_KEY_KINDS else None,
            building=self.building.text() if kind == "公共区域" else None,
            floor=self.floor.text() if kind == "公共区域" else None,
            public_place_id=self.room.currentData() if kind == "设施设备房" else None,
            name=self.name.text(),
            place=self.place.text(),
            never_lend=self.never_lend.isChecked(),
            code=self.code.text().strip() or None,
            note=self.note.text(),
        )

    def submit(self) -> Done[object] | None:
        done = registry.create_set(self.desk, self.key_input())
        self.result_set = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        unit = self.kind.currentData() in UNIT_KEY_KINDS
        fields: dict[str | None, QWidget] = {
            "kind": self.kind,
            "unit": self.unit,
            "building": self.building,
            "public_place_id": self.room,
            "pieces": self.unit_pieces if unit else self.piece_type,
            "code": self.code,
        }
        return fields.get(getattr(error, "field", None))


class KeyIntakeDialog(FormDialog):
    """整栋入库: a building's keys delivered by the developer (接管) or left by its owners
    (业主代管), one set per unit with the same pieces, previewed before anything is written."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.created_ids: list[int] = []
        self.preview: IntakePreview | None = None
        self.setObjectName("key_intake_dialog")
        self.setWindowTitle(self.tr("Take in a building's keys"))
        self.building = self.add_row(
            self.tr("&Building:"), line_edit(self, "intake_building", max_length=6)
        )
        self.building.setPlaceholderText(self.tr("e.g. 3"))
        self.entrance = self.add_row(
            self.tr("&Entrance:"), line_edit(self, "intake_entrance", max_length=2)
        )
        self.entrance.setPlaceholderText(self.tr("empty: the whole building"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("intake_kind")
        fill_vocabulary(self.kind, UNIT_KEY_KINDS, "接管")
        self.add_row(self.tr("&Kind:"), self.kind)
        self.pieces = self.add_row(self.tr("&Pieces per unit:"), UnitPieces(self, DELIVERY))
        self.cabinet = self.add_row(
            self.tr("&Cabinet:"), line_edit(self, "intake_cabinet", max_length=10)
        )
        self.cabinet.setPlaceholderText(self.tr("e.g. A柜: the sets take its next free hooks"))
        self.shuffled = QCheckBox(self.tr("Deal the hooks at &random (a hook tells no unit)"), self)
        self.shuffled.setObjectName("intake_shuffled")
        self.form.addRow("", self.shuffled)
        self.skip_existing = QCheckBox(self.tr("&Skip units that have such a set"), self)
        self.skip_existing.setObjectName("intake_skip_existing")
        self.form.addRow("", self.skip_existing)
        self.summary = QLabel(self)
        self.summary.setObjectName("intake_summary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.addRow(self.summary)
        self.finish(
            self.tr("&Take in"),
            [
                self.building,
                self.entrance,
                self.kind,
                *self.pieces.spins.values(),
                self.cabinet,
                self.shuffled,
                self.skip_existing,
            ],
        )
        self.setMinimumWidth(560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.building.textChanged.connect(self._schedule)
        self.entrance.textChanged.connect(self._schedule)
        self.kind.currentIndexChanged.connect(self._schedule)
        self.skip_existing.toggled.connect(self._schedule)
        self.cabinet.textChanged.connect(self._schedule)
        self.shuffled.toggled.connect(self._schedule)
        for spin in self.pieces.spins.values():
            spin.valueChanged.connect(self._schedule)
        self.update_preview()

    def _schedule(self, *_args: object) -> None:
        # Enter may come before the preview does: submit() checks the plan again.
        self.ok_button.setEnabled(True)
        self._timer.start()

    def plan(self) -> IntakePlan:
        return IntakePlan(
            building=self.building.text().strip().upper(),
            pieces=self.pieces.counts(),
            kind=self.kind.currentData(),
            entrance=self.entrance.text().strip() or None,
            cabinet=self.cabinet.text().strip(),
            shuffled=self.shuffled.isChecked(),
        )

    def update_preview(self) -> None:
        """What posting would create: how many sets, their first and last codes, and the
        units skipped or in the way."""
        self._timer.stop()
        self.preview = None
        if not self.building.text().strip():
            self.summary.setText(self.tr("Enter the building number."))
            self.ok_button.setEnabled(False)
            return
        try:
            preview = registry.preview_intake(self.desk, self.plan())
        except DeskError as error:
            self.summary.setText(error_text(error))
            self.ok_button.setEnabled(False)
            return
        self.preview = preview
        lines = []
        if preview.new:
            (first_code, first_unit), (last_code, last_unit) = preview.new[0], preview.new[-1]
            lines.append(
                self.tr("{count} new sets: {first} ({first_unit}) … {last} ({last_unit})").format(
                    count=len(preview.new),
                    first=first_code,
                    first_unit=first_unit,
                    last=last_code,
                    last_unit=last_unit,
                )
            )
            if preview.hooks:
                text = (
                    self.tr("Hooks {first} to {last}, dealt at random.")
                    if self.shuffled.isChecked()
                    else self.tr("Hooks {first} to {last}, in unit order.")
                )
                lines.append(text.format(first=preview.hooks[0], last=preview.hooks[-1]))
        else:
            lines.append(self.tr("No new sets."))
        if preview.existing:
            shown = "、".join(preview.existing[:SHOWN_CODES])
            if len(preview.existing) > SHOWN_CODES:
                shown += "…"
            if self.skip_existing.isChecked():
                text = self.tr("{count} units have one already and are skipped: {units}")
            else:
                text = self.tr(
                    "{count} units have one already: {units} — tick “Skip units that have "
                    "such a set” to take in the others."
                )
            lines.append(text.format(count=len(preview.existing), units=shown))
        self.summary.setText("\n".join(lines))
        self.ok_button.setEnabled(
            bool(preview.new) and (not preview.existing or self.skip_existing.isChecked())
        )

    def submit(self) -> Done[object] | None:
        done = registry.post_intake(
            self.desk, self.plan(), skip_existing=self.skip_existing.isChecked()
        )
        self.created_ids = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        field = getattr(error, "field", None)
        if field == "pieces":
            return self.pieces
        return self.cabinet if field == "cabinet" else self.building
