"""The 收房 sub-page of 入住交房: a unit's hand-over on hand-over days, keyboard first.

Type the unit and Enter: its open hand-over is resumed (or one is started) and shown
at its first pending station. The stations are the steps on the left (✓ done, skipped
with the reason, or pending; the progress above); the current step's panel is on the
right, in any order. 完成 (Ctrl+Enter) saves the step at once through its service (one
operation each), 跳过 (Ctrl+K) asks for the reason, 重新办理 puts a step back. A step
done or skipped says who did it and when (its tooltip, its title). Beside the unit, the
unit's forms print and are archived: 打印验收单 (Ctrl+P), 打印程序表 (Alt+M) and
打印遗留问题 (Alt+F); a hand-over closed with defects offers the acceptance sheet.

    page = HandoverPage(desk, hub)
    page.open_unit(unit_id); page.show_step("meters"); page.complete_step()
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.clock import display
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.movein import batches, defects, handover, printing
from desk_app.services.movein.handover import HandoverState
from desk_app.ui import messages
from desk_app.ui.actions import page_actions
from desk_app.ui.error_text import error_text
from desk_app.ui.events import ChangeEvent, EventHub
from desk_app.ui.movein.feature import HANDOVER_ACTIONS, PRINT_ACTIONS, STEP_ACTIONS
from desk_app.ui.movein.stations import PANELS, FeesPanel, StationPanel
from desk_app.ui.operations import perform
from desk_app.ui.widgets.tool_buttons import tool_button
from desk_app.ui.widgets.unit_field import UnitLineEdit

STATION_ROLE = Qt.ItemDataRole.UserRole

WATCHED = (
    "movein_handovers",
    "movein_stations",
    "movein_cells",
    "movein_defects",
    "charges",
    "receipts",
    "key_sets",
    "key_movements",
    "occupancies",  # an owner registered in the directory meanwhile
)


class HandoverPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("movein_handover_page")
        self.state: HandoverState | None = None

        self.unit_edit = UnitLineEdit(desk, self)
        self.unit_edit.setObjectName("movein_unit")
        self.unit_edit.setPlaceholderText(self.tr("Type the unit, then Enter"))
        self.unit_edit.returnPressed.connect(self.open_typed_unit)
        unit_caption = QLabel(self.tr("U&nit:"), self)
        unit_caption.setBuddy(self.unit_edit)
        self.heading = QLabel(self)
        self.heading.setObjectName("movein_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("movein_message")
        self.message.setWordWrap(True)

        self.steps = QListWidget(self)
        self.steps.setObjectName("movein_steps")
        self.steps.currentItemChanged.connect(self._step_chosen)
        self.progress = QLabel(self)
        self.progress.setObjectName("movein_progress")
        self.panels = QStackedWidget(self)
        self.panel_of: dict[str, StationPanel] = {}
        for station, panel_class in PANELS.items():
            panel = panel_class(desk, hub, self.panels)
            panel.setObjectName(f"movein_{station}_panel")
            self.panel_of[station] = panel
            self.panels.addWidget(panel)
        fees = self.panel_of["fees"]
        assert isinstance(fees, FeesPanel)
        fees.pay_requested.connect(self.take_payment)
        self.step_title = QLabel(self)
        self.step_title.setObjectName("movein_step_title")
        self.step_title.setFont(font)

        self.named_actions: dict[str, QAction] = page_actions(self, HANDOVER_ACTIONS)
        self.buttons: dict[str, QToolButton] = {}
        step_bar = QHBoxLayout()
        for spec in STEP_ACTIONS:
            self.buttons[spec.name] = tool_button(
                self, self.named_actions[spec.name], f"movein_{spec.name}_button"
            )
            step_bar.addWidget(self.buttons[spec.name])
        step_bar.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(unit_caption)
        top.addWidget(self.unit_edit, 1)
        top.addWidget(self.heading, 3)
        for spec in PRINT_ACTIONS:
            action = self.named_actions[spec.name]
            action.setIconText(action.text())  # the button keeps its Alt letter
            self.buttons[spec.name] = tool_button(self, action, f"movein_{spec.name}_button")
            top.addWidget(self.buttons[spec.name])
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.steps, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.step_title)
        right_layout.addWidget(self.panels, 1)
        right_layout.addLayout(step_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([220, 880])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.unit_edit)
        hub.changed.connect(self._hub_changed)
        self._show_state()

    # ---- the unit -----------------------------------------------------------------

    def focus_unit(self) -> None:
        self.unit_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.unit_edit.selectAll()

    def open_typed_unit(self) -> None:
        try:
            unit = self.unit_edit.resolve()
        except DeskError as error:
            self.show_desk_error(error)
            return
        self.open_unit(unit.id)

    def open_unit(self, unit_id: int) -> bool:
        """Resume the unit's open hand-over (or start one) at its first pending step."""
        done = perform(self, self.hub, lambda: handover.start(self.desk, unit_id))
        if done is None:
            return False
        self.say("")
        self.state = done.value
        self.unit_edit.setText(self.state.handover.unit_code)
        self._show_state()
        self.show_step(self.state.current or "archive")
        return True

    # ---- the steps ----------------------------------------------------------------

    def current_step(self) -> str | None:
        item = self.steps.currentItem()
        return None if item is None else str(item.data(STATION_ROLE))

    def show_step(self, station: str) -> None:
        for row in range(self.steps.count()):
            if self.steps.item(row).data(STATION_ROLE) == station:
                self.steps.setCurrentRow(row)
                break
        panel = self.panel_of.get(station)
        if panel is not None:
            panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _step_chosen(self, item: QListWidgetItem | None, _before: object = None) -> None:
        if item is None or self.state is None:
            return
        station = str(item.data(STATION_ROLE))
        panel = self.panel_of[station]
        self.panels.setCurrentWidget(panel)
        title = self.state.labels.get(station, station)
        who = self._done_by_text(station)
        self.step_title.setText(f"{title}　（{who}）" if who else title)
        panel.load(self.state)
        self._enable()

    def _step_text(self, station: str) -> str:
        assert self.state is not None
        row = self.state.station(station)
        label = self.state.labels.get(station, station)
        if row.state == "done":
            return f"✓ {label}"
        if row.state == "skipped":
            return self.tr("– %1 (skipped: %2)").replace("%1", label).replace("%2", row.reason)
        return f"○ {label}"

    def _done_by_text(self, station: str) -> str:
        """``Done by 张丽, 2026-11-20 09:12`` (or skipped), '' while pending or unknown."""
        assert self.state is not None
        row = self.state.station(station)
        if row.state == "pending" or not row.done_at:
            return ""
        text = self.tr("Done by %1, %2") if row.state == "done" else self.tr("Skipped by %1, %2")
        who = row.done_by_name or self.tr("unknown")
        return text.replace("%1", who).replace("%2", display(row.done_at))

    def step_tooltips(self) -> list[str]:
        return [self.steps.item(row).toolTip() for row in range(self.steps.count())]

    def step_texts(self) -> list[str]:
        return [self.steps.item(row).text() for row in range(self.steps.count())]

    def _show_state(self) -> None:
        current = self.current_step()
        self.steps.blockSignals(True)
        self.steps.clear()
        if self.state is not None:
            for step in self.state.stations:
                item = QListWidgetItem(self._step_text(step.station))
                item.setData(STATION_ROLE, step.station)
                item.setToolTip(self._done_by_text(step.station))
                self.steps.addItem(item)
            widest = max(
                (self.steps.fontMetrics().horizontalAdvance(t) for t in self.step_texts()),
                default=0,
            )
            self.steps.setMinimumWidth(min(widest + 36, 360))
        self.steps.blockSignals(False)
        self.panels.setVisible(self.state is not None)
        if self.state is None:
            self.heading.setText("")
            self.progress.setText("")
            self.step_title.setText(self.tr("Type a unit to start or resume its hand-over."))
            self._enable()
            return
        row = self.state.handover
        owner = row.person_name or self.tr("owner not confirmed")
        batch = batches.batch_unit_of(self.desk, row.unit_id)
        parts = [row.unit_code, owner]
        if batch is not None:
            parts.append(batches.get_batch(self.desk, batch.batch_id).name)
        if row.closed_at:
            parts.append(self.tr("closed: %1").replace("%1", row.outcome or ""))
        self.heading.setText(" · ".join(parts))
        finished, total = self.state.progress
        self.progress.setText(
            self.tr("Progress %1/%2").replace("%1", str(finished)).replace("%2", str(total))
        )
        if current is not None:
            self.show_step(current)

    def _enable(self) -> None:
        station = self.current_step()
        open_ = self.state is not None and self.state.handover.closed_at is None
        pending = (
            open_
            and station is not None
            and self.state is not None
            and (self.state.station(station).state == "pending")
        )
        self.named_actions["complete"].setEnabled(open_ and station is not None)
        self.named_actions["skip"].setEnabled(bool(pending) and station != "archive")
        self.named_actions["reopen"].setEnabled(
            open_ and station is not None and not pending and station != "archive"
        )
        for spec in PRINT_ACTIONS:
            self.named_actions[spec.name].setEnabled(self.state is not None)

    def _after_write(self, state: HandoverState, *, go_on: bool) -> None:
        self.state = state
        self._show_state()
        if go_on:
            self.show_step(state.current or "archive")

    # ---- writes -------------------------------------------------------------------

    def complete_step(self) -> None:
        """完成: save the current step through its service."""
        station = self.current_step()
        if self.state is None or station is None:
            return
        panel = self.panel_of[station]
        done = perform(self, self.hub, panel.write)
        if done is None:
            return
        self.say("")
        fresh = handover.state(self.desk, self.state.handover.id)
        self._after_write(fresh, go_on=True)
        if fresh.handover.closed_at:
            self.say(
                self.tr("%1 closed: %2.")
                .replace("%1", fresh.handover.unit_code)
                .replace("%2", fresh.handover.outcome or "")
            )
            self._offer_the_sheet(fresh)

    def _offer_the_sheet(self, closed: HandoverState) -> None:
        """Closed with defects: the acceptance sheet listing them, for the owner to sign."""
        found = defects.defects_of_handover(self.desk, closed.handover.id)
        if not found:
            return
        question = (
            self.tr("%1 was closed with %2 defect(s). Print the acceptance sheet for signing?")
            .replace("%1", closed.handover.unit_code)
            .replace("%2", str(len(found)))
        )
        if messages.confirm(self, question):
            self.print_inspection_sheet()

    def skip_step(self) -> None:
        """跳过, with the reason asked."""
        station = self.current_step()
        if self.state is None or station is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Skip a step"), self.tr("Why is this step skipped?")
        )
        if not ok:
            return
        handover_id = self.state.handover.id
        done = perform(
            self, self.hub, lambda: handover.skip_station(self.desk, handover_id, station, reason)
        )
        if done is not None:
            self._after_write(done.value, go_on=True)

    def reopen_step(self) -> None:
        station = self.current_step()
        if self.state is None or station is None:
            return
        handover_id = self.state.handover.id
        done = perform(
            self, self.hub, lambda: handover.reopen_station(self.desk, handover_id, station)
        )
        if done is not None:
            self._after_write(done.value, go_on=False)

    # ---- printing -------------------------------------------------------------------

    def print_inspection_sheet(self) -> None:
        """打印验收单 (Ctrl+P): the 房屋交接验收单 of the open unit's hand-over."""
        self._print(printing.print_inspection_sheet)

    def print_routing_slip(self) -> None:
        """打印程序表: the 入住程序表 as it stands, each station with its clerk."""
        self._print(printing.print_routing_slip)

    def print_defect_list(self) -> None:
        """打印遗留问题: the unit's 遗留问题整改记录, for the owner."""
        self._print(printing.print_defect_list)

    def _print(self, form: printing.UnitPrint) -> None:
        """The form printed (archived, a second print stamped 补打) and shown for printing."""
        if self.state is None:
            return
        from desk_app.ui.widgets import pdf_preview  # QtPdf loads on the first preview

        unit_id = self.state.handover.unit_id
        done = perform(self, self.hub, lambda: form(self.desk, unit_id))
        if done is None:
            return
        pdf_preview.show_pdf(done.value.pdf, done.value.title, self)

    def take_payment(self, unit_id: int) -> None:
        """去收款: the ledger's payment page on the unit; back here the fees show paid."""
        window = self.window()
        show = getattr(window, "show_feature", None)
        if show is None:
            return
        show("ledger").take_payment(unit_id)

    # ---- messages and staying current ---------------------------------------------

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a40000;" if error else "")

    def show_desk_error(self, error: DeskError) -> None:
        """The refusal said above the steps, the cursor put in the field it is about."""
        self.say(error_text(error), error=True)
        station = self.current_step()
        panel = self.panel_of.get(station) if station is not None else None
        field = panel.widget_for(error.field) if panel is not None else None
        if panel is not None and field is not None and field.isVisibleTo(panel):
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self) -> str:
        return self.message.text()

    def refresh(self) -> None:
        if self.state is not None:
            self.state = handover.state(self.desk, self.state.handover.id)
        self._show_state()

    def _hub_changed(self, event: ChangeEvent) -> None:
        if event.started_by(self):
            return
        if self.state is not None and event.touches(*WATCHED):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.state is not None:
            self.refresh()
