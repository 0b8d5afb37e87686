"""One callback (回访): the clerk dials the caller (the number is shown in full for that),
then records whether the caller was reached and, if so, the result (满意 / 基本满意 /
不满意, keys 1/2/3) and comment. 不满意 needs the follow-up: 重新处理（返修） or 上报主管.
After ``callbacks.max_attempts`` failed attempts the callback may be closed as
unreachable.

    outcome = run_callback_dialog(desk, hub, callback_id, parent)   # None if cancelled
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desk_app.core.clock import display, from_text
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.services.repairs import callbacks
from desk_app.services.repairs.callbacks import CallbackOutcome
from desk_app.ui.events import EventHub
from desk_app.ui.labels import left_text
from desk_app.ui.operations import attempt, perform
from desk_app.ui.widgets.controls import KeyChoice
from desk_app.ui.widgets.forms import FormDialog, NoteEdit


def attempt_lines(rows: list[callbacks.AttemptRow]) -> str:
    lines = []
    for row in rows:
        what = row.result or ("已接通" if row.reached else "未接通")
        comment = f"：{row.comment}" if row.comment and row.comment != what else ""
        lines.append(f"{display(row.at)}  {row.operator_name or ''}  {what}{comment}")
    return "\n".join(lines)


class CallbackDialog(FormDialog):
    def __init__(
        self, desk: Desk, hub: EventHub, callback_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.row = callbacks.get(desk, callback_id)
        self.attempt_rows = callbacks.attempts(desk, callback_id)
        self.max_attempts = callbacks.max_attempts(desk)
        self.outcome: CallbackOutcome | None = None
        row = self.row
        self.setObjectName("callback_dialog")
        self.setWindowTitle(self.tr("Callback {number}").format(number=row.subject_no))
        self.resize(520, 0)

        def value(text: str, name: str, wrap: bool = False) -> QLabel:
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setWordWrap(wrap)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        self.number_label = value(f"{row.subject_no}（{row.subject_kind}）", "callback_number")
        self.location_label = value(row.location, "callback_location")
        self.contact_label = value(row.contact_name, "callback_contact")
        self.phone_label = value(row.phone, "callback_phone")  # in full: the clerk dials it
        font = self.phone_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.phone_label.setFont(font)
        self.content_label = value(row.content, "callback_content", wrap=True)
        now = desk.clock.now()
        left = left_text(int((from_text(row.due_at) - now).total_seconds()))
        self.due_label = value(f"{display(row.due_at)}（{left}）", "callback_due")
        earlier = attempt_lines(self.attempt_rows) or self.tr("none yet")
        self.attempts_label = value(earlier, "callback_attempts", wrap=True)
        for text, widget in (
            (self.tr("No.:"), self.number_label),
            (self.tr("Unit / place:"), self.location_label),
            (self.tr("Contact:"), self.contact_label),
            (self.tr("Phone:"), self.phone_label),
            (self.tr("Matter:"), self.content_label),
            (self.tr("Call back by:"), self.due_label),
            (self.tr("Earlier attempts:"), self.attempts_label),
        ):
            self.form.addRow(text, widget)

        self.reached_radio = QRadioButton(self.tr("&Reached"), self)
        self.reached_radio.setObjectName("reached_radio")
        self.unreached_radio = QRadioButton(self.tr("&Not reached"), self)
        self.unreached_radio.setObjectName("unreached_radio")
        self.reach_group = QButtonGroup(self)
        self.reach_group.addButton(self.reached_radio)
        self.reach_group.addButton(self.unreached_radio)
        self.reached_radio.setChecked(True)
        reach_row = QWidget(self)
        reach_layout = QHBoxLayout(reach_row)
        reach_layout.setContentsMargins(0, 0, 0, 0)
        reach_layout.addWidget(self.reached_radio)
        reach_layout.addWidget(self.unreached_radio)
        reach_layout.addStretch(1)

        keys = [str(n) for n in range(1, len(callbacks.CALLBACK_RESULTS) + 1)]
        self.result_choice = KeyChoice(
            list(zip(keys, callbacks.CALLBACK_RESULTS, strict=True)), self
        )
        self.result_choice.setObjectName("result_choice")
        self.comment_edit = NoteEdit(self, "comment_edit")
        self.reopen_radio = QRadioButton(callbacks.FOLLOW_UP_LABELS[callbacks.REOPEN], self)
        self.reopen_radio.setObjectName("reopen_radio")
        self.escalate_radio = QRadioButton(callbacks.FOLLOW_UP_LABELS[callbacks.ESCALATE], self)
        self.escalate_radio.setObjectName("escalate_radio")
        self.follow_group = QButtonGroup(self)
        self.follow_group.addButton(self.reopen_radio)
        self.follow_group.addButton(self.escalate_radio)
        follow_row = QWidget(self)
        follow_layout = QHBoxLayout(follow_row)
        follow_layout.setContentsMargins(0, 0, 0, 0)
        follow_layout.addWidget(self.reopen_radio)
        follow_layout.addWidget(self.escalate_radio)
        follow_layout.addStretch(1)

        self.add_row(self.tr("Call:"), reach_row)
        result_label = QLabel(self.tr("Resul&t:"), self)
        result_label.setBuddy(self.result_choice)
        self.form.addRow(result_label, self.result_choice)
        comment_label = QLabel(self.tr("&Comment:"), self)
        comment_label.setBuddy(self.comment_edit)
        self.form.addRow(comment_label, self.comment_edit)
        self.form.addRow(self.tr("If unsatisfied:"), follow_row)

        self.unreachable_button = QPushButton(self.tr("Close as &unreachable"), self)
        self.unreachable_button.setObjectName("unreachable_button")
        self.unreachable_button.setAutoDefault(False)
        self.unreachable_button.setEnabled(row.attempts >= self.max_attempts)
        self.unreachable_button.setToolTip(
            self.tr("Possible after {count} attempts without reaching the caller").format(
                count=self.max_attempts
            )
        )
        self.unreachable_button.clicked.connect(self.close_unreachable)
        self.buttons.addButton(self.unreachable_button, QDialogButtonBox.ButtonRole.ActionRole)

        self.reached_radio.toggled.connect(self._update)
        self.result_choice.changed.connect(lambda _v: self._update())
        self.result_choice.picked.connect(lambda _v: self._after_result())
        self.initial_focus = self.result_choice
        self.finish(
            self.tr("Record"),
            [
                self.reached_radio,
                self.unreached_radio,
                self.result_choice,
                self.comment_edit,
                self.reopen_radio,
                self.escalate_radio,
            ],
        )
        self._update()

    def _update(self, *_args: object) -> None:
        reached = self.reached_radio.isChecked()
        self.result_choice.setEnabled(reached)
        unhappy = reached and self.result_choice.value() == "不满意"
        self.reopen_radio.setEnabled(unhappy)
        self.escalate_radio.setEnabled(unhappy)

    def _after_result(self) -> None:
        if self.result_choice.value() == "不满意":
            (self.follow_group.checkedButton() or self.reopen_radio).setFocus(
                Qt.FocusReason.TabFocusReason
            )
        else:
            self.comment_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def follow_up(self) -> str:
        if self.reopen_radio.isChecked():
            return callbacks.REOPEN
        if self.escalate_radio.isChecked():
            return callbacks.ESCALATE
        return ""

    def submit(self) -> Done[object]:
        comment = self.comment_edit.toPlainText()
        if self.reached_radio.isChecked():
            done = callbacks.record(
                self.desk,
                self.row.id,
                reached=True,
                result=self.result_choice.value() or None,
                comment=comment,
                follow_up=self.follow_up(),
            )
        else:
            done = callbacks.record(self.desk, self.row.id, reached=False, comment=comment)
        self.outcome = done.value
        return done

    def close_unreachable(self) -> None:
        self.clear_error()
        done = perform(
            self,
            self.hub,
            lambda: callbacks.close_unreachable(
                self.desk, self.row.id, self.comment_edit.toPlainText()
            ),
        )
        if done is None:
            return
        self.outcome = done.value
        self.written = done
        QDialog.accept(self)

    def error_focus(self, error: DeskError) -> QWidget | None:
        if error.field == "follow_up":
            return self.reopen_radio
        if error.field == "comment":
            return self.comment_edit
        return self.result_choice if self.reached_radio.isChecked() else self.unreached_radio


def run_callback_dialog(
    desk: Desk, hub: EventHub, callback_id: int, parent: QWidget | None = None
) -> CallbackOutcome | None:
    """Open the dialog modally; the outcome of a recorded attempt or result (the dialog
    has told the hub), or None."""
    dialog = attempt(parent, lambda: CallbackDialog(desk, hub, callback_id, parent))
    if dialog is None:
        return None
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        outcome = dialog.outcome
    finally:
        dialog.deleteLater()
    return outcome if accepted else None
