"""Personal data in the window: the Personen view (Beeld › Personen…), the help page
"Persoonsgegevens in Netwerken" (Help menu). Installed by :func:`install_privacy`; everything
it adds to the window is its own, so other parts can add to the same menus independently."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from desktop.privacy.help import PersonalDataHelp
    from desktop.privacy.persons_view import PersonsView
    from desktop.window.main_window import MainWindow


class WindowPrivacy(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("windowPrivacy")
        self.window = window
        self.view: PersonsView | None = None
        self.help: PersonalDataHelp | None = None
        self.action_persons = QAction(self.tr("Personen…"), window)
        self.action_persons.setObjectName("actionPersons")
        tip = self.tr("Alle contactpersonen: inzage geven of iemand wissen")
        self.action_persons.setToolTip(tip)
        self.action_persons.setStatusTip(tip)
        self.action_persons.triggered.connect(lambda _checked=False: self.show_persons())
        self.action_help = QAction(self.tr("Persoonsgegevens in Netwerken"), window)
        self.action_help.setObjectName("actionPersonalDataHelp")
        self.action_help.triggered.connect(lambda _checked=False: self.show_help())
        window.menu_view.insertAction(window.action_refresh, self.action_persons)
        window.menu_view.insertSeparator(window.action_refresh)
        help_menu = window.menu_help
        first = help_menu.actions()[0] if help_menu.actions() else None
        if first is None:
            help_menu.addAction(self.action_help)
        else:
            help_menu.insertAction(first, self.action_help)

    def show_persons(self) -> PersonsView:
        from desktop.privacy.persons_view import PersonsView

        if self.view is None:
            self.view = PersonsView(self.window)
        else:
            self.view.reload()
        self.view.show()
        self.view.activateWindow()
        return self.view

    def show_help(self) -> PersonalDataHelp:
        from desktop.privacy.help import PersonalDataHelp

        if self.help is None:
            self.help = PersonalDataHelp(self.window, self.window.language)
        self.help.show()
        self.help.activateWindow()
        return self.help


def install_privacy(window: MainWindow) -> WindowPrivacy:
    """Add Beeld › Personen… and Help › Persoonsgegevens in Netwerken to ``window``."""
    return WindowPrivacy(window)
