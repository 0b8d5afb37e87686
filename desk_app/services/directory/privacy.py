"""Privacy (业主档案保密): one full number shown on purpose and logged; unmasked exports
for managers only.
"""

from __future__ import annotations

from desk_app.core.errors import NotFoundError, PermissionDenied, ValidationError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done
from desk_app.storage.directory import people as people_store

REVEALABLE = {"id_number": "证件号码", "phone": "联系电话", "phone2": "联系电话2"}


def reveal(desk: Desk, person_id: int, field: str, *, reason: str) -> Done[str]:
    """Show one ID number or phone in full: a deliberate act, written to the audit trail."""
    if desk.operator is None:
        raise PermissionDenied("请先登录。")
    if field not in REVEALABLE:
        raise ValidationError(f"不能显示该项：{field}")
    if not reason.strip():
        raise ValidationError("请填写查看原因。", field="reason")
    row = people_store.get_person(desk.db, person_id)
    if row is None:
        raise NotFoundError(f"人员 {person_id} 不存在。")
    with desk.operation("identity_revealed") as op:
        op.record("people", person_id, field=REVEALABLE[field], reason=reason.strip())
    return op.done(getattr(row.record, field) or "")


def require_unmasked_export(desk: Desk, what: str) -> Done[None]:
    """Exports with full ID numbers and phones: managers only, and logged."""
    desk.require_role("manager", "导出未遮蔽的证件号码和电话")
    with desk.operation("unmasked_export") as op:
        op.record(None, None, what=what)
    return op.done(None)
