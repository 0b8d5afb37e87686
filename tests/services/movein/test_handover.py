"""A whole hand-over through the services: identity, the first months paid through the
ledger, documents, the joint inspection with two defects (one with a photo), three
meters, the keys collected by the owner, the close; defects as repair orders tracked to
re-inspection; a hand-over resumed after the desk is reopened."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desk_app.core.errors import ValidationError
from desk_app.services.desk import Desk
from desk_app.services.directory import archive
from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import loans, registry
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.ledger import billing, charges, payments, rates
from desk_app.services.movein import batches, defects, handover, reports
from desk_app.services.movein.batches import BatchInput
from desk_app.services.movein.defects import DefectInput
from desk_app.services.repairs import orders
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import due_now, login
from desk_app.storage.directory import people as people_store
from tests.builders import witness
from tests.builders.keys import supervisor_approval
from tests.builders.ledger import property_months, receipt_estate
from tests.builders.staff import PASSWORD

PHOTO_SIDE = 3000


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (PHOTO_SIDE, 2000), (180, 120, 90)).save(out, "JPEG", quality=95)
    return out.getvalue()


@pytest.fixture
def estate(staffed_desk):
    desk = staffed_desk
    unit = receipt_estate(desk)
    login.login(desk, "lee", PASSWORD, "早班")
    rates.set_rate(desk, "water", "3.5", effective_from="2026-01-01")
    rates.set_rate(desk, "electricity", "0.6", effective_from="2026-01-01")
    rates.set_rate(desk, "gas", "3", effective_from="2026-01-01")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    login.login(desk, "zhang", PASSWORD, "早班")
    keys = registry.create_set(
        desk, KeySetInput("接管", {"防盗铁门": 3, "信报箱": 1}, unit="3-2-501")
    )
    batch = batches.create_batch(
        desk,
        BatchInput("3栋交付", "2026-11-18", "2026-12-20", place="会所一楼", buildings=("3",)),
    ).value
    return desk, unit, keys.value, batch


def _owner(desk, unit):
    return people_store.occupancies_for_unit(desk.db, unit.id, current_only=True)[0].person_id


def test_a_whole_hand_over(estate):
    desk, unit, keys, batch = estate
    [slot] = [batches.add_slot(desk, batch.id, "2026-11-20", "09:00", "10:00", 2).value]
    mine = next(u for u in batches.batch_units(desk, batch.id) if u.unit_id == unit.id)
    assert batches.book(desk, mine.id, slot.id).value.state == "已预约"

    current = handover.start(desk, unit.id).value
    assert current.current == "identity" and current.progress == (0, 7)
    handover.confirm_identity(desk, current.handover.id, handover.Identity(_owner(desk, unit)))

    due = handover.post_first_months(desk, current.handover.id).value
    assert due.first_months == ["2026-12", "2027-01", "2027-02"]  # the 20th: from next month
    assert due.outstanding_fen == 3 * 23828 and not due.paid
    with pytest.raises(ValidationError, match="请先在收费页收款"):
        handover.confirm_fees(desk, current.handover.id)
    payments.take_payment(desk, unit.id, method="现金", charge_ids=due.charge_ids)
    assert handover.fees_due(desk, unit.id).paid
    handover.confirm_fees(desk, current.handover.id)

    signed = [
        "前期物业管理服务协议",
        "业主临时公约",
        "业主情况登记表",
        "装修管理协议",
        "消防安全责任书",
        "钥匙托管承诺书",
    ]
    handover.record_documents(
        desk, current.handover.id, signed, ["住宅质量保证书", "住宅使用说明书", "业主手册"]
    )
    page = archive.unit_page(desk, unit.id)
    assert page.papers["前期物业管理服务协议"] is True
    assert page.other_papers == ("钥匙托管承诺书",)  # not on the directory's checklist

    defects.save_cell(desk, current.handover.id, "客厅", "墙面", "合格")
    crack = defects.add_defect(
        desk, current.handover.id, DefectInput("客厅", "天花", "裂缝", "主梁处一条细裂缝")
    ).value
    leak = defects.add_defect(
        desk,
        current.handover.id,
        DefectInput("卫生间", "给排水", "渗水", contractor="开发商维修单位"),
    ).value
    photo = defects.add_photo(desk, crack.id, _photo()).value
    assert max(photo.width, photo.height) == 1600 and photo.image[:2] == b"\xff\xd8"
    assert crack.order_no and crack.due_on == "2026-12-01"  # 7 working days after Fri 20th
    order = orders.get_order(desk, crack.repair_order_id)
    assert order.unit_id == unit.id and not order.paid
    assert orders.get_order(desk, leak.repair_order_id).status == "转外单位"
    handover.finish_inspection(desk, current.handover.id)

    handover.record_meters(desk, current.handover.id, {"水": "12.5", "电": "300", "燃气": "4"})
    handover.hand_over_keys(
        desk, current.handover.id, {keys.id: {"防盗铁门": 3, "信报箱": 1}}, ["M0001", "M0002"]
    )
    closed = handover.close(desk, current.handover.id, "已交房").value
    assert closed.handover.outcome == "已交房" and closed.current is None

    assert directory_estate.get_unit(desk, unit.id).status == "已交房"
    assert archive.unit_page(desk, unit.id).facts.receive_date == "2026-11-20"
    last = registry.history(desk, keys.id)[-1]
    assert last.kind == "领取" and last.person_id == _owner(desk, unit)
    assert registry.key_set(desk, keys.id).state == "empty"
    # the first water bill (readings entered for next month) starts from the base reading
    billing.record_readings(desk, "2026-12", "water", [(unit.id, "20.5")])
    [line] = billing.preview(desk, "2026-12", items=["water"], unit_ids=[unit.id]).lines
    assert line.previous_centi == 1250 and line.current_centi == 2050
    # the property fee of the months prepaid is not billed again
    [prop] = billing.preview(desk, "2026-12", items=["property"], unit_ids=[unit.id]).lines
    assert prop.problem == billing.ALREADY_BILLED
    assert [u.delivered for u in batches.overview(desk, batch.id)] == [1]
    [summary] = reports.day_summary(desk, "2026-11-20")
    assert summary.unit == "3-2-501" and summary.defects == 2 and summary.cards == 2
    sheet = reports.acceptance_sheet(desk, current.handover.id)
    assert sheet.meters == {"水": "12.5", "电": "300", "燃气": "4"} and len(sheet.defects) == 2
    assert sheet.cells[("客厅", "天花")] == "有问题"


def test_a_defect_is_re_inspected_after_its_repair(estate, clock):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    defect = defects.add_defect(
        desk, current.handover.id, DefectInput("厨房", "墙面", "空鼓")
    ).value
    assert defects.defect_state(defect) == "待整改"
    with pytest.raises(ValidationError, match="尚未完工"):
        defects.reinspect(desk, defect.id, True)
    technician = repair_setup.technicians(desk)[0]

    def repair():
        orders.dispatch(desk, defect.repair_order_id, technician.id)
        orders.record_arrival(desk, defect.repair_order_id)
        orders.complete(desk, defect.repair_order_id, orders.Completion(work_done="重新批荡"))

    repair()
    assert defects.defect_state(defects.get_defect(desk, defect.id)) == "待复验"
    failed = defects.reinspect(desk, defect.id, False, "仍有空鼓").value
    assert defects.defect_state(failed) == "待整改" and failed.order_status == "已派工"
    repair()
    passed = defects.reinspect(desk, defect.id, True).value
    assert defects.defect_state(passed) == "已复验" and passed.order_status == "已回访"
    assert [r.passed for r in defects.reinspections(desk, defect.id)] == [False, True]


def test_keys_left_in_trust_for_the_defects_are_lent_against_their_order(estate):
    desk, unit, keys, _batch = estate
    current = handover.start(desk, unit.id).value
    owner = _owner(desk, unit)
    handover.confirm_identity(desk, current.handover.id, handover.Identity(owner))
    defect = defects.add_defect(
        desk, current.handover.id, DefectInput("客厅", "墙面", "空鼓")
    ).value
    done = handover.hand_over_keys(
        desk,
        current.handover.id,
        {keys.id: {"防盗铁门": 2, "信报箱": 1}},
        [],
        in_trust={keys.id: {"防盗铁门": 1}},
    ).value
    [trust] = [s for s in registry.sets_of_unit(desk, unit.id) if s.kind == "业主代管"]
    assert done.station("keys").data["in_trust"] == [
        {"code": trust.code, "pieces": {"防盗铁门": 1}}
    ]
    assert trust.place == keys.place and trust.state == "in"
    assert [m.kind for m in registry.history(desk, trust.id)] == ["入库", "寄存"]
    assert registry.history(desk, trust.id)[-1].person_id == owner
    assert registry.history(desk, keys.id)[-1].pieces == {"防盗铁门": 3, "信报箱": 1}
    assert registry.key_set(desk, keys.id).state == "empty"

    technician = repair_setup.technicians(desk)[0]
    loans.lend(
        desk,
        trust.id,
        loans.LoanInput(
            loans.Borrower(technician_id=technician.id),
            "遗留问题维修",
            repair_order_id=defect.repair_order_id,
            consent_how="书面",  # the 钥匙托管承诺书 signed at the documents station
        ),
        supervisor_approval(desk),
    )
    [lent] = loans.loans_of_order(desk, defect.repair_order_id)
    assert lent.key_set.code == trust.code and lent.out


def test_only_the_developers_keys_are_left_in_trust_at_hand_over(estate):
    desk, unit, keys, _batch = estate
    current = handover.start(desk, unit.id).value
    handover.confirm_identity(desk, current.handover.id, handover.Identity(_owner(desk, unit)))
    with pytest.raises(ValidationError, match="不属于本房屋"):
        handover.hand_over_keys(desk, current.handover.id, {}, [], in_trust={999: {"防盗铁门": 1}})
    with pytest.raises(ValidationError, match="只有"):
        handover.hand_over_keys(desk, current.handover.id, {keys.id: {"防盗铁门": 4}}, [])
    assert registry.key_set(desk, keys.id).state == "in"


def test_a_late_defect_is_due_now(estate, clock):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    defect = defects.add_defect(desk, current.handover.id, DefectInput("阳台", "窗", "破损")).value
    assert not [i for i in due_now.due_now(desk) if i.limit == "movein_defect_late"]
    clock.advance(days=12)
    [item] = [i for i in due_now.due_now(desk) if i.limit == "movein_defect_late"]
    assert item.subject_id == defect.repair_order_id and item.state == "late"
    assert item.location == "3栋2单元501"  # as the repair orders' lines say it
    assert defects.is_late(defects.get_defect(desk, defect.id), clock.now().date())


def test_a_defect_whose_order_is_cancelled_is_late_nowhere(estate, clock):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    defect = defects.add_defect(desk, current.handover.id, DefectInput("阳台", "窗", "破损")).value
    orders.cancel(desk, defect.repair_order_id, "开发商另行处理")
    clock.advance(days=12)
    assert not [i for i in due_now.due_now(desk) if i.limit == "movein_defect_late"]
    assert not defects.is_late(defects.get_defect(desk, defect.id), clock.now().date())


def test_killing_the_desk_mid_flow_loses_nothing_confirmed(estate, db_path, clock):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    handover.confirm_identity(desk, current.handover.id, handover.Identity(_owner(desk, unit)))
    handover.skip_station(desk, current.handover.id, "fees", "业主下次来缴")
    before = handover.state(desk, current.handover.id)
    desk.close()
    reopened = Desk.open(db_path, clock=clock)
    witness.watch(reopened)
    try:
        login.login(reopened, "zhang", PASSWORD, "早班")
        again = handover.start(reopened, unit.id)
        assert again.changes.empty
        assert again.value.stations == before.stations
        assert again.value.current == "documents"
    finally:
        reopened.close()


def test_a_full_slot_is_refused(estate):
    desk, _unit, _keys, batch = estate
    slot = batches.add_slot(desk, batch.id, "2026-11-21", "09:00", "10:00", 1).value
    first, second = batches.batch_units(desk, batch.id)[:2]
    batches.book(desk, first.id, slot.id)
    with pytest.raises(ValidationError, match="已约满"):
        batches.book(desk, second.id, slot.id)


def test_not_an_image_is_refused(estate):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    defect = defects.add_defect(
        desk, current.handover.id, DefectInput("客厅", "地面", "划痕")
    ).value
    with pytest.raises(ValidationError, match="不是可用的照片"):
        defects.add_photo(desk, defect.id, b"%PDF-1.4 not a photo")


def test_each_station_records_the_clerk_who_did_it_and_when(estate, clock):
    desk, unit, _keys, _batch = estate
    current = handover.start(desk, unit.id).value
    hid = current.handover.id
    handover.confirm_identity(desk, hid, handover.Identity(_owner(desk, unit)))
    clock.advance(minutes=25)
    login.login(desk, "chen", PASSWORD, "早班")
    handover.skip_station(desk, hid, "fees", "业主下次来缴")

    stations = {s.station: s for s in handover.state(desk, hid).stations}
    identity, fees = stations["identity"], stations["fees"]
    assert (identity.done_by_name, identity.done_at) == ("张丽", "2026-11-20T08:00:00+08:00")
    assert (fees.done_by_name, fees.done_at) == ("陈静", "2026-11-20T08:25:00+08:00")
    assert stations["documents"].done_by is None and stations["documents"].done_at is None

    reopened = handover.reopen_station(desk, hid, "identity").value.station("identity")
    assert reopened.state == "pending"
    assert (reopened.done_by, reopened.done_by_name, reopened.done_at) == (None, "", None)


def test_the_fees_station_counts_every_open_charge_due_at_hand_over(estate):
    """Charges posted before the hand-over — an earlier month, a 装修押金 — are owed with
    the first months; one falling due later is listed apart and does not hold it up; a
    first month a billing run already posted, due later, is still paid at hand-over."""
    desk, unit, _keys, _batch = estate
    [october] = property_months(desk, unit.id, "2026-10")
    [december] = property_months(desk, unit.id, "2026-12")  # billed, due 2026-12-15
    deposit = charges.post_charge(
        desk, unit.id, "renovation_deposit", due_on="2026-11-20", amount="2000"
    ).value.charge_id
    parking = charges.post_charge(
        desk, unit.id, "parking", due_on="2026-12-15", period="2026-12"
    ).value.charge_id
    hid = handover.start(desk, unit.id).value.handover.id
    handover.confirm_identity(desk, hid, handover.Identity(_owner(desk, unit)))

    due = handover.post_first_months(desk, hid).value

    posted = [line.charge_id for line in due.due_lines]
    assert {october, december, deposit} <= set(posted) and parking not in posted
    assert len(posted) == 5  # October, the deposit, December and the two months posted now
    assert due.outstanding_fen == 4 * 23828 + 200000
    assert [line.charge_id for line in due.later_lines] == [parking]
    assert due.later_fen == 15000
    payments.take_payment(desk, unit.id, method="现金", charge_ids=[october, deposit])
    with pytest.raises(ValidationError, match="还欠 ¥714.84"):
        handover.confirm_fees(desk, hid)
    rest = handover.fees_due(desk, unit.id).charge_ids
    assert sorted(rest) == sorted(set(posted) - {october, deposit})
    payments.take_payment(desk, unit.id, method="现金", charge_ids=rest)
    assert handover.fees_due(desk, unit.id).paid
    handover.confirm_fees(desk, hid)  # the parking fee due in December waits
    assert handover.state(desk, hid).station("fees").state == "done"


@pytest.mark.parametrize(
    ("before", "after"),
    [("空置", "已交房"), ("已交房", "已交房"), ("装修中", "装修中"), ("已入住", "已入住")],
)
def test_closing_sets_a_unit_not_yet_delivered_and_never_sets_one_back(estate, before, after):
    desk, unit, _keys, _batch = estate
    if before != "空置":
        directory_estate.update_unit(desk, unit.id, status=before)
    hid = handover.start(desk, unit.id).value.handover.id
    for station in ("identity", "fees", "documents", "inspection", "meters", "keys"):
        handover.skip_station(desk, hid, station, "测试")

    closed = handover.close(desk, hid, "带条件收房", "卫生间渗水修复后复验").value

    assert directory_estate.get_unit(desk, unit.id).status == after
    assert archive.unit_page(desk, unit.id).facts.receive_date == "2026-11-20"
    assert closed.station("archive").data["unit_status"] == after


def test_a_refused_hand_over_leaves_the_unit_and_its_archive(estate):
    desk, unit, _keys, _batch = estate
    hid = handover.start(desk, unit.id).value.handover.id
    handover.close(desk, hid, "拒收", "渗水未修复")
    assert directory_estate.get_unit(desk, unit.id).status == "空置"
    assert archive.unit_page(desk, unit.id).facts.receive_date is None
