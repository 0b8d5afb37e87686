"""Migration 0004_reception_repairs."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.storage.migrations.sql import append_only_triggers

NAME = "0004_reception_repairs"
APPEND_ONLY: tuple[str, ...] = ("repair_events", "callback_attempts")


def migrate(db: Database) -> None:
    # The reception log (业户来电、来访接待记录表), repair orders (维修工作单) with their
    # materials and status history, the technicians and the paid-service price list
    # (有偿服务价格明细表), and the callback queue (回访) shared by repairs and complaints.
    db.executescript(
        f"""
CREATE TABLE technicians (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '工程部' CHECK (kind IN ('工程部', '外单位')),
    phone TEXT,
    specialty TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);
CREATE UNIQUE INDEX technicians_name ON technicians(name);

CREATE TABLE service_prices (
    id INTEGER PRIMARY KEY,
    category TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    labour_fen INTEGER NOT NULL DEFAULT 0 CHECK (labour_fen >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);
CREATE UNIQUE INDEX service_prices_name ON service_prices(category, name);

CREATE TABLE reception_entries (
    id INTEGER PRIMARY KEY,
    entry_no TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('来电', '来访', '来函', '其他')),
    unit_id INTEGER REFERENCES units(id),
    place_id INTEGER REFERENCES public_places(id),
    location TEXT NOT NULL DEFAULT '',
    building TEXT,
    caller_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN ('咨询', '报修', '投诉', '建议', '求助', '表扬', '其他')),
    content TEXT NOT NULL CHECK (content <> ''),
    receiver_id INTEGER REFERENCES operators(id),
    department TEXT NOT NULL DEFAULT '',
    handling TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'closed')),
    due_at TEXT,
    handled_at TEXT,
    completed_at TEXT,
    escalated INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
    repair_order_id INTEGER REFERENCES repair_orders(id),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);
CREATE INDEX reception_received ON reception_entries(received_at);
CREATE INDEX reception_unit ON reception_entries(unit_id, received_at);
CREATE INDEX reception_category ON reception_entries(category, received_at);
CREATE INDEX reception_open ON reception_entries(status, due_at) WHERE status <> 'closed';
CREATE INDEX reception_building ON reception_entries(building, received_at);
CREATE INDEX reception_repair ON reception_entries(repair_order_id);

CREATE TABLE repair_orders (
    id INTEGER PRIMARY KEY,
    order_no TEXT NOT NULL UNIQUE,
    reported_at TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    place_id INTEGER REFERENCES public_places(id),
    location TEXT NOT NULL CHECK (location <> ''),
    building TEXT,
    reporter TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL CHECK (content <> ''),
    appointment TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL DEFAULT '一般' CHECK (urgency IN ('一般', '紧急')),
    status TEXT NOT NULL DEFAULT '登记' CHECK (status IN ('登记', '已派工', '维修中', '已完工', '已回访', '暂停', '转外单位', '已取消')),
    technician_id INTEGER REFERENCES technicians(id),
    dispatched_at TEXT,
    arrived_at TEXT,
    completed_at TEXT,
    work_done TEXT NOT NULL DEFAULT '',
    labour_fen INTEGER NOT NULL DEFAULT 0 CHECK (labour_fen >= 0),
    material_fen INTEGER NOT NULL DEFAULT 0 CHECK (material_fen >= 0),
    paid INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),
    owner_signed INTEGER NOT NULL DEFAULT 0 CHECK (owner_signed IN (0, 1)),
    signed_by TEXT NOT NULL DEFAULT '',
    contractor TEXT NOT NULL DEFAULT '',
    status_reason TEXT NOT NULL DEFAULT '',
    closed_at TEXT,
    reception_id INTEGER REFERENCES reception_entries(id),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT,
    CHECK (unit_id IS NULL OR place_id IS NULL)
);
CREATE INDEX repair_reported ON repair_orders(reported_at);
CREATE INDEX repair_unit ON repair_orders(unit_id, reported_at);
CREATE INDEX repair_technician ON repair_orders(technician_id, reported_at);
CREATE INDEX repair_building ON repair_orders(building, reported_at);
CREATE INDEX repair_open ON repair_orders(status, reported_at)
    WHERE status NOT IN ('已回访', '已取消');

CREATE TABLE repair_materials (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES repair_orders(id),
    price_id INTEGER REFERENCES service_prices(id),
    name TEXT NOT NULL CHECK (name <> ''),
    unit TEXT NOT NULL DEFAULT '',
    quantity_centi INTEGER NOT NULL CHECK (quantity_centi > 0),
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX repair_materials_order ON repair_materials(order_id);

-- Every change of a repair order's status, with who, when and why.
CREATE TABLE repair_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES repair_orders(id),
    at TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX repair_events_order ON repair_events(order_id);

-- The callback queue: one row per completed repair or handled complaint.
CREATE TABLE callbacks (
    id INTEGER PRIMARY KEY,
    repair_order_id INTEGER REFERENCES repair_orders(id),
    reception_id INTEGER REFERENCES reception_entries(id),
    started_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'done', 'unreachable')),
    attempts INTEGER NOT NULL DEFAULT 0,
    result TEXT CHECK (result IS NULL OR result IN ('满意', '基本满意', '不满意')),
    comment TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '' CHECK (follow_up IN ('', 'reopened', 'escalated')),
    done_at TEXT,
    done_by INTEGER REFERENCES operators(id),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    CHECK ((repair_order_id IS NULL) <> (reception_id IS NULL))
);
CREATE INDEX callbacks_due ON callbacks(status, due_at);
CREATE INDEX callbacks_repair ON callbacks(repair_order_id);
CREATE INDEX callbacks_reception ON callbacks(reception_id);

CREATE TABLE callback_attempts (
    id INTEGER PRIMARY KEY,
    callback_id INTEGER NOT NULL REFERENCES callbacks(id),
    at TEXT NOT NULL,
    reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
    result TEXT CHECK (result IS NULL OR result IN ('满意', '基本满意', '不满意')),
    comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id);
{append_only_triggers("repair_events")}
{append_only_triggers("callback_attempts")}
"""
    )
