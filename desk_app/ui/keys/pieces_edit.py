"""The pieces of a key set as a row of spin boxes, one per type (防盗铁门 [2] / 2 …).

Each box is bounded by what the act may take of that type (at the desk for a loan or a
collection, out for a return, room left for a deposit or a copy) and starts at the
default (all of it, or none). Tab goes from box to box; the boxes join the dialog's tab
chain between the fields given to ``place_in_tab_chain`` and stay there when the set
changes.

    edit = PiecesEdit(parent, "loan_pieces")
    edit.set_pieces({"天台门": 2, "门": 1})          # at most, starting at all
    edit.values(); edit.is_all(); edit.chosen()      # chosen(): None when all are taken
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from desk_app.ui.labels import vocabulary_text

PER_ROW = 3
"""Types side by side; a unit's five types take two rows."""


class PiecesEdit(QWidget):
    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._parts: list[QWidget] = []
        self.boxes: dict[str, QSpinBox] = {}
        self.bounds: dict[str, int] = {}
        self._before: QWidget | None = None
        self._after: QWidget | None = None
        self.none_label = QLabel(self.tr("(none)"), self)
        self.none_label.setObjectName(f"{object_name}_none")
        self._layout.addWidget(self.none_label, 0, 0)
        self._layout.setColumnStretch(2 * PER_ROW, 1)

    def set_pieces(self, bounds: dict[str, int], *, start_at_all: bool = True) -> None:
        """One box per type, 0 to its bound, at the bound (or at 0); no types: “(none)”.
        Starting at all, each box shows its bound (``2 / 2``)."""
        for part in self._parts:
            self._layout.removeWidget(part)
            part.hide()
            part.deleteLater()
        self._parts = []
        self.boxes = {}
        self.bounds = dict(bounds)
        for at, (piece_type, most) in enumerate(bounds.items()):
            caption = QLabel(vocabulary_text(piece_type), self)
            box = QSpinBox(self)
            box.setObjectName(f"{self.objectName()}_{len(self.boxes)}")
            box.setRange(0, max(0, most))
            box.setValue(max(0, most) if start_at_all else 0)
            if start_at_all:
                box.setSuffix(f" / {most}")
            box.setAccessibleName(vocabulary_text(piece_type))
            caption.setBuddy(box)
            row, column = divmod(at, PER_ROW)
            self._layout.addWidget(caption, row, 2 * column)
            self._layout.addWidget(box, row, 2 * column + 1)
            self._parts += [caption, box]
            self.boxes[piece_type] = box
        self.none_label.setVisible(not bounds)
        self._chain()

    def place_in_tab_chain(self, before: QWidget | None, after: QWidget | None) -> None:
        """Tab goes ``before`` → the boxes → ``after``, now and whenever the set changes."""
        self._before, self._after = before, after
        self._chain()

    def _chain(self) -> None:
        boxes: list[QWidget] = list(self.boxes.values())
        chain = [w for w in (self._before, *boxes, self._after) if w is not None]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def fields(self) -> list[QWidget]:
        return list(self.boxes.values())

    def first_box(self) -> QSpinBox | None:
        return next(iter(self.boxes.values()), None)

    def box(self, piece_type: str) -> QSpinBox:
        return self.boxes[piece_type]

    def set_value(self, piece_type: str, count: int) -> None:
        self.boxes[piece_type].setValue(count)

    def values(self) -> dict[str, int]:
        """The counts chosen, types at 0 left out."""
        return {t: box.value() for t, box in self.boxes.items() if box.value()}

    def is_all(self) -> bool:
        return all(box.value() == self.bounds[t] for t, box in self.boxes.items())

    def chosen(self) -> dict[str, int] | None:
        """None when every box is at its bound (the whole set), else the counts chosen."""
        return None if self.is_all() else self.values()
