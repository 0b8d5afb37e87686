"""Showing, printing and saving a rendered form (PDF bytes) with QtPdf."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, QStandardPaths
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui import messages, preferences
from desk_app.ui.actions import PREVIEW_ACTIONS, ActionCollection

POINTS_PER_INCH = 72.0
MAX_PRINT_DPI = 300
"""Pages are rasterised for the printer; 300 dpi keeps a page image near 35 MB."""


def print_pdf(document: QPdfDocument, printer: QPrinter, *, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Paint the document's pages onto ``printer`` at true size; returns pages printed.

    Honours the page range chosen in the print dialog. A page larger than the
    paper is scaled down to fit; otherwise it prints 1:1 from the paper's corner,
    so a form lines up with pre-printed stationery.
    """
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    pages = [index for index in range(first - 1, min(last, count))]
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer")
    try:
        resolution = printer.resolution()
        dpi = min(resolution, max_dpi)
        viewport = painter.viewport()
        for number, index in enumerate(pages):
            if number:
                printer.newPage()
            size = document.pagePointSize(index)
            width = size.width() / POINTS_PER_INCH * resolution
            height = size.height() / POINTS_PER_INCH * resolution
            scale = min(1.0, viewport.width() / width, viewport.height() / height)
            image = document.render(
                index,
                QSize(
                    round(size.width() / POINTS_PER_INCH * dpi),
                    round(size.height() / POINTS_PER_INCH * dpi),
                ),
            )
            painter.drawImage(QRectF(0, 0, width * scale, height * scale), image)
    finally:
        painter.end()
    return len(pages)


def _safe_file_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_") or "document"


class PdfPreviewDialog(QDialog):
    """A PDF on screen, page after page, with Print…, Save as PDF… and Close."""

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.pdf_bytes = bytes(pdf_bytes)
        self.title = title
        self.setWindowTitle(self.tr("Preview: {title}").format(title=title))
        self._fit_to_screen(parent)

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.statusChanged.connect(self._update_page_label)
        self.document.pageCountChanged.connect(self._update_page_label)

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)

        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_count")

        self.named_actions = ActionCollection(self, PREVIEW_ACTIONS, preferences.open_settings())
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.document.load(self._buffer)
        self._update_page_label()
        self.print_button.setFocus()

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        width, height = 900, 1000
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    def page_count(self) -> int:
        return self.document.pageCount()

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def _update_page_label(self, *_args: object) -> None:
        status = self.document.status()
        if status == QPdfDocument.Status.Error:
            self.page_label.setText(self.tr("The document cannot be shown."))
        elif status != QPdfDocument.Status.Ready:
            self.page_label.setText(self.tr("Loading…"))
        else:
            current = self.view.pageNavigator().currentPage() + 1
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(page=current, count=self.page_count())
            )
        ready = status == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)

    def _make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFullPage(True)
        if self.page_count():
            size = self.document.pagePointSize(0)
            short, long_ = sorted((size.width(), size.height()))
            page_size = QPageSize(
                QSizeF(short, long_), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
            )
            orientation = (
                QPageLayout.Orientation.Landscape
                if size.width() > size.height()
                else QPageLayout.Orientation.Portrait
            )
            printer.setPageSize(page_size)
            printer.setPageOrientation(orientation)
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_document(self) -> None:
        if not self.is_ready():
            return
        printer = self._make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_pdf(self.document, printer)
        except OSError:
            messages.warning(
                self,
                self.tr(
                    "The printer could not be started. Check that it is switched on and connected."
                ),
            )

    def save_as(self) -> None:
        folder = preferences.last_choice(
            preferences.LAST_SAVE_FOLDER_KEY
        ) or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{_safe_file_name(self.title)}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.pdf_bytes)
            preferences.store_last_choice(preferences.LAST_SAVE_FOLDER_KEY, str(Path(path).parent))
        except OSError as error:
            messages.warning(
                self,
                self.tr("The file could not be saved: {error}").format(
                    error=error.strerror or error
                ),
            )


def show_pdf(pdf_bytes: bytes, title: str, parent: QWidget | None = None) -> None:
    """Show a PDF in the preview dialog and wait until it is closed (tests replace this)."""
    dialog = PdfPreviewDialog(pdf_bytes, title, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
