"""Migration 0016_renovation."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import STAMP_COLUMNS

NAME = "0016_renovation"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
    # Renovation (装修与放行). An application (装修申请) for a unit: the applicant (the
    # owner of record, or a tenant with the owner's written consent: how and when), the
    # contractor with its foreman (ID kept masked only) and fire-safety officer, the works
    # items (JSON list; load-bearing walls are refused by the service, 墙体拆改 only with
    # 不涉及承重墙 confirmed), the planned period, the signed papers; engineering's review
    # (工程部意见), the approver's decision. The fees posted on approval are the ledger's
    # charges, linked by their role; the permit (装修许可证) is issued once they are paid.
    # Vocabularies frozen here.
    db.executescript(
        f"""
CREATE TABLE renovation_applications (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (number <> ''),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    applicant_role TEXT NOT NULL CHECK (applicant_role IN ('owner', 'tenant')),
    applicant_person_id INTEGER REFERENCES people(id),
    applicant_name TEXT NOT NULL CHECK (applicant_name <> ''),
    applicant_phone TEXT NOT NULL DEFAULT '',
    consent_how TEXT NOT NULL DEFAULT '',
    consent_on TEXT,
    contractor TEXT NOT NULL CHECK (contractor <> ''),
    licence_no TEXT NOT NULL CHECK (licence_no <> ''),
    foreman_name TEXT NOT NULL CHECK (foreman_name <> ''),
    foreman_phone TEXT NOT NULL CHECK (foreman_phone <> ''),
    foreman_id_masked TEXT NOT NULL CHECK (foreman_id_masked <> ''),
    fire_officer TEXT NOT NULL CHECK (fire_officer <> ''),
    works TEXT NOT NULL CHECK (json_valid(works) AND json_array_length(works) > 0),
    no_load_bearing INTEGER NOT NULL DEFAULT 0 CHECK (no_load_bearing IN (0, 1)),
    planned_start TEXT NOT NULL,
    planned_end TEXT NOT NULL,
    agreement_signed INTEGER NOT NULL CHECK (agreement_signed = 1),
    fire_pledge_signed INTEGER NOT NULL CHECK (fire_pledge_signed = 1),
    state TEXT NOT NULL DEFAULT '待审核'
        CHECK (state IN ('待审核', '待审批', '已批准', '已驳回', '已发证')),
    review_opinion TEXT NOT NULL DEFAULT '',
    review_passed INTEGER CHECK (review_passed IS NULL OR review_passed IN (0, 1)),
    reviewed_at TEXT,
    reviewed_by INTEGER REFERENCES operators(id),
    decided_at TEXT,
    decided_by INTEGER REFERENCES operators(id),
    reject_reason TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK (planned_end >= planned_start),
    CHECK (applicant_role = 'owner' OR (consent_how <> '' AND consent_on IS NOT NULL)),
    CHECK ((reviewed_at IS NULL) = (review_passed IS NULL)),
    CHECK (state = '待审核' OR reviewed_at IS NOT NULL OR state = '已驳回'),
    CHECK (state NOT IN ('已批准', '已驳回', '已发证') OR decided_at IS NOT NULL),
    CHECK (state <> '已驳回' OR reject_reason <> '')
);
CREATE INDEX renovation_applications_unit ON renovation_applications(unit_id, id);
CREATE INDEX renovation_applications_state ON renovation_applications(state);

CREATE TABLE renovation_charges (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES renovation_applications(id),
    charge_id INTEGER NOT NULL UNIQUE REFERENCES charges(id),
    role TEXT NOT NULL CHECK (role IN ('deposit', 'management', 'waste')),
    {STAMP_COLUMNS},
    UNIQUE (application_id, role)
);

CREATE TABLE renovation_permits (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (number <> ''),
    application_id INTEGER NOT NULL REFERENCES renovation_applications(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    working_hours TEXT NOT NULL CHECK (working_hours <> ''),
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX renovation_permits_application ON renovation_permits(application_id, id);
CREATE INDEX renovation_permits_unit ON renovation_permits(unit_id, id);
"""
    )
