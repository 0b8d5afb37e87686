"""The PDF preview: QtPdf shows the pages; printing paints them; Save writes the bytes."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from desk_app.core.clock import CHINA_TZ
from desk_app.ui.widgets.pdf_preview import PdfPreviewDialog, print_pdf


@pytest.fixture(scope="module")
def selftest_pdf() -> bytes:
    try:
        from desk_app.printing.render import render_form
    except ImportError:
        render_form = None
    if render_form is not None:
        return render_form(
            "selftest",
            {
                "estate_name": "自检小区",
                "note": "中文、标点（，。！）和金额。",
                "printed_at": datetime(2026, 11, 22, 9, 30, tzinfo=CHINA_TZ),
                "amount": 123450,
            },
        )
    return three_page_pdf()


def three_page_pdf() -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5)
    for page in range(3):
        canvas.drawString(72, 500, f"page {page + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def preview(qtbot, pdf: bytes, title: str = "自检打印样张") -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(pdf, title)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready)
    return dialog


def test_shows_a_rendered_form(selftest_pdf, qtbot):
    dialog = preview(qtbot, selftest_pdf)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.page_count() >= 1
    assert dialog.page_label.text() == f"第 1 页，共 {dialog.page_count()} 页"
    assert dialog.windowTitle() == "预览：自检打印样张"
    assert dialog.print_button.isEnabled()
    assert dialog.print_button.text() == "打印(&P)…"
    assert dialog.save_button.text() == "另存为 PDF(&S)…"


def test_counts_every_page(qtbot):
    dialog = preview(qtbot, three_page_pdf())
    assert dialog.page_count() == 3
    assert dialog.page_label.text() == "第 1 页，共 3 页"


def test_broken_bytes_say_so(qtbot):
    dialog = PdfPreviewDialog(b"not a pdf", "坏文件")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Error)
    assert dialog.page_label.text() == "无法显示该文档。"
    assert not dialog.print_button.isEnabled()


def test_printing_paints_every_page(qtbot, tmp_path):
    dialog = preview(qtbot, three_page_pdf())
    printer = dialog._make_printer()
    assert printer.pageLayout().pageSize().id().name == "A5"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_pdf(dialog.document, printer, max_dpi=72) == 3
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == 3


def test_printing_honours_the_page_range(qtbot, tmp_path):
    dialog = preview(qtbot, three_page_pdf())
    printer = dialog._make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setFromTo(2, 3)
    assert print_pdf(dialog.document, printer, max_dpi=72) == 2


def test_save_as_writes_the_bytes(selftest_pdf, qtbot, tmp_path, monkeypatch):
    dialog = preview(qtbot, selftest_pdf)
    target = tmp_path / "副本"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    dialog.save_button.click()
    assert (tmp_path / "副本.pdf").read_bytes() == selftest_pdf
