"""The "Overzicht" tab: the figures of :mod:`db.search.overview` for the networks the list shows, with
charts, where every number, bar and list entry narrows the list to the networks it counts.

The overview follows the list: a search or a filter narrows it, a click on a figure narrows the
list (through the search's ids filter, shown in the filter bar with a cross to drop it) and so
the overview too. It is computed on a worker thread, only while the tab is shown (a change
while it is hidden marks it stale), and the worker also loads matplotlib the first time, so
neither the window's start nor the UI thread pays for the charts' library.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.model.errors import StoreError
from db.model.formats import format_count
from db.search.overview import Link, Overview, compute, resolve
from db.storage.listing import Listing
from desktop import dialogs
from desktop.overview.report import Sections, sections, titles
from desktop.overview.specs import ChartSpec, all_charts

if TYPE_CHECKING:
    import sqlite3
    from contextlib import AbstractContextManager

    from desktop.overview.charts import ChartCanvas
    from desktop.window.main_window import MainWindow

DEBOUNCE_MS = 150
CHART_MAX_WIDTH = 820  # logical pixels: wider bars say nothing more


# --- the work off the UI thread ---------------------------------------------------------------


class _Signals(QObject):
    finished = Signal(int, object, object, float)  # generation, Overview, ids, milliseconds
    failed = Signal(int, str, str)  # generation, Dutch, English


class OverviewRunnable(QRunnable):
    """Computes one overview on a connection of its own (and loads the charts' library)."""

    def __init__(
        self,
        generation: int,
        reading: Callable[[], AbstractContextManager[sqlite3.Connection]],
        ids: list[UUID] | None,
        language: Literal["nl", "en"],
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.reading = reading
        self.ids = ids
        self.language = language
        self.signals = signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            with self.reading() as connection:
                result = compute(connection, self.ids, language=self.language)
            elapsed = (time.perf_counter() - started) * 1000
            import desktop.overview.charts  # noqa: F401  (matplotlib, once, here: not on the UI thread)

            self.signals.finished.emit(self.generation, result, self.ids, elapsed)
        except StoreError as error:
            self.signals.failed.emit(self.generation, str(error), error.english)
        except Exception as error:  # a thread must not die silently: the window says what broke
            detail = f"{type(error).__name__}: {error}"
            self.signals.failed.emit(
                self.generation,
                f"Het overzicht kon niet berekend worden ({detail}).",
                f"The overview could not be computed ({detail}).",
            )


# --- the page ---------------------------------------------------------------------------------


class OverviewPage(QWidget):
    """What the tab shows. ``linkClicked`` carries the :class:`Link` of a clicked figure."""

    linkClicked = Signal(object)

    def __init__(self, parent: QWidget | None, language: Literal["nl", "en"] = "nl") -> None:
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.language = language
        self._links: list[Link] = []
        self.charts: dict[str, ChartCanvas] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QFrame(self)
        header.setObjectName("overviewHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 8, 10, 8)
        title_box = QVBoxLayout()
        self.title = QLabel(self.tr("Overzicht"), header)
        self.title.setObjectName("overviewTitle")
        self.scope = QLabel(header)
        self.scope.setObjectName("overviewScope")
        self.scope.setWordWrap(True)
        title_box.addWidget(self.title)
        title_box.addWidget(self.scope)
        row.addLayout(title_box, 1)
        self.print_button = self._button(header, self.tr("Afdrukken…"), "overviewPrint")
        self.pdf_button = self._button(header, self.tr("PDF…"), "overviewPdf")
        self.xlsx_button = self._button(header, self.tr("Excel…"), "overviewXlsx")
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            row.addWidget(button)
        layout.addWidget(header)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("overviewScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget(self.scroll_area)
        self.content.setObjectName("overviewContent")
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(14, 10, 14, 14)
        self.body.setSpacing(6)
        self.scroll_area.setWidget(self.content)
        layout.addWidget(self.scroll_area, 1)

        self.message = QLabel(self.tr("Overzicht berekenen…"), self.content)
        self.message.setObjectName("overviewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.message)
        self.labels: dict[str, QLabel] = {}
        self._built = False
        self.setStyleSheet(_PAGE_STYLE)

    @staticmethod
    def _button(parent: QWidget, text: str, name: str) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName(name)
        button.setText(text)
        button.setEnabled(False)
        return button

    # building -----------------------------------------------------------------------------------

    def _build(self) -> None:
        """Sections and charts, made once (the first overview): the charts' module is loaded
        by then, on the worker that computed it."""
        from desktop.overview.charts import ChartCanvas

        heads = titles(self.language)
        self.labels["headline"] = self._label("headline")
        self.body.addWidget(self.labels["headline"])
        order = [
            ("provinces", "provinces"),
            ("agreements", "agreements"),
            ("instruments", "instruments"),
            ("partners", "partners"),
            ("quality", None),
            ("coverage", None),
        ]
        for key, chart in order:
            heading = QLabel(heads[key], self.content)
            heading.setObjectName("overviewHeading")
            self.body.addWidget(heading)
            label = self._label(key)
            self.labels[key] = label
            self.body.addWidget(label)
            if chart is not None:
                canvas = ChartCanvas(ChartSpec(chart, "", ()), self.content)
                canvas.setMaximumWidth(CHART_MAX_WIDTH)
                canvas.linkClicked.connect(self.linkClicked)
                self.charts[chart] = canvas
                self.body.addWidget(canvas)
        self.body.addStretch(1)
        self._built = True

    def _label(self, key: str) -> QLabel:
        label = QLabel(self.content)
        label.setObjectName(f"overview_{key}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(self._on_link)
        return label

    # showing ------------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_overview(self, result: Overview, scope: str) -> None:
        if not self._built:
            self._build()
        self.message.hide()
        self._links = []
        self.scope.setText(scope)
        parts: Sections = sections(result, self.language, self._href)
        for key, label in self.labels.items():
            label.setText(_SCREEN_STYLE + getattr(parts, key))
        for key, spec in all_charts(result, self.language).items():
            self.charts[key].show_spec(spec)
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(True)

    def link(self, number: int) -> Link:
        return self._links[number]

    def links(self) -> list[Link]:
        return list(self._links)

    def _href(self, link: Link) -> str:
        self._links.append(link)
        return f"link:{len(self._links) - 1}"

    def _on_link(self, href: str) -> None:
        kind, _colon, number = href.partition(":")
        if kind == "link" and number.isdigit() and int(number) < len(self._links):
            self.linkClicked.emit(self._links[int(number)])


_PAGE_STYLE = """
QFrame#overviewHeader { background: #ffffff; border-bottom: 1px solid #dde3ea; }
QLabel#overviewTitle { font-size: 15pt; font-weight: 600; color: #16232e; }
QLabel#overviewScope { color: #5d6b79; }
QWidget#overviewContent { background: #ffffff; }
QLabel#overviewHeading { font-size: 12pt; font-weight: 600; color: #12365a; padding-top: 10px; }
QLabel#overviewMessage { color: #5d6b79; padding: 40px; }
"""

# Rich text in a QLabel takes a small style block: tables with thin rules, right-aligned numbers.
_SCREEN_STYLE = (
    "<style>"
    "table.overview th { background: #eef3f8; color: #12365a; }"
    "table.overview td { border-bottom: 1px solid #e3e8ee; }"
    "p.card-number { font-size: 15pt; font-weight: 700; color: #12365a; margin: 0; }"
    "span.card-of { font-size: 9pt; font-weight: 400; }"
    "p.card-label { color: #5a6b7b; margin: 0; }"
    "table.cards { background: #eef3f8; }"
    "p.names { color: #3c4d5e; }"
    "a { color: #1f6f8b; text-decoration: none; font-weight: 600; }"
    "</style>"
)


# --- tying it to the window -------------------------------------------------------------------


class OverviewController(QObject):
    """The tab in the window: recomputes when the list changes (while shown), narrows the list
    when a figure is clicked, prints and exports."""

    computed = Signal(object)  # Overview, after it is shown
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("overviewController")
        self.window = window
        self.language: Literal["nl", "en"] = "en" if window.language == "en" else "nl"
        self.page = OverviewPage(window.tabs, self.language)
        window.tabs.addTab(self.page, self.tr("Overzicht"))
        self.result: Overview | None = None
        self.base_ids: list[UUID] | None = None  # what the shown overview was computed from
        self.milliseconds = 0.0
        self._generation = 0
        self._running = False
        self._waiting = False
        self._stale = True
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)

        self.action_show = QAction(self.tr("Overzicht van de netwerken"), window)
        self.action_show.setObjectName("actionOverview")
        self.action_show.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.action_show.triggered.connect(lambda _checked=False: self.show_tab())
        window.menu_view.addAction(self.action_show)
        window.addAction(self.action_show)

        self.page.linkClicked.connect(self.open_link)
        self.page.print_button.clicked.connect(lambda _checked=False: self.print_overview())
        self.page.pdf_button.clicked.connect(lambda _checked=False: self.export_pdf())
        self.page.xlsx_button.clicked.connect(lambda _checked=False: self.export_xlsx())
        window.tabs.currentChanged.connect(lambda _index: self._refresh_if_visible())
        window.list_model.countChanged.connect(lambda _shown, _total: self.mark_stale())
        window.session.changed.connect(lambda _change: self.mark_stale())
        window.session.databaseChanged.connect(lambda _store: self.mark_stale())

    # when to compute ----------------------------------------------------------------------------

    @property
    def visible(self) -> bool:
        return self.window.tabs.currentWidget() is self.page

    def show_tab(self) -> None:
        self.window.tabs.setCurrentWidget(self.page)

    def mark_stale(self) -> None:
        self._stale = True
        if self.visible:
            self.timer.start()

    def _refresh_if_visible(self) -> None:
        if self.visible and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the overview of the list as it is now (on the worker)."""
        self.timer.stop()
        self._stale = False
        if self._running:
            self._waiting = True  # one more run when this one ends: the list changed meanwhile
            return
        self._generation += 1
        model = self.window.list_model
        ids = model.ids() if model.is_subset else None
        self._running = True
        if self.result is None:
            self.page.show_message(self.tr("Overzicht berekenen…"))
        self.pool.start(
            OverviewRunnable(self._generation, self._reading(), ids, self.language, self.signals)
        )

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    def _reading(self) -> Callable[[], AbstractContextManager[sqlite3.Connection]]:
        """A read transaction on a connection of its own: the list's plain sqlite3 reader on the
        file, or the store's (a database without a file)."""
        source = self.window.session.listing
        if isinstance(source, Listing):
            return source.reading
        return self.window.session.store.plain_reading

    def _on_finished(self, generation: int, result: Overview, ids: Any, ms: float) -> None:
        self._running = False
        if self._waiting:
            self._waiting = False
            self.refresh()
            return
        if generation != self._generation:
            return
        self.result = result
        self.base_ids = ids
        self.milliseconds = ms
        self.page.show_overview(result, self.scope_text())
        self.computed.emit(result)

    def _on_failed(self, generation: int, dutch: str, english: str) -> None:
        self._running = False
        if self._waiting:
            self._waiting = False
            self.refresh()
            return
        message = english if self.language == "en" else dutch
        self.page.show_message(message)
        self.window.statusBar().showMessage(message, 10_000)
        self.failed.emit(message)

    def scope_text(self) -> str:
        """Which networks the overview counts, in words."""
        model = self.window.list_model
        if not model.is_subset:
            return self.tr("Alle {count} netwerken van de database.").format(
                count=format_count(model.total)
            )
        text = self.tr("De {shown} van {total} netwerken in de lijst").format(
            shown=format_count(model.rowCount()), total=format_count(model.total)
        )
        chosen = self._choice_label()
        return text + (f" ({chosen})." if chosen else ".")

    def _choice_label(self) -> str:
        search = getattr(self.window, "search_controller", None)
        if search is None:
            return ""
        parts = []
        if search.field.text().strip():
            parts.append(self.tr("zoekopdracht ‘{text}’").format(text=search.field.text().strip()))
        label = search.filters.ids_label()
        if label:
            parts.append(label)
        if not search.filters.is_empty() and not label:
            parts.append(self.tr("filters"))
        return "; ".join(parts)

    # a click on a figure ------------------------------------------------------------------------

    def ids_of(self, link: Link) -> list[UUID]:
        """The networks ``link`` counts in the overview shown (one short read)."""
        with self._reading()() as connection:
            keys = resolve(
                connection, link, self.base_ids, today=self.result.today if self.result else None
            )
        return [UUID(key) for key in keys]

    def open_link(self, link: Link) -> None:
        """Narrow the list to the networks of a clicked figure."""
        try:
            ids = self.ids_of(link)
        except StoreError as error:
            dialogs.show_error(self.window, self.tr("Niet gelukt"), error.message(self.language))
            return
        search = getattr(self.window, "search_controller", None)
        label = link.describe(self.language)
        if search is not None:
            search.show_only(frozenset(ids), label)
        else:  # a window without the search bar (some tests): the list itself
            self.window.list_model.show_ids(ids)
        self.window.statusBar().showMessage(
            self.tr("{label}: {count} netwerken in de lijst").format(
                label=label, count=format_count(len(ids))
            ),
            6000,
        )

    # print and export ---------------------------------------------------------------------------

    def _description(self) -> str:
        return self.scope_text().rstrip(".")

    def print_overview(self) -> bool:
        if self.result is None:
            return False
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.overview.pdf import print_overview
        from desktop.printing.documents import setup_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_page(printer)
        dialog = QPrintDialog(printer, self.window)
        if not self._run_print_dialog(dialog):
            return False
        try:
            print_overview(printer, self.result, self._description(), self.language)
        except StoreError as error:
            dialogs.show_error(self.window, self.tr("Niet afgedrukt"), error.message(self.language))
            return False
        return True

    def export_pdf(self) -> Path | None:
        if self.result is None:
            return None
        path = self._ask_path(
            self.tr("Overzicht als PDF"), "overzicht.pdf", self.tr("PDF-bestanden (*.pdf)")
        )
        if path is None:
            return None
        from desktop.overview.pdf import write_overview_pdf

        try:
            write_overview_pdf(path, self.result, self._description(), self.language)
        except StoreError as error:
            dialogs.show_error(self.window, self.tr("Niet bewaard"), error.message(self.language))
            return None
        self.window.statusBar().showMessage(self.tr("Bewaard: {path}").format(path=path), 6000)
        return path

    def export_xlsx(self) -> Path | None:
        if self.result is None:
            return None
        path = self._ask_path(
            self.tr("Overzicht als Excel-bestand"),
            "overzicht.xlsx",
            self.tr("Excel-bestanden (*.xlsx)"),
        )
        if path is None:
            return None
        from db.exchange.overview_export import export_overview_xlsx

        try:
            export_overview_xlsx(self.result, path, self.language)
        except OSError as error:
            dialogs.show_error(
                self.window,
                self.tr("Niet bewaard"),
                self.tr("{name} kon niet geschreven worden ({reason}).").format(
                    name=path.name, reason=error.strerror or error
                ),
            )
            return None
        self.window.statusBar().showMessage(self.tr("Bewaard: {path}").format(path=path), 6000)
        return path

    # --- the questions: one small method each, replaced in tests -------------------------------

    def _ask_path(self, title: str, suggested: str, filter_text: str) -> Path | None:
        folder = self.window.session.path.parent if self.window.session.path else Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(folder / suggested), filter_text
        )
        if not name:
            return None
        path = Path(name)
        wanted = Path(suggested).suffix
        return path if path.suffix.lower() == wanted else path.with_name(path.name + wanted)

    def _run_print_dialog(self, dialog: Any) -> bool:
        return bool(dialog.exec())


def install_overview(window: MainWindow) -> OverviewController:
    """Add the "Overzicht" tab (and Beeld › Overzicht, Ctrl+Shift+O) to ``window``."""
    controller = OverviewController(window)
    window.overview_controller = controller  # type: ignore[attr-defined]
    return controller
