"""The owner roster for head office (业主名册), masked unless a manager exports it
unmasked — which is logged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from desk_app.core.masking import mask_id_number, mask_phone
from desk_app.exporting.roster_export import write_table
from desk_app.services.desk import Desk, maintenance
from desk_app.services.directory import people as directory_people
from desk_app.services.directory import privacy
from desk_app.services.operations import Done
from desk_app.storage.directory import people as people_store

HEADER = [
    "房屋编号",
    "楼号",
    "单元号",
    "房号",
    "建筑面积(平方米)",
    "房屋类型",
    "房屋状态",
    "身份",
    "称谓",
    "姓名",
    "性别",
    "出生年月",
    "证件名称",
    "证件号码",
    "联系电话",
    "备用电话",
    "起始日期",
    "租期开始",
    "租期结束",
]
WIDTHS = [12, 6, 6, 7, 10, 8, 8, 8, 8, 10, 5, 9, 11, 21, 14, 14, 11, 11, 11]


def _rows(desk: Desk, unmasked: bool) -> Iterator[list[object]]:
    for row in people_store.iter_roster(desk.db):
        (
            code,
            building,
            entrance,
            room,
            area,
            kind,
            status,
            role,
            relation,
            name,
            gender,
            birth,
            id_type,
            id_number,
            phone,
            phone2,
            since,
            lease_start,
            lease_end,
        ) = row
        if not unmasked:
            id_number = mask_id_number(id_number) if id_number else None
            phone = mask_phone(phone) if phone else None
            phone2 = mask_phone(phone2) if phone2 else None
        yield [
            code,
            building,
            entrance,
            room,
            None if area is None else area / 100,  # a number, so the sheet can sum and sort it
            kind,
            status,
            directory_people.ROLE_LABELS.get(role, "") if role else "",
            relation,
            name,
            gender,
            birth,
            id_type if name else None,
            id_number,
            phone,
            phone2,
            since,
            lease_start,
            lease_end,
        ]


def export_roster(desk: Desk, path: Path, *, unmasked: bool = False) -> Done[int]:
    """Write the roster to ``path`` (.xlsx); returns the number of rows."""
    if unmasked:
        privacy.require_unmasked_export(desk, f"业主名册 {Path(path).name}")
    count = write_table(
        Path(path),
        "业主名册",
        HEADER,
        _rows(desk, unmasked),
        widths=WIDTHS,
        seal=maintenance.seal_of(desk),
    )
    with desk.operation("roster_exported") as op:
        op.record(None, None, file=Path(path).name, rows=count, unmasked=unmasked)
    return op.done(count)
