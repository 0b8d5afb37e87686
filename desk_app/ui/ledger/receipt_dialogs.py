"""What can happen to a receipt after it was issued: 作废 (a reason and a supervisor's
approval), 换开发票 (the invoice number) and 退费 (a deposit or unused credit paid back,
approved, with a 现金付出单 for the payee to sign). Each dialog calls its service on OK;
a refusal stays in the dialog, in Chinese, with the cursor in the field at fault."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desk_app.core import vocabularies
from desk_app.core.errors import DeskError, ValidationError
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import locations
from desk_app.services.ledger import invoices, receipts, refunds
from desk_app.services.ledger.receipts import ReceiptRow
from desk_app.services.operations import Done
from desk_app.ui.events import EventHub
from desk_app.ui.widgets.approval import approved
from desk_app.ui.widgets.forms import FormDialog, line_edit


def _receipt_text(receipt: ReceiptRow) -> str:
    return f"№{receipt.number_text}　{receipt.customer}　{format_fen(receipt.total_fen)}"


class VoidReceiptDialog(FormDialog):
    """作废: the number stays, shown as void; what it paid is owed again."""

    def __init__(
        self, desk: Desk, hub: EventHub, receipt: ReceiptRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.receipt = receipt
        self.setObjectName("void_receipt_dialog")
        self.setWindowTitle(self.tr("Void receipt"))
        self.add_intro(
            self.tr(
                "Void receipt {receipt}. The number stays, marked void; what it paid is "
                "owed again. A supervisor approves."
            ).format(receipt=_receipt_text(receipt))
        )
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "void_reason"))
        self.finish(self.tr("Void…"), [self.reason])
        self.setMinimumWidth(480)

    def submit(self) -> Done[object]:
        if not self.reason.text().strip():
            raise ValidationError("请填写作废原因。", field="reason")
        label = f"作废收据 №{self.receipt.number_text}"
        approval = approved(self.desk, self.hub, "receipt_void", label, self.reason.text(), self)
        done = receipts.void_receipt(self.desk, self.receipt.id, self.reason.text(), approval)
        self.receipt = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.reason


class InvoiceExchangeDialog(FormDialog):
    """换开发票: the receipt is taken back and the invoice's number recorded."""

    def __init__(
        self, desk: Desk, hub: EventHub, receipt: ReceiptRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.receipt = receipt
        self.setObjectName("invoice_dialog")
        self.setWindowTitle(self.tr("Exchange for an invoice"))
        self.add_intro(
            self.tr(
                "The owner takes an invoice for receipt {receipt}; the receipt is taken "
                "back and goes to finance with the invoice's accounting copy."
            ).format(receipt=_receipt_text(receipt))
        )
        self.invoice_no = self.add_row(
            self.tr("&Invoice number:"), line_edit(self, "invoice_no", max_length=30)
        )
        self.finish(self.tr("Record"), [self.invoice_no])
        self.setMinimumWidth(460)

    def submit(self) -> Done[object]:
        done = invoices.exchange_for_invoice(self.desk, self.receipt.id, self.invoice_no.text())
        self.receipt = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return self.invoice_no


class RefundDialog(FormDialog):
    """退费: a deposit this receipt took, or the credit it brought in that is still
    unused; the original receipt is taken back, a supervisor approves, and the 现金付出单
    is printed for the payee to sign. ``refund`` holds the refund once done."""

    def __init__(
        self, desk: Desk, hub: EventHub, receipt: ReceiptRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, hub=hub)
        self.desk = desk
        self.receipt = receipt
        self.refund: refunds.RefundRow | None = None
        self.setObjectName("refund_dialog")
        self.setWindowTitle(self.tr("Refund"))
        self.add_intro(
            self.tr(
                "Refund against receipt {receipt}. The original receipt is taken back; "
                "a supervisor approves; the cash-payment voucher is printed for the payee "
                "to sign."
            ).format(receipt=_receipt_text(receipt))
        )
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("refund_kind")
        for deposit in refunds.deposits_of_receipt(desk, receipt.id):
            left = refunds.refundable(desk, receipt.id, deposit.charge_id)
            if left > 0:
                text = self.tr("{deposit} ({left} refundable)").format(
                    deposit=deposit.description, left=format_fen(left)
                )
                self.kind_combo.addItem(text, (deposit.charge_id, left))
        credit = refunds.refundable(desk, receipt.id, None)
        if credit > 0:
            text = self.tr("Unused credit ({left} refundable)").format(left=format_fen(credit))
            self.kind_combo.addItem(text, (None, credit))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.kind = self.add_row(self.tr("&What:"), self.kind_combo)
        self.amount = self.add_row(
            self.tr("&Amount:"), line_edit(self, "refund_amount", max_length=20)
        )
        self.payee = self.add_row(
            self.tr("&Payee:"), line_edit(self, "refund_payee", max_length=60)
        )
        self.reason = self.add_row(self.tr("&Reason:"), line_edit(self, "refund_reason"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("refund_method")
        for method in vocabularies.PAYMENT_METHODS:
            self.method_combo.addItem(method, method)
        self.method = self.add_row(self.tr("Paid &by:"), self.method_combo)
        contact = locations.contact_for_unit(desk, receipt.unit_id) if receipt.unit_id else None
        self.payee.setText(contact.name if contact else receipt.customer)
        self.finish(
            self.tr("Refund…"),
            [self.kind_combo, self.amount, self.payee, self.reason, self.method_combo],
        )
        self.initial_focus = self.amount if self.kind_combo.count() == 1 else self.kind_combo
        self._kind_changed()
        self.setMinimumWidth(520)

    def _kind_changed(self, *_args: object) -> None:
        data = self.kind_combo.currentData()
        self.amount.setText(format_fen(data[1], symbol=False, grouping=False) if data else "")

    def submit(self) -> Done[object]:
        data = self.kind_combo.currentData()
        if data is None:
            raise ValidationError("该收据没有可退的押金或预收款。", field="charge")
        if not self.reason.text().strip():
            raise ValidationError("请填写退费原因。", field="reason")
        label = f"退费（收据 №{self.receipt.number_text}）"
        approval = approved(self.desk, self.hub, "refund", label, self.reason.text(), self)
        done = refunds.refund(
            self.desk,
            self.receipt.id,
            amount=self.amount.text(),
            reason=self.reason.text(),
            approval=approval,
            payee=self.payee.text(),
            charge_id=data[0],
            method=self.method_combo.currentData(),
        )
        self.refund = done.value
        return done

    def error_focus(self, error: DeskError) -> QWidget | None:
        return {
            "charge": self.kind_combo,
            "amount": self.amount,
            "payee": self.payee,
            "method": self.method_combo,
        }.get(error.field or "", self.reason)
