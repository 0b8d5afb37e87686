"""The household archive (一户一档): facts of the paper form, the checklist of papers
on file, and lending of the paper file (文件借阅登记)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

from desk_app.storage.rows import inserted_id


@dataclass(frozen=True)
class ArchiveFacts:
    purchase_date: str | None = None  # 购房日期
    receive_date: str | None = None  # 收楼日期
    movein_date: str | None = None  # 入住日期
    contract_signed_on: str | None = None  # 购房合同签定时间
    checkin_done_on: str | None = None  # 办理入住时间
    property_nature: str | None = None  # 产权性质
    rental_status: str | None = None  # 承租情况
    title_certificate: str | None = None  # 产权证办理
    lease_record: str | None = None  # 租赁记录
    note: str | None = None


ARCHIVE_FIELDS = [f.name for f in fields(ArchiveFacts)]


@dataclass(frozen=True)
class LoanRow:
    id: int
    unit_id: int
    unit_code: str
    borrower: str
    purpose: str
    approved_by: int
    approver_name: str
    lent_at: str
    due_at: str | None
    returned_at: str | None
    note: str | None


def get_facts(db: Database, unit_id: int) -> ArchiveFacts | None:
    row = db.execute(
        f"SELECT {', '.join(ARCHIVE_FIELDS)} FROM household_archives WHERE unit_id = ?", [unit_id]
    ).fetchone()
    return ArchiveFacts(*row) if row else None


def put_facts(
    db: Database,
    unit_id: int,
    facts: ArchiveFacts,
    *,
    updated_at: str,
    updated_by: int | None,
    updated_shift: int | None,
) -> None:
    columns = ", ".join(ARCHIVE_FIELDS)
    marks = ", ".join("?" for _ in ARCHIVE_FIELDS)
    updates = ", ".join(f"{name} = excluded.{name}" for name in ARCHIVE_FIELDS)
    db.execute(
        f"INSERT INTO household_archives (unit_id, {columns}, updated_at, updated_by, "
        f"updated_shift) VALUES (?, {marks}, ?, ?, ?) ON CONFLICT(unit_id) DO UPDATE SET "
        f"{updates}, updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
        "updated_shift = excluded.updated_shift",
        [
            unit_id,
            *(getattr(facts, n) for n in ARCHIVE_FIELDS),
            updated_at,
            updated_by,
            updated_shift,
        ],
    )


def papers_on_file(db: Database, unit_id: int) -> dict[str, bool]:
    rows = db.execute(
        "SELECT paper, on_file FROM archive_papers WHERE unit_id = ?", [unit_id]
    ).fetchall()
    return {paper: bool(on_file) for paper, on_file in rows}


def set_paper(
    db: Database,
    unit_id: int,
    paper: str,
    on_file: bool,
    *,
    updated_at: str,
    updated_by: int | None,
    updated_shift: int | None,
) -> None:
    db.execute(
        "INSERT INTO archive_papers (unit_id, paper, on_file, updated_at, updated_by, "
        "updated_shift) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(unit_id, paper) DO UPDATE SET "
        "on_file = excluded.on_file, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by, updated_shift = excluded.updated_shift",
        [unit_id, paper, int(on_file), updated_at, updated_by, updated_shift],
    )


_LOAN_SELECT = (
    "SELECT l.id, l.unit_id, u.code, l.borrower, l.purpose, l.approved_by, o.display_name, "
    "l.lent_at, l.due_at, l.returned_at, l.note FROM archive_loans l "
    "JOIN units u ON u.id = l.unit_id JOIN operators o ON o.id = l.approved_by"
)


def insert_loan(
    db: Database,
    *,
    unit_id: int,
    borrower: str,
    purpose: str,
    approved_by: int,
    lent_at: str,
    due_at: str | None,
    note: str | None,
    created_by: int | None,
    created_shift: int | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO archive_loans (unit_id, borrower, purpose, approved_by, lent_at, due_at, "
        "note, created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [unit_id, borrower, purpose, approved_by, lent_at, due_at, note, created_by, created_shift],
    )
    return inserted_id(cursor)


def return_loan(db: Database, loan_id: int, *, returned_at: str, returned_to: int | None) -> None:
    db.execute(
        "UPDATE archive_loans SET returned_at = ?, returned_to = ? "
        "WHERE id = ? AND returned_at IS NULL",
        [returned_at, returned_to, loan_id],
    )


def get_loan(db: Database, loan_id: int) -> LoanRow | None:
    row = db.execute(f"{_LOAN_SELECT} WHERE l.id = ?", [loan_id]).fetchone()
    return LoanRow(*row) if row else None


def loans_for_unit(db: Database, unit_id: int) -> list[LoanRow]:
    rows = db.execute(
        f"{_LOAN_SELECT} WHERE l.unit_id = ? ORDER BY l.id DESC", [unit_id]
    ).fetchall()
    return [LoanRow(*r) for r in rows]


def open_loans(db: Database) -> list[LoanRow]:
    rows = db.execute(f"{_LOAN_SELECT} WHERE l.returned_at IS NULL ORDER BY l.lent_at").fetchall()
    return [LoanRow(*r) for r in rows]
