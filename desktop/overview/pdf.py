"""The overview as an A4 report: the HTML of :mod:`desktop.overview.report` laid out by Qt with
the profiles' header, footer and page numbers (:func:`desktop.printing.print_document`), and
the charts drawn into the page as vectors: each is an SVG made by matplotlib, placed in the text
as an object that :class:`SvgChartObject` paints with ``QSvgRenderer`` (text stays text).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from db.model.formats import format_count
from db.search.overview import Language, Overview
from desktop.overview.report import MARKER, REPORT_TITLE, report_html
from desktop.overview.specs import ChartSpec, all_charts
from desktop.printing.documents import new_document, print_document, save_pdf

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
SVG_PROPERTY = QTextFormat.Property.UserProperty + 1
CHART_WIDTH_INCHES = 6.5  # the body of an A4 page between the profile's margins, about


def _t(language: Language, dutch: str, english: str) -> str:
    return english if language == "en" else dutch


class SvgChartObject(QPyTextObject):
    """Draws a chart (SVG bytes in the character's format) into a text document: on a PDF
    writer Qt paints it as vectors, on a printer at the printer's resolution."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderers: dict[int, QSvgRenderer] = {}

    def _renderer(self, format: QTextFormat) -> QSvgRenderer:
        data = format.property(SVG_PROPERTY)
        key = hash(bytes(data))
        renderer = self._renderers.get(key)
        if renderer is None:
            renderer = self._renderers[key] = QSvgRenderer(QByteArray(data))
        return renderer

    def intrinsicSize(self, document: QTextDocument, _position: int, format: QTextFormat) -> QSizeF:
        size = self._renderer(format).defaultSize()
        width = document.pageSize().width()
        if size.width() <= 0:
            return QSizeF(width, 0)
        return QSizeF(width, width * size.height() / size.width())

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        _document: QTextDocument,
        _position: int,
        format: QTextFormat,
    ) -> None:
        self._renderer(format).render(painter, QRectF(rect))


def _insert_charts(document: QTextDocument, charts: dict[str, ChartSpec]) -> None:
    from desktop.overview.charts import svg  # matplotlib: only when a report is made

    handler = SvgChartObject(document)  # lives as long as the document
    document.documentLayout().registerHandler(CHART_OBJECT, handler)
    for key, spec in charts.items():
        found = document.find(MARKER.format(key))
        if found.isNull():
            continue
        chart_format = QTextCharFormat()
        chart_format.setObjectType(CHART_OBJECT)
        chart_format.setProperty(SVG_PROPERTY, QByteArray(svg(spec, CHART_WIDTH_INCHES)))
        found.insertText("\ufffc", chart_format)
    # Lay the whole document out again: Qt's drawing of the root frame skipped the paragraphs
    # after the charts (while drawing the tables) when only the changed blocks were relaid.
    document.markContentsDirty(0, document.characterCount())


def print_overview(
    device: QPagedPaintDevice,
    result: Overview,
    description: str = "",
    language: Language = "nl",
    print_date: date | None = None,
) -> int:
    """The overview on ``device`` as A4 pages with the profiles' header and footer."""
    charts = all_charts(result, language)

    def build(device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
        document = new_document(report_html(result, description, language), device, body)
        _insert_charts(document, charts)
        return document

    title = _t(language, REPORT_TITLE, "Overview of the networks")
    right = description or _t(
        language,
        f"{format_count(result.count)} netwerken",
        f"{format_count(result.count)} networks",
    )
    return print_document(device, build, title, right, print_date)


def write_overview_pdf(
    path: str | Path,
    result: Overview,
    description: str = "",
    language: Language = "nl",
    print_date: date | None = None,
) -> int:
    """The overview as a PDF file, written atomically; returns the number of pages."""
    title = _t(language, REPORT_TITLE, "Overview of the networks")
    return save_pdf(
        path,
        title,
        lambda writer: print_overview(writer, result, description, language, print_date),
    )
