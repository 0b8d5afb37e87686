"""The messages of the desk's rules in English: every message a service or storage raises
has its English, with the same values in the same order; the window shows it in English
and in Chinese as raised."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import desk_app
from desk_app.core import errors
from desk_app.core.errors import DeskError, ValidationError
from desk_app.paths import translations_dir
from desk_app.ui.error_text import CATALOGUE, error_text
from desk_app.ui.ledger.payment_page import PaymentPage
from tests.builders.ledger import months, payment_estate
from tests.builders.source import raised_messages, subclasses_in_source
from tests.builders.ui import find_unit, show_ledger_page

PACKAGE = Path(desk_app.__file__).parent
ERRORS = subclasses_in_source(
    PACKAGE,
    {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, DeskError)
    },
)
SHOWN_IN_THE_WINDOW = ("services", "storage", "core", "printing", "exporting")


def entries() -> dict[str, str]:
    with (translations_dir() / CATALOGUE).open("rb") as file:
        return tomllib.load(file)["messages"]


def test_every_message_raised_has_its_english():
    raised: dict[str, list[str]] = {}
    for layer in SHOWN_IN_THE_WINDOW:
        for template, where in raised_messages(PACKAGE / layer, ERRORS).items():
            raised.setdefault(template, []).extend(f"{layer}/{w}" for w in where)
    assert len(raised) > 250
    missing = {template: where for template, where in raised.items() if template not in entries()}
    assert missing == {}


def test_the_english_has_the_same_values():
    assert [c for c, e in entries().items() if c.count("{}") != e.count("{}")] == []


@pytest.mark.parametrize(
    ("raised", "english"),
    [
        ("当前没有进行中的班次。", "No shift is open."),
        (
            "实收现金不足：应收 238.28 元，实收 200.00 元。",
            "Not enough cash: ¥238.28 due, ¥200.00 tendered.",
        ),
        ("接班人：登录名或密码不正确。", "Incoming clerk: Wrong login name or password."),
        ("没有房号 9-9-999。", "There is no unit 9-9-999."),
        ("一条没有英文的消息", "一条没有英文的消息"),
    ],
)
def test_a_message_in_english_and_as_raised(qapp, raised, english):
    assert error_text(ValidationError(raised)) == raised  # the window in Chinese
    qapp.set_language("en")
    try:
        assert error_text(ValidationError(raised)) == english
    finally:
        qapp.set_language("zh_CN")


def test_the_payment_page_refuses_in_english(qapp, staffed_desk, hub, qtbot):
    unit = payment_estate(staffed_desk)
    months(staffed_desk, unit, "2026-09", "2026-10")
    qapp.set_language("en")
    try:
        page = show_ledger_page(qtbot, PaymentPage(staffed_desk, hub))
        find_unit(qtbot, page, "3-2-501")
        qtbot.keyClick(page.owing_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClicks(page.amount_edit, "5000000")
        qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
        qtbot.keyClick(page.customer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert page.error_text().startswith("The receipt could not print this payment")
    finally:
        qapp.set_language("zh_CN")
