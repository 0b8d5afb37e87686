"""The household archive (一户一档): its facts, and lending the paper file
(文件借阅登记) with the service-centre manager's approval; the list of open loans."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.errors import DeskError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.directory import archive
from desk_app.services.directory.archive import ArchiveFacts
from desk_app.services.operations import Done
from desk_app.services.shifts.approvals import Approval
from desk_app.ui import messages
from desk_app.ui.directory.models import LoansModel
from desk_app.ui.directory.people_dialogs import choice_combo, combo_text, date_edit
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.labels import DirectoryText
from desk_app.ui.operations import perform
from desk_app.ui.widgets.approval import SupervisorApprovalDialog, request_approval
from desk_app.ui.widgets.forms import FormDialog, NoteEdit, line_edit

DATE_FACTS = (
    "purchase_date",
    "receive_date",
    "movein_date",
    "contract_signed_on",
    "checkin_done_on",
)
# Suggestions only; any other wording may be typed (the desk's own words).
PROPERTY_NATURES = ("", "商品房", "房改房", "经济适用房", "安置房", "公租房", "其他")
RENTAL_STATUSES = ("", "自住", "出租", "部分出租", "空置")
TITLE_STATES = ("", "已办理", "办理中", "未办理")
LOAN_DAYS = 7


class ArchiveFactsDialog(FormDialog):
    """购房日期, 收楼日期, 入住日期, 产权性质, 承租情况, 产权证办理, 租赁记录, 备注 …"""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub,
        unit_id: int,
        facts: ArchiveFacts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.setObjectName("archive_facts_dialog")
        self.setWindowTitle(self.tr("Household archive"))
        self.dates = {}
        for name in DATE_FACTS:
            self.dates[name] = self.add_row(
                DirectoryText.fact(name) + ":", date_edit(self, name, getattr(facts, name) or "")
            )
        self.property_nature = choice_combo(self, "property_nature", PROPERTY_NATURES, True)
        self.rental_status = choice_combo(self, "rental_status", RENTAL_STATUSES, True)
        self.title_certificate = choice_combo(self, "title_certificate", TITLE_STATES, True)
        for name in ("property_nature", "rental_status", "title_certificate"):
            combo = getattr(self, name)
            combo.setCurrentText(getattr(facts, name) or "")
            self.add_row(DirectoryText.fact(name) + ":", combo)
        self.lease_record = NoteEdit(self, "lease_record")
        self.lease_record.setPlainText(facts.lease_record or "")
        self.add_row(DirectoryText.fact("lease_record") + ":", self.lease_record)
        self.note = NoteEdit(self, "archive_note")
        self.note.setPlainText(facts.note or "")
        self.add_row(DirectoryText.fact("note") + ":", self.note)
        self.finish(
            self.tr("Save"),
            [
                *self.dates.values(),
                self.property_nature,
                self.rental_status,
                self.title_certificate,
                self.lease_record,
                self.note,
            ],
        )
        self.setMinimumWidth(480)

    def facts(self) -> ArchiveFacts:
        values: dict[str, Any] = {
            name: edit.text().strip() or None for name, edit in self.dates.items()
        }
        for name in ("property_nature", "rental_status", "title_certificate"):
            values[name] = combo_text(getattr(self, name)) or None
        values["lease_record"] = self.lease_record.toPlainText().strip() or None
        values["note"] = self.note.toPlainText().strip() or None
        known = {f.name for f in dataclass_fields(ArchiveFacts)}
        return ArchiveFacts(**{k: v for k, v in values.items() if k in known})

    def submit(self) -> Done[object]:
        return archive.save_archive_facts(self.desk, self.unit_id, self.facts())

    def error_focus(self, error: DeskError) -> QWidget | None:
        for name, edit in self.dates.items():
            if DirectoryText.fact(name) in error.message or name == error.field:
                return edit
        labels = {
            "购房日期": "purchase_date",
            "收楼日期": "receive_date",
            "入住日期": "movein_date",
            "购房合同": "contract_signed_on",
            "办理入住": "checkin_done_on",
        }
        for word, name in labels.items():
            if word in error.message:
                return self.dates[name]
        return None


class ManagerApprovalDialog(SupervisorApprovalDialog):
    """The manager (客服中心经理) re-enters their password: archive lending needs it."""

    def __init__(
        self,
        desk: Desk,
        hub: EventHub | None,
        action_label: str,
        parent: QWidget | None = None,
        *,
        action: str,
    ) -> None:
        super().__init__(desk, hub, action_label, parent, action=action, min_role="manager")
        self.setObjectName("manager_approval_dialog")
        self.setWindowTitle(self.tr("Manager approval"))
        if self.intro_label is not None:
            self.intro_label.setText(
                self.tr(
                    "“{action}” needs the service centre manager's approval. The manager "
                    "enters their user name and password."
                ).format(action=action_label)
            )
        label = self.form.labelForField(self.username)
        if isinstance(label, QLabel):
            label.setText(self.tr("&Manager:"))


def request_manager_approval(
    desk: Desk, hub: EventHub | None, action: str, action_label: str, parent: QWidget | None = None
) -> Approval | None:
    """Ask for the manager's approval; the ``Approval`` to write with the act, or None."""
    return request_approval(
        desk, hub, action, action_label, parent, dialog_class=ManagerApprovalDialog
    )


class LendArchiveDialog(FormDialog):
    """Lend the paper archive of a unit: borrower, purpose, due date; the manager approves
    before anything is written."""

    def __init__(
        self, desk: Desk, hub: EventHub, unit_id: int, unit_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.unit_id = unit_id
        self.unit_code = unit_code
        self.loan_id: int | None = None
        self.approval: Approval | None = None
        self.setObjectName("lend_archive_dialog")
        self.setWindowTitle(self.tr("Lend the archive of {unit}").format(unit=unit_code))
        self.add_intro(
            self.tr("The paper archive leaves the desk only with the manager's approval.")
        )
        self.borrower = self.add_row(self.tr("&Borrower:"), line_edit(self, "borrower", "", 40))
        self.purpose = self.add_row(self.tr("&Purpose:"), line_edit(self, "purpose"))
        due = (desk.clock.now().date() + timedelta(days=LOAN_DAYS)).isoformat()
        self.due = self.add_row(self.tr("&Due back:"), date_edit(self, "due_at", due))
        self.finish(self.tr("Lend…"), [self.borrower, self.purpose, self.due])
        self.setMinimumWidth(440)

    def _check(self) -> None:
        if not self.borrower.text().strip():
            raise ValidationError(self.tr("Enter the borrower."), field="borrower")
        if not self.purpose.text().strip():
            raise ValidationError(self.tr("Enter the purpose."), field="purpose")
        due = self.due.text().strip()
        if due:
            try:
                date.fromisoformat(due)
            except ValueError:
                raise ValidationError(
                    self.tr("The due date must be a date like 2026-12-01."), field="due_at"
                ) from None

    def accept(self) -> None:
        self.clear_error()
        try:
            self._check()
        except DeskError as error:
            self.show_error(error_text(error), self.error_focus(error))
            return
        if self.approval is None:
            self.approval = request_manager_approval(
                self.desk,
                self.hub,
                "archive_lend",
                self.tr("Lend the archive of {unit}").format(unit=self.unit_code),
                self,
            )
        if self.approval is None:
            self.show_error(self.tr("Not lent: the manager did not approve."))
            return
        super().accept()

    def submit(self) -> Done[object]:
        assert self.approval is not None
        done = archive.lend_archive(
            self.desk,
            self.unit_id,
            borrower=self.borrower.text(),
            purpose=self.purpose.text(),
            approval=self.approval,
            due_at=self.due.text().strip() or None,
        )
        self.loan_id = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return {"borrower": self.borrower, "purpose": self.purpose, "due_at": self.due}.get(
            error.field or "", self.borrower
        )


def loans_view(parent: QWidget, model: LoansModel, object_name: str) -> QTableView:
    from desk_app.ui.widgets.controls import table_view

    return table_view(parent, model, object_name)


class OpenLoansDialog(QDialog):
    """Archives out on loan, oldest first; record a return."""

    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.returned: list[int] = []
        self.setObjectName("open_loans_dialog")
        self.setWindowTitle(self.tr("Archives on loan"))
        self.model = LoansModel(archive.open_loans(desk), self)
        self.view = loans_view(self, self.model, "open_loans_view")
        self.empty_label = QLabel(self.tr("No archive is out on loan."), self)
        self.empty_label.setObjectName("no_loans")
        self.return_button = QPushButton(self.tr("Record &return"), self)
        self.return_button.setObjectName("return_loan")
        self.return_button.setAutoDefault(False)
        self.return_button.clicked.connect(self.record_return)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(self.return_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addLayout(body)
        layout.addWidget(close)
        self.resize(820, 380)
        self._after_reload()

    def _after_reload(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.view.selectRow(0)
        self.return_button.setEnabled(self.model.rowCount() > 0)

    def record_return(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        loan = self.model.row_at(index.row())
        if not messages.confirm(
            self,
            self.tr("Has the archive of {unit} come back from {borrower}?").format(
                unit=loan.unit_code, borrower=loan.borrower
            ),
        ):
            return
        if perform(self, self.hub, lambda: archive.return_archive(self.desk, loan.id)) is None:
            return
        self.returned.append(loan.id)
        self.model.set_rows(archive.open_loans(self.desk))
        self._after_reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the list must not close the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
