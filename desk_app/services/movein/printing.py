"""The move-in forms on paper, filled from the records and archived as PDF with them:
the 入住通知单 of a unit or of a whole batch (one PDF, one notice after another, recorded
as sent in the same operation as the archive), a hand-over's 房屋交接验收单 and
入住程序表, the day's 收楼情况汇总 and a unit's 遗留问题整改记录. A second print of a
hand-over's or a unit's form is stamped 补打."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desk_app.core.address import long_unit_text as unit_text
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.movein import METER_ITEMS
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.directory import estate
from desk_app.services.movein import batches, defects, handover, reports
from desk_app.services.operations import Done
from desk_app.storage.movein import batches as batches_store
from desk_app.storage.movein import handovers as handovers_store

NOTICE_FORM = "movein_notice"
INSPECTION_FORM = "movein_inspection"
ROUTING_FORM = "movein_routing_slip"
SUMMARY_FORM = "movein_daily_summary"
DEFECT_LIST_FORM = "movein_defect_list"

NOTICE_TITLE = "入住通知单"
NOTICE_WAY = "邮寄"  # a printed notice is handed or posted; the desk may say otherwise
OUTCOME_BOXES = (("已交房", "收房"), ("带条件收房", "带条件收房"), ("拒收", "拒收"))
METER_UNITS = {"水": ("水表", "m³"), "电": ("电表", "kWh"), "燃气": ("燃气表", "m³")}
OK_MARK, DEFECT_MARK = "√", "×"

# A unit's form printed and archived (the CLI's sheet, routing-slip, defect-list).
UnitPrint = Callable[[Desk, int], Done[PrintedDocument]]


def _estate(desk: Desk) -> dict[str, str]:
    values = settings_service.get_all(desk)
    return {"estate_name": values["estate.name"], "company_name": values["estate.company"]}


def _contact(desk: Desk) -> str:
    values = settings_service.get_all(desk)
    parts = []
    if values["estate.address"]:
        parts.append(f"客户服务中心地址：{values['estate.address']}")
    if values["estate.phone"]:
        parts.append(f"电话：{values['estate.phone']}")
    return "　".join(parts)


# --- 入住通知单 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedNotices:
    id: int  # the archived document
    title: str
    pdf: bytes
    batch_unit_ids: tuple[int, ...]


def notice_form_data(desk: Desk, batch_unit_id: int, *, printed_at: str) -> dict[str, object]:
    """Every key of ``forms/movein_notice.toml`` for one unit of a batch."""
    data = reports.notice_data(desk, batch_unit_id)
    unit_row = batches_store.batch_unit(desk.db, batch_unit_id)
    slot_text = ""
    if unit_row is not None and unit_row.slot_id is not None:
        slot = batches_store.slot(desk.db, unit_row.slot_id)
        if slot is not None:
            slot_text = f"{_date_cn(slot.day)} {slot.starts}–{slot.ends}"
    phone = data.desk_phone
    hint = ""
    if not slot_text:
        hint = (
            f"您尚未预约办理时段，请致电 {phone} 预约。"
            if phone
            else "请与客户服务中心预约办理时段。"
        )
    hours = "办理时段以预约为准"
    if unit_row is not None:
        slots = batches_store.slots(desk.db, unit_row.batch_id)
        if slots:
            hours = f"每日 {min(x.starts for x in slots)}–{max(x.ends for x in slots)}"
    period = f"{data.first_months[0]} 至 {data.first_months[-1]}" if data.first_months else ""
    return {
        "estate_name": data.estate,
        "company_name": data.company,
        "batch_name": data.batch,
        "unit_text": unit_text(data.unit),
        "owner_name": data.owner,
        "handover_from": data.starts_on,
        "handover_to": data.ends_on,
        "handover_hours": hours,
        "handover_place": data.place or "客户服务中心",
        "slot_text": slot_text,
        "booking_hint": hint,
        "bring": [
            {"no": n, "text": text, "note": ""}
            for n, text in enumerate(data.documents_to_bring, start=1)
        ],
        "fees": [
            {"no": n, "item": fee.text, "period": period, "amount": fee.amount_fen, "note": ""}
            for n, fee in enumerate(data.fees, start=1)
        ],
        "fees_total": data.fees_total_fen,
        "fee_note": "",
        "contact_text": data.contact or _contact(desk) or "客户服务中心",
        "issue_date": printed_at[:10],
        "printed_at": printed_at,
    }


def _date_cn(day: str) -> str:
    return f"{int(day[:4])}年{int(day[5:7])}月{int(day[8:10])}日"


def print_notices(
    desk: Desk,
    batch_id: int,
    *,
    building: str | None = None,
    batch_unit_ids: Sequence[int] | None = None,
    how: str = NOTICE_WAY,
) -> Done[PrintedNotices]:
    """The 入住通知单 of a batch's units (all, one building's, or those given) as one PDF,
    archived and recorded as sent (``how``) in one operation."""
    from desk_app.printing import render  # reportlab is loaded only to print

    batch = batches.get_batch(desk, batch_id)
    units = batches.batch_units(desk, batch.id, building=building)
    if batch_unit_ids is not None:
        wanted = set(batch_unit_ids)
        units = [u for u in units if u.id in wanted]
    if not units:
        if building:
            raise ValidationError(
                f"交付批次“{batch.name}”没有{building}栋的房屋。", field="building"
            )
        raise ValidationError(f"交付批次“{batch.name}”没有房屋。", field="units")
    printed_at = desk.now_text()
    pages = [notice_form_data(desk, u.id, printed_at=printed_at) for u in units]
    if len(units) == 1:
        title = f"{NOTICE_TITLE} {units[0].unit_code}"
    else:
        title = f"{NOTICE_TITLE} {batch.name}（{len(units)} 户）"
    pdf = render.render_pages(NOTICE_FORM, pages, title=title)
    ids = [u.id for u in units]
    with desk.operation("movein_notice_sent") as op:
        batches.record_notice(desk, ids, how)
        document_id = documents.archive(
            op,
            form=NOTICE_FORM,
            title=title,
            pdf=pdf,
            record_table="movein_units",
            record_id=ids[0],
        )
    return op.done(PrintedNotices(document_id, title, pdf, tuple(ids)))


def print_unit_notice(desk: Desk, unit_id: int, *, how: str = NOTICE_WAY) -> Done[PrintedNotices]:
    """One unit's 入住通知单 (the unit's latest batch)."""
    row = batches.batch_unit_of(desk, unit_id)
    if row is None:
        raise NotFoundError("该房屋不在交付批次中。", field="unit")
    return print_notices(desk, row.batch_id, batch_unit_ids=[row.id], how=how)


# --- 房屋交接验收单 ---------------------------------------------------------------------------


def _latest(desk: Desk, unit_id: int) -> handover.HandoverState:
    current = handover.latest(desk, unit_id)
    if current is None:
        unit = estate.get_unit(desk, unit_id)
        raise NotFoundError(f"{unit.code} 还没有收房记录。", field="unit")
    return current


def _outcome_boxes(outcome: str | None) -> str:
    return "　".join(("■" if stored == outcome else "□") + text for stored, text in OUTCOME_BOXES)


def inspection_form_data(desk: Desk, handover_id: int, *, printed_at: str) -> dict[str, object]:
    """Every key of ``forms/movein_inspection.toml`` for one hand-over."""
    sheet = reports.acceptance_sheet(desk, handover_id)
    current = handover.state(desk, handover_id)
    unit = estate.get_unit(desk, current.handover.unit_id)
    per_cell = Counter((d.room, d.item) for d in sheet.defects)
    rooms = list(sheet.rooms)
    rooms += [room for room, _item in sheet.cells if room not in rooms]
    items = list(sheet.items)
    items += [item for _room, item in sheet.cells if item not in items]
    grid = []
    for item in items:
        row: dict[str, str] = {"item": item}
        for room in rooms:
            count = per_cell.get((room, item), 0)
            result = sheet.cells.get((room, item))
            if count:
                row[room] = DEFECT_MARK if count == 1 else f"{DEFECT_MARK}{count}"
            elif result == "合格":
                row[room] = OK_MARK
            elif result:
                row[room] = DEFECT_MARK
            else:
                row[room] = ""
        grid.append(row)
    keys: Counter[str] = Counter()
    for entry in current.station("keys").data.get("keys", []) if _has(current, "keys") else []:
        for kind, count in entry.get("pieces", {}).items():
            keys[kind] += int(count)
    key_rows: list[dict[str, object]] = [
        {"name": f"{kind}钥匙" if not kind.endswith("钥匙") else kind, "count": n, "note": ""}
        for kind, n in keys.items()
        if n
    ]
    trust: Counter[str] = Counter()
    for entry in current.station("keys").data.get("in_trust", []) if _has(current, "keys") else []:
        for kind, count in entry.get("pieces", {}).items():
            trust[kind] += int(count)
    for kind, n in trust.items():
        key_rows.append(
            {
                "name": f"{kind}钥匙" if not kind.endswith("钥匙") else kind,
                "count": n,
                "note": "业主留存客服中心，供遗留问题维修",
            }
        )
    if sheet.cards:
        key_rows.append(
            {"name": "门禁卡", "count": len(sheet.cards), "note": "卡号 " + "、".join(sheet.cards)}
        )
    inspection = current.station("inspection") if _has(current, "inspection") else None
    inspected_at = (
        inspection.updated_at
        if inspection is not None and inspection.state == "done" and inspection.updated_at
        else current.handover.started_at
    )
    agent = (
        f"（代理人：{sheet.agent}，凭委托书）" if sheet.agent and sheet.agent != sheet.owner else ""
    )
    return {
        **_estate(desk),
        "sheet_no": f"YS{current.handover.started_at[:10].replace('-', '')}-{handover_id:04d}",
        "unit_text": unit_text(sheet.unit),
        "unit_type": f"{unit.kind}　{sheet.area}㎡" if sheet.area else unit.kind,
        "owner_name": sheet.owner,
        "agent_text": agent,
        "inspected_at": inspected_at,
        "engineer": sheet.signatures.get("工程部", ""),
        "clerk": sheet.signatures.get("客服中心", ""),
        "rooms": rooms,
        "grid": grid,
        "defects": [
            {
                "no": n,
                "room": d.room,
                "item": d.item,
                "category": d.category,
                "note": d.note,
                "deadline": d.due_on,
            }
            for n, d in enumerate(sheet.defects, start=1)
        ],
        "meters": [
            {
                "name": METER_UNITS.get(meter, (meter, ""))[0],
                "meter_no": "",
                "reading": sheet.meters[meter],
                "unit": METER_UNITS.get(meter, ("", ""))[1],
            }
            for meter in [*METER_ITEMS, *(m for m in sheet.meters if m not in METER_ITEMS)]
            if meter in sheet.meters
        ],
        "keys": key_rows,
        "outcome_boxes": _outcome_boxes(sheet.outcome or None),
        "outcome_note": sheet.outcome_note,
        "printed_at": printed_at,
    }


def _has(current: handover.HandoverState, station_id: str) -> bool:
    return any(s.station == station_id for s in current.stations)


def print_inspection_sheet(desk: Desk, unit_id: int) -> Done[PrintedDocument]:
    """The 房屋交接验收单 of the unit's latest hand-over."""
    current = _latest(desk, unit_id)
    data = inspection_form_data(desk, current.handover.id, printed_at=desk.now_text())
    return _print_for_handover(desk, INSPECTION_FORM, data, current.handover.id)


def _print_for_handover(
    desk: Desk, form: str, data: Mapping[str, object], handover_id: int
) -> Done[PrintedDocument]:
    return documents.print_marking_reprints(
        desk, form, data, record_table="movein_handovers", record_id=handover_id
    )


# --- 入住程序表 --------------------------------------------------------------------------------


def _station_detail(station: handovers_store.StationRow, current: handover.HandoverState) -> str:
    data = station.data
    if station.station == "identity":
        who = current.handover.person_name or ""
        if current.handover.agent_name:
            who += f"；代理人 {current.handover.agent_name}（凭委托书）"
        return f"核对购房合同、身份证：{who}" if who else "核对购房合同、身份证"
    if station.station == "fees":
        months = data.get("months", [])
        return f"预交 {months[0]} 至 {months[-1]} 物业服务费" if months else "缴纳收房费用"
    if station.station == "documents":
        signed = data.get("signed", [])
        return "签署：" + "、".join(signed) if signed else "签署前期物业管理服务协议等文件"
    if station.station == "inspection":
        if "defects" in data:
            return f"会同工程部验房，遗留问题 {data['defects']} 项"
        return "会同工程部逐间验收，填写房屋交接验收单"
    if station.station == "meters":
        read = [f"{m} {v['reading']}" for m, v in data.items() if isinstance(v, dict)]
        return "表底数：" + "，".join(read) if read else "抄录水、电、燃气表底数"
    if station.station == "keys":
        cards = data.get("cards", [])
        sets = len(data.get("keys", []))
        parts = [f"钥匙 {sets} 套"] if sets else []
        if data.get("in_trust"):
            parts.append("部分留存托管")
        if cards:
            parts.append(f"门禁卡 {len(cards)} 张")
        return "，".join(parts) if parts else "移交钥匙及门禁卡"
    if station.station == "archive":
        return f"收楼日期 {data['receive_date']}" if data.get("receive_date") else "资料归档"
    return ""


def _station_state(station: handovers_store.StationRow) -> str:
    if station.state == "done":
        return "已办理"
    if station.state == "skipped":
        return f"跳过：{station.reason}"
    return "待办理"


def _station_at(station: handovers_store.StationRow) -> str:
    """When the station was done or skipped (a station saved before the desk recorded it:
    its last change)."""
    if station.state == "pending":
        return ""
    return station.done_at or station.updated_at or ""


def routing_slip_data(desk: Desk, handover_id: int, *, printed_at: str) -> dict[str, object]:
    """Every key of ``forms/movein_routing_slip.toml`` for one hand-over."""
    current = handover.state(desk, handover_id)
    row = current.handover
    batch_name = ""
    if row.batch_unit_id is not None:
        unit_row = batches_store.batch_unit(desk.db, row.batch_unit_id)
        if unit_row is not None:
            batch_name = batches.get_batch(desk, unit_row.batch_id).name
    return {
        **_estate(desk),
        "batch_name": batch_name,
        "unit_text": unit_text(row.unit_code),
        "owner_name": row.person_name or "",
        "agent_text": f"{row.agent_name}（凭委托书）" if row.agent_name else "无",
        "started_at": row.started_at,
        "stations": [
            {
                "no": n,
                "name": current.labels.get(s.station, s.station),
                "detail": _station_detail(s, current),
                "state": _station_state(s),
                "at": _station_at(s),
                "operator": s.done_by_name if s.state != "pending" else "",
            }
            for n, s in enumerate(current.stations, start=1)
        ],
        "note": row.outcome_note,
        "printed_at": printed_at,
    }


def print_routing_slip(desk: Desk, unit_id: int) -> Done[PrintedDocument]:
    """The 入住程序表 of the unit's latest hand-over, as it stands."""
    current = _latest(desk, unit_id)
    data = routing_slip_data(desk, current.handover.id, printed_at=desk.now_text())
    return _print_for_handover(desk, ROUTING_FORM, data, current.handover.id)


# --- 遗留问题整改记录 ---------------------------------------------------------------------------


def defect_list_data(desk: Desk, unit_id: int, *, printed_at: str) -> dict[str, object]:
    """Every key of ``forms/movein_defect_list.toml`` for one unit."""
    unit = estate.get_unit(desk, unit_id)
    latest = handover.latest(desk, unit_id)
    rows = defects.defects_of_unit(desk, unit_id)
    lines = []
    states: Counter[str] = Counter()
    for n, row in enumerate(rows, start=1):
        state = defects.defect_state(row)
        states[state] += 1
        checks = defects.reinspections(desk, row.id)
        last = checks[-1] if checks else None
        result = ""
        if last is not None:
            result = "合格" if last.passed else "不合格，重新返修"
            if last.note:
                result += f"（{last.note}）"
        lines.append(
            {
                "no": n,
                "room": row.room,
                "item": row.item,
                "category": row.category,
                "note": row.note,
                "order_no": row.order_no or "",
                "deadline": row.due_on,
                "state": state,
                "reinspected_on": last.at[:10] if last else "",
                "result": result,
            }
        )
    summary = f"共 {len(rows)} 项" + (
        "：" + "　".join(f"{s} {n}" for s, n in states.items()) if states else ""
    )
    handed = latest.handover if latest is not None else None
    return {
        **_estate(desk),
        "unit_text": unit_text(unit.code),
        "owner_name": handed.person_name or "" if handed else "",
        "handed_over_on": (handed.closed_at or "")[:10] if handed else "",
        "outcome": _paper_outcome(handed.outcome) if handed else "",
        "defects": lines,
        "summary_text": summary,
        "contact_text": _contact(desk) or "客户服务中心",
        "printed_at": printed_at,
    }


def _paper_outcome(outcome: str | None) -> str:
    return dict(OUTCOME_BOXES).get(outcome or "", outcome or "")


def print_defect_list(desk: Desk, unit_id: int) -> Done[PrintedDocument]:
    """A unit's 遗留问题整改记录, for the owner."""
    unit = estate.get_unit(desk, unit_id)
    data = defect_list_data(desk, unit.id, printed_at=desk.now_text())
    return documents.print_marking_reprints(
        desk, DEFECT_LIST_FORM, data, record_table="units", record_id=unit.id
    )


# --- 收楼情况汇总 ------------------------------------------------------------------------------

_COUNTS = ("units", "today", "delivered", "reserved", "refused", "booked", "not_yet")


def daily_summary_data(desk: Desk, day: str, *, printed_at: str) -> dict[str, object]:
    """Every key of ``forms/movein_daily_summary.toml`` for one day: the batches whose
    hand-over days include it (or every batch), by building, and the units closed that day."""
    every = batches.list_batches(desk)
    running = [b for b in every if b.starts_on <= day <= b.ends_on] or every
    lines = reports.day_summary(desk, day)
    today: Counter[str] = Counter()
    for line in lines:
        if line.outcome != "拒收":
            found = estate.find_unit(desk, line.unit)
            today[found.building] += 1
    per: dict[str, dict[str, int]] = {}
    for batch in running:
        for counts in batches.overview(desk, batch.id):
            row = per.setdefault(counts.building, dict.fromkeys(_COUNTS, 0))
            row["units"] += counts.units
            row["delivered"] += counts.delivered + counts.reservations
            row["reserved"] += counts.reservations
            row["refused"] += counts.refused
            row["booked"] += counts.booked + counts.in_progress
            row["not_yet"] += counts.not_booked
    for building, row in per.items():
        row["today"] = today.get(building, 0)
    buildings = [{"building": f"{b}栋", **row} for b, row in per.items()]
    totals = {"building": "合计"} | {k: sum(r[k] for r in per.values()) for k in _COUNTS}
    return {
        **_estate(desk),
        "batch_name": running[0].name if len(running) == 1 else "全部批次",
        "day": day,
        "buildings": buildings,
        "totals": [totals],
        "units": [
            {
                "no": n,
                "unit_text": unit_text(line.unit),
                "owner_name": line.owner,
                "at": line.closed_at_iso,
                "outcome": _paper_outcome(line.outcome),
                "defects": line.defects,
                "note": line.note,
                "operator": line.operator,
            }
            for n, line in enumerate(lines, start=1)
        ],
        "note": "",
        "prepared_by": desk.operator.display_name if desk.operator else "",
        "printed_at": printed_at,
    }


def print_daily_summary(desk: Desk, day: str) -> Done[PrintedDocument]:
    """The day's 收楼情况汇总, archived (no record of its own: a day)."""
    data = daily_summary_data(desk, day, printed_at=desk.now_text())
    return documents.print_form(desk, SUMMARY_FORM, data, record_table=None, record_id=None)
