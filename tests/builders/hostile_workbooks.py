"""Damaged and hostile copies of a valid .xlsx, for the import fuzz tests.

``mutations(data, rng, count)`` yields ``(kind, bytes)``: the workbook ``data`` changed
one way each time, chosen with ``rng`` (seed it for a repeatable run). Kinds:

- ``member_bytes``: bytes overwritten, inserted or deleted inside one part, recompressed;
- ``member_cut``: one part cut short, recompressed;
- ``flip``: bits flipped anywhere in the file (mostly compressed data → CRC/zlib errors);
- ``structure``: bytes changed in the zip's own records: a local header, a central
  directory entry or the end-of-directory record;
- ``truncate``: the file cut short;
- ``rename``: a part renamed (``.bin``, upper case, another folder);
- ``duplicate``: a part stored twice under one name;
- ``huge_size``: a part's declared (un)compressed size made huge or tiny;
- ``doctype``: a DOCTYPE with an entity put into a part, maybe also renamed ``.bin``;
- ``formula``: a shared or inline string replaced by ``=HYPERLINK(…)``/``@…``.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import sqlite3
import struct
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from tests.builders import witness

KINDS = (
    "member_bytes",
    "member_cut",
    "flip",
    "structure",
    "truncate",
    "rename",
    "duplicate",
    "huge_size",
    "doctype",
    "formula",
)
# Kinds that leave a file no import may accept.
ALWAYS_REFUSED = ("doctype", "duplicate")
HOSTILE_TEXT = ('=HYPERLINK("http://x.example/","点我")', "@SUM(1+1)*cmd|' /C calc'!A0")


def parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rezip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one mutation
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members:
                archive.writestr(name, content)
    return out.getvalue()


def _pick(rng: random.Random, members: list[tuple[str, bytes]], xml_only: bool = False) -> int:
    choices = [
        i for i, (n, _) in enumerate(members) if not xml_only or n.endswith((".xml", ".rels"))
    ]
    return rng.choice(choices)


def _member_bytes(data: bytes, rng: random.Random) -> bytes:
    members = parts(data)
    index = _pick(rng, members)
    name, content = members[index]
    body = bytearray(content)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(body) + 1)
        action = rng.random()
        if action < 0.5 and body:
            body[min(at, len(body) - 1)] = rng.randrange(256)
        elif action < 0.75:
            body[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            del body[at : at + rng.randint(1, 16)]
    members[index] = (name, bytes(body))
    return rezip(members)


def _member_cut(data: bytes, rng: random.Random) -> bytes:
    members = parts(data)
    index = _pick(rng, members)
    name, content = members[index]
    members[index] = (name, content[: rng.randrange(len(content) + 1)])
    return rezip(members)


def _flip(data: bytes, rng: random.Random) -> bytes:
    body = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        body[rng.randrange(len(body))] ^= 1 << rng.randrange(8)
    return bytes(body)


def _records(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of the zip's local headers, directory entries and end record."""
    found = []
    for signature, fixed, lengths in (
        (b"PK\x03\x04", 30, (26, 28)),
        (b"PK\x01\x02", 46, (28, 30, 32)),
        (b"PK\x05\x06", 22, (20,)),
    ):
        for match in re.finditer(re.escape(signature), data):
            at = match.start()
            if at + fixed > len(data):
                continue
            extra = sum(struct.unpack_from("<H", data, at + o)[0] for o in lengths)
            found.append((at, min(fixed + extra, len(data) - at)))
    return found


def _structure(data: bytes, rng: random.Random) -> bytes:
    body = bytearray(data)
    records = _records(data)
    for _ in range(rng.randint(1, 3)):
        at, length = rng.choice(records)
        position = at + rng.randrange(length)
        body[position] = rng.randrange(256) if rng.random() < 0.5 else body[position] ^ 0xFF
    return bytes(body)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _rename(data: bytes, rng: random.Random) -> bytes:
    members = parts(data)
    index = _pick(rng, members)
    name, content = members[index]
    folder, _, leaf = name.rpartition("/")
    new = rng.choice(
        [name + ".bin", name.upper(), f"{folder}/x_{leaf}", leaf, name.replace(".xml", ".bin")]
    )
    members[index] = (new, content)
    return rezip(members)


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    members = parts(data)
    name = members[_pick(rng, members)][0]
    content = members[_pick(rng, members)][1]
    members.insert(rng.randrange(len(members) + 1), (name, content))
    return rezip(members)


def _huge_size(data: bytes, rng: random.Random) -> bytes:
    body = bytearray(data)
    records = [r for r in _records(data) if data[r[0] : r[0] + 4] in (b"PK\x01\x02", b"PK\x03\x04")]
    for _ in range(rng.randint(1, 2)):
        at, _length = rng.choice(records)
        central = data[at : at + 4] == b"PK\x01\x02"
        field = rng.choice((20, 24) if central else (18, 22))  # compressed / uncompressed
        value = rng.choice((0xFFFFFFFF, 0x7FFFFFFF, 10**9, 0, 1))
        struct.pack_into("<I", body, at + field, value)
    return bytes(body)


def _doctype(data: bytes, rng: random.Random) -> bytes:
    members = parts(data)
    index = _pick(rng, members, xml_only=True)
    name, content = members[index]
    declaration = b'<!DOCTYPE x [<!ENTITY owner "\xe5\xbc\xa0\xe4\xb8\x89">]>'
    head, sep, rest = content.partition(b"?>")
    content = head + sep + declaration + rest if sep else declaration + content
    if rng.random() < 0.5:
        name = name.replace(".xml", ".bin")
    members[index] = (name, content)
    return rezip(members)


def _formula(data: bytes, rng: random.Random) -> bytes:
    """Replace one written string (shared or inline) with a formula-like text. Strings of
    the header row are left alone so the file still reads as the same kind of sheet."""
    members = parts(data)
    text = rng.choice(HOSTILE_TEXT).replace("&", "&amp;").replace('"', "&quot;").encode()
    for index, (name, content) in enumerate(members):
        if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/sheet1"):
            strings = list(re.finditer(rb"<t(?: [^>]*)?>([^<]*)</t>", content))
            candidates = [m for m in strings if _is_data(m.group(1))]
            if candidates:
                found = rng.choice(candidates)
                content = content[: found.start(1)] + text + content[found.end(1) :]
                members[index] = (name, content)
                return rezip(members)
    raise AssertionError("the workbook has no data string to replace")


_HEADER_WORDS = {"楼号", "单元号", "房号", "业主姓名", "本次读数", "上次读数", "客户名称"}


def _is_data(raw: bytes) -> bool:
    text = raw.decode("utf-8", "replace")
    return bool(text) and text not in _HEADER_WORDS and "抄表单" not in text


_MUTATE = {
    "member_bytes": _member_bytes,
    "member_cut": _member_cut,
    "flip": _flip,
    "structure": _structure,
    "truncate": _truncate,
    "rename": _rename,
    "duplicate": _duplicate,
    "huge_size": _huge_size,
    "doctype": _doctype,
    "formula": _formula,
}


def mutations(data: bytes, rng: random.Random, count: int) -> Iterator[tuple[str, bytes]]:
    """``count`` damaged or hostile copies of ``data``, each kinds in turn."""
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        yield kind, _MUTATE[kind](data, rng)


def fresh_copy(desk: Desk, path: Path) -> Desk:
    """A new desk on a copy of ``desk``'s database at ``path``, same operator on duty and
    watched by the witness: each fuzz case runs on its own real database."""
    target = sqlite3.connect(path)
    try:
        desk.db.conn.backup(target)
    finally:
        target.close()
    copy = Desk.open(path, clock=desk.clock, quick_check=False)
    copy.operator, copy.shift = desk.operator, desk.shift
    witness.watch(copy)
    return copy


def table_digest(desk: Desk) -> str:
    """A hash of every row of every table: equal digests, nothing was written."""
    digest = hashlib.sha256()
    tables = desk.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        for row in sorted(repr(row) for row in desk.db.execute(f'SELECT * FROM "{table}"')):
            digest.update(row.encode())
    return digest.hexdigest()


def fuzz_import(
    desk: Desk,
    workdir: Path,
    data: bytes,
    import_file: Callable[[Desk, Path], object],
    *,
    cases: int,
    seed: int,
) -> Counter[tuple[str, str]]:
    """Run ``import_file(desk, path)`` on ``cases`` mutations of the workbook ``data``,
    each on a database equal to ``desk``'s (a copy of it). ``import_file`` returns only
    after importing the whole file (it asserts so); a refusal must be a ``DeskError``
    and leave every table as it was. Any other exception fails the test. Returns the
    count of (kind, "imported"/"refused")."""
    pristine = table_digest(desk)
    outcomes: Counter[tuple[str, str]] = Counter()
    case = workdir / "case.xlsx"
    # A refused case leaves its database as it found it (checked), so the next case may
    # use it; after an import the next case gets a new copy.
    copy = fresh_copy(desk, workdir / "case0.sqlite3")
    try:
        for number, (kind, mutated) in enumerate(mutations(data, random.Random(seed), cases)):
            case.write_bytes(mutated)
            try:
                import_file(copy, case)
            except DeskError as error:
                assert table_digest(copy) == pristine, f"case {number} ({kind}) wrote rows"
                assert error.message.strip(), f"case {number} ({kind}): an empty message"
                outcomes[kind, "refused"] += 1
            else:
                assert kind not in ALWAYS_REFUSED, f"case {number} ({kind}) was imported"
                outcomes[kind, "imported"] += 1
                copy.close()
                copy = fresh_copy(desk, workdir / f"case{number + 1}.sqlite3")
    finally:
        copy.close()
    assert sum(outcomes.values()) == cases
    assert {kind for kind, _ in outcomes} == set(KINDS)
    return outcomes


def damaged_copy(path: Path, damage: str) -> Path:
    """Damage the .xlsx at ``path`` in place: ``truncated`` (cut at 60 %), ``inflate``
    (the first sheet's deflate stream starts with a reserved block type, the zip's records
    intact: ``zlib.error`` while reading it) or ``random`` (not a zip at all)."""
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) * 6 // 10]
    elif damage == "inflate":
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start] = 0xFF  # BFINAL 1, BTYPE 11: "invalid block type"
    elif damage == "random":
        data = bytearray(random.Random(7).randbytes(4096))
    else:
        raise ValueError(damage)
    path.write_bytes(bytes(data))
    return path
