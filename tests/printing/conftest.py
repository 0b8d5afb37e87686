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

_OPERATIONS = [
    ("登记来电", "来电 3-2-501", "业主张先生反映厨房水龙头漏水，已读回房号、电话确认，转维修。"),
    ("派工", "维修单 WX20261122-0007", "派工程部李师傅上门，预约10:30到场；业主要求尽快处理！"),
    ("收款", "收据 №0012345", "收取2026年11月物业服务费¥1,234.50（按建筑面积计），已开收据。"),
    ("借出钥匙", "钥匙 K-18F-配电房", "工程部王工借用配电房钥匙，用途：例行巡检；预计11:30归还。"),
    ("回访", "投诉 TS-0031", "回访业主，对处理结果表示“满意”。"),
]


@pytest.fixture(scope="session")
def font_name() -> str:
    """Parse the 5 MB TTF once for the whole session."""
    return ensure_fonts_registered()


def _make_events(count: int) -> list[dict[str, object]]:
    events = []
    for i in range(count):
        operation, record, detail = _OPERATIONS[i % len(_OPERATIONS)]
        if i % 23 == 0:
            detail = detail * 3
        events.append(
            {
                "at": SHIFT_START + timedelta(minutes=2 * i),
                "operator": ["张晓明", "李娜", "欧阳建国"][i % 3],
                "operation": operation,
                "record": record,
                "detail": f"事件{i + 1:03d}：{detail}",
            }
        )
    return events


@pytest.fixture(scope="session")
def make_events() -> Callable[[int], list[dict[str, object]]]:
    """``make_events(n)``: n realistic duty-log events, two minutes apart."""
    return _make_events


@pytest.fixture
def handover_data() -> Callable[..., dict[str, object]]:
    def build(events: int = 5, open_items: bool = True) -> dict[str, object]:
        return {
            "estate_name": "阳光花园",
            "company_name": "某某物业管理有限公司",
            "shift_name": "早班",
            "outgoing_operator": "张晓明",
            "incoming_operator": "李娜",
            "opened_at": SHIFT_START,
            "closed_at": SHIFT_START + timedelta(hours=8),
            "printed_at": "2026-11-22T15:31:00+08:00",
            "events": _make_events(events),
            "open_items": [
                {"kind": "报修", "description": "3-2-501 厨房漏水，待料，明日上午跟进并回访。"},
                {"kind": "钥匙", "description": "配电房钥匙由工程部王工借出，尚未归还。"},
            ]
            if open_items
            else [],
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
