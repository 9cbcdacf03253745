"""The right-of-access document (:mod:`db.privacy.person_export`) as a readable PDF: the same
pages, header and footer as a printed profile, every text escaped (it comes from records)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from db.model.formats import format_datetime
from db.model.personal_data import PLACE_LABELS
from db.privacy.person_export import PersonDocument
from desktop.printing.documents import (
    PageDecoration,
    PageGeometry,
    PrintError,
    _draw_document_page,
    _PageSink,
    _painting,
    draw_footer,
    draw_header,
    new_document,
    pdf_writer,
)

TITLE = "Inzage persoonsgegevens"


def person_html(document: PersonDocument) -> str:
    person = document.person
    facts = [
        ("Namen", ", ".join(person.names)),
        ("E-mailadressen", ", ".join(person.emails)),
        ("Telefoonnummers", ", ".join(person.phones)),
        ("Organisaties", ", ".join(person.organisations)),
        ("Rollen", ", ".join(person.roles)),
    ]
    parts = [
        f"<h1>{TITLE}</h1>",
        f"<p>Opgemaakt op {escape(format_datetime(document.made_at))} met Netwerken. Dit "
        "overzicht toont alles wat de database over deze persoon bewaart.</p>",
        "<h2>Wie</h2><table>",
        *(
            f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{escape(value) or '—'}</td></tr>"
            for label, value in facts
        ),
        "</table>",
        "<h2>Contactpersoon van</h2><ul>",
        *(
            f"<li>{escape(a.network_name)}: {escape(a.name or a.email)}"
            f"{', ' + escape(a.role) if a.role else ''}"
            f"{', ' + escape(a.organisation) if a.organisation else ''}"
            f"{', ' + escape(a.email) if a.email else ''}"
            f"{', ' + escape(a.phone) if a.phone else ''}</li>"
            for a in person.appearances
        ),
        "</ul>",
        "<h2>Vermeldingen in teksten</h2>",
    ]
    if not document.passages:
        parts.append("<p>Geen.</p>")
    else:
        parts.append("<ul>")
        for passage in document.passages:
            where = PLACE_LABELS[passage.place][0]
            version = f", versie {passage.version}" if passage.version is not None else ""
            parts.append(
                f"<li><b>{escape(passage.network)}</b> ({where}{version}): "
                f"{escape(passage.text)}</li>"
            )
        parts.append("</ul>")
    parts.append("<h2>Back-ups</h2>")
    if document.backups:
        parts.append("<ul>")
        parts += [
            f"<li>{escape(name)} ({escape(made_at)}): {hits} vermelding(en)</li>"
            for name, made_at, hits in document.backups
        ]
        parts.append("</ul>")
    else:
        parts.append("<p>Geen back-up bevat deze persoon.</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def write_person_pdf(path: str | Path, document: PersonDocument) -> int:
    """Write the document as a PDF (atomically, like every printed file); returns its pages."""
    path = Path(path)
    save = QSaveFile(str(path))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PrintError(
            f"{path.name} kon niet geschreven worden ({save.errorString()}).",
            f"{path.name} could not be written ({save.errorString()}).",
        )
    try:
        writer = pdf_writer(save, TITLE)
        geometry = PageGeometry.of(writer)
        text = new_document(person_html(document), writer, geometry.body.size())
        pages = text.pageCount()
        footer = f"Opgemaakt op {format_datetime(document.made_at)}"
        with _painting(writer) as painter:
            sink = _PageSink(painter, writer)
            for index in range(pages):
                sink.next_page()
                decoration = PageDecoration(
                    TITLE, document.person.display_name, footer, index + 1, pages
                )
                draw_header(painter, geometry, decoration)
                _draw_document_page(painter, text, index, geometry.body)
                draw_footer(painter, geometry, decoration)
        del writer
        if not save.commit():
            raise PrintError(
                f"{path.name} kon niet geschreven worden ({save.errorString()}).",
                f"{path.name} could not be written ({save.errorString()}).",
            )
    finally:
        if save.isOpen():
            save.cancelWriting()
    return pages
