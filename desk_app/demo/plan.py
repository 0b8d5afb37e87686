"""What a demo estate is made from: the plan (seed, size, years, end), the staff and their
password, the seeded random draws every generator makes, and what a run wrote.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desk_app.services.desk import Desk

DEMO_PASSWORD = "desk123"


DEMO_STAFF = [
    ("admin", "王建国", "manager"),
    ("lihua", "李华", "supervisor"),
    ("zhaomin", "赵敏", "supervisor"),
    ("zhangli", "张丽", "clerk"),
    ("chenjing", "陈静", "clerk"),
    ("liuyang", "刘洋", "clerk"),
    ("sunyue", "孙悦", "clerk"),
]


@dataclass(frozen=True)
class DemoPlan:
    seed: int
    units: int
    years: int
    until: date


@dataclass(frozen=True)
class DemoSummary:
    operators: int
    units: int
    shifts: int
    audit_rows: int
    people: int = 0
    vehicles: int = 0
    history: dict[str, int] = field(default_factory=dict)  # generator name → rows it wrote


# A generator gets the desk, the plan, a seeded Random and the operators, and
# writes its module's history inside the demo's transaction.
DemoGenerator = Callable[[Desk, DemoPlan, random.Random, list], int]


class DemoRandom(random.Random):
    """random.Random with the few draws the generator makes per row, made cheap."""

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def one(self, items: Any) -> Any:
        return items[int(self.random() * len(items))]

    def pick(self, items: Any, cumulative: list[float]) -> Any:
        return items[bisect_right(cumulative, self.random() * cumulative[-1])]
