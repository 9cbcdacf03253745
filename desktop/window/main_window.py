"""The main window: the list of networks on the left, the editor (and later the print view) on
the right, menus and a toolbar for the daily work.

Integration points for the other parts of the program (keep them stable):

``self.session``            :class:`desktop.operations.DatabaseSession`: the open database;
                            ``changed(Change)`` / ``databaseChanged(store)`` tell what changed.
``self.list_model``         :class:`desktop.window.network_list.NetworkListModel`: ``show_ids(ids)``,
                            ``set_hit_details({id: (field label, snippet)})``, ``show_all()``.
``self.list_view``          the table showing it.
``self.toolbar``            the main toolbar; the search field goes at its right end.
``self.tabs``               right-hand ``QTabWidget``; tab 0 is "Fiche bewerken" (the form).
                            The print view adds a "Profiel" tab.
``self.form``               :class:`desktop.form.network_form.NetworkForm` (built on first use).
``currentRecordChanged``    signal with the id of the network shown (``None`` for nothing or a
                            new, unsaved one).
``self.menu_file``, ``self.menu_import``, ``self.menu_export``, ``self.menu_edit``,
``self.menu_view``, ``self.menu_help``: the menus.
Placeholder actions, disabled until their module connects them (call
``enable_action(action, slot)``): ``action_find`` (Ctrl+F), ``action_print`` (Ctrl+P),
``action_print_preview``, ``action_export_pdf``, ``action_import_db``, ``action_export_db``,
``action_import_profiles``, ``action_export_other``, ``action_restore_backup``.
``action_without_personal_data``  checkable, in Exporteren: every export (database, JSON, CSV,
                            Excel, PDF) leaves without contact names, e-mail addresses and phone
                            numbers while it is checked (roles and organisations stay).
``confirm_leave_record()``  asks to save unsaved edits; call it before anything that replaces
                            the shown record or the database (imports, restoring a backup).
``open_record(id)``         shows a network, asking first about unsaved edits.
``refresh()``               re-reads the file in every view (``Change(RELOADED)``).
``after_first_paint(work)`` runs ``work`` once the list has been painted (start-up work the
                            first paint does not need: the daily backup, loading the store).
A module plugs itself in with an ``install_...(window)`` function called from
:func:`desktop.app.build_main_window`.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.model.changes import Change, ChangeKind
from db.model.errors import NotFoundError, StoreError
from db.storage.dbfile import PROGRAM_VERSION, DatabaseFileError
from desktop import dialogs
from desktop.form.undo import DeleteNetworkCommand
from desktop.i18n import LANGUAGES
from desktop.icons import icon
from desktop.operations import DatabaseSession
from desktop.settings import Settings
from desktop.window.network_list import Column, NetworkListModel, NetworkListView

if TYPE_CHECKING:
    from db.model.schemas import NetworkProfile
    from desktop.form.network_form import NetworkForm

STATUS_TIMEOUT_MS = 6000
# The form takes priority over the list: it gets its comfortable width, the list what is left
# (down to its name column; the other columns scroll). Below FORM_MIN_WIDTH nothing is squeezed
# further: the window has a minimum size instead.
FORM_WIDTH = 780
FORM_MIN_WIDTH = 560
LIST_MIN_WIDTH = 180  # about a name: the list's other columns then scroll sideways
# Window widths that count as one size: the list keeps the width the officer gave it in each.
SIZE_CLASSES: tuple[tuple[int, str], ...] = ((1200, "narrow"), (1700, "medium"))


# The first window size; never larger than the screen (see _apply_default_layout).
DEFAULT_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    currentRecordChanged = Signal(object)

    def __init__(
        self, session: DatabaseSession, settings: Settings, *, language: str = "nl"
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.settings = settings
        self.language = language
        self._form: NetworkForm | None = None
        self._form_focus: QWidget | None = None  # where the officer last was in the form
        self._syncing_selection = False
        self.setWindowIcon(icon("netwerken"))

        self.undo_group = QUndoGroup(self)
        self.window_undo_stack = QUndoStack(self)  # deleting networks
        self.undo_group.addStack(self.window_undo_stack)
        self.undo_group.setActiveStack(self.window_undo_stack)

        self.list_model = NetworkListModel(session, self)
        self.list_model.language = language
        state = settings.window
        self.list_view = NetworkListView(
            self.list_model, self, sort_column=state.sort_column, descending=state.sort_descending
        )
        self.list_view.set_column_widths(state.column_widths)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordTabs")
        self.tabs.setDocumentMode(True)
        self.editor_stack = QStackedWidget(self.tabs)
        self.empty_page = self._build_empty_page()
        self.editor_stack.addWidget(self.empty_page)
        self.tabs.addTab(self.editor_stack, self.tr("Fiche bewerken"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.tabs.setMinimumWidth(FORM_MIN_WIDTH)
        self.list_view.setMinimumWidth(min(self.list_view.name_width(), LIST_MIN_WIDTH))
        # Measured once: the last column stretches with the list, and would widen it every time.
        self._list_columns_width = self.list_view.preferred_width()
        self.splitter.splitterMoved.connect(self._remember_list_width)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("pathLabel")
        self.statusBar().addPermanentWidget(self.path_label)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()

        self.list_model.countChanged.connect(self._show_count)
        self.list_model.countChanged.connect(lambda *_args: self._mark_outside_list())
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.list_model.modelReset.connect(self._reselect_form_record)
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(self._remember_sort)
        session.databaseChanged.connect(self._on_database_changed)
        self._journal_told: set[Path | None] = set()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

        self._show_count(self.list_model.rowCount(), self.list_model.total)
        self._update_title()
        self._update_actions()
        self._restore_window_state()

        # Start-up: the list is painted first, the form follows right after. The row is made
        # current quietly, so that the list's focus does not pick (and load) another one.
        self._select_quietly(self._first_record_id())
        if self.list_model.rowCount() and not self.session.store_is_open:
            # Its record follows once the store is loaded after the first paint (under a second).
            self._empty_hint.setText(self.tr("Fiche laden…"))
        self._awaiting_first_paint = True
        self._after_first_paint: list[Callable[[], object]] = []
        self.list_view.viewport().installEventFilter(self)
        self.list_view.clicked.connect(self._on_clicked)

    # building -----------------------------------------------------------------------------------

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(self._choose_hint(), page)
        self._empty_hint = label
        label.setObjectName("emptyHint")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)
        return page

    def _choose_hint(self) -> str:
        return self.tr("Kies een netwerk in de lijst, of maak een nieuw netwerk (Ctrl+N).")

    def _action(
        self,
        text: str,
        slot: Callable[[], Any] | None = None,
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _placeholder(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        """An action a later part of the program fills in; visible, but disabled until then."""
        action = self._action(text, shortcut=shortcut, icon_name=icon_name)
        action.setEnabled(False)
        not_yet = self.tr("komt in een volgende versie")
        action.setToolTip(f"{text.rstrip('…')} ({not_yet})")
        action.setStatusTip(not_yet)
        return action

    def enable_action(self, action: QAction, slot: Callable[[], Any]) -> None:
        """Connect a placeholder action to its real work and enable it."""
        action.triggered.connect(lambda _checked=False: slot())
        action.setToolTip(action.text().replace("&", "").rstrip("…"))
        action.setStatusTip("")
        action.setEnabled(True)

    def _create_actions(self) -> None:
        self.action_new_database = self._action(
            self.tr("Nieuwe database…"), self.new_database, icon_name="new-database"
        )
        self.action_open_database = self._action(
            self.tr("Database openen…"),
            self.open_database,
            shortcut=QKeySequence.StandardKey.Open,
            icon_name="open-database",
        )
        self.action_import_db = self._placeholder(self.tr("Database importeren…"))
        self.action_import_profiles = self._placeholder(self.tr("Fiches importeren…"))
        self.action_export_db = self._placeholder(self.tr("Database exporteren…"))
        self.action_export_other = self._placeholder(self.tr("Exporteren als JSON, CSV of Excel…"))
        self.action_restore_backup = self._placeholder(self.tr("Back-up terugzetten…"))
        self.action_without_personal_data = QAction(self.tr("Zonder persoonsgegevens"), self)
        self.action_without_personal_data.setObjectName("actionWithoutPersonalData")
        self.action_without_personal_data.setCheckable(True)
        tip = self.tr(
            "Exporteren zonder namen, e-mailadressen en telefoonnummers van contactpersonen "
            "(rol en organisatie blijven), ook niet in de brontekst of de geschiedenis"
        )
        self.action_without_personal_data.setToolTip(tip)
        self.action_without_personal_data.setStatusTip(tip)
        self.action_print = self._placeholder(
            self.tr("Afdrukken…"), QKeySequence.StandardKey.Print, "print"
        )
        self.action_print_preview = self._placeholder(self.tr("Afdrukvoorbeeld…"))
        self.action_export_pdf = self._placeholder(self.tr("Exporteren als PDF…"))
        self.action_quit = self._action(
            self.tr("Afsluiten"), self.close, shortcut=QKeySequence("Ctrl+Q")
        )
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.action_new = self._action(
            self.tr("Nieuw netwerk"),
            self.new_network,
            shortcut=QKeySequence.StandardKey.New,
            icon_name="new-network",
            tip=self.tr("Een nieuw netwerk toevoegen (Ctrl+N)"),
        )
        self.action_save = self._action(
            self.tr("Opslaan"),
            self.save_record,
            shortcut=QKeySequence.StandardKey.Save,
            icon_name="save",
            tip=self.tr("Het netwerk opslaan (Ctrl+S)"),
        )
        self.action_revert = self._action(
            self.tr("Wijzigingen ongedaan maken"),
            self.revert_record,
            icon_name="revert",
            tip=self.tr("Terug naar de opgeslagen versie"),
        )
        self.action_delete = self._action(
            self.tr("Verwijderen"),
            self.delete_record,
            icon_name="delete",
            tip=self.tr("Het gekozen netwerk verwijderen"),
        )
        # Delete only in the list: in a form field the key deletes text, not the network.
        self.action_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.action_delete)
        self.list_view.addAction(self.action_delete)

        self.action_undo = self.undo_group.createUndoAction(self, self.tr("Ongedaan maken"))
        self.action_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.action_undo.setIcon(icon("undo"))
        self.action_redo = self.undo_group.createRedoAction(self, self.tr("Opnieuw"))
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.action_redo.setIcon(icon("redo"))
        self.addAction(self.action_undo)
        self.addAction(self.action_redo)

        self.action_find = self._placeholder(
            self.tr("Zoeken"), QKeySequence.StandardKey.Find, "search"
        )
        self.action_refresh = self._action(
            self.tr("Vernieuwen"),
            self.refresh,
            shortcut=QKeySequence.StandardKey.Refresh,
        )
        self.action_reset_layout = self._action(
            self.tr("Standaardindeling herstellen"), self.reset_layout
        )
        self.action_about = self._action(self.tr("Over Netwerken"), self.show_about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        chosen = self.settings.preferences.language
        for code, name in LANGUAGES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            self.language_actions[code] = action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(self.tr("&Bestand"))
        self.menu_file.addAction(self.action_new_database)
        self.menu_file.addAction(self.action_open_database)
        self.menu_recent = self.menu_file.addMenu(self.tr("Recente databases"))
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addSeparator()
        self.menu_import = self.menu_file.addMenu(self.tr("Importeren"))
        self.menu_import.addAction(self.action_import_profiles)
        self.menu_import.addAction(self.action_import_db)
        self.menu_export = self.menu_file.addMenu(self.tr("Exporteren"))
        self.menu_export.addAction(self.action_export_db)
        self.menu_export.addAction(self.action_export_other)
        self.menu_export.addAction(self.action_export_pdf)
        self.menu_export.addSeparator()
        self.menu_export.addAction(self.action_without_personal_data)
        self.menu_file.addAction(self.action_restore_backup)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_print_preview)
        self.menu_file.addAction(self.action_print)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)

        self.menu_edit = bar.addMenu(self.tr("Be&werken"))
        self.menu_edit.addAction(self.action_new)
        self.menu_edit.addAction(self.action_save)
        self.menu_edit.addAction(self.action_revert)
        self.menu_edit.addAction(self.action_delete)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.action_undo)
        self.menu_edit.addAction(self.action_redo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.action_find)

        self.menu_view = bar.addMenu(self.tr("Bee&ld"))
        self.menu_view.addAction(self.action_refresh)
        self.menu_language = self.menu_view.addMenu(self.tr("Taal"))
        for action in self.language_actions.values():
            self.menu_language.addAction(action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.action_reset_layout)

        self.menu_help = bar.addMenu(self.tr("&Help"))
        self.menu_help.addAction(self.action_about)
        for menu in (
            self.menu_file,
            self.menu_edit,
            self.menu_view,
            self.menu_help,
            self.menu_import,
            self.menu_export,
        ):
            menu.setToolTipsVisible(True)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Werkbalk"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.action_new)
        self.toolbar.addAction(self.action_save)
        self.toolbar.addAction(self.action_delete)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_undo)
        self.toolbar.addAction(self.action_redo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_print)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.menu_view.insertAction(self.action_reset_layout, self.toolbar.toggleViewAction())
        for action in (self.action_undo, self.action_redo):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # the form -----------------------------------------------------------------------------------

    @property
    def form(self) -> NetworkForm:
        """The editor, built the first time a record is shown (start-up does not pay for it)."""
        if self._form is None:
            from desktop.form.network_form import NetworkForm

            form = NetworkForm(self.session, language=self.language, parent=self.editor_stack)
            form.modifiedChanged.connect(self._on_form_modified)
            form.recordChanged.connect(self._on_form_record_changed)
            form.saved.connect(self._on_saved)
            self.editor_stack.addWidget(form)
            self.undo_group.addStack(form.undo_stack)
            self._form = form
        return self._form

    def has_form(self) -> bool:
        return self._form is not None

    def _form_id(self) -> UUID | None:
        return self._form.current_id if self._form is not None else None

    def _on_form_modified(self, _modified: bool) -> None:
        self._update_title()
        self._update_actions()

    def _mark_outside_list(self) -> None:
        """A search that leaves out the network in the form: the form says so."""
        form = self._form
        if form is not None:
            shown = form.current_id
            form.set_outside_list(
                shown is not None
                and self.list_model.is_subset
                and self.list_model.row_of(shown) is None
            )

    def _on_form_record_changed(self, network_id: UUID | None) -> None:
        form = self.form
        self.editor_stack.setCurrentWidget(form if form.has_record() else self.empty_page)
        self._select_quietly(network_id)
        self._mark_outside_list()
        if network_id is not None:
            self.settings.window.last_network_id = str(network_id)
        self._update_actions()
        self._update_title()
        self.currentRecordChanged.emit(network_id)

    def _on_saved(self, profile: NetworkProfile) -> None:
        self.statusBar().showMessage(
            self.tr("Opgeslagen: {name}").format(name=profile.name), STATUS_TIMEOUT_MS
        )

    # choosing a record --------------------------------------------------------------------------

    def confirm_leave_record(self) -> bool:
        """True when the shown record may be replaced: no edits, or saved, or discarded."""
        if self._form is None or not self._form.is_modified():
            return True
        choice = dialogs.ask_save_discard_cancel(self, self._form.display_name())
        if choice == dialogs.SaveChoice.SAVE:
            return self._form.save()
        if choice == dialogs.SaveChoice.DISCARD:
            self._form.discard()
            return True
        return False

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_selection or not current.isValid():
            return
        network_id = self.list_model.id_at(current.row())
        if network_id is None or (network_id == self._form_id() and self._form is not None):
            return
        if not self.confirm_leave_record():
            # Stay on the record with the edits; the list follows the form, not the other way,
            # and the officer goes on where they were typing, with undo for those edits.
            QTimer.singleShot(0, self, self._reselect_form_record)
            self._select_quietly(self._form_id())
            QTimer.singleShot(0, self, self._back_to_form)
            return
        self.show_record(network_id)

    def show_record(self, network_id: UUID) -> bool:
        """Load a record into the form (without asking: call confirm_leave_record first)."""
        try:
            profile = self.session.get(network_id)
        except NotFoundError as error:
            dialogs.show_error(self, self.tr("Niet gevonden"), error.message(self.language))
            self.list_model.refresh()
            return False
        except StoreError as error:
            dialogs.show_error(self, self.tr("Niet geopend"), error.message(self.language))
            return False
        self.form.load(profile)
        return True

    def open_record(self, network_id: UUID) -> bool:
        """Show a record, asking first about unsaved edits (for search results, links)."""
        if network_id == self._form_id():
            return True
        if not self.confirm_leave_record():
            return False
        return self.show_record(network_id)

    def _select_quietly(self, network_id: UUID | None) -> None:
        self._syncing_selection = True
        try:
            self.list_view.select_id(network_id)
        finally:
            self._syncing_selection = False

    def _reselect_form_record(self) -> None:
        self._select_quietly(self._form_id())

    def select_first_record(self) -> None:
        """The record shown last time, else the first of the list (after opening a file)."""
        network_id = self._first_record_id()
        if network_id is not None:
            self.show_record(network_id)

    def _first_record_id(self) -> UUID | None:
        wanted = self.settings.window.last_network_id
        network_id: UUID | None = None
        if wanted:
            try:
                candidate = UUID(wanted)
            except ValueError:
                candidate = None
            if candidate is not None and self.list_model.row_of(candidate) is not None:
                network_id = candidate
        if network_id is None:
            network_id = self.list_model.id_at(0)
        return network_id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._awaiting_first_paint
            and watched is self.list_view.viewport()
            and event.type() == QEvent.Type.Paint
        ):
            self._awaiting_first_paint = False
            watched.removeEventFilter(self)
            # From the next turn of the event loop: this paint goes out first, undisturbed.
            QTimer.singleShot(
                0, self, lambda: self.session.prepare_in_background(self._show_initial_record)
            )
            for work in self._after_first_paint:
                QTimer.singleShot(0, self, work)
            self._after_first_paint.clear()
        return False

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` right after the list's first paint (at once if that is past)."""
        if self._awaiting_first_paint:
            self._after_first_paint.append(work)
        else:
            QTimer.singleShot(0, self, work)

    def _show_initial_record(self) -> None:
        """Once the store is loaded after the list's first paint: the form with its record."""
        self._empty_hint.setText(self._choose_hint())
        self.tell_journal_note()
        if self._form is not None and self._form.has_record():
            return  # the user was quicker
        network_id = self.list_view.current_id() or self._first_record_id()
        if network_id is not None:
            self.show_record(network_id)

    def _on_clicked(self, index: QModelIndex) -> None:
        """A click on the row that is already current (chosen at start-up, not yet shown)."""
        if index.row() != self.list_view.currentIndex().row():
            return  # a click that changed the current row was handled as such
        network_id = self.list_model.id_at(index.row())
        if network_id is not None and network_id != self._form_id():
            self._on_current_row_changed(index, QModelIndex())

    # editing ------------------------------------------------------------------------------------

    def new_network(self) -> None:
        if not self.confirm_leave_record():
            return
        self.form.new_record()
        self.tabs.setCurrentIndex(0)

    def save_record(self) -> bool:
        return self._form.save() if self._form is not None else True

    def revert_record(self) -> None:
        if self._form is not None:
            self._form.revert()

    def delete_record(self) -> None:
        """Delete the network shown (after confirmation); undoable during the session."""
        form = self._form
        if form is None or not form.has_record():
            return
        if form.is_new:
            if not form.is_modified() or dialogs.confirm_discard_new(self):
                form.clear()
            return
        record = form.stored_profile()
        assert record is not None
        if not dialogs.confirm_delete(self, record.name, unsaved_changes=form.is_modified()):
            return
        row = self.list_model.row_of(record.id)
        form.discard()
        try:
            removed = self.session.delete(record.id, expected_version=record.version)
        except StoreError as error:
            dialogs.show_error(self, self.tr("Niet verwijderd"), error.message(self.language))
            self.list_model.refresh()
            return
        command = DeleteNetworkCommand(
            self.session,
            removed,
            may_delete_again=self._may_delete_again,
            restored=self._on_restored,
            failed=self._on_undo_failed,
        )
        self.window_undo_stack.push(command)
        self.undo_group.setActiveStack(self.window_undo_stack)
        self.statusBar().showMessage(
            self.tr("'{name}' verwijderd. Ongedaan maken (Ctrl+Z) zet het terug.").format(
                name=removed.name
            ),
            STATUS_TIMEOUT_MS,
        )
        # Go on with the neighbouring record, as a list does after a deletion.
        next_id = self.list_model.id_at(min(row or 0, self.list_model.rowCount() - 1))
        if next_id is not None:
            self.show_record(next_id)
        self.list_view.setFocus()

    def _may_delete_again(self, profile: NetworkProfile) -> bool:
        """Redo of a deletion: ask again only if the record has unsaved edits in the form."""
        form = self._form
        if form is not None and form.current_id == profile.id and form.is_modified():
            if not dialogs.confirm_delete(self, profile.name, unsaved_changes=True):
                return False
            form.discard()
        return True

    def _on_restored(self, network_id: UUID) -> None:
        if self._form is None or not self._form.is_modified():
            self.show_record(network_id)
        self.statusBar().showMessage(self.tr("Netwerk teruggezet."), STATUS_TIMEOUT_MS)

    def _on_undo_failed(self, error: StoreError) -> None:
        dialogs.show_error(self, self.tr("Niet gelukt"), error.message(self.language))

    # databases ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the file (another program may have changed it): every view refreshes."""
        self.session.announce(Change(ChangeKind.RELOADED))

    def _start_folder(self) -> Path | None:
        """None: the file dialogs start in the last folder used, or Documents."""
        return None

    def open_database(self, path: Path | None = None) -> bool:
        if not self.confirm_leave_record():
            return False
        if path is None:
            path = dialogs.choose_open_path(self, self._start_folder())
            if path is None:
                return False
        try:
            self.session.open_database(path)
        except (DatabaseFileError, StoreError) as error:
            english = self.language == "en"
            dialogs.show_error(
                self,
                self.tr("Database niet geopend"),
                self.tr("{reason}\n\nDe huidige database blijft open.").format(
                    reason=error.english if english else str(error)
                ),
            )
            return False
        self.settings.preferences.add_recent_database(path)
        return True

    def new_database(self) -> bool:
        if not self.confirm_leave_record():
            return False
        path = dialogs.choose_new_path(self, self._start_folder())
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        try:
            self.session.new_database(path)
        except (DatabaseFileError, StoreError) as error:
            dialogs.show_error(
                self,
                self.tr("Database niet gemaakt"),
                error.english if self.language == "en" else str(error),
            )
            return False
        self.settings.preferences.add_recent_database(path)
        return True

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        recent = self.settings.preferences.recent_databases
        # As the user chose it: resolve() would turn a mapped drive into a UNC path on Windows.
        current = os.path.abspath(self.session.path) if self.session.path else None
        for entry in recent:
            action = self.menu_recent.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            if entry == current:
                action.setCheckable(True)
                action.setChecked(True)
            action.triggered.connect(lambda _checked=False, entry=entry: self.open_recent(entry))
        if not recent:
            empty = self.menu_recent.addAction(self.tr("(nog geen)"))
            empty.setEnabled(False)
            return
        self.menu_recent.addSeparator()
        self.menu_recent.addAction(self.tr("Lijst wissen"), self._clear_recent)

    def open_recent(self, entry: str) -> bool:
        path = Path(entry)
        if not path.exists():
            dialogs.show_error(
                self,
                self.tr("Database niet gevonden"),
                self.tr("{path} bestaat niet meer; het wordt uit de lijst gehaald.").format(
                    path=entry
                ),
            )
            self.settings.preferences.remove_recent_database(entry)
            return False
        return self.open_database(path)

    def _clear_recent(self) -> None:
        self.settings.preferences.recent_databases = []

    def _on_database_changed(self, _store: object) -> None:
        self.window_undo_stack.clear()  # the deleted records belonged to the other file
        self.editor_stack.setCurrentWidget(self.empty_page)
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(
            self.tr("Geopend: {path}").format(path=self.session.path or ""), STATUS_TIMEOUT_MS
        )
        self.tell_journal_note()  # after "Geopend": on a share or in OneDrive, this says why
        QTimer.singleShot(0, self, self.select_first_record)

    def tell_journal_note(self) -> None:
        """Say once per file, in the status bar, why it is written without SQLite's
        write-ahead log (a network drive, a synchronised folder)."""
        if not self.session.store_is_open:
            return
        store = self.session.store
        note = getattr(store, "journal_note", None)
        if note is None or store.path in self._journal_told:
            return
        self._journal_told.add(store.path)
        self.statusBar().showMessage(note[1] if self.language == "en" else note[0])

    # language, layout, about --------------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        if code == self.settings.preferences.language:
            return
        self.settings.preferences.language = code
        dialogs.show_info(
            self,
            self.tr("Taal"),
            self.tr("Netwerken gebruikt de gekozen taal vanaf de volgende start."),
        )

    def reset_layout(self) -> None:
        self.settings.reset_window_state()
        self.list_view.set_default_widths()
        self._list_columns_width = self.list_view.preferred_width()
        self._apply_default_layout()

    def show_about(self) -> None:
        path = self.session.path
        text = self.tr(
            "<h3>Netwerken {version}</h3>"
            "<p>Fiches van lokale netwerken vrijetijdsparticipatie beheren, volledig offline.</p>"
            "<p>Database: {path}<br>Netwerken: {count}</p>"
        ).format(
            # A folder may be called "R&D <i>oud</i>": the path is text, not markup.
            version=PROGRAM_VERSION,
            path=html.escape(str(path or "")),
            count=self.list_model.total,
        )
        dialogs.show_about(self, text)

    # window state -------------------------------------------------------------------------------

    def _apply_default_layout(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen()
        if screen is not None:
            # A first start on a small screen (1024×700) must not open a window wider or taller
            # than the screen, with the form's right half out of reach.
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)
        self.fit_panes()

    @staticmethod
    def size_class(width: int) -> str:
        return next((name for limit, name in SIZE_CLASSES if width < limit), "wide")

    def _list_width_setting(self) -> str:
        return f"list_width_{self.size_class(self.width())}"

    def fit_panes(self) -> None:
        """Share the width: the list as wide as the officer left it at this window size (else
        as wide as its columns, but never at the cost of the form's comfortable width)."""
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return
        chosen = getattr(self.settings.window, self._list_width_setting())
        wanted = chosen or min(self._list_columns_width, total - FORM_WIDTH)
        list_width = max(self.list_view.minimumWidth(), min(wanted, total - FORM_MIN_WIDTH))
        if self.splitter.sizes() != [list_width, total - list_width]:
            self.splitter.setSizes([list_width, total - list_width])

    def _remember_list_width(self, position: int, _index: int) -> None:
        """The officer moved the divider: keep that width for windows of this size."""
        setattr(self.settings.window, self._list_width_setting(), max(position, 1))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # The splitter itself would take a smaller window's width from the form first.
        self.fit_panes()

    def _restore_window_state(self) -> None:
        state = self.settings.window
        self._apply_default_layout()
        if not state.geometry.isEmpty():
            self.restoreGeometry(state.geometry)
        if not state.state.isEmpty():
            self.restoreState(state.state)
        if not state.splitter.isEmpty():
            self.splitter.restoreState(state.splitter)
        self.fit_panes()

    def save_window_state(self) -> None:
        state = self.settings.window
        state.geometry = self.saveGeometry()
        state.state = self.saveState()
        state.splitter = self.splitter.saveState()
        setattr(state, self._list_width_setting(), self.splitter.sizes()[0])
        state.column_widths = self.list_view.column_widths()
        self.settings.sync()

    def _remember_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column < Column.HIT:
            self.settings.window.sort_column = column
            self.settings.window.sort_descending = order == Qt.SortOrder.DescendingOrder

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave_record():
            event.ignore()
            return
        self.save_window_state()
        event.accept()

    # small updates ------------------------------------------------------------------------------

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            text = (
                self.tr("{count} netwerken").format(count=shown)
                if shown != 1
                else self.tr("1 netwerk")
            )
        else:
            text = self.tr("{shown} van {total} netwerken").format(shown=shown, total=total)
        self.count_label.setText(text)

    def _update_title(self) -> None:
        path = self.session.path
        name = path.name if path is not None else self.tr("(geen bestand)")
        self.setWindowTitle(f"{name}[*] — Netwerken")
        self.setWindowModified(self._form is not None and self._form.is_modified())
        self.path_label.setText(str(path) if path is not None else "")

    def _update_actions(self) -> None:
        form = self._form
        has_record = form is not None and form.has_record()
        modified = form is not None and form.is_modified()
        # A new record can be saved untouched: Ctrl+S then says what is still missing.
        self.action_save.setEnabled(modified or (form is not None and form.is_new))
        self.action_revert.setEnabled(modified)
        self.action_delete.setEnabled(has_record)

    def _back_to_form(self) -> None:
        """After a switch was cancelled: the cursor back in the form, where it was."""
        form = self._form
        if form is None:
            return
        target = self._form_focus
        if target is None or not shiboken6.isValid(target) or not form.isAncestorOf(target):
            target = form.scroll_area  # that widget is gone (a closed cell editor)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.undo_group.setActiveStack(form.undo_stack)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Undo follows the focus: form edits in the form, deletions in the list."""
        if new is None or self._form is None:
            return
        if self._form.isAncestorOf(new):
            self._form_focus = new
            self.undo_group.setActiveStack(self._form.undo_stack)
        elif self.list_view.isAncestorOf(new) or new is self.list_view:
            self.undo_group.setActiveStack(self.window_undo_stack)
