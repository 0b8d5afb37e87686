"""A building being handed over: 3-2-501 of ``receipt_estate`` (owner 张三) with the
meters' rates, a technician, the developer's keys taken in (接管) and a batch."""

from __future__ import annotations

import io

from PIL import Image

from desk_app.services.keys import registry
from desk_app.services.keys.registry import KeySetInput
from desk_app.services.ledger import rates
from desk_app.services.movein import batches
from desk_app.services.movein.batches import BatchInput
from desk_app.services.repairs import setup as repair_setup
from desk_app.services.shifts import login
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
