"""The demo's service-desk history lived through into rows: each drafted matter of the
reception log (services/demo_repairs.py) becomes its reception entry and, for a repair, its
order with status history, materials and callbacks; complaints get their handling record
and callbacks. Every desk action is taken at a moment the shift history has a clerk on duty
(``DeskClock.act``); what would happen after the history's end is left open.

The rows are tuples in the column order of storage/demo_bulk.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app.core.money import line_amount_fen
from desk_app.core.numbering import SEQUENCE_DIGITS
from desk_app.demo.repairs_text import (
    CALLBACK_RESULTS,
    CANCEL_REASONS,
    COMPLAINT_RESULTS,
    CONTRACTORS,
    DAY,
    FAILED_ATTEMPT,
    HOLD_REASONS,
    HOUR,
    MINUTE,
    PARTLY_COMMENTS,
    REPAIR_RESULTS,
    SATISFIED_COMMENTS,
    SECOND_RESULTS,
    UNSATISFIED_COMMENTS,
    MatterKind,
    RepairKind,
)

if TYPE_CHECKING:
    from desk_app.core.deadlines import Limits
    from desk_app.demo.plan import DemoRandom
    from desk_app.demo.repairs import DeskClock, Draft

# Positions in an entry row (see Rows._entry).
E_DEPARTMENT, E_HANDLING, E_RESULT, E_STATUS = 13, 14, 15, 16
E_DUE, E_HANDLED, E_COMPLETED, E_ESCALATED = 17, 18, 19, 20
E_MODIFIED = 26  # updated_at


@dataclass(slots=True)
class _Order:
    """A repair order's changing fields while its history is lived through."""

    status: str = "登记"
    technician_id: int | None = None
    dispatched_at: str | None = None
    arrived_at: str | None = None
    completed_at: str | None = None
    work_done: str = ""
    labour_fen: int = 0
    material_fen: int = 0
    paid: int = 0
    owner_signed: int = 0
    signed_by: str = ""
    contractor: str = ""
    status_reason: str = ""
    closed_at: str | None = None
    appointment: str = ""
    updated_at: str | None = None


class Rows:
    """The rows of the history, in the column order of storage/demo_bulk.py."""

    def __init__(
        self,
        rng: DemoRandom,
        clock: DeskClock,
        trades: dict[str, list],
        prices: list,
        names: dict[int, str],
        limits: Limits,
    ) -> None:
        self.rng = rng
        self.clock = clock
        self.trades = trades
        self.prices = {p[1]: p for p in prices}
        self.names = names
        self.complaint_seconds = limits.complaint_hours * HOUR
        self.complaint_callback_seconds = limits.callback_hours * HOUR
        self.entry_rows: list[list] = []
        self.order_rows: list[tuple] = []
        self.material_rows: list[tuple] = []
        self.event_rows: list[tuple] = []
        self.callback_rows: list[tuple] = []
        self.attempt_rows: list[tuple] = []
        self.links: list[tuple[int, int]] = []

    def build(self, drafts: list[Draft], first_ids: dict[str, int]) -> None:
        drafts.sort(key=lambda d: d.t)
        entry_id = first_ids["reception_entries"]
        order_id = first_ids["repair_orders"]
        self.callback_id = first_ids["callbacks"]
        jd, wx = self.clock.prefixes["JD"], self.clock.prefixes["WX"]
        entry_seq: dict[int, int] = {}
        order_seq: dict[int, int] = {}
        for draft in drafts:
            day = draft.t // DAY
            entry_seq[day] = entry_seq.get(day, 0) + 1
            entry_no = f"{jd[day]}{entry_seq[day]:0{SEQUENCE_DIGITS}d}"
            if draft.category == "报修":
                order_seq[day] = order_seq.get(day, 0) + 1
                order_no = f"{wx[day]}{order_seq[day]:0{SEQUENCE_DIGITS}d}"
                self.repair(draft, entry_id, entry_no, order_id, order_no)
                order_id += 1
            elif draft.category == "投诉":
                self.complaint(draft, entry_id, entry_no)
            else:
                self.matter(draft, entry_id, entry_no)
            entry_id += 1

    def _entry(self, draft: Draft, entry_id: int, entry_no: str, shift: int) -> list:
        clock = self.clock
        at = clock.text(draft.t)
        unit, place = draft.unit, draft.place
        location = unit.location if unit else place.location if place else ""
        building = unit.building if unit else place.building if place else None
        operator = clock.ops[shift]
        # the columns of demo_bulk.ENTRY_COLUMNS, in order
        return [
            entry_id,
            entry_no,
            at,
            draft.channel,
            unit.id if unit else None,
            place.id if place else None,
            location,
            building,
            draft.caller,
            draft.phone,
            draft.category,
            draft.content,
            operator,
            "",  # department
            "",  # handling
            "",  # result
            "open",  # status
            None,  # due_at
            None,  # handled_at
            None,  # completed_at
            0,  # escalated
            None,  # repair_order_id
            "",  # note
            at,
            operator,
            clock.ids[shift],
            None,  # updated_at
        ]

    def _stamp(self, t: int, shift: int, text: str) -> str:
        at = self.clock.text(t)
        return f"[{at[5:10]} {at[11:16]} {self.names.get(self.clock.ops[shift], '')}] {text}"

    def matter(self, draft: Draft, entry_id: int, entry_no: str) -> None:
        rng, clock = self.rng, self.clock
        shift = draft.shift
        row = self._entry(draft, entry_id, entry_no, shift)
        kind: MatterKind = draft.kind
        self.entry_rows.append(row)
        if kind.later and rng.random() < kind.later:
            row[E_DEPARTMENT] = kind.department
            row[E_HANDLING] = self._stamp(draft.t, shift, f"已转{kind.department}")
            done = clock.act(draft.t + rng.between(30 * MINUTE, 30 * HOUR))
            if done is None:
                return
            t, done_shift = done
            at = clock.text(t)
            row[E_HANDLING] += "\n" + self._stamp(t, done_shift, kind.handling)
            row[E_RESULT] = kind.result
            row[E_STATUS] = "closed"
            row[E_HANDLED] = row[E_COMPLETED] = row[E_MODIFIED] = at
            return
        row[E_DEPARTMENT] = kind.department or "客服中心"
        if kind.handling:
            row[E_HANDLING] = self._stamp(draft.t, shift, kind.handling)
        row[E_RESULT] = kind.result
        row[E_STATUS] = "closed"
        row[E_COMPLETED] = row[2]

    def complaint(self, draft: Draft, entry_id: int, entry_no: str) -> None:
        rng, clock = self.rng, self.clock
        shift = draft.shift
        row = self._entry(draft, entry_id, entry_no, shift)
        self.entry_rows.append(row)
        kind: MatterKind = draft.kind
        row[E_DEPARTMENT] = kind.department
        row[E_HANDLING] = self._stamp(draft.t, shift, f"已通知{kind.department}处理")
        row[E_DUE] = clock.text(draft.t + self.complaint_seconds)
        if draft.force == "unhandled":
            return
        start = draft.t
        for round_ in range(2):
            roll = rng.random()
            if roll < 0.9:
                delay = rng.between(HOUR, 22 * HOUR)
            elif roll < 0.96:
                delay = rng.between(25 * HOUR, 60 * HOUR)  # late
            else:
                delay = rng.between(60 * HOUR, 5 * DAY)  # very late
            handled = clock.act(start + delay)
            if handled is None:
                return
            t, handled_shift = handled
            at = clock.text(t)
            row[E_HANDLING] += "\n" + self._stamp(t, handled_shift, kind.handling)
            row[E_RESULT] = kind.result
            row[E_STATUS] = "handled"
            row[E_HANDLED] = row[E_MODIFIED] = at
            outcome = self.callback(
                None,
                entry_id,
                t,
                handled_shift,
                t,
                clock.text(t + self.complaint_callback_seconds),
                first_delay=(2 * HOUR, 48 * HOUR),
                late_delay=(73 * HOUR, 100 * HOUR),
                results=COMPLAINT_RESULTS if round_ == 0 else SECOND_RESULTS,
            )
            if outcome is None:
                return
            done, result, comment, follow_up = outcome
            row[E_MODIFIED] = clock.text(done)
            if follow_up == "reopened":
                done_shift = clock.act(done)[1]  # type: ignore[index]
                row[E_STATUS] = "open"
                row[E_DUE] = clock.text(done + self.complaint_seconds)
                row[E_HANDLED] = None
                row[E_HANDLING] += "\n" + self._stamp(
                    done, done_shift, f"回访不满意，重新处理：{comment}".rstrip("：")
                )
                start = done
                continue
            row[E_STATUS] = "closed"
            row[E_COMPLETED] = clock.text(done)
            row[E_ESCALATED] = int(follow_up == "escalated")
            return

    def callback(
        self,
        order_id: int | None,
        entry_id: int | None,
        started: int,
        shift: int,
        created: int,
        due_at: str,
        *,
        first_delay: tuple[int, int],
        late_delay: tuple[int, int],
        results: list[float],
        pending: bool = False,
    ) -> tuple[int, str, str, str] | None:
        """One callback row and its attempts; (when done, result, comment, follow-up) or
        None while it is still due at the end of the history."""
        rng, clock = self.rng, self.clock
        callback_id = self.callback_id
        self.callback_id += 1
        roll = rng.random()
        unreachable = roll < 0.02
        failures = 3 if unreachable else 1 if roll < 0.12 else 2 if roll < 0.15 else 0
        if pending:
            unreachable, failures = False, 1
        if rng.random() < 0.05:
            t = created + rng.between(*late_delay)
        else:
            t = created + rng.between(*first_delay)
            closing = clock.day_end.get(created // DAY, 0) - 2 * MINUTE
            if t > closing > created + 5 * MINUTE:  # call before the desk closes
                t = rng.between(created + 5 * MINUTE, closing)
        attempts = 0
        status, result, comment, follow_up, done_at, done_by = "due", None, "", "", None, None
        outcome = None
        last = None
        for _ in range(failures):
            moment = clock.act(t)
            if moment is None:
                break
            last = moment
            attempts += 1
            self.attempt_rows.append(
                (
                    callback_id,
                    clock.text(moment[0]),
                    0,
                    None,
                    rng.one(FAILED_ATTEMPT),
                    clock.ops[moment[1]],
                    clock.ids[moment[1]],
                )
            )
            t = moment[0] + rng.between(HOUR, 5 * HOUR)
        else:
            if unreachable and last is not None:
                status, comment = "unreachable", "多次联系未果"
                done_at, done_by = clock.text(last[0]), clock.ops[last[1]]
                outcome = (last[0], "无法联系", comment, "")
            elif not pending:
                moment = clock.act(t)
                if moment is not None:
                    at = clock.text(moment[0])
                    result = rng.pick(CALLBACK_RESULTS, results)
                    if result == "满意":
                        comment = rng.one(SATISFIED_COMMENTS)
                    elif result == "基本满意":
                        comment = rng.one(PARTLY_COMMENTS)
                    else:
                        comment = rng.one(UNSATISFIED_COMMENTS)
                        follow_up = "reopened" if rng.random() < 0.6 else "escalated"
                    attempts += 1
                    operator = clock.ops[moment[1]]
                    self.attempt_rows.append(
                        (callback_id, at, 1, result, comment, operator, clock.ids[moment[1]])
                    )
                    status, done_at, done_by = "done", at, operator
                    outcome = (moment[0], result, comment, follow_up)
        self.callback_rows.append(
            (
                callback_id,
                order_id,
                entry_id,
                clock.text(started),
                due_at,
                status,
                attempts,
                result,
                comment,
                follow_up,
                done_at,
                done_by,
                clock.text(created),
                clock.ops[shift],
                clock.ids[shift],
            )
        )
        return outcome

    def repair(
        self, draft: Draft, entry_id: int, entry_no: str, order_id: int, order_no: str
    ) -> None:
        shift = draft.shift
        entry = self._entry(draft, entry_id, entry_no, shift)
        entry[E_DEPARTMENT] = "工程部"
        self.links.append((order_id, entry_id))  # repair_order_id, set once the order exists
        entry[E_MODIFIED] = entry[2]
        self.entry_rows.append(entry)
        o = _Order()
        self.event_rows.append((order_id, entry[2], None, "登记", "", entry[24], entry[25]))
        self._live(draft, entry, o, order_id, shift)
        self.order_rows.append(
            (
                order_id,
                order_no,
                entry[2],
                entry[4],
                entry[5],
                entry[6],
                entry[7],
                draft.caller,
                draft.phone,
                draft.content,
                o.appointment,
                "紧急" if draft.urgent else "一般",
                o.status,
                o.technician_id,
                o.dispatched_at,
                o.arrived_at,
                o.completed_at,
                o.work_done,
                o.labour_fen,
                o.material_fen,
                o.paid,
                o.owner_signed,
                o.signed_by,
                o.contractor,
                o.status_reason,
                o.closed_at,
                entry_id,
                "",
                entry[2],
                entry[24],
                entry[25],
                o.updated_at,
            )
        )

    def _live(self, draft: Draft, entry: list, o: _Order, order_id: int, shift0: int) -> None:
        """Take the order as far as the history goes (an early return: what is left has not
        happened by the end of the history)."""
        rng, clock = self.rng, self.clock
        kind: RepairKind = draft.kind
        force, urgent, t0 = draft.force, draft.urgent, draft.t
        events = self.event_rows

        def event(t: int, shift: int, to: str, detail: str) -> str:
            at = clock.text(t)
            events.append((order_id, at, o.status, to, detail, clock.ops[shift], clock.ids[shift]))
            o.status = to
            o.updated_at = at
            return at

        # when the technician is expected
        if urgent:
            visit = t0 + (
                rng.between(4 * MINUTE, 15 * MINUTE)
                if rng.random() < 0.85
                else rng.between(16 * MINUTE, 45 * MINUTE)
            )
        elif force:
            visit = t0 + rng.between(25 * MINUTE, 40 * MINUTE)
        else:
            roll = rng.random()
            if roll < 0.55:
                visit = clock.working_hours(t0 + rng.between(20 * MINUTE, 3 * HOUR))
            elif roll < 0.9:
                visit, o.appointment = clock.appointment(t0 // DAY, 1)
            else:
                visit, o.appointment = clock.appointment(t0 // DAY, rng.between(2, 4))
        if force == "undispatched":
            return
        technicians = self.trades[kind.trade]
        technician_id, technician = rng.one(technicians)
        if force or rng.random() < 0.85:
            delay = rng.between(40, 3 * MINUTE)
        else:
            delay = rng.between(3 * MINUTE + 1, 20 * MINUTE)  # late
        moment = clock.act(t0 + delay)
        if moment is None:
            return
        last, shift = moment
        o.technician_id = technician_id
        o.dispatched_at = event(last, shift, "已派工", f"派工给 {technician}")
        if not force and rng.random() < 0.02:  # cancelled before anybody went
            moment = clock.act(last + rng.between(10 * MINUTE, 5 * HOUR))
            if moment is None:
                return
            o.status_reason = reason = rng.one(CANCEL_REASONS)
            o.closed_at = at = event(*moment, "已取消", reason)
            entry[E_STATUS], entry[E_RESULT] = "closed", f"已取消：{reason}"
            entry[E_COMPLETED] = entry[E_MODIFIED] = at
            return
        if not force and not urgent and rng.random() < 0.012:  # the owner is away
            moment = clock.act(last + rng.between(30 * MINUTE, 3 * HOUR))
            if moment is None:
                return
            o.status_reason = reason = "业主不在家，另约时间"
            event(*moment, "暂停", reason)
            moment = clock.act(moment[0] + rng.between(DAY, 3 * DAY))
            if moment is None:
                return
            o.status_reason = ""
            event(*moment, "已派工", "恢复维修")
            last = moment[0]
            visit = clock.working_hours(last + rng.between(HOUR, 5 * HOUR))
        for round_ in range(2):
            arrived = max(visit, last + MINUTE)
            moment = clock.act(arrived)
            if moment is None:
                return
            o.arrived_at = clock.text(arrived)
            event(*moment, "维修中", "维修人员到场")
            last, work_from = moment[0], arrived
            if force == "held" or (not force and round_ == 0 and rng.random() < kind.hold):
                moment = clock.act(max(arrived + rng.between(20 * MINUTE, HOUR), last + MINUTE))
                if moment is None:
                    return
                reason = HOLD_REASONS[0] if force else rng.one(HOLD_REASONS[:3])
                o.status_reason = reason
                event(*moment, "暂停", reason)
                if force:
                    return
                moment = clock.act(clock.working_hours(moment[0] + rng.between(DAY, 4 * DAY)))
                if moment is None:
                    return
                o.status_reason = ""
                event(*moment, "维修中", "恢复维修")
                last = work_from = moment[0]
            if force == "referred" or (not force and round_ == 0 and rng.random() < kind.refer):
                moment = clock.act(max(work_from + rng.between(20 * MINUTE, 90 * MINUTE), last))
                if moment is None:
                    return
                o.contractor = contractor = CONTRACTORS.get(kind.trade, CONTRACTORS["水电"])
                event(*moment, "转外单位", f"转 {contractor}")
                last = moment[0]
                if force:  # the contractor comes next week
                    return
                completed = clock.working_hours(last + rng.between(DAY, 5 * DAY))
            else:
                roll = rng.random()
                if force:
                    completed = work_from + rng.between(40 * MINUTE, 60 * MINUTE)
                elif roll < 0.62:
                    completed = work_from + rng.between(15 * MINUTE, 90 * MINUTE)
                elif roll < 0.92:
                    completed = work_from + rng.between(90 * MINUTE, 5 * HOUR)
                else:
                    completed = clock.working_hours(work_from + rng.between(20 * HOUR, 30 * HOUR))
            completed = max(completed, last + MINUTE)
            moment = clock.act(completed)
            if moment is None:
                return
            t, shift = moment
            if round_ == 0:
                self._charge(draft, o, order_id, t, shift)
                o.work_done = kind.work
            else:
                o.work_done = f"返修：{kind.work}"
            o.completed_at = clock.text(completed)
            if draft.unit is not None and rng.random() < 0.95:
                o.owner_signed, o.signed_by = 1, draft.caller
            at = event(t, shift, "已完工", "完工（有偿）" if o.paid else "完工")
            entry[E_STATUS], entry[E_HANDLED], entry[E_MODIFIED] = "handled", at, at
            outcome = self.callback(
                order_id,
                None,
                completed,
                shift,
                t,
                clock.end_of_day(completed),
                first_delay=(10 * MINUTE, 2 * HOUR),
                late_delay=(14 * HOUR, 30 * HOUR),
                results=REPAIR_RESULTS if round_ == 0 else SECOND_RESULTS,
                pending=force == "callback_pending",
            )
            if outcome is None:
                return
            done, result, comment, follow_up = outcome
            done_shift = clock.act(done)[1]  # type: ignore[index]
            if follow_up == "reopened":
                o.arrived_at = o.completed_at = None
                detail = f"回访不满意，返修：{comment}".rstrip("：")
                entry[E_STATUS], entry[E_MODIFIED] = (
                    "open",
                    event(done, done_shift, "已派工", detail),
                )
                last = done
                visit = clock.working_hours(done + rng.between(16 * HOUR, 40 * HOUR))
                continue
            o.closed_at = at = event(done, done_shift, "已回访", f"回访：{result}")
            entry[E_STATUS], entry[E_RESULT] = "closed", "已回访"
            entry[E_COMPLETED] = entry[E_MODIFIED] = at
            entry[E_ESCALATED] = int(follow_up == "escalated")
            return

    def _charge(self, draft: Draft, o: _Order, order_id: int, t: int, shift: int) -> None:
        """Materials from the price list and, for a paid job, the labour."""
        rng, clock = self.rng, self.clock
        kind: RepairKind = draft.kind
        items = [self.prices[name] for name in kind.items if name in self.prices]
        if not items:
            return
        paid = draft.unit is not None and rng.random() < 0.52
        if not paid and rng.random() >= 0.45:
            return
        chosen = [items[0]] if len(items) == 1 or rng.random() < 0.7 else items
        at = clock.text(t)
        total = labour = 0
        for price_id, name, unit, price_fen, labour_fen in chosen:
            labour += labour_fen
            if price_fen == 0:
                continue
            quantity = rng.one((150, 200, 300, 500)) if unit == "米" else 100
            if unit != "米" and rng.random() < 0.1:
                quantity = 200
            amount = line_amount_fen(price_fen, quantity)
            total += amount
            self.material_rows.append(
                (
                    order_id,
                    price_id,
                    name,
                    unit,
                    quantity,
                    price_fen,
                    amount,
                    at,
                    clock.ops[shift],
                    clock.ids[shift],
                )
            )
        o.material_fen = total
        if paid:
            o.paid = 1
            o.labour_fen = labour or 3000
