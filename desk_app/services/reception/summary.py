"""Reception's lines in the handover report's summary of the shift (本班工作)."""

from __future__ import annotations

from collections import Counter

from desk_app.core.vocabularies import RECEPTION_CATEGORIES, RECEPTION_CHANNELS
from desk_app.services.desk import Desk
from desk_app.storage.reception import entries as reception_store


def _listed(counts: Counter[str], order: tuple[str, ...]) -> str:
    return "、".join(f"{name} {counts[name]}" for name in order if counts[name])


def handover_summary(desk: Desk, shift_id: int) -> list[dict[str, str]]:
    """来电来访登记: how many, by channel and by category (nothing when none)."""
    rows = reception_store.shift_counts(desk.db, shift_id)
    if not rows:
        return []
    channels: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for channel, category, count in rows:
        channels[channel] += count
        categories[category] += count
    detail = f"{_listed(channels, RECEPTION_CHANNELS)}；{_listed(categories, RECEPTION_CATEGORIES)}"
    return [{"kind": "来电来访登记", "count": str(sum(channels.values())), "detail": detail}]
