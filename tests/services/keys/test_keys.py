"""The key registry's operations: intake, deposit and collection by the owner of record,
loans with their approvals, returns, loss and copies, the due-now list and the handover."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import due as keys_due
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import Depositor, IntakePlan, KeySetInput
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import due_now, handover
from desk_app.storage.directory import people as people_store
from tests.builders.keys import clerk_approval, keys_estate, supervisor_approval
from tests.builders.staff import PASSWORD


@pytest.fixture
def estate(staffed_desk):
    return keys_estate(staffed_desk)


def _room(desk):
    return directory_estate.list_public_places(desk)[0]


def _technician(desk):
    return repair_setup.technicians(desk)[0]


def test_a_public_key_is_lent_by_default_until_the_working_day_ends_and_returned(estate):
    desk = estate
    key = registry.create_set(
        desk, KeySetInput("公共区域", {"天台门": 2}, building="3", floor="18", place="A柜-01")
    ).value
    assert key.code == "K0000001" and key.state == "in" and key.label == "3-18"
    lent = loans.lend(
        desk, key.id, LoanInput(Borrower(technician_id=_technician(desk).id), "天台水箱检修")
    ).value
    assert lent.state == "out" and lent.borrower == "王建国"
    assert lent.due_back == "2026-11-20T17:30:00+08:00"
    assert [k.code for k in loans.out_now(desk)] == ["K0000001"]
    with pytest.raises(ValidationError, match="已借出"):
        loans.lend(desk, key.id, LoanInput(Borrower(name="李四", kind="员工"), "巡查"))
    back = loans.return_keys(desk, key.id, {"天台门": 1}).value
    assert back.state == "out"  # one piece still out
    back = loans.return_keys(desk, key.id).value
    assert back.state == "in" and back.loan_id is None
    kinds = [m.kind for m in registry.history(desk, key.id)]
    assert kinds == ["入库", "借出", "归还", "归还"]
    assert all(m.operator == "张丽" for m in registry.history(desk, key.id))
    assert registry.find(desk, " k0000001 ").id == key.id


def test_a_loan_needs_a_purpose(estate):
    desk = estate
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3")).value
    with pytest.raises(ValidationError, match="事由"):
        loans.lend(desk, key.id, LoanInput(Borrower(name="李四", kind="员工"), " "))


def test_an_equipment_room_loan_is_refused_without_approval_and_recorded_with_it(estate):
    desk = estate
    key = registry.create_set(
        desk, KeySetInput("设施设备房", {"配电房门": 1}, public_place_id=_room(desk).id)
    ).value
    loan = LoanInput(Borrower(name="赵工", kind="外单位人员"), "电梯年检")
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        loans.lend(desk, key.id, loan)
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        loans.lend(desk, key.id, loan, clerk_approval(desk))
    assert registry.history(desk, key.id)[-1].kind == "入库"  # nothing written
    done = loans.lend(desk, key.id, loan, supervisor_approval(desk))
    assert done.changes.did("approval_granted")
    movement = registry.history(desk, key.id)[-1]
    assert movement.kind == "借出" and movement.approved_by == "李主管"
    assert movement.due_back == "2026-11-20T10:00:00+08:00"  # equipment rooms: two hours


def test_a_never_to_lend_key_is_refused_even_with_approval(estate):
    desk = estate
    key = registry.create_set(
        desk,
        KeySetInput("设施设备房", {"门": 1}, public_place_id=_room(desk).id, never_lend=True),
    ).value
    with pytest.raises(ValidationError, match="禁止外借"):
        loans.lend(
            desk,
            key.id,
            LoanInput(Borrower(name="赵工", kind="外单位人员"), "检修"),
            supervisor_approval(desk),
        )


def test_nothing_overnight_without_approval(estate):
    desk = estate
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3")).value
    loan = LoanInput(
        Borrower(name="李四", kind="员工"), "夜间巡查", due_back="2026-11-21T09:00:00+08:00"
    )
    with pytest.raises(ValidationError, match="过夜"):
        loans.lend(desk, key.id, loan)
    assert loans.lend(desk, key.id, loan, supervisor_approval(desk)).value.state == "out"


def _owner(desk):
    unit = directory_estate.find_unit(desk, "3-2-501")
    occupancy = people_store.occupancies_for_unit(desk.db, unit.id, current_only=True)[0]
    return unit, occupancy.person_id


def test_trust_keys_deposited_by_the_owner_lent_with_consent_and_collected(estate):
    desk = estate
    unit, owner = _owner(desk)
    key = registry.create_set(desk, KeySetInput("业主代管", unit="3-2-501")).value
    assert key.state == "empty"
    with pytest.raises(ValidationError, match="不是 3-2-501 的登记业主"):
        registry.deposit(desk, key.id, {"室内门": 2}, Depositor(person_id=owner + 99))
    with pytest.raises(ValidationError, match="委托书"):
        registry.deposit(
            desk, key.id, {"室内门": 2}, Depositor(owner, "王五", "110101199003074514")
        )
    registry.deposit(
        desk,
        key.id,
        {"室内门": 2, "信报箱": 1},
        Depositor(owner, "王五", "110101199003074514", True),
    )
    deposit = registry.history(desk, key.id)[-1]
    assert deposit.agent_name == "王五" and "0307" not in deposit.agent_id_masked
    assert deposit.person_name == "张三"
    assert [(o.person_id, o.name) for o in registry.owners_of_record(desk, key)] == [
        (owner, "张三")
    ]
    loan = LoanInput(Borrower(technician_id=_technician(desk).id), "楼下漏水查看", {"室内门": 1})
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        loans.lend(desk, key.id, loan)
    with pytest.raises(ValidationError, match="业主同意"):
        loans.lend(desk, key.id, loan, supervisor_approval(desk))
    phoned = LoanInput(
        loan.borrower,
        loan.purpose,
        loan.pieces,
        consent_how="电话",
        consent_at="2026-11-20T07:50:00+08:00",
    )
    loans.lend(desk, key.id, phoned, supervisor_approval(desk))
    with pytest.raises(ValidationError, match="只有 1 把"):
        registry.collect(desk, key.id, {"室内门": 2}, Depositor(owner))
    loans.return_keys(desk, key.id)
    registry.collect(desk, key.id, {"室内门": 2, "信报箱": 1}, Depositor(owner))
    assert registry.key_set(desk, key.id).state == "empty"
    assert [m.kind for m in registry.history_of_unit(desk, unit.id)] == [
        "入库",
        "寄存",
        "借出",
        "归还",
        "领取",
    ]


def test_lost_and_copied_keys_need_approval(estate):
    desk = estate
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 2}, building="3")).value
    loans.lend(desk, key.id, LoanInput(Borrower(name="李四", kind="员工"), "换灯"))
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        loans.report_lost(desk, key.id, {"门": 1}, "借用人丢失", None)
    after = loans.report_lost(desk, key.id, {"门": 1}, "借用人丢失", supervisor_approval(desk))
    assert after.value.state == "out"
    assert loans.return_keys(desk, key.id).value.state == "in"
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        loans.replace(desk, key.id, {"门": 1}, "补配", None)
    loans.replace(desk, key.id, {"门": 1}, "补配", supervisor_approval(desk))
    assert [(p.held, p.out) for p in registry.pieces(desk, key.id)] == [(2, 0)]


def test_bulk_intake_previews_then_posts_a_set_per_unit(estate):
    desk = estate
    plan = IntakePlan("3", {"防盗铁门": 2, "室内门": 2, "信报箱": 1})
    registry.create_set(desk, KeySetInput("接管", {"室内门": 1}, unit="3-1-101"))
    preview = registry.preview_intake(desk, plan)
    assert len(preview.new) == 23 and preview.existing == ["3-1-101"]
    assert preview.new[0][0] == "K0000002"
    with pytest.raises(ValidationError, match="已有接管钥匙"):
        registry.post_intake(desk, plan)
    done = registry.post_intake(desk, plan, skip_existing=True)
    assert len(done.value) == 23
    assert registry.count_sets(desk) == 24
    assert registry.key_set(desk, done.value[-1]).code == "K0000024"


def test_a_buildings_sets_take_a_cabinets_next_free_hooks_in_order_or_dealt(estate):
    desk = estate
    registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3", place="A柜-007"))
    registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3", place="A柜X-050"))
    ordered = IntakePlan("3", {"防盗铁门": 1}, entrance="1", cabinet="A柜")
    preview = registry.preview_intake(desk, ordered)
    assert preview.hooks[0] == "A柜-008" and preview.hooks[-1] == "A柜-019"
    ids = registry.post_intake(desk, ordered).value
    rows = [registry.key_set(desk, i) for i in ids]
    assert [(r.unit_code, r.place) for r in rows[:2]] == [
        ("3-1-101", "A柜-008"),
        ("3-1-102", "A柜-009"),
    ]
    dealt = IntakePlan("3", {"防盗铁门": 1}, entrance="2", cabinet="A柜", shuffled=True)
    ids = registry.post_intake(desk, dealt).value
    places = [registry.key_set(desk, i).place for i in ids]
    expected = [f"A柜-{n:03d}" for n in range(20, 32)]
    assert sorted(places) == expected
    assert places != expected  # 12 hooks dealt in unit order by chance: 1 in 479,001,600
    with pytest.raises(ValidationError, match="柜号不能含空格"):
        registry.preview_intake(desk, IntakePlan("3", {"防盗铁门": 1}, cabinet="A 柜"))


def test_overdue_loans_and_keys_out_on_a_done_order_are_due_now_and_handed_over(estate, clock):
    desk = estate
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3")).value
    loans.lend(desk, key.id, LoanInput(Borrower(name="李四", kind="员工"), "巡查"))
    assert not [i for i in due_now.due_now(desk) if i.subject == "key_sets"]
    clock.advance(hours=10)
    items = [i for i in due_now.due_now(desk) if i.subject == "key_sets"]
    assert [(i.limit_label, i.number) for i in items] == [("借用逾期", "K0000001")]
    assert [k.code for k in loans.overdue(desk)] == ["K0000001"]
    summary = keys_due.handover_summary(desk, desk.shift.id)
    assert summary == [
        {"kind": "钥匙借出", "count": "1", "detail": "逾期 1；K0000001 李四（逾期）"}
    ]
    report = handover.handover_report_data(desk, desk.shift.id)
    assert summary[0] in report["summary"]
    assert report["open_items"][-1]["kind"] == "钥匙未还"


def test_a_count_at_handover_is_recorded_and_a_difference_needs_a_note(estate):
    desk = estate
    registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3"))
    with pytest.raises(ValidationError, match="请说明差异"):
        loans.record_count(desk, 0)
    assert loans.record_count(desk, 1).value == 1
    assert loans.record_count(desk, 0, "K0000001 不在钩上，已查").value == 1


def test_the_count_at_handover_is_written_with_the_handover_or_not_at_all(estate):
    desk = estate
    registry.create_set(desk, KeySetInput("公共区域", {"门": 1}, building="3"))
    old_shift = desk.shift
    assert handover.handover_checks(desk)[0][1] == 1
    with pytest.raises(ValidationError, match="请说明差异") as refused:
        handover.handover(
            desk,
            incoming_username="chen",
            incoming_password=PASSWORD,
            outgoing_password=PASSWORD,
            counts={"keys": handover.HandoverCount(2)},
        )
    assert refused.value.field == "keys_note"
    assert desk.shift == old_shift and desk.operator.username == "zhang"
    assert desk.db.execute("SELECT count(*) FROM key_movements WHERE kind = '核对'").fetchone() == (
        0,
    )
    with pytest.raises(ValidationError, match="请填写接班清点的钥匙套数") as missing:
        handover.handover(
            desk, incoming_username="chen", incoming_password=PASSWORD, outgoing_password=PASSWORD
        )
    assert missing.value.field == "keys_counted"
    done = handover.handover(
        desk,
        incoming_username="chen",
        incoming_password=PASSWORD,
        outgoing_password=PASSWORD,
        counts={"keys": handover.HandoverCount(1)},
    )
    assert done.changes.did("shift_handed_over", "keys_counted")
    [section] = keys_due.report_section(desk, old_shift.id)["keys_counts"]
    assert section["expected"] == "1 套" and section["difference"] == "相符"
    assert section["counted_by"] == "陈静"
