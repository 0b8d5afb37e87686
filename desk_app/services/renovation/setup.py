"""The estate's renovation settings (``renovation.*``): the works items, the permit's
period and working hours, the approver's role, the fees (in fen) and the fee items
they are posted to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk_app.core import renovation as rules
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service

# The ledger's fee items the approval posts to (standard items, see ledger.fee_items).
FEE_ITEMS = {
    "deposit": "renovation_deposit",
    "management": "renovation_fee",
    "waste": "renovation_waste",
}


@dataclass(frozen=True)
class Fees:
    deposit_fen: int
    management_per_m2_fen: int
    waste_per_m2_fen: int
    waste_flat_fen: int


def _get(desk: Desk, key: str) -> Any:
    return settings_service.get(desk, f"renovation.{key}")


def works_items(desk: Desk) -> list[str]:
    return list(_get(desk, "works_items"))


def permit_months(desk: Desk) -> int:
    return int(_get(desk, "permit_months"))


def working_hours(desk: Desk) -> str:
    """The permit's working hours as printed (工作日 08:00–12:00、14:00–18:00；…)."""
    return rules.hours_text(str(_get(desk, "working_hours")), bool(_get(desk, "rest_day_works")))


def approver_role(desk: Desk) -> str:
    return str(_get(desk, "approver_role"))


def fees(desk: Desk) -> Fees:
    return Fees(
        int(_get(desk, "deposit_fen")),
        int(_get(desk, "management_fee_per_m2_fen")),
        int(_get(desk, "waste_fee_per_m2_fen")),
        int(_get(desk, "waste_fee_flat_fen")),
    )


def pass_fees(desk: Desk) -> tuple[int, int]:
    """A worker pass's deposit and card fee, in fen (the manual: 100 元 and 5 元)."""
    return int(_get(desk, "pass_deposit_fen")), int(_get(desk, "pass_card_fee_fen"))
