"""The record list: a table model that keeps only ids, and the view that shows it.

Like Anki's browser, the model holds the ordered ids of the current result (all networks, or a
search result) and fetches the row data of a page of ids only when the view asks for a row it
has not seen. Ten thousand networks cost ten thousand ids in memory and one query to list;
scrolling fetches pages of :data:`PAGE_SIZE` summaries. The ids are kept as the file writes
them (text): a UUID object is made only for a row someone asks about, since making ten
thousand of them cost more than listing them. The model listens to the database session and
refreshes itself after a change.

For the search (another module): ``show_ids(ids)`` shows a result in the given order,
``set_hit_details({id: (field label, snippet)})`` adds a "Gevonden in" column, ``show_all()``
returns to the full list.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from db.model.changes import Change, ChangeKind
from db.model.formats import format_euro, local_time
from db.storage.listing import Listing, NetworkSummary, SortKey, key_of, uuid_of
from desktop.icons import icon
from desktop.operations import DatabaseSession

PAGE_SIZE = 100  # rows per fetch: a screenful or two, so a jump to the end costs a few ms
CACHE_LIMIT = 5_000
ID_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    MUNICIPALITIES = 1
    PROVINCE = 2
    DRAWING_RIGHT = 3
    PERIOD = 4
    UPDATED = 5
    HIT = 6  # only while search hits are shown


SORT_KEYS: dict[Column, SortKey] = {
    Column.NAME: SortKey.NAME,
    Column.MUNICIPALITIES: SortKey.MUNICIPALITY,
    Column.PROVINCE: SortKey.PROVINCE,
    Column.DRAWING_RIGHT: SortKey.DRAWING_RIGHT,
    Column.PERIOD: SortKey.PERIOD,
    Column.UPDATED: SortKey.UPDATED,
}


class NetworkListModel(QAbstractTableModel):
    """Rows are network ids; cells come from :class:`NetworkSummary` pages fetched on demand."""

    countChanged = Signal(int, int)  # shown rows, networks in the database

    def __init__(self, session: DatabaseSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        # Every id below is the text form (str(UUID)): see the module's docstring.
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._row_of_stale = False
        self._cache: dict[str, NetworkSummary] = {}
        self._subset: list[str] | None = None  # None: every network
        self._hits: dict[str, tuple[str, str]] = {}
        self._sort_column = Column.NAME
        self._descending = False
        self._keep_given_order = (
            False  # a search result stays in its order until a header is clicked
        )
        self._total = 0
        self.fetches = 0  # pages fetched: lets tests see the model loads lazily
        session.changed.connect(self._on_changed)
        session.databaseChanged.connect(self._on_database_changed)

    # what is shown ------------------------------------------------------------------------------

    def show_all(self) -> None:
        """Every network of the database, in the current sort order."""
        self.beginResetModel()
        self._subset = None
        self._hits = {}
        self._set_ids(self._ordered_ids(None))
        self.endResetModel()
        self._emit_count()

    def show_ids(
        self, ids: Iterable[UUID], hit_details: dict[UUID, tuple[str, str]] | None = None
    ) -> None:
        """Exactly these networks (a search result), in the order given."""
        self.beginResetModel()
        self._subset = list(dict.fromkeys(map(key_of, ids)))
        self._hits = _keyed(hit_details or {})
        self._keep_given_order = True
        self._set_ids(list(self._subset))
        self.endResetModel()
        self._emit_count()

    def set_hit_details(self, details: dict[UUID, tuple[str, str]]) -> None:
        """(field label, snippet) per id: shown in a "Gevonden in" column and as a tooltip."""
        had = bool(self._hits)
        if had and not details:
            self.beginRemoveColumns(QModelIndex(), Column.HIT, Column.HIT)
            self._hits = {}
            self.endRemoveColumns()
        elif not had and details:
            self.beginInsertColumns(QModelIndex(), Column.HIT, Column.HIT)
            self._hits = _keyed(details)
            self.endInsertColumns()
        else:
            self._hits = _keyed(details)
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, Column.HIT), self.index(len(self._ids) - 1, Column.HIT)
                )

    @property
    def is_subset(self) -> bool:
        return self._subset is not None

    def ids(self) -> list[UUID]:
        return [uuid_of(network_id) for network_id in self._ids]

    def id_at(self, row: int) -> UUID | None:
        return uuid_of(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, network_id: UUID) -> int | None:
        return self._row(key_of(network_id))

    def _row(self, network_id: str) -> int | None:
        if self._row_of_stale:
            self._row_of = {shown: row for row, shown in enumerate(self._ids)}
            self._row_of_stale = False
        return self._row_of.get(network_id)

    def summary(self, row: int) -> NetworkSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._fetch(row, self._ids[row])

    @property
    def total(self) -> int:
        return self._total

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    # Qt model API -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(Column) if self._hits else len(Column) - 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.NAME: self.tr("Naam"),
            Column.MUNICIPALITIES: self.tr("Gemeenten"),
            Column.PROVINCE: self.tr("Provincie"),
            Column.DRAWING_RIGHT: self.tr("Trekkingsrecht"),
            Column.PERIOD: self.tr("Afsprakennota"),
            Column.UPDATED: self.tr("Gewijzigd"),
            Column.HIT: self.tr("Gevonden in"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), Column(index.column())
        if not 0 <= row < len(self._ids):
            return None
        network_id = self._ids[row]
        if role == ID_ROLE:
            return uuid_of(network_id)
        if role == Qt.ItemDataRole.DecorationRole:
            # The "te controleren" marker: import warnings not yet marked checked.
            if column != Column.NAME:
                return None
            marked = self._fetch(row, network_id)
            return icon("to-check") if marked is not None and marked.to_check else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == Column.DRAWING_RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == Column.HIT:
            hit = self._hits.get(network_id)
            if hit is None:
                return None
            field, snippet = hit
            return (
                f"{field}: {snippet}"
                if role == Qt.ItemDataRole.ToolTipRole
                else f"{field} — {snippet}"
            )
        summary = self._fetch(row, network_id)
        if summary is None:
            return None
        text = self._cell_text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.UPDATED:
            return self.tr("Laatst gewijzigd: {moment}").format(
                moment=local_time(summary.updated_at)
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.PERIOD:
            return summary.current_period or None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME and summary.to_check:
            return self.tr(
                "{name}\nTe controleren: het inlezen van de tekst gaf waarschuwingen."
            ).format(name=text)
        if role == Qt.ItemDataRole.ToolTipRole:
            hit = self._hits.get(network_id)
            if hit is not None:
                return f"{text}\n{self.tr('Gevonden in')} {hit[0]}: {hit[1]}"
            return text or None
        return text

    @staticmethod
    def _cell_text(summary: NetworkSummary, column: Column) -> str:
        if column == Column.NAME:
            return summary.name
        if column == Column.MUNICIPALITIES:
            return summary.municipalities
        if column == Column.PROVINCE:
            return summary.province or ""
        if column == Column.DRAWING_RIGHT:
            return format_euro(summary.drawing_right_eur)
        if column == Column.PERIOD:
            # The header says "Afsprakennota": "2e · 2020–2025" keeps the column narrow.
            return summary.current_period.replace(" afsprakennota ", " · ")
        if column == Column.UPDATED:
            # The date fits a narrow column; the time is in the tooltip.
            return local_time(summary.updated_at)[:10]
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-order by a column: one ``list_ids`` query; a search result keeps its members."""
        if column == Column.HIT:
            return  # hits have no order of their own beyond the search's
        self._sort_column = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._keep_given_order = False
        self._reorder(self._ordered_ids(self._subset))

    # fetching -----------------------------------------------------------------------------------

    def _ordered_ids(self, members: list[str] | None) -> list[str]:
        source = self._session.listing
        sort = SORT_KEYS[self._sort_column]
        if isinstance(source, Listing):
            ordered = source.list_keys(sort, self._descending)
        else:
            ordered = [key_of(network_id) for network_id in source.list_ids(sort, self._descending)]
        self._total = len(ordered)
        if members is None:
            return ordered
        if self._keep_given_order:
            existing = set(ordered)
            return [network_id for network_id in members if network_id in existing]
        wanted = set(members)
        return [network_id for network_id in ordered if network_id in wanted]

    def _fetch(self, row: int, network_id: str) -> NetworkSummary | None:
        summary = self._cache.get(network_id)
        if summary is not None:
            return summary
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        start = row - row % PAGE_SIZE
        page = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        self.fetches += 1
        for fetched in self._session.listing.summaries(page):
            self._cache[key_of(fetched.id)] = fetched
        return self._cache.get(network_id)

    def _set_ids(self, ids: list[str]) -> None:
        self._ids = ids
        self._row_of_stale = True  # rebuilt when first asked: often several changes come first

    def _reorder(self, new_ids: list[str]) -> None:
        """Change order and membership while keeping the selection on the same records.

        Rows that left are removed and new ones inserted with the proper signals (a layout
        change may not alter the row count); then one layout change puts them in order.
        """
        wanted = set(new_ids)
        row = len(self._ids) - 1 if not wanted.issuperset(self._ids) else -1
        while row >= 0:  # rows that left, a run of neighbours at a time, from the bottom up
            if self._ids[row] in wanted:
                row -= 1
                continue
            last = row
            while row > 0 and self._ids[row - 1] not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._ids[row : last + 1]
            self._set_ids(self._ids)
            self.endRemoveRows()
            row -= 1
        added = []
        if len(self._ids) < len(new_ids):
            shown = set(self._ids)
            added = [network_id for network_id in new_ids if network_id not in shown]
        if added:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._set_ids(self._ids + added)
            self.endInsertRows()
        if self._ids != new_ids:
            self.layoutAboutToBeChanged.emit()
            old_persistent = self.persistentIndexList()
            old_ids = [
                self._ids[index.row()] if 0 <= index.row() < len(self._ids) else None
                for index in old_persistent
            ]
            self._set_ids(list(new_ids))
            new_persistent = []
            for index, network_id in zip(old_persistent, old_ids, strict=True):
                new_row = self._row(network_id) if network_id is not None else None
                new_persistent.append(
                    QModelIndex() if new_row is None else self.index(new_row, index.column())
                )
            self.changePersistentIndexList(old_persistent, new_persistent)
            self.layoutChanged.emit()
        self._emit_count()

    def _emit_count(self) -> None:
        if self._subset is None:
            self._total = len(self._ids)
        self.countChanged.emit(len(self._ids), self._total)

    # listening ----------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        changed = [key_of(network_id) for network_id in change.ids]
        for network_id in changed:
            self._cache.pop(network_id, None)
        if change.kind == ChangeKind.RELOADED:
            self._cache.clear()
            if self._subset is None:
                self.show_all()
            else:
                self._reorder(self._ordered_ids(self._subset))
            return
        if self._subset is not None:
            if change.kind == ChangeKind.DELETED:
                gone = set(changed)
                self._subset = [i for i in self._subset if i not in gone]
            elif change.kind == ChangeKind.CREATED:
                # Show what the user just made, even while a search result is shown.
                self._subset.extend(i for i in changed if i not in self._subset)
        # The changed values may move rows (a renamed network), so the order is asked again.
        self._reorder(self._ordered_ids(self._subset))
        for network_id in changed:
            row = self._row(network_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _on_database_changed(self, _store: object) -> None:
        self._cache.clear()
        self.show_all()

    def refresh(self) -> None:
        """Re-read everything (another program may have changed the file)."""
        self._on_changed(Change(ChangeKind.RELOADED))


def _keyed(details: dict[UUID, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    return {key_of(network_id): detail for network_id, detail in details.items()}


class NetworkListView(QTableView):
    """The table of networks; ``currentIdChanged`` says which record the user picked."""

    def __init__(
        self,
        model: NetworkListModel,
        parent: QWidget | None = None,
        *,
        sort_column: int = Column.NAME,
        descending: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("networkList")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # A fixed row height: the view never measures rows, so it never fetches rows it hides.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setSortIndicatorShown(True)
        if not 0 <= sort_column < Column.HIT:
            sort_column = Column.NAME
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sort_column, order)
        self.set_default_widths()
        # Turning sorting on sorts once: that is the list's first (and only) load at start-up.
        self.setSortingEnabled(True)

    def list_model(self) -> NetworkListModel:
        model = self.model()
        assert isinstance(model, NetworkListModel)
        return model

    def current_id(self) -> UUID | None:
        index = self.currentIndex()
        return self.list_model().id_at(index.row()) if index.isValid() else None

    def select_id(self, network_id: UUID | None) -> bool:
        """Make ``network_id`` the current row (and scroll to it); False if it is not shown."""
        model = self.list_model()
        row = model.row_of(network_id) if network_id is not None else None
        if row is None:
            self.selectionModel().clearSelection()
            self.setCurrentIndex(QModelIndex())
            return False
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.selectRow(row)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def set_default_widths(self) -> None:
        """Wide enough for a typical value and for the (bold) header with its sort arrow."""
        cells = self.fontMetrics()
        bold = self.horizontalHeader().font()
        bold.setBold(True)
        header = QFontMetrics(bold)
        model = self.list_model()
        for column, sample in TYPICAL_TEXT.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(cells.horizontalAdvance(sample) + 24, header.horizontalAdvance(title) + 30)
            self.setColumnWidth(column, width)

    def preferred_width(self) -> int:
        """Wide enough to show every column (and a scroll bar) without cutting them off."""
        return (
            sum(self.column_widths())
            + 2 * self.frameWidth()
            + self.verticalScrollBar().sizeHint().width()
        )

    def column_widths(self) -> list[int]:
        return [self.columnWidth(column) for column in range(Column.HIT)]

    def set_column_widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths[: Column.HIT]):
            if width > 10:
                self.setColumnWidth(column, width)


# What a typical cell holds, to size the columns for the font in use.
TYPICAL_TEXT = {
    Column.NAME: "Lokaal netwerk Oudenaarde",
    Column.MUNICIPALITIES: "Oudenaarde",  # several are elided; the tooltip has them all
    Column.PROVINCE: "Oost-Vlaanderen",
    Column.DRAWING_RIGHT: "€ 17.641,00",
    Column.PERIOD: "2e · 2020–2025",
    Column.UPDATED: "25/11/2026",
}
