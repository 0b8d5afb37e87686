"""The Qt binding keeps Python's reference counts: a void method returns None with its
reference. PySide6 6.12.0 did not (on Python 3.11 every call took one reference from
None, and a refreshed list aborted the program with "deallocating None")."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

CALLS = 2000


def test_void_methods_leave_nones_references_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    table = QTableWidget(10, 2)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        table.setItem(n % 10, n % 2, QTableWidgetItem(str(n)))
    assert before - sys.getrefcount(None) < CALLS // 10
