"""The window's start-up checks the file in the background; no write before it passed."""

from __future__ import annotations

import pytest

from desk_app.core.errors import CorruptDatabase
from desk_app.services.desk import Desk, settings
from desk_app.services.shifts import login, operators
from tests.builders.staff import PASSWORD


def make_database(path) -> None:
    with Desk.open(path) as desk:
        operators.create_first_manager(desk, "boss", "王经理", PASSWORD)
        login.login(desk, "boss", PASSWORD, "早班")
        for n in range(300):
            settings.update(desk, {"estate.address": f"湖滨路 {n} 号" + "很长的地址" * 20})
        desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_sound_file_opens_and_writes(db_path):
    make_database(db_path)
    with Desk.open(db_path, quick_check="background") as desk:
        login.login(desk, "boss", PASSWORD, "早班")
        assert desk.shift is not None


def test_damaged_file_refuses_the_first_write(db_path):
    make_database(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    # a page well into the audit rows written last (the schema's pages come first)
    middle = (len(data) // page * 4 // 5) * page
    data[middle + 8 : middle + page] = b"\xff" * (page - 8)  # a b-tree page, header left
    db_path.write_bytes(bytes(data))
    with Desk.open(db_path, quick_check="background") as desk:
        with pytest.raises(CorruptDatabase, match="快速检查未通过"):
            login.login(desk, "boss", PASSWORD, "早班")
        with pytest.raises(CorruptDatabase), desk.operation("probe"):
            pass  # every later write is refused as well
