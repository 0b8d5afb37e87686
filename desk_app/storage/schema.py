"""The schema as numbered migrations, recorded in the database itself.

Each migration runs in its own transaction (sqlite-utils ``Migrations``). A
database that has a migration this program does not know was written by a
newer version and is refused. Feature modules append their migrations here in
order; a migration is never edited once released.

Conventions: money columns end in ``_fen`` (INTEGER); times are ISO 8601 text
with ``+08:00``; every row written through the services carries
``created_at``, ``created_by`` (operator) and ``created_shift``.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desk_app.core.errors import SchemaTooNew

MIGRATION_SET = "desk_app"
migrations = Migrations(MIGRATION_SET)

# Tables whose rows may never be changed or removed once written. Each gets
# BEFORE UPDATE / BEFORE DELETE triggers; `desk-app check` verifies the triggers.
APPEND_ONLY_TABLES: list[str] = ["audit_log"]


def append_only_triggers(table: str) -> str:
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""


@migrations(name="0001_foundation")
def m0001_foundation(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'manager')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);

CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    operator_id INTEGER NOT NULL REFERENCES operators(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'handed_over', 'day_closed', 'closed_unattended')),
    incoming_operator_id INTEGER REFERENCES operators(id),
    next_shift_id INTEGER REFERENCES shifts(id),
    handover_document_id INTEGER REFERENCES documents(id),
    note TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts(status) WHERE status = 'open';
CREATE INDEX shifts_opened_at ON shifts(opened_at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES operators(id),
    updated_shift INTEGER REFERENCES shifts(id)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    form TEXT NOT NULL,
    title TEXT NOT NULL,
    record_table TEXT,
    record_id TEXT,
    copy_mark TEXT,
    pdf BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX documents_record ON documents(record_table, record_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator_id INTEGER REFERENCES operators(id),
    shift_id INTEGER REFERENCES shifts(id),
    actor TEXT NOT NULL,
    operation TEXT NOT NULL,
    record_table TEXT,
    record_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_shift ON audit_log(shift_id);
CREATE INDEX audit_log_record ON audit_log(record_table, record_id);
"""
        + append_only_triggers("documents")
        + append_only_triggers("audit_log")
    )


APPEND_ONLY_TABLES.append("documents")


@migrations(name="0002_estate_units")
def m0002_estate_units(db: Database) -> None:
    # The estate's map, minimal: the directory module extends it (owners,
    # statuses, public places) in its own migrations.
    db.executescript(
        """
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    building TEXT NOT NULL,
    entrance TEXT,
    floor INTEGER,
    room TEXT NOT NULL,
    area_centi_m2 INTEGER CHECK (area_centi_m2 IS NULL OR area_centi_m2 > 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX units_building ON units(building, entrance, floor);
"""
    )


UNIT_KINDS = ("住宅", "商铺", "办公", "车位", "储藏室")
UNIT_STATUSES = ("空置", "已交房", "装修中", "已入住", "出租")
OCCUPANT_ROLES = ("owner", "co_owner", "tenant", "member")
VEHICLE_KINDS = ("汽车", "摩托车", "助动车", "其它")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


@migrations(name="0003_directory")
def m0003_directory(db: Database) -> None:
    # The directory (业主档案): buildings and public places, unit kind/status, people,
    # who lives where (with history: rows are ended, never overwritten), vehicles,
    # the household archive facts, paper checklist, archive lending, and the search index.
    db.executescript(
        f"""
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

ALTER TABLE units ADD COLUMN kind TEXT NOT NULL DEFAULT '住宅' CHECK (kind IN {_in(UNIT_KINDS)});
ALTER TABLE units ADD COLUMN status TEXT NOT NULL DEFAULT '空置'
    CHECK (status IN {_in(UNIT_STATUSES)});
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
    role TEXT NOT NULL CHECK (role IN {_in(OCCUPANT_ROLES)}),
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
    kind TEXT NOT NULL DEFAULT '汽车' CHECK (kind IN {_in(VEHICLE_KINDS)}),
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


RECEPTION_CHANNELS = ("来电", "来访", "来函", "其他")
RECEPTION_CATEGORIES = ("咨询", "报修", "投诉", "建议", "求助", "表扬", "其他")
RECEPTION_STATUSES = ("open", "handled", "closed")
REPAIR_STATUSES = ("登记", "已派工", "维修中", "已完工", "已回访", "暂停", "转外单位", "已取消")
REPAIR_URGENCIES = ("一般", "紧急")
TECHNICIAN_KINDS = ("工程部", "外单位")
CALLBACK_RESULTS = ("满意", "基本满意", "不满意")


@migrations(name="0004_reception_repairs")
def m0004_reception_repairs(db: Database) -> None:
    # The reception log (业户来电、来访接待记录表), repair orders (维修工作单) with their
    # materials and status history, the technicians and the paid-service price list
    # (有偿服务价格明细表), and the callback queue (回访) shared by repairs and complaints.
    db.executescript(
        f"""
CREATE TABLE technicians (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '工程部' CHECK (kind IN {_in(TECHNICIAN_KINDS)}),
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
    channel TEXT NOT NULL CHECK (channel IN {_in(RECEPTION_CHANNELS)}),
    unit_id INTEGER REFERENCES units(id),
    place_id INTEGER REFERENCES public_places(id),
    location TEXT NOT NULL DEFAULT '',
    building TEXT,
    caller_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN {_in(RECEPTION_CATEGORIES)}),
    content TEXT NOT NULL CHECK (content <> ''),
    receiver_id INTEGER REFERENCES operators(id),
    department TEXT NOT NULL DEFAULT '',
    handling TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN {_in(RECEPTION_STATUSES)}),
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
    urgency TEXT NOT NULL DEFAULT '一般' CHECK (urgency IN {_in(REPAIR_URGENCIES)}),
    status TEXT NOT NULL DEFAULT '登记' CHECK (status IN {_in(REPAIR_STATUSES)}),
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
    result TEXT CHECK (result IS NULL OR result IN {_in(CALLBACK_RESULTS)}),
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
    result TEXT CHECK (result IS NULL OR result IN {_in(CALLBACK_RESULTS)}),
    comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id);
{append_only_triggers("repair_events")}
{append_only_triggers("callback_attempts")}
"""
    )


APPEND_ONLY_TABLES.extend(["repair_events", "callback_attempts"])


FEE_KINDS = ("area", "metered", "fixed", "one_off", "deposit")
CHARGE_KINDS = ("charge", "adjustment", "late_fee", "deposit")
PAYMENT_METHODS = ("现金", "微信", "支付宝", "银行卡", "转账")


@migrations(name="0005_ledger")
def m0005_ledger(db: Database) -> None:
    # The fee ledger (收费台账): fee items and their rates by date, charges, receipt books,
    # receipts (each a payment) with their lines, voids, and prepaid credit used later.
    # Money rows are append-only: a correction is a new row (an adjustment, a void),
    # never an edit, and every row is also in the audit chain.
    db.executescript(
        f"""
CREATE TABLE fee_items (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN {_in(FEE_KINDS)}),
    unit TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    updated_at TEXT
);

-- A rate applies from its date on (per unit kind, or to every kind when unit_kind is
-- NULL); a change is a new row, so past charges keep the rate they were made with.
CREATE TABLE fee_rates (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    unit_kind TEXT CHECK (unit_kind IS NULL OR unit_kind IN {_in(UNIT_KINDS)}),
    effective_from TEXT NOT NULL,
    price_milli_yuan INTEGER NOT NULL CHECK (price_milli_yuan >= 0),
    minimum_fen INTEGER NOT NULL DEFAULT 0 CHECK (minimum_fen >= 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX fee_rates_item ON fee_rates(item_id, effective_from);

CREATE TABLE charges (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    period TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL CHECK (description <> ''),
    quantity_centi INTEGER NOT NULL DEFAULT 100,
    price_milli_yuan INTEGER NOT NULL DEFAULT 0,
    amount_fen INTEGER NOT NULL,
    due_on TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'charge' CHECK (kind IN {_in(CHARGE_KINDS)}),
    adjusts_id INTEGER REFERENCES charges(id),
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    source_ref TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    CHECK (kind = 'adjustment' OR amount_fen > 0),
    CHECK (kind <> 'adjustment' OR (adjusts_id IS NOT NULL AND reason <> ''))
);
CREATE INDEX charges_unit ON charges(unit_id, due_on);
CREATE INDEX charges_period ON charges(period, item_id);
-- billing a period twice, or charging a repair twice, is refused by the database
CREATE UNIQUE INDEX charges_once ON charges(source, source_ref, unit_id, item_id)
    WHERE source_ref IS NOT NULL;

CREATE TABLE receipt_books (
    id INTEGER PRIMARY KEY,
    first_no INTEGER NOT NULL CHECK (first_no > 0),
    last_no INTEGER NOT NULL,
    width INTEGER NOT NULL DEFAULT 7,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    CHECK (last_no >= first_no)
);

-- One receipt per payment; its number is the next of its book, taken in the payment's
-- own transaction (UNIQUE: never twice; the service checks: never skipped).
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES receipt_books(id),
    number INTEGER NOT NULL,
    unit_id INTEGER REFERENCES units(id),
    customer TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN {_in(PAYMENT_METHODS)}),
    total_fen INTEGER NOT NULL CHECK (total_fen > 0),
    tendered_fen INTEGER,
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id),
    UNIQUE (book_id, number)
);
CREATE INDEX receipts_unit ON receipts(unit_id, issued_at);
CREATE INDEX receipts_shift ON receipts(created_shift);

-- What a receipt paid: a charge, or (charge_id NULL) credit kept for later charges.
CREATE TABLE receipt_lines (
    id INTEGER PRIMARY KEY,
    receipt_id INTEGER NOT NULL REFERENCES receipts(id),
    charge_id INTEGER REFERENCES charges(id),
    description TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0)
);
CREATE INDEX receipt_lines_receipt ON receipt_lines(receipt_id);
CREATE INDEX receipt_lines_charge ON receipt_lines(charge_id);

CREATE TABLE receipt_voids (
    receipt_id INTEGER PRIMARY KEY REFERENCES receipts(id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    voided_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);

-- Prepaid credit applied to a later charge.
CREATE TABLE credit_uses (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    charge_id INTEGER NOT NULL REFERENCES charges(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    used_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX credit_uses_unit ON credit_uses(unit_id);
CREATE INDEX credit_uses_charge ON credit_uses(charge_id);
{append_only_triggers("fee_rates")}
{append_only_triggers("charges")}
{append_only_triggers("receipt_books")}
{append_only_triggers("receipts")}
{append_only_triggers("receipt_lines")}
{append_only_triggers("receipt_voids")}
{append_only_triggers("credit_uses")}
"""
    )


APPEND_ONLY_TABLES.extend(
    [
        "fee_rates",
        "charges",
        "receipt_books",
        "receipts",
        "receipt_lines",
        "receipt_voids",
        "credit_uses",
    ]
)


ARREARS_ACTIONS = (
    "phone",
    "notice",
    "visit",
    "registered_post",
    "manager_report",
    "utility_notice",
    "utility_suspension",
)
STAMP_COLUMNS = """created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)"""


def closed_period_trigger(table: str, date_expression: str) -> str:
    """Refuse a row dated on or before the last closed period's end (月结 locks it)."""
    return f"""
CREATE TRIGGER {table}_closed_period BEFORE INSERT ON {table}
WHEN {date_expression} <= (SELECT max(through_on) FROM period_closes)
BEGIN SELECT RAISE(ABORT, 'closed period: {table}'); END;
"""


@migrations(name="0006_ledger_operations")
def m0006_ledger_operations(db: Database) -> None:
    # Billing runs and meter readings, refunds, invoice exchanges, late-fee waivers,
    # arrears chasing, the weekly cash handover to finance and the month-end close.
    # All are append-only; a closed period refuses any money row dated inside it.
    db.executescript(
        f"""
-- A reading entered for a period (抄表); a re-entry is a new row and the latest counts.
CREATE TABLE meter_readings (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    item_id INTEGER NOT NULL REFERENCES fee_items(id),
    period TEXT NOT NULL,
    reading_centi INTEGER NOT NULL CHECK (reading_centi >= 0),
    read_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'desk',
    {STAMP_COLUMNS}
);
CREATE INDEX meter_readings_unit ON meter_readings(unit_id, item_id, period, id);
CREATE INDEX meter_readings_period ON meter_readings(period, item_id);

-- A posted billing sheet (计费表): its charges carry source 'billing' and the period.
CREATE TABLE billing_runs (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    due_on TEXT NOT NULL,
    items TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    charge_count INTEGER NOT NULL CHECK (charge_count >= 0),
    total_fen INTEGER NOT NULL,
    {STAMP_COLUMNS}
);
CREATE INDEX billing_runs_period ON billing_runs(period);

-- Money paid back (退费): a deposit (charge_id = the deposit charge) or unused credit
-- (charge_id NULL), with the original receipt taken back and a 现金付出单 number.
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    receipt_id INTEGER NOT NULL REFERENCES receipts(id),
    charge_id INTEGER REFERENCES charges(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    voucher_no TEXT NOT NULL UNIQUE,
    payee TEXT NOT NULL CHECK (payee <> ''),
    reason TEXT NOT NULL CHECK (reason <> ''),
    method TEXT NOT NULL CHECK (method IN {_in(PAYMENT_METHODS)}),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    refunded_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX refunds_unit ON refunds(unit_id);
CREATE INDEX refunds_charge ON refunds(charge_id);
CREATE INDEX refunds_receipt ON refunds(receipt_id);
CREATE INDEX refunds_shift ON refunds(created_shift);

-- A receipt taken back in exchange for an invoice (发票).
CREATE TABLE invoice_exchanges (
    receipt_id INTEGER PRIMARY KEY REFERENCES receipts(id),
    invoice_no TEXT NOT NULL CHECK (invoice_no <> ''),
    exchanged_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);

-- The late fee of one overdue charge waived: a supervisor's approval and finance's consent.
CREATE TABLE late_fee_waivers (
    id INTEGER PRIMARY KEY,
    charge_id INTEGER NOT NULL UNIQUE REFERENCES charges(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    finance_consent TEXT NOT NULL CHECK (finance_consent <> ''),
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    waived_at TEXT NOT NULL,
    created_by INTEGER REFERENCES operators(id),
    created_shift INTEGER REFERENCES shifts(id)
);
CREATE INDEX late_fee_waivers_unit ON late_fee_waivers(unit_id);

-- What was done to chase a debt (催款), dated; registered post keeps the postal receipt.
CREATE TABLE arrears_actions (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    action TEXT NOT NULL CHECK (action IN {_in(ARREARS_ACTIONS)}),
    done_on TEXT NOT NULL,
    stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 3),
    owed_fen INTEGER NOT NULL DEFAULT 0,
    postal_receipt_no TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {STAMP_COLUMNS},
    CHECK (action <> 'registered_post' OR postal_receipt_no <> '')
);
CREATE INDEX arrears_actions_unit ON arrears_actions(unit_id, done_on);

-- The cash taken to finance (上缴财务部, weekly): receipts and refunds up to these ids.
CREATE TABLE cash_handovers (
    id INTEGER PRIMARY KEY,
    handed_on TEXT NOT NULL,
    first_receipt_id INTEGER,
    last_receipt_id INTEGER,
    last_refund_id INTEGER,
    total_fen INTEGER NOT NULL,
    cash_fen INTEGER NOT NULL,
    received_by TEXT NOT NULL CHECK (received_by <> ''),
    {STAMP_COLUMNS}
);

-- The month-end close (月结): the period ends on its close day (through_on); nothing
-- dated on or before the last closed through_on can be written afterwards.
CREATE TABLE period_closes (
    period TEXT PRIMARY KEY,
    through_on TEXT NOT NULL UNIQUE,
    approved_by INTEGER NOT NULL REFERENCES operators(id),
    charges_fen INTEGER NOT NULL,
    received_fen INTEGER NOT NULL,
    refunds_fen INTEGER NOT NULL,
    deposits_held_fen INTEGER NOT NULL,
    arrears_fen INTEGER NOT NULL,
    {STAMP_COLUMNS}
);
{closed_period_trigger("charges", "NEW.due_on")}
{closed_period_trigger("receipts", "substr(NEW.issued_at, 1, 10)")}
{closed_period_trigger("credit_uses", "substr(NEW.used_at, 1, 10)")}
{closed_period_trigger("refunds", "substr(NEW.refunded_at, 1, 10)")}
{closed_period_trigger("late_fee_waivers", "substr(NEW.waived_at, 1, 10)")}
{closed_period_trigger("meter_readings", "NEW.read_on")}
CREATE TRIGGER receipt_voids_closed_period BEFORE INSERT ON receipt_voids
WHEN (SELECT substr(issued_at, 1, 10) FROM receipts WHERE id = NEW.receipt_id)
     <= (SELECT max(through_on) FROM period_closes)
  OR substr(NEW.voided_at, 1, 10) <= (SELECT max(through_on) FROM period_closes)
BEGIN SELECT RAISE(ABORT, 'closed period: receipt_voids'); END;
{append_only_triggers("meter_readings")}
{append_only_triggers("billing_runs")}
{append_only_triggers("refunds")}
{append_only_triggers("invoice_exchanges")}
{append_only_triggers("late_fee_waivers")}
{append_only_triggers("arrears_actions")}
{append_only_triggers("cash_handovers")}
{append_only_triggers("period_closes")}
"""
    )


APPEND_ONLY_TABLES.extend(
    [
        "meter_readings",
        "billing_runs",
        "refunds",
        "invoice_exchanges",
        "late_fee_waivers",
        "arrears_actions",
        "cash_handovers",
        "period_closes",
    ]
)


@migrations(name="0007_ledger_indexes")
def m0007_ledger_indexes(db: Database) -> None:
    # What a charge owes sums its adjustments; without that index each charge scans every
    # charge (one unit's account took 93 s on a 10-year, 5,000-unit estate). The month-end
    # report and the close read a period's charges, receipts, refunds and voids by date.
    db.executescript(
        """
CREATE INDEX charges_adjusts ON charges(adjusts_id) WHERE adjusts_id IS NOT NULL;
CREATE INDEX charges_due ON charges(due_on);
CREATE INDEX receipts_issued ON receipts(issued_at);
CREATE INDEX refunds_refunded ON refunds(refunded_at);
CREATE INDEX receipt_voids_voided ON receipt_voids(voided_at);
"""
    )


def known_migration_names() -> list[str]:
    return [migration.name for migration in migrations._migrations]


def applied_migration_names(db: Database) -> list[str]:
    return [migration.name for migration in migrations.applied(db)]


def pending_migrations(db: Database) -> list[str]:
    return [migration.name for migration in migrations.pending(db)]


def refuse_if_newer(db: Database) -> None:
    unknown = [name for name in applied_migration_names(db) if name not in known_migration_names()]
    if unknown:
        raise SchemaTooNew(
            "该数据库由更新版本的前台程序创建（含未知结构版本 "
            + "、".join(unknown)
            + "），本程序无法打开。请升级程序。"
        )


def apply_migrations(db: Database) -> list[str]:
    pending = pending_migrations(db)
    if pending:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(known_migration_names())}")
    return pending
