"""The defect dialog: category, note, who fixes it, photos from files or the clipboard."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from desk_app.ui.movein import defect_dialog
from desk_app.ui.movein.defect_dialog import MAX_PHOTO_BYTES, DefectDialog, DefectEntry
from tests.builders.ui import CTRL, focused, mnemonics, open_dialog, type_text

CATEGORIES = ["空鼓", "裂缝", "渗水", "划痕", "破损", "缺件", "功能不良", "其他"]


@pytest.fixture
def dialog(qtbot):
    return open_dialog(qtbot, DefectDialog("卫生间", "给排水", CATEGORIES))


def photo_file(tmp_path, name="IMG_0412.png", size=(1200, 900)):
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    path = tmp_path / name
    assert image.save(str(path), "PNG")
    return path


def choose_files(monkeypatch, *paths):
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *args, **kwargs: ([str(p) for p in paths], ""),
    )


def test_the_dialog_names_the_cell_and_starts_at_the_category(dialog):
    assert "卫生间" in dialog.intro_label.text() and "给排水" in dialog.intro_label.text()
    assert dialog.windowTitle() == "缺陷"
    assert focused() is dialog.category
    assert [dialog.category.itemText(i) for i in range(dialog.category.count())] == CATEGORIES
    assert dialog.fixer.value() == "工程部"


def test_an_entry_typed_in_returns_a_defect_entry(qtbot, dialog):
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # 渗水
    qtbot.keyClick(dialog.category, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.note, "地漏周边渗水")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert focused() is dialog.fixer
    qtbot.keyClick(dialog.fixer, Qt.Key.Key_2)
    qtbot.keyClick(dialog.fixer, Qt.Key.Key_Return)
    assert dialog.result() == DefectDialog.DialogCode.Accepted
    assert dialog.entry == DefectEntry("渗水", "地漏周边渗水", "开发商", ())


def test_photos_attached_from_files_keep_their_original_bytes(qtbot, dialog, tmp_path, monkeypatch):
    first = photo_file(tmp_path)
    second = photo_file(tmp_path, "IMG_0413.jpg", (640, 480))
    choose_files(monkeypatch, first, second)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.photos() == [
        ("IMG_0412.png", first.read_bytes()),
        ("IMG_0413.jpg", second.read_bytes()),
    ]
    assert dialog.photo_list.count() == 2
    thumbnail = dialog.photo_list.item(0).icon().availableSizes()[0]
    assert max(thumbnail.width(), thumbnail.height()) == defect_dialog.THUMBNAIL
    assert dialog.error_text() == ""
    qtbot.keyClick(dialog.photo_list, Qt.Key.Key_Return)
    assert dialog.entry is not None
    assert [name for name, _data in dialog.entry.photos] == ["IMG_0412.png", "IMG_0413.jpg"]


def test_the_attach_button_answers_alt_a(qtbot, dialog, tmp_path, monkeypatch):
    choose_files(monkeypatch, photo_file(tmp_path))
    qtbot.keyClick(dialog.category, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(dialog.photos()) == 1)  # a mnemonic animates the click


def test_a_pasted_image_becomes_a_png_photo(qtbot, dialog):
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#d53a3a"))
    QApplication.clipboard().setImage(image)
    qtbot.keyClick(dialog.category, Qt.Key.Key_V, CTRL)
    [(name, data)] = dialog.photos()
    assert name == "粘贴图片1.png"
    pasted = QImage.fromData(data, "PNG")
    assert (pasted.width(), pasted.height()) == (320, 200)
    assert pasted.pixelColor(10, 10) == QColor("#d53a3a")

    # Ctrl+V in the note pastes the image as a photo too (there is no text to paste)
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_V, CTRL)
    assert [name for name, _data in dialog.photos()] == ["粘贴图片1.png", "粘贴图片2.png"]
    assert dialog.note.toPlainText() == ""


def test_text_on_the_clipboard_pastes_into_the_note_as_text(qtbot, dialog):
    QApplication.clipboard().setText("东墙空鼓约1平方米")
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_V, CTRL)
    assert dialog.note.toPlainText() == "东墙空鼓约1平方米"
    assert dialog.photos() == []


def test_image_files_copied_in_a_file_window_paste_as_files(qtbot, dialog, tmp_path):
    path = photo_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    QApplication.clipboard().setMimeData(mime)
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    assert dialog.photos() == [("IMG_0412.png", path.read_bytes())]


def test_pasting_without_an_image_says_so(qtbot, dialog):
    QApplication.clipboard().setText("只是文字")
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "剪贴板里没有图片。"
    assert dialog.photos() == []


def test_a_file_that_is_no_image_is_refused_and_the_others_attached(
    qtbot, dialog, tmp_path, monkeypatch
):
    fake = tmp_path / "墙面.jpg"
    fake.write_bytes(b"this is a note saved with the wrong name\n" * 10)
    good = photo_file(tmp_path)
    choose_files(monkeypatch, fake, good)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "墙面.jpg 不是图片，未添加。"
    assert [name for name, _data in dialog.photos()] == ["IMG_0412.png"]


def test_a_file_over_20_mb_is_refused_without_being_read(qtbot, dialog, tmp_path, monkeypatch):
    big = tmp_path / "DSC_0001.jpg"
    with big.open("wb") as handle:
        handle.truncate(MAX_PHOTO_BYTES + 1)  # sparse: no 20 MB written
    exactly = photo_file(tmp_path)
    choose_files(monkeypatch, big, exactly)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "DSC_0001.jpg 大于 20 MB，未添加。"
    assert [name for name, _data in dialog.photos()] == ["IMG_0412.png"]
    # the next attach that goes well clears the message
    choose_files(monkeypatch, exactly)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == ""


def test_del_removes_the_chosen_photo(qtbot, dialog, tmp_path, monkeypatch):
    choose_files(monkeypatch, photo_file(tmp_path, "a.png"), photo_file(tmp_path, "b.png"))
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert focused() is dialog.photo_list
    dialog.photo_list.setCurrentRow(0)
    qtbot.keyClick(dialog.photo_list, Qt.Key.Key_Delete)
    assert [name for name, _data in dialog.photos()] == ["b.png"]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.photos() == []
    assert not dialog.remove_button.isEnabled()


def test_a_defect_opened_again_shows_what_it_had(qtbot, tmp_path):
    png = photo_file(tmp_path).read_bytes()
    entry = DefectEntry("功能不良", "插座无电", "开发商", (("IMG_0412.png", png),))
    dialog = open_dialog(qtbot, DefectDialog("主卧", "电气/开关插座", CATEGORIES, entry=entry))
    assert dialog.category.currentData() == "功能不良"
    assert dialog.note.toPlainText() == "插座无电"
    assert dialog.fixer.value() == "开发商"
    assert dialog.photo_list.count() == 1
    assert "保存修改" in [button.text() for button in dialog.findChildren(QAbstractButton)]
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return)
    assert dialog.entry == entry


def test_a_defect_opened_again_keeps_a_fixer_and_category_no_longer_listed(qtbot):
    """The estate's lists changed since the defect was saved: its own words stay chosen."""
    entry = DefectEntry("起砂", "地面起砂", "原总包单位")
    dialog = open_dialog(
        qtbot, DefectDialog("客厅", "地面", CATEGORIES, ("工程部", "开发商"), entry=entry)
    )
    assert dialog.fixer.value() == "原总包单位"
    assert dialog.fixer.values() == ["工程部", "开发商", "原总包单位"]
    assert dialog.category.currentData() == "起砂"
    qtbot.keyClick(dialog.category, Qt.Key.Key_Return)
    assert dialog.entry == entry


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_mnemonics_are_unique(qtbot, qapp, language):
    qapp.set_language(language)
    dialog = DefectDialog("客厅", "墙面", CATEGORIES)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    letters = mnemonics(texts)
    assert len(letters) == len(set(letters)) >= 7, texts


def test_english_mode_shows_no_chinese_but_the_estates_words(qtbot, qapp):
    qapp.set_language("en")
    dialog = open_dialog(qtbot, DefectDialog("客厅", "墙面", CATEGORIES))
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts.append(dialog.windowTitle())
    data = {"客厅", "墙面", "开发商"}
    chinese = [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)]
    leftover = [t for t in chinese if not any(word in t for word in data)]
    assert leftover == []
    assert dialog.fixer.button_for("工程部").text() == "1 Engineering"
