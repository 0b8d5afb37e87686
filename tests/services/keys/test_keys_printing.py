"""The key printouts: tag labels that scan back to their codes and carry nothing else,
and the loan register (钥匙借用登记表) in the manual's columns, archived with its period."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.core.errors import ValidationError
from desk_app.core.estate import BuildingPlan
from desk_app.services.desk import documents
from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import loans, registry
from desk_app.services.keys import printing as keys_print
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import Depositor, IntakePlan, KeySetInput
from desk_app.storage.directory import people as people_store
from tests.builders.keys import keys_estate
from tests.builders.pdf import pdf_text, squash
from tests.builders.qr import label_codes

REGISTER_COLUMNS = (
    "日期",
    "时间",
    "钥匙名称/编号",
    "事由",
    "借用人签字",
    "归还日期/时间",
    "经手人签字",
)


@pytest.fixture
def estate(staffed_desk):
    desk = keys_estate(staffed_desk)
    directory_estate.create_units(desk, BuildingPlan("5", None, None, 1, 2, 1))
    return desk


def _keys(desk):
    """Building 3's 24 unit keys, its public key and its equipment room; building 5's two
    unit keys."""
    registry.post_intake(desk, IntakePlan("3", {"防盗铁门": 2, "单元门": 1}))
    registry.create_set(desk, KeySetInput("公共区域", {"天台门": 1}, building="3", floor="18"))
    room = directory_estate.list_public_places(desk)[0]
    registry.create_set(
        desk, KeySetInput("设施设备房", {"配电房门": 1}, public_place_id=room.id, name="配电房")
    )
    registry.post_intake(desk, IntakePlan("5", {"防盗铁门": 1}))


def test_labels_scan_back_to_their_codes_over_two_sheets(estate, tmp_path):
    _keys(estate)
    codes = keys_print.label_codes(estate)
    assert len(codes) == 28 and codes == sorted(codes)
    extra = [
        registry.create_set(estate, KeySetInput("公共区域", {"门": 1}, building="5")).value.code
        for _ in range(14)
    ]
    codes = keys_print.label_codes(estate)
    assert len(codes) == 42
    pdf = keys_print.labels_pdf(estate, codes)
    decoded = label_codes(pdf, tmp_path)
    assert decoded[:42] == codes  # every label, in order, on two pages
    assert decoded[42:] == [None] * 38  # the rest of the second sheet is blank
    assert extra[-1] == decoded[41]


def test_a_label_carries_its_code_and_never_an_address(estate):
    _keys(estate)
    pdf = keys_print.labels_pdf(estate, keys_print.label_codes(estate, "3"))
    text = squash(pdf_text(pdf))
    assert "K0000001" in text and "K0000026" in text
    for address in ("3-1-101", "3-2-501", "501", "栋", "单元", "配电房", "天台", "防盗"):
        assert address not in text, address


def test_labels_of_one_building_take_its_unit_public_and_equipment_room_keys(estate):
    _keys(estate)
    of_3 = keys_print.label_codes(estate, "3")
    of_5 = keys_print.label_codes(estate, " 5 ")
    assert len(of_3) == 26 and len(of_5) == 2
    assert set(of_3).isdisjoint(of_5)
    assert sorted(of_3 + of_5) == keys_print.label_codes(estate)


def test_labels_of_an_unknown_building_or_none_at_all_are_refused(staffed_desk):
    desk = keys_estate(staffed_desk)
    with pytest.raises(ValidationError, match="没有楼号 9"):
        keys_print.label_codes(desk, "9")
    with pytest.raises(ValidationError, match="还没有登记的钥匙"):
        keys_print.label_codes(desk)
    with pytest.raises(ValidationError, match="3栋没有登记的钥匙"):
        keys_print.label_codes(desk, "3")


def _loans(desk):
    """Three loans on the desk's day: one returned, one partly returned, one still out."""
    technician = Borrower(technician_id=loans_technician(desk))
    back = registry.create_set(desk, KeySetInput("公共区域", {"天台门": 2}, building="3")).value
    part = registry.create_set(desk, KeySetInput("公共区域", {"门": 2}, building="3")).value
    out = registry.create_set(desk, KeySetInput("公共区域", {"窗": 1}, building="3")).value
    loans.lend(desk, back.id, LoanInput(technician, "天台水箱检修"))
    loans.lend(desk, part.id, LoanInput(Borrower(name="李四", kind="外单位人员"), "换灯"))
    loans.lend(desk, out.id, LoanInput(Borrower(name="王五", kind="员工"), "巡查"))
    desk.clock.advance(minutes=40)
    loans.return_keys(desk, back.id)
    loans.return_keys(desk, part.id, {"门": 1})
    return back, part, out


def loans_technician(desk):
    from desk_app.services.repairs import setup as repair_setup

    return repair_setup.technicians(desk)[0].id


def test_the_register_has_the_manuals_columns_and_each_loan_with_its_return(estate):
    desk = estate
    back, part, out = _loans(desk)
    day = desk.clock.now().date()
    printed = keys_print.print_register(desk, day, day).value
    text = pdf_text(printed.pdf)
    flat = squash(text)
    for column in REGISTER_COLUMNS:
        assert column in flat, column
    assert "钥匙借用登记表" in flat and day.isoformat() in flat
    assert "共借出3次，未还2次" in flat
    for row in (back, part, out):
        assert row.code in flat
    assert "天台水箱检修" in flat and "王建国" in flat and "李四" in flat and "王五" in flat
    assert "部分归还" in flat and "未还" in flat
    assert "张丽" in flat  # the clerk who handed the keys out
    archived = documents.documents_for(desk, "key_movements", f"{day}~{day}")
    assert [d.id for d in archived] == [printed.id]


def test_the_register_of_a_period_takes_only_its_days(estate):
    desk = estate
    _loans(desk)
    day = desk.clock.now().date()
    before = keys_print.register_data(desk, day - timedelta(days=7), day - timedelta(days=1))
    assert before["rows"] == [] and before["period"] == (
        f"{day - timedelta(days=7)} 至 {day - timedelta(days=1)}"
    )
    assert "期间无钥匙借用" in squash(
        pdf_text(
            keys_print.print_register(
                desk, day - timedelta(days=7), day - timedelta(days=1)
            ).value.pdf
        )
    )
    around = keys_print.register_data(desk, day - timedelta(days=1), day + timedelta(days=1))
    assert [r["returned"][:4] for r in around["rows"]][2] == "未还"
    assert len(around["rows"]) == 3


def test_a_backwards_or_overlong_period_is_refused(estate):
    day = estate.clock.now().date()
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        keys_print.register_data(estate, day, day - timedelta(days=1))
    with pytest.raises(ValidationError, match="最多打印 366 天"):
        keys_print.register_data(estate, day - timedelta(days=366), day)


AGENT_ID = "110101199003074514"


def test_the_deposit_and_collection_slips_list_types_and_counts_with_names_masked(estate):
    desk = estate
    unit = directory_estate.find_unit(desk, "3-2-501")
    owner = people_store.occupancies_for_unit(desk.db, unit.id, current_only=True)[0].person_id
    key = registry.create_set(desk, KeySetInput("业主代管", unit="3-2-501")).value
    registry.deposit(
        desk, key.id, {"防盗铁门": 2, "信报箱": 1}, Depositor(owner, "王五", AGENT_ID, True)
    )
    registry.collect(desk, key.id, {"信报箱": 1}, Depositor(owner))
    deposit, collection = registry.history(desk, key.id)[-2:]

    first = keys_print.print_slip(desk, deposit.id).value
    text = squash(pdf_text(first.pdf))
    assert "钥匙寄存签收单" in text and key.code in text and "3-2-501" in text
    assert "防盗铁门2" in text and "信报箱1" in text and "共3把" in text
    assert "张*" in text and "张三" not in text
    assert "王*（凭业主委托书）" in text and "王五" not in text
    assert AGENT_ID not in text and "0307" not in text
    assert "业主/代理人（签字）" in text and "张丽" in text and "补打" not in text

    again = squash(pdf_text(keys_print.print_slip(desk, deposit.id).value.pdf))
    assert "补打" in again
    assert [d.id for d in keys_print.slip_prints(desk, deposit.id)][0] == first.id

    taken = squash(pdf_text(keys_print.print_slip(desk, collection.id).value.pdf))
    assert "钥匙领取签收单" in taken and "信报箱1" in taken and "代理人：无" in taken
    assert "防盗铁门" not in taken


def test_only_a_deposit_or_collection_has_a_slip(estate):
    desk = estate
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3")).value
    intake = registry.history(desk, key.id)[0]
    with pytest.raises(ValidationError, match="只有钥匙寄存、领取才有签收单"):
        keys_print.print_slip(desk, intake.id)
    with pytest.raises(ValidationError, match="只有钥匙寄存、领取才有签收单"):
        keys_print.print_slip(desk, 9999)


def test_a_name_is_masked_to_its_surname():
    assert keys_print.mask_name("张三") == "张*"
    assert keys_print.mask_name(" 欧阳小明 ") == "欧***"
    assert keys_print.mask_name("") == ""
