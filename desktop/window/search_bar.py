"""Searching from the window: a search field in the toolbar, a filter bar, and the worker that
runs the queries off the UI thread.

Typing waits :data:`DEBOUNCE_MS` after the last key, then asks a worker thread for the result
(:func:`db.search.query.search_ids` for every ranked id, :func:`db.search.query.describe_hits` for the field
and snippet of the first page). The worker opens its own connection through the store; the UI
thread never waits on a query. At most one query runs at a time and only the newest waiting one
is kept, and a result that arrives after a newer request was made is thrown away, so fast typing
never shows an old answer.

The result replaces the list (``NetworkListModel.show_ids``), ranked, with a "Gevonden in" column
drawn with the matched words in bold; the status bar counts the hits; an empty result shows a
sentence with a hint over the list. Escape clears the search (and, once empty, the filters).
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import StoreError
from db.model.formats import parse_euro
from db.model.reference import municipality_names
from db.model.vocabulary import MAX_YEAR, MIN_YEAR, Province
from desktop.icons import icon

if TYPE_CHECKING:
    from db.search.query import SearchQuery
    from db.search.results import SearchHit
    from db.storage.store import Store
    from desktop.window.main_window import MainWindow

DEBOUNCE_MS = 150
DETAIL_PAGE = 200  # rows whose field and snippet come with the result; more follow on scrolling
HIT_COLUMN_WIDTH = 320
KNOWN_INSTRUMENTS = ("UiTPAS", "Kansenpas", "OK-pas", "Rap op Stap", "Paspartoe", "Vrijetijdspas")


# --- the work done off the UI thread ---------------------------------------------------------
# db.search.query (SQLAlchemy, pydantic) is loaded by the first search, not at the window's start-up.


def search_ids(store: Store, query: SearchQuery) -> list[UUID]:
    from db.search.results import search_ids as ranked_ids

    return ranked_ids(store, query)


def describe_hits(store: Store, query: SearchQuery, ids: list[UUID]) -> list[SearchHit]:
    from db.search.results import describe_hits as described

    return described(store, query, ids)


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    ids: list[UUID]
    hits: list[SearchHit]  # field and snippet for the first rows (none without text)
    milliseconds: float


@dataclass(frozen=True)
class _Job:
    generation: int
    store: Store
    query: SearchQuery
    describe: list[UUID] | None = None  # only describe these ids (rows scrolled into view)


class _Signals(QObject):
    finished = Signal(int, object)  # generation, SearchResult
    described = Signal(int, object)  # generation, list[SearchHit]
    failed = Signal(int, str, str)  # generation, Dutch, English


class SearchRunnable(QRunnable):
    """One query in a pool thread. It only reads through the store, on a connection of its own
    (the store opens one per call), and reports back by queued signal."""

    def __init__(self, job: _Job, signals: _Signals) -> None:
        super().__init__()
        self.job = job
        self.signals = signals

    def run(self) -> None:
        job = self.job
        started = time.perf_counter()
        try:
            if job.describe is not None:
                hits = describe_hits(job.store, job.query, job.describe)
                self.signals.described.emit(job.generation, hits)
                return
            ids = search_ids(job.store, job.query)
            hits = []
            if job.query.text.strip():
                hits = describe_hits(job.store, job.query, ids[:DETAIL_PAGE])
            elapsed = (time.perf_counter() - started) * 1000
            self.signals.finished.emit(job.generation, SearchResult(job.query, ids, hits, elapsed))
        except StoreError as error:
            self.signals.failed.emit(job.generation, str(error), error.english)
        except Exception as error:  # a thread must not die silently: the window says what broke
            detail = f"{type(error).__name__}: {error}"
            self.signals.failed.emit(
                job.generation, f"Zoeken mislukt ({detail}).", f"Search failed ({detail})."
            )


# --- the widgets ------------------------------------------------------------------------------


class SearchField(QLineEdit):
    """The search box: asks for a search :data:`DEBOUNCE_MS` after the last change (at once on
    Enter); Escape clears it, or says it is empty already (``escapedEmpty``)."""

    searchRequested = Signal()
    escapedEmpty = Signal()
    downPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setPlaceholderText(self.tr("Zoeken… (Ctrl+F)"))
        self.setToolTip(
            self.tr(
                "Zoek in alle velden. Alle woorden moeten voorkomen (ook als begin van een "
                'woord); "…" zoekt een woordgroep, OF geeft alternatieven, -woord sluit uit.'
            )
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(220)
        self.setMaximumWidth(420)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.searchRequested)
        self.textChanged.connect(lambda _text: self.debounce.start())
        self.returnPressed.connect(self._now)

    def _now(self) -> None:
        self.debounce.stop()
        self.searchRequested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
                self._now()
            else:
                self.escapedEmpty.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FilterPanel(QWidget):
    """The structured filters in one row: province, municipality, year, trekkingsrecht between two
    amounts, partner, instrument. ``filtersChanged`` after every change."""

    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)

        self.province = QComboBox(self)
        self.province.setObjectName("filterProvince")
        self.province.addItem(self.tr("Alle provincies"), None)
        for province in Province:
            self.province.addItem(province.value, province.value)
        self.province.currentIndexChanged.connect(lambda _i: self.filtersChanged.emit())

        self.municipality = self._line("filterMunicipality", self.tr("Gemeente"), 130)
        completer = QCompleter(municipality_names(), self.municipality)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.municipality.setCompleter(completer)

        self.year = QSpinBox(self)
        self.year.setObjectName("filterYear")
        self.year.setRange(MIN_YEAR - 1, MAX_YEAR)
        self.year.setSpecialValueText(self.tr("Elk jaar"))
        self.year.setValue(MIN_YEAR - 1)
        self.year.setToolTip(self.tr("Alleen netwerken met een afsprakennota die dit jaar loopt"))
        self.year.setAccelerated(True)
        self.year.valueChanged.connect(lambda _v: self.filtersChanged.emit())

        self.min_eur = self._line("filterMinEur", self.tr("Min. €"), 80)
        self.max_eur = self._line("filterMaxEur", self.tr("Max. €"), 80)
        for amount in (self.min_eur, self.max_eur):
            amount.setToolTip(self.tr("Trekkingsrecht in euro, bv. 6.613 of 6613,50"))
        self.partner = self._line("filterPartner", self.tr("Partner"), 120)
        self.partner.setToolTip(self.tr("Met een partner waarin deze woorden voorkomen"))

        self.instrument = QComboBox(self)
        self.instrument.setObjectName("filterInstrument")
        self.instrument.setEditable(True)
        self.instrument.addItem("")
        self.instrument.addItems(list(KNOWN_INSTRUMENTS))
        self.instrument.setMinimumWidth(120)
        line = self.instrument.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Instrument"))
        line.textChanged.connect(lambda _t: self.filtersChanged.emit())

        self.to_check = QCheckBox(self.tr("Te controleren"), self)
        self.to_check.setObjectName("filterToCheck")
        self.to_check.setIcon(icon("to-check"))
        self.to_check.setToolTip(
            self.tr(
                "Alleen netwerken met waarschuwingen van het inlezen die nog niet gecontroleerd zijn"
            )
        )
        self.to_check.toggled.connect(lambda _on: self.filtersChanged.emit())

        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setText(self.tr("Filters wissen"))
        self.clear_button.clicked.connect(self.clear)

        # A choice of networks made elsewhere (a figure of the overview): shown, with a cross
        # to drop it, as long as it narrows the list.
        self._ids: frozenset[UUID] | None = None
        self._ids_label = ""
        self.ids_button = QToolButton(self)
        self.ids_button.setObjectName("filterIds")
        self.ids_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ids_button.setStyleSheet(
            "QToolButton { background: #dce8f5; border: 1px solid #8fb0d4; border-radius: 9px;"
            " padding: 1px 8px; }"
        )
        self.ids_button.clicked.connect(self.clear_ids)
        self.ids_button.hide()

        for widget in (
            QLabel(self.tr("Filters:"), self),
            self.ids_button,
            self.province,
            self.municipality,
            QLabel(self.tr("Jaar"), self),
            self.year,
            QLabel(self.tr("Trekkingsrecht"), self),
            self.min_eur,
            QLabel("–", self),
            self.max_eur,
            self.partner,
            self.instrument,
            self.to_check,
            self.clear_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _line(self, name: str, placeholder: str, width: int) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.setClearButtonEnabled(True)
        line.setMaxLength(300)
        line.setMinimumWidth(width)
        line.textChanged.connect(lambda _t: self._on_text_changed(line))
        return line

    def _on_text_changed(self, line: QLineEdit) -> None:
        if line in (self.min_eur, self.max_eur):
            self._mark_amount(line)
        self.filtersChanged.emit()

    def _mark_amount(self, line: QLineEdit) -> None:
        wrong = self._amount(line) is None and bool(line.text().strip())
        line.setProperty("invalid", wrong)
        line.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }" if wrong else "")
        line.setToolTip(
            self.tr("Geen bedrag: gebruik cijfers, bv. 6.613 of 6613,50")
            if wrong
            else self.tr("Trekkingsrecht in euro, bv. 6.613 of 6613,50")
        )

    @staticmethod
    def _amount(line: QLineEdit) -> Decimal | None:
        from pydantic_core import PydanticCustomError

        try:
            return parse_euro(line.text())
        except PydanticCustomError:
            return None

    def set_ids(self, ids: frozenset[UUID], label: str) -> None:
        """Keep only these networks (with the other filters); ``label`` says which they are."""
        self._ids = ids
        self._ids_label = label
        self.ids_button.setText(self.tr("{label} ({count}) ✕").format(label=label, count=len(ids)))
        self.ids_button.setToolTip(
            self.tr("Alleen deze netwerken uit het overzicht. Klik om die keuze te wissen.")
        )
        self.ids_button.show()
        self.filtersChanged.emit()

    def ids(self) -> frozenset[UUID] | None:
        return self._ids

    def ids_label(self) -> str:
        return self._ids_label if self._ids is not None else ""

    def clear_ids(self) -> None:
        if self._ids is None:
            return
        self._ids = None
        self.ids_button.hide()
        self.filtersChanged.emit()

    def values(self) -> dict[str, Any]:
        """The filters for :class:`SearchQuery`; an amount that is no amount is left out (and
        marked red beside its field)."""
        year = self.year.value()
        return {
            "ids": self._ids,
            "province": self.province.currentData(),
            "municipality": self.municipality.text(),
            "year": None if year < MIN_YEAR else year,
            "min_eur": self._amount(self.min_eur),
            "max_eur": self._amount(self.max_eur),
            "partner": self.partner.text(),
            "instrument": self.instrument.currentText(),
            "to_check": self.to_check.isChecked(),
        }

    def is_empty(self) -> bool:
        return all(value in (None, "", False) for value in self.values().values()) and not any(
            line.text().strip() for line in (self.min_eur, self.max_eur)
        )

    def clear(self) -> None:
        """Every filter back to "all", with one ``filtersChanged`` at the end."""
        self.blockSignals(True)
        try:
            self.province.setCurrentIndex(0)
            for line in (self.municipality, self.min_eur, self.max_eur, self.partner):
                line.clear()
            self.year.setValue(MIN_YEAR - 1)
            self.instrument.setCurrentIndex(0)
            self.instrument.setEditText("")
            self.to_check.setChecked(False)
            self._ids = None
            self.ids_button.hide()
        finally:
            self.blockSignals(False)
        self.filtersChanged.emit()


class SnippetDelegate(QStyledItemDelegate):
    """Draws the "Gevonden in" cell: the field's name in grey, then the snippet with the matched
    words in bold (as rich text; the text itself is escaped by :func:`db.search.query.snippet_html`)."""

    def __init__(self, html_for: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._html_for = html_for  # (index) -> str | None

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = self._html_for(index)
        if html is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(html)
        rect = QRect(option.rect).adjusted(4, 0, -4, 0)
        painter.save()
        painter.setClipRect(rect)
        offset = max(0, (rect.height() - int(document.size().height())) // 2)
        painter.translate(rect.left(), rect.top() + offset)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                context.palette.ColorRole.Text,
                option.palette.color(option.palette.ColorRole.HighlightedText),
            )
        document.documentLayout().draw(painter, context)
        painter.restore()


# --- tying it to the window -------------------------------------------------------------------


@dataclass
class _State:
    generation: int = 0
    running: bool = False
    waiting: _Job | None = None  # the newest search asked for while another ran
    waiting_rows: _Job | None = None  # snippets for rows scrolled into view
    query: SearchQuery | None = None  # the search shown now (None: the full list)
    hits: dict[UUID, SearchHit] = field(default_factory=dict)
    described: set[UUID] = field(default_factory=set)


class SearchController(QObject):
    """Runs searches for the window and shows their results in its list."""

    searchFinished = Signal(object)  # SearchResult, after it is shown
    searchFailed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchController")
        self.window = window
        self.state = _State()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.finished.connect(self._on_finished)
        self.signals.described.connect(self._on_described)
        self.signals.failed.connect(self._on_failed)

        self.field = SearchField(window)
        self.filters = FilterPanel(window)
        self.filter_bar = QToolBar(self.tr("Filters"), window)
        self.filter_bar.setObjectName("filterToolbar")
        self.filter_bar.setMovable(False)
        self.filter_bar.addWidget(self.filters)
        self.filter_bar.setVisible(False)

        toolbar = window.toolbar
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.field)
        self.action_filters = self.filter_bar.toggleViewAction()
        self.action_filters.setText(self.tr("Filters"))
        self.action_filters.setToolTip(self.tr("Filters tonen of verbergen"))
        toolbar.addAction(self.action_filters)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.filter_bar)
        window.enable_action(window.action_find, self.focus_field)

        self.nothing_found = QLabel(window.list_view.viewport())
        self.nothing_found.setObjectName("nothingFound")
        self.nothing_found.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_found.setWordWrap(True)
        self.nothing_found.setTextFormat(Qt.TextFormat.RichText)
        self.nothing_found.setMargin(16)
        self.nothing_found.hide()
        window.list_view.viewport().installEventFilter(self)

        self.delegate = SnippetDelegate(self._snippet_html, window.list_view)
        from desktop.window.network_list import Column

        window.list_view.setItemDelegateForColumn(Column.HIT, self.delegate)

        self.details_timer = QTimer(self)
        self.details_timer.setSingleShot(True)
        self.details_timer.setInterval(80)
        self.details_timer.timeout.connect(self._describe_visible)
        window.list_view.verticalScrollBar().valueChanged.connect(
            lambda _v: self.details_timer.start()
        )

        self.field.searchRequested.connect(self.run)
        self.field.escapedEmpty.connect(self._escape_on_empty)
        self.field.downPressed.connect(self._to_list)
        self.filters.filtersChanged.connect(self.field.debounce.start)
        window.session.databaseChanged.connect(self._on_database_changed)
        window.session.changed.connect(self._on_changed)

    # what the user does -------------------------------------------------------------------------

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def query(self) -> SearchQuery | None:
        """What the field and the filters ask for now; None when they ask for nothing."""
        from pydantic import ValidationError

        from db.search.query import SearchQuery

        try:
            query = SearchQuery(text=self.field.text(), **self.filters.values())
        except ValidationError:
            return None  # cannot happen with the panel's values; refuse rather than guess
        return None if query.is_empty else query

    def run(self) -> None:
        """Search for what the field and filters hold now (the list shows everything if nothing)."""
        self.field.debounce.stop()
        state = self.state
        state.generation += 1
        query = self.query()
        if query is None:
            state.waiting = state.waiting_rows = None
            self._show_everything()
            return
        self._submit(_Job(state.generation, self.window.session.store, query))

    def clear(self) -> None:
        self.field.clear()
        self.filters.clear()
        self.run()

    def show_only(self, ids: frozenset[UUID], label: str) -> None:
        """Narrow the list to ``ids`` at once (a figure of the overview was clicked); the filter
        bar shows the choice with a cross to drop it."""
        self.filter_bar.setVisible(True)
        self.filters.set_ids(ids, label)
        self.run()

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until no query runs (for tests and for closing)."""
        return self.pool.waitForDone(timeout_ms)

    @property
    def active(self) -> bool:
        return self.state.query is not None

    def hit(self, network_id: UUID) -> SearchHit | None:
        return self.state.hits.get(network_id)

    # running ------------------------------------------------------------------------------------

    def _submit(self, job: _Job) -> None:
        state = self.state
        if state.running:
            # Only the newest request of each kind waits; older ones are simply dropped.
            if job.describe is None:
                state.waiting = job
            else:
                state.waiting_rows = job
            return
        state.running = True
        self.pool.start(SearchRunnable(job, self.signals))

    def _next(self) -> None:
        state = self.state
        state.running = False
        if state.waiting is not None:
            job, state.waiting = state.waiting, None
            self._submit(job)
        elif state.waiting_rows is not None:
            job, state.waiting_rows = state.waiting_rows, None
            if job.generation == state.generation:
                self._submit(job)

    def _on_finished(self, generation: int, result: SearchResult) -> None:
        self._next()
        if generation != self.state.generation:
            return  # typed on since: a newer result is coming
        self._show(result)

    def _on_described(self, generation: int, hits: list[SearchHit]) -> None:
        self._next()
        if generation != self.state.generation or self.state.query is None:
            return
        for hit in hits:
            self.state.hits[hit.id] = hit
        self._push_details()

    def _on_failed(self, generation: int, dutch: str, english: str) -> None:
        self._next()
        if generation != self.state.generation:
            return
        message = english if self.window.language == "en" else dutch
        self.window.statusBar().showMessage(message, 10_000)
        self.searchFailed.emit(message)

    # showing ------------------------------------------------------------------------------------

    def _show(self, result: SearchResult) -> None:
        state = self.state
        state.query = result.query
        state.hits = {hit.id: hit for hit in result.hits}
        state.described = set(result.ids[:DETAIL_PAGE])
        model = self.window.list_model
        model.show_ids(result.ids, self._details())
        self._place_hit_column()
        count = len(result.ids)
        if count:
            self.nothing_found.hide()
            message = (
                self.tr("1 netwerk gevonden")
                if count == 1
                else self.tr("{count} netwerken gevonden").format(count=count)
            )
            self.window.statusBar().showMessage(message)
            if not self.window.list_view.currentIndex().isValid():
                self.window.list_view.scrollToTop()
        else:
            self._show_nothing_found(result.query)
            self.window.statusBar().showMessage(self.tr("Geen netwerken gevonden"))
        self.searchFinished.emit(result)

    def _show_everything(self) -> None:
        state = self.state
        was_active = state.query is not None
        state.query = None
        state.hits = {}
        state.described = set()
        self.nothing_found.hide()
        if was_active or self.window.list_model.is_subset:
            self.window.list_model.show_all()
            self.window.statusBar().clearMessage()
        self.searchFinished.emit(None)

    def _show_nothing_found(self, query: SearchQuery) -> None:
        what = query.text.strip()
        first = (
            self.tr("Geen netwerken gevonden voor ‘{text}’.").format(text=what)
            if what
            else self.tr("Geen netwerken gevonden met deze filters.")
        )
        if query.has_filters:
            hint = self.tr("Tip: wis een of meer filters, of typ minder of kortere woorden.")
        else:
            hint = self.tr(
                "Tip: typ minder of kortere woorden, of controleer de spelling. "
                "Esc wist de zoekopdracht."
            )
        self.nothing_found.setText(f"<p><b>{html.escape(first)}</b></p><p>{html.escape(hint)}</p>")
        self._place_overlay()
        self.nothing_found.show()
        self.nothing_found.raise_()

    def _details(self) -> dict[UUID, tuple[str, str]]:
        language = self._language()
        return {
            network_id: (hit.matched_label(language), hit.snippet)
            for network_id, hit in self.state.hits.items()
            if hit.matched_field is not None
        }

    def _language(self) -> Literal["nl", "en"]:
        return "en" if self.window.language == "en" else "nl"

    def _push_details(self) -> None:
        self.window.list_model.set_hit_details(self._details())
        self._place_hit_column()

    def _place_hit_column(self) -> None:
        """Show "Gevonden in" right after the name, where the eye is, not off to the right."""
        from desktop.window.network_list import Column

        view = self.window.list_view
        if self.window.list_model.columnCount() <= Column.HIT:
            return
        header = view.horizontalHeader()
        if header.visualIndex(Column.HIT) != 1:
            header.moveSection(header.visualIndex(Column.HIT), 1)
            view.setColumnWidth(Column.HIT, HIT_COLUMN_WIDTH)

    def _snippet_html(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        from desktop.window.network_list import ID_ROLE

        network_id = index.data(ID_ROLE)
        hit = self.state.hits.get(network_id) if isinstance(network_id, UUID) else None
        if hit is None or hit.matched_field is None:
            return None
        language = self._language()
        color = self.window.list_view.palette().color(
            self.window.list_view.palette().ColorRole.PlaceholderText
        )
        label = hit.matched_label(language)
        return f"<span style='color:{color.name()}'>{html.escape(label)}:</span> {hit.snippet_html}"

    def _describe_visible(self) -> None:
        """Fetch field and snippet for rows scrolled into view that do not have them yet."""
        query = self.state.query
        if query is None or not query.text.strip():
            return
        view = self.window.list_view
        model = self.window.list_model
        first = max(view.rowAt(0), 0)
        last = view.rowAt(view.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        wanted = [
            network_id
            for row in range(first, last + 1)
            if (network_id := model.id_at(row)) is not None
            and network_id not in self.state.described
        ][:DETAIL_PAGE]
        if not wanted:
            return
        self.state.described.update(wanted)
        job = _Job(self.state.generation, self.window.session.store, query, describe=wanted)
        self._submit(job)

    # keeping up with the database ---------------------------------------------------------------

    def _on_database_changed(self, _store: object) -> None:
        # Another file: a running query belongs to the old one; search the new one afresh.
        self.state.generation += 1
        self.state.query = None
        self.state.hits = {}
        # A choice of networks from the overview names networks of the old file: dropped.
        self.filters.blockSignals(True)
        self.filters.clear_ids()
        self.filters.blockSignals(False)
        if self.query() is not None:
            self.run()
        else:
            self.nothing_found.hide()

    def _on_changed(self, change: Change) -> None:
        if self.state.query is None:
            return
        if change.kind == ChangeKind.RELOADED:
            self.run()  # many records changed at once (an import): the result may differ
        elif change.ids:
            # A saved record's words changed: its snippet must be taken again when shown.
            self.state.described.difference_update(change.ids)
            for network_id in change.ids:
                self.state.hits.pop(network_id, None)
            if self.window.list_model.rowCount():
                self.nothing_found.hide()
            self.details_timer.start()

    def _escape_on_empty(self) -> None:
        if not self.filters.is_empty():
            self.filters.clear()
            self.run()
        elif self.state.query is not None:
            self.run()

    def _to_list(self) -> None:
        view = self.window.list_view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not view.currentIndex().isValid() and self.window.list_model.rowCount():
            view.select_id(self.window.list_model.id_at(0))

    def _place_overlay(self) -> None:
        viewport = self.window.list_view.viewport()
        self.nothing_found.setGeometry(viewport.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.window.list_view.viewport():
            self._place_overlay()
        return super().eventFilter(watched, event)


def install_search(window: MainWindow) -> SearchController:
    """Put the search field and filters into ``window`` and connect Ctrl+F."""
    controller = SearchController(window)
    window.search_controller = controller  # type: ignore[attr-defined]
    return controller
