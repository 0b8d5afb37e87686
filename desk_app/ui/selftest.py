"""The UI part of ``desk-app selftest``: translations, QtPdf and the main window,
all offscreen. Raises ``DeskError`` on the first failure."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtPdf import QPdfDocument

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk

KNOWN_SOURCE = ("MainWindow", "Reception")
KNOWN_TRANSLATION = "接待登记"


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def run_ui_selftest(desk: Desk, pdf_path: Path) -> None:
    """Raise ``DeskError`` unless translations, QtPdf and the main window all work."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = None

    def quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message == OFFSCREEN_NOISE:  # the offscreen platform, not the program
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quiet)
    try:
        _run(desk, pdf_path)
    finally:
        qInstallMessageHandler(previous)


def _run(desk: Desk, pdf_path: Path) -> None:
    from desk_app.ui.app import application
    from desk_app.ui.features import FEATURES
    from desk_app.ui.main_window import MainWindow

    app = application()
    loaded = app.set_language("zh_CN")
    text = QCoreApplication.translate(*KNOWN_SOURCE)
    if text != KNOWN_TRANSLATION:
        raise DeskError(
            f"界面翻译未生效：「{KNOWN_SOURCE[1]}」译为「{text}」（已加载：{loaded}）。"
        )
    if not any(name.startswith("qtbase_") for name in loaded):
        raise DeskError("未找到 Qt 自带的中文翻译 qtbase_zh_CN.qm。")

    document = QPdfDocument()
    try:
        error = document.load(str(pdf_path))
        if error != QPdfDocument.Error.None_:
            raise DeskError(f"QtPdf 无法打开 {pdf_path}：{error.name}")
        if document.status() != QPdfDocument.Status.Ready:
            raise DeskError(f"QtPdf 未能读完 PDF（状态 {document.status().name}）。")
        if document.pageCount() < 1:
            raise DeskError("QtPdf 读到的 PDF 没有页面。")
        size = document.pagePointSize(0)
        image = document.render(0, QSize(round(size.width()), round(size.height())))
        if image.isNull() or image.width() < 10:
            raise DeskError("QtPdf 无法把第 1 页渲染成图像。")
    finally:
        document.close()
        document.deleteLater()

    if desk.operator is None or desk.shift is None:
        raise DeskError("自检需要已登录的班次。")
    window = MainWindow(desk, app.hub, remember_layout=False)
    try:
        window.show()
        app.processEvents()
        if window.tabs.count() != len(FEATURES) or window.tabs.tabText(0) != KNOWN_TRANSLATION:
            raise DeskError("主窗口的选项卡不完整。")
        if window.status_operator.text() != desk.operator.display_name:
            raise DeskError("主窗口状态栏未显示值班员。")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
