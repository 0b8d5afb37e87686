"""The key printouts: tag labels (钥匙标签, a QR code and the code, nothing else), the
loan register of a day or a period (钥匙借用登记表, archived like the other registers) and
the owner's slip of a deposit or collection (钥匙寄存/领取签收单, archived with the
movement; a second print is stamped 补打).

Labels are not archived: a tag is its code, reprinted at will, and a building's delivery
would put thousands of labels in the database for nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from desk_app.core.clock import CHINA_TZ, from_text, to_text
from desk_app.core.errors import ValidationError
from desk_app.core.vocabularies import UNIT_KEY_TYPES
from desk_app.services.desk import Desk, documents
from desk_app.services.desk import settings as settings_service
from desk_app.services.desk.documents import PrintedDocument
from desk_app.services.keys import registry
from desk_app.services.operations import Done
from desk_app.storage.desk.documents import DocumentInfo
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.keys import printing as printing_store
from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.printing import LoanLine

REGISTER_FORM = "key_loan_register"
SLIP_FORM = "key_deposit_slip"
RECORD_TABLE = "key_movements"
NOT_RETURNED = "未还"
PARTLY_RETURNED = "部分归还"
MAX_REGISTER_DAYS = 366


def label_codes(desk: Desk, building: str | None = None) -> list[str]:
    """The codes to print, in code order: every set, or those of ``building``."""
    wanted = None
    if building is not None:
        wanted = building.strip().upper()
        if not wanted or buildings_store.building_by_code(desk.db, wanted) is None:
            raise ValidationError(f"没有楼号 {wanted}。", field="building")
    codes = printing_store.label_codes(desk.db, wanted)
    if not codes:
        if wanted:
            raise ValidationError(f"{wanted}栋没有登记的钥匙，无标签可打印。", field="building")
        raise ValidationError("还没有登记的钥匙，无标签可打印。", field="building")
    return codes


def labels_pdf(desk: Desk, codes: list[str]) -> bytes:
    """The label sheets (40 labels to an A4 page) of ``codes``; only the codes are printed."""
    # Imported here: reportlab and the font cost ~0.1 s, not needed to start the desk.
    from desk_app.printing.key_labels import render_labels

    known = keys_store.known_codes(desk.db, codes)
    unknown = next((code for code in codes if code not in known), None)
    if unknown is not None:
        registry.find(desk, unknown)  # says which tag is not a set, as a scan would
    return render_labels(codes)


def _bounds(start: date, end: date) -> tuple[str, str]:
    if end < start:
        raise ValidationError("结束日期不能早于开始日期。", field="to")
    if (end - start).days >= MAX_REGISTER_DAYS:
        raise ValidationError(f"登记表一次最多打印 {MAX_REGISTER_DAYS} 天。", field="to")
    first = datetime.combine(start, time(0), tzinfo=CHINA_TZ)
    after = datetime.combine(end + timedelta(days=1), time(0), tzinfo=CHINA_TZ)
    return to_text(first), to_text(after)


def period_text(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} 至 {end.isoformat()}"


def _returned(line: LoanLine) -> str:
    if line.last_return_at is None:
        return NOT_RETURNED
    when = from_text(line.last_return_at).strftime("%m-%d %H:%M")
    return f"{PARTLY_RETURNED} {when}" if line.still_open else when


def _row(desk: Desk, line: LoanLine, labels: dict[int, str]) -> dict[str, str]:
    moment = from_text(line.at)
    pieces = json.loads(line.pieces)
    lent = "、".join(f"{t}×{n}" for t, n in pieces.items())
    if line.set_id not in labels:  # a set lent many times is looked up once
        labels[line.set_id] = registry.key_set(desk, line.set_id).label
    key = f"{labels[line.set_id]} {line.code}"
    purpose = line.purpose
    if line.repair_order_no:
        purpose = f"{purpose}（维修单 {line.repair_order_no}）"
    return {
        "day": moment.date().isoformat(),
        "time": moment.strftime("%H:%M"),
        "key": f"{key}（{lent}）" if lent else key,
        "purpose": purpose,
        "borrower": line.borrower or "",
        "returned": _returned(line),
        "clerk": line.operator or "",
    }


def register_data(desk: Desk, start: date, end: date) -> dict[str, object]:
    """Every key of ``forms/key_loan_register.toml`` for the loans from ``start`` to
    ``end`` (both days included), oldest first."""
    first, after = _bounds(start, end)
    lines = printing_store.loans_between(desk.db, first, after)
    values = settings_service.get_all(desk)
    not_back = sum(1 for line in lines if line.still_open)
    labels: dict[int, str] = {}
    return {
        "estate_name": values["estate.name"],
        "company_name": values["estate.company"],
        "period": period_text(start, end),
        "printed_at": desk.now_text(),
        "total_text": f"共借出 {len(lines)} 次，未还 {not_back} 次",
        "rows": [_row(desk, line, labels) for line in lines],
    }


def borrower_rows(
    desk: Desk, *, technician_id: int | None = None, name: str | None = None
) -> list[tuple[int, dict[str, str]]]:
    """Every loan of one borrower (a technician, or a person by name) with its set's id,
    as the register writes its lines, oldest first: what they hold now ends 未还."""
    lines = printing_store.loans_of_borrower(desk.db, technician_id=technician_id, name=name)
    labels: dict[int, str] = {}
    return [(line.set_id, _row(desk, line, labels)) for line in lines]


def print_register(desk: Desk, start: date, end: date) -> Done[PrintedDocument]:
    """Render and archive the register, filed under its period (``2026-11-01~2026-11-30``)."""
    data = register_data(desk, start, end)
    return documents.print_form(
        desk,
        REGISTER_FORM,
        data,
        record_table=RECORD_TABLE,
        record_id=f"{start.isoformat()}~{end.isoformat()}",
    )


# 钥匙寄存/领取签收单 ---------------------------------------------------------------------


def mask_name(name: str) -> str:
    """``张三`` → ``张*``, ``欧阳小明`` → ``欧***``: the surname stays, enough to match the
    signature; the rest is starred."""
    name = (name or "").strip()
    return name[:1] + "*" * (len(name) - 1) if name else ""


def _in_type_order(pieces: dict[str, int]) -> list[tuple[str, int]]:
    """The five unit key types in their usual order (防盗铁门 first), any other after."""
    order = {t: i for i, t in enumerate(UNIT_KEY_TYPES)}
    return sorted(pieces.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def slip_data(desk: Desk, movement_id: int) -> dict[str, object]:
    """Every key of ``forms/key_deposit_slip.toml`` for one 寄存 or 领取."""
    movement = keys_store.get_movement(desk.db, movement_id)
    if movement is None or movement.kind not in ("寄存", "领取") or movement.set_id is None:
        raise ValidationError("只有钥匙寄存、领取才有签收单。", field="movement")
    row = registry.key_set(desk, movement.set_id)
    person = people_store.get_person(desk.db, movement.person_id) if movement.person_id else None
    values = settings_service.get_all(desk)
    agent = movement.agent_name
    total = sum(movement.pieces.values())
    return {
        "company_name": values["estate.company"],
        "estate_name": values["estate.name"],
        "title": f"钥匙{movement.kind}签收单",
        "kind": movement.kind,
        "at": movement.at,
        "code": row.code,
        "unit": row.unit_code or "",
        "owner": mask_name(person.record.name) if person else "",
        "agent": f"{mask_name(agent)}（凭业主委托书）" if agent else "无",
        "agent_id": movement.agent_id_masked if agent else "",
        "rows": [{"piece_type": t, "count": str(n)} for t, n in _in_type_order(movement.pieces)],
        "total_text": f"共 {total} 把",
        "clerk": movement.operator or "",
    }


def slip_prints(desk: Desk, movement_id: int) -> list[DocumentInfo]:
    return documents.prints_of(desk, SLIP_FORM, RECORD_TABLE, movement_id)


def print_slip(desk: Desk, movement_id: int) -> Done[PrintedDocument]:
    """Render and archive the slip with its movement; a reprint carries 补打."""
    return documents.print_marking_reprints(
        desk,
        SLIP_FORM,
        slip_data(desk, movement_id),
        record_table=RECORD_TABLE,
        record_id=movement_id,
    )
