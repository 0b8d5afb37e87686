"""The search index: every searchable spelling of a unit, person or vehicle as a row
of ``search_terms``. Callers re-index an entity inside the transaction that changed it."""

from __future__ import annotations

import re

from sqlite_utils import Database

_NON_DIGITS = re.compile(r"\D+")


def _replace(db: Database, kind: str, ref_id: int, unit_id: int | None, terms: set[str]) -> None:
    db.execute("DELETE FROM search_terms WHERE kind = ? AND ref_id = ?", [kind, ref_id])
    db.conn.executemany(
        "INSERT INTO search_terms (kind, ref_id, unit_id, term) VALUES (?, ?, ?, ?)",
        [(kind, ref_id, unit_id, term) for term in sorted(t for t in terms if t)],
    )


def unit_terms(code: str, building: str, entrance: str | None, room: str) -> set[str]:
    terms = {code.lower(), code.replace("-", "").lower(), room}
    if entrance:
        terms.add(f"{building}栋{entrance}单元{room}")
    terms.add(f"{building}栋{room}")
    return terms


def index_unit(db: Database, unit_id: int) -> None:
    row = db.execute(
        "SELECT code, building, entrance, room FROM units WHERE id = ?", [unit_id]
    ).fetchone()
    if row is None:
        return
    _replace(db, "unit", unit_id, unit_id, unit_terms(*row))


def person_terms(name: str, phone: str | None, phone2: str | None) -> set[str]:
    terms = {name.strip()}
    for number in (phone, phone2):
        digits = _NON_DIGITS.sub("", number or "")
        if digits:
            terms.add(digits)
    return terms


def index_person(db: Database, person_id: int) -> None:
    row = db.execute("SELECT name, phone, phone2 FROM people WHERE id = ?", [person_id]).fetchone()
    if row is None:
        return
    _replace(db, "person", person_id, None, person_terms(*row))


def normalise_plate(plate: str) -> str:
    return re.sub(r"[\s·.\-]", "", plate).upper()


def index_vehicle(db: Database, vehicle_id: int) -> None:
    row = db.execute(
        "SELECT unit_id, plate, ended_at FROM vehicles WHERE id = ?", [vehicle_id]
    ).fetchone()
    if row is None or row[2] is not None or not row[1]:
        db.execute("DELETE FROM search_terms WHERE kind = 'vehicle' AND ref_id = ?", [vehicle_id])
        return
    _replace(db, "vehicle", vehicle_id, row[0], {normalise_plate(row[1]).lower()})
