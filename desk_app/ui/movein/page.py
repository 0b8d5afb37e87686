"""The 入住交房 tab: its sub-pages, each built the first time it is shown — 收房 (a unit's
hand-over, station by station), 交付批次 (the batches, their slots, units and notices) and
进度与遗留问题 (the batch at a glance, the defects, 复验).

    page = MoveinPage(desk, hub)
    page.open_unit(unit_id)            # 收房 on that unit
    page.show_sub_page("handover")
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk_app.services.desk import Desk
from desk_app.ui.events import EventHub
from desk_app.ui.movein.handover_page import HandoverPage
from desk_app.ui.widgets.sub_pages import SubPages


def _handover(desk: Desk, hub: EventHub) -> QWidget:
    return HandoverPage(desk, hub)


def _batches(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.movein.batches_page import BatchesPage

    return BatchesPage(desk, hub)


def _overview(desk: Desk, hub: EventHub) -> QWidget:
    from desk_app.ui.movein.overview_page import OverviewPage

    return OverviewPage(desk, hub)


class MoveinPage(QWidget):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("movein_page")
        self.tabs = SubPages(self, "movein_tabs", desk, hub)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        # No Alt letters here: the sub-pages use them.
        self.tabs.add("handover", self.tr("Hand-over"), _handover)
        self.tabs.add("batches", self.tr("Delivery batches"), _batches)
        self.tabs.add("overview", self.tr("Progress and defects"), _overview)
        self.setFocusProxy(self.tabs)

    def sub_page(self, name: str) -> QWidget:
        """The named sub-page, built if needed."""
        return self.tabs.page(name)

    def show_sub_page(self, name: str) -> QWidget:
        page = self.tabs.show_page(name)
        page.setFocus()
        return page

    @property
    def handover(self) -> HandoverPage:
        page = self.sub_page("handover")
        assert isinstance(page, HandoverPage)
        return page

    def open_unit(self, unit_id: int) -> bool:
        """收房 on the unit: its open hand-over resumed, or one started."""
        self.show_sub_page("handover")
        return self.handover.open_unit(unit_id)
