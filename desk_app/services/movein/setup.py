"""The estate's move-in lists (settings ``movein.*``): stations, documents, rooms and items
of the joint inspection, defect categories, the defect deadline and the fee rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service


@dataclass(frozen=True)
class Station:
    id: str
    label: str


@dataclass(frozen=True)
class FeeRule:
    items: list[str]  # fee item codes prepaid at hand-over
    months: int
    start_day: int  # handed over on or before this day: the month counts


def _get(desk: Desk, key: str) -> Any:
    return settings_service.get(desk, f"movein.{key}")


def stations(desk: Desk) -> list[Station]:
    return [Station(s["id"], s["label"]) for s in _get(desk, "stations")]


def station_label(desk: Desk, station_id: str) -> str:
    return next((s.label for s in stations(desk) if s.id == station_id), station_id)


def documents_to_bring(desk: Desk) -> list[str]:
    return list(_get(desk, "documents_to_bring"))


def documents_to_sign(desk: Desk) -> list[str]:
    return list(_get(desk, "documents_to_sign"))


def handbooks(desk: Desk) -> list[str]:
    return list(_get(desk, "handbooks"))


def rooms_for(desk: Desk, unit_kind: str) -> list[str]:
    """The rooms of the joint inspection for a kind of unit (住宅 when the kind has none)."""
    rooms: dict[str, list[str]] = _get(desk, "rooms")
    return list(rooms.get(unit_kind) or rooms.get("住宅") or next(iter(rooms.values())))


def items(desk: Desk) -> list[str]:
    return list(_get(desk, "items"))


def defect_categories(desk: Desk) -> list[str]:
    return list(_get(desk, "defect_categories"))


def defect_days(desk: Desk) -> int:
    return int(_get(desk, "defect_days"))


def contractors(desk: Desk) -> list[str]:
    return list(_get(desk, "contractors"))


def fee_rule(desk: Desk) -> FeeRule:
    return FeeRule(
        list(_get(desk, "fee_items")),
        int(_get(desk, "prepaid_months")),
        int(_get(desk, "fee_start_day")),
    )
