"""The billing sheet on paper (计费表, ``forms/billing_sheet.toml``): one row per charge
sorted by building and room with each building's subtotal, the totals per item, the
total in capitals, and the lines for 制表人 and 财务审核 to sign.

A posted run is archived with its ``billing_runs`` row; a preview printed before posting
is stamped 未入账 so nobody takes it for the posted sheet.
"""

from __future__ import annotations

from itertools import groupby

from desk_app.core.capitals import amount_in_capitals
from desk_app.core.money import format_fen, format_quantity
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.ledger.billing import BillingLine, BillingSheet, price_text
from desk_app.services.operations import Done

SHEET_FORM = "billing_sheet"
RECORD_TABLE = "billing_runs"
PREVIEW_MARK = "未入账"


def _money(fen: int) -> str:
    return format_fen(fen, symbol=False)


def _quantity(centi: int | None) -> str:
    return "" if centi is None else format_quantity(centi)


def _row(line: BillingLine) -> dict[str, str]:
    return {
        "room": line.unit_code,
        "customer": line.customer,
        "item": line.item_name,
        "previous": _quantity(line.previous_centi),
        "current": _quantity(line.current_centi),
        "usage": _quantity(line.quantity_centi),
        "price": price_text(line.price_milli_yuan),
        "amount": _money(line.amount_fen),
        "due_on": line.due_on,
    }


def sheet_rows(sheet: BillingSheet) -> list[dict[str, str]]:
    """The table's rows: each building's rooms in order, then its subtotal."""
    rows: list[dict[str, str]] = []
    for building, lines in groupby(sheet.lines, key=lambda line: line.building):
        mine = list(lines)
        rows.extend(_row(line) for line in mine)
        rows.append(
            {
                "customer": f"{building}栋 小计（{len(mine)} 笔）",
                "amount": _money(sum(line.amount_fen for line in mine)),
            }
        )
    return rows


def sheet_data(desk: Desk, sheet: BillingSheet) -> dict[str, object]:
    """Every key of ``forms/billing_sheet.toml`` for one sheet."""
    values = settings_service.get_all(desk)
    status = f"已入账（第 {sheet.run_id} 号）" if sheet.posted else "未入账（预览）"
    return {
        "estate_name": values["estate.name"],
        "company_name": values["estate.company"],
        "period": sheet.period,
        "due_on": sheet.due_on,
        "items": sheet.item_names,
        "scope": sheet.scope,
        "status": status,
        "printed_at": desk.now_text(),
        "made_by": sheet.made_by,
        "rows": sheet_rows(sheet),
        "item_totals": [
            {"item": total.name, "count": str(total.count), "amount": _money(total.amount_fen)}
            for total in sheet.totals
        ],
        "total_text": f"合计 {sheet.count} 笔，金额 {format_fen(sheet.total_fen)}",
        "total_capitals": amount_in_capitals(sheet.total_fen),
    }


def print_sheet(desk: Desk, sheet: BillingSheet) -> Done[PrintedDocument]:
    """Render and archive the sheet (a posted run under its id; a preview marked 未入账)."""
    return documents.print_form(
        desk,
        SHEET_FORM,
        sheet_data(desk, sheet),
        record_table=RECORD_TABLE if sheet.posted else None,
        record_id=sheet.run_id,
        copy_mark=None if sheet.posted else PREVIEW_MARK,
    )
