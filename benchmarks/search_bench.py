"""Search latency on the 5000-unit, 10-year demo estate, next to a bare indexed lookup.

    .venv/bin/python benchmarks/search_bench.py [--units 5000] [--years 10] [--queries 300]

Generates (or reuses) ``bench-data/estate-<units>u-<years>y.sqlite3`` with ``desk-app demo``,
works on a copy (``bench-data/search-<estate>.sqlite3``, rebuilt every run), fills
it with a synthetic population when the demo has no people yet (~2.6 people per unit,
phones, ~3,000 plates), builds the search index if the demo did not, and then times
``services.search.search`` per kind of query against ``SELECT id FROM units WHERE code = ?``
on the same connection. Figures are printed, never asserted; exit status 0.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ensure_estate  # noqa: E402

from desk_app.services.desk import Desk  # noqa: E402
from desk_app.services.directory import search as search_service  # noqa: E402
from desk_app.storage.directory import people as people_store  # noqa: E402
from desk_app.storage.directory import search_index  # noqa: E402
from desk_app.storage.directory.people import PersonRecord  # noqa: E402
from desk_app.storage.transactions import write_transaction  # noqa: E402

AT = "2026-11-01T07:00:00+08:00"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤单解仇区查翟乐"
)
SURNAME_WEIGHTS = [max(1, 80 - 2 * i) for i in range(len(SURNAMES) - 7)] + [1] * 7
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆"
    "帅旭宁龙林欣瑶晨雪琳晗嘉怡子涵梓萱雨轩浩然博文一诺思远佳琪欣怡志强建国秀兰淑珍春梅海燕"
    "德华文斌小明晓东立新国强红梅金凤玉兰丽娟"
)
MOBILE_PREFIXES = tuple(
    f"1{n}"
    for n in (
        30,
        31,
        32,
        33,
        35,
        36,
        37,
        38,
        39,
        50,
        51,
        52,
        55,
        56,
        57,
        58,
        59,
        66,
        76,
        77,
        80,
        81,
        82,
        83,
        85,
        86,
        87,
        88,
        89,
        91,
        99,
    )
)
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


# --- the estate -------------------------------------------------------------------------------


def fresh_copy(base: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(f"{base.resolve().as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    source.backup(destination)
    destination.close()
    source.close()


def _name(rng: random.Random) -> str:
    surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))


def _phone(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


class Population:
    """Synthetic people for the benchmark only: written through the storage layer."""

    def __init__(self, desk: Desk, rng: random.Random) -> None:
        self.desk, self.rng = desk, rng
        self.person_ids: list[int] = []
        self.vehicle_ids: list[int] = []
        self.plates: set[str] = set()

    def person(self) -> int:
        rng = self.rng
        record = PersonRecord(
            name=_name(rng),
            gender=rng.choice(("男", "女")),
            phone=_phone(rng) if rng.random() < 0.85 else None,
            phone2=_phone(rng) if rng.random() < 0.1 else None,
        )
        person_id = people_store.insert_person(
            self.desk.db, record, created_at=AT, created_by=None, created_shift=None
        )
        self.person_ids.append(person_id)
        return person_id

    def occupy(self, unit_id: int, person_id: int, role: str, *, ended: bool = False) -> None:
        occupancy_id = people_store.insert_occupancy(
            self.desk.db,
            unit_id=unit_id,
            person_id=person_id,
            role=role,
            relation=None,
            since="2018-05-01",
            lease_start="2024-01-01" if role == "tenant" else None,
            lease_end="2025-12-31" if role == "tenant" else None,
            created_at=AT,
            created_by=None,
            created_shift=None,
        )
        if ended:
            people_store.end_occupancy(
                self.desk.db,
                occupancy_id,
                until="2025-12-31",
                reason="迁出",
                ended_at=AT,
                ended_by=None,
                ended_shift=None,
            )

    def vehicle(self, unit_id: int, person_id: int) -> None:
        rng = self.rng
        plate = (
            "鲁"
            + rng.choice("ABCDEFGHJKLMNPQRSUVY")
            + "".join(rng.choice(PLATE_LETTERS + "0123456789" * 3) for _ in range(5))
        )
        if plate in self.plates:
            return
        self.plates.add(plate)
        vehicle_id = people_store.insert_vehicle(
            self.desk.db,
            unit_id=unit_id,
            person_id=person_id,
            kind="汽车",
            plate=plate,
            note=None,
            created_at=AT,
            created_by=None,
            created_shift=None,
        )
        if rng.random() < 0.05:
            people_store.end_vehicle(self.desk.db, vehicle_id, AT)
        self.vehicle_ids.append(vehicle_id)

    def unit(self, unit_id: int) -> None:
        rng = self.rng
        if rng.random() < 0.1:
            self.occupy(unit_id, self.person(), "owner", ended=True)  # sold on
        if rng.random() > 0.88:
            return
        owner = self.person()
        self.occupy(unit_id, owner, "owner")
        if rng.random() < 0.3:
            self.occupy(unit_id, self.person(), "co_owner")
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            self.occupy(unit_id, self.person(), "member")
        if rng.random() < 0.15:
            self.occupy(unit_id, self.person(), "tenant")
        for _ in range(rng.choice((0, 0, 0, 0, 1, 2))):
            self.occupy(unit_id, self.person(), "tenant", ended=True)
        if rng.random() < 0.02 and self.person_ids:  # one person, two units
            self.occupy(unit_id, rng.choice(self.person_ids), "co_owner")
        if rng.random() < 0.68:
            self.vehicle(unit_id, owner)


def populate(desk: Desk, rng: random.Random) -> tuple[int, int]:
    population = Population(desk, rng)
    unit_ids = [r[0] for r in desk.db.execute("SELECT id FROM units ORDER BY id").fetchall()]
    with write_transaction(desk.db):
        for unit_id in unit_ids:
            population.unit(unit_id)
    return len(population.person_ids), len(population.vehicle_ids)


def index_is_complete(desk: Desk) -> bool:
    db = desk.db
    for kind, table in (("unit", "units"), ("person", "people")):
        total = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        indexed = db.execute(
            "SELECT count(DISTINCT ref_id) FROM search_terms WHERE kind = ?", [kind]
        ).fetchone()[0]
        if indexed < total:
            return False
    return True


# --- the queries ------------------------------------------------------------------------------


def _sample(desk: Desk, sql: str, n: int, rng: random.Random) -> list[str]:
    values = [r[0] for r in desk.db.execute(sql).fetchall() if r[0]]
    return [rng.choice(values) for _ in range(n)] if values else []


def _unit_spelling(code: str, rng: random.Random) -> str:
    parts = code.split("-")
    if len(parts) != 3:
        return code
    building, entrance, room = parts
    return rng.choice(
        (code, code.replace("-", ""), f"{building}栋{entrance}单元{room}", f"{building}栋{room}")
    )


def _fragment(text: str, rng: random.Random, shortest: int, longest: int) -> str:
    length = rng.randint(shortest, min(longest, len(text)))
    start = rng.randint(0, len(text) - length)
    return text[start : start + length]


def query_sets(desk: Desk, n: int, rng: random.Random) -> dict[str, list[str]]:
    codes = _sample(desk, "SELECT code FROM units", n, rng)
    plates = _sample(desk, "SELECT plate FROM vehicles WHERE ended_at IS NULL", n, rng)
    phones = _sample(desk, "SELECT phone FROM people WHERE phone IS NOT NULL", n, rng)
    return {
        "unit": [_unit_spelling(c, rng) for c in codes],
        "name": _sample(desk, "SELECT name FROM people", n, rng),
        "pinyin initials": _sample(
            desk, "SELECT term FROM search_terms WHERE field = 'initials'", n, rng
        ),
        "full pinyin": _sample(
            desk, "SELECT term FROM search_terms WHERE field = 'pinyin'", n, rng
        ),
        "phone digits": [_fragment(p, rng, 4, 6) for p in phones],
        "plate": [_fragment(p[1:], rng, 3, 5) for p in plates],
        "completer": [c[: rng.randint(2, len(c) - 1)] for c in codes],
    }


def keystrokes(sets: dict[str, list[str]], n: int, rng: random.Random) -> list[str]:
    """What the box sees while a clerk types: every prefix of 2+ characters of sampled
    queries of each kind; the short ones (``zh``, ``13``, ``3-``) are the broad, slow ones."""
    typed: list[str] = []
    for kind in ("unit", "name", "pinyin initials", "full pinyin", "phone digits", "plate"):
        for query in rng.sample(sets[kind], min(n, len(sets[kind]))):
            typed += [query[:end] for end in range(2, len(query) + 1)]
    return typed


# --- timing -------------------------------------------------------------------------------


def timed(call: Callable[[str], object], queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        started = time.perf_counter()
        call(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(label: str, times: list[float], extra: str = "") -> str:
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"{label:<16} {len(times):>5} {p50:>8.2f} {p95:>8.2f} {max(times):>8.2f}  {extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--estate", type=Path, help="an existing estate file to copy instead of bench-data/'s"
    )
    args = parser.parse_args()

    if args.estate:
        base, note = args.estate, "given"
    else:
        base, demo_seconds = ensure_estate(args.units, args.years)
        note = "generated" if demo_seconds is not None else "reused"
    print(f"estate: {base} ({base.stat().st_size / 1e6:.1f} MB, {note})")
    work = ROOT / "bench-data" / f"search-{base.stem}.sqlite3"
    work.parent.mkdir(exist_ok=True)
    fresh_copy(base, work)
    desk = Desk.open(work, quick_check=False)
    try:
        run(desk, args.queries)
    finally:
        desk.close()


def prepare(desk: Desk) -> None:
    rng = random.Random(1)
    if people_store.count_people(desk.db) == 0:
        started = time.perf_counter()
        people, vehicles = populate(desk, rng)
        print(
            f"population: synthetic (this estate's demo made no people; delete bench-data/ "
            f"to regenerate it): {people} people, {vehicles} vehicles in "
            f"{time.perf_counter() - started:.1f} s"
        )
    else:
        print(f"population: from the demo, {people_store.count_people(desk.db)} people")
    if not index_is_complete(desk):
        started = time.perf_counter()
        with write_transaction(desk.db):
            terms = search_index.rebuild(desk.db)
        print(f"search index built: {terms} terms in {time.perf_counter() - started:.2f} s")
    counts = desk.db.execute(
        "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM people), "
        "(SELECT count(*) FROM vehicles WHERE ended_at IS NULL), (SELECT count(*) FROM search_terms)"
    ).fetchone()
    print(f"units {counts[0]}, people {counts[1]}, vehicles {counts[2]}, search terms {counts[3]}")


def run(desk: Desk, n: int) -> None:
    prepare(desk)
    rng = random.Random(2)
    sets = query_sets(desk, n, rng)
    started = time.perf_counter()
    search_service.search(desk, sets["unit"][0])
    print(f"first search after opening: {(time.perf_counter() - started) * 1000:.1f} ms")
    conn = desk.db.conn
    bare_codes = [c for c in _sample(desk, "SELECT code FROM units", n, rng)]

    def bare(code: str) -> object:
        return conn.execute("SELECT id FROM units WHERE code = ?", [code]).fetchone()

    def search(text: str) -> object:
        return search_service.search(desk, text)

    def complete(text: str) -> object:
        return search_service.complete_units(desk, text)

    timed(search, sets["name"][:20])  # warm the page cache like a clerk's first minutes
    print(f"\n{'kind':<16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  hits (mean)")
    print(row("bare lookup", timed(bare, bare_codes), "SELECT id FROM units WHERE code = ?"))
    all_times: list[float] = []
    for kind, queries in sets.items():
        call = complete if kind == "completer" else search
        times = timed(call, queries)
        if kind != "completer":
            all_times += times
        hits = statistics.mean(_hit_count(call(q)) for q in queries[:50])
        print(row(kind, times, f"{hits:.1f}"))
    print(row("all searches", all_times))
    typing = timed(search, keystrokes(sets, n // 6, rng))
    print(row("as-you-type", typing, "every prefix (2+ chars) of 50 queries of each kind"))
    p95 = statistics.quantiles(all_times, n=20)[-1]
    verdict = "met" if p95 < 30 else "NOT met"
    print(f"\ntarget p95 < 30 ms over all searches: {verdict} ({p95:.2f} ms)")


def _hit_count(result: object) -> int:
    if isinstance(result, list):
        return len(result)
    assert isinstance(result, search_service.SearchResults)
    return sum(len(hits) for _name, hits in result.groups())


if __name__ == "__main__":
    main()
