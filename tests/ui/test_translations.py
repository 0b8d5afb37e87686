"""The Chinese catalogue: complete, up to date, and looked up under the right contexts."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt

import desk_app.ui
from desk_app.paths import translations_dir
from desk_app.ui.qt_words import QT_WORDS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

EXPLICIT_CONTEXTS = {"Actions", "Labels", "Messages"}
QT_CONTEXTS = {context for context, _source in QT_WORDS}  # Qt's words its catalogue lacks


def ui_classes() -> dict[str, type]:
    classes: dict[str, type] = {}
    for module_info in pkgutil.walk_packages(desk_app.ui.__path__, "desk_app.ui."):
        module = importlib.import_module(module_info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                classes[name] = obj
    return classes


def test_catalogue_is_complete_and_up_to_date():
    assert update_translations.problems("zh_CN") == []
    assert (translations_dir() / "desk_app_zh_CN.qm").exists()


def test_contexts_are_the_classes_qt_looks_up():
    """lupdate names the context of ``self.tr`` after the class; PySide looks it up the same
    way. Every context must be a QObject class of the UI or one of the explicit ones."""
    catalogue = update_translations.messages(update_translations.ts_path("zh_CN"))
    classes = ui_classes()
    for context in {context for context, _source in catalogue}:
        if context in EXPLICIT_CONTEXTS | QT_CONTEXTS:
            continue
        assert context in classes, f"context {context!r} is no class of desk_app.ui"
        assert issubclass(classes[context], QObject), context


def test_every_message_translates_at_run_time():
    catalogue = update_translations.messages(update_translations.ts_path("zh_CN"))
    for (context, source), (translation, _kind) in catalogue.items():
        assert QCoreApplication.translate(context, source) == translation, (context, source)


@pytest.mark.parametrize(("language", "expected"), [("zh_CN", "接待登记"), ("en", "Reception")])
def test_language_switch(qapp, language, expected):
    loaded = qapp.set_language(language)
    assert QCoreApplication.translate("MainWindow", "Reception") == expected
    if language == "zh_CN":
        assert loaded == ["desk_app_zh_CN.qm", "qtbase_zh_CN.qm"]
        # Qt's own buttons speak Chinese too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    qapp.set_language("zh_CN")


def test_self_tr_in_an_inherited_method_uses_the_defining_class(qtbot, staffed_desk, hub):
    """FormDialog.finish runs in subclasses; strings of subclasses come out translated."""
    from desk_app.ui.shifts.login import LoginDialog

    dialog = LoginDialog(staffed_desk, hub)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.text() == "登录"
    assert dialog.windowTitle() == "登录：示范花园"


def test_choice_buttons_speak_english_and_keep_the_stored_words(qapp, staffed_desk, hub, qtbot):
    import re

    from desk_app.ui.ledger.payment_page import PaymentPage
    from desk_app.ui.reception.page import ReceptionPage
    from tests.builders.repairs import reception_estate

    qapp.set_language("en")
    try:
        desk = reception_estate(staffed_desk)
        reception_page = ReceptionPage(desk, hub)
        payment_page = PaymentPage(desk, hub)
        qtbot.addWidget(reception_page)
        qtbot.addWidget(payment_page)
        choices = [
            reception_page.form.channel_choice,
            reception_page.form.category_choice,
            reception_page.form.urgency_choice,
            payment_page.method_choice,
        ]
        texts = [choice.button_for(value).text() for choice in choices for value in choice.values()]
        assert [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)] == []
        assert "1 Call" in texts and "B Repair" in texts and "1 Cash" in texts
        form = reception_page.form
        qtbot.keyClick(form.channel_choice, Qt.Key.Key_2)
        assert form.channel_choice.value() == "来访"  # what is stored stays the paper's word
    finally:
        qapp.set_language("zh_CN")


def test_the_file_dialog_speaks_chinese(qtbot):
    """Qt 6's file dialog asks for ``&Look in:``, which qtbase_zh_CN.qm does not have."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "导出", str(ROOT), "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
