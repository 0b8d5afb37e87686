"""Migration 0003_directory."""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0003_directory"
APPEND_ONLY: tuple[str, ...] = ()


def migrate(db: Database) -> None:
    # The directory (业主档案): buildings and public places, unit kind/status, people,
    # who lives where (with history: rows are ended, never overwritten), vehicles,
    # the household archive facts, paper checklist, archive lending, and the search index.
    db.executescript(
        """
CREATE TABLE buildings (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    has_entrances INTEGER NOT NULL DEFAULT 1 CHECK (has_entrances IN (0, 1)),
    floors INTEGER CHECK (floors IS NULL OR floors > 0),
    note TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
INSERT INTO buildings (code, name, has_entrances, created_at)
    SELECT DISTINCT building, building || '栋', entrance IS NOT NULL, min(created_at)
    FROM units GROUP BY building;

ALTER TABLE units ADD COLUMN kind TEXT NOT NULL DEFAULT '住宅' CHECK (kind IN ('住宅', '商铺', '办公', '车位', '储藏室'));
ALTER TABLE units ADD COLUMN status TEXT NOT NULL DEFAULT '空置'
    CHECK (status IN ('空置', '已交房', '装修中', '已入住', '出租'));
ALTER TABLE units ADD COLUMN business_use INTEGER NOT NULL DEFAULT 0
    CHECK (business_use IN (0, 1));
ALTER TABLE units ADD COLUMN note TEXT;
ALTER TABLE units ADD COLUMN updated_at TEXT;

CREATE TABLE public_places (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    building TEXT,
    floor TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT CHECK (gender IS NULL OR gender IN ('男', '女')),
    birth_month TEXT,
    id_type TEXT NOT NULL DEFAULT '居民身份证',
    id_number TEXT,
    phone TEXT,
    phone2 TEXT,
    hukou TEXT,
    address TEXT,
    employer TEXT,
    position TEXT,
    employer_address TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);
CREATE UNIQUE INDEX people_id_number ON people(id_type, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX people_phone ON people(phone);

CREATE TABLE occupancies (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'co_owner', 'tenant', 'member')),
    relation TEXT,
    since TEXT,
    until TEXT,
    lease_start TEXT,
    lease_end TEXT,
    ended_reason TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    ended_at TEXT,
    ended_by INTEGER REFERENCES operators(id),
    ended_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX occupancies_unit ON occupancies(unit_id, ended_at);
CREATE INDEX occupancies_person ON occupancies(person_id);

CREATE TABLE vehicles (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    person_id INTEGER REFERENCES people(id),
    kind TEXT NOT NULL DEFAULT '汽车' CHECK (kind IN ('汽车', '摩托车', '助动车', '其它')),
    plate TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    ended_at TEXT
);
CREATE INDEX vehicles_unit ON vehicles(unit_id);
CREATE INDEX vehicles_plate ON vehicles(plate);

CREATE TABLE household_archives (
    unit_id INTEGER PRIMARY KEY REFERENCES units(id),
    purchase_date TEXT,
    receive_date TEXT,
    movein_date TEXT,
    contract_signed_on TEXT,
    checkin_done_on TEXT,
    property_nature TEXT,
    rental_status TEXT,
    title_certificate TEXT,
    lease_record TEXT,
    note TEXT,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES operators(id),
    updated_shift INTEGER REFERENCES shifts(id)
);

CREATE TABLE archive_papers (
    unit_id INTEGER NOT NULL REFERENCES units(id),
    paper TEXT NOT NULL,
    on_file INTEGER NOT NULL DEFAULT 0 CHECK (on_file IN (0, 1)),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES operators(id),
    updated_shift INTEGER REFERENCES shifts(id),
    PRIMARY KEY (unit_id, paper)
);

CREATE TABLE contact_changes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL,
    changed_by INTEGER REFERENCES operators(id),
    changed_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX contact_changes_person ON contact_changes(person_id);

CREATE TABLE archive_loans (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    borrower TEXT NOT NULL,
    purpose TEXT NOT NULL,
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    lent_at TEXT NOT NULL,
    due_at TEXT,
    returned_at TEXT,
    returned_to INTEGER REFERENCES operators(id),
    note TEXT,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX archive_loans_open ON archive_loans(returned_at);

-- One row per searchable form of a unit, person, vehicle or place (lower-case): unit
-- codes in their spellings, rooms, names, pinyin, initials, phone digits, plates; and the
-- suffixes of names, phones and plates (field '*_part') so that a substring query is a
-- prefix range scan. Derived data, rebuilt per entity (storage/search_index.py).
-- The key is the lookup order (a prefix range scan per kind reads only the key), so the
-- table is its own covering index: WITHOUT ROWID, no separate term index.
CREATE TABLE search_terms (
    kind TEXT NOT NULL CHECK (kind IN ('unit', 'person', 'vehicle', 'place')),
    term TEXT NOT NULL,
    field TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    unit_id INTEGER,
    PRIMARY KEY (kind, term, field, ref_id)
) WITHOUT ROWID;
CREATE INDEX search_terms_ref ON search_terms(kind, ref_id);
"""
    )
