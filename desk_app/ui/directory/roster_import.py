"""导入业主名册: a wizard over ``services.roster_import``.

1. Choose the .xlsx (and the sheet).
2. Map the columns: each roster field ↔ one of the file's headers, guessed from the
   headers, or as remembered (QSettings) for the same set of headers.
3. Preview: the first rows as the mapping reads them, and every row's errors with its
   Excel row number; the error list can be saved as .xlsx. With errors, nothing is
   imported unless "import only the valid rows" is ticked.
4. Import, in one transaction; the summary.

Also ``save_roster_template(parent)``: the sample roster a clerk can fill in.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk_app.core.errors import DeskError
from desk_app.services.desk import Desk
from desk_app.services.directory import roster_import
from desk_app.ui import messages, preferences
from desk_app.ui.directory.roster_models import RosterPreviewModel, RowErrorsModel, masked_cell
from desk_app.ui.error_text import error_text
from desk_app.ui.events import EventHub
from desk_app.ui.operations import perform
from desk_app.ui.widgets.files import choose_open_path, choose_save_path

MAPPING_KEY = "roster/mapping/{digest}"


PREVIEW_ROWS = 20


def _headers_digest(headers: tuple[str, ...] | list[str]) -> str:
    return hashlib.sha1("\t".join(h or "" for h in headers).encode("utf-8")).hexdigest()[:16]


def remembered_mapping(headers: tuple[str, ...]) -> dict[str, int] | None:
    value = preferences.open_settings().value(MAPPING_KEY.format(digest=_headers_digest(headers)))
    if not value:
        return None
    mapping = roster_import.mapping_from_json(str(value), headers)
    return mapping or None


def remember_mapping(headers: tuple[str, ...], mapping: dict[str, int]) -> None:
    settings = preferences.open_settings()
    settings.setValue(
        MAPPING_KEY.format(digest=_headers_digest(headers)),
        roster_import.mapping_to_json(mapping, headers),
    )
    settings.sync()


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error_label")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class RosterFilePage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setObjectName("roster_file_page")
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) with one row per unit. Use Data ▸ Save roster "
                "template… for a sample to fill in."
            )
        )
        self.path = QLineEdit(self)
        self.path.setObjectName("roster_path")
        self.browse = QPushButton(self.tr("Br&owse…"), self)
        self.browse.setObjectName("roster_browse")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("roster_sheet")
        self.sheet.setEnabled(False)
        self.sheet.activated.connect(self._sheet_chosen)
        self.info = QLabel(self)
        self.info.setObjectName("roster_file_info")
        self.info.setWordWrap(True)
        self.error = _error_label(self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        file_label = QLabel(self.tr("Fi&le:"), self)
        file_label.setBuddy(self.path)
        sheet_label = QLabel(self.tr("&Sheet:"), self)
        sheet_label.setBuddy(self.sheet)
        grid = QGridLayout()
        grid.addWidget(file_label, 0, 0)
        grid.addLayout(path_row, 0, 1)
        grid.addWidget(sheet_label, 1, 0)
        grid.addWidget(self.sheet, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path.textChanged.connect(self._path_edited)

    def _path_edited(self, _text: str) -> None:
        self.owner.sheet = None
        self.sheet.clear()
        self.sheet.setEnabled(False)
        self.info.clear()
        _show(self.error, "")
        self.completeChanged.emit()

    def choose_file(self) -> None:
        path = choose_open_path(self, self.tr("Open roster"))
        if path:
            self.path.setText(path)
            self.load()

    def _sheet_chosen(self, _index: int) -> None:
        name = self.sheet.currentText()
        if self.owner.sheet is not None and name != self.owner.sheet.sheet_name:
            self.load(name)

    def load(self, sheet: str | None = None) -> bool:
        """Read the workbook (safely, by the service); False with the reason shown."""
        text = self.path.text().strip()
        if not text:
            _show(self.error, self.tr("Choose the .xlsx file of the roster."))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            loaded = roster_import.load_roster(text, sheet=sheet)
        except DeskError as error:
            QApplication.restoreOverrideCursor()
            self.owner.sheet = None
            _show(self.error, error_text(error))
            self.completeChanged.emit()
            return False
        QApplication.restoreOverrideCursor()
        self.owner.set_sheet(loaded, text)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(loaded.sheet_names))
        self.sheet.setCurrentText(loaded.sheet_name)
        self.sheet.setEnabled(len(loaded.sheet_names) > 1)
        self.sheet.blockSignals(False)
        self.info.setText(
            self.tr("Sheet “{sheet}”: headers on row {header}, {rows} rows below them.").format(
                sheet=loaded.sheet_name, header=loaded.header_row, rows=len(loaded.rows)
            )
        )
        _show(self.error, "")
        self.completeChanged.emit()
        return True

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        if self.owner.sheet is not None and self.owner.path == self.path.text().strip():
            return True
        return self.load()


class RosterMappingPage(QWizardPage):
    """Each roster field ↔ a column of the file (a combo of its headers)."""

    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setObjectName("roster_mapping_page")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "For each field, the column of the file that holds it. The guesses come "
                "from the headers; a matching you change is remembered for files with the "
                "same headers."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        table = QWidget(self)
        table.setObjectName("mapping_table")
        grid = QGridLayout(table)
        for column, text in enumerate(
            (self.tr("Field"), self.tr("Column in the file"), self.tr("First row"))
        ):
            heading = QLabel(f"<b>{text}</b>", table)
            grid.addWidget(heading, 0, column)
        previous: QWidget | None = None
        for row, field in enumerate(roster_import.ROSTER_FIELDS, start=1):
            label = QLabel(field.label, table)
            combo = QComboBox(table)
            combo.setObjectName(f"map_{field.key}")
            combo.currentIndexChanged.connect(self._mapping_changed)
            label.setBuddy(combo)
            sample = QLabel(table)
            sample.setObjectName(f"sample_{field.key}")
            sample.setMinimumWidth(160)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[field.key] = combo
            self.samples[field.key] = sample
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(table)
        self.error = _error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        self._filling = False

    def initializePage(self) -> None:
        sheet = self.owner.sheet
        assert sheet is not None
        headers = sheet.headers
        mapping = self.owner.mapping_for(headers)
        self._filling = True
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), -1)
            for column, header in enumerate(headers):
                combo.addItem(
                    header or self.tr("column {number}").format(number=column + 1), column
                )
            combo.setCurrentIndex(combo.findData(mapping.get(key, -1)))
        self._filling = False
        self._mapping_changed()

    def mapping(self) -> dict[str, int]:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        return {key: column for key, column in chosen.items() if column is not None and column >= 0}

    def _mapping_changed(self, *_args: object) -> None:
        if self._filling or self.owner.sheet is None:
            return
        first = self.owner.sheet.rows[0].values if self.owner.sheet.rows else ()
        for key, combo in self.combos.items():
            column = combo.currentData()
            value = first[column] if column is not None and 0 <= column < len(first) else None
            self.samples[key].setText(masked_cell(key, value))
        try:
            roster_import.check_mapping(self.mapping())
        except DeskError as error:
            _show(self.error, error_text(error))
        else:
            _show(self.error, "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        try:
            roster_import.check_mapping(self.mapping())
        except DeskError:
            return False
        return True

    def validatePage(self) -> bool:
        mapping = self.mapping()
        self.owner.mapping = mapping
        assert self.owner.sheet is not None
        remember_mapping(self.owner.sheet.headers, mapping)
        return True


class RosterPreviewPage(QWizardPage):
    """The first rows, the errors with their Excel row numbers, and the import."""

    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setObjectName("roster_preview_page")
        self.setTitle(self.tr("Check before importing"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = QLabel(self)
        self.summary.setObjectName("roster_summary")
        self.summary.setWordWrap(True)
        self.preview_model = RosterPreviewModel(self)
        self.preview_view = self._view("roster_preview_view", self.preview_model)
        self.errors_model = RowErrorsModel((), self)
        self.errors_view = self._view("roster_errors_view", self.errors_model)
        self.errors_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.errors_view.horizontalHeader().setStretchLastSection(True)
        self.errors_view.verticalHeader().hide()  # the Excel row number is a column
        self.preview_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.errors_title = QLabel(self)
        self.errors_title.setObjectName("roster_errors_title")
        self.export_button = QPushButton(self.tr("&Export error list…"), self)
        self.export_button.setObjectName("export_errors")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_errors)
        self.only_valid = QCheckBox(self.tr("Import only the &valid rows"), self)
        self.only_valid.setObjectName("only_valid")
        self.only_valid.toggled.connect(self.completeChanged)
        self.error = _error_label(self)
        errors_bar = QHBoxLayout()
        errors_bar.addWidget(self.errors_title, 1)
        errors_bar.addWidget(self.export_button)
        preview_title = QLabel(self.tr("First rows as they will be read:"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(preview_title)
        layout.addWidget(self.preview_view, 2)
        layout.addLayout(errors_bar)
        layout.addWidget(self.errors_view, 2)
        layout.addWidget(self.only_valid)
        layout.addWidget(self.error)

    def _view(self, name: str, model: Any) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setTabKeyNavigation(False)
        view.setAlternatingRowColors(True)
        return view

    def initializePage(self) -> None:
        sheet, mapping = self.owner.sheet, self.owner.mapping
        assert sheet is not None
        labels = {f.key: f.label for f in roster_import.ROSTER_FIELDS}
        fields = [
            (f.key, labels[f.key], mapping[f.key])
            for f in roster_import.ROSTER_FIELDS
            if f.key in mapping
        ]
        self.preview_model.set_preview(fields, list(sheet.rows[:PREVIEW_ROWS]))
        _show(self.error, "")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check = roster_import.validate(
                self.owner.desk, sheet.rows, mapping, source=Path(self.owner.path).name
            )
        except DeskError as error:
            QApplication.restoreOverrideCursor()
            self.owner.check = None
            self.summary.setText("")
            _show(self.error, error_text(error))
            self.errors_model.set_rows([])
            self._update()
            return
        QApplication.restoreOverrideCursor()
        self.owner.check = check
        self.errors_model.set_rows(check.errors)
        valid = len(check.rows)
        lines = [
            self.tr("{total} rows: {valid} valid, {bad} with errors.").format(
                total=check.total_rows, valid=valid, bad=check.error_rows
            ),
            self.tr("Importing the valid rows would do this: {summary}").format(
                summary=check.planned.summary()
            ),
        ]
        self.summary.setText("\n".join(lines))
        if check.errors:
            self.errors_title.setText(
                self.tr(
                    "{count} errors — nothing is imported unless you tick the box below:"
                ).format(count=len(check.errors))
            )
        else:
            self.errors_title.setText(self.tr("No errors."))
        self.only_valid.setChecked(False)
        self._update()

    def _update(self) -> None:
        check = self.owner.check
        has_errors = bool(check and check.errors)
        self.errors_view.setVisible(has_errors)
        self.export_button.setVisible(has_errors)
        self.only_valid.setVisible(has_errors)
        self.only_valid.setEnabled(bool(check and check.rows))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        check = self.owner.check
        if check is None or not check.rows:
            return False
        return check.ok or self.only_valid.isChecked()

    def export_errors(self) -> None:
        check = self.owner.check
        if check is None or not check.errors:
            return
        stem = Path(self.owner.path).stem
        path = choose_save_path(
            self, self.tr("Save the error list"), self.tr("{name} errors.xlsx").format(name=stem)
        )
        if not path:
            return
        try:
            count = roster_import.write_error_list(path, check)
        except (DeskError, OSError) as error:
            text = error_text(error) if isinstance(error, DeskError) else str(error)
            messages.warning(
                self, self.tr("The error list was not saved: {error}").format(error=text)
            )
            return
        self.owner.exported_errors = path
        messages.info(
            self, self.tr("{count} errors saved to {path}").format(count=count, path=path)
        )

    def validatePage(self) -> bool:
        check = self.owner.check
        if check is None:
            return False
        _show(self.error, "")
        done = perform(
            self,
            self.owner.hub,
            lambda: roster_import.import_roster(
                self.owner.desk, check, only_valid=self.only_valid.isChecked()
            ),
        )
        if done is None:
            return False
        self.owner.imported = done.value
        return True

    def show_desk_error(self, error: DeskError) -> None:
        _show(self.error, error_text(error))


class RosterResultPage(QWizardPage):
    def __init__(self, wizard: RosterImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setObjectName("roster_result_page")
        self.setTitle(self.tr("Import finished"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("roster_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.owner.imported
        if result is None:
            return
        text = result.summary()
        if not result.changed:
            text = (
                self.tr("Nothing changed: everything in the file is already on record.")
                + "\n"
                + text
            )
        self.result_label.setText(text)


class RosterImportWizard(QWizard):
    def __init__(self, desk: Desk, hub: EventHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.hub = hub
        self.setObjectName("roster_import_wizard")
        self.setWindowTitle(self.tr("Import owner roster"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.sheet: Any = None
        self.path = ""
        self.mapping: dict[str, int] = {}
        self.check: Any = None
        self.imported: Any = None
        self.exported_errors: str | None = None
        self.file_page = RosterFilePage(self)
        self.mapping_page = RosterMappingPage(self)
        self.preview_page = RosterPreviewPage(self)
        self.result_page = RosterResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(900, 640)

    def set_sheet(self, sheet: Any, path: str) -> None:
        self.sheet = sheet
        self.path = path
        self.check = None

    def mapping_for(self, headers: tuple[str, ...]) -> dict[str, int]:
        """The remembered matching for these headers, else the service's guess."""
        return remembered_mapping(headers) or roster_import.guess_mapping(headers)


def save_roster_template(parent: QWidget) -> str | None:
    """Data ▸ Save roster template…: the sample roster (headers, two example rows)."""
    title = QCoreApplication.translate("RosterImportWizard", "Save roster template")
    name = QCoreApplication.translate("RosterImportWizard", "owner roster template.xlsx")
    path = choose_save_path(parent, title, name)
    if not path:
        return None
    try:
        roster_import.write_sample_template(path)
    except (DeskError, OSError) as error:
        text = error.message if isinstance(error, DeskError) else str(error)
        messages.warning(
            parent,
            QCoreApplication.translate(
                "RosterImportWizard", "The template was not saved: {error}"
            ).format(error=text),
        )
        return None
    messages.info(
        parent,
        QCoreApplication.translate("RosterImportWizard", "Roster template saved: {path}").format(
            path=path
        ),
    )
    return path
