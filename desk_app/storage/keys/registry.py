"""Key sets, their pieces and their movements (钥匙登记、借用、归还)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage.rows import Stamp, inserted_id


@dataclass(frozen=True)
class NewKeySet:
    code: str
    kind: str
    unit_id: int | None = None
    building: str | None = None
    floor: str | None = None
    public_place_id: int | None = None
    name: str = ""
    place: str = ""
    never_lend: bool = False
    note: str = ""


@dataclass(frozen=True)
class KeySetRow:
    id: int
    code: str
    kind: str
    unit_id: int | None
    building: str | None
    floor: str | None
    public_place_id: int | None
    name: str
    place: str
    never_lend: bool
    state: str
    loan_id: int | None
    due_back: str | None
    note: str
    unit_code: str | None
    place_name: str | None
    borrower: str | None  # of the open loan: the technician's or the named person's name
    repair_order_id: int | None  # of the open loan

    @property
    def label(self) -> str:
        """What the key opens, for the desk's screens (never printed on the tag)."""
        if self.unit_code:
            where = self.unit_code
        elif self.place_name:
            where = self.place_name
        else:
            where = "-".join(part for part in (self.building, self.floor) if part)
            where = f"{where}栋" if where and not self.floor else where
        return f"{where} {self.name}".strip()


@dataclass(frozen=True)
class PieceRow:
    id: int
    set_id: int
    piece_type: str
    held: int
    out: int


@dataclass(frozen=True)
class NewMovement:
    set_id: int | None
    kind: str
    pieces: dict[str, int]
    reason: str = ""
    loan_id: int | None = None
    technician_id: int | None = None
    borrower_name: str = ""
    borrower_kind: str | None = None
    borrower_id_masked: str = ""
    person_id: int | None = None
    agent_name: str = ""
    agent_id_masked: str = ""
    purpose: str = ""
    due_back: str | None = None
    approved_by: int | None = None
    consent_how: str | None = None
    consent_at: str | None = None
    repair_order_id: int | None = None
    expected: int | None = None
    counted: int | None = None
    note: str = ""


@dataclass(frozen=True)
class MovementRow:
    id: int
    set_id: int | None
    code: str | None
    kind: str
    at: str
    pieces: dict[str, int]
    reason: str
    loan_id: int | None
    technician_id: int | None
    borrower: str
    borrower_kind: str | None
    borrower_id_masked: str
    person_id: int | None
    agent_name: str
    agent_id_masked: str
    purpose: str
    due_back: str | None
    approved_by: str | None
    consent_how: str | None
    consent_at: str | None
    repair_order_id: int | None
    repair_order_no: str | None
    expected: int | None
    counted: int | None
    note: str
    operator: str | None
    person_name: str | None  # the owner of record of a 寄存 or 领取


_SET_SELECT = (
    "SELECT s.id, s.code, s.kind, s.unit_id, s.building, s.floor, s.public_place_id, s.name, "
    "s.place, s.never_lend, s.state, s.loan_id, s.due_back, s.note, u.code, p.code, "
    "coalesce(t.name, nullif(m.borrower_name, '')), m.repair_order_id "
    "FROM key_sets s "
    "LEFT JOIN units u ON u.id = s.unit_id "
    "LEFT JOIN public_places p ON p.id = s.public_place_id "
    "LEFT JOIN key_movements m ON m.id = s.loan_id "
    "LEFT JOIN technicians t ON t.id = m.technician_id "
)

_MOVEMENT_SELECT = (
    "SELECT m.id, m.set_id, s.code, m.kind, m.at, m.pieces, m.reason, m.loan_id, "
    "m.technician_id, coalesce(t.name, m.borrower_name), m.borrower_kind, "
    "m.borrower_id_masked, m.person_id, m.agent_name, m.agent_id_masked, m.purpose, "
    "m.due_back, ap.display_name, m.consent_how, m.consent_at, m.repair_order_id, r.order_no, "
    "m.expected, m.counted, m.note, op.display_name, pe.name "
    "FROM key_movements m "
    "LEFT JOIN key_sets s ON s.id = m.set_id "
    "LEFT JOIN technicians t ON t.id = m.technician_id "
    "LEFT JOIN operators ap ON ap.id = m.approved_by "
    "LEFT JOIN operators op ON op.id = m.created_by "
    "LEFT JOIN repair_orders r ON r.id = m.repair_order_id "
    "LEFT JOIN people pe ON pe.id = m.person_id "
)


def _set(row: tuple) -> KeySetRow:
    values = list(row)
    values[9] = bool(values[9])
    return KeySetRow(*values)


def _movement(row: tuple) -> MovementRow:
    values = list(row)
    values[5] = json.loads(values[5])
    return MovementRow(*values)


def insert_set(db: Database, new: NewKeySet, stamp: Stamp) -> int:
    cursor = db.execute(
        "INSERT INTO key_sets (code, kind, unit_id, building, floor, public_place_id, name, "
        "place, never_lend, note, created_at, created_by, created_shift) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new.code,
            new.kind,
            new.unit_id,
            new.building,
            new.floor,
            new.public_place_id,
            new.name,
            new.place,
            int(new.never_lend),
            new.note,
            stamp.at,
            stamp.by,
            stamp.shift,
        ],
    )
    return inserted_id(cursor)


def update_set(
    db: Database,
    set_id: int,
    *,
    state: str,
    loan_id: int | None,
    due_back: str | None,
    updated_at: str,
) -> None:
    db.execute(
        "UPDATE key_sets SET state = ?, loan_id = ?, due_back = ?, updated_at = ? WHERE id = ?",
        [state, loan_id, due_back, updated_at, set_id],
    )


def set_pieces(
    db: Database, set_id: int, counts: dict[str, tuple[int, int]], stamp: Stamp
) -> list[int]:
    """Write each type's (held, out) of the set (a type not yet there is added); the ids."""
    ids: list[int] = []
    for piece_type, (held, out) in counts.items():
        row = db.execute(
            "SELECT id FROM key_pieces WHERE set_id = ? AND piece_type = ?", [set_id, piece_type]
        ).fetchone()
        if row is None:
            cursor = db.execute(
                "INSERT INTO key_pieces (set_id, piece_type, held, out, created_at, created_by, "
                "created_shift) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [set_id, piece_type, held, out, stamp.at, stamp.by, stamp.shift],
            )
            ids.append(inserted_id(cursor))
        else:
            db.execute(
                "UPDATE key_pieces SET held = ?, out = ?, updated_at = ? WHERE id = ?",
                [held, out, stamp.at, row[0]],
            )
            ids.append(row[0])
    return ids


def pieces(db: Database, set_id: int) -> list[PieceRow]:
    return [
        PieceRow(*row)
        for row in db.execute(
            "SELECT id, set_id, piece_type, held, out FROM key_pieces WHERE set_id = ? ORDER BY id",
            [set_id],
        )
    ]


def insert_movement(db: Database, movement: NewMovement, stamp: Stamp) -> int:
    values = {
        **{name: getattr(movement, name) for name in movement.__dataclass_fields__},
        "pieces": json.dumps(movement.pieces, ensure_ascii=False, sort_keys=True),
        "at": stamp.at,
        "created_at": stamp.at,
        "created_by": stamp.by,
        "created_shift": stamp.shift,
    }
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cursor = db.execute(
        f"INSERT INTO key_movements ({names}) VALUES ({marks})", list(values.values())
    )
    return inserted_id(cursor)


def get(db: Database, set_id: int) -> KeySetRow | None:
    row = db.execute(f"{_SET_SELECT} WHERE s.id = ?", [set_id]).fetchone()
    return _set(row) if row else None


def by_code(db: Database, code: str) -> KeySetRow | None:
    """The set of a scanned tag: one lookup on the code's unique index."""
    row = db.execute(f"{_SET_SELECT} WHERE s.code = ?", [code]).fetchone()
    return _set(row) if row else None


def known_codes(db: Database, codes: Iterable[str]) -> set[str]:
    """Which of ``codes`` are tags of a set (one query, however many codes)."""
    rows = db.execute(
        "SELECT code FROM key_sets WHERE code IN (SELECT value FROM json_each(?))",
        [json.dumps(list(codes))],
    ).fetchall()
    return {code for (code,) in rows}


def codes_of(db: Database, set_ids: Iterable[int]) -> list[str]:
    """The tags of ``set_ids`` in code order (one query, however many sets)."""
    rows = db.execute(
        "SELECT code FROM key_sets WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code",
        [json.dumps(list(set_ids))],
    ).fetchall()
    return [code for (code,) in rows]


def last_code(db: Database) -> str | None:
    row = db.execute("SELECT max(code) FROM key_sets").fetchone()
    return row[0] if row else None


def hooks_in_cabinet(db: Database, cabinet: str) -> list[str]:
    """The places already used in ``cabinet`` (``A柜-001`` …), in no particular order."""
    rows = db.execute(
        "SELECT place FROM key_sets WHERE substr(place, 1, ?) = ?",
        [len(cabinet) + 1, f"{cabinet}-"],
    ).fetchall()
    return [r[0] for r in rows]


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM key_sets").fetchone()[0]


def page(db: Database, *, limit: int, offset: int) -> list[KeySetRow]:
    """Every set in code order."""
    rows = db.execute(f"{_SET_SELECT} ORDER BY s.code LIMIT ? OFFSET ?", [limit, offset]).fetchall()
    return [_set(r) for r in rows]


def out_now(db: Database, *, due_before: str | None = None) -> list[KeySetRow]:
    """Sets with an open loan, soonest due first (only the overdue with ``due_before``)."""
    if due_before is None:
        rows = db.execute(
            f"{_SET_SELECT} WHERE s.loan_id IS NOT NULL ORDER BY s.due_back, s.code"
        ).fetchall()
    else:
        rows = db.execute(
            f"{_SET_SELECT} WHERE s.loan_id IS NOT NULL AND s.due_back < ? "
            "ORDER BY s.due_back, s.code",
            [due_before],
        ).fetchall()
    return [_set(r) for r in rows]


def out_on_finished_orders(db: Database, statuses: Iterable[str]) -> list[KeySetRow]:
    """Sets lent against a repair order that is already in one of ``statuses``."""
    wanted = list(statuses)
    marks = ", ".join("?" for _ in wanted)
    rows = db.execute(
        f"{_SET_SELECT} WHERE s.loan_id IS NOT NULL AND m.repair_order_id IN "
        f"(SELECT id FROM repair_orders WHERE status IN ({marks})) ORDER BY s.due_back",
        wanted,
    ).fetchall()
    return [_set(r) for r in rows]


def of_unit(db: Database, unit_id: int) -> list[KeySetRow]:
    rows = db.execute(f"{_SET_SELECT} WHERE s.unit_id = ? ORDER BY s.code", [unit_id]).fetchall()
    return [_set(r) for r in rows]


def units_with_sets(db: Database, unit_ids: Iterable[int], kinds: Iterable[str]) -> set[int]:
    ids = list(unit_ids)
    wanted = list(kinds)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        kind_marks = ", ".join("?" for _ in wanted)
        found.update(
            r[0]
            for r in db.execute(
                f"SELECT unit_id FROM key_sets WHERE unit_id IN ({marks}) "
                f"AND kind IN ({kind_marks})",
                [*chunk, *wanted],
            )
        )
    return found


def movements_of_set(db: Database, set_id: int) -> list[MovementRow]:
    rows = db.execute(f"{_MOVEMENT_SELECT} WHERE m.set_id = ? ORDER BY m.id", [set_id]).fetchall()
    return [_movement(r) for r in rows]


def get_movement(db: Database, movement_id: int) -> MovementRow | None:
    row = db.execute(f"{_MOVEMENT_SELECT} WHERE m.id = ?", [movement_id]).fetchone()
    return _movement(row) if row else None


def loans_of_technician(db: Database, technician_id: int) -> list[MovementRow]:
    rows = db.execute(
        f"{_MOVEMENT_SELECT} WHERE m.technician_id = ? AND m.kind = '借出' ORDER BY m.id",
        [technician_id],
    ).fetchall()
    return [_movement(r) for r in rows]


def loans_of_named(db: Database, name: str) -> list[MovementRow]:
    rows = db.execute(
        f"{_MOVEMENT_SELECT} WHERE m.borrower_name = ? AND m.kind = '借出' ORDER BY m.id",
        [name],
    ).fetchall()
    return [_movement(r) for r in rows]


def held_sets(db: Database) -> int:
    """Sets that should be on their hooks: some piece held at the desk."""
    return db.execute("SELECT count(DISTINCT set_id) FROM key_pieces WHERE held > 0").fetchone()[0]


def last_count_of_shift(db: Database, shift_id: int) -> MovementRow | None:
    """The shift's latest 核对 (the count at its handover), None when none was made."""
    row = db.execute(
        f"{_MOVEMENT_SELECT} WHERE m.set_id IS NULL AND m.kind = '核对' "
        "AND m.created_shift = ? ORDER BY m.id DESC LIMIT 1",
        [shift_id],
    ).fetchone()
    return _movement(row) if row else None


@dataclass(frozen=True)
class OrderLoanRow:
    """A loan made against a repair order, with its set and whether it is back."""

    loan: MovementRow
    key_set: KeySetRow
    returned_at: str | None  # the last 归还 of the loan once it has ended
    out: bool  # the loan is still open (some piece not back)


def loans_of_order(db: Database, order_id: int) -> list[OrderLoanRow]:
    """The loans lent against the order, oldest first (the order's index)."""
    loans = [
        _movement(r)
        for r in db.execute(
            f"{_MOVEMENT_SELECT} WHERE m.repair_order_id = ? AND m.kind = '借出' ORDER BY m.id",
            [order_id],
        ).fetchall()
    ]
    found: list[OrderLoanRow] = []
    for loan in loans:
        key_set = get(db, loan.set_id) if loan.set_id is not None else None
        if key_set is None:
            continue
        out = key_set.loan_id == loan.id
        returned_at = None
        if not out:
            returned_at = db.execute(
                "SELECT max(at) FROM key_movements WHERE set_id = ? AND loan_id = ? "
                "AND kind IN ('归还', '遗失')",
                [loan.set_id, loan.id],
            ).fetchone()[0]
        found.append(OrderLoanRow(loan, key_set, returned_at, out))
    return found
