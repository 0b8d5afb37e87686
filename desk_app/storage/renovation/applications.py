"""Renovation applications (装修申请), their fees' charges and permits (装修许可证)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id, update_columns, with_flags


@dataclass(frozen=True)
class NewApplication:
    number: str
    unit_id: int
    applicant_role: str
    applicant_person_id: int | None
    applicant_name: str
    applicant_phone: str
    consent_how: str
    consent_on: str | None
    contractor: str
    licence_no: str
    foreman_name: str
    foreman_phone: str
    foreman_id_masked: str
    fire_officer: str
    works: list[str]
    no_load_bearing: bool
    planned_start: str
    planned_end: str
    agreement_signed: bool
    fire_pledge_signed: bool


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    number: str
    unit_id: int
    unit_code: str
    applicant_role: str
    applicant_person_id: int | None
    applicant_name: str
    applicant_phone: str
    consent_how: str
    consent_on: str | None
    contractor: str
    licence_no: str
    foreman_name: str
    foreman_phone: str
    foreman_id_masked: str
    fire_officer: str
    works: list[str]
    no_load_bearing: bool
    planned_start: str
    planned_end: str
    agreement_signed: bool
    fire_pledge_signed: bool
    state: str
    review_opinion: str
    review_passed: bool | None
    reviewed_at: str | None
    decided_at: str | None
    reject_reason: str
    created_at: str


@dataclass(frozen=True)
class FeeChargeRow:
    role: str
    charge_id: int
    item_name: str
    amount_fen: int
    outstanding_fen: int


@dataclass(frozen=True)
class PermitRow:
    id: int
    number: str
    application_id: int
    unit_id: int
    starts_on: str
    ends_on: str
    working_hours: str
    created_at: str


_COLUMNS = (
    "a.id, a.number, a.unit_id, u.code, a.applicant_role, a.applicant_person_id, "
    "a.applicant_name, a.applicant_phone, a.consent_how, a.consent_on, a.contractor, "
    "a.licence_no, a.foreman_name, a.foreman_phone, a.foreman_id_masked, a.fire_officer, "
    "a.works, a.no_load_bearing, a.planned_start, a.planned_end, a.agreement_signed, "
    "a.fire_pledge_signed, a.state, a.review_opinion, a.review_passed, a.reviewed_at, "
    "a.decided_at, a.reject_reason, a.created_at"
)
_FROM = "FROM renovation_applications a JOIN units u ON u.id = a.unit_id"


def _application(row: tuple) -> ApplicationRow:
    values = list(with_flags(row, 17, 20, 21))
    values[16] = json.loads(values[16])
    if values[24] is not None:
        values[24] = bool(values[24])
    return ApplicationRow(*values)


def insert_application(db: Database, new: NewApplication, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO renovation_applications (number, unit_id, applicant_role, "
        "applicant_person_id, applicant_name, applicant_phone, consent_how, consent_on, "
        "contractor, licence_no, foreman_name, foreman_phone, foreman_id_masked, fire_officer, "
        "works, no_load_bearing, planned_start, planned_end, agreement_signed, "
        "fire_pledge_signed, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new.number,
            new.unit_id,
            new.applicant_role,
            new.applicant_person_id,
            new.applicant_name,
            new.applicant_phone,
            new.consent_how,
            new.consent_on,
            new.contractor,
            new.licence_no,
            new.foreman_name,
            new.foreman_phone,
            new.foreman_id_masked,
            new.fire_officer,
            json.dumps(new.works, ensure_ascii=False),
            int(new.no_load_bearing),
            new.planned_start,
            new.planned_end,
            int(new.agreement_signed),
            int(new.fire_pledge_signed),
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


def get(db: Database, application_id: int) -> ApplicationRow | None:
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?", [application_id]).fetchone()
    return _application(row) if row else None


def by_number(db: Database, number: str) -> ApplicationRow | None:
    row = db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.number = ?", [number]).fetchone()
    return _application(row) if row else None


def applications(db: Database, states: tuple[str, ...] | None = None) -> list[ApplicationRow]:
    """All applications (or those in ``states``), the newest first."""
    where, params = "", []
    if states:
        where = f"WHERE a.state IN ({', '.join('?' for _ in states)})"
        params = list(states)
    rows = db.execute(f"SELECT {_COLUMNS} {_FROM} {where} ORDER BY a.id DESC", params)
    return [_application(r) for r in rows.fetchall()]


def last_number_with_prefix(db: Database, table: str, prefix: str) -> str | None:
    if table not in ("renovation_applications", "renovation_permits"):
        raise ValueError(table)
    row = db.execute(
        f"SELECT max(number) FROM {table} WHERE number LIKE ? || '%'", [prefix]
    ).fetchone()
    return row[0] if row else None


_UPDATABLE = (
    "state",
    "review_opinion",
    "review_passed",
    "reviewed_at",
    "reviewed_by",
    "decided_at",
    "decided_by",
    "reject_reason",
)


def update(db: Database, application_id: int, changes: dict[str, object], at: str) -> None:
    update_columns(db, "renovation_applications", application_id, changes, _UPDATABLE, at)


def insert_fee_charge(
    db: Database, application_id: int, charge_id: int, role: str, stamp: Stamp
) -> int:
    cursor = db.execute(
        "INSERT INTO renovation_charges (application_id, charge_id, role, created_at, "
        "created_by, created_shift) VALUES (?, ?, ?, ?, ?, ?)",
        [application_id, charge_id, role, stamp.at, stamp.by, stamp.shift],
    )
    return inserted_id(cursor)


def fee_charges(db: Database, application_id: int) -> list[FeeChargeRow]:
    """The application's fees with what is still owed on each (adjustments counted, paid
    money as the ledger's open-charges view has it)."""
    rows = db.execute(
        "SELECT rc.role, c.id, f.name, c.amount_fen + coalesce(("
        "  SELECT sum(a.amount_fen) FROM charges a WHERE a.adjusts_id = c.id), 0), "
        "  coalesce(o.outstanding_fen, 0) "
        "FROM renovation_charges rc JOIN charges c ON c.id = rc.charge_id "
        "JOIN fee_items f ON f.id = c.item_id "
        "LEFT JOIN open_charges o ON o.charge_id = c.id "
        "WHERE rc.application_id = ? ORDER BY rc.id",
        [application_id],
    ).fetchall()
    return [FeeChargeRow(*r) for r in rows]


def insert_permit(
    db: Database,
    *,
    number: str,
    application_id: int,
    unit_id: int,
    starts_on: str,
    ends_on: str,
    working_hours: str,
    stamp: Stamp,
) -> int:
    cursor = db.execute(
        "INSERT INTO renovation_permits (number, application_id, unit_id, starts_on, ends_on, "
        "working_hours, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [number, application_id, unit_id, starts_on, ends_on, working_hours, stamp.at, stamp.by]
        + [stamp.shift],
    )
    return inserted_id(cursor)


_PERMIT = "id, number, application_id, unit_id, starts_on, ends_on, working_hours, created_at"


def permits_of(db: Database, application_id: int) -> list[PermitRow]:
    rows = db.execute(
        f"SELECT {_PERMIT} FROM renovation_permits WHERE application_id = ? ORDER BY id",
        [application_id],
    ).fetchall()
    return [PermitRow(*r) for r in rows]
