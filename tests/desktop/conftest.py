"""Fixtures for the window tests: a store with records, settings in a temporary file, scripted
answers for every dialog, and a guard that fails a test as soon as a real modal dialog opens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.model.schemas import NetworkProfile
from db.storage.store import Store
from desktop import dialogs
from desktop.operations import DatabaseSession
from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from tests.db.factories import full_profile


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a real modal dialog was opened in a test; script it with `answers`")


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for owner, name in [
        (QDialog, "exec"),
        (QMessageBox, "exec"),
        (QMessageBox, "question"),
        (QMessageBox, "warning"),
        (QMessageBox, "information"),
        (QMessageBox, "critical"),
        (QMessageBox, "about"),
        (QFileDialog, "exec"),
        (QFileDialog, "getOpenFileName"),
        (QFileDialog, "getSaveFileName"),
        (QFileDialog, "getExistingDirectory"),
    ]:
        monkeypatch.setattr(owner, name, _refuse)


@dataclass
class Answers:
    """What the scripted dialogs answer, and a record of every dialog that was shown."""

    save_choice: dialogs.SaveChoice = dialogs.SaveChoice.CANCEL
    delete: bool = True
    discard_new: bool = True
    conflict: dialogs.ConflictChoice = dialogs.ConflictChoice.CANCEL
    open_path: Path | None = None
    new_path: Path | None = None
    shown: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def names(self) -> list[str]:
        return [name for name, _args in self.shown]

    def last(self, name: str) -> tuple[Any, ...]:
        return next(args for shown, args in reversed(self.shown) if shown == name)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    scripted = Answers()

    def record(name: str, result: Any) -> Any:
        def answer(*args: Any, **kwargs: Any) -> Any:
            scripted.shown.append((name, args[1:] + tuple(kwargs.values())))
            return result() if callable(result) else result

        return answer

    monkeypatch.setattr(
        dialogs, "ask_save_discard_cancel", record("save", lambda: scripted.save_choice)
    )
    monkeypatch.setattr(dialogs, "confirm_delete", record("delete", lambda: scripted.delete))
    monkeypatch.setattr(
        dialogs, "confirm_discard_new", record("discard_new", lambda: scripted.discard_new)
    )
    monkeypatch.setattr(dialogs, "ask_conflict", record("conflict", lambda: scripted.conflict))
    monkeypatch.setattr(
        dialogs, "choose_open_path", record("open_path", lambda: scripted.open_path)
    )
    monkeypatch.setattr(dialogs, "choose_new_path", record("new_path", lambda: scripted.new_path))
    for name in ("show_error", "show_info", "show_validation_summary", "show_text", "show_about"):
        monkeypatch.setattr(dialogs, name, record(name, None))
    return scripted


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def sample_profiles() -> list[NetworkProfile]:
    """Three networks that sort differently by each column."""
    return [
        full_profile(),
        full_profile(
            name="Lokaal netwerk Genk",
            alias="",
            municipalities=["Genk"],
            province="Limburg",
            drawing_right_eur="17641",
            agreement_periods=[{"ordinal": 1, "start_year": 2008, "end_year": 2013}],
            contacts=[],
            goals=[],
        ),
        full_profile(
            name="Lokaal netwerk Aalst",
            alias="",
            municipalities=["Aalst"],
            province="Oost-Vlaanderen",
            drawing_right_eur=None,
            agreement_periods=[],
        ),
    ]


@pytest.fixture
def filled_store(store: Store) -> Store:
    for profile in sample_profiles():
        store.create(profile)
    return store


@pytest.fixture
def session(filled_store: Store) -> Iterator[DatabaseSession]:
    opened = DatabaseSession(filled_store)
    yield opened
    opened.store.close()


def dispose(main: MainWindow) -> None:
    """Close a window without questions and delete it now, not at some later event loop:
    other tests look for "the" main window among the top-level widgets."""
    if main.has_form():
        main.form.discard()
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(
    session: DatabaseSession, settings: Settings, answers: Answers
) -> Iterator[Callable[[], MainWindow]]:
    """Main windows on the test's database, disposed of after the test."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        made.append(MainWindow(session, settings))
        return made[-1]

    yield make
    for main in made:
        dispose(main)


@pytest.fixture
def window(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> MainWindow:
    main = make_window()
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    # Right after the list's first paint the form shows the first (or last shown) record.
    qtbot.waitUntil(lambda: main.has_form() and main.form.has_record())
    return main


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user; non-ASCII characters go one by one (keyClicks aborts on them)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(widget, character)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                character,
                Qt.KeyboardModifier.NoModifier,
            )


def by_name(store: Store, name: str) -> NetworkProfile:
    return next(profile for profile in store.iter_profiles() if profile.name == name)
