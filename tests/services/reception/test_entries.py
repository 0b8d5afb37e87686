"""Reception entries on their own: complaints with their deadline and callbacks,
unreachable callers, consultations answered at once."""

from __future__ import annotations

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import NewEntry
from desk_app.services.repairs import callbacks
from tests.builders.repairs import reception_estate


@pytest.fixture
def estate(staffed_desk):
    return reception_estate(staffed_desk)


def test_complaint_deadline_handling_and_callback_reopen(estate, clock):
    with pytest.raises(ValidationError, match="处理部门"):
        reception.record(
            estate, NewEntry(channel="来访", category="投诉", content="楼道噪音", unit="3-2-501")
        )
    entry = reception.record(
        estate,
        NewEntry(
            channel="来访",
            category="投诉",
            content="楼道噪音",
            unit="3-2-501",
            department="秩序维护部",
        ),
    ).value.entry
    assert entry.due_at == "2026-11-21T08:00:00+08:00" and entry.status == "open"
    with pytest.raises(ValidationError, match="回访"):
        callbacks.for_entry(estate, entry.id)
    entry = reception.record_handling(estate, entry.id, handling="已通知秩序维护部巡查").value
    assert "已通知秩序维护部巡查" in entry.handling and entry.status == "open"
    clock.advance(hours=3)
    entry = reception.record_handling(
        estate, entry.id, handling="已劝导", result="噪音已停止", finished=True
    ).value
    assert entry.status == "handled"
    callback = callbacks.for_entry(estate, entry.id)
    assert callback.due_at == "2026-11-23T11:00:00+08:00"  # 72 hours
    with pytest.raises(ValidationError, match="重新处理或上报主管"):
        callbacks.record(estate, callback.id, reached=True, result="不满意")
    callbacks.record(
        estate, callback.id, reached=True, result="不满意", comment="晚上仍吵", follow_up="reopened"
    )
    entry = reception.get_entry(estate, entry.id)
    assert entry.status == "open" and entry.due_at == "2026-11-21T11:00:00+08:00"
    entry = reception.record_handling(
        estate, entry.id, handling="约谈", result="已解决", finished=True
    ).value
    callback = callbacks.for_entry(estate, entry.id)
    callbacks.record(estate, callback.id, reached=True, result="不满意", follow_up="escalated")
    entry = reception.get_entry(estate, entry.id)
    assert entry.status == "closed" and entry.escalated


def test_unreachable_after_configured_attempts(estate):
    entry = reception.record(
        estate,
        NewEntry(
            channel="来电", category="投诉", content="垃圾未清", unit="3-1-101", department="环境部"
        ),
    ).value.entry
    reception.record_handling(estate, entry.id, handling="已清理", result="已清理", finished=True)
    callback = callbacks.for_entry(estate, entry.id)
    for attempt in range(1, 4):
        if attempt < 3:
            with pytest.raises(ValidationError, match="需满 3 次"):
                callbacks.close_unreachable(estate, callback.id)
        callbacks.record(estate, callback.id, reached=False)
    outcome = callbacks.close_unreachable(estate, callback.id).value
    assert outcome.callback.status == "unreachable" and outcome.callback.attempts == 3
    assert reception.get_entry(estate, entry.id).status == "closed"


def test_consultation_with_answer_closes_at_once(estate):
    entry = reception.record(
        estate, NewEntry(channel="来电", category="咨询", content="物业费标准", result="已告知")
    ).value.entry
    assert entry.status == "closed" and entry.location == ""
    open_entry = reception.record(
        estate, NewEntry(channel="来电", category="求助", content="钥匙锁在家里")
    ).value.entry
    assert open_entry.status == "open"
    with pytest.raises(ValidationError, match="处理结果"):
        reception.record_handling(estate, open_entry.id, handling="", finished=True)
