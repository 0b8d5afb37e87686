"""Search as the clerk types: one box finds units, people, vehicles and public places.

``search(desk, text)`` normalises the text (full-width → half-width, spaces and case),
decides what it can mean and asks the index (``storage/search_index``) with prefix range
scans only:

- a unit address in any spelling (``3-2-501``, ``32501``, ``3栋501``, ``3幢2单元501室``,
  ``18F-1803``, ``501``) → units; any text with a digit is tried as the start of a code;
- 4+ digits (or a landline with its area code) → phones, anywhere in the number;
- latin letters → full pinyin (``zhangsan``, ``zhang``) and initials (``zs``) of names,
  and plate fragments (3+ characters);
- Chinese → names (prefix, and the given name as a substring), public places, plates that
  start with a province character (``鲁A1``).

Queries shorter than two characters return nothing: one character matches a tenth of the
estate and the clerk is still typing. Each group holds at most ``limit`` hits: exact
matches first, then prefixes, then substrings; people living in a unit now before former
occupants. Phones are masked (``138****5678``) and ID numbers never leave storage.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from desk_app.core.address import parse_unit_address
from desk_app.core.errors import ValidationError
from desk_app.core.masking import mask_phone
from desk_app.services.desk import Desk
from desk_app.services.directory.people import ROLE_LABELS
from desk_app.storage.directory import search_index
from desk_app.storage.directory.search_index import PersonMatch, TermQuery, UnitMatch

MIN_QUERY_LENGTH = 2
MIN_PHONE_DIGITS = 4
MAX_FORMER_UNITS = 3

Match = Literal["exact", "prefix", "substring"]
_MATCHES: tuple[Match, ...] = ("exact", "prefix", "substring")

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BUILDING_WORD = re.compile(r"^([0-9a-z]{1,3})(?:幢|号楼|座)")
_LANDLINE = re.compile(r"0[0-9]{2,3}-[0-9]+(?:-[0-9]*)?")
_PLATE_PUNCTUATION = re.compile(r"[·.\-]")
_PLATE_START = re.compile(r"[\u4e00-\u9fff][a-z][a-z0-9]*")


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitHit:
    unit_id: int
    code: str
    status: str
    owner_name: str | None
    owner_phone_masked: str
    match: Match


@dataclass(frozen=True)
class OccupiedUnit:
    unit_id: int
    code: str
    role: str
    role_label: str
    current: bool


@dataclass(frozen=True)
class PersonHit:
    person_id: int
    name: str
    phone_masked: str
    current: bool
    # The units the person lives in or owns now; a former occupant's latest units instead.
    units: tuple[OccupiedUnit, ...]
    match: Match

    @property
    def unit_id(self) -> int | None:
        """The unit Enter opens."""
        return self.units[0].unit_id if self.units else None

    @property
    def role_label(self) -> str:
        return self.units[0].role_label if self.units else ""

    @property
    def unit_codes(self) -> str:
        return "、".join(u.code for u in self.units)


@dataclass(frozen=True)
class VehicleHit:
    vehicle_id: int
    plate: str
    kind: str
    unit_id: int
    unit_code: str
    match: Match


@dataclass(frozen=True)
class PlaceHit:
    place_id: int
    code: str
    name: str
    match: Match


GROUPS = ("units", "people", "vehicles", "places")


@dataclass(frozen=True)
class SearchResults:
    query: str
    units: tuple[UnitHit, ...] = ()
    people: tuple[PersonHit, ...] = ()
    vehicles: tuple[VehicleHit, ...] = ()
    places: tuple[PlaceHit, ...] = ()
    # Groups that had more hits than the limit.
    truncated: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.units or self.people or self.vehicles or self.places)

    def groups(self) -> list[tuple[str, tuple]]:
        """(group name, hits) of the non-empty groups, in display order."""
        return [(name, getattr(self, name)) for name in GROUPS if getattr(self, name)]


@dataclass(frozen=True)
class QueryPlan:
    """What a query is looked up as, per group; empty tuples skip the group."""

    text: str
    units: tuple[TermQuery, ...] = ()
    people: tuple[TermQuery, ...] = ()
    vehicles: tuple[TermQuery, ...] = ()
    places: tuple[TermQuery, ...] = ()


# --- classifying the query --------------------------------------------------------------------


def normalise_query(text: str | None) -> str:
    """Full-width to half-width (NFKC), dashes unified, spaces removed, lower-case."""
    s = unicodedata.normalize("NFKC", text or "").translate(_DASHES).lower()
    return "".join(s.split())


def _unit_queries(q: str, *, rooms: bool) -> tuple[TermQuery, ...]:
    if not any(c.isdigit() for c in q) and "-" not in q:
        return ()
    typed = _BUILDING_WORD.sub(r"\1栋", q).removesuffix("室")
    fields = ("code", "room") if rooms and typed.isdigit() else ("code",)
    queries = [TermQuery(typed, fields)]
    try:
        address = parse_unit_address(q)
    except ValidationError:
        return tuple(queries)
    # The long form is indexed for every unit (3栋501 for both 3-1-501 and 3-2-501).
    long = address.long.lower()
    if long != typed:
        queries.append(TermQuery(long, ("code",)))
    return tuple(queries)


def _phone_digits(q: str) -> str:
    if q.isdigit() or _LANDLINE.fullmatch(q) or (q.startswith("+") and q[1:].isdigit()):
        digits = re.sub(r"\D", "", q)
        if q.startswith("+86") or (digits.startswith("86") and len(digits) == 13):
            digits = digits[2:]  # phones are stored without the country code
        return digits if len(digits) >= MIN_PHONE_DIGITS else ""
    return ""


def _people_queries(q: str) -> tuple[TermQuery, ...]:
    queries = []
    if _HAN.search(q):
        queries.append(TermQuery(q, ("name", "name_part")))
    elif q.isascii() and q.isalpha():
        queries.append(TermQuery(q, ("pinyin", "initials")))
    digits = _phone_digits(q)
    if digits:
        queries.append(TermQuery(digits, ("phone", "phone_part")))
    return tuple(queries)


def _vehicle_queries(q: str) -> tuple[TermQuery, ...]:
    plate = _PLATE_PUNCTUATION.sub("", q)
    if _PLATE_START.fullmatch(plate):
        return (TermQuery(plate, ("plate",)),)
    if not (plate.isascii() and plate.isalnum()):
        return ()
    enough = len(plate) >= search_index.MIN_PLATE_PART + (1 if plate.isdigit() else 0)
    return (TermQuery(plate, ("plate_part",)),) if enough else ()


def _place_queries(q: str) -> tuple[TermQuery, ...]:
    if _HAN.search(q):
        return (TermQuery(q, ("name", "name_part", "code")),)
    return (TermQuery(q, ("code",)),)


def plan_query(text: str) -> QueryPlan:
    q = normalise_query(text)
    if len(q) < MIN_QUERY_LENGTH:
        return QueryPlan(q)
    return QueryPlan(
        q,
        units=_unit_queries(q, rooms=True),
        people=_people_queries(q),
        vehicles=_vehicle_queries(q),
        places=_place_queries(q),
    )


# --- searching ------------------------------------------------------------------------------


def shown_phone(phone: str | None, digits: str) -> str:
    """The masked phone, saying where the digits searched for matched when the mask hides
    them (``138****6767`` found by ``5676`` → ``138****6767（号码含 5676）``). Only the
    digits the clerk typed are shown, never the hidden ones."""
    if not phone:
        return ""
    masked = mask_phone(phone)
    if not digits or digits not in phone or digits in masked:
        return masked
    if digits == phone:
        return f"{masked}（号码相符）"  # the whole number: never repeated in full
    return f"{masked}（号码含 {digits}）"


def _unit_hit(row: UnitMatch, digits: str) -> UnitHit:
    return UnitHit(
        unit_id=row.unit_id,
        code=row.code,
        status=row.status,
        owner_name=row.owner_name,
        owner_phone_masked=shown_phone(row.owner_phone, digits),
        match=_MATCHES[row.rank],
    )


def _occupied_units(rows: list[search_index.PersonUnit]) -> tuple[OccupiedUnit, ...]:
    """Current units (deduplicated); with none, the latest former ones."""
    current = [r for r in rows if r.current]
    chosen = current or [r for r in rows if not r.current]
    seen: dict[int, OccupiedUnit] = {}
    for r in chosen:
        if r.unit_id not in seen:
            seen[r.unit_id] = OccupiedUnit(
                r.unit_id, r.code, r.role, ROLE_LABELS[r.role], r.current
            )
    units = tuple(seen.values())
    return units if current else units[:MAX_FORMER_UNITS]


def _person_hits(desk: Desk, rows: list[PersonMatch], digits: str) -> tuple[PersonHit, ...]:
    by_person: dict[int, list[search_index.PersonUnit]] = defaultdict(list)
    for unit in search_index.units_of_people(desk.db, [r.person_id for r in rows]):
        by_person[unit.person_id].append(unit)
    return tuple(
        PersonHit(
            person_id=r.person_id,
            name=r.name,
            phone_masked=shown_phone(r.phone, digits),
            current=r.current,
            units=_occupied_units(by_person[r.person_id]),
            match=_MATCHES[r.rank],
        )
        for r in rows
    )


def search(desk: Desk, text: str, *, limit: int = 30) -> SearchResults:
    """Units, people, vehicles and public places matching ``text``, at most ``limit`` each."""
    plan = plan_query(text)
    digits = _phone_digits(plan.text) if len(plan.text) >= MIN_QUERY_LENGTH else ""
    db = desk.db
    fetch = limit + 1
    units = search_index.find_units(db, plan.units, limit=fetch)
    people = search_index.find_people(db, plan.people, limit=fetch)
    vehicles = search_index.find_vehicles(db, plan.vehicles, limit=fetch)
    places = search_index.find_places(db, plan.places, limit=fetch)
    found: dict[str, Sequence[object]] = {
        "units": units,
        "people": people,
        "vehicles": vehicles,
        "places": places,
    }
    return SearchResults(
        query=plan.text,
        units=tuple(_unit_hit(r, digits) for r in units[:limit]),
        people=_person_hits(desk, people[:limit], digits),
        vehicles=tuple(
            VehicleHit(r.vehicle_id, r.plate, r.kind, r.unit_id, r.unit_code, _MATCHES[r.rank])
            for r in vehicles[:limit]
        ),
        places=tuple(
            PlaceHit(r.place_id, r.code, r.name, _MATCHES[r.rank]) for r in places[:limit]
        ),
        truncated=tuple(name for name in GROUPS if len(found[name]) > limit),
    )


def _unit_label(row: UnitMatch) -> str:
    try:
        long = parse_unit_address(row.code).long
    except ValidationError:
        long = row.code
    return f"{long}  {row.owner_name}" if row.owner_name else long


def complete_units(desk: Desk, prefix: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """The room-field completer every module uses: (unit_id, code, label) of the units whose
    code (in any spelling) starts with ``prefix``, exact first, then in natural order.
    ``3-2`` → ``3-2-101 …``; the label is the long form and the owner: ``3栋2单元501  张三``."""
    q = normalise_query(prefix)
    if not q:
        return []
    rows = search_index.find_units(desk.db, _unit_queries(q, rooms=False), limit=limit)
    return [(r.unit_id, r.code, _unit_label(r)) for r in rows]
