"""装修申请 → 工程部审核 → 审批 (fees posted) → 收款 → 装修许可证, on a real database."""

from __future__ import annotations

import pytest

from desk_app.core.errors import PermissionDenied, ValidationError
from desk_app.services.desk import settings
from desk_app.services.directory import estate
from desk_app.services.ledger import charges
from desk_app.services.renovation import applications
from desk_app.services.shifts import login
from desk_app.storage.desk import integrity
from tests.builders.renovation import (
    application,
    application_input,
    approval_by,
    approved,
    paid,
    renovation_estate,
)
from tests.builders.staff import PASSWORD


@pytest.fixture
def unit(staffed_desk):
    return renovation_estate(staffed_desk)


def _operations(desk):
    return [r[0] for r in desk.db.execute("SELECT operation FROM audit_log ORDER BY id")]


def test_the_whole_path_to_the_permit(staffed_desk, unit):
    desk = staffed_desk
    row = application(desk, unit)
    assert row.number == "ZX20261120-0001"
    assert row.state == "待审核"
    assert row.foreman_id_masked == "110***********0024"
    assert row.works == ["水电改造", "吊顶", "地面"]

    reviewed = applications.review(desk, row.id, "同意施工", True).value
    assert reviewed.state == "待审批" and reviewed.review_passed is True

    view = applications.approve(desk, row.id, approval_by(desk)).value
    assert view.application.state == "已批准"
    # 128.80 ㎡ × 3.00 = 386.40; deposit 2,000; waste flat 300
    assert {f.role: f.amount_fen for f in view.fees} == {
        "deposit": 200000,
        "management": 38640,
        "waste": 30000,
    }
    assert view.outstanding_fen == 268640
    assert charges.balance(desk, unit.id) >= 268640
    kinds = {
        r[0]: r[1]
        for r in desk.db.execute(
            "SELECT f.code, c.kind FROM charges c JOIN fee_items f ON f.id = c.item_id "
            "WHERE c.source = 'renovation'"
        )
    }
    assert kinds == {
        "renovation_deposit": "deposit",
        "renovation_fee": "charge",
        "renovation_waste": "charge",
    }

    paid(desk, unit, view)
    permit = applications.issue_permit(desk, row.id).value
    assert permit.number == "ZXXK20261120-0001"
    assert (permit.starts_on, permit.ends_on) == ("2026-11-25", "2027-02-24")
    assert permit.working_hours == "工作日 08:00–12:00、14:00–18:00；休息日不得施工"
    assert applications.get(desk, row.id).state == "已发证"
    assert estate.get_unit(desk, unit.id).status == "装修中"

    ops = _operations(desk)
    for name in (
        "renovation_applied",
        "renovation_reviewed",
        "renovation_approved",
        "renovation_permit_issued",
        "approval_granted",
        "charge_posted",
        "unit_updated",
    ):
        assert name in ops
    failed = [r for r in integrity.full_check(desk.db) if not r.ok]
    assert failed == []


def test_a_permit_cannot_issue_unpaid(staffed_desk, unit):
    view = approved(staffed_desk, unit)
    with pytest.raises(ValidationError, match="装修费用未缴清"):
        applications.issue_permit(staffed_desk, view.application.id)
    assert applications.get(staffed_desk, view.application.id).state == "已批准"
    assert estate.get_unit(staffed_desk, unit.id).status != "装修中"


def test_a_permit_cannot_issue_partly_paid(staffed_desk, unit):
    from desk_app.services.ledger import payments

    view = approved(staffed_desk, unit)
    payments.take_payment(staffed_desk, unit.id, method="现金", charge_ids=[view.fees[0].charge_id])
    with pytest.raises(ValidationError, match="装修费用未缴清"):
        applications.issue_permit(staffed_desk, view.application.id)


def test_a_tenant_without_the_owners_consent_is_refused(staffed_desk, unit):
    tenant = application_input(
        staffed_desk,
        unit,
        applicant_role="tenant",
        person_id=0,
        applicant_name="李租客",
        applicant_phone="13700001111",
    )
    with pytest.raises(ValidationError, match="业主的书面同意"):
        applications.apply(staffed_desk, tenant)
    assert (
        staffed_desk.db.execute("SELECT count(*) FROM renovation_applications").fetchone()[0] == 0
    )


def test_a_tenant_with_the_owners_written_consent_applies(staffed_desk, unit):
    row = application(
        staffed_desk,
        unit,
        applicant_role="tenant",
        person_id=0,
        applicant_name="李租客",
        applicant_phone="13700001111",
        consent_how="业主书面同意书（原件存档）",
        consent_on="2026-11-18",
    )
    assert (row.applicant_role, row.applicant_name) == ("tenant", "李租客")
    assert row.consent_how == "业主书面同意书（原件存档）"


def test_someone_not_the_owner_is_refused(staffed_desk, unit):
    with pytest.raises(ValidationError, match="登记的业主"):
        application(staffed_desk, unit, person_id=999)


@pytest.mark.parametrize(
    ("works", "confirmed", "message"),
    [
        (("拆改承重墙",), True, "承重"),
        (("墙体拆改",), False, "不涉及承重墙"),
        (("挖地下室",), True, "不在装修项目清单"),
        ((), True, "请选择装修项目"),
    ],
)
def test_works_on_load_bearing_walls_are_refused(staffed_desk, unit, works, confirmed, message):
    with pytest.raises(ValidationError, match=message):
        application(staffed_desk, unit, works=works, no_load_bearing=confirmed)


def test_wall_works_with_no_load_bearing_wall_confirmed_pass(staffed_desk, unit):
    row = application(staffed_desk, unit, works=("墙体拆改", "水电改造"), no_load_bearing=True)
    assert row.works == ["水电改造", "墙体拆改"]  # the checklist's order
    assert row.no_load_bearing


def test_the_planned_period_fits_in_one_permit(staffed_desk, unit):
    with pytest.raises(ValidationError, match="不能超过装修许可期限"):
        application(staffed_desk, unit, planned_start="2026-11-25", planned_end="2027-02-25")


def test_papers_must_be_signed(staffed_desk, unit):
    with pytest.raises(ValidationError, match="装修防火责任书"):
        application(staffed_desk, unit, fire_pledge_signed=False)


def test_one_open_application_per_unit(staffed_desk, unit):
    application(staffed_desk, unit)
    with pytest.raises(ValidationError, match="已有未结束的装修申请"):
        application(staffed_desk, unit)


def test_rejection_with_a_reason_posts_nothing(staffed_desk, unit):
    row = application(staffed_desk, unit)
    applications.review(staffed_desk, row.id, "图纸不全", False)
    with pytest.raises(ValidationError, match="只能驳回"):
        applications.approve(staffed_desk, row.id, approval_by(staffed_desk))
    rejected = applications.reject(
        staffed_desk, row.id, "缺少水电改造图纸", approval_by(staffed_desk, reason="图纸不全")
    ).value
    assert (rejected.state, rejected.reject_reason) == ("已驳回", "缺少水电改造图纸")
    assert applications.view(staffed_desk, row.id).fees == []
    assert "renovation_rejected" in _operations(staffed_desk)
    # a rejected application no longer blocks a new one
    assert application(staffed_desk, unit).number == "ZX20261120-0002"


def test_approval_needs_the_approver_role(staffed_desk, unit):
    row = application(staffed_desk, unit)
    applications.review(staffed_desk, row.id, "同意", True)
    with pytest.raises(ValidationError, match="须经客服主管批准"):
        applications.approve(staffed_desk, row.id, None)
    with pytest.raises(PermissionDenied):
        applications.approve(staffed_desk, row.id, approval_by(staffed_desk, "chen"))
    _set(staffed_desk, "renovation.approver_role", "manager")
    with pytest.raises(PermissionDenied, match="客服中心经理"):
        applications.approve(staffed_desk, row.id, approval_by(staffed_desk))
    assert applications.approve(staffed_desk, row.id, approval_by(staffed_desk, "boss")).value


def _set(desk, key, value):
    login.login(desk, "lee", PASSWORD, "早班")
    settings.update(desk, {key: value})
    login.login(desk, "zhang", PASSWORD, "早班")


def test_fees_follow_the_settings(staffed_desk, unit):
    _set(staffed_desk, "renovation.waste_fee_per_m2_fen", 150)
    _set(staffed_desk, "renovation.deposit_fen", 0)
    view = approved(staffed_desk, unit)
    # deposit 0: not posted; waste 128.80 × 1.50 = 193.20
    assert {f.role: f.amount_fen for f in view.fees} == {"management": 38640, "waste": 19320}


def test_a_permit_starts_today_when_the_planned_start_has_passed(staffed_desk, unit, clock):
    view = approved(staffed_desk, unit, planned_start="2026-11-10", planned_end="2027-01-31")
    paid(staffed_desk, unit, view)
    permit = applications.issue_permit(staffed_desk, view.application.id).value
    assert (permit.starts_on, permit.ends_on) == ("2026-11-20", "2027-02-19")
    with pytest.raises(ValidationError, match="不能发许可证"):
        applications.issue_permit(staffed_desk, view.application.id)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("renovation.approver_role", "clerk", "supervisor 或 manager"),
        ("renovation.working_hours", "8点到12点", "时:分-时:分"),
        ("renovation.permit_months", 0, "1–24"),
    ],
)
def test_bad_settings_are_refused(staffed_desk, key, value, message):
    login.login(staffed_desk, "lee", PASSWORD, "早班")
    with pytest.raises(ValidationError, match=message):
        settings.update(staffed_desk, {key: value})


def test_an_estate_without_the_new_fee_items_is_told_how_to_add_them(staffed_desk, unit):
    desk = staffed_desk
    # an estate whose standard items were installed before 装修管理费 was one of them
    desk.db.execute("DELETE FROM fee_items WHERE code = 'renovation_fee'")
    desk.db.execute("DELETE FROM temp.witnessed")  # the file as it came, not a write of ours
    row = application(desk, unit)
    applications.review(desk, row.id, "同意施工", True)
    with pytest.raises(ValidationError, match="还没有“装修管理费”.*添加常用收费项目"):
        applications.approve(desk, row.id, approval_by(desk))
    assert applications.get(desk, row.id).state == "待审批"
    assert not desk.db.execute("SELECT 1 FROM charges WHERE source = 'renovation'").fetchall()
