"""Bestand › Importeren › Fiches importeren…: files in, duplicates asked about, list refreshed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.text.text_import import ReadText
from desktop.exchange import text_import
from desktop.exchange.text_import import DuplicateAnswer, install_text_import
from desktop.window.main_window import MainWindow
from tests.desktop.conftest import Answers

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def controller(window: MainWindow) -> text_import.TextImportController:
    return install_text_import(window)


def test_the_menu_action_imports_the_chosen_files(
    controller: text_import.TextImportController,
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    monkeypatch.setattr(
        text_import,
        "choose_text_files",
        lambda *_: [SAMPLES / "dilbeek.txt", SAMPLES / "wevelgem.txt"],
    )
    before = window.list_model.rowCount()
    assert window.action_import_profiles.isEnabled()
    window.action_import_profiles.trigger()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == before + 2)
    title, text = answers.last("show_text")
    assert title == "Fiches geïmporteerd"
    assert "2 geïmporteerd" in text and "wevelgem.txt" in text


def test_a_duplicate_is_asked_about_and_for_all_is_remembered(
    controller: text_import.TextImportController,
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(text_import, "ask_duplicate", lambda *_: (DuplicateAnswer.KEEP, True))
    controller.import_files([SAMPLES])
    count = window.session.store.count()
    asked: list[str] = []

    def ask(_parent: object, item: ReadText) -> tuple[DuplicateAnswer, bool]:
        asked.append(item.path.name)
        return DuplicateAnswer.UPDATE, True

    monkeypatch.setattr(text_import, "ask_duplicate", ask)
    report = controller.import_files([SAMPLES])
    assert report is not None
    assert len(asked) == 1  # "the same for all that follow"
    assert window.session.store.count() == count
    assert report.summary() == "5 bijgewerkt"
    assert window.session.store.find_by_municipality("Wevelgem")[0].version == 2


def test_stopping_at_a_duplicate_stores_nothing(
    controller: text_import.TextImportController,
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = window.session.store.count()
    monkeypatch.setattr(text_import, "ask_duplicate", lambda *_: (DuplicateAnswer.CANCEL, False))
    assert controller.import_files([SAMPLES]) is None
    assert window.session.store.count() == count
    assert "niets opgeslagen" in window.statusBar().currentMessage()


def test_a_failing_store_shows_the_reason_and_keeps_the_database(
    controller: text_import.TextImportController,
    window: MainWindow,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from db.model.errors import BusyError

    count = window.session.store.count()

    def busy(*_args: object, **_kwargs: object) -> None:
        raise BusyError()

    monkeypatch.setattr(window.session.store, "write_batch", busy)
    assert controller.import_files([SAMPLES / "dilbeek.txt"]) is None
    title, message = answers.last("show_error")
    assert title == "Import mislukt" and "bezet" in message
    assert window.session.store.count() == count


def test_a_large_folder_reads_with_progress_and_can_be_cancelled(
    controller: text_import.TextImportController,
    window: MainWindow,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    text = (SAMPLES / "dilbeek.txt").read_text(encoding="utf-8")
    for number in range(text_import.PROGRESS_FROM_FILES + 5):
        (tmp_path / f"fiche-{number:02d}.txt").write_text(
            text.replace("Dilbeek", f"Dilbeek{number}"), encoding="utf-8"
        )
    count = window.session.store.count()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 10)
    assert controller.import_files([tmp_path]) is None
    assert window.session.store.count() == count
    assert "geannuleerd" in window.statusBar().currentMessage()
