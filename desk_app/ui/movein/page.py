"""The 入住交房 tab: its sub-pages, each built the first time it is shown — 收房 (a unit's
hand-over, station by station) and 交付批次 (the batches, their slots, units and notices).

    page = MoveinPage(desk, hub)
    page.open_unit(unit_id)            # 收房 on that unit
    page.show_sub_page("handover")
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desk_app.services.desk import Desk
from desk_app.ui.events import EventHub
from desk_app.ui.movein.handover_page import HandoverPage


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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("movein_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._order: list[str] = []
        self._builders: dict[str, Callable[[Desk, EventHub], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        for name, title, build in (
            # No Alt letters here: the sub-pages use them.
            ("handover", self.tr("Hand-over"), _handover),
            ("batches", self.tr("Delivery batches"), _batches),
            ("overview", self.tr("Progress and defects"), _overview),
        ):
            holder = QWidget(self.tabs)
            holder.setObjectName(f"movein_{name}_holder")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
            self._order.append(name)
            self._builders[name] = build
        self.tabs.currentChanged.connect(self._build_current)
        self._build_current(self.tabs.currentIndex())
        self.setFocusProxy(self.tabs)

    def sub_page(self, name: str) -> QWidget:
        """The named sub-page, built if needed."""
        if name not in self._built:
            holder = self.tabs.widget(self._order.index(name))
            layout = holder.layout() if holder is not None else None
            assert holder is not None and layout is not None, "the tab holders are built first"
            page = self._builders[name](self.desk, self.hub)
            page.setParent(holder)
            layout.addWidget(page)
            self._built[name] = page
        return self._built[name]

    def show_sub_page(self, name: str) -> QWidget:
        page = self.sub_page(name)
        self.tabs.setCurrentIndex(self._order.index(name))
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

    def _build_current(self, index: int) -> None:
        if 0 <= index < len(self._order):
            self.sub_page(self._order[index])
