"""The joint-inspection grid, driven by the keyboard as a clerk at the hand-over does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.ui.movein.defect_dialog import DefectDialog, DefectEntry
from desk_app.ui.movein.inspection_grid import (
    CLEARED,
    OK,
    RESULT_ROLE,
    InspectionGrid,
)
from tests.builders.ui import CTRL, focused, show, type_text

ROOMS = ["客厅", "餐厅", "主卧", "次卧", "厨房", "卫生间"]
ITEMS = [
    "入户门",
    "门锁",
    "窗",
    "玻璃",
    "墙面",
    "天花",
    "地面",
    "给排水",
    "电气/开关插座",
    "对讲",
    "燃气",
    "暖气",
    "防水",
    "橱柜",
]
CATEGORIES = ["空鼓", "裂缝", "渗水", "划痕", "破损", "缺件", "功能不良", "其他"]
NOT_APPLICABLE = {
    ("客厅", "燃气"),
    ("餐厅", "燃气"),
    ("主卧", "燃气"),
    ("次卧", "燃气"),
    ("卫生间", "燃气"),
    ("卫生间", "对讲"),
    ("客厅", "防水"),
    ("主卧", "橱柜"),
    ("次卧", "橱柜"),
}
APPLICABLE = [
    (room, item) for room in ROOMS for item in ITEMS if (room, item) not in NOT_APPLICABLE
]


@pytest.fixture
def grid(qtbot):
    widget = InspectionGrid(ROOMS, ITEMS, CATEGORIES, NOT_APPLICABLE)
    show(qtbot, widget)
    widget.setFocus()
    return widget


@pytest.fixture
def marks(grid):
    seen: list[tuple[str, str, object]] = []
    grid.cell_marked.connect(lambda room, item, result: seen.append((room, item, result)))
    grid.defect_entered.connect(lambda room, item, entry: seen.append((room, item, entry)))
    return seen


def key(qtbot, grid, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(grid.view, key, modifier)


def test_the_grid_fits_a_flat_on_a_small_screen(grid):
    """6 rooms × 14 items with their row names on a 1366×768 screen, room to spare for
    the hand-over's steps beside it."""
    hint = grid.sizeHint()
    assert hint.width() <= 1100
    assert hint.height() <= 360
    assert not grid.view.horizontalScrollBar().isVisible()
    assert not grid.view.verticalScrollBar().isVisible()


def test_space_walks_the_whole_flat_marking_ok_and_passes_cells_that_do_not_apply(
    qtbot, grid, marks
):
    assert grid.current_cell() == ("客厅", "入户门")
    assert focused() is grid.view
    # the letters are commands: a Chinese input method must not take them
    assert not grid.view.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    for _ in APPLICABLE:
        key(qtbot, grid, Qt.Key.Key_Space)
    assert marks == [(room, item, OK) for room, item in APPLICABLE]
    assert grid.progress() == (len(APPLICABLE), len(APPLICABLE), 0)
    assert grid.progress_label.text() == f"已查 {len(APPLICABLE)}/{len(APPLICABLE)} 项 · 缺陷 0 处"
    assert grid.current_cell() == ("卫生间", "橱柜")  # the last cell: the cursor stays
    for cell in NOT_APPLICABLE:
        row, column = ROOMS.index(cell[0]), ITEMS.index(cell[1])
        index = grid.model.index(row, column)
        assert index.data() is None
        assert not index.flags() & Qt.ItemFlag.ItemIsEnabled


def test_arrows_move_across_the_grid_and_jump_over_cells_that_do_not_apply(qtbot, grid):
    grid.set_current_cell("客厅", "对讲")
    key(qtbot, grid, Qt.Key.Key_Right)
    assert grid.current_cell() == ("客厅", "暖气")  # 燃气 does not apply
    key(qtbot, grid, Qt.Key.Key_Right)
    key(qtbot, grid, Qt.Key.Key_Right)
    assert grid.current_cell() == ("客厅", "橱柜")  # 防水 neither
    key(qtbot, grid, Qt.Key.Key_Down)
    assert grid.current_cell() == ("餐厅", "橱柜")
    key(qtbot, grid, Qt.Key.Key_Down)
    assert grid.current_cell() == ("厨房", "橱柜")  # over 主卧 and 次卧
    key(qtbot, grid, Qt.Key.Key_Left)
    key(qtbot, grid, Qt.Key.Key_Left)
    key(qtbot, grid, Qt.Key.Key_Left)
    assert grid.current_cell() == ("厨房", "燃气")  # the kitchen has gas
    key(qtbot, grid, Qt.Key.Key_Down)  # no gas in the bathroom: nowhere to go
    assert grid.current_cell() == ("厨房", "燃气")
    key(qtbot, grid, Qt.Key.Key_Up)  # nor in any room above
    assert grid.current_cell() == ("厨房", "燃气")


def test_o_marks_ok_too_and_the_cell_shows_a_green_tick(qtbot, grid, marks):
    key(qtbot, grid, Qt.Key.Key_O)
    assert marks == [("客厅", "入户门", OK)]
    index = grid.model.index(0, 0)
    assert index.data() == "✓"
    assert index.data(RESULT_ROLE) == OK
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#1b6e2e"
    assert grid.current_cell() == ("客厅", "门锁")


def test_a_defect_entered_by_keyboard_in_its_dialog(qtbot, grid, marks, when_modal):
    key(qtbot, grid, Qt.Key.Key_Right)
    key(qtbot, grid, Qt.Key.Key_Right)

    def enter(dialog: DefectDialog) -> None:
        assert dialog.room == "客厅" and dialog.item == "窗"
        assert focused() is dialog.category
        qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # 裂缝
        qtbot.keyClick(dialog.category, Qt.Key.Key_Tab)
        type_text(qtbot, dialog.note, "窗框左下角裂缝")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.fixer, Qt.Key.Key_2)  # the developer's contractor
        qtbot.keyClick(dialog.fixer, Qt.Key.Key_Return)

    when_modal(DefectDialog, enter)
    key(qtbot, grid, Qt.Key.Key_D)
    entry = DefectEntry("裂缝", "窗框左下角裂缝", "开发商", ())
    assert marks == [("客厅", "窗", entry)]
    index = grid.model.index(0, 2)
    assert index.data() == "✗ 裂缝"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#a40000"
    assert "窗框左下角裂缝" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert grid.current_cell() == ("客厅", "玻璃")  # on to the next cell
    assert grid.progress() == (1, len(APPLICABLE), 1)
    assert grid.progress_label.text() == f"已查 1/{len(APPLICABLE)} 项 · 缺陷 1 处"


def test_enter_on_a_defect_opens_it_to_change_and_a_cancel_changes_nothing(
    qtbot, grid, marks, when_modal
):
    entry = DefectEntry("渗水", "天花渗水", "工程部", (("a.png", b"x"),))
    grid.set_results({("客厅", "天花"): entry})
    grid.set_current_cell("客厅", "天花")

    def cancel(dialog: DefectDialog) -> None:
        assert dialog.category.currentData() == "渗水"
        assert dialog.note.toPlainText() == "天花渗水"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(DefectDialog, cancel)
    key(qtbot, grid, Qt.Key.Key_Return)
    assert marks == []
    assert grid.current_cell() == ("客厅", "天花")

    def change(dialog: DefectDialog) -> None:
        qtbot.keyClick(dialog.category, Qt.Key.Key_Up)  # 裂缝
        qtbot.keyClick(dialog.category, Qt.Key.Key_Return)

    when_modal(DefectDialog, change)
    key(qtbot, grid, Qt.Key.Key_Enter)
    assert marks == [("客厅", "天花", DefectEntry("裂缝", "天花渗水", "工程部", ()))]


def test_ctrl_space_marks_the_rest_of_the_row_ok_keeping_its_defect(qtbot, grid, marks):
    defect = DefectEntry("空鼓", "", "工程部")
    grid.set_results({("客厅", "入户门"): OK, ("客厅", "墙面"): defect})
    assert grid.current_cell() == ("客厅", "门锁")
    key(qtbot, grid, Qt.Key.Key_Space, CTRL)
    expected = [
        ("客厅", item, OK)
        for item in ITEMS
        if item not in ("入户门", "墙面") and ("客厅", item) not in NOT_APPLICABLE
    ]
    assert marks == expected
    assert grid.results()[("客厅", "墙面")] == defect
    assert grid.current_cell() == ("餐厅", "入户门")
    key(qtbot, grid, Qt.Key.Key_A)  # the same, for a keyboard whose Ctrl+Space the IME takes
    assert all(grid.results().get(("餐厅", item)) == OK for item in ITEMS if item != "燃气")
    assert grid.current_cell() == ("主卧", "入户门")


def test_del_clears_a_cell_and_a_defect_only_once_confirmed(qtbot, grid, marks, shown, monkeypatch):
    from desk_app.ui import messages

    defect = DefectEntry("破损", "", "工程部")
    grid.set_results({("客厅", "入户门"): OK, ("客厅", "门锁"): defect})
    grid.set_current_cell("客厅", "入户门")
    key(qtbot, grid, Qt.Key.Key_Delete)
    assert marks == [("客厅", "入户门", CLEARED)]
    assert grid.model.index(0, 0).data() == ""
    assert grid.current_cell() == ("客厅", "入户门")  # Del stays

    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text))
    key(qtbot, grid, Qt.Key.Key_Right)
    key(qtbot, grid, Qt.Key.Key_Delete)  # answered No
    key(qtbot, grid, Qt.Key.Key_Space)  # answered No
    assert asked == [
        "客厅 · 门锁 有缺陷（破损）。清除吗？",
        "客厅 · 门锁 有缺陷（破损）。改为合格吗？",
    ]
    assert len(marks) == 1
    assert grid.results()[("客厅", "门锁")] == defect

    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    key(qtbot, grid, Qt.Key.Key_Space)
    assert marks[1:] == [("客厅", "门锁", OK)]
    assert grid.current_cell() == ("客厅", "窗")


def test_resume_shows_what_was_saved_and_starts_at_the_first_unchecked_cell(qtbot, grid, marks):
    saved = {cell: OK for cell in APPLICABLE[:20]}
    saved[("餐厅", "对讲")] = DefectEntry("空鼓", "", "工程部")
    saved[("客厅", "燃气")] = OK  # a cell that does not apply is left out
    saved[("书房", "窗")] = OK  # so is a room the grid has not
    grid.set_results(saved)
    assert marks == []  # loading is no mark
    assert grid.progress() == (21, len(APPLICABLE), 1)
    assert grid.progress_label.text() == f"已查 21/{len(APPLICABLE)} 项 · 缺陷 1 处"
    assert grid.current_cell() == APPLICABLE[20]
    assert grid.model.index(1, ITEMS.index("对讲")).data() == "✗ 空鼓"
    key(qtbot, grid, Qt.Key.Key_Space)
    assert marks == [(*APPLICABLE[20], OK)]


def test_a_finished_inspection_resumes_on_its_last_cell(grid):
    grid.set_results(dict.fromkeys(APPLICABLE, OK))
    assert grid.current_cell() == APPLICABLE[-1]


def test_the_model_is_a_proper_qt_model(qtmodeltester):
    grid = InspectionGrid(ROOMS, ITEMS, CATEGORIES, NOT_APPLICABLE)
    grid.set_results({("客厅", "窗"): OK, ("厨房", "燃气"): DefectEntry("渗水", "", "工程部")})
    qtmodeltester.check(grid.model)


def test_rooms_and_items_are_named_once(qapp):
    with pytest.raises(ValueError):
        InspectionGrid(["卧室", "卧室"], ITEMS, CATEGORIES)


def test_english_mode_says_its_own_words_and_shows_the_estates_as_given(qtbot, qapp):
    qapp.set_language("en")
    grid = InspectionGrid(ROOMS, ITEMS, CATEGORIES, NOT_APPLICABLE)
    show(qtbot, grid)
    assert grid.progress_label.text() == f"Checked 0 of {len(APPLICABLE)} · defects 0"
    assert grid.keys_label.text().startswith("Space or O: OK")
    assert grid.model.headerData(0, Qt.Orientation.Vertical) == "客厅"
