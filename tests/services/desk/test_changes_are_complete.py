"""Every write names the rows it changed: the suite's desks carry a witness
(``tests/builders/witness.py``) that fails any operation whose ``Changes`` leave out a row
it wrote. These tests show the witness at work, so that its silence elsewhere means
something."""

from __future__ import annotations

import pytest

from desk_app.services.directory import estate
from tests.builders.witness import UnsaidWrite


def test_a_row_written_and_named_passes(desk):
    with desk.operation("building_created") as op:
        op.db.execute(
            "INSERT INTO buildings (code, name, created_at) VALUES ('9', '9号楼', ?)", [op.at]
        )
        building_id = op.db.execute("SELECT id FROM buildings WHERE code = '9'").fetchone()[0]
        op.record("buildings", building_id)
    assert op.changes.ids("buildings") == {building_id}


def test_a_row_written_but_not_named_is_caught(desk):
    with pytest.raises(UnsaidWrite, match="buildings"):  # noqa: SIM117
        with desk.operation("building_created") as op:
            op.db.execute(
                "INSERT INTO buildings (code, name, created_at) VALUES ('9', '9号楼', ?)", [op.at]
            )


def test_a_row_written_outside_any_operation_is_caught(desk):
    desk.db.execute("INSERT INTO buildings (code, name, created_at) VALUES ('9', '9号楼', 'x')")
    desk.db.conn.commit()
    with pytest.raises(UnsaidWrite, match="outside any operation"):
        estate.create_building(desk, "8")


def test_rows_rolled_back_are_forgotten(desk):
    with pytest.raises(RuntimeError), desk.operation("building_created") as op:
        op.db.execute(
            "INSERT INTO buildings (code, name, created_at) VALUES ('9', '9号楼', ?)", [op.at]
        )
        raise RuntimeError("refused")
    estate.create_building(desk, "8")  # no complaint about the row rolled back
