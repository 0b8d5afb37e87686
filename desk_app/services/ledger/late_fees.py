"""Late fees (滞纳金): computed per overdue charge from the settings, charged when a payment
settles the charge, waived only with a supervisor and finance's consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desk_app.core import ledger_rules
from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.desk import settings as settings_service
from desk_app.services.ledger import charges, periods
from desk_app.services.operations import Done
from desk_app.services.shifts.approvals import Approval
from desk_app.storage.ledger import charges as charges_store
from desk_app.storage.ledger.charges import OwingRow


@dataclass(frozen=True)
class LateFee:
    charge_id: int
    description: str
    due_on: str
    overdue_fen: int
    days: int  # days counted after the grace date
    fee_fen: int
    waived: bool


@dataclass(frozen=True)
class LateFeeTerms:
    daily_rate_wan: int
    grace_days: int
    cap_percent: int | None

    def fee(self, due_on: str, overdue_fen: int, on: date) -> tuple[date, int]:
        """(the grace date, the late fee) of ``overdue_fen`` due on ``due_on`` if paid
        ``on``; the fee is 0 within the grace days or when the estate charges none."""
        grace_until = date.fromisoformat(due_on) + timedelta(days=self.grace_days)
        if self.daily_rate_wan == 0 or on <= grace_until:
            return grace_until, 0
        return grace_until, ledger_rules.late_fee_fen(
            overdue_fen,
            grace_until,
            on,
            daily_rate_wan=self.daily_rate_wan,
            cap_percent=self.cap_percent,
        )


def late_fee_terms(desk: Desk) -> LateFeeTerms:
    values = settings_service.get_all(desk)
    cap = int(values["ledger.late_fee_cap_percent"])
    return LateFeeTerms(
        int(values["ledger.late_fee_wan_per_day"]),
        int(values["ledger.late_fee_grace_days"]),
        cap or None,
    )


def _late_fees_of(
    desk: Desk, unit_id: int, rows: list[OwingRow], on: date, terms: LateFeeTerms | None = None
) -> list[LateFee]:
    terms = terms or late_fee_terms(desk)
    if terms.daily_rate_wan == 0:
        return []
    waived = charges_store.waived_charges(desk.db, unit_id)
    charged = charges_store.late_fee_charged(desk.db, unit_id)
    fees = []
    for row in rows:
        if row.kind != "charge" or row.outstanding_fen <= 0 or row.charge_id in charged:
            continue
        grace_until, fee = terms.fee(row.due_on, row.outstanding_fen, on)
        if fee > 0:
            fees.append(
                LateFee(
                    row.charge_id,
                    charges.line_text(row),
                    row.due_on,
                    row.outstanding_fen,
                    (on - grace_until).days,
                    fee,
                    row.charge_id in waived,
                )
            )
    return fees


def chargeable_fees(desk: Desk, unit_id: int, rows: list[OwingRow], on: date) -> dict[int, int]:
    return {f.charge_id: f.fee_fen for f in _late_fees_of(desk, unit_id, rows, on) if not f.waived}


def late_fees(desk: Desk, unit_id: int, on: date | None = None) -> list[LateFee]:
    """The late fee each overdue charge of the unit would carry if paid ``on`` (today)."""
    day = on or date.fromisoformat(periods.today(desk))
    return _late_fees_of(desk, unit_id, charges_store.owing(desk.db, unit_id), day)


def late_fee_total(desk: Desk, unit_id: int, on: date | None = None) -> int:
    return sum(f.fee_fen for f in late_fees(desk, unit_id, on) if not f.waived)


def waive_late_fee(
    desk: Desk, charge_id: int, reason: str, finance_consent: str, approval: Approval
) -> Done[None]:
    """Waive the late fee of one overdue charge: a supervisor approves, and the consent of
    finance (who agreed, and how) is recorded — the manual's 特殊原因 exemption."""
    why = (reason or "").strip()
    consent = (finance_consent or "").strip()
    if not why:
        raise ValidationError("请填写减免原因。", field="reason")
    if not consent:
        raise ValidationError("请填写财务部同意情况（经办人、方式）。", field="finance_consent")
    if not approval.approver.at_least("supervisor"):
        raise ValidationError("减免滞纳金须经客服主管批准。", field="approval")
    rows = charges_store.owing_for(desk.db, [charge_id])
    if not rows or rows[0].kind != "charge":
        raise NotFoundError("该费用不存在或不计滞纳金。", field="charge")
    row = rows[0]
    if charge_id in charges_store.waived_charges(desk.db, row.unit_id):
        raise ValidationError("该费用的滞纳金已减免。", field="charge")
    if charge_id in charges_store.late_fee_charged(desk.db, row.unit_id):
        raise ValidationError("该费用的滞纳金已计收，须由主管作费用调整。", field="charge")
    periods.ensure_open(desk, periods.today(desk), "减免滞纳金")
    with desk.operation("late_fee_waived") as op:
        waiver_id = charges_store.insert_waiver(
            op.db,
            charge_id=charge_id,
            unit_id=row.unit_id,
            reason=why[:200],
            finance_consent=consent[:200],
            approved_by=approval.approver.id,
            stamp=op.stamp,
        )
        approval.write_to(op, "late_fee_waivers", waiver_id)
        op.record("late_fee_waivers", waiver_id, charge=charge_id, reason=why, consent=consent)
    return op.done(None)
