"""Table models of the owner archive (业主档案): units fetched a page at a time, the
estate tree (buildings → entrances, fetched when a building is expanded), and the
small tables of a unit page. ID numbers and phones arrive masked from the services;
nothing here ever sees them in full."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desk_app.core.estate import format_area
from desk_app.services.desk import Desk
from desk_app.services.directory import estate
from desk_app.ui.labels import (
    DirectoryText,
    building_label,
    building_text,
    moment_text,
    vocabulary_text,
)
from desk_app.ui.widgets.row_table import ROW_ROLE, Column, RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex


ROOT_INDEX = QModelIndex()


def unit_place_text(unit: Any) -> str:
    """``3栋 2单元 5层`` (``Building 3 · Entrance 2 · Floor 5``) — the unit's position."""
    parts = [building_text(unit.building)]
    if unit.entrance:
        parts.append(
            QCoreApplication.translate("Labels", "Entrance %1").replace("%1", unit.entrance)
        )
    if unit.floor is not None:
        parts.append(
            QCoreApplication.translate("Labels", "Floor %1").replace("%1", str(unit.floor))
        )
    return QCoreApplication.translate("Labels", " · ").join(parts)


class UnitListModel(QAbstractTableModel):
    """The units of a building (or an entrance of it, or the whole estate), fetched from
    ``directory.list_units`` a page at a time as the view scrolls."""

    PAGE = 200
    CODE, ENTRANCE, FLOOR, ROOM, AREA, KIND, STATUS, BUSINESS, OWNER = range(9)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.building: str | None = None
        self.entrance: str | None = None
        self._rows: list[Any] = []
        self._offset = 0
        self._exhausted = True
        self._headers = [
            self.tr("Unit"),
            self.tr("Entrance"),
            self.tr("Floor"),
            self.tr("Room"),
            self.tr("Area (m²)"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Business use"),
            self.tr("Owner"),
        ]

    def set_scope(self, building: str | None, entrance: str | None = None) -> None:
        """Show the units of ``building`` (None: the whole estate), optionally one entrance."""
        self.beginResetModel()
        self.building = building
        self.entrance = entrance
        self._rows = []
        self._offset = 0
        self._exhausted = False
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.building = self.entrance = None
        self._rows = []
        self._offset = 0
        self._exhausted = True
        self.endResetModel()

    def refresh(self) -> None:
        """Fetch again what was shown (after an edit), keeping as many rows loaded."""
        loaded = max(len(self._rows), 1)
        building, entrance, exhausted = self.building, self.entrance, self._exhausted
        if exhausted and not self._rows and building is None and entrance is None:
            return
        self.set_scope(building, entrance)
        while self.canFetchMore(ROOT_INDEX) and len(self._rows) < loaded:
            self.fetchMore(ROOT_INDEX)

    def _next_page(self) -> list[Any]:
        page = estate.list_units(
            self.desk,
            building=self.building,
            entrance=self.entrance,
            limit=self.PAGE,
            offset=self._offset,
        )
        self._offset += len(page)
        if len(page) < self.PAGE:
            self._exhausted = True
        return page

    def canFetchMore(self, parent: AnyIndex = ROOT_INDEX) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = ROOT_INDEX) -> None:
        if parent.isValid() or self._exhausted:
            return
        rows = self._next_page()
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(ROOT_INDEX, start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, unit_id: int) -> int:
        for number, unit in enumerate(self._rows):
            if unit.id == unit_id:
                return number
        return -1

    def _text(self, unit: Any, column: int) -> str:
        if column == self.CODE:
            return unit.code
        if column == self.ENTRANCE:
            return unit.entrance or ""
        if column == self.FLOOR:
            return "" if unit.floor is None else str(unit.floor)
        if column == self.ROOM:
            return unit.room
        if column == self.AREA:
            return format_area(unit.area_centi_m2)
        if column == self.KIND:
            return vocabulary_text(unit.kind)
        if column == self.STATUS:
            return vocabulary_text(unit.status)
        if column == self.BUSINESS:
            return DirectoryText.yes_no(True) if unit.business_use else ""
        if column == self.OWNER:
            return unit.owner_name or ""
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        unit = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(unit, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            self.FLOOR,
            self.AREA,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return unit
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


NODE_ROLE = Qt.ItemDataRole.UserRole + 2


"""``(kind, building, entrance)`` of a tree node: kind is "all", "building", "entrance"
or "places"."""


class EstateTreeModel(QStandardItemModel):
    """All units / buildings → entrances / public places. A building's entrances are
    fetched the first time it is expanded."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._pending: set[str] = set()
        self.reload()

    def _item(self, text: str, node: tuple[str, str | None, str | None]) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(node, NODE_ROLE)
        return item

    def reload(self) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("Estate")])
        self._pending.clear()
        items = [self._item(self.tr("All units"), ("all", None, None))]
        for building in estate.list_buildings(self.desk):
            items.append(
                self._item(
                    building_label(building.code, building.name), ("building", building.code, None)
                )
            )
            if building.has_entrances:
                self._pending.add(building.code)
        items.append(self._item(self.tr("Public places"), ("places", None, None)))
        root = self.invisibleRootItem()
        for item in items:
            root.appendRow(item)

    def node(self, index: AnyIndex) -> tuple[str, str | None, str | None] | None:
        value = index.data(NODE_ROLE) if index.isValid() else None
        return tuple(value) if value else None

    def index_of(self, kind: str, building: str | None = None, entrance: str | None = None):
        """The index of a node, fetching a building's entrances if needed."""
        for row in range(self.rowCount()):
            top = self.index(row, 0)
            node = self.node(top)
            if node is None:
                continue
            if node == (kind, building, entrance):
                return top
            if kind == "entrance" and node == ("building", building, None):
                if self.canFetchMore(top):
                    self.fetchMore(top)
                for child in range(self.rowCount(top)):
                    index = self.index(child, 0, top)
                    if self.node(index) == (kind, building, entrance):
                        return index
        return QModelIndex()

    def _building_code(self, parent: AnyIndex) -> str | None:
        node = self.node(parent)
        if node and node[0] == "building" and node[1] in self._pending:
            return node[1]
        return None

    def hasChildren(self, parent: AnyIndex = ROOT_INDEX) -> bool:
        if self._building_code(parent):
            return True
        return super().hasChildren(parent)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return self._building_code(parent) is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        code = self._building_code(parent)
        if code is None:
            return
        self._pending.discard(code)
        entrances: list[str] = []
        offset = 0
        while True:
            page = estate.list_units(self.desk, building=code, limit=1000, offset=offset)
            for unit in page:
                if unit.entrance and unit.entrance not in entrances:
                    entrances.append(unit.entrance)
            if len(page) < 1000:
                break
            offset += len(page)
        item = self.itemFromIndex(parent)
        for entrance in entrances:
            item.appendRow(
                self._item(
                    self.tr("Entrance {entrance}").format(entrance=entrance),
                    ("entrance", code, entrance),
                )
            )


class OccupantsModel(RowTableModel):
    """The people living in or owning a unit now (masked)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Role"), lambda o: DirectoryText.role(o.role)),
            Column(self.tr("Name"), lambda o: o.name),
            Column(self.tr("Relation"), lambda o: o.relation),
            Column(self.tr("Sex"), lambda o: o.gender),
            Column(self.tr("ID number"), lambda o: o.id_number_masked),
            Column(self.tr("Phone"), lambda o: o.phone_masked),
            Column(self.tr("Since"), lambda o: o.since),
            Column(self.tr("Lease"), lambda o: DirectoryText.period(o.lease_start, o.lease_end)),
        ]


class FormerOccupantsModel(RowTableModel):
    """Former owners, tenants and members, with their dates and why they left."""

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Role"),
                lambda o: self.tr("Former {role}").format(role=DirectoryText.role(o.role).lower()),
            ),
            Column(self.tr("Name"), lambda o: o.name),
            Column(self.tr("Relation"), lambda o: o.relation),
            Column(self.tr("Phone"), lambda o: o.phone_masked),
            Column(self.tr("From"), lambda o: o.since),
            Column(self.tr("Until"), lambda o: o.until),
            Column(self.tr("Reason"), lambda o: o.ended_reason),
        ]


class VehiclesModel(RowTableModel):
    """Vehicles of a unit; ``names`` maps person ids to names for the owner column."""

    def __init__(self, rows=(), parent: QObject | None = None) -> None:
        super().__init__(rows, parent)
        self.names: dict[int, str] = {}

    def set_vehicles(self, rows, names: dict[int, str]) -> None:
        self.names = dict(names)
        self.set_rows(rows)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Type"), lambda v: vocabulary_text(v.kind)),
            Column(self.tr("Plate"), lambda v: v.plate),
            Column(self.tr("Driver"), lambda v: self.names.get(v.person_id, "")),
            Column(self.tr("Note"), lambda v: v.note),
        ]


class ContactHistoryModel(RowTableModel):
    """Changes of a person's phone and address (phones masked by the service)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Changed"), lambda c: moment_text(c.changed_at)),
            Column(self.tr("Item"), lambda c: DirectoryText.contact_field(c.field)),
            Column(self.tr("Before"), lambda c: c.old_value),
            Column(self.tr("After"), lambda c: c.new_value),
        ]


class LoansModel(RowTableModel):
    """Loans of paper archives (文件借阅登记)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Unit"), lambda r: r.unit_code),
            Column(self.tr("Borrower"), lambda r: r.borrower),
            Column(self.tr("Purpose"), lambda r: r.purpose),
            Column(self.tr("Approved by"), lambda r: r.approver_name),
            Column(self.tr("Lent"), lambda r: moment_text(r.lent_at)),
            Column(self.tr("Due"), lambda r: r.due_at),
            Column(self.tr("Returned"), lambda r: moment_text(r.returned_at)),
        ]


class PlacesModel(RowTableModel):
    """Public places (公共区域)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda p: p.code),
            Column(self.tr("Name"), lambda p: p.name),
            Column(self.tr("Building"), lambda p: p.building),
            Column(self.tr("Floor"), lambda p: p.floor),
            Column(self.tr("Note"), lambda p: p.note),
        ]
