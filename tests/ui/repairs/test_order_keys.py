"""The order's page lists the key sets lent against it, out or returned, and follows the
keys as they move."""

from __future__ import annotations

from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.repairs import orders as repairs
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.repairs.orders import NewRepair
from desk_app.ui.operations import perform
from desk_app.ui.repairs.page import RepairsPage
from tests.builders.keys import keys_estate
from tests.builders.ui import show


def _cells(view) -> list[list[str]]:
    model = view.keys_model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_order_lists_its_keys_as_they_go_out_and_come_back(staffed_desk, qtbot, hub, clock):
    desk = keys_estate(staffed_desk)
    key = registry.create_set(
        desk, KeySetInput("公共区域", {"天台门": 2}, building="3", floor="18")
    ).value
    order = repairs.create_order(desk, NewRepair(content="天台水箱漏水", unit="3-2-501")).value
    other = repairs.create_order(desk, NewRepair(content="楼道灯不亮", unit="3-2-501")).value
    technician = repair_setup.technicians(desk)[0]
    page = show(qtbot, RepairsPage(desk, hub))
    assert page.show_order(order.id)
    view = page.order_view
    assert _cells(view) == []
    assert view.keys_line.text() == view.tr("No keys lent against this order.")

    loan = LoanInput(
        Borrower(technician_id=technician.id), "天台水箱检修", repair_order_id=order.id
    )
    assert perform(page, hub, lambda: loans.lend(desk, key.id, loan)) is not None
    [row] = _cells(view)
    assert row[0] == key.code and row[1] == "3-18" and row[2] == technician.name
    assert row[5] == view.keys_model.tr("Still out")
    assert view.keys_line.text() == view.tr(
        "{out} of {count} key sets lent against this order are still out."
    ).format(out=1, count=1)
    assert view.tabs.tabText(view.tabs.indexOf(view.keys_tab)) == view.tr("Keys ({count})").format(
        count=1
    )

    clock.advance(minutes=50)
    assert perform(page, hub, lambda: loans.return_keys(desk, key.id)) is not None
    [row] = _cells(view)
    assert row[5] not in ("", view.keys_model.tr("Still out"))  # the time it came back
    assert view.keys_line.text() == view.tr(
        "All {count} key sets lent against this order are back."
    ).format(count=1)

    assert page.show_order(other.id)
    assert _cells(view) == []  # another order: none of its keys
