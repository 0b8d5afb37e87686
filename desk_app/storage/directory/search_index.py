"""The search index: every searchable spelling of a unit, person, vehicle or public place
as a row of ``search_terms`` (kind, ref_id, unit_id, field, term).

Callers re-index an entity inside the transaction that changed it (``index_unit``,
``index_person``, ``index_vehicle``, ``index_place``); bulk writers use the ``*_bulk``
functions. Terms are lower-case. Every lookup is a prefix range scan on the covering index
``search_terms(term, kind, field, ref_id)``:

- whole terms (``field`` not ending in ``_part``): a unit's code in its spellings, a room, a
  name, full pinyin, pinyin initials, a phone's digits, a plate;
- suffixes (``*_part``): every suffix of a phone (4+ digits), a plate (3+ characters) and a
  name (2+ characters), so a substring query is a prefix query on a suffix.

pypinyin is imported lazily, inside the indexing functions only: it costs ~250 ms at import
and searching never needs it (queries are already latin letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

_NON_DIGITS = re.compile(r"\D+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NAME_TOKENS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[a-z0-9]+")
_CHUNK = 500

# Fields whose terms are suffixes: a hit on them is a substring match.
PART_FIELDS = ("name_part", "phone_part", "plate_part")
MIN_PHONE_PART = 4
MIN_PLATE_PART = 3
MIN_NAME_PART = 2
MAX_PINYIN_VARIANTS = 6

# Surnames read differently from the character's commonest reading (pypinyin has no
# surname mode). The surname reading is indexed first, pypinyin's commonest reading too.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "缪": ("miao",),
    "覃": ("qin",),
    "尉": ("wei",),
    "乐": ("yue",),
    "秘": ("bi",),
    "种": ("chong",),
    "重": ("chong",),
    "繁": ("po",),
    "折": ("she",),
    "员": ("yun",),
    "召": ("shao",),
    "句": ("gou",),
    "阚": ("kan",),
    "隗": ("wei",),
    "眭": ("sui",),
    "贲": ("ben",),
    "长": ("chang",),
    "藏": ("zang",),
    "薄": ("bo",),
}
# Compound surnames whose characters read unusually: per-character readings.
COMPOUND_SURNAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "万俟": (("mo",), ("qi",)),
    "尉迟": (("yu",), ("chi",)),
    "单于": (("chan",), ("yu",)),
    "长孙": (("zhang",), ("sun",)),
    "澹台": (("tan",), ("tai",)),
    "乐正": (("yue",), ("zheng",)),
    "令狐": (("ling",), ("hu",)),
}
# Compound surnames pypinyin reads right; only needed for "surname + initials" (ouyangnn).
OTHER_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "慕容",
        "夏侯",
        "司徒",
        "公孙",
        "轩辕",
        "宇文",
        "端木",
        "南宫",
        "西门",
        "独孤",
        "呼延",
        "申屠",
        "钟离",
        "闻人",
        "赫连",
        "司空",
        "太史",
        "百里",
        "东郭",
        "公羊",
    ]
)


@dataclass(frozen=True)
class Term:
    field: str
    term: str


@dataclass(frozen=True)
class TermQuery:
    """Terms of ``kind`` in one of ``fields`` that start with ``text`` (lower-case)."""

    text: str
    fields: tuple[str, ...]


# --- terms ------------------------------------------------------------------------------


def _suffixes(text: str, field: str, minimum: int) -> set[Term]:
    """The proper suffixes of ``text`` at least ``minimum`` long."""
    return {Term(field, text[i:]) for i in range(1, len(text) - minimum + 1)}


def _unit_term_set(code: str, building: str, entrance: str | None, room: str) -> set[Term]:
    terms: set[Term] = set()
    # A zero-padded room (3-2-0501) is also found as typed without the zero (3-2-501).
    for spelling in dict.fromkeys((room, room.lstrip("0") or room)):
        full = code[: len(code) - len(room)] + spelling if code.endswith(room) else code
        terms |= _unit_spellings(full.lower(), (building or "").lower(), entrance, spelling)
    return terms


def _unit_spellings(code: str, building: str, entrance: str | None, room: str) -> set[Term]:
    terms = {Term("code", code), Term("code", code.replace("-", "")), Term("room", room)}
    if building:
        if entrance:
            terms.add(Term("code", f"{building}栋{entrance}单元{room}"))
        terms.add(Term("code", f"{building}栋{room}"))
    elif len(room) > 2 and room[:-2].isdigit():  # an office tower: 18F-1803 ⇄ 18层1803
        terms.add(Term("code", f"{int(room[:-2])}层{room}"))
    return terms


def unit_terms(code: str, building: str, entrance: str | None, room: str) -> set[str]:
    """Every spelling a unit is found by: ``3-2-501``, ``32501``, ``3栋2单元501``, ``3栋501``,
    ``501``; an office tower's ``18f-1803``, ``18f1803``, ``18层1803``."""
    return {t.term for t in _unit_term_set(code, building, entrance, room)}


@lru_cache(maxsize=8192)
def _char_readings(char: str) -> tuple[str, ...]:
    """pypinyin's readings of one character without tones, commonest first."""
    from pypinyin import Style, pinyin  # lazy: ~250 ms to import

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    seen: list[str] = []
    for reading in readings[0] if readings else []:
        reading = reading.lower()
        if reading.isascii() and reading.isalpha() and reading not in seen:
            seen.append(reading)
    return tuple(seen) or (char,)


def _token_readings(name: str) -> list[tuple[str, ...]]:
    """One tuple of candidate readings per syllable (a Han character or a latin run)."""
    text = unicodedata.normalize("NFKC", name).lower()
    tokens = _NAME_TOKENS.findall(text)
    readings: list[tuple[str, ...]] = []
    compound = COMPOUND_SURNAMES.get("".join(tokens[:2]))
    for index, token in enumerate(tokens):
        if not _HAN.fullmatch(token):
            readings.append((token,))
        elif compound and index < 2:
            readings.append(compound[index])
        elif index == 0 and token in SURNAME_READINGS:
            common = _char_readings(token)[:1]
            readings.append(tuple(dict.fromkeys(SURNAME_READINGS[token] + common)))
        elif index == 0:
            readings.append(_char_readings(token)[:1])
        else:
            readings.append(_char_readings(token)[:2])
    return readings


def _variants(readings: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The commonest reading of every syllable, then one syllable changed at a time
    (surname first), at most ``MAX_PINYIN_VARIANTS``: heteronyms without an explosion."""
    primary = tuple(r[0] for r in readings)
    out = [primary]
    for index, options in enumerate(readings):
        for alternative in options[1:]:
            if len(out) >= MAX_PINYIN_VARIANTS:
                return out
            out.append(primary[:index] + (alternative,) + primary[index + 1 :])
    return out


@lru_cache(maxsize=65536)
def name_pinyin(name: str) -> frozenset[Term]:
    """Full pinyin (``zhangsan``), initials (``zs``) and, for 3+ syllables, surname plus
    initials (``zhangxm``) of a name, with the heteronym variants of ``_variants``."""
    readings = _token_readings(name)
    if not readings or all(len(r) == 1 and not r[0].isascii() for r in readings):
        return frozenset()
    terms: set[Term] = set()
    for variant in _variants(readings):
        terms.add(Term("pinyin", "".join(variant)))
        terms.add(Term("initials", "".join(syllable[0] for syllable in variant)))
        if len(variant) >= 3:
            surname = 2 if _is_compound(name) else 1
            rest = "".join(syllable[0] for syllable in variant[surname:])
            terms.add(Term("pinyin", "".join(variant[:surname]) + rest))
    return frozenset(t for t in terms if t.term.isascii())


def _is_compound(name: str) -> bool:
    return name.strip()[:2] in COMPOUND_SURNAMES or name.strip()[:2] in OTHER_COMPOUND_SURNAMES


def phone_digits(phone: str | None) -> str:
    return _NON_DIGITS.sub("", phone or "")


def _person_term_set(name: str, phone: str | None, phone2: str | None) -> set[Term]:
    clean = "".join(unicodedata.normalize("NFKC", name or "").lower().split())
    terms: set[Term] = set()
    if clean:
        terms.add(Term("name", clean))
        terms |= _suffixes(clean, "name_part", MIN_NAME_PART)
        terms |= name_pinyin(clean)
    for number in (phone, phone2):
        digits = phone_digits(number)
        if digits:
            terms.add(Term("phone", digits))
            terms |= _suffixes(digits, "phone_part", MIN_PHONE_PART)
    return terms


def person_terms(name: str, phone: str | None, phone2: str | None) -> set[str]:
    """Name, its suffixes, full pinyin, initials, phone digits and their 4+ digit suffixes."""
    return {t.term for t in _person_term_set(name, phone, phone2)}


def normalise_plate(plate: str) -> str:
    return re.sub(r"[\s·.\-]", "", unicodedata.normalize("NFKC", plate)).upper()


def plate_terms(plate: str) -> set[str]:
    return {t.term for t in _plate_term_set(plate)}


def _plate_term_set(plate: str) -> set[Term]:
    clean = normalise_plate(plate).lower()
    if not clean:
        return set()
    return {Term("plate", clean)} | _suffixes(clean, "plate_part", MIN_PLATE_PART)


def _place_term_set(code: str, name: str) -> set[Term]:
    code_l = "".join(unicodedata.normalize("NFKC", code).lower().split())
    name_l = "".join(unicodedata.normalize("NFKC", name).lower().split())
    terms = {Term("code", code_l), Term("name", name_l)}
    return terms | _suffixes(name_l, "name_part", MIN_NAME_PART)


# --- writing ------------------------------------------------------------------------------

_INSERT = "INSERT INTO search_terms (kind, ref_id, unit_id, field, term) VALUES (?, ?, ?, ?, ?)"


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _replace_many(
    db: Database,
    kind: str,
    ref_ids: Sequence[int],
    entries: Iterable[tuple[int, int | None, set[Term]]],
) -> int:
    """Delete the terms of ``ref_ids`` and insert ``entries`` (ref_id, unit_id, terms)."""
    db.execute(
        f"DELETE FROM search_terms WHERE kind = ? AND ref_id IN ({_marks(ref_ids)})",
        [kind, *ref_ids],
    )
    rows = [
        (kind, ref_id, unit_id, t.field, t.term)
        for ref_id, unit_id, terms in entries
        for t in sorted(terms, key=lambda t: (t.field, t.term))
        if t.term
    ]
    db.conn.executemany(_INSERT, rows)
    return len(rows)


def index_unit(db: Database, unit_id: int) -> None:
    index_units_bulk(db, [unit_id])


def index_units_bulk(db: Database, unit_ids: Iterable[int]) -> int:
    """(Re-)index units; returns the number of terms written. Runs in the caller's transaction."""
    written = 0
    for chunk in _chunks(list(unit_ids)):
        rows = db.execute(
            f"SELECT id, code, building, entrance, room FROM units WHERE id IN ({_marks(chunk)})",
            list(chunk),
        ).fetchall()
        written += _replace_many(
            db, "unit", chunk, ((r[0], r[0], _unit_term_set(*r[1:])) for r in rows)
        )
    return written


def index_person(db: Database, person_id: int) -> None:
    index_people_bulk(db, [person_id])


def index_people_bulk(db: Database, person_ids: Iterable[int]) -> int:
    """(Re-)index people: names, pinyin, phones. Returns the number of terms written."""
    written = 0
    for chunk in _chunks(list(person_ids)):
        rows = db.execute(
            f"SELECT id, name, phone, phone2 FROM people WHERE id IN ({_marks(chunk)})",
            list(chunk),
        ).fetchall()
        written += _replace_many(
            db, "person", chunk, ((r[0], None, _person_term_set(*r[1:])) for r in rows)
        )
    return written


def index_vehicle(db: Database, vehicle_id: int) -> None:
    index_vehicles_bulk(db, [vehicle_id])


def index_vehicles_bulk(db: Database, vehicle_ids: Iterable[int]) -> int:
    """(Re-)index vehicles; a removed vehicle (``ended_at`` set) or one without a plate is
    taken out of the index."""
    written = 0
    for chunk in _chunks(list(vehicle_ids)):
        rows = db.execute(
            f"SELECT id, unit_id, plate FROM vehicles WHERE id IN ({_marks(chunk)}) "
            "AND ended_at IS NULL AND plate IS NOT NULL",
            list(chunk),
        ).fetchall()
        written += _replace_many(
            db, "vehicle", chunk, ((r[0], r[1], _plate_term_set(r[2])) for r in rows)
        )
    return written


def index_place(db: Database, place_id: int) -> None:
    index_places_bulk(db, [place_id])


def index_places_bulk(db: Database, place_ids: Iterable[int]) -> int:
    written = 0
    for chunk in _chunks(list(place_ids)):
        rows = db.execute(
            f"SELECT id, code, name FROM public_places WHERE id IN ({_marks(chunk)})",
            list(chunk),
        ).fetchall()
        written += _replace_many(
            db, "place", chunk, ((r[0], None, _place_term_set(r[1], r[2])) for r in rows)
        )
    return written


def rebuild(db: Database) -> int:
    """Re-index everything (after a restore or an import that bypassed the index).
    Runs in the caller's transaction; returns the number of terms written."""
    db.execute("DELETE FROM search_terms")

    def ids(table: str) -> list[int]:
        return [r[0] for r in db.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()]

    return (
        index_units_bulk(db, ids("units"))
        + index_people_bulk(db, ids("people"))
        + index_vehicles_bulk(db, ids("vehicles"))
        + index_places_bulk(db, ids("public_places"))
    )


def count_terms(db: Database, kind: str | None = None) -> int:
    if kind is None:
        return db.execute("SELECT count(*) FROM search_terms").fetchone()[0]
    return db.execute("SELECT count(*) FROM search_terms WHERE kind = ?", [kind]).fetchone()[0]


def terms_of(db: Database, kind: str, ref_id: int) -> set[tuple[str, str]]:
    """(field, term) rows of one entity: for tests and diagnostics."""
    rows = db.execute(
        "SELECT field, term FROM search_terms WHERE kind = ? AND ref_id = ?", [kind, ref_id]
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


# --- reading -------------------------------------------------------------------------------

# Rank of a hit: 0 the whole term equals the query, 1 a term starts with it, 2 a suffix
# does (the query is a substring). The best rank of an entity's terms counts.
_PART_LIST = ", ".join(f"'{f}'" for f in PART_FIELDS)
_RANK = f"CASE WHEN field IN ({_PART_LIST}) THEN 2 WHEN term = ? THEN 0 ELSE 1 END"
_PREFIX_END = "\U0010ffff"
_ROLE_ORDER = (
    "CASE o.role WHEN 'owner' THEN 0 WHEN 'co_owner' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END"
)
_UNIT_ORDER = (
    "length(u.building), u.building, length(coalesce(u.entrance, '')), u.entrance, u.floor, "
    "length(u.room), u.room"
)


@dataclass(frozen=True)
class UnitMatch:
    unit_id: int
    code: str
    building: str
    entrance: str | None
    room: str
    status: str
    rank: int
    owner_name: str | None
    owner_phone: str | None


@dataclass(frozen=True)
class PersonMatch:
    person_id: int
    name: str
    phone: str | None
    rank: int
    current: bool


@dataclass(frozen=True)
class PersonUnit:
    person_id: int
    unit_id: int
    code: str
    role: str
    current: bool


@dataclass(frozen=True)
class VehicleMatch:
    vehicle_id: int
    plate: str
    kind: str
    unit_id: int
    unit_code: str
    rank: int


@dataclass(frozen=True)
class PlaceMatch:
    place_id: int
    code: str
    name: str
    rank: int


def _hits(kind: str, queries: Sequence[TermQuery]) -> tuple[str, list[object]]:
    """A ``hits(ref_id, rank)`` CTE: one prefix range scan per query on the covering index."""
    selects: list[str] = []
    params: list[object] = []
    for query in queries:
        selects.append(
            f"SELECT ref_id, {_RANK} AS rank FROM search_terms "
            f"WHERE kind = ? AND term >= ? AND term < ? AND field IN ({_marks(query.fields)})"
        )
        params += [query.text, kind, query.text, query.text + _PREFIX_END, *query.fields]
    union = " UNION ALL ".join(selects)
    return (
        f"WITH hits AS (SELECT ref_id, min(rank) AS rank FROM ({union}) GROUP BY +ref_id)",
        params,
    )


def find_units(db: Database, queries: Sequence[TermQuery], *, limit: int) -> list[UnitMatch]:
    """Units by code spellings or room: best rank first, then in natural order; with the
    current owner (or, failing one, co-owner)."""
    if not queries:
        return []
    cte, params = _hits("unit", queries)
    sql = f"""{cte}
SELECT t.id, t.code, t.building, t.entrance, t.room, t.status, t.rank, p.name, p.phone
FROM (
    SELECT u.id, u.code, u.building, u.entrance, u.floor, u.room, u.status, h.rank
    FROM hits h JOIN units u ON u.id = h.ref_id
    ORDER BY h.rank, {_UNIT_ORDER} LIMIT ?
) AS t
LEFT JOIN people p ON p.id = (
    SELECT o.person_id FROM occupancies o
    WHERE o.unit_id = t.id AND o.ended_at IS NULL AND o.role IN ('owner', 'co_owner')
    ORDER BY o.role = 'owner' DESC, o.id LIMIT 1
)
ORDER BY t.rank, {_UNIT_ORDER.replace("u.", "t.")}"""
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [UnitMatch(*r) for r in rows]


def find_people(db: Database, queries: Sequence[TermQuery], *, limit: int) -> list[PersonMatch]:
    """People by name, pinyin or phone: best rank first, then those living in (or owning) a
    unit now before former occupants, then shorter names."""
    if not queries:
        return []
    cte, params = _hits("person", queries)
    sql = f"""{cte}
SELECT p.id, p.name, p.phone, h.rank,
    EXISTS (SELECT 1 FROM occupancies o WHERE o.person_id = p.id AND o.ended_at IS NULL) AS cur
FROM hits h JOIN people p ON p.id = h.ref_id
ORDER BY h.rank, cur DESC, length(p.name), p.name, p.id LIMIT ?"""
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [PersonMatch(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def units_of_people(db: Database, person_ids: Sequence[int]) -> list[PersonUnit]:
    """Every occupancy of these people: current first, then by role, newest first."""
    if not person_ids:
        return []
    rows = db.execute(
        f"""SELECT o.person_id, o.unit_id, u.code, o.role, o.ended_at IS NULL
FROM occupancies o JOIN units u ON u.id = o.unit_id
WHERE o.person_id IN ({_marks(person_ids)})
ORDER BY o.person_id, o.ended_at IS NOT NULL, {_ROLE_ORDER}, o.id DESC""",
        list(person_ids),
    ).fetchall()
    return [PersonUnit(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def find_vehicles(db: Database, queries: Sequence[TermQuery], *, limit: int) -> list[VehicleMatch]:
    if not queries:
        return []
    cte, params = _hits("vehicle", queries)
    sql = f"""{cte}
SELECT v.id, v.plate, v.kind, v.unit_id, u.code, h.rank
FROM hits h JOIN vehicles v ON v.id = h.ref_id JOIN units u ON u.id = v.unit_id
WHERE v.ended_at IS NULL
ORDER BY h.rank, v.plate, v.id LIMIT ?"""
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [VehicleMatch(*r) for r in rows]


def find_places(db: Database, queries: Sequence[TermQuery], *, limit: int) -> list[PlaceMatch]:
    if not queries:
        return []
    cte, params = _hits("place", queries)
    sql = f"""{cte}
SELECT p.id, p.code, p.name, h.rank
FROM hits h JOIN public_places p ON p.id = h.ref_id
ORDER BY h.rank, p.code LIMIT ?"""
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [PlaceMatch(*r) for r in rows]
