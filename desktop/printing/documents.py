"""Printing network profiles: A4 pages with a header and a footer, on a printer or into PDF files.

Each profile becomes a ``QTextDocument`` (:func:`desktop.printing.profile_html.profile_html`, styled by
``resources/print.css``) laid out at the device's resolution with the body's page size. Pages are
then painted one by one: the clipped region of the document plus a header (network name,
municipality) and a footer (print date, ``n / N``) drawn with ``QPainter``; ``QTextDocument.print_``
alone cannot draw those. Qt's layout never cuts a line in half across pages; a heading left alone
at the bottom of a page is moved to the next one (:func:`keep_headings_with_next`).

Batches render one profile's document at a time, so memory does not grow with their number. A
combined PDF gets a title page and a table of contents with page numbers, which needs a first
pass that only counts pages. Files are written under a temporary name and moved into place only
when complete, so a cancelled or failed batch leaves no half-written file behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from html import escape
from pathlib import Path
from typing import TypeVar, overload
from uuid import UUID

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRectF, QSaveFile, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from db.model.errors import StoreError, WriteError
from db.model.formats import format_date
from db.model.schemas import NetworkProfile
from db.storage.atomic import partial_name
from db.storage.store import Store
from db.text.file_names import file_names
from desktop.printing.profile_html import print_stylesheet, profile_html

T = TypeVar("T")

# (done, total, what is being done now) -> False to cancel.
Progress = Callable[[int, int, str], bool]

PAGE_MARGINS_MM = QMarginsF(20, 12, 20, 12)  # left, top, right, bottom: where header/footer sit
HEADER_MM = 11.0  # band inside the top margin area holding the header, above the body
FOOTER_MM = 11.0
HEADER_COLOR = QColor("#3c4d5e")
RULE_COLOR = QColor("#b8c4d0")
HEADER_POINT_SIZE = 8.0
FONT_FAMILIES = ["Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"]
COLLECTION_TITLE = "Profielen van lokale netwerken vrijetijdsparticipatie"


class PrintError(StoreError):
    """Printing or writing a PDF failed; nothing half-written was left behind."""


class PrintCancelled(Exception):
    """The user cancelled a batch; no file was written."""


@dataclass(frozen=True)
class PrintOptions:
    include_notes: bool = False
    print_date: date = field(default_factory=date.today)
    title: str = COLLECTION_TITLE  # title page of a combined PDF
    description: str = ""  # one line under it, e.g. which search selected the networks


@dataclass(frozen=True)
class ContentsEntry:
    name: str
    place: str
    first_page: int
    pages: int


class LazyProfiles(Sequence[NetworkProfile]):
    """Stored networks by id, fetched a chunk at a time: a batch of thousands keeps only one
    chunk of records in memory, and can be walked twice (counting pages, then printing)."""

    def __init__(
        self,
        store: Store,
        ids: Sequence[UUID | str],
        chunk: int = 50,
        *,
        transform: Callable[[NetworkProfile], NetworkProfile] | None = None,
    ) -> None:
        self._store = store
        self._ids = list(ids)
        self._chunk = chunk
        # Applied to each record as it is read (e.g. taking out personal data).
        self._transform = transform
        self._cached_start = -1
        self._cached: list[NetworkProfile] = []

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> NetworkProfile: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[NetworkProfile]: ...
    def __getitem__(self, index: int | slice) -> NetworkProfile | Sequence[NetworkProfile]:
        if isinstance(index, slice):
            return LazyProfiles(
                self._store, self._ids[index], self._chunk, transform=self._transform
            )
        if index < 0:
            index += len(self._ids)
        if not 0 <= index < len(self._ids):
            raise IndexError(index)
        start = index - index % self._chunk
        if start != self._cached_start:
            self._cached = self._store.get_many(self._ids[start : start + self._chunk])
            if self._transform is not None:
                self._cached = [self._transform(profile) for profile in self._cached]
            self._cached_start = start
            if len(self._cached) != len(self._ids[start : start + self._chunk]):
                raise PrintError(
                    "Een netwerk werd intussen verwijderd; probeer opnieuw.",
                    "A network was deleted in the meantime; try again.",
                )
        return self._cached[index - start]

    def __iter__(self) -> Iterator[NetworkProfile]:
        for index in range(len(self._ids)):
            yield self[index]

    def filtered(self, transform: Callable[[NetworkProfile], NetworkProfile]) -> LazyProfiles:
        """The same networks, each passed through ``transform`` as it is read."""
        return LazyProfiles(self._store, self._ids, self._chunk, transform=transform)


# --- the page ----------------------------------------------------------------------------------


def setup_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with the profile's margins (the header and footer sit inside them)."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def _mm(device: QPagedPaintDevice, millimetres: float) -> float:
    return millimetres * device.logicalDpiY() / 25.4


@dataclass(frozen=True)
class PageGeometry:
    """Where things go on a page, in the device's pixels, relative to its paintable area."""

    paint: QRectF
    body: QRectF
    header: QRectF
    footer: QRectF

    @classmethod
    def of(cls, device: QPagedPaintDevice) -> PageGeometry:
        paint = QRectF(0, 0, device.width(), device.height())
        header_height = _mm(device, HEADER_MM)
        footer_height = _mm(device, FOOTER_MM)
        # Whole device pixels: Qt lays out in 1/64 pixel steps, and a page height that is not a
        # multiple of that puts a line moved to the next page a hair above the boundary.
        body = QRectF(
            0,
            round(header_height),
            int(paint.width()),
            int(paint.height() - header_height - footer_height),
        )
        header = QRectF(paint.left(), paint.top(), paint.width(), header_height * 0.55)
        footer = QRectF(
            paint.left(), paint.bottom() - footer_height * 0.55, paint.width(), footer_height * 0.55
        )
        return cls(paint, body, header, footer)


@cache
def _font_without_ligatures() -> QFont:
    font = QFont()
    # Without ligatures a PDF reader's search and copied text find "specifieke", not "speciﬁeke".
    # Set once and copied: PySide6 6.12's QFont.setFeature drops a reference to None on each
    # call, and a few thousand calls crash the interpreter.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def print_font(point_size: float = 10.0, bold: bool = False) -> QFont:
    font = QFont(_font_without_ligatures())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class PageDecoration:
    """What the header and footer of one page say."""

    left_header: str
    right_header: str
    left_footer: str
    page: int
    page_count: int


def draw_header(painter: QPainter, geometry: PageGeometry, what: PageDecoration) -> None:
    """Name on the left, place on the right, a thin rule below. Drawn before the body, so a PDF
    reader's text (copy, search, screen reader) has the page in reading order."""
    device = painter.device()
    assert isinstance(device, QPagedPaintDevice)
    painter.save()
    bold = print_font(HEADER_POINT_SIZE, bold=True)
    plain = print_font(HEADER_POINT_SIZE)
    header = geometry.header
    bottom = Qt.AlignmentFlag.AlignBottom
    right_width = min(
        QFontMetricsF(plain, device).horizontalAdvance(what.right_header), header.width() / 2
    )
    left = QFontMetricsF(bold, device).elidedText(
        what.left_header, Qt.TextElideMode.ElideRight, header.width() - right_width - _mm(device, 6)
    )
    right = QFontMetricsF(plain, device).elidedText(
        what.right_header, Qt.TextElideMode.ElideRight, header.width() / 2
    )
    painter.setPen(HEADER_COLOR)
    painter.setFont(bold)
    painter.drawText(header, Qt.AlignmentFlag.AlignLeft | bottom, left)
    painter.setFont(plain)
    painter.drawText(header, Qt.AlignmentFlag.AlignRight | bottom, right)
    painter.setPen(_rule_pen(device))
    gap = _mm(device, 1.5)
    painter.drawLine(
        QPointF(header.left(), header.bottom() + gap),
        QPointF(header.right(), header.bottom() + gap),
    )
    painter.restore()


def draw_footer(painter: QPainter, geometry: PageGeometry, what: PageDecoration) -> None:
    """A thin rule, the print date on the left and "Pagina n / N" on the right."""
    device = painter.device()
    assert isinstance(device, QPagedPaintDevice)
    painter.save()
    footer = geometry.footer
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.setPen(_rule_pen(device))
    gap = _mm(device, 1.5)
    painter.drawLine(
        QPointF(footer.left(), footer.top() - gap), QPointF(footer.right(), footer.top() - gap)
    )
    painter.setPen(HEADER_COLOR)
    painter.setFont(print_font(HEADER_POINT_SIZE))
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | bottom, what.left_footer)
    page = f"Pagina {what.page} / {what.page_count}"
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight | bottom, page)
    painter.restore()


def _rule_pen(device: QPagedPaintDevice) -> QPen:
    rule = QPen(RULE_COLOR)
    rule.setWidthF(_mm(device, 0.2))
    return rule


# --- documents ---------------------------------------------------------------------------------


def new_document(html: str, device: QPagedPaintDevice, page_size: QSizeF) -> QTextDocument:
    """``html`` laid out for ``device`` in pages of ``page_size`` (device pixels)."""
    document = QTextDocument()
    # Measure fonts at the device's resolution, so what is laid out is exactly what prints.
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setDefaultFont(print_font())
    # Per list level, in CSS pixels (Qt scales them to the device); its default 40 is too wide.
    document.setIndentWidth(20)
    document.setPageSize(page_size)
    document.setDefaultStyleSheet(print_stylesheet())
    document.setHtml(html)
    return document


def _first_line_top(block: QTextBlock) -> float:
    layout = block.layout()
    line = layout.lineAt(0)
    return layout.position().y() + (line.y() if line.isValid() else 0.0)


def _first_line_bottom(block: QTextBlock) -> float:
    layout = block.layout()
    line = layout.lineAt(0)
    if not line.isValid():
        return layout.position().y()
    return layout.position().y() + line.y() + line.height()


def keep_headings_with_next(document: QTextDocument) -> int:
    """Move a heading (or a run of headings) to the next page when the first line after it would
    start there, so no heading stands alone at the bottom of a page. Qt's CSS has no
    ``page-break-after: avoid``; a page break before the heading does the same after a layout
    pass. Returns how many breaks were inserted."""
    page_height = document.pageSize().height()
    root = document.rootFrame()
    inserted = 0
    document.pageCount()  # the layout is lazy: this finishes it, so positions are final
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 0:
            block = block.next()
            continue
        first = block
        following = block
        while following.isValid() and following.blockFormat().headingLevel() > 0:
            following = following.next()
        if not following.isValid():
            break
        same_flow = QTextCursor(following).currentFrame() == root
        top_page = int(_first_line_top(first) // page_height)
        # The bottom pixel row of the next line decides which page it lands on.
        next_page = int((_first_line_bottom(following) - 0.5) // page_height)
        at_page_top = _first_line_top(first) - top_page * page_height < 1.0
        if same_flow and next_page > top_page and not at_page_top:
            block_format = first.blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            block_format.setTopMargin(0)  # at the top of a page, a gap above it only looks odd
            QTextCursor(first).setBlockFormat(block_format)
            document.pageCount()
            inserted += 1
        block = following
    return inserted


def _split_block(document: QTextDocument, block: QTextBlock, offset: int) -> QTextBlock:
    """Split ``block`` before the character at ``offset`` so that the second part looks like the
    continuation it is: no margin or indent between the parts, no second bullet."""
    text_list = block.textList()
    position = block.position() + offset
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    if document.characterAt(position - 1) == "\u2028":
        cursor.deletePreviousChar()  # a <br /> right before the split: the block break replaces it
    continuation = QTextBlockFormat(block.blockFormat())
    continuation.setTopMargin(0)
    continuation.setTextIndent(0)
    continuation.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
    cursor.insertBlock(continuation)
    second = cursor.block()
    first = second.previous()
    first_format = first.blockFormat()
    first_format.setBottomMargin(0)
    QTextCursor(first).setBlockFormat(first_format)
    if text_list is not None:
        # The continuation of a list item is text at the item's indent, not a new item.
        text_list.remove(second)
        indented = second.blockFormat()
        indented.setIndent(text_list.format().indent())
        QTextCursor(second).setBlockFormat(indented)
    return second


def split_blocks_at_page_breaks(document: QTextDocument) -> int:
    """Split every paragraph that runs over a page end into one block per page.

    Qt's ``QTextLayout::draw`` also draws the line just above the area it is asked to paint (an
    off-by-one in its clip test). On paper the page clip hides it, but the PDF would still hold
    the previous page's last line again at the top of the next page: a PDF reader's search and
    copied text would find it twice. A block that starts on its page has no line above it.
    Returns how many blocks were split."""
    page_height = document.pageSize().height()
    root = document.rootFrame()
    document.pageCount()  # finishes the lazy layout
    splits = 0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount() > 1 and QTextCursor(block).currentFrame() == root:
            top = layout.position().y()
            first_page = int((top + layout.lineAt(0).y() + 0.5) // page_height)
            for index in range(1, layout.lineCount()):
                line = layout.lineAt(index)
                if int((top + line.y() + 0.5) // page_height) != first_page:
                    block = _split_block(document, block, line.textStart())
                    document.pageCount()
                    splits += 1
                    break
            else:
                block = block.next()
            continue
        block = block.next()
    return splits


def profile_document(
    profile: NetworkProfile, device: QPagedPaintDevice, body: QSizeF, options: PrintOptions
) -> QTextDocument:
    document = new_document(
        profile_html(profile, include_notes=options.include_notes), device, body
    )
    keep_headings_with_next(document)
    split_blocks_at_page_breaks(document)
    return document


def _draw_document_page(
    painter: QPainter, document: QTextDocument, index: int, body: QRectF
) -> None:
    page_height = body.height()
    painter.save()
    painter.translate(body.left(), body.top() - index * page_height)
    clip = QRectF(0, index * page_height, body.width(), page_height)
    context = QAbstractTextDocumentLayout.PaintContext()
    # Qt draws every line that touches the clip, and a line starting exactly on the page
    # boundary touches both pages: hidden by the painter's clip, it would still be in the PDF's
    # text twice. A clip a hair narrower than the page keeps each line on one page only.
    context.clip = clip.adjusted(0, 0.5, 0, -0.5)
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    painter.setClipRect(clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


class _PageSink:
    """Hands out pages on a device, skipping those outside the printer's page range."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.ranges = device.pageRanges()
        self.number = 0  # the page number being produced
        self.emitted = 0

    def next_page(self) -> bool:
        """Advance to the next page number; True when it is to be drawn."""
        self.number += 1
        if not self.ranges.isEmpty() and not self.ranges.contains(self.number):
            return False
        if self.emitted and not self.device.newPage():
            raise PrintError(
                "Er kon geen nieuwe pagina begonnen worden (schijf vol of printer weg?).",
                "No new page could be started (disk full or printer gone?).",
            )
        self.emitted += 1
        return True


def _check(progress: Progress | None, done: int, total: int, label: str) -> None:
    if progress is not None and not progress(done, total, label):
        raise PrintCancelled()


def _place(profile: NetworkProfile) -> str:
    return ", ".join(profile.municipalities)


def _print_profile_pages(
    sink: _PageSink,
    document: QTextDocument,
    profile: NetworkProfile,
    geometry: PageGeometry,
    options: PrintOptions,
    first_page: int,
    page_count: int,
) -> None:
    footer = f"Afgedrukt op {format_date(options.print_date)}"
    for index in range(document.pageCount()):
        if not sink.next_page():
            continue
        decoration = PageDecoration(
            profile.name, _place(profile), footer, first_page + index, page_count
        )
        draw_header(sink.painter, geometry, decoration)
        _draw_document_page(sink.painter, document, index, geometry.body)
        draw_footer(sink.painter, geometry, decoration)


@contextmanager
def _painting(device: QPagedPaintDevice) -> Iterator[QPainter]:
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(
            "Het afdrukken kon niet beginnen: het bestand of de printer is niet beschikbaar.",
            "Printing could not start: the file or the printer is not available.",
        )
    try:
        yield painter
    finally:
        painter.end()


def print_profile(
    device: QPagedPaintDevice, profile: NetworkProfile, options: PrintOptions | None = None
) -> int:
    """One profile on ``device``, pages numbered ``1 / N``. Returns the number of pages."""
    options = options or PrintOptions()
    geometry = PageGeometry.of(device)
    document = profile_document(profile, device, geometry.body.size(), options)
    pages = document.pageCount()
    with _painting(device) as painter:
        sink = _PageSink(painter, device)
        _print_profile_pages(sink, document, profile, geometry, options, 1, pages)
    return pages


# --- a collection: title page, contents, profiles ------------------------------------------------


def title_page_html(count: int, options: PrintOptions) -> str:
    lines = [f"{count} netwerk" if count == 1 else f"{count} netwerken"]
    if options.description:
        lines.append(options.description)
    lines.append(f"Afgedrukt op {format_date(options.print_date)}")
    return (
        '<html><body><p class="cover-kicker">Netwerken</p>'
        f'<h1 class="cover">{escape(options.title)}</h1>'
        + "".join(f'<p class="cover-line">{escape(line)}</p>' for line in lines)
        + "</body></html>"
    )


def contents_html(entries: Sequence[ContentsEntry]) -> str:
    rows = "".join(
        f'<tr><td width="6%">{number}.</td><td width="52%">{escape(entry.name)}</td>'
        f'<td class="place" width="32%">{escape(entry.place)}</td>'
        f'<td class="page" width="10%">{entry.first_page}</td></tr>'
        for number, entry in enumerate(entries, start=1)
    )
    return (
        "<html><body><h1>Inhoud</h1>"
        '<table class="contents" width="100%" cellspacing="0" cellpadding="0">'
        f"{rows}</table></body></html>"
    )


def print_collection(
    device: QPagedPaintDevice,
    profiles: Sequence[NetworkProfile],
    options: PrintOptions | None = None,
    progress: Progress | None = None,
) -> list[ContentsEntry]:
    """Many profiles on ``device``: a title page, a table of contents, then each profile starting
    on a new page; pages numbered ``n / N`` over the whole document. Raises
    :class:`PrintCancelled` when ``progress`` returns False. Returns the contents."""
    options = options or PrintOptions()
    geometry = PageGeometry.of(device)
    body = geometry.body.size()
    total = 2 * len(profiles)

    # Pass 1: how many pages each profile takes (one document alive at a time).
    counted: list[ContentsEntry] = []
    for index, profile in enumerate(profiles):
        _check(progress, index, total, profile.name)
        pages = profile_document(profile, device, body, options).pageCount()
        counted.append(ContentsEntry(profile.name, _place(profile), 0, pages))

    def contents(first: int) -> list[ContentsEntry]:
        entries = []
        for entry in counted:
            entries.append(ContentsEntry(entry.name, entry.place, first, entry.pages))
            first += entry.pages
        return entries

    # The contents' own length does not depend on the numbers in it (a fixed-width column).
    draft = new_document(contents_html(contents(0)), device, body)
    contents_pages = draft.pageCount()
    entries = contents(2 + contents_pages)
    contents_document = new_document(contents_html(entries), device, body)
    page_count = 1 + contents_document.pageCount() + sum(entry.pages for entry in counted)
    footer = f"Afgedrukt op {format_date(options.print_date)}"

    with _painting(device) as painter:
        sink = _PageSink(painter, device)
        if sink.next_page():
            cover = new_document(title_page_html(len(profiles), options), device, body)
            # Qt ignores a top margin on a document's first block; the frame's margin works.
            # It is in CSS pixels (1/96 inch), which Qt scales to the device.
            frame_format = cover.rootFrame().frameFormat()
            frame_format.setTopMargin(0.28 * body.height() * 96 / device.logicalDpiY())
            cover.rootFrame().setFrameFormat(frame_format)
            _draw_document_page(painter, cover, 0, geometry.body)
        for index in range(contents_document.pageCount()):
            if sink.next_page():
                decoration = PageDecoration(
                    options.title, "Inhoud", footer, sink.number, page_count
                )
                draw_header(painter, geometry, decoration)
                _draw_document_page(painter, contents_document, index, geometry.body)
                draw_footer(painter, geometry, decoration)
        del contents_document, draft

        # Pass 2: lay out again and print, one profile at a time.
        for index, (profile, entry) in enumerate(zip(profiles, entries, strict=True)):
            _check(progress, len(profiles) + index, total, profile.name)
            document = profile_document(profile, device, body, options)
            if document.pageCount() != entry.pages:  # pragma: no cover - same input, same layout
                raise PrintError(
                    f"De opmaak van {profile.name} veranderde tijdens het afdrukken.",
                    f"The layout of {profile.name} changed while printing.",
                )
            _print_profile_pages(
                sink, document, profile, geometry, options, entry.first_page, page_count
            )
        _check(progress, total, total, "")
    return entries


# --- PDF files -----------------------------------------------------------------------------------


def pdf_writer(device: QIODevice | str, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setTitle(title)
    writer.setCreator("Netwerken")
    setup_page(writer)
    return writer


def _write_error(path: Path, detail: str) -> PrintError:
    return PrintError(
        f"{path.name} kon niet geschreven worden ({detail}). Er werd geen bestand achtergelaten.",
        f"{path.name} could not be written ({detail}). No file was left behind.",
    )


def write_pdf(
    path: str | Path,
    profiles: Sequence[NetworkProfile],
    options: PrintOptions | None = None,
    progress: Progress | None = None,
    *,
    protected: Path | None = None,
) -> list[ContentsEntry]:
    """One PDF file: a single profile as it is, or several with a title page and contents.
    Written under a temporary name (``QSaveFile``) and moved into place only when complete.

    ``protected`` is the open database: the PDF never overwrites it, its companion files or
    a backup (:func:`db.storage.atomic.refuse_protected_target`). A symbolic link at ``path`` is
    replaced by the PDF, never written through (QSaveFile would write to the link's target)."""
    from db.storage.atomic import refuse_protected_target

    path = Path(path)
    refuse_protected_target(path, protected)
    if not profiles:
        raise PrintError(
            "Er zijn geen netwerken om af te drukken.", "There are no networks to print."
        )
    options = options or PrintOptions()
    title = profiles[0].name if len(profiles) == 1 else options.title

    def paint(writer: QPdfWriter) -> list[ContentsEntry]:
        if len(profiles) == 1:
            _check(progress, 0, 1, profiles[0].name)
            pages = print_profile(writer, profiles[0], options)
            _check(progress, 1, 1, "")
            return [ContentsEntry(profiles[0].name, _place(profiles[0]), 1, pages)]
        return print_collection(writer, profiles, options, progress)

    return save_pdf(path, title, paint)


def save_pdf(path: str | Path, title: str, paint: Callable[[QPdfWriter], T]) -> T:
    """Run ``paint`` on an A4 PDF writer for ``path`` and keep the file only if all went well:
    written under a temporary name (``QSaveFile``), moved into place when complete. A symbolic
    link at ``path`` is replaced, never written through."""
    from db.storage.atomic import partial_name

    path = Path(path)
    if not path.parent.is_dir():
        raise PrintError(
            f"De map {path.parent} bestaat niet: {path.name} werd niet geschreven.",
            f"The folder {path.parent} does not exist: {path.name} was not written.",
        )
    through_link = path.is_symlink()
    written = partial_name(path) if through_link else path
    save = QSaveFile(str(written))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise _write_error(path, save.errorString())
    committed = False
    try:
        writer = pdf_writer(save, title)
        result = paint(writer)
        del writer
        if save.error() != QSaveFile.FileError.NoError:
            raise _write_error(path, save.errorString())
        committed = save.commit()
        if not committed:
            raise _write_error(path, save.errorString())
        if through_link:
            try:
                os.replace(written, path)  # the link itself gives way to the new file
            except OSError as error:
                written.unlink(missing_ok=True)
                raise _write_error(path, error.strerror or str(error)) from error
        return result
    finally:
        if not committed:
            save.cancelWriting()
            save.commit()  # after cancelWriting this only removes the temporary file


def print_document(
    device: QPagedPaintDevice,
    build: Callable[[QPagedPaintDevice, QSizeF], QTextDocument],
    left_header: str,
    right_header: str,
    print_date: date | None = None,
) -> int:
    """A document of our own (an overview, a report) with the profiles' header, footer and
    page numbers. ``build`` lays the document out for the device and the body's size (it may
    hold objects drawn by handlers it registers). Returns the number of pages."""
    geometry = PageGeometry.of(device)
    document = build(device, geometry.body.size())
    keep_headings_with_next(document)
    split_blocks_at_page_breaks(document)
    footer = f"Afgedrukt op {format_date(print_date or date.today())}"
    pages = document.pageCount()
    with _painting(device) as painter:
        sink = _PageSink(painter, device)
        for index in range(pages):
            if not sink.next_page():
                continue
            decoration = PageDecoration(left_header, right_header, footer, index + 1, pages)
            draw_header(painter, geometry, decoration)
            _draw_document_page(painter, document, index, geometry.body)
            draw_footer(painter, geometry, decoration)
    return pages


def pdf_file_names(
    profiles: Sequence[NetworkProfile], folder: Path | None = None
) -> list[str]:
    """One PDF name per profile from its lead municipality (db.text.file_names: one rule for all),
    short enough for ``folder``'s path on Windows."""
    return file_names(profiles, ".pdf", folder)


def existing_files(folder: str | Path, profiles: Sequence[NetworkProfile]) -> list[Path]:
    """The files a folder export would overwrite."""
    folder = Path(folder)
    return [folder / name for name in pdf_file_names(profiles, folder) if (folder / name).exists()]


def write_pdf_folder(
    folder: str | Path,
    profiles: Sequence[NetworkProfile],
    options: PrintOptions | None = None,
    progress: Progress | None = None,
    *,
    protected: Path | None = None,
) -> list[Path]:
    """One PDF per network into ``folder``. All files are written under temporary names first and
    moved into place together at the end: a cancelled or failed batch leaves nothing behind."""
    folder = Path(folder)
    options = options or PrintOptions()
    if not folder.is_dir():
        raise PrintError(f"De map {folder} bestaat niet.", f"The folder {folder} does not exist.")
    try:
        targets = [folder / name for name in pdf_file_names(profiles, folder)]
    except WriteError as error:
        raise PrintError(str(error), error.english) from error
    from db.storage.atomic import refuse_protected_target

    for target in targets:
        refuse_protected_target(target, protected)
    staged: list[Path] = []
    try:
        for index, (profile, target) in enumerate(zip(profiles, targets, strict=True)):
            _check(progress, index, len(profiles), profile.name)
            # Made with the mode of any new file (the umask), not mkstemp's 0600: these are
            # documents to share, like every other export.
            temporary = partial_name(target)
            try:
                with open(temporary, "xb"):
                    pass
            except OSError as error:
                raise _write_error(target, error.strerror or str(error)) from error
            staged.append(temporary)
            writer = pdf_writer(str(temporary), profile.name)
            print_profile(writer, profile, options)
            del writer
            if temporary.stat().st_size == 0:
                raise _write_error(target, "leeg bestand")
        _check(progress, len(profiles), len(profiles), "")
        for temporary_path, target in zip(staged, targets, strict=True):
            os.replace(temporary_path, target)
        staged.clear()
        return targets
    except OSError as error:
        raise _write_error(folder, error.strerror or str(error)) from error
    finally:
        for leftover in staged:
            with suppress(OSError):
                leftover.unlink()
