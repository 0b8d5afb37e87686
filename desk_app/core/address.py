"""Unit addresses: parsing what a clerk types, the short and long forms, natural sorting.

Three shapes, each with a short and a long form:

- residential, building–entrance–room: ``3-2-501`` ⇄ ``3栋2单元501``;
- building–room, no entrance: ``5-1203`` ⇄ ``5栋1203``;
- office tower, floor–room: ``18F-1803`` ⇄ ``18层1803``. A tower has no building
  (``building == ""``): the tower is the estate.

The room number's leading digits are the floor (``501`` → 5, ``1203`` → 12); rooms are 3 or
4 digits (zero-padded ``0501`` is kept as written). Public places (lobby, pump room …) are not unit addresses and are not parsed here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desk_app.core.errors import ValidationError

NaturalKey = tuple[tuple[int, int, str], ...]

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_BUILDING = r"(?P<building>[0-9]{1,3}|[A-Z]{1,2}[0-9]{0,2})"
_ENTRANCE = r"(?P<entrance>[0-9]{1,2})"
# 501, 1203, or zero-padded 0501 (estates that number 0101, 0102 …).
_ROOM = r"(?P<room>[1-9][0-9]{2,3}|0[1-9][0-9]{2})室?"
_BUILDING_WORD = r"(?:栋|幢|号楼|座)"
_PATTERNS = [
    re.compile(rf"{_BUILDING}-{_ENTRANCE}-{_ROOM}"),
    re.compile(rf"{_BUILDING}{_BUILDING_WORD}{_ENTRANCE}单元{_ROOM}"),
    re.compile(rf"{_BUILDING}-{_ROOM}"),
    re.compile(rf"{_BUILDING}{_BUILDING_WORD}{_ROOM}"),
    re.compile(rf"(?P<floor>[1-9][0-9]?)(?:F-?|层){_ROOM}"),
]


@dataclass(frozen=True, slots=True)
class UnitAddress:
    building: str
    entrance: str | None
    room: str
    floor: int | None

    def __post_init__(self) -> None:
        if not self.room:
            raise ValueError("a unit needs a room number")
        if not self.building and (self.floor is None or self.entrance is not None):
            raise ValueError("a tower unit (no building) needs a floor and no entrance")

    @property
    def short(self) -> str:
        """``3-2-501``, ``5-1203`` or ``18F-1803``."""
        if not self.building:
            return f"{self.floor}F-{self.room}"
        if self.entrance is None:
            return f"{self.building}-{self.room}"
        return f"{self.building}-{self.entrance}-{self.room}"

    @property
    def long(self) -> str:
        """``3栋2单元501``, ``5栋1203`` or ``18层1803``."""
        if not self.building:
            return f"{self.floor}层{self.room}"
        if self.entrance is None:
            return f"{self.building}栋{self.room}"
        return f"{self.building}栋{self.entrance}单元{self.room}"

    @property
    def sort_key(self) -> tuple[NaturalKey, NaturalKey, NaturalKey]:
        return (
            natural_key(self.building),
            natural_key(self.entrance or ""),
            natural_key(self.room),
        )

    def __str__(self) -> str:
        return self.short


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_DASHES).upper()
    return "".join(s.split())


def _strip_zeros(number: str) -> str:
    # "03" → "3", but a lettered building like "A01" is kept as written.
    return str(int(number)) if number.isdigit() else number


def parse_unit_address(text: str) -> UnitAddress:
    """Parse ``3-2-501``, ``3栋2单元501室``, ``3幢2单元501``, ``5-1203``, ``18F-1803`` …"""
    s = _normalise(text)
    for pattern in _PATTERNS:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        parts = m.groupdict()
        room = parts["room"]
        floor = int(room[:-2])
        if "floor" in parts:
            if int(parts["floor"]) != floor:
                raise ValidationError(f"楼层与房号不一致：{text.strip()}")
            return UnitAddress(building="", entrance=None, room=room, floor=floor)
        building = _strip_zeros(parts["building"])
        entrance = parts.get("entrance")
        if entrance is not None:
            entrance = _strip_zeros(entrance)
        if building == "0" or entrance == "0":
            break
        return UnitAddress(building=building, entrance=entrance, room=room, floor=floor)
    raise ValidationError(f"无法识别的房号：{text.strip()}")


def natural_key(text: str) -> NaturalKey:
    """Sort key that compares digit runs as numbers: ``2 < 10``, ``A2 < A10``."""
    return tuple(
        (0, int(chunk), "") if chunk[0] in "0123456789" else (1, 0, chunk)
        for chunk in re.findall(r"[0-9]+|[^0-9]+", text)
    )


def unit_sort_key(value: UnitAddress | str) -> tuple[int, tuple]:
    """Order units naturally; text that is not a unit address sorts after all units."""
    if isinstance(value, str):
        try:
            address = parse_unit_address(value)
        except ValidationError:
            return (1, natural_key(value.strip()))
        return (0, address.sort_key)
    return (0, value.sort_key)


def long_unit_text(code: str) -> str:
    """``3-2-501`` → ``3栋2单元501`` (a code that does not parse stays as it is)."""
    try:
        return parse_unit_address(code).long
    except ValidationError:
        return code
