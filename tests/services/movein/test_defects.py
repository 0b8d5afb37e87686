"""The joint inspection corrected: a cell cleared back to not inspected, a defect changed
(category, note, who fixes it) until its repair order is sent to someone, and a defect
recorded by mistake removed until its repair starts — its order cancelled with the reason,
left out of every list, its photos kept."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.movein import defects, handover, printing, reports
from desk_app.services.movein.defects import DefectChange, DefectInput
from desk_app.services.repairs import orders
from desk_app.services.repairs import setup as repair_setup
from tests.builders.movein import movein_estate
from tests.builders.pdf import pdf_pages, squash

CONTRACTOR = "开发商维修单位"


@pytest.fixture
def inspection(staffed_desk):
    desk = staffed_desk
    unit, _keys, _batch = movein_estate(desk)
    hid = handover.start(desk, unit.id).value.handover.id
    return desk, unit, hid


def _dispatch(desk, order_id):
    technician = repair_setup.technicians(desk)[0]
    orders.dispatch(desk, order_id, technician.id)


def test_a_cell_is_cleared_back_to_not_inspected(inspection):
    desk, _unit, hid = inspection
    defects.save_cell(desk, hid, "客厅", "墙面", "合格")
    done = defects.clear_cell(desk, hid, "客厅", "墙面")
    assert done.changes.did("movein_cell_cleared")
    assert defects.cells(desk, hid) == []
    assert defects.clear_cell(desk, hid, "客厅", "墙面").changes.empty  # nothing to clear


def test_a_cell_with_a_defect_is_cleared_only_by_removing_the_defect(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    with pytest.raises(ValidationError, match="请删除该问题") as refused:
        defects.clear_cell(desk, hid, "客厅", "天花")
    assert defect.order_no in refused.value.message
    assert [(c.room, c.item, c.result) for c in defects.cells(desk, hid)] == [
        ("客厅", "天花", "有问题")
    ]


def test_a_defect_is_changed_and_its_order_follows(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝", "细裂缝")).value

    changed = defects.edit_defect(desk, defect.id, DefectChange("空鼓", "两处空鼓")).value

    assert (changed.category, changed.note, changed.repair_order_id) == (
        "空鼓",
        "两处空鼓",
        defect.repair_order_id,
    )
    order = orders.get_order(desk, defect.repair_order_id)
    assert order.content == "入住验房遗留问题：客厅 天花 空鼓：两处空鼓"
    assert order.status == "登记"
    assert orders.order_detail(desk, order.id).events[-1].detail.startswith("更正报修内容")
    assert defects.edit_defect(desk, defect.id, DefectChange("空鼓", "两处空鼓")).changes.empty


def test_engineerings_defect_is_referred_to_the_contractor_and_back(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("卫生间", "给排水", "渗水")).value

    referred = defects.edit_defect(
        desk, defect.id, DefectChange("渗水", contractor=CONTRACTOR)
    ).value
    assert referred.repair_order_id == defect.repair_order_id
    assert (referred.order_status, referred.contractor) == ("转外单位", CONTRACTOR)

    back = defects.edit_defect(desk, defect.id, DefectChange("渗水")).value
    old = orders.get_order(desk, defect.repair_order_id)
    assert old.status == "已取消" and "改由工程部维修" in old.status_reason
    new = orders.get_order(desk, back.repair_order_id)
    assert back.repair_order_id != defect.repair_order_id
    assert (new.status, new.contractor, new.paid, new.unit_id) == ("登记", "", False, old.unit_id)
    assert back.due_on == defect.due_on and back.contractor == ""


def test_a_defect_is_not_changed_once_its_order_is_dispatched(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    _dispatch(desk, defect.repair_order_id)
    with pytest.raises(ValidationError, match="已派人维修（已派工），不能再修改该问题"):
        defects.edit_defect(desk, defect.id, DefectChange("空鼓"))
    assert defects.get_defect(desk, defect.id).category == "裂缝"


def test_a_defect_recorded_by_mistake_is_removed_with_its_order(inspection):
    desk, unit, hid = inspection
    defects.save_cell(desk, hid, "客厅", "墙面", "合格")
    keep = defects.add_defect(desk, hid, DefectInput("卫生间", "给排水", "渗水")).value
    wrong = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    _dispatch(desk, wrong.repair_order_id)  # sent, but nobody has arrived yet

    with pytest.raises(ValidationError, match="须写明原因"):
        defects.remove_defect(desk, wrong.id, "  ")
    removed = defects.remove_defect(desk, wrong.id, "看错了，是灯影").value

    assert removed.removed_reason == "看错了，是灯影" and removed.removed_at
    order = orders.get_order(desk, wrong.repair_order_id)
    assert order.status == "已取消" and order.status_reason == "入住验房误登记：看错了，是灯影"
    assert [d.id for d in defects.defects_of_handover(desk, hid)] == [keep.id]
    assert [d.id for d in defects.defects_of_unit(desk, unit.id)] == [keep.id]
    assert [line.item for line in reports.defect_lines(desk)] == ["给排水"]
    assert sorted((c.room, c.item) for c in defects.cells(desk, hid)) == [
        ("卫生间", "给排水"),
        ("客厅", "墙面"),
    ]
    listing = squash(pdf_pages(printing.print_defect_list(desk, unit.id).value.pdf)[0])
    assert "共1项" in listing and "裂缝" not in listing
    with pytest.raises(ValidationError, match="已删除"):
        defects.edit_defect(desk, wrong.id, DefectChange("空鼓"))


def test_a_defect_whose_repair_has_started_is_not_removed(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    _dispatch(desk, defect.repair_order_id)
    orders.record_arrival(desk, defect.repair_order_id)
    with pytest.raises(ValidationError, match="已开始维修（维修中），不能删除该问题"):
        defects.remove_defect(desk, defect.id, "误登记")
    assert orders.get_order(desk, defect.repair_order_id).status == "维修中"
    assert [d.id for d in defects.defects_of_handover(desk, hid)] == [defect.id]


def test_a_closed_hand_overs_inspection_is_not_changed(inspection):
    desk, _unit, hid = inspection
    defect = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    handover.close(desk, hid, "拒收", "天花裂缝")
    for attempt in (
        lambda: defects.clear_cell(desk, hid, "客厅", "墙面"),
        lambda: defects.edit_defect(desk, defect.id, DefectChange("空鼓")),
        lambda: defects.remove_defect(desk, defect.id, "误登记"),
    ):
        with pytest.raises(ValidationError, match="收房已结束"):
            attempt()


def test_the_chain_holds_every_row_after_corrections(inspection):
    """Cleared cells, a changed and a removed defect: every row has its hash, the deleted
    cells theirs as gone."""
    from desk_app.storage import row_hashes

    desk, _unit, hid = inspection
    defects.save_cell(desk, hid, "客厅", "墙面", "合格")
    defects.clear_cell(desk, hid, "客厅", "墙面")
    crack = defects.add_defect(desk, hid, DefectInput("客厅", "天花", "裂缝")).value
    defects.edit_defect(desk, crack.id, DefectChange("空鼓", contractor=CONTRACTOR))
    defects.edit_defect(desk, crack.id, DefectChange("空鼓"))
    defects.remove_defect(desk, crack.id, "误登记")
    assert row_hashes.problems(desk.db).count == 0
