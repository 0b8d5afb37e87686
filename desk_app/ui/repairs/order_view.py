"""The chosen order as its 维修工作单: every field of the paper form, the materials with
labour, material and total amounts, the status history, the callback attempts and the
key sets lent against the order (out or returned)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.masking import mask_phone
from desk_app.core.money import format_fen
from desk_app.services.keys.loans import OrderLoanRow
from desk_app.services.repairs.orders import OrderDetail
from desk_app.ui.labels import moment_text, vocabulary_text
from desk_app.ui.repairs.models import (
    CallbackAttemptsModel,
    OrderEventsModel,
    OrderKeysModel,
    OrderMaterialsModel,
    yes_no_text,
)
from desk_app.ui.widgets.controls import table_view

FIELD_COLUMNS = 2  # label/value pairs side by side
WIDE_FIELDS = ("content", "work_done", "status_reason", "note")


class OrderView(QWidget):
    """Shows one ``repairs.OrderDetail``; ``show_detail(detail)`` or ``clear()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_view")
        self.detail: OrderDetail | None = None

        self.title = QLabel(self)
        self.title.setObjectName("order_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        fields_widget = QWidget(self)
        self.grid = QGridLayout(fields_widget)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(3)
        self.values: dict[str, QLabel] = {}
        row = column = 0
        for name, caption in self._captions().items():
            caption_label = QLabel(caption + ":", fields_widget)
            caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(fields_widget)
            value.setObjectName(f"field_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.values[name] = value
            if name in WIDE_FIELDS:
                if column:
                    row, column = row + 1, 0
                self.grid.addWidget(caption_label, row, 0)
                self.grid.addWidget(value, row, 1, 1, 2 * FIELD_COLUMNS - 1)
                row += 1
                continue
            self.grid.addWidget(caption_label, row, 2 * column)
            self.grid.addWidget(value, row, 2 * column + 1)
            column += 1
            if column == FIELD_COLUMNS:
                row, column = row + 1, 0
        for number in range(FIELD_COLUMNS):
            self.grid.setColumnStretch(2 * number + 1, 1)
        self.grid.setRowStretch(row + 1, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("order_fields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields_widget)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("order_tabs")
        materials_tab = QWidget(self.tabs)
        self.materials_model = OrderMaterialsModel((), self)
        self.materials_view = table_view(materials_tab, self.materials_model, "materials_view")
        self.totals = QLabel(materials_tab)
        self.totals.setObjectName("order_totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        materials_layout = QVBoxLayout(materials_tab)
        materials_layout.addWidget(self.materials_view, 1)
        materials_layout.addWidget(self.totals)
        self.tabs.addTab(materials_tab, self.tr("Materials"))
        self.events_model = OrderEventsModel((), self)
        self.events_view = table_view(self.tabs, self.events_model, "events_view")
        self.tabs.addTab(self.events_view, self.tr("Status history"))
        callback_tab = QWidget(self.tabs)
        self.callback_line = QLabel(callback_tab)
        self.callback_line.setObjectName("callback_line")
        self.callback_line.setWordWrap(True)
        self.attempts_model = CallbackAttemptsModel((), self)
        self.attempts_view = table_view(callback_tab, self.attempts_model, "attempts_view")
        callback_layout = QVBoxLayout(callback_tab)
        callback_layout.addWidget(self.callback_line)
        callback_layout.addWidget(self.attempts_view, 1)
        self.tabs.addTab(callback_tab, self.tr("Callback"))
        keys_tab = QWidget(self.tabs)
        self.keys_line = QLabel(keys_tab)
        self.keys_line.setObjectName("keys_line")
        self.keys_line.setWordWrap(True)
        self.keys_model = OrderKeysModel((), self)
        self.keys_view = table_view(keys_tab, self.keys_model, "order_keys_view")
        keys_layout = QVBoxLayout(keys_tab)
        keys_layout.addWidget(self.keys_line)
        keys_layout.addWidget(self.keys_view, 1)
        self.keys_tab = keys_tab
        self.tabs.addTab(keys_tab, self.tr("Keys"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("order_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.clear()

    def _captions(self) -> dict[str, str]:
        """The fields of 维修工作单, in the order of the paper form."""
        return {
            "order_no": self.tr("Order no."),
            "reported_at": self.tr("Reported"),
            "location": self.tr("Unit / place"),
            "reporter": self.tr("Reported by"),
            "phone": self.tr("Phone"),
            "appointment": self.tr("Appointment"),
            "content": self.tr("Repair request"),
            "urgency": self.tr("Urgency"),
            "status": self.tr("Status"),
            "status_reason": self.tr("Reason"),
            "dispatched_at": self.tr("Dispatched"),
            "technician": self.tr("Technician"),
            "contractor": self.tr("Contractor"),
            "arrived_at": self.tr("Arrived"),
            "completed_at": self.tr("Completed"),
            "closed_at": self.tr("Closed"),
            "work_done": self.tr("Work done / result"),
            "labour": self.tr("Labour"),
            "material": self.tr("Materials"),
            "total": self.tr("Total"),
            "paid": self.tr("Paid service"),
            "signed": self.tr("Owner signed"),
            "callback_at": self.tr("Callback time"),
            "callback_result": self.tr("Callback result"),
            "reception": self.tr("Reception entry"),
            "note": self.tr("Note"),
        }

    # ---- showing ----------------------------------------------------------------------------

    @property
    def order_id(self) -> int | None:
        return self.detail.order.id if self.detail is not None else None

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("No order chosen"))
        for label in self.values.values():
            label.clear()
        self.materials_model.set_rows([])
        self.events_model.set_rows([])
        self.attempts_model.set_rows([])
        self.keys_model.set_rows([])
        self.keys_line.clear()
        self.totals.clear()
        self.callback_line.clear()
        self.tabs.setEnabled(False)

    def show_detail(self, detail: OrderDetail) -> None:
        self.detail = detail
        order = detail.order
        self.tabs.setEnabled(True)
        self.title.setText(
            f"{order.order_no}  ·  {order.location}  ·  {vocabulary_text(order.status)}"
        )
        signed = ""
        if order.owner_signed:
            signed = yes_no_text(True) + (f"（{order.signed_by}）" if order.signed_by else "")
        elif order.completed_at:
            signed = yes_no_text(False)
        completed = order.completed_at is not None
        values = {
            "order_no": order.order_no,
            "reported_at": moment_text(order.reported_at),
            "location": order.location,
            "reporter": order.reporter,
            "phone": mask_phone(order.phone),  # in full only on the work order and the callback
            "appointment": order.appointment,
            "content": order.content,
            "urgency": vocabulary_text(order.urgency),
            "status": vocabulary_text(order.status),
            "status_reason": order.status_reason,
            "dispatched_at": moment_text(order.dispatched_at),
            "technician": (
                f"{order.technician_name}（{vocabulary_text(order.technician_kind or '')}）"
                if order.technician_name
                else ""
            ),
            "contractor": order.contractor,
            "arrived_at": moment_text(order.arrived_at),
            "completed_at": moment_text(order.completed_at),
            "closed_at": moment_text(order.closed_at),
            "work_done": order.work_done,
            "labour": format_fen(order.labour_fen) if completed else "",
            "material": format_fen(order.material_fen) if completed else "",
            "total": format_fen(order.total_fen) if completed else "",
            "paid": yes_no_text(order.paid) if completed else "",
            "signed": signed,
            "callback_at": moment_text(order.callback_at),
            "callback_result": vocabulary_text(order.callback_result or ""),
            "reception": order.reception_no or "",
            "note": order.note,
        }
        for name, label in self.values.items():
            label.setText(values.get(name) or "")
        self.materials_model.set_rows(detail.materials)
        self.totals.setText(
            self.tr("Labour {labour}   Materials {material}   Total {total}").format(
                labour=format_fen(order.labour_fen),
                material=format_fen(order.material_fen),
                total=format_fen(order.total_fen),
            )
        )
        self.events_model.set_rows(detail.events)
        self.events_view.scrollToBottom()
        self.attempts_model.set_rows(detail.attempts)
        callback = detail.callback
        if callback is None:
            self.callback_line.setText(
                self.tr("No callback yet: it starts when the order is completed.")
            )
        elif callback.status == "due":
            self.callback_line.setText(
                self.tr("Callback due by {due}; {count} attempts so far.").format(
                    due=moment_text(callback.due_at), count=callback.attempts
                )
            )
        else:
            self.callback_line.setText(
                self.tr("Called back {at} by {name}: {result} {comment}").format(
                    at=moment_text(callback.done_at),
                    name=callback.done_by_name or "",
                    result=vocabulary_text(callback.result)
                    if callback.result
                    else self.tr("not reached"),
                    comment=callback.comment,
                )
            )

    def show_keys(self, rows: list[OrderLoanRow]) -> None:
        """The key sets lent against the shown order, oldest first."""
        self.keys_model.set_rows(rows)
        out = sum(1 for r in rows if r.out)
        if not rows:
            self.keys_line.setText(self.tr("No keys lent against this order."))
        elif out:
            self.keys_line.setText(
                self.tr("{out} of {count} key sets lent against this order are still out.").format(
                    out=out, count=len(rows)
                )
            )
        else:
            self.keys_line.setText(
                self.tr("All {count} key sets lent against this order are back.").format(
                    count=len(rows)
                )
            )
        index = self.tabs.indexOf(self.keys_tab)
        self.tabs.setTabText(
            index, self.tr("Keys ({count})").format(count=len(rows)) if rows else self.tr("Keys")
        )

    def text(self, name: str) -> str:
        """The shown value of a field (tests, the page's status line)."""
        return self.values[name].text()
