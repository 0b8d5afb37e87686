"""A defect found at the joint inspection (联合验房): one room × item cell of the grid.

The clerk picks the category (空鼓, 裂缝 … as the estate's settings list them), writes a
note, says who fixes it (工程部 or the developer's contractor) and adds photos: image files
(several at once) or an image pasted from the clipboard (Ctrl+V, also in the note; files
copied in Explorer paste as files). Each photo is kept as its original bytes; the service
downscales it when it stores it. A file that is no image, or larger than 20 MB, is refused
under the fields and the rest are attached. Nothing is written here: the dialog returns a
``DefectEntry`` and the caller saves it.

    entry = DefectDialog.ask("客厅", "墙面", categories, parent=grid)   # None if cancelled
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QIcon,
    QImage,
    QImageReader,
    QImageWriter,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui import preferences
from desk_app.ui.labels import vocabulary_text
from desk_app.ui.widgets.controls import KeyChoice, button
from desk_app.ui.widgets.forms import FormDialog, NoteEdit

MAX_PHOTO_BYTES = 20 * 1024 * 1024
"""A photo larger than this is refused (a phone's photo is 2–8 MB)."""

THUMBNAIL = 96
"""Thumbnails are drawn in a square of this many pixels."""

ENGINEERING = "工程部"
FIXERS = (ENGINEERING, "开发商")
"""Who may fix a defect: the estate's engineering department, then the developer's
contractors (the caller passes the estate's own names)."""

LAST_PHOTO_FOLDER_KEY = "last/photo_folder"


@dataclass(frozen=True)
class DefectEntry:
    """What the dialog returns: the category and fixer as given in the lists, the note,
    and the photos as (file name, original bytes) in the order they were added."""

    category: str
    note: str
    fixer: str
    photos: tuple[tuple[str, bytes], ...] = ()

    @property
    def contractor(self) -> str:
        """The contractor the defect is referred to; '' when engineering fixes it."""
        return "" if self.fixer == ENGINEERING else self.fixer


def image_thumbnail(data: bytes) -> QImage | None:
    """The image in ``data`` scaled into the thumbnail square; None if it is no image
    Qt can read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's portrait photo stands upright
    if not reader.canRead():
        return None
    size = reader.size()
    if size.isValid() and (size.width() > THUMBNAIL or size.height() > THUMBNAIL):
        # JPEG decodes straight at the small size: fast, and no big image in memory
        reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > THUMBNAIL or image.height() > THUMBNAIL:
        image = image.scaled(
            THUMBNAIL,
            THUMBNAIL,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    return bytes(buffer.data().data())


class PhotoNoteEdit(NoteEdit):
    """The note; an image pasted into it (no text on the clipboard) becomes a photo."""

    image_pasted = Signal()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return _holds_photo(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if _holds_photo(source):
            self.image_pasted.emit()
            return
        super().insertFromMimeData(source)


def _holds_photo(source: QMimeData) -> bool:
    files = [url for url in source.urls() if url.isLocalFile()]
    return (source.hasImage() or bool(files)) and not (source.hasText() and not files)


class PhotoList(QListWidget):
    """The photos as thumbnails; Del removes the chosen one."""

    remove_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("photo_list")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setGridSize(QSize(THUMBNAIL + 24, THUMBNAIL + 26))
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setFixedHeight(THUMBNAIL + 34)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)


class DefectDialog(FormDialog):
    """One defect of ``room`` × ``item``; ``entry`` (if given) is the defect to change."""

    def __init__(
        self,
        room: str,
        item: str,
        categories: Sequence[str],
        fixers: Sequence[str] = FIXERS,
        entry: DefectEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not categories or not fixers:
            raise ValueError("a defect needs at least one category and one fixer")
        self.room = room
        self.item = item
        self.entry: DefectEntry | None = None
        self._photos: list[tuple[str, bytes]] = []
        self._pasted = 0
        self.setObjectName("defect_dialog")
        self.setWindowTitle(self.tr("Defect"))
        intro = self.add_intro(
            self.tr("Room: %1    Item: %2").replace("%1", room).replace("%2", item)
        )
        intro.setStyleSheet("font-weight: bold;")

        # A defect opened again keeps its own category and fixer even when the estate's
        # lists no longer name them.
        if entry is not None and entry.category and entry.category not in categories:
            categories = [*categories, entry.category]
        if entry is not None and entry.fixer and entry.fixer not in fixers:
            fixers = [*fixers, entry.fixer]
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for word in categories:
            self.category.addItem(vocabulary_text(word), word)
        self.category.setMaxVisibleItems(max(10, len(categories)))
        self.add_row(self.tr("&Category:"), self.category)

        self.note = PhotoNoteEdit(self, "note")
        self.note.image_pasted.connect(self.paste_photo)
        self.add_row(self.tr("&Note:"), self.note)

        keys = [str(n) for n in range(1, 10)]
        self.fixer = KeyChoice(list(zip(keys, fixers, strict=False)), self)
        self.fixer.setObjectName("fixer")
        self.fixer.set_value(fixers[0])
        self.add_row(self.tr("&Fixed by:"), self.fixer)

        self.photo_list = PhotoList(self)
        self.photo_list.remove_requested.connect(self.remove_photo)
        self.attach_button = button(self, self.tr("&Attach photos…"), "attach", self.choose_files)
        self.paste_button = button(self, self.tr("Pa&ste (Ctrl+V)"), "paste", self.paste_photo)
        self.remove_button = button(self, self.tr("Re&move photo"), "remove", self.remove_photo)
        photos = QWidget(self)
        photos_layout = QVBoxLayout(photos)
        photos_layout.setContentsMargins(0, 0, 0, 0)
        photos_layout.addWidget(self.photo_list)
        row = QHBoxLayout()
        for push in (self.attach_button, self.paste_button, self.remove_button):
            row.addWidget(push)
        row.addStretch(1)
        photos_layout.addLayout(row)
        self.form.addRow(self.tr("&Photos:"), photos)
        label = self.form.labelForField(photos)
        if label is not None:
            label.setBuddy(self.photo_list)  # type: ignore[attr-defined]

        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_photo)

        if entry is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(entry.category)))
            self.note.setPlainText(entry.note)
            self.fixer.set_value(entry.fixer)
            for name, data in entry.photos:
                self._add_photo(name, data)
        self.finish(
            self.tr("Save changes") if entry is not None else self.tr("Record defect"),
            [
                self.category,
                self.note,
                self.fixer,
                self.photo_list,
                self.attach_button,
                self.paste_button,
                self.remove_button,
            ],
        )
        self._update_buttons()
        self.setMinimumWidth(600)

    @classmethod
    def ask(
        cls,
        room: str,
        item: str,
        categories: Sequence[str],
        fixers: Sequence[str] = FIXERS,
        entry: DefectEntry | None = None,
        parent: QWidget | None = None,
    ) -> DefectEntry | None:
        """The defect the clerk entered (modal); None if cancelled."""
        dialog = cls(room, item, categories, fixers, entry, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.entry
        finally:
            dialog.deleteLater()

    # photos

    def photos(self) -> list[tuple[str, bytes]]:
        return list(self._photos)

    def choose_files(self) -> None:
        folder = preferences.last_choice(LAST_PHOTO_FOLDER_KEY) or str(Path.home())
        formats = sorted(
            {f"*.{bytes(f.data()).decode()}" for f in QImageReader.supportedImageFormats()}
        )
        filters = ";;".join(
            [self.tr("Images (%1)").replace("%1", " ".join(formats)), self.tr("All files (*)")]
        )
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos"), folder, filters
        )
        if paths:
            preferences.store_last_choice(LAST_PHOTO_FOLDER_KEY, str(Path(paths[0]).parent))
            self.attach_files(paths)

    def attach_files(self, paths: Sequence[str]) -> None:
        """Attach each file that is an image of at most 20 MB; say which were refused."""
        refused = []
        for path in paths:
            name = Path(path).name
            try:
                if os.path.getsize(path) > MAX_PHOTO_BYTES:
                    refused.append(self._too_large(name))
                    continue
                data = Path(path).read_bytes()
            except OSError:
                refused.append(
                    self.tr("%1 could not be read and was not attached.").replace("%1", name)
                )
                continue
            problem = self._add_photo(name, data)
            if problem:
                refused.append(problem)
        self._show_refused(refused)
        self.photo_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def paste_photo(self) -> None:
        """The clipboard's image (or image files copied in a file window) as photos."""
        mime = QApplication.clipboard().mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime else []
        if files:
            self.attach_files(files)
            return
        image = QApplication.clipboard().image()
        if image.isNull():
            self._show_refused([self.tr("The clipboard holds no image.")])
            return
        self._pasted += 1
        name = f"粘贴图片{self._pasted}.png"  # stored with the photo: the data's language
        self._show_refused(
            [problem] if (problem := self._add_photo(name, png_bytes(image))) else []
        )
        self.photo_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_photo(self) -> None:
        row = self.photo_list.currentRow()
        if not 0 <= row < len(self._photos):
            return
        self.photo_list.takeItem(row)
        del self._photos[row]
        self._update_buttons()

    def _add_photo(self, name: str, data: bytes) -> str:
        """Add one photo; the reason it was refused, else ''."""
        if len(data) > MAX_PHOTO_BYTES:
            return self._too_large(name)
        thumbnail = image_thumbnail(data)
        if thumbnail is None:
            return self.tr("%1 is not an image and was not attached.").replace("%1", name)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(thumbnail)), name)
        item.setToolTip(f"{name} ({len(data) / 1024 / 1024:.1f} MB)")
        self.photo_list.addItem(item)
        self.photo_list.setCurrentItem(item)
        self._photos.append((name, data))
        self._update_buttons()
        return ""

    def _too_large(self, name: str) -> str:
        return self.tr("%1 is larger than 20 MB and was not attached.").replace("%1", name)

    def _show_refused(self, refused: list[str]) -> None:
        if refused:
            self.show_error("\n".join(refused))
        else:
            self.clear_error()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self._photos))

    # the result

    def submit(self) -> None:
        self.entry = DefectEntry(
            category=str(self.category.currentData()),
            note=self.note.toPlainText().strip(),
            fixer=self.fixer.value(),
            photos=tuple(self._photos),
        )
