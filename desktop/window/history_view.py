"""A network's history in the window: the 'Geschiedenis' tab, 'Verwijderde netwerken…' and the
name the changes are recorded under (Bewerken › Voorkeuren…).

The tab lists the versions of the network shown (date, who, what kind of change, which fields)
and, for the version chosen, what changed field by field, long texts with the changed words
marked. Every text from the file goes through ``html.escape`` before it is shown: a stored
version is data, never markup. 'Deze versie terugzetten' makes that version current again as a
new version, and is undoable (Ctrl+Z puts back the version before it, again as a new version).

Like the print view, the tab reads the history only when it is looked at: choosing records in
the list does not pay for a history nobody sees.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import StoreError
from db.model.formats import format_datetime
from desktop import dialogs

if TYPE_CHECKING:
    from db.storage.history import DeletedNetwork
    from db.storage.history_diff import FieldChange, HistoryEntry
    from desktop.operations import DatabaseSession
    from desktop.window.main_window import MainWindow

translate = QCoreApplication.translate
ModelIndex = QModelIndex | QPersistentModelIndex
STATUS_TIMEOUT_MS = 8000


def local_time(entry_time: Any) -> str:
    return format_datetime(entry_time.astimezone()) if entry_time is not None else ""


def field_label(name: str, language: str) -> str:
    from db.model.messages import FIELD_LABELS

    labels = FIELD_LABELS.get(name, (name, name))
    return labels[1] if language == "en" else labels[0]


# --- the list of versions ---------------------------------------------------------------------


class HistoryModel(QAbstractTableModel):
    """A network's versions, newest first: date, who, what kind of change, which fields."""

    def __init__(self, language: str = "nl", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("History", "Datum"),
                translate("History", "Door"),
                translate("History", "Wat"),
                translate("History", "Velden"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return local_time(entry.recorded_at)
            if column == 1:
                return entry.author
            if column == 2:
                text = entry.kind_text(self.language)
                if not entry.readable:
                    text += translate("History", " (onleesbaar)")
                return text
            return ", ".join(field_label(name, self.language) for name in entry.fields)
        return None


# --- what one version changed ------------------------------------------------------------------

_REMOVED_STYLE = "background-color:#f9d0cc; text-decoration:line-through;"
_ADDED_STYLE = "background-color:#cdebd0;"


def changes_html(changes: Sequence[FieldChange], language: str = "nl") -> str:
    """Field by field, before and after; long texts as one text with changed words marked.
    Every stored text is escaped: nothing from a file is ever read as markup."""
    if not changes:
        return "<p>" + html.escape(translate("History", "Geen inhoudelijke wijziging.")) + "</p>"
    parts: list[str] = []
    for change in changes:
        parts.append(f"<h4>{html.escape(field_label(change.name, language))}</h4>")
        if change.marked:
            pieces = []
            for segment in change.words:
                text = _escaped(segment.text)
                if segment.kind == "removed":
                    pieces.append(f'<span style="{_REMOVED_STYLE}">{text}</span>')
                elif segment.kind == "added":
                    pieces.append(f'<span style="{_ADDED_STYLE}">{text}</span>')
                else:
                    pieces.append(text)
            parts.append(f"<p>{''.join(pieces)}</p>")
            continue
        before = translate("History", "Voordien")
        after = translate("History", "Nu")
        parts.append(
            "<table cellspacing='0' cellpadding='3'>"
            f"<tr><td><i>{html.escape(before)}</i></td>"
            f'<td style="{_REMOVED_STYLE}">{_escaped(change.before) or "—"}</td></tr>'
            f"<tr><td><i>{html.escape(after)}</i></td>"
            f'<td style="{_ADDED_STYLE}">{_escaped(change.after) or "—"}</td></tr></table>'
        )
    return "\n".join(parts)


def _escaped(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class HistoryPanel(QWidget):
    """The 'Geschiedenis' tab: the versions above, what the chosen one changed below."""

    def __init__(self, language: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.language = language
        self.network_id: UUID | None = None
        self.model = HistoryModel(language, self)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        self.view = QTableView(self)
        self.view.setObjectName("historyList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.changes = QTextBrowser(self)
        self.changes.setObjectName("historyChanges")
        self.changes.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.changes)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.restore_button = QPushButton(self.tr("Deze versie terugzetten"), self)
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setEnabled(False)
        row.addWidget(self.restore_button)
        layout.addLayout(row)

    def selected_entry(self) -> HistoryEntry | None:
        index = self.view.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)


# --- wiring into the window --------------------------------------------------------------------


class RevertVersionCommand(QUndoCommand):
    """An older version made current again; undo puts back the version it replaced (both as
    new versions: the history only grows)."""

    def __init__(
        self, history: WindowHistory, network_id: UUID, seq: int, replaced_seq: int, name: str
    ) -> None:
        super().__init__(
            translate("Undo", "terugzetten van een versie van '{name}'").format(name=name)
        )
        self._history = history
        self._network_id = network_id
        self._seq = seq
        self._replaced_seq = replaced_seq
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # done before the command was pushed
            return
        if not self._history.put_back(self._network_id, self._seq):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._history.put_back(self._network_id, self._replaced_seq):
            self.setObsolete(True)


class WindowHistory(QObject):
    """The history tab, 'Verwijderde netwerken…' and 'Voorkeuren…' in the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: DatabaseSession = window.session
        self.session.set_author(window.settings.preferences.author_name)
        self.panel = HistoryPanel(window.language, window.tabs)
        self.tab = window.tabs.addTab(self.panel, self.tr("Geschiedenis"))
        self._shown_id: UUID | None = window.form.current_id if window.has_form() else None
        self._stale = True

        self.action_deleted = QAction(self.tr("Verwijderde netwerken…"), window)
        self.action_deleted.setObjectName("actionDeletedNetworks")
        self.action_deleted.setStatusTip(
            self.tr("Verwijderde netwerken terugvinden en terugzetten")
        )
        self.action_deleted.triggered.connect(lambda _checked=False: self.show_deleted())
        window.menu_edit.insertAction(window.action_undo, self.action_deleted)
        self.action_preferences = QAction(self.tr("Voorkeuren…"), window)
        self.action_preferences.setObjectName("actionPreferences")
        self.action_preferences.triggered.connect(lambda _checked=False: self.edit_preferences())
        window.menu_edit.addSeparator()
        window.menu_edit.addAction(self.action_preferences)

        self.panel.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_changes()
        )
        self.panel.restore_button.clicked.connect(lambda _checked=False: self.restore_selected())
        window.currentRecordChanged.connect(self._on_record_changed)
        self.session.changed.connect(self._on_session_changed)
        self.session.databaseChanged.connect(lambda _store: self._on_record_changed(None))
        window.tabs.currentChanged.connect(lambda _index: self._refresh_if_visible())

    # the tab ------------------------------------------------------------------------------------

    def _on_record_changed(self, network_id: UUID | None) -> None:
        self._shown_id = network_id
        self._stale = True
        self._refresh_if_visible()

    def _on_session_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.RELOADED or self._shown_id in change.ids:
            self._stale = True
            self._refresh_if_visible()

    def _refresh_if_visible(self) -> None:
        if not self._stale or self.window.tabs.currentWidget() is not self.panel:
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the shown network's history now (whether or not the tab is visible)."""
        self._stale = False
        panel = self.panel
        panel.network_id = self._shown_id
        entries: list[HistoryEntry] = []
        if self._shown_id is not None:
            try:
                entries = self.session.store.history_entries(self._shown_id)
            except StoreError as error:
                panel.title.setText(error.message(self.window.language))
        panel.model.set_entries(entries)
        profile = self.session.find(self._shown_id) if self._shown_id is not None else None
        if profile is not None:
            panel.title.setText(
                self.tr("{count} versies van '{name}'").format(
                    count=len(entries), name=profile.name
                )
            )
        elif self._shown_id is None:
            panel.title.setText(self.tr("Kies een netwerk om zijn geschiedenis te zien."))
        panel.changes.clear()
        panel.restore_button.setEnabled(False)
        if entries:
            panel.select_row(0)

    def _show_changes(self) -> None:
        panel = self.panel
        entry = panel.selected_entry()
        if entry is None or panel.network_id is None:
            panel.changes.clear()
            panel.restore_button.setEnabled(False)
            return
        try:
            changes = self.session.store.version_changes(panel.network_id, entry.seq)
        except StoreError as error:
            panel.changes.setPlainText(error.message(self.window.language))
            return
        if entry.deleted:
            panel.changes.setHtml(
                "<p>" + html.escape(self.tr("Het netwerk werd verwijderd.")) + "</p>"
            )
        else:
            panel.changes.setHtml(changes_html(changes, self.window.language))
        newest_own = next((e for e in panel.model.entries if not e.imported), None)
        panel.restore_button.setEnabled(
            not entry.deleted and entry.readable and entry is not newest_own
        )

    def restore_selected(self) -> bool:
        """'Deze versie terugzetten': the chosen version becomes current, as a new version."""
        entry = self.panel.selected_entry()
        network_id = self.panel.network_id
        if entry is None or network_id is None or not self.window.confirm_leave_record():
            return False
        own = [e for e in self.panel.model.entries if not e.imported and not e.deleted]
        replaced = own[0].seq if own else None
        if not self.put_back(network_id, entry.seq):
            return False
        current = self.session.find(network_id)
        if replaced is not None and current is not None:
            command = RevertVersionCommand(self, network_id, entry.seq, replaced, current.name)
            self.window.window_undo_stack.push(command)
            self.window.undo_group.setActiveStack(self.window.window_undo_stack)
        self.window.statusBar().showMessage(
            self.tr("Oudere versie teruggezet. Ongedaan maken (Ctrl+Z) zet de vorige terug."),
            STATUS_TIMEOUT_MS,
        )
        return True

    def put_back(self, network_id: UUID, seq: int) -> bool:
        current = self.session.find(network_id)
        try:
            self.session.revert_to(
                network_id, seq, expected_version=current.version if current else None
            )
        except StoreError as error:
            dialogs.show_error(
                self.window, self.tr("Niet teruggezet"), error.message(self.window.language)
            )
            return False
        if current is None:
            self.window.open_record(network_id)
        return True

    # deleted networks ---------------------------------------------------------------------------

    def show_deleted(self) -> bool:
        """List the deleted networks; the one chosen is put back and shown."""
        try:
            deleted = self.session.store.deleted_networks()
        except StoreError as error:
            dialogs.show_error(
                self.window, self.tr("Niet gelukt"), error.message(self.window.language)
            )
            return False
        chosen = choose_deleted(self.window, deleted)
        if chosen is None or not self.window.confirm_leave_record():
            return False
        try:
            restored = self.session.restore_deleted(UUID(chosen.network_id))
        except StoreError as error:
            dialogs.show_error(
                self.window, self.tr("Niet teruggezet"), error.message(self.window.language)
            )
            return False
        self.window.open_record(restored.id)
        self.window.statusBar().showMessage(
            self.tr("'{name}' teruggezet.").format(name=restored.name), STATUS_TIMEOUT_MS
        )
        return True

    # preferences --------------------------------------------------------------------------------

    def edit_preferences(self) -> bool:
        preferences = self.window.settings.preferences
        name = ask_author_name(self.window, preferences.author_name)
        if name is None:
            return False
        preferences.author_name = name.strip()[:80]
        self.session.set_author(preferences.author_name)
        return True


class DeletedListModel(QAbstractTableModel):
    def __init__(self, deleted: Sequence[DeletedNetwork], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deleted = list(deleted)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.deleted)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("History", "Netwerk"),
                translate("History", "Verwijderd op"),
                translate("History", "Door"),
            )[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        found = self.deleted[index.row()]
        return (found.name, local_time(found.deleted_at), found.author)[index.column()]


class DeletedDialog(QDialog):
    """The deleted networks, newest deletion first; pick one to put it back."""

    def __init__(self, deleted: Sequence[DeletedNetwork], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletedDialog")
        self.setWindowTitle(self.tr("Verwijderde netwerken"))
        self.model = DeletedListModel(deleted, self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Kies een netwerk om het terug te zetten zoals het was voor het verwijderen.")
            if deleted
            else self.tr("Er zijn geen verwijderde netwerken in deze database."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = QTableView(self)
        self.view.setObjectName("deletedList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Terugzetten"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_button()
        )
        if deleted:
            self.view.selectRow(0)
        self._update_button()
        self.resize(640, 420)

    def chosen(self) -> DeletedNetwork | None:
        index = self.view.currentIndex()
        return self.model.deleted[index.row()] if index.isValid() else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


class AuthorDialog(QDialog):
    """Voorkeuren: the name the changes made here are recorded under."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Voorkeuren"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("authorName")
        self.name_edit.setMaxLength(80)
        from db.storage.history import default_author

        self.name_edit.setPlaceholderText(default_author())
        form.addRow(self.tr("Naam"), self.name_edit)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Elke wijziging in de geschiedenis van een netwerk vermeldt deze naam, ook bij "
                "collega's die je bestand samenvoegen. Leeg: de gebruikersnaam van de computer."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def name(self) -> str:
        return self.name_edit.text().strip()


# The questions, one function each, so a test replaces them instead of a blocking dialog.


def choose_deleted(
    parent: QWidget | None, deleted: Sequence[DeletedNetwork]
) -> DeletedNetwork | None:
    dialog = DeletedDialog(deleted, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_author_name(parent: QWidget | None, current: str) -> str | None:
    dialog = AuthorDialog(current, parent)
    try:
        return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def install_history(window: MainWindow) -> WindowHistory:
    return WindowHistory(window)
