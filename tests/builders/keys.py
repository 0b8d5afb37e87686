"""A desk with keys: building 3 with 张三 owning 3-2-501, a technician, an equipment
room, and the clerk zhang on duty; approvals by the supervisor lee."""

from __future__ import annotations

from desk_app.services.directory import estate as directory_estate
from desk_app.services.shifts import approvals
from tests.builders.repairs import reception_estate
from tests.builders.staff import PASSWORD


def keys_estate(staffed_desk):
    desk = reception_estate(staffed_desk)
    directory_estate.create_public_place(desk, "配电房", building="3")
    return desk


def supervisor_approval(desk, action: str = "钥匙"):
    return approvals.verify_approval(desk, "lee", PASSWORD, action=action, reason="同意")


def clerk_approval(desk, action: str = "钥匙"):
    return approvals.verify_approval(
        desk, "chen", PASSWORD, action=action, reason="同意", min_role="clerk"
    )
