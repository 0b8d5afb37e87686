"""The key registry's tables on a real file: movements are append-only, the CHECKs hold,
and the lookups by code, "out now" and "overdue" use their indexes."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.registry import NewKeySet, NewMovement
from desk_app.storage.rows import Stamp

STAMP = Stamp("2026-11-20T08:00:00+08:00", None, None)


@pytest.fixture
def building_key(desk):
    desk.db.execute(
        "INSERT INTO buildings (code, name, has_entrances, created_at) VALUES ('3', '3栋', 1, ?)",
        [STAMP.at],
    )
    return keys_store.insert_set(desk.db, NewKeySet("K0000001", "公共区域", building="3"), STAMP)


def test_movements_are_append_only(desk, building_key):
    movement = keys_store.insert_movement(
        desk.db, NewMovement(building_key, "入库", {"门": 2}), STAMP
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        desk.db.execute("UPDATE key_movements SET reason = 'x' WHERE id = ?", [movement])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        desk.db.execute("DELETE FROM key_movements WHERE id = ?", [movement])


@pytest.mark.parametrize(
    "new",
    [
        NewKeySet("K123", "公共区域", building="3"),  # the tag's form
        NewKeySet("K0000002", "公共区域"),  # a public key without its building
        NewKeySet("K0000002", "业主代管", building="3"),  # a unit key without its unit
        NewKeySet("K0000002", "车库", building="3"),  # no such kind
    ],
)
def test_a_set_out_of_its_rules_is_refused(desk, building_key, new):
    with pytest.raises(sqlite3.IntegrityError):
        keys_store.insert_set(desk.db, new, STAMP)


def test_a_loan_needs_a_purpose_and_a_borrower_and_counts_stay_positive(desk, building_key):
    with pytest.raises(sqlite3.IntegrityError):
        keys_store.insert_movement(
            desk.db,
            NewMovement(
                building_key,
                "借出",
                {"门": 1},
                borrower_name="李四",
                borrower_kind="员工",
                due_back=STAMP.at,
            ),
            STAMP,
        )
    with pytest.raises(sqlite3.IntegrityError):
        keys_store.set_pieces(desk.db, building_key, {"门": (-1, 0)}, STAMP)
    with pytest.raises(sqlite3.IntegrityError):  # out without its loan
        desk.db.execute("UPDATE key_sets SET state = 'out' WHERE id = ?", [building_key])


def _plan(desk, sql, params):
    return " ".join(r[3] for r in desk.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_the_lookups_use_their_indexes(desk, building_key):
    assert "sqlite_autoindex_key_sets" in _plan(
        desk, "SELECT id FROM key_sets WHERE code = ?", ["K0000001"]
    )
    assert "key_sets_out" in _plan(
        desk,
        "SELECT id FROM key_sets WHERE loan_id IS NOT NULL AND due_back < ?",
        [STAMP.at],
    )
    assert keys_store.by_code(desk.db, "K0000001").label == "3栋"
