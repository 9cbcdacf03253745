"""Real main windows on a real database file, for the GUI robustness tests.

The dialogs are scripted with the ``answers`` fixture of ``tests/desktop/conftest.py`` (imported
by the test modules), so no modal dialog can block a test.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from db.storage.store import Store
from desktop.form.form_widgets import LineField, TextField
from desktop.operations import DatabaseSession
from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import sample_profiles, type_text


def filled_database(path: Path) -> list[str]:
    """A database with the three sample networks; returns their names."""
    store = Store.open(path)
    names = [store.create(profile).name for profile in sample_profiles()]
    store.close()
    return names


def open_window(qtbot: QtBot, path: Path, settings_file: Path) -> MainWindow:
    """A main window with its own Store on ``path``, as a second program or window would have."""
    window = MainWindow(DatabaseSession(Store.open(path)), Settings(settings_file))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def show(window: MainWindow, name: str) -> None:
    network_id = next(
        profile.id for profile in window.session.store.iter_profiles() if profile.name == name
    )
    window.list_view.select_id(network_id)
    assert window.form.current_id == network_id


def type_into(qtbot: QtBot, window: MainWindow, key: str, text: str) -> None:
    """Type at the end of a one-line or multi-line field, as a user would."""
    editor = window.form.editors[key]
    assert isinstance(editor, LineField | TextField)
    target = editor.focus_target()
    target.setFocus()
    type_text(qtbot, target, text)


def close_quietly(window: MainWindow) -> None:
    if window.has_form():
        window.form.discard()
    window.close()
    window.session.close()


def paste_into(window: MainWindow, key: str, text: str) -> None:
    """Paste a (long) text at the end of a multi-line field, as Ctrl+V would."""
    editor = window.form.editors[key]
    assert isinstance(editor, TextField)
    editor.text.setFocus()
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.text.insertPlainText(text)
