"""The Help menu: how to search, the keyboard shortcuts, and where the data is kept.

Each topic opens a small window beside the main one (not modal: the officer can keep the search
help open while typing a search). The shortcuts are read from the window's own actions, so the
list never disagrees with the menus. "Map openen" hands a local folder to the desktop's file
manager (a ``file:`` URL: no network is involved).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.window.main_window import MainWindow

translate = QCoreApplication.translate


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager (made first if it does not exist yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class HelpWindow(QDialog):
    """A topic: a page of text, and buttons that open folders where the page names them."""

    def __init__(self, parent: QWidget, title: str, page: str) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(title)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # no link leaves the program
        self.browser.setHtml(page)
        layout.addWidget(self.browser)
        self.folder_buttons = QHBoxLayout()
        layout.addLayout(self.folder_buttons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def add_folder_button(self, text: str, folder: Path) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(str(folder))
        button.clicked.connect(lambda _checked=False: open_folder(folder))
        self.folder_buttons.addWidget(button)
        return button

    def text(self) -> str:
        return self.browser.toPlainText()


class HelpMenu(QObject):
    """Fills the window's Help menu (its "Over Netwerken" stays last)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shown: HelpWindow | None = None
        self.action_search = self._action(self.tr("Zoeken: zo werkt het"), self.show_search_help)
        self.action_shortcuts = self._action(self.tr("Sneltoetsen"), self.show_shortcuts)
        self.action_shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.action_data = self._action(
            self.tr("Waar staan mijn gegevens?"), self.show_where_data_is
        )
        menu = window.menu_help
        about = window.action_about
        for action in (self.action_search, self.action_shortcuts, self.action_data):
            menu.insertAction(about, action)
        menu.insertSeparator(about)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.window.addAction(action)
        return action

    def _show(self, title: str, page: str) -> HelpWindow:
        if self.shown is not None:
            self.shown.close()
            self.shown.deleteLater()
        self.shown = HelpWindow(self.window, title, page)
        self.shown.show()
        return self.shown

    # the topics ---------------------------------------------------------------------------------

    def show_search_help(self) -> HelpWindow:
        rows = [
            (
                "uitpas genk",
                self.tr(
                    "netwerken met beide woorden, in welk veld ook (hoofdletters en accenten "
                    "tellen niet)"
                ),
            ),
            ("welz", self.tr("ook het begin van een woord: welzijn, welzijnsschakel")),
            ('"sociale dienst"', self.tr("de woorden samen, in deze volgorde")),
            ("uitpas OF kansenpas", self.tr("het ene of het andere (ook: OR)")),
            ("vorming -sport", self.tr("met vorming, maar zonder sport (ook: NIET sport)")),
        ]
        table = "".join(
            f"<tr><td><code>{escape(example)}</code></td><td>{escape(meaning)}</td></tr>"
            for example, meaning in rows
        )
        title = self.tr("Zoeken")
        how = self.tr(
            "Typ in het zoekveld (Ctrl+F). De lijst toont wat je zoekt terwijl je typt; de kolom "
            "Gevonden in zegt waar het woord staat."
        )
        filters = self.tr(
            "Filters (knop Filters) beperken op provincie, gemeente, jaar, trekkingsrecht, "
            "partner en instrument. Esc wist de zoekopdracht, nog eens Esc de filters. Pijl "
            "omlaag gaat naar de lijst."
        )
        page = (
            f"<h3>{escape(title)}</h3><p>{escape(how)}</p>"
            f"<table cellpadding='4'>{table}</table><p>{escape(filters)}</p>"
        )
        return self._show(self.tr("Zoeken: zo werkt het"), page)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do): the window's actions with a shortcut, then the form's keys."""
        rows: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for action in self.window.findChildren(QAction):
            keys = ", ".join(
                shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                for shortcut in action.shortcuts()
            )
            name = action.text().replace("&", "").rstrip("…").strip()
            if not keys or not name or (keys, name) in seen:
                continue
            seen.add((keys, name))
            rows.append((keys, name))
        rows.sort(key=lambda row: row[1].casefold())
        rows += [
            (
                self.tr("Tab, Shift+Tab"),
                self.tr(
                    "naar het volgende of vorige veld; in een tabel naar de volgende of vorige cel"
                ),
            ),
            (self.tr("Enter"), self.tr("in Gemeenten of Instrumenten: de getypte naam toevoegen")),
            (self.tr("Pijl omlaag, Enter"), self.tr("een voorgestelde gemeente kiezen")),
            (self.tr("F2"), self.tr("de gekozen cel of doelstelling bewerken")),
            (
                self.tr("Esc"),
                self.tr("een cel verlaten zonder te bewaren; in het zoekveld: wissen"),
            ),
            (self.tr("Alt + onderstreepte letter"), self.tr("een menu openen")),
        ]
        return rows

    def show_shortcuts(self) -> HelpWindow:
        table = "".join(
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
            for keys, what in self.shortcut_rows()
        )
        title = self.tr("Sneltoetsen")
        page = f"<h3>{escape(title)}</h3><table cellpadding='3'>{table}</table>"
        return self._show(title, page)

    def show_where_data_is(self) -> HelpWindow:
        path = self.window.session.path
        settings = Path(self.window.settings.path)
        if path is None:
            page = escape(self.tr("Deze database is geen bestand op deze computer."))
            return self._show(self.tr("Waar staan mijn gegevens?"), page)
        from db.storage.backup import backup_folder

        backups = backup_folder(path)
        title = self.tr("Waar staan mijn gegevens?")
        database_title = self.tr("De database")
        database_text = self.tr(
            "Alle fiches staan in dit ene bestand. Kopieer het (met het programma dicht) om ze "
            "mee te nemen, of gebruik Bestand › Exporteren."
        )
        backups_title = self.tr("De back-ups")
        backups_text = self.tr(
            "Netwerken maakt elke dag bij de start een back-up, en ook voor het inlezen van een "
            "database of uitwisselbestand, voor het terugzetten van een back-up en voor het "
            "omzetten naar een nieuwe versie. De oudste worden opgeruimd. Terugzetten: Bestand › "
            "Back-up terugzetten…"
        )
        settings_title = self.tr("De instellingen")
        page = (
            f"<h3>{escape(title)}</h3>"
            f"<p><b>{escape(database_title)}</b><br>{escape(str(path))}</p>"
            f"<p>{escape(database_text)}</p>"
            f"<p><b>{escape(backups_title)}</b><br>{escape(str(backups))}</p>"
            f"<p>{escape(backups_text)}</p>"
            f"<p><b>{escape(settings_title)}</b><br>{escape(str(settings))}</p>"
        )
        shown = self._show(self.tr("Waar staan mijn gegevens?"), page)
        shown.add_folder_button(self.tr("Map van de database openen"), path.parent)
        shown.add_folder_button(self.tr("Map van de back-ups openen"), backups)
        return shown


def install_help(window: MainWindow) -> HelpMenu:
    """Put the help topics in the window's Help menu, above "Over Netwerken"."""
    helper = HelpMenu(window)
    window.help_menu = helper  # type: ignore[attr-defined]
    return helper
