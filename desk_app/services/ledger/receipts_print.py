"""The money forms on paper: 收款收据 (every copy of one receipt in one PDF) and 现金付出单
(a refund's cash-payment voucher for the payee to sign), rendered and archived as PDF.

A receipt prints one sheet per copy named in the setting ``receipt.copies`` (存根联 /
收据联 / 记账联 by default), all in one PDF rendered in one pass. The first print is the
original; any later print is stamped 补打 and audited as ``receipt_reprinted`` in the same
transaction that archives it. A void receipt prints with the framed 作废 over its lines.

Lines: the form has five rows. A receipt of up to five lines prints them as they are. With
more, the lines of one fee item are merged into one (``物业服务费（2026年8月—10月）``, the
amounts added up, ``数量`` written as ``128.8×3`` when every month was charged alike), so
a payment of many months of a few items still fits one sheet. Should more than five items
remain, the receipt continues on further sheets of the same copy, with the same number,
``第 1 页/共 2 页`` in 备注 and the receipt's total on each sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desk_app.core.money import format_quantity, split_digit_boxes
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.directory import locations
from desk_app.services.ledger import receipts, refunds
from desk_app.services.operations import Done
from desk_app.storage.desk.documents import DocumentInfo
from desk_app.storage.directory import units as units_store
from desk_app.storage.ledger import receipts_list as receipts_store
from desk_app.storage.ledger.receipts import ReceiptRow
from desk_app.storage.ledger.receipts_list import PrintLineRow
from desk_app.storage.shifts import operators as operators_store

RECEIPT_FORM = "receipt"
SHORT_FORM = "receipt_short"  # 今收到 …… 人民币 …… 附注 ……: archived as a receipt all the same
VOUCHER_FORM = "cash_payment_voucher"
RECEIPT_TITLE = "收款收据"
VOUCHER_TITLE = "现金付出单"
RECEIPTS_TABLE = "receipts"
REFUNDS_TABLE = "refunds"
REPRINT_MARK = documents.REPRINT_MARK
VOID_MARK = "作废"
CREDIT_ITEM = "预收款"
LINES_PER_SHEET = 5
DIGIT_BOXES = 8  # 十万 … 分, as forms/receipt.toml
LINE_LIMIT_FEN = 10**DIGIT_BOXES - 1
"""The most one printed line can say (¥999,999.99): payments are refused beyond it."""
FALLBACK_COPIES = ("收据联",)
AREA_UNIT = "平方米·月"
# ㎡ is outside the printing font (GB 2312); the form writes the word.
_UNIT_WORDS = str.maketrans({"㎡": "平方米"})


@dataclass(frozen=True)
class _Line:
    """One printed row before it becomes the template's dict."""

    key: object  # what merges: the fee item, or the line itself
    name: str  # 物业服务费 / 滞纳金 / 预收款 / the charge's own description
    periods: tuple[str, ...]
    text: str  # 项目
    unit: str
    quantity_centi: int | None  # None: 数量 and 单价 left blank
    price_milli: int | None
    amount_fen: int
    count: int = 1  # receipt lines merged into this row


# --- lines ------------------------------------------------------------------------------------


def _month_text(period: str) -> str:
    """``2026-08`` → ``2026年8月``."""
    year, _dash, month = period.partition("-")
    return f"{year}年{int(month)}月" if month.isdigit() else period


def _period_range(periods: Sequence[str]) -> str:
    """``2026年8月—10月``; across a new year ``2026年11月—2027年1月``; one month alone."""
    ordered = sorted(set(periods))
    first, last = ordered[0], ordered[-1]
    if first == last:
        return _month_text(first)
    if first[:4] == last[:4] and last[5:].isdigit():
        return f"{_month_text(first)}—{int(last[5:])}月"
    return f"{_month_text(first)}—{_month_text(last)}"


def _price_text(milli: int) -> str:
    """A rate in thousandths of a yuan: ``1850`` → ``1.85``, ``1855`` → ``1.855``."""
    yuan, part = divmod(milli, 1000)
    text = f"{yuan}.{part:03d}"
    return text[:-1] if text.endswith("0") else text


def _line(row: PrintLineRow) -> _Line:
    if row.charge_id is None:
        return _Line(("line", row.id), CREDIT_ITEM, (), CREDIT_ITEM, "", None, None, row.amount_fen)
    name = row.item_name or row.description
    if row.charge_kind == "late_fee":
        return _Line(row.item_id, name, (), row.description, "", None, None, row.amount_fen)
    unit = (row.item_unit or "").translate(_UNIT_WORDS)
    if row.item_kind == "area" and "平方米" not in unit:
        unit = AREA_UNIT  # the quantity is the floor area, the price per ㎡ and month
    periods = (row.period,) if row.period else ()
    text = f"{name}（{_month_text(row.period)}）" if row.period else row.description
    # 数量 × 单价 only where they make the amount: the whole charge, as it was charged.
    quantity = price = None
    if row.amount_fen == row.charge_amount_fen:
        if row.price_milli_yuan:
            quantity, price = row.quantity_centi, row.price_milli_yuan
        else:  # an amount typed in: one of it
            quantity, price = 100, row.amount_fen * 10
    return _Line(row.item_id, name, periods, text, unit, quantity, price, row.amount_fen)


def _merged(group: list[_Line]) -> _Line:
    first = group[0]
    if len(group) == 1:
        return first
    periods = tuple(p for line in group for p in line.periods)
    if len(periods) == len(group):
        text = f"{first.name}（{_period_range(periods)}）"
    else:
        text = f"{first.name}（{len(group)}笔）"
    alike = all(
        line.quantity_centi is not None
        and (line.quantity_centi, line.price_milli, line.unit)
        == (first.quantity_centi, first.price_milli, first.unit)
        for line in group
    )
    quantity, price = (first.quantity_centi, first.price_milli) if alike else (None, None)
    total = sum(line.amount_fen for line in group)
    return _Line(
        first.key, first.name, periods, text, first.unit, quantity, price, total, len(group)
    )


def printed_lines(rows: Sequence[PrintLineRow]) -> list[dict[str, object]]:
    """The receipt's rows as the template takes them — merged per fee item when there are
    more than five (see the module's docstring) — with the digit boxes filled in."""
    lines = [_line(row) for row in rows]
    if len(lines) > LINES_PER_SHEET:
        groups: dict[object, list[_Line]] = {}
        for line in lines:
            groups.setdefault(line.key, []).append(line)
        lines = [_merged(group) for group in groups.values()]
    printed = []
    for line in lines:
        quantity = price = ""
        if line.quantity_centi is not None and line.price_milli is not None:
            quantity = format_quantity(line.quantity_centi)
            if line.count > 1:
                quantity = f"{quantity}×{line.count}"
            price = _price_text(line.price_milli)
        printed.append(
            {
                "item": line.text,
                "unit": line.unit,
                "quantity": quantity,
                "unit_price": price,
                "amount_fen": line.amount_fen,
                **split_digit_boxes(line.amount_fen, boxes=DIGIT_BOXES),
            }
        )
    return printed


# --- the receipt --------------------------------------------------------------------------------


def _copies(values: Mapping[str, Any]) -> list[str]:
    copies = [str(c).strip() for c in values.get("receipt.copies") or [] if str(c).strip()]
    return copies or list(FALLBACK_COPIES)


def _sheets(
    receipt: ReceiptRow,
    lines: list[dict[str, object]],
    values: Mapping[str, Any],
    copy_name: str,
) -> list[dict[str, object]]:
    """The data of each sheet of one copy (one sheet unless more than five rows remain)."""
    chunks = [lines[i : i + LINES_PER_SHEET] for i in range(0, len(lines), LINES_PER_SHEET)]
    chunks = chunks or [[]]
    base: dict[str, object] = {
        "company_name": values["estate.company"],
        "estate_name": values["estate.name"],
        "title": RECEIPT_TITLE,
        "copy_name": copy_name,
        "receipt_no": receipt.number_text,
        "customer": receipt.customer,
        "date": receipt.issued_at[:10],
        "total_fen": receipt.total_fen,
        "method": receipt.method,
        "drawer": receipt.drawer_name or "",
        "cashier": receipt.drawer_name or "",
        "void_mark": VOID_MARK if receipt.void else "",
    }
    sheets = []
    for number, chunk in enumerate(chunks, start=1):
        note = receipt.note
        if len(chunks) > 1:
            note = f"第 {number} 页/共 {len(chunks)} 页　{note}".strip()
        sheets.append({**base, "lines": chunk, "note": note})
    return sheets


def receipt_sheets(desk: Desk, receipt_id: int, *, copy_name: str) -> list[dict[str, object]]:
    """Every key of ``forms/receipt.toml`` for each sheet of one copy of a receipt."""
    receipt = receipts.receipt(desk, receipt_id)
    lines = printed_lines(receipts_store.print_lines(desk.db, receipt_id))
    return _sheets(receipt, lines, settings_service.get_all(desk), copy_name)


def receipt_data(desk: Desk, receipt_id: int, *, copy_name: str) -> dict[str, object]:
    """Every key of ``forms/receipt.toml`` for one copy of a receipt (its first sheet)."""
    return receipt_sheets(desk, receipt_id, copy_name=copy_name)[0]


def warm_up() -> None:
    """Render a blank receipt (thrown away) so that the first real one prints as fast as
    the others: the 5 MB font, reportlab and the capitals' converter load once, ~0.4 s."""
    sample = {"title": RECEIPT_TITLE, "lines": [], "total_fen": 100}
    _render_sheets(RECEIPT_FORM, [sample], REPRINT_MARK)


def receipt_prints(desk: Desk, receipt_id: int) -> list[DocumentInfo]:
    """The archived prints of a receipt, oldest first."""
    return documents.prints_of(desk, RECEIPT_FORM, RECEIPTS_TABLE, receipt_id)


def _render_sheets(
    form: str, sheets: Sequence[Mapping[str, object]], copy_mark: str | None
) -> bytes:
    """One PDF of the form filled with each data set in turn (each from a new page), so
    the copies of a receipt print as one job."""
    from desk_app.printing import render
    from desk_app.printing.templates import load_template

    title = render.fill_placeholders(
        load_template(form).title, {**sheets[0], "copy_name": ""}
    ).strip()
    return render.render_pages(form, sheets, copy_mark=copy_mark, title=title)


def short_form(rows: Sequence[PrintLineRow], values: Mapping[str, Any]) -> bool:
    """The manual's short receipt for a receipt of one line whose fee item is listed in
    ``receipt.short_form_items`` (a deposit, say); the itemised form otherwise."""
    listed = {str(code) for code in values.get("receipt.short_form_items") or []}
    return len(rows) == 1 and rows[0].item_code in listed


def _short_sheets(
    receipt: ReceiptRow, row: PrintLineRow, values: Mapping[str, Any], copy_name: str
) -> list[dict[str, object]]:
    return [
        {
            "company_name": values["estate.company"],
            "title": RECEIPT_TITLE,
            "copy_name": copy_name,
            "receipt_no": receipt.number_text,
            "date": receipt.issued_at[:10],
            "customer": receipt.customer,
            "item": _line(row).text,
            "total_fen": receipt.total_fen,
            "method": receipt.method,
            "note": receipt.note,
            "cashier": receipt.drawer_name or "",
            "void_mark": VOID_MARK if receipt.void else "",
        }
    ]


def print_receipt(desk: Desk, receipt_id: int, *, reprint: bool = False) -> Done[PrintedDocument]:
    """Render every copy of the receipt (setting ``receipt.copies``) into one PDF and
    archive it. A reprint — asked for, or any print after the first — carries 补打 and is
    audited as ``receipt_reprinted``."""
    receipt = receipts.receipt(desk, receipt_id)
    rows = receipts_store.print_lines(desk.db, receipt_id)
    values = settings_service.get_all(desk)
    copies = _copies(values)
    reprint = reprint or bool(receipt_prints(desk, receipt_id))
    copy_mark = REPRINT_MARK if reprint else None
    if short_form(rows, values):
        sheets = [s for name in copies for s in _short_sheets(receipt, rows[0], values, name)]
        pdf = _render_sheets(SHORT_FORM, sheets, copy_mark)
    else:
        lines = printed_lines(rows)
        sheets = [s for name in copies for s in _sheets(receipt, lines, values, name)]
        pdf = _render_sheets(RECEIPT_FORM, sheets, copy_mark)
    title = f"{RECEIPT_TITLE} №{receipt.number_text}"
    operation = "receipt_reprinted" if reprint else "document_archived"
    with desk.operation(operation) as op:
        document_id = documents.archive(
            op,
            form=RECEIPT_FORM,
            title=title,
            pdf=pdf,
            record_table=RECEIPTS_TABLE,
            record_id=receipt.id,
            copy_mark=copy_mark,
        )
        if reprint:
            op.record(
                RECEIPTS_TABLE,
                receipt.id,
                number=receipt.number_text,
                copies=copies,
                document=document_id,
                void=receipt.void,
            )
    return op.done(PrintedDocument(document_id, RECEIPT_FORM, title, pdf))


# --- the cash-payment voucher of a refund --------------------------------------------------------


def _operator_name(desk: Desk, operator_id: int | None) -> str:
    if operator_id is None:
        return ""
    row = operators_store.get(desk.db, operator_id)
    return row.display_name if row else ""


def refund_voucher_data(desk: Desk, refund_id: int) -> dict[str, object]:
    """Every key of ``forms/cash_payment_voucher.toml`` for one refund."""
    refund = refunds.refund_row(desk, refund_id)
    receipt = receipts.receipt(desk, refund.receipt_id)
    unit = units_store.get(desk.db, refund.unit_id)
    values = settings_service.get_all(desk)
    return {
        "company_name": values["estate.company"],
        "estate_name": values["estate.name"],
        "title": VOUCHER_TITLE,
        "voucher_no": refund.voucher_no,
        "date": refund.refunded_at[:10],
        "payee": refund.payee,
        "unit": locations.unit_text(unit) if unit else "",
        "reason": refund.reason,
        "original_receipt_no": receipt.number_text,
        "amount_fen": refund.amount_fen,
        "method": refund.method,
        "approved_by": _operator_name(desk, refund.approved_by),
        "handled_by": _operator_name(desk, refund.created_by),
    }


def voucher_prints(desk: Desk, refund_id: int) -> list[DocumentInfo]:
    return documents.prints_of(desk, VOUCHER_FORM, REFUNDS_TABLE, refund_id)


def print_refund_voucher(desk: Desk, refund_id: int) -> Done[PrintedDocument]:
    """Render and archive the 现金付出单 of a refund; later prints carry 补打."""
    return documents.print_marking_reprints(
        desk,
        VOUCHER_FORM,
        refund_voucher_data(desk, refund_id),
        record_table=REFUNDS_TABLE,
        record_id=refund_id,
    )
