"""The month-end reconciliation on paper (月结对账表): rendered from a period's report, and
archived with the period when printed from the desk."""

from __future__ import annotations

from desk_app.core.clock import display
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.ledger import month_close
from desk_app.services.ledger.month_close import MonthReport
from desk_app.services.operations import Done

REPORT_FORM = "month_close_report"
RECORD_TABLE = "period_closes"


def status_text(figures: MonthReport) -> str:
    closed = figures.closed
    if closed is None:
        return "未月结（预览，数字可能还会变化）"
    return f"已月结（{display(closed.created_at)}，批准人：{closed.approved_by_name or ''}）"


def summary_rows(figures: MonthReport) -> list[tuple[str, str]]:
    """The totals as (label, value) pairs, shared by the printout and the screen."""
    return [
        ("本期应收（到期费用，含调整，不含押金）", format_fen(figures.charges_fen)),
        ("　其中：调整", format_fen(figures.adjustments_fen)),
        (f"本期实收（有效收据 {figures.receipt_count} 张）", format_fen(figures.received_fen)),
        (
            f"收缴率（当期应收 {format_fen(figures.collectible_fen)} 中期末前已收 "
            f"{format_fen(figures.collected_fen)}）",
            figures.rate_text,
        ),
        (f"作废收据（{len(figures.voids)} 张）", format_fen(figures.voided_fen)),
        (f"退款（{len(figures.refunds)} 笔）", format_fen(figures.refunds_fen)),
        ("期末押金结存", format_fen(figures.deposits_held_fen)),
        (f"期末欠费（{figures.arrears_units} 户）", format_fen(figures.arrears_fen)),
    ]


def report_data(desk: Desk, period: str, figures: MonthReport | None = None) -> dict[str, object]:
    """Every key of ``forms/month_close_report.toml`` for one period (``figures``: its
    report when already read)."""
    figures = figures or month_close.report(desk, period)
    values = settings_service.get_all(desk)
    ages = [
        {"age": a.label, "units": str(a.units), "amount": format_fen(a.fen)} for a in figures.ages
    ]
    ages.append(
        {
            "age": "合计",
            "units": str(figures.arrears_units),
            "amount": format_fen(figures.arrears_fen),
        }
    )
    return {
        "estate_name": values["estate.name"],
        "company_name": values["estate.company"],
        "period": figures.period,
        "start_on": figures.bounds.start_on,
        "through_on": figures.bounds.through_on,
        "status_text": status_text(figures),
        "printed_at": desk.now_text(),
        "summary": [{"label": label, "amount": value} for label, value in summary_rows(figures)],
        "items": [
            {
                "item": i.item_name,
                "charged": format_fen(i.charged_fen),
                "adjusted": format_fen(i.adjusted_fen),
                "due": format_fen(i.due_fen),
                "received": format_fen(i.received_fen),
                "rate": month_close.rate_text(i.rate),
                "arrears": format_fen(i.arrears_fen),
            }
            for i in figures.items
        ],
        "methods": [
            {"method": m.method, "count": str(m.count), "amount": format_fen(m.total_fen)}
            for m in figures.methods
        ],
        "ages": ages,
        "ages_note": month_close.AGES_NOTE,
        "voids": [
            {
                "number": v.number_text,
                "issued": display(v.issued_at)[5:],
                "customer": v.customer,
                "amount": format_fen(v.total_fen),
                "reason": v.reason,
            }
            for v in figures.voids
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
            for r in figures.refunds
        ],
    }


def report_pdf(desk: Desk, period: str, figures: MonthReport | None = None) -> bytes:
    """The report as PDF, not archived (reading only)."""
    from desk_app.printing.render import render_form

    return render_form(REPORT_FORM, report_data(desk, period, figures))


def print_report(
    desk: Desk, period: str, figures: MonthReport | None = None
) -> Done[PrintedDocument]:
    """Render the report and archive it under its period."""
    data = report_data(desk, period, figures)
    return documents.print_form(
        desk, REPORT_FORM, data, record_table=RECORD_TABLE, record_id=data["period"]
    )
