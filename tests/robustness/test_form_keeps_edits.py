"""Edits that could not be saved stay in the form, with a clear message, whatever went wrong.

Real failures, not a monkeypatched store: the file moved away while the window runs, SQLite
refusing writes (``PRAGMA query_only``, what a write-protected file gives; tests run as root,
which ignores ``chmod``), a full disk (``PRAGMA max_page_count``: SQLITE_FULL, as a full disk
gives), and another program holding the write lock. Each time the edit survives in the form,
and saving again once the cause is gone stores exactly that edit. Closing the window or moving
to another record with edits that cannot be saved keeps the window and the record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from db.storage import engine as engine_module
from desktop import dialogs
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, _no_modal_dialogs, answers, by_name
from tests.robustness.second_program import SecondProgram
from tests.robustness.windows import (
    close_quietly,
    filled_database,
    open_window,
    paste_into,
    show,
    type_into,
)

__all__ = ["_no_modal_dialogs", "answers"]  # fixtures shared with the desktop tests
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")  # offscreen platform

BORSBEEK = "Lokaal netwerk Borsbeek"
GENK = "Lokaal netwerk Genk"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    database = tmp_path / "werk.sqlite"
    filled_database(database)
    return database


@pytest.fixture
def window(qtbot: QtBot, path: Path, tmp_path: Path, answers: Answers) -> Iterator[MainWindow]:
    main = open_window(qtbot, path, tmp_path / "instellingen.ini")
    show(main, BORSBEEK)
    yield main
    close_quietly(main)


def pragma_on_every_connection(window: MainWindow, pragma: str) -> Any:
    def apply(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(window.session.store.engine, "connect", apply)
    return apply


def lift(window: MainWindow, listener: Any) -> None:
    event.remove(window.session.store.engine, "connect", listener)


def assert_kept(window: MainWindow, key: str, ending: str) -> None:
    assert window.isVisible()
    assert window.form.is_modified()
    assert window.form.values()[key].endswith(ending)
    assert by_name(window.session.store, BORSBEEK).name == BORSBEEK  # still on that record


def test_the_file_moved_away_keeps_the_edit_and_says_so(
    qtbot: QtBot, window: MainWindow, answers: Answers, path: Path
) -> None:
    type_into(qtbot, window, "region", " en omstreken")
    away = path.with_name("elders.sqlite")
    path.rename(away)
    assert window.save_record() is False
    title, message = answers.last("show_error")
    assert title == "Niet opgeslagen"
    assert "verplaatst of verwijderd" in message
    assert not path.exists()  # no new, empty file in its place
    assert window.form.is_modified()
    assert window.form.values()["region"] == "Zuidrand en omstreken"
    away.rename(path)
    assert window.save_record() is True
    assert by_name(window.session.store, BORSBEEK).region == "Zuidrand en omstreken"


def test_a_write_protected_file_keeps_the_edit_and_says_so(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    listener = pragma_on_every_connection(window, "PRAGMA query_only = ON")
    type_into(qtbot, window, "alias", " beschermd")
    assert window.save_record() is False
    assert "alleen-lezen" in answers.last("show_error")[1]
    assert_kept(window, "alias", " beschermd")
    lift(window, listener)
    assert window.save_record() is True
    assert by_name(window.session.store, BORSBEEK).alias == "Surplus beschermd"


def test_a_full_disk_keeps_the_edit_and_says_so(
    window: MainWindow, answers: Answers, path: Path
) -> None:
    with sqlite3.connect(path) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    listener = pragma_on_every_connection(window, f"PRAGMA max_page_count = {pages}")
    pasted = "\n\nEen lange bijlage bij de visie. " + "Nog een zin over de werking. " * 2000
    paste_into(window, "vision", pasted)
    assert window.save_record() is False
    assert "schijf is vol" in answers.last("show_error")[1]
    assert_kept(window, "vision", pasted)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lift(window, listener)
    assert window.save_record() is True
    assert by_name(window.session.store, BORSBEEK).vision.endswith(pasted.strip()[-60:])


def test_another_program_holding_the_lock_keeps_the_edit_and_says_so(
    qtbot: QtBot,
    path: Path,
    tmp_path: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    main = open_window(qtbot, path, tmp_path / "instellingen.ini")
    other = SecondProgram(path)
    try:
        show(main, BORSBEEK)
        type_into(qtbot, main, "region", " tijdens het slot")
        other.wait_ready()
        other.send("hold")
        assert other.answer() == "locked"
        assert main.save_record() is False
        assert "bezet door een ander programma" in answers.last("show_error")[1]
        assert main.form.values()["region"] == "Zuidrand tijdens het slot"
        other.send("release")
        assert other.answer() == "released"
        assert main.save_record() is True
        assert by_name(main.session.store, BORSBEEK).region == "Zuidrand tijdens het slot"
    finally:
        other.close()
        close_quietly(main)


def test_closing_with_edits_that_cannot_be_saved_keeps_the_window_open(
    qtbot: QtBot, window: MainWindow, answers: Answers, path: Path
) -> None:
    type_into(qtbot, window, "region", " niet kwijt")
    away = path.with_name("elders.sqlite")
    path.rename(away)
    answers.save_choice = dialogs.SaveChoice.SAVE
    assert window.close() is False
    assert "save" in answers.names()
    assert "Niet opgeslagen" in [args[0] for name, args in answers.shown if name == "show_error"]
    assert window.isVisible()
    assert window.form.values()["region"] == "Zuidrand niet kwijt"
    away.rename(path)
    assert window.close() is True  # now the save succeeds and the window may close
    assert by_name(window.session.store, BORSBEEK).region == "Zuidrand niet kwijt"


def test_moving_to_another_record_with_edits_that_cannot_be_saved_stays_put(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    listener = pragma_on_every_connection(window, "PRAGMA query_only = ON")
    type_into(qtbot, window, "region", " blijft staan")
    borsbeek = window.form.current_id
    answers.save_choice = dialogs.SaveChoice.SAVE
    genk = next(p.id for p in window.session.store.iter_profiles() if p.name == GENK)
    assert window.open_record(genk) is False
    qtbot.wait(10)  # the list's deferred re-selection
    assert window.form.current_id == borsbeek
    assert window.form.values()["region"] == "Zuidrand blijft staan"
    lift(window, listener)
    assert window.open_record(genk) is True
    assert by_name(window.session.store, BORSBEEK).region == "Zuidrand blijft staan"
