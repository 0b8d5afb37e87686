"""最近班次 and its handover reports."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.services.shifts import handover, login
from desk_app.ui.desk.check_models import CheckResultsModel
from desk_app.ui.desk.check_results import CheckResultsDialog
from desk_app.ui.shifts.recent_shifts import RecentShiftsDialog
from desk_app.ui.shifts.shift_models import RecentShiftsModel
from tests.builders.staff import PASSWORD
from tests.builders.ui import open_dialog


def hand_over(desk):
    return handover.handover(
        desk,
        incoming_username="chen",
        incoming_password=PASSWORD,
        outgoing_password=PASSWORD,
        next_shift_name="中班",
    ).value


def test_enter_opens_the_handover_report(staffed_desk, shown, qtbot):
    result = hand_over(staffed_desk)
    dialog = open_dialog(qtbot, RecentShiftsDialog(staffed_desk))
    model = dialog.model
    assert model.index(0, 4).data() == "值班中"
    assert model.index(1, 4).data() == "已交接"
    assert model.index(1, 5).data() == "陈静"
    dialog.view.selectRow(0)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert shown.texts("info") == ["该班次没有交接班记录。"]
    dialog.view.selectRow(1)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert shown.previews[0][0] == result.pdf
    assert shown.previews[0][1].startswith("交接班记录：早班")
    assert dialog.isVisible()


def test_recent_shifts_model(staffed_desk, qtmodeltester):
    hand_over(staffed_desk)
    model = RecentShiftsModel(login.recent_shifts(staffed_desk))
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "班次"


def test_check_results_model(qtmodeltester):
    from desk_app.services.desk.maintenance import CheckResult

    results = [CheckResult("integrity_check", True), CheckResult("audit_chain", False, "第 3 条")]
    model = CheckResultsModel(results)
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(2)] == ["通过", "未通过"]
    assert model.index(1, 0).data() == "审计链校验"
    dialog = CheckResultsDialog(results, "desk.sqlite3")
    assert not dialog.passed and "有检查未通过" in dialog.summary.text()
    dialog.deleteLater()
