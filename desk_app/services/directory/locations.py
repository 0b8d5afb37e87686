"""Where a call or an order is about: a unit of the directory or a public place, and who
at a unit the desk would normally speak to (for filling in the caller)."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.address import parse_unit_address
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_phone
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import units as units_store


@dataclass(frozen=True)
class Location:
    unit_id: int | None
    place_id: int | None
    text: str  # 3栋2单元501, or 1栋 电梯机房
    building: str | None

    @property
    def empty(self) -> bool:
        return self.unit_id is None and self.place_id is None and not self.text


NO_LOCATION = Location(None, None, "", None)


def unit_text(unit: units_store.UnitRow) -> str:
    return parse_unit_address(unit.code).long


def place_text(place: buildings_store.PlaceRow) -> str:
    parts = [f"{place.building}栋" if place.building else "", place.floor or "", place.name]
    return " ".join(p for p in parts if p)


def resolve(
    desk: Desk,
    *,
    unit_id: int | None = None,
    unit: str = "",
    place_id: int | None = None,
    field: str = "unit",
) -> Location:
    """The location from a chosen unit id, a typed room (any spelling) or a place id.

    A typed room that is not in the directory is refused, so that nothing is filed
    under a unit that does not exist."""
    if place_id is not None:
        place = buildings_store.get_place(desk.db, place_id)
        if place is None:
            raise NotFoundError("该公共区域不存在。", field=field)
        return Location(None, place.id, place_text(place), place.building)
    if unit_id is not None:
        row = units_store.get(desk.db, unit_id)
        if row is None:
            raise NotFoundError("该房屋不存在。", field=field)
        return Location(row.id, None, unit_text(row), row.building)
    typed = unit.strip()
    if not typed:
        return NO_LOCATION
    try:
        row = estate.find_unit(desk, typed)
    except ValidationError:
        raise ValidationError(f"房号格式不正确：{typed}（如 3-2-501）", field=field) from None
    except NotFoundError as error:
        raise NotFoundError(f"{error.message}请核对房号。", field=field) from None
    return Location(row.id, None, unit_text(row), row.building)


@dataclass(frozen=True)
class UnitContact:
    """Who the desk normally speaks to at a unit: the owner, else a tenant."""

    person_id: int
    name: str
    phone_masked: str
    has_phone: bool


def contact_for_unit(desk: Desk, unit_id: int) -> UnitContact | None:
    rows = people_store.occupancies_for_unit(desk.db, unit_id, current_only=True)
    rank = {"owner": 0, "tenant": 1, "co_owner": 2, "member": 3}
    rows = sorted(rows, key=lambda r: (rank.get(r.role, 9), r.id))
    if not rows:
        return None
    first = rows[0]
    phone = first.person.phone or ""
    return UnitContact(first.person_id, first.person.name, mask_phone(phone), bool(phone))


def phone_of_person(desk: Desk, person_id: int) -> str:
    row = people_store.get_person(desk.db, person_id)
    if row is None:
        raise NotFoundError("联系人不存在。", field="phone")
    return row.record.phone or ""
