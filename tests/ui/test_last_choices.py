"""Last-used choices live in QSettings (per PC): the login name and the save folder."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desk_app.services.desk import documents
from desk_app.ui import preferences
from desk_app.ui.shifts.login import LoginDialog
from desk_app.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.builders.staff import PASSWORD


def test_login_name_is_remembered(staffed_desk, qtbot, hub):
    dialog = LoginDialog(staffed_desk, hub)
    qtbot.addWidget(dialog)
    dialog.username.setText("chen")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert staffed_desk.operator.username == "chen"
    again = LoginDialog(staffed_desk, hub)
    qtbot.addWidget(again)
    assert again.username.text() == "chen"


def test_save_folder_is_remembered(staffed_desk, qtbot, tmp_path, monkeypatch):
    pdf = documents.print_form(
        staffed_desk, "selftest", {}, record_table=None, record_id=None
    ).value.pdf
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    offered = []

    def fake_save(parent, caption, suggested, file_filter):
        offered.append(suggested)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog = PdfPreviewDialog(pdf, "交接班记录表", None)
    qtbot.addWidget(dialog)
    dialog.save_as()
    assert target.read_bytes() == pdf
    assert preferences.last_choice(preferences.LAST_SAVE_FOLDER_KEY) == str(target.parent)
    dialog.save_as()
    assert offered[-1].startswith(str(target.parent))
