"""The chosen set's buttons on the keys page: partial loans and returns, an owner's
deposit and collection with the signed slip, loss and copies with approval, and which
buttons apply to which set."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.services.directory import estate as directory_estate
from desk_app.services.keys import loans, registry
from desk_app.services.keys.loans import Borrower, LoanInput
from desk_app.services.keys.registry import KeySetInput
from desk_app.ui.keys.loan_dialog import LoanDialog, ReturnDialog
from desk_app.ui.keys.loss_dialog import LossDialog
from desk_app.ui.keys.owner_dialog import OwnerDialog
from desk_app.ui.widgets.approval import NOT_APPROVED, SupervisorApprovalDialog
from tests.builders.keys import keys_estate
from tests.builders.pdf import pdf_text, squash
from tests.builders.ui import clashes, supervisor_approves, tab_walk, type_text

AGENT_ID = "110101199003074514"


def counts(desk, set_id):
    return {p.piece_type: (p.held, p.out) for p in registry.pieces(desk, set_id)}


def keys_page(make_window, desk, set_id):
    window = make_window(desk)
    page = window.show_feature("keys")
    page.show_set(set_id)
    return window, page


def enabled(page):
    return {name for name, button in page.set_actions.buttons.items() if button.isEnabled()}


def press(qtbot, page, name):
    button = page.set_actions.buttons[name]
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_count(qtbot, box, count):
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, str(count))


def test_a_partial_loan_then_a_partial_return_then_the_rest_by_scan(
    staffed_desk, make_window, qtbot, when_modal
):
    desk = keys_estate(staffed_desk)
    key = registry.create_set(
        desk, KeySetInput("公共区域", {"天台门": 2, "门": 1}, building="3", floor="18")
    ).value
    _window, page = keys_page(make_window, desk, key.id)
    assert enabled(page) == {"lend", "report_lost", "copy_keys"}

    def lend(dialog):
        boxes = dialog.pieces.boxes
        assert {t: b.value() for t, b in boxes.items()} == {"天台门": 2, "门": 1}  # all
        assert tab_walk(qtbot, dialog.code, 4) == [
            "key_code",
            "loan_pieces_0",
            "loan_pieces_1",
            "borrower",
        ]
        type_count(qtbot, boxes["门"], 0)
        dialog.purpose.setText("天台水箱检修")
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(LoanDialog, lend)
    press(qtbot, page, "lend")
    assert counts(desk, key.id) == {"天台门": (0, 2), "门": (1, 0)}
    assert page.history_texts()[0][1:3] == ["借出", "天台门×2"]
    assert enabled(page) == {"return_keys", "report_lost", "copy_keys"}

    def give_one_back(dialog):
        assert list(dialog.pieces.boxes) == ["天台门"]  # only what is out
        type_count(qtbot, dialog.pieces.box("天台门"), 1)
        qtbot.keyClick(dialog.pieces.box("天台门"), Qt.Key.Key_Return)

    when_modal(ReturnDialog, give_one_back)
    press(qtbot, page, "return_keys")
    assert counts(desk, key.id) == {"天台门": (1, 1), "门": (1, 0)}
    assert registry.key_set(desk, key.id).state == "out"
    assert page.history_texts()[0][1:3] == ["归还", "天台门×1"]

    # the scan still returns the rest with one key press
    when_modal(ReturnDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
    page.scan_edit.setFocus()
    qtbot.keyClicks(page.scan_edit, key.code)
    qtbot.keyClick(page.scan_edit, Qt.Key.Key_Return)
    assert counts(desk, key.id) == {"天台门": (2, 0), "门": (1, 0)}
    assert registry.key_set(desk, key.id).state == "in"
    assert enabled(page) == {"lend", "report_lost", "copy_keys"}


def test_an_agent_deposits_the_owner_collects_and_each_signs_a_slip(
    staffed_desk, make_window, qtbot, when_modal, shown
):
    desk = keys_estate(staffed_desk)
    key = registry.create_set(desk, KeySetInput("业主代管", unit="3-2-501")).value
    _window, page = keys_page(make_window, desk, key.id)
    assert enabled(page) == {"deposit", "copy_keys"}  # nothing at the desk to lend or take
    refused = []

    def deposit(dialog):
        assert dialog.owner.currentText() == "张三"  # the owner of record, pre-filled
        dialog.by_agent.setCurrentIndex(1)
        type_text(qtbot, dialog.agent_name, "王五")
        qtbot.keyClicks(dialog.agent_id, AGENT_ID)
        dialog.agent_id.editingFinished.emit()
        assert dialog.agent_id_shown.text() == "登记为 110***********4514"
        type_count(qtbot, dialog.pieces.box("室内门"), 2)
        type_count(qtbot, dialog.pieces.box("信报箱"), 1)
        dialog.accept()
        refused.append(dialog.error_text())  # no power of attorney yet
        dialog.power_of_attorney.setChecked(True)
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(OwnerDialog, deposit)
    press(qtbot, page, "deposit")
    assert refused == ["代理人须出示业主的委托书。"]
    assert counts(desk, key.id) == {"室内门": (2, 0), "信报箱": (1, 0)}
    [(pdf, title)] = shown.previews
    assert title == f"钥匙寄存签收单 {key.code}"
    text = squash(pdf_text(pdf))
    assert "室内门2" in text and "信报箱1" in text and "共3把" in text
    assert "110***********4514" in text and AGENT_ID not in text and "王五" not in text
    deposited = page.history_texts()[0]
    assert deposited[1] == "寄存" and deposited[3] == "王五（身份证 110***********4514）代 张三"
    assert AGENT_ID not in "".join(deposited)
    assert enabled(page) == {"lend", "deposit", "collect", "report_lost", "copy_keys"}

    def collect(dialog):
        assert dialog.by_agent.hasFocus() and dialog.by_agent.currentData() is False
        assert dialog.pieces.values() == {"室内门": 2, "信报箱": 1}  # all of it
        qtbot.keyClick(dialog.by_agent, Qt.Key.Key_Return)

    when_modal(OwnerDialog, collect)
    press(qtbot, page, "collect")
    assert registry.key_set(desk, key.id).state == "empty"
    assert len(shown.previews) == 2
    collected = squash(pdf_text(shown.previews[1][0]))
    assert "钥匙领取签收单" in collected and "室内门2" in collected and "无" in collected
    assert page.history_texts()[0][1:4] == ["领取", "信报箱×1、室内门×2", "张三（业主）"]
    assert "collect" not in enabled(page) and "print_slip" not in enabled(page)

    # the deposit's slip again, from its line in the history: marked 补打
    page.history_table.selectRow(1)
    press(qtbot, page, "print_slip")
    assert len(shown.previews) == 3
    again = squash(pdf_text(shown.previews[2][0]))
    assert "补打" in again and "钥匙寄存签收单" in again
    page.history_table.selectRow(2)  # 入库: no slip
    assert "print_slip" not in enabled(page)


def test_a_loss_is_refused_without_approval_and_recorded_with_it_then_copies(
    staffed_desk, make_window, qtbot, when_modal
):
    desk = keys_estate(staffed_desk)
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 2}, building="3")).value
    _window, page = keys_page(make_window, desk, key.id)
    said = []

    def report(dialog):
        assert dialog.pieces.values() == {}  # nothing lost until the clerk says so
        type_count(qtbot, dialog.pieces.box("门"), 1)
        dialog.accept()
        said.append(dialog.error_text())  # no reason: the service says so, nobody asked
        type_text(qtbot, dialog.reason, "保洁员丢失")
        when_modal(SupervisorApprovalDialog, lambda approval: approval.reject())
        dialog.accept()
        said.append(dialog.error_text())
        assert counts(desk, key.id) == {"门": (2, 0)}  # nothing written
        supervisor_approves(qtbot, when_modal)
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(LossDialog, report)
    press(qtbot, page, "report_lost")
    assert said == ["请填写遗失情况。", NOT_APPROVED]
    assert counts(desk, key.id) == {"门": (1, 0)}
    lost = page.history_texts()[0]
    assert lost[1:3] == ["遗失", "门×1"] and lost[4] == "保洁员丢失" and lost[7] == "李主管"

    def copy(dialog):
        assert list(dialog.pieces.boxes) == ["门"]  # a public set: its own types
        type_count(qtbot, dialog.pieces.box("门"), 2)
        type_text(qtbot, dialog.reason, "补配")
        supervisor_approves(qtbot, when_modal)
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(LossDialog, copy)
    press(qtbot, page, "copy_keys")
    assert counts(desk, key.id) == {"门": (3, 0)}
    copied = page.history_texts()[0]
    assert copied[1:3] == ["配钥匙", "门×2"] and copied[7] == "李主管"


def test_a_loss_while_lent_is_the_borrowers(staffed_desk, make_window, qtbot, when_modal):
    desk = keys_estate(staffed_desk)
    key = registry.create_set(desk, KeySetInput("公共区域", {"门": 2}, building="3")).value
    loans.lend(desk, key.id, LoanInput(Borrower(name="李四", kind="员工"), "换灯", {"门": 1}))
    _window, page = keys_page(make_window, desk, key.id)

    def report(dialog):
        assert dialog.pieces.bounds == {"门": 1}  # only the one out on loan
        type_count(qtbot, dialog.pieces.box("门"), 1)
        type_text(qtbot, dialog.reason, "借用人遗失")
        supervisor_approves(qtbot, when_modal)
        dialog.accept()
        assert not dialog.isVisible(), dialog.error_text()

    when_modal(LossDialog, report)
    press(qtbot, page, "report_lost")
    assert counts(desk, key.id) == {"门": (1, 0)}
    assert registry.key_set(desk, key.id).state == "in"  # nothing left out: the loan ends


def test_which_buttons_apply(staffed_desk, make_window, qtbot):
    desk = keys_estate(staffed_desk)
    window = make_window(desk)
    page = window.show_feature("keys")
    assert enabled(page) == set()  # no set chosen
    assert clashes(window) == []
    texts = [button.text() for button in page.set_actions.buttons.values()]
    assert texts == [
        "借出(&L)…",
        "归还(&T)…",
        "寄存(&D)…",
        "领取(&O)…",
        "挂失(&E)…",
        "配钥匙(&Y)…",
        "打印签收单(&I)…",
    ]
    place = directory_estate.list_public_places(desk)[0]
    never = registry.create_set(
        desk, KeySetInput("设施设备房", {"门": 1}, public_place_id=place.id, never_lend=True)
    ).value
    page.show_set(never.id)
    assert enabled(page) == {"report_lost", "copy_keys"}
    assert page.set_actions.buttons["lend"].toolTip() == "此钥匙禁止外借。"
    handed = registry.create_set(desk, KeySetInput("接管", {"室内门": 2}, unit="3-2-501")).value
    page.show_set(handed.id)
    assert enabled(page) == {"lend", "report_lost", "copy_keys"}  # not the owner's: no 寄存
    assert page.set_actions.buttons["lend"].toolTip() == "借出"
