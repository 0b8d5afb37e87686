"""装修申请 → 工程部审核 → 审批 (the fees posted to the ledger) → 装修许可证.

An application is entered by the desk for a unit: the applicant is the owner of record, or
a tenant only with the owner's written consent recorded (how and when); the contractor with
its foreman (ID checked, kept masked) and fire-safety officer; works items from the estate's
checklist — load-bearing walls refused, 墙体拆改 only with 不涉及承重墙 confirmed; the
planned period within one permit's period; both papers signed. Engineering's opinion is
entered by the desk; the approver (the role ``renovation.approver_role``, through the
supervisor-approval mechanism) approves — the fees are posted to the unit in the same
operation — or rejects with a reason. The permit issues only when every fee is paid; the
unit is then 装修中."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk_app.core import renovation as rules
from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.core.masking import mask_id_number, validate_id_number, validate_phone
from desk_app.core.money import fen_to_yuan_text, format_fen
from desk_app.core.numbering import day_prefix, next_number
from desk_app.services.desk import ROLE_LABELS, Desk
from desk_app.services.directory import estate
from desk_app.services.ledger import charges, fee_items
from desk_app.services.operations import Done
from desk_app.services.renovation import setup
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.directory import people as people_store
from desk_app.storage.renovation import applications as store
from desk_app.storage.renovation.applications import (
    ApplicationRow,
    FeeChargeRow,
    NewApplication,
    PermitRow,
)

APPLICATION_LETTERS = "ZX"
PERMIT_LETTERS = "ZXXK"
CHARGE_SOURCE = "renovation"


@dataclass(frozen=True)
class ApplicationInput:
    unit: str  # the unit's code as typed (3-2-501)
    applicant_role: str  # owner / tenant
    contractor: str
    licence_no: str
    foreman_name: str
    foreman_phone: str
    foreman_id_number: str
    fire_officer: str
    works: tuple[str, ...]
    planned_start: str
    planned_end: str
    person_id: int = 0  # the owner (or tenant) of record chosen
    applicant_name: str = ""  # a tenant not in the directory
    applicant_phone: str = ""
    consent_how: str = ""  # the owner's written consent: how it was given (书面同意书 …)
    consent_on: str = ""  # and when
    no_load_bearing: bool = False  # 墙体拆改: the applicant states no load-bearing wall
    agreement_signed: bool = False  # 装修管理服务协议
    fire_pledge_signed: bool = False  # 装修防火责任书


@dataclass(frozen=True)
class ApplicationView:
    application: ApplicationRow
    fees: list[FeeChargeRow]
    permits: list[PermitRow]

    @property
    def outstanding_fen(self) -> int:
        return sum(f.outstanding_fen for f in self.fees)

    @property
    def permit(self) -> PermitRow | None:
        return self.permits[-1] if self.permits else None


def get(desk: Desk, application_id: int) -> ApplicationRow:
    row = store.get(desk.db, application_id)
    if row is None:
        raise NotFoundError("该装修申请不存在。", field="application")
    return row


def find(desk: Desk, number: str) -> ApplicationRow:
    row = store.by_number(desk.db, number.strip().upper())
    if row is None:
        raise NotFoundError(f"没有装修申请“{number.strip()}”。", field="application")
    return row


def view(desk: Desk, application_id: int) -> ApplicationView:
    row = get(desk, application_id)
    return ApplicationView(
        row, store.fee_charges(desk.db, row.id), store.permits_of(desk.db, row.id)
    )


def applications(desk: Desk, *, active: bool = False) -> list[ApplicationView]:
    """The applications, the newest first (``active``: not rejected — under way or with a
    permit)."""
    rows = store.applications(desk.db, rules.OPEN_STATES if active else None)
    return [
        ApplicationView(r, store.fee_charges(desk.db, r.id), store.permits_of(desk.db, r.id))
        for r in rows
    ]


def _day(text: str, label: str, field: str) -> date:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValidationError(f"{label}格式不正确（如 2026-12-10）。", field=field) from None


def _text(value: str, message: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(message, field=field)
    return text


def _applicant(desk: Desk, unit_id: int, new: ApplicationInput) -> tuple[int | None, str, str]:
    """(person id, name, phone) of the applicant, or a refusal: the owner of record, or a
    tenant with the owner's written consent recorded."""
    current = people_store.occupancies_for_unit(desk.db, unit_id, current_only=True)
    if new.applicant_role == "owner":
        owners = {o.person_id: o for o in current if o.role in ("owner", "co_owner")}
        if not owners:
            raise ValidationError("该房屋没有登记业主，请先在业主档案登记。", field="applicant")
        if new.person_id not in owners:
            raise ValidationError("申请人须是该房屋登记的业主。", field="applicant")
        person = owners[new.person_id].person
        return new.person_id, person.name, person.phone or ""
    if new.applicant_role != "tenant":
        raise ValidationError("申请人只能是业主或租户。", field="applicant")
    if not (new.consent_how or "").strip() or not (new.consent_on or "").strip():
        raise ValidationError(
            "租户申请装修须有业主的书面同意，请记录同意的方式和日期。", field="consent_how"
        )
    consent_on = _day(new.consent_on, "业主同意日期", "consent_on")
    if consent_on > desk.clock.now().date():
        raise ValidationError("业主同意日期不能晚于今天。", field="consent_on")
    tenants = {o.person_id: o for o in current if o.role == "tenant"}
    if new.person_id:
        if new.person_id not in tenants:
            raise ValidationError("所选的人不是该房屋登记的租户。", field="applicant")
        person = tenants[new.person_id].person
        return new.person_id, person.name, person.phone or ""
    name = _text(new.applicant_name, "请填写申请人姓名。", "applicant_name")
    phone = _checked_phone(new.applicant_phone, "applicant_phone")
    return None, name, phone


def _checked_phone(text: str, field: str) -> str:
    value = _text(text, "请填写联系电话。", field)
    try:
        return validate_phone(value)
    except ValidationError as error:
        raise ValidationError(error.message, field=field) from None


def _next(desk: Desk, table: str, letters: str, on: date) -> str:
    prefix = day_prefix(letters, on)
    return next_number(letters, on, store.last_number_with_prefix(desk.db, table, prefix))


def apply(desk: Desk, new: ApplicationInput) -> Done[ApplicationRow]:
    """Enter an application (装修申请表) for a unit; numbered ZX + date + sequence."""
    unit = estate.find_unit(desk, new.unit)
    if any(a.unit_id == unit.id for a in store.applications(desk.db, rules.OPEN_STATES)):
        raise ValidationError(f"{unit.code} 已有未结束的装修申请。", field="unit")
    person_id, name, phone = _applicant(desk, unit.id, new)
    works = rules.check_works(
        list(new.works), setup.works_items(desk), no_load_bearing=new.no_load_bearing
    )
    contractor = _text(new.contractor, "请填写装修单位。", "contractor")
    licence = _text(new.licence_no, "请填写装修单位的营业执照（资质）号。", "licence_no")
    foreman = _text(new.foreman_name, "请填写装修负责人姓名。", "foreman_name")
    foreman_phone = _checked_phone(new.foreman_phone, "foreman_phone")
    id_text = _text(new.foreman_id_number, "请填写装修负责人的身份证号码。", "foreman_id_number")
    try:
        foreman_id = validate_id_number(id_text, today=desk.clock.now().date())
    except ValidationError as error:
        raise ValidationError(error.message, field="foreman_id_number") from None
    fire_officer = _text(new.fire_officer, "请填写防火责任人。", "fire_officer")
    start = _day(new.planned_start, "计划开工日期", "planned_start")
    end = _day(new.planned_end, "计划完工日期", "planned_end")
    rules.check_period(start, end, setup.permit_months(desk))
    if not new.agreement_signed:
        raise ValidationError("请先签署装修管理服务协议。", field="agreement_signed")
    if not new.fire_pledge_signed:
        raise ValidationError("请先签署装修防火责任书。", field="fire_pledge_signed")
    today = desk.clock.now().date()
    with desk.operation("renovation_applied") as op:
        number = _next(desk, "renovation_applications", APPLICATION_LETTERS, today)
        application_id = store.insert_application(
            op.db,
            NewApplication(
                number=number,
                unit_id=unit.id,
                applicant_role=new.applicant_role,
                applicant_person_id=person_id,
                applicant_name=name,
                applicant_phone=phone,
                consent_how=(new.consent_how or "").strip(),
                consent_on=(new.consent_on or "").strip() or None,
                contractor=contractor,
                licence_no=licence,
                foreman_name=foreman,
                foreman_phone=foreman_phone,
                foreman_id_masked=mask_id_number(foreman_id),
                fire_officer=fire_officer,
                works=works,
                no_load_bearing=new.no_load_bearing,
                planned_start=start.isoformat(),
                planned_end=end.isoformat(),
                agreement_signed=True,
                fire_pledge_signed=True,
            ),
            op.stamp,
        )
        op.record(
            "renovation_applications",
            application_id,
            number=number,
            unit=unit.code,
            applicant=name,
            applicant_role=new.applicant_role,
            consent_how=(new.consent_how or "").strip(),
            works=works,
        )
    return op.done(get(desk, application_id))


def review(desk: Desk, application_id: int, opinion: str, passed: bool) -> Done[ApplicationRow]:
    """Engineering's review (工程部意见) as the desk enters it from the paper."""
    row = get(desk, application_id)
    if row.state != "待审核":
        raise ValidationError(f"该申请当前为“{row.state}”，不能再审核。", field="application")
    text = _text(opinion, "请填写工程部意见。", "opinion")
    with desk.operation("renovation_reviewed") as op:
        store.update(
            op.db,
            row.id,
            {
                "state": "待审批",
                "review_opinion": text,
                "review_passed": int(passed),
                "reviewed_at": op.at,
                "reviewed_by": op.operator_id,
            },
            op.at,
        )
        op.record("renovation_applications", row.id, opinion=text, passed=passed)
    return op.done(get(desk, row.id))


def _approver(desk: Desk, approval: Approval | None, what: str) -> Approval:
    role = setup.approver_role(desk)
    if approval is None:
        raise ValidationError(f"{what}须经{ROLE_LABELS[role]}批准。", field="approval")
    if not approval.approver.at_least(role):
        raise PermissionDenied(f"{what}须经{ROLE_LABELS[role]}批准。")
    return approval


def fee_amounts(desk: Desk, unit_id: int) -> dict[str, int]:
    """The fees an approval posts, by role (those of zero amount left out)."""
    unit = estate.get_unit(desk, unit_id)
    fees = setup.fees(desk)
    amounts = {"deposit": fees.deposit_fen}
    if fees.management_per_m2_fen:
        if not unit.area_centi_m2:
            raise ValidationError(
                f"房屋 {unit.code} 没有建筑面积，无法计算装修管理费。", field="unit"
            )
        amounts["management"] = rules.area_fee_fen(unit.area_centi_m2, fees.management_per_m2_fen)
    amounts["waste"] = rules.waste_fee_fen(
        unit.area_centi_m2, fees.waste_per_m2_fen, fees.waste_flat_fen
    )
    return {role: fen for role, fen in amounts.items() if fen > 0}


def _check_fee_items(desk: Desk, codes: list[str]) -> None:
    """An estate set up before these fee items existed gets them from the standard list
    (设置 → 收费项目、标准与收据本 → 添加常用收费项目); say so in the clerk's words, not the item's code."""
    have = {item.code for item in fee_items.fee_items(desk)}
    names = dict((spec[0], spec[1]) for spec in fee_items.STANDARD_FEE_ITEMS)
    missing = [names.get(code, code) for code in codes if code not in have]
    if missing:
        raise ValidationError(
            f"收费项目中还没有“{'、'.join(missing)}”：请主管在 设置 → 收费项目、标准与收据本 中"
            "点“添加常用收费项目”后再批准。",
            field="application",
        )


def approve(desk: Desk, application_id: int, approval: Approval | None) -> Done[ApplicationView]:
    """The approver's approval; the fees (装修保证金 as a deposit, 装修管理费 by area,
    垃圾清运费) are posted to the unit, due today, in the same operation."""
    row = get(desk, application_id)
    if row.state != "待审批":
        raise ValidationError(f"该申请当前为“{row.state}”，不能审批。", field="application")
    if not row.review_passed:
        raise ValidationError("工程部审核未通过，只能驳回。", field="application")
    amounts = fee_amounts(desk, row.unit_id)
    _check_fee_items(desk, [setup.FEE_ITEMS[role] for role in amounts])
    granted = _approver(desk, approval, "批准装修申请")
    today = desk.clock.now().date().isoformat()
    with desk.operation("renovation_approved") as op:
        for role, fen in amounts.items():
            posted = charges.post_charge(
                desk,
                row.unit_id,
                setup.FEE_ITEMS[role],
                due_on=today,
                amount=fen_to_yuan_text(fen),
                description=f"{_FEE_NAMES[role]} {row.number}",
                source=CHARGE_SOURCE,
                source_ref=row.number,
            ).value
            link_id = store.insert_fee_charge(op.db, row.id, posted.charge_id, role, op.stamp)
            op.record("renovation_charges", link_id, charge_id=posted.charge_id, role=role)
        store.update(
            op.db,
            row.id,
            {"state": "已批准", "decided_at": op.at, "decided_by": granted.approver.id},
            op.at,
        )
        granted.write_to(op, "renovation_applications", row.id)
        op.record(
            "renovation_applications",
            row.id,
            approver=granted.approver.username,
            fees={role: format_fen(fen) for role, fen in amounts.items()},
        )
    return op.done(view(desk, row.id))


_FEE_NAMES = {"deposit": "装修保证金", "management": "装修管理费", "waste": "装修垃圾清运费"}


def reject(
    desk: Desk, application_id: int, reason: str, approval: Approval | None
) -> Done[ApplicationRow]:
    """The approver's rejection (before or after the review) with its reason."""
    row = get(desk, application_id)
    if row.state not in ("待审核", "待审批"):
        raise ValidationError(f"该申请当前为“{row.state}”，不能驳回。", field="application")
    why = _text(reason, "请填写驳回原因。", "reason")
    granted = _approver(desk, approval, "驳回装修申请")
    with desk.operation("renovation_rejected") as op:
        store.update(
            op.db,
            row.id,
            {
                "state": "已驳回",
                "decided_at": op.at,
                "decided_by": granted.approver.id,
                "reject_reason": why,
            },
            op.at,
        )
        granted.write_to(op, "renovation_applications", row.id)
        op.record("renovation_applications", row.id, reason=why)
    return op.done(get(desk, row.id))


def issue_permit(desk: Desk, application_id: int) -> Done[PermitRow]:
    """The permit (装修许可证) of an approved application whose fees are all paid: from the
    planned start (today when that has passed) for the estate's permit period, with the
    working hours; the unit becomes 装修中."""
    current = view(desk, application_id)
    row = current.application
    if row.state != "已批准":
        raise ValidationError(f"该申请当前为“{row.state}”，不能发许可证。", field="application")
    unpaid = [f for f in current.fees if f.outstanding_fen > 0]
    if unpaid:
        owed = "、".join(f"{f.item_name} {format_fen(f.outstanding_fen)}" for f in unpaid)
        raise ValidationError(f"装修费用未缴清（{owed}），请先收款。", field="fees")
    today = desk.clock.now().date()
    start = max(date.fromisoformat(row.planned_start), today)
    end = rules.permit_end(start, setup.permit_months(desk))
    hours = setup.working_hours(desk)
    with desk.operation("renovation_permit_issued") as op:
        number = _next(desk, "renovation_permits", PERMIT_LETTERS, today)
        permit_id = store.insert_permit(
            op.db,
            number=number,
            application_id=row.id,
            unit_id=row.unit_id,
            starts_on=start.isoformat(),
            ends_on=end.isoformat(),
            working_hours=hours,
            stamp=op.stamp,
        )
        store.update(op.db, row.id, {"state": "已发证"}, op.at)
        estate.update_unit(desk, row.unit_id, status=rules.UNDER_WORKS_STATUS)
        op.record(
            "renovation_permits",
            permit_id,
            number=number,
            application=row.number,
            starts_on=start.isoformat(),
            ends_on=end.isoformat(),
        )
        op.touch("renovation_applications", [row.id])
    return op.done(store.permits_of(desk.db, row.id)[-1])
