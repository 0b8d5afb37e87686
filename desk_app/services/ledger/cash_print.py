"""The slip that goes to finance with the cash (上缴财务交款单): the money of one handover by
method and by fee item, the totals in figures and in capitals, the receipt numbers, the
receipts voided and the refunds paid, and the two signatures. Archived with the handover;
a second print is stamped 补打."""

from __future__ import annotations

from desk_app.core.capitals import amount_in_capitals
from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.ledger import cash_drawer
from desk_app.services.operations import Done
from desk_app.storage.desk.documents import DocumentInfo

SLIP_FORM = "cash_handover_slip"
RECORD_TABLE = "cash_handovers"


def slip_no(handover_id: int) -> str:
    return f"{handover_id:04d}"


def _capitals(fen: int) -> str:
    if fen < 0:
        return f"负{amount_in_capitals(-fen)}"
    return amount_in_capitals(fen)


def _short(moment: str) -> str:
    """``2026-11-20T08:05:00+08:00`` → ``11-20 08:05``."""
    return display(moment)[5:]


def slip_data(desk: Desk, handover_id: int) -> dict[str, object]:
    """Every key of ``forms/cash_handover_slip.toml`` for one handover."""
    row = cash_drawer.handover(desk, handover_id)
    detail = cash_drawer.handover_detail(desk, row.id)
    values = settings_service.get_all(desk)
    start = detail.since or detail.first_at
    if start:
        span = f"{display(start)} 至 {display(row.created_at)}"
    else:
        span = f"至 {display(row.created_at)}"
    if not detail.previous:
        span += "（首次上缴）"
    return {
        "estate_name": values["estate.name"],
        "company_name": values["estate.company"],
        "slip_no": slip_no(row.id),
        "handed_on": row.handed_on,
        "span_text": span,
        "handed_by": row.created_by_name or "",
        "received_by": row.received_by,
        "receipts_text": detail.numbers_text or "无新开收据",
        "methods": [
            {"method": m.method, "count": str(m.count), "amount": format_fen(m.total_fen)}
            for m in detail.methods
        ],
        "items": [{"item": i.item_name, "amount": format_fen(i.total_fen)} for i in detail.items],
        "total_fen": row.total_fen,
        "cash_in_fen": detail.cash_in_fen,
        "cash_refunds_fen": detail.cash_refunds_fen,
        "cash_fen": row.cash_fen,
        "total_capitals": _capitals(row.total_fen),
        "cash_capitals": _capitals(row.cash_fen),
        "voids": [
            {
                "number": v.number_text,
                "issued": _short(v.issued_at),
                "customer": v.customer,
                "amount": format_fen(v.total_fen),
                "reason": v.reason,
            }
            for v in detail.voids
        ],
        "refunds": [
            {
                "voucher": r.voucher_no,
                "receipt": r.receipt_number_text,
                "payee": r.payee,
                "method": r.method,
                "amount": format_fen(r.amount_fen),
                "reason": r.reason,
            }
            for r in detail.refunds
        ],
        "printed_at": desk.now_text(),
    }


def slip_prints(desk: Desk, handover_id: int) -> list[DocumentInfo]:
    """The archived prints of a handover's slip, oldest first."""
    return documents.prints_of(desk, SLIP_FORM, RECORD_TABLE, handover_id)


def print_slip(desk: Desk, handover_id: int) -> Done[PrintedDocument]:
    """Render and archive the slip; later prints of the same handover carry 补打."""
    return documents.print_marking_reprints(
        desk,
        SLIP_FORM,
        slip_data(desk, handover_id),
        record_table=RECORD_TABLE,
        record_id=handover_id,
    )
