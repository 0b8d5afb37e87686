"""Migration 0014_movein."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import STAMP_COLUMNS, append_only_triggers

NAME = "0014_movein"
APPEND_ONLY: tuple[str, ...] = ("movein_reinspections", "movein_photos")


def migrate(db: Database) -> None:
    # Move-in (入住交房). A delivery batch (交付批次) holds units, each with its state;
    # slots of a day with a capacity take appointments (预约), a trigger refusing one over
    # the capacity. A unit's hand-over (收房) has its stations (pending / done / skipped
    # with a reason, each with its data as JSON), the joint inspection's cells (rooms ×
    # items), the defects found (each becomes a free repair order with a deadline), their
    # photos (downscaled JPEG kept in the file) and their re-inspections (复验), appended.
    # Repair orders get a source (入住) and a deadline of their own. Vocabularies frozen here.
    db.executescript(
        f"""
CREATE TABLE movein_batches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE movein_units (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES movein_batches(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    state TEXT NOT NULL DEFAULT '未预约'
        CHECK (state IN ('未预约', '已预约', '办理中', '已交房', '带条件收房', '拒收')),
    notice_sent_at TEXT,
    notice_how TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    updated_at TEXT,
    UNIQUE (batch_id, unit_id)
);
CREATE INDEX movein_units_unit ON movein_units(unit_id);

CREATE TABLE movein_slots (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES movein_batches(id),
    day TEXT NOT NULL,
    starts TEXT NOT NULL CHECK (starts GLOB '[0-2][0-9]:[0-5][0-9]'),
    ends TEXT NOT NULL CHECK (ends GLOB '[0-2][0-9]:[0-5][0-9]'),
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK (ends > starts),
    UNIQUE (batch_id, day, starts)
);

CREATE TABLE movein_appointments (
    id INTEGER PRIMARY KEY,
    slot_id INTEGER NOT NULL REFERENCES movein_slots(id),
    batch_unit_id INTEGER NOT NULL REFERENCES movein_units(id),
    cancelled_at TEXT,
    {STAMP_COLUMNS},
    updated_at TEXT
);
CREATE UNIQUE INDEX movein_appointments_one ON movein_appointments(batch_unit_id)
    WHERE cancelled_at IS NULL;
CREATE INDEX movein_appointments_slot ON movein_appointments(slot_id)
    WHERE cancelled_at IS NULL;
CREATE TRIGGER movein_appointments_capacity BEFORE INSERT ON movein_appointments
WHEN (SELECT count(*) FROM movein_appointments
      WHERE slot_id = NEW.slot_id AND cancelled_at IS NULL)
    >= (SELECT capacity FROM movein_slots WHERE id = NEW.slot_id)
BEGIN SELECT RAISE(ABORT, 'slot full: movein_appointments'); END;

CREATE TABLE movein_handovers (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    batch_unit_id INTEGER REFERENCES movein_units(id),
    started_at TEXT NOT NULL,
    closed_at TEXT,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('已交房', '带条件收房', '拒收')),
    outcome_note TEXT NOT NULL DEFAULT '',
    person_id INTEGER REFERENCES people(id),
    agent_name TEXT NOT NULL DEFAULT '',
    agent_id_masked TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK ((closed_at IS NULL) = (outcome IS NULL)),
    CHECK (outcome <> '带条件收房' OR outcome_note <> '')
);
CREATE UNIQUE INDEX movein_handovers_open ON movein_handovers(unit_id) WHERE closed_at IS NULL;
CREATE INDEX movein_handovers_unit ON movein_handovers(unit_id, id);
CREATE INDEX movein_handovers_closed ON movein_handovers(closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE movein_stations (
    id INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES movein_handovers(id),
    station TEXT NOT NULL CHECK (station IN
        ('identity', 'fees', 'documents', 'inspection', 'meters', 'keys', 'archive')),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped')),
    reason TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(data)),
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK (state <> 'skipped' OR reason <> ''),
    UNIQUE (handover_id, station)
);

CREATE TABLE movein_cells (
    id INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES movein_handovers(id),
    room TEXT NOT NULL CHECK (room <> ''),
    item TEXT NOT NULL CHECK (item <> ''),
    result TEXT NOT NULL CHECK (result IN ('合格', '有问题')),
    {STAMP_COLUMNS},
    updated_at TEXT,
    UNIQUE (handover_id, room, item)
);

CREATE TABLE movein_defects (
    id INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES movein_handovers(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    room TEXT NOT NULL CHECK (room <> ''),
    item TEXT NOT NULL CHECK (item <> ''),
    category TEXT NOT NULL CHECK (category <> ''),
    note TEXT NOT NULL DEFAULT '',
    repair_order_id INTEGER REFERENCES repair_orders(id),
    due_on TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '待整改' CHECK (state IN ('待整改', '已复验')),
    closed_at TEXT,
    {STAMP_COLUMNS},
    updated_at TEXT,
    CHECK ((state = '已复验') = (closed_at IS NOT NULL))
);
CREATE INDEX movein_defects_handover ON movein_defects(handover_id);
CREATE INDEX movein_defects_unit ON movein_defects(unit_id, id);
CREATE INDEX movein_defects_open ON movein_defects(due_on) WHERE state = '待整改';
CREATE INDEX movein_defects_order ON movein_defects(repair_order_id)
    WHERE repair_order_id IS NOT NULL;

CREATE TABLE movein_photos (
    id INTEGER PRIMARY KEY,
    defect_id INTEGER NOT NULL REFERENCES movein_defects(id),
    image BLOB NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    original_bytes INTEGER NOT NULL CHECK (original_bytes > 0),
    {STAMP_COLUMNS}
);
CREATE INDEX movein_photos_defect ON movein_photos(defect_id);
{append_only_triggers("movein_photos")}

CREATE TABLE movein_reinspections (
    id INTEGER PRIMARY KEY,
    defect_id INTEGER NOT NULL REFERENCES movein_defects(id),
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    repair_order_id INTEGER REFERENCES repair_orders(id),
    {STAMP_COLUMNS}
);
CREATE INDEX movein_reinspections_defect ON movein_reinspections(defect_id, id);
{append_only_triggers("movein_reinspections")}

ALTER TABLE repair_orders ADD COLUMN source TEXT CHECK (source IS NULL OR source IN ('入住'));
ALTER TABLE repair_orders ADD COLUMN due_by TEXT;
"""
    )
