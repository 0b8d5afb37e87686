"""The household archive (一户一档): the facts and papers on file, a unit's whole page, and
lending the paper file (文件借阅登记).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.core.estate import format_area
from desk_app.services.desk import Desk
from desk_app.services.directory import estate, people
from desk_app.services.operations import Done
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.directory import archives as archives_store
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory.archives import ArchiveFacts, LoanRow
from desk_app.storage.directory.buildings import BuildingRow
from desk_app.storage.directory.people import VehicleRow
from desk_app.storage.directory.units import UnitRow

# Papers kept per household (DOMAIN.md §5; 住所(经营场所)登记表 for business use).
OWNER_PAPERS = [
    "身份证复印件",
    "入伙通知书",
    "前期物业管理服务协议",
    "业主情况登记表",
    "业主临时公约",
    "装修管理协议",
    "消防安全责任书",
    "物业验收交接记录表",
]


TENANT_PAPERS = ["租赁合同", "承租人身份证/营业执照复印件", "委托书", "前期费用结算清单"]


BUSINESS_PAPER = "住所(经营场所)登记表"


ALL_PAPERS = [*OWNER_PAPERS, *TENANT_PAPERS, BUSINESS_PAPER]


@dataclass(frozen=True)
class UnitPage:
    unit: UnitRow
    building: BuildingRow | None
    area_text: str
    current: list[people.OccupantView]
    history: list[people.OccupantView]
    vehicles: list[VehicleRow]
    facts: ArchiveFacts
    papers: dict[str, bool]
    loans: list[LoanRow]
    other_papers: tuple[str, ...] = ()
    """Papers on file beyond the checklist, e.g. those signed at the move-in hand-over."""


def save_archive_facts(desk: Desk, unit_id: int, facts: ArchiveFacts) -> Done[None]:
    estate.get_unit(desk, unit_id)
    labels = {
        "purchase_date": "购房日期",
        "receive_date": "收楼日期",
        "movein_date": "入住日期",
        "contract_signed_on": "购房合同签定时间",
        "checkin_done_on": "办理入住时间",
    }
    checked = replace(
        facts,
        **{name: people.check_date(getattr(facts, name), label) for name, label in labels.items()},
    )
    with desk.operation("archive_updated") as op:
        archives_store.put_facts(
            desk.db,
            unit_id,
            checked,
            updated_at=op.at,
            updated_by=op.operator_id,
            updated_shift=op.shift_id,
        )
        op.record("household_archives", unit_id)
    return op.done(None)


def set_paper_on_file(
    desk: Desk, unit_id: int, paper: str, on_file: bool, *, also: Sequence[str] = ()
) -> Done[None]:
    """Tick or clear a paper of the checklist; ``also``: papers the caller's list adds
    (the documents signed at the move-in, from its settings)."""
    estate.get_unit(desk, unit_id)
    if paper not in ALL_PAPERS and paper not in also:
        raise ValidationError(f"未知的档案资料：{paper}")
    with desk.operation("archive_paper_set") as op:
        archives_store.set_paper(
            desk.db,
            unit_id,
            paper,
            on_file,
            updated_at=op.at,
            updated_by=op.operator_id,
            updated_shift=op.shift_id,
        )
        op.record("archive_papers", unit_id, paper=paper, on_file=on_file)
    return op.done(None)


def unit_page(desk: Desk, unit_id: int) -> UnitPage:
    """Everything about a unit, masked: its people now and before, vehicles, archive."""
    unit = estate.get_unit(desk, unit_id)
    rows = people_store.occupancies_for_unit(desk.db, unit_id, current_only=False)
    views = [people.occupant_view(r) for r in rows]
    on_file = archives_store.papers_on_file(desk.db, unit_id)
    return UnitPage(
        unit=unit,
        building=buildings_store.building_by_code(desk.db, unit.building),
        area_text=format_area(unit.area_centi_m2),
        current=[v for v in views if not v.ended],
        history=[v for v in views if v.ended],
        vehicles=people_store.vehicles_for_unit(desk.db, unit_id),
        facts=archives_store.get_facts(desk.db, unit_id) or ArchiveFacts(),
        papers={paper: on_file.get(paper, False) for paper in ALL_PAPERS},
        loans=archives_store.loans_for_unit(desk.db, unit_id),
        other_papers=tuple(p for p, yes in on_file.items() if yes and p not in ALL_PAPERS),
    )


def lend_archive(
    desk: Desk,
    unit_id: int,
    *,
    borrower: str,
    purpose: str,
    approval: Approval,
    due_at: str | None = None,
    note: str | None = None,
) -> Done[int]:
    """Lending the paper file needs the manager's approval (DOMAIN.md §1)."""
    estate.get_unit(desk, unit_id)
    if not approval.approver.at_least("manager"):
        raise PermissionDenied("借阅业主档案须经客服中心经理批准。")
    if not borrower.strip() or not purpose.strip():
        raise ValidationError("请填写借阅人和借阅用途。")
    due_at = people.check_date(due_at, "应还日期")
    with desk.operation("archive_lent") as op:
        approval.write_to(op, "units", unit_id)
        loan_id = archives_store.insert_loan(
            desk.db,
            unit_id=unit_id,
            borrower=borrower.strip(),
            purpose=purpose.strip(),
            approved_by=approval.approver.id,
            lent_at=op.at,
            due_at=due_at,
            note=note,
            created_by=op.operator_id,
            created_shift=op.shift_id,
        )
        op.record("archive_loans", loan_id, borrower=borrower.strip(), unit_id=unit_id)
    return op.done(loan_id)


def return_archive(desk: Desk, loan_id: int) -> Done[None]:
    loan = archives_store.get_loan(desk.db, loan_id)
    if loan is None:
        raise NotFoundError(f"借阅记录 {loan_id} 不存在。")
    if loan.returned_at:
        raise ValidationError("该档案已归还。")
    with desk.operation("archive_returned") as op:
        archives_store.return_loan(desk.db, loan_id, returned_at=op.at, returned_to=op.operator_id)
        op.record("archive_loans", loan_id)
    return op.done(None)


def open_loans(desk: Desk) -> list[LoanRow]:
    return archives_store.open_loans(desk.db)
