"""Move-in for tests: a building being handed over (3-2-501 of ``receipt_estate``, owner
张三, with the meters' rates and a technician): ``movein_estate`` adds the developer's keys
(接管) and a batch; ``metered_estate`` only the rates and the technician, and
``handed_over`` then closes one unit's hand-over with reservations (all documents, two
defects, three meters, keys and a card); ``progress_batch`` is a batch of two buildings
with units in every state and defects in three of them; ``repaired`` completes a defect's
repair order; ``photo_file`` is a large JPEG on disk."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

from PIL import Image

from desk_app.core.estate import BuildingPlan
from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import registry
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.ledger import payments, rates
from desk_app.services.movein import batches, defects, handover, setup
from desk_app.services.movein.batches import BatchInput
from desk_app.services.movein.defects import DefectInput, DefectRow
from desk_app.services.repairs import orders
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import login
from desk_app.storage.directory import people as people_store
from tests.builders.ledger import receipt_estate
from tests.builders.staff import PASSWORD


def movein_estate(desk):
    """Returns (unit 3-2-501, its key set, the batch); the clerk zhang on duty."""
    unit = receipt_estate(desk)
    login.login(desk, "lee", PASSWORD, "早班")
    for item, rate in (("water", "3.5"), ("electricity", "0.6"), ("gas", "3")):
        rates.set_rate(desk, item, rate, effective_from="2026-01-01")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    login.login(desk, "zhang", PASSWORD, "早班")
    keys = registry.create_set(
        desk, KeySetInput("接管", {"防盗铁门": 3, "信报箱": 1}, unit="3-2-501")
    ).value
    batch = batches.create_batch(
        desk,
        BatchInput("3栋交付", "2026-11-18", "2026-12-20", place="会所一楼", buildings=("3",)),
    ).value
    return unit, keys, batch


def photo_file(tmp_path, name="crack.jpg"):
    """A 3000×2000 JPEG on disk."""
    out = io.BytesIO()
    Image.new("RGB", (3000, 2000), (180, 120, 90)).save(out, "JPEG", quality=95)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def metered_estate(desk):
    """:func:`receipt_estate` with water, electricity and gas rates and a technician; the
    clerk zhang on duty. Returns the unit 3-2-501 (owner 张三)."""
    unit = receipt_estate(desk)
    login.login(desk, "lee", PASSWORD, "早班")
    for item, price in (("water", "3.5"), ("electricity", "0.6"), ("gas", "3")):
        rates.set_rate(desk, item, price, effective_from="2026-01-01")
    repair_setup.add_technician(desk, "王建国", specialty="水电")
    login.login(desk, "zhang", PASSWORD, "早班")
    return unit


def handed_over(desk, unit, *, door_keys_in_trust: int = 0) -> int:
    """Building 3 as the batch 3栋交付 (around today), and ``unit``'s hand-over closed
    带条件收房 with two defects (客厅 天花 裂缝, 卫生间 给排水 渗水), meters 水 12.5 电 300
    燃气 4, keys 防盗铁门×3 信报箱×1 (``door_keys_in_trust`` of the door keys left in trust
    instead) and card M0001. Returns the hand-over's id."""
    keys = registry.create_set(
        desk, KeySetInput("接管", {"防盗铁门": 3, "信报箱": 1}, unit=unit.code)
    ).value
    today = desk.clock.now().date()
    batches.create_batch(
        desk,
        BatchInput(
            "3栋交付",
            (today - timedelta(days=2)).isoformat(),
            (today + timedelta(days=20)).isoformat(),
            buildings=(unit.building,),
        ),
    )
    current = handover.start(desk, unit.id).value
    hid = current.handover.id
    owner = people_store.occupancies_for_unit(desk.db, unit.id, current_only=True)[0]
    handover.confirm_identity(desk, hid, handover.Identity(owner.person_id))
    due = handover.post_first_months(desk, hid).value
    payments.take_payment(desk, unit.id, method="现金", charge_ids=due.charge_ids)
    handover.confirm_fees(desk, hid)
    handover.record_documents(desk, hid, setup.documents_to_sign(desk), setup.handbooks(desk))
    for room in ("客厅", "餐厅", "厨房"):
        for item in ("墙面", "地面", "窗"):
            defects.save_cell(desk, hid, room, item, "合格")
    defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝", "主梁处一条细裂缝"))
    defects.add_defect(desk, hid, DefectInput("卫生间", "给排水", "渗水", "下水管接口渗水"))
    handover.finish_inspection(desk, hid)
    handover.record_meters(desk, hid, {"水": "12.5", "电": "300", "燃气": "4"})
    handover.hand_over_keys(
        desk,
        hid,
        {keys.id: {"防盗铁门": 3 - door_keys_in_trust, "信报箱": 1}},
        ["M0001"],
        {keys.id: {"防盗铁门": door_keys_in_trust}},
    )
    handover.close(desk, hid, "带条件收房", "卫生间渗水修复后复验")
    return hid


@dataclass(frozen=True)
class ProgressBatch:
    batch: batches.BatchRow
    defects: dict[str, DefectRow]  # by a short name: crack, leak (contractor), hollow, window
    open_handover: int  # 5-1-102's, still open


def progress_batch(desk) -> ProgressBatch:
    """:func:`metered_estate` and building 5 (5-1-101 … 5-1-302, two a floor) as the batch
    一期交付 (2026-11-18 to 2026-12-20), every state built through the services:

    building 3: 3-2-501 已交房, 3-1-501 带条件收房 (defects crack 客厅 天花 裂缝 and leak
    卫生间 给排水 渗水 referred to 开发商维修单位), 3-1-601 已预约, 3-2-601 未预约;
    building 5: 5-1-101 拒收 (defect hollow 厨房 墙面 空鼓), 5-1-102 办理中 (defect window
    阳台 窗 破损), 5-1-201 已预约, the other three 未预约.
    Every defect is due seven working days after today."""
    metered_estate(desk)
    directory_estate.create_units(
        desk, BuildingPlan("5", 1, 1, 1, 3, 2, zero_padded=False), area_text="98.50"
    )
    batch = batches.create_batch(
        desk, BatchInput("一期交付", "2026-11-18", "2026-12-20", buildings=("3", "5"))
    ).value
    slot = batches.add_slot(desk, batch.id, "2026-11-21", "09:00", "10:00", 10).value
    units = {u.unit_code: u for u in batches.batch_units(desk, batch.id)}
    for code in ("3-1-601", "5-1-201"):
        batches.book(desk, units[code].id, slot.id)

    def started(code: str) -> int:
        return handover.start(desk, units[code].unit_id).value.handover.id

    def skip_all(hid: int) -> None:
        for station in setup.stations(desk):
            if station.id != "archive":
                handover.skip_station(desk, hid, station.id, "资料下次补齐")

    found: dict[str, DefectRow] = {}
    delivered = started("3-2-501")
    skip_all(delivered)
    handover.close(desk, delivered, "已交房")
    reserved = started("3-1-501")
    found["crack"] = defects.add_defect(
        desk, reserved, DefectInput("客厅", "天花", "裂缝", "主梁处一条细裂缝")
    ).value
    found["leak"] = defects.add_defect(
        desk,
        reserved,
        DefectInput("卫生间", "给排水", "渗水", "下水管接口渗水", contractor="开发商维修单位"),
    ).value
    skip_all(reserved)
    handover.close(desk, reserved, "带条件收房", "渗水修复后复验")
    refused = started("5-1-101")
    found["hollow"] = defects.add_defect(
        desk, refused, DefectInput("厨房", "墙面", "空鼓", "整面墙空鼓")
    ).value
    handover.close(desk, refused, "拒收", "墙面空鼓严重，修好再收")
    running = started("5-1-102")
    found["window"] = defects.add_defect(
        desk, running, DefectInput("阳台", "窗", "破损", "玻璃有裂纹")
    ).value
    return ProgressBatch(
        batch, {k: defects.get_defect(desk, v.id) for k, v in found.items()}, running
    )


def repaired(desk, defect: DefectRow) -> None:
    """The defect's repair order completed (dispatched to the first technician and on site
    first, unless a contractor has it): the defect then awaits re-inspection (待复验)."""
    assert defect.repair_order_id is not None
    technician = repair_setup.technicians(desk)[0]
    order = orders.get_order(desk, defect.repair_order_id)
    if order.status == "登记":
        order = orders.dispatch(desk, order.id, technician.id).value
    if order.status == "已派工":
        orders.record_arrival(desk, order.id)
    orders.complete(desk, order.id, orders.Completion(work_done="已按要求整改"))
