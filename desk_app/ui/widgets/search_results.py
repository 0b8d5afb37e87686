"""The hits of the global search as one list with a heading row per group
(房屋 / 人员 / 车辆 / 公共区域). Headings cannot be selected; each hit carries the
``SearchTarget`` that Enter opens. Phones arrive masked from the search service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.ui.labels import DirectoryText

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_INDEX = QModelIndex()
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class SearchTarget:
    """What a hit opens: a unit's page, or a public place in the estate list."""

    kind: str  # "unit" or "place"
    unit_id: int | None = None
    place_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class _Row:
    text: str
    target: SearchTarget | None  # None: a heading


def _join(*parts: object) -> str:
    return "   ".join(str(p) for p in parts if p)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self.query = ""

    # ---- filling ----------------------------------------------------------

    def _heading(self, group: str, count: int, truncated: bool) -> str:
        names = {
            "units": self.tr("Units"),
            "people": self.tr("People"),
            "vehicles": self.tr("Vehicles"),
            "places": self.tr("Public places"),
        }
        more = "+" if truncated else ""
        return f"{names.get(group, group)} ({count}{more})"

    def _hit_row(self, group: str, hit: Any) -> _Row | None:
        if group == "units":
            owner = _join(hit.owner_name, hit.owner_phone_masked)
            return _Row(
                _join(hit.code, owner, hit.status), SearchTarget("unit", unit_id=hit.unit_id)
            )
        if group == "people":
            if hit.unit_id is None:
                where = self.tr("no unit")
            else:
                units = "、".join(f"{DirectoryText.role(u.role)} {u.code}" for u in hit.units)
                where = units if hit.current else self.tr("formerly {units}").format(units=units)
            return _Row(
                _join(hit.name, hit.phone_masked, where),
                SearchTarget("unit", unit_id=hit.unit_id, person_id=hit.person_id)
                if hit.unit_id is not None
                else None,
            )
        if group == "vehicles":
            return _Row(
                _join(hit.plate, hit.kind, hit.unit_code), SearchTarget("unit", unit_id=hit.unit_id)
            )
        if group == "places":
            return _Row(_join(hit.name, hit.code), SearchTarget("place", place_id=hit.place_id))
        return None

    def set_results(self, results: Any) -> None:
        """Fill from a ``search.SearchResults``; None clears."""
        rows: list[_Row] = []
        if results is not None:
            truncated = set(getattr(results, "truncated", ()))
            for group, hits in results.groups():
                hit_rows = [row for row in (self._hit_row(group, hit) for hit in hits) if row]
                if not hit_rows:
                    continue
                rows.append(_Row(self._heading(group, len(hit_rows), group in truncated), None))
                rows.extend(hit_rows)
        self.beginResetModel()
        self.query = getattr(results, "query", "") if results is not None else ""
        self._rows = rows
        self.endResetModel()

    # ---- navigation ---------------------------------------------------------

    def is_hit(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].target is not None

    def hit_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.target is not None]

    def target(self, row: int) -> SearchTarget | None:
        return self._rows[row].target if 0 <= row < len(self._rows) else None

    def next_hit(self, row: int, step: int) -> int:
        """The hit ``step`` hits away from ``row`` (-1: before the first), clamped."""
        hits = self.hit_rows()
        if not hits:
            return -1
        if row not in hits:
            return hits[0] if step > 0 else -1
        position = hits.index(row) + step
        if position < 0:
            return -1
        return hits[min(position, len(hits) - 1)]

    # ---- the model --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_hit(index.row()):
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren
            )
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        heading = row.target is None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text if heading else "    " + row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text
        if role == TARGET_ROLE:
            return row.target
        if role == HEADING_ROLE:
            return heading
        if heading and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if heading and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#35506b"))
        if heading and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef2f6"))
        return None
