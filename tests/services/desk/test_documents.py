"""Printing a form archives its PDF with the record, append-only."""

from __future__ import annotations

import sqlite3

import pytest

from desk_app.core.errors import ValidationError
from desk_app.services.desk import documents
from desk_app.storage import audit


def test_print_form_archives_the_pdf_with_its_record(staffed_desk):
    printed = documents.print_form(
        staffed_desk,
        "selftest",
        {"estate_name": "翠湖花园", "body": "样张", "amount_fen": 1050},
        record_table="selftest",
        record_id=42,
        copy_mark="补打",
    ).value
    assert printed.pdf.startswith(b"%PDF")
    assert documents.pdf_of(staffed_desk, printed.id) == printed.pdf
    [info] = documents.documents_for(staffed_desk, "selftest", 42)
    assert info.copy_mark == "补打" and info.created_shift == staffed_desk.shift.id
    [entry] = audit.entries_for_record(staffed_desk.db, "documents", str(printed.id))
    assert entry.detail["for_record"] == "42"


def test_archived_pdfs_cannot_be_changed(staffed_desk):
    printed = documents.print_form(
        staffed_desk, "selftest", {}, record_table=None, record_id=None
    ).value
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        staffed_desk.db.execute("UPDATE documents SET pdf = x'00' WHERE id = ?", [printed.id])


def test_unknown_form_is_a_clear_error(staffed_desk):
    with pytest.raises(ValidationError, match="未知的表单"):
        documents.print_form(staffed_desk, "no_such_form", {}, record_table=None, record_id=None)
