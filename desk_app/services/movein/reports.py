"""What move-in reads: open defects by room, item and category (for the developer), the
day's 收楼情况汇总, the defect list of a unit (遗留问题整改记录), and the data of the
入住通知单 and of the 房屋交接验收单, as plain records for the forms and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desk_app.core.clock import display
from desk_app.core.errors import DeskError, NotFoundError
from desk_app.core.estate import format_area
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.directory import estate
from desk_app.services.ledger import charges, fee_items
from desk_app.services.movein import batches, defects, handover, setup
from desk_app.storage.movein import batches as batches_store
from desk_app.storage.movein import defects as defects_store
from desk_app.storage.movein import handovers as handovers_store
from desk_app.storage.movein.defects import DefectCount
from desk_app.storage.shifts import operators as operators_store

__all__ = ["DefectCount"]


def open_defect_counts(desk: Desk, *, building: str | None = None) -> list[DefectCount]:
    return defects_store.open_counts(desk.db, building=building)


@dataclass(frozen=True)
class DefectLine:
    """One line of the defect list (遗留问题整改记录) and of its export."""

    unit: str
    room: str
    item: str
    category: str
    note: str
    found_on: str
    due_on: str
    order_no: str
    order_status: str
    state: str
    closed_on: str
    photos: int


def _line(row: defects_store.DefectRow) -> DefectLine:
    return DefectLine(
        row.unit_code,
        row.room,
        row.item,
        row.category,
        row.note,
        row.created_at[:10],
        row.due_on,
        row.order_no or "",
        row.order_status or "",
        defects.defect_state(row),
        (row.closed_at or "")[:10],
        row.photos,
    )


def defect_lines(
    desk: Desk, *, open_only: bool = False, building: str | None = None, late_only: bool = False
) -> list[DefectLine]:
    rows = defects.defect_list(desk, open_only=open_only, building=building, late_only=late_only)
    return [_line(r) for r in rows]


def unit_defect_lines(desk: Desk, unit_id: int) -> list[DefectLine]:
    """遗留问题整改记录 of a unit, for the owner."""
    return [_line(r) for r in defects_store.defects_of_unit(desk.db, unit_id)]


@dataclass(frozen=True)
class DaySummaryLine:
    """One hand-over closed on the day (收楼情况汇总)."""

    unit: str
    owner: str
    agent: str
    closed_at: str
    outcome: str
    note: str
    defects: int
    keys: str
    cards: int
    closed_at_iso: str = ""
    operator: str = ""  # the clerk who opened the hand-over


def day_summary(desk: Desk, day: str) -> list[DaySummaryLine]:
    lines = []
    for row in handovers_store.closed_on(desk.db, day):
        stations = {s.station: s for s in handovers_store.stations(desk.db, row.id)}
        keys = stations.get("keys")
        key_data = keys.data if keys else {}
        lines.append(
            DaySummaryLine(
                row.unit_code,
                row.person_name or "",
                row.agent_name,
                display(row.closed_at) if row.closed_at else "",
                row.outcome or "",
                row.outcome_note,
                len(defects_store.defects_of_handover(desk.db, row.id)),
                "；".join(
                    f"{k['code']} " + "、".join(f"{t}×{n}" for t, n in k["pieces"].items() if n)
                    for k in key_data.get("keys", [])
                ),
                len(key_data.get("cards", [])),
                row.closed_at or "",
                _clerk_name(desk, row.id),
            )
        )
    return lines


def _clerk_name(desk: Desk, handover_id: int) -> str:
    clerk = operators_store.get(desk.db, _created_by(desk, handover_id))
    return clerk.display_name if clerk else ""


@dataclass(frozen=True)
class NoticeData:
    """The 入住通知单 of one unit."""

    estate: str
    company: str
    desk_phone: str
    unit: str
    owner: str
    batch: str
    starts_on: str
    ends_on: str
    place: str
    contact: str
    appointment: str
    documents_to_bring: list[str]
    fees: list[NoticeFee]  # the first months, as estimated from the rates
    first_months: list[str]
    address: str = ""

    @property
    def fees_total_fen(self) -> int:
        return sum(f.amount_fen for f in self.fees)


@dataclass(frozen=True)
class NoticeFee:
    """One fee due at hand-over on the 入住通知单."""

    item: str
    months: int
    amount_fen: int

    @property
    def text(self) -> str:
        return f"{self.item}（{self.months} 个月）"

    @property
    def amount_text(self) -> str:
        return format_fen(self.amount_fen)


def notice_data(desk: Desk, batch_unit_id: int) -> NoticeData:
    unit_row = batches_store.batch_unit(desk.db, batch_unit_id)
    if unit_row is None:
        raise NotFoundError("该房屋不在交付批次中。", field="unit")
    batch = batches.get_batch(desk, unit_row.batch_id)
    owners = handover.owners_of_record(desk, unit_row.unit_id)
    unit = estate.get_unit(desk, unit_row.unit_id)
    months = handover.first_months(desk, date.fromisoformat(batch.starts_on))
    fees = []
    for code in setup.fee_rule(desk).items:
        try:
            item = fee_items.fee_item(desk, code)
            amount, _rate = charges.charge_amount(desk, item, unit, batch.starts_on, len(months))
        except DeskError:  # no rate or no area: the notice leaves the item out
            continue
        fees.append(NoticeFee(item.name, len(months), amount))
    values = settings_service.get_all(desk)
    return NoticeData(
        values["estate.name"],
        values["estate.company"],
        values["estate.phone"],
        unit_row.unit_code,
        "、".join(o.person.name for o in owners),
        batch.name,
        batch.starts_on,
        batch.ends_on,
        batch.place,
        batch.contact,
        f"{unit_row.slot_day} {unit_row.slot_starts}" if unit_row.slot_day else "",
        setup.documents_to_bring(desk),
        fees,
        months,
        values["estate.address"],
    )


@dataclass(frozen=True)
class AcceptanceSheet:
    """The 房屋交接验收单 of a hand-over: who, what was signed and paid, the meters, the
    keys, the inspection and its defects, and the names that sign."""

    estate: str
    unit: str
    area: str
    owner: str
    agent: str
    agent_id_masked: str
    started_at: str
    closed_at: str
    outcome: str
    outcome_note: str
    documents_signed: list[str]
    handbooks: list[str]
    fees_paid: list[str]
    meters: dict[str, str]
    keys: list[str]
    cards: list[str]
    rooms: list[str]
    items: list[str]
    cells: dict[tuple[str, str], str]
    defects: list[DefectLine]
    signatures: dict[str, str] = field(default_factory=dict)  # role → name


def acceptance_sheet(desk: Desk, handover_id: int) -> AcceptanceSheet:
    current = handover.state(desk, handover_id)
    row = current.handover
    unit = estate.get_unit(desk, row.unit_id)
    data = {s.station: s.data for s in current.stations}
    keys = data.get("keys", {})
    meters = {
        meter: value["reading"]
        for meter, value in data.get("meters", {}).items()
        if isinstance(value, dict)
    }
    clerk = operators_store.get(desk.db, _created_by(desk, handover_id))
    return AcceptanceSheet(
        settings_service.get(desk, "estate.name"),
        unit.code,
        format_area(unit.area_centi_m2),
        row.person_name or "",
        row.agent_name,
        row.agent_id_masked,
        display(row.started_at),
        display(row.closed_at) if row.closed_at else "",
        row.outcome or "",
        row.outcome_note,
        list(data.get("documents", {}).get("signed", [])),
        list(data.get("documents", {}).get("handbooks", [])),
        list(data.get("fees", {}).get("months", [])),
        meters,
        [
            f"{k['code']} " + "、".join(f"{t}×{n}" for t, n in k["pieces"].items() if n)
            for k in keys.get("keys", [])
        ],
        list(keys.get("cards", [])),
        setup.rooms_for(desk, unit.kind),
        setup.items(desk),
        {(c.room, c.item): c.result for c in handovers_store.cells(desk.db, handover_id)},
        [_line(d) for d in defects_store.defects_of_handover(desk.db, handover_id)],
        {
            "业主": row.agent_name or row.person_name or "",
            "客服中心": clerk.display_name if clerk else "",
            "工程部": "",
        },
    )


def _created_by(desk: Desk, handover_id: int) -> int:
    return handovers_store.created_by(desk.db, handover_id) or 0
