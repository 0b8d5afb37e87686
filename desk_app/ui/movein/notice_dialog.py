"""The 入住通知单 of a batch: 记录已通知 (the chosen units told by text message, phone …,
one operation) and 打印通知单 (the chosen units, a building's, those not yet told, or
the whole batch, as one PDF, archived and recorded as sent the way chosen).

    dialog = RecordNoticeDialog(desk, hub, rows, parent); dialog.exec(); dialog.recorded
    dialog = PrintNoticesDialog(desk, hub, batch, units, chosen, building, parent)
    dialog.exec(); dialog.printed  # PrintedNotices: the PDF to show
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QComboBox, QRadioButton, QWidget

from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.movein import NOTICE_WAYS
from desk_app.services.desk import Desk
from desk_app.services.movein import batches, printing
from desk_app.services.movein.batches import BatchRow, BatchUnitRow
from desk_app.services.movein.printing import PrintedNotices
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.labels import building_text
from desk_app.ui.widgets.controls import fill_vocabulary
from desk_app.ui.widgets.forms import FormDialog

SHOWN_CODES = 6
RECORD_WAY = "短信"
PRINT_WAY = printing.NOTICE_WAY  # a printed notice is posted or handed over


def codes_text(rows: Sequence[BatchUnitRow]) -> str:
    """``3-1-501、3-1-601 …`` (the first few)."""
    codes = [r.unit_code for r in rows[:SHOWN_CODES]]
    return "、".join(codes) + (" …" if len(rows) > SHOWN_CODES else "")


def way_combo(parent: QWidget, name: str, current: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    fill_vocabulary(combo, NOTICE_WAYS, current)
    return combo


class RecordNoticeDialog(FormDialog):
    """记录已通知: the chosen units' notice sent now, the way chosen (one operation)."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        rows: Sequence[BatchUnitRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.rows = list(rows)
        self.recorded = 0
        self.setObjectName("movein_record_notice_dialog")
        self.setWindowTitle(self.tr("Record the notice as sent"))
        self.add_intro(
            self.tr("The move-in notice of %1 units was sent now: %2")
            .replace("%1", str(len(self.rows)))
            .replace("%2", codes_text(self.rows))
        )
        self.way = self.add_row(self.tr("Sent &by:"), way_combo(self, "notice_way", RECORD_WAY))
        self.finish(self.tr("&Record"), [self.way])
        self.setMinimumWidth(420)

    def submit(self) -> Done[object] | None:
        done = batches.record_notice(
            self.desk, [r.id for r in self.rows], str(self.way.currentData())
        )
        self.recorded = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.way


class PrintNoticesDialog(FormDialog):
    """打印通知单: which units' notices, and how they go out (recorded as sent with the
    archived PDF, in one operation)."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        batch: BatchRow,
        units: Sequence[BatchUnitRow],
        chosen: Sequence[BatchUnitRow],
        building: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.batch = batch
        self.chosen = list(chosen)
        self.building = building
        self.untold = [u for u in units if u.notice_sent_at is None]
        self.printed: PrintedNotices | None = None
        self.setObjectName("movein_print_notices_dialog")
        self.setWindowTitle(self.tr("Print move-in notices"))
        self.add_intro(
            self.tr("One page per unit. The notices printed are archived and recorded as sent.")
        )
        self.group = QButtonGroup(self)
        self.chosen_choice = self._choice(
            "notices_chosen",
            self.tr("&Chosen units (%1): %2")
            .replace("%1", str(len(self.chosen)))
            .replace("%2", codes_text(self.chosen)),
            bool(self.chosen),
        )
        in_building = [u for u in units if building and u.building == building]
        self.building_choice = self._choice(
            "notices_building",
            self.tr("&Building %1 (%2 units)")
            .replace("%1", building_text(building) if building else "")
            .replace("%2", str(len(in_building)))
            if building
            else self.tr("&Building (choose one in the list first)"),
            bool(in_building),
        )
        self.untold_choice = self._choice(
            "notices_untold",
            self.tr("&Not yet sent (%1 units)").replace("%1", str(len(self.untold))),
            bool(self.untold),
        )
        self.whole_choice = self._choice(
            "notices_whole",
            self.tr("&Whole batch (%1 units)").replace("%1", str(len(units))),
            bool(units),
        )
        for choice in (self.chosen_choice, self.building_choice, self.untold_choice):
            if choice.isEnabled():
                choice.setChecked(True)
                break
        else:
            self.whole_choice.setChecked(True)
        self.way = self.add_row(self.tr("Sent b&y:"), way_combo(self, "print_way", PRINT_WAY))
        self.finish(
            self.tr("&Print"),
            [
                self.chosen_choice,
                self.building_choice,
                self.untold_choice,
                self.whole_choice,
                self.way,
            ],
        )
        self.initial_focus = self.group.checkedButton()
        self.setMinimumWidth(480)

    def _choice(self, name: str, text: str, enabled: bool) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName(name)
        button.setEnabled(enabled)
        self.group.addButton(button)
        self.form.addRow(button)
        return button

    def submit(self) -> Done[object] | None:
        how = str(self.way.currentData())
        if self.chosen_choice.isChecked():
            ids: list[int] | None = [u.id for u in self.chosen]
            building = None
        elif self.building_choice.isChecked():
            ids, building = None, self.building
        elif self.untold_choice.isChecked():
            ids, building = [u.id for u in self.untold], None
        else:
            ids, building = None, None
        if ids is not None and not ids:
            raise ValidationError("请选择要通知的房屋。", field="units")
        done = printing.print_notices(
            self.desk, self.batch.id, building=building, batch_unit_ids=ids, how=how
        )
        self.printed = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.group.checkedButton()
