"""收款收据 and 现金付出单 printed from real payments on a real database: the total in
capitals, the copies from the setting, 补打 and its audit row, the 作废 frame, lines
merged per item or continued on a second sheet."""

from __future__ import annotations

import pytest

from desk_app.core.capitals import amount_in_capitals
from desk_app.core.errors import NotFoundError
from desk_app.core.money import format_fen
from desk_app.printing.templates import PLACEHOLDER, load_template
from desk_app.services.desk import documents, settings
from desk_app.services.ledger import charges as ledger_charges
from desk_app.services.ledger import (
    late_fees,
    payments,
    receipts,
    receipts_print,
    refunds,
)
from desk_app.services.shifts import approvals, login
from desk_app.storage import audit
from tests.builders.ledger import PROPERTY_MONTH_FEN, property_months, receipt_estate
from tests.builders.pdf import pdf_pages, squash
from tests.builders.staff import PASSWORD

# The acceptance list of the issue, written out by hand; the test checks it against
# desk_app.core.capitals and prints what the module writes.
TRICKY_TOTALS = [
    ("0.05", 5, "伍分"),
    ("10.50", 1050, "壹拾元零伍角"),
    ("1000.05", 100005, "壹仟元零伍分"),
    ("10010.00", 1001000, "壹万零壹拾元整"),
    ("107000.53", 10700053, "壹拾万柒仟元零伍角叁分"),
    ("1409.50", 140950, "壹仟肆佰零玖元伍角"),
    ("16409.02", 1640902, "壹万陆仟肆佰零玖元零贰分"),
]


def supervisor_approval(desk, action="作废收据", reason="写错金额"):
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason=reason)


@pytest.fixture
def estate(staffed_desk):
    return staffed_desk, receipt_estate(staffed_desk)


def pay_amount(desk, unit_id, amount: str, method: str = "现金"):
    """One charge of ``amount`` (not yet due, so no late fee) paid in full."""
    charge = ledger_charges.post_charge(
        desk, unit_id, "other", due_on="2026-12-15", amount=amount, description="其他费用"
    ).value
    return payments.take_payment(desk, unit_id, method=method, charge_ids=[charge.charge_id]).value


# --- the total --------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "fen", "written"), TRICKY_TOTALS)
def test_tricky_totals_in_capitals_through_a_real_payment(estate, amount, fen, written):
    desk, unit = estate
    payment = pay_amount(desk, unit.id, amount)
    assert payment.receipt.total_fen == fen
    capitals = amount_in_capitals(fen)
    assert capitals == written, f"{amount}: the module writes {capitals}"
    printed = receipts_print.print_receipt(desk, payment.receipt.id).value
    pages = pdf_pages(printed.pdf)
    assert len(pages) == 3
    figure = format_fen(fen).replace("¥", "￥")
    for page in pages:
        text = squash(page)
        assert f"合计人民币（大写）：{capitals}{figure}" in text
        assert text.count(capitals) == 1


# --- copies, reprints, voids ----------------------------------------------------------------


def test_every_copy_of_the_setting_in_one_pdf(estate):
    desk, unit = estate
    payment = pay_amount(desk, unit.id, "150", method="微信")
    printed = receipts_print.print_receipt(desk, payment.receipt.id).value
    pages = pdf_pages(printed.pdf)
    assert [name for page in pages for name in ("存根联", "收据联", "记账联") if name in page] == [
        "存根联",
        "收据联",
        "记账联",
    ]
    for page in pages:
        text = squash(page)
        assert "收款收据" in text and "№0001001" in text
        assert "客户名称：3栋2单元501张三" in text and "2026年11月20日" in text
        assert "收款方式：微信" in text and "填票人：张丽" in text and "收款人：张丽" in text
        assert "单位名称（盖章）：示范物业服务有限公司" in text
        assert "补打" not in text and "作废" not in text
    assert printed.title == "收款收据 №0001001"
    [archived] = receipts_print.receipt_prints(desk, payment.receipt.id)
    assert archived.id == printed.id and archived.copy_mark is None
    assert documents.pdf_of(desk, printed.id) == printed.pdf

    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"receipt.copies": ["收据联", "记账联"]})
    login.login(desk, "zhang", PASSWORD, "早班")
    second = pay_amount(desk, unit.id, "150")
    pages = pdf_pages(receipts_print.print_receipt(desk, second.receipt.id).value.pdf)
    assert len(pages) == 2
    assert "收据联" in pages[0] and "记账联" in pages[1]
    assert not any("存根联" in page for page in pages)


def test_a_reprint_is_marked_and_audited(estate):
    desk, unit = estate
    payment = pay_amount(desk, unit.id, "150")
    receipt_id = payment.receipt.id
    receipts_print.print_receipt(desk, receipt_id)
    assert "receipt_reprinted" not in operations(desk, receipt_id)

    again = receipts_print.print_receipt(desk, receipt_id, reprint=True).value
    pages = pdf_pages(again.pdf)
    assert len(pages) == 3 and all("补打" in page.splitlines()[0] for page in pages)
    assert operations(desk, receipt_id).count("receipt_reprinted") == 1
    [entry] = [
        e
        for e in audit.entries_for_record(desk.db, "receipts", str(receipt_id))
        if e.operation == "receipt_reprinted"
    ]
    assert entry.actor == "zhang" and entry.detail["number"] == "0001001"
    assert entry.detail["document"] == again.id

    # A second "original" is never printed: any later print is a 补打.
    third = receipts_print.print_receipt(desk, receipt_id).value
    assert all("补打" in page for page in pdf_pages(third.pdf))
    marks = [d.copy_mark for d in receipts_print.receipt_prints(desk, receipt_id)]
    assert marks == [None, "补打", "补打"]
    assert operations(desk, receipt_id).count("receipt_reprinted") == 2


def operations(desk, receipt_id: int) -> list[str]:
    return [e.operation for e in audit.entries_for_record(desk.db, "receipts", str(receipt_id))]


def test_a_void_receipt_prints_with_the_void_frame(estate):
    desk, unit = estate
    payment = pay_amount(desk, unit.id, "1409.50")
    receipts_print.print_receipt(desk, payment.receipt.id)
    receipts.void_receipt(desk, payment.receipt.id, "写错金额", supervisor_approval(desk))
    data = receipts_print.receipt_data(desk, payment.receipt.id, copy_name="存根联")
    assert data["void_mark"] == "作废"
    pages = pdf_pages(
        receipts_print.print_receipt(desk, payment.receipt.id, reprint=True).value.pdf
    )
    for page in pages:
        text = squash(page)
        assert "作废" in text and "补打" in text
        assert "壹仟肆佰零玖元伍角" in text  # still readable under the frame


def test_unknown_receipt(estate):
    desk, _unit = estate
    with pytest.raises(NotFoundError):
        receipts_print.print_receipt(desk, 999)


# --- lines ----------------------------------------------------------------------------------------


def test_receipt_data_fills_every_key_of_the_template(estate):
    desk, unit = estate
    ids = property_months(desk, unit.id, "2026-12", due_day=25)
    payment = payments.take_payment(
        desk, unit.id, method="现金", charge_ids=ids, note="业主自缴"
    ).value
    data = receipts_print.receipt_data(desk, payment.receipt.id, copy_name="收据联")
    template_text = (load_template("receipt").title, *_template_texts())
    wanted = {
        m.group(1) for text in template_text for m in PLACEHOLDER.finditer(text) if m.group(1)
    }
    assert wanted <= set(data), wanted - set(data)
    assert data["copy_name"] == "收据联" and data["receipt_no"] == "0001001"
    assert data["note"] == "业主自缴" and data["void_mark"] == ""
    [line] = data["lines"]
    assert line["item"] == "物业服务费（2026年12月）"
    assert (line["unit"], line["quantity"], line["unit_price"]) == ("平方米·月", "128.8", "1.85")
    assert line["amount_fen"] == PROPERTY_MONTH_FEN
    assert "".join(line[k] for k in ("十万", "万", "千", "百", "十", "元", "角", "分")) == "¥23828"


def _template_texts() -> list[str]:
    import tomllib

    from desk_app.paths import forms_dir

    raw = tomllib.loads((forms_dir() / "receipt.toml").read_text(encoding="utf-8"))
    texts = []
    for element in raw["element"]:
        texts += [str(element.get(k, "")) for k in ("text", "label")]
        if "field" in element and element.get("kind") != "grid":
            texts.append("{" + element["field"] + "}")
    return texts


def test_overdue_months_with_late_fees_merge_per_item(estate):
    desk, unit = estate
    ids = property_months(desk, unit.id, "2026-08", "2026-09", "2026-10")
    fees = {f.charge_id: f.fee_fen for f in late_fees.late_fees(desk, unit.id)}
    assert set(fees) == set(ids)  # all three are overdue on 2026-11-20
    payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=ids).value
    assert len(payment.lines) == 6  # each month and its late fee
    data = receipts_print.receipt_data(desk, payment.receipt.id, copy_name="收据联")
    rows = [
        (r["item"], r["unit"], r["quantity"], r["unit_price"], r["amount_fen"])
        for r in data["lines"]
    ]
    assert rows == [
        ("物业服务费（2026年8月—10月）", "平方米·月", "128.8×3", "1.85", 3 * PROPERTY_MONTH_FEN),
        ("滞纳金（3笔）", "", "", "", sum(fees.values())),
    ]
    assert sum(r[4] for r in rows) == payment.receipt.total_fen


def test_five_lines_print_as_they_are(estate):
    desk, unit = estate
    ids = property_months(desk, unit.id, "2026-12", "2027-01", "2027-02", "2027-03", due_day=25)
    payment = payments.take_payment(desk, unit.id, method="支付宝", amount="1000").value
    data = receipts_print.receipt_data(desk, payment.receipt.id, copy_name="存根联")
    items = [r["item"] for r in data["lines"]]
    assert items == [
        "物业服务费（2026年12月）",
        "物业服务费（2027年1月）",
        "物业服务费（2027年2月）",
        "物业服务费（2027年3月）",
        "预收款",
    ]
    assert data["lines"][-1]["amount_fen"] == 100000 - 4 * PROPERTY_MONTH_FEN
    assert len(ids) == 4


def test_more_than_five_items_continue_on_a_second_sheet(estate):
    desk, unit = estate
    codes = ("property", "parking", "garbage", "card_fee", "repair", "other")
    charges = [
        ledger_charges.post_charge(
            desk, unit.id, code, due_on="2026-12-25", amount=f"{10 + n}", description=f"项目{n}"
        ).value.charge_id
        for n, code in enumerate(codes)
    ]
    payment = payments.take_payment(desk, unit.id, method="现金", charge_ids=charges).value
    sheets = receipts_print.receipt_sheets(desk, payment.receipt.id, copy_name="收据联")
    assert [len(s["lines"]) for s in sheets] == [5, 1]
    assert [s["note"] for s in sheets] == ["第 1 页/共 2 页", "第 2 页/共 2 页"]
    assert all(s["total_fen"] == payment.receipt.total_fen for s in sheets)
    pages = pdf_pages(receipts_print.print_receipt(desk, payment.receipt.id).value.pdf)
    assert len(pages) == 6  # three copies of two sheets
    assert [p for p in pages if "第2页/共2页" in squash(p) and "项目5" in p]


# --- 现金付出单 ------------------------------------------------------------------------------------


def refunded_deposit(desk, unit, *, amount: str, reason: str, method: str = "现金"):
    """A 2,000 renovation deposit paid by ``method``, then ``amount`` of it refunded so."""
    payment = paid_deposit(desk, unit, method)
    [line] = payment.lines
    return refunds.refund(
        desk,
        payment.receipt.id,
        amount=amount,
        reason=reason,
        approval=supervisor_approval(desk, action="refund", reason="验收合格"),
        payee="张三",
        charge_id=line.charge_id,
        method=method,
    ).value


def test_refund_voucher_and_its_reprint(estate):
    desk, unit = estate
    refund = refunded_deposit(desk, unit, amount="1500", reason="装修验收合格，扣除损坏赔偿后退还")
    data = receipts_print.refund_voucher_data(desk, refund.id)
    assert data["voucher_no"] == "TK20261120-0001" and data["original_receipt_no"] == "0001001"
    assert (data["payee"], data["unit"], data["amount_fen"]) == ("张三", "3栋2单元501", 150000)
    assert (data["approved_by"], data["handled_by"]) == ("李主管", "张丽")
    printed = receipts_print.print_refund_voucher(desk, refund.id).value
    [page] = pdf_pages(printed.pdf)
    assert "金额人民币（大写）：壹仟伍佰元整" in squash(page) and "补打" not in page
    again = receipts_print.print_refund_voucher(desk, refund.id).value
    assert "补打" in pdf_pages(again.pdf)[0]
    marks = [d.copy_mark for d in receipts_print.voucher_prints(desk, refund.id)]
    assert marks == [None, "补打"]
    with pytest.raises(NotFoundError):
        receipts_print.print_refund_voucher(desk, 999)


def test_a_refund_by_transfer_prints_its_method_and_the_payees_signature(estate):
    desk, unit = estate
    refund = refunded_deposit(
        desk, unit, amount="2000", reason="装修验收合格，全额退还", method="转账"
    )
    [page] = pdf_pages(receipts_print.print_refund_voucher(desk, refund.id).value.pdf)
    text = squash(page)
    assert "付款方式：转账" in text
    assert "收款人（签字）：" in text and "领款人签字" not in text


# --- the short form (今收到 …) ---------------------------------------------------------------------


def paid_deposit(desk, unit, method: str = "现金"):
    """A 2,000 renovation deposit charged and paid (one receipt line)."""
    deposit = ledger_charges.post_charge(
        desk, unit.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    ).value
    return payments.take_payment(desk, unit.id, method=method, charge_ids=[deposit.charge_id]).value


def test_a_deposit_prints_on_the_short_form(estate):
    desk, unit = estate
    payment = paid_deposit(desk, unit)
    pages = pdf_pages(receipts_print.print_receipt(desk, payment.receipt.id).value.pdf)
    assert len(pages) == 3  # 存根联, 收据联, 记账联 as set
    text = squash(pages[1])
    for expected in (
        "收款收据",
        "收据联№0001001",
        "今收到3栋2单元501张三装修押金",
        "人民币贰仟元整",
        "￥2,000.00",
        "附注收款方式：现金",
        "收款单位盖章：",
        "收款人：张丽",
    ):
        assert expected in text, expected
    assert "单价" not in text and "项目" not in text  # not the itemised form
    [printed] = receipts_print.receipt_prints(desk, payment.receipt.id)
    assert printed.form == "receipt"  # one archive of receipts, whichever form printed it


def test_the_short_form_is_a_setting_per_fee_item_and_only_for_one_line(estate):
    desk, unit = estate
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {"receipt.short_form_items": []})
    payment = paid_deposit(desk, unit)
    text = squash(pdf_pages(receipts_print.print_receipt(desk, payment.receipt.id).value.pdf)[0])
    assert "今收到" not in text and "单价" in text
    settings.update(desk, {"receipt.short_form_items": ["other"]})
    other = pay_amount(desk, unit.id, "12.00").receipt.id  # one line of 其他费用
    assert "今收到" in squash(pdf_pages(receipts_print.print_receipt(desk, other).value.pdf)[0])
