"""Starting the window: QApplication, translations, the database, the main window.

Start-up speed matters: the window is shown with its list before anything else is done. A
database file that is ours and current is opened with a header check only; the list reads it
with plain sqlite3, and SQLAlchemy, pydantic, the form and the store are loaded just after the
first paint (a new, older or damaged file still goes the full way: first run, migration). Keep
heavy imports out of the modules this one loads before the first paint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.settings import APPLICATION, ORGANIZATION

if TYPE_CHECKING:
    from desktop.operations import DatabaseSession
    from desktop.settings import Settings
    from desktop.window.main_window import MainWindow


def parse_gui_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="netwerken", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", choices=["nl", "en"], default=None)
    # Hidden: for checking a built program (see desktop.smoke_test).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true")
    options, _unknown = parser.parse_known_args(args)
    return options


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, made once, with the program's names and look."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationDisplayName("Netwerken")
    from desktop.style import apply_style

    apply_style(app)
    return app


def build_main_window(session: DatabaseSession, settings: Settings, language: str) -> MainWindow:
    """The main window with every part of the program plugged in (also for the screenshots)."""
    from desktop.window.main_window import MainWindow

    window = MainWindow(session, settings, language=language)
    from desktop.exchange.dialogs import install_exchange

    install_exchange(window)  # import/export/backup actions; the daily backup after first paint
    from desktop.printing.view import install_printing

    install_printing(window)  # the "Profiel" tab, print and PDF actions
    from desktop.window.history_view import install_history

    install_history(window)  # the "Geschiedenis" tab, Verwijderde netwerken…, Voorkeuren…
    from desktop.window.search_bar import install_search

    install_search(window)  # the search field (Ctrl+F) and filters in the toolbar
    from desktop.exchange.text_import import install_text_import

    install_text_import(window)  # Bestand › Importeren › Fiches importeren…
    from desktop.overview.view import install_overview

    install_overview(window)  # the "Overzicht" tab (charts load when it is first shown)
    from desktop.window.help_menu import install_help

    install_help(window)  # Help: searching, shortcuts, where the data is
    from desktop.privacy import install_privacy

    install_privacy(window)  # Beeld › Personen…, Help › Persoonsgegevens in Netwerken
    return window


def open_session(target: str | None) -> DatabaseSession:
    """The database to start with: ``target`` (a path or an SQLAlchemy URL) or the default one.

    A file that exists, is ours and has the current schema is only header-checked and read once
    (a damaged file is refused here, not in every view); its store is built after the first
    paint. Anything else goes through :func:`db.text.samples.open_default_or`: a foreign or newer file
    is refused, an older one migrated, a missing default created and filled with the samples.
    """
    from db.storage import dbfile
    from db.storage.listing import Listing
    from db.storage.locations import default_database_path
    from desktop.operations import DatabaseSession

    if target is None or "://" not in target:
        path = Path(target) if target is not None else default_database_path()
        if path.exists():
            header = dbfile.check_openable(path)
            if header.schema_version == dbfile.SCHEMA_VERSION:
                from db.storage.schema_check import check_database_file

                check_database_file(path, header.schema_version)  # its own triggers refused
                Listing(path).count()
                return DatabaseSession(path=path)
    from db.text.samples import open_default_or

    return DatabaseSession(open_default_or(target))


def offer_database_move(settings: Settings, language: str) -> None:
    """Before the default database opens: if it still lies in the old, hidden place, offer to
    move it to Documents/Netwerken (once per start, until moved or declined for good)."""
    from db.storage.locations import move_database, pending_move

    move = pending_move()
    if move is None or not settings.preferences.offer_database_move:
        return
    from db.model.errors import DatabaseFileError, StoreError
    from desktop import dialogs

    choice = dialogs.ask_move_database(None, move.old, move.new)
    if choice is dialogs.MoveChoice.NEVER:
        settings.preferences.offer_database_move = False
    if choice is not dialogs.MoveChoice.MOVE:
        return
    try:
        report = move_database(move.old, move.new)
    except (StoreError, DatabaseFileError) as error:
        dialogs.show_error(
            None,
            QCoreApplication.translate("App", "Niet verplaatst"),
            error.english if language == "en" else str(error),
        )
        return
    settings.preferences.remove_recent_database(str(move.old.resolve()))
    dialogs.show_info(
        None,
        QCoreApplication.translate("App", "Database verplaatst"),
        QCoreApplication.translate("App", "De database staat nu in {path}.").format(
            path=report.database
        ),
    )


def run_gui(args: list[str]) -> int:
    options = parse_gui_args(args)
    app = application()
    from desktop.i18n import install_translations
    from desktop.settings import Settings

    settings = Settings()
    language = install_translations(app, options.lang or settings.preferences.language)

    from db.model.errors import StoreError
    from db.storage.dbfile import DatabaseFileError
    from desktop import dialogs
    from desktop.diagnostics import install_excepthook, logger

    if options.db is None and not options.smoke_test:  # a check run never waits for an answer
        offer_database_move(settings, language)
    logger.info("venster start (database %s)", options.db or "standaard")
    try:
        session = open_session(options.db)
    except (DatabaseFileError, StoreError) as error:
        logger.warning("database niet geopend: %s", error)
        dialogs.show_critical(
            None,
            QCoreApplication.translate("App", "Database niet geopend"),
            error.english if language == "en" else str(error),
        )
        return 1

    window = build_main_window(session, settings, language)
    if session.path is not None:
        settings.preferences.add_recent_database(session.path)
    if options.smoke_test:
        from desktop.smoke_test import install_smoke_test

        install_smoke_test(window)
    # An error nobody caught: logged, and a sentence instead of a window that just vanishes.
    restore_hooks = install_excepthook(
        lambda sentence: dialogs.show_critical(
            window, QCoreApplication.translate("App", "Er ging iets mis"), sentence
        ),
        language=language,
    )
    window.show()  # the record shown last time follows right after the list's first paint
    try:
        code = app.exec()
    finally:
        restore_hooks()
        session.close()
    return code
