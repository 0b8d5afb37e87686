"""Printing a form: render it from its template and archive the PDF with its record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desk_app.core.errors import NotFoundError
from desk_app.services.desk import Desk
from desk_app.services.operations import Done, Operation
from desk_app.storage.desk import documents as documents_store


@dataclass(frozen=True)
class PrintedDocument:
    id: int
    form: str
    title: str
    pdf: bytes


def archive(
    op: Operation,
    *,
    form: str,
    title: str,
    pdf: bytes,
    record_table: str | None,
    record_id: object | None,
    copy_mark: str | None = None,
) -> int:
    """Store a rendered PDF inside the caller's operation."""
    document_id = documents_store.insert(
        op.db,
        form=form,
        title=title,
        pdf=pdf,
        record_table=record_table,
        record_id=None if record_id is None else str(record_id),
        copy_mark=copy_mark,
        created_at=op.at,
        created_by=op.operator_id,
        created_shift=op.shift_id,
    )
    op.record(
        "documents",
        document_id,
        operation="document_archived",
        form=form,
        for_table=record_table,
        for_record=None if record_id is None else str(record_id),
        copy_mark=copy_mark,
    )
    return document_id


def print_form(
    desk: Desk,
    form: str,
    data: Mapping[str, object],
    *,
    record_table: str | None,
    record_id: object | None,
    copy_mark: str | None = None,
) -> Done[PrintedDocument]:
    """Render ``form`` and archive the PDF with its record."""
    # Imported here: reportlab and the font cost ~0.1 s, not needed to start the desk.
    from desk_app.printing.render import fill_placeholders, render_form
    from desk_app.printing.templates import load_template

    title = fill_placeholders(load_template(form).title, data)
    pdf = render_form(form, data, copy_mark=copy_mark)
    with desk.operation("document_archived") as op:
        document_id = archive(
            op,
            form=form,
            title=title,
            pdf=pdf,
            record_table=record_table,
            record_id=record_id,
            copy_mark=copy_mark,
        )
    return op.done(PrintedDocument(document_id, form, title, pdf))


REPRINT_MARK = "补打"


def prints_of(
    desk: Desk, form: str, record_table: str, record_id: object
) -> list[documents_store.DocumentInfo]:
    """The archived prints of one form for one record, oldest first."""
    return [d for d in documents_for(desk, record_table, record_id) if d.form == form]


def print_marking_reprints(
    desk: Desk, form: str, data: Mapping[str, object], *, record_table: str, record_id: object
) -> Done[PrintedDocument]:
    """:func:`print_form`; a form already printed for this record is stamped 补打."""
    earlier = prints_of(desk, form, record_table, record_id)
    return print_form(
        desk,
        form,
        data,
        record_table=record_table,
        record_id=record_id,
        copy_mark=REPRINT_MARK if earlier else None,
    )


def pdf_of(desk: Desk, document_id: int) -> bytes:
    pdf = documents_store.pdf_bytes(desk.db, document_id)
    if pdf is None:
        raise NotFoundError(f"存档文件 {document_id} 不存在。")
    return pdf


def documents_for(
    desk: Desk, record_table: str, record_id: object
) -> list[documents_store.DocumentInfo]:
    return documents_store.for_record(desk.db, record_table, str(record_id))
