"""The key list as an .xlsx workbook (钥匙清单): every set, its place, pieces and state."""

from __future__ import annotations

from pathlib import Path

from desk_app.core.clock import display
from desk_app.exporting.workbook_files import new_workbook, save_workbook
from desk_app.services.desk import Desk
from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.registry import KeySetRow

HEADERS = ("编号", "类别", "钥匙", "柜/钩位", "在柜", "借出", "状态", "借用人", "应还时间", "禁借")
STATE_WORDS = {"in": "在柜", "out": "借出", "empty": "无钥匙"}
PAGE = 2000


def pieces_text(counts: list[keys_store.PieceRow], column: str) -> str:
    return "、".join(f"{p.piece_type}×{getattr(p, column)}" for p in counts if getattr(p, column))


def cells(desk: Desk, row: KeySetRow) -> list[str]:
    counts = keys_store.pieces(desk.db, row.id)
    return [
        row.code,
        row.kind,
        row.label,
        row.place,
        pieces_text(counts, "held"),
        pieces_text(counts, "out"),
        STATE_WORDS[row.state],
        row.borrower or "",
        display(row.due_back) if row.due_back else "",
        "是" if row.never_lend else "",
    ]


def export_sets(desk: Desk, path: str | Path) -> int:
    """Write every set to ``path``; how many."""
    workbook, sheet = new_workbook("钥匙清单")
    sheet.append(list(HEADERS))
    written = 0
    offset = 0
    while True:
        rows = keys_store.page(desk.db, limit=PAGE, offset=offset)
        for row in rows:
            sheet.append(cells(desk, row))
        written += len(rows)
        offset += len(rows)
        if len(rows) < PAGE:
            break
    save_workbook(workbook, Path(path))
    return written
