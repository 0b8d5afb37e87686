"""The reception log (业户来电、来访接待记录表) as a paged table: newest first, a page at a
time from ``reception.list_entries`` (phones arrive masked), with the running time limit
of each row computed when its page is read.

``refresh_visible()`` re-reads the cached pages, so a timer keeps the 时限 column current
without counting the log again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desk_app.core import deadlines
from desk_app.core.clock import display, from_text
from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.reception import entries as reception
from desk_app.services.reception.entries import EntryQuery, EntryRow
from desk_app.services.repairs import callbacks
from desk_app.ui.labels import VOCABULARY, left_text, vocabulary_text
from desk_app.ui.widgets import deadline_colors
from desk_app.ui.widgets.paged import PagedTableModel
from desk_app.ui.widgets.row_table import Column


@dataclass(frozen=True)
class LogRow:
    """One entry of the log with the time limit running on it when it was read."""

    entry: EntryRow
    limit_state: str | None = None
    limit_text: str = ""


def last_line(text: str | None) -> str:
    lines = [line for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else ""


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def result_text(result: str | None) -> str:
    """What was done, as written; the words the repairs write there themselves (已回访,
    已取消：…) in the interface's language."""
    text = one_line(result)
    head, colon, rest = text.partition("：")
    if colon and head in VOCABULARY:
        return (
            QCoreApplication.translate("Labels", "%1: %2")
            .replace("%1", vocabulary_text(head))
            .replace("%2", rest)
        )
    return vocabulary_text(text)


def status_text(entry: EntryRow) -> str:
    text = vocabulary_text(reception.STATUS_LABELS.get(entry.status, entry.status))
    if entry.escalated:
        return QCoreApplication.translate("Labels", "%1 · escalated").replace("%1", text)
    return text


def order_text(entry: EntryRow) -> str:
    if not entry.repair_order_no:
        return ""
    return (
        f"{entry.repair_order_no}（{vocabulary_text(entry.repair_status)}）"
        if entry.repair_status
        else (entry.repair_order_no)
    )


def time_limit(desk: Desk, entry: EntryRow) -> tuple[str | None, str]:
    """(state, text) of the limit running on an entry now: an open complaint's 24 hours,
    or the callback of a handled complaint; (None, '') for anything else."""
    if entry.category != "投诉" or entry.repair_order_id is not None:
        return None, ""
    now = desk.clock.now()
    if entry.status == "open":
        deadline = reception.complaint_deadline(desk, entry)
        if deadline is None:
            return None, ""
        return deadline.state(now), left_text(deadline.seconds_left(now))
    if entry.status == "handled":
        try:
            row = callbacks.for_entry(desk, entry.id)
        except DeskError:
            return None, ""
        deadline = deadlines.Deadline(
            deadlines.CALLBACK, from_text(row.started_at), from_text(row.due_at)
        )
        text = left_text(deadline.seconds_left(now))
        label = vocabulary_text(deadlines.LIMIT_LABELS[deadlines.CALLBACK])
        return deadline.state(now), f"{label} {text}"
    return None, ""


class ReceptionLogModel(PagedTableModel):
    (
        NUMBER,
        RECEIVED,
        CHANNEL,
        LOCATION,
        NAME,
        PHONE,
        CATEGORY,
        CONTENT,
        RECEIVER,
        DEPARTMENT,
        HANDLING,
        RESULT,
        STATUS,
        LIMIT,
        COMPLETED,
        CALLBACK_AT,
        CALLBACK_BY,
        CALLBACK_RESULT,
        ORDER,
        NOTE,
    ) = range(20)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.query = EntryQuery()

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("No."), lambda r: r.entry.entry_no),
            Column(self.tr("Received"), lambda r: display(r.entry.received_at)),
            Column(self.tr("Channel"), lambda r: vocabulary_text(r.entry.channel)),
            Column(self.tr("Unit / place"), lambda r: r.entry.location),
            Column(self.tr("Name"), lambda r: r.entry.caller_name),
            Column(self.tr("Phone"), lambda r: r.entry.phone),
            Column(self.tr("Category"), lambda r: vocabulary_text(r.entry.category)),
            Column(self.tr("Content"), lambda r: one_line(r.entry.content)),
            Column(self.tr("Received by"), lambda r: r.entry.receiver_name),
            Column(self.tr("Department"), lambda r: vocabulary_text(r.entry.department or "")),
            Column(self.tr("Handling"), lambda r: last_line(r.entry.handling)),
            Column(self.tr("Result"), lambda r: result_text(r.entry.result)),
            Column(self.tr("Status"), lambda r: status_text(r.entry)),
            Column(self.tr("Time limit"), lambda r: r.limit_text),
            Column(self.tr("Completed"), lambda r: display(r.entry.completed_at)),
            Column(self.tr("Called back"), lambda r: display(r.entry.callback_at)),
            Column(self.tr("Called back by"), lambda r: r.entry.callback_by),
            Column(
                self.tr("Callback result"), lambda r: vocabulary_text(r.entry.callback_result or "")
            ),
            Column(self.tr("Repair order"), lambda r: order_text(r.entry)),
            Column(self.tr("Note"), lambda r: one_line(r.entry.note)),
        ]

    # --- the source -----------------------------------------------------------------------

    def set_query(self, query: EntryQuery) -> None:
        """Show the entries ``query`` selects (one count, then pages as the view asks)."""
        self.query = query
        self.set_source(
            lambda: reception.count_entries(self.desk, query),
            lambda limit, offset: self._page(query, limit, offset),
        )

    def _page(self, query: EntryQuery, limit: int, offset: int) -> Sequence[LogRow]:
        entries = reception.list_entries(self.desk, query, limit=limit, offset=offset)
        return [LogRow(e, *time_limit(self.desk, e)) for e in entries]

    def total(self) -> int:
        return self.rowCount()

    def entry_at(self, row: int) -> EntryRow | None:
        item = self.row_at(row)
        return item.entry if item is not None else None

    def row_of_entry(self, entry_id: int, *, within: int = 500) -> int:
        return self.row_of(lambda r: r.entry.id == entry_id, within=within)

    # --- colours ----------------------------------------------------------------------------

    def foreground(self, row: Any, column: int) -> Any:
        if column == self.LIMIT:
            return deadline_colors.foreground(row.limit_state)
        return None

    def background(self, row: Any, column: int) -> Any:
        if column == self.LIMIT:
            return deadline_colors.background(row.limit_state)
        return None
