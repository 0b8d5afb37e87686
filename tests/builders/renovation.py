"""Renovation for tests: ``renovation_estate`` is ``receipt_estate`` (3-2-501, 128.80 ㎡,
owner 张三, the clerk zhang on duty); ``application`` enters one for the owner;
``approval_by`` is an approval by lee (客服主管); ``approved`` takes an application through
review and approval; ``paid`` pays its fees through the ledger."""

from __future__ import annotations

from dataclasses import replace

from desk_app.core.masking import id_check_char
from desk_app.services.ledger import payments
from desk_app.services.renovation import applications
from desk_app.services.renovation.applications import ApplicationInput
from desk_app.services.shifts import approvals
from desk_app.storage.directory import people as people_store
from tests.builders.ledger import receipt_estate
from tests.builders.staff import PASSWORD

FOREMAN_ID = "11010519800101002" + id_check_char("11010519800101002")


def renovation_estate(desk):
    return receipt_estate(desk)


def owner_id(desk, unit):
    return next(
        o.person_id
        for o in people_store.occupancies_for_unit(desk.db, unit.id, current_only=True)
        if o.role == "owner"
    )


def application_input(desk, unit, **changes) -> ApplicationInput:
    base = ApplicationInput(
        unit=unit.code,
        applicant_role="owner",
        person_id=owner_id(desk, unit),
        contractor="安居装饰工程有限公司",
        licence_no="91320100MA1XYZ1234",
        foreman_name="王师傅",
        foreman_phone="13911112222",
        foreman_id_number=FOREMAN_ID,
        fire_officer="王师傅",
        works=("水电改造", "吊顶", "地面"),
        planned_start="2026-11-25",
        planned_end="2027-02-20",
        agreement_signed=True,
        fire_pledge_signed=True,
    )
    return replace(base, **changes)


def application(desk, unit, **changes):
    return applications.apply(desk, application_input(desk, unit, **changes)).value


def approval_by(desk, username="lee", action="批准装修申请", reason="同意装修"):
    return approvals.verify_approval(desk, username, PASSWORD, action=action, reason=reason)


def approved(desk, unit, **changes):
    row = application(desk, unit, **changes)
    applications.review(desk, row.id, "图纸符合要求，同意施工。", True)
    return applications.approve(desk, row.id, approval_by(desk)).value


def paid(desk, unit, view):
    return payments.take_payment(
        desk, unit.id, method="现金", charge_ids=[f.charge_id for f in view.fees]
    ).value
