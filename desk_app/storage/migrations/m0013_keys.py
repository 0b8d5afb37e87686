"""Migration 0013_keys."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import STAMP_COLUMNS, append_only_triggers

NAME = "0013_keys"
APPEND_ONLY: tuple[str, ...] = ("key_movements",)


def migrate(db: Database) -> None:
    # The key registry (钥匙管理). A key set (one bunch on one hook) has a code tag
    # (K0001234, never an address) and a kind: owners' keys held in trust (业主代管) or
    # before hand-over (接管) belong to a unit; public-area keys (公共区域) to a building
    # and floor; equipment-room keys (设施设备房) to a public place. Its pieces by type
    # are counted at the desk (held) and on loan (out); ``loan_id`` is the open loan
    # and ``due_back`` its time, so that "out now" and "overdue" read one partial index.
    # Every movement (入库 … 核对) is appended, never changed. Vocabularies frozen here.
    db.executescript(
        f"""
CREATE TABLE key_sets (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code GLOB 'K[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('业主代管', '接管', '公共区域', '设施设备房')),
    unit_id INTEGER REFERENCES units(id),
    building TEXT,
    floor TEXT,
    public_place_id INTEGER REFERENCES public_places(id),
    name TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    never_lend INTEGER NOT NULL DEFAULT 0 CHECK (never_lend IN (0, 1)),
    state TEXT NOT NULL DEFAULT 'in' CHECK (state IN ('in', 'out', 'empty')),
    loan_id INTEGER REFERENCES key_movements(id),
    due_back TEXT,
    note TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK ((kind IN ('业主代管', '接管') AND unit_id IS NOT NULL AND building IS NULL
            AND public_place_id IS NULL)
        OR (kind = '公共区域' AND building IS NOT NULL AND unit_id IS NULL
            AND public_place_id IS NULL)
        OR (kind = '设施设备房' AND public_place_id IS NOT NULL AND unit_id IS NULL)),
    CHECK ((loan_id IS NULL) = (due_back IS NULL)),
    CHECK ((state = 'out') = (loan_id IS NOT NULL))
);
CREATE INDEX key_sets_unit ON key_sets(unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX key_sets_place ON key_sets(public_place_id) WHERE public_place_id IS NOT NULL;
CREATE INDEX key_sets_building ON key_sets(building, floor) WHERE building IS NOT NULL;
CREATE INDEX key_sets_out ON key_sets(due_back) WHERE loan_id IS NOT NULL;

CREATE TABLE key_pieces (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES key_sets(id),
    piece_type TEXT NOT NULL CHECK (piece_type <> ''),
    held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
    out INTEGER NOT NULL DEFAULT 0 CHECK (out >= 0),
    {STAMP_COLUMNS},
    updated_at TEXT
);
CREATE UNIQUE INDEX key_pieces_type ON key_pieces(set_id, piece_type);

CREATE TABLE key_movements (
    id INTEGER PRIMARY KEY,
    set_id INTEGER REFERENCES key_sets(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('入库', '寄存', '领取', '借出', '归还', '遗失', '配钥匙', '核对')),
    at TEXT NOT NULL,
    pieces TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(pieces)),
    reason TEXT NOT NULL DEFAULT '',
    loan_id INTEGER REFERENCES key_movements(id),
    technician_id INTEGER REFERENCES technicians(id),
    borrower_name TEXT NOT NULL DEFAULT '',
    borrower_kind TEXT
        CHECK (borrower_kind IS NULL
            OR borrower_kind IN ('维修技工', '外单位人员', '员工', '业主代理人')),
    borrower_id_masked TEXT NOT NULL DEFAULT '',
    person_id INTEGER REFERENCES people(id),
    agent_name TEXT NOT NULL DEFAULT '',
    agent_id_masked TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    due_back TEXT,
    approved_by INTEGER REFERENCES operators(id),
    consent_how TEXT CHECK (consent_how IS NULL OR consent_how IN ('电话', '书面')),
    consent_at TEXT,
    repair_order_id INTEGER REFERENCES repair_orders(id),
    expected INTEGER CHECK (expected IS NULL OR expected >= 0),
    counted INTEGER CHECK (counted IS NULL OR counted >= 0),
    note TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    CHECK ((kind = '核对') = (set_id IS NULL)),
    CHECK (kind <> '核对' OR (expected IS NOT NULL AND counted IS NOT NULL)),
    CHECK (kind <> '借出' OR (purpose <> '' AND due_back IS NOT NULL
        AND borrower_kind IS NOT NULL
        AND (technician_id IS NOT NULL OR borrower_name <> ''))),
    CHECK (kind <> '归还' OR loan_id IS NOT NULL),
    CHECK (kind NOT IN ('遗失', '配钥匙') OR (approved_by IS NOT NULL AND reason <> '')),
    CHECK (kind NOT IN ('寄存', '领取') OR person_id IS NOT NULL)
);
CREATE INDEX key_movements_set ON key_movements(set_id, id);
CREATE INDEX key_movements_at ON key_movements(at);
CREATE INDEX key_movements_technician ON key_movements(technician_id, id)
    WHERE technician_id IS NOT NULL;
CREATE INDEX key_movements_borrower ON key_movements(borrower_name, id)
    WHERE borrower_name <> '';
CREATE INDEX key_movements_order ON key_movements(repair_order_id)
    WHERE repair_order_id IS NOT NULL;
{append_only_triggers("key_movements")}
"""
    )
