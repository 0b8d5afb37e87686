"""A unit's hand-over (收房), station by station: identity (the owner of record, or an
agent with 委托书), the fees due at hand-over (paid through the ledger's payments), the
documents signed (the archive's paper checklist) and handbooks given, the joint inspection
(``defects``), the meters' base readings (the ledger's first bill starts from them), the
keys (the key registry's collection by the owner) and the 门禁卡, and the close: the unit
已交房 and the archive's 收楼日期, or refused until the defects are fixed.

Each station is saved by its own operation, in any order; a station is pending, done or
skipped with a reason. Reopening the desk (or a second visit) resumes the same record at
its first pending station."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desk_app.core import movein as rules
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_id_number, validate_id_number
from desk_app.core.money import format_fen
from desk_app.services.desk import Desk
from desk_app.services.directory import archive, estate, people
from desk_app.services.keys import registry as key_registry
from desk_app.services.ledger import billing, charges, fee_items
from desk_app.services.movein import setup
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.directory import archives as archives_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory.people import PersonRecord
from desk_app.storage.ledger import billing as billing_store
from desk_app.storage.ledger import fee_items as fee_items_store
from desk_app.storage.movein import batches as batches_store
from desk_app.storage.movein import defects as defects_store
from desk_app.storage.movein import handovers as store
from desk_app.storage.movein.handovers import HandoverRow, StationRow

__all__ = ["HandoverRow", "StationRow"]

MAX_CARDS = 20


@dataclass(frozen=True)
class HandoverState:
    handover: HandoverRow
    stations: list[StationRow]
    labels: dict[str, str]

    @property
    def current(self) -> str | None:
        """The first pending station (where a resumed visit goes on), None when none is."""
        return next((s.station for s in self.stations if s.state == "pending"), None)

    def station(self, station_id: str) -> StationRow:
        return next(s for s in self.stations if s.station == station_id)

    @property
    def progress(self) -> tuple[int, int]:
        finished = sum(1 for s in self.stations if s.state != "pending")
        return finished, len(self.stations)


def state(desk: Desk, handover_id: int) -> HandoverState:
    row = store.handover(desk.db, handover_id)
    if row is None:
        raise NotFoundError("该收房记录不存在。", field="handover")
    labels = {s.id: s.label for s in setup.stations(desk)}
    return HandoverState(row, store.stations(desk.db, row.id), labels)


def resume(desk: Desk, unit_id: int) -> HandoverState | None:
    """The unit's open hand-over, as saved (None when none is open)."""
    row = store.open_handover(desk.db, unit_id)
    return state(desk, row.id) if row else None


def latest(desk: Desk, unit_id: int) -> HandoverState | None:
    row = store.latest_handover(desk.db, unit_id)
    return state(desk, row.id) if row else None


def start(desk: Desk, unit_id: int) -> Done[HandoverState]:
    """Open the unit's hand-over with the estate's stations, or resume the open one
    (nothing written then)."""
    unit = estate.get_unit(desk, unit_id)
    existing = store.open_handover(desk.db, unit.id)
    if existing is not None:
        return Done(state(desk, existing.id), NO_CHANGES)
    last = store.latest_handover(desk.db, unit.id)
    if last is not None and last.outcome in ("已交房", "带条件收房"):
        closed_on = (last.closed_at or "")[:10]
        raise ValidationError(f"{unit.code} 已于 {closed_on} 收房。", field="unit")
    batch_unit = batches_store.batch_unit_of(desk.db, unit.id)
    with desk.operation("movein_started") as op:
        handover_id = store.insert_handover(
            op.db, unit.id, batch_unit.id if batch_unit else None, op.stamp
        )
        op.record("movein_handovers", handover_id, unit=unit.code)
        station_ids = [s.id for s in setup.stations(desk)]
        op.touch(
            "movein_stations", store.insert_stations(op.db, handover_id, station_ids, op.stamp)
        )
        if batch_unit is not None:
            batches_store.update_batch_unit(op.db, batch_unit.id, {"state": "办理中"}, op.at)
            op.touch("movein_units", [batch_unit.id])
    return op.done(state(desk, handover_id))


def _open(desk: Desk, handover_id: int) -> HandoverState:
    current = state(desk, handover_id)
    if current.handover.closed_at is not None:
        raise ValidationError(
            f"{current.handover.unit_code} 的收房已结束（{current.handover.outcome}）。",
            field="handover",
        )
    return current


def _station(current: HandoverState, station_id: str) -> StationRow:
    if station_id not in rules.STATION_IDS:
        raise ValidationError(f"未知的收房环节：{station_id}", field="station")
    try:
        return current.station(station_id)
    except StopIteration:
        raise ValidationError(
            f"本小区的收房程序没有“{current.labels.get(station_id, station_id)}”。",
            field="station",
        ) from None


def _save_station(
    op: Operation,
    current: HandoverState,
    station_id: str,
    new_state: str,
    data: dict[str, Any],
    reason: str = "",
) -> None:
    """Save a station's state and data; a station done or skipped records who did it (the
    operator on duty) and when, for the routing slip; a pending one has neither."""
    row = _station(current, station_id)
    finished = new_state != "pending"
    store.set_station(
        op.db,
        row.id,
        state=new_state,
        reason=reason,
        data=data,
        at=op.at,
        done_by=op.operator_id if finished else None,
        done_at=op.at if finished else None,
    )
    op.record(
        "movein_stations",
        row.id,
        unit=current.handover.unit_code,
        station=station_id,
        state=new_state,
        reason=reason,
    )


def skip_station(desk: Desk, handover_id: int, station_id: str, reason: str) -> Done[HandoverState]:
    """Skip a station with a reason (the owner brings the papers next time …)."""
    current = _open(desk, handover_id)
    why = (reason or "").strip()
    if not why:
        raise ValidationError("跳过此环节须写明原因。", field="reason")
    row = _station(current, station_id)
    with desk.operation("movein_station_skipped") as op:
        _save_station(op, current, station_id, "skipped", row.data, why[:200])
    return op.done(state(desk, handover_id))


def reopen_station(desk: Desk, handover_id: int, station_id: str) -> Done[HandoverState]:
    """Put a done or skipped station back to pending (its data kept)."""
    current = _open(desk, handover_id)
    row = _station(current, station_id)
    if row.state == "pending":
        raise ValidationError("此环节尚未办理。", field="station")
    with desk.operation("movein_station_reopened") as op:
        _save_station(op, current, station_id, "pending", row.data)
    return op.done(state(desk, handover_id))


# --- identity -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewOwner:
    """The owner as the purchase contract and the ID card give them, for a unit the
    directory has no owner of record for yet (a new delivery: the buyer is only on the
    contract). Name, 居民身份证 number and phone, all required."""

    name: str
    phone: str = ""
    id_number: str = ""


@dataclass(frozen=True)
class Identity:
    """Who takes the unit: an owner of record, or an agent with the owner's 委托书; for a
    unit without an owner of record, the owner to register (``new_owner``)."""

    person_id: int = 0
    agent_name: str = ""
    agent_id_number: str = ""
    power_of_attorney: bool = False
    new_owner: NewOwner | None = None


def owners_of_record(desk: Desk, unit_id: int) -> list[people_store.OccupancyRow]:
    return [
        o
        for o in people_store.occupancies_for_unit(desk.db, unit_id, current_only=True)
        if o.role in ("owner", "co_owner")
    ]


def owner_views(desk: Desk, unit_id: int) -> list[people.OccupantView]:
    """The owners of record as the directory shows them (ID number and phone masked)."""
    return [people.occupant_view(o) for o in owners_of_record(desk, unit_id)]


_OWNER_FIELDS = {"name": "owner_name", "phone": "owner_phone", "id_number": "owner_id_number"}


def _new_owner_record(desk: Desk, owner: NewOwner) -> PersonRecord:
    """The new owner checked as the directory checks a person (its messages, at the
    identity step's owner fields)."""
    if not (owner.name or "").strip():
        raise ValidationError("姓名不能为空。", field="owner_name")
    if not (owner.id_number or "").strip():
        raise ValidationError("请填写业主的身份证号码。", field="owner_id_number")
    if not (owner.phone or "").strip():
        raise ValidationError("请填写业主的联系电话。", field="owner_phone")
    try:
        return people.clean_person(
            PersonRecord(name=owner.name, id_number=owner.id_number, phone=owner.phone),
            today=desk.clock.now().date(),
        )
    except ValidationError as error:
        raise ValidationError(error.message, field=_OWNER_FIELDS.get(error.field or "")) from None


def confirm_identity(desk: Desk, handover_id: int, who: Identity) -> Done[HandoverState]:
    """The identity station: the owner of record (or their agent with a 委托书, the
    agent's ID kept masked) checked against the contract and ID card. A unit without an
    owner of record gets the owner typed in (``who.new_owner``) registered in the
    directory — the person and the ownership, as ``directory.people.add_occupant`` does —
    in this same operation: a refused identity (an agent without 委托书 …) registers
    nobody, and no owner is left registered without the station that vouched for them."""
    current = _open(desk, handover_id)
    unit_code = current.handover.unit_code
    owners = {o.person_id: o for o in owners_of_record(desk, current.handover.unit_id)}
    record: PersonRecord | None = None
    if who.new_owner is not None:
        if owners:
            raise ValidationError(f"{unit_code} 已有登记业主，请从登记业主中选择。", field="person")
        record = _new_owner_record(desk, who.new_owner)
    elif not owners:
        raise ValidationError(
            f"{unit_code} 没有登记业主，请按购房合同和身份证登记业主。", field="owner_name"
        )
    elif who.person_id not in owners:
        raise ValidationError(f"此人不是 {unit_code} 的登记业主，不能办理。", field="person")
    agent = (who.agent_name or "").strip()[:40]
    masked = ""
    if agent:
        if not who.power_of_attorney:
            raise ValidationError("代理人须出示业主的委托书。", field="agent")
        kept = current.handover.agent_id_masked if agent == current.handover.agent_name else ""
        if not who.agent_id_number.strip() and kept:
            masked = kept  # confirmed again: the number is never shown, empty keeps it
        elif not who.agent_id_number.strip():
            raise ValidationError("请填写代理人的身份证号码。", field="agent_id_number")
        else:
            try:
                masked = mask_id_number(validate_id_number(who.agent_id_number))
            except ValidationError as error:
                raise ValidationError(error.message, field="agent_id_number") from None
    today = desk.clock.now().date().isoformat()
    with desk.operation("movein_identity_confirmed") as op:
        if record is not None:
            occupancy_id = people.add_occupant(
                desk, current.handover.unit_id, record, "owner", since=today
            ).value
            occupancy = people_store.get_occupancy(op.db, occupancy_id)
            assert occupancy is not None
            person_id, name = occupancy.person_id, occupancy.person.name
        else:
            person_id, name = who.person_id, owners[who.person_id].person.name
        data = {
            "person_id": person_id,
            "name": name,
            "agent_name": agent,
            "agent_id_masked": masked,
            "power_of_attorney": bool(agent),
            "owner_registered": record is not None,
        }
        store.update_handover(
            op.db,
            current.handover.id,
            {"person_id": person_id, "agent_name": agent, "agent_id_masked": masked},
            op.at,
        )
        op.record(
            "movein_handovers",
            current.handover.id,
            person=name,
            agent=agent,
            owner_registered=record is not None,
        )
        _save_station(op, current, "identity", "done", data)
    return op.done(state(desk, handover_id))


# --- fees -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeeLine:
    charge_id: int
    description: str
    period: str
    due_on: str
    amount_fen: int
    outstanding_fen: int
    due_now: bool = True  # paid at the hand-over (else it falls due later)


@dataclass(frozen=True)
class FeesDue:
    """What the unit owes at hand-over — every open charge of the ledger due by today
    (earlier months, a 装修押金 …) and the first months once posted — and whether it is
    all paid; open charges falling due later are listed apart and do not hold it up."""

    lines: list[FeeLine]
    first_months: list[str]  # the periods the hand-over prepays
    posted: bool  # the first months' charges are in the ledger

    @property
    def due_lines(self) -> list[FeeLine]:
        return [line for line in self.lines if line.due_now]

    @property
    def later_lines(self) -> list[FeeLine]:
        return [line for line in self.lines if not line.due_now]

    @property
    def outstanding_fen(self) -> int:
        return sum(line.outstanding_fen for line in self.due_lines)

    @property
    def later_fen(self) -> int:
        return sum(line.outstanding_fen for line in self.later_lines)

    @property
    def paid(self) -> bool:
        return self.posted and self.outstanding_fen == 0

    @property
    def charge_ids(self) -> list[int]:
        """The charges to pay at the hand-over."""
        return [line.charge_id for line in self.due_lines if line.outstanding_fen > 0]


def first_months(desk: Desk, on: date) -> list[str]:
    rule = setup.fee_rule(desk)
    return rules.months_from(rules.fee_start_month(on, rule.start_day), rule.months)


def _first_month_items(desk: Desk) -> list[str]:
    known = {item.code for item in fee_items.fee_items(desk)}
    return [code for code in setup.fee_rule(desk).items if code in known]


def _first_month_item_ids(desk: Desk) -> list[int]:
    return [
        row.id
        for code in _first_month_items(desk)
        if (row := fee_items_store.fee_item_by_code(desk.db, code)) is not None
    ]


def _posted(desk: Desk, unit_id: int, periods: list[str]) -> bool:
    item_ids = _first_month_item_ids(desk)
    return all(
        (unit_id, item_id) in billing_store.billed_units(desk.db, period, item_ids)
        for period in periods
        for item_id in item_ids
    )


def fees_due(desk: Desk, unit_id: int) -> FeesDue:
    """What the unit owes at hand-over and whether it is paid (pay with
    ``ledger.payments``): every open charge of the unit, whoever posted it and when, due
    by today or one of the months prepaid at hand-over."""
    today = desk.clock.now().date()
    months = first_months(desk, today)
    first_items = set(_first_month_item_ids(desk))
    lines = [
        FeeLine(
            r.charge_id,
            r.description,
            r.period,
            r.due_on,
            r.amount_fen,
            r.outstanding_fen,
            rules.due_at_handover(
                r.due_on,
                today.isoformat(),
                first_month=r.item_id in first_items and r.period in months,
            ),
        )
        for r in charges.owing(desk, unit_id)
    ]
    return FeesDue(lines, months, _posted(desk, unit_id, months))


def post_first_months(desk: Desk, handover_id: int) -> Done[FeesDue]:
    """Charge the first months (the estate's rule: which items, how many months, from the
    hand-over month when on or before the start day, else the next) as the monthly billing
    would (it then skips them), due today."""
    current = _open(desk, handover_id)
    unit_id = current.handover.unit_id
    today = desk.clock.now().date()
    months = first_months(desk, today)
    codes = _first_month_items(desk)
    if not codes or not months:
        raise ValidationError("收房时没有须预收的费用（见设置：收房时预收的收费项目）。")

    with desk.operation("movein_fees_posted") as op:
        for code in codes:
            item = fee_items_store.fee_item_by_code(desk.db, code)
            assert item is not None
            for period in months:
                if (unit_id, item.id) in billing_store.billed_units(desk.db, period, [item.id]):
                    continue
                charges.post_charge(
                    desk,
                    unit_id,
                    code,
                    due_on=today.isoformat(),
                    period=period,
                    source="billing",
                    source_ref=period,
                    description=f"{item.name} {period}（收房预收）",
                )
        op.record("movein_handovers", handover_id, months=months, items=codes)
    return op.done(fees_due(desk, unit_id))


def confirm_fees(desk: Desk, handover_id: int) -> Done[HandoverState]:
    """The fees station is done when everything the unit owes is paid."""
    current = _open(desk, handover_id)
    due = fees_due(desk, current.handover.unit_id)
    if not due.posted:
        raise ValidationError("请先计入收房预收的费用。", field="fees")
    if due.outstanding_fen:
        raise ValidationError(
            f"还欠 {format_fen(due.outstanding_fen)}，请先在收费页收款。", field="fees"
        )
    with desk.operation("movein_fees_confirmed") as op:
        _save_station(op, current, "fees", "done", {"months": due.first_months})
    return op.done(state(desk, handover_id))


# --- documents ------------------------------------------------------------------------------------


def record_documents(
    desk: Desk, handover_id: int, signed: list[str], handbooks: list[str]
) -> Done[HandoverState]:
    """The documents signed (kept on the household archive's paper checklist) and the
    handbooks given to the owner."""
    current = _open(desk, handover_id)
    to_sign = setup.documents_to_sign(desk)
    given_list = setup.handbooks(desk)
    unknown = [d for d in [*signed, *handbooks] if d not in to_sign and d not in given_list]
    if unknown:
        raise ValidationError(f"未知的文件：{'、'.join(unknown)}", field="documents")
    signed = [d for d in to_sign if d in signed]
    given = [d for d in given_list if d in handbooks]
    missing = [d for d in to_sign if d not in signed] + [d for d in given_list if d not in given]
    unit_id = current.handover.unit_id
    with desk.operation("movein_documents_recorded") as op:
        for document in signed:
            archive.set_paper_on_file(desk, unit_id, document, True, also=to_sign)
        _save_station(
            op,
            current,
            "documents",
            "done" if not missing else "pending",
            {"signed": signed, "handbooks": given, "missing": missing},
        )
    return op.done(state(desk, handover_id))


# --- meters ---------------------------------------------------------------------------------------


def record_meters(desk: Desk, handover_id: int, readings: dict[str, str]) -> Done[HandoverState]:
    """The meters' base readings (底数: 水, 电, 燃气), each the base of the ledger's first
    bill of that meter. Blank meters are left; the station is done when each meter the
    estate bills is read."""
    current = _open(desk, handover_id)
    typed = {k: (v or "").strip() for k, v in readings.items() if (v or "").strip()}
    unknown = [k for k in typed if k not in rules.METER_ITEMS]
    if unknown:
        raise ValidationError(f"未知的表：{'、'.join(unknown)}", field="meters")
    if not typed:
        raise ValidationError("请填写表底数。", field="meters")
    billed = {item.code for item in billing.metered_items(desk)}
    not_billed = [k for k in typed if rules.METER_ITEMS[k] not in billed]
    if not_billed:
        raise ValidationError(
            f"收费台账没有{'、'.join(not_billed)}的计量收费项目，不能记底数。", field="meters"
        )
    data = dict(_station(current, "meters").data)
    with desk.operation("movein_meters_read") as op:
        for meter, text in typed.items():
            reading_id = billing.record_base_reading(
                desk, current.handover.unit_id, rules.METER_ITEMS[meter], text
            ).value
            data[meter] = {"reading": text, "reading_id": reading_id}
        needed = [m for m, code in rules.METER_ITEMS.items() if code in billed]
        done = all(m in data for m in needed)
        _save_station(op, current, "meters", "done" if done else "pending", data)
    return op.done(state(desk, handover_id))


# --- keys -----------------------------------------------------------------------------------------


def unit_key_sets(desk: Desk, unit_id: int) -> list[key_registry.KeySetRow]:
    """The unit's keys the desk holds for it (接管 from the developer, or in trust)."""
    return [
        row for row in key_registry.sets_of_unit(desk, unit_id) if row.kind in ("接管", "业主代管")
    ]


TRUST_NOTE = "收房时业主留存，供遗留问题维修"


def hand_over_keys(
    desk: Desk,
    handover_id: int,
    pieces: dict[int, dict[str, int]],
    cards: list[str],
    in_trust: dict[int, dict[str, int]] | None = None,
) -> Done[HandoverState]:
    """Keys handed over by set and type (the key registry's 领取 by the owner of record, or
    their agent, as identified), and the 门禁卡 numbers issued. ``in_trust``: keys of these
    sets the owner leaves with the desk so the defects can be repaired while away — taken
    over from the developer like the rest, then deposited (寄存) in the unit's 业主代管 set
    (made when there is none, on the same hook), from which the desk lends them against a
    defect's repair order with the owner's written consent (钥匙托管承诺书)."""
    current = _open(desk, handover_id)
    identity = _station(current, "identity")
    if identity.state != "done" or current.handover.person_id is None:
        raise ValidationError("请先核验业主身份。", field="identity")
    numbers = [c.strip() for c in cards if c.strip()]
    if len(numbers) > MAX_CARDS or len(set(numbers)) != len(numbers):
        raise ValidationError("门禁卡号重复或过多。", field="cards")
    if any(len(n) > 30 for n in numbers):
        raise ValidationError("门禁卡号过长（最多 30 字）。", field="cards")
    sets = {row.id: row for row in unit_key_sets(desk, current.handover.unit_id)}
    wanted = {set_id: p for set_id, p in pieces.items() if any(p.values())}
    kept = {set_id: p for set_id, p in (in_trust or {}).items() if any(p.values())}
    if not wanted and not numbers and not kept:
        raise ValidationError("请填写交付的钥匙或门禁卡。", field="keys")
    for set_id in [*wanted, *kept]:
        if set_id not in sets:
            raise ValidationError("这串钥匙不属于本房屋。", field="keys")
    if any(sets[set_id].kind != "接管" for set_id in kept):
        raise ValidationError("只有开发商移交的钥匙可在收房时留存托管。", field="keys")
    taken: dict[int, dict[str, int]] = {}
    for source in (wanted, kept):
        for set_id, set_pieces in source.items():
            for piece_type, n in set_pieces.items():
                taken.setdefault(set_id, {})
                taken[set_id][piece_type] = taken[set_id].get(piece_type, 0) + n
    trust_pieces: dict[str, int] = {}
    for set_pieces in kept.values():
        for piece_type, n in set_pieces.items():
            trust_pieces[piece_type] = trust_pieces.get(piece_type, 0) + n
    who = key_registry.Depositor(
        current.handover.person_id,
        agent_name=current.handover.agent_name,
        power_of_attorney=bool(current.handover.agent_name),
        agent_id_masked=current.handover.agent_id_masked,
    )
    data = dict(_station(current, "keys").data)
    handed = list(data.get("keys", []))
    with desk.operation("movein_keys_handed_over") as op:
        for set_id, set_pieces in taken.items():
            key_registry.collect(desk, set_id, set_pieces, who)
        for set_id, set_pieces in wanted.items():
            handed.append({"code": sets[set_id].code, "pieces": set_pieces})
        if trust_pieces:
            trust = _trust_set(desk, current.handover.unit_id, sets[next(iter(kept))])
            key_registry.deposit(desk, trust.id, trust_pieces, who)
            data["in_trust"] = [
                *data.get("in_trust", []),
                {"code": trust.code, "pieces": trust_pieces},
            ]
        data["keys"] = handed
        data["cards"] = list(dict.fromkeys([*data.get("cards", []), *numbers]))
        _save_station(op, current, "keys", "done", data)
    return op.done(state(desk, handover_id))


def _trust_set(desk: Desk, unit_id: int, source: key_registry.KeySetRow) -> key_registry.KeySetRow:
    """The unit's 业主代管 set, made (empty, on the developer's set's hook) if none."""
    for row in key_registry.sets_of_unit(desk, unit_id):
        if row.kind == "业主代管":
            return row
    return key_registry.create_set(
        desk,
        key_registry.KeySetInput(
            kind="业主代管", unit=source.unit_code, place=source.place, note=TRUST_NOTE
        ),
    ).value


# --- inspection station and close -----------------------------------------------------------------


def finish_inspection(desk: Desk, handover_id: int) -> Done[HandoverState]:
    """The joint inspection is done (its cells and defects are saved one by one)."""
    current = _open(desk, handover_id)
    cells = store.cells(desk.db, handover_id)
    if not cells:
        raise ValidationError("尚未验房。", field="inspection")
    defects = defects_store.defects_of_handover(desk.db, handover_id)
    data = {
        "cells": len(cells),
        "defects": len(defects),
        "ok": sum(1 for c in cells if c.result == "合格"),
    }
    with desk.operation("movein_inspection_finished") as op:
        _save_station(op, current, "inspection", "done", data)
    return op.done(state(desk, handover_id))


def close(desk: Desk, handover_id: int, outcome: str, note: str = "") -> Done[HandoverState]:
    """End the hand-over: 已交房 (a unit not yet delivered becomes 已交房, one already
    delivered, renovated, lived in or let keeps its status — ``rules.status_after_handover``;
    the archive's 收楼日期 is today whatever the status), 带条件收房 (the same, with the
    owner's reservations noted) or 拒收 (the unit stays as it is until the defects are
    fixed). Every station but 建档 is done or skipped first."""
    current = _open(desk, handover_id)
    if outcome not in rules.OUTCOMES:
        raise ValidationError(f"收房结果只能是：{'、'.join(rules.OUTCOMES)}", field="outcome")
    text = (note or "").strip()[:500]
    if outcome in ("带条件收房", "拒收") and not text:
        raise ValidationError("请写明业主的保留意见或拒收原因。", field="note")
    pending = [
        current.labels.get(s.station, s.station)
        for s in current.stations
        if s.state == "pending" and s.station != "archive" and outcome != "拒收"
    ]
    if pending:
        raise ValidationError(f"还有环节未办理：{'、'.join(pending)}", field="station")
    unit = estate.get_unit(desk, current.handover.unit_id)
    today = desk.clock.now().date().isoformat()
    with desk.operation("movein_closed") as op:
        store.update_handover(
            op.db,
            handover_id,
            {"closed_at": op.at, "outcome": outcome, "outcome_note": text},
            op.at,
        )
        op.record("movein_handovers", handover_id, unit=unit.code, outcome=outcome, note=text)
        data: dict[str, Any] = {"outcome": outcome}
        if outcome != "拒收":
            status = rules.status_after_handover(unit.status)
            if status != unit.status:
                estate.update_unit(desk, unit.id, status=status)
            facts = archives_store.get_facts(desk.db, unit.id) or archives_store.ArchiveFacts()
            archive.save_archive_facts(
                desk,
                unit.id,
                replace(facts, receive_date=today, checkin_done_on=today),
            )
            data.update(receive_date=today, unit_status=estate.get_unit(desk, unit.id).status)
            _save_station(op, current, "archive", "done", data)
        if current.handover.batch_unit_id is not None:
            batches_store.update_batch_unit(
                op.db, current.handover.batch_unit_id, {"state": outcome}, op.at
            )
            op.touch("movein_units", [current.handover.batch_unit_id])
    return op.done(state(desk, handover_id))
