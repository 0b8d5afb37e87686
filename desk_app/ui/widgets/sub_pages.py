"""A tab's sub-pages (the ledger's payment, receipts …; move-in's 收房, 交付批次 …): a
QTabWidget whose pages are built the first time they are shown, each found by its name.

    sub_pages = SubPages(parent, "ledger_tabs", desk, hub)
    sub_pages.add("payment", title, build)        # build(desk, hub) -> QWidget
    sub_pages.page("payment"); sub_pages.show("receipts")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desk_app.services.desk import Desk
    from desk_app.ui.events import EventHub

PageBuilder = Callable[["Desk", "EventHub"], QWidget]


class SubPages(QTabWidget):
    def __init__(self, parent: QWidget, object_name: str, desk: Desk, hub: EventHub) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.desk = desk
        self.hub = hub
        self._prefix = object_name.removesuffix("_tabs")
        self._order: list[str] = []
        self._builders: dict[str, PageBuilder] = {}
        self._built: dict[str, QWidget] = {}
        self.currentChanged.connect(self._build_current)

    def add(self, name: str, title: str, build: PageBuilder) -> None:
        holder = QWidget(self)
        holder.setObjectName(f"{self._prefix}_{name}_holder")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._order.append(name)
        self._builders[name] = build
        self.addTab(holder, title)  # the first tab added builds its page at once

    def page(self, name: str) -> QWidget:
        """The named sub-page, built if needed."""
        if name not in self._built:
            holder = self.widget(self._order.index(name))
            layout = holder.layout() if holder is not None else None
            assert holder is not None and layout is not None, "the tab holders are built first"
            page = self._builders[name](self.desk, self.hub)
            page.setParent(holder)
            layout.addWidget(page)
            self._built[name] = page
        return self._built[name]

    def show_page(self, name: str) -> QWidget:
        page = self.page(name)
        self.setCurrentIndex(self._order.index(name))
        return page

    def _build_current(self, index: int) -> None:
        if 0 <= index < len(self._order):
            self.page(self._order[index])
