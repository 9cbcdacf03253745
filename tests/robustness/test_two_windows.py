"""Two windows on one database file: both saves land, a stale save asks, never overwrites.

Each window has its own Store on the same file, exactly as two running programs would (a
second process is covered in ``test_two_processes.py``; here the windows' own save, conflict
dialog and refresh are what is tested). The conflict dialog is scripted (``answers``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import dialogs
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers, _no_modal_dialogs, answers, by_name
from tests.robustness.windows import close_quietly, filled_database, open_window, show, type_into

__all__ = ["_no_modal_dialogs", "answers"]  # fixtures shared with the desktop tests
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")  # offscreen platform

BORSBEEK = "Lokaal netwerk Borsbeek"
GENK = "Lokaal netwerk Genk"


@pytest.fixture
def windows(
    qtbot: QtBot, tmp_path: Path, answers: Answers
) -> Iterator[tuple[MainWindow, MainWindow]]:
    path = tmp_path / "gedeeld.sqlite"
    filled_database(path)
    first = open_window(qtbot, path, tmp_path / "een.ini")
    second = open_window(qtbot, path, tmp_path / "twee.ini")
    yield first, second
    for window in (first, second):
        close_quietly(window)


def test_saves_of_different_networks_in_two_windows_both_land(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, BORSBEEK)
    show(second, GENK)
    type_into(qtbot, first, "region", " en omstreken")
    type_into(qtbot, second, "region", " Kempen")
    assert first.save_record() is True
    assert second.save_record() is True
    assert "conflict" not in answers.names()
    store = first.session.store
    assert by_name(store, BORSBEEK).region == "Zuidrand en omstreken"
    assert by_name(store, GENK).region == "Zuidrand Kempen"


def test_a_stale_save_in_the_second_window_asks_and_cancel_keeps_both_versions(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, BORSBEEK)
    show(second, BORSBEEK)
    type_into(qtbot, first, "region", " eerste venster")
    assert first.save_record() is True
    type_into(qtbot, second, "alias", " tweede venster")

    answers.conflict = dialogs.ConflictChoice.CANCEL
    assert second.save_record() is False
    assert answers.names().count("conflict") == 1
    message = answers.last("conflict")[0]
    assert "gewijzigd door iemand anders" in message
    store = first.session.store
    stored = by_name(store, BORSBEEK)
    assert stored.region == "Zuidrand eerste venster"  # not overwritten
    assert stored.alias == "Surplus"
    assert second.form.is_modified()  # the second window's edit is still in its form
    assert second.form.values()["alias"] == "Surplus tweede venster"


def test_a_stale_save_overwrites_only_when_the_user_chooses_so(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, BORSBEEK)
    show(second, BORSBEEK)
    type_into(qtbot, first, "region", " eerste venster")
    assert first.save_record() is True
    type_into(qtbot, second, "alias", " tweede venster")
    answers.conflict = dialogs.ConflictChoice.OVERWRITE
    assert second.save_record() is True
    stored = by_name(first.session.store, BORSBEEK)
    assert stored.alias == "Surplus tweede venster"
    assert stored.region == "Zuidrand"  # the second window's whole record, by explicit choice
    assert not second.form.is_modified()


def test_reload_after_a_conflict_shows_the_other_windows_version(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, BORSBEEK)
    show(second, BORSBEEK)
    type_into(qtbot, first, "region", " eerste venster")
    assert first.save_record() is True
    type_into(qtbot, second, "alias", " tweede venster")
    answers.conflict = dialogs.ConflictChoice.RELOAD
    assert second.save_record() is True
    assert second.form.values()["region"] == "Zuidrand eerste venster"
    assert second.form.values()["alias"] == "Surplus"
    assert not second.form.is_modified()


def test_a_network_deleted_in_one_window_is_not_silently_recreated_by_the_other(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, GENK)
    show(second, GENK)
    answers.delete = True
    first.delete_record()
    assert all(p.name != GENK for p in first.session.store.iter_profiles())
    type_into(qtbot, second, "region", " Limburg-Noord")
    answers.conflict = dialogs.ConflictChoice.CANCEL
    assert second.save_record() is False
    assert "verwijderd door iemand anders" in answers.last("conflict")[0]
    assert all(p.name != GENK for p in first.session.store.iter_profiles())
    assert second.form.values()["region"] == "Zuidrand Limburg-Noord"


def test_an_unedited_window_shows_the_other_windows_save_after_a_refresh(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], answers: Answers
) -> None:
    first, second = windows
    show(first, BORSBEEK)
    show(second, BORSBEEK)
    type_into(qtbot, first, "region", " vernieuwd")
    assert first.save_record() is True
    second.refresh()
    assert second.form.values()["region"] == "Zuidrand vernieuwd"
    assert not second.form.is_modified()
