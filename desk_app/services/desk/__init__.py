"""The desk itself: the ``Desk`` (database, clock, who is on duty), its settings, the
archived documents, and maintenance (check, backup, restore)."""

from desk_app.services.desk.context import ROLE_LABELS, ROLE_RANK, Desk, Operator, Shift

__all__ = ["ROLE_LABELS", "ROLE_RANK", "Desk", "Operator", "Shift"]
