"""The repair forms on paper: 维修工作单 (one order, taken on site by the technician) and
维修派工表 (the day's open orders per technician), rendered and archived as PDF.

The work order prints the caller's phone in full, since the technician has to call the
owner — the setting ``repairs.work_order_full_phone`` (工作单显示完整电话, on by default);
switched off, it is masked like on every other print.
Until the order is completed the lower half is left blank for hand-writing; a completed
order prints what was recorded (materials, labour, 有偿/无偿) and, once called back, the
callback. Every print is archived with the order; a second print is stamped 补打.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desk_app.core.clock import CHINA_TZ, from_text, to_text
from desk_app.core.masking import mask_phone
from desk_app.core.money import format_fen, format_quantity
from desk_app.core.vocabularies import CALLBACK_RESULTS
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.operations import Done
from desk_app.services.repairs import orders as repairs
from desk_app.storage.desk.documents import DocumentInfo

WORK_ORDER_FORM = "repair_work_order"
DISPATCH_SHEET_FORM = "repair_dispatch_sheet"
RECORD_TABLE = "repair_orders"
NOT_DISPATCHED = "未派工"


def _money(fen: int) -> str:
    """``3500`` → ``35.00`` (yuan, no symbol) for the form's money cells."""
    return format_fen(fen, symbol=False)


def boxes(options: tuple[str, ...] | list[str], chosen: str | None) -> str:
    """``□满意　■基本满意　□不满意``: the chosen option ticked, the others empty."""
    return "　".join(("■" if option == chosen else "□") + option for option in options)


def _estate_names(desk: Desk) -> tuple[str, str]:
    values = settings_service.get_all(desk)
    return values["estate.name"], values["estate.company"]


def work_order_data(desk: Desk, order_id: int) -> dict[str, object]:
    """Every key of ``forms/repair_work_order.toml`` for one order (the phone in full
    unless ``repairs.work_order_full_phone`` is off)."""
    detail = repairs.order_detail(desk, order_id)
    order = detail.order
    estate_name, company_name = _estate_names(desk)
    completed = order.completed_at is not None
    materials = []
    if completed:
        for item in detail.materials:
            quantity = format_quantity(item.quantity_centi) + item.unit
            materials.append(
                {
                    "name": item.name,
                    "quantity": quantity,
                    "unit_price": _money(item.price_fen),
                    "amount": _money(item.amount_fen),
                }
            )
    # The callback belongs to this round of work only (a 返修 clears completed_at).
    called_back = completed and order.callback_at is not None
    callback_result = order.callback_result if called_back else None
    notes = [order.note]
    if order.contractor:
        notes.append(f"外单位：{order.contractor}")
    if order.status in ("暂停", "已取消") and order.status_reason:
        notes.append(f"{order.status}：{order.status_reason}")
    if called_back and order.callback_status == "unreachable":
        notes.append("回访：多次联系未果")
    if completed and order.owner_signed and order.signed_by:
        notes.append(f"业主已签字确认（{order.signed_by}）")
    return {
        "estate_name": estate_name,
        "company_name": company_name,
        "order_no": order.order_no,
        "location": order.location,
        "reporter": order.reporter,
        "phone": (
            order.phone
            if settings_service.get(desk, "repairs.work_order_full_phone")
            else mask_phone(order.phone)
        ),
        "content": order.content,
        "appointment": order.appointment,
        "urgency": order.urgency,
        "technician": order.technician_name or "",
        "work_done": order.work_done if completed else "",
        "callback_by": (order.callback_by or "") if called_back else "",
        "note": "；".join(n for n in notes if n),
        "reported_at": order.reported_at,
        "dispatched_at": order.dispatched_at or "",
        "arrived_at": order.arrived_at or "",
        "completed_at": order.completed_at or "",
        "callback_at": (order.callback_at or "") if called_back else "",
        "printed_at": desk.now_text(),
        "labour": _money(order.labour_fen) if completed else "",
        "material_total": _money(order.material_fen) if completed else "",
        "total": _money(order.total_fen) if completed else "",
        "materials": materials,
        "paid_boxes": boxes(
            ("有偿", "无偿"), ("有偿" if order.paid else "无偿") if completed else None
        ),
        "callback_boxes": boxes(CALLBACK_RESULTS, callback_result),
    }


def work_order_prints(desk: Desk, order_id: int) -> list[DocumentInfo]:
    """The archived prints of an order's work order, oldest first."""
    return documents.prints_of(desk, WORK_ORDER_FORM, RECORD_TABLE, order_id)


def print_work_order(desk: Desk, order_id: int) -> Done[PrintedDocument]:
    """Render and archive the work order; later prints of the same order carry 补打."""
    return documents.print_marking_reprints(
        desk,
        WORK_ORDER_FORM,
        work_order_data(desk, order_id),
        record_table=RECORD_TABLE,
        record_id=order_id,
    )


def _short_time(text: str) -> str:
    """``2026-11-20T08:05:00+08:00`` → ``11-20 08:05``."""
    return from_text(text).strftime("%m-%d %H:%M")


def dispatch_sheet_data(desk: Desk, day: date | None = None) -> dict[str, object]:
    """The open orders (held and referred ones included) reported up to the end of ``day``
    (default today), one technician's orders together, unassigned ones last."""
    day = day or desk.clock.now().date()
    day_end = to_text(datetime.combine(day + timedelta(days=1), time(0), tzinfo=CHINA_TZ))
    orders = [o for o in repairs.dispatch_rows(desk) if o.reported_at < day_end]
    estate_name, company_name = _estate_names(desk)
    rows = [
        {
            "technician": order.technician_name or NOT_DISPATCHED,
            "order_no": order.order_no,
            "reported_at": _short_time(order.reported_at),
            "location": order.location,
            "content": order.content,
            "urgency": order.urgency,
            "appointment": order.appointment,
            "status": order.status,
            "sign": "",
        }
        for order in orders
    ]
    waiting = sum(1 for order in orders if order.technician_name is None)
    return {
        "estate_name": estate_name,
        "company_name": company_name,
        "day": day.isoformat(),
        "printed_at": desk.now_text(),
        "total_text": f"共 {len(rows)} 单，{NOT_DISPATCHED} {waiting} 单",
        "rows": rows,
    }


def print_dispatch_sheet(desk: Desk, day: date | None = None) -> Done[PrintedDocument]:
    """Render and archive the dispatch sheet, filed under its day (``2026-11-20``)."""
    data = dispatch_sheet_data(desk, day)
    return documents.print_form(
        desk,
        DISPATCH_SHEET_FORM,
        data,
        record_table=RECORD_TABLE,
        record_id=data["day"],
    )
