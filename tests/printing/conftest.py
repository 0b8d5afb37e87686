"""Fixtures for the printing tests: the font (registered once), PDF-to-text, sample data."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from desk_app.core.clock import CHINA_TZ
from desk_app.printing.fonts import ensure_fonts_registered

SHIFT_START = datetime(2026, 11, 22, 7, 30, tzinfo=CHINA_TZ)

_OPEN_ITEMS = [
    ("报修", "3-2-501 厨房水龙头漏水，已派工程部李师傅，待料，明日上午到场后回访业主。"),
    ("投诉", "JD20261122-0003 2栋3单元502 宠物粪便无人清理（秩序维护部，时限 11-23 10:00）"),
    ("回访", "WX20261121-0001 2栋3单元601（维修，应于 2026-11-24 前回访，已拨 1 次未接通）"),
    ("钥匙", "配电房钥匙由工程部王工借出，用途：例行巡检；预计11:30归还，尚未归还。"),
    ("维修", "WX20261120-0002 1栋2单元101 阳台顶部漏水（暂停：等待楼上业主回家）"),
]


@pytest.fixture(scope="session")
def font_name() -> str:
    """Parse the 5 MB TTF once for the whole session."""
    return ensure_fonts_registered()


def _make_open_items(count: int) -> list[dict[str, object]]:
    items = []
    for i in range(count):
        kind, description = _OPEN_ITEMS[i % len(_OPEN_ITEMS)]
        if i % 23 == 0:
            description = description * 3
        items.append({"kind": kind, "description": f"事项{i + 1:03d}：{description}"})
    return items


@pytest.fixture(scope="session")
def make_open_items() -> Callable[[int], list[dict[str, object]]]:
    """``make_open_items(n)``: n realistic unfinished matters for the handover report."""
    return _make_open_items


SUMMARY = [
    {"kind": "来电来访登记", "count": "12", "detail": "来电 9、来访 3；咨询 5、报修 4、投诉 3"},
    {"kind": "维修工单", "count": "4", "detail": "登记 4、派工 4、到场 3、完工 2"},
    {"kind": "收款", "count": "64", "detail": "收据 №0001001–0001064，合计 ¥23,814.50"},
]


@pytest.fixture
def handover_data() -> Callable[..., dict[str, object]]:
    def build(open_items: int = 2, summary: bool = True) -> dict[str, object]:
        return {
            "estate_name": "阳光花园",
            "company_name": "某某物业管理有限公司",
            "shift_name": "早班",
            "outgoing_operator": "张晓明",
            "incoming_operator": "李娜",
            "opened_at": SHIFT_START,
            "closed_at": SHIFT_START + timedelta(hours=8),
            "printed_at": "2026-11-22T15:31:00+08:00",
            "summary": SUMMARY if summary else [],
            "open_items": [
                {"kind": "报修", "description": "3-2-501 厨房漏水，待料，明日上午跟进并回访。"},
                {"kind": "钥匙", "description": "配电房钥匙由工程部王工借出，尚未归还。"},
                *_make_open_items(open_items)[2:],
            ][:open_items],
        }

    return build


@pytest.fixture
def capitals(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], str]:
    """The real ``amount_in_capitals`` if it exists yet, else a recording stand-in."""
    try:
        from desk_app.core.capitals import amount_in_capitals
    except ImportError:
        module = types.ModuleType("desk_app.core.capitals")

        def amount_in_capitals(fen: int) -> str:
            return f"大写{fen}分"

        module.amount_in_capitals = amount_in_capitals  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "desk_app.core.capitals", module)
    return amount_in_capitals
